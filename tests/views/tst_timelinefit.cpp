// How the timeline fits its range: to a new workflow, always with now and the open bars (which
// reach the now line as time goes by), to a long history's newest runs; merges keep the zoom.
#include "statusstyle.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include "views/timelinetestsupport.h"

#include <QScrollBar>
#include <QTest>
#include <QTimer>

#include <cmath>

using namespace sw;
using namespace sw::test;
using namespace sw::test::timeline;
using namespace Qt::StringLiterals;

namespace {

// A CodeCatalyst workflow of `count` runs, newest first: the run at row i started i + 1 hours
// before `now` and took ten minutes, but for the runs at the rows in `open`, which still run.
WorkflowSnapshot codeCatalystRuns(int count, const QDateTime &now, const QList<int> &open = {})
{
    WorkflowSnapshot w;
    w.key = keyB;
    w.service = Service::CodeCatalyst;
    w.stepsLoaded = true;
    QList<StepSnapshot> steps;
    for (int row = 0; row < count; ++row) {
        StepSnapshot s;
        s.kind = StepKind::CodeCatalystRun;
        s.id = u"run-%1"_s.arg(count - row);
        s.name = u"Run %1"_s.arg(count - row);
        s.start = now.addSecs(-(row + 1) * 3600);
        s.status = open.contains(row) ? UnifiedStatus::Running : UnifiedStatus::Succeeded;
        s.rawStatus = open.contains(row) ? u"IN_PROGRESS"_s : u"SUCCEEDED"_s;
        if (!open.contains(row))
            s.end = s.start.addSecs(600);
        steps.append(s);
    }
    w.setSteps(steps);
    return w;
}

} // namespace

class tst_TimelineFit : public QObject, private ViewFixture {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fitsANewWorkflow();
    void fitIncludesNow_data();
    void fitIncludesNow();
    void fitShowsTheNewestRuns_data();
    void fitShowsTheNewestRuns();
    void openBarReachesNow();
    void mergesKeepTheZoom();
};

void tst_TimelineFit::init()
{
    setUp();
}

void tst_TimelineFit::cleanup()
{
    tearDown();
}

void tst_TimelineFit::fitsANewWorkflow()
{
    show(mho(keyA, deploy));
    const TimelineScale scale = m_view->scale();
    const int left = m_view->labelColumnWidth();
    const int right = m_view->viewport()->width();
    QVERIFY(left >= 120);
    QVERIFY(std::abs(scale.xForTime(at(0).toMSecsSinceEpoch()) - (left + 16)) < 1e-3);
    QVERIFY(std::abs(scale.xForTime(at(30).toMSecsSinceEpoch()) - (right - 16)) < 1e-3);
    // Fitted: the horizontal scroll bar has nowhere to go.
    QCOMPARE(m_view->horizontalScrollBar()->maximum(), m_view->horizontalScrollBar()->minimum());
    // Not started: no bar.
    QVERIFY(m_view->barRect(4).isEmpty());
}

void tst_TimelineFit::fitIncludesNow_data()
{
    QTest::addColumn<QStringList>("spec");
    QTest::addColumn<int>("nowMinute");
    QTest::addColumn<int>("leftMinute"); // the time at the left end of the plot, past the margin
    QTest::addColumn<int>("rightMinute"); // and at the right end

    QTest::newRow("every bar ended long before now")
        << QStringList {u"g|G|COMPLETED"_s, u" a|A|COMPLETED|0|5"_s, u" b|B|COMPLETED|5|15"_s}
        << 120 << 0 << 120;
    QTest::newRow("a failed marker long before now")
        << QStringList {u"g|G|FAILED"_s, u" a|A|COMPLETED|0|5"_s, u" b|B|FAILED|10"_s} << 60 << 0
        << 60;
    QTest::newRow("every bar after now (a clock behind the service's)")
        << QStringList {u"g|G|COMPLETED"_s, u" a|A|COMPLETED|60|70"_s, u" b|B|COMPLETED|70|90"_s}
        << 30 << 30 << 90;
    QTest::newRow("an open bar: it reaches now")
        << QStringList {u"g|G|IN_PROGRESS"_s, u" a|A|COMPLETED|0|10"_s, u" b|B|IN_PROGRESS|10"_s}
        << 40 << 0 << 40;
    QTest::newRow("an end after now wins")
        << QStringList {u"g|G|IN_PROGRESS"_s, u" a|A|COMPLETED|0|50"_s, u" b|B|IN_PROGRESS|10"_s}
        << 30 << 0 << 50;
}

void tst_TimelineFit::fitIncludesNow()
{
    QFETCH(QStringList, spec);
    QFETCH(int, nowMinute);
    QFETCH(int, leftMinute);
    QFETCH(int, rightMinute);

    m_now = at(nowMinute);
    show(mho(keyA, spec));
    const TimelineScale scale = m_view->scale();
    const int left = m_view->labelColumnWidth() + 16;
    const int right = m_view->viewport()->width() - 16;
    QCOMPARE(qRound(scale.xForTime(at(leftMinute).toMSecsSinceEpoch())), left);
    QCOMPARE(qRound(scale.xForTime(at(rightMinute).toMSecsSinceEpoch())), right);

    // The now line is painted where the scale puts now, inside the plot.
    const int nowX = qRound(scale.xForTime(m_now.toMSecsSinceEpoch()));
    QVERIFY(nowX >= left && nowX <= right);
    const QImage image = grabViewport(*m_view);
    const QColor highlight = m_view->palette().color(QPalette::Highlight);
    const int y = image.height() - 5; // below the rows
    QVERIFY(m_view->rowAt(y) < 0);
    bool line = false;
    for (int x = nowX - 1; x <= nowX + 1; ++x)
        line |= image.pixelColor(x, y) == highlight;
    QVERIFY2(line, qPrintable(u"no now line at x = %1"_s.arg(nowX)));
    QVERIFY(image.pixelColor(nowX - 8, y) != highlight);

    // Open bars end at the now line.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(TimelineModel::IsOpenRole).toBool())
            QCOMPARE(qRound(m_view->barRect(row).right()), nowX);
    }
    // Fit again (the 0 key) after zooming: the same scale.
    m_view->zoomIn();
    QTest::keyClick(m_view.get(), Qt::Key_0);
    QCOMPARE(m_view->scale(), scale);
}

void tst_TimelineFit::fitShowsTheNewestRuns_data()
{
    QTest::addColumn<int>("runs");
    QTest::addColumn<QList<int>>("open");
    QTest::addColumn<int>("oldestInView"); // the row whose start the fit puts at the left end

    QTest::newRow("5 runs: all") << 5 << QList<int> {} << 4;
    QTest::newRow("25 runs: the newest 10") << 25 << QList<int> {} << 9;
    QTest::newRow("25 runs, the 20th newest still running") << 25 << QList<int> {19} << 19;
    QTest::newRow("25 runs, the newest running") << 25 << QList<int> {0} << 9;
}

void tst_TimelineFit::fitShowsTheNewestRuns()
{
    QFETCH(int, runs);
    QFETCH(QList<int>, open);
    QFETCH(int, oldestInView);

    show(codeCatalystRuns(runs, m_now, open));
    QCOMPARE(m_model->rowCount(), runs);
    const int plotLeft = m_view->labelColumnWidth();
    const int right = m_view->viewport()->width() - 16;
    const TimelineScale scale = m_view->scale();

    // The oldest run in view starts at the left end of the plot (past the margin), now is at
    // the right end, and every newer run lies between.
    QCOMPARE(qRound(m_view->barRect(oldestInView).left()), plotLeft + 16);
    QCOMPARE(qRound(scale.xForTime(m_now.toMSecsSinceEpoch())), right);
    for (int row = 0; row < oldestInView; ++row) {
        const QRectF bar = m_view->barRect(row);
        QVERIFY2(bar.left() > plotLeft + 16 && bar.right() <= right,
            qPrintable(u"row %1: %2-%3"_s.arg(row).arg(bar.left()).arg(bar.right())));
    }
    // The next older run starts left of the plot; older ones can be scrolled to.
    QScrollBar *h = m_view->horizontalScrollBar();
    if (oldestInView + 1 < runs) {
        QVERIFY2(m_view->barRect(oldestInView + 1).left() < plotLeft,
            qPrintable(QString::number(m_view->barRect(oldestInView + 1).left())));
        QVERIFY(h->value() > h->minimum());
        h->setValue(h->minimum());
        QCOMPARE(qRound(m_view->barRect(runs - 1).left()), plotLeft + 16);
    } else {
        QCOMPARE(h->value(), h->minimum());
    }
    // Open runs reach now.
    for (const int row : std::as_const(open))
        QCOMPARE(qRound(m_view->scale().xForTime(m_now.toMSecsSinceEpoch())),
            qRound(m_view->barRect(row).right()));
}

void tst_TimelineFit::openBarReachesNow()
{
    show(mho(keyA, deploy));
    QVERIFY(m_view->hasOpenBars());
    auto *timer = m_view->findChild<QTimer *>(u"openBarsTimer"_s);
    QVERIFY(timer);
    QVERIFY(timer->isActive());

    const double nowX = m_view->scale().xForTime(m_now.toMSecsSinceEpoch());
    const QRectF bar = m_view->barRect(3);
    QVERIFY(std::abs(bar.right() - nowX) < 1e-3);
    const QColor running = style::statusColor(UnifiedStatus::Running, m_view->palette());
    QImage image = grabViewport(*m_view);
    const int y = int(bar.center().y());
    QCOMPARE(image.pixelColor(int(nowX) - 2, y), running);
    QVERIFY(image.pixelColor(int(nowX) + 3, y) != running);

    // Five minutes later the bar has grown to the new now (zoom kept: it runs past the edge).
    m_now = at(35);
    m_view->viewport()->repaint();
    image = grabViewport(*m_view);
    const double laterX = m_view->scale().xForTime(m_now.toMSecsSinceEpoch());
    QVERIFY(laterX > nowX + 10);
    QCOMPARE(image.pixelColor(int(nowX) + 3, y), running);

    // Verify finishes: nothing open, no timer.
    m_model->setWorkflow(mho(keyA,
        QStringList(deploy).replaceInStrings(
            u"s4|Verify|IN_PROGRESS|20"_s, u"s4|Verify|COMPLETED|20|34"_s)));
    QVERIFY(!m_view->hasOpenBars());
    QVERIFY(!timer->isActive());
}

void tst_TimelineFit::mergesKeepTheZoom()
{
    show(mho(keyA, deploy));
    m_view->zoomIn();
    const TimelineScale zoomed = m_view->scale();
    m_model->setWorkflow(mho(keyA, QStringList(deploy) << u" s6|Extra|COMPLETED|31|50"_s));
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(m_view->scale(), zoomed);

    // Another workflow: all rows go, new ones come, and the view fits them (and now, which
    // is where its last bar ends).
    m_now = at(160);
    m_model->setWorkflow(mho(keyB, {u"x|Other|COMPLETED|100|160"_s}));
    QCOMPARE(m_model->rowCount(), 1);
    const TimelineScale scale = m_view->scale();
    QVERIFY(
        std::abs(scale.xForTime(at(100).toMSecsSinceEpoch()) - (m_view->labelColumnWidth() + 16))
        < 1e-3);
    QVERIFY(
        std::abs(scale.xForTime(at(160).toMSecsSinceEpoch()) - (m_view->viewport()->width() - 16))
        < 1e-3);

    // A workflow whose steps have not started waits for its first start before fitting.
    m_model->setWorkflow(mho(keyA, {u"a|Waiting|READY"_s}));
    const TimelineScale waiting = m_view->scale();
    m_now = at(230);
    m_model->setWorkflow(mho(keyA, {u"a|Waiting|IN_PROGRESS|200"_s}));
    QVERIFY(m_view->scale() != waiting);
    QVERIFY(std::abs(m_view->scale().xForTime(at(200).toMSecsSinceEpoch())
                - (m_view->labelColumnWidth() + 16))
        < 1e-3);
}

QTEST_MAIN(tst_TimelineFit)
#include "tst_timelinefit.moc"
