#pragma once

#include "pollbackoff.h"
#include "pollpolicy.h"
#include "snapshot.h"
#include "watch.h"
#include "watchhealth.h"

#include "aws/awsclient.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace sw {

class AwsGateway;
class RequestBudget;

/// Polls one watch: one request at a time (the next starts when the last reply arrived, so
/// polls of a watch never overlap), each drawn from the shared budget of its service and
/// region. Discovery (the List call) runs at its own slow interval; each workflow is then
/// polled on its own schedule: active ones every base interval, finished ones rarely, one
/// that just changed or was acted on at once. Each call is retried within itself (the SDKs'
/// standard mode) before a poll counts as failed; a failed poll waits as PollBackoff says, and
/// the first successful reply — of this watch, or of any other from the same endpoint —
/// brings back the normal schedule at once. What happened is kept in health(). Internal to
/// the Poller.
class WatchPoller final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchPoller)

public:
    WatchPoller(Watch watch, AwsGateway *gateway, PollPolicy policy, QObject *parent = nullptr);
    ~WatchPoller() override;

    const Watch &watch() const { return m_watch; }
    const WatchHealth &health() const { return m_health; }
    QList<WorkflowSnapshot> snapshots() const;
    const WorkflowSnapshot *snapshot(const QString &workflowId) const;

    /// Starts polling (the first poll goes out at once unless paused).
    void start();
    void setPaused(bool paused);
    void setGloballyPaused(bool paused);
    /// Everything due now: discovery and every workflow.
    void refreshNow();
    /// This workflow before anything else (after an action, or when the operator asks).
    void refreshWorkflow(const QString &workflowId);
    /// The workflow the operator is looking at is polled every base interval, finished or not.
    void setFocus(const QString &workflowId);
    /// "Now" for observed step times; empty: the system clock.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

signals:
    /// The complete set of workflows of the watch, after discovery or a removal.
    void watchSnapshot(const QString &watchId, const QList<sw::WorkflowSnapshot> &workflows);
    /// One workflow changed (a detail poll).
    void workflowSnapshot(const sw::WorkflowSnapshot &workflow);
    /// A detail poll of the workflow that started at `pollStartedMs` (the gateway's clock)
    /// succeeded: what the poller holds of it is that fresh, changed or not. After
    /// workflowSnapshot() when it changed.
    void workflowConfirmed(const QString &workflowKey, qint64 pollStartedMs);
    /// A discovery that started at `pollStartedMs` listed the watch's workflows: their
    /// summaries (status above all) are that fresh.
    void watchConfirmed(const QString &watchId, qint64 pollStartedMs);
    void healthChanged(const QString &watchId);

private:
    struct Tracked {
        WorkflowSnapshot snapshot;
        qint64 dueMs = 0;
        qint64 lastPolledMs = -1;
    };
    template<class Op>
    struct Paged;

    void schedule();
    void onOriginReachable(const QString &origin);
    bool prepareConfig();
    void acquireAndSend(std::function<void()> send);
    template<class Op>
    void call(
        const typename Op::Request &request, std::function<void(const aws::Outcome<Op> &)> done);
    template<class Op, class Item>
    void fetchAll(typename Op::Request request, QList<Item> Op::Response::*items, int maxPages,
        std::function<void(const Paged<Op> &)> done);

    void runDiscovery();
    void runDetail(const QString &workflowId);
    void detailMho(const QString &id);
    void detailProfiles(const QString &id);
    void detailImageBuilder(const QString &id);
    void detailCodeCatalyst(const QString &id);

    /// Merges what a List call returned: new ids are tracked, vanished ones dropped.
    void mergeDiscovered(const QStringList &ids,
        const std::function<void(WorkflowSnapshot &, qsizetype index)> &apply);
    void finishDetail(const QString &workflowId, WorkflowSnapshot snapshot);
    void workflowNotFound(const QString &workflowId);
    void jobFailed(const aws::AwsError &error, const QString &operation);
    void jobSucceeded();
    void endJob();

    WorkflowSnapshot newSnapshot(const QString &workflowId) const;
    qint64 dueAfterPoll(const WorkflowSnapshot &snapshot, bool statusChanged) const;
    qint64 dueOnFirstSight(const WorkflowSnapshot &snapshot) const;
    void emitWatchSnapshot();
    void setHealth(WatchHealth::State state, const QString &error, const QString &code);
    /// A call ended: `attempts` requests went out, `throttled` of them were throttled.
    void noteReply(bool ok, int throttled, int attempts);

    Watch m_watch;
    std::function<QDateTime()> m_clock;
    AwsGateway *m_gateway;
    PollPolicy m_policy;
    std::optional<aws::ServiceConfig> m_config;
    bool m_configStale = false;
    std::shared_ptr<RequestBudget> m_budget; ///< the shared one of m_config's service and region
    QHash<QString, Tracked> m_tracked;
    QStringList m_order; ///< as the service listed them
    QString m_focus;
    qint64 m_discoveryDueMs = 0;
    qint64 m_notBeforeMs = 0;
    qint64 m_jobStartedMs = 0;
    bool m_jobUrgent = false; ///< the job polls a workflow the operator asked for
    PollBackoff::Failure m_lastFailure = PollBackoff::Failure::ServerError;
    int m_failureStreak = 0; ///< failed polls in a row of m_lastFailure's kind
    QString m_origin; ///< scheme://host:port of m_config's endpoint
    bool m_started = false;
    bool m_busy = false;
    bool m_globallyPaused = false;
    QTimer m_timer;
    WatchHealth m_health;
    QStringList m_missingIds; ///< chosen ids the service does not know
};

} // namespace sw
