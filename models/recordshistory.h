#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace sw {

class WorkflowTableModel;

/// The records-processed figure of each Customer Profiles workflow over time, sampled from
/// successive polls so the metrics chart can draw a line: the service reports only the current
/// total. A sample is taken whenever the table announces a changed workflow whose figure or
/// time differs from the last sample; its time is the snapshot's last update (the service's own
/// clock) or, where the service gave none, the injectable clock. Samples of a workflow stay in
/// time order: a sample older than the last one (a late reply) is dropped, and one at the same
/// time replaces the last value. At most maxSamples() are kept per workflow, oldest dropped,
/// and a workflow's samples go when its row leaves the table. Nothing is persisted.
class RecordsHistory final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsHistory)

public:
    struct Sample {
        QDateTime time;
        qint64 records = 0;

        friend bool operator==(const Sample &a, const Sample &b)
        {
            return a.time == b.time && a.records == b.records;
        }
        friend bool operator!=(const Sample &a, const Sample &b) { return !(a == b); }
    };

    /// At one poll a minute, twelve hours.
    static constexpr int DefaultMaxSamples = 720;

    /// Samples the Customer Profiles rows already in `table` at once.
    explicit RecordsHistory(WorkflowTableModel *table, QObject *parent = nullptr);

    /// Oldest first; empty for unknown keys.
    QList<Sample> samples(const QString &key) const;
    /// Keys with at least one sample, in no particular order.
    QStringList keys() const;

    int maxSamples() const { return m_maxSamples; }
    /// At least 1; drops the oldest samples at once where there are more.
    void setMaxSamples(int maxSamples);

    /// Where a snapshot has no last update time (tests inject a fixed clock).
    void setClock(std::function<QDateTime()> clock);

signals:
    /// Samples of `key` were added, changed or removed (after the change).
    void samplesChanged(const QString &key);

private:
    void sample(const QString &key);
    void forget(const QString &key);
    QDateTime now() const;

    WorkflowTableModel *m_table;
    QHash<QString, QList<Sample>> m_samples;
    int m_maxSamples = DefaultMaxSamples;
    std::function<QDateTime()> m_clock;
};

} // namespace sw
