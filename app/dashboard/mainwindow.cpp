#include "mainwindow.h"

#include "actioncontroller.h"
#include "actionkeyguard.h"
#include "activitylogmodel.h"
#include "activityview.h"
#include "awsenvironment.h"
#include "dashboardmodels.h"
#include "demosession.h"
#include "detailspane.h"
#include "elidinglabel.h"
#include "filterbar.h"
#include "fleetsummary.h"
#include "freshnessbanner.h"
#include "metricschart.h"
#include "poller.h"
#include "pollingstatus.h"
#include "recordshistory.h"
#include "settingskeys.h"
#include "sim/simulator.h"
#include "sourcesmodel.h"
#include "sourcespane.h"
#include "statusbadge.h"
#include "statusstyle.h"
#include "stepdelegate.h"
#include "steptreemodel.h"
#include "tableorderkeeper.h"
#include "timeformat.h"
#include "timelinemodel.h"
#include "timelineview.h"
#include "traynotifier.h"
#include "watchstore.h"
#include "welcomepage.h"
#include "workflowactions.h"
#include "workflowdelegate.h"
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sw {

MainWindow::MainWindow(Options options, QWidget *parent)
    : QMainWindow(parent), m_options(std::move(options)), m_network(new QNetworkAccessManager(this))
{
    setObjectName(u"MainWindow"_s);
    setWindowIcon(style::appIcon());
    // The operator's messages have a label of their own, so a long one is cut short instead
    // of running under the polling status beside it.
    m_message = new ElidingLabel(statusBar());
    m_message->setObjectName(u"StatusMessage"_s);
    statusBar()->addWidget(m_message, 1);
    m_messageTimer = new QTimer(this);
    m_messageTimer->setSingleShot(true);
    connect(m_messageTimer, &QTimer::timeout, m_message, [this] { m_message->setFullText({}); });
    DashboardModels::Settings settings;
    // 5 s to 10 min: a value out of that range (a typo in the settings file) is not obeyed.
    const int attemptSeconds = QSettings().value(settingskeys::attemptTimeout, 60).toInt();
    settings.attemptTimeoutMs = std::clamp(attemptSeconds, 5, 600) * 1000;
    if (m_options.demo) {
        m_demo = std::make_unique<DemoSession>(m_options.demoWorkflowsPerService);
        QString error;
        if (!m_demo->start(&error))
            showMessage(error, 0);
        settings.environment = m_demo->environment();
        // The simulated services report simulated times: "now" is theirs, or running work
        // would seem to start in the future.
        settings.clock = [sim = m_demo->simulator()] {
            return sim->clock().now();
        };
    } else {
        settings.activityLogPath = !m_options.activityLogPath.isEmpty()
            ? m_options.activityLogPath
            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                + u"/activity.jsonl"_s;
    }
    m_models = std::make_unique<DashboardModels>(m_network, settings);
    if (m_demo) // a highlight lasts 10 s of the operator's time, 10 min of the demo's
        m_models->workflows()->setHighlightDuration(int(10000 * DemoSession::Speed));
    m_summary = new FleetSummary(m_models->workflows(), m_models.get());
    m_records = new RecordsHistory(m_models->workflows(), m_models.get());
    m_sources = new SourcesModel(m_models->poller(), m_models.get());
    m_tray = new TrayNotifier(m_models->workflows(), m_summary, m_models.get());
    m_actions = new WorkflowActions(m_models.get(), this, m_models.get());

    buildCentre();
    buildDocks();
    buildMenus();
    m_pollingStatus = new PollingStatus(m_models->poller(), m_models->gateway(), m_summary,
        m_models->filteredWorkflows(), statusBar());
    statusBar()->addPermanentWidget(m_pollingStatus);
    m_orderKeeper = new TableOrderKeeper(
        m_table, m_models->filteredWorkflows(), m_models->actions(), m_resortButton, this);
    m_actions->setConfirm([this](const QString &title, const QString &text) {
        // The rows stay where they are while the operator reads the question.
        const TableOrderKeeper::Hold hold = m_orderKeeper->hold();
        return QMessageBox::question(
                   this, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    });
    m_keyGuard = new ActionKeyGuard(this,
        {m_actions->retryStep(), m_actions->retryFailedSteps(), m_actions->startRun(),
            m_actions->refresh(), m_actions->pause(), m_actions->copyId()},
        this);
    qApp->installEventFilter(m_keyGuard);
    connect(m_keyGuard, &ActionKeyGuard::refused, this,
        [this](const QString &reason) { showMessage(reason); });
    if (settings.clock) {
        m_tableDelegate->setClock(settings.clock);
        m_stepDelegate->setClock(settings.clock);
        m_timeline->setClock(settings.clock);
        m_records->setClock(settings.clock);
    }
    connectModels();
    restoreState();
    loadWatches();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The views go first: they hold the models, which DashboardModels owns.
    delete takeCentralWidget();
    for (QDockWidget *dock :
        {m_sourcesDock, m_stepsDock, m_timelineDock, m_metricsDock, m_activityDock})
        delete dock;
    m_models.reset();
    m_demo.reset();
}

void MainWindow::buildCentre()
{
    m_pages = new QStackedWidget(this);
    m_welcome = new WelcomePage(m_pages);
    m_pages->addWidget(m_welcome);

    auto *dashboard = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(dashboard);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    m_banner = new QLabel(dashboard);
    m_banner->setObjectName(u"DemoBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setText(tr("<b>DEMO</b> — a built-in simulator of the four services runs in this "
                         "window at %1× speed; nothing here reaches AWS, and changes to watches "
                         "are not saved.")
                          .arg(DemoSession::Speed));
    m_banner->setStyleSheet(u"QLabel#DemoBanner { background: #1f6fd1; color: white; "
                            "padding: 4px 8px; border-radius: 3px; }"_s);
    m_banner->setVisible(m_options.demo);
    layout->addWidget(m_banner);
    m_freshnessBanner = new FreshnessBanner(m_models->poller(), dashboard);
    layout->addWidget(m_freshnessBanner);

    m_filterBar = new FilterBar(m_models->filteredWorkflows(), dashboard);
    m_resortButton = new QToolButton(dashboard);
    m_resortButton->setObjectName(u"ResortButton"_s);
    m_resortButton->setText(tr("Order changed — re-sort"));
    m_resortButton->setToolTip(tr("Polls changed rows while you were pointing at the table; "
                                  "their order is kept until you look away or click here."));
    m_resortButton->setIcon(style::actionIcon(u"refresh"_s, u"view-sort-ascending"_s));
    m_resortButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(0, 0, 0, 0);
    filterRow->addWidget(m_filterBar, 1);
    filterRow->addWidget(m_resortButton, 0, Qt::AlignTop);
    layout->addLayout(filterRow);

    m_table = new QTableView(dashboard);
    m_table->setObjectName(u"WorkflowTable"_s);
    m_table->setModel(m_models->filteredWorkflows());
    m_tableDelegate = new WorkflowTableDelegate(m_table);
    m_table->setItemDelegate(m_tableDelegate);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    // Status sorts by severity: Failed and Needs attention first.
    m_table->sortByColumn(WorkflowTableModel::StatusColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    // What to look at first fits a 1280-pixel screen beside the docks: the service, the name,
    // the status badge and the start of the reason.
    const int em = m_table->fontMetrics().averageCharWidth();
    int serviceWidth = 0; // the icon and the longest short name, uncut
    for (int service = 0; service < ServiceCount; ++service) {
        serviceWidth = std::max(serviceWidth,
            m_table->fontMetrics().horizontalAdvance(serviceShortName(Service(service))));
    }
    const int icon = m_table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_table);
    header->resizeSection(WorkflowTableModel::ServiceColumn, serviceWidth + icon + 5 * em);
    header->resizeSection(WorkflowTableModel::NameColumn, 26 * em);
    // Every status badge whole, in whatever language it reads ("Fehlgeschlagen" is long).
    const int badgeWidth = widestStatusBadge(m_table->fontMetrics());
    header->resizeSection(WorkflowTableModel::StatusColumn, badgeWidth + 3 * em);
    header->resizeSection(WorkflowTableModel::ReasonColumn, 40 * em);
    header->resizeSection(WorkflowTableModel::ProgressColumn, 20 * em);
    header->resizeSection(WorkflowTableModel::IdColumn, 16 * em);
    header->hideSection(WorkflowTableModel::RawStatusColumn);
    header->hideSection(WorkflowTableModel::WatchColumn);
    layout->addWidget(m_table, 1);

    m_pages->addWidget(dashboard);
    setCentralWidget(m_pages);
}

void MainWindow::buildDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    auto makeDock = [this](const QString &name, const QString &title, QWidget *content) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(content);
        return dock;
    };

    m_sourcesPane = new SourcesPane(m_sources, this);
    m_sourcesPane->setMinimumWidth(220);
    // The health icon says it, the tooltip has the details: the name gets the room.
    m_sourcesPane->view()->header()->hideSection(SourcesModel::HealthColumn);
    m_sourcesDock = makeDock(u"SourcesDock"_s, tr("Sources"), m_sourcesPane);
    addDockWidget(Qt::LeftDockWidgetArea, m_sourcesDock);

    m_stepSplitter = new QSplitter(Qt::Vertical, this);
    m_stepSplitter->setObjectName(u"StepSplitter"_s);
    m_stepTree = new QTreeView(m_stepSplitter);
    m_stepTree->setObjectName(u"StepTree"_s);
    m_stepTree->setModel(m_models->steps());
    m_stepDelegate = new StepTreeDelegate(m_stepTree);
    m_stepTree->setItemDelegate(m_stepDelegate);
    m_stepTree->setUniformRowHeights(true);
    m_stepTree->setAlternatingRowColors(true);
    m_stepTree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_stepTree->setMinimumWidth(340);
    // The name gets what the badge leaves of a narrow dock; the badge is whole in any language.
    const int stepEm = m_stepTree->fontMetrics().averageCharWidth();
    const int stepBadge = widestStatusBadge(m_stepTree->fontMetrics());
    m_stepTree->header()->resizeSection(StepTreeModel::NameColumn, 24 * stepEm);
    m_stepTree->header()->resizeSection(StepTreeModel::StatusColumn, stepBadge + 2 * stepEm);
    m_stepTree->header()->hideSection(StepTreeModel::RawStatusColumn);
    m_details = new DetailsPane(m_stepSplitter);
    m_stepSplitter->addWidget(m_stepTree);
    m_stepSplitter->addWidget(m_details);
    m_stepSplitter->setStretchFactor(0, 3);
    m_stepSplitter->setStretchFactor(1, 2);
    m_stepsDock = makeDock(u"StepsDock"_s, tr("Steps"), m_stepSplitter);
    addDockWidget(Qt::RightDockWidgetArea, m_stepsDock);

    m_timeline = new TimelineView(this);
    m_timeline->setObjectName(u"Timeline"_s);
    m_timeline->setModel(m_models->timeline());
    m_timelineDock = makeDock(u"TimelineDock"_s, tr("Timeline"), m_timeline);
    addDockWidget(Qt::BottomDockWidgetArea, m_timelineDock);

    m_metrics = new MetricsChart(m_records, this);
    m_metricsDock = makeDock(u"MetricsDock"_s, tr("Metrics"), m_metrics);
    addDockWidget(Qt::BottomDockWidgetArea, m_metricsDock);

    m_activity = new ActivityView(m_models->activity(), this);
    m_activityDock = makeDock(u"ActivityDock"_s, tr("Activity"), m_activity);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityDock);

    tabifyDockWidget(m_timelineDock, m_metricsDock);
    tabifyDockWidget(m_metricsDock, m_activityDock);
    m_timelineDock->raise();
}

void MainWindow::connectModels()
{
    WorkflowTableModel *table = m_models->workflows();
    QAbstractItemModel *shown = m_models->filteredWorkflows();
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MainWindow::onCurrentWorkflowChanged);
    connect(m_stepTree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MainWindow::onCurrentStepChanged);
    connect(m_timeline, &TimelineView::currentStepChanged, this,
        [this](const QString &stepId) { selectStep(stepId); });
    connect(m_models->steps(), &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &parent, int first, int last) {
            // New groups open as they arrive; the operator's collapses of old ones stay.
            for (int row = first; row <= last; ++row)
                m_stepTree->expand(m_models->steps()->index(row, 0, parent));
        });
    connect(table, &WorkflowTableModel::workflowChanged, this, [this](const QString &key) {
        // The details pane shows what the latest poll says of the selected workflow or step.
        if (key == selectedWorkflow()) {
            onCurrentStepChanged();
            updateTimelinePlaceholder();
        }
    });
    connect(table, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            const int row = m_models->workflows()->rowOf(selectedWorkflow());
            if (row >= topLeft.row() && row <= bottomRight.row())
                updateDetailsFreshness();
        });
    connect(shown, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_hasData)
            return;
        m_hasData = true;
        updatePage();
        // After the rows are laid out and painted once.
        QTimer::singleShot(0, this, &MainWindow::firstDataShown);
    });
    // Relative times and running durations move with the clock, not with the models.
    auto *clockTimer = new QTimer(this);
    connect(clockTimer, &QTimer::timeout, this, [this] {
        m_table->viewport()->update();
        m_stepTree->viewport()->update();
    });
    clockTimer->start(5000);
    // "as of 14:02:11 (3 s ago)" counts the seconds.
    auto *freshnessTimer = new QTimer(this);
    connect(freshnessTimer, &QTimer::timeout, this, &MainWindow::updateDetailsFreshness);
    freshnessTimer->start(1000);
    connect(m_summary, &FleetSummary::changed, this,
        [this] { m_filterBar->setAttentionCount(m_summary->needsAttention()); });

    // While a menu is open the rows stay put: its entries act on the row it was opened on.
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_table->indexAt(pos).isValid())
            return;
        const TableOrderKeeper::Hold hold = m_orderKeeper->hold();
        QMenu menu(this);
        m_actions->fillWorkflowMenu(&menu);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_stepTree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_stepTree->indexAt(pos).isValid())
            return;
        const TableOrderKeeper::Hold hold = m_orderKeeper->hold();
        QMenu menu(this);
        m_actions->fillStepMenu(&menu);
        menu.exec(m_stepTree->viewport()->mapToGlobal(pos));
    });
    connect(m_actions, &WorkflowActions::message, this,
        [this](const QString &text) { showMessage(text); });
    ActionController *actions = m_models->actions();
    connect(actions, &ActionController::actionRefused, this,
        [this](const QString &, const QString &reason) { showMessage(reason); });
    connect(actions, &ActionController::actionFinished, this, &MainWindow::onActionFinished);

    connect(m_activity, &ActivityView::workflowActivated, this, &MainWindow::selectWorkflow);
    connect(m_tray, &TrayNotifier::workflowActivated, this, [this](const QString &key) {
        showNormal();
        raise();
        activateWindow();
        selectWorkflow(key);
    });
    connect(m_tray, &TrayNotifier::showWindowRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_tray, &TrayNotifier::pauseToggled, m_models->poller(), &Poller::setPaused);
    connect(m_models->poller(), &Poller::pausedChanged, m_tray, &TrayNotifier::setPausedState);
    connect(m_tray, &TrayNotifier::quitRequested, this, &QWidget::close);

    connect(m_sourcesPane, &SourcesPane::addRequested, this, &MainWindow::addWatch);
    connect(m_sourcesPane, &SourcesPane::editRequested, this, &MainWindow::editWatch);
    connect(m_sourcesPane, &SourcesPane::removeRequested, this, &MainWindow::removeWatch);
    connect(m_sourcesPane, &SourcesPane::pauseRequested, this, &MainWindow::pauseWatch);
    connect(m_sourcesPane, &SourcesPane::watchFilterChanged, m_models->filteredWorkflows(),
        &WorkflowFilterProxy::setWatchFilter);
    connect(m_welcome, &WelcomePage::addWatchRequested, this, &MainWindow::addWatch);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::demoRequested);
}

void MainWindow::onActionFinished(qint64 activityId, bool succeeded)
{
    const ActivityEntry *entry = m_models->activity()->entry(activityId);
    if (!entry)
        return;
    if (succeeded) {
        showMessage(
            tr("%1 succeeded: %2. %3").arg(entry->operation, entry->target, entry->message));
        return;
    }
    QString text = tr("%1 failed: %2").arg(entry->operation, entry->target);
    if (!entry->errorCode.isEmpty())
        text += u" — "_s + entry->errorCode;
    if (!entry->message.isEmpty())
        text += u": "_s + entry->message;
    if (!entry->requestId.isEmpty())
        text += tr(" (request id %1)").arg(entry->requestId);
    showMessage(text, 0);
    m_activityDock->show();
    m_activityDock->raise();
}

void MainWindow::showMessage(const QString &text, int timeoutMs)
{
    m_message->setFullText(text);
    if (timeoutMs > 0)
        m_messageTimer->start(timeoutMs);
    else
        m_messageTimer->stop();
}

QString MainWindow::statusMessage() const
{
    return m_message->fullText();
}

void MainWindow::updatePage()
{
    const bool empty = m_watches.isEmpty() && !m_hasData;
    m_pages->setCurrentIndex(empty ? 0 : 1);
    if (empty && !m_options.demo) {
        const AwsEnvironment aws =
            AwsEnvironment::inspect(QProcessEnvironment::systemEnvironment());
        m_welcome->setCredentialsNotice(aws.summary(), aws.details());
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

} // namespace sw
