#include "dashboardmodels.h"

#include "actioncontroller.h"
#include "activitylogmodel.h"
#include "awsgateway.h"
#include "freshness.h"
#include "poller.h"
#include "steptreemodel.h"
#include "timelinemodel.h"
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

namespace sw {

DashboardModels::DashboardModels(QNetworkAccessManager *network, Settings settings, QObject *parent)
    : QObject(parent)
{
    AwsGateway::Settings gatewaySettings;
    gatewaySettings.environment = settings.environment;
    gatewaySettings.requestsPerSecond = settings.requestsPerSecond;
    gatewaySettings.timeoutMs = settings.timeoutMs;
    gatewaySettings.attemptTimeoutMs = settings.attemptTimeoutMs;
    m_gateway = std::make_unique<AwsGateway>(network, gatewaySettings);
    m_poller = std::make_unique<Poller>(m_gateway.get(), settings.policy);
    m_workflows = std::make_unique<WorkflowTableModel>();
    m_filtered = std::make_unique<WorkflowFilterProxy>();
    m_filtered->setSourceModel(m_workflows.get());
    m_steps = std::make_unique<StepTreeModel>();
    m_timeline = std::make_unique<TimelineModel>();
    m_activity = std::make_unique<ActivityLogModel>(settings.activityLogPath);
    m_activity->load();
    m_actions =
        std::make_unique<ActionController>(m_gateway.get(), m_poller.get(), m_activity.get());

    if (settings.clock) {
        m_poller->setClock(settings.clock);
        m_workflows->setClock(settings.clock);
        m_steps->setClock(settings.clock);
    }

    WorkflowTableModel *table = m_workflows.get();
    connect(m_poller.get(), &Poller::watchSnapshot, table, &WorkflowTableModel::mergeWatch);
    connect(m_poller.get(), &Poller::workflowSnapshot, table, &WorkflowTableModel::mergeWorkflow);
    connect(m_poller.get(), &Poller::watchRemoved, table, &WorkflowTableModel::removeWatch);
    // Freshness: what each poll confirmed, and how each watch's polling is doing.
    connect(m_poller.get(), &Poller::workflowConfirmed, table,
        [table](const QString &key) { table->confirmWorkflow(key); });
    connect(m_poller.get(), &Poller::watchConfirmed, table,
        [table](const QString &watchId) { table->confirmWatch(watchId); });
    connect(m_poller.get(), &Poller::healthChanged, this, &DashboardModels::updateFreshness);
    connect(m_poller.get(), &Poller::pausedChanged, this, [this] {
        for (const Watch &w : m_poller->watches())
            updateFreshness(w.id);
    });
    connect(table, &WorkflowTableModel::workflowChanged, this, [this](const QString &key) {
        if (key == m_selected)
            showSelected();
    });
    connect(table, &WorkflowTableModel::workflowRemoved, this, [this](const QString &key) {
        if (key == m_selected)
            showSelected();
    });
    connect(m_actions.get(), &ActionController::workflowPendingChanged, table,
        &WorkflowTableModel::setPendingAction);
    connect(m_actions.get(), &ActionController::stepPendingChanged, m_steps.get(),
        &StepTreeModel::setPendingAction);
}

DashboardModels::~DashboardModels()
{
    // The actions and the poller reference the models and the gateway: they go first.
    m_actions.reset();
    m_poller.reset();
}

void DashboardModels::selectWorkflow(const QString &workflowKey)
{
    if (workflowKey == m_selected)
        return;
    m_selected = workflowKey;
    m_poller->setFocus(workflowKey);
    showSelected();
}

void DashboardModels::updateFreshness(const QString &watchId)
{
    const std::optional<Watch> watch = m_poller->watch(watchId);
    if (!watch)
        return;
    m_workflows->setWatchFreshness(
        watchId, freshness::of(*watch, m_poller->health(watchId), m_poller->isPaused()));
}

void DashboardModels::showSelected()
{
    const WorkflowSnapshot *workflow =
        m_selected.isEmpty() ? nullptr : m_workflows->workflow(m_selected);
    if (!workflow) {
        m_steps->clear();
        m_timeline->clear();
        return;
    }
    m_steps->setWorkflow(*workflow);
    m_timeline->setWorkflow(*workflow);
}

} // namespace sw
