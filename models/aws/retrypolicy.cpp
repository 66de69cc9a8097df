#include "retrypolicy.h"

#include <algorithm>
#include <cmath>

namespace sw::aws {

bool RetryQuota::acquire(bool afterTimeout)
{
    const int cost = afterTimeout ? timeoutRetryCost : retryCost;
    if (m_tokens < cost)
        return false;
    m_tokens -= cost;
    return true;
}

void RetryQuota::release(int spent)
{
    m_tokens = std::min(initialTokens, m_tokens + (spent > 0 ? spent : noRetryIncrement));
}

int RetryPolicy::backoffMs(int nextAttempt, double random01) const
{
    const int exponent = std::clamp(nextAttempt - 2, 0, 30);
    const double cap = std::min(static_cast<double>(maxBackoffMs),
        static_cast<double>(baseDelayMs) * std::pow(2.0, exponent));
    return static_cast<int>(std::clamp(random01, 0.0, 1.0) * cap);
}

} // namespace sw::aws
