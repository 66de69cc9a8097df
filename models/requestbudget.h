#pragma once

#include <QtGlobal>

namespace sw {

/// A token bucket: `rate` requests per second on average, at most `burst` at once. One is
/// shared by every watch of the same service and region, so a large fleet spreads its polls
/// instead of tripping the service's throttling. A throttling reply scales the rate back to
/// 70 % (never below 0.5 requests/s, as the SDKs' adaptive mode) and each success wins a
/// little back, so the fleet settles just under what the service will take and recovers by
/// itself. Pure: time is passed in (ms).
class RequestBudget final {
public:
    explicit RequestBudget(double ratePerSecond = 5.0, double burst = -1);

    double configuredRate() const { return m_configuredRate; }
    double currentRate() const { return m_rate; }
    double burst() const { return m_burst; }
    void setRate(double ratePerSecond, double burst = -1);

    /// Takes a token if one is available now.
    bool tryTake(qint64 nowMs);
    /// Takes a token even if none is available (operator actions must never wait behind
    /// polls); polls then wait until the debt is paid.
    void forceTake(qint64 nowMs);
    /// Milliseconds until tryTake() can succeed (0 if it can now).
    qint64 msUntilAvailable(qint64 nowMs) const;

    /// The service throttled us: slow down.
    void onThrottled();
    /// A request went through: recover towards the configured rate.
    void onSuccess();

private:
    void refill(qint64 nowMs);

    double m_configuredRate;
    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = -1;
};

} // namespace sw
