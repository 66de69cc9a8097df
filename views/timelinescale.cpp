#include "timelinescale.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 Week = 7 * Day;

// Every rung below a day divides a day, so wall-clock multiples of it line up with midnight.
constexpr qint64 Ladder[] = {Second, 2 * Second, 5 * Second, 10 * Second, 15 * Second, 30 * Second,
    Minute, 2 * Minute, 5 * Minute, 10 * Minute, 15 * Minute, 30 * Minute, Hour, 2 * Hour, 3 * Hour,
    6 * Hour, 12 * Hour, Day, 2 * Day, Week};

// An axis is a few dozen ticks; this only stops a silly range from looping for long.
constexpr int MaxTicks = 10000;

double clampedResolution(double msPerPixel)
{
    if (!std::isfinite(msPerPixel))
        return TimelineScale::MaxMsPerPixel;
    return std::clamp(msPerPixel, TimelineScale::MinMsPerPixel, TimelineScale::MaxMsPerPixel);
}

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

TimelineScale::TimelineScale(qint64 originMs, double msPerPixel)
    : m_origin(double(originMs)), m_msPerPixel(clampedResolution(msPerPixel))
{
}

TimelineScale TimelineScale::make(double origin, double msPerPixel)
{
    TimelineScale s;
    s.m_origin = origin;
    s.m_msPerPixel = clampedResolution(msPerPixel);
    return s;
}

TimelineScale TimelineScale::fit(qint64 startMs, qint64 endMs, int widthPx, int marginPx)
{
    const qint64 span = endMs > startMs ? endMs - startMs : Minute;
    int margin = std::max(marginPx, 0);
    if (widthPx - 2 * margin < 1)
        margin = 0;
    const int usable = std::max(widthPx - 2 * margin, 1);
    const double msPerPixel = clampedResolution(double(span) / usable);
    return make(double(startMs) - margin * msPerPixel, msPerPixel);
}

qint64 TimelineScale::tickStep(double msPerPixel, double minSpacingPx)
{
    const double needed = std::max(minSpacingPx, 1.0) * clampedResolution(msPerPixel);
    for (const qint64 step : Ladder) {
        if (double(step) >= needed)
            return step;
    }
    return Week * qint64(std::ceil(needed / double(Week)));
}

qint64 TimelineScale::originMs() const
{
    return qRound64(m_origin);
}

qint64 TimelineScale::timeForX(double x) const
{
    return qRound64(m_origin + x * m_msPerPixel);
}

TimelineScale TimelineScale::zoomedAt(double x, double factor) const
{
    if (!(factor > 0) || !std::isfinite(factor))
        return *this;
    const double anchor = m_origin + x * m_msPerPixel;
    const double msPerPixel = clampedResolution(m_msPerPixel / factor);
    return make(anchor - x * msPerPixel, msPerPixel);
}

TimelineScale TimelineScale::panned(double dx) const
{
    return make(m_origin - dx * m_msPerPixel, m_msPerPixel);
}

QList<TimelineScale::Tick> TimelineScale::ticks(
    double fromX, double toX, double minSpacingPx, Qt::TimeSpec spec) const
{
    QList<Tick> out;
    if (!(toX >= fromX))
        return out;
    if (spec != Qt::UTC)
        spec = Qt::LocalTime;
    const qint64 step = tickStep(m_msPerPixel, minSpacingPx);
    const qint64 first = qint64(std::floor(m_origin + fromX * m_msPerPixel));
    const qint64 last = qint64(std::ceil(m_origin + toX * m_msPerPixel));
    const QLocale locale;

    auto add = [&](const QDateTime &at, bool midnight) {
        const qint64 ms = at.toMSecsSinceEpoch();
        const double x = xForTime(ms);
        if (x < fromX || x > toX)
            return;
        // A wall time that a DST change skips lands on one that exists: keep the spacing.
        if (!out.isEmpty() && ms - out.constLast().ms < std::min(step, Day - Hour))
            return;
        const QString format = midnight ? u"MMM d"_s : step < Minute ? u"HH:mm:ss"_s : u"HH:mm"_s;
        out.append({ms, x, locale.toString(at, format), midnight});
    };

    const QDateTime firstAt = QDateTime::fromMSecsSinceEpoch(first, spec);
    if (step < Day) {
        // Walk the wall clock in steps and map each wall time back to an instant, so ticks sit
        // on round local times whatever the UTC offset (half-hour zones, DST).
        const qint64 offset = qint64(firstAt.offsetFromUtc()) * Second;
        qint64 wall = floorDiv(first + offset, step) * step;
        for (int i = 0; i < MaxTicks; ++i, wall += step) {
            const QDateTime fields = QDateTime::fromMSecsSinceEpoch(wall, Qt::UTC);
            const QDateTime at(fields.date(), fields.time(), spec);
            if (at.toMSecsSinceEpoch() > last)
                break;
            add(at, fields.time() == QTime(0, 0));
        }
    } else {
        const qint64 days = step / Day;
        // Julian day 0 is a Monday, so multiples of 7 days start on Mondays.
        QDate date = firstAt.date();
        date = date.addDays(-(date.toJulianDay() % days));
        for (int i = 0; i < MaxTicks; ++i, date = date.addDays(days)) {
            const QDateTime at(date, QTime(0, 0), spec);
            if (at.toMSecsSinceEpoch() > last)
                break;
            add(at, true);
        }
    }
    return out;
}

} // namespace sw
