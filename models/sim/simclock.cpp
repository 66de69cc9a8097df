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

} // namespace sw::sim
