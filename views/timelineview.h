#pragma once

#include "timelinepainter.h"
#include "timelinescale.h"

#include <QAbstractScrollArea>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QPointer>

#include <functional>

class QAbstractItemModel;
class QTimer;

namespace sw {

/// The Gantt view of the selected workflow: one row per bar of a TimelineModel (any model
/// answering its roles), a label column, a time axis, bars in the status colours and a "now"
/// line that open bars grow to (a one-second repaint runs only while a bar is open). Ctrl+wheel
/// and the +, - and 0 keys zoom around the mouse or fit the range to the width; Shift+wheel,
/// a horizontal wheel and dragging empty space pan. A new workflow is fitted once; later merges
/// keep the operator's zoom. A fit always shows now and every running bar; of a long
/// CodeCatalyst history, the newest runs. Only the visible rows are painted, so a thousand
/// bars stay smooth.
/// The x of scale() is the viewport's x.
class TimelineView final : public QAbstractScrollArea {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const;

    /// Where "now" comes from (UTC or local, any valid QDateTime); the system clock by default.
    void setClock(std::function<QDateTime()> clock);
    /// What the view says while it has no rows (empty: "Select a workflow to see its
    /// timeline."), e.g. that the selected workflow's steps have not been loaded yet.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }
    /// Qt::LocalTime (the default) or Qt::UTC, for axis labels and tooltips.
    void setTimeSpec(Qt::TimeSpec spec);
    Qt::TimeSpec timeSpec() const { return m_spec; }

    TimelineScale scale() const { return m_scale; }
    QString currentStepId() const { return m_currentId; }
    /// True while a bar is open, that is while the view repaints every second.
    bool hasOpenBars() const;

    int rowHeight() const { return m_rowHeight; }
    int labelColumnWidth() const { return m_labelWidth; }
    /// The row at a viewport y, or -1 above, below and on the axis.
    int rowAt(int y) const;
    /// A row's bar in viewport coordinates (a few pixels wide for a marker); empty when the
    /// row has not started.
    QRectF barRect(int row) const;
    /// What the tooltip at a viewport position says; empty off the bars and labels.
    QString toolTipAt(const QPoint &viewportPos) const;

    /// All rows and the whole time range fitted to `width`, with the axis and the labels, on
    /// the palette's Base. Rows past 30 million pixels (about 850 rows at 1600 px) are cut so
    /// the PNG stays readable by QImageReader's default limit; a null image for width <= 0.
    QImage renderImage(int width = 1600) const;
    bool exportPng(const QString &path, QString *error) const;

public slots:
    /// Emits currentStepChanged() when the id differs; an id that is not a bar (a step group)
    /// is kept and simply highlights nothing.
    void setCurrentStepId(const QString &id);
    void zoomIn();
    void zoomOut();
    void fitToWidth();

signals:
    void currentStepChanged(const QString &stepId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    int labelWidthOf(const TimelineBar &bar) const;
    void rowsChanged(bool wasEmpty);
    void barsChanged(int firstRow, int lastRow);
    void afterChange();
    void setScale(const TimelineScale &scale, bool byOperator);
    void zoomBy(double factor, double anchorX);
    void setCurrentRow(int row);
    void updateLayout();
    void updateScrollBars();
    bool timeRange(qint64 now, qint64 *first, qint64 *last) const;
    /// What fitToWidth() shows: the default view's bars and now.
    bool fitRange(qint64 now, qint64 *first, qint64 *last) const;
    qint64 nowMs() const;
    int plotWidth() const;
    /// What painting `size` with the rows scrolled by `scrollY` needs, at the current scale.
    TimelinePainter::Frame frameOf(QSize size, int scrollY) const;
    /// The painter of what the viewport shows now, for painting and hit testing alike.
    TimelinePainter viewportPainter() const;

    QPointer<QAbstractItemModel> m_model;
    QList<QMetaObject::Connection> m_connections;
    QList<TimelineBar> m_bars;
    QHash<QString, int> m_rowOfId;
    std::function<QDateTime()> m_clock;
    QTimer *m_timer = nullptr;
    Qt::TimeSpec m_spec = Qt::LocalTime;
    TimelineScale m_scale;
    QString m_currentId;
    QString m_placeholder;
    int m_rowHeight = 22;
    int m_axisHeight = 24;
    int m_labelWidth = 160;
    /// A new workflow waits for a started bar before its first fit.
    bool m_fitPending = true;
    /// Untouched since the last fit: a resize fits again.
    bool m_fitted = false;
    bool m_syncingScrollBars = false;
    bool m_panning = false;
    bool m_dragged = false;
    QPoint m_lastDragPos;
};

} // namespace sw
