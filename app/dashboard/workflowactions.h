#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace sw {

class DashboardModels;

/// The operator's commands on the selected workflow and step, as QActions for the menus, the
/// toolbar, the context menus and the keys: Retry step (R), Retry all failed steps, Start new
/// run (N), Refresh now (F5), Pause polling (Space), Copy id / ARN / step id. Each AWS action is
/// enabled only when the ActionController would accept it — its refusal reason is the disabled
/// action's tooltip — so a second click while one is in flight cannot send anything; the
/// controller refuses it again even if it arrives. Read-only mode hides the AWS actions.
class WorkflowActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowActions)

public:
    /// Asks the operator to confirm; returns true to go ahead. Tests replace the dialog.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;

    WorkflowActions(DashboardModels *models, QWidget *dialogParent, QObject *parent = nullptr);

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    /// The target of the actions: the selected workflow, and the selected step (may be empty).
    void setTarget(const QString &workflowKey, const QString &stepId);

    void setReadOnly(bool readOnly);
    bool isReadOnly() const;

    QAction *retryStep() const { return m_retryStep; }
    QAction *retryFailedSteps() const { return m_retryFailed; }
    QAction *startRun() const { return m_startRun; }
    QAction *refresh() const { return m_refresh; }
    QAction *pause() const { return m_pause; }
    QAction *copyId() const { return m_copyId; }
    QAction *copyArn() const { return m_copyArn; }
    QAction *copyStepId() const { return m_copyStepId; }

    /// The workflow table's context menu and the step tree's.
    void fillWorkflowMenu(QMenu *menu) const;
    void fillStepMenu(QMenu *menu) const;

public slots:
    /// Re-reads what is allowed now (after a poll, a selection or an action's end).
    void updateState();

signals:
    /// A line for the status bar: what was started, refused or copied.
    void message(const QString &text);

private:
    void triggerRetryStep();
    void triggerRetryFailed();
    void triggerStartRun();
    enum class Copied { WorkflowId, Arn, StepId };
    void copy(Copied what);
    void setAllowed(QAction *action, const QString &refusal, const QString &tip);

    DashboardModels *m_models;
    QWidget *m_dialogParent;
    Confirm m_confirm;
    QString m_workflowKey;
    QString m_stepId;
    QAction *m_retryStep;
    QAction *m_retryFailed;
    QAction *m_startRun;
    QAction *m_refresh;
    QAction *m_pause;
    QAction *m_copyId;
    QAction *m_copyArn;
    QAction *m_copyStepId;
};

} // namespace sw
