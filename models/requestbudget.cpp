#include "requestbudget.h"

#include <algorithm>
#include <cmath>

namespace sw {

namespace {

// Never slower than one request in ten seconds per service and region, however often the
// service throttles: the dashboard must keep showing something.
constexpr double minimumRate = 0.1;
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
    m_rate = std::max(minimumRate, m_rate / 2);
    // The bucket's saved-up tokens were what got us throttled.
    m_tokens = std::min(m_tokens, 0.0);
}

void RequestBudget::onSuccess()
{
    m_rate = std::min(m_configuredRate, m_rate + m_configuredRate * recoveryStep);
}

} // namespace sw
