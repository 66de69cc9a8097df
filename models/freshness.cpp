#include "freshness.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

// The context of these texts for the translators.
struct Freshness {
    Q_DECLARE_TR_FUNCTIONS(sw::Freshness)
};

QString clockTime(const QDateTime &time)
{
    return time.toLocalTime().toString(u"HH:mm:ss"_s);
}

// The error as the operator needs it: the service's text without the "An error occurred"
// preamble is still long; the first line is enough for a banner.
QString firstLine(const QString &text)
{
    const QString line = text.section(u'\n', 0, 0).trimmed();
    return line.size() > 200 ? line.left(199) + u'…' : line;
}

} // namespace

qint64 WatchFreshness::staleAfterMs(bool finished) const
{
    const qint64 expected = finished ? finishedIntervalMs : runningIntervalMs;
    return std::max<qint64>(2 * expected, 60000);
}

namespace freshness {

WatchFreshness of(const Watch &watch, const WatchHealth &health, bool globallyPaused)
{
    WatchFreshness f;
    f.runningIntervalMs = qint64(std::max(1, watch.intervalSeconds)) * 1000;
    // A finished workflow's status is confirmed by every discovery (the List calls), or by
    // its own rare poll when the watch names its workflows. A CodeCatalyst row's status is its
    // latest run's, which only the runs poll reads.
    f.finishedIntervalMs = qint64(std::max(1,
                               watch.discovers() && watch.service != Service::CodeCatalyst
                                   ? watch.discoveryIntervalSeconds
                                   : watch.terminalIntervalSeconds))
        * 1000;
    const bool paused = globallyPaused || watch.paused || health.paused;
    // A watch degraded only because some ids it names do not exist still polls the rest.
    const bool onlyMissing = health.state == WatchHealth::State::Degraded
        && !health.missingIds.isEmpty() && health.consecutiveFailures == 0;
    f.live = (health.state == WatchHealth::State::Ok || onlyMissing) && !paused;
    if (f.live)
        return f;
    f.since = health.since;
    const QString since = health.since.isValid()
        ? Freshness::tr(" since %1").arg(clockTime(health.since))
        : QString();
    const QString error = firstLine(health.lastError);
    auto withError = [&error](const QString &text) {
        return error.isEmpty() ? text : text + u": "_s + error;
    };
    if (paused) {
        f.problem = Freshness::tr("Polling paused");
        return f;
    }
    switch (health.state) {
    case WatchHealth::State::Starting:
        f.problem = Freshness::tr("Not polled yet");
        break;
    case WatchHealth::State::Ok:
        break;
    case WatchHealth::State::Degraded:
        f.problem = health.throttled ? withError(Freshness::tr("Throttled by AWS%1").arg(since))
                                     : withError(Freshness::tr("Degraded%1").arg(since));
        break;
    case WatchHealth::State::Offline:
        f.problem = withError(Freshness::tr("Offline%1").arg(since));
        break;
    case WatchHealth::State::AuthError:
        f.problem = withError(Freshness::tr("Sign-in failed%1").arg(since));
        break;
    case WatchHealth::State::ConfigError:
        f.problem = withError(Freshness::tr("Configuration error%1").arg(since));
        break;
    }
    return f;
}

QString age(const QDateTime &then, const QDateTime &now)
{
    const qint64 s = std::max<qint64>(0, then.secsTo(now));
    if (s < 60)
        return Freshness::tr("%n s", nullptr, int(s));
    if (s < 3600)
        return Freshness::tr("%n min", nullptr, int(s / 60));
    if (s < 86400)
        return Freshness::tr("%n h", nullptr, int(s / 3600));
    return Freshness::tr("%n d", nullptr, int(s / 86400));
}

int secondsUntil(const QDateTime &when, const QDateTime &now)
{
    const qint64 ms = now.msecsTo(when);
    return int(std::clamp<qint64>((ms + 999) / 1000, 0, std::numeric_limits<int>::max()));
}

QString asOf(const QDateTime &confirmedAt, const QDateTime &now)
{
    if (!confirmedAt.isValid())
        return Freshness::tr("never confirmed by a poll");
    return Freshness::tr("as of %1 (%2 ago)").arg(clockTime(confirmedAt), age(confirmedAt, now));
}

QString problemSentence(
    const Watch &watch, const WatchHealth &health, bool globallyPaused, const QDateTime &now)
{
    const WatchFreshness f = of(watch, health, globallyPaused);
    if (f.live)
        return {};
    const QString name = watch.displayName();
    const bool paused = globallyPaused || watch.paused || health.paused;
    if (paused)
        return Freshness::tr("%1: polling is paused; its rows show the last poll.").arg(name);
    const QString since = health.since.isValid()
        ? Freshness::tr(" since %1 (%2)").arg(clockTime(health.since), age(health.since, now))
        : QString();
    const QString error = firstLine(health.lastError);
    QString what;
    switch (health.state) {
    case WatchHealth::State::Starting:
        return Freshness::tr("%1: waiting for the first answer.").arg(name);
    case WatchHealth::State::Ok:
        return {};
    case WatchHealth::State::Degraded:
        what = health.throttled ? Freshness::tr("%1 is throttled by AWS%2").arg(name, since)
                                : Freshness::tr("%1 is degraded%2").arg(name, since);
        break;
    case WatchHealth::State::Offline:
        what = Freshness::tr("%1 is offline%2").arg(name, since);
        break;
    case WatchHealth::State::AuthError:
        what = Freshness::tr("%1 cannot sign in%2").arg(name, since);
        break;
    case WatchHealth::State::ConfigError:
        what = Freshness::tr("%1 has a configuration error%2").arg(name, since);
        break;
    }
    return error.isEmpty() ? what + u'.' : what + u": "_s + error;
}

} // namespace freshness

} // namespace sw
