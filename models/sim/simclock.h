#pragma once

#include <QDateTime>
#include <QElapsedTimer>

namespace sw::sim {

/// Simulated time: starts at `start` (by default the real time the simulator started, so
/// timestamps look current) and runs `speed` times faster than the wall clock, so a demo at
/// 60× shows an hour of migration in a minute. Tests can also advance it by hand.
class SimClock final {
public:
    explicit SimClock(double speed = 1.0, QDateTime start = QDateTime::currentDateTimeUtc());

    /// Milliseconds since the epoch, simulated.
    qint64 nowMs() const;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
    double speed() const { return m_speed; }
    /// Moves simulated time forward without waiting (tests, and "skip ahead" in demos).
    void advance(qint64 simulatedMs) { m_offsetMs += simulatedMs; }

private:
    double m_speed;
    qint64 m_startMs;
    qint64 m_offsetMs = 0;
    QElapsedTimer m_wall;
};

} // namespace sw::sim
