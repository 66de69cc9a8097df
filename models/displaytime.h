#pragma once

#include <QDateTime>
#include <QString>

namespace sw {

/// A time as every model shows it: local time to the second, since operators compare step
/// times with each other and with their logs. Empty for an invalid time.
inline QString displayTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QString();
}

/// A duration as the dashboard shows it: "45 s", "3 min 12 s", "2 h 05 min", "3 d 4 h"; empty
/// for a negative (unknown) duration. Translated in the context "sw::TimeFormat".
QString formatDuration(qint64 ms);

} // namespace sw
