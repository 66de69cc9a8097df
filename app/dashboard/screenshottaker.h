#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QTimer;

namespace sw {

class MainWindow;

/// `stepwatch --screenshot FILE`: once the first poll is merged, shows the most telling
/// picture — a Migration Hub Orchestrator workflow with a FAILED step, that step selected, its
/// timeline visible — then grabs the window into a PNG. If no failed step shows up in time it
/// takes the window as it is, so the command always ends.
class ScreenshotTaker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotTaker)

public:
    ScreenshotTaker(MainWindow *window, QString path, int timeoutMs = 90000);

signals:
    /// ok false: the file could not be written (`message` says why).
    void finished(bool ok, const QString &message);

private:
    void step();
    /// A workflow key whose snapshot has a FAILED MHO step, preferring a selected one.
    QString failedWorkflow(QString *stepId) const;
    void take(const QString &note);

    MainWindow *m_window;
    QString m_path;
    int m_timeoutMs;
    QElapsedTimer m_clock;
    QTimer *m_timer;
    QString m_candidate;
    bool m_taking = false;
};

} // namespace sw
