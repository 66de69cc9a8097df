#include "actioncontroller.h"

#include "activitylogmodel.h"
#include "awsgateway.h"
#include "poller.h"
#include "snapshot.h"

#include "aws/codecatalyst.h"
#include "aws/migrationhuborchestrator.h"

#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

// "Wave 3 – web [mw-0123] › Validate replication [st-4567]": what the log and the status bar
// name, so two workflows or steps of the same name cannot be confused.
QString named(const QString &name, const QString &id)
{
    return name.isEmpty() || name == id ? id : u"%1 [%2]"_s.arg(name, id);
}

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

// After a lost reply, a timeout or a 5xx the service may have acted; after a 4xx or an error
// before sending, it did not.
bool mayHaveHappened(const aws::AwsError &error)
{
    using aws::ErrorKind;
    switch (error.kind) {
    case ErrorKind::Network:
    case ErrorKind::Timeout:
    case ErrorKind::Malformed:
    case ErrorKind::Aborted:
        return true;
    case ErrorKind::Service:
        return error.httpStatus >= 500;
    default:
        return false;
    }
}

} // namespace

ActionController::ActionController(
    AwsGateway *gateway, Poller *poller, ActivityLogModel *log, QObject *parent)
    : QObject(parent), m_gateway(gateway), m_poller(poller), m_log(log)
{
    connect(poller, &Poller::workflowConfirmed, this, &ActionController::onWorkflowConfirmed);
}

ActionController::~ActionController() = default;

void ActionController::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
}

QString ActionController::actionKey(
    Action action, const QString &workflowKey, const QString &stepId) const
{
    // Retrying all failed steps is a retry of each of them.
    const Action kind = action == Action::RetryFailedSteps ? Action::RetryStep : action;
    return QString::number(int(kind)) + u'\n' + workflowKey + u'\n' + stepId;
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
            return m_pending.contains(actionKey(Action::RetryStep, workflowKey, s->id));
        });
    }
    return m_pending.contains(actionKey(action, workflowKey, stepId));
}

bool ActionController::hasPending(const QString &workflowKey) const
{
    return m_pendingPerWorkflow.value(workflowKey) > 0;
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

QStringList ActionController::failedStepIds(const QString &workflowKey) const
{
    QStringList ids;
    if (const WorkflowSnapshot *w = m_poller->workflow(workflowKey)) {
        for (const StepSnapshot *s : failedSteps(*w))
            ids.append(s->id);
    }
    return ids;
}

QStringList ActionController::failedStepNames(const QString &workflowKey) const
{
    QStringList names;
    if (const WorkflowSnapshot *w = m_poller->workflow(workflowKey)) {
        for (const StepSnapshot *s : failedSteps(*w))
            names.append(named(s->name, s->id));
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
        // In flight first: while a retry waits for its confirmation, the step may still read
        // FAILED in the last poll, and the operator should hear why nothing happens.
        if (isInFlight(action, workflowKey, stepId))
            return tr("A retry of \"%1\" is already in progress.").arg(step->name);
        if (step->rawStatus != u"FAILED")
            return tr("Only FAILED steps can be retried; \"%1\" is %2.")
                .arg(step->name, step->rawStatus);
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
        entry.target = named(w->name, w->id);
        if (const StepSnapshot *s = findStep(*w, stepId))
            entry.target += u" › "_s + named(s->name, s->id);
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
    Pending pending;
    pending.action = action;
    pending.workflowKey = workflow.key;
    pending.stepId = stepId;
    pending.activityId = id;
    m_pending.insert(actionKey(action, workflow.key, stepId), pending);
    ++m_pendingPerWorkflow[workflow.key];
    if (!stepId.isEmpty())
        emit stepPendingChanged(workflow.key, stepId, tr("Retrying…"));
    updateWorkflowPending(workflow.key);
    return id;
}

void ActionController::replied(const QString &key, ActivityEntry outcome, bool mayHaveHappened)
{
    auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    outcome.finished = QDateTime::currentDateTimeUtc();
    const bool succeeded = outcome.result == ActivityEntry::Result::Succeeded;
    const bool wait = succeeded || mayHaveHappened;
    if (succeeded)
        outcome.confirmation = ActivityEntry::Confirmation::Awaiting;
    it->repliedAtMs = m_gateway->nowMs();
    it->replySucceeded = succeeded;
    const Pending pending = *it;
    // Signals follow: whoever receives them may act again, so the entry is looked up anew.
    m_log->update(pending.activityId, outcome);
    emit actionFinished(pending.activityId, succeeded);
    if (!m_pending.contains(key))
        return;
    if (!wait) {
        settle(key, false, {});
        return;
    }
    // Held until a poll that starts from now on shows the effect, or the deadline passes.
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, key] {
        settle(key, false,
            tr("Not confirmed: no poll within %n second(s) showed the change; check the "
               "workflow.",
                nullptr, m_confirmTimeoutMs / 1000));
    });
    deadline->start(m_confirmTimeoutMs);
    m_pending[key].deadline = deadline;
    if (!pending.stepId.isEmpty())
        emit stepPendingChanged(pending.workflowKey, pending.stepId, tr("Confirming…"));
    updateWorkflowPending(pending.workflowKey);
    m_poller->refreshWorkflow(pending.workflowKey);
}

bool ActionController::effectVisible(const Pending &pending, QString *now) const
{
    const WorkflowSnapshot *w = m_poller->workflow(pending.workflowKey);
    if (!w)
        return false;
    if (pending.action == Action::StartRun) {
        if (pending.runId.isEmpty())
            return false;
        if (const StepSnapshot *run = findStep(*w, pending.runId)) {
            *now = run->rawStatus;
            return true;
        }
        return false;
    }
    const StepSnapshot *step = findStep(*w, pending.stepId);
    if (!step || step->rawStatus == u"FAILED")
        return false;
    *now = step->rawStatus;
    return true;
}

void ActionController::onWorkflowConfirmed(const QString &workflowKey, qint64 pollStartedMs)
{
    if (!hasPending(workflowKey))
        return;
    QStringList settled;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        // Only a poll that started after the reply can have seen what the action did.
        if (it->workflowKey == workflowKey && it->repliedAtMs >= 0
            && pollStartedMs >= it->repliedAtMs)
            settled.append(it.key());
    }
    for (const QString &key : std::as_const(settled)) {
        const Pending pending = m_pending.value(key);
        QString status;
        if (effectVisible(pending, &status)) {
            settle(key, true,
                pending.action == Action::StartRun
                    ? tr("Confirmed by the next poll: run %1 is %2.").arg(pending.runId, status)
                    : tr("Confirmed by the next poll: the step is now %1.").arg(status));
        } else if (!pending.replySucceeded) {
            // The call failed in a way that leaves it open, and the poll shows nothing
            // happened: safe to try again.
            settle(key, false, {});
        }
        // Else the poll does not show it yet: keep waiting until the deadline.
    }
}

void ActionController::settle(const QString &key, bool confirmed, const QString &note)
{
    const auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.deadline) // perhaps from inside its own timeout
        pending.deadline->deleteLater();
    if (const ActivityEntry *entry = m_log->entry(pending.activityId);
        entry && entry->result != ActivityEntry::Result::InProgress) {
        ActivityEntry outcome = *entry;
        if (pending.replySucceeded) {
            outcome.confirmation = confirmed ? ActivityEntry::Confirmation::Confirmed
                                             : ActivityEntry::Confirmation::NotConfirmed;
        }
        if (!note.isEmpty())
            outcome.message = outcome.message.isEmpty() ? note : outcome.message + u' ' + note;
        m_log->update(pending.activityId, outcome);
    }
    if (--m_pendingPerWorkflow[pending.workflowKey] <= 0)
        m_pendingPerWorkflow.remove(pending.workflowKey);
    if (!pending.stepId.isEmpty())
        emit stepPendingChanged(pending.workflowKey, pending.stepId, {});
    updateWorkflowPending(pending.workflowKey);
    emit actionSettled(pending.activityId, confirmed);
}

void ActionController::updateWorkflowPending(const QString &workflowKey)
{
    const int n = m_pendingPerWorkflow.value(workflowKey);
    QString label;
    if (n > 0) {
        label = m_pending.contains(actionKey(Action::StartRun, workflowKey, {}))
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

bool ActionController::retryFailedSteps(const QString &workflowKey, const QStringList &stepIds)
{
    const QString reason = refusalReason(Action::RetryFailedSteps, workflowKey);
    if (!reason.isEmpty()) {
        refuse(Action::RetryFailedSteps, workflowKey, {}, reason);
        return false;
    }
    const WorkflowSnapshot workflow = *m_poller->workflow(workflowKey);
    int sent = 0;
    for (const StepSnapshot *step : failedSteps(workflow)) {
        if ((stepIds.isEmpty() || stepIds.contains(step->id))
            && !isInFlight(Action::RetryStep, workflowKey, step->id)) {
            sendRetry(workflow, *step);
            ++sent;
        }
    }
    if (sent == 0) {
        refuse(Action::RetryFailedSteps, workflowKey, {},
            tr("None of the chosen steps of \"%1\" is still FAILED.").arg(workflow.name));
        return false;
    }
    return true;
}

template<class Op>
void ActionController::send(Action action, const WorkflowSnapshot &workflow, const QString &stepId,
    const QString &target, const typename Op::Request &request,
    std::function<QString(const typename Op::Response &)> describeSuccess,
    std::function<QString(const typename Op::Response &)> runIdOf)
{
    const QString key = actionKey(action, workflow.key, stepId);
    const qint64 id = begin(action, workflow, stepId, target, Op::spec().name);
    ActivityEntry outcome = *m_log->entry(id);

    aws::AwsError error;
    const std::optional<aws::ServiceConfig> config = configFor(workflow, &error);
    if (!config) {
        recordError(outcome, error, Op::spec().name);
        return replied(key, outcome, false);
    }
    // Actions never wait behind polls, but they count against the budget polls draw from.
    m_gateway->budget(*config)->forceTake(m_gateway->nowMs());
    m_gateway->countRequest();
    // The call looks credentials up off the GUI thread (credential_process may take seconds).
    m_gateway->client()->call<Op>(*config, request, this,
        [this, key, outcome, describeSuccess, runIdOf](const aws::Outcome<Op> &result) mutable {
            outcome.attempts = result.attempts;
            m_gateway->countRequests(std::max(0, result.attempts - 1));
            outcome.requestId = result.requestId;
            if (result.ok()) {
                outcome.result = ActivityEntry::Result::Succeeded;
                outcome.message = describeSuccess(result.response);
                if (runIdOf && m_pending.contains(key))
                    m_pending[key].runId = runIdOf(result.response);
            } else {
                recordError(outcome, result.error, Op::spec().name);
            }
            replied(key, outcome, !result.ok() && mayHaveHappened(result.error));
        });
}

void ActionController::sendRetry(const WorkflowSnapshot &workflow, const StepSnapshot &step)
{
    using Op = aws::mho::RetryWorkflowStep;
    Op::Request request;
    request.id = step.id;
    request.stepGroupId = step.parentId;
    request.workflowId = workflow.id;
    send<Op>(Action::RetryStep, workflow, step.id,
        named(workflow.name, workflow.id) + u" › "_s + named(step.name, step.id), request,
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
    send<Op>(
        Action::StartRun, workflow, {},
        u"%1 › %2 › %3"_s.arg(
            workflow.spaceName, workflow.projectName, named(workflow.name, workflow.id)),
        request,
        [](const Op::Response &response) { return tr("Run %1 started.").arg(response.id); },
        [](const Op::Response &response) { return response.id; });
    return true;
}

} // namespace sw
