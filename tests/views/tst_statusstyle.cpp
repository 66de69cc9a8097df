// Every status, service and action has its icon in the resources, and every status colour
// reads against its text colour in light and dark palettes.

#include "statusstyle.h"

#include <QPalette>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace sw;

namespace {

double luminance(const QColor &c)
{
    auto channel = [](double v) {
        v /= 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

/// WCAG 2 contrast ratio, 1 to 21.
double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette palette(bool dark)
{
    QPalette p;
    p.setColor(QPalette::Window, dark ? QColor(40, 40, 40) : QColor(240, 240, 240));
    p.setColor(QPalette::WindowText, dark ? QColor(230, 230, 230) : QColor(20, 20, 20));
    return p;
}

} // namespace

class tst_StatusStyle : public QObject {
    Q_OBJECT

private slots:
    void iconsExist();
    void badgesAreReadable_data();
    void badgesAreReadable();
    void paletteDarkness();
};

void tst_StatusStyle::iconsExist()
{
    for (int s = 0; s < UnifiedStatusCount; ++s) {
        const QIcon icon = style::statusIcon(UnifiedStatus(s));
        QVERIFY2(!icon.pixmap(16).isNull(), qPrintable(statusKey(UnifiedStatus(s))));
    }
    for (int s = 0; s < ServiceCount; ++s)
        QVERIFY2(
            !style::serviceIcon(Service(s)).pixmap(16).isNull(), qPrintable(serviceId(Service(s))));
    for (const QString &name : {u"retry"_s, u"run"_s, u"refresh"_s, u"pause"_s, u"resume"_s,
             u"export"_s, u"add"_s, u"edit"_s, u"remove"_s, u"copy"_s, u"zoom-in"_s, u"zoom-out"_s,
             u"zoom-fit"_s, u"filter"_s, u"attention"_s, u"demo"_s, u"settings"_s})
        QVERIFY2(!style::actionIcon(name).pixmap(16).isNull(), qPrintable(name));
    QVERIFY(!style::appIcon().pixmap(64).isNull());
    // A name without a file gives a null icon, so the checks above can fail.
    QVERIFY(style::actionIcon(u"no-such-action"_s).pixmap(16).isNull());
}

void tst_StatusStyle::badgesAreReadable_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void tst_StatusStyle::badgesAreReadable()
{
    QFETCH(bool, dark);
    const QPalette p = palette(dark);
    for (int s = 0; s < UnifiedStatusCount; ++s) {
        const auto status = UnifiedStatus(s);
        const double ratio =
            contrast(style::statusColor(status, p), style::statusTextColor(status, p));
        // WCAG AA for the badge's small bold text.
        QVERIFY2(ratio >= 4.5,
            qPrintable(u"%1 in %2: %3"_s.arg(statusKey(status), dark ? u"dark"_s : u"light"_s)
                           .arg(ratio, 0, 'f', 2)));
    }
    QVERIFY(style::statusColor(UnifiedStatus::Failed, p)
        != style::statusColor(UnifiedStatus::Succeeded, p));
}

void tst_StatusStyle::paletteDarkness()
{
    QVERIFY(style::isDark(palette(true)));
    QVERIFY(!style::isDark(palette(false)));
    QVERIFY(style::statusColor(UnifiedStatus::Running, palette(true))
        != style::statusColor(UnifiedStatus::Running, palette(false)));
}

QTEST_MAIN(tst_StatusStyle)
#include "tst_statusstyle.moc"
