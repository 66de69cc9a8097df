#include "pollingstatus.h"

#include "awsgateway.h"
#include "fleetsummary.h"
#include "poller.h"

#include "aws/awserror.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace sw {

PollingStatus::PollingStatus(
    Poller *poller, AwsGateway *gateway, FleetSummary *summary, QWidget *parent)
    : QWidget(parent), m_poller(poller), m_gateway(gateway), m_summary(summary),
      m_fleet(new QLabel(this)), m_throttling(new QLabel(this)), m_next(new QLabel(this)),
      m_requests(new QLabel(this)), m_polling(new QLabel(this)), m_timer(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    for (QLabel *label : {m_fleet, m_throttling, m_next, m_requests, m_polling})
        layout->addWidget(label);
    m_throttling->setStyleSheet(u"color: #b35900; font-weight: bold;"_s);
    m_polling->setToolTip(tr("Space pauses and resumes polling"));
    m_requests->setToolTip(tr("Requests sent to AWS in the last 60 seconds, all watches"));
    connect(m_timer, &QTimer::timeout, this, &PollingStatus::update);
    connect(m_poller, &Poller::pausedChanged, this, &PollingStatus::update);
    connect(m_poller, &Poller::healthChanged, this, &PollingStatus::update);
    connect(m_summary, &FleetSummary::changed, this, &PollingStatus::update);
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
    for (const Watch &w : m_poller->watches()) {
        const WatchHealth h = m_poller->health(w.id);
        if (!h.paused && h.nextPoll.isValid() && (!next.isValid() || h.nextPoll < next))
            next = h.nextPoll;
    }
    if (!next.isValid())
        return {};
    const qint64 seconds = std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(next));
    return seconds == 0 ? tr("Polling now") : tr("Next poll in %n s", nullptr, int(seconds));
}

QString PollingStatus::throttlingText() const
{
    QStringList throttled;
    for (const Watch &w : m_poller->watches()) {
        const WatchHealth h = m_poller->health(w.id);
        aws::AwsError error;
        error.kind = aws::ErrorKind::Service;
        error.code = h.lastErrorCode;
        if (h.state == WatchHealth::State::Degraded && aws::isThrottlingError(error))
            throttled.append(w.displayName());
    }
    if (throttled.isEmpty())
        return {};
    return tr("Throttled by AWS (%1): polling slower").arg(throttled.join(u", "_s));
}

void PollingStatus::update()
{
    m_fleet->setText(m_summary->text());
    const QString throttling = throttlingText();
    m_throttling->setText(throttling);
    m_throttling->setVisible(!throttling.isEmpty());
    m_next->setText(nextPollText());
    m_requests->setText(requestsText());
    m_polling->setText(pollingText());
}

} // namespace sw
