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

} // namespace sw
