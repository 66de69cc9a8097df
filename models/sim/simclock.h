#pragma once

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>

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
    /// The most one advance() moves: ten years.
    static constexpr qint64 MaxAdvanceMs = qint64(10) * 366 * 24 * 3600 * 1000;
    /// Moves simulated time forward without waiting (tests, and "skip ahead" in demos), by
    /// 0 to MaxAdvanceMs; the total offset stays within a thousand years.
    void advance(qint64 simulatedMs)
    {
        constexpr qint64 maxOffsetMs = 100 * MaxAdvanceMs;
        m_offsetMs =
            std::min(maxOffsetMs, m_offsetMs + std::clamp<qint64>(simulatedMs, 0, MaxAdvanceMs));
    }

    /// How the services report times. Simulated (the default): as the simulated clock reads
    /// them, which runs `speed` times ahead of the real one — right for a client that reads
    /// this clock too (the demo). Real: the simulated time line compressed onto the real one
    /// from the start, so that what happens at X× speed is reported when it really happened:
    /// a client on the real clock then never sees a time in the future (durations read X
    /// times shorter). Makes no difference at speed 1.
    void setRealTimestamps(bool real) { m_realTimestamps = real; }
    bool realTimestamps() const { return m_realTimestamps; }
    /// A simulated time as reported, and back (for times a request sends).
    qint64 reported(qint64 simulatedMs) const;
    qint64 simulated(qint64 reportedMs) const;

private:
    double m_speed;
    qint64 m_startMs;
    qint64 m_offsetMs = 0;
    bool m_realTimestamps = false;
    QElapsedTimer m_wall;
};

} // namespace sw::sim
