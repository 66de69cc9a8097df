// The workflow table's and the step tree's delegates on real models in real views (offscreen,
// fixed sizes, fixed clocks): what the cells show in each time display, what they paint (badge
// colours, the in-flight style, the highlight of a row a poll changed, the service icon), and
// the absolute times in the tool tips. Stale rows and the progress strip:
// tst_workflowdelegatestale.
#include "statusbadge.h"
#include "statusstyle.h"
#include "stepdelegate.h"
#include "steptreemodel.h"
#include "workflowdelegate.h"
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include "views/workflowdelegatetestsupport.h"

#include <QHelpEvent>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolTip>
#include <QTreeView>

using namespace sw;
using namespace sw::test::delegate;
using namespace Qt::StringLiterals;
using M = WorkflowTableModel;
using S = StepTreeModel;

class TstWorkflowDelegate : public QObject, private TableFixture {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void statusBadge();
    void pendingActionInFlight();
    void recentlyChangedHighlight();
    void timeDisplay_data();
    void timeDisplay();
    void absoluteToolTip();
    void serviceIconAndDuration();
    void sizeHint();
    void stepDelegate();
};

void TstWorkflowDelegate::init()
{
    setUp(this);
}

void TstWorkflowDelegate::cleanup()
{
    tearDown();
}

void TstWorkflowDelegate::statusBadge()
{
    const QPalette palette = m_view->palette();
    const QImage failed = grabCell(cell(u"w1"_s, M::StatusColumn));
    const QImage running = grabCell(cell(u"w2"_s, M::StatusColumn));
    const QColor red = style::statusColor(UnifiedStatus::Failed, palette);
    const QColor blue = style::statusColor(UnifiedStatus::Running, palette);
    QVERIFY2(countColour(failed, red) > 100, qPrintable(QString::number(countColour(failed, red))));
    QCOMPARE(countColour(failed, blue), 0);
    QVERIFY(countColour(running, blue) > 100);
    QCOMPARE(countColour(running, red), 0);
    QCOMPARE(m_delegate->displayedText(cell(u"w1"_s, M::StatusColumn)),
        statusDisplayName(UnifiedStatus::Failed));
    // A plain column is left to the style: no badge colour there.
    QCOMPARE(countColour(grabCell(cell(u"w1"_s, M::NameColumn)), red), 0);
}

void TstWorkflowDelegate::pendingActionInFlight()
{
    const QModelIndex status = cell(u"w1"_s, M::StatusColumn);
    const QColor red = style::statusColor(UnifiedStatus::Failed, m_view->palette());
    const int solid = countColour(grabCell(status), red);
    m_model->setPendingAction(workflowKey(u"a"_s, u"w1"_s), u"Retrying step…"_s);
    QCOMPARE(m_delegate->displayedText(status), u"Retrying step…"_s);
    const QImage inFlight = grabCell(status);
    // Outlined, not filled: far fewer pixels of the solid colour.
    const int outline = countColour(inFlight, red);
    QVERIFY(outline > 0);
    QVERIFY2(outline < solid / 3, qPrintable(u"%1 vs %2"_s.arg(outline).arg(solid)));
    m_model->setPendingAction(workflowKey(u"a"_s, u"w1"_s), QString());
    QCOMPARE(m_delegate->displayedText(status), statusDisplayName(UnifiedStatus::Failed));
    QCOMPARE(countColour(grabCell(status), red), solid);
}

void TstWorkflowDelegate::recentlyChangedHighlight()
{
    QList<WorkflowSnapshot> next = fleet();
    next[1].message = u"Step 7 started"_s;
    m_model->mergeWatch(u"a"_s, next);
    QVERIFY(cell(u"w2"_s, M::NameColumn).data(M::RecentlyChangedRole).toBool());
    QVERIFY(!cell(u"w1"_s, M::NameColumn).data(M::RecentlyChangedRole).toBool());

    const QPalette palette = m_view->palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor expected = blend(style::highlightColor(palette), base);
    QVERIFY(!near(expected, base));
    // A point of the name cell right of its short text.
    const auto sample = [this](const QString &id) {
        const QImage image = grabCell(cell(id, M::NameColumn));
        return image.pixelColor(image.width() - 10, image.height() / 2);
    };
    QVERIFY2(near(sample(u"w2"_s), expected),
        qPrintable(describe(sample(u"w2"_s)) + u" vs "_s + describe(expected)));
    QVERIFY2(near(sample(u"w1"_s), base), qPrintable(describe(sample(u"w1"_s))));
    // Every column of the row, the custom-painted ones included.
    const QImage status = grabCell(cell(u"w2"_s, M::StatusColumn));
    QVERIFY(near(status.pixelColor(status.width() - 4, status.height() / 2), expected));

    // Selection wins over the highlight.
    m_view->selectRow(cell(u"w2"_s, 0).row());
    const QColor selected = sample(u"w2"_s);
    QVERIFY2(near(selected, palette.color(QPalette::Active, QPalette::Highlight))
            || near(selected, palette.color(QPalette::Inactive, QPalette::Highlight)),
        qPrintable(describe(selected)));
}

void TstWorkflowDelegate::timeDisplay_data()
{
    QTest::addColumn<TimeDisplay>("mode");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("lastUpdate");
    QTest::newRow("relative") << TimeDisplay::Relative << u"3 min ago"_s << u"45 s ago"_s;
    QTest::newRow("local") << TimeDisplay::Local
                           << formatTime(Now.addSecs(-200), Now, TimeDisplay::Local)
                           << formatTime(Now.addSecs(-45), Now, TimeDisplay::Local);
    QTest::newRow("utc") << TimeDisplay::Utc << u"2026-11-21 12:59:47 UTC"_s
                         << u"2026-11-21 13:02:22 UTC"_s;
}

void TstWorkflowDelegate::timeDisplay()
{
    QFETCH(TimeDisplay, mode);
    QFETCH(QString, start);
    QFETCH(QString, lastUpdate);
    QCOMPARE(m_delegate->timeDisplay(), TimeDisplay::Relative);
    const QModelIndex startCell = cell(u"w2"_s, M::StartColumn);
    const QImage before = grabCell(startCell);

    QSignalSpy spy(m_delegate, &StatusItemDelegate::timeDisplayChanged);
    m_delegate->setTimeDisplay(mode);
    QCOMPARE(m_delegate->timeDisplay(), mode);
    QCOMPARE(spy.size(), mode == TimeDisplay::Relative ? 0 : 1);
    QCOMPARE(m_delegate->displayedText(startCell), start);
    QCOMPARE(m_delegate->displayedText(cell(u"w2"_s, M::LastUpdateColumn)), lastUpdate);
    // No start: nothing, whatever the mode.
    QCOMPARE(m_delegate->displayedText(cell(u"w3"_s, M::StartColumn)), QString());
    // What is painted follows the mode too.
    if (mode != TimeDisplay::Relative)
        QVERIFY(grabCell(startCell) != before);
}

void TstWorkflowDelegate::absoluteToolTip()
{
    const QModelIndex start = cell(u"w2"_s, M::StartColumn);
    const QPoint pos = m_view->visualRect(start).center();
    QHelpEvent event(QEvent::ToolTip, pos, m_view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(m_view->viewport(), &event);
    QTRY_COMPARE(QToolTip::text(), formatAbsoluteTime(Now.addSecs(-200)));
    QVERIFY(QToolTip::text().contains(u"2026-11-21 12:59:47 UTC"_s));

    // Other columns keep the model's tool tip (the raw status here).
    QToolTip::hideText();
    const QPoint statusPos = m_view->visualRect(cell(u"w2"_s, M::StatusColumn)).center();
    QHelpEvent statusEvent(QEvent::ToolTip, statusPos, m_view->viewport()->mapToGlobal(statusPos));
    QApplication::sendEvent(m_view->viewport(), &statusEvent);
    QTRY_COMPARE(QToolTip::text(), u"IN_PROGRESS"_s);
}

void TstWorkflowDelegate::serviceIconAndDuration()
{
    const QImage mho = grabCell(cell(u"w1"_s, M::ServiceColumn));
    const QImage codeCatalyst = grabCell(cell(u"w3"_s, M::ServiceColumn));
    QVERIFY(mho != codeCatalyst);
    // The CodeCatalyst glyph's blue fills most of a 16 px icon.
    QVERIFY(countColour(codeCatalyst, QColor(0x2e, 0x73, 0xb8)) > 50);
    QCOMPARE(m_delegate->displayedText(cell(u"w3"_s, M::ServiceColumn)),
        serviceDisplayName(Service::CodeCatalyst));

    QCOMPARE(m_delegate->displayedText(cell(u"w1"_s, M::DurationColumn)), u"2 h 00 min"_s);
    QCOMPARE(m_delegate->displayedText(cell(u"w2"_s, M::DurationColumn)), u"3 min 20 s"_s);
    QCOMPARE(m_delegate->displayedText(cell(u"w3"_s, M::DurationColumn)), QString());
}

void TstWorkflowDelegate::sizeHint()
{
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    const QModelIndex status = cell(u"w2"_s, M::StatusColumn);
    const QSize hint = m_delegate->sizeHint(option, status);
    const QSize badge =
        statusBadgeSizeHint(statusDisplayName(UnifiedStatus::Running), option.fontMetrics);
    QVERIFY(hint.width() > badge.width());
    QVERIFY(hint.height() >= badge.height());
    QVERIFY(hint.height() < 3 * badge.height());
    m_model->setPendingAction(workflowKey(u"a"_s, u"w2"_s), u"Pausing the workflow run…"_s);
    QVERIFY(m_delegate->sizeHint(option, status).width() > hint.width());
    QVERIFY(m_delegate->sizeHint(option, cell(u"w2"_s, M::ProgressColumn)).width()
        >= 10 * option.fontMetrics.averageCharWidth());
}

void TstWorkflowDelegate::stepDelegate()
{
    WorkflowSnapshot w = workflow(u"w9"_s, UnifiedStatus::Failed, u"FAILED"_s);
    w.stepsLoaded = true;
    StepSnapshot failed;
    failed.kind = StepKind::MhoStepGroup;
    failed.id = u"g1"_s;
    failed.name = u"Validate"_s;
    failed.rawStatus = u"FAILED"_s;
    failed.status = UnifiedStatus::Failed;
    failed.start = Now.addSecs(-3 * 86400 - 5 * 3600);
    failed.end = Now.addSecs(-3600);
    StepSnapshot running = failed;
    running.id = u"g2"_s;
    running.name = u"Migrate"_s;
    running.rawStatus = u"IN_PROGRESS"_s;
    running.status = UnifiedStatus::Running;
    running.start = Now.addSecs(-120);
    running.end = QDateTime();
    w.setSteps({failed, running});

    StepTreeModel model;
    model.setClock(fixedClock);
    model.setWorkflow(w);
    QTreeView tree;
    tree.setModel(&model);
    auto *delegate = new StepTreeDelegate(&tree);
    delegate->setClock(fixedClock);
    tree.setItemDelegate(delegate);
    tree.resize(1000, 200);
    for (int column = 0; column < S::ColumnCount; ++column)
        tree.setColumnWidth(column, 150);
    tree.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tree));

    const auto grab = [&tree](const QModelIndex &index) {
        return tree.viewport()->grab(tree.visualRect(index)).toImage();
    };
    const QModelIndex failedStatus = model.index(0, S::StatusColumn);
    const QModelIndex runningStatus = model.index(1, S::StatusColumn);
    const QColor red = style::statusColor(UnifiedStatus::Failed, tree.palette());
    const QColor blue = style::statusColor(UnifiedStatus::Running, tree.palette());
    QVERIFY(countColour(grab(failedStatus), red) > 100);
    const int solidBlue = countColour(grab(runningStatus), blue);
    QVERIFY(solidBlue > 100);
    QCOMPARE(delegate->displayedText(failedStatus), statusDisplayName(UnifiedStatus::Failed));

    // A pending action shows its label, in the in-flight style.
    model.setPendingAction(w.key, u"g2"_s, u"Retrying step…"_s);
    QCOMPARE(delegate->displayedText(runningStatus), u"Retrying step…"_s);
    QVERIFY(countColour(grab(runningStatus), blue) < solidBlue / 3);

    // Start and end in the chosen display; the durations in the dashboard's format.
    QCOMPARE(delegate->displayedText(model.index(0, S::StartColumn)), u"3 d ago"_s);
    QCOMPARE(delegate->displayedText(model.index(0, S::EndColumn)), u"1 h ago"_s);
    QCOMPARE(delegate->displayedText(model.index(1, S::EndColumn)), QString());
    QCOMPARE(delegate->displayedText(model.index(0, S::DurationColumn)), u"3 d 4 h"_s);
    QCOMPARE(delegate->displayedText(model.index(1, S::DurationColumn)), u"2 min 00 s"_s);
    delegate->setTimeDisplay(TimeDisplay::Utc);
    QCOMPARE(delegate->displayedText(model.index(0, S::EndColumn)), u"2026-11-21 12:03:07 UTC"_s);

    const QPoint pos = tree.visualRect(model.index(0, S::EndColumn)).center();
    QHelpEvent event(QEvent::ToolTip, pos, tree.viewport()->mapToGlobal(pos));
    QApplication::sendEvent(tree.viewport(), &event);
    QTRY_COMPARE(QToolTip::text(), formatAbsoluteTime(Now.addSecs(-3600)));
}

QTEST_MAIN(TstWorkflowDelegate)
#include "tst_workflowdelegate.moc"
