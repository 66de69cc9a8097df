// What the Sources tree says of a node: its name, health and count, its tool tip, where a
// group's watches send their requests and when a watch polls next. The tree itself (merging,
// indexes) is in sourcesmodel.cpp.
#include "sourcesmodel.h"

#include "displaytime.h"
#include "freshness.h"
#include "poller.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

constexpr WatchHealth::State allStates[] = {WatchHealth::State::ConfigError,
    WatchHealth::State::AuthError, WatchHealth::State::Offline, WatchHealth::State::Degraded,
    WatchHealth::State::Starting, WatchHealth::State::Ok};

QString line(const QString &label, const QString &value)
{
    return u"%1: %2"_s.arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

// Where a watch's requests go, as the group shows it: an endpoint URL (the simulator, a
// proxy) is told apart by host and port, which is what differs between two of them.
QString SourcesModel::whereOf(const Watch &watch)
{
    if (!watch.endpointUrl.isEmpty()) {
        const QUrl url(watch.endpointUrl);
        if (url.host().isEmpty())
            return watch.endpointUrl;
        return url.port() < 0 ? url.host() : u"%1:%2"_s.arg(url.host()).arg(url.port());
    }
    return watch.region;
}

QVariant SourcesModel::displayData(const Node *node, int column) const
{
    switch (column) {
    case NameColumn:
        switch (node->kind) {
        case ServiceRow:
            return serviceDisplayName(node->service);
        case GroupRow:
            return groupText(node);
        case WatchRow:
            return node->watch.displayName();
        }
        return {};
    case HealthColumn: {
        const Summary summary = summarize(node);
        return summary.paused == summary.ids.size() ? tr("Paused")
                                                    : WatchHealth::stateName(summary.worst);
    }
    case WorkflowsColumn: {
        // Before the first answer there is no count yet, and 0 would be a claim.
        const Summary summary = summarize(node);
        if (summary.workflows == 0 && summary.worst == WatchHealth::State::Starting)
            return QString();
        return summary.workflows;
    }
    default:
        return {};
    }
}

QString SourcesModel::groupText(const Node *group) const
{
    if (group->children.empty())
        return group->label;
    const Watch &w = group->children.front()->watch;
    const QString profile = w.profile.isEmpty() ? tr("default") : w.profile;
    // Where the requests really go: the watch's region, else the one the poller resolved
    // from the environment or the profile.
    QString region = w.region;
    for (size_t i = 0; region.isEmpty() && i < group->children.size(); ++i)
        region = m_health.value(group->children[i]->key).region;
    if (w.endpointUrl.isEmpty())
        return tr("%1 · %2").arg(profile, region.isEmpty() ? tr("profile's region") : region);
    if (region.isEmpty())
        return tr("%1 · %2").arg(profile, whereOf(w));
    return tr("%1 · %2 · %3").arg(profile, region, whereOf(w));
}

// The next poll as the operator needs it: when, or that the watch is retrying after failures,
// never a time that has passed.
QString SourcesModel::nextPollText(const WatchHealth &h, bool paused)
{
    if (paused)
        return tr("paused");
    if (h.polling)
        return h.waitingForBudget ? tr("waiting for the request budget") : tr("under way");
    if (!h.nextPoll.isValid())
        return tr("not scheduled");
    const int seconds = freshness::secondsUntil(h.nextPoll, QDateTime::currentDateTimeUtc());
    if (h.retrying) {
        return tr("retrying in %n s", nullptr, seconds) + u' '
            + tr("(after %n failed poll(s))", nullptr, h.consecutiveFailures);
    }
    return seconds == 0 ? tr("now") : tr("in %n s", nullptr, seconds);
}

// Rich text, so a long AWS error message wraps in the tool tip instead of running off screen.
QString SourcesModel::toolTip(const Node *node) const
{
    QStringList lines;
    if (node->kind == WatchRow) {
        // The poller's health as of now: the cached copy's next poll may have passed.
        const WatchHealth h = m_poller && m_poller->hasWatch(node->key)
            ? m_poller->health(node->key)
            : m_health.value(node->key);
        const bool paused = node->watch.paused || h.paused;
        lines << u"<b>%1</b>"_s.arg(node->watch.displayName().toHtmlEscaped());
        lines << line(tr("Health"),
            paused ? tr("%1 (paused)").arg(WatchHealth::stateName(h.state))
                   : WatchHealth::stateName(h.state));
        if (!h.lastError.isEmpty()) {
            lines << line(tr("Last error"),
                h.lastErrorCode.isEmpty() || h.lastError.contains(h.lastErrorCode)
                    ? h.lastError
                    : u"%1: %2"_s.arg(h.lastErrorCode, h.lastError));
        }
        if (h.state != WatchHealth::State::Ok && h.since.isValid())
            lines << line(tr("Since"), displayTime(h.since));
        lines << line(
            tr("Last success"), h.lastSuccess.isValid() ? displayTime(h.lastSuccess) : tr("never"));
        if (!h.region.isEmpty())
            lines << line(tr("Region"), h.region);
        lines << line(tr("Next poll"), nextPollText(h, paused));
        return lines.join(u"<br>"_s);
    }

    const Summary summary = summarize(node);
    QStringList counts;
    for (const WatchHealth::State state : allStates) {
        if (const int n = summary.perState[int(state)])
            counts << tr("%1 %2").arg(n).arg(WatchHealth::stateName(state));
    }
    if (summary.paused)
        counts << tr("%1 paused").arg(summary.paused);
    const QString title =
        node->kind == ServiceRow ? serviceDisplayName(node->service) : node->label;
    lines << u"<b>%1</b>"_s.arg(title.toHtmlEscaped());
    lines << tr("%n watch(es): %1", nullptr, int(summary.ids.size()))
                 .arg(counts.join(u", "_s))
                 .toHtmlEscaped();
    if (node->kind == GroupRow && !node->children.empty()) {
        const Watch &w = node->children.front()->watch;
        lines << line(tr("Profile"), w.profile.isEmpty() ? tr("default credentials") : w.profile);
        if (!w.endpointUrl.isEmpty())
            lines << line(tr("Endpoint"), w.endpointUrl);
        else
            lines << line(tr("Region"), w.region.isEmpty() ? tr("the profile's") : w.region);
    }
    return lines.join(u"<br>"_s);
}

} // namespace sw
