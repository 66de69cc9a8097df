#include "translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace sw {

QStringList installTranslations(QCoreApplication *app, const QLocale &locale)
{
    QStringList loaded;
    auto install = [&](QTranslator *translator) {
        QCoreApplication::installTranslator(translator);
        loaded << QFileInfo(translator->filePath()).completeBaseName();
    };
    // Qt's catalogue first, so that ours (installed later, asked first) can override it.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        install(qt);
    else
        delete qt;
    // The locale's translation, else English: the source strings say "workflow(s)", and the
    // English file has the plural forms.
    auto *ours = new QTranslator(app);
    if (ours->load(locale, u"stepwatch"_s, u"_"_s, u":/i18n"_s)
        || ours->load(u"stepwatch_en"_s, u":/i18n"_s))
        install(ours);
    else
        delete ours;
    return loaded;
}

} // namespace sw
