// The fleet table's rows beyond the merge: freshness (by the watch's state and by age), the
// reason and progress cells, and which changes highlight a row as news.
#include "workflowtablemodel.h"

#include "models/workflowtabletestsupport.h"

#include <QAbstractItemModelTester>
#include <QMetaEnum>
#include <QSignalSpy>
#include <QTest>

using namespace sw;
using namespace sw::test::table;
using namespace Qt::StringLiterals;
using M = WorkflowTableModel;

namespace {

// A dataChanged signal as text: "a/w1..a/w2 Service..Watch Freshness,Stale,ToolTip", the roles
// sorted, none when the signal names none.
QString changeText(const M &model, const QList<QVariant> &args)
{
    const auto topLeft = args.at(0).value<QModelIndex>();
    const auto bottomRight = args.at(1).value<QModelIndex>();
    QString text = model.workflowAt(topLeft.row())->key;
    if (bottomRight.row() != topLeft.row())
        text += u".."_s + model.workflowAt(bottomRight.row())->key;
    text += u' ' + columnName(topLeft.column()) + u".."_s + columnName(bottomRight.column());
    QStringList roles;
    for (const int role : args.at(2).value<QList<int>>()) {
        roles.append(role == Qt::ToolTipRole
                ? u"ToolTip"_s
                : QString::fromLatin1(QMetaEnum::fromType<M::Role>().valueToKey(role))
                      .remove("Role"_L1));
    }
    roles.sort();
    return roles.isEmpty() ? text : text + u' ' + roles.join(u',');
}

// What the spy caught since the last call, as changeText()s.
QStringList takeChanges(const M &model, QSignalSpy &spy)
{
    QStringList changes;
    for (const QList<QVariant> &args : std::as_const(spy))
        changes.append(changeText(model, args));
    spy.clear();
    return changes;
}

// The keys of the rows whose StaleRole is set, in row order.
QStringList staleKeys(const M &model)
{
    QStringList keys;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, M::NameColumn).data(M::StaleRole).toBool())
            keys.append(model.workflowAt(r)->key);
    }
    return keys;
}

StepSnapshot step(const char *name, UnifiedStatus status, const char *message = "",
    StepKind kind = StepKind::MhoStep)
{
    StepSnapshot s;
    s.kind = kind;
    s.id = QString::fromUtf8(name);
    s.name = s.id;
    s.status = status;
    s.rawStatus = statusKey(status).toUpper();
    s.message = QString::fromUtf8(message);
    return s;
}

} // namespace

class tst_WorkflowTableRows : public QObject {
    Q_OBJECT

private slots:
    void freshnessFollowsTheWatch();
    void freshnessByAge();
    void reasonColumn_data();
    void reasonColumn();
    void progressCounts_data();
    void progressCounts();
    void highlightsOnlyNews_data();
    void highlightsOnlyNews();
};

// A watch in trouble makes its rows stale whatever their age, and every cell of them says
// why. Only the freshness roles are announced: the proxy neither re-sorts nor re-filters.
void tst_WorkflowTableRows::freshnessFollowsTheWatch()
{
    const QDateTime loadedAt(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QDateTime wall = loadedAt;
    M model;
    model.setWallClock([&wall] { return wall; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    load(model, u"a:w1=IN_PROGRESS b:x1=RUNNING a:w2=COMPLETED"_s);
    // Merged rows are confirmed; nothing is said about the watches yet.
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex cell = model.index(r, M::NameColumn);
        QCOMPARE(cell.data(M::ConfirmedAtRole).toDateTime(), loadedAt);
        QCOMPARE(cell.data(M::StaleRole).toBool(), false);
        QCOMPARE(cell.data(M::FreshnessRole).toString(), QString());
    }

    wall = loadedAt.addSecs(30);
    QSignalSpy dataChanged(&model, &M::dataChanged);
    WatchFreshness offline;
    offline.live = false;
    offline.problem = u"Offline since 12:00:00: connection refused"_s;
    offline.since = loadedAt;
    model.setWatchFreshness(u"a"_s, offline);
    QCOMPARE(takeChanges(model, dataChanged),
        QStringList({u"a/w1 Service..Watch Freshness,Stale,ToolTip"_s,
            u"a/w2 Service..Watch Freshness,Stale,ToolTip"_s}));
    QCOMPARE(staleKeys(model), QStringList({u"a/w1"_s, u"a/w2"_s}));
    QCOMPARE(model.watchFreshness(u"a"_s), offline);

    const QString why = u"As of %1 (30 s ago) — %2"_s.arg(
        loadedAt.toLocalTime().toString(u"HH:mm:ss"_s), offline.problem);
    const QModelIndex w1 = model.indexOf(u"a/w1"_s);
    QCOMPARE(w1.data(M::FreshnessRole).toString(), why);
    for (int c = 0; c < M::ColumnCount; ++c) {
        const QString tip = model.index(w1.row(), c).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.endsWith(why), qPrintable(columnName(c) + u": "_s + tip));
    }
    QCOMPARE(model.index(w1.row(), M::NameColumn).data(Qt::ToolTipRole).toString(),
        u"Workflow w1\n\n"_s + why);
    QCOMPARE(model.index(w1.row(), M::ProgressColumn).data(Qt::ToolTipRole).toString(), why);
    // Staleness is no confirmation.
    QCOMPARE(w1.data(M::ConfirmedAtRole).toDateTime(), loadedAt);
    // The other watch's row is untouched.
    const int x1 = model.rowOf(u"b/x1"_s);
    QCOMPARE(model.index(x1, M::NameColumn).data(M::FreshnessRole).toString(), QString());
    QCOMPARE(model.index(x1, M::NameColumn).data(Qt::ToolTipRole).toString(), u"Workflow x1"_s);
    QVERIFY(!model.index(x1, M::ProgressColumn).data(Qt::ToolTipRole).isValid());

    // The same news twice is announced once.
    model.setWatchFreshness(u"a"_s, offline);
    QCOMPARE(takeChanges(model, dataChanged), QStringList());

    model.setWatchFreshness(u"a"_s, WatchFreshness());
    QCOMPARE(takeChanges(model, dataChanged),
        QStringList({u"a/w1 Service..Watch Freshness,Stale,ToolTip"_s,
            u"a/w2 Service..Watch Freshness,Stale,ToolTip"_s}));
    QCOMPARE(staleKeys(model), QStringList());
    QCOMPARE(w1.data(M::FreshnessRole).toString(), QString());
    QCOMPARE(
        model.index(w1.row(), M::NameColumn).data(Qt::ToolTipRole).toString(), u"Workflow w1"_s);
    QVERIFY(!model.index(w1.row(), M::ProgressColumn).data(Qt::ToolTipRole).isValid());
}

// On a live watch a row is stale once its last confirmation is older than twice its expected
// interval (running or finished), and never younger than a minute; a confirmation makes it
// fresh again. Each flip is announced once.
void tst_WorkflowTableRows::freshnessByAge()
{
    const QDateTime t0(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QDateTime wall = t0;
    M model;
    model.setWallClock([&wall] { return wall; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    WatchFreshness live;
    live.runningIntervalMs = 5000;
    live.finishedIntervalMs = 90000; // stale after 180 s
    model.setWatchFreshness(u"a"_s, live);
    load(model, u"a:w1=IN_PROGRESS a:w2=COMPLETED b:x1=RUNNING"_s);
    QSignalSpy dataChanged(&model, &M::dataChanged);
    auto at = [&](int secs) {
        wall = t0.addSecs(secs);
        model.recheckFreshness();
        return takeChanges(model, dataChanged);
    };
    const QString flipped = u" Service..Watch Freshness,Stale,ToolTip"_s;

    // Twice the running interval is 10 s, but the floor is a minute.
    QCOMPARE(at(11), QStringList());
    QCOMPARE(at(59), QStringList());
    QCOMPARE(staleKeys(model), QStringList());
    QCOMPARE(at(61), QStringList {u"a/w1"_s + flipped});
    QCOMPARE(staleKeys(model), QStringList {u"a/w1"_s});
    QCOMPARE(model.indexOf(u"a/w1"_s).data(M::FreshnessRole).toString(),
        u"As of %1 (1 min ago)"_s.arg(t0.toLocalTime().toString(u"HH:mm:ss"_s)));
    QCOMPARE(at(62), QStringList());
    QCOMPARE(at(179), QStringList());
    QCOMPARE(at(181), QStringList {u"a/w2"_s + flipped});
    // The watch nobody said anything about: merged rows stay fresh.
    QCOMPARE(staleKeys(model), QStringList({u"a/w1"_s, u"a/w2"_s}));

    model.confirmWorkflow(u"a/w1"_s);
    QCOMPARE(takeChanges(model, dataChanged), QStringList {u"a/w1"_s + flipped});
    QCOMPARE(model.indexOf(u"a/w1"_s).data(M::ConfirmedAtRole).toDateTime(), wall);
    model.confirmWorkflow(u"a/w1"_s);
    model.confirmWorkflow(u"nope"_s);
    QCOMPARE(takeChanges(model, dataChanged), QStringList());
    model.confirmWatch(u"a"_s);
    QCOMPARE(takeChanges(model, dataChanged), QStringList {u"a/w2"_s + flipped});
    QCOMPARE(model.indexOf(u"a/w2"_s).data(M::ConfirmedAtRole).toDateTime(), wall);
    QCOMPARE(staleKeys(model), QStringList());

    // A merge is not a confirmation: a watch lists all its rows again when one of them
    // vanished (a 404), and the others were not read for that. Only the poller's confirm* do.
    const QDateTime before = model.indexOf(u"a/w1"_s).data(M::ConfirmedAtRole).toDateTime();
    QCOMPARE(at(300), QStringList {u"a/w1"_s + flipped});
    model.mergeWatch(u"a"_s, snapshots(u"a:w1=IN_PROGRESS a:w2=COMPLETED"_s));
    QCOMPARE(staleKeys(model), QStringList({u"a/w1"_s}));
    QCOMPARE(model.indexOf(u"a/w1"_s).data(M::ConfirmedAtRole).toDateTime(), before);
    takeChanges(model, dataChanged);
    model.confirmWatch(u"a"_s);
    QCOMPARE(staleKeys(model), QStringList());
    QCOMPARE(model.indexOf(u"a/w1"_s).data(M::ConfirmedAtRole).toDateTime(), wall);
}

void tst_WorkflowTableRows::reasonColumn_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QList<StepSnapshot>>("steps");
    QTest::addColumn<QString>("reason"); // the full text: tool tip and sort value

    using U = UnifiedStatus;
    const StepSnapshot copyFailed = step("Copy data", U::Failed, "disk full");
    const StepSnapshot approve = step("Approve cutover", U::NeedsAttention, "Waiting for approval");
    QTest::newRow("the workflow's message")
        << u"Approve the cutover"_s << QList<StepSnapshot> {copyFailed} << u"Approve the cutover"_s;
    QTest::newRow("a message over lines")
        << u"Step failed:\n  timeout after 300 s"_s << QList<StepSnapshot>()
        << u"Step failed:\n  timeout after 300 s"_s;
    QTest::newRow("the failed step")
        << QString()
        << QList<StepSnapshot> {step("Wave 1", U::Running, "", StepKind::MhoStepGroup),
               step("Prepare", U::Succeeded, "done"), copyFailed}
        << u"Copy data: disk full"_s;
    QTest::newRow("a failed step without a message")
        << QString() << QList<StepSnapshot> {step("Copy data", U::Failed)} << u"Copy data"_s;
    QTest::newRow("failed before waiting")
        << QString() << QList<StepSnapshot> {approve, copyFailed} << u"Copy data: disk full"_s;
    QTest::newRow("the waiting step")
        << QString() << QList<StepSnapshot> {step("Copy data", U::Running), approve}
        << u"Approve cutover: Waiting for approval"_s;
    QTest::newRow("the first of two failed")
        << QString()
        << QList<StepSnapshot> {step("A", U::Failed, "one"), step("B", U::Failed, "two")}
        << u"A: one"_s;
    QTest::newRow("a group never counts")
        << QString()
        << QList<StepSnapshot> {step("Wave 1", U::Failed, "group failed", StepKind::MhoStepGroup),
               step("Wave 2", U::NeedsAttention, "", StepKind::MhoStepGroup),
               step("Copy data", U::Running)}
        << QString();
    QTest::newRow("nothing wrong")
        << QString() << QList<StepSnapshot> {step("Copy data", U::Running)} << QString();
}

void tst_WorkflowTableRows::reasonColumn()
{
    QFETCH(QString, message);
    QFETCH(QList<StepSnapshot>, steps);
    QFETCH(QString, reason);
    // Read right after the status: what, how it is doing, and why.
    QCOMPARE(int(M::ReasonColumn), int(M::StatusColumn) + 1);

    WorkflowSnapshot w = workflow(u"a"_s, u"w1"_s, u"IN_PROGRESS"_s);
    w.message = message;
    w.stepsLoaded = true;
    w.setSteps(steps);
    M model;
    model.mergeWatch(u"a"_s, {w});
    const QModelIndex cell = model.index(0, M::ReasonColumn);
    // One line in the cell; the full text in the tool tip.
    QCOMPARE(cell.data().toString(), reason.simplified());
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), reason);
    QCOMPARE(cell.data(M::SortRole).toString(), reason.toLower());
}

void tst_WorkflowTableRows::progressCounts_data()
{
    QTest::addColumn<qint64>("succeeded"); // -1: unknown
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("failed");
    QTest::addColumn<qint64>("skipped");
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("fraction"); // -1: none

    // No translator is loaded: "%n failed" is the source text with the count put in.
    QTest::newRow("succeeded, failed and skipped")
        << qint64(4) << qint64(6) << qint64(1) << qint64(1) << u"4 / 6 · 1 failed · 1 skipped"_s
        << 4.0 / 6.0;
    QTest::newRow("several failed") << qint64(2) << qint64(9) << qint64(3) << qint64(2)
                                    << u"2 / 9 · 3 failed · 2 skipped"_s << 2.0 / 9.0;
    QTest::newRow("failed only") << qint64(3) << qint64(6) << qint64(2) << qint64(0)
                                 << u"3 / 6 · 2 failed"_s << 0.5;
    QTest::newRow("nothing failed")
        << qint64(4) << qint64(6) << qint64(0) << qint64(0) << u"4 / 6"_s << 4.0 / 6.0;
    QTest::newRow("outcomes unknown")
        << qint64(6) << qint64(6) << qint64(-1) << qint64(-1) << u"6 / 6"_s << 1.0;
    QTest::newRow("no total") << qint64(5) << qint64(-1) << qint64(1) << qint64(-1)
                              << u"5 · 1 failed"_s << -1.0;
    QTest::newRow("nothing known")
        << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << QString() << -1.0;
}

void tst_WorkflowTableRows::progressCounts()
{
    QFETCH(qint64, succeeded);
    QFETCH(qint64, total);
    QFETCH(qint64, failed);
    QFETCH(qint64, skipped);
    QFETCH(double, fraction);
    auto optional = [](qint64 v) {
        return v < 0 ? std::optional<qint64>() : std::optional(v);
    };
    WorkflowSnapshot w = workflow(u"b"_s, u"x1"_s, u"FAILED"_s);
    w.completedSteps = optional(succeeded);
    w.totalSteps = optional(total);
    w.failedSteps = optional(failed);
    w.skippedSteps = optional(skipped);
    M model;
    model.mergeWatch(u"b"_s, {w});
    const QModelIndex cell = model.index(0, M::ProgressColumn);
    QTEST(cell.data().toString(), "text");
    const QVariant shown = cell.data(M::ProgressFractionRole);
    QCOMPARE(shown.isValid(), fraction >= 0);
    if (fraction >= 0)
        QCOMPARE(shown.toDouble(), fraction);
    // The parts, on any column; unknown is no value at all, not 0.
    const QModelIndex other = model.index(0, M::NameColumn);
    const std::pair<int, qint64> counts[] = {{M::SucceededStepsRole, succeeded},
        {M::TotalStepsRole, total}, {M::FailedStepsRole, failed}, {M::SkippedStepsRole, skipped}};
    for (const auto &[role, count] : counts) {
        const QVariant value = other.data(role);
        QCOMPARE(value.isValid(), count >= 0);
        if (count >= 0) {
            QCOMPARE(value.metaType(), QMetaType::fromType<qint64>());
            QCOMPARE(value.toLongLong(), count);
        }
    }
}

void tst_WorkflowTableRows::highlightsOnlyNews_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("highlighted");
    // Details a fuller poll adds, or a newer time alone: no news.
    QTest::newRow("arn") << "arn" << false;
    QTest::newRow("start") << "start" << false;
    QTest::newRow("last update") << "lastUpdate" << false;
    QTest::newRow("name") << "name" << false;
    QTest::newRow("watch name") << "watchName" << false;
    QTest::newRow("a step, same reason") << "stepMessage" << false;
    // How the workflow is doing: news.
    QTest::newRow("status") << "status" << true;
    QTest::newRow("message") << "message" << true;
    QTest::newRow("reason from a failed step") << "stepFailed" << true;
    QTest::newRow("succeeded steps") << "succeeded" << true;
    QTest::newRow("failed steps") << "failed" << true;
    QTest::newRow("skipped steps") << "skipped" << true;
    QTest::newRow("total steps") << "total" << true;
    QTest::newRow("finished") << "end" << true;
}

void tst_WorkflowTableRows::highlightsOnlyNews()
{
    QFETCH(QString, change);
    QFETCH(bool, highlighted);
    QDateTime now(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    M model;
    model.setClock([&now] { return now; });
    model.setHighlightDuration(10000);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    WorkflowSnapshot before = workflow(u"a"_s, u"w1"_s, u"IN_PROGRESS"_s);
    before.arn = u"arn:aws:migrationhub-orchestrator:us-east-1:1:workflow/w1"_s;
    before.start = now.addSecs(-3600);
    before.lastUpdate = now.addSecs(-60);
    before.completedSteps = 2;
    before.totalSteps = 6;
    before.failedSteps = 0;
    before.skippedSteps = 0;
    before.stepsLoaded = true;
    before.setSteps({step("Copy data", UnifiedStatus::Running)});
    model.mergeWatch(u"a"_s, {before}); // the first merge: new to the operator, not news
    QVERIFY(!model.index(0, 0).data(M::RecentlyChangedRole).toBool());

    WorkflowSnapshot after = before;
    if (change == u"arn")
        after.arn += u"-2"_s;
    else if (change == u"start")
        after.start = after.start.addSecs(-5);
    else if (change == u"lastUpdate")
        after.lastUpdate = now;
    else if (change == u"name")
        after.name = u"Wave 1 cutover"_s;
    else if (change == u"watchName")
        after.watchName = u"Migrations EU"_s;
    else if (change == u"stepMessage")
        after.setSteps({step("Copy data", UnifiedStatus::Running, "3 of 8 servers")});
    else if (change == u"status")
        after.rawStatus = u"PAUSED"_s;
    else if (change == u"message")
        after.message = u"Waiting for approval"_s;
    else if (change == u"stepFailed")
        after.setSteps({step("Copy data", UnifiedStatus::Failed, "disk full")});
    else if (change == u"succeeded")
        after.completedSteps = 3;
    else if (change == u"failed")
        after.failedSteps = 1;
    else if (change == u"skipped")
        after.skippedSteps = 1;
    else if (change == u"total")
        after.totalSteps = 7;
    else if (change == u"end")
        after.end = now;
    after.status = unifiedStatus(StatusSource::MhoWorkflow, after.rawStatus);
    QVERIFY2(!after.sameAs(before), qPrintable(change));

    QSignalSpy changed(&model, &M::workflowChanged);
    now = now.addSecs(1);
    model.mergeWatch(u"a"_s, {after});
    QCOMPARE(changed.count(), 1); // the merge did take the change
    for (int c = 0; c < M::ColumnCount; ++c)
        QCOMPARE(model.index(0, c).data(M::RecentlyChangedRole).toBool(), highlighted);
}

QTEST_GUILESS_MAIN(tst_WorkflowTableRows)
#include "tst_workflowtablerows.moc"
