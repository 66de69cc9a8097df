#include "actioncontroller.h"

#include "activitylogmodel.h"
#include "awsgateway.h"
#include "poller.h"
#include "snapshot.h"

#include "aws/codecatalyst.h"
#include "aws/migrationhuborchestrator.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace sw {

ActionController::ActionController(
    AwsGateway *gateway, Poller *poller, ActivityLogModel *log, QObject *parent)
    : QObject(parent), m_gateway(gateway), m_poller(poller), m_log(log)
{
}

void ActionController::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
}

QString ActionController::actionKey(
    Action action, const QString &workflowKey, const QString &stepId) const
{
    return QString::number(int(action)) + u'\n' + workflowKey + u'\n' + stepId;
}

bool ActionController::isInFlight(
    Action action, const QString &workflowKey, const QString &stepId) const
{
    if (action == Action::RetryFailedSteps) {
        const WorkflowSnapshot *w = m_poller->workflow(workflowKey);
        if (!w)
            return false;
        const QList<const StepSnapshot *> failed = failedSteps(*w);
        return !failed.isEmpty() && std::all_of(failed.cbegin(), failed.cend(), [&](auto *s) {
            return m_inFlight.contains(actionKey(Action::RetryStep, workflowKey, s->id));
        });
    }
    return m_inFlight.contains(actionKey(action, workflowKey, stepId));
}

const StepSnapshot *ActionController::findStep(
    const WorkflowSnapshot &workflow, const QString &stepId) const
{
    for (const StepSnapshot &s : workflow.steps) {
        if (s.id == stepId)
            return &s;
    }
    return nullptr;
}

QList<const StepSnapshot *> ActionController::failedSteps(const WorkflowSnapshot &workflow) const
{
    QList<const StepSnapshot *> failed;
    for (const StepSnapshot &s : workflow.steps) {
        if (s.kind == StepKind::MhoStep && s.rawStatus == u"FAILED")
            failed.append(&s);
    }
    return failed;
}

QStringList ActionController::failedStepNames(const QString &workflowKey) const
{
    QStringList names;
    if (const WorkflowSnapshot *w = m_poller->workflow(workflowKey)) {
        for (const StepSnapshot *s : failedSteps(*w))
            names.append(s->name);
    }
    return names;
}

QString ActionController::refusalReason(
    Action action, const QString &workflowKey, const QString &stepId) const
{
    if (m_readOnly)
        return tr("Stepwatch is in read-only mode: actions are switched off.");
    const WorkflowSnapshot *w = m_poller->workflow(workflowKey);
    if (!w)
        return tr("The workflow is no longer watched.");
    switch (action) {
    case Action::RetryStep: {
        if (w->service != Service::MigrationHubOrchestrator)
            return tr("Only Migration Hub Orchestrator steps can be retried.");
        const StepSnapshot *step = findStep(*w, stepId);
        if (!step)
            return tr("The step is not in the latest poll of \"%1\".").arg(w->name);
        if (step->kind != StepKind::MhoStep)
            return tr("A step group cannot be retried; retry its failed steps.");
        if (step->rawStatus != u"FAILED")
            return tr("Only FAILED steps can be retried; \"%1\" is %2.")
                .arg(step->name, step->rawStatus);
        if (isInFlight(action, workflowKey, stepId))
            return tr("A retry of \"%1\" is already in progress.").arg(step->name);
        return {};
    }
    case Action::RetryFailedSteps: {
        if (w->service != Service::MigrationHubOrchestrator)
            return tr("Only Migration Hub Orchestrator steps can be retried.");
        if (!w->stepsLoaded)
            return tr("The steps of \"%1\" have not been loaded yet.").arg(w->name);
        if (failedSteps(*w).isEmpty())
            return tr("\"%1\" has no FAILED steps.").arg(w->name);
        if (isInFlight(action, workflowKey))
            return tr("Every FAILED step of \"%1\" is already being retried.").arg(w->name);
        return {};
    }
    case Action::StartRun: {
        if (w->service != Service::CodeCatalyst)
            return tr("Only CodeCatalyst workflows can start a new run.");
        if (detailValue(w->details, u"workflowStatus") == u"INVALID")
            return tr("The workflow definition of \"%1\" is INVALID; fix it before "
                      "starting a run.")
                .arg(w->name);
        if (isInFlight(action, workflowKey))
            return tr("A new run of \"%1\" is already being started.").arg(w->name);
        return {};
    }
    }
    return {};
}

void ActionController::refuse(
    Action action, const QString &workflowKey, const QString &stepId, const QString &reason)
{
    ActivityEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.finished = entry.time;
    entry.workflowKey = workflowKey;
    entry.stepId = stepId;
    entry.result = ActivityEntry::Result::Refused;
    entry.message = reason;
    entry.operation = action == Action::StartRun ? u"StartWorkflowRun"_s : u"RetryWorkflowStep"_s;
    if (const WorkflowSnapshot *w = m_poller->workflow(workflowKey)) {
        entry.service = w->service;
        entry.watchId = w->watchId;
        entry.target = w->name;
        if (const StepSnapshot *s = findStep(*w, stepId))
            entry.target += u" › "_s + s->name;
    } else {
        entry.target = workflowKey;
    }
    m_log->append(entry);
    emit actionRefused(workflowKey, reason);
}

qint64 ActionController::begin(Action action, const WorkflowSnapshot &workflow,
    const QString &stepId, const QString &target, const QString &operation)
{
    ActivityEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.service = workflow.service;
    entry.watchId = workflow.watchId;
    entry.workflowKey = workflow.key;
    entry.stepId = stepId;
    entry.target = target;
    entry.operation = operation;
    entry.result = ActivityEntry::Result::InProgress;
    const qint64 id = m_log->append(entry);
    m_inFlight.insert(actionKey(action, workflow.key, stepId));
    ++m_inFlightPerWorkflow[workflow.key];
    if (!stepId.isEmpty())
        emit stepPendingChanged(workflow.key, stepId, tr("Retrying…"));
    updateWorkflowPending(workflow.key);
    return id;
}

void ActionController::end(qint64 id, Action action, const QString &workflowKey,
    const QString &stepId, ActivityEntry outcome)
{
    outcome.finished = QDateTime::currentDateTimeUtc();
    m_log->update(id, outcome);
    m_inFlight.remove(actionKey(action, workflowKey, stepId));
    if (--m_inFlightPerWorkflow[workflowKey] <= 0)
        m_inFlightPerWorkflow.remove(workflowKey);
    if (!stepId.isEmpty())
        emit stepPendingChanged(workflowKey, stepId, {});
    updateWorkflowPending(workflowKey);
    // Show the effect at once rather than at the next scheduled poll.
    m_poller->refreshWorkflow(workflowKey);
    emit actionFinished(id, outcome.result == ActivityEntry::Result::Succeeded);
}

void ActionController::updateWorkflowPending(const QString &workflowKey)
{
    const int n = m_inFlightPerWorkflow.value(workflowKey);
    QString label;
    if (n > 0) {
        label = m_inFlight.contains(actionKey(Action::StartRun, workflowKey, {}))
            ? tr("Starting a run…")
            : tr("Retrying %n step(s)…", nullptr, n);
    }
    emit workflowPendingChanged(workflowKey, label);
}

std::optional<aws::ServiceConfig> ActionController::configFor(
    const WorkflowSnapshot &workflow, aws::AwsError *error) const
{
    const std::optional<Watch> watch = m_poller->watch(workflow.watchId);
    if (!watch) {
        error->kind = aws::ErrorKind::Configuration;
        error->message = tr("The watch of \"%1\" was removed.").arg(workflow.name);
        return std::nullopt;
    }
    return m_gateway->serviceConfig(*watch, error);
}

namespace {

// What the log shows for a failed call: the AWS error code and message as the service sent
// them, or our own description of a local or transport failure.
void recordError(ActivityEntry &entry, const aws::AwsError &error, const QString &operation)
{
    entry.result = ActivityEntry::Result::Failed;
    entry.errorCode = error.code;
    entry.message =
        error.kind == aws::ErrorKind::Service ? error.message : error.describe(operation);
    if (entry.message.isEmpty())
        entry.message = error.describe(operation);
    entry.requestId = error.requestId;
}

} // namespace

bool ActionController::retryStep(const QString &workflowKey, const QString &stepId)
{
    const QString reason = refusalReason(Action::RetryStep, workflowKey, stepId);
    if (!reason.isEmpty()) {
        refuse(Action::RetryStep, workflowKey, stepId, reason);
        return false;
    }
    const WorkflowSnapshot workflow = *m_poller->workflow(workflowKey);
    sendRetry(workflow, *findStep(workflow, stepId));
    return true;
}

bool ActionController::retryFailedSteps(const QString &workflowKey)
{
    const QString reason = refusalReason(Action::RetryFailedSteps, workflowKey);
    if (!reason.isEmpty()) {
        refuse(Action::RetryFailedSteps, workflowKey, {}, reason);
        return false;
    }
    const WorkflowSnapshot workflow = *m_poller->workflow(workflowKey);
    for (const StepSnapshot *step : failedSteps(workflow)) {
        if (!isInFlight(Action::RetryStep, workflowKey, step->id))
            sendRetry(workflow, *step);
    }
    return true;
}

template<class Op>
void ActionController::send(Action action, const WorkflowSnapshot &workflow, const QString &stepId,
    const QString &target, const typename Op::Request &request,
    std::function<QString(const typename Op::Response &)> describeSuccess)
{
    const QString key = workflow.key;
    const qint64 id = begin(action, workflow, stepId, target, Op::spec().name);
    ActivityEntry outcome = *m_log->entry(id);

    aws::AwsError error;
    const std::optional<aws::ServiceConfig> config = configFor(workflow, &error);
    if (!config) {
        recordError(outcome, error, Op::spec().name);
        return end(id, action, key, stepId, outcome);
    }
    // Actions never wait behind polls, but they count against the budget polls draw from.
    m_gateway->budget(*config)->forceTake(m_gateway->nowMs());
    m_gateway->countRequest();
    // Credentials are looked up off the GUI thread (credential_process may take seconds).
    m_gateway->prepareCredentials(
        *config, this, [this, config, request, action, id, key, stepId, outcome, describeSuccess] {
            m_gateway->client()->call<Op>(*config, request, this,
                [this, action, id, key, stepId, outcome, describeSuccess](
                    const aws::Outcome<Op> &result) mutable {
                    outcome.attempts = result.attempts;
                    outcome.requestId = result.requestId;
                    if (result.ok()) {
                        outcome.result = ActivityEntry::Result::Succeeded;
                        outcome.message = describeSuccess(result.response);
                    } else {
                        recordError(outcome, result.error, Op::spec().name);
                    }
                    end(id, action, key, stepId, outcome);
                });
        });
}

void ActionController::sendRetry(const WorkflowSnapshot &workflow, const StepSnapshot &step)
{
    using Op = aws::mho::RetryWorkflowStep;
    Op::Request request;
    request.id = step.id;
    request.stepGroupId = step.parentId;
    request.workflowId = workflow.id;
    send<Op>(Action::RetryStep, workflow, step.id, workflow.name + u" › "_s + step.name, request,
        [](const Op::Response &response) {
            return tr("Retry accepted; the step is now %1.")
                .arg(response.status.isEmpty() ? tr("being retried") : response.status);
        });
}

bool ActionController::startRun(const QString &workflowKey)
{
    using Op = aws::codecatalyst::StartWorkflowRun;
    const QString reason = refusalReason(Action::StartRun, workflowKey);
    if (!reason.isEmpty()) {
        refuse(Action::StartRun, workflowKey, {}, reason);
        return false;
    }
    const WorkflowSnapshot workflow = *m_poller->workflow(workflowKey);
    Op::Request request;
    request.spaceName = workflow.spaceName;
    request.projectName = workflow.projectName;
    request.workflowId = workflow.id;
    // One token per click: every transport retry of this call resends it, so the service
    // starts at most one run however often the reply is lost.
    request.clientToken = QUuid::createUuid().toString(QUuid::WithoutBraces);
    send<Op>(Action::StartRun, workflow, {},
        u"%1 › %2 › %3"_s.arg(workflow.spaceName, workflow.projectName, workflow.name), request,
        [](const Op::Response &response) { return tr("Run %1 started.").arg(response.id); });
    return true;
}

} // namespace sw
