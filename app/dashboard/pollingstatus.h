#pragma once

#include <QWidget>

class QLabel;
class QTimer;

namespace sw {

class AwsGateway;
class FleetSummary;
class Poller;

/// The status bar's permanent part: whether polling runs or is paused, the requests sent in
/// the last minute, when the next poll is due, a notice while AWS throttles, and the fleet
/// summary. Re-read once a second (the counts move with the clock, not with signals).
class PollingStatus final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PollingStatus)

public:
    PollingStatus(
        Poller *poller, AwsGateway *gateway, FleetSummary *summary, QWidget *parent = nullptr);

    QString pollingText() const;
    QString requestsText() const;
    QString nextPollText() const;
    /// Empty while nothing is throttled.
    QString throttlingText() const;

public slots:
    void update();

private:
    Poller *m_poller;
    AwsGateway *m_gateway;
    FleetSummary *m_summary;
    QLabel *m_fleet;
    QLabel *m_throttling;
    QLabel *m_next;
    QLabel *m_requests;
    QLabel *m_polling;
    QTimer *m_timer;
};

} // namespace sw
