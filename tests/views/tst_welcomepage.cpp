// The welcome page: its two buttons ask for the demo and the dialog, Enter starts the demo, and
// the credentials notice shows only with a text.
#include "welcomepage.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace sw;
using namespace Qt::StringLiterals;

class tst_WelcomePage : public QObject {
    Q_OBJECT

private slots:
    void buttons_data();
    void buttons();
    void enterStartsDemo();
    void notice();
};

void tst_WelcomePage::buttons_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("demo");

    QTest::newRow("demo") << u"demo"_s << u"Try the demo"_s << true;
    QTest::newRow("add") << u"addWatch"_s << u"Add a watch…"_s << false;
}

void tst_WelcomePage::buttons()
{
    QFETCH(QString, button);
    QFETCH(QString, text);
    QFETCH(bool, demo);
    WelcomePage page;
    page.show();
    QSignalSpy demoSpy(&page, &WelcomePage::demoRequested);
    QSignalSpy addSpy(&page, &WelcomePage::addWatchRequested);
    auto *b = page.findChild<QPushButton *>(button);
    QVERIFY(b);
    QCOMPARE(b->text(), text);
    QTest::mouseClick(b, Qt::LeftButton);
    QCOMPARE(demoSpy.count(), demo ? 1 : 0);
    QCOMPARE(addSpy.count(), demo ? 0 : 1);
    QVERIFY(page.findChild<QLabel *>(u"title"_s)->text().contains(u"Welcome to Stepwatch"_s));
    QVERIFY(page.findChild<QLabel *>(u"demoNote"_s)->text().contains(u"no AWS account"_s));
}

void tst_WelcomePage::enterStartsDemo()
{
    WelcomePage page;
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *demo = page.findChild<QPushButton *>(u"demo"_s);
    QVERIFY(demo->isDefault());
    QCOMPARE(page.focusProxy(), demo);
    QSignalSpy demoSpy(&page, &WelcomePage::demoRequested);
    QTest::keyClick(demo, Qt::Key_Return);
    QCOMPARE(demoSpy.count(), 1);
}

void tst_WelcomePage::notice()
{
    WelcomePage page;
    page.show();
    auto *frame = page.findChild<QWidget *>(u"credentialsNotice"_s);
    auto *label = page.findChild<QLabel *>(u"credentialsNoticeText"_s);
    QVERIFY(frame);
    QVERIFY(label);
    QVERIFY(!frame->isVisible());

    const QString text = u"No AWS credentials were found on this computer."_s;
    const QString details = u"Looked in: the environment (AWS_ACCESS_KEY_ID), "
                            "~/.aws/credentials, ~/.aws/config."_s;
    page.setCredentialsNotice(text, details);
    QVERIFY(frame->isVisible());
    QCOMPARE(label->text(), text);
    QCOMPARE(page.credentialsNotice(), text);
    // The details wait behind the toggle.
    auto *toggle = page.findChild<QToolButton *>(u"credentialsDetailsToggle"_s);
    auto *shown = page.findChild<QLabel *>(u"credentialsDetails"_s);
    QVERIFY(toggle && shown);
    QVERIFY(toggle->isVisible());
    QVERIFY(!shown->isVisible());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(page.detailsShown());
    QVERIFY(shown->isVisible());
    QCOMPARE(page.credentialsDetails(), details);
    QCOMPARE(toggle->text(), u"Hide where I looked"_s);

    // No details: no toggle.
    page.setCredentialsNotice(text);
    QVERIFY(!toggle->isVisible());
    QVERIFY(!shown->isVisible());

    page.setCredentialsNotice({});
    QVERIFY(!frame->isVisible());
}

QTEST_MAIN(tst_WelcomePage)
#include "tst_welcomepage.moc"
