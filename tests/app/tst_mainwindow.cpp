// The dashboard as an operator uses it: the main window in demo mode (the simulator in
// process, real HTTP on 127.0.0.1), driven through its widgets and actions.

#include "demowindow.h"

#include "actioncontroller.h"
#include "activitylogmodel.h"
#include "dashboardmodels.h"
#include "demosession.h"
#include "filterbar.h"
#include "mainwindow.h"
#include "poller.h"
#include "screenshottaker.h"
#include "settingskeys.h"
#include "sim/simulator.h"
#include "steptreemodel.h"
#include "support/waitfor.h"
#include "timeformat.h"
#include "timelinemodel.h"
#include "timelineview.h"
#include "watchdialog.h"
#include "watchstore.h"
#include "workflowactions.h"
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace sw;
using namespace sw::gui;

class tst_MainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void dataAppearsForAllServices();
    void retryFailedStepFromContextMenu();
    void secondClickSendsNothing();
    void startRunAddsARun();
    void filterByStatusAndText();
    void readOnlyBlocksActions();
    void stateIsRestoredAfterRestart();
    void screenshotIsNotBlank();
    void welcomePageWithoutWatches();
    void addedWatchIsPolledAndKept();

private:
    QTemporaryDir m_home;
};

void tst_MainWindow::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateFromTheDeveloper(m_home.path(), u"tst_mainwindow"_s);
}

void tst_MainWindow::init()
{
    QSettings().clear();
}

void tst_MainWindow::dataAppearsForAllServices()
{
    auto w = demoWindow();
    QSignalSpy first(w.get(), &MainWindow::firstDataShown);
    QVERIFY(waitFor([&] { return w->hasData(); }));
    QVERIFY(first.wait(2000) || first.count() == 1);
    QVERIFY(w->windowTitle().contains(u"DEMO"_s));
    // Every service's watch lists its workflows into the one table.
    QVERIFY(waitFor([&] {
        QSet<int> services;
        const QAbstractItemModel *shown = w->workflowTable()->model();
        for (int row = 0; row < shown->rowCount(); ++row)
            services.insert(shown->index(row, 0).data(WorkflowTableModel::ServiceRole).toInt());
        return services.size() == ServiceCount;
    }));
    const QModelIndex status =
        w->workflowTable()->model()->index(0, WorkflowTableModel::StatusColumn);
    QVERIFY(!status.data().toString().isEmpty());

    // Space pauses and resumes polling from the table, and the status bar says so.
    w->activateWindow();
    w->workflowTable()->setFocus();
    QTest::keyClick(w->workflowTable(), Qt::Key_Space);
    QVERIFY(w->models()->poller()->isPaused());
    QCOMPARE(w->statusMessage(), u"Polling paused."_s);
    QTest::keyClick(w->workflowTable(), Qt::Key_Space);
    QVERIFY(!w->models()->poller()->isPaused());
}

void tst_MainWindow::retryFailedStepFromContextMenu()
{
    auto w = demoWindow();
    QVERIFY(waitFor([&] { return w->hasData(); }));
    const auto [key, stepId] = waitForFailedStep(*w);
    QVERIFY2(!key.isEmpty(), "no FAILED step appeared in the demo within 90 s");
    w->selectWorkflow(key);
    QCOMPARE(w->selectedWorkflow(), key);
    QVERIFY(waitFor([&] { return w->selectStep(stepId); }));
    QCOMPARE(w->selectedStep(), stepId);
    QVERIFY(w->actions()->retryStep()->isEnabled());

    const int before = simCounter(*w, u"mhoRetriesApplied"_s);
    QVERIFY(triggerFromContextMenu(w->stepTree(), u"Retry step"_s));
    // In flight: the row and the step say so, and the action is off for this step.
    QVERIFY(!w->models()->workflows()->pendingAction(key).isEmpty());
    QVERIFY(!w->models()->steps()->pendingAction(key, stepId).isEmpty());
    QVERIFY(!w->actions()->retryStep()->isEnabled());

    QVERIFY(waitFor([&] { return w->models()->workflows()->pendingAction(key).isEmpty(); }));
    const QList<ActivityEntry> &log = w->models()->activity()->entries();
    QVERIFY(!log.isEmpty());
    QCOMPARE(log.last().operation, u"RetryWorkflowStep"_s);
    QCOMPARE(log.last().result, ActivityEntry::Result::Succeeded);
    QVERIFY(!log.last().requestId.isEmpty());
    QVERIFY(w->statusMessage().contains(u"succeeded"_s));
    QCOMPARE(simCounter(*w, u"mhoRetriesApplied"_s), before + 1);
    // The immediate re-poll shows the step moving again.
    QVERIFY(waitFor([&] {
        const QModelIndex step = w->models()->steps()->indexOf(stepId);
        return step.isValid() && step.data(StepTreeModel::RawStatusRole).toString() != u"FAILED";
    }));
}

void tst_MainWindow::secondClickSendsNothing()
{
    auto w = demoWindow();
    QVERIFY(waitFor([&] { return w->hasData(); }));
    const auto [key, stepId] = waitForFailedStep(*w);
    QVERIFY(!key.isEmpty());
    w->selectWorkflow(key);
    QVERIFY(waitFor([&] { return w->selectStep(stepId); }));
    const int sent = requestsOf(*w, u"RetryWorkflowStep"_s);
    // The operator's way: R on the step tree.
    w->activateWindow();
    w->stepTree()->setFocus();
    QTest::keyClick(w->stepTree(), Qt::Key_R);
    QVERIFY2(!w->models()->workflows()->pendingAction(key).isEmpty(), "R did not retry the step");
    // In flight: the action is off for this step and says why.
    QVERIFY(!w->actions()->retryStep()->isEnabled());
    QVERIFY2(w->actions()->retryStep()->toolTip().contains(u"already in progress"_s),
        qPrintable(w->actions()->retryStep()->toolTip()));
    w->actions()->retryStep()->trigger();
    QTest::keyClick(w->stepTree(), Qt::Key_R);
    // Even a request that gets past the disabled action is refused, visibly.
    QVERIFY(!w->models()->actions()->retryStep(key, stepId));
    QCOMPARE(w->models()->activity()->entries().last().result, ActivityEntry::Result::Refused);
    QVERIFY(waitFor([&] { return w->models()->workflows()->pendingAction(key).isEmpty(); }));
    QTest::qWait(200);
    QCOMPARE(requestsOf(*w, u"RetryWorkflowStep"_s), sent + 1);
}

void tst_MainWindow::startRunAddsARun()
{
    auto w = demoWindow();
    QVERIFY(waitFor([&] { return w->hasData(); }));
    QString key;
    QVERIFY(waitFor([&] {
        const WorkflowTableModel *table = w->models()->workflows();
        for (int row = 0; row < table->count(); ++row) {
            const WorkflowSnapshot *s = table->workflowAt(row);
            if (s->service == Service::CodeCatalyst
                && detailValue(s->details, u"workflowStatus") != u"INVALID") {
                key = s->key;
                return true;
            }
        }
        return false;
    }));
    w->selectWorkflow(key);
    QVERIFY(waitFor([&] { return w->models()->workflows()->workflow(key)->stepsLoaded; }));
    const int runsBefore = simCounter(*w, u"codecatalystRunsCreated"_s);
    QStringList confirmations;
    w->actions()->setConfirm([&](const QString &, const QString &text) {
        confirmations.append(text);
        return true;
    });
    QVERIFY(w->actions()->startRun()->isEnabled());
    QVERIFY(triggerFromContextMenu(w->workflowTable(), u"Start new run…"_s));
    QCOMPARE(confirmations.size(), 1);
    const WorkflowSnapshot *before = w->models()->workflows()->workflow(key);
    QVERIFY(confirmations.first().contains(before->spaceName));
    QVERIFY(confirmations.first().contains(before->projectName));
    QVERIFY(waitFor([&] {
        const auto &log = w->models()->activity()->entries();
        return !log.isEmpty() && log.last().result != ActivityEntry::Result::InProgress;
    }));
    const ActivityEntry done = w->models()->activity()->entries().last();
    QCOMPARE(done.operation, u"StartWorkflowRun"_s);
    QCOMPARE(done.result, ActivityEntry::Result::Succeeded);
    QCOMPARE(simCounter(*w, u"codecatalystRunsCreated"_s), runsBefore + 1);
    // The run the service created is in the step tree (runs are the CodeCatalyst "steps").
    QVERIFY(waitFor([&] {
        const WorkflowSnapshot *now = w->models()->workflows()->workflow(key);
        for (const StepSnapshot &s : now->steps) {
            if (done.message.contains(s.id))
                return w->models()->steps()->indexOf(s.id).isValid();
        }
        return false;
    }));
}

void tst_MainWindow::filterByStatusAndText()
{
    auto w = demoWindow();
    QVERIFY(waitFor([&] { return w->workflowTable()->model()->rowCount() > 10; }));
    const QAbstractItemModel *shown = w->workflowTable()->model();
    const int all = shown->rowCount();

    // Text: type a workflow's id into the filter field after pressing "/".
    const QString name = shown->index(0, WorkflowTableModel::IdColumn).data().toString();
    w->activateWindow();
    w->workflowTable()->setFocus();
    QTest::keyClick(w->workflowTable(), Qt::Key_Slash);
    auto *field = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY2(field, "'/' does not focus a text field");
    QTest::keyClicks(field, name);
    QVERIFY(shown->rowCount() >= 1);
    QVERIFY(shown->rowCount() < all);
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QString key =
            shown->index(row, 0).data(WorkflowTableModel::WorkflowKeyRole).toString();
        const WorkflowSnapshot *s = w->models()->workflows()->workflow(key);
        QVERIFY((s->name + s->id + s->message + s->rawStatus + s->arn + s->watchName)
                    .contains(name, Qt::CaseInsensitive));
    }
    field->clear();
    QTRY_COMPARE(shown->rowCount(), all);

    // Status: only running ones.
    w->filterBar()->restoreState({{u"statuses"_s, QStringList {u"running"_s}}});
    QVERIFY(w->models()->filteredWorkflows()->statusFilter().contains(UnifiedStatus::Running));
    for (int row = 0; row < shown->rowCount(); ++row) {
        QCOMPARE(shown->index(row, 0).data(WorkflowTableModel::UnifiedStatusRole).toInt(),
            int(UnifiedStatus::Running));
    }
    QVERIFY(shown->rowCount() < all);
}

void tst_MainWindow::readOnlyBlocksActions()
{
    auto w = demoWindow(true);
    QVERIFY(waitFor([&] { return w->hasData(); }));
    QVERIFY(w->windowTitle().contains(u"read-only"_s));
    QVERIFY(!w->actions()->retryStep()->isVisible());
    QVERIFY(!w->actions()->startRun()->isVisible());
    QVERIFY(!w->actions()->retryFailedSteps()->isVisible());
    const auto [key, stepId] = waitForFailedStep(*w);
    QVERIFY(!key.isEmpty());
    w->selectWorkflow(key);
    QVERIFY(waitFor([&] { return w->selectStep(stepId); }));
    QVERIFY(!w->actions()->retryStep()->isEnabled());
    // Even a direct trigger (a stale shortcut) sends nothing.
    w->actions()->retryStep()->trigger();
    QTest::keyClick(w->stepTree(), Qt::Key_R);
    QTest::qWait(300);
    QCOMPARE(requestsOf(*w, u"RetryWorkflowStep"_s), 0);
    QVERIFY(!triggerFromContextMenu(w->stepTree(), u"Retry step"_s));
}

void tst_MainWindow::stateIsRestoredAfterRestart()
{
    QByteArray header;
    {
        auto w = demoWindow();
        QVERIFY(waitFor([&] { return w->hasData(); }));
        w->workflowTable()->sortByColumn(WorkflowTableModel::NameColumn, Qt::AscendingOrder);
        w->workflowTable()->horizontalHeader()->resizeSection(WorkflowTableModel::IdColumn, 211);
        w->filterBar()->restoreState({{u"text"_s, u"migrate"_s}});
        w->setTimeDisplay(TimeDisplay::Utc);
        w->resize(1111, 777);
        w->close();
        header = QSettings().value(settingskeys::tableHeader).toByteArray();
    }
    QVERIFY(!header.isEmpty());
    auto w = demoWindow();
    QHeaderView *h = w->workflowTable()->horizontalHeader();
    QCOMPARE(h->sortIndicatorSection(), int(WorkflowTableModel::NameColumn));
    QCOMPARE(h->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(h->sectionSize(WorkflowTableModel::IdColumn), 211);
    QCOMPARE(w->models()->filteredWorkflows()->textFilter(), u"migrate"_s);
    QCOMPARE(QSettings().value(settingskeys::timeDisplay).toString(), u"utc"_s);
}

void tst_MainWindow::screenshotIsNotBlank()
{
    auto w = demoWindow();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"shot.png"_s);
    auto *taker = new ScreenshotTaker(w.get(), path);
    QSignalSpy finished(taker, &ScreenshotTaker::finished);
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), w->size() * w->devicePixelRatio());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 50, qPrintable(u"only %1 colours"_s.arg(colours.size())));
    // The picture it promises: a failed step selected, the timeline showing its bars.
    QVERIFY(!w->selectedStep().isEmpty());
    QVERIFY(w->models()->timeline()->rowCount() > 0);
}

void tst_MainWindow::welcomePageWithoutWatches()
{
    MainWindow::Options options;
    MainWindow w(options);
    w.show();
    auto *pages = w.findChild<QStackedWidget *>();
    QVERIFY(pages);
    QCOMPARE(pages->currentIndex(), 0);
    // No credentials in this HOME: a short notice says so and what to do; where it looked is
    // behind the toggle.
    auto *welcome = pages->currentWidget();
    auto *notice = welcome->findChild<QLabel *>(u"credentialsNoticeText"_s);
    auto *details = welcome->findChild<QLabel *>(u"credentialsDetails"_s);
    auto *toggle = welcome->findChild<QToolButton *>(u"credentialsDetailsToggle"_s);
    QVERIFY(notice && details && toggle);
    QVERIFY(waitFor([&] { return notice->isVisible(); }, 2000));
    QVERIFY2(notice->text().contains(u"aws configure"_s), qPrintable(notice->text()));
    QVERIFY2(!notice->text().contains(u"Looked in"_s), qPrintable(notice->text()));
    QVERIFY(!details->isVisible());
    toggle->click();
    QVERIFY(details->isVisible());
    QVERIFY2(details->text().contains(u"Looked in"_s), qPrintable(details->text()));
    QSignalSpy demo(&w, &MainWindow::demoRequested);
    for (QPushButton *button : pages->currentWidget()->findChildren<QPushButton *>()) {
        if (button->text().remove(u'&').contains(u"demo"_s, Qt::CaseInsensitive))
            button->click();
    }
    QCOMPARE(demo.count(), 1);
}

void tst_MainWindow::addedWatchIsPolledAndKept()
{
    // A real watch, as a new user adds one: the welcome page's "Add a watch", the dialog, the
    // watches file on disk, polling of the (simulated) service with credentials from the
    // environment; after a restart the watch is read back from the file.
    sim::SimOptions options;
    options.seed = 11;
    options.workflowsPerService = 3;
    sim::Simulator simulator(options);
    QVERIFY(simulator.listen() != 0);
    qputenv("AWS_ACCESS_KEY_ID", "AKIDSTEPWATCHTEST");
    qputenv("AWS_SECRET_ACCESS_KEY", "stepwatch-test-secret");
    auto cleanup = qScopeGuard([] {
        qunsetenv("AWS_ACCESS_KEY_ID");
        qunsetenv("AWS_SECRET_ACCESS_KEY");
        QFile::remove(WatchStore::defaultPath());
    });
    QVERIFY(!QFile::exists(WatchStore::defaultPath()));
    {
        MainWindow w(MainWindow::Options {});
        w.show();
        auto *pages = w.findChild<QStackedWidget *>();
        QCOMPARE(pages->currentIndex(), 0);
        bool filled = false;
        QTimer::singleShot(100, &w, [&] {
            auto *dialog = qobject_cast<WatchDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->findChild<QComboBox *>(u"region"_s)->setEditText(u"us-east-1"_s);
            dialog->findChild<QLineEdit *>(u"endpointUrl"_s)->setText(simulator.url());
            dialog->findChild<QLineEdit *>(u"name"_s)->setText(u"Migrations (test)"_s);
            filled = dialog->problems().isEmpty();
            dialog->accept();
        });
        for (QPushButton *button : pages->currentWidget()->findChildren<QPushButton *>()) {
            if (button->text().remove(u'&').contains(u"Add a watch"_s))
                button->click();
        }
        QVERIFY2(filled, "the dialog did not open, or refused the watch");
        QVERIFY(waitFor([&] { return w.workflowTable()->model()->rowCount() == 3; }));
        QCOMPARE(pages->currentIndex(), 1);
        QVERIFY(QFile::exists(WatchStore::defaultPath()));
    }
    WatchStore store;
    const QList<Watch> saved = store.load();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().name, u"Migrations (test)"_s);
    QCOMPARE(saved.first().endpointUrl, simulator.url());

    MainWindow again(MainWindow::Options {});
    again.show();
    QVERIFY(waitFor([&] { return again.workflowTable()->model()->rowCount() == 3; }));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
