// The workflow table's delegate on stale rows (dimmed, in italics, with a faded badge and strip)
// and the progress cell's strip of succeeded, failed and skipped steps, highlighted whole.
#include "statusbadge.h"
#include "statusstyle.h"
#include "workflowdelegate.h"
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include "views/workflowdelegatetestsupport.h"

#include <QPainter>
#include <QTableView>
#include <QTest>

#include <optional>

using namespace sw;
using namespace sw::test::delegate;
using namespace Qt::StringLiterals;
using M = WorkflowTableModel;

namespace {

int countNear(const QImage &image, const QColor &colour, int tolerance = 3)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += near(image.pixelColor(x, y), colour, tolerance);
    }
    return n;
}

// `over` painted at half opacity on `under`.
QColor halfOver(const QColor &over, const QColor &under)
{
    QColor c = over;
    c.setAlphaF(0.5);
    return blend(c, under);
}

int distance(const QColor &a, const QColor &b)
{
    return qAbs(a.red() - b.red()) + qAbs(a.green() - b.green()) + qAbs(a.blue() - b.blue());
}

// The colour of text at full coverage: of the pixels of `image`, the farthest from `background`.
QColor inkiest(const QImage &image, const QColor &background)
{
    QColor ink = background;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (distance(c, background) > distance(ink, background))
                ink = c;
        }
    }
    return ink;
}

// Every watch of the fixture offline: all its rows stale.
WatchFreshness offline()
{
    WatchFreshness f;
    f.live = false;
    f.problem = u"Offline since 13:00:00: connection refused"_s;
    f.since = Now.addSecs(-187);
    return f;
}

} // namespace

class TstWorkflowDelegateStale : public QObject, private TableFixture {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void progressStrip_data();
    void progressStrip();
    void progressCellHighlightedWhole();
    void staleRowText_data();
    void staleRowText();
    void staleRowInTheView();
    void staleBadgeFaded();

private:
    /// What the view would give the delegate for a cell, in an active window.
    QStyleOptionViewItem viewOption() const;
    /// The cell painted by the delegate alone with `option`, on the option's Base.
    QImage paintCell(const QModelIndex &index, QStyleOptionViewItem option) const;
};

void TstWorkflowDelegateStale::init()
{
    setUp(this);
}

void TstWorkflowDelegateStale::cleanup()
{
    tearDown();
}

QStyleOptionViewItem TstWorkflowDelegateStale::viewOption() const
{
    QStyleOptionViewItem option;
    option.initFrom(m_view->viewport());
    option.widget = m_view;
    option.state |= QStyle::State_Enabled | QStyle::State_Active;
    option.state &= ~QStyle::State_HasFocus; // no focus frame over the text
    option.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    return option;
}

QImage TstWorkflowDelegateStale::paintCell(
    const QModelIndex &index, QStyleOptionViewItem option) const
{
    option.rect = QRect(QPoint(0, 0), m_view->visualRect(index).size());
    QImage image(option.rect.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(option.palette.color(QPalette::Base));
    QPainter painter(&image);
    m_delegate->paint(&painter, option, index);
    return image;
}

void TstWorkflowDelegateStale::progressStrip_data()
{
    QTest::addColumn<int>("succeeded"); // -1: unknown
    QTest::addColumn<int>("failed");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<int>("total");
    // The strip from left to right: S succeeded, F failed, K skipped, M the rest (the palette's
    // Mid), each `units` of `total` wide; none at all when `segments` is empty.
    QTest::addColumn<QString>("segments");
    QTest::addColumn<QList<int>>("units");

    QTest::newRow("3 succeeded, 1 failed, 2 skipped of 8")
        << 3 << 1 << 2 << 8 << u"SFKM"_s << QList<int> {3, 1, 2, 2};
    QTest::newRow("6 of 12, nothing else known")
        << 6 << -1 << -1 << 12 << u"SM"_s << QList<int> {6, 6};
    QTest::newRow("all succeeded") << 5 << 0 << 0 << 5 << u"S"_s << QList<int> {5};
    QTest::newRow("none succeeded, 2 failed of 4")
        << 0 << 2 << -1 << 4 << u"FM"_s << QList<int> {2, 2};
    QTest::newRow("nothing done yet") << 0 << 0 << 0 << 7 << u"M"_s << QList<int> {7};
    QTest::newRow("counts past the total are cut at the end")
        << 6 << 4 << 1 << 8 << u"SF"_s << QList<int> {6, 2};
    QTest::newRow("no total: no strip") << 4 << 1 << -1 << -1 << QString() << QList<int> {};
    QTest::newRow("a total of 0: no strip") << 0 << 0 << 0 << 0 << QString() << QList<int> {};
}

void TstWorkflowDelegateStale::progressStrip()
{
    QFETCH(int, succeeded);
    QFETCH(int, failed);
    QFETCH(int, skipped);
    QFETCH(int, total);
    QFETCH(QString, segments);
    QFETCH(QList<int>, units);

    const auto count = [](int n) {
        return n < 0 ? std::optional<qint64>() : qint64(n);
    };
    WorkflowSnapshot w = workflow(u"w9"_s, UnifiedStatus::Running, u"IN_PROGRESS"_s);
    w.completedSteps = count(succeeded);
    w.failedSteps = count(failed);
    w.skippedSteps = count(skipped);
    w.totalSteps = count(total);
    m_model->setHighlightDuration(0); // the cell on Base
    m_model->mergeWorkflow(w);
    const QModelIndex progress = cell(u"w9"_s, M::ProgressColumn);
    QVERIFY(progress.isValid());
    QCOMPARE(progress.data(M::TotalStepsRole).isValid(), total >= 0);

    const QPalette palette = m_view->palette();
    const QColor base = palette.color(QPalette::Base);
    const QImage image = grabCell(progress);
    // As the delegate lays it out: 4 px high, 1 px above the cell's bottom, inside the margins.
    const int left = 3;
    const int width = image.width() - 6;
    const int top = image.height() - 6;
    const auto letterOf = [&palette](const QColor &c) {
        const std::pair<QChar, QColor> colours[] = {
            {u'S', style::statusColor(UnifiedStatus::Succeeded, palette)},
            {u'F', style::statusColor(UnifiedStatus::Failed, palette)},
            {u'K', style::statusColor(UnifiedStatus::Skipped, palette)},
            {u'M', palette.color(QPalette::Mid)},
        };
        for (const auto &[letter, colour] : colours) {
            if (c.rgb() == colour.rgb())
                return letter;
        }
        return QChar(u'?');
    };

    if (segments.isEmpty()) {
        for (int y = top; y < top + 4; ++y) {
            for (int x = 0; x < image.width(); ++x)
                QVERIFY2(image.pixelColor(x, y) == base,
                    qPrintable(u"%1,%2: %3"_s.arg(x).arg(y).arg(describe(image.pixelColor(x, y)))));
        }
        return;
    }
    // Every row of the strip alike; runs of one colour, in order, of the expected widths.
    for (int y = top; y < top + 4; ++y) {
        QString runs;
        QList<int> widths;
        for (int x = left; x < left + width; ++x) {
            const QChar letter = letterOf(image.pixelColor(x, y));
            if (runs.isEmpty() || runs.back() != letter) {
                runs += letter;
                widths << 0;
            }
            ++widths.back();
        }
        QCOMPARE(runs, segments);
        for (int i = 0; i < units.size(); ++i) {
            const double expected = double(width) * units.at(i) / total;
            QVERIFY2(std::abs(widths.at(i) - expected) <= 1.0,
                qPrintable(u"segment %1: %2 px, expected %3"_s.arg(runs.at(i))
                               .arg(widths.at(i))
                               .arg(expected)));
        }
    }
    // Nothing of it in the margins, nor above or below it.
    for (const QPoint &p : {QPoint(left - 2, top + 1), QPoint(left + width + 1, top + 1),
             QPoint(left + width / 2, top + 5), QPoint(left + width / 2, top - 2)})
        QVERIFY2(
            letterOf(image.pixelColor(p)) == u'?', qPrintable(u"%1,%2"_s.arg(p.x()).arg(p.y())));
    // The text is still there, above the strip.
    QVERIFY(countColour(image.copy(0, 0, image.width(), top), palette.color(QPalette::Text)) > 0);
}

void TstWorkflowDelegateStale::progressCellHighlightedWhole()
{
    // A poll changed w2: its whole row is highlighted, the progress cell down to its bottom
    // edge like every other cell, under and beside the strip.
    QList<WorkflowSnapshot> next = fleet();
    next[1].message = u"Step 7 started"_s;
    m_model->mergeWatch(u"a"_s, next);
    const QPalette palette = m_view->palette();
    const QColor expected = blend(style::highlightColor(palette), palette.color(QPalette::Base));
    const QImage name = grabCell(cell(u"w2"_s, M::NameColumn));
    QVERIFY(near(name.pixelColor(name.width() - 3, name.height() - 1), expected));
    const QImage progress = grabCell(cell(u"w2"_s, M::ProgressColumn));
    QVERIFY2(near(progress.pixelColor(1, progress.height() / 2), expected),
        qPrintable(describe(progress.pixelColor(1, progress.height() / 2))));
    // The highlight fills the whole cell, the strip's rows included.
    QVERIFY2(near(progress.pixelColor(1, progress.height() - 1), expected),
        qPrintable(describe(progress.pixelColor(1, progress.height() - 1))));
}

void TstWorkflowDelegateStale::staleRowText_data()
{
    QTest::addColumn<bool>("activeWindow");
    QTest::newRow("active window") << true;
    QTest::newRow("inactive window") << false;
}

void TstWorkflowDelegateStale::staleRowText()
{
    QFETCH(bool, activeWindow);

    const QModelIndex name = cell(u"w1"_s, M::NameColumn);
    QVERIFY(!name.data(M::StaleRole).toBool());
    QStyleOptionViewItem option = viewOption();
    if (!activeWindow)
        option.state &= ~QStyle::State_Active; // the style draws with the Inactive colours
    const QColor text = option.palette.color(QPalette::Text);
    const QColor stale = style::staleTextColor(option.palette);
    QVERIFY(distance(stale, text) > 60);

    // What a stale row must look like, painted from the fresh row: italic, in the stale colour.
    QStyleOptionViewItem expectedOption = option;
    expectedOption.font.setItalic(true);
    for (const auto group : {QPalette::Active, QPalette::Inactive}) {
        expectedOption.palette.setColor(group, QPalette::Text, stale);
        expectedOption.palette.setColor(group, QPalette::WindowText, stale);
    }
    const QImage expected = paintCell(name, expectedOption);
    QStyleOptionViewItem upright = expectedOption;
    upright.font.setItalic(false);
    const QImage notItalic = paintCell(name, upright);
    const QImage fresh = paintCell(name, option);
    QVERIFY(expected != notItalic);
    const QColor base = option.palette.color(QPalette::Base);
    QCOMPARE(inkiest(fresh, base), text);

    m_model->setWatchFreshness(u"a"_s, offline());
    QVERIFY(name.data(M::StaleRole).toBool());
    const QImage staleImage = paintCell(name, option);
    // Dimmed once, in active and inactive windows alike.
    QCOMPARE(inkiest(staleImage, base), stale);
    QCOMPARE(staleImage, expected);
    // The text is the same; only how it is drawn differs.
    QCOMPARE(m_delegate->displayedText(name), u"Workflow w1"_s);

    // Live again: upright, in the text colour.
    m_model->setWatchFreshness(u"a"_s, WatchFreshness());
    m_model->confirmWatch(u"a"_s);
    QVERIFY(!name.data(M::StaleRole).toBool());
    QCOMPARE(paintCell(name, option), fresh);
}

void TstWorkflowDelegateStale::staleRowInTheView()
{
    // In the table itself, every text column of a stale row is dimmed, the time columns too.
    const QPalette palette = m_view->palette();
    const QColor stale = style::staleTextColor(palette);
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    // The text of a cell, above the progress strip.
    const auto textInk = [this, &base](int column) {
        const QImage image = grabCell(cell(u"w2"_s, column));
        return inkiest(image.copy(0, 0, image.width(), image.height() - 7), base);
    };
    const QList<int> columns {M::NameColumn, M::StartColumn, M::ProgressColumn, M::WatchColumn};
    for (const int column : columns)
        QVERIFY2(textInk(column) == text, qPrintable(QString::number(column)));
    m_model->setWatchFreshness(u"a"_s, offline());
    for (const int column : columns) {
        QVERIFY2(textInk(column) == stale,
            qPrintable(u"column %1: %2"_s.arg(column).arg(describe(textInk(column)))));
    }
    // The progress strip fades like the badge (6 of 12 succeeded): the rest of the track at half
    // opacity, the succeeded part still green but paler than live.
    const QImage progress = grabCell(cell(u"w2"_s, M::ProgressColumn));
    const QColor green = style::statusColor(UnifiedStatus::Succeeded, palette);
    const QColor mid = palette.color(QPalette::Mid);
    const int y = progress.height() - 4;
    const QColor done = progress.pixelColor(progress.width() / 4, y);
    const QColor rest = progress.pixelColor(progress.width() * 3 / 4, y);
    QVERIFY2(near(rest, halfOver(mid, base)),
        qPrintable(describe(rest) + u" vs "_s + describe(halfOver(mid, base))));
    QVERIFY2(qAbs(done.hsvHue() - green.hsvHue()) < 15 && done.hsvSaturation() > 40,
        qPrintable(describe(done)));
    QVERIFY2(distance(done, base) < distance(green, base) * 3 / 4, qPrintable(describe(done)));
}

void TstWorkflowDelegateStale::staleBadgeFaded()
{
    const QPalette palette = m_view->palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor red = style::statusColor(UnifiedStatus::Failed, palette);
    const QColor faded = halfOver(red, base);
    const QModelIndex status = cell(u"w1"_s, M::StatusColumn);
    // A point inside the badge's right round end, past its text.
    const auto sample = [this, &status](const QImage &image, bool italic) {
        QFont font = m_view->font();
        font.setItalic(italic);
        const QSize badge =
            statusBadgeSizeHint(statusDisplayName(UnifiedStatus::Failed), QFontMetrics(font));
        return image.pixelColor(3 + badge.width() - badge.height() / 4 - 1, image.height() / 2);
    };

    const QImage fresh = grabCell(status);
    QVERIFY(countColour(fresh, red) > 100);
    QCOMPARE(sample(fresh, false).rgb(), red.rgb());

    m_model->setWatchFreshness(u"a"_s, offline());
    QVERIFY(status.data(M::StaleRole).toBool());
    const QImage stale = grabCell(status);
    QCOMPARE(countColour(stale, red), 0);
    QVERIFY2(countNear(stale, faded) > 100, qPrintable(QString::number(countNear(stale, faded))));
    const QColor centre = sample(stale, true);
    QVERIFY2(near(centre, faded), qPrintable(describe(centre) + u" vs "_s + describe(faded)));
    // Paler: closer to the background than the live badge.
    QVERIFY(distance(centre, base) < distance(red, base) * 2 / 3);
    QCOMPARE(m_delegate->displayedText(status), statusDisplayName(UnifiedStatus::Failed));

    // An action in flight on a stale row is news of this moment: not faded.
    m_model->setPendingAction(workflowKey(u"a"_s, u"w1"_s), u"Retrying step…"_s);
    QVERIFY(countColour(grabCell(status), red) > 0);
}

QTEST_MAIN(TstWorkflowDelegateStale)
#include "tst_workflowdelegatestale.moc"
