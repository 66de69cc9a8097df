#pragma once

#include "unifiedstatus.h"

#include <QSize>
#include <QString>

class QFontMetrics;
class QPainter;
class QPalette;
class QRect;

/// The status badge every view draws the same way: a rounded pill in the status colour with the
/// status icon at its left and the text in the matching text colour, so a status is told by
/// colour, shape and word together and reads in light and dark palettes alike. Painting is a
/// free function over a QPainter so delegates, charts and tests share it.
namespace sw {

enum class StatusBadgeStyle {
    Solid, ///< the status itself
    /// An operator's action in flight ("Retrying step…"): an outlined, tinted pill that is
    /// plainly not a status the service reported.
    InFlight,
};

/// Paints the badge left-aligned and vertically centred in `rect`, in the painter's font; the
/// text is elided when `rect` is narrower than the badge wants.
void paintStatusBadge(QPainter *painter, const QRect &rect, UnifiedStatus status,
    const QString &text, const QPalette &palette, StatusBadgeStyle style = StatusBadgeStyle::Solid);

/// The size the badge wants for `text` in a font with metrics `fm`.
QSize statusBadgeSizeHint(const QString &text, const QFontMetrics &fm);
/// The width of the widest badge a status column can show, in the current language: what the
/// column needs so that no status is cut.
int widestStatusBadge(const QFontMetrics &fm);

} // namespace sw
