#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace sw {

/// Installs the translations for `locale` on `app` (the translators become its children):
/// Qt's own (qtbase: the standard buttons and dialogs, from Qt's translations folder), then
/// Stepwatch's (embedded), falling back to the English plural forms. Returns the names of the
/// catalogues loaded, e.g. {"qtbase_de", "stepwatch_de"}.
QStringList installTranslations(QCoreApplication *app, const QLocale &locale);

} // namespace sw
