#include "timelineview.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QSaveFile>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <climits>
#include <cmath>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

constexpr int FitMargin = 16; // px left free on both sides of a fitted range
// Within what QImageReader reads back by default (128 MiB of 32-bit pixels); rows past it are cut.
constexpr qint64 MaxExportPixels = 30'000'000;
constexpr double ZoomStep = 1.5;
constexpr int MinLabelWidth = 120;
constexpr int MaxLabelWidth = 280;

int toScrollValue(double v)
{
    return int(std::clamp(std::round(v), double(INT_MIN / 2), double(INT_MAX / 2)));
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QAbstractScrollArea(parent), m_clock([] { return QDateTime::currentDateTimeUtc(); }),
      m_timer(new QTimer(this))
{
    m_timer->setObjectName(u"openBarsTimer"_s);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        updateScrollBars();
        viewport()->update();
    });
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    updateLayout();
}

TimelineView::~TimelineView() = default;

void TimelineView::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_model = model;
    if (model) {
        auto changed = [this] {
            rowsChanged(m_bars.isEmpty());
        };
        m_connections = {
            connect(model, &QAbstractItemModel::rowsInserted, this, changed),
            connect(model, &QAbstractItemModel::rowsRemoved, this, changed),
            connect(model, &QAbstractItemModel::rowsMoved, this, changed),
            connect(model, &QAbstractItemModel::layoutChanged, this, changed),
            connect(model, &QAbstractItemModel::modelReset, this, [this] { rowsChanged(true); }),
            connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    barsChanged(topLeft.row(), bottomRight.row());
                }),
            connect(model, &QObject::destroyed, this,
                [this] {
                    m_model = nullptr;
                    rowsChanged(false);
                }),
        };
    }
    rowsChanged(true);
}

QAbstractItemModel *TimelineView::model() const
{
    return m_model;
}

void TimelineView::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock ? std::move(clock) : [] {
        return QDateTime::currentDateTimeUtc();
    };
    updateScrollBars();
    viewport()->update();
}

void TimelineView::setPlaceholderText(const QString &text)
{
    if (text == m_placeholder)
        return;
    m_placeholder = text;
    viewport()->update();
}

void TimelineView::setTimeSpec(Qt::TimeSpec spec)
{
    m_spec = spec == Qt::UTC ? Qt::UTC : Qt::LocalTime;
    viewport()->update();
}

bool TimelineView::hasOpenBars() const
{
    return std::any_of(m_bars.cbegin(), m_bars.cend(), [](const TimelineBar &b) { return b.open; });
}

int TimelineView::labelWidthOf(const TimelineBar &bar) const
{
    const QString label = bar.group.isEmpty() ? bar.name : bar.group + u" › "_s + bar.name;
    return std::clamp(fontMetrics().horizontalAdvance(label) + 16, MinLabelWidth, MaxLabelWidth);
}

void TimelineView::rowsChanged(bool wasEmpty)
{
    m_bars.clear();
    for (int row = 0, rows = m_model ? m_model->rowCount() : 0; row < rows; ++row)
        m_bars.append(TimelineBar::fromIndex(m_model->index(row, 0)));
    if (wasEmpty && !m_bars.isEmpty()) {
        // Another workflow: its own fit, from the top.
        m_fitPending = true;
        verticalScrollBar()->setValue(0);
    }
    m_rowOfId.clear();
    m_labelWidth = MinLabelWidth;
    for (int row = 0; row < m_bars.size(); ++row) {
        m_rowOfId.insert(m_bars.at(row).id, row);
        m_labelWidth = std::max(m_labelWidth, labelWidthOf(m_bars.at(row)));
    }
    afterChange();
}

// A poll can change hundreds of rows one dataChanged at a time: only those rows are read again.
void TimelineView::barsChanged(int firstRow, int lastRow)
{
    for (int row = std::max(firstRow, 0); row <= std::min(lastRow, int(m_bars.size()) - 1); ++row) {
        m_rowOfId.remove(m_bars.at(row).id);
        m_bars[row] = TimelineBar::fromIndex(m_model->index(row, 0));
        m_rowOfId.insert(m_bars.at(row).id, row);
        m_labelWidth = std::max(m_labelWidth, labelWidthOf(m_bars.at(row)));
    }
    afterChange();
}

void TimelineView::afterChange()
{
    if (m_fitPending)
        fitToWidth();
    if (hasOpenBars() != m_timer->isActive())
        hasOpenBars() ? m_timer->start() : m_timer->stop();
    updateScrollBars();
    viewport()->update();
}

bool TimelineView::timeRange(qint64 now, qint64 *first, qint64 *last) const
{
    // The rules of TimelineModel::timeRange(), over any model with its roles.
    bool any = false;
    for (const TimelineBar &bar : m_bars) {
        if (!bar.hasStart)
            continue;
        const qint64 end = bar.open ? std::max(now, bar.start) : bar.end;
        *first = any ? std::min(*first, bar.start) : bar.start;
        *last = any ? std::max(*last, end) : end;
        any = true;
    }
    return any;
}

qint64 TimelineView::nowMs() const
{
    const QDateTime now = m_clock();
    return now.isValid() ? now.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

int TimelineView::plotWidth() const
{
    return viewport()->width() - m_labelWidth;
}

void TimelineView::setScale(const TimelineScale &scale, bool byOperator)
{
    m_scale = scale;
    if (byOperator) {
        m_fitted = false;
        m_fitPending = false;
    }
    updateScrollBars();
    viewport()->update();
}

void TimelineView::zoomBy(double factor, double anchorX)
{
    setScale(m_scale.zoomedAt(std::max(anchorX, double(m_labelWidth)), factor), true);
}

void TimelineView::zoomIn()
{
    zoomBy(ZoomStep, m_labelWidth + plotWidth() / 2.0);
}

void TimelineView::zoomOut()
{
    zoomBy(1 / ZoomStep, m_labelWidth + plotWidth() / 2.0);
}

bool TimelineView::fitRange(qint64 now, qint64 *first, qint64 *last) const
{
    // The bars the default view is for (all but the older CodeCatalyst runs), and now: what
    // runs is always in view, up to the moment it has reached.
    bool any = false;
    for (const TimelineBar &bar : m_bars) {
        if (!bar.hasStart || !bar.inDefaultView)
            continue;
        const qint64 end = bar.open ? std::max(now, bar.start) : bar.end;
        *first = any ? std::min(*first, bar.start) : bar.start;
        *last = any ? std::max(*last, end) : end;
        any = true;
    }
    if (!any && !timeRange(now, first, last))
        return false;
    *first = std::min(*first, now);
    *last = std::max(*last, now);
    return true;
}

void TimelineView::fitToWidth()
{
    qint64 first = 0;
    qint64 last = 0;
    if (!fitRange(nowMs(), &first, &last))
        return;
    setScale(TimelineScale::fit(first, last, plotWidth(), FitMargin).panned(m_labelWidth), false);
    m_fitted = true;
    m_fitPending = false;
}

void TimelineView::setCurrentStepId(const QString &id)
{
    if (id == m_currentId)
        return;
    m_currentId = id;
    viewport()->update();
    emit currentStepChanged(id);
}

void TimelineView::setCurrentRow(int row)
{
    if (row < 0 || row >= m_bars.size())
        return;
    const int top = row * m_rowHeight;
    QScrollBar *bar = verticalScrollBar();
    if (top < bar->value())
        bar->setValue(top);
    else if (top + m_rowHeight > bar->value() + bar->pageStep())
        bar->setValue(top + m_rowHeight - bar->pageStep());
    setCurrentStepId(m_bars.at(row).id);
}

void TimelineView::updateLayout()
{
    const QFontMetrics fm(font());
    m_rowHeight = std::max(22, fm.height() + 6);
    m_axisHeight = fm.height() + 10;
    updateScrollBars();
}

void TimelineView::updateScrollBars()
{
    m_syncingScrollBars = true;
    QScrollBar *v = verticalScrollBar();
    const int page = std::max(viewport()->height() - m_axisHeight, 0);
    v->setRange(0, std::max(int(m_bars.size()) * m_rowHeight - page, 0));
    v->setPageStep(std::max(page, 1));
    v->setSingleStep(m_rowHeight);

    // The world is the time range plus the fit margin; a zoomed-out view may lie past it.
    QScrollBar *h = horizontalScrollBar();
    qint64 first = 0;
    qint64 last = 0;
    if (timeRange(nowMs(), &first, &last)) {
        last = std::max(last, nowMs()); // now can always be scrolled to
        const double msPerPixel = m_scale.msPerPixel();
        const double worldStart = double(first) - FitMargin * msPerPixel;
        const double worldPx = double(last - first) / msPerPixel + 2 * FitMargin;
        const double left = double(m_scale.timeForX(m_labelWidth));
        const int value = toScrollValue((left - worldStart) / msPerPixel);
        h->setRange(std::min(0, value), std::max(toScrollValue(worldPx - plotWidth()), value));
        h->setPageStep(std::max(plotWidth(), 1));
        h->setSingleStep(20);
        h->setValue(value);
    } else {
        h->setRange(0, 0);
    }
    m_syncingScrollBars = false;
}

void TimelineView::scrollContentsBy(int dx, int)
{
    if (dx != 0 && !m_syncingScrollBars) {
        m_scale = m_scale.panned(dx);
        m_fitted = false;
    }
    viewport()->update();
}

int TimelineView::rowAt(int y) const
{
    return viewportPainter().rowAt(y);
}

QRectF TimelineView::barRect(int row) const
{
    return viewportPainter().barRect(row);
}

QString TimelineView::toolTipAt(const QPoint &viewportPos) const
{
    return viewportPainter().toolTipAt(viewportPos);
}

TimelinePainter::Frame TimelineView::frameOf(QSize size, int scrollY) const
{
    return {size, m_scale, scrollY, nowMs(), palette(), m_spec, m_rowHeight, m_axisHeight,
        m_labelWidth, m_rowOfId.value(m_currentId, -1), m_currentId, m_placeholder};
}

TimelinePainter TimelineView::viewportPainter() const
{
    return TimelinePainter(m_bars, frameOf(viewport()->size(), verticalScrollBar()->value()));
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    viewportPainter().paint(&painter);
}

QImage TimelineView::renderImage(int width) const
{
    if (width <= 0)
        return {};
    const int rows = int(m_bars.size());
    const int height = int(std::clamp<qint64>(
        m_axisHeight + std::max(rows, 3) * m_rowHeight + 1, 1, MaxExportPixels / width + 1));
    TimelinePainter::Frame frame = frameOf(QSize(width, height), 0);
    qint64 first = 0;
    qint64 last = 0;
    if (timeRange(frame.now, &first, &last))
        frame.scale =
            TimelineScale::fit(first, last, width - m_labelWidth, FitMargin).panned(m_labelWidth);
    return TimelinePainter(m_bars, frame).toImage(font());
}

bool TimelineView::exportPng(const QString &path, QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QImage image = renderImage();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Could not write %1: %2").arg(path, file.errorString()));
    if (!image.save(&file, "PNG"))
        return fail(tr("Could not encode the timeline as PNG."));
    if (!file.commit())
        return fail(tr("Could not write %1: %2").arg(path, file.errorString()));
    return true;
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_fitted)
        fitToWidth();
    updateScrollBars();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = delta.y() != 0 ? delta.y() : delta.x();
        zoomBy(std::pow(1.2, steps / 120.0), event->position().x());
        event->accept();
        return;
    }
    // Some platforms turn Shift+wheel into a horizontal wheel themselves.
    const int horizontal =
        delta.x() != 0 ? delta.x() : (event->modifiers() & Qt::ShiftModifier ? delta.y() : 0);
    if (horizontal != 0) {
        setScale(m_scale.panned(horizontal / 2.0), true);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    const QPoint pos = event->position().toPoint();
    const int row = viewportPainter().rowUnder(pos);
    if (row >= 0) {
        setCurrentRow(row);
    } else if (pos.x() >= m_labelWidth) {
        m_panning = true;
        m_dragged = false;
        m_lastDragPos = pos;
    }
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_panning)
        return QAbstractScrollArea::mouseMoveEvent(event);
    const QPoint pos = event->position().toPoint();
    if (!m_dragged && (pos - m_lastDragPos).manhattanLength() < QApplication::startDragDistance())
        return;
    if (!m_dragged)
        viewport()->setCursor(Qt::ClosedHandCursor);
    m_dragged = true;
    setScale(m_scale.panned(pos.x() - m_lastDragPos.x()), true);
    m_lastDragPos = pos;
    event->accept();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    event->accept();
    if (!m_panning)
        return;
    m_panning = false;
    viewport()->unsetCursor();
    // A click, not a drag, on a row's empty space selects the row.
    if (!m_dragged)
        setCurrentRow(rowAt(event->position().toPoint().y()));
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const int current = m_rowOfId.value(m_currentId, -1);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        fitToWidth();
        break;
    case Qt::Key_Up:
        setCurrentRow(current < 0 ? 0 : current - 1);
        break;
    case Qt::Key_Down:
        setCurrentRow(current < 0 ? 0 : current + 1);
        break;
    case Qt::Key_Left:
    case Qt::Key_Right:
        setScale(m_scale.panned((event->key() == Qt::Key_Left ? 1 : -1) * plotWidth() / 8.0), true);
        break;
    default:
        return QAbstractScrollArea::keyPressEvent(event);
    }
    event->accept();
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, viewport());
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateLayout();
        rowsChanged(false);
    } else if (event->type() == QEvent::PaletteChange)
        viewport()->update();
}

} // namespace sw
