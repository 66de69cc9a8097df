// ElidingLabel: one line cut with "…" to whatever width it gets (re-cut on resize), the whole
// text in the tool tip, line breaks as spaces, and no width asked of a layout, so that beside
// fixed-width widgets it never pushes them or draws over them.
#include "elidinglabel.h"

#include <QHBoxLayout>
#include <QTest>

#include <memory>

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

const QString longText =
    u"Poll of Production · MHO failed: the endpoint did not answer within 30 s, retrying in "
    "60 s (throttled 3 times since 14:02:11; budget 12 of 20 requests per minute in use)"_s;

} // namespace

class tst_ElidingLabel : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void shownText_data();
    void shownText();
    void resizeCutsAgain();
    void fontChangeCutsAgain();
    void asksForNoWidth();
    void besideAFixedWidget();

private:
    /// A label `width` px wide in a shown window, so that it gets its resize events.
    ElidingLabel *label(int width);

    std::unique_ptr<QWidget> m_window;
};

void tst_ElidingLabel::init()
{
    m_window = std::make_unique<QWidget>();
    m_window->resize(2100, 60);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_ElidingLabel::cleanup()
{
    m_window.reset();
}

ElidingLabel *tst_ElidingLabel::label(int width)
{
    auto *label = new ElidingLabel(m_window.get());
    label->setGeometry(0, 0, width, 30);
    label->show();
    return label;
}

void tst_ElidingLabel::shownText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("whole"); // what a wide enough label shows
    QTest::addColumn<bool>("cut");

    QTest::newRow("long, 100 px") << longText << 100 << longText << true;
    QTest::newRow("long, 2000 px") << longText << 2000 << longText << false;
    QTest::newRow("short, 100 px") << u"Ready"_s << 100 << u"Ready"_s << false;
    QTest::newRow("line breaks, 2000 px") << u"Poll failed:\nconnection refused\nretrying"_s << 2000
                                          << u"Poll failed: connection refused retrying"_s << false;
    QTest::newRow("line breaks, 100 px") << u"Poll failed:\nconnection refused\nretrying"_s << 100
                                         << u"Poll failed: connection refused retrying"_s << true;
    QTest::newRow("empty") << QString() << 100 << QString() << false;
}

void tst_ElidingLabel::shownText()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(QString, whole);
    QFETCH(bool, cut);

    ElidingLabel *l = label(width);
    l->setFullText(text);
    QCOMPARE(l->fullText(), text);
    QCOMPARE(l->toolTip(), text); // the whole text, line breaks and all
    const QString shown = l->shownText();
    QCOMPARE(l->text(), shown); // what QLabel paints
    QVERIFY(!shown.contains(u'\n'));
    QVERIFY2(l->fontMetrics().horizontalAdvance(shown) <= l->contentsRect().width(),
        qPrintable(u"%1 px for %2"_s.arg(l->fontMetrics().horizontalAdvance(shown))
                       .arg(l->contentsRect().width())));
    if (!cut) {
        QCOMPARE(shown, whole);
        return;
    }
    QVERIFY2(shown.endsWith(u'…'), qPrintable(shown));
    QVERIFY2(shown.size() > 1, qPrintable(shown)); // some of the text, not just "…"
    QVERIFY2(whole.startsWith(shown.chopped(1)), qPrintable(shown));
    QVERIFY(shown.size() < whole.size());
}

void tst_ElidingLabel::resizeCutsAgain()
{
    ElidingLabel *l = label(100);
    l->setFullText(longText);
    const QString at100 = l->shownText();
    QVERIFY(at100.endsWith(u'…'));

    l->resize(2000, 30);
    QCOMPARE(l->shownText(), longText);
    l->resize(60, 30);
    const QString at60 = l->shownText();
    QVERIFY2(at60.endsWith(u'…') && at60.size() < at100.size(), qPrintable(at60));
    QVERIFY(l->fontMetrics().horizontalAdvance(at60) <= 60);
    // A new text is cut to the current width at once.
    l->setFullText(u"Ready"_s);
    QCOMPARE(l->shownText(), u"Ready"_s);
    QCOMPARE(l->toolTip(), u"Ready"_s);
}

void tst_ElidingLabel::fontChangeCutsAgain()
{
    ElidingLabel *l = label(100);
    l->setFullText(longText);
    QFont bigger = l->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 2);
    l->setFont(bigger);
    QCOMPARE(l->fontMetrics().height(), QFontMetrics(bigger).height());
    // A font change cuts the text again for the new font.
    QVERIFY2(l->fontMetrics().horizontalAdvance(l->shownText()) <= l->contentsRect().width(),
        qPrintable(u"%1 px for %2"_s.arg(l->fontMetrics().horizontalAdvance(l->shownText()))
                       .arg(l->contentsRect().width())));
}

void tst_ElidingLabel::asksForNoWidth()
{
    ElidingLabel *l = label(100);
    QLabel plain;
    for (const QString &text : {u"Ready"_s, longText}) {
        l->setFullText(text);
        plain.setText(text);
        QCOMPARE(l->sizeHint().width(), 0);
        QCOMPARE(l->minimumSizeHint().width(), 0);
        // One line's height, like any label.
        QCOMPARE(l->sizeHint().height(), plain.sizeHint().height());
        QVERIFY(l->sizeHint().height() >= l->fontMetrics().height());
    }
    QCOMPARE(l->sizePolicy().horizontalPolicy(), QSizePolicy::Ignored);
}

void tst_ElidingLabel::besideAFixedWidget()
{
    // As in the status bar: the message takes the room the permanent widget leaves.
    QWidget host;
    auto *layout = new QHBoxLayout(&host);
    auto *message = new ElidingLabel;
    auto *permanent = new QLabel(u"3 watches · 2 running"_s);
    permanent->setFixedWidth(150);
    layout->addWidget(message, 1);
    layout->addWidget(permanent);
    host.resize(400, 40);
    host.show();
    QVERIFY(QTest::qWaitForWindowExposed(&host));

    message->setFullText(longText + u' ' + longText + u' ' + longText);
    layout->activate();
    QCOMPARE(host.width(), 400);
    QVERIFY2(host.minimumSizeHint().width() < 400,
        qPrintable(QString::number(host.minimumSizeHint().width())));
    QCOMPARE(permanent->width(), 150);
    QVERIFY(host.rect().contains(permanent->geometry()));
    QVERIFY2(!message->geometry().intersects(permanent->geometry()),
        qPrintable(u"message %1-%2, permanent %3-%4"_s.arg(message->geometry().left())
                       .arg(message->geometry().right())
                       .arg(permanent->geometry().left())
                       .arg(permanent->geometry().right())));
    QVERIFY(message->width() > 100); // the rest of the row is the message's
    QVERIFY(message->shownText().endsWith(u'…'));
    QVERIFY(message->fontMetrics().horizontalAdvance(message->shownText()) <= message->width());

    // A short message leaves the permanent widget where it was.
    const QRect before = permanent->geometry();
    message->setFullText(u"Ready"_s);
    layout->activate();
    QCOMPARE(permanent->geometry(), before);
    QCOMPARE(message->shownText(), u"Ready"_s);
}

QTEST_MAIN(tst_ElidingLabel)
#include "tst_elidinglabel.moc"
