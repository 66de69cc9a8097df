// The step tree under QAbstractItemModelTester while snapshots are merged: whole trees are
// compared in a compact text notation, signals are counted, and persistent indexes must keep
// pointing at their step (or become invalid when it is gone).
#include "steptreemodel.h"

#include "models/snapshotspec.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace sw;
using namespace sw::test;
using namespace Qt::StringLiterals;

namespace {

const QString keyA = u"watch-1/wf-A"_s;
const QString keyB = u"watch-1/wf-B"_s;

QStringList dump(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex name = model.index(row, StepTreeModel::NameColumn, parent);
        const QModelIndex status = model.index(row, StepTreeModel::StatusColumn, parent);
        lines << QString(depth, QLatin1Char(' ')) + name.data().toString() + u" ["_s
                + status.data().toString() + QLatin1Char(']');
        lines << dump(model, name, depth + 1);
    }
    return lines;
}

QString idOf(const QModelIndex &index)
{
    return index.isValid() ? index.data(StepTreeModel::StepIdRole).toString() : QString();
}

void collect(const QAbstractItemModel &model, const QModelIndex &parent,
    QList<QPair<QString, QPersistentModelIndex>> &out)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        out.append({idOf(index), QPersistentModelIndex(index)});
        collect(model, index, out);
    }
}

const StepSnapshot *findStep(const WorkflowSnapshot &w, const QString &id)
{
    for (const StepSnapshot &s : w.steps) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

// Attached before anything is loaded, and gone with the model.
void attachTester(QAbstractItemModel &model)
{
    new QAbstractItemModelTester(
        &model, QAbstractItemModelTester::FailureReportingMode::Fatal, &model);
}

} // namespace

class tst_StepTreeModel : public QObject {
    Q_OBJECT

private slots:
    void merge_data();
    void merge();
    void summaryChangeEmitsNothing();
    void orphansAndDuplicates();
    void flatServices();
    void columnsAndRoles();
    void duration_data();
    void duration();
    void pendingAction();
    void clearAndLookup();
};

void tst_StepTreeModel::merge_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QString>("afterKey");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("changed"); // "id" per dataChanged, in order
    QTest::addColumn<QStringList>("inserted"); // "parentId:first-last"
    QTest::addColumn<QStringList>("removed");

    const QStringList base = twoGroups();
    const QStringList baseDump {
        u"Group A [Running]"_s,
        u" Step 1 [Succeeded]"_s,
        u" Step 2 [Running]"_s,
        u"Group B [Pending]"_s,
        u" Step 3 [Pending]"_s,
    };
    const QStringList none;

    QTest::newRow("unchanged") << base << keyA << base << baseDump << none << none << none;
    QTest::newRow("one step fails")
        << base << keyA << replaced(base, 2, u" s2|Step 2|FAILED"_s)
        << replaced(baseDump, 2, u" Step 2 [Failed]"_s) << QStringList {u"s2"_s} << none << none;
    QTest::newRow("group and step change")
        << base << keyA
        << replaced(replaced(base, 0, u"gA|Group A|FAILED"_s), 2, u" s2|Step 2|FAILED"_s)
        << replaced(replaced(baseDump, 0, u"Group A [Failed]"_s), 2, u" Step 2 [Failed]"_s)
        << QStringList {u"gA"_s, u"s2"_s} << none << none;
    QTest::newRow("step renamed") << base << keyA
                                  << replaced(base, 4, u" s3|Step three|AWAITING_DEPENDENCIES"_s)
                                  << replaced(baseDump, 4, u" Step three [Pending]"_s)
                                  << QStringList {u"s3"_s} << none << none;
    QTest::newRow("step added at the end of a group")
        << base << keyA << with(base, 3, u" s9|Step 9|READY"_s)
        << with(baseDump, 3, u" Step 9 [Pending]"_s) << none << QStringList {u"gA:2-2"_s} << none;
    QTest::newRow("step added in the middle of a group")
        << base << keyA << with(base, 2, u" s9|Step 9|READY"_s)
        << with(baseDump, 2, u" Step 9 [Pending]"_s) << none << QStringList {u"gA:1-1"_s} << none;
    QTest::newRow("two steps added together")
        << base << keyA << with(with(base, 1, u" s8|Step 8|READY"_s), 1, u" s7|Step 7|READY"_s)
        << with(with(baseDump, 1, u" Step 8 [Pending]"_s), 1, u" Step 7 [Pending]"_s) << none
        << QStringList {u"gA:0-1"_s} << none;
    QTest::newRow("group added at the top level with its steps")
        << base << keyA << (base + QStringList {u"gC|Group C|READY"_s, u" s5|Step 5|READY"_s})
        << (baseDump + QStringList {u"Group C [Pending]"_s, u" Step 5 [Pending]"_s}) << none
        << QStringList {u":2-2"_s} << none;
    QTest::newRow("group added first")
        << base << keyA << with(base, 0, u"g0|Group 0|READY"_s)
        << with(baseDump, 0, u"Group 0 [Pending]"_s) << none << QStringList {u":0-0"_s} << none;
    QTest::newRow("step removed") << base << keyA << without(base, 1) << without(baseDump, 1)
                                  << none << none << QStringList {u"gA:0-0"_s};
    QTest::newRow("last step of a group removed")
        << base << keyA << without(base, 4) << without(baseDump, 4) << none << none
        << QStringList {u"gB:0-0"_s};
    QTest::newRow("group removed with its steps")
        << base << keyA << without(base, 0, 3) << without(baseDump, 0, 3) << none << none
        << QStringList {u":0-0"_s};
    QTest::newRow("separate removals, last run first")
        << with(with(base, 3, u" s4|Step 4|READY"_s), 3, u" s9|Step 9|READY"_s) << keyA
        << with(without(base, 1), 2, u" s9|Step 9|READY"_s)
        << with(without(baseDump, 1), 2, u" Step 9 [Pending]"_s) << none << none
        << QStringList {u"gA:3-3"_s, u"gA:0-0"_s};
    QTest::newRow("remove, add and change in one poll")
        << base << keyA
        << QStringList {u"gA|Group A|IN_PROGRESS"_s, u" s2|Step 2|COMPLETED"_s,
               u" s9|Step 9|IN_PROGRESS"_s, u"gB|Group B|AWAITING_DEPENDENCIES"_s,
               u" s3|Step 3|AWAITING_DEPENDENCIES"_s}
        << QStringList {u"Group A [Running]"_s, u" Step 2 [Succeeded]"_s, u" Step 9 [Running]"_s,
               u"Group B [Pending]"_s, u" Step 3 [Pending]"_s}
        << QStringList {u"s2"_s} << QStringList {u"gA:1-1"_s} << QStringList {u"gA:0-0"_s};
    QTest::newRow("step moves to another group")
        << base << keyA
        << QStringList {base[0], base[1], base[3], base[4], u" s2|Step 2|IN_PROGRESS"_s}
        << QStringList {baseDump[0], baseDump[1], baseDump[3], baseDump[4], baseDump[2]} << none
        << QStringList {u"gB:1-1"_s} << QStringList {u"gA:1-1"_s};
    QTest::newRow("first steps of a group arrive")
        << QStringList {u"gA|Group A|READY"_s} << keyA
        << QStringList {u"gA|Group A|READY"_s, u" s1|Step 1|READY"_s}
        << QStringList {u"Group A [Pending]"_s, u" Step 1 [Pending]"_s} << none
        << QStringList {u"gA:0-0"_s} << none;
    QTest::newRow("everything gone")
        << base << keyA << none << none << none << none << QStringList {u":0-1"_s};
    QTest::newRow("another workflow") << base << keyB << QStringList {u"gX|Group X|FAILED"_s}
                                      << QStringList {u"Group X [Failed]"_s} << none
                                      << QStringList {u":0-0"_s} << QStringList {u":0-1"_s};
    QTest::newRow("another workflow, same steps")
        << base << keyB << base << baseDump << none << QStringList {u":0-1"_s}
        << QStringList {u":0-1"_s};
}

void tst_StepTreeModel::merge()
{
    QFETCH(QStringList, before);
    QFETCH(QString, afterKey);
    QFETCH(QStringList, after);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, changed);
    QFETCH(QStringList, inserted);
    QFETCH(QStringList, removed);

    StepTreeModel model;
    attachTester(model);
    const WorkflowSnapshot first = mho(keyA, before);
    model.setWorkflow(first);
    QCOMPARE(model.workflowKey(), keyA);

    QList<QPair<QString, QPersistentModelIndex>> persistent;
    collect(model, {}, persistent);
    QCOMPARE(persistent.size(), before.size());

    QStringList changedLog, insertedLog, removedLog;
    auto range = [&model](const QModelIndex &parent, int a, int b) {
        return idOf(parent) + QLatin1Char(':') + QString::number(a) + QLatin1Char('-')
            + QString::number(b);
    };
    connect(&model, &QAbstractItemModel::dataChanged, this,
        [&](const QModelIndex &tl, const QModelIndex &br) {
            QCOMPARE(tl.row(), br.row());
            QCOMPARE(tl.parent(), br.parent());
            QCOMPARE(tl.column(), 0);
            QCOMPARE(br.column(), StepTreeModel::ColumnCount - 1);
            changedLog << idOf(tl);
        });
    connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, this,
        [&](const QModelIndex &p, int a, int b) { insertedLog << range(p, a, b); });
    connect(&model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        [&](const QModelIndex &p, int a, int b) { removedLog << range(p, a, b); });
    QSignalSpy changedSpy(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy insertedSpy(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removedSpy(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layoutSpy(&model, &QAbstractItemModel::layoutChanged);

    const WorkflowSnapshot second = mho(afterKey, after);
    model.setWorkflow(second);

    QCOMPARE(dump(model), expected);
    QCOMPARE(changedLog, changed);
    QCOMPARE(insertedLog, inserted);
    QCOMPARE(removedLog, removed);
    QCOMPARE(changedSpy.count(), changed.size());
    QCOMPARE(insertedSpy.count(), inserted.size());
    QCOMPARE(removedSpy.count(), removed.size());
    QCOMPARE(resetSpy.count(), 0);
    QCOMPARE(layoutSpy.count(), 0);
    QCOMPARE(model.workflowKey(), afterKey);

    // What survived the merge is still where its persistent index says; the rest is gone.
    for (const auto &[id, index] : std::as_const(persistent)) {
        const StepSnapshot *old = findStep(first, id);
        const StepSnapshot *now = findStep(second, id);
        const bool survives = afterKey == keyA && now && now->parentId == old->parentId;
        QVERIFY2(index.isValid() == survives, qPrintable(id));
        if (survives) {
            QCOMPARE(idOf(index), id);
            QCOMPARE(model.indexOf(id), QModelIndex(index));
        }
    }

    // Merging gives the same tree as building from scratch.
    StepTreeModel fresh;
    fresh.setWorkflow(second);
    QCOMPARE(dump(fresh), expected);

    // And the same snapshot again changes nothing.
    changedSpy.clear();
    insertedSpy.clear();
    removedSpy.clear();
    model.setWorkflow(second);
    QCOMPARE(changedSpy.count() + insertedSpy.count() + removedSpy.count() + resetSpy.count(), 0);
}

void tst_StepTreeModel::summaryChangeEmitsNothing()
{
    StepTreeModel model;
    attachTester(model);
    WorkflowSnapshot w = mho(keyA, {u"gA|Group A|IN_PROGRESS"_s, u" s1|Step 1|IN_PROGRESS"_s});
    model.setWorkflow(w);
    QSignalSpy changedSpy(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy insertedSpy(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removedSpy(&model, &QAbstractItemModel::rowsRemoved);
    w.rawStatus = u"COMPLETED"_s;
    w.status = UnifiedStatus::Succeeded;
    w.lastUpdate = at(30);
    model.setWorkflow(w);
    QCOMPARE(changedSpy.count() + insertedSpy.count() + removedSpy.count(), 0);

    // A digest that disagrees (a stale one, or another build's) only costs a comparison.
    w.stepsDigest ^= 1;
    model.setWorkflow(w);
    QCOMPARE(changedSpy.count() + insertedSpy.count() + removedSpy.count(), 0);

    // A summary without its steps (from a List call) does not empty the tree.
    WorkflowSnapshot listed = w;
    listed.stepsLoaded = false;
    listed.setSteps({});
    model.setWorkflow(listed);
    QCOMPARE(changedSpy.count() + insertedSpy.count() + removedSpy.count(), 0);
    QCOMPARE(model.rowCount(), 1);
}

void tst_StepTreeModel::orphansAndDuplicates()
{
    StepTreeModel model;
    attachTester(model);
    auto step = [](const char *id, const char *parent, const char *name) {
        StepSnapshot s;
        s.id = QString::fromLatin1(id);
        s.parentId = QString::fromLatin1(parent);
        s.name = QString::fromLatin1(name);
        s.rawStatus = u"READY"_s;
        s.status = UnifiedStatus::Pending;
        return s;
    };
    WorkflowSnapshot w;
    w.key = keyA;
    w.stepsLoaded = true;
    w.setSteps({
        step("early", "g", "Child before its parent"),
        step("g", "", "Group"),
        step("a", "g", "A"),
        step("lost", "nowhere", "Parent that does not exist"),
        step("self", "self", "Its own parent"),
        step("a", "", "Duplicate of A"),
        step("deep", "a", "Grandchild"),
    });
    model.setWorkflow(w);
    const QStringList expected {
        u"Child before its parent [Pending]"_s,
        u"Group [Pending]"_s,
        u" A [Pending]"_s,
        u"  Grandchild [Pending]"_s,
        u"Parent that does not exist [Pending]"_s,
        u"Its own parent [Pending]"_s,
    };
    QCOMPARE(dump(model), expected);
    QCOMPARE(idOf(model.indexOf(u"deep"_s).parent()), u"a"_s);

    // The lost step finds its parent in the next poll: it moves under it.
    QList<StepSnapshot> steps = w.steps;
    steps.append(step("nowhere", "", "Late parent"));
    std::rotate(steps.begin() + 3, steps.end() - 1, steps.end());
    w.setSteps(steps);
    model.setWorkflow(w);
    QCOMPARE(idOf(model.indexOf(u"lost"_s).parent()), u"nowhere"_s);
}

void tst_StepTreeModel::flatServices()
{
    StepTreeModel model;
    attachTester(model);
    WorkflowSnapshot w;
    w.key = u"watch-2/wf-build"_s;
    w.service = Service::ImageBuilder;
    QList<StepSnapshot> steps;
    for (const char *raw : {"COMPLETED", "RUNNING", "PENDING"}) {
        StepSnapshot s;
        s.kind = StepKind::ImageBuilderStep;
        s.id = u"step-%1"_s.arg(steps.size());
        s.name = u"Step %1"_s.arg(steps.size());
        s.rawStatus = QString::fromLatin1(raw);
        s.status = unifiedStatus(StatusSource::ImageBuilderStepExecution, s.rawStatus);
        steps.append(s);
    }
    w.setSteps(steps);
    model.setWorkflow(w);
    QCOMPARE(dump(model),
        (QStringList {u"Step 0 [Succeeded]"_s, u"Step 1 [Running]"_s, u"Step 2 [Pending]"_s}));
    QCOMPARE(model.index(1, 0).data(StepTreeModel::StepKindRole).toInt(),
        int(StepKind::ImageBuilderStep));
}

void tst_StepTreeModel::columnsAndRoles()
{
    StepTreeModel model;
    attachTester(model);
    WorkflowSnapshot w = mho(keyA, {u"gA|Group A|IN_PROGRESS"_s, u" s1|Step 1|FAILED"_s});
    QList<StepSnapshot> steps = w.steps;
    steps[1].message = u"Replication lag too high"_s;
    steps[1].completed = 3;
    steps[1].total = 5;
    steps[1].start = at(0);
    steps[1].end = at(1, 30);
    steps[1].details = {{u"owner"_s, u"CUSTOM"_s}, {u"scriptLocation"_s, u"s3://b/k"_s}};
    w.setSteps(steps);
    model.setWorkflow(w);

    QCOMPARE(model.columnCount(), int(StepTreeModel::ColumnCount));
    QCOMPARE(
        model.headerData(StepTreeModel::ProgressColumn, Qt::Horizontal).toString(), u"Progress"_s);
    const QModelIndex s1 = model.indexOf(u"s1"_s);
    QVERIFY(s1.isValid());
    QCOMPARE(model.step(s1)->id, u"s1"_s);
    auto cell = [&](int column, int role = Qt::DisplayRole) {
        return model.indexOf(u"s1"_s, column).data(role);
    };
    QCOMPARE(cell(StepTreeModel::NameColumn).toString(), u"Step 1"_s);
    QCOMPARE(cell(StepTreeModel::StatusColumn).toString(), u"Failed"_s);
    QCOMPARE(cell(StepTreeModel::RawStatusColumn).toString(), u"FAILED"_s);
    QCOMPARE(cell(StepTreeModel::ProgressColumn).toString(), u"3 / 5"_s);
    QCOMPARE(cell(StepTreeModel::DurationColumn).toString(), u"1 min 30 s"_s);
    QCOMPARE(cell(StepTreeModel::DurationColumn, StepTreeModel::SortRole).toLongLong(), 90000);
    QCOMPARE(cell(StepTreeModel::ProgressColumn, StepTreeModel::SortRole).toDouble(), 0.6);
    QCOMPARE(cell(StepTreeModel::MessageColumn).toString(), u"Replication lag too high"_s);
    QVERIFY(cell(StepTreeModel::NameColumn, Qt::ToolTipRole).toString().contains(u"FAILED"_s));
    QVERIFY(cell(StepTreeModel::NameColumn, Qt::ToolTipRole)
                .toString()
                .contains(u"Replication lag too high"_s));
    QCOMPARE(cell(StepTreeModel::MessageColumn, StepTreeModel::UnifiedStatusRole).toInt(),
        int(UnifiedStatus::Failed));
    QCOMPARE(cell(0, StepTreeModel::ParentIdRole).toString(), u"gA"_s);
    QCOMPARE(cell(0, StepTreeModel::StartRole).toDateTime(), at(0));
    QCOMPARE(cell(0, StepTreeModel::EndRole).toDateTime(), at(1, 30));
    QCOMPARE(cell(0, StepTreeModel::StepKindRole).toInt(), int(StepKind::MhoStep));

    QStringList details;
    for (const QVariant &v : cell(0, StepTreeModel::DetailsRole).toList()) {
        const QVariantMap m = v.toMap();
        details << m.value(u"name"_s).toString() + u'=' + m.value(u"value"_s).toString();
    }
    QVERIFY(details.contains(u"Id=s1"_s));
    QVERIFY(details.contains(u"Service status=FAILED"_s));
    QVERIFY(details.contains(u"Progress=3 / 5"_s));
    QVERIFY(details.contains(u"Start=2024-05-01T12:00:00Z"_s));
    QCOMPARE(details.mid(details.size() - 2),
        (QStringList {u"owner=CUSTOM"_s, u"scriptLocation=s3://b/k"_s}));

    const QHash<int, QByteArray> names = model.roleNames();
    QCOMPARE(names.value(StepTreeModel::StepIdRole), QByteArray("stepId"));
    QCOMPARE(names.value(StepTreeModel::DetailsRole), QByteArray("details"));
}

void tst_StepTreeModel::duration_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("end");
    QTest::addColumn<QString>("expected");

    // "now" is 12:10:00.
    QTest::newRow("not started") << u"READY"_s << QDateTime() << QDateTime() << QString();
    QTest::newRow("running counts to now")
        << u"IN_PROGRESS"_s << at(9, 55) << QDateTime() << u"5 s"_s;
    QTest::newRow("finished") << u"COMPLETED"_s << at(0) << at(7, 5) << u"7 min 05 s"_s;
    QTest::newRow("finished without an end") << u"COMPLETED"_s << at(0) << QDateTime() << QString();
    QTest::newRow("hours") << u"IN_PROGRESS"_s << at(0).addSecs(-3 * 3600 - 4 * 60) << QDateTime()
                           << u"3 h 14 min"_s;
    QTest::newRow("days") << u"IN_PROGRESS"_s << at(10).addDays(-3).addSecs(-3600) << QDateTime()
                          << u"3 d 1 h"_s;
}

void tst_StepTreeModel::duration()
{
    QFETCH(QString, raw);
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);
    QFETCH(QString, expected);

    StepTreeModel model;
    model.setClock([] { return at(10); });
    WorkflowSnapshot w = mho(keyA, {u"gA|Group A|IN_PROGRESS"_s, u" s1|Step 1|"_s + raw});
    QList<StepSnapshot> steps = w.steps;
    steps[1].start = start;
    steps[1].end = end;
    w.setSteps(steps);
    model.setWorkflow(w);
    QCOMPARE(model.indexOf(u"s1"_s, StepTreeModel::DurationColumn).data().toString(), expected);
}

void tst_StepTreeModel::pendingAction()
{
    StepTreeModel model;
    attachTester(model);
    const WorkflowSnapshot a =
        mho(keyA, {u"gA|Group A|FAILED"_s, u" s1|Step 1|COMPLETED"_s, u" s2|Step 2|FAILED"_s});
    const WorkflowSnapshot b = mho(keyB, {u"gB|Group B|FAILED"_s, u" s1|Step 1|FAILED"_s});
    model.setWorkflow(a);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    auto pending = [&model](const char *id) {
        return model.indexOf(QString::fromLatin1(id))
            .data(StepTreeModel::PendingActionRole)
            .toString();
    };

    model.setPendingAction(keyA, u"s2"_s, u"Retrying…"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.indexOf(u"s2"_s));
    QCOMPARE(pending("s2"), u"Retrying…"_s);
    QCOMPARE(pending("s1"), QString());
    QCOMPARE(model.indexOf(u"s2"_s, StepTreeModel::StatusColumn).data().toString(),
        u"Failed (Retrying…)"_s);

    model.setPendingAction(keyA, u"s2"_s, u"Retrying…"_s);
    QCOMPARE(changed.count(), 1); // the same label again: nothing to tell

    // Another workflow's pending action changes nothing here, but is kept for it.
    model.setPendingAction(keyB, u"s1"_s, u"Retrying…"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(pending("s1"), QString());

    model.setWorkflow(b);
    QCOMPARE(pending("s1"), u"Retrying…"_s);
    model.setWorkflow(a);
    QCOMPARE(pending("s2"), u"Retrying…"_s);
    QCOMPARE(pending("s1"), QString());

    // The outcome of B's action arrives while A is shown: B comes back without the label.
    changed.clear();
    model.setPendingAction(keyB, u"s1"_s, QString());
    QCOMPARE(changed.count(), 0);
    model.setWorkflow(b);
    QCOMPARE(pending("s1"), QString());
    model.setWorkflow(a);

    model.setPendingAction(keyA, u"s2"_s, QString());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(pending("s2"), QString());
    QCOMPARE(model.pendingAction(keyA, u"s2"_s), QString());

    // A step not (yet) in the tree keeps its label until it appears.
    model.setPendingAction(keyA, u"s9"_s, u"Starting…"_s);
    QCOMPARE(changed.count(), 1);
    model.setWorkflow(mho(keyA, {u"gA|Group A|FAILED"_s, u" s9|Step 9|READY"_s}));
    QCOMPARE(pending("s9"), u"Starting…"_s);
}

void tst_StepTreeModel::clearAndLookup()
{
    StepTreeModel model;
    attachTester(model);
    model.setWorkflow(mho(keyA, {u"gA|Group A|FAILED"_s, u" s1|Step 1|FAILED"_s}));
    QVERIFY(!model.indexOf(u"nope"_s).isValid());
    QVERIFY(!model.indexOf(u"s1"_s, StepTreeModel::ColumnCount).isValid());
    QCOMPARE(model.indexOf(u"s1"_s, StepTreeModel::MessageColumn).column(),
        int(StepTreeModel::MessageColumn));
    QVERIFY(!model.step({}));
    QPersistentModelIndex s1(model.indexOf(u"s1"_s));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.workflowKey(), QString());
    QVERIFY(!s1.isValid());
    QVERIFY(!model.indexOf(u"s1"_s).isValid());
    model.clear();
    QCOMPARE(removed.count(), 1);
}

QTEST_GUILESS_MAIN(tst_StepTreeModel)
#include "tst_steptreemodel.moc"
