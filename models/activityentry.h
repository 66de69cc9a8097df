#pragma once

#include "unifiedstatus.h"

#include <QDateTime>
#include <QString>

namespace sw {

/// One operator action and its outcome, as the activity log keeps it: what was asked of which
/// workflow, when, and what AWS answered. Only what an operator needs to follow up (error
/// code, message, request id for AWS support) is kept, never request parameters, so nothing
/// secret can reach the log file.
struct ActivityEntry {
    enum class Result : quint8 {
        InProgress,
        Succeeded,
        Failed,
        Refused, ///< not sent: not allowed, already in flight, read-only mode
    };
    /// Whether a later poll showed the action's effect (for actions that change something).
    enum class Confirmation : quint8 {
        None, ///< nothing to confirm (refused, or failed before anything was sent)
        Awaiting, ///< the reply is in; waiting for a poll
        Confirmed, ///< a poll after the reply showed the effect
        NotConfirmed, ///< no poll showed it in time (or the app closed first)
    };

    qint64 id = 0; ///< assigned by the log, unique across restarts
    QDateTime time; ///< when the operator acted, UTC
    QDateTime finished; ///< when the outcome arrived, UTC; invalid while in progress
    Service service = Service::MigrationHubOrchestrator;
    QString watchId;
    QString workflowKey;
    QString stepId;
    QString target; ///< human readable: "Migrate web tier › Validate replication"
    QString operation; ///< the AWS operation name: "RetryWorkflowStep", "StartWorkflowRun"
    Result result = Result::InProgress;
    QString errorCode; ///< the AWS error code, e.g. ResourceNotFoundException
    QString message;
    QString requestId;
    int attempts = 0; ///< requests sent, transport retries included
    Confirmation confirmation = Confirmation::None;

    friend bool operator==(const ActivityEntry &a, const ActivityEntry &b)
    {
        return a.id == b.id && a.time == b.time && a.finished == b.finished
            && a.service == b.service && a.watchId == b.watchId && a.workflowKey == b.workflowKey
            && a.stepId == b.stepId && a.target == b.target && a.operation == b.operation
            && a.result == b.result && a.errorCode == b.errorCode && a.message == b.message
            && a.requestId == b.requestId && a.attempts == b.attempts
            && a.confirmation == b.confirmation;
    }
    friend bool operator!=(const ActivityEntry &a, const ActivityEntry &b) { return !(a == b); }
};

} // namespace sw
