#pragma once

#include "unifiedstatus.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QPalette;

/// How the dashboard draws the unified statuses and the services: one colour, icon and text per
/// status, so that a status is never told by colour alone, and colours chosen per palette so a
/// badge stays readable in light and dark themes. Icons are SVG (crisp at any DPI) from the
/// :/icons resource.
namespace sw::style {

/// True for a palette whose window background is darker than its text.
bool isDark(const QPalette &palette);

/// The badge fill of a status: strong for the statuses an operator acts on, muted for the rest.
QColor statusColor(UnifiedStatus status, const QPalette &palette);
/// Text or glyph colour that reads on statusColor().
QColor statusTextColor(UnifiedStatus status, const QPalette &palette);
/// A wash of the status colour for a row or bar background (alpha blended).
QColor statusTint(UnifiedStatus status, const QPalette &palette);
/// The colour of the "recently changed" highlight behind a row.
QColor highlightColor(const QPalette &palette);
/// Text of a row whose data is not live: halfway between the text and the base colour.
QColor staleTextColor(const QPalette &palette);

QIcon statusIcon(UnifiedStatus status);
QIcon serviceIcon(Service service);
/// An action icon by name ("retry", "run", "refresh", "pause", "export", ...), from
/// :/icons/action-<name>.svg; the theme's icon of `themeName` wins where the desktop has one.
QIcon actionIcon(const QString &name, const QString &themeName = {});
QIcon appIcon();

} // namespace sw::style
