// The status badge painted into images in a light and a dark palette: the pill carries the
// status colour of the palette (and not the other palette's), the text stays inside the
// rectangle it was given, and the size hint follows the text.
#include "statusbadge.h"
#include "statusstyle.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QTest>

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf4, 0xf4, 0xf4));
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    return p;
}

const QRect BadgeArea(10, 10, 200, 30);

QImage paintBadge(UnifiedStatus status, const QString &text, const QPalette &palette,
    StatusBadgeStyle style = StatusBadgeStyle::Solid, const QRect &area = BadgeArea)
{
    QImage image(240, 50, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette.color(QPalette::Base));
    QPainter painter(&image);
    painter.setFont(QApplication::font());
    paintStatusBadge(&painter, area, status, text, palette, style);
    return image;
}

int countColour(const QImage &image, const QColor &colour, const QRect &within = {})
{
    const QRect r = within.isNull() ? image.rect() : within;
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            if (image.pixelColor(x, y).rgb() == colour.rgb())
                ++n;
        }
    }
    return n;
}

/// How far the pixels of `within` are from `background`, summed: the amount of ink on it.
qint64 ink(const QImage &image, const QColor &background, const QRect &within)
{
    qint64 sum = 0;
    for (int y = within.top(); y <= within.bottom(); ++y) {
        for (int x = within.left(); x <= within.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            sum += qAbs(c.red() - background.red()) + qAbs(c.green() - background.green())
                + qAbs(c.blue() - background.blue());
        }
    }
    return sum;
}

QRect paintedBounds(const QImage &image, const QColor &background)
{
    QRect bounds;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y).rgb() != background.rgb())
                bounds |= QRect(x, y, 1, 1);
        }
    }
    return bounds;
}

} // namespace

Q_DECLARE_METATYPE(sw::UnifiedStatus)

class TstStatusBadge : public QObject {
    Q_OBJECT

private slots:
    void colours_data();
    void colours();
    void inFlightIsDistinct();
    void staysInsideAndCentred();
    void exactWidthDoesNotElide_data();
    void exactWidthDoesNotElide();
    void elidesLongText();
    void sizeHintGrowsWithText();
};

void TstStatusBadge::colours_data()
{
    QTest::addColumn<UnifiedStatus>("status");
    for (int i = 0; i < UnifiedStatusCount; ++i) {
        const auto status = UnifiedStatus(i);
        QTest::newRow(qPrintable(statusKey(status))) << status;
    }
}

void TstStatusBadge::colours()
{
    QFETCH(UnifiedStatus, status);
    const QString text = statusDisplayName(status);
    const QColor light = style::statusColor(status, lightPalette());
    const QColor dark = style::statusColor(status, darkPalette());
    QVERIFY(light.rgb() != dark.rgb());

    const QImage lightImage = paintBadge(status, text, lightPalette());
    const QImage darkImage = paintBadge(status, text, darkPalette());
    const QSize hint = statusBadgeSizeHint(text, QFontMetrics(QApplication::font()));
    const int area = hint.width() * hint.height();
    // Most of the pill is fill; icon, glyphs and the anti-aliased rim take the rest.
    QVERIFY2(countColour(lightImage, light) > area / 3,
        qPrintable(u"%1 of %2"_s.arg(countColour(lightImage, light)).arg(area)));
    QVERIFY(countColour(darkImage, dark) > area / 3);
    // The other palette's fill is not what was painted (an icon or an anti-aliased pixel may
    // happen to share its colour).
    QVERIFY(countColour(lightImage, dark) < countColour(lightImage, light) / 4);
    QVERIFY(countColour(darkImage, light) < countColour(darkImage, dark) / 4);
    // The text is drawn in the text colour of the palette.
    QVERIFY(countColour(lightImage, style::statusTextColor(status, lightPalette())) > 0);
    QVERIFY(countColour(darkImage, style::statusTextColor(status, darkPalette())) > 0);
}

void TstStatusBadge::inFlightIsDistinct()
{
    const QPalette palette = lightPalette();
    const QColor fill = style::statusColor(UnifiedStatus::Failed, palette);
    const QImage solid = paintBadge(UnifiedStatus::Failed, u"Retrying step…"_s, palette);
    const QImage inFlight =
        paintBadge(UnifiedStatus::Failed, u"Retrying step…"_s, palette, StatusBadgeStyle::InFlight);
    QVERIFY(solid != inFlight);
    // Outlined in the status colour, not filled with it.
    const int solidFill = countColour(solid, fill);
    const int outline = countColour(inFlight, fill);
    QVERIFY(outline > 0);
    QVERIFY2(outline < solidFill / 4, qPrintable(u"%1 vs %2"_s.arg(outline).arg(solidFill)));
    // The text is in the palette's text colour, readable on the light tint.
    QVERIFY(countColour(inFlight, palette.color(QPalette::Text)) > 0);
}

void TstStatusBadge::staysInsideAndCentred()
{
    const QPalette palette = lightPalette();
    const QRect area(20, 5, 180, 40);
    const QImage image =
        paintBadge(UnifiedStatus::Running, u"Running"_s, palette, StatusBadgeStyle::Solid, area);
    const QRect bounds = paintedBounds(image, palette.color(QPalette::Base));
    QVERIFY(!bounds.isEmpty());
    QVERIFY(area.contains(bounds));
    QCOMPARE(bounds.left(), area.left());
    const QSize hint = statusBadgeSizeHint(u"Running"_s, QFontMetrics(QApplication::font()));
    QCOMPARE(bounds.height(), hint.height());
    QVERIFY(qAbs(bounds.width() - hint.width()) <= 1);
    // Same space above and below, give or take the odd pixel.
    QVERIFY(qAbs((bounds.top() - area.top()) - (area.bottom() - bounds.bottom())) <= 1);
}

void TstStatusBadge::exactWidthDoesNotElide_data()
{
    colours_data();
}

void TstStatusBadge::exactWidthDoesNotElide()
{
    // A badge exactly as wide as its size hint carries as much ink between its icon and its
    // round right end as the whole text drawn on the badge colour: nothing was elided.
    QFETCH(UnifiedStatus, status);
    const QPalette palette = lightPalette();
    const QString text = statusDisplayName(status);
    const QFont font = QApplication::font();
    const QColor fill = style::statusColor(status, palette);
    const QSize hint = statusBadgeSizeHint(text, QFontMetrics(font));
    const QRect exact(BadgeArea.topLeft(), QSize(hint.width(), BadgeArea.height()));
    const QImage badge = paintBadge(status, text, palette, StatusBadgeStyle::Solid, exact);
    const QRect painted = paintedBounds(badge, palette.color(QPalette::Base));
    // The icon sits within the first badge height, the round end in the last half height.
    const QRect textArea(painted.left() + hint.height(), painted.top(),
        painted.width() - hint.height() - hint.height() / 2, painted.height());

    QImage reference(240, 50, QImage::Format_ARGB32_Premultiplied);
    reference.fill(fill);
    QPainter painter(&reference);
    painter.setFont(font);
    painter.setPen(style::statusTextColor(status, palette));
    painter.drawText(reference.rect(), Qt::AlignCenter, text);
    painter.end();

    const qint64 badgeInk = ink(badge, fill, textArea);
    const qint64 textInk = ink(reference, fill, reference.rect());
    QVERIFY(textInk > 0);
    QVERIFY2(qAbs(badgeInk - textInk) <= textInk / 20,
        qPrintable(u"badge %1, text %2"_s.arg(badgeInk).arg(textInk)));
}

void TstStatusBadge::elidesLongText()
{
    const QPalette palette = lightPalette();
    const QString text = u"A status text far longer than the narrow cell it is painted in"_s;
    const QRect area(10, 10, 80, 30);
    const QImage image =
        paintBadge(UnifiedStatus::Failed, text, palette, StatusBadgeStyle::Solid, area);
    const QRect bounds = paintedBounds(image, palette.color(QPalette::Base));
    QVERIFY(area.contains(bounds));
    QCOMPARE(bounds.width(), area.width());
    // Nothing spills over the right edge of the cell.
    QCOMPARE(countColour(image, style::statusColor(UnifiedStatus::Failed, palette),
                 QRect(area.right() + 1, 0, image.width() - area.right() - 1, image.height())),
        0);
}

void TstStatusBadge::sizeHintGrowsWithText()
{
    const QFontMetrics fm(QApplication::font());
    const QSize none = statusBadgeSizeHint(QString(), fm);
    const QSize shortText = statusBadgeSizeHint(u"Failed"_s, fm);
    const QSize longText = statusBadgeSizeHint(u"Needs attention"_s, fm);
    QVERIFY(none.width() > 0);
    QVERIFY(shortText.width() > none.width());
    QVERIFY(longText.width() > shortText.width());
    QCOMPARE(longText.width() - shortText.width(),
        fm.horizontalAdvance(u"Needs attention"_s) - fm.horizontalAdvance(u"Failed"_s));
    QCOMPARE(shortText.height(), longText.height());
    QVERIFY(shortText.height() >= fm.height());

    QFont big = QApplication::font();
    big.setPixelSize(fm.height() * 2);
    const QSize bigText = statusBadgeSizeHint(u"Failed"_s, QFontMetrics(big));
    QVERIFY(bigText.height() > shortText.height());
    QVERIFY(bigText.width() > shortText.width());
}

QTEST_MAIN(TstStatusBadge)
#include "tst_statusbadge.moc"
