// The fleet table under QAbstractItemModelTester: every kind of merge as a row of one table
// (what the model holds after it and every signal it sent, as text), plus the pieces the views
// build on: pending actions, highlights, durations, sort values and texts.
#include "workflowtablemodel.h"

#include "models/workflowtabletestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace sw;
using namespace sw::test::table;
using namespace Qt::StringLiterals;
using M = WorkflowTableModel;

namespace {

// Every pinned index still names the workflow it named before, or is gone with it.
QStringList checkPins(
    const M &model, const QList<QPersistentModelIndex> &pins, const QStringList &keys)
{
    QStringList problems;
    for (qsizetype i = 0; i < pins.size(); ++i) {
        const bool present = model.rowOf(keys.at(i)) >= 0;
        const QString now = pins.at(i).data(M::WorkflowKeyRole).toString();
        if (present != pins.at(i).isValid() || (present && now != keys.at(i)))
            problems.append(keys.at(i) + u" -> "_s + now);
    }
    return problems;
}

} // namespace

class tst_WorkflowTableModel : public QObject {
    Q_OBJECT

private slots:
    void merge_data();
    void merge();
    void mergeWorkflowUpserts();
    void manyScatteredChangesGoOutAsOneSignal();
    void lookupsAndRemovals();
    void pendingAction();
    void recentlyChanged();
    void highlightTimerRepaintsAndStops();
    void duration_data();
    void duration();
    void sortValues_data();
    void sortValues();
    void displayTexts_data();
    void displayTexts();
    void toolTipsAndHeaders();
};

void tst_WorkflowTableModel::merge_data()
{
    QTest::addColumn<QString>("initial"); // loaded with load()
    QTest::addColumn<QString>("watch");
    QTest::addColumn<QString>("merged"); // the complete new set of `watch`
    QTest::addColumn<QString>("expected"); // dump() afterwards
    QTest::addColumn<QString>("events"); // Recorder

    const QString two = u"a:w1=IN_PROGRESS@3/12#s1 a:w2=IN_PROGRESS b:x1=RUNNING"_s;
    QTest::newRow("unchanged") << two << "a"
                               << "a:w1=IN_PROGRESS@3/12#s1 a:w2=IN_PROGRESS"
                               << "a/w1=running@3/12#s1 a/w2=running b/x1=running"
                               << "";
    QTest::newRow("needs attention")
        << two << "a"
        << "a:w1=IN_PROGRESS@3/12#s1 a:w2=USER_ATTENTION_REQUIRED"
        << "a/w1=running@3/12#s1 a/w2=needs-attention b/x1=running"
        << "data a/w2 Status..RawStatus; changed a/w2; transition a/w2 running>needs-attention";
    QTest::newRow("failed, now terminal")
        << two << "a"
        << "a:w1=WORKFLOW_FAILED@3/12#s1 a:w2=IN_PROGRESS"
        << "a/w1=failed@3/12#s1 a/w2=running b/x1=running"
        << "data a/w1 Status..RawStatus; changed a/w1; transition a/w1 running>failed";
    QTest::newRow("paused, not notified") << two << "a"
                                          << "a:w1=PAUSED@3/12#s1 a:w2=IN_PROGRESS"
                                          << "a/w1=paused@3/12#s1 a/w2=running b/x1=running"
                                          << "data a/w1 Status..RawStatus; changed a/w1";
    QTest::newRow("progress") << two << "a"
                              << "a:w1=IN_PROGRESS@4/12#s1 a:w2=IN_PROGRESS"
                              << "a/w1=running@4/12#s1 a/w2=running b/x1=running"
                              << "data a/w1 Progress..Progress; changed a/w1";
    QTest::newRow("steps only") << two << "a"
                                << "a:w1=IN_PROGRESS@3/12#s2 a:w2=IN_PROGRESS"
                                << "a/w1=running@3/12#s2 a/w2=running b/x1=running"
                                << "changed a/w1";
    QTest::newRow("added") << two << "a"
                           << "a:w1=IN_PROGRESS@3/12#s1 a:w3=COMPLETED a:w2=IN_PROGRESS"
                           << "a/w1=running@3/12#s1 a/w2=running b/x1=running a/w3=succeeded"
                           << "rows+ a/w3; changed a/w3";
    QTest::newRow("gone") << two << "a"
                          << "a:w1=IN_PROGRESS@3/12#s1"
                          << "a/w1=running@3/12#s1 b/x1=running"
                          << "rows- a/w2; removed a/w2";
    QTest::newRow("all replaced")
        << two << "a"
        << "a:w7=COMPLETED a:w8=CREATING"
        << "b/x1=running a/w7=succeeded a/w8=pending"
        << "rows- a/w1 a/w2; rows+ a/w7 a/w8; removed a/w1 a/w2; changed a/w7 a/w8";
    QTest::newRow("emptied") << two << "a"
                             << ""
                             << "b/x1=running"
                             << "rows- a/w1 a/w2; removed a/w1 a/w2";
    QTest::newRow("other watch changes")
        << two << "b"
        << "b:x1=COMPLETED"
        << "a/w1=running@3/12#s1 a/w2=running b/x1=succeeded"
        << "data b/x1 Status..RawStatus; changed b/x1; transition b/x1 running>succeeded";
    QTest::newRow("other watch grows")
        << two << "b"
        << "b:x2=PENDING b:x1=RUNNING"
        << "a/w1=running@3/12#s1 a/w2=running b/x1=running b/x2=pending"
        << "rows+ b/x2; changed b/x2";
    QTest::newRow("scattered removals")
        << "a:w1=IN_PROGRESS b:x1=RUNNING a:w2=IN_PROGRESS a:w3=IN_PROGRESS a:w4=IN_PROGRESS "
           "a:w5=IN_PROGRESS"
        << "a"
        << "a:w4=IN_PROGRESS a:w1=COMPLETED a:w6=PAUSED"
        << "a/w1=succeeded b/x1=running a/w4=running a/w6=paused"
        << "data a/w1 Status..RawStatus; rows- a/w5; rows- a/w2 a/w3; rows+ a/w6; "
           "removed a/w5 a/w2 a/w3; changed a/w1 a/w6; transition a/w1 running>succeeded";
    QTest::newRow("listed twice, last wins")
        << two << "a"
        << "a:w1=IN_PROGRESS@3/12#s1 a:w2=IN_PROGRESS a:w9=PAUSED a:w9=COMPLETED"
        << "a/w1=running@3/12#s1 a/w2=running b/x1=running a/w9=succeeded"
        << "rows+ a/w9; changed a/w9";
}

void tst_WorkflowTableModel::merge()
{
    QFETCH(QString, initial);
    QFETCH(QString, watch);
    QFETCH(QString, merged);

    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    load(model, initial);

    QList<QPersistentModelIndex> pins;
    QStringList pinnedKeys;
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < M::ColumnCount; c += 5) {
            pins.append(QPersistentModelIndex(model.index(r, c)));
            pinnedKeys.append(model.workflowAt(r)->key);
        }
    }
    Recorder recorder(model);

    model.mergeWatch(watch, snapshots(merged));

    QTEST(dump(model), "expected");
    QTEST(recorder.take(), "events");
    QCOMPARE(checkPins(model, pins, pinnedKeys), QStringList());
    for (const WorkflowSnapshot &w : snapshots(merged))
        QCOMPARE(model.workflow(w.key)->stepsDigest, w.stepsDigest);

    // The same set again changes nothing.
    model.mergeWatch(watch, snapshots(merged));
    QCOMPARE(recorder.take(), QString());
}

void tst_WorkflowTableModel::mergeWorkflowUpserts()
{
    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Recorder recorder(model);
    // A row seen for the first time is no transition, whatever its status.
    load(model, u"a:w1=IN_PROGRESS#s1 a:w2=USER_ATTENTION_REQUIRED"_s);
    QCOMPARE(recorder.take(), u"rows+ a/w1 a/w2; changed a/w1 a/w2"_s);

    model.mergeWorkflow(fromSpec(u"a:w1=IN_PROGRESS#s9"_s));
    QCOMPARE(recorder.take(), u"changed a/w1"_s);
    model.mergeWorkflow(fromSpec(u"a:w2=COMPLETED"_s));
    model.mergeWorkflow(fromSpec(u"a:w2=COMPLETED"_s));
    model.mergeWorkflow(fromSpec(u"a:w3=WORKFLOW_FAILED"_s));
    QCOMPARE(recorder.take(),
        u"data a/w2 Status..RawStatus; changed a/w2; transition a/w2 needs-attention>succeeded; "
        "rows+ a/w3; changed a/w3"_s);
    QCOMPARE(dump(model), u"a/w1=running#s9 a/w2=succeeded a/w3=failed"_s);
}

void tst_WorkflowTableModel::manyScatteredChangesGoOutAsOneSignal()
{
    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<WorkflowSnapshot> list;
    for (int i = 0; i < 199; ++i)
        list.append(workflow(u"a"_s, QString::number(i), u"IN_PROGRESS"_s));
    model.mergeWatch(u"a"_s, list);

    QSignalSpy dataChanged(&model, &M::dataChanged);
    // Every tenth row: few enough for one signal each.
    for (int i = 0; i < 199; i += 10)
        list[i].message = u"slow"_s;
    model.mergeWatch(u"a"_s, list);
    QCOMPARE(dataChanged.count(), 20);

    // Every other row: one signal over the lot.
    dataChanged.clear();
    for (int i = 0; i < 199; i += 2)
        list[i].rawStatus = u"PAUSED"_s;
    model.mergeWatch(u"a"_s, list);
    QCOMPARE(dataChanged.count(), 1);
    const auto topLeft = dataChanged.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = dataChanged.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(bottomRight.row(), 198);
    QCOMPARE(topLeft.column(), int(M::StatusColumn));
    QCOMPARE(bottomRight.column(), int(M::RawStatusColumn));
}

void tst_WorkflowTableModel::lookupsAndRemovals()
{
    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    load(model, u"a:w1=IN_PROGRESS b:x1=RUNNING a:w2=IN_PROGRESS a:w3=IN_PROGRESS"_s);
    model.mergeWatch(u"a"_s, snapshots(u"a:w3=IN_PROGRESS"_s));
    QCOMPARE(model.count(), 2);
    QCOMPARE(model.rowOf(u"b/x1"_s), 0);
    QCOMPARE(model.rowOf(u"a/w3"_s), 1);
    QCOMPARE(model.rowOf(u"a/w1"_s), -1);
    QCOMPARE(model.indexOf(u"a/w3"_s, M::NameColumn), model.index(1, M::NameColumn));
    QVERIFY(!model.indexOf(u"a/w2"_s).isValid());
    QCOMPARE(model.workflow(u"a/w3"_s)->id, u"w3"_s);
    QVERIFY(!model.workflow(u"a/w1"_s));
    QVERIFY(!model.workflowAt(2));
    QCOMPARE(model.keysOfWatch(u"a"_s), QStringList {u"a/w3"_s});
    QCOMPARE(model.keysOfWatch(u"zzz"_s), QStringList());

    Recorder recorder(model);
    model.removeWorkflow(u"nope"_s);
    model.removeWorkflow(u"b/x1"_s);
    model.removeWatch(u"a"_s);
    model.removeWatch(u"b"_s);
    QCOMPARE(recorder.take(), u"rows- b/x1; removed b/x1; rows- a/w3; removed a/w3"_s);
    QCOMPARE(model.rowOf(u"a/w3"_s), -1);

    // A watch added again starts over: its first merge highlights nothing.
    model.mergeWatch(u"a"_s, snapshots(u"a:w1=IN_PROGRESS a:w2=IN_PROGRESS"_s));
    QCOMPARE(model.count(), 2);
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(!model.index(r, 0).data(M::RecentlyChangedRole).toBool());
}

void tst_WorkflowTableModel::pendingAction()
{
    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    load(model, u"a:w1=WORKFLOW_FAILED a:w2=IN_PROGRESS"_s);
    QSignalSpy dataChanged(&model, &M::dataChanged);
    const QString key = u"a/w1"_s;
    const QString label = u"Retrying step…"_s;

    model.setPendingAction(u"unknown/key"_s, label);
    QCOMPARE(dataChanged.count(), 0);
    model.setPendingAction(key, label);
    model.setPendingAction(key, label);
    QCOMPARE(dataChanged.count(), 1);
    QCOMPARE(dataChanged.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(dataChanged.at(0).at(2).value<QList<int>>(), QList<int> {M::PendingActionRole});
    QCOMPARE(model.index(0, M::NameColumn).data(M::PendingActionRole).toString(), label);
    QCOMPARE(model.index(1, M::NameColumn).data(M::PendingActionRole).toString(), QString());

    model.mergeWatch(u"a"_s, snapshots(u"a:w2=IN_PROGRESS a:w1=IN_PROGRESS"_s));
    QCOMPARE(model.pendingAction(key), label);

    model.setPendingAction(key, QString());
    QCOMPARE(dataChanged.count(), 3);
    QCOMPARE(model.indexOf(key).data(M::PendingActionRole).toString(), QString());
}

void tst_WorkflowTableModel::recentlyChanged()
{
    QDateTime now(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    M model;
    model.setClock([&now] { return now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto highlighted = [&model] {
        QStringList keys;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.index(r, M::ReasonColumn).data(M::RecentlyChangedRole).toBool())
                keys.append(model.workflowAt(r)->key);
        }
        return keys;
    };
    load(model, u"a:w1=IN_PROGRESS a:w2=IN_PROGRESS"_s);
    QCOMPARE(highlighted(), QStringList());
    QVERIFY(!model.indexOf(u"a/w1"_s).data(M::ChangedAtRole).isValid());

    const QDateTime changedAt = now.addSecs(1);
    now = changedAt;
    model.mergeWatch(u"a"_s, snapshots(u"a:w1=IN_PROGRESS@1/2 a:w2=IN_PROGRESS a:w3=CREATING"_s));
    model.mergeWorkflow(fromSpec(u"a:w4=CREATING"_s));
    model.mergeWatch(u"b"_s, snapshots(u"b:x1=RUNNING"_s));
    QCOMPARE(highlighted(), QStringList({u"a/w1"_s, u"a/w3"_s, u"a/w4"_s}));
    QCOMPARE(model.indexOf(u"a/w1"_s).data(M::ChangedAtRole).toDateTime(), changedAt);

    now = changedAt.addMSecs(9999);
    QCOMPARE(highlighted().size(), 3);
    now = changedAt.addSecs(10);
    QCOMPARE(highlighted(), QStringList());

    // Off: the change is still recorded, but nothing lights up.
    model.setHighlightDuration(0);
    model.mergeWorkflow(fromSpec(u"a:w2=PAUSED"_s));
    QCOMPARE(highlighted(), QStringList());
    QCOMPARE(model.indexOf(u"a/w2"_s).data(M::ChangedAtRole).toDateTime(), now);
}

void tst_WorkflowTableModel::highlightTimerRepaintsAndStops()
{
    M model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHighlightDuration(50);
    auto *timer = model.findChild<QTimer *>(u"highlightTimer"_s);
    QVERIFY(timer);
    load(model, u"a:w1=IN_PROGRESS a:w2=IN_PROGRESS"_s);
    QVERIFY(!timer->isActive());

    model.mergeWorkflow(fromSpec(u"a:w2=COMPLETED"_s));
    QVERIFY(timer->isActive());
    QVERIFY(model.index(1, 0).data(M::RecentlyChangedRole).toBool());
    QSignalSpy dataChanged(&model, &M::dataChanged);
    QVERIFY(dataChanged.wait(2000));
    QCOMPARE(dataChanged.count(), 1);
    QCOMPARE(dataChanged.at(0).at(0).value<QModelIndex>(), model.index(1, 0));
    QCOMPARE(dataChanged.at(0).at(1).value<QModelIndex>(), model.index(1, M::ColumnCount - 1));
    QCOMPARE(dataChanged.at(0).at(2).value<QList<int>>(), QList<int> {M::RecentlyChangedRole});
    QVERIFY(!model.index(1, 0).data(M::RecentlyChangedRole).toBool());
    QVERIFY(!timer->isActive());
}

void tst_WorkflowTableModel::duration_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<int>("startSecsAgo"); // -1: not started
    QTest::addColumn<int>("endSecsAgo"); // -1: no end
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("sortValue");

    QTest::newRow("running") << "IN_PROGRESS" << 90 << -1 << "1 min 30 s" << qint64(90000);
    QTest::newRow("running, short") << "IN_PROGRESS" << 7 << -1 << "7 s" << qint64(7000);
    QTest::newRow("paused keeps counting")
        << "PAUSED" << 3600 << -1 << "1 h 00 min" << qint64(3600000);
    QTest::newRow("finished") << "COMPLETED" << 4000 << 275 << "1 h 02 min" << qint64(3725000);
    QTest::newRow("finished, no end") << "WORKFLOW_FAILED" << 4000 << -1 << "" << qint64(-1);
    QTest::newRow("not started") << "NOT_STARTED" << -1 << -1 << "" << qint64(-1);
    QTest::newRow("clock behind") << "IN_PROGRESS" << -1000 << -1 << "0 s" << qint64(0);
}

void tst_WorkflowTableModel::duration()
{
    QFETCH(QString, raw);
    QFETCH(int, startSecsAgo);
    QFETCH(int, endSecsAgo);
    const QDateTime now(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    M model;
    model.setClock([now] { return now; });
    WorkflowSnapshot w = workflow(u"a"_s, u"w1"_s, raw);
    // "clock behind": a start in the future (the service's clock is ahead of ours).
    if (startSecsAgo != -1)
        w.start = now.addSecs(-startSecsAgo);
    if (endSecsAgo != -1)
        w.end = now.addSecs(-endSecsAgo);
    model.mergeWatch(u"a"_s, {w});
    const QModelIndex cell = model.index(0, M::DurationColumn);
    QTEST(cell.data().toString(), "text");
    QCOMPARE(cell.data(M::SortRole).metaType(), QMetaType::fromType<qint64>());
    QTEST(cell.data(M::SortRole).toLongLong(), "sortValue");
}

void tst_WorkflowTableModel::sortValues_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("full"); // a workflow with every field set
    QTest::addColumn<QVariant>("bare"); // one with only id and status

    const QDateTime start(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    const qint64 unknownTime = std::numeric_limits<qint64>::min();
    QTest::newRow("service") << int(M::ServiceColumn) << QVariant(int(Service::ImageBuilder))
                             << QVariant(int(Service::ImageBuilder));
    QTest::newRow("name") << int(M::NameColumn) << QVariant(u"nightly ami"_s)
                          << QVariant(u"workflow w2"_s);
    QTest::newRow("id") << int(M::IdColumn) << QVariant(u"wf-a1"_s) << QVariant(u"w2"_s);
    // By urgency, not enum order: Failed sorts first.
    QTest::newRow("status") << int(M::StatusColumn)
                            << QVariant(statusSeverityRank(UnifiedStatus::Running))
                            << QVariant(statusSeverityRank(UnifiedStatus::Failed));
    QTest::newRow("raw status") << int(M::RawStatusColumn) << QVariant(u"running"_s)
                                << QVariant(u"failed"_s);
    QTest::newRow("progress") << int(M::ProgressColumn) << QVariant(0.25) << QVariant(-1.0);
    QTest::newRow("start") << int(M::StartColumn) << QVariant(start.toMSecsSinceEpoch())
                           << QVariant(unknownTime);
    QTest::newRow("last update") << int(M::LastUpdateColumn)
                                 << QVariant(start.addSecs(60).toMSecsSinceEpoch())
                                 << QVariant(unknownTime);
    QTest::newRow("message") << int(M::ReasonColumn) << QVariant(u"step 3: ok"_s)
                             << QVariant(QString());
    QTest::newRow("watch") << int(M::WatchColumn) << QVariant(u"watch b"_s)
                           << QVariant(u"watch b"_s);
}

void tst_WorkflowTableModel::sortValues()
{
    QFETCH(int, column);
    QFETCH(QVariant, full);
    QFETCH(QVariant, bare);
    WorkflowSnapshot w = workflow(u"b"_s, u"WF-a1"_s, u"RUNNING"_s);
    w.name = u"Nightly AMI"_s;
    w.completedSteps = 1;
    w.totalSteps = 4;
    w.start = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    w.lastUpdate = w.start.addSecs(60);
    w.message = u"Step 3: OK"_s;
    WorkflowSnapshot b = workflow(u"b"_s, u"w2"_s, u"FAILED"_s);
    M model;
    model.mergeWatch(u"b"_s, {w, b});
    for (const auto &[row, expected] : {std::pair(0, full), std::pair(1, bare)}) {
        const QVariant value = model.index(row, column).data(M::SortRole);
        QCOMPARE(value.metaType(), expected.metaType());
        QCOMPARE(value, expected);
    }
}

void tst_WorkflowTableModel::displayTexts_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::newRow("service") << int(M::ServiceColumn) << "Image Builder";
    QTest::newRow("name") << int(M::NameColumn) << "Nightly AMI";
    QTest::newRow("id") << int(M::IdColumn) << "wf-1";
    QTest::newRow("status") << int(M::StatusColumn) << "Running";
    QTest::newRow("raw status") << int(M::RawStatusColumn) << "ROLLBACK_IN_PROGRESS";
    QTest::newRow("progress") << int(M::ProgressColumn) << "3 / 12";
    QTest::newRow("start") << int(M::StartColumn) << "2024-05-01 10:00:00";
    QTest::newRow("last update") << int(M::LastUpdateColumn) << "2024-05-01 10:05:09";
    QTest::newRow("duration") << int(M::DurationColumn) << "2 h 00 min";
    QTest::newRow("message") << int(M::ReasonColumn) << "Rolling back";
    QTest::newRow("watch") << int(M::WatchColumn) << "Watch B";
}

void tst_WorkflowTableModel::displayTexts()
{
    QFETCH(int, column);
    // Local wall-clock times, so the expected text holds in every time zone.
    const QDateTime start(QDate(2024, 5, 1), QTime(10, 0), Qt::LocalTime);
    WorkflowSnapshot w = workflow(u"b"_s, u"wf-1"_s, u"ROLLBACK_IN_PROGRESS"_s);
    w.name = u"Nightly AMI"_s;
    w.completedSteps = 3;
    w.totalSteps = 12;
    w.start = start.toUTC();
    w.lastUpdate = start.addSecs(309).toUTC();
    w.message = u"Rolling back"_s;
    M model;
    model.setClock([start] { return start.addSecs(7200).toUTC(); });
    model.mergeWatch(u"b"_s, {w});
    const QModelIndex cell = model.index(0, column);
    QTEST(cell.data().toString(), "text");
    QCOMPARE(cell.data(M::WorkflowKeyRole).toString(), u"b/wf-1"_s);
    QCOMPARE(cell.data(M::UnifiedStatusRole).toInt(), int(UnifiedStatus::Running));
    QCOMPARE(cell.data(M::ServiceRole).toInt(), int(Service::ImageBuilder));
    QCOMPARE(cell.data(M::ProgressFractionRole).toDouble(), 0.25);
    QCOMPARE(cell.data(M::StartRole).toDateTime(), start);
    QVERIFY(!cell.data(M::EndRole).isValid());
}

void tst_WorkflowTableModel::toolTipsAndHeaders()
{
    WorkflowSnapshot w = workflow(u"a"_s, u"wf-1"_s, u"USER_ATTENTION_REQUIRED"_s);
    w.arn = u"arn:aws:migrationhub-orchestrator:us-east-1:1:workflow/wf-1"_s;
    w.message = u"Approve the cutover"_s;
    M model;
    model.mergeWatch(u"a"_s, {w});
    QCOMPARE(model.index(0, M::StatusColumn).data(Qt::ToolTipRole).toString(), w.rawStatus);
    QCOMPARE(model.index(0, M::IdColumn).data(Qt::ToolTipRole).toString(), w.arn);
    QCOMPARE(model.index(0, M::ReasonColumn).data(Qt::ToolTipRole).toString(), w.message);
    QVERIFY(!model.index(0, M::ProgressColumn).data(M::ProgressFractionRole).isValid());

    QSet<QString> headers;
    for (int c = 0; c < M::ColumnCount; ++c)
        headers.insert(model.headerData(c, Qt::Horizontal).toString());
    headers.remove(QString());
    QCOMPARE(headers.size(), int(M::ColumnCount));
    QVERIFY(model.roleNames().contains(M::PendingActionRole));
}

QTEST_GUILESS_MAIN(tst_WorkflowTableModel)
#include "tst_workflowtablemodel.moc"
