#pragma once

#include "activityentry.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <optional>

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

/// The operator's actions: retry a FAILED Migration Hub Orchestrator step, retry all FAILED
/// steps of a workflow, start a new CodeCatalyst run. Each is checked before anything is sent
/// (eligible target, not already in flight, not read-only) and refused with a reason if not;
/// each that starts ends in an activity log entry with the outcome (or the exact AWS error
/// code, message and request id) and an immediate re-poll of the workflow. A new run carries
/// one clientToken per click, reused by every transport retry, so a click can never start two
/// runs. Targets come from the poller's latest snapshot, never from what a view shows.
class ActionController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionController)

public:
    enum class Action { RetryStep, RetryFailedSteps, StartRun };
    Q_ENUM(Action)

    ActionController(
        AwsGateway *gateway, Poller *poller, ActivityLogModel *log, QObject *parent = nullptr);

    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);

    /// Why the action cannot be taken on this target now, or an empty string if it can.
    /// `stepId` is used by RetryStep only.
    QString refusalReason(
        Action action, const QString &workflowKey, const QString &stepId = {}) const;
    bool isInFlight(Action action, const QString &workflowKey, const QString &stepId = {}) const;
    /// The FAILED steps RetryFailedSteps would retry (names, for a confirmation).
    QStringList failedStepNames(const QString &workflowKey) const;

    /// Each returns false (and logs the refusal) when refused; true when requests went out.
    bool retryStep(const QString &workflowKey, const QString &stepId);
    bool retryFailedSteps(const QString &workflowKey);
    bool startRun(const QString &workflowKey);

signals:
    /// A workflow has actions in flight ("Retrying 2 steps…") or none (empty label).
    void workflowPendingChanged(const QString &workflowKey, const QString &label);
    /// A step has an action in flight or not (empty label).
    void stepPendingChanged(
        const QString &workflowKey, const QString &stepId, const QString &label);
    void actionRefused(const QString &workflowKey, const QString &reason);
    /// An action ended; the activity log entry holds the outcome.
    void actionFinished(qint64 activityId, bool succeeded);

private:
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
        std::function<QString(const typename Op::Response &)> describeSuccess);
    qint64 begin(Action action, const WorkflowSnapshot &workflow, const QString &stepId,
        const QString &target, const QString &operation);
    void end(qint64 id, Action action, const QString &workflowKey, const QString &stepId,
        ActivityEntry outcome);
    void updateWorkflowPending(const QString &workflowKey);
    std::optional<aws::ServiceConfig> configFor(
        const WorkflowSnapshot &workflow, aws::AwsError *error) const;

    AwsGateway *m_gateway;
    Poller *m_poller;
    ActivityLogModel *m_log;
    bool m_readOnly = false;
    QSet<QString> m_inFlight;
    QHash<QString, int> m_inFlightPerWorkflow;
};

} // namespace sw
