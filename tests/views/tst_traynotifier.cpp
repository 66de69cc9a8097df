// TrayNotifier over a real WorkflowTableModel and FleetSummary: which transitions notify and
// with what text, the kinds that can be turned off, a burst grouped into one message, clicks,
// the tool tip and the menu state. The offscreen platform has no tray, so this is also the
// "works without a tray" test.
#include "traynotifier.h"

#include "fleetsummary.h"
#include "workflowtablemodel.h"

#include "models/fleetspec.h"

#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace sw;
using namespace sw::test;
using namespace Qt::StringLiterals;

namespace {

struct Fixture {
    WorkflowTableModel table;
    FleetSummary summary {&table};
    TrayNotifier notifier {&table, &summary};
    QSignalSpy notified {&notifier, &TrayNotifier::notified};

    // The first merge of the watch: rows appear, nothing transitions.
    explicit Fixture(const QString &specs) { table.mergeWatch(u"a"_s, fleet(specs)); }

    // Merges `specs` as the watch's new state and lets the pass end.
    void poll(const QString &specs)
    {
        table.mergeWatch(u"a"_s, fleet(specs));
        QTest::qWait(1);
        QCoreApplication::processEvents();
    }

    QStringList titles() const
    {
        QStringList out;
        for (const QList<QVariant> &args : notified)
            out.append(args.at(1).toString());
        return out;
    }
};

} // namespace

class tst_TrayNotifier : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void shouldNotify_data();
    void shouldNotify();
    void transitions_data();
    void transitions();
    void disabledKindsAreQuiet();
    void firstAppearanceIsQuiet();
    void burstIsGrouped();
    void mixedBurst();
    void threeStaySingle();
    void clickingAMessage();
    void toolTipFollowsTheFleet();
    void worksWithoutTray();
    void pausedState();

private:
    EnglishPlurals m_plurals;
};

void tst_TrayNotifier::initTestCase()
{
    QVERIFY(QCoreApplication::installTranslator(&m_plurals));
}

void tst_TrayNotifier::shouldNotify_data()
{
    QTest::addColumn<UnifiedStatus>("to");
    QTest::addColumn<QString>("enabled");
    QTest::addColumn<bool>("expected");

    const QString all = u"failed needs-attention succeeded"_s;
    QTest::newRow("failed") << UnifiedStatus::Failed << all << true;
    QTest::newRow("attention") << UnifiedStatus::NeedsAttention << all << true;
    QTest::newRow("succeeded") << UnifiedStatus::Succeeded << all << true;
    QTest::newRow("running") << UnifiedStatus::Running << all << false;
    QTest::newRow("cancelled") << UnifiedStatus::Cancelled << all << false;
    QTest::newRow("failed off") << UnifiedStatus::Failed << u"succeeded"_s << false;
    QTest::newRow("succeeded off") << UnifiedStatus::Succeeded << u"failed"_s << false;
    QTest::newRow("running enabled") << UnifiedStatus::Running << u"running"_s << false;
    QTest::newRow("none") << UnifiedStatus::Failed << QString() << false;
}

void tst_TrayNotifier::shouldNotify()
{
    QFETCH(UnifiedStatus, to);
    QFETCH(QString, enabled);
    QFETCH(bool, expected);

    QSet<UnifiedStatus> set;
    for (const QString &key : enabled.split(u' ', Qt::SkipEmptyParts))
        set.insert(statusFromKey(key).value());
    QCOMPARE(TrayNotifier::shouldNotify(to, set), expected);
}

void tst_TrayNotifier::transitions_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("body");

    const QString where = u"Migration Hub Orchestrator · Production"_s;
    QTest::newRow("failed") << u"w1=running"_s << u"w1=failed"_s << u"Failed: Workflow w1"_s
                            << where + u"\nStep w1 failed"_s;
    QTest::newRow("attention") << u"w1=running"_s << u"w1=needs-attention"_s
                               << u"Needs attention: Workflow w1"_s << where;
    QTest::newRow("succeeded") << u"w1=running"_s << u"w1=succeeded"_s
                               << u"Succeeded: Workflow w1"_s << where;
    QTest::newRow("paused") << u"w1=running"_s << u"w1=paused"_s << QString() << QString();
    QTest::newRow("running again") << u"w1=failed"_s << u"w1=running"_s << QString() << QString();
    QTest::newRow("unchanged") << u"w1=failed"_s << u"w1=failed"_s << QString() << QString();
}

void tst_TrayNotifier::transitions()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, title);
    QFETCH(QString, body);

    Fixture f(before);
    f.poll(after);
    if (title.isEmpty()) {
        QCOMPARE(f.notified.count(), 0);
        return;
    }
    QCOMPARE(f.notified.count(), 1);
    const QList<QVariant> args = f.notified.first();
    QCOMPARE(args.at(0).toString(), u"a/w1"_s);
    QCOMPARE(args.at(1).toString(), title);
    QCOMPARE(args.at(2).toString(), body);
}

void tst_TrayNotifier::disabledKindsAreQuiet()
{
    Fixture f(u"w1=running w2=running w3=running"_s);
    QVERIFY(f.notifier.notifyOn(UnifiedStatus::Failed));
    f.notifier.setNotifyOn(UnifiedStatus::Failed, false);
    f.notifier.setNotifyOn(UnifiedStatus::NeedsAttention, false);
    f.notifier.setNotifyOn(UnifiedStatus::Running, true); // not a kind that notifies
    QVERIFY(!f.notifier.notifyOn(UnifiedStatus::Failed));
    QVERIFY(!f.notifier.notifyOn(UnifiedStatus::Running));
    QVERIFY(f.notifier.notifyOn(UnifiedStatus::Succeeded));

    f.poll(u"w1=failed w2=needs-attention w3=succeeded"_s);
    QCOMPARE(f.titles(), QStringList {u"Succeeded: Workflow w3"_s});

    f.notifier.setNotifyOn(UnifiedStatus::Failed, true);
    f.poll(u"w1=running w2=needs-attention w3=succeeded"_s);
    f.poll(u"w1=failed w2=needs-attention w3=succeeded"_s);
    QCOMPARE(f.titles(), (QStringList {u"Succeeded: Workflow w3"_s, u"Failed: Workflow w1"_s}));
}

void tst_TrayNotifier::firstAppearanceIsQuiet()
{
    Fixture f(u"w1=failed w2=needs-attention"_s);
    QTest::qWait(1);
    QCoreApplication::processEvents();
    QCOMPARE(f.notified.count(), 0);
    // A new row on a watch merged before is new too, not changed.
    f.table.mergeWorkflow(fleet(u"w3=failed"_s).first());
    f.poll(u"w1=failed w2=needs-attention w3=failed w4=succeeded"_s);
    QCOMPARE(f.notified.count(), 0);
}

void tst_TrayNotifier::burstIsGrouped()
{
    Fixture f(u"w1=running w2=running w3=running w4=running w5=running w6=running"_s);
    f.poll(u"w1=failed w2=failed w3=failed w4=failed w5=failed w6=running"_s);
    QCOMPARE(f.notified.count(), 1);
    const QList<QVariant> args = f.notified.first();
    QVERIFY(args.at(0).toString().isEmpty());
    QCOMPARE(args.at(1).toString(), u"5 workflows failed"_s);
    QCOMPARE(
        args.at(2).toString(), u"Workflow w1, Workflow w2, Workflow w3, Workflow w4 and 1 more"_s);
}

void tst_TrayNotifier::mixedBurst()
{
    Fixture f(u"w1=running w2=running w3=running w4=running w5=running"_s);
    // Detail polls of one pass count as one burst.
    for (const WorkflowSnapshot &w :
        fleet(u"w1=succeeded w2=failed w3=needs-attention w4=failed w5=succeeded"_s))
        f.table.mergeWorkflow(w);
    QTRY_COMPARE(f.notified.count(), 1);
    QCOMPARE(f.titles(),
        QStringList {u"2 workflows failed, 1 workflow needs attention, 2 workflows succeeded"_s});
}

void tst_TrayNotifier::threeStaySingle()
{
    Fixture f(u"w1=running w2=running w3=running"_s);
    f.poll(u"w1=failed w2=needs-attention w3=failed"_s);
    QCOMPARE(f.titles(),
        (QStringList {u"Failed: Workflow w1"_s, u"Needs attention: Workflow w2"_s,
            u"Failed: Workflow w3"_s}));
    QCOMPARE(f.notified.at(1).at(0).toString(), u"a/w2"_s);
}

void tst_TrayNotifier::clickingAMessage()
{
    Fixture f(u"w1=running w2=running w3=running w4=running w5=running"_s);
    QSignalSpy activated(&f.notifier, &TrayNotifier::workflowActivated);
    QSignalSpy show(&f.notifier, &TrayNotifier::showWindowRequested);
    f.notifier.activateLastMessage(); // nothing shown yet
    QCOMPARE(activated.count() + show.count(), 0);

    f.poll(u"w1=failed w2=succeeded w3=running w4=running w5=running"_s);
    f.notifier.activateLastMessage();
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().at(0).toString(), u"a/w2"_s);

    f.poll(u"w1=failed w2=succeeded w3=failed w4=failed w5=failed w6=running"_s);
    f.poll(u"w1=running w2=running w3=running w4=running w5=running"_s);
    f.poll(u"w1=failed w2=failed w3=failed w4=failed w5=failed"_s);
    f.notifier.activateLastMessage();
    QCOMPARE(activated.count(), 1);
    QCOMPARE(show.count(), 1);
}

void tst_TrayNotifier::toolTipFollowsTheFleet()
{
    Fixture f(u"w1=running w2=running"_s);
    QTRY_COMPARE(f.notifier.toolTip(), u"Stepwatch — 2 running · 2 workflows"_s);
    f.poll(u"w1=failed w2=running w3=needs-attention"_s);
    QTRY_COMPARE(f.notifier.toolTip(),
        u"Stepwatch — 1 failed · 1 needs attention · 1 running · 3 workflows"_s);
    f.poll(QString());
    QTRY_COMPARE(f.notifier.toolTip(), u"Stepwatch — No workflows"_s);
    if (f.notifier.hasTray())
        QCOMPARE(f.notifier.trayIcon()->toolTip(), f.notifier.toolTip());
}

void tst_TrayNotifier::worksWithoutTray()
{
    Fixture f(u"w1=running"_s);
    QCOMPARE(f.notifier.hasTray(), QSystemTrayIcon::isSystemTrayAvailable());
    if (qGuiApp->platformName() == "offscreen"_L1) {
        QVERIFY(!f.notifier.hasTray());
        QVERIFY(!f.notifier.trayIcon());
    }
    f.poll(u"w1=failed"_s);
    QCOMPARE(f.titles(), QStringList {u"Failed: Workflow w1"_s});
}

void tst_TrayNotifier::pausedState()
{
    Fixture f {QString()};
    QSignalSpy toggled(&f.notifier, &TrayNotifier::pauseToggled);
    QVERIFY(!f.notifier.pausedState());
    f.notifier.setPausedState(true);
    QVERIFY(f.notifier.pausedState());
    f.notifier.setPausedState(false);
    QVERIFY(!f.notifier.pausedState());
    QCOMPARE(toggled.count(), 0);
}

QTEST_MAIN(tst_TrayNotifier)
#include "tst_traynotifier.moc"
