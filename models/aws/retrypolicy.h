#pragma once

#include <QtGlobal>

namespace sw::aws {

/// The AWS SDKs' "standard" retry mode: up to maxAttempts attempts (3 unless
/// AWS_MAX_ATTEMPTS / max_attempts say otherwise), exponential backoff with full jitter
/// capped at 20 s, and a client-wide retry quota so that an outage does not turn every call
/// into three (500 tokens; a retry costs 5, a retry after a timeout 10; a success returns what
/// its retries took, or 1 when it needed none).
class RetryQuota final {
public:
    static constexpr int initialTokens = 500;
    static constexpr int retryCost = 5;
    static constexpr int timeoutRetryCost = 10;
    static constexpr int noRetryIncrement = 1;

    /// Takes the cost of one more retry; false (and nothing taken) when the quota is spent.
    bool acquire(bool afterTimeout);
    /// A call succeeded; `spent` is what its retries acquired.
    void release(int spent);
    int available() const { return m_tokens; }

private:
    int m_tokens = initialTokens;
};

struct RetryPolicy {
    /// The most attempts a configuration may ask for; more is used as this, with a warning.
    static constexpr int MaxAttemptsLimit = 20;

    int maxAttempts = 3;
    /// The unit of backoff: attempt n waits random(0,1) * min(base * 2^(n-1), maxBackoff).
    /// One second in the SDKs; tests shrink it.
    int baseDelayMs = 1000;
    int maxBackoffMs = 20000;

    /// Delay before attempt `nextAttempt` (2, 3, ...), given a uniform random number in [0,1).
    int backoffMs(int nextAttempt, double random01) const;
};

} // namespace sw::aws
