// RecordsHistory over a real WorkflowTableModel fed hand-made Customer Profiles snapshots: which
// polls become samples, the cap, and that samples follow the rows of the table.
#include "recordshistory.h"
#include "workflowtablemodel.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

const QDateTime base = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

WorkflowSnapshot profilesWorkflow(const QString &id)
{
    WorkflowSnapshot w;
    w.watchId = u"p"_s;
    w.watchName = u"Profiles"_s;
    w.key = workflowKey(w.watchId, id);
    w.service = Service::CustomerProfiles;
    w.id = id;
    w.name = u"Flow "_s + id;
    w.rawStatus = u"RUNNING"_s;
    w.status = UnifiedStatus::Running;
    return w;
}

QString dump(const QList<RecordsHistory::Sample> &samples)
{
    QStringList out;
    for (const RecordsHistory::Sample &s : samples)
        out.append(u"%1@%2"_s.arg(s.records).arg(base.secsTo(s.time)));
    return out.join(u' ');
}

} // namespace

class tst_RecordsHistory : public QObject {
    Q_OBJECT

private slots:
    void samplesFromPolls_data();
    void samplesFromPolls();
    void cappedAtMaxSamples();
    void onlyCustomerProfiles();
    void existingRowsSampledAtConstruction();
    void forgottenWithTheRow();
    void signalPerKey();
};

void tst_RecordsHistory::samplesFromPolls_data()
{
    // Polls of one workflow: "records@secs" (last update at base + secs), "records!secs" (no
    // last update, the clock at base + secs), "-@secs" (no records figure).
    QTest::addColumn<QString>("polls");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("changes");

    QTest::newRow("first") << u"10@0"_s << u"10@0"_s << 1;
    QTest::newRow("new value") << u"10@0 25@60"_s << u"10@0 25@60"_s << 2;
    QTest::newRow("same value, later") << u"10@0 10@60"_s << u"10@0 10@60"_s << 2;
    QTest::newRow("repeated poll") << u"10@0 10@0 10@0"_s << u"10@0"_s << 1;
    QTest::newRow("ordered") << u"1@0 2@30 3@90 4@91"_s << u"1@0 2@30 3@90 4@91"_s << 4;
    QTest::newRow("same time, revised") << u"10@0 12@0"_s << u"12@0"_s << 2;
    QTest::newRow("late reply dropped") << u"10@60 8@0"_s << u"10@60"_s << 1;
    QTest::newRow("clock without last update") << u"10!5 20!65"_s << u"10@5 20@65"_s << 2;
    QTest::newRow("no figure yet") << u"-@0 -@30 10@60"_s << u"10@60"_s << 1;
    QTest::newRow("figure gone") << u"10@0 -@30"_s << u"10@0"_s << 1;
}

void tst_RecordsHistory::samplesFromPolls()
{
    QFETCH(QString, polls);
    QFETCH(QString, expected);
    QFETCH(int, changes);

    WorkflowTableModel table;
    RecordsHistory history(&table);
    QDateTime clock = base;
    history.setClock([&clock] { return clock; });
    QSignalSpy spy(&history, &RecordsHistory::samplesChanged);

    for (const QString &poll : polls.split(u' ')) {
        const bool fromClock = poll.contains(u'!');
        const QString records = poll.section(QRegularExpression(u"[@!]"_s), 0, 0);
        const int secs = poll.section(QRegularExpression(u"[@!]"_s), 1, 1).toInt();
        WorkflowSnapshot w = profilesWorkflow(u"w1"_s);
        if (records != "-"_L1)
            w.recordsProcessed = records.toLongLong();
        if (fromClock)
            clock = base.addSecs(secs);
        else
            w.lastUpdate = base.addSecs(secs);
        table.mergeWorkflow(w);
    }

    QCOMPARE(dump(history.samples(u"p/w1"_s)), expected);
    QCOMPARE(spy.count(), changes);
    for (const QList<QVariant> &args : std::as_const(spy))
        QCOMPARE(args.at(0).toString(), u"p/w1"_s);
}

void tst_RecordsHistory::cappedAtMaxSamples()
{
    WorkflowTableModel table;
    RecordsHistory history(&table);
    QCOMPARE(history.maxSamples(), RecordsHistory::DefaultMaxSamples);
    history.setMaxSamples(3);
    for (int i = 1; i <= 5; ++i) {
        WorkflowSnapshot w = profilesWorkflow(u"w1"_s);
        w.recordsProcessed = i * 10;
        w.lastUpdate = base.addSecs(i);
        table.mergeWorkflow(w);
    }
    QCOMPARE(dump(history.samples(u"p/w1"_s)), u"30@3 40@4 50@5"_s);

    QSignalSpy spy(&history, &RecordsHistory::samplesChanged);
    history.setMaxSamples(2);
    QCOMPARE(dump(history.samples(u"p/w1"_s)), u"40@4 50@5"_s);
    QCOMPARE(spy.count(), 1);
    history.setMaxSamples(0);
    QCOMPARE(history.maxSamples(), 1);
    QCOMPARE(dump(history.samples(u"p/w1"_s)), u"50@5"_s);
}

void tst_RecordsHistory::onlyCustomerProfiles()
{
    WorkflowTableModel table;
    RecordsHistory history(&table);
    QSignalSpy spy(&history, &RecordsHistory::samplesChanged);
    for (Service service :
        {Service::MigrationHubOrchestrator, Service::ImageBuilder, Service::CodeCatalyst}) {
        WorkflowSnapshot w = profilesWorkflow(QString::number(int(service)));
        w.service = service;
        w.recordsProcessed = 100;
        w.lastUpdate = base;
        table.mergeWorkflow(w);
    }
    QCOMPARE(table.count(), 3);
    QCOMPARE(spy.count(), 0);
    QVERIFY(history.keys().isEmpty());
}

void tst_RecordsHistory::existingRowsSampledAtConstruction()
{
    WorkflowTableModel table;
    WorkflowSnapshot w = profilesWorkflow(u"w1"_s);
    w.recordsProcessed = 7;
    w.lastUpdate = base;
    table.mergeWatch(u"p"_s, {w, profilesWorkflow(u"w2"_s)});

    RecordsHistory history(&table);
    QCOMPARE(dump(history.samples(u"p/w1"_s)), u"7@0"_s);
    QCOMPARE(history.keys(), QStringList {u"p/w1"_s});
}

void tst_RecordsHistory::forgottenWithTheRow()
{
    WorkflowTableModel table;
    RecordsHistory history(&table);
    for (const QString &id : {u"w1"_s, u"w2"_s, u"w3"_s}) {
        WorkflowSnapshot w = profilesWorkflow(id);
        w.recordsProcessed = 1;
        w.lastUpdate = base;
        table.mergeWorkflow(w);
    }
    QSignalSpy spy(&history, &RecordsHistory::samplesChanged);
    table.removeWorkflow(u"p/w2"_s);
    QVERIFY(history.samples(u"p/w2"_s).isEmpty());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), u"p/w2"_s);
    QCOMPARE(dump(history.samples(u"p/w1"_s)), u"1@0"_s);

    table.removeWatch(u"p"_s);
    QVERIFY(history.keys().isEmpty());
    QCOMPARE(spy.count(), 3);
}

void tst_RecordsHistory::signalPerKey()
{
    WorkflowTableModel table;
    RecordsHistory history(&table);
    QSignalSpy spy(&history, &RecordsHistory::samplesChanged);
    QList<WorkflowSnapshot> fleet;
    for (const QString &id : {u"a"_s, u"b"_s}) {
        WorkflowSnapshot w = profilesWorkflow(id);
        w.recordsProcessed = 5;
        w.lastUpdate = base;
        fleet.append(w);
    }
    table.mergeWatch(u"p"_s, fleet);
    fleet[1].recordsProcessed = 9;
    fleet[1].lastUpdate = base.addSecs(60);
    table.mergeWatch(u"p"_s, fleet);

    QStringList keys;
    for (const QList<QVariant> &args : std::as_const(spy))
        keys.append(args.at(0).toString());
    QCOMPARE(keys, (QStringList {u"p/a"_s, u"p/b"_s, u"p/b"_s}));
    QCOMPARE(dump(history.samples(u"p/a"_s)), u"5@0"_s);
    QCOMPARE(dump(history.samples(u"p/b"_s)), u"5@0 9@60"_s);
}

QTEST_GUILESS_MAIN(tst_RecordsHistory)
#include "tst_recordshistory.moc"
