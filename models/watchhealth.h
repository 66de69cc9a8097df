#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace sw {

/// How a watch is doing, for the Sources pane: whether its last requests worked, and if not,
/// what the last error said (AWS error code and message, or what to fix locally).
struct WatchHealth {
    enum class State : quint8 {
        Starting, ///< nothing answered yet
        Ok,
        Degraded, ///< some requests fail (throttled, 5xx, a malformed reply); retrying
        Offline, ///< the service cannot be reached (network, DNS, TLS, timeouts)
        AuthError, ///< credentials missing, expired or refused
        ConfigError, ///< the watch or the AWS config cannot work as set up (region, scope)
    };

    State state = State::Starting;
    QString lastError; ///< the full text, e.g. "An error occurred (ThrottlingException) ..."
    QString lastErrorCode; ///< AWS error code where the service sent one
    QDateTime lastSuccess;
    QDateTime lastAttempt;
    QDateTime nextPoll;
    int consecutiveFailures = 0;
    bool paused = false;
    int workflowCount = 0;

    /// "OK", "Degraded", ... translated.
    static QString stateName(State state);

    friend bool operator==(const WatchHealth &a, const WatchHealth &b)
    {
        return a.state == b.state && a.lastError == b.lastError
            && a.lastErrorCode == b.lastErrorCode && a.lastSuccess == b.lastSuccess
            && a.lastAttempt == b.lastAttempt && a.nextPoll == b.nextPoll
            && a.consecutiveFailures == b.consecutiveFailures && a.paused == b.paused
            && a.workflowCount == b.workflowCount;
    }
    friend bool operator!=(const WatchHealth &a, const WatchHealth &b) { return !(a == b); }
};

} // namespace sw

Q_DECLARE_METATYPE(sw::WatchHealth)
