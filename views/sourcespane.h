#pragma once

#include <QSet>
#include <QString>
#include <QWidget>

class QAction;
class QIdentityProxyModel;
class QItemSelection;
class QModelIndex;
class QToolBar;
class QTreeView;

namespace sw {

class SourcesModel;

/// The Sources pane on the left: the watches grouped by service and "profile · region", with
/// an icon per service and per watch health (a paused watch shows as paused), the last error in
/// the tool tip, and the actions on a watch (add, edit, remove, pause or resume) in a small tool
/// bar, the context menu and on the keyboard (Enter or a double click edits, Delete removes).
/// Selecting a service, group or watch narrows the dashboard to the watches below it. The tree
/// stays expanded as watches come and go, and a watch edited into another group stays
/// selected. Only emits requests; the app owns the watch list, asks before removing, and
/// updates the model.
class SourcesPane final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesPane)

public:
    explicit SourcesPane(SourcesModel *model, QWidget *parent = nullptr);
    ~SourcesPane() override;

    /// The watch of the selected row; empty when none or a service or group row is selected.
    QString currentWatchId() const;
    /// Selects a watch's row (and shows it); an unknown id clears the selection.
    void selectWatch(const QString &watchId);
    /// What watchFilterChanged() last said: the watches below the selected row, or empty.
    QSet<QString> watchFilter() const { return m_filter; }

    QTreeView *view() const { return m_view; }

signals:
    void addRequested();
    void editRequested(const QString &watchId);
    void removeRequested(const QString &watchId);
    void pauseRequested(const QString &watchId, bool paused);
    /// The watches the dashboard should show; empty means all.
    void watchFilterChanged(const QSet<QString> &watchIds);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateActions();
    void updateFilter();
    void expandRows(const QModelIndex &parent, int first, int last);
    void rememberSelectionBeforeRemoval(const QModelIndex &parent, int first, int last);
    void restoreSelection();
    void showContextMenu(const QPoint &pos);
    void editCurrent();
    void removeCurrent();
    void togglePauseCurrent();
    QModelIndex currentRow() const;

    SourcesModel *m_model;
    QIdentityProxyModel *m_proxy;
    QTreeView *m_view;
    QToolBar *m_toolBar;
    QAction *m_add;
    QAction *m_edit;
    QAction *m_remove;
    QAction *m_pause;
    QSet<QString> m_filter;
    QString m_reselect; ///< a selected watch whose row is being moved to another group
};

} // namespace sw
