#include "snapshot.h"

#include <QHash>
#include <QHashFunctions>

#include <limits>

namespace sw {

QString detailValue(const QList<DetailField> &details, QStringView name)
{
    for (const DetailField &f : details) {
        if (f.name == name)
            return f.value;
    }
    return {};
}

QList<StepPlacement> placeSteps(const QList<StepSnapshot> &steps)
{
    QList<StepPlacement> placed;
    placed.reserve(steps.size());
    QHash<QString, const StepSnapshot *> seen;
    for (const StepSnapshot &s : steps) {
        // Ids are unique by contract; if a service breaks that, the first one wins rather
        // than two rows fighting over one persistent index.
        if (seen.contains(s.id))
            continue;
        placed.append(StepPlacement {&s, s.parentId.isEmpty() ? nullptr : seen.value(s.parentId)});
        seen.insert(s.id, &s);
    }
    return placed;
}

bool operator==(const StepSnapshot &a, const StepSnapshot &b)
{
    return a.kind == b.kind && a.id == b.id && a.parentId == b.parentId && a.name == b.name
        && a.rawStatus == b.rawStatus && a.status == b.status && a.message == b.message
        && a.start == b.start && a.end == b.end && a.completed == b.completed && a.total == b.total
        && a.details == b.details;
}

bool WorkflowSnapshot::sameSummary(const WorkflowSnapshot &o) const
{
    return key == o.key && watchId == o.watchId && watchName == o.watchName && service == o.service
        && id == o.id && name == o.name && arn == o.arn && rawStatus == o.rawStatus
        && status == o.status && completedSteps == o.completedSteps && totalSteps == o.totalSteps
        && failedSteps == o.failedSteps && skippedSteps == o.skippedSteps && start == o.start
        && lastUpdate == o.lastUpdate && end == o.end && message == o.message
        && recordsProcessed == o.recordsProcessed && scope == o.scope && spaceName == o.spaceName
        && projectName == o.projectName && details == o.details && stepsLoaded == o.stepsLoaded;
}

bool WorkflowSnapshot::sameAs(const WorkflowSnapshot &o) const
{
    return sameSummary(o) && stepsDigest == o.stepsDigest && steps == o.steps;
}

void WorkflowSnapshot::setSteps(QList<StepSnapshot> newSteps)
{
    steps = std::move(newSteps);
    // Lists are built by appending; a fleet keeps hundreds of thousands of steps for hours,
    // so the slack of the last growth step is worth giving back.
    steps.squeeze();
    stepsDigest = sw::stepsDigest(steps);
}

const StepSnapshot *WorkflowSnapshot::stepNeedingAttention() const
{
    // A CodeCatalyst workflow's "steps" are its runs, newest first: only the latest one says
    // how the workflow is doing; an older failed run is history.
    if (service == Service::CodeCatalyst) {
        const bool troubled = !steps.isEmpty()
            && (steps.first().status == UnifiedStatus::Failed
                || steps.first().status == UnifiedStatus::NeedsAttention);
        return troubled ? &steps.first() : nullptr;
    }
    const StepSnapshot *waiting = nullptr;
    for (const StepSnapshot &s : steps) {
        if (s.kind == StepKind::MhoStepGroup)
            continue;
        if (s.status == UnifiedStatus::Failed)
            return &s;
        if (!waiting && s.status == UnifiedStatus::NeedsAttention)
            waiting = &s;
    }
    return waiting;
}

QString WorkflowSnapshot::reason() const
{
    if (!message.isEmpty())
        return message;
    const StepSnapshot *step = stepNeedingAttention();
    if (!step)
        return {};
    return step->message.isEmpty() ? step->name : step->name + QStringLiteral(": ") + step->message;
}

namespace {

// An invalid QDateTime is in local time; asking it for epoch milliseconds runs mktime(),
// which reads /etc/localtime every time.
qint64 msecs(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

size_t hashOptional(const std::optional<qint64> &value, size_t seed)
{
    return value ? ::qHash(*value, seed) : ::qHash(-1, seed ^ 0x9e3779b9u);
}

} // namespace

quint64 stepsDigest(const QList<StepSnapshot> &steps)
{
    size_t h = ::qHash(steps.size(), 0);
    for (const StepSnapshot &s : steps) {
        h = qHashMulti(h, int(s.kind), s.id, s.parentId, s.name, s.rawStatus, int(s.status),
            s.message, msecs(s.start), msecs(s.end));
        h = hashOptional(s.completed, h);
        h = hashOptional(s.total, h);
        for (const DetailField &f : s.details)
            h = qHashMulti(h, f.name, f.value);
    }
    return quint64(h);
}

QString workflowKey(const QString &watchId, const QString &workflowId)
{
    return watchId + QLatin1Char('/') + workflowId;
}

} // namespace sw
