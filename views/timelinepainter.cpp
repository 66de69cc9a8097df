#include "timelinepainter.h"

#include "statusstyle.h"
#include "timeformat.h"
#include "timelinemodel.h"

#include <QDateTime>
#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QStringList>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

constexpr int MarkerWidth = 3; // a finished step without an end

// Secondary text that reads on any Base: the text colour, half transparent.
QColor dimmed(const QPalette &palette)
{
    QColor c = palette.color(QPalette::Text);
    c.setAlpha(140);
    return c;
}

QColor highlightTint(const QPalette &palette)
{
    QColor c = palette.color(QPalette::Highlight);
    c.setAlpha(50);
    return c;
}

} // namespace

TimelineBar TimelineBar::fromIndex(const QModelIndex &index)
{
    TimelineBar bar;
    bar.id = index.data(TimelineModel::StepIdRole).toString();
    bar.name = index.data(TimelineModel::NameRole).toString();
    bar.group = index.data(TimelineModel::GroupRole).toString();
    bar.rawStatus = index.data(TimelineModel::RawStatusRole).toString();
    bar.message = index.data(TimelineModel::MessageRole).toString();
    bar.status = UnifiedStatus(index.data(TimelineModel::UnifiedStatusRole).toInt());
    const QDateTime start = index.data(TimelineModel::StartRole).toDateTime();
    const QDateTime end = index.data(TimelineModel::EndRole).toDateTime();
    bar.hasStart = start.isValid();
    bar.hasEnd = bar.hasStart && end.isValid();
    bar.start = bar.hasStart ? start.toMSecsSinceEpoch() : 0;
    bar.end = bar.hasEnd ? std::max(end.toMSecsSinceEpoch(), bar.start) : bar.start;
    bar.open = bar.hasStart && !bar.hasEnd && index.data(TimelineModel::IsOpenRole).toBool();
    const QVariant inView = index.data(TimelineModel::InDefaultViewRole);
    bar.inDefaultView = !inView.isValid() || inView.toBool();
    return bar;
}

TimelinePainter::TimelinePainter(QList<TimelineBar> bars, Frame frame)
    : m_bars(std::move(bars)), m_frame(std::move(frame))
{
}

QString TimelinePainter::emptyText() const
{
    // A step that failed or finished before anyone saw it start has no times, but it did
    // start: "nothing has started" would be wrong exactly when it matters most.
    const bool anyBegan = std::any_of(m_bars.cbegin(), m_bars.cend(), [](const TimelineBar &b) {
        return b.status != UnifiedStatus::Pending && b.status != UnifiedStatus::Unknown;
    });
    if (anyBegan) {
        return tr("No step times are known yet: these steps had already started or finished "
                  "when Stepwatch first saw them, and the service does not report step times. "
                  "Their status is in the step tree.");
    }
    return m_bars.isEmpty() ? tr("No steps.") : tr("No step has started yet.");
}

QRect TimelinePainter::plotRect() const
{
    const Frame &f = m_frame;
    return {
        f.labelWidth, f.axisHeight, f.size.width() - f.labelWidth, f.size.height() - f.axisHeight};
}

QRectF TimelinePainter::barRect(int row) const
{
    if (row < 0 || row >= m_bars.size() || !m_bars.at(row).hasStart)
        return {};
    const Frame &f = m_frame;
    const TimelineBar &bar = m_bars.at(row);
    const double top = f.axisHeight + row * f.rowHeight - f.scrollY + 4;
    const double height = f.rowHeight - 8;
    const double x1 = f.scale.xForTime(bar.start);
    if (!bar.hasEnd && !bar.open)
        return {x1 - MarkerWidth / 2.0, top, double(MarkerWidth), height};
    const double x2 = f.scale.xForTime(bar.open ? std::max(f.now, bar.start) : bar.end);
    return {x1, top, std::max(x2 - x1, 2.0), height};
}

int TimelinePainter::rowAt(int y) const
{
    const Frame &f = m_frame;
    if (y < f.axisHeight)
        return -1;
    const int row = (y - f.axisHeight + f.scrollY) / f.rowHeight;
    return row < m_bars.size() ? row : -1;
}

int TimelinePainter::rowUnder(const QPoint &pos) const
{
    const int row = rowAt(pos.y());
    if (pos.x() < m_frame.labelWidth || row < 0)
        return row;
    // A few pixels of slack so that thin bars and markers can be hit.
    const QRectF r = barRect(row);
    return !r.isEmpty() && r.adjusted(-3, -4, 3, 4).contains(pos) ? row : -1;
}

QString TimelinePainter::toolTipAt(const QPoint &pos) const
{
    const int row = rowUnder(pos);
    if (row < 0)
        return {};
    const TimelineBar &bar = m_bars.at(row);
    const TimeDisplay display = m_frame.spec == Qt::UTC ? TimeDisplay::Utc : TimeDisplay::Local;
    auto timeText = [display](qint64 ms) {
        return formatTime(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC), {}, display);
    };
    QStringList lines {u"<b>"_s + bar.name.toHtmlEscaped() + u"</b>"_s};
    if (!bar.group.isEmpty())
        lines << tr("Group: %1").arg(bar.group.toHtmlEscaped());
    lines << tr("Status: %1 (%2)")
                 .arg(bar.rawStatus.toHtmlEscaped(), statusDisplayName(bar.status).toHtmlEscaped());
    if (bar.hasStart) {
        lines << tr("Start: %1").arg(timeText(bar.start));
        lines << (bar.hasEnd ? tr("End: %1").arg(timeText(bar.end))
                : bar.open   ? tr("End: running")
                             : tr("End: not reported"));
        if (bar.hasEnd || bar.open)
            lines << tr("Duration: %1")
                         .arg(formatDuration((bar.open ? m_frame.now : bar.end) - bar.start));
    } else {
        lines << tr("Not started");
    }
    if (!bar.message.isEmpty())
        lines << bar.message.toHtmlEscaped();
    return lines.join(u"<br>"_s);
}

QImage TimelinePainter::toImage(const QFont &font) const
{
    QImage image(m_frame.size, QImage::Format_ARGB32_Premultiplied);
    image.fill(m_frame.palette.color(QPalette::Base));
    QPainter painter(&image);
    painter.setFont(font);
    paint(&painter);
    return image;
}

void TimelinePainter::paint(QPainter *p) const
{
    const Frame &f = m_frame;
    const QPalette &pal = f.palette;
    const QRect all(QPoint(0, 0), f.size);
    p->fillRect(all, pal.color(QPalette::Base));
    if (m_bars.isEmpty()) {
        p->setPen(dimmed(pal));
        p->drawText(all.adjusted(8, 0, -8, 0), Qt::AlignCenter | Qt::TextWordWrap,
            f.placeholder.isEmpty() ? tr("Select a workflow to see its timeline.") : f.placeholder);
        return;
    }

    const int first = std::max(f.scrollY / f.rowHeight, 0);
    const int yOfFirst = f.axisHeight + first * f.rowHeight - f.scrollY;
    for (int row = first, y = yOfFirst; row < m_bars.size() && y < f.size.height();
         ++row, y += f.rowHeight) {
        const QRect line(0, y, f.size.width(), f.rowHeight);
        if (row == f.currentRow)
            p->fillRect(line, highlightTint(pal));
        else if (row % 2)
            p->fillRect(line, pal.color(QPalette::AlternateBase));
    }

    const QFontMetrics fm(p->font());
    const QList<TimelineScale::Tick> ticks = f.scale.ticks(
        f.labelWidth, f.size.width(), fm.horizontalAdvance(u"00:00:00"_s) + 16, f.spec);
    QColor grid = pal.color(QPalette::Mid);
    for (const TimelineScale::Tick &tick : ticks) {
        grid.setAlpha(tick.major ? 160 : 70);
        p->setPen(grid);
        p->drawLine(QPointF(tick.x, f.axisHeight), QPointF(tick.x, f.size.height()));
    }

    for (int row = first, y = yOfFirst; row < m_bars.size() && y < f.size.height();
         ++row, y += f.rowHeight)
        paintRow(p, row, y);

    const double nowX = f.scale.xForTime(f.now);
    if (nowX >= f.labelWidth && nowX <= f.size.width()) {
        p->setPen(QPen(pal.color(QPalette::Highlight), 1));
        p->drawLine(QPointF(nowX, f.axisHeight - 4), QPointF(nowX, f.size.height()));
    }

    const bool anyStarted = std::any_of(
        m_bars.cbegin(), m_bars.cend(), [](const TimelineBar &b) { return b.hasStart; });
    if (!anyStarted) {
        p->setPen(dimmed(pal));
        p->drawText(plotRect(), Qt::AlignCenter | Qt::TextWordWrap, emptyText());
    }
    p->setPen(pal.color(QPalette::Mid));
    p->drawLine(f.labelWidth, 0, f.labelWidth, f.size.height());
    paintAxis(p, ticks);
}

void TimelinePainter::paintRow(QPainter *p, int row, int y) const
{
    const Frame &f = m_frame;
    const TimelineBar &bar = m_bars.at(row);
    const QPalette &pal = f.palette;
    const QFontMetrics fm(p->font());
    const QRect plot = plotRect();
    const bool current = bar.id == f.currentId;

    // The label: the group dimmed, then the step, which keeps at least two thirds when short.
    QRect text(6, y, f.labelWidth - 12, f.rowHeight);
    if (!bar.group.isEmpty()) {
        const int nameWidth = std::min(fm.horizontalAdvance(bar.name), text.width() * 2 / 3);
        const QString group = fm.elidedText(
            bar.group + u" › "_s, Qt::ElideMiddle, std::max(text.width() - nameWidth, 0));
        p->setPen(dimmed(pal));
        p->drawText(text, Qt::AlignVCenter | Qt::AlignLeft, group);
        text.setLeft(text.left() + fm.horizontalAdvance(group));
    }
    p->setPen(pal.color(QPalette::Text));
    p->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
        fm.elidedText(bar.name, Qt::ElideRight, text.width()));

    // Far-off bars are cut to the plot first: a zoomed-in bar can be millions of pixels wide.
    const QRectF full = barRect(row);
    const QRectF r = full.intersected(QRectF(plot).adjusted(-4, 0, 4, 0));
    if (r.isEmpty())
        return;
    p->save();
    p->setClipRect(plot);
    p->fillRect(r, style::statusColor(bar.status, pal));
    if (current) {
        p->setPen(QPen(pal.color(QPalette::Highlight), 2));
        p->drawRect(r.adjusted(-1, -1, 1, 1));
    }
    const QString status = statusDisplayName(bar.status);
    const QRectF visible = r.intersected(plot);
    if (fm.horizontalAdvance(status) + 8 <= visible.width()) {
        p->setPen(style::statusTextColor(bar.status, pal));
        p->drawText(visible.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, status);
    }
    p->restore();
}

void TimelinePainter::paintAxis(QPainter *p, const QList<TimelineScale::Tick> &ticks) const
{
    const Frame &f = m_frame;
    const QPalette &pal = f.palette;
    const QFontMetrics fm(p->font());
    p->fillRect(QRect(0, 0, f.size.width(), f.axisHeight), pal.color(QPalette::Window));
    p->setPen(pal.color(QPalette::Mid));
    p->drawLine(0, f.axisHeight - 1, f.size.width(), f.axisHeight - 1);
    p->setPen(pal.color(QPalette::WindowText));
    p->drawText(QRect(6, 0, f.labelWidth - 12, f.axisHeight), Qt::AlignVCenter | Qt::AlignLeft,
        f.spec == Qt::UTC ? tr("Step (UTC)") : tr("Step"));
    QFont bold = p->font();
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    for (const TimelineScale::Tick &tick : ticks) {
        p->drawLine(QPointF(tick.x, f.axisHeight - 5), QPointF(tick.x, f.axisHeight));
        // A label that would run off the right edge is left out rather than cut.
        if (tick.x + 3 + boldFm.horizontalAdvance(tick.label) > f.size.width())
            continue;
        p->save();
        if (tick.major)
            p->setFont(bold);
        p->drawText(QPointF(tick.x + 3, f.axisHeight - 7 - fm.descent()), tick.label);
        p->restore();
    }
}

} // namespace sw
