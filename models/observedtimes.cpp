#include "observedtimes.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

bool reportsNoTimes(StepKind kind)
{
    return kind == StepKind::MhoStep || kind == StepKind::MhoStepGroup;
}

bool hasStarted(UnifiedStatus status)
{
    return status != UnifiedStatus::Pending && status != UnifiedStatus::Unknown;
}

void noteObserved(StepSnapshot &step)
{
    if (!detailValue(step.details, u"observedTimes").isEmpty())
        return;
    step.details.append({u"observedTimes"_s,
        QCoreApplication::translate("sw::ObservedTimes",
            "Start and end are when Stepwatch saw the step change; the service does not "
            "report step times.")});
}

} // namespace

void carryObservedStepTimes(
    const WorkflowSnapshot &previous, WorkflowSnapshot &next, const QDateTime &now)
{
    if (!next.stepsLoaded)
        return;
    QHash<QString, const StepSnapshot *> before;
    if (previous.stepsLoaded && previous.key == next.key) {
        for (const StepSnapshot &s : previous.steps)
            before.insert(s.id, &s);
    }
    QList<StepSnapshot> steps = next.steps;
    bool touched = false;
    for (StepSnapshot &step : steps) {
        if (!reportsNoTimes(step.kind) || (step.start.isValid() && step.end.isValid()))
            continue;
        const StepSnapshot *old = before.value(step.id);
        const StepSnapshot copy = step;
        if (!step.start.isValid()) {
            if (old && old->start.isValid())
                step.start = old->start;
            else if (hasStarted(step.status)
                && ((old && !hasStarted(old->status)) || (!old && !isTerminal(step.status))))
                step.start = now;
        }
        if (!step.end.isValid() && isTerminal(step.status)) {
            if (old && old->end.isValid())
                step.end = old->end;
            else if (old && !isTerminal(old->status) && step.start.isValid())
                step.end = now;
        }
        if (step.start.isValid())
            noteObserved(step);
        touched = touched || step != copy;
    }
    if (touched)
        next.setSteps(std::move(steps));
}

} // namespace sw
