#pragma once

// A synthetic Migration Hub Orchestrator fleet for the benchmarks: workflows with step groups
// and steps in every status, and the change one poll brings to a few of them.

#include "snapshot.h"

#include <QRandomGenerator>
#include <QStringList>

namespace sw::bench {

using namespace Qt::StringLiterals;

inline const QStringList stepStatuses = {
    u"COMPLETED"_s, u"IN_PROGRESS"_s, u"AWAITING_DEPENDENCIES"_s, u"FAILED"_s, u"READY"_s};
inline const QStringList workflowStatuses = {
    u"IN_PROGRESS"_s, u"COMPLETED"_s, u"WORKFLOW_FAILED"_s, u"NOT_STARTED"_s, u"PAUSED"_s};

inline StepSnapshot makeStep(int w, int s, const QString &parent, QRandomGenerator &random)
{
    StepSnapshot step;
    step.kind = parent.isEmpty() ? StepKind::MhoStepGroup : StepKind::MhoStep;
    step.id = u"step-%1-%2"_s.arg(w).arg(s);
    step.parentId = parent;
    step.name = parent.isEmpty() ? u"Step group %1"_s.arg(s) : u"Validate replication %1"_s.arg(s);
    step.rawStatus = stepStatuses.at(random.bounded(int(stepStatuses.size())));
    step.status = unifiedStatus(
        parent.isEmpty() ? StatusSource::MhoStepGroup : StatusSource::MhoStep, step.rawStatus);
    step.message =
        step.rawStatus == u"FAILED" ? u"Server web-%1 did not respond"_s.arg(s) : QString();
    step.start = QDateTime::fromSecsSinceEpoch(1790000000 + w * 60 + s * 30, Qt::UTC);
    if (isTerminal(step.status))
        step.end = step.start.addSecs(25);
    step.completed = s % 5;
    step.total = 5;
    step.details = {{u"owner"_s, u"AWS_MANAGED"_s}, {u"stepActionType"_s, u"AUTOMATED"_s}};
    return step;
}

inline WorkflowSnapshot makeWorkflow(int w, int stepCount, QRandomGenerator &random)
{
    WorkflowSnapshot s;
    s.watchId = u"fleet"_s;
    s.watchName = u"Migration Hub Orchestrator · us-east-1"_s;
    s.id = u"mw-%1"_s.arg(w, 8, 10, QLatin1Char('0'));
    s.key = workflowKey(s.watchId, s.id);
    s.name = u"Migrate application %1"_s.arg(w);
    s.arn = u"arn:aws:migrationhub-orchestrator:us-east-1:123456789012:workflow/"_s + s.id;
    s.rawStatus = workflowStatuses.at(random.bounded(int(workflowStatuses.size())));
    s.status = unifiedStatus(StatusSource::MhoWorkflow, s.rawStatus);
    s.start = QDateTime::fromSecsSinceEpoch(1790000000 + w * 60, Qt::UTC);
    s.lastUpdate = s.start.addSecs(600);
    s.completedSteps = random.bounded(stepCount);
    s.totalSteps = stepCount;
    s.message = u"Step %1 of %2"_s.arg(*s.completedSteps).arg(stepCount);
    s.scope = u"us-east-1"_s;
    s.details = {{u"templateId"_s, u"rehost-template"_s}};
    QList<StepSnapshot> steps;
    const int groups = std::max(1, stepCount / 5);
    QString group;
    for (int i = 0; i < stepCount; ++i) {
        const bool isGroup = i % (stepCount / groups) == 0;
        steps.append(makeStep(w, i, isGroup ? QString() : group, random));
        if (isGroup)
            group = steps.last().id;
    }
    s.stepsLoaded = true;
    s.setSteps(std::move(steps));
    return s;
}

/// A new poll of the same fleet: `count` workflows changed (status, progress and one step).
inline void changeSome(
    QList<WorkflowSnapshot> &fleet, int count, int steps, QRandomGenerator &random)
{
    for (int c = 0; c < count; ++c) {
        WorkflowSnapshot &w = fleet[random.bounded(int(fleet.size()))];
        w.rawStatus = workflowStatuses.at(
            (workflowStatuses.indexOf(w.rawStatus) + 1) % workflowStatuses.size());
        w.status = unifiedStatus(StatusSource::MhoWorkflow, w.rawStatus);
        w.completedSteps = (*w.completedSteps + 1) % steps;
        QList<StepSnapshot> newSteps = w.steps;
        StepSnapshot &s = newSteps[1 + random.bounded(steps - 1)];
        s.rawStatus = s.rawStatus == u"FAILED" ? u"IN_PROGRESS"_s : u"FAILED"_s;
        s.status = unifiedStatus(StatusSource::MhoStep, s.rawStatus);
        w.setSteps(std::move(newSteps));
    }
}

} // namespace sw::bench
