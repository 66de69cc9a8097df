#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <Qt>

namespace sw {

/// The timeline's time↔pixel mapping as a plain value: a time origin (the time at x = 0) and
/// a resolution in milliseconds per pixel. Zooming, panning and fitting return new scales, and
/// the axis ticks come from a ladder of "nice" steps aligned to the wall clock of a time spec,
/// so all of the timeline's geometry can be table-tested without a widget. The resolution is
/// always kept between MinMsPerPixel and MaxMsPerPixel, so no input divides by zero.
class TimelineScale final {
public:
    /// One axis tick: its time, its x, the text to draw and whether it is a day boundary.
    struct Tick {
        qint64 ms = 0;
        double x = 0;
        QString label;
        bool major = false;
    };

    static constexpr double MinMsPerPixel = 1.0;
    static constexpr double MaxMsPerPixel = 24.0 * 3600.0 * 1000.0;

    /// The epoch at x = 0, one second per pixel.
    TimelineScale() = default;
    TimelineScale(qint64 originMs, double msPerPixel);

    /// [startMs, endMs] drawn between `marginPx` and `widthPx - marginPx`. An empty or
    /// reversed span shows one minute from `startMs`; a width too small for the margins
    /// drops them.
    static TimelineScale fit(qint64 startMs, qint64 endMs, int widthPx, int marginPx);

    /// The nice step the ticks use at this resolution: the first rung of the ladder (1 s …
    /// 7 d) at least `minSpacingPx` wide, or a multiple of 7 days past it.
    static qint64 tickStep(double msPerPixel, double minSpacingPx);

    qint64 originMs() const;
    double msPerPixel() const { return m_msPerPixel; }

    double xForTime(qint64 ms) const { return (double(ms) - m_origin) / m_msPerPixel; }
    qint64 timeForX(double x) const;

    /// Zoomed in by `factor` (> 1 in, < 1 out) with the time under `x` staying at `x`,
    /// unless the resolution hits its bounds.
    TimelineScale zoomedAt(double x, double factor) const;
    /// The content moved `dx` pixels to the right, as a drag does: the time at x is the one
    /// that was at x - dx.
    TimelineScale panned(double dx) const;

    /// The ticks whose x lies in [fromX, toX], at least `minSpacingPx` apart, aligned to the
    /// step on the wall clock of `spec` (Qt::LocalTime or Qt::UTC). Labels are "HH:mm:ss"
    /// below a minute, "HH:mm" below a day and "MMM d" for days and at midnight.
    QList<Tick> ticks(double fromX, double toX, double minSpacingPx, Qt::TimeSpec spec) const;

    friend bool operator==(const TimelineScale &a, const TimelineScale &b)
    {
        return a.m_origin == b.m_origin && a.m_msPerPixel == b.m_msPerPixel;
    }
    friend bool operator!=(const TimelineScale &a, const TimelineScale &b) { return !(a == b); }

private:
    static TimelineScale make(double origin, double msPerPixel);

    // A double keeps zooming anchored to the millisecond (epoch ms fit in 53 bits).
    double m_origin = 0;
    double m_msPerPixel = 1000;
};

} // namespace sw

Q_DECLARE_METATYPE(sw::TimelineScale)
