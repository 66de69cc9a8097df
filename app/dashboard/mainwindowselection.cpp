// What MainWindow does when the operator selects a workflow or a step: the step tree, the
// timeline, the details pane with its freshness line, the actions' target.

#include "mainwindow.h"

#include "dashboardmodels.h"
#include "detailspane.h"
#include "filterbar.h"
#include "freshness.h"
#include "metricschart.h"
#include "steptreemodel.h"
#include "timelineview.h"
#include "workflowactions.h"
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include <QTableView>
#include <QTreeView>

namespace sw {

void MainWindow::onCurrentWorkflowChanged()
{
    const QString key = selectedWorkflow();
    m_models->selectWorkflow(key);
    m_actions->setTarget(key, {});
    // The selected workflow stays in the table whatever a poll changes in it.
    m_models->filteredWorkflows()->setPinnedKey(key);
    const WorkflowSnapshot *w = key.isEmpty() ? nullptr : m_models->workflows()->workflow(key);
    updateTimelinePlaceholder();
    if (!w) {
        m_details->clear();
        m_metrics->clear();
        return;
    }
    m_details->showWorkflow(*w);
    updateDetailsFreshness();
    if (w->service == Service::CustomerProfiles)
        m_metrics->setWorkflow(key, w->name);
    else
        m_metrics->clear();
}

void MainWindow::onCurrentStepChanged()
{
    const QString key = selectedWorkflow();
    const QModelIndex current = m_stepTree->currentIndex();
    const QString stepId = current.data(StepTreeModel::StepIdRole).toString();
    m_actions->setTarget(key, stepId);
    m_timeline->setCurrentStepId(stepId);
    if (stepId.isEmpty()) {
        if (const WorkflowSnapshot *w = m_models->workflows()->workflow(key))
            m_details->showWorkflow(*w);
        else
            m_details->clear();
        return;
    }
    const QModelIndex name = current.siblingAtColumn(StepTreeModel::NameColumn);
    m_details->showStep(name.data().toString(), current.data(StepTreeModel::DetailsRole).toList());
}

QString MainWindow::selectedWorkflow() const
{
    return m_table->currentIndex().data(WorkflowTableModel::WorkflowKeyRole).toString();
}

QString MainWindow::selectedStep() const
{
    return m_stepTree->currentIndex().data(StepTreeModel::StepIdRole).toString();
}

void MainWindow::selectWorkflow(const QString &workflowKey)
{
    auto *proxy = m_models->filteredWorkflows();
    const QModelIndex source = m_models->workflows()->indexOf(workflowKey);
    if (!source.isValid())
        return;
    QModelIndex shown = proxy->mapFromSource(source);
    if (!shown.isValid()) {
        // The operator asked for this workflow: filters that hide it make way.
        m_filterBar->restoreState({});
        proxy->setWatchFilter({});
        shown = proxy->mapFromSource(source);
    }
    m_table->setCurrentIndex(shown);
    m_table->scrollTo(shown);
}

bool MainWindow::selectStep(const QString &stepId)
{
    const QModelIndex index = m_models->steps()->indexOf(stepId);
    if (!index.isValid())
        return false;
    if (m_stepTree->currentIndex() != index) {
        m_stepTree->setCurrentIndex(index);
        m_stepTree->scrollTo(index);
    }
    return true;
}

void MainWindow::updateTimelinePlaceholder()
{
    const WorkflowSnapshot *w = m_models->workflows()->workflow(selectedWorkflow());
    QString text;
    if (w && !w->stepsLoaded)
        text = tr("The steps of \"%1\" have not been loaded yet.").arg(w->name);
    else if (w && w->steps.isEmpty())
        text = tr("\"%1\" has no steps.").arg(w->name);
    m_timeline->setPlaceholderText(text);
}

void MainWindow::updateDetailsFreshness()
{
    const QModelIndex row = m_models->workflows()->indexOf(selectedWorkflow());
    if (!row.isValid()) {
        m_details->setFreshness({}, false);
        return;
    }
    const bool stale = row.data(WorkflowTableModel::StaleRole).toBool();
    QString text = stale
        ? row.data(WorkflowTableModel::FreshnessRole).toString()
        : freshness::asOf(row.data(WorkflowTableModel::ConfirmedAtRole).toDateTime(),
            QDateTime::currentDateTimeUtc());
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    m_details->setFreshness(text, stale);
}

} // namespace sw
