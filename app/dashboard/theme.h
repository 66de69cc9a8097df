#pragma once

#include <QPalette>
#include <QString>
#include <QStringView>

#include <optional>

/// The dashboard's colour themes: the platform's own (System), or Qt's Fusion style with a
/// light or a dark palette, for desktops whose theme Qt does not follow and operators who want
/// the dark one in a dark control room. The badges, the timeline and the highlights take their
/// colours from the palette, so they follow.
namespace sw {

enum class Theme { System, Light, Dark };

/// "system", "light", "dark": the value stored in the settings.
QString themeKey(Theme theme);
std::optional<Theme> themeFromKey(QStringView key);
/// As the View › Theme menu names it, translated.
QString themeName(Theme theme);

QPalette lightPalette();
QPalette darkPalette();

/// Applies `theme` to the whole application. The platform's style and palette, as they were
/// at the first call, come back with System.
void applyTheme(Theme theme);

} // namespace sw
