#include "simclock.h"

namespace sw::sim {

SimClock::SimClock(double speed, QDateTime start)
    : m_speed(speed > 0 ? speed : 1.0), m_startMs(start.toMSecsSinceEpoch())
{
    m_wall.start();
}

qint64 SimClock::nowMs() const
{
    return m_startMs + m_offsetMs + static_cast<qint64>(double(m_wall.elapsed()) * m_speed);
}

qint64 SimClock::reported(qint64 simulatedMs) const
{
    if (!m_realTimestamps || m_speed == 1.0)
        return simulatedMs;
    return m_startMs + static_cast<qint64>(double(simulatedMs - m_startMs) / m_speed);
}

qint64 SimClock::simulated(qint64 reportedMs) const
{
    if (!m_realTimestamps || m_speed == 1.0)
        return reportedMs;
    return m_startMs + static_cast<qint64>(double(reportedMs - m_startMs) * m_speed);
}

} // namespace sw::sim
