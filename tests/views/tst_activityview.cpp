// ActivityView over an in-memory ActivityLogModel: newest first under QAbstractItemModelTester,
// the result's icon and colour per row, tool tips, activation, copying, and a new entry
// scrolling into view.
#include "activityview.h"

#include "activitylogmodel.h"
#include "statusstyle.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace sw;
using namespace Qt::StringLiterals;
using L = ActivityLogModel;
using Result = ActivityEntry::Result;

namespace {

ActivityEntry entry(const QString &target, Result result, const QString &key = u"a/w1"_s)
{
    ActivityEntry e;
    e.time = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    e.service = Service::MigrationHubOrchestrator;
    e.watchId = u"a"_s;
    e.workflowKey = key;
    e.target = target;
    e.operation = u"RetryWorkflowStep"_s;
    e.result = result;
    if (result == Result::Failed) {
        e.errorCode = u"ValidationException"_s;
        e.message = u"The step cannot be retried in its current state: "_s + target;
    }
    e.requestId = result == Result::Refused ? QString() : u"req-"_s + target;
    e.attempts = 1;
    return e;
}

QStringList targets(const QTableView *table)
{
    QStringList out;
    for (int r = 0; r < table->model()->rowCount(); ++r)
        out.append(table->model()->index(r, L::TargetColumn).data().toString());
    return out;
}

} // namespace

class tst_ActivityView : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void newestFirst();
    void resultIconAndColour_data();
    void resultIconAndColour();
    void toolTipsHaveTheMessage();
    void columnWidths();
    void doubleClickEmitsKey();
    void copyRequestIdFromContextMenu();
    void ctrlCCopiesRows();
    void newEntryScrollsToTop();

private:
    std::unique_ptr<L> m_log;
    std::unique_ptr<ActivityView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_ActivityView::init()
{
    m_log = std::make_unique<L>(QString());
    m_view = std::make_unique<ActivityView>(m_log.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_view->table()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_log->append(entry(u"first"_s, Result::Succeeded));
    m_log->append(entry(u"second"_s, Result::Failed, u"a/w2"_s));
    m_log->append(entry(u"third"_s, Result::InProgress));
    m_log->append(entry(u"fourth"_s, Result::Refused, QString()));
    m_view->resize(900, 300);
}

void tst_ActivityView::cleanup()
{
    m_tester.reset();
    m_view.reset();
    m_log.reset();
}

void tst_ActivityView::newestFirst()
{
    QTableView *table = m_view->table();
    QCOMPARE(targets(table), (QStringList {u"fourth"_s, u"third"_s, u"second"_s, u"first"_s}));
    m_log->append(entry(u"fifth"_s, Result::InProgress));
    QCOMPARE(targets(table).first(), u"fifth"_s);
    // An outcome arriving leaves the order alone.
    QVERIFY(m_log->update(m_log->entries().at(2).id, entry(u"third"_s, Result::Succeeded)));
    QCOMPARE(targets(table),
        (QStringList {u"fifth"_s, u"fourth"_s, u"third"_s, u"second"_s, u"first"_s}));
    QVERIFY(!table->isSortingEnabled());
}

void tst_ActivityView::resultIconAndColour_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<UnifiedStatus>("status");
    QTest::addColumn<QString>("text");

    QTest::newRow("succeeded") << u"first"_s << UnifiedStatus::Succeeded << u"Succeeded"_s;
    QTest::newRow("failed") << u"second"_s << UnifiedStatus::Failed << u"Failed"_s;
    QTest::newRow("in progress") << u"third"_s << UnifiedStatus::Running << u"In progress"_s;
    QTest::newRow("refused") << u"fourth"_s << UnifiedStatus::Cancelled << u"Refused"_s;
}

void tst_ActivityView::resultIconAndColour()
{
    QFETCH(QString, target);
    QFETCH(UnifiedStatus, status);
    QFETCH(QString, text);

    const int row = int(targets(m_view->table()).indexOf(target));
    QVERIFY(row >= 0);
    const QModelIndex index = m_view->table()->model()->index(row, L::ResultColumn);
    QCOMPARE(index.data().toString(), text);
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    QVERIFY(!icon.isNull());
    QCOMPARE(icon.cacheKey(), style::statusIcon(status).cacheKey());
    QCOMPARE(index.data(Qt::ForegroundRole).value<QColor>(),
        style::statusColor(status, m_view->palette()));
    // Only the result column is coloured.
    QVERIFY(!index.siblingAtColumn(L::TargetColumn).data(Qt::DecorationRole).isValid());
}

void tst_ActivityView::toolTipsHaveTheMessage()
{
    const int row = int(targets(m_view->table()).indexOf(u"second"_s));
    const QModelIndex message = m_view->table()->model()->index(row, L::MessageColumn);
    const QString tip = message.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"The step cannot be retried in its current state: second"_s),
        qPrintable(tip));
    const QString resultTip =
        message.siblingAtColumn(L::ResultColumn).data(Qt::ToolTipRole).toString();
    QVERIFY(resultTip.contains(u"ValidationException"_s));
    QVERIFY(resultTip.contains(u"current state"_s));
    QVERIFY(resultTip.contains(u"1 request"_s));
}

void tst_ActivityView::columnWidths()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    const QHeaderView *header = m_view->table()->horizontalHeader();
    // The message is shown last and takes the room left.
    QCOMPARE(header->visualIndex(L::MessageColumn), int(L::ColumnCount) - 1);
    QVERIFY(header->stretchLastSection());
    QCOMPARE(header->sectionResizeMode(L::MessageColumn), QHeaderView::Interactive);
    QCOMPARE(header->sectionResizeMode(L::TimeColumn), QHeaderView::Interactive);
    const QFontMetrics fm = m_view->table()->fontMetrics();
    QVERIFY(header->sectionSize(L::TimeColumn) > fm.horizontalAdvance(u"2024-05-01 12:00:00"_s));
    QVERIFY(header->sectionSize(L::ResultColumn) > fm.horizontalAdvance(u"In progress"_s) + 16);
    // At a common dock width the message keeps a good share.
    m_view->resize(1200, 300);
    QTRY_VERIFY(header->sectionSize(L::MessageColumn) > 250);
    m_view->resize(1600, 300);
    QTRY_VERIFY(header->sectionSize(L::MessageColumn) > 200);
    QTRY_COMPARE(
        header->sectionViewportPosition(L::MessageColumn) + header->sectionSize(L::MessageColumn),
        m_view->table()->viewport()->width());
}

void tst_ActivityView::doubleClickEmitsKey()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QSignalSpy spy(m_view.get(), &ActivityView::workflowActivated);
    QTableView *table = m_view->table();
    const auto click = [table](const QString &target) {
        const int row = int(targets(table).indexOf(target));
        const QRect rect = table->visualRect(table->model()->index(row, L::TargetColumn));
        // A real double-click is a click, then a double-click event in place of the 2nd press.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    };
    click(u"second"_s);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), u"a/w2"_s);
    // An entry without a workflow asks for nothing.
    click(u"fourth"_s);
    QCOMPARE(spy.count(), 1);
    click(u"first"_s);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toString(), u"a/w1"_s);
}

void tst_ActivityView::copyRequestIdFromContextMenu()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTableView *table = m_view->table();
    const int row = int(targets(table).indexOf(u"second"_s));
    const QPoint pos = table->visualRect(table->model()->index(row, 0)).center();
    QApplication::clipboard()->clear();
    emit table->customContextMenuRequested(pos);

    // The row under the pointer is selected and the menu offers both copies.
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(table->selectionModel()->selectedRows().first().row(), row);
    QMenu *menu = m_view->findChild<QMenu *>();
    QVERIFY(menu);
    QStringList texts;
    QAction *copyId = nullptr;
    for (QAction *action : menu->actions()) {
        texts.append(action->text());
        if (action->text() == "Copy request id"_L1)
            copyId = action;
    }
    QCOMPARE(texts, (QStringList {u"Copy request id"_s, u"Copy row"_s}));
    QVERIFY(copyId && copyId->isEnabled());
    copyId->trigger();
    QCOMPARE(QApplication::clipboard()->text(), u"req-second"_s);
    menu->close();

    // A refused action has no request id.
    const int refused = int(targets(table).indexOf(u"fourth"_s));
    emit table->customContextMenuRequested(
        table->visualRect(table->model()->index(refused, 0)).center());
    QVERIFY(!copyId->isEnabled());
    QCOMPARE(m_view->selectedRequestIds(), QString());
}

void tst_ActivityView::ctrlCCopiesRows()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTableView *table = m_view->table();
    table->setFocus();
    table->selectionModel()->select(table->model()->index(2, 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table->selectionModel()->select(
        table->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QApplication::clipboard()->clear();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QApplication::clipboard()->text().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).split(u'\t').size(), int(L::ColumnCount));
    QCOMPARE(lines.at(0).split(u'\t').at(L::TargetColumn), u"fourth"_s);
    QCOMPARE(lines.at(1).split(u'\t').at(L::TargetColumn), u"second"_s);
    QCOMPARE(lines.at(1).split(u'\t').at(L::ErrorCodeColumn), u"ValidationException"_s);
    QCOMPARE(lines.at(1).split(u'\t').at(L::RequestIdColumn), u"req-second"_s);
}

void tst_ActivityView::newEntryScrollsToTop()
{
    for (int i = 0; i < 100; ++i)
        m_log->append(entry(u"old %1"_s.arg(i), Result::Succeeded));
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QScrollBar *bar = m_view->table()->verticalScrollBar();
    m_view->table()->scrollToBottom();
    QTRY_VERIFY(bar->value() > 0);
    m_log->append(entry(u"new"_s, Result::InProgress));
    QTRY_COMPARE(bar->value(), 0);
    QCOMPARE(targets(m_view->table()).first(), u"new"_s);
}

QTEST_MAIN(tst_ActivityView)
#include "tst_activityview.moc"
