#pragma once

#include "pollpolicy.h"
#include "snapshot.h"
#include "watch.h"
#include "watchhealth.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace sw {

class AwsGateway;
class WatchPoller;

/// Polls every watch. One WatchPoller per watch (so a watch's polls never overlap), all
/// sending through one AwsGateway (one QNetworkAccessManager, shared request budgets per
/// service and region). Results come out as snapshots for the item models to merge; health
/// per watch for the Sources pane. Pause/resume and refresh-now per watch and globally.
class Poller final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Poller)

public:
    explicit Poller(AwsGateway *gateway, PollPolicy policy = {}, QObject *parent = nullptr);
    ~Poller() override;

    /// Adds, replaces (same id, changed settings: its state starts over) and removes
    /// watchers so that exactly these are polled.
    void setWatches(const QList<Watch> &watches);
    void addWatch(const Watch &watch);
    void removeWatch(const QString &watchId);
    QList<Watch> watches() const;
    std::optional<Watch> watch(const QString &watchId) const;
    bool hasWatch(const QString &watchId) const;

    WatchHealth health(const QString &watchId) const;
    /// What the poller last saw of a workflow, or null.
    const WorkflowSnapshot *workflow(const QString &workflowKey) const;

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    void setWatchPaused(const QString &watchId, bool paused);
    void refreshNow();
    void refreshWatch(const QString &watchId);
    /// Re-polls one workflow ahead of everything else (after an action).
    void refreshWorkflow(const QString &workflowKey);
    /// The workflow the operator selected: kept fresh at the base interval.
    void setFocus(const QString &workflowKey);
    /// Where "now" comes from for the step times the poller observes (Migration Hub
    /// Orchestrator reports none): the system clock, or the simulator's in the demo.
    void setClock(std::function<QDateTime()> clock);

signals:
    void watchSnapshot(const QString &watchId, const QList<sw::WorkflowSnapshot> &workflows);
    void workflowSnapshot(const sw::WorkflowSnapshot &workflow);
    /// See WatchPoller: a poll that started at `pollStartedMs` (AwsGateway::nowMs())
    /// confirmed what the poller holds of the workflow, or the summaries of the whole watch.
    void workflowConfirmed(const QString &workflowKey, qint64 pollStartedMs);
    void watchConfirmed(const QString &watchId, qint64 pollStartedMs);
    void watchRemoved(const QString &watchId);
    void healthChanged(const QString &watchId);
    void pausedChanged(bool paused);

private:
    WatchPoller *find(QStringView watchId) const;
    WatchPoller *pollerFor(const QString &workflowKey, QString *workflowId) const;

    AwsGateway *m_gateway;
    PollPolicy m_policy;
    std::vector<std::unique_ptr<WatchPoller>> m_pollers;
    bool m_paused = false;
    QString m_focus;
    std::function<QDateTime()> m_clock;
};

} // namespace sw
