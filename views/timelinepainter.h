#pragma once

#include "timelinescale.h"
#include "unifiedstatus.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QPalette>
#include <QRectF>
#include <QSize>
#include <QString>

class QFont;
class QModelIndex;
class QPoint;
class QPainter;

namespace sw {

/// One row of the timeline, read from a row answering TimelineModel's roles: the step's identity,
/// status and message, and its times in milliseconds since the epoch. `start` is valid only with
/// `hasStart`, `end` only with `hasEnd`; an open bar has no end yet and grows to "now", a
/// finished one without an end is drawn as a marker.
struct TimelineBar {
    QString id;
    QString name;
    QString group;
    QString rawStatus;
    QString message;
    qint64 start = 0;
    qint64 end = 0;
    bool hasStart = false;
    bool hasEnd = false;
    bool open = false;
    bool inDefaultView = true;
    UnifiedStatus status = UnifiedStatus::Unknown;

    /// Any model with TimelineModel's roles will do; an end before the start counts as the start.
    static TimelineBar fromIndex(const QModelIndex &index);
};

/// Paints one frame of the timeline (the row stripes, the label column, the grid, the bars in
/// the status colours, the "now" line and the time axis) into any QPainter, so that the
/// TimelineView's viewport and its exported image are drawn by the same code. It also answers
/// what is where in the frame (a bar's rectangle, the row under a point) and what a row's tool
/// tip says, so that clicks and tool tips agree with the pixels. It holds what a frame needs by
/// value (the rows are implicitly shared, so one is cheap to make per paint or per hit test).
/// Only the rows inside the frame's height are painted, so a thousand bars stay smooth.
class TimelinePainter final {
    Q_DECLARE_TR_FUNCTIONS(sw::TimelinePainter)

public:
    /// Everything about one painting besides the rows; coordinates are the frame's, with the
    /// axis on top and the label column on the left.
    struct Frame {
        QSize size;
        TimelineScale scale;
        int scrollY = 0; ///< pixels of rows scrolled off above the axis
        qint64 now = 0;
        QPalette palette;
        Qt::TimeSpec spec = Qt::LocalTime; ///< Qt::LocalTime or Qt::UTC, for the axis
        int rowHeight = 22;
        int axisHeight = 24;
        int labelWidth = 160;
        int currentRow = -1; ///< the row tinted as current; -1 for none
        QString currentId; ///< bars with this id are outlined as current
        /// What an empty timeline says; empty: "Select a workflow to see its timeline."
        QString placeholder;
    };

    explicit TimelinePainter(QList<TimelineBar> bars, Frame frame);

    const Frame &frame() const { return m_frame; }
    /// A row's bar in frame coordinates (a few pixels wide for a marker); empty when the row
    /// does not exist or has not started.
    QRectF barRect(int row) const;
    /// The row at a frame y, or -1 above, below and on the axis.
    int rowAt(int y) const;
    /// The row a click or a tool tip at `pos` is about: the row of a label, or the row of a bar
    /// under `pos` in the plot (with a few pixels of slack for thin bars); -1 elsewhere.
    int rowUnder(const QPoint &pos) const;
    /// What the tool tip at `pos` says (rich text); empty off the bars and labels.
    QString toolTipAt(const QPoint &pos) const;
    /// Paints the whole frame, background included, with the painter's font.
    void paint(QPainter *painter) const;
    /// The frame as an image of its size in `font`, on the palette's Base.
    QImage toImage(const QFont &font) const;

private:
    void paintRow(QPainter *painter, int row, int y) const;
    void paintAxis(QPainter *painter, const QList<TimelineScale::Tick> &ticks) const;
    QRect plotRect() const;
    /// What the plot says when no bar has a start.
    QString emptyText() const;

    QList<TimelineBar> m_bars;
    Frame m_frame;
};

} // namespace sw
