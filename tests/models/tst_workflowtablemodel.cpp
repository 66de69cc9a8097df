// The fleet table under QAbstractItemModelTester: every kind of merge as a row of one table
// (what the model holds after it and every signal it sent, as text), plus the pieces the views
// build on: pending actions, highlights, durations, sort values and texts.
#include "workflowtablemodel.h"

#include <QAbstractItemModelTester>
#include <QMetaEnum>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace sw;
using namespace Qt::StringLiterals;
using M = WorkflowTableModel;

namespace {

// Watch "a" is Migration Hub Orchestrator, "b" Image Builder, "c" CodeCatalyst.
Service serviceOfWatch(const QString &watch)
{
    if (watch == "b"_L1)
        return Service::ImageBuilder;
    return watch == "c"_L1 ? Service::CodeCatalyst : Service::MigrationHubOrchestrator;
}

StatusSource sourceOf(Service service)
{
    constexpr StatusSource sources[] = {StatusSource::MhoWorkflow, StatusSource::ProfilesWorkflow,
        StatusSource::ImageBuilderWorkflowExecution, StatusSource::CodeCatalystRun};
    return sources[int(service)];
}

WorkflowSnapshot workflow(const QString &watch, const QString &id, const QString &raw)
{
    WorkflowSnapshot w;
    w.watchId = watch;
    w.watchName = u"Watch "_s + watch.toUpper();
    w.key = workflowKey(watch, id);
    w.service = serviceOfWatch(watch);
    w.id = id;
    w.name = u"Workflow "_s + id;
    w.rawStatus = raw;
    w.status = unifiedStatus(sourceOf(w.service), raw);
    return w;
}

// "watch:id=RAW[@done/total][#stepId]", e.g. "a:w1=IN_PROGRESS@3/12#s1".
WorkflowSnapshot fromSpec(QString spec)
{
    QString step;
    if (const qsizetype hash = spec.indexOf(u'#'); hash >= 0) {
        step = spec.mid(hash + 1);
        spec.truncate(hash);
    }
    QString progress;
    if (const qsizetype at = spec.indexOf(u'@'); at >= 0) {
        progress = spec.mid(at + 1);
        spec.truncate(at);
    }
    const qsizetype colon = spec.indexOf(u':');
    const qsizetype eq = spec.indexOf(u'=');
    WorkflowSnapshot w =
        workflow(spec.left(colon), spec.mid(colon + 1, eq - colon - 1), spec.mid(eq + 1));
    if (!progress.isEmpty()) {
        w.completedSteps = progress.section(u'/', 0, 0).toLongLong();
        w.totalSteps = progress.section(u'/', 1, 1).toLongLong();
    }
    if (!step.isEmpty()) {
        StepSnapshot s;
        s.id = step;
        s.rawStatus = u"IN_PROGRESS"_s;
        s.status = UnifiedStatus::Running;
        w.stepsLoaded = true;
        w.setSteps({s});
    }
    return w;
}

// Space-separated specs.
QList<WorkflowSnapshot> snapshots(const QString &specs)
{
    QList<WorkflowSnapshot> list;
    for (const QString &spec : specs.split(u' ', Qt::SkipEmptyParts))
        list.append(fromSpec(spec));
    return list;
}

// The first run of specs of a watch is its first mergeWatch; later ones are detail polls, so
// rows of different watches can interleave.
void load(M &model, const QString &specs)
{
    QSet<QString> merged;
    QList<WorkflowSnapshot> run;
    auto flush = [&] {
        if (run.isEmpty())
            return;
        if (merged.contains(run.first().watchId)) {
            for (const WorkflowSnapshot &w : std::as_const(run))
                model.mergeWorkflow(w);
        } else {
            merged.insert(run.first().watchId);
            model.mergeWatch(run.first().watchId, run);
        }
        run.clear();
    };
    for (WorkflowSnapshot &w : snapshots(specs)) {
        if (!run.isEmpty() && run.first().watchId != w.watchId)
            flush();
        run.append(std::move(w));
    }
    flush();
}

// The rows in the spec notation: "a/w1=running@3/12#s1 a/w2=failed".
QString dump(const M &model)
{
    QStringList rows;
    for (int r = 0; r < model.rowCount(); ++r) {
        const WorkflowSnapshot *w = model.workflowAt(r);
        QString row = w->key + u'=' + statusKey(w->status);
        if (const QString progress = model.index(r, M::ProgressColumn).data().toString();
            !progress.isEmpty())
            row += u'@' + QString(progress).remove(u' ');
        if (!w->steps.isEmpty())
            row += u'#' + w->steps.first().id;
        rows.append(row);
    }
    return rows.join(u' ');
}

QString columnName(int column)
{
    return QString::fromLatin1(QMetaEnum::fromType<M::Column>().valueToKey(column))
        .remove("Column"_L1);
}

// Every signal of the model, in order, as text: "data a/w1 Status..RawStatus", "rows+ a/w3",
// "rows- a/w1 a/w2", "changed a/w1 a/w3", "removed a/w2", "transition a/w1 running>failed",
// "reset", "layout".
class Recorder {
public:
    explicit Recorder(M &model) : m_model(model)
    {
        const auto keys = [this](int first, int last) {
            QStringList keys;
            for (int r = first; r <= last; ++r)
                keys.append(m_model.workflowAt(r)->key);
            return keys.join(u' ');
        };
        m_connections = {
            QObject::connect(&model, &M::dataChanged,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    QString rows = m_model.workflowAt(topLeft.row())->key;
                    if (bottomRight.row() != topLeft.row())
                        rows += u".."_s + m_model.workflowAt(bottomRight.row())->key;
                    add(u"data "_s + rows + u' ' + columnName(topLeft.column()) + u".."_s
                        + columnName(bottomRight.column()));
                }),
            QObject::connect(&model, &M::rowsInserted,
                [this, keys](const QModelIndex &, int first, int last) {
                    add(u"rows+ "_s + keys(first, last));
                }),
            QObject::connect(&model, &M::rowsAboutToBeRemoved,
                [this, keys](const QModelIndex &, int first, int last) {
                    add(u"rows- "_s + keys(first, last));
                }),
            QObject::connect(&model, &M::modelReset, [this] { add(u"reset"_s); }),
            QObject::connect(&model, &M::layoutChanged, [this] { add(u"layout"_s); }),
            QObject::connect(&model, &M::workflowChanged,
                [this](const QString &key) { add(u"changed "_s + key, true); }),
            QObject::connect(&model, &M::workflowRemoved,
                [this](const QString &key) { add(u"removed "_s + key, true); }),
            QObject::connect(&model, &M::statusTransition,
                [this](const QString &key, UnifiedStatus from, UnifiedStatus to) {
                    add(u"transition "_s + key + u' ' + statusKey(from) + u'>' + statusKey(to));
                }),
        };
    }
    ~Recorder()
    {
        for (const QMetaObject::Connection &c : std::as_const(m_connections))
            QObject::disconnect(c);
    }
    Q_DISABLE_COPY_MOVE(Recorder)

    QString take() { return std::exchange(m_events, {}).join("; "_L1); }

private:
    // Runs of workflowChanged / workflowRemoved read as one event with several keys.
    void add(const QString &event, bool joinRuns = false)
    {
        const QString kind = event.section(u' ', 0, 0);
        if (joinRuns && !m_events.isEmpty() && m_events.last().section(u' ', 0, 0) == kind)
            m_events.last() += event.mid(kind.size());
        else
            m_events.append(event);
    }

    M &m_model;
    QStringList m_events;
    QList<QMetaObject::Connection> m_connections;
};

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
    void freshnessFollowsTheWatch();
    void freshnessByAge();
    void reasonColumn_data();
    void reasonColumn();
    void progressCounts_data();
    void progressCounts();
    void highlightsOnlyNews_data();
    void highlightsOnlyNews();
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

// A watch in trouble makes its rows stale whatever their age, and every cell of them says
// why. Only the freshness roles are announced: the proxy neither re-sorts nor re-filters.
void tst_WorkflowTableModel::freshnessFollowsTheWatch()
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
void tst_WorkflowTableModel::freshnessByAge()
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

    // A merge is a confirmation too, changed or not.
    QCOMPARE(at(300), QStringList {u"a/w1"_s + flipped});
    model.mergeWatch(u"a"_s, snapshots(u"a:w1=IN_PROGRESS a:w2=COMPLETED"_s));
    QCOMPARE(staleKeys(model), QStringList());
    QCOMPARE(model.indexOf(u"a/w1"_s).data(M::ConfirmedAtRole).toDateTime(), wall);
    QCOMPARE(takeChanges(model, dataChanged), QStringList {u"a/w1 Service..Watch"_s});
}

void tst_WorkflowTableModel::reasonColumn_data()
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

void tst_WorkflowTableModel::reasonColumn()
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

void tst_WorkflowTableModel::progressCounts_data()
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

void tst_WorkflowTableModel::progressCounts()
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

void tst_WorkflowTableModel::highlightsOnlyNews_data()
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

void tst_WorkflowTableModel::highlightsOnlyNews()
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

QTEST_GUILESS_MAIN(tst_WorkflowTableModel)
#include "tst_workflowtablemodel.moc"
