// FleetSummary over a real WorkflowTableModel: the counts after merges, one changed() per
// event-loop pass however many model signals a merge sends, and the summary text with plural
// forms (an English plural translator stands in for the .qm file).
#include "fleetsummary.h"
#include "workflowtablemodel.h"

#include "models/fleetspec.h"

#include <QSignalSpy>
#include <QTest>

using namespace sw;
using namespace sw::test;
using namespace Qt::StringLiterals;

namespace {

// "f=1 r=2": failed, attention, running, succeeded, pending counts that are not zero.
QString counts(const FleetSummary &s)
{
    QStringList out;
    const std::pair<char16_t, UnifiedStatus> kinds[] = {{u'f', UnifiedStatus::Failed},
        {u'a', UnifiedStatus::NeedsAttention}, {u'r', UnifiedStatus::Running},
        {u's', UnifiedStatus::Succeeded}, {u'p', UnifiedStatus::Pending}};
    for (const auto &[letter, status] : kinds) {
        if (const int n = s.count(status))
            out.append(QString(QChar(letter)) + u'=' + QString::number(n));
    }
    return out.join(u' ');
}

} // namespace

class tst_FleetSummary : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void countsAfterMerges_data();
    void countsAfterMerges();
    void oneChangedPerPass();
    void noChangedWhenCountsStay();
    void text_data();
    void text();
    void textWithoutTranslation();

private:
    EnglishPlurals m_plurals;
};

void tst_FleetSummary::initTestCase()
{
    QVERIFY(QCoreApplication::installTranslator(&m_plurals));
}

void tst_FleetSummary::countsAfterMerges_data()
{
    QTest::addColumn<QStringList>("merges");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("attention");

    QTest::newRow("empty") << QStringList {u""_s} << QString() << 0 << 0;
    QTest::newRow("one of each")
        << QStringList {u"w1=failed w2=needs-attention w3=running w4=succeeded w5=pending"_s}
        << u"f=1 a=1 r=1 s=1 p=1"_s << 5 << 2;
    QTest::newRow("status changes") << QStringList {u"w1=running w2=running w3=running"_s,
        u"w1=failed w2=running w3=succeeded"_s}
                                    << u"f=1 r=1 s=1"_s << 3 << 1;
    QTest::newRow("rows added and removed")
        << QStringList {u"w1=running w2=failed"_s, u"w2=failed w3=failed w4=needs-attention"_s}
        << u"f=2 a=1"_s << 3 << 3;
    QTest::newRow("all gone") << QStringList {u"w1=running"_s, u""_s} << QString() << 0 << 0;
}

void tst_FleetSummary::countsAfterMerges()
{
    QFETCH(QStringList, merges);
    QFETCH(QString, expected);
    QFETCH(int, total);
    QFETCH(int, attention);

    WorkflowTableModel table;
    FleetSummary summary(&table);
    for (const QString &merge : merges) {
        table.mergeWatch(u"a"_s, fleet(merge));
        QCoreApplication::processEvents();
    }
    QCOMPARE(counts(summary), expected);
    QCOMPARE(summary.total(), total);
    QCOMPARE(summary.needsAttention(), attention);
}

void tst_FleetSummary::oneChangedPerPass()
{
    WorkflowTableModel table;
    table.mergeWatch(u"a"_s, fleet(u"w0=succeeded"_s));
    FleetSummary summary(&table);
    QCOMPARE(counts(summary), u"s=1"_s);
    QSignalSpy spy(&summary, &FleetSummary::changed);

    // Row inserts, data changes and removals, all before the event loop runs again.
    table.mergeWatch(u"a"_s, fleet(u"w1=running w2=running"_s));
    for (const WorkflowSnapshot &w : fleet(u"w1=failed w3=needs-attention w4=running"_s))
        table.mergeWorkflow(w);
    table.removeWorkflow(u"a/w2"_s);
    QCOMPARE(spy.count(), 0);
    // Exact before the pass all the same.
    QCOMPARE(counts(summary), u"f=1 a=1 r=1"_s);

    QVERIFY(spy.wait(1000));
    QCOMPARE(spy.count(), 1);
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 1);

    // And again for the next pass.
    table.mergeWorkflow(fleet(u"w4=succeeded"_s).first());
    QVERIFY(spy.wait(1000));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(counts(summary), u"f=1 a=1 s=1"_s);
}

void tst_FleetSummary::noChangedWhenCountsStay()
{
    WorkflowTableModel table;
    table.mergeWatch(u"a"_s, fleet(u"w1=running w2=failed"_s));
    FleetSummary summary(&table);
    QSignalSpy spy(&summary, &FleetSummary::changed);

    // A message changes, two rows swap statuses, a pending action comes and goes.
    QList<WorkflowSnapshot> next = fleet(u"w1=failed w2=running"_s);
    next[0].message = u"Step failed"_s;
    table.mergeWatch(u"a"_s, next);
    table.setPendingAction(u"a/w1"_s, u"Retrying…"_s);
    table.setPendingAction(u"a/w1"_s, QString());
    QTest::qWait(20);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(counts(summary), u"f=1 r=1"_s);
}

void tst_FleetSummary::text_data()
{
    QTest::addColumn<QString>("specs");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << u"No workflows"_s;
    QTest::newRow("one") << u"w1=succeeded"_s << u"1 workflow"_s;
    QTest::newRow("singulars") << u"w1=failed w2=needs-attention w3=running"_s
                               << u"1 failed · 1 needs attention · 1 running · 3 workflows"_s;
    QTest::newRow("plurals")
        << u"w1=failed w2=failed w3=needs-attention w4=needs-attention w5=running w6=running "
           "w7=running w8=succeeded"_s
        << u"2 failed · 2 need attention · 3 running · 8 workflows"_s;
    QTest::newRow("zeros left out")
        << u"w1=needs-attention w2=paused w3=cancelled"_s << u"1 needs attention · 3 workflows"_s;
}

void tst_FleetSummary::text()
{
    QFETCH(QString, specs);
    QFETCH(QString, expected);

    WorkflowTableModel table;
    table.mergeWatch(u"a"_s, fleet(specs));
    const FleetSummary summary(&table);
    QCOMPARE(summary.text(), expected);
}

void tst_FleetSummary::textWithoutTranslation()
{
    QVERIFY(QCoreApplication::removeTranslator(&m_plurals));
    WorkflowTableModel table;
    table.mergeWatch(u"a"_s, fleet(u"w1=failed w2=running"_s));
    const FleetSummary summary(&table);
    QCOMPARE(summary.text(), u"1 failed · 1 running · 2 workflow(s)"_s);
    QVERIFY(QCoreApplication::installTranslator(&m_plurals));
}

QTEST_GUILESS_MAIN(tst_FleetSummary)
#include "tst_fleetsummary.moc"
