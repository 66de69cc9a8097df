#include "statusbadge.h"

#include "statusstyle.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

/// Everything derives from the font height, so the badge scales with the font and the DPI.
struct Metrics {
    int height;
    int icon;
    int inset; ///< around the icon, which sits concentric with the left round end
    int gap; ///< between icon and text
    int trailing; ///< after the text: the right round end must not cut into the glyphs

    explicit Metrics(const QFontMetrics &fm)
        : height(fm.height() + 4), icon(std::max(8, fm.height() - 2)), inset((height - icon) / 2),
          gap(std::max(3, fm.height() / 4)), trailing(height / 2)
    {
    }
};

} // namespace

QSize statusBadgeSizeHint(const QString &text, const QFontMetrics &fm)
{
    const Metrics m(fm);
    if (text.isEmpty())
        return {m.inset + m.icon + m.inset, m.height};
    return {m.inset + m.icon + m.gap + fm.horizontalAdvance(text) + m.trailing, m.height};
}

int widestStatusBadge(const QFontMetrics &fm)
{
    int widest = 0;
    for (int status = 0; status < UnifiedStatusCount; ++status) {
        widest = std::max(
            widest, statusBadgeSizeHint(statusDisplayName(UnifiedStatus(status)), fm).width());
    }
    return widest;
}

void paintStatusBadge(QPainter *painter, const QRect &rect, UnifiedStatus status,
    const QString &text, const QPalette &palette, StatusBadgeStyle style)
{
    if (!painter || !rect.isValid())
        return;
    const QFontMetrics fm(painter->font());
    const Metrics m(fm);
    const QSize wanted = statusBadgeSizeHint(text, fm);
    const int height = std::min(wanted.height(), rect.height());
    const QRect badge(rect.left(), rect.top() + (rect.height() - height) / 2,
        std::min(wanted.width(), rect.width()), height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(rect, Qt::IntersectClip);
    const qreal radius = badge.height() / 2.0;
    QColor textColour;
    if (style == StatusBadgeStyle::InFlight) {
        // Inset by half the pen so the outline stays inside the badge rectangle.
        const QRectF outline = QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5);
        painter->setPen(QPen(style::statusColor(status, palette), 1.0, Qt::DashLine));
        painter->setBrush(style::statusTint(status, palette));
        painter->drawRoundedRect(outline, radius - 0.5, radius - 0.5);
        textColour = palette.color(QPalette::Text);
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(style::statusColor(status, palette));
        painter->drawRoundedRect(badge, radius, radius);
        textColour = style::statusTextColor(status, palette);
    }

    const int iconSide = std::min(m.icon, badge.height() - 2);
    const QRect iconRect(
        badge.left() + m.inset, badge.top() + (badge.height() - iconSide) / 2, iconSide, iconSide);
    const QIcon icon = style == StatusBadgeStyle::InFlight ? style::actionIcon(u"refresh"_s)
                                                           : style::statusIcon(status);
    icon.paint(painter, iconRect);

    const int textLeft = iconRect.right() + 1 + m.gap;
    const QRect textRect(
        textLeft, badge.top(), badge.right() + 1 - m.trailing - textLeft, badge.height());
    if (!text.isEmpty() && textRect.width() > 0) {
        painter->setPen(textColour);
        // elidedText() measures a little wider than horizontalAdvance(), which sized the
        // badge: it would elide a text that fits exactly.
        const bool fits = fm.horizontalAdvance(text) <= textRect.width();
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            fits ? text : fm.elidedText(text, Qt::ElideRight, textRect.width()));
    }
    painter->restore();
}

} // namespace sw
