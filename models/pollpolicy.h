#pragma once

namespace sw {

/// How often to poll what: the Poller's settings for every watch.
struct PollPolicy {
    /// false: every workflow, steps and all, every base interval (the naive way, kept for
    /// comparison in the benchmark).
    bool adaptive = true;
    /// Cap for the backoff after failures.
    int maxBackoffSeconds = 300;
    /// At most this many pages per List call, so a runaway listing cannot starve the rest.
    int maxPages = 200;
};

} // namespace sw
