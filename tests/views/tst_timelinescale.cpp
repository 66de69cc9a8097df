// The timeline's time↔pixel mapping as tables, after KDAB Hotspot's tst_timelinedelegate:
// fitting, round trips, anchored zoom with its clamps, panning, and axis ticks (spacing,
// alignment to the ladder in UTC and in a half-hour local zone, labels), plus degenerate input.
#include "timelinescale.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

#include <cmath>
#include <limits>

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 S = 1000;
constexpr qint64 Min = 60 * S;
constexpr qint64 H = 60 * Min;
constexpr qint64 D = 24 * H;

// 2024-05-01 00:00:00 UTC.
const qint64 Day0 = QDateTime(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();

qint64 utc(int hour, int minute, int second = 0, int day = 1)
{
    return QDateTime(QDate(2024, 5, day), QTime(hour, minute, second), Qt::UTC).toMSecsSinceEpoch();
}

// The milliseconds since the wall clock's midnight of 1970-01-01 in `spec`.
qint64 wallMs(qint64 ms, Qt::TimeSpec spec)
{
    return ms + qint64(QDateTime::fromMSecsSinceEpoch(ms, spec).offsetFromUtc()) * S;
}

} // namespace

class tst_TimelineScale : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fit_data();
    void fit();
    void mapping_data();
    void mapping();
    void zoomedAt_data();
    void zoomedAt();
    void panned();
    void tickStep_data();
    void tickStep();
    void ticks_data();
    void ticks();
    void tickLabels_data();
    void tickLabels();
    void utcVersusLocal();
    void degenerate();
};

void tst_TimelineScale::initTestCase()
{
    // main() sets TZ: local time must really be UTC+05:30 for the local cases to mean anything.
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(Day0, Qt::LocalTime).offsetFromUtc(), 19800);
}

void tst_TimelineScale::fit_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("margin");
    QTest::addColumn<double>("startX");
    QTest::addColumn<double>("endX");
    QTest::addColumn<double>("msPerPixel");

    QTest::newRow("half an hour in 1000 px")
        << utc(12, 0) << utc(12, 30) << 1016 << 8 << 8.0 << 1008.0 << 1800.0;
    QTest::newRow("no margin") << utc(12, 0) << utc(13, 0) << 3600 << 0 << 0.0 << 3600.0 << 1000.0;
    QTest::newRow("ten ms: clamped at 1 ms/px")
        << utc(12, 0) << utc(12, 0) + 10 << 500 << 10 << 10.0 << 20.0 << 1.0;
    QTest::newRow("ten years: clamped at 1 day/px")
        << utc(0, 0) << utc(0, 0) + 3650 * D << 400 << 0 << 0.0 << 3650.0 << double(D);
    QTest::newRow("empty span: one minute")
        << utc(12, 0) << utc(12, 0) << 620 << 10 << 10.0 << 10.0 << 100.0;
    QTest::newRow("reversed span: one minute from start")
        << utc(12, 0) << utc(11, 0) << 620 << 10 << 10.0 << -35990.0 << 100.0;
    QTest::newRow("margins wider than the width are dropped")
        << utc(12, 0) << utc(12, 1) << 30 << 20 << 0.0 << 30.0 << 2000.0;
    QTest::newRow("zero width: one pixel")
        << utc(12, 0) << utc(12, 0) + 500 << 0 << 16 << 0.0 << 1.0 << 500.0;
    QTest::newRow("negative width")
        << utc(12, 0) << utc(12, 1) << -50 << 16 << 0.0 << 1.0 << double(Min);
}

void tst_TimelineScale::fit()
{
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(int, width);
    QFETCH(int, margin);
    QFETCH(double, startX);
    QFETCH(double, endX);
    QFETCH(double, msPerPixel);

    const TimelineScale scale = TimelineScale::fit(start, end, width, margin);
    QCOMPARE(scale.msPerPixel(), msPerPixel);
    QVERIFY(std::abs(scale.xForTime(start) - startX) < 1e-6);
    QVERIFY2(std::abs(scale.xForTime(end) - endX) < 1e-6,
        qPrintable(QString::number(scale.xForTime(end))));
    QCOMPARE(scale.timeForX(startX), start);
}

void tst_TimelineScale::mapping_data()
{
    QTest::addColumn<TimelineScale>("scale");
    QTest::addColumn<double>("x");
    QTest::addColumn<qint64>("time");

    // As in Hotspot: a fitted range, then zoomed into its second half and its last quarter.
    const TimelineScale fitted = TimelineScale::fit(1000, 11000, 1000, 0);
    QTest::newRow("start") << fitted << 0.0 << qint64(1000);
    QTest::newRow("middle") << fitted << 500.0 << qint64(6000);
    QTest::newRow("end") << fitted << 1000.0 << qint64(11000);
    const TimelineScale half = TimelineScale::fit(6000, 11000, 1000, 0);
    QTest::newRow("second half, start") << half << 0.0 << qint64(6000);
    QTest::newRow("second half, middle") << half << 500.0 << qint64(8500);
    QTest::newRow("second half, end") << half << 1000.0 << qint64(11000);
    const TimelineScale quarter = half.zoomedAt(1000, 2);
    QTest::newRow("last quarter, start") << quarter << 0.0 << qint64(8500);
    QTest::newRow("last quarter, end") << quarter << 1000.0 << qint64(11000);
    QTest::newRow("left of the origin") << fitted << -250.0 << qint64(-1500);
    const TimelineScale today(utc(12, 0), 37.5);
    QTest::newRow("today, fractional resolution") << today << 96.0 << utc(12, 0) + 3600;
    QTest::newRow("today, far right") << today << 1e6 << utc(12, 0) + 37'500'000;
}

void tst_TimelineScale::mapping()
{
    QFETCH(TimelineScale, scale);
    QFETCH(double, x);
    QFETCH(qint64, time);

    QCOMPARE(scale.timeForX(x), time);
    QVERIFY2(std::abs(scale.xForTime(time) - x) < 1e-6,
        qPrintable(QString::number(scale.xForTime(time))));
    // Round trips: time → x → time exactly, x → time → x within half a millisecond.
    for (const qint64 t : {time - 7, time, time + 1234}) {
        QCOMPARE(scale.timeForX(scale.xForTime(t)), t);
    }
    const double back = scale.xForTime(scale.timeForX(x + 0.3));
    QVERIFY(std::abs(back - (x + 0.3)) <= 0.5 / scale.msPerPixel() + 1e-9);
}

void tst_TimelineScale::zoomedAt_data()
{
    QTest::addColumn<TimelineScale>("scale");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("msPerPixel");

    const TimelineScale base(utc(12, 0), 1000);
    QTest::newRow("in at the left") << base << 0.0 << 2.0 << 500.0;
    QTest::newRow("in in the middle") << base << 450.0 << 4.0 << 250.0;
    QTest::newRow("out at the right") << base << 900.0 << 0.5 << 2000.0;
    QTest::newRow("anchor left of the origin") << base << -120.0 << 1.25 << 800.0;
    QTest::newRow("in past 1 ms/px: clamped") << base << 333.0 << 1e6 << 1.0;
    QTest::newRow("out past 1 day/px: clamped") << base << 77.0 << 1e-9 << double(D);
    QTest::newRow("zero factor: unchanged") << base << 50.0 << 0.0 << 1000.0;
    QTest::newRow("negative factor: unchanged") << base << 50.0 << -2.0 << 1000.0;
    QTest::newRow("NaN factor: unchanged")
        << base << 50.0 << std::numeric_limits<double>::quiet_NaN() << 1000.0;
    QTest::newRow("fractional origin after zooms")
        << base.zoomedAt(13, 3).zoomedAt(701, 1.7) << 211.0 << 1.3 << 1000.0 / 3 / 1.7 / 1.3;
}

void tst_TimelineScale::zoomedAt()
{
    QFETCH(TimelineScale, scale);
    QFETCH(double, x);
    QFETCH(double, factor);
    QFETCH(double, msPerPixel);

    const TimelineScale zoomed = scale.zoomedAt(x, factor);
    QVERIFY2(std::abs(zoomed.msPerPixel() - msPerPixel) < 1e-9,
        qPrintable(QString::number(zoomed.msPerPixel())));
    QVERIFY2(std::abs(zoomed.timeForX(x) - scale.timeForX(x)) <= 1,
        qPrintable(QString::number(zoomed.timeForX(x) - scale.timeForX(x))));
    // Zooming back by the inverse factor returns to the start when nothing was clamped.
    if (factor > 0 && msPerPixel > TimelineScale::MinMsPerPixel
        && msPerPixel < TimelineScale::MaxMsPerPixel) {
        const TimelineScale back = zoomed.zoomedAt(x, 1 / factor);
        QVERIFY(std::abs(back.timeForX(0) - scale.timeForX(0)) <= 1);
    }
}

void tst_TimelineScale::panned()
{
    const TimelineScale base(utc(12, 0), 250);
    for (const double dx : {0.0, 40.0, -40.0, 1234.5}) {
        const TimelineScale moved = base.panned(dx);
        QCOMPARE(moved.msPerPixel(), base.msPerPixel());
        // A drag by dx: what was at x is now at x + dx.
        for (const double x : {0.0, 100.0, 777.0})
            QCOMPARE(moved.timeForX(x + dx), base.timeForX(x));
        QCOMPARE(moved.panned(-dx), base);
    }
    QCOMPARE(base.panned(40).timeForX(0), utc(12, 0) - 10 * S);
}

void tst_TimelineScale::tickStep_data()
{
    QTest::addColumn<double>("msPerPixel");
    QTest::addColumn<double>("minSpacing");
    QTest::addColumn<qint64>("step");

    QTest::newRow("1 ms/px, 0 px: the smallest rung") << 1.0 << 0.0 << S;
    QTest::newRow("exactly a rung") << 100.0 << 50.0 << 5 * S;
    QTest::newRow("just past a rung") << 100.0 << 50.1 << 10 * S;
    QTest::newRow("15 s") << 200.0 << 60.0 << 15 * S;
    QTest::newRow("2 min") << 1000.0 << 80.0 << 2 * Min;
    QTest::newRow("3 h") << 100'000.0 << 80.0 << 3 * H;
    QTest::newRow("1 d") << 1'000'000.0 << 80.0 << D;
    QTest::newRow("7 d") << 5'000'000.0 << 80.0 << 7 * D;
    QTest::newRow("past the ladder: weeks") << double(D) << 80.0 << 84 * D;
}

void tst_TimelineScale::tickStep()
{
    QFETCH(double, msPerPixel);
    QFETCH(double, minSpacing);
    QFETCH(qint64, step);
    QCOMPARE(TimelineScale::tickStep(msPerPixel, minSpacing), step);
}

void tst_TimelineScale::ticks_data()
{
    QTest::addColumn<TimelineScale>("scale");
    QTest::addColumn<double>("minSpacing");
    QTest::addColumn<int>("spec");

    const qint64 odd = utc(9, 13, 27) + 411; // nothing about it is round
    for (const Qt::TimeSpec spec : {Qt::UTC, Qt::LocalTime}) {
        const char *name = spec == Qt::UTC ? "UTC" : "local";
        for (const double msPerPixel :
            {15.0, 130.0, 1000.0, 9000.0, 70'000.0, 400'000.0, 3'000'000.0, 20'000'000.0}) {
            QTest::addRow("%s, %g ms/px", name, msPerPixel)
                << TimelineScale(odd, msPerPixel) << 70.0 << int(spec);
        }
        QTest::addRow("%s, tight spacing", name) << TimelineScale(odd, 500) << 2.0 << int(spec);
    }
}

void tst_TimelineScale::ticks()
{
    QFETCH(TimelineScale, scale);
    QFETCH(double, minSpacing);
    QFETCH(int, spec);

    const auto timeSpec = Qt::TimeSpec(spec);
    const double fromX = 13.5;
    const double toX = 1900;
    const qint64 step = TimelineScale::tickStep(scale.msPerPixel(), minSpacing);
    const QList<TimelineScale::Tick> ticks = scale.ticks(fromX, toX, minSpacing, timeSpec);
    QVERIFY(ticks.size() >= 1);
    for (int i = 0; i < ticks.size(); ++i) {
        const TimelineScale::Tick &tick = ticks.at(i);
        QVERIFY(tick.x >= fromX && tick.x <= toX);
        QVERIFY(std::abs(tick.x - scale.xForTime(tick.ms)) < 1e-6);
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(tick.ms, timeSpec);
        if (step < D) {
            QCOMPARE(wallMs(tick.ms, timeSpec) % step, qint64(0));
        } else {
            QCOMPARE(at.time(), QTime(0, 0));
            QCOMPARE(at.date().toJulianDay() % (step / D), qint64(0));
        }
        QCOMPARE(tick.major, at.time() == QTime(0, 0));
        if (i > 0) {
            QVERIFY2(tick.x - ticks.at(i - 1).x >= minSpacing - 1e-6,
                qPrintable(QString::number(tick.x - ticks.at(i - 1).x)));
            QCOMPARE(tick.ms - ticks.at(i - 1).ms, step); // neither zone has DST
        }
    }
    // None missing: the gaps before the first and after the last tick are under a step.
    QVERIFY(ticks.constFirst().x - fromX < step / scale.msPerPixel());
    QVERIFY(toX - ticks.constLast().x < step / scale.msPerPixel());
}

void tst_TimelineScale::tickLabels_data()
{
    QTest::addColumn<TimelineScale>("scale");
    QTest::addColumn<int>("spec");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QList<bool>>("major");

    // 100 ms/px with 40 px spacing: 5 s steps, from 23:59:52 UTC over midnight.
    QTest::newRow("seconds over midnight")
        << TimelineScale(utc(23, 59, 52), 100) << int(Qt::UTC)
        << QStringList {u"23:59:55"_s, u"May 2"_s, u"00:00:05"_s, u"00:00:10"_s}
        << QList<bool> {false, true, false, false};
    // 1000 ms/px: 1 min steps.
    QTest::newRow("minutes") << TimelineScale(utc(12, 0, 30), 1000) << int(Qt::UTC)
                             << QStringList {u"12:01"_s, u"12:02"_s, u"12:03"_s}
                             << QList<bool> {false, false, false};
    // The same minutes on the wall clock of UTC+05:30.
    QTest::newRow("minutes, local")
        << TimelineScale(utc(12, 0, 30), 1000) << int(Qt::LocalTime)
        << QStringList {u"17:31"_s, u"17:32"_s, u"17:33"_s} << QList<bool> {false, false, false};
    // 30 min/px: 1 d steps, labelled with the date.
    QTest::newRow("days") << TimelineScale(utc(12, 0), 30.0 * Min) << int(Qt::UTC)
                          << QStringList {u"May 2"_s, u"May 3"_s, u"May 4"_s, u"May 5"_s}
                          << QList<bool> {true, true, true, true};
}

void tst_TimelineScale::tickLabels()
{
    QFETCH(TimelineScale, scale);
    QFETCH(int, spec);
    QFETCH(QStringList, labels);
    QFETCH(QList<bool>, major);

    const QList<TimelineScale::Tick> ticks = scale.ticks(0, 180, 40, Qt::TimeSpec(spec));
    QStringList actualLabels;
    QList<bool> actualMajor;
    for (const TimelineScale::Tick &tick : ticks) {
        actualLabels << tick.label;
        actualMajor << tick.major;
    }
    QCOMPARE(actualLabels, labels);
    QCOMPARE(actualMajor, major);
}

void tst_TimelineScale::utcVersusLocal()
{
    // 40 s/px and 80 px spacing: hourly ticks. UTC+05:30's hours fall on UTC's half hours.
    const TimelineScale scale(utc(10, 10), 40'000);
    const QList<TimelineScale::Tick> inUtc = scale.ticks(0, 450, 80, Qt::UTC);
    const QList<TimelineScale::Tick> inLocal = scale.ticks(0, 450, 80, Qt::LocalTime);
    QCOMPARE(inUtc.size(), 5);
    QCOMPARE(inLocal.size(), 5);
    QCOMPARE(inUtc.first().ms, utc(11, 0));
    QCOMPARE(inUtc.first().label, u"11:00"_s);
    QCOMPARE(inLocal.first().ms, utc(10, 30));
    QCOMPARE(inLocal.first().label, u"16:00"_s);
    for (int i = 0; i < inUtc.size(); ++i)
        QCOMPARE(inUtc.at(i).ms - inLocal.at(i).ms, 30 * Min);
}

void tst_TimelineScale::degenerate()
{
    const TimelineScale byDefault;
    QCOMPARE(byDefault.msPerPixel(), 1000.0);
    QCOMPARE(byDefault.timeForX(1), qint64(1000));
    QVERIFY(!byDefault.ticks(0, 500, 60, Qt::UTC).isEmpty());

    QCOMPARE(TimelineScale(0, 0).msPerPixel(), TimelineScale::MinMsPerPixel);
    QCOMPARE(TimelineScale(0, -5).msPerPixel(), TimelineScale::MinMsPerPixel);
    QCOMPARE(TimelineScale(0, 1e300).msPerPixel(), TimelineScale::MaxMsPerPixel);
    QCOMPARE(TimelineScale(0, std::numeric_limits<double>::infinity()).msPerPixel(),
        TimelineScale::MaxMsPerPixel);
    QCOMPARE(TimelineScale(0, std::numeric_limits<double>::quiet_NaN()).msPerPixel(),
        TimelineScale::MaxMsPerPixel);

    const TimelineScale scale(utc(12, 0), 1000);
    QVERIFY(scale.ticks(500, 100, 60, Qt::UTC).isEmpty()); // reversed range
    QCOMPARE(scale.ticks(0, 0, 60, Qt::UTC).size(), 1); // a point range holding 12:00
    QCOMPARE(scale.ticks(0.5, 0.9, 60, Qt::UTC).size(), 0); // one holding no tick
    // A huge range at the finest rung stays bounded.
    const QList<TimelineScale::Tick> many = TimelineScale(utc(12, 0), 1).ticks(0, 1e9, 0, Qt::UTC);
    QVERIFY(!many.isEmpty());
    QVERIFY(many.size() <= 10000);
}

int main(int argc, char *argv[])
{
    // A half-hour zone without DST, so that local alignment differs from UTC's and no test
    // depends on the machine's zone.
    qputenv("TZ", "Asia/Kolkata");
    QLocale::setDefault(QLocale::c());
    QCoreApplication app(argc, argv);
    tst_TimelineScale test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_timelinescale.moc"
