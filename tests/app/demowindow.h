#pragma once

// The dashboard's GUI tests drive the real main window in demo mode: the simulator in
// process, real HTTP on 127.0.0.1. What they share: opening such a window, waiting for the
// demo's first failed step, and reading the simulator's counters.

#include "dashboardmodels.h"
#include "demosession.h"
#include "mainwindow.h"
#include "sim/simulator.h"
#include "support/waitfor.h"
#include "workflowtablemodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QJsonObject>
#include <QMenu>
#include <QSettings>
#include <QTimer>

#include <memory>

namespace sw::gui {

/// Nothing of the developer's: no ~/.aws, no AWS variables, no settings, watches or activity
/// log of theirs; the settings go to an INI file under `home`.
inline void isolateFromTheDeveloper(const QString &home, const QString &applicationName)
{
    qputenv("HOME", home.toUtf8());
    qputenv("XDG_CONFIG_HOME", (home + QStringLiteral("/config")).toUtf8());
    qputenv("XDG_DATA_HOME", (home + QStringLiteral("/data")).toUtf8());
    for (const char *name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
             "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
             "AWS_BEARER_TOKEN_CODECATALYST", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"})
        qunsetenv(name);
    QCoreApplication::setOrganizationName(QStringLiteral("StepwatchTest"));
    QCoreApplication::setApplicationName(applicationName);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(
        QSettings::IniFormat, QSettings::UserScope, home + QStringLiteral("/settings"));
}

/// The window polls a simulator at 60×: twice the models' default patience.
template<class Pred>
inline bool waitFor(Pred pred, int timeoutMs = 20000)
{
    return sw::test::waitFor(pred, timeoutMs);
}

inline std::unique_ptr<MainWindow> demoWindow(bool readOnly = false, QSize size = {1400, 900})
{
    MainWindow::Options options;
    options.demo = true;
    options.readOnly = readOnly;
    options.demoWorkflowsPerService = 6;
    auto window = std::make_unique<MainWindow>(options);
    window->resize(size);
    window->show();
    return window;
}

inline int simCounter(MainWindow &w, const QString &name)
{
    return w.demo()->simulator()->counters().value(name).toInt();
}

inline int requestsOf(MainWindow &w, const QString &operation)
{
    // Counted per "<service>.<operation>".
    const QJsonObject requests =
        w.demo()->simulator()->counters().value(QStringLiteral("requests")).toObject();
    int n = 0;
    for (auto it = requests.begin(); it != requests.end(); ++it) {
        if (it.key().endsWith(u'.' + operation))
            n += it.value().toInt();
    }
    return n;
}

/// A key of an MHO workflow of the window with a FAILED step (waits for one), and the step.
inline QPair<QString, QString> waitForFailedStep(MainWindow &w)
{
    QPair<QString, QString> found;
    waitFor(
        [&] {
            const WorkflowTableModel *table = w.models()->workflows();
            for (int row = 0; row < table->count(); ++row) {
                const WorkflowSnapshot *s = table->workflowAt(row);
                for (const StepSnapshot &step : s->steps) {
                    if (step.kind == StepKind::MhoStep && step.rawStatus == u"FAILED") {
                        found = {s->key, step.id};
                        return true;
                    }
                }
                // Failed workflows get their steps once selected (the focus is polled).
                if (s->service == Service::MigrationHubOrchestrator
                    && s->status == UnifiedStatus::Failed && w.selectedWorkflow() != s->key)
                    w.selectWorkflow(s->key);
            }
            return false;
        },
        90000);
    return found;
}

/// Opens the context menu of `view` at the current index and triggers the entry `text`.
inline bool triggerFromContextMenu(QAbstractItemView *view, const QString &text)
{
    bool triggered = false;
    QTimer::singleShot(50, view, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *a : menu->actions()) {
            if (a->text().remove(u'&') == text && a->isEnabled() && a->isVisible()) {
                menu->close();
                a->trigger();
                triggered = true;
                return;
            }
        }
        menu->close();
    });
    const QRect rect = view->visualRect(view->currentIndex());
    emit view->customContextMenuRequested(rect.center());
    return triggered;
}

/// Saves the window as NAME.png into $STEPWATCH_SCREENSHOT_DIR when that is set: the README's
/// and the pictures come from the tests that check what they show.
inline void saveScreenshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("STEPWATCH_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    window->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace sw::gui
