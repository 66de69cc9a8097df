#pragma once

namespace sw {

/// How often to poll what: the Poller's settings for every watch.
struct PollPolicy {
    /// false: every workflow, steps and all, every base interval (the naive way, kept for
    /// comparison in the benchmark).
    bool adaptive = true;
    /// Caps of the wait after failed polls, by what failed (PollBackoff). Throttling and
    /// server errors recover within a minute; an unreachable endpoint is looked at every two
    /// minutes at most; what waiting cannot fix (credentials, configuration) every five.
    int maxBackoffSeconds = 300;
    int serverErrorBackoffSeconds = 60;
    int unreachableBackoffSeconds = 120;
    /// At most this many pages per List call, so a runaway listing cannot starve the rest.
    int maxPages = 200;
};

} // namespace sw
