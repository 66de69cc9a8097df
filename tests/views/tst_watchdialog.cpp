// The watch dialog: which scope fields each service shows, live validation with the client's
// rules (problems listed, OK disabled), the edit round trip and the ids parser.
#include "watchdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

Q_DECLARE_METATYPE(sw::Watch)

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

QPushButton *okButton(const WatchDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

template<class T = QLineEdit>
T *field(const WatchDialog &dialog, const QString &name)
{
    auto *w = dialog.findChild<T *>(name);
    Q_ASSERT(w);
    return w;
}

QString labelOf(const WatchDialog &dialog, QWidget *field)
{
    const auto layouts = dialog.findChildren<QFormLayout *>();
    for (const QFormLayout *form : layouts) {
        if (auto *label = qobject_cast<QLabel *>(form->labelForField(field)))
            return label->text();
    }
    return {};
}

void chooseService(WatchDialog &dialog, Service service)
{
    auto *combo = field<QComboBox>(dialog, u"service"_s);
    combo->setCurrentIndex(combo->findData(int(service)));
}

} // namespace

class tst_WatchDialog : public QObject {
    Q_OBJECT

private slots:
    void scopeFields_data();
    void scopeFields();
    void domainValidation_data();
    void domainValidation();
    void newWatch();
    void roundTrip_data();
    void roundTrip();
    void parseIds_data();
    void parseIds();
};

void tst_WatchDialog::scopeFields_data()
{
    QTest::addColumn<Service>("service");
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QString>("idsLabel");

    QTest::newRow("mho") << Service::MigrationHubOrchestrator << QStringList()
                         << u"Workflow ids:"_s;
    QTest::newRow("customer profiles")
        << Service::CustomerProfiles << QStringList {u"domainName"_s} << u"Workflow ids:"_s;
    QTest::newRow("image builder")
        << Service::ImageBuilder << QStringList {u"imageBuildVersionArn"_s}
        << u"Workflow execution ids:"_s;
    QTest::newRow("codecatalyst") << Service::CodeCatalyst
                                  << QStringList {u"spaceName"_s, u"projectName"_s}
                                  << u"Workflow ids:"_s;
}

void tst_WatchDialog::scopeFields()
{
    QFETCH(Service, service);
    QFETCH(QStringList, shown);
    QFETCH(QString, idsLabel);
    WatchDialog dialog({});
    dialog.show();
    // From another service first, so the switch itself is what shows and hides.
    chooseService(dialog,
        service == Service::CodeCatalyst ? Service::CustomerProfiles : Service::CodeCatalyst);
    chooseService(dialog, service);
    for (const QString &name :
        {u"domainName"_s, u"imageBuildVersionArn"_s, u"spaceName"_s, u"projectName"_s}) {
        QLineEdit *edit = field(dialog, name);
        QCOMPARE(edit->isVisible(), shown.contains(name));
    }
    QCOMPARE(labelOf(dialog, field<QPlainTextEdit>(dialog, u"ids"_s)), idsLabel);
    QCOMPARE(dialog.watch().service, service);
}

void tst_WatchDialog::domainValidation_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("dot") << u"my.domain"_s << false;
    QTest::newRow("space") << u"my domain"_s << false;
    QTest::newRow("too long") << QString(65, u'd') << false;
    QTest::newRow("dashes") << u"my-domain"_s << true;
    QTest::newRow("underscores") << u"customer_360"_s << true;
}

void tst_WatchDialog::domainValidation()
{
    QFETCH(QString, domain);
    QFETCH(bool, valid);
    WatchDialog dialog({});
    dialog.show();
    chooseService(dialog, Service::CustomerProfiles);
    QLineEdit *edit = field(dialog, u"domainName"_s);
    edit->setFocus();
    QTest::keyClicks(edit, domain);
    QCOMPARE(dialog.watch().domainName, domain.trimmed());

    auto *problems = field<QLabel>(dialog, u"problems"_s);
    QCOMPARE(okButton(dialog)->isEnabled(), valid);
    QCOMPARE(problems->isVisible(), !valid);
    QCOMPARE(dialog.problems().isEmpty(), valid);
    if (!valid) {
        // Named after the field, as Watch::validate() words it, and listed under the form.
        QVERIFY2(dialog.problems().first().startsWith(u"Domain"_s),
            qPrintable(dialog.problems().join(u'\n')));
        QVERIFY(problems->text().contains(dialog.problems().first()));
        // Enter does not get past the rules either.
        dialog.accept();
        QVERIFY(dialog.isVisible());
    } else {
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
}

void tst_WatchDialog::newWatch()
{
    WatchDialog dialog({u"ops"_s, u"prod"_s});
    QCOMPARE(dialog.windowTitle(), u"Add watch"_s);
    const Watch first = dialog.watch();
    QVERIFY(!first.id.isEmpty());
    QCOMPARE(dialog.watch().id, first.id); // the same id on every call
    QCOMPARE(first.service, Service::MigrationHubOrchestrator);
    QVERIFY(first.profile.isEmpty());
    QVERIFY(first.region.isEmpty());
    QVERIFY(dialog.problems().isEmpty()); // a whole-region MHO watch needs nothing more
    QVERIFY(okButton(dialog)->isEnabled());

    auto *profile = field<QComboBox>(dialog, u"profile"_s);
    QCOMPARE(profile->count(), 3);
    profile->setCurrentIndex(2);
    QCOMPARE(dialog.watch().profile, u"prod"_s);
    profile->setCurrentIndex(0);
    QVERIFY(dialog.watch().profile.isEmpty());

    auto *region = field<QComboBox>(dialog, u"region"_s);
    region->setCurrentText(u"us_east_1"_s);
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(dialog.problems().first().contains(u"us_east_1"_s));
    region->setCurrentText(u"eu-west-1"_s);
    QVERIFY(okButton(dialog)->isEnabled());
    // The name's placeholder is the name a watch gets when none is given.
    QCOMPARE(field(dialog, u"name"_s)->placeholderText(), dialog.watch().displayName());
    QVERIFY(dialog.watch().name.isEmpty());

    field<QSpinBox>(dialog, u"interval"_s)->setValue(30);
    QCOMPARE(dialog.watch().intervalSeconds, 30);
    field(dialog, u"endpointUrl"_s)->setText(u"not a url"_s);
    QVERIFY(!okButton(dialog)->isEnabled());
    field(dialog, u"endpointUrl"_s)->setText(u"http://127.0.0.1:4566"_s);
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(dialog.watch().endpointUrl, u"http://127.0.0.1:4566"_s);
}

void tst_WatchDialog::roundTrip_data()
{
    QTest::addColumn<Watch>("watch");

    Watch w;
    w.id = u"abc123def456"_s;
    w.name = u"Wave 1"_s;
    w.profile = u"ops"_s;
    w.region = u"us-west-2"_s;
    w.ids = QStringList {u"wf-1"_s, u"wf-2"_s};
    w.intervalSeconds = 12;
    w.terminalIntervalSeconds = 900;
    w.discoveryIntervalSeconds = 120;
    w.paused = true;
    QTest::newRow("mho") << w;

    w.service = Service::CustomerProfiles;
    w.domainName = u"my-domain"_s;
    w.endpointUrl = u"http://127.0.0.1:4566"_s;
    w.ids = QStringList {u"0123456789abcdef0123456789abcdef"_s};
    w.paused = false;
    QTest::newRow("customer profiles") << w;

    w.service = Service::ImageBuilder;
    w.domainName.clear();
    w.imageBuildVersionArn = u"arn:aws:imagebuilder:us-west-2:123456789012:image/name/1.0.0/3"_s;
    w.ids.clear();
    w.profile.clear();
    QTest::newRow("image builder") << w;

    w.service = Service::CodeCatalyst;
    w.imageBuildVersionArn.clear();
    w.spaceName = u"my-space"_s;
    w.projectName = u"my-project"_s;
    w.region.clear();
    w.endpointUrl.clear();
    w.ids = QStringList {
        u"01234567-89ab-cdef-0123-456789abcdef"_s, u"fedcba98-7654-3210-fedc-ba9876543210"_s};
    QTest::newRow("codecatalyst") << w;
}

void tst_WatchDialog::roundTrip()
{
    QFETCH(Watch, watch);
    WatchDialog dialog({u"ops"_s});
    dialog.setWatch(watch);
    QCOMPARE(dialog.windowTitle(), u"Edit watch"_s);
    const Watch back = dialog.watch();
    QCOMPARE(back.toJson(), watch.toJson());
    QVERIFY(back == watch);
    QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(u'\n')));
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(field(dialog, u"name"_s)->text(), watch.name);
}

void tst_WatchDialog::parseIds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ids");

    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("blank") << u" \n\t "_s << QStringList();
    QTest::newRow("one") << u"wf-1"_s << QStringList {u"wf-1"_s};
    QTest::newRow("commas") << u"a,b , c,"_s << QStringList {u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("lines and spaces")
        << u"a\nb c\r\n\nd"_s << QStringList {u"a"_s, u"b"_s, u"c"_s, u"d"_s};
    QTest::newRow("duplicates kept for validation") << u"a a"_s << QStringList {u"a"_s, u"a"_s};
}

void tst_WatchDialog::parseIds()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ids);
    QCOMPARE(WatchDialog::parseIds(text), ids);

    // And through the form: a duplicate is a problem the dialog reports.
    WatchDialog dialog({});
    field<QPlainTextEdit>(dialog, u"ids"_s)->setPlainText(text);
    QCOMPARE(dialog.watch().ids, ids);
    const bool unique = QSet<QString>(ids.cbegin(), ids.cend()).size() == ids.size();
    QCOMPARE(okButton(dialog)->isEnabled(), unique);
}

QTEST_MAIN(tst_WatchDialog)
#include "tst_watchdialog.moc"
