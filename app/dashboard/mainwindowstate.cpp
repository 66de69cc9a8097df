// What MainWindow remembers between runs (QSettings: layout, columns, sort, filters, display
// and notification settings) and the settings that change how it shows things.

#include "mainwindow.h"

#include "dashboardmodels.h"
#include "filterbar.h"
#include "settingskeys.h"
#include "stepdelegate.h"
#include "timeformat.h"
#include "timelineview.h"
#include "traynotifier.h"
#include "workflowactions.h"
#include "workflowdelegate.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
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

void MainWindow::restoreState()
{
    QSettings s;
    resize(1440, 900);
    restoreGeometry(s.value(settingskeys::geometry).toByteArray());
    if (!QMainWindow::restoreState(s.value(settingskeys::windowState).toByteArray())) {
        // Dock sizes apply once the window is laid out.
        QTimer::singleShot(0, this, [this] {
            resizeDocks({m_sourcesDock, m_stepsDock}, {240, 420}, Qt::Horizontal);
            resizeDocks({m_timelineDock}, {270}, Qt::Vertical);
        });
    }
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
