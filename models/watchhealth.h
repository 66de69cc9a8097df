#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace sw {

/// How a watch is doing, for the Sources pane, the freshness banner and the status bar:
/// whether its last requests worked, and if not, what the last error said (AWS error code and
/// message, or what to fix locally) and since when; and what the poller does next.
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
    /// The last failure was the service throttling us (the shared budget is slowed).
    bool throttled = false;
    /// When `state` became what it is (UTC); invalid before the first answer.
    QDateTime since;
    QDateTime lastSuccess;
    QDateTime lastAttempt;
    /// When the next poll goes out (UTC); invalid while one is under way or polling is paused.
    QDateTime nextPoll;
    /// The next poll is a retry after failed ones (the watch is backing off).
    bool retrying = false;
    /// A poll is under way (its requests are in flight or waiting for the request budget).
    bool polling = false;
    /// The poll under way waits for a token of the shared request budget.
    bool waitingForBudget = false;
    int consecutiveFailures = 0;
    bool paused = false;
    int workflowCount = 0;
    /// Workflows the watch names that the service does not know: the watch is Degraded, but
    /// what it shows of the others is live.
    QStringList missingIds;
    /// The region the watch's requests go to once resolved (from the watch, the environment
    /// or the profile); empty before the first poll or when unknown.
    QString region;

    /// "OK", "Degraded", ... translated.
    static QString stateName(State state);
    /// Healthy: the rows of the watch show live data.
    bool isLive() const { return state == State::Ok && !paused; }

    friend bool operator==(const WatchHealth &a, const WatchHealth &b)
    {
        return a.state == b.state && a.lastError == b.lastError
            && a.lastErrorCode == b.lastErrorCode && a.throttled == b.throttled
            && a.since == b.since && a.lastSuccess == b.lastSuccess
            && a.lastAttempt == b.lastAttempt && a.nextPoll == b.nextPoll
            && a.retrying == b.retrying && a.polling == b.polling
            && a.waitingForBudget == b.waitingForBudget
            && a.consecutiveFailures == b.consecutiveFailures && a.paused == b.paused
            && a.workflowCount == b.workflowCount && a.region == b.region
            && a.missingIds == b.missingIds;
    }
    friend bool operator!=(const WatchHealth &a, const WatchHealth &b) { return !(a == b); }
};

} // namespace sw

Q_DECLARE_METATYPE(sw::WatchHealth)
