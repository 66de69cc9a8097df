#include "displaytime.h"

#include <QCoreApplication>

namespace sw {

namespace {

// The translation context shared with the views' time formats, in a form lupdate recognises.
struct TimeFormat {
    Q_DECLARE_TR_FUNCTIONS(sw::TimeFormat)
};

constexpr qint64 Minute = 60;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

} // namespace

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return {};
    const qint64 s = ms / 1000;
    const QLatin1Char zero('0');
    if (s < Minute)
        return TimeFormat::tr("%n s", nullptr, int(s));
    if (s < Hour)
        return TimeFormat::tr("%n min %1 s", nullptr, int(s / Minute)).arg(s % Minute, 2, 10, zero);
    if (s < Day)
        return TimeFormat::tr("%n h %1 min", nullptr, int(s / Hour))
            .arg(s % Hour / Minute, 2, 10, zero);
    return TimeFormat::tr("%n d %1 h", nullptr, int(s / Day)).arg(s % Day / Hour);
}

} // namespace sw
