// MainWindow's menus and toolbar, and what they open: the watch dialog, exports, About.

#include "mainwindow.h"

#include "awsenvironment.h"
#include "dashboardmodels.h"
#include "demosession.h"
#include "poller.h"
#include "settingskeys.h"
#include "sourcesmodel.h"
#include "statusstyle.h"
#include "tableexport.h"
#include "theme.h"
#include "timeformat.h"
#include "timelineview.h"
#include "traynotifier.h"
#include "watchdialog.h"
#include "watchstore.h"
#include "workflowactions.h"
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include "filterbar.h"

#include <QActionGroup>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace sw {

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *addWatchAction = file->addAction(
        style::actionIcon(u"add"_s), tr("&Add watch…"), this, &MainWindow::addWatch);
    addWatchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    file->addSeparator();
    QMenu *exportMenu = file->addMenu(style::actionIcon(u"export"_s), tr("&Export"));
    exportMenu->addAction(tr("Workflow table as &CSV…"), this, [this] { exportTable(false); });
    exportMenu->addAction(tr("Workflow table as &JSON…"), this, [this] { exportTable(true); });
    exportMenu->addAction(tr("&Timeline as PNG…"), this, &MainWindow::exportTimeline);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *actions = menuBar()->addMenu(tr("&Actions"));
    actions->addAction(m_actions->retryStep());
    actions->addAction(m_actions->retryFailedSteps());
    actions->addAction(m_actions->startRun());
    actions->addSeparator();
    actions->addAction(m_actions->refresh());
    actions->addAction(m_actions->pause());
    actions->addSeparator();
    actions->addAction(m_actions->copyId());
    actions->addAction(m_actions->copyArn());
    actions->addAction(m_actions->copyStepId());

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *find = m_viewMenu->addAction(style::actionIcon(u"filter"_s), tr("&Filter workflows"),
        m_filterBar, &FilterBar::focusSearch);
    find->setShortcuts({QKeySequence(Qt::Key_Slash), QKeySequence::Find});
    QAction *attention = m_viewMenu->addAction(
        style::actionIcon(u"attention"_s), tr("&Needs attention only"), this, [this](bool on) {
            QVariantMap state = m_filterBar->saveState();
            state.insert(u"needsAttentionOnly"_s, on);
            m_filterBar->restoreState(state);
        });
    attention->setCheckable(true);
    attention->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_models->filteredWorkflows(), &WorkflowFilterProxy::filterChanged, attention,
        [this, attention] {
            attention->setChecked(m_models->filteredWorkflows()->needsAttentionOnly());
        });
    m_viewMenu->addSeparator();
    QList<QPair<QString, QString>> displays; // key, name
    for (TimeDisplay display : {TimeDisplay::Relative, TimeDisplay::Local, TimeDisplay::Utc})
        displays.append({timeDisplayKey(display), timeDisplayName(display)});
    addChoiceMenu(m_viewMenu, tr("&Times"), displays, settingskeys::timeDisplay,
        timeDisplayKey(TimeDisplay::Relative), [this](const QString &key) {
            setTimeDisplay(timeDisplayFromKey(key).value_or(TimeDisplay::Relative));
        });
    QList<QPair<QString, QString>> themes;
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark})
        themes.append({themeKey(theme), themeName(theme)});
    addChoiceMenu(m_viewMenu, tr("T&heme"), themes, settingskeys::theme, themeKey(Theme::System),
        [this](const QString &key) { setTheme(themeFromKey(key).value_or(Theme::System)); });
    m_viewMenu->addSeparator();
    QAction *fit = m_viewMenu->addAction(style::actionIcon(u"zoom-fit"_s),
        tr("Fit timeline to &width"), m_timeline, &TimelineView::fitToWidth);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_viewMenu->addSeparator();
    for (QDockWidget *dock :
        {m_sourcesDock, m_stepsDock, m_timelineDock, m_metricsDock, m_activityDock})
        m_viewMenu->addAction(dock->toggleViewAction());

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    m_readOnlyAction = settings->addAction(tr("&Read-only mode"));
    m_readOnlyAction->setCheckable(true);
    m_readOnlyAction->setStatusTip(tr("Hide and block every action that changes anything in AWS"));
    connect(m_readOnlyAction, &QAction::triggered, this, [this](bool on) {
        QSettings().setValue(settingskeys::readOnly, on);
        setReadOnly(on);
    });
    QMenu *notify = settings->addMenu(tr("&Notifications"));
    const QList<QPair<UnifiedStatus, QString>> kinds = {
        {UnifiedStatus::Failed, tr("When a workflow &fails")},
        {UnifiedStatus::NeedsAttention, tr("When a workflow &needs attention")},
        {UnifiedStatus::Succeeded, tr("When a workflow &succeeds")}};
    for (const auto &[status, text] : kinds) {
        QAction *a = notify->addAction(text);
        a->setCheckable(true);
        connect(notify, &QMenu::aboutToShow, a,
            [this, a, status = status] { a->setChecked(m_tray->notifyOn(status)); });
        connect(a, &QAction::triggered, this, [this, status = status](bool on) {
            m_tray->setNotifyOn(status, on);
            QSettings().setValue(settingskeys::notify(status), on);
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(style::appIcon(), tr("&About Stepwatch"), this, &MainWindow::showAbout);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"MainToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_actions->refresh());
    bar->addAction(m_actions->pause());
    bar->addSeparator();
    bar->addAction(m_actions->retryStep());
    bar->addAction(m_actions->retryFailedSteps());
    bar->addAction(m_actions->startRun());
    bar->addSeparator();
    bar->addAction(addWatchAction);
    // Shortcuts of actions that live only in menus still need the window to know them.
    addActions({m_actions->retryStep(), m_actions->retryFailedSteps(), m_actions->startRun(),
        m_actions->refresh(), m_actions->pause(), m_actions->copyId(), find, attention, fit});
}

void MainWindow::addChoiceMenu(QMenu *parent, const QString &title,
    const QList<QPair<QString, QString>> &choices, const QString &settingsKey,
    const QString &defaultKey, std::function<void(const QString &)> choose)
{
    // One of several, remembered in the settings: the menu checks what is stored when it opens.
    QMenu *menu = parent->addMenu(title);
    auto *group = new QActionGroup(menu);
    for (const auto &[key, name] : choices) {
        QAction *a = menu->addAction(name);
        a->setCheckable(true);
        a->setData(key);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [choose, key = key] { choose(key); });
    }
    connect(menu, &QMenu::aboutToShow, this, [group, settingsKey, defaultKey] {
        const QString current = QSettings().value(settingsKey, defaultKey).toString();
        for (QAction *a : group->actions())
            a->setChecked(a->data().toString() == current);
    });
}

void MainWindow::loadWatches()
{
    if (m_options.demo) {
        m_watches = m_demo->watches();
        applyWatches();
        return;
    }
    m_watches = m_store.load();
    if (!m_store.loadProblems().isEmpty()) {
        const QString problems = m_store.loadProblems().join(u'\n');
        QTimer::singleShot(0, this, [this, problems, aside = m_store.setAsidePath()] {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Watches"),
                tr("Some watches could not be read.\n\n%1").arg(problems)
                    + (aside.isEmpty() ? QString() : tr("\n\nThe file was kept as %1.").arg(aside)),
                QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
    }
    applyWatches();
}

void MainWindow::applyWatches()
{
    m_models->poller()->setWatches(m_watches);
    m_sources->setWatches(m_watches);
    updatePage();
}

void MainWindow::saveWatches()
{
    applyWatches();
    persistWatches();
}

void MainWindow::persistWatches()
{
    // The store read the file when the window opened, so it may write it (WatchStore refuses
    // to overwrite a file it has not read).
    if (!m_options.demo && !m_store.save(m_watches))
        QMessageBox::warning(
            this, tr("Watches"), tr("The watches were not saved: %1").arg(m_store.error()));
}

void MainWindow::addWatch()
{
    WatchDialog dialog(
        AwsEnvironment::inspect(QProcessEnvironment::systemEnvironment()).profiles, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_watches.append(dialog.watch());
    saveWatches();
    showMessage(tr("Watching %1.").arg(m_watches.last().displayName()));
}

void MainWindow::editWatch(const QString &watchId)
{
    for (Watch &w : m_watches) {
        if (w.id != watchId)
            continue;
        WatchDialog dialog(
            AwsEnvironment::inspect(QProcessEnvironment::systemEnvironment()).profiles, this);
        dialog.setWatch(w);
        if (dialog.exec() != QDialog::Accepted)
            return;
        w = dialog.watch();
        saveWatches();
        return;
    }
}

void MainWindow::removeWatch(const QString &watchId)
{
    for (int i = 0; i < m_watches.size(); ++i) {
        if (m_watches[i].id != watchId)
            continue;
        if (QMessageBox::question(this, tr("Remove watch"),
                tr("Stop watching %1? Its workflows leave the table.")
                    .arg(m_watches[i].displayName()))
            != QMessageBox::Yes)
            return;
        m_watches.removeAt(i);
        saveWatches();
        return;
    }
}

void MainWindow::pauseWatch(const QString &watchId, bool paused)
{
    for (Watch &w : m_watches) {
        if (w.id == watchId) {
            w.paused = paused;
            m_models->poller()->setWatchPaused(watchId, paused);
            m_sources->setWatches(m_watches);
            persistWatches();
            return;
        }
    }
}

void MainWindow::exportTable(bool json)
{
    const QString filter = json ? tr("JSON (*.json)") : tr("CSV (*.csv)");
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        + (json ? u"/stepwatch-workflows.json"_s : u"/stepwatch-workflows.csv"_s);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export workflows"), suggested, filter);
    if (path.isEmpty())
        return;
    const QAbstractItemModel &shown = *m_models->filteredWorkflows();
    const QByteArray data = json ? tableexport::toJson(shown, *m_models->workflows())
                                 : tableexport::toCsv(shown, *m_models->workflows());
    QString error;
    if (!tableexport::writeFile(path, data, &error)) {
        QMessageBox::warning(this, tr("Export workflows"), error);
        return;
    }
    showMessage(tr("Exported %n workflow(s) to %1", nullptr, shown.rowCount()).arg(path));
}

void MainWindow::exportTimeline()
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)
        + u"/stepwatch-timeline.png"_s;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export timeline"), suggested, tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_timeline->exportPng(path, &error)) {
        QMessageBox::warning(this, tr("Export timeline"), error);
        return;
    }
    showMessage(tr("Exported the timeline to %1").arg(path));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Stepwatch"),
        tr("<h3>Stepwatch %1</h3><p>A desktop dashboard for AWS workflows: Migration Hub "
           "Orchestrator, Customer Profiles, EC2 Image Builder and CodeCatalyst.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QStringLiteral(STEPWATCH_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace sw
