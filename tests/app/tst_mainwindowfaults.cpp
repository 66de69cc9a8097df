// The dashboard where operators live: the simulator killed and restarted, throttling, fast
// keys, the pointer resting on the table while polls change it, a 1280×720 laptop, a dark
// control room. The real window in demo mode against the in-process simulator over loopback;
// every test asserts on what the operator sees and on the simulator's counters.

#include "demowindow.h"

#include "actioncontroller.h"
#include "activitylogmodel.h"
#include "detailspane.h"
#include "elidinglabel.h"
#include "freshnessbanner.h"
#include "poller.h"
#include "pollingstatus.h"
#include "settingskeys.h"
#include "statusbadge.h"
#include "statusstyle.h"
#include "steptreemodel.h"
#include "tableorderkeeper.h"
#include "theme.h"
#include "timelineview.h"
#include "translations.h"
#include "workflowactions.h"
#include "workflowfilterproxy.h"

#include <QDockWidget>
#include <QEnterEvent>
#include <QFile>
#include <QHeaderView>
#include <QMenuBar>
#include <QScopeGuard>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace sw;
using namespace sw::gui;

namespace {

const QString mhoWatch = u"demo-migrationhuborchestrator"_s;

QStringList keysOfWatch(MainWindow &w, const QString &watchId)
{
    return w.models()->workflows()->keysOfWatch(watchId);
}

QStringList shownKeys(MainWindow &w)
{
    QStringList keys;
    const QAbstractItemModel *shown = w.workflowTable()->model();
    for (int row = 0; row < shown->rowCount(); ++row)
        keys << shown->index(row, 0).data(WorkflowTableModel::WorkflowKeyRole).toString();
    return keys;
}

WatchHealth::State stateOf(MainWindow &w, const QString &watchId)
{
    return w.models()->poller()->health(watchId).state;
}

void pointerEnters(QWidget *widget)
{
    const QPointF at = QRectF(widget->rect()).center();
    QEnterEvent enter(at, at, widget->mapToGlobal(at));
    QCoreApplication::sendEvent(widget, &enter);
}

void pointerLeaves(QWidget *widget)
{
    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(widget, &leave);
}

} // namespace

class tst_MainWindowFaults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void offlineRowsSayTheyAreNotLive();
    void throttledRowsSayTheyAreNotLive();
    void repeatedKeyActsOnceOnTheStepItWasPressedOn();
    void rowsHoldStillUnderThePointer();
    void whatMattersFitsA1280x720Screen_data();
    void whatMattersFitsA1280x720Screen();
    void darkThemeIsAppliedAndRemembered();
    void manPageListsEveryShortcut();

private:
    QTemporaryDir m_home;
};

void tst_MainWindowFaults::initTestCase()
{
    QVERIFY(m_home.isValid());
    isolateFromTheDeveloper(m_home.path(), u"tst_mainwindowfaults"_s);
}

void tst_MainWindowFaults::init()
{
    QSettings().clear();
    applyTheme(Theme::System);
}

// Killing the simulator once turned only small icons grey while every row kept saying
// "Running". Now the rows are dimmed and say "as of", a banner names the watch, what is wrong
// and since when, and the details pane says how old its data is. Restarted, all is live again
// without the operator doing anything.
void tst_MainWindowFaults::offlineRowsSayTheyAreNotLive()
{
    auto w = demoWindow();
    QVERIFY(waitFor([&] { return stateOf(*w, mhoWatch) == WatchHealth::State::Ok; }));
    QVERIFY(waitFor([&] { return !keysOfWatch(*w, mhoWatch).isEmpty(); }));
    const QStringList keys = keysOfWatch(*w, mhoWatch);
    const WorkflowTableModel *table = w->models()->workflows();
    for (const QString &key : keys)
        QVERIFY(!table->indexOf(key).data(WorkflowTableModel::StaleRole).toBool());
    QVERIFY(!w->freshnessBanner()->isVisible());
    w->selectWorkflow(keys.first());

    sim::Simulator *simulator = w->demo()->simulator();
    const quint16 port = simulator->port();
    simulator->stop();
    QVERIFY(waitFor([&] { return stateOf(*w, mhoWatch) == WatchHealth::State::Offline; }, 30000));
    QVERIFY(waitFor([&] { return w->freshnessBanner()->isVisible(); }, 3000));
    for (const QString &key : keys) {
        const QModelIndex row = table->indexOf(key);
        QVERIFY2(row.data(WorkflowTableModel::StaleRole).toBool(), qPrintable(key));
        const QString tip =
            row.siblingAtColumn(WorkflowTableModel::StatusColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"As of "_s) && tip.contains(u"Offline since"_s), qPrintable(tip));
    }
    const QString banner = w->freshnessBanner()->lines().join(u'\n');
    QVERIFY2(banner.contains(u"Demo · Migration Hub Orchestrator is offline since"_s),
        qPrintable(banner));
    QVERIFY(waitFor([&] { return w->detailsPane()->freshnessIsStale(); }, 3000));
    QVERIFY2(w->detailsPane()->freshnessText().startsWith(u"As of "_s),
        qPrintable(w->detailsPane()->freshnessText()));
    saveScreenshot(w.get(), u"offline"_s);

    QCOMPARE(simulator->listen(QHostAddress::LocalHost, port), port);
    QVERIFY(waitFor([&] { return stateOf(*w, mhoWatch) == WatchHealth::State::Ok; }, 60000));
    QVERIFY(waitFor([&] {
        for (const QString &key : keysOfWatch(*w, mhoWatch)) {
            if (table->indexOf(key).data(WorkflowTableModel::StaleRole).toBool())
                return false;
        }
        return true;
    }));
    QVERIFY(waitFor([&] { return !w->freshnessBanner()->isVisible(); }, 60000));
    QVERIFY(waitFor([&] { return !w->detailsPane()->freshnessIsStale(); }, 3000));
}

void tst_MainWindowFaults::throttledRowsSayTheyAreNotLive()
{
    auto w = demoWindow();
    QVERIFY(waitFor([&] { return stateOf(*w, mhoWatch) == WatchHealth::State::Ok; }));
    QVERIFY(!w->demo()->simulator()->setFaults(u"throttle=1"_s));
    QVERIFY(waitFor([&] { return w->models()->poller()->health(mhoWatch).throttled; }, 30000));
    QVERIFY(waitFor([&] { return w->freshnessBanner()->isVisible(); }, 3000));
    QVERIFY2(w->freshnessBanner()->lines().join(u'\n').contains(u"throttled by AWS"_s),
        qPrintable(w->freshnessBanner()->lines().join(u'\n')));
    QVERIFY(!w->pollingStatus()->throttlingText().isEmpty());
    for (const QString &key : keysOfWatch(*w, mhoWatch)) {
        QVERIFY(
            w->models()->workflows()->indexOf(key).data(WorkflowTableModel::StaleRole).toBool());
    }
    // While it backs off, the status bar says when it retries, never a time gone by.
    QVERIFY(waitFor(
        [&] { return w->pollingStatus()->nextPollText().startsWith(u"Retrying in"_s); }, 10000));
    saveScreenshot(w.get(), u"throttled"_s);

    QVERIFY(!w->demo()->simulator()->setFaults({}));
    QVERIFY(waitFor([&] { return stateOf(*w, mhoWatch) == WatchHealth::State::Ok; }, 30000));
    QVERIFY(waitFor([&] { return !w->freshnessBanner()->isVisible(); }, 30000));
}

// Pressing R three times fast once sent two retries, and a key that fell through to the step
// tree's type-ahead moved the selection to another step, where the next R would have acted.
void tst_MainWindowFaults::repeatedKeyActsOnceOnTheStepItWasPressedOn()
{
    auto w = demoWindow();
    QVERIFY(waitFor([&] { return w->hasData(); }));
    const auto [key, stepId] = waitForFailedStep(*w);
    QVERIFY2(!key.isEmpty(), "no FAILED step appeared in the demo within 90 s");
    w->selectWorkflow(key);
    QVERIFY(waitFor([&] { return w->selectStep(stepId); }));
    // The reply takes three seconds: the later keys come while the first is in flight.
    QVERIFY(!w->demo()->simulator()->setFaults(u"RetryWorkflowStep:latency=1@3000"_s));
    const int sent = requestsOf(*w, u"RetryWorkflowStep"_s);
    const qsizetype logged = w->models()->activity()->entries().size();
    w->activateWindow();
    w->stepTree()->setFocus();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(w->stepTree(), Qt::Key_R);
    QCOMPARE(w->selectedStep(), stepId);
    QCOMPARE(w->selectedWorkflow(), key);
    QVERIFY2(w->statusMessage().contains(u"already in progress"_s), qPrintable(w->statusMessage()));

    // Held until the poll after the reply shows the step left FAILED; keys meanwhile do nothing.
    QVERIFY(waitFor([&] {
        const auto &log = w->models()->activity()->entries();
        return log.size() > logged
            && log.last().confirmation != ActivityEntry::Confirmation::Awaiting
            && log.last().result != ActivityEntry::Result::InProgress;
    }));
    QTest::keyClick(w->stepTree(), Qt::Key_R);
    QCOMPARE(w->selectedStep(), stepId);
    QTest::qWait(300);
    QCOMPARE(requestsOf(*w, u"RetryWorkflowStep"_s), sent + 1);
    const QList<ActivityEntry> &log = w->models()->activity()->entries();
    QCOMPARE(log.size(), logged + 1);
    const ActivityEntry &entry = log.last();
    QCOMPARE(entry.result, ActivityEntry::Result::Succeeded);
    QCOMPARE(entry.confirmation, ActivityEntry::Confirmation::Confirmed);
    // The identity the key was pressed on is what the log names.
    QCOMPARE(entry.workflowKey, key);
    QCOMPARE(entry.stepId, stepId);
    QVERIFY(entry.target.contains(stepId));
}

// Three clicks in one session once selected another workflow than the one on screen: polls
// re-sorted the table under the pointer. Now the rows hold still while the pointer rests on
// them; a button says the order is out of date; they re-sort once the pointer has left.
void tst_MainWindowFaults::rowsHoldStillUnderThePointer()
{
    auto w = demoWindow();
    QVERIFY(waitFor([&] { return w->workflowTable()->model()->rowCount() > 10; }));
    w->models()->poller()->setPaused(true); // only this test's change moves anything
    QTest::qWait(300);
    w->orderKeeper()->setReleaseDelay(300);
    QTableView *table = w->workflowTable();
    const QStringList before = shownKeys(*w);
    const QString selected = before.at(3);
    w->selectWorkflow(selected);

    pointerEnters(table->viewport());
    QVERIFY(w->models()->filteredWorkflows()->isOrderFrozen());
    // A poll turns the last row Failed: sorted by severity it belongs at the top.
    const QString moved = before.last();
    WorkflowSnapshot changed = *w->models()->workflows()->workflow(moved);
    changed.status = UnifiedStatus::Failed;
    changed.rawStatus = u"WORKFLOW_FAILED"_s;
    w->models()->workflows()->mergeWorkflow(changed);
    QCOMPARE(shownKeys(*w), before);
    QCOMPARE(w->selectedWorkflow(), selected);
    QVERIFY(waitFor([&] { return w->resortButton()->isVisible(); }, 2000));

    // A context menu holds them too, even after the pointer left for it.
    {
        const TableOrderKeeper::Hold menu = w->orderKeeper()->hold();
        pointerLeaves(table->viewport());
        QTest::qWait(600);
        QCOMPARE(shownKeys(*w), before);
    }
    QVERIFY(waitFor([&] { return !w->models()->filteredWorkflows()->isOrderFrozen(); }, 3000));
    QCOMPARE(shownKeys(*w).first(), moved);
    QVERIFY(!w->resortButton()->isVisible());
    QCOMPARE(w->selectedWorkflow(), selected);
    const QModelIndex current = table->currentIndex();
    QVERIFY(table->viewport()->rect().intersects(table->visualRect(current)));
}

void tst_MainWindowFaults::whatMattersFitsA1280x720Screen_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("English") << u"en_US"_s;
    // Longer words: "Fehlgeschlagen" once did not fit its badge.
    QTest::newRow("German") << u"de_DE"_s;
}

void tst_MainWindowFaults::whatMattersFitsA1280x720Screen()
{
    QFETCH(QString, locale);
    installTranslations(qApp, QLocale(locale));
    const auto restore = qScopeGuard([] {
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    });
    auto w = demoWindow(false, QSize(1280, 720));
    QVERIFY(waitFor([&] { return w->hasData(); }));
    QTest::qWait(200); // the default dock sizes apply once laid out
    QTableView *table = w->workflowTable();
    QHeaderView *header = table->horizontalHeader();
    const QFontMetrics fm = table->fontMetrics();

    // The status badge, whole, in view, whatever the status says.
    const int statusX = header->sectionViewportPosition(WorkflowTableModel::StatusColumn);
    const int statusWidth = header->sectionSize(WorkflowTableModel::StatusColumn);
    QVERIFY(statusX >= 0);
    QVERIFY2(statusX + statusWidth <= table->viewport()->width(),
        qPrintable(
            u"%1 + %2 > %3"_s.arg(statusX).arg(statusWidth).arg(table->viewport()->width())));
    for (int s = 0; s < UnifiedStatusCount; ++s) {
        const QString text = statusDisplayName(UnifiedStatus(s));
        QVERIFY2(statusBadgeSizeHint(text, fm).width() + 6 <= statusWidth, qPrintable(text));
    }
    // The reason right after it, starting in view.
    QCOMPARE(header->visualIndex(WorkflowTableModel::ReasonColumn),
        header->visualIndex(WorkflowTableModel::StatusColumn) + 1);
    QVERIFY(header->sectionViewportPosition(WorkflowTableModel::ReasonColumn)
        < table->viewport()->width() - 100);
    // The service's short name is not cut: every row's cell asks for no more than it has.
    QStyleOptionViewItem option;
    option.initFrom(table->viewport());
    option.widget = table;
    option.font = table->font();
    option.fontMetrics = table->fontMetrics();
    const int icon = table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, table);
    option.decorationSize = QSize(icon, icon);
    const QAbstractItemModel *shown = table->model();
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex service = shown->index(row, WorkflowTableModel::ServiceColumn);
        QVERIFY2(table->itemDelegate()->sizeHint(option, service).width()
                <= header->sectionSize(WorkflowTableModel::ServiceColumn),
            qPrintable(service.data().toString()));
    }
    // The timeline takes under a third of the height.
    auto *timelineDock = w->findChild<QDockWidget *>(u"TimelineDock"_s);
    QVERIFY(timelineDock);
    QVERIFY2(timelineDock->height() <= w->height() * 30 / 100,
        qPrintable(QString::number(timelineDock->height())));

    // A long message is cut short beside the polling status, never drawn over it.
    emit w->actions()->message(QString(400, u'x'));
    ElidingLabel *message = w->statusMessageLabel();
    QCOMPARE(message->fullText(), QString(400, u'x'));
    QVERIFY(message->shownText().endsWith(u'…'));
    const QRect messageRect(message->mapTo(w->statusBar(), QPoint()), message->size());
    const QRect statusRect(
        w->pollingStatus()->mapTo(w->statusBar(), QPoint()), w->pollingStatus()->size());
    QVERIFY(!messageRect.intersects(statusRect));

    // A failed workflow with its reason in view: the picture for the README.
    const auto [key, stepId] = waitForFailedStep(*w);
    QVERIFY(!key.isEmpty());
    w->selectWorkflow(key);
    QVERIFY(waitFor([&] { return !w->detailsPane()->reasonText().isEmpty(); }, 10000));
    // The failed step, by name, in whatever language the window speaks.
    const WorkflowSnapshot *failed = w->models()->workflows()->workflow(key);
    QVERIFY(failed && failed->stepNeedingAttention());
    QVERIFY2(w->detailsPane()->reasonText().contains(failed->stepNeedingAttention()->name),
        qPrintable(w->detailsPane()->reasonText()));
    const QModelIndex reason =
        table->currentIndex().siblingAtColumn(WorkflowTableModel::ReasonColumn);
    QVERIFY(!reason.data().toString().isEmpty());
    saveScreenshot(w.get(), u"failed-1280x720-"_s + locale);
}

void tst_MainWindowFaults::darkThemeIsAppliedAndRemembered()
{
    {
        auto w = demoWindow();
        QVERIFY(waitFor([&] { return w->hasData(); }));
        QVERIFY(!style::isDark(w->workflowTable()->palette()));
        w->setTheme(Theme::Dark);
        QCoreApplication::processEvents(); // the palette reaches the widgets by events
        QVERIFY(style::isDark(QApplication::palette()));
        QVERIFY(style::isDark(w->workflowTable()->palette()));
        QCOMPARE(QSettings().value(settingskeys::theme).toString(), u"dark"_s);
        // The badges follow the palette.
        QCOMPARE(style::statusColor(UnifiedStatus::Failed, w->workflowTable()->palette()),
            style::statusColor(UnifiedStatus::Failed, darkPalette()));
        const auto [key, stepId] = waitForFailedStep(*w);
        if (!key.isEmpty()) {
            w->selectWorkflow(key);
            w->selectStep(stepId);
        }
        QTest::qWait(300);
        saveScreenshot(w.get(), u"dark"_s);
    }
    applyTheme(Theme::System); // what the next window must restore by itself
    QVERIFY(!style::isDark(QApplication::palette()));
    {
        auto w = demoWindow();
        QVERIFY(style::isDark(QApplication::palette()));
        w->setTheme(Theme::Light);
        QVERIFY(!style::isDark(QApplication::palette()));
        QCOMPARE(QSettings().value(settingskeys::theme).toString(), u"light"_s);
    }
}

// Every key the window answers to is in the man page (Ctrl+1 once was not).
void tst_MainWindowFaults::manPageListsEveryShortcut()
{
    QFile page(QStringLiteral(STEPWATCH_SOURCE_DIR "/packaging/man/stepwatch.1.in"));
    QVERIFY2(page.open(QIODevice::ReadOnly), qPrintable(page.fileName()));
    const QString text = QString::fromUtf8(page.readAll());
    auto w = demoWindow();
    // The window's own actions, and every menu's, submenus included.
    QList<QAction *> actions = w->findChildren<QAction *>() + w->QWidget::actions();
    for (qsizetype i = 0; i < actions.size(); ++i) {
        if (QMenu *menu = actions.at(i)->menu())
            actions += menu->actions();
    }
    for (QMenu *menu : w->menuBar()->findChildren<QMenu *>())
        actions += menu->actions();
    int checked = 0;
    for (const QAction *action : std::as_const(actions)) {
        for (const QKeySequence &key : action->shortcuts()) {
            const QString portable = key.toString(QKeySequence::PortableText);
            QVERIFY2(text.contains(portable),
                qPrintable(u"%1 (%2) is not in the man page"_s.arg(portable, action->text())));
            ++checked;
        }
    }
    QVERIFY(checked >= 10);
}

QTEST_MAIN(tst_MainWindowFaults)
#include "tst_mainwindowfaults.moc"
