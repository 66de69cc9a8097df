#pragma once

// The fleet table tests' notation, shared by tst_workflowtablemodel and tst_workflowtablerows:
// rows written as specs ("watch:id=RAW[@done/total][#stepId]") and loaded into a model, and the
// model read back as text: its rows with dump(), its signals with a Recorder.

#include "snapshot.h"
#include "unifiedstatus.h"
#include "workflowtablemodel.h"

#include <QList>
#include <QMetaEnum>
#include <QModelIndex>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <utility>

namespace sw::test::table {

using namespace Qt::StringLiterals;
using M = WorkflowTableModel;

// Watch "a" is Migration Hub Orchestrator, "b" Image Builder, "c" CodeCatalyst.
inline Service serviceOfWatch(const QString &watch)
{
    if (watch == "b"_L1)
        return Service::ImageBuilder;
    return watch == "c"_L1 ? Service::CodeCatalyst : Service::MigrationHubOrchestrator;
}

inline StatusSource sourceOf(Service service)
{
    constexpr StatusSource sources[] = {StatusSource::MhoWorkflow, StatusSource::ProfilesWorkflow,
        StatusSource::ImageBuilderWorkflowExecution, StatusSource::CodeCatalystRun};
    return sources[int(service)];
}

inline WorkflowSnapshot workflow(const QString &watch, const QString &id, const QString &raw)
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
inline WorkflowSnapshot fromSpec(QString spec)
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
inline QList<WorkflowSnapshot> snapshots(const QString &specs)
{
    QList<WorkflowSnapshot> list;
    for (const QString &spec : specs.split(u' ', Qt::SkipEmptyParts))
        list.append(fromSpec(spec));
    return list;
}

// The first run of specs of a watch is its first mergeWatch; later ones are detail polls, so
// rows of different watches can interleave.
inline void load(M &model, const QString &specs)
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
inline QString dump(const M &model)
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

inline QString columnName(int column)
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

} // namespace sw::test::table
