#include "workflowactions.h"

#include "actioncontroller.h"
#include "dashboardmodels.h"
#include "poller.h"
#include "snapshot.h"
#include "statusstyle.h"
#include "workflowtablemodel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

QAction *makeAction(QObject *parent, const QIcon &icon, const QString &text,
    const QKeySequence &key, const QString &tip)
{
    auto *action = new QAction(icon, text, parent);
    action->setShortcut(key);
    action->setStatusTip(tip);
    action->setToolTip(tip);
    // The shortcuts belong to the whole window (they work from the table, the tree and the
    // timeline); a text field still gets its letters because it claims them first.
    action->setShortcutContext(Qt::WindowShortcut);
    return action;
}

} // namespace

WorkflowActions::WorkflowActions(DashboardModels *models, QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_models(models), m_dialogParent(dialogParent)
{
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(m_dialogParent, title, text,
                   QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    m_retryStep = makeAction(this, style::actionIcon(u"retry"_s), tr("&Retry step"),
        QKeySequence(Qt::Key_R), tr("Retry the selected FAILED Migration Hub Orchestrator step"));
    m_retryFailed = makeAction(this, style::actionIcon(u"retry"_s), tr("Retry &all failed steps…"),
        QKeySequence(Qt::SHIFT | Qt::Key_R),
        tr("Retry every FAILED step of the selected workflow"));
    m_startRun = makeAction(this, style::actionIcon(u"run"_s), tr("Start &new run…"),
        QKeySequence(Qt::Key_N), tr("Start a new run of the selected CodeCatalyst workflow"));
    m_refresh = makeAction(this, style::actionIcon(u"refresh"_s, u"view-refresh"_s),
        tr("Refresh &now"), QKeySequence(Qt::Key_F5), tr("Poll every watch now"));
    m_pause = makeAction(this, style::actionIcon(u"pause"_s), tr("&Pause polling"),
        QKeySequence(Qt::Key_Space), tr("Stop polling until resumed"));
    m_pause->setCheckable(true);
    m_copyId = makeAction(this, style::actionIcon(u"copy"_s), tr("Copy workflow &id"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), tr("Copy the id of the selected workflow"));
    m_copyArn = makeAction(this, style::actionIcon(u"copy"_s), tr("Copy A&RN"), QKeySequence(),
        tr("Copy the ARN of the selected workflow"));
    m_copyStepId = makeAction(this, style::actionIcon(u"copy"_s), tr("Copy &step id"),
        QKeySequence(), tr("Copy the id of the selected step, run or execution"));

    connect(m_retryStep, &QAction::triggered, this, &WorkflowActions::triggerRetryStep);
    connect(m_retryFailed, &QAction::triggered, this, &WorkflowActions::triggerRetryFailed);
    connect(m_startRun, &QAction::triggered, this, &WorkflowActions::triggerStartRun);
    connect(m_refresh, &QAction::triggered, this, [this] {
        m_models->poller()->refreshNow();
        emit message(tr("Refreshing every watch…"));
    });
    connect(m_pause, &QAction::toggled, m_models->poller(), &Poller::setPaused);
    connect(m_models->poller(), &Poller::pausedChanged, this, [this](bool paused) {
        m_pause->setChecked(paused);
        m_pause->setIcon(style::actionIcon(paused ? u"resume"_s : u"pause"_s));
        m_pause->setText(paused ? tr("Resume &polling") : tr("&Pause polling"));
        emit message(paused ? tr("Polling paused.") : tr("Polling resumed."));
    });
    connect(m_copyId, &QAction::triggered, this, [this] { copy(Copied::WorkflowId); });
    connect(m_copyArn, &QAction::triggered, this, [this] { copy(Copied::Arn); });
    connect(m_copyStepId, &QAction::triggered, this, [this] { copy(Copied::StepId); });

    ActionController *actions = m_models->actions();
    connect(
        actions, &ActionController::workflowPendingChanged, this, &WorkflowActions::updateState);
    connect(actions, &ActionController::stepPendingChanged, this, &WorkflowActions::updateState);
    connect(actions, &ActionController::actionFinished, this, &WorkflowActions::updateState);
    connect(actions, &ActionController::actionSettled, this, &WorkflowActions::updateState);
    connect(m_models->workflows(), &WorkflowTableModel::workflowChanged, this,
        [this](const QString &key) {
            if (key == m_workflowKey)
                updateState();
        });
    connect(m_models->workflows(), &WorkflowTableModel::workflowRemoved, this,
        [this](const QString &key) {
            if (key == m_workflowKey)
                updateState();
        });
    updateState();
}

void WorkflowActions::setTarget(const QString &workflowKey, const QString &stepId)
{
    m_workflowKey = workflowKey;
    m_stepId = stepId;
    updateState();
}

void WorkflowActions::setReadOnly(bool readOnly)
{
    m_models->actions()->setReadOnly(readOnly);
    for (QAction *a : {m_retryStep, m_retryFailed, m_startRun})
        a->setVisible(!readOnly);
    updateState();
}

bool WorkflowActions::isReadOnly() const
{
    return m_models->actions()->isReadOnly();
}

void WorkflowActions::setAllowed(QAction *action, const QString &refusal, const QString &tip)
{
    action->setEnabled(refusal.isEmpty());
    action->setToolTip(refusal.isEmpty() ? tip : refusal);
}

void WorkflowActions::updateState()
{
    using A = ActionController::Action;
    const ActionController *actions = m_models->actions();
    const WorkflowSnapshot *w =
        m_workflowKey.isEmpty() ? nullptr : m_models->poller()->workflow(m_workflowKey);
    const QString none = tr("Select a workflow first.");
    const QString noStep = tr("Select a FAILED step in the step tree first.");
    // Actions that cannot apply to this kind of workflow at all are disabled with a reason
    // as well: a hidden entry would leave the operator wondering where it went.
    setAllowed(m_retryStep,
        !w                       ? none
            : m_stepId.isEmpty() ? noStep
                                 : actions->refusalReason(A::RetryStep, m_workflowKey, m_stepId),
        m_retryStep->statusTip());
    setAllowed(m_retryFailed, w ? actions->refusalReason(A::RetryFailedSteps, m_workflowKey) : none,
        m_retryFailed->statusTip());
    setAllowed(m_startRun, w ? actions->refusalReason(A::StartRun, m_workflowKey) : none,
        m_startRun->statusTip());
    m_copyId->setEnabled(w != nullptr);
    m_copyArn->setEnabled(w && !w->arn.isEmpty());
    m_copyStepId->setEnabled(w && !m_stepId.isEmpty());
}

void WorkflowActions::triggerRetryStep()
{
    // The target is what was selected when the key was pressed; nothing that happens
    // afterwards (a poll, a re-sort) can move it to another row.
    const QString workflowKey = m_workflowKey;
    const QString stepId = m_stepId;
    updateState();
    if (!m_retryStep->isEnabled()) {
        emit message(m_retryStep->toolTip());
        return;
    }
    const WorkflowSnapshot *w = m_models->poller()->workflow(workflowKey);
    QString stepName = stepId;
    for (const StepSnapshot &s : w->steps) {
        if (s.id == stepId)
            stepName = s.name;
    }
    if (m_models->actions()->retryStep(workflowKey, stepId)) {
        emit message(
            tr("Retrying step \"%1\" (%2) of \"%3\" (%4)…").arg(stepName, stepId, w->name, w->id));
    }
}

void WorkflowActions::triggerRetryFailed()
{
    const QString workflowKey = m_workflowKey;
    updateState();
    if (!m_retryFailed->isEnabled()) {
        emit message(m_retryFailed->toolTip());
        return;
    }
    const WorkflowSnapshot *w = m_models->poller()->workflow(workflowKey);
    const QString name = w->name;
    const QString id = w->id;
    const QStringList names = m_models->actions()->failedStepNames(workflowKey);
    const QStringList ids = m_models->actions()->failedStepIds(workflowKey);
    const QString text =
        tr("Retry %n FAILED step(s) of \"%1\" (%2)?\n\n• %3", nullptr, int(names.size()))
            .arg(name, id, names.join(u"\n• "_s));
    // A poll while the question is open may change what is failed: the answer applies to the
    // steps it listed, and only to those still FAILED.
    if (!m_confirm(tr("Retry failed steps"), text))
        return;
    if (m_models->actions()->retryFailedSteps(workflowKey, ids))
        emit message(tr("Retrying %n step(s) of \"%1\"…", nullptr, int(ids.size())).arg(name));
}

void WorkflowActions::triggerStartRun()
{
    const QString workflowKey = m_workflowKey;
    updateState();
    if (!m_startRun->isEnabled()) {
        emit message(m_startRun->toolTip());
        return;
    }
    const WorkflowSnapshot *w = m_models->poller()->workflow(workflowKey);
    const QString name = w->name;
    const QString text = tr("Start a new run of workflow \"%1\"?\n\nSpace: %2\nProject: %3\n"
                            "Workflow id: %4")
                             .arg(name, w->spaceName, w->projectName, w->id);
    if (!m_confirm(tr("Start new run"), text))
        return;
    if (m_models->actions()->startRun(workflowKey))
        emit message(tr("Starting a new run of \"%1\"…").arg(name));
}

void WorkflowActions::copy(Copied what)
{
    const WorkflowSnapshot *w = m_models->poller()->workflow(m_workflowKey);
    if (!w)
        return;
    const QString text = what == Copied::Arn ? w->arn : what == Copied::StepId ? m_stepId : w->id;
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    emit message(tr("Copied %1").arg(text));
}

void WorkflowActions::fillWorkflowMenu(QMenu *menu) const
{
    menu->addAction(m_retryFailed);
    menu->addAction(m_startRun);
    menu->addSeparator();
    menu->addAction(m_refresh);
    menu->addSeparator();
    menu->addAction(m_copyId);
    menu->addAction(m_copyArn);
}

void WorkflowActions::fillStepMenu(QMenu *menu) const
{
    menu->addAction(m_retryStep);
    menu->addAction(m_retryFailed);
    menu->addSeparator();
    menu->addAction(m_copyStepId);
}

} // namespace sw
