#include "timeformat.h"

#include <QCoreApplication>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

constexpr qint64 Minute = 60;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
/// Below this a poll interval's worth of difference (or a skewed server clock) is not worth
/// a number.
constexpr qint64 JustNowSeconds = 10;

// The translation context of this file ("sw::TimeFormat"), in a form lupdate recognises.
struct TimeFormat {
    Q_DECLARE_TR_FUNCTIONS(sw::TimeFormat)
};

QString stamp(const QDateTime &t)
{
    return t.toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString utcOffset(const QDateTime &local)
{
    const int offset = local.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return u"UTC%1%2:%3"_s.arg(QLatin1Char(offset < 0 ? '-' : '+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// The unit is chosen by the magnitude and the count truncated, so "1 min ago" lasts a full
// minute instead of rounding up to "2 min" after 90 s.
QString relative(qint64 seconds)
{
    const bool future = seconds < 0;
    const qint64 s = future ? -seconds : seconds;
    if (s < JustNowSeconds)
        return TimeFormat::tr("just now");
    if (s < Minute)
        return future ? TimeFormat::tr("in %n s", nullptr, int(s))
                      : TimeFormat::tr("%n s ago", nullptr, int(s));
    if (s < Hour)
        return future ? TimeFormat::tr("in %n min", nullptr, int(s / Minute))
                      : TimeFormat::tr("%n min ago", nullptr, int(s / Minute));
    if (s < Day)
        return future ? TimeFormat::tr("in %n h", nullptr, int(s / Hour))
                      : TimeFormat::tr("%n h ago", nullptr, int(s / Hour));
    return future ? TimeFormat::tr("in %n d", nullptr, int(s / Day))
                  : TimeFormat::tr("%n d ago", nullptr, int(s / Day));
}

} // namespace

QString formatTime(const QDateTime &t, const QDateTime &now, TimeDisplay mode)
{
    if (!t.isValid())
        return {};
    switch (mode) {
    case TimeDisplay::Relative:
        return now.isValid() ? relative(t.secsTo(now)) : QString();
    case TimeDisplay::Local:
        return displayTime(t);
    case TimeDisplay::Utc:
        return TimeFormat::tr("%1 UTC").arg(stamp(t.toUTC()));
    }
    return {};
}

QString formatAbsoluteTime(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    const QDateTime local = t.toLocalTime();
    return TimeFormat::tr("%1 local time (%2)\n%3 UTC")
        .arg(stamp(local), utcOffset(local), stamp(t.toUTC()));
}

// Two units at most: the smaller one is a fixed-width field ("05 min") so a column of
// durations lines up; only the leading number takes a plural form.
QString timeDisplayKey(TimeDisplay mode)
{
    switch (mode) {
    case TimeDisplay::Relative:
        return u"relative"_s;
    case TimeDisplay::Local:
        return u"local"_s;
    case TimeDisplay::Utc:
        return u"utc"_s;
    }
    return {};
}

std::optional<TimeDisplay> timeDisplayFromKey(QStringView key)
{
    for (const TimeDisplay mode : {TimeDisplay::Relative, TimeDisplay::Local, TimeDisplay::Utc}) {
        if (key == timeDisplayKey(mode))
            return mode;
    }
    return std::nullopt;
}

QString timeDisplayName(TimeDisplay mode)
{
    switch (mode) {
    case TimeDisplay::Relative:
        return TimeFormat::tr("Relative (3 min ago)");
    case TimeDisplay::Local:
        return TimeFormat::tr("Local time");
    case TimeDisplay::Utc:
        return TimeFormat::tr("UTC");
    }
    return {};
}

} // namespace sw
