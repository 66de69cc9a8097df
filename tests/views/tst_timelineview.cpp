// The Gantt view over a TimelineModel fed hand-made snapshots, shown offscreen at a fixed size
// with a fixed clock: bar pixels in the status colours (light and dark palettes), anchored
// Ctrl+wheel zoom, the zoom keys, pan, tooltips, selection, empty states and what they say,
// export, and a thousand bars. How the view fits its range is in tst_timelinefit.
#include "statusstyle.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include "views/timelinetestsupport.h"

#include <QMetaEnum>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>

using namespace sw;
using namespace sw::test;
using namespace sw::test::timeline;
using namespace Qt::StringLiterals;

namespace {

WorkflowSnapshot thousandRuns()
{
    WorkflowSnapshot w;
    w.key = keyB;
    w.stepsLoaded = true;
    QList<StepSnapshot> steps;
    const UnifiedStatus statuses[] = {UnifiedStatus::Succeeded, UnifiedStatus::Failed,
        UnifiedStatus::Cancelled, UnifiedStatus::Running};
    for (int i = 0; i < 1000; ++i) {
        StepSnapshot s;
        s.kind = StepKind::CodeCatalystRun;
        s.id = u"run-%1"_s.arg(i);
        s.name = u"Run %1"_s.arg(i);
        s.status = statuses[i % 4];
        s.rawStatus =
            QString::fromLatin1(QMetaEnum::fromType<UnifiedStatus>().valueToKey(int(s.status)));
        s.start = at(0).addSecs(i);
        if (s.status != UnifiedStatus::Running)
            s.end = s.start.addSecs(60);
        steps.append(s);
    }
    w.setSteps(steps);
    return w;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::AlternateBase, QColor(0x22, 0x22, 0x22));
    p.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    return p;
}

// Equal to the millisecond: panning by whole pixels at a fractional resolution rounds.
bool near(qint64 a, qint64 b)
{
    return std::abs(a - b) <= 1;
}

void sendWheel(QWidget *target, QPointF pos, QPoint angle, Qt::KeyboardModifiers modifiers)
{
    QWheelEvent event(pos, target->mapToGlobal(pos), QPoint(), angle, Qt::NoButton, modifiers,
        Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(target, &event);
}

// Inside a bar past its status text, which starts at its left end.
QPoint insideEnd(const QRectF &bar)
{
    return QPoint(int(bar.right()) - 2, int(bar.center().y()));
}

// Pixels that differ from the background inside `rect`.
int inkIn(const QImage &image, const QRect &rect, const QColor &background)
{
    int ink = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            ink += image.pixelColor(x, y) != background;
    }
    return ink;
}

} // namespace

class tst_TimelineView : public QObject, private ViewFixture {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void barsInStatusColours_data();
    void barsInStatusColours();
    void ctrlWheelZoomsAtTheMouse_data();
    void ctrlWheelZoomsAtTheMouse();
    void zoomKeysAndFit();
    void panning();
    void toolTips();
    void selection();
    void emptyStates();
    void emptyText_data();
    void emptyText();
    void renderImage();
    void exportPng();
    void thousandBars();
};

void tst_TimelineView::init()
{
    setUp();
}

void tst_TimelineView::cleanup()
{
    tearDown();
}

void tst_TimelineView::barsInStatusColours_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("startMinute");
    QTest::addColumn<int>("endMinute");

    for (const bool dark : {false, true}) {
        const char *theme = dark ? "dark" : "light";
        QTest::addRow("%s: succeeded", theme)
            << dark << 0 << int(UnifiedStatus::Succeeded) << 0 << 5;
        QTest::addRow("%s: succeeded later", theme)
            << dark << 1 << int(UnifiedStatus::Succeeded) << 5 << 15;
        QTest::addRow("%s: failed", theme) << dark << 2 << int(UnifiedStatus::Failed) << 15 << 20;
        QTest::addRow("%s: running", theme) << dark << 3 << int(UnifiedStatus::Running) << 20 << 30;
    }
}

void tst_TimelineView::barsInStatusColours()
{
    QFETCH(bool, dark);
    QFETCH(int, row);
    QFETCH(int, status);
    QFETCH(int, startMinute);
    QFETCH(int, endMinute);

    if (dark)
        m_view->setPalette(darkPalette());
    show(mho(keyA, deploy));
    const TimelineScale scale = m_view->scale();
    const QRectF bar = m_view->barRect(row);
    QVERIFY(std::abs(bar.left() - scale.xForTime(at(startMinute).toMSecsSinceEpoch())) < 1e-3);
    QVERIFY(std::abs(bar.right() - scale.xForTime(at(endMinute).toMSecsSinceEpoch())) < 1e-3);
    QCOMPARE(m_view->rowAt(int(bar.center().y())), row);

    const QImage image = grabViewport(*m_view);
    const QColor expected = style::statusColor(UnifiedStatus(status), m_view->palette());
    QCOMPARE(style::isDark(m_view->palette()), dark);
    // Most of the bar: the status text inside it takes some pixels.
    const QRect inside = bar.toAlignedRect().adjusted(1, 1, -1, -1);
    const int area = inside.width() * inside.height();
    QVERIFY(area > 100);
    const int coloured = area - inkIn(image, inside, expected);
    QVERIFY2(coloured > area / 2, qPrintable(u"%1 of %2"_s.arg(coloured).arg(area)));
    // And only there: the same row left of the bar is background.
    QVERIFY(image.pixelColor(int(bar.left()) - 6, int(bar.center().y())) != expected);
}

void tst_TimelineView::ctrlWheelZoomsAtTheMouse_data()
{
    QTest::addColumn<int>("mouseX");
    QTest::addColumn<int>("delta");
    QTest::addColumn<double>("factor"); // msPerPixel after / before

    QTest::newRow("in, middle") << 500 << 120 << 1 / 1.2;
    QTest::newRow("in, near the left edge") << 200 << 120 << 1 / 1.2;
    QTest::newRow("in by three notches, right") << 850 << 360 << 1 / (1.2 * 1.2 * 1.2);
    QTest::newRow("out, middle") << 500 << -120 << 1.2;
    QTest::newRow("out, half a notch") << 640 << -60 << std::sqrt(1.2);
}

void tst_TimelineView::ctrlWheelZoomsAtTheMouse()
{
    QFETCH(int, mouseX);
    QFETCH(int, delta);
    QFETCH(double, factor);

    show(mho(keyA, deploy));
    const TimelineScale before = m_view->scale();
    sendWheel(m_view->viewport(), QPointF(mouseX, 100), QPoint(0, delta), Qt::ControlModifier);
    const TimelineScale after = m_view->scale();
    QVERIFY(std::abs(after.msPerPixel() / before.msPerPixel() - factor) < 1e-9);
    QVERIFY(std::abs(after.timeForX(mouseX) - before.timeForX(mouseX)) <= 1);
    // Zoomed in past the range, the horizontal scroll bar can move.
    if (delta > 0)
        QVERIFY(
            m_view->horizontalScrollBar()->maximum() > m_view->horizontalScrollBar()->minimum());
}

void tst_TimelineView::zoomKeysAndFit()
{
    show(mho(keyA, deploy));
    const TimelineScale fitted = m_view->scale();
    QTest::keyClick(m_view.get(), Qt::Key_Plus);
    QVERIFY(m_view->scale().msPerPixel() < fitted.msPerPixel());
    QTest::keyClick(m_view.get(), Qt::Key_Minus);
    QTest::keyClick(m_view.get(), Qt::Key_Minus);
    QVERIFY(m_view->scale().msPerPixel() > fitted.msPerPixel());
    QTest::keyClick(m_view.get(), Qt::Key_0);
    QCOMPARE(m_view->scale(), fitted);

    m_view->zoomIn();
    m_view->zoomIn();
    QVERIFY(std::abs(m_view->scale().msPerPixel() - fitted.msPerPixel() / 2.25) < 1e-9);
    m_view->fitToWidth();
    QCOMPARE(m_view->scale(), fitted);
    m_view->zoomOut();
    QVERIFY(std::abs(m_view->scale().msPerPixel() - fitted.msPerPixel() * 1.5) < 1e-9);

    // A fitted view fits again when resized; a zoomed one keeps its scale.
    m_view->fitToWidth();
    m_view->resize(1200, 400);
    QVERIFY(std::abs(m_view->scale().xForTime(at(30).toMSecsSinceEpoch())
                - (m_view->viewport()->width() - 16))
        < 1e-3);
    m_view->zoomIn();
    const TimelineScale zoomed = m_view->scale();
    m_view->resize(1000, 400);
    QCOMPARE(m_view->scale(), zoomed);
}

void tst_TimelineView::panning()
{
    show(mho(keyA, deploy));
    const TimelineScale fitted = m_view->scale();

    // Shift+wheel and a horizontal wheel pan without zooming.
    sendWheel(m_view->viewport(), QPointF(500, 100), QPoint(0, 120), Qt::ShiftModifier);
    QCOMPARE(m_view->scale().msPerPixel(), fitted.msPerPixel());
    QVERIFY(near(m_view->scale().timeForX(560), fitted.timeForX(500)));
    sendWheel(m_view->viewport(), QPointF(500, 100), QPoint(-120, 0), Qt::NoModifier);
    QVERIFY(near(m_view->scale().timeForX(500), fitted.timeForX(500)));

    // Dragging empty space (the not-started row) moves the content with the mouse.
    const int y = int(m_view->barRect(3).center().y()) + m_view->rowHeight();
    QCOMPARE(m_view->rowAt(y), 4);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, QPoint(400, y));
    QTest::mouseMove(m_view->viewport(), QPoint(450, y));
    QTest::mouseMove(m_view->viewport(), QPoint(520, y));
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, QPoint(520, y));
    QVERIFY(near(m_view->scale().timeForX(520), fitted.timeForX(400)));
    QCOMPARE(m_view->currentStepId(), QString()); // a drag selects nothing

    // The scroll bar follows, and moving it pans back.
    QScrollBar *h = m_view->horizontalScrollBar();
    QVERIFY(h->minimum() < h->maximum());
    h->setValue(h->value() + 120);
    QVERIFY(near(m_view->scale().timeForX(400), fitted.timeForX(400)));
}

void tst_TimelineView::toolTips()
{
    show(mho(keyA, deploy));
    const QString failed = m_view->toolTipAt(m_view->barRect(2).center().toPoint());
    for (const QString &part : {u"Migrate"_s, u"Deploy"_s, u"FAILED"_s, u"Disk full"_s,
             u"2024-05-01 12:15:00 UTC"_s, u"12:20:00"_s, u"5 min 00 s"_s})
        QVERIFY2(failed.contains(part), qPrintable(part + u" in "_s + failed));

    const QString running = m_view->toolTipAt(m_view->barRect(3).center().toPoint());
    QVERIFY2(running.contains(u"Verify"_s) && running.contains(u"IN_PROGRESS"_s)
            && running.contains(u"running"_s) && running.contains(u"10 min 00 s"_s),
        qPrintable(running));

    // Off the bars: nothing; on a label: that row, even when it has not started.
    const int notStartedY = int(m_view->barRect(3).center().y()) + m_view->rowHeight();
    QCOMPARE(m_view->toolTipAt(QPoint(600, notStartedY)), QString());
    QCOMPARE(m_view->toolTipAt(QPoint(600, 5)), QString()); // the axis
    const QString label = m_view->toolTipAt(QPoint(20, notStartedY));
    QVERIFY2(label.contains(u"Cleanup"_s) && label.contains(u"READY"_s), qPrintable(label));

    m_view->setTimeSpec(Qt::LocalTime);
    QVERIFY(!m_view->toolTipAt(m_view->barRect(2).center().toPoint()).contains(u"UTC"_s));
}

void tst_TimelineView::selection()
{
    show(mho(keyA, deploy));
    QSignalSpy spy(m_view.get(), &TimelineView::currentStepChanged);
    QTest::mouseClick(
        m_view->viewport(), Qt::LeftButton, {}, m_view->barRect(1).center().toPoint());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), u"s2"_s);
    QCOMPARE(m_view->currentStepId(), u"s2"_s);

    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->currentStepId(), u"s3"_s);
    QTest::keyClick(m_view.get(), Qt::Key_Up);
    QTest::keyClick(m_view.get(), Qt::Key_Up);
    QCOMPARE(m_view->currentStepId(), u"s1"_s);
    QTest::keyClick(m_view.get(), Qt::Key_Up); // stays on the first row
    QCOMPARE(m_view->currentStepId(), u"s1"_s);
    QCOMPARE(spy.count(), 4);

    m_view->setCurrentStepId(u"s1"_s); // unchanged: no signal
    QCOMPARE(spy.count(), 4);
    m_view->setCurrentStepId(u"g"_s); // a group from the step tree: kept, no bar highlighted
    QCOMPARE(spy.count(), 5);
    QCOMPARE(m_view->currentStepId(), u"g"_s);

    // The current bar carries the highlight outline; its centre keeps the status colour.
    m_view->setCurrentStepId(u"s3"_s);
    const QImage image = grabViewport(*m_view);
    const QRectF bar = m_view->barRect(2);
    QCOMPARE(image.pixelColor(insideEnd(bar)),
        style::statusColor(UnifiedStatus::Failed, m_view->palette()));
    bool outlined = false;
    for (int y = int(bar.top()) - 3; y <= int(bar.top()); ++y)
        outlined |= image.pixelColor(int(bar.center().x()), y)
            == m_view->palette().color(QPalette::Highlight);
    QVERIFY(outlined);
}

void tst_TimelineView::emptyStates()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    const QColor base = m_view->palette().color(QPalette::Base);
    const QSize size = m_view->viewport()->size();
    const QRect centre(size.width() / 4, size.height() / 2 - 15, size.width() / 2, 30);
    const QRect corner(0, size.height() - 40, 40, 40);

    // No workflow: a sentence in the middle, nothing else.
    QImage image = grabViewport(*m_view);
    QVERIFY(inkIn(image, centre, base) > 20);
    QCOMPARE(inkIn(image, corner, base), 0);
    QCOMPARE(m_view->toolTipAt(QPoint(size.width() / 2, size.height() / 2)), QString());

    // Steps, none started: labels, and a sentence over the empty plot.
    m_model->setWorkflow(mho(keyA, {u"g|G|READY"_s, u" a|Alpha|READY"_s, u" b|Beta|READY"_s}));
    image = grabViewport(*m_view);
    const QRect plotCentre(m_view->labelColumnWidth() + 20, size.height() / 2 - 15,
        size.width() - m_view->labelColumnWidth() - 40, 30);
    QVERIFY(inkIn(image, plotCentre, base) > 20);
    QVERIFY(m_view->barRect(0).isEmpty());
    QVERIFY(!m_view->hasOpenBars());

    // Back to nothing.
    m_model->clear();
    QCOMPARE(m_view->rowAt(50), -1);
}

void tst_TimelineView::emptyText_data()
{
    QTest::addColumn<QStringList>("spec");
    QTest::addColumn<bool>("anyBegan");

    QTest::newRow("a failed step first seen finished")
        << QStringList {u"g|G|FAILED"_s, u" a|Alpha|FAILED"_s, u" b|Beta|READY"_s} << true;
    QTest::newRow("the only step failed")
        << QStringList {u"a|Alpha|FAILED|-|-|Disk full"_s} << true;
    QTest::newRow("a completed step without times")
        << QStringList {u"g|G|IN_PROGRESS"_s, u" a|Alpha|COMPLETED"_s} << true;
    QTest::newRow("a running step without a start")
        << QStringList {u"g|G|IN_PROGRESS"_s, u" a|Alpha|IN_PROGRESS"_s} << true;
    QTest::newRow("every step waits")
        << QStringList {u"g|G|READY"_s, u" a|Alpha|READY"_s, u" b|Beta|AWAITING_DEPENDENCIES"_s}
        << false;
}

void tst_TimelineView::emptyText()
{
    QFETCH(QStringList, spec);
    QFETCH(bool, anyBegan);

    const QString notStarted = u"No step has started yet."_s;
    const QString timesUnknown =
        u"No step times are known yet: these steps had already started or finished when "
        "Stepwatch first saw them, and the service does not report step times. Their status is "
        "in the step tree."_s;

    show(mho(keyA, spec));
    QVERIFY(m_view->barRect(0).isEmpty());
    TextRecorder recorder(m_view->viewport()->size());
    m_view->viewport()->render(&recorder);
    const QString painted = recorder.text();
    // The labels are painted too: the recorder sees the whole frame.
    QVERIFY2(painted.contains(u"Alpha"_s), qPrintable(painted));
    if (anyBegan) {
        QVERIFY2(painted.contains(timesUnknown), qPrintable(painted));
        QVERIFY2(!painted.contains(notStarted), qPrintable(painted));
    } else {
        QVERIFY2(painted.contains(notStarted), qPrintable(painted));
        QVERIFY2(!painted.contains(u"No step times"_s), qPrintable(painted));
    }
}

void tst_TimelineView::renderImage()
{
    show(mho(keyA, deploy));
    m_view->zoomIn(); // the export fits the whole range whatever the view shows
    const QImage image = m_view->renderImage(1200);
    QCOMPARE(image.width(), 1200);
    QVERIFY(image.height() >= 5 * m_view->rowHeight());
    const QPalette palette = m_view->palette();
    int failed = 0;
    int running = 0;
    int succeeded = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            failed += c == style::statusColor(UnifiedStatus::Failed, palette);
            running += c == style::statusColor(UnifiedStatus::Running, palette);
            succeeded += c == style::statusColor(UnifiedStatus::Succeeded, palette);
        }
    }
    // Fitted to 1200 px, the failed bar (5 of 30 minutes) is over 100 px wide.
    QVERIFY2(failed > 100 * 8, qPrintable(QString::number(failed)));
    QVERIFY(running > 100 * 8);
    QVERIFY(succeeded > 100 * 8);
    QVERIFY(m_view->renderImage(0).isNull());
}

void tst_TimelineView::exportPng()
{
    show(mho(keyA, deploy));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"timeline.png"_s);
    QString error;
    QVERIFY2(m_view->exportPng(path, &error), qPrintable(error));
    const QImage read(path);
    QVERIFY(!read.isNull());
    QCOMPARE(read.width(), 1600);

    QVERIFY(!m_view->exportPng(dir.filePath(u"missing/dir/timeline.png"_s), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!m_view->exportPng(dir.filePath(u"missing/dir/timeline.png"_s), nullptr));
}

void tst_TimelineView::thousandBars()
{
    show(thousandRuns());
    QCOMPARE(m_model->rowCount(), 1000);
    QScrollBar *v = m_view->verticalScrollBar();
    QCOMPARE(v->maximum() + v->pageStep(), 1000 * m_view->rowHeight());
    QVERIFY(!grabViewport(*m_view).isNull());

    // A plain wheel scrolls rows and leaves the time scale alone.
    const TimelineScale scale = m_view->scale();
    sendWheel(m_view->viewport(), QPointF(500, 200), QPoint(0, -120), Qt::NoModifier);
    QVERIFY(v->value() > 0);
    QCOMPARE(m_view->scale(), scale);

    // At the bottom, the last run is drawn in its colour.
    v->setValue(v->maximum());
    const QRectF last = m_view->barRect(999);
    QVERIFY(m_view->viewport()->rect().contains(last.center().toPoint()));
    QCOMPARE(m_view->rowAt(int(last.center().y())), 999);
    const QImage image = grabViewport(*m_view);
    QCOMPARE(image.pixelColor(insideEnd(last)),
        style::statusColor(UnifiedStatus::Running, m_view->palette()));
    QCOMPARE(m_view->rowAt(m_view->viewport()->height() - 1), 999);

    // Down from the last row stays there; the export is capped but renders.
    m_view->setCurrentStepId(u"run-999"_s);
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->currentStepId(), u"run-999"_s);
    const QImage exported = m_view->renderImage(800);
    QCOMPARE(exported.width(), 800);
    QVERIFY(exported.height() > 0);
}

QTEST_MAIN(tst_TimelineView)
#include "tst_timelineview.moc"
