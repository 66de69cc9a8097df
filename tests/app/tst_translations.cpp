// The dashboard in German: Qt's own texts (standard buttons, dialogs) from Qt's catalogue,
// Stepwatch's from its own, and English plural forms for every other locale.

#include "translations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

class tst_Translations : public QObject {
    Q_OBJECT

private slots:
    void germanHasQtsOwnTextsToo();
    void otherLocalesFallBackToEnglish();
};

// The buttons of every question the dashboard asks ("Retry 2 FAILED steps?") come from Qt:
// without its catalogue they stayed English in a German window.
void tst_Translations::germanHasQtsOwnTextsToo()
{
    const QStringList loaded = sw::installTranslations(qApp, QLocale(u"de_DE"_s));
    QVERIFY2(loaded.contains(u"qtbase_de"_s), qPrintable(loaded.join(u", "_s)));
    QVERIFY2(loaded.contains(u"stepwatch_de"_s), qPrintable(loaded.join(u", "_s)));
    QDialogButtonBox box(QDialogButtonBox::Yes | QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(u'&'), u"Abbrechen"_s);
    QCOMPARE(box.button(QDialogButtonBox::Yes)->text().remove(u'&'), u"Ja"_s);
    QCOMPARE(QCoreApplication::translate("sw::WorkflowTableModel", "Reason / message"),
        u"Grund / Meldung"_s);
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

void tst_Translations::otherLocalesFallBackToEnglish()
{
    const QStringList loaded = sw::installTranslations(qApp, QLocale(u"sw_KE"_s));
    QVERIFY2(loaded.contains(u"stepwatch_en"_s), qPrintable(loaded.join(u", "_s)));
    QCOMPARE(QCoreApplication::translate("sw::WorkflowTableModel", "%n failed", nullptr, 2),
        u"2 failed"_s);
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
