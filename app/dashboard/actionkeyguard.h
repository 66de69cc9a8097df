#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace sw {

/// Makes the window's action keys belong to the actions alone. Qt delivers the key of a
/// disabled action to the focused widget instead, where R or N becomes the item views'
/// type-ahead and silently moves the selection to another row — the row the next R would act
/// on. Installed on the application, this swallows such a key anywhere in the window except in
/// a text field (which gets its letters), says why the action is not available, and triggers
/// an enabled action whose shortcut did not reach it.
class ActionKeyGuard final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionKeyGuard)

public:
    ActionKeyGuard(QWidget *window, QList<QAction *> actions, QObject *parent = nullptr);

signals:
    /// A key of an action that is not available now; `reason` is the action's tool tip.
    void refused(const QString &reason);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QWidget> m_window;
    QList<QPointer<QAction>> m_actions;
};

} // namespace sw
