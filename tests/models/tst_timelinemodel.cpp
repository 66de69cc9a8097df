// The Gantt bars under QAbstractItemModelTester while snapshots are merged: leaf steps only,
// rows compared as text, signals counted, persistent indexes followed; open bars and the time
// range against an injected "now"; which bars the default view ("Fit") covers.
#include "timelinemodel.h"

#include "models/snapshotspec.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sw;
using namespace sw::test;
using namespace Qt::StringLiterals;

namespace {

const QString keyA = u"watch-1/wf-A"_s;
const QString keyB = u"watch-1/wf-B"_s;

// "Group › Name [Status]" per row.
QStringList dump(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, TimelineModel::NameColumn);
        const QString group = index.data(TimelineModel::GroupRole).toString();
        lines << (group.isEmpty() ? QString() : group + u" › "_s) + index.data().toString()
                + u" ["_s + model.index(row, TimelineModel::StatusColumn).data().toString() + u']';
    }
    return lines;
}

QString idOf(const QModelIndex &index)
{
    return index.isValid() ? index.data(TimelineModel::StepIdRole).toString() : QString();
}

// A CodeCatalyst workflow with `count` runs, newest first as the service lists them: "run-N"
// down to "run-1" (N = count + offset - 1 ... offset), one an hour, each ten minutes long and
// succeeded, except the runs at the rows in `open`, which still run.
WorkflowSnapshot codeCatalystRuns(int count, const QList<int> &open = {}, int offset = 1)
{
    WorkflowSnapshot w;
    w.key = keyB;
    w.service = Service::CodeCatalyst;
    w.stepsLoaded = true;
    QList<StepSnapshot> steps;
    for (int row = 0; row < count; ++row) {
        const int number = count - 1 - row + offset;
        StepSnapshot s;
        s.kind = StepKind::CodeCatalystRun;
        s.id = u"run-%1"_s.arg(number);
        s.name = u"Run %1"_s.arg(number);
        s.start = at(number * 60);
        if (open.contains(row)) {
            s.rawStatus = u"IN_PROGRESS"_s;
            s.status = UnifiedStatus::Running;
        } else {
            s.rawStatus = u"SUCCEEDED"_s;
            s.status = UnifiedStatus::Succeeded;
            s.end = s.start.addSecs(600);
        }
        steps.append(s);
    }
    w.setSteps(steps);
    return w;
}

// The rows whose InDefaultViewRole is true.
QList<int> rowsInDefaultView(const QAbstractItemModel &model)
{
    QList<int> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QVariant inView = model.index(row, 0).data(TimelineModel::InDefaultViewRole);
        if (!inView.isValid() || inView.typeId() != QMetaType::Bool)
            return {-1}; // not answered: matches no expectation
        if (inView.toBool())
            rows << row;
    }
    return rows;
}

QList<int> rowRange(int first, int last)
{
    QList<int> rows;
    for (int row = first; row <= last; ++row)
        rows << row;
    return rows;
}

// Attached before anything is loaded, and gone with the model.
void attachTester(QAbstractItemModel &model)
{
    new QAbstractItemModelTester(
        &model, QAbstractItemModelTester::FailureReportingMode::Fatal, &model);
}

} // namespace

class tst_TimelineModel : public QObject {
    Q_OBJECT

private slots:
    void merge_data();
    void merge();
    void leafRowsOnly();
    void openBars();
    void timeRange_data();
    void timeRange();
    void clear();
    void stepsNotLoaded();
    void inDefaultView_data();
    void inDefaultView();
    void newRunShiftsTheDefaultView();
};

void tst_TimelineModel::merge_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QString>("afterKey");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QList<int>>("changed"); // the row of each dataChanged, in order
    QTest::addColumn<QStringList>("inserted"); // "first-last"
    QTest::addColumn<QStringList>("removed");

    const QStringList base = twoGroups();
    const QStringList baseDump {
        u"Group A › Step 1 [Succeeded]"_s,
        u"Group A › Step 2 [Running]"_s,
        u"Group B › Step 3 [Pending]"_s,
    };
    const QStringList none;
    const QList<int> noRows;

    QTest::newRow("unchanged") << base << keyA << base << baseDump << noRows << none << none;
    QTest::newRow("group status only") // groups are not bars
        << base << keyA << replaced(base, 0, u"gA|Group A|FAILED"_s) << baseDump << noRows << none
        << none;
    QTest::newRow("one step fails")
        << base << keyA << replaced(base, 2, u" s2|Step 2|FAILED"_s)
        << replaced(baseDump, 1, u"Group A › Step 2 [Failed]"_s) << QList<int> {1} << none << none;
    QTest::newRow("group renamed: its bars change")
        << base << keyA << replaced(base, 0, u"gA|Group Alpha|IN_PROGRESS"_s)
        << replaced(replaced(baseDump, 0, u"Group Alpha › Step 1 [Succeeded]"_s), 1,
               u"Group Alpha › Step 2 [Running]"_s)
        << QList<int> {0, 1} << none << none;
    QTest::newRow("step added in a group") << base << keyA << with(base, 3, u" s9|Step 9|READY"_s)
                                           << with(baseDump, 2, u"Group A › Step 9 [Pending]"_s)
                                           << noRows << QStringList {u"2-2"_s} << none;
    QTest::newRow("item added at the top level")
        << base << keyA << (base + QStringList {u"t1|Lonely|READY"_s})
        << (baseDump + QStringList {u"Lonely [Pending]"_s}) << noRows << QStringList {u"3-3"_s}
        << none;
    QTest::newRow("step removed") << base << keyA << without(base, 1) << without(baseDump, 0)
                                  << noRows << none << QStringList {u"0-0"_s};
    QTest::newRow("group removed with its steps")
        << base << keyA << without(base, 0, 3) << without(baseDump, 0, 2) << noRows << none
        << QStringList {u"0-1"_s};
    QTest::newRow("group loses its last step: the group becomes a bar")
        << base << keyA << without(base, 4)
        << (without(baseDump, 2) + QStringList {u"Group B [Pending]"_s}) << noRows
        << QStringList {u"2-2"_s} << QStringList {u"2-2"_s};
    QTest::newRow("empty group gets its first step")
        << QStringList {u"gA|Group A|READY"_s} << keyA
        << QStringList {u"gA|Group A|READY"_s, u" s1|Step 1|READY"_s}
        << QStringList {u"Group A › Step 1 [Pending]"_s} << noRows << QStringList {u"0-0"_s}
        << QStringList {u"0-0"_s};
    QTest::newRow("another workflow")
        << base << keyB << QStringList {u"gX|Group X|FAILED"_s, u" x1|X 1|FAILED"_s}
        << QStringList {u"Group X › X 1 [Failed]"_s} << noRows << QStringList {u"0-0"_s}
        << QStringList {u"0-2"_s};
    QTest::newRow("another workflow, same steps")
        << base << keyB << base << baseDump << noRows << QStringList {u"0-2"_s}
        << QStringList {u"0-2"_s};
}

void tst_TimelineModel::merge()
{
    QFETCH(QStringList, before);
    QFETCH(QString, afterKey);
    QFETCH(QStringList, after);
    QFETCH(QStringList, expected);
    QFETCH(QList<int>, changed);
    QFETCH(QStringList, inserted);
    QFETCH(QStringList, removed);

    TimelineModel model;
    attachTester(model);
    model.setWorkflow(mho(keyA, before));
    QList<QPair<QString, QPersistentModelIndex>> persistent;
    for (int row = 0; row < model.rowCount(); ++row)
        persistent.append({idOf(model.index(row, 0)), QPersistentModelIndex(model.index(row, 0))});

    QList<int> changedLog;
    QStringList insertedLog, removedLog;
    auto range = [](int a, int b) {
        return QString::number(a) + u'-' + QString::number(b);
    };
    connect(&model, &QAbstractItemModel::dataChanged, this,
        [&](const QModelIndex &tl, const QModelIndex &br) {
            QCOMPARE(tl.row(), br.row());
            QCOMPARE(tl.column(), 0);
            QCOMPARE(br.column(), TimelineModel::ColumnCount - 1);
            changedLog << tl.row();
        });
    connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, this,
        [&](const QModelIndex &, int a, int b) { insertedLog << range(a, b); });
    connect(&model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        [&](const QModelIndex &, int a, int b) { removedLog << range(a, b); });
    QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layoutSpy(&model, &QAbstractItemModel::layoutChanged);

    const WorkflowSnapshot second = mho(afterKey, after);
    model.setWorkflow(second);

    QCOMPARE(dump(model), expected);
    QCOMPARE(changedLog, changed);
    QCOMPARE(insertedLog, inserted);
    QCOMPARE(removedLog, removed);
    QCOMPARE(resetSpy.count(), 0);
    QCOMPARE(layoutSpy.count(), 0);
    QCOMPARE(model.workflowKey(), afterKey);

    QStringList afterIds;
    for (int row = 0; row < model.rowCount(); ++row)
        afterIds << idOf(model.index(row, 0));
    for (const auto &[id, index] : std::as_const(persistent)) {
        const bool survives = afterKey == keyA && afterIds.contains(id);
        QVERIFY2(index.isValid() == survives, qPrintable(id));
        if (survives)
            QCOMPARE(idOf(index), id);
    }

    TimelineModel fresh;
    fresh.setWorkflow(second);
    QCOMPARE(dump(fresh), expected);

    changedLog.clear();
    insertedLog.clear();
    removedLog.clear();
    model.setWorkflow(second);
    QVERIFY(changedLog.isEmpty() && insertedLog.isEmpty() && removedLog.isEmpty());
}

void tst_TimelineModel::leafRowsOnly()
{
    TimelineModel model;
    attachTester(model);
    WorkflowSnapshot w = mho(keyA,
        {u"gA|Group A|IN_PROGRESS"_s, u" s1|Step 1|COMPLETED"_s, u" s2|Step 2|IN_PROGRESS"_s,
            u"gB|Group B|READY"_s});
    // A parentId that names nothing: shown as a bar of its own, no group.
    StepSnapshot orphan;
    orphan.id = u"o1"_s;
    orphan.parentId = u"nowhere"_s;
    orphan.name = u"Orphan"_s;
    orphan.rawStatus = u"READY"_s;
    orphan.status = UnifiedStatus::Pending;
    QList<StepSnapshot> steps = w.steps;
    steps.append(orphan);
    w.setSteps(steps);
    model.setWorkflow(w);
    QCOMPARE(dump(model),
        (QStringList {u"Group A › Step 1 [Succeeded]"_s, u"Group A › Step 2 [Running]"_s,
            u"Group B [Pending]"_s, u"Orphan [Pending]"_s}));
    QCOMPARE(model.columnCount(), int(TimelineModel::ColumnCount));
    QCOMPARE(model.headerData(TimelineModel::StartColumn, Qt::Horizontal).toString(), u"Start"_s);
    QCOMPARE(model.roleNames().value(TimelineModel::IsOpenRole), QByteArray("isOpen"));
}

void tst_TimelineModel::openBars()
{
    TimelineModel model;
    attachTester(model);
    model.setWorkflow(mho(keyA,
        {u"g|Group|IN_PROGRESS"_s, u" run|Running|IN_PROGRESS|5"_s, u" done|Done|COMPLETED|1|4"_s,
            u" wait|Waiting|READY"_s, u" lost|Failed, no end|FAILED|2"_s}));
    auto value = [&model](int row, int role) {
        return model.index(row, 0).data(role);
    };
    QCOMPARE(value(0, TimelineModel::IsOpenRole).toBool(), true);
    QCOMPARE(value(0, TimelineModel::StartRole).toDateTime(), at(5));
    QVERIFY(!value(0, TimelineModel::EndRole).toDateTime().isValid());
    QCOMPARE(value(1, TimelineModel::IsOpenRole).toBool(), false);
    QCOMPARE(value(1, TimelineModel::EndRole).toDateTime(), at(4));
    QCOMPARE(value(2, TimelineModel::IsOpenRole).toBool(), false);
    QVERIFY(!value(2, TimelineModel::StartRole).toDateTime().isValid());
    QCOMPARE(value(3, TimelineModel::IsOpenRole).toBool(), false);
    QCOMPARE(value(3, TimelineModel::UnifiedStatusRole).toInt(), int(UnifiedStatus::Failed));
    QCOMPARE(value(3, TimelineModel::RawStatusRole).toString(), u"FAILED"_s);
    QCOMPARE(value(3, TimelineModel::NameRole).toString(), u"Failed, no end"_s);
    QCOMPARE(value(3, TimelineModel::GroupRole).toString(), u"Group"_s);

    // The running step finishes: its bar closes in place.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setWorkflow(mho(keyA,
        {u"g|Group|IN_PROGRESS"_s, u" run|Running|COMPLETED|5|9"_s, u" done|Done|COMPLETED|1|4"_s,
            u" wait|Waiting|READY"_s, u" lost|Failed, no end|FAILED|2"_s}));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(value(0, TimelineModel::IsOpenRole).toBool(), false);
    QCOMPARE(value(0, TimelineModel::EndRole).toDateTime(), at(9));
}

void tst_TimelineModel::timeRange_data()
{
    QTest::addColumn<QStringList>("spec");
    QTest::addColumn<QDateTime>("first");
    QTest::addColumn<QDateTime>("last");

    // "now" is 12:30.
    QTest::newRow("nothing") << QStringList {} << QDateTime() << QDateTime();
    QTest::newRow("nothing started")
        << QStringList {u"g|G|READY"_s, u" a|A|READY"_s} << QDateTime() << QDateTime();
    QTest::newRow("closed bars") << QStringList {u"g|G|COMPLETED|0|20"_s, u" a|A|COMPLETED|2|5"_s,
        u" b|B|COMPLETED|4|12"_s} << at(2)
                                 << at(12); // the group's own times are not a bar
    QTest::newRow("an open bar reaches now")
        << QStringList {u"g|G|IN_PROGRESS"_s, u" a|A|COMPLETED|2|5"_s, u" b|B|IN_PROGRESS|6"_s}
        << at(2) << at(30);
    QTest::newRow("a finished bar without an end is a point") << QStringList {u"g|G|FAILED"_s,
        u" a|A|COMPLETED|2|5"_s, u" b|B|FAILED|7"_s} << at(2) << at(7);
    QTest::newRow("an end later than now wins")
        << QStringList {u"g|G|IN_PROGRESS"_s, u" a|A|COMPLETED|2|45"_s, u" b|B|IN_PROGRESS|6"_s}
        << at(2) << at(45);
    QTest::newRow("unstarted bars do not count")
        << QStringList {u"g|G|IN_PROGRESS"_s, u" a|A|READY"_s, u" b|B|COMPLETED|8|9"_s} << at(8)
        << at(9);
}

void tst_TimelineModel::timeRange()
{
    QFETCH(QStringList, spec);
    QFETCH(QDateTime, first);
    QFETCH(QDateTime, last);

    TimelineModel model;
    model.setWorkflow(mho(keyA, spec));
    const QPair<QDateTime, QDateTime> range = model.timeRange(at(30));
    QCOMPARE(range.first, first);
    QCOMPARE(range.second, last);
}

void tst_TimelineModel::clear()
{
    TimelineModel model;
    attachTester(model);
    model.setWorkflow(mho(keyA, {u"g|G|IN_PROGRESS"_s, u" a|A|IN_PROGRESS|1"_s}));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.workflowKey(), QString());
    QVERIFY(!model.timeRange(at(30)).first.isValid());
}

void tst_TimelineModel::stepsNotLoaded()
{
    TimelineModel model;
    attachTester(model);
    const WorkflowSnapshot loaded = mho(keyA, {u"g|G|IN_PROGRESS"_s, u" a|A|IN_PROGRESS|1"_s});
    model.setWorkflow(loaded);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    WorkflowSnapshot listed = loaded;
    listed.stepsLoaded = false;
    listed.setSteps({});
    model.setWorkflow(listed);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(model.rowCount(), 1);
}

void tst_TimelineModel::inDefaultView_data()
{
    QTest::addColumn<WorkflowSnapshot>("workflow");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QList<int>>("inView"); // the rows whose InDefaultViewRole is true

    QStringList twelveSteps {u"g|Group|COMPLETED"_s};
    for (int i = 0; i < 12; ++i)
        twelveSteps << u" s%1|Step %1|COMPLETED|%1|%2"_s.arg(i).arg(i + 1);
    QTest::newRow("MHO: every step") << mho(keyA, twelveSteps) << 12 << rowRange(0, 11);
    QTest::newRow("MHO: steps not started")
        << mho(keyA, {u"a|A|READY"_s, u"b|B|READY"_s}) << 2 << rowRange(0, 1);
    QTest::newRow("5 runs: all") << codeCatalystRuns(5) << 5 << rowRange(0, 4);
    QTest::newRow("10 runs: all") << codeCatalystRuns(10) << 10 << rowRange(0, 9);
    QTest::newRow("11 runs: the oldest is out") << codeCatalystRuns(11) << 11 << rowRange(0, 9);
    QTest::newRow("25 runs: the newest 10") << codeCatalystRuns(25) << 25 << rowRange(0, 9);
    QTest::newRow("25 runs, the 17th newest still running")
        << codeCatalystRuns(25, {16}) << 25 << (rowRange(0, 9) << 16);
    QTest::newRow("25 runs, the oldest still running")
        << codeCatalystRuns(25, {24}) << 25 << (rowRange(0, 9) << 24);
    QTest::newRow("25 runs, the newest running: it is one of the 10")
        << codeCatalystRuns(25, {0}) << 25 << rowRange(0, 9);
}

void tst_TimelineModel::inDefaultView()
{
    QFETCH(WorkflowSnapshot, workflow);
    QFETCH(int, rows);
    QFETCH(QList<int>, inView);

    TimelineModel model;
    attachTester(model);
    model.setWorkflow(workflow);
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(rowsInDefaultView(model), inView);
    // Answered on every column, like the other roles.
    for (int row : {0, rows - 1}) {
        for (int column = 1; column < model.columnCount(); ++column)
            QCOMPARE(model.index(row, column).data(TimelineModel::InDefaultViewRole).toBool(),
                inView.contains(row));
    }
}

void tst_TimelineModel::newRunShiftsTheDefaultView()
{
    TimelineModel model;
    attachTester(model);
    // run-11 (row 0) down to run-1 (row 10), which still runs: all in view.
    model.setWorkflow(codeCatalystRuns(11, {10}));
    QCOMPARE(rowsInDefaultView(model), rowRange(0, 10));

    QList<int> changed;
    connect(&model, &QAbstractItemModel::dataChanged, this,
        [&](const QModelIndex &tl, const QModelIndex &br) {
            QCOMPARE(tl.row(), br.row());
            changed << tl.row();
        });
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    // run-1 ends: the 11th newest, it leaves the view.
    model.setWorkflow(codeCatalystRuns(11));
    QCOMPARE(changed, QList<int> {10});
    QCOMPARE(rowsInDefaultView(model), rowRange(0, 9));

    // run-12 starts: it goes in at the top, and run-2, now the 11th newest, leaves the view
    // with one dataChanged (run-1 was out already).
    QCOMPARE(idOf(model.index(9, 0)), u"run-2"_s);
    const QPersistentModelIndex run2(model.index(9, 0));
    changed.clear();
    model.setWorkflow(codeCatalystRuns(12, {0}));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 0);
    QCOMPARE(changed, QList<int> {10});
    QCOMPARE(run2.row(), 10);
    QCOMPARE(run2.data(TimelineModel::InDefaultViewRole).toBool(), false);
    QCOMPARE(rowsInDefaultView(model), rowRange(0, 9));

    // run-12 succeeds: only its own row changes; nothing moves in or out of the view.
    changed.clear();
    model.setWorkflow(codeCatalystRuns(12));
    QCOMPARE(changed, QList<int> {0});
    QCOMPARE(rowsInDefaultView(model), rowRange(0, 9));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(removed.count(), 0);
}

QTEST_GUILESS_MAIN(tst_TimelineModel)
#include "tst_timelinemodel.moc"
