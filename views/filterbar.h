#pragma once

#include "unifiedstatus.h"

#include <QHash>
#include <QVariantMap>
#include <QWidget>

class QButtonGroup;
class QLineEdit;
class QToolButton;

namespace sw {

class WorkflowFilterProxy;

/// The operator's filters over the workflow table, in one bar: free text, an "All" / "Needs
/// attention (N)" switch, status chips and service toggles (several may be checked; none means
/// all), and a button that clears them. The proxy is the one place the filters live: the bar
/// writes every change to it and follows whatever else changes it (a menu, restored settings),
/// so the two never disagree. Every control is reachable with Tab; Escape in the search field
/// clears it.
class FilterBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    explicit FilterBar(WorkflowFilterProxy *proxy, QWidget *parent = nullptr);
    ~FilterBar() override;

    /// The statuses offered as chips, in the order shown.
    static QList<UnifiedStatus> chipStatuses();

    /// The count shown on the "Needs attention" switch (failed and attention-needing rows
    /// across all services, whatever the other filters).
    void setAttentionCount(int n);
    int attentionCount() const { return m_attentionCount; }

    /// True while any filter of the bar is set.
    bool hasFilters() const;
    /// Resets every filter of the bar (not the proxy's watch filter).
    void clearFilters();

    /// Gives the search field the keyboard focus with its text selected (the main window binds
    /// "/" and Ctrl+F to this).
    void focusSearch();

    /// {"text": QString, "statuses": status keys, "services": service ids,
    ///  "needsAttentionOnly": bool}, for QSettings.
    QVariantMap saveState() const;
    /// Applies a saveState() map; unknown keys and values are ignored, missing ones cleared.
    void restoreState(const QVariantMap &state);

signals:
    /// What saveState() returns changed.
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void applyChips();
    void applyServices();
    void syncFromProxy();
    void updateAttentionLabel();

    WorkflowFilterProxy *m_proxy;
    QLineEdit *m_search = nullptr;
    QToolButton *m_all = nullptr;
    QToolButton *m_attention = nullptr;
    QButtonGroup *m_switch = nullptr;
    QHash<UnifiedStatus, QToolButton *> m_chips;
    QHash<Service, QToolButton *> m_services;
    QToolButton *m_clear = nullptr;
    int m_attentionCount = 0;
    bool m_syncing = false;
    QVariantMap m_lastState;
};

} // namespace sw
