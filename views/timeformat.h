#pragma once

#include "displaytime.h" // formatDuration, shared with the models

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

/// How the dashboard writes times and durations: relative ("3 min ago") for the fleet at a
/// glance, local or UTC to the second when comparing with logs and the AWS console. Pure
/// functions of their arguments (the caller passes "now"), so every branch is table-tested, and
/// the operator's choice has a stable settings key.
namespace sw {

enum class TimeDisplay { Relative, Local, Utc };

/// `t` as `mode` shows it: "just now", "45 s ago", "3 min ago", "2 h ago", "3 d ago", "in 2 min"
/// (Relative, against `now`); "2026-11-21 14:03:07" (Local); "2026-11-21 13:03:07 UTC" (Utc).
/// Empty for an invalid `t`, or an invalid `now` in Relative mode.
QString formatTime(const QDateTime &t, const QDateTime &now, TimeDisplay mode);
/// Both absolute forms of `t` on two lines (local with its UTC offset, then UTC), for tool
/// tips. Empty for an invalid time.
QString formatAbsoluteTime(const QDateTime &t);

/// "relative", "local", "utc": the value stored in the settings.
QString timeDisplayKey(TimeDisplay mode);
std::optional<TimeDisplay> timeDisplayFromKey(QStringView key);
/// The mode as a menu names it ("Relative (3 min ago)"), translated.
QString timeDisplayName(TimeDisplay mode);

} // namespace sw
