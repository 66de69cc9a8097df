#include "pollbackoff.h"

#include "aws/awserror.h"

#include <algorithm>

namespace sw {

PollBackoff::Failure PollBackoff::classify(const aws::AwsError &error)
{
    using aws::ErrorKind;
    switch (error.kind) {
    case ErrorKind::Network:
    case ErrorKind::Timeout:
        return Failure::Unreachable;
    case ErrorKind::Service:
        if (aws::isThrottlingError(error))
            return Failure::Throttled;
        if (error.httpStatus >= 500)
            return Failure::ServerError;
        return Failure::NeedsFixing;
    case ErrorKind::Malformed:
    case ErrorKind::Pagination:
    case ErrorKind::Aborted:
    case ErrorKind::None:
        return Failure::ServerError;
    case ErrorKind::Validation:
    case ErrorKind::Configuration:
    case ErrorKind::Credentials:
    case ErrorKind::Tls:
        return Failure::NeedsFixing;
    }
    return Failure::NeedsFixing;
}

qint64 PollBackoff::capMs(Failure failure, qint64 baseIntervalMs, const PollPolicy &policy)
{
    const qint64 serverCap = qint64(policy.serverErrorBackoffSeconds) * 1000;
    switch (failure) {
    case Failure::Throttled:
        // Two intervals, within the minute; but never sooner than the watch would poll anyway:
        // being throttled must not make a slow watch poll faster.
        return std::max(std::min(serverCap, 2 * std::max<qint64>(baseIntervalMs, 1)),
            std::max<qint64>(baseIntervalMs, 1));
    case Failure::ServerError:
        return serverCap;
    case Failure::Unreachable:
        return qint64(policy.unreachableBackoffSeconds) * 1000;
    case Failure::NeedsFixing:
        return qint64(policy.maxBackoffSeconds) * 1000;
    }
    return serverCap;
}

qint64 PollBackoff::delayMs(Failure failure, int consecutiveFailures, qint64 baseIntervalMs,
    const PollPolicy &policy, double random01)
{
    const int n = std::clamp(consecutiveFailures, 1, 30);
    const double base = double(std::max<qint64>(baseIntervalMs, 1));
    const double cap = double(capMs(failure, baseIntervalMs, policy));
    const double wait = std::min(cap, base * double(qint64(1) << (n - 1)));
    const double r = std::clamp(random01, 0.0, 1.0);
    // Throttled watches spread out above the wait (never sooner than their interval); the
    // others below it, down to half.
    const double jittered = failure == Failure::Throttled ? std::min(cap, wait * (1.0 + 0.25 * r))
                                                          : wait * (0.5 + 0.5 * r);
    return std::max<qint64>(1, qint64(jittered));
}

} // namespace sw
