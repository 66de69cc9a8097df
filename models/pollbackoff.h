#pragma once

#include "pollpolicy.h"

#include <QtGlobal>

namespace sw {

namespace aws {
struct AwsError;
}

/// How long a watch waits after a failed poll, by what failed. A poll has already been
/// retried inside the call (the SDKs' standard mode) before it counts as failed, so this is
/// the wait between polls:
/// - throttled: the shared request budget is what slows the fleet down, so the watch itself
///   waits one base interval, then two — never more, so no watch starves while the budget
///   has room (and within the server-error cap, unless the interval itself is longer);
/// - a 5xx or a reply that could not be read: exponential from the base interval, capped at
///   a minute;
/// - the endpoint cannot be reached (refused, DNS, timeout): exponential, capped at two
///   minutes;
/// - what waiting cannot fix (credentials, configuration, TLS): exponential, capped at five.
/// Each wait is jittered (down to half; a throttled one up by a quarter, within its cap, so it
/// never comes sooner than the watch's own interval), so watches that failed together do not
/// retry together.
/// Pure: the random number is passed in.
struct PollBackoff {
    enum class Failure { Throttled, ServerError, Unreachable, NeedsFixing };

    static Failure classify(const aws::AwsError &error);
    /// The wait before the next poll after `consecutiveFailures` (>= 1) failed polls in a row
    /// of kind `failure` (the watch counts a streak of one kind, so throttles in between do
    /// not lengthen a server error's wait); `random01` in [0, 1).
    static qint64 delayMs(Failure failure, int consecutiveFailures, qint64 baseIntervalMs,
        const PollPolicy &policy, double random01);
    /// The longest delayMs() can be for `failure`.
    static qint64 capMs(Failure failure, qint64 baseIntervalMs, const PollPolicy &policy);
};

} // namespace sw
