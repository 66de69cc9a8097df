#pragma once

#include "unifiedstatus.h"

#include <QString>

/// The QSettings keys of the dashboard, in one place so that saving and restoring cannot drift
/// apart (and tests can look at what was stored).
namespace sw::settingskeys {

inline const QString geometry = QStringLiteral("window/geometry");
inline const QString windowState = QStringLiteral("window/state");
// "v2": the columns were reordered (Reason after Status); a header saved with the old order
// would put them back where they were.
inline const QString tableHeader = QStringLiteral("workflows/header-v2");
inline const QString filters = QStringLiteral("workflows/filters");
inline const QString stepHeader = QStringLiteral("steps/header");
inline const QString stepSplitter = QStringLiteral("steps/splitter");
inline const QString timeDisplay = QStringLiteral("view/timeDisplay");
inline const QString readOnly = QStringLiteral("actions/readOnly");
inline const QString theme = QStringLiteral("view/theme");
/// Seconds one request attempt may take in all (default 60), read at start-up.
inline const QString attemptTimeout = QStringLiteral("network/attemptTimeoutSeconds");

inline QString notify(UnifiedStatus status)
{
    return QStringLiteral("notifications/") + statusKey(status);
}

} // namespace sw::settingskeys
