#pragma once

#include "activityentry.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

class QTimer;

namespace sw {

namespace aws {
struct AwsError;
struct ServiceConfig;
} // namespace aws

class ActivityLogModel;
class AwsGateway;
class Poller;
struct WorkflowSnapshot;
struct StepSnapshot;

/// The operator's actions: retry a FAILED Migration Hub Orchestrator step, retry FAILED steps
/// of a workflow, start a new CodeCatalyst run. Each is checked before anything is sent
/// (eligible target, not already in flight, not read-only) and refused with a reason if not;
/// each that starts ends in an activity log entry with the outcome (or the exact AWS error
/// code, message and request id). A new run carries one clientToken per click, reused by every
/// transport retry, so a click can never start two runs. Targets come from the poller's latest
/// snapshot, never from what a view shows.
///
/// An action stays in flight — and a second one on the same target is refused — until a poll
/// that started after the reply shows its effect (the step left FAILED, the new run is listed),
/// or until a deadline passes, which the log then says. Only a definite "no" from the service
/// (a 4xx) or a request that never left ends it at once: after a lost reply or a 5xx the
/// action may have happened, and only the next poll can tell.
class ActionController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionController)

public:
    enum class Action { RetryStep, RetryFailedSteps, StartRun };
    Q_ENUM(Action)

    ActionController(
        AwsGateway *gateway, Poller *poller, ActivityLogModel *log, QObject *parent = nullptr);
    ~ActionController() override;

    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);
    /// How long an action waits for a poll to confirm it (default 30 s).
    void setConfirmationTimeout(int ms) { m_confirmTimeoutMs = ms; }

    /// Why the action cannot be taken on this target now, or an empty string if it can.
    /// `stepId` is used by RetryStep only.
    QString refusalReason(
        Action action, const QString &workflowKey, const QString &stepId = {}) const;
    bool isInFlight(Action action, const QString &workflowKey, const QString &stepId = {}) const;
    /// Any action on the workflow is in flight or waiting for its confirmation.
    bool hasPending(const QString &workflowKey) const;
    /// Any action at all is.
    bool hasPending() const { return !m_pending.isEmpty(); }
    /// The FAILED steps RetryFailedSteps would retry: ids, and their names for a confirmation.
    QStringList failedStepIds(const QString &workflowKey) const;
    QStringList failedStepNames(const QString &workflowKey) const;

    /// Each returns false (and logs the refusal) when refused; true when requests went out.
    bool retryStep(const QString &workflowKey, const QString &stepId);
    /// Retries these steps (the ones the operator confirmed), each only if it is still
    /// FAILED and not in flight; empty `stepIds`: every FAILED step.
    bool retryFailedSteps(const QString &workflowKey, const QStringList &stepIds = {});
    bool startRun(const QString &workflowKey);

signals:
    /// A workflow has actions in flight ("Retrying 2 steps…") or none (empty label).
    void workflowPendingChanged(const QString &workflowKey, const QString &label);
    /// A step has an action in flight or not (empty label).
    void stepPendingChanged(
        const QString &workflowKey, const QString &stepId, const QString &label);
    void actionRefused(const QString &workflowKey, const QString &reason);
    /// The service answered (or the call failed); the activity log entry holds the outcome.
    void actionFinished(qint64 activityId, bool succeeded);
    /// The action is no longer in flight: a poll showed its effect (`confirmed`), or none did
    /// in time (or the call failed). The log entry says which.
    void actionSettled(qint64 activityId, bool confirmed);

private:
    struct Pending {
        Action action = Action::RetryStep;
        QString workflowKey;
        QString stepId;
        qint64 activityId = 0;
        qint64 repliedAtMs = -1; ///< AwsGateway::nowMs() of the reply; -1 while out
        bool replySucceeded = false;
        QString runId; ///< StartRun: the run the reply named
        QTimer *deadline = nullptr;
    };

    QString actionKey(Action action, const QString &workflowKey, const QString &stepId) const;
    const StepSnapshot *findStep(const WorkflowSnapshot &workflow, const QString &stepId) const;
    QList<const StepSnapshot *> failedSteps(const WorkflowSnapshot &workflow) const;
    void refuse(
        Action action, const QString &workflowKey, const QString &stepId, const QString &reason);
    void sendRetry(const WorkflowSnapshot &workflow, const StepSnapshot &step);
    /// Logs the action as in progress, sends Op, and logs its outcome.
    template<class Op>
    void send(Action action, const WorkflowSnapshot &workflow, const QString &stepId,
        const QString &target, const typename Op::Request &request,
        std::function<QString(const typename Op::Response &)> describeSuccess,
        std::function<QString(const typename Op::Response &)> runIdOf = {});
    qint64 begin(Action action, const WorkflowSnapshot &workflow, const QString &stepId,
        const QString &target, const QString &operation);
    /// The reply is in: logs it, then waits for a poll or settles at once.
    void replied(const QString &key, ActivityEntry outcome, bool mayHaveHappened);
    void onWorkflowConfirmed(const QString &workflowKey, qint64 pollStartedMs);
    /// Whether the latest poll shows the action's effect.
    bool effectVisible(const Pending &pending, QString *now) const;
    void settle(const QString &key, bool confirmed, const QString &note);
    void updateWorkflowPending(const QString &workflowKey);
    std::optional<aws::ServiceConfig> configFor(
        const WorkflowSnapshot &workflow, aws::AwsError *error) const;

    AwsGateway *m_gateway;
    Poller *m_poller;
    ActivityLogModel *m_log;
    bool m_readOnly = false;
    int m_confirmTimeoutMs = 30000;
    QHash<QString, Pending> m_pending; ///< by actionKey()
    QHash<QString, int> m_pendingPerWorkflow;
};

} // namespace sw
