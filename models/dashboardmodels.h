#pragma once

#include "pollpolicy.h"

#include <QDateTime>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace sw {

class ActionController;
class ActivityLogModel;
class AwsGateway;
class Poller;
class StepTreeModel;
class TimelineModel;
class WorkflowFilterProxy;
class WorkflowTableModel;

/// Everything the dashboard shows and does, wired together once: the poller feeds the workflow
/// table; the selected workflow feeds the step tree and the timeline and is polled at the base
/// interval; the actions' pending state reaches the table and the tree; every action lands in
/// the activity log. The views get item models and the ActionController from here and never
/// see the AWS layer.
class DashboardModels final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardModels)

public:
    struct Settings {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        double requestsPerSecond = 5.0; ///< per service and region
        int timeoutMs = 30000;
        int attemptTimeoutMs = 60000; ///< an attempt's deadline, however slowly bytes come
        PollPolicy policy;
        QString activityLogPath; ///< empty: in memory only
        /// "Now" for durations, highlights and observed step times; empty: the system clock.
        /// The demo passes the simulator's clock, which runs 60 times faster.
        std::function<QDateTime()> clock;
    };

    DashboardModels(QNetworkAccessManager *network, Settings settings, QObject *parent = nullptr);
    ~DashboardModels() override;

    Poller *poller() const { return m_poller.get(); }
    ActionController *actions() const { return m_actions.get(); }
    WorkflowTableModel *workflows() const { return m_workflows.get(); }
    WorkflowFilterProxy *filteredWorkflows() const { return m_filtered.get(); }
    StepTreeModel *steps() const { return m_steps.get(); }
    TimelineModel *timeline() const { return m_timeline.get(); }
    ActivityLogModel *activity() const { return m_activity.get(); }
    AwsGateway *gateway() const { return m_gateway.get(); }

    /// The workflow whose steps and timeline are shown (empty: none).
    void selectWorkflow(const QString &workflowKey);
    QString selectedWorkflow() const { return m_selected; }

private:
    void showSelected();
    void updateFreshness(const QString &watchId);

    std::unique_ptr<AwsGateway> m_gateway;
    std::unique_ptr<Poller> m_poller;
    std::unique_ptr<WorkflowTableModel> m_workflows;
    std::unique_ptr<WorkflowFilterProxy> m_filtered;
    std::unique_ptr<StepTreeModel> m_steps;
    std::unique_ptr<TimelineModel> m_timeline;
    std::unique_ptr<ActivityLogModel> m_activity;
    std::unique_ptr<ActionController> m_actions;
    QString m_selected;
};

} // namespace sw
