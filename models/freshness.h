#pragma once

#include "watch.h"
#include "watchhealth.h"

#include <QDateTime>
#include <QString>

namespace sw {

/// How fresh the rows of a watch are allowed to be, and why they are not when its polling is
/// in trouble: what the workflow table needs to tell live data from stale. Rows of a watch
/// that is not live (offline, degraded, throttled, refused, misconfigured, paused, not yet
/// answered) are stale whatever their age; rows of a live watch are stale once their last
/// confirmation is older than twice their expected interval, and never younger than a minute
/// (a busy request budget delays polls a little without anything being wrong).
struct WatchFreshness {
    bool live = true;
    /// One line for tool tips and the banner, e.g. "Offline since 14:02:11: connection
    /// refused"; empty while live.
    QString problem;
    /// When the trouble began (UTC); invalid while live.
    QDateTime since;
    /// How often a running / a finished workflow of the watch is confirmed normally.
    qint64 runningIntervalMs = 5000;
    qint64 finishedIntervalMs = 60000;

    /// The age past which a row is stale on a live watch.
    qint64 staleAfterMs(bool finished) const;

    friend bool operator==(const WatchFreshness &a, const WatchFreshness &b)
    {
        return a.live == b.live && a.problem == b.problem && a.since == b.since
            && a.runningIntervalMs == b.runningIntervalMs
            && a.finishedIntervalMs == b.finishedIntervalMs;
    }
    friend bool operator!=(const WatchFreshness &a, const WatchFreshness &b) { return !(a == b); }
};

namespace freshness {

/// The freshness of `watch`'s rows given its health and whether all polling is paused.
WatchFreshness of(const Watch &watch, const WatchHealth &health, bool globallyPaused);

/// "as of 14:02:11 (3 min ago)": local time to the second and the age against `now`.
QString asOf(const QDateTime &confirmedAt, const QDateTime &now);
/// "2 min", "45 s": an age for "since" texts.
QString age(const QDateTime &then, const QDateTime &now);
/// Whole seconds from `now` until `when`, rounded up, never below zero: what "in N s" says
/// of a poll to come, so it never names a time that has passed.
int secondsUntil(const QDateTime &when, const QDateTime &now);

/// What is wrong with the watch's polling, in one sentence for the banner, e.g. "Demo · MHO is
/// offline since 14:02:11 (3 min): connection refused". Empty while it is live.
QString problemSentence(
    const Watch &watch, const WatchHealth &health, bool globallyPaused, const QDateTime &now);

} // namespace freshness

} // namespace sw
