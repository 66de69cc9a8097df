#include "screenshottaker.h"

#include "dashboardmodels.h"
#include "mainwindow.h"
#include "poller.h"
#include "snapshot.h"
#include "timelinemodel.h"
#include "workflowtablemodel.h"

#include <QPixmap>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace sw {

ScreenshotTaker::ScreenshotTaker(MainWindow *window, QString path, int timeoutMs)
    : QObject(window), m_window(window), m_path(std::move(path)), m_timeoutMs(timeoutMs),
      m_timer(new QTimer(this))
{
    m_clock.start();
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &ScreenshotTaker::step);
    m_timer->start();
}

QString ScreenshotTaker::failedWorkflow(QString *stepId) const
{
    // Best: a FAILED step in a workflow whose timeline has bars (steps seen running while
    // watched); then any FAILED step; then a workflow listed as failed, whose steps selecting
    // it will fetch.
    const WorkflowTableModel *table = m_window->models()->workflows();
    const bool settle = m_clock.elapsed() < m_timeoutMs * 2 / 3;
    QString anyKey, anyStep, listed;
    for (int row = 0; row < table->count(); ++row) {
        const WorkflowSnapshot *w = table->workflowAt(row);
        if (w->service != Service::MigrationHubOrchestrator)
            continue;
        const StepSnapshot *failed = nullptr;
        bool hasBars = false;
        for (const StepSnapshot &s : w->steps) {
            if (!failed && s.kind == StepKind::MhoStep && s.rawStatus == u"FAILED")
                failed = &s;
            hasBars = hasBars || (s.kind == StepKind::MhoStep && s.start.isValid());
        }
        if (failed && hasBars) {
            *stepId = failed->id;
            return w->key;
        }
        if (failed && anyKey.isEmpty()) {
            anyKey = w->key;
            anyStep = failed->id;
        }
        if (listed.isEmpty() && w->status == UnifiedStatus::Failed)
            listed = w->key;
    }
    if (!anyKey.isEmpty() && !settle) {
        *stepId = anyStep;
        return anyKey;
    }
    stepId->clear();
    return settle ? QString() : listed;
}

void ScreenshotTaker::step()
{
    if (m_taking)
        return;
    if (m_clock.elapsed() > m_timeoutMs) {
        take(tr("no failed step appeared within %1 s; took the window as it was")
                 .arg(m_timeoutMs / 1000));
        return;
    }
    if (!m_window->hasData())
        return;
    QString stepId;
    const QString key = failedWorkflow(&stepId);
    if (key.isEmpty())
        return;
    if (m_window->selectedWorkflow() != key)
        m_window->selectWorkflow(key);
    if (stepId.isEmpty() || !m_window->selectStep(stepId))
        return;
    if (m_window->models()->timeline()->rowCount() == 0)
        return;
    m_taking = true;
    // One more pass of the event loop for layout and paint of the selection.
    QTimer::singleShot(300, this, [this] { take({}); });
}

void ScreenshotTaker::take(const QString &note)
{
    m_timer->stop();
    m_taking = true;
    const QPixmap picture = m_window->grab();
    if (picture.isNull() || !picture.save(m_path, "PNG")) {
        emit finished(false, tr("Could not write the screenshot to %1").arg(m_path));
        return;
    }
    emit finished(
        true, note.isEmpty() ? tr("Saved %1").arg(m_path) : tr("Saved %1 (%2)").arg(m_path, note));
}

} // namespace sw
