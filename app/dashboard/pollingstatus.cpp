#include "pollingstatus.h"

#include "awsgateway.h"
#include "fleetsummary.h"
#include "freshness.h"
#include "poller.h"
#include "workflowtablemodel.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

constexpr qint64 OverdueFloorMs = 10000;

} // namespace

PollingStatus::PollingStatus(Poller *poller, AwsGateway *gateway, FleetSummary *summary,
    QAbstractItemModel *shown, QWidget *parent)
    : QWidget(parent), m_poller(poller), m_gateway(gateway), m_summary(summary), m_shown(shown),
      m_fleet(new QLabel(this)), m_throttling(new QLabel(this)), m_oldest(new QLabel(this)),
      m_next(new QLabel(this)), m_requests(new QLabel(this)), m_polling(new QLabel(this)),
      m_timer(new QTimer(this)), m_coalesce(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    for (QLabel *label : {m_fleet, m_throttling, m_oldest, m_next, m_requests, m_polling})
        layout->addWidget(label);
    m_fleet->setObjectName(u"FleetSummaryLabel"_s);
    m_throttling->setStyleSheet(u"color: #b35900; font-weight: bold;"_s);
    m_oldest->setStyleSheet(u"color: #b35900;"_s);
    m_polling->setToolTip(tr("Space pauses and resumes polling"));
    m_requests->setToolTip(tr("Requests sent to AWS in the last 60 seconds, all watches"));
    m_oldest->setToolTip(tr("The oldest data the table shows is older than twice its watch's "
                            "polling interval"));
    connect(m_timer, &QTimer::timeout, this, &PollingStatus::update);
    // Every poll of every watch says its health changed: many times a second in a large
    // fleet, and a look at every shown row each time would cost the GUI thread. Such news is
    // gathered for a fifth of a second, then read once.
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(200);
    connect(m_coalesce, &QTimer::timeout, this, &PollingStatus::update);
    const auto soon = [this] {
        if (!m_coalesce->isActive())
            m_coalesce->start();
    };
    connect(m_poller, &Poller::pausedChanged, this, &PollingStatus::update);
    connect(m_poller, &Poller::healthChanged, this, soon);
    connect(m_summary, &FleetSummary::changed, this, soon);
    m_timer->start(1000);
    update();
}

QString PollingStatus::pollingText() const
{
    return m_poller->isPaused() ? tr("Polling paused") : tr("Polling");
}

QString PollingStatus::requestsText() const
{
    return tr("%n request(s) in the last minute", nullptr, m_gateway->requestsInLastMinute());
}

QString PollingStatus::nextPollText() const
{
    if (m_poller->isPaused())
        return {};
    QDateTime next;
    bool retry = false;
    bool polling = false;
    for (const Watch &w : m_poller->watches()) {
        const WatchHealth h = m_poller->health(w.id);
        if (h.paused || w.paused)
            continue;
        polling = polling || h.polling;
        if (h.nextPoll.isValid() && (!next.isValid() || h.nextPoll < next)) {
            next = h.nextPoll;
            retry = h.retrying;
        }
    }
    if (!next.isValid())
        return polling ? tr("Polling now") : QString();
    const int seconds = freshness::secondsUntil(next, QDateTime::currentDateTimeUtc());
    if (seconds == 0)
        return tr("Polling now");
    return retry ? tr("Retrying in %n s", nullptr, seconds)
                 : tr("Next poll in %n s", nullptr, seconds);
}

QString PollingStatus::throttlingText() const
{
    QStringList throttled;
    for (const Watch &w : m_poller->watches()) {
        const WatchHealth h = m_poller->health(w.id);
        if (h.state == WatchHealth::State::Degraded && h.throttled)
            throttled.append(w.displayName());
    }
    if (throttled.isEmpty())
        return {};
    // Short enough for the status bar; the banner and the tool tip name every watch.
    if (throttled.size() == 1)
        return tr("Throttled by AWS (%1): polling slower").arg(throttled.first());
    return tr("Throttled by AWS (%n watch(es)): polling slower", nullptr, int(throttled.size()));
}

QString PollingStatus::oldestDataText() const
{
    if (!m_shown)
        return {};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QHash<QString, std::optional<WatchFreshness>> watches; // looked up once per watch
    QDateTime oldest;
    for (int row = 0, rows = m_shown->rowCount(); row < rows; ++row) {
        const QModelIndex index = m_shown->index(row, 0);
        const QDateTime at = index.data(WorkflowTableModel::ConfirmedAtRole).toDateTime();
        const QString watchId = index.data(WorkflowTableModel::WatchIdRole).toString();
        auto it = watches.find(watchId);
        if (it == watches.end()) {
            const std::optional<Watch> watch = m_poller->watch(watchId);
            it = watches.insert(watchId,
                watch ? std::optional(freshness::of(*watch, m_poller->health(watchId), false))
                      : std::nullopt);
        }
        if (!at.isValid() || !*it)
            continue;
        const bool finished =
            isTerminal(UnifiedStatus(index.data(WorkflowTableModel::UnifiedStatusRole).toInt()));
        const qint64 expected = finished ? (*it)->finishedIntervalMs : (*it)->runningIntervalMs;
        // Twice the interval, and never under ten seconds: the budget spreads a fleet's polls
        // over a few seconds without anything being wrong.
        if (at.msecsTo(now) > std::max<qint64>(2 * expected, OverdueFloorMs)
            && (!oldest.isValid() || at < oldest))
            oldest = at;
    }
    if (!oldest.isValid())
        return {};
    return tr("Oldest data shown: %1").arg(freshness::asOf(oldest, now));
}

void PollingStatus::update()
{
    m_fleet->setText(m_summary->text());
    const QString throttling = throttlingText();
    m_throttling->setText(throttling);
    QStringList throttled;
    for (const Watch &w : m_poller->watches()) {
        if (m_poller->health(w.id).throttled)
            throttled << w.displayName();
    }
    m_throttling->setToolTip(throttled.join(u'\n'));
    m_throttling->setVisible(!throttling.isEmpty());
    const QString oldest = oldestDataText();
    m_oldest->setText(oldest);
    m_oldest->setVisible(!oldest.isEmpty());
    m_next->setText(nextPollText());
    m_requests->setText(requestsText());
    m_polling->setText(pollingText());
}

} // namespace sw
