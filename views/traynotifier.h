#pragma once

#include "unifiedstatus.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QTimer;

namespace sw {

class FleetSummary;
class WorkflowTableModel;

/// The tray icon and the desktop notifications. The icon's tool tip summarises the fleet;
/// a workflow turning Failed, Needs attention or Succeeded raises a notification (each kind
/// can be turned off), and clicking it asks to select that workflow. Transitions are collected
/// over one event-loop pass: a poll that fails a whole fleet gives one grouped message instead
/// of a flood. Where the desktop has no system tray nothing is shown, but every decision is
/// still announced through notified(), so the application works the same without one.
class TrayNotifier final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    /// More transitions than this in one pass are grouped into one message.
    static constexpr int MaxSingleMessages = 3;

    TrayNotifier(WorkflowTableModel *table, FleetSummary *summary, QObject *parent = nullptr);
    ~TrayNotifier() override;

    bool hasTray() const { return m_tray != nullptr; }
    /// Null without a tray.
    QSystemTrayIcon *trayIcon() const { return m_tray; }

    /// Only Failed, NeedsAttention and Succeeded notify; the others are ignored.
    void setNotifyOn(UnifiedStatus status, bool on);
    bool notifyOn(UnifiedStatus status) const { return m_enabled.contains(status); }

    /// The state the "Pause polling" menu entry shows; does not emit pauseToggled().
    void setPausedState(bool paused);
    bool pausedState() const;

    /// The tray icon's tool tip (kept current whether or not there is a tray).
    QString toolTip() const;

    /// Whether a transition to `to` is worth a notification with `enabled` kinds on.
    static bool shouldNotify(UnifiedStatus to, const QSet<UnifiedStatus> &enabled);

public slots:
    /// What clicking the last message does: workflowActivated() with its key, or
    /// showWindowRequested() for a grouped one. Nothing before the first message.
    void activateLastMessage();

signals:
    /// A notification was decided (shown in the tray where there is one). Grouped messages
    /// have an empty key.
    void notified(const QString &key, const QString &title, const QString &body);
    /// The operator clicked a single workflow's notification.
    void workflowActivated(const QString &key);
    /// The tray icon was clicked, "Show Stepwatch" chosen or a grouped message clicked.
    void showWindowRequested();
    void pauseToggled(bool paused);
    void quitRequested();

private:
    struct Pending {
        QString key;
        QString name;
        QString body;
        UnifiedStatus to;
    };

    void onTransition(const QString &key, UnifiedStatus from, UnifiedStatus to);
    void flush();
    void notify(const QString &key, const QString &title, const QString &body, UnifiedStatus to);
    void updateToolTip();

    WorkflowTableModel *m_table;
    FleetSummary *m_summary;
    QSet<UnifiedStatus> m_enabled;
    QList<Pending> m_pending;
    QTimer *m_flushTimer;
    QSystemTrayIcon *m_tray = nullptr;
    std::unique_ptr<QMenu> m_menu;
    QAction *m_pauseAction;
    QString m_toolTip;
    QString m_lastKey; ///< of the last message shown; empty for a grouped one
    bool m_hasShown = false;
};

} // namespace sw
