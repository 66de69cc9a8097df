#pragma once

#include "watch.h"
#include "watchstore.h"

#include <QMainWindow>
#include <QString>

#include <functional>
#include <memory>

class QDockWidget;
class QLabel;
class QTimer;
class QToolButton;
class QMenu;
class QNetworkAccessManager;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTreeView;

namespace sw {

class ActivityView;
class DashboardModels;
class DemoSession;
class ActionKeyGuard;
class DetailsPane;
class ElidingLabel;
class FilterBar;
class FreshnessBanner;
class FleetSummary;
class MetricsChart;
class PollingStatus;
class RecordsHistory;
class SourcesModel;
class SourcesPane;
class StepTreeDelegate;
class TableOrderKeeper;
class TimelineView;
class TrayNotifier;
class WelcomePage;
class WorkflowActions;
class WorkflowTableDelegate;
enum class TimeDisplay;
enum class Theme;

/// The dashboard window: Sources (left), the workflow table with its filter bar (centre), the
/// selected workflow's steps and details (right), its timeline, metrics and the activity log
/// (bottom), the actions in menus, toolbar, context menus and keys, and the status bar. It
/// owns one DashboardModels (the models and the poller, on one QNetworkAccessManager) and,
/// in demo mode, the in-process simulator. The operator's watches come from the WatchStore
/// (the demo's are never saved); layout, columns, sort, filters and display settings are
/// restored from QSettings.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Options {
        bool demo = false;
        /// --read-only: actions are off for this run whatever the setting says.
        bool readOnly = false;
        int demoWorkflowsPerService = 10;
        /// Empty: the default activity log file (not used in demo mode).
        QString activityLogPath;
    };

    explicit MainWindow(Options options, QWidget *parent = nullptr);
    ~MainWindow() override;

    DashboardModels *models() const { return m_models.get(); }
    DemoSession *demo() const { return m_demo.get(); }
    WorkflowActions *actions() const { return m_actions; }
    QTableView *workflowTable() const { return m_table; }
    QTreeView *stepTree() const { return m_stepTree; }
    FilterBar *filterBar() const { return m_filterBar; }
    DetailsPane *detailsPane() const { return m_details; }
    TimelineView *timeline() const { return m_timeline; }
    FreshnessBanner *freshnessBanner() const { return m_freshnessBanner; }
    PollingStatus *pollingStatus() const { return m_pollingStatus; }
    TableOrderKeeper *orderKeeper() const { return m_orderKeeper; }
    /// Shown while polls changed the order of the held rows; a click re-sorts.
    QToolButton *resortButton() const { return m_resortButton; }
    /// The operator's last message in the status bar (empty once it timed out).
    QString statusMessage() const;
    ElidingLabel *statusMessageLabel() const { return m_message; }
    /// True once the first poll's rows are in the table.
    bool hasData() const { return m_hasData; }

    /// Selects the workflow in the table (clearing filters that hide it) and shows its steps.
    void selectWorkflow(const QString &workflowKey);
    /// Selects a step of the shown workflow in the tree (and the timeline).
    bool selectStep(const QString &stepId);
    QString selectedWorkflow() const;
    QString selectedStep() const;
    void setTimeDisplay(TimeDisplay display);
    /// Applies and remembers the colour theme (View › Theme).
    void setTheme(Theme theme);

signals:
    /// The welcome page's "Try the demo": the application replaces this window.
    void demoRequested();
    /// The first rows of the first poll are shown.
    void firstDataShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildCentre();
    void buildDocks();
    void buildMenus();
    /// A submenu of checkable `choices` (settings key, name) of which one is on, stored under
    /// `settingsKey`; picking one calls `choose` with its key.
    void addChoiceMenu(QMenu *parent, const QString &title,
        const QList<QPair<QString, QString>> &choices, const QString &settingsKey,
        const QString &defaultKey, std::function<void(const QString &)> choose);
    void connectModels();
    void loadWatches();
    void applyWatches();
    void addWatch();
    void editWatch(const QString &watchId);
    void removeWatch(const QString &watchId);
    void pauseWatch(const QString &watchId, bool paused);
    void saveWatches();
    void persistWatches();
    void onCurrentWorkflowChanged();
    void onCurrentStepChanged();
    /// The details pane's "as of" line for the selected workflow, from the table's freshness.
    void updateDetailsFreshness();
    /// What the timeline says while the selected workflow has no bars.
    void updateTimelinePlaceholder();
    void onActionFinished(qint64 activityId, bool succeeded);
    void exportTable(bool json);
    void exportTimeline();
    void showAbout();
    void restoreState();
    void saveState() const;
    void fitDocksToWindow();
    void updatePage();
    void updateTitle();
    void setReadOnly(bool readOnly);
    void showMessage(const QString &text, int timeoutMs = 8000);

    Options m_options;
    std::unique_ptr<DemoSession> m_demo;
    QNetworkAccessManager *m_network;
    std::unique_ptr<DashboardModels> m_models;
    WatchStore m_store; ///< the operator's watches file (not used by the demo)
    QList<Watch> m_watches;
    FleetSummary *m_summary = nullptr;
    RecordsHistory *m_records = nullptr;
    SourcesModel *m_sources = nullptr;
    TrayNotifier *m_tray = nullptr;
    WorkflowActions *m_actions = nullptr;

    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcome = nullptr;
    QLabel *m_banner = nullptr;
    FreshnessBanner *m_freshnessBanner = nullptr;
    QToolButton *m_resortButton = nullptr;
    TableOrderKeeper *m_orderKeeper = nullptr;
    ActionKeyGuard *m_keyGuard = nullptr;
    ElidingLabel *m_message = nullptr;
    QTimer *m_messageTimer = nullptr;
    FilterBar *m_filterBar = nullptr;
    QTableView *m_table = nullptr;
    WorkflowTableDelegate *m_tableDelegate = nullptr;
    QTreeView *m_stepTree = nullptr;
    StepTreeDelegate *m_stepDelegate = nullptr;
    QSplitter *m_stepSplitter = nullptr;
    DetailsPane *m_details = nullptr;
    TimelineView *m_timeline = nullptr;
    MetricsChart *m_metrics = nullptr;
    ActivityView *m_activity = nullptr;
    SourcesPane *m_sourcesPane = nullptr;
    PollingStatus *m_pollingStatus = nullptr;
    QDockWidget *m_sourcesDock = nullptr;
    QDockWidget *m_stepsDock = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    QDockWidget *m_metricsDock = nullptr;
    QDockWidget *m_activityDock = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_readOnlyAction = nullptr;
    bool m_hasData = false;
};

} // namespace sw
