#pragma once

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QTimer;

namespace sw {

class AwsGateway;
class FleetSummary;
class Poller;

/// The status bar's permanent part: whether polling runs or is paused, the requests sent in
/// the last minute, when the next poll is due (or that a watch is backing off: "retrying in
/// 20 s"), a notice while AWS throttles, the age of the oldest data the table shows when it is
/// older than twice its watch's interval, and the fleet summary. Re-read once a second (the
/// counts move with the clock, not with signals). The operator's messages have a label of
/// their own beside it (MainWindow), so the two never overlap.
class PollingStatus final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PollingStatus)

public:
    /// `shown`: the rows the table shows (a WorkflowTableModel or a proxy over one).
    PollingStatus(Poller *poller, AwsGateway *gateway, FleetSummary *summary,
        QAbstractItemModel *shown, QWidget *parent = nullptr);

    QString pollingText() const;
    QString requestsText() const;
    /// "Next poll in 4 s", "Retrying in 20 s", "Polling now"; never a time that has passed.
    QString nextPollText() const;
    /// Empty while nothing is throttled.
    QString throttlingText() const;
    /// "Oldest data shown: as of 14:02:11 (3 min ago)" when a shown row is overdue; empty
    /// otherwise.
    QString oldestDataText() const;

public slots:
    void update();

private:
    Poller *m_poller;
    AwsGateway *m_gateway;
    FleetSummary *m_summary;
    QAbstractItemModel *m_shown;
    QLabel *m_fleet;
    QLabel *m_throttling;
    QLabel *m_oldest;
    QLabel *m_next;
    QLabel *m_requests;
    QLabel *m_polling;
    QTimer *m_timer;
    QTimer *m_coalesce;
};

} // namespace sw
