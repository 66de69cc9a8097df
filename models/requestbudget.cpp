#include "requestbudget.h"

#include <algorithm>
#include <cmath>

namespace sw {

namespace {

// The lowest rate anyone may configure.
constexpr double minimumRate = 0.1;
// Throttling scales the rate back by this factor, and never below the floor: the AWS SDKs'
// adaptive retry mode uses the same two numbers (BETA 0.7, MIN_FILL_RATE 0.5 requests/s), so
// however often the service throttles, the dashboard keeps showing something.
constexpr double throttleFactor = 0.7;
constexpr double minimumFillRate = 0.5;
// Each success recovers this fraction of the configured rate.
constexpr double recoveryStep = 0.05;

} // namespace

RequestBudget::RequestBudget(double ratePerSecond, double burst)
    : m_configuredRate(0), m_rate(0), m_burst(0), m_tokens(0)
{
    setRate(ratePerSecond, burst);
    m_tokens = m_burst;
}

void RequestBudget::setRate(double ratePerSecond, double burst)
{
    m_configuredRate = std::max(ratePerSecond, minimumRate);
    m_rate = m_configuredRate;
    m_burst = burst > 0 ? std::max(burst, 1.0) : std::max(m_configuredRate, 1.0);
    m_tokens = std::min(m_tokens, m_burst);
}

void RequestBudget::refill(qint64 nowMs)
{
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        m_tokens = std::min(m_burst, m_tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
    if (m_lastMs < 0 || nowMs > m_lastMs)
        m_lastMs = nowMs;
}

bool RequestBudget::tryTake(qint64 nowMs)
{
    refill(nowMs);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

void RequestBudget::forceTake(qint64 nowMs)
{
    refill(nowMs);
    m_tokens -= 1.0;
}

qint64 RequestBudget::msUntilAvailable(qint64 nowMs) const
{
    double tokens = m_tokens;
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        tokens = std::min(m_burst, tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
    if (tokens >= 1.0)
        return 0;
    return qint64(std::ceil((1.0 - tokens) * 1000.0 / m_rate));
}

void RequestBudget::onThrottled()
{
    m_rate = std::max(std::min(minimumFillRate, m_configuredRate), m_rate * throttleFactor);
    // The bucket's saved-up tokens were what got us throttled.
    m_tokens = std::min(m_tokens, 0.0);
}

void RequestBudget::onSuccess()
{
    m_rate = std::min(m_configuredRate, m_rate + m_configuredRate * recoveryStep);
}

} // namespace sw
