// The dashboard's time and duration texts, one table row per branch: relative times on both
// sides of "now" and at every unit boundary, local and UTC stamps of fixed instants in a fixed
// time zone, durations, and the settings keys of the display modes.
#include "timeformat.h"

#include <QTest>

#include <ctime>

using namespace sw;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(sw::TimeDisplay)

namespace {

// Local time is Central European (UTC+1 in winter, +2 in summer) whatever the machine's zone;
// a POSIX rule needs no zoneinfo files. Set before main() so that Qt never saw another zone.
[[maybe_unused]] const bool fixedZone = [] {
    qputenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3");
    tzset();
    return true;
}();

const QDateTime Now(QDate(2026, 11, 21), QTime(13, 3, 7), Qt::UTC);

} // namespace

class TstTimeFormat : public QObject {
    Q_OBJECT

private slots:
    void relative_data();
    void relative();
    void absolute_data();
    void absolute();
    void invalid();
    void absoluteToolTip();
    void duration_data();
    void duration();
    void keys();
};

void TstTimeFormat::relative_data()
{
    QTest::addColumn<qint64>("secondsAgo"); // negative: in the future
    QTest::addColumn<QString>("expected");
    QTest::newRow("same instant") << qint64(0) << u"just now"_s;
    QTest::newRow("9 s ago") << qint64(9) << u"just now"_s;
    QTest::newRow("9 s ahead") << qint64(-9) << u"just now"_s;
    QTest::newRow("10 s") << qint64(10) << u"10 s ago"_s;
    QTest::newRow("45 s") << qint64(45) << u"45 s ago"_s;
    QTest::newRow("59 s") << qint64(59) << u"59 s ago"_s;
    QTest::newRow("1 min") << qint64(60) << u"1 min ago"_s;
    QTest::newRow("119 s is still 1 min") << qint64(119) << u"1 min ago"_s;
    QTest::newRow("3 min") << qint64(3 * 60 + 20) << u"3 min ago"_s;
    QTest::newRow("59 min") << qint64(3599) << u"59 min ago"_s;
    QTest::newRow("1 h") << qint64(3600) << u"1 h ago"_s;
    QTest::newRow("2 h") << qint64(2 * 3600 + 59 * 60) << u"2 h ago"_s;
    QTest::newRow("23 h") << qint64(24 * 3600 - 1) << u"23 h ago"_s;
    QTest::newRow("1 d") << qint64(24 * 3600) << u"1 d ago"_s;
    QTest::newRow("3 d") << qint64(3 * 24 * 3600 + 5 * 3600) << u"3 d ago"_s;
    QTest::newRow("400 d") << qint64(400 * 24 * 3600) << u"400 d ago"_s;
    QTest::newRow("in 30 s") << qint64(-30) << u"in 30 s"_s;
    QTest::newRow("in 1 min") << qint64(-60) << u"in 1 min"_s;
    QTest::newRow("in 2 min") << qint64(-150) << u"in 2 min"_s;
    QTest::newRow("in 5 h") << qint64(-5 * 3600) << u"in 5 h"_s;
    QTest::newRow("in 2 d") << qint64(-2 * 24 * 3600) << u"in 2 d"_s;
}

void TstTimeFormat::relative()
{
    QFETCH(qint64, secondsAgo);
    QFETCH(QString, expected);
    QCOMPARE(formatTime(Now.addSecs(-secondsAgo), Now, TimeDisplay::Relative), expected);
    // The zone a time comes in does not matter, only the instant.
    QCOMPARE(
        formatTime(Now.addSecs(-secondsAgo).toLocalTime(), Now, TimeDisplay::Relative), expected);
}

void TstTimeFormat::absolute_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<TimeDisplay>("mode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("winter local") << Now << TimeDisplay::Local << u"2026-11-21 14:03:07"_s;
    QTest::newRow("winter utc") << Now << TimeDisplay::Utc << u"2026-11-21 13:03:07 UTC"_s;
    const QDateTime summer(QDate(2026, 7, 1), QTime(23, 30, 0), Qt::UTC);
    QTest::newRow("summer local, next day")
        << summer << TimeDisplay::Local << u"2026-07-02 01:30:00"_s;
    QTest::newRow("summer utc") << summer << TimeDisplay::Utc << u"2026-07-01 23:30:00 UTC"_s;
    const QDateTime local(QDate(2026, 1, 5), QTime(0, 15, 0), Qt::LocalTime);
    QTest::newRow("local time in utc, previous day")
        << local << TimeDisplay::Utc << u"2026-01-04 23:15:00 UTC"_s;
    QTest::newRow("local time in local") << local << TimeDisplay::Local << u"2026-01-05 00:15:00"_s;
    const QDateTime offset(QDate(2026, 1, 5), QTime(9, 0, 0), Qt::OffsetFromUTC, -5 * 3600);
    QTest::newRow("offset time in utc")
        << offset << TimeDisplay::Utc << u"2026-01-05 14:00:00 UTC"_s;
}

void TstTimeFormat::absolute()
{
    QFETCH(QDateTime, time);
    QFETCH(TimeDisplay, mode);
    QFETCH(QString, expected);
    QCOMPARE(formatTime(time, Now, mode), expected);
    // Absolute modes do not look at "now".
    QCOMPARE(formatTime(time, QDateTime(), mode), expected);
}

void TstTimeFormat::invalid()
{
    for (const TimeDisplay mode : {TimeDisplay::Relative, TimeDisplay::Local, TimeDisplay::Utc})
        QCOMPARE(formatTime(QDateTime(), Now, mode), QString());
    QCOMPARE(formatTime(Now, QDateTime(), TimeDisplay::Relative), QString());
    QCOMPARE(formatAbsoluteTime(QDateTime()), QString());
}

void TstTimeFormat::absoluteToolTip()
{
    QCOMPARE(formatAbsoluteTime(Now),
        u"2026-11-21 14:03:07 local time (UTC+01:00)\n2026-11-21 13:03:07 UTC"_s);
    const QDateTime summer(QDate(2026, 7, 1), QTime(23, 30, 0), Qt::UTC);
    QCOMPARE(formatAbsoluteTime(summer.toOffsetFromUtc(-3 * 3600)),
        u"2026-07-02 01:30:00 local time (UTC+02:00)\n2026-07-01 23:30:00 UTC"_s);
}

void TstTimeFormat::duration_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown") << qint64(-1) << QString();
    QTest::newRow("very negative") << qint64(-86400000) << QString();
    QTest::newRow("zero") << qint64(0) << u"0 s"_s;
    QTest::newRow("under a second") << qint64(999) << u"0 s"_s;
    QTest::newRow("1 s") << qint64(1000) << u"1 s"_s;
    QTest::newRow("45 s") << qint64(45999) << u"45 s"_s;
    QTest::newRow("1 min") << qint64(60000) << u"1 min 00 s"_s;
    QTest::newRow("3 min 12 s") << qint64(192000) << u"3 min 12 s"_s;
    QTest::newRow("3 min 05 s") << qint64(185000) << u"3 min 05 s"_s;
    QTest::newRow("59 min 59 s") << qint64(3599999) << u"59 min 59 s"_s;
    QTest::newRow("1 h") << qint64(3600000) << u"1 h 00 min"_s;
    QTest::newRow("2 h 05 min") << qint64((2 * 3600 + 5 * 60 + 30) * 1000) << u"2 h 05 min"_s;
    QTest::newRow("23 h 59 min") << qint64(86399000) << u"23 h 59 min"_s;
    QTest::newRow("1 d") << qint64(86400000) << u"1 d 0 h"_s;
    QTest::newRow("3 d 4 h") << qint64((3 * 86400 + 4 * 3600 + 59 * 60) * 1000) << u"3 d 4 h"_s;
    QTest::newRow("100 d") << qint64(100) * 86400000 << u"100 d 0 h"_s;
}

void TstTimeFormat::duration()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(formatDuration(ms), expected);
}

void TstTimeFormat::keys()
{
    QSet<QString> keys;
    QSet<QString> names;
    for (const TimeDisplay mode : {TimeDisplay::Relative, TimeDisplay::Local, TimeDisplay::Utc}) {
        const QString key = timeDisplayKey(mode);
        QVERIFY(!key.isEmpty());
        const std::optional<TimeDisplay> back = timeDisplayFromKey(key);
        QVERIFY(back.has_value());
        QCOMPARE(*back, mode);
        keys.insert(key);
        names.insert(timeDisplayName(mode));
    }
    QCOMPARE(keys, (QSet<QString> {u"relative"_s, u"local"_s, u"utc"_s}));
    QCOMPARE(names.size(), 3);
    QVERIFY(!names.contains(QString()));
    QVERIFY(!timeDisplayFromKey(u"UTC"));
    QVERIFY(!timeDisplayFromKey(u""));
    QVERIFY(!timeDisplayFromKey(u"absolute"));
}

QTEST_GUILESS_MAIN(TstTimeFormat)
#include "tst_timeformat.moc"
