#include "actionkeyguard.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QKeyEvent>
#include <QKeySequence>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QWidget>

namespace sw {

namespace {

// Where letters are text, not commands.
bool takesText(const QWidget *widget)
{
    if (qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget)
        || qobject_cast<const QKeySequenceEdit *>(widget))
        return true;
    if (const auto *combo = qobject_cast<const QComboBox *>(widget))
        return combo->isEditable();
    if (const auto *edit = qobject_cast<const QTextEdit *>(widget))
        return !edit->isReadOnly();
    if (const auto *edit = qobject_cast<const QPlainTextEdit *>(widget))
        return !edit->isReadOnly();
    return false;
}

} // namespace

ActionKeyGuard::ActionKeyGuard(QWidget *window, QList<QAction *> actions, QObject *parent)
    : QObject(parent), m_window(window)
{
    for (QAction *a : actions)
        m_actions.append(a);
}

bool ActionKeyGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || !m_window)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || widget->window() != m_window || takesText(widget))
        return false;
    // A key reaches the widgets only when no enabled shortcut took it first.
    const auto *key = static_cast<QKeyEvent *>(event);
    const QKeySequence pressed(key->keyCombination());
    for (const QPointer<QAction> &action : std::as_const(m_actions)) {
        if (!action || action->shortcut().isEmpty()
            || action->shortcut().matches(pressed) != QKeySequence::ExactMatch)
            continue;
        if (action->isEnabled() && action->isVisible()) {
            if (!key->isAutoRepeat())
                action->trigger();
        } else if (!key->isAutoRepeat()) {
            emit refused(action->toolTip());
        }
        return true;
    }
    return false;
}

} // namespace sw
