// What MainWindow remembers between runs (QSettings: layout, columns, sort, filters, display
// and notification settings) and the settings that change how it shows things.

#include "mainwindow.h"

#include "dashboardmodels.h"
#include "filterbar.h"
#include "settingskeys.h"
#include "stepdelegate.h"
#include "theme.h"
#include "timeformat.h"
#include "timelineview.h"
#include "traynotifier.h"
#include "workflowactions.h"
#include "workflowdelegate.h"

#include <QAction>
#include <QDockWidget>
#include <QGuiApplication>
#include <QHeaderView>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

namespace sw {

void MainWindow::updateTitle()
{
    QString title = tr("Stepwatch");
    if (m_options.demo)
        title = tr("Stepwatch — DEMO");
    if (m_actions->isReadOnly())
        title += tr(" (read-only)");
    setWindowTitle(title);
}

void MainWindow::setReadOnly(bool readOnly)
{
    m_actions->setReadOnly(readOnly);
    m_readOnlyAction->setChecked(readOnly);
    updateTitle();
}

void MainWindow::setTimeDisplay(TimeDisplay display)
{
    m_tableDelegate->setTimeDisplay(display);
    m_stepDelegate->setTimeDisplay(display);
    m_timeline->setTimeSpec(display == TimeDisplay::Utc ? Qt::UTC : Qt::LocalTime);
    m_table->viewport()->update();
    m_stepTree->viewport()->update();
    QSettings().setValue(settingskeys::timeDisplay, timeDisplayKey(display));
}

void MainWindow::setTheme(Theme theme)
{
    applyTheme(theme);
    QSettings().setValue(settingskeys::theme, themeKey(theme));
}

void MainWindow::fitDocksToWindow()
{
    // In proportion to the window, so a 1280×720 laptop keeps the table's status and reason
    // in view: the sides take a third of the width, the timeline under a third of the height.
    const int w = width();
    const int h = height();
    resizeDocks({m_sourcesDock, m_stepsDock},
        {std::clamp(w * 15 / 100, 180, 260), std::clamp(w * 26 / 100, 300, 440)}, Qt::Horizontal);
    resizeDocks({m_timelineDock}, {std::clamp(h * 26 / 100, 140, 270)}, Qt::Vertical);
}

void MainWindow::restoreState()
{
    QSettings s;
    // The default size fits the screen it opens on, with room for the desktop's panels.
    QSize size(1440, 900);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 0.95);
    resize(size);
    restoreGeometry(s.value(settingskeys::geometry).toByteArray());
    if (!QMainWindow::restoreState(s.value(settingskeys::windowState).toByteArray())) {
        // Dock sizes apply once the window is laid out.
        QTimer::singleShot(0, this, &MainWindow::fitDocksToWindow);
    }
    applyTheme(themeFromKey(s.value(settingskeys::theme).toString()).value_or(Theme::System));
    m_table->horizontalHeader()->restoreState(s.value(settingskeys::tableHeader).toByteArray());
    m_stepTree->header()->restoreState(s.value(settingskeys::stepHeader).toByteArray());
    m_stepSplitter->restoreState(s.value(settingskeys::stepSplitter).toByteArray());
    m_filterBar->restoreState(s.value(settingskeys::filters).toMap());
    const auto display = timeDisplayFromKey(s.value(settingskeys::timeDisplay).toString());
    setTimeDisplay(display.value_or(TimeDisplay::Relative));
    setReadOnly(m_options.readOnly || s.value(settingskeys::readOnly, false).toBool());
    if (m_options.readOnly) {
        m_readOnlyAction->setEnabled(false);
        m_readOnlyAction->setToolTip(tr("Started with --read-only"));
    }
    for (UnifiedStatus status :
        {UnifiedStatus::Failed, UnifiedStatus::NeedsAttention, UnifiedStatus::Succeeded}) {
        m_tray->setNotifyOn(status, s.value(settingskeys::notify(status), true).toBool());
    }
}

void MainWindow::saveState() const
{
    QSettings s;
    s.setValue(settingskeys::geometry, saveGeometry());
    s.setValue(settingskeys::windowState, QMainWindow::saveState());
    s.setValue(settingskeys::tableHeader, m_table->horizontalHeader()->saveState());
    s.setValue(settingskeys::stepHeader, m_stepTree->header()->saveState());
    s.setValue(settingskeys::stepSplitter, m_stepSplitter->saveState());
    s.setValue(settingskeys::filters, m_filterBar->saveState());
}

} // namespace sw
