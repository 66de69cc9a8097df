// The workflow table's and the step tree's delegates on real models in real views (offscreen,
// fixed sizes, fixed clocks): what the cells show in each time display, what they paint (badge
// colours, the in-flight style, the highlight of a row a poll changed, the progress bar and its
// strip of succeeded, failed and skipped steps, stale rows dimmed, in italics and with a faded
// badge, the service icon), and the absolute times in the tool tips.
#include "statusbadge.h"
#include "statusstyle.h"
#include "stepdelegate.h"
#include "steptreemodel.h"
#include "workflowdelegate.h"
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include <QHelpEvent>
#include <QPainter>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolTip>
#include <QTreeView>

#include <algorithm>

using namespace sw;
using namespace Qt::StringLiterals;
using M = WorkflowTableModel;
using S = StepTreeModel;

namespace {

const QDateTime Now(QDate(2026, 11, 21), QTime(13, 3, 7), Qt::UTC);

QDateTime fixedClock()
{
    return Now;
}

WorkflowSnapshot workflow(const QString &id, UnifiedStatus status, const QString &raw)
{
    WorkflowSnapshot w;
    w.watchId = u"a"_s;
    w.watchName = u"Watch A"_s;
    w.key = workflowKey(w.watchId, id);
    w.service = Service::MigrationHubOrchestrator;
    w.id = id;
    w.name = u"Workflow "_s + id;
    w.rawStatus = raw;
    w.status = status;
    return w;
}

QList<WorkflowSnapshot> fleet()
{
    WorkflowSnapshot failed = workflow(u"w1"_s, UnifiedStatus::Failed, u"FAILED"_s);
    failed.start = Now.addSecs(-3 * 3600);
    failed.end = Now.addSecs(-3600);
    WorkflowSnapshot running = workflow(u"w2"_s, UnifiedStatus::Running, u"IN_PROGRESS"_s);
    running.start = Now.addSecs(-3 * 60 - 20);
    running.lastUpdate = Now.addSecs(-45);
    running.completedSteps = 6;
    running.totalSteps = 12;
    WorkflowSnapshot succeeded = workflow(u"w3"_s, UnifiedStatus::Succeeded, u"COMPLETED"_s);
    succeeded.service = Service::CodeCatalyst;
    succeeded.completedSteps = 4; // no total: the fraction is unknown
    return {failed, running, succeeded};
}

int countColour(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y).rgb() == colour.rgb())
                ++n;
        }
    }
    return n;
}

/// Pixels of the hue of `colour` with a clear saturation: a progress chunk of that colour,
/// whatever gradient the style lays over it.
int countHue(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.hsvSaturation() > 80 && qAbs(c.hsvHue() - colour.hsvHue()) < 15)
                ++n;
        }
    }
    return n;
}

bool near(const QColor &a, const QColor &b, int tolerance = 3)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance
        && qAbs(a.blue() - b.blue()) <= tolerance;
}

QColor blend(const QColor &over, const QColor &under)
{
    const qreal a = over.alphaF();
    return QColor::fromRgbF(over.redF() * a + under.redF() * (1 - a),
        over.greenF() * a + under.greenF() * (1 - a), over.blueF() * a + under.blueF() * (1 - a));
}

QString describe(const QColor &c)
{
    return c.name(QColor::HexArgb);
}

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

class TstWorkflowDelegate : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void statusBadge();
    void pendingActionInFlight();
    void recentlyChangedHighlight();
    void timeDisplay_data();
    void timeDisplay();
    void absoluteToolTip();
    void progressBar();
    void progressStrip_data();
    void progressStrip();
    void progressCellHighlightedWhole();
    void staleRowText_data();
    void staleRowText();
    void staleRowInTheView();
    void staleBadgeFaded();
    void serviceIconAndDuration();
    void sizeHint();
    void stepDelegate();

private:
    QImage grabCell(const QModelIndex &index) const;
    /// What the view would give the delegate for a cell, in an active window.
    QStyleOptionViewItem viewOption() const;
    /// The cell painted by the delegate alone with `option`, on the option's Base.
    QImage paintCell(const QModelIndex &index, QStyleOptionViewItem option) const;
    QModelIndex cell(const QString &id, int column) const;

    M *m_model = nullptr;
    WorkflowFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    WorkflowTableDelegate *m_delegate = nullptr;
};

void TstWorkflowDelegate::init()
{
    m_model = new M(this);
    m_model->setClock(fixedClock);
    m_proxy = new WorkflowFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_view = new QTableView;
    m_view->setModel(m_proxy);
    m_delegate = new WorkflowTableDelegate(m_view);
    m_delegate->setClock(fixedClock);
    m_view->setItemDelegate(m_delegate);
    m_model->mergeWatch(u"a"_s, fleet());
    m_view->resize(1500, 300);
    for (int column = 0; column < M::ColumnCount; ++column)
        m_view->setColumnWidth(column, 130);
    m_view->setColumnWidth(M::NameColumn, 260);
    m_view->setColumnWidth(M::StatusColumn, 170);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TstWorkflowDelegate::cleanup()
{
    QToolTip::hideText();
    delete m_view;
    delete m_proxy;
    delete m_model;
}

QImage TstWorkflowDelegate::grabCell(const QModelIndex &index) const
{
    const QRect rect = m_view->visualRect(index);
    return m_view->viewport()->grab(rect).toImage();
}

QStyleOptionViewItem TstWorkflowDelegate::viewOption() const
{
    QStyleOptionViewItem option;
    option.initFrom(m_view->viewport());
    option.widget = m_view;
    option.state |= QStyle::State_Enabled | QStyle::State_Active;
    option.state &= ~QStyle::State_HasFocus; // no focus frame over the text
    option.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    return option;
}

QImage TstWorkflowDelegate::paintCell(const QModelIndex &index, QStyleOptionViewItem option) const
{
    option.rect = QRect(QPoint(0, 0), m_view->visualRect(index).size());
    QImage image(option.rect.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(option.palette.color(QPalette::Base));
    QPainter painter(&image);
    m_delegate->paint(&painter, option, index);
    return image;
}

QModelIndex TstWorkflowDelegate::cell(const QString &id, int column) const
{
    return m_proxy->mapFromSource(m_model->indexOf(workflowKey(u"a"_s, id), column));
}

void TstWorkflowDelegate::statusBadge()
{
    const QPalette palette = m_view->palette();
    const QImage failed = grabCell(cell(u"w1"_s, M::StatusColumn));
    const QImage running = grabCell(cell(u"w2"_s, M::StatusColumn));
    const QColor red = style::statusColor(UnifiedStatus::Failed, palette);
    const QColor blue = style::statusColor(UnifiedStatus::Running, palette);
    QVERIFY2(countColour(failed, red) > 100, qPrintable(QString::number(countColour(failed, red))));
    QCOMPARE(countColour(failed, blue), 0);
    QVERIFY(countColour(running, blue) > 100);
    QCOMPARE(countColour(running, red), 0);
    QCOMPARE(m_delegate->displayedText(cell(u"w1"_s, M::StatusColumn)),
        statusDisplayName(UnifiedStatus::Failed));
    // A plain column is left to the style: no badge colour there.
    QCOMPARE(countColour(grabCell(cell(u"w1"_s, M::NameColumn)), red), 0);
}

void TstWorkflowDelegate::pendingActionInFlight()
{
    const QModelIndex status = cell(u"w1"_s, M::StatusColumn);
    const QColor red = style::statusColor(UnifiedStatus::Failed, m_view->palette());
    const int solid = countColour(grabCell(status), red);
    m_model->setPendingAction(workflowKey(u"a"_s, u"w1"_s), u"Retrying step…"_s);
    QCOMPARE(m_delegate->displayedText(status), u"Retrying step…"_s);
    const QImage inFlight = grabCell(status);
    // Outlined, not filled: far fewer pixels of the solid colour.
    const int outline = countColour(inFlight, red);
    QVERIFY(outline > 0);
    QVERIFY2(outline < solid / 3, qPrintable(u"%1 vs %2"_s.arg(outline).arg(solid)));
    m_model->setPendingAction(workflowKey(u"a"_s, u"w1"_s), QString());
    QCOMPARE(m_delegate->displayedText(status), statusDisplayName(UnifiedStatus::Failed));
    QCOMPARE(countColour(grabCell(status), red), solid);
}

void TstWorkflowDelegate::recentlyChangedHighlight()
{
    QList<WorkflowSnapshot> next = fleet();
    next[1].message = u"Step 7 started"_s;
    m_model->mergeWatch(u"a"_s, next);
    QVERIFY(cell(u"w2"_s, M::NameColumn).data(M::RecentlyChangedRole).toBool());
    QVERIFY(!cell(u"w1"_s, M::NameColumn).data(M::RecentlyChangedRole).toBool());

    const QPalette palette = m_view->palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor expected = blend(style::highlightColor(palette), base);
    QVERIFY(!near(expected, base));
    // A point of the name cell right of its short text.
    const auto sample = [this](const QString &id) {
        const QImage image = grabCell(cell(id, M::NameColumn));
        return image.pixelColor(image.width() - 10, image.height() / 2);
    };
    QVERIFY2(near(sample(u"w2"_s), expected),
        qPrintable(describe(sample(u"w2"_s)) + u" vs "_s + describe(expected)));
    QVERIFY2(near(sample(u"w1"_s), base), qPrintable(describe(sample(u"w1"_s))));
    // Every column of the row, the custom-painted ones included.
    const QImage status = grabCell(cell(u"w2"_s, M::StatusColumn));
    QVERIFY(near(status.pixelColor(status.width() - 4, status.height() / 2), expected));

    // Selection wins over the highlight.
    m_view->selectRow(cell(u"w2"_s, 0).row());
    const QColor selected = sample(u"w2"_s);
    QVERIFY2(near(selected, palette.color(QPalette::Active, QPalette::Highlight))
            || near(selected, palette.color(QPalette::Inactive, QPalette::Highlight)),
        qPrintable(describe(selected)));
}

void TstWorkflowDelegate::timeDisplay_data()
{
    QTest::addColumn<TimeDisplay>("mode");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("lastUpdate");
    QTest::newRow("relative") << TimeDisplay::Relative << u"3 min ago"_s << u"45 s ago"_s;
    QTest::newRow("local") << TimeDisplay::Local
                           << formatTime(Now.addSecs(-200), Now, TimeDisplay::Local)
                           << formatTime(Now.addSecs(-45), Now, TimeDisplay::Local);
    QTest::newRow("utc") << TimeDisplay::Utc << u"2026-11-21 12:59:47 UTC"_s
                         << u"2026-11-21 13:02:22 UTC"_s;
}

void TstWorkflowDelegate::timeDisplay()
{
    QFETCH(TimeDisplay, mode);
    QFETCH(QString, start);
    QFETCH(QString, lastUpdate);
    QCOMPARE(m_delegate->timeDisplay(), TimeDisplay::Relative);
    const QModelIndex startCell = cell(u"w2"_s, M::StartColumn);
    const QImage before = grabCell(startCell);

    QSignalSpy spy(m_delegate, &StatusItemDelegate::timeDisplayChanged);
    m_delegate->setTimeDisplay(mode);
    QCOMPARE(m_delegate->timeDisplay(), mode);
    QCOMPARE(spy.size(), mode == TimeDisplay::Relative ? 0 : 1);
    QCOMPARE(m_delegate->displayedText(startCell), start);
    QCOMPARE(m_delegate->displayedText(cell(u"w2"_s, M::LastUpdateColumn)), lastUpdate);
    // No start: nothing, whatever the mode.
    QCOMPARE(m_delegate->displayedText(cell(u"w3"_s, M::StartColumn)), QString());
    // What is painted follows the mode too.
    if (mode != TimeDisplay::Relative)
        QVERIFY(grabCell(startCell) != before);
}

void TstWorkflowDelegate::absoluteToolTip()
{
    const QModelIndex start = cell(u"w2"_s, M::StartColumn);
    const QPoint pos = m_view->visualRect(start).center();
    QHelpEvent event(QEvent::ToolTip, pos, m_view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(m_view->viewport(), &event);
    QTRY_COMPARE(QToolTip::text(), formatAbsoluteTime(Now.addSecs(-200)));
    QVERIFY(QToolTip::text().contains(u"2026-11-21 12:59:47 UTC"_s));

    // Other columns keep the model's tool tip (the raw status here).
    QToolTip::hideText();
    const QPoint statusPos = m_view->visualRect(cell(u"w2"_s, M::StatusColumn)).center();
    QHelpEvent statusEvent(QEvent::ToolTip, statusPos, m_view->viewport()->mapToGlobal(statusPos));
    QApplication::sendEvent(m_view->viewport(), &statusEvent);
    QTRY_COMPARE(QToolTip::text(), u"IN_PROGRESS"_s);
}

void TstWorkflowDelegate::progressBar()
{
    QPalette palette = m_view->palette();
    const QColor chunk(0x10, 0xa0, 0x30);
    palette.setColor(QPalette::Highlight, chunk);
    m_view->setPalette(palette);
    const QImage half = grabCell(cell(u"w2"_s, M::ProgressColumn));
    const QImage unknown = grabCell(cell(u"w3"_s, M::ProgressColumn));
    const QImage none = grabCell(cell(u"w1"_s, M::ProgressColumn));
    QVERIFY2(countHue(half, chunk) > 100, qPrintable(QString::number(countHue(half, chunk))));
    QCOMPARE(countHue(unknown, chunk), 0);
    QCOMPARE(countHue(none, chunk), 0);
    // 6 of 12: the left half of the bar is filled.
    int firstFilled = half.width();
    int lastFilled = -1;
    for (int x = 0; x < half.width(); ++x) {
        if (countHue(half.copy(x, 0, 1, half.height()), chunk) > 0) {
            firstFilled = std::min(firstFilled, x);
            lastFilled = x;
        }
    }
    const qreal filled = qreal(lastFilled - firstFilled + 1) / half.width();
    QVERIFY2(firstFilled < half.width() / 10, qPrintable(QString::number(firstFilled)));
    QVERIFY2(filled > 0.4 && filled < 0.6, qPrintable(QString::number(filled)));
    // The unknown fraction still shows the model's plain text.
    QCOMPARE(m_delegate->displayedText(cell(u"w3"_s, M::ProgressColumn)), u"4"_s);
    QVERIFY(countColour(unknown, palette.color(QPalette::Text)) > 0);
}

void TstWorkflowDelegate::progressStrip_data()
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

void TstWorkflowDelegate::progressStrip()
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

void TstWorkflowDelegate::progressCellHighlightedWhole()
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

void TstWorkflowDelegate::staleRowText_data()
{
    QTest::addColumn<bool>("activeWindow");
    QTest::newRow("active window") << true;
    QTest::newRow("inactive window") << false;
}

void TstWorkflowDelegate::staleRowText()
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

void TstWorkflowDelegate::staleRowInTheView()
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

void TstWorkflowDelegate::staleBadgeFaded()
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

void TstWorkflowDelegate::serviceIconAndDuration()
{
    const QImage mho = grabCell(cell(u"w1"_s, M::ServiceColumn));
    const QImage codeCatalyst = grabCell(cell(u"w3"_s, M::ServiceColumn));
    QVERIFY(mho != codeCatalyst);
    // The CodeCatalyst glyph's blue fills most of a 16 px icon.
    QVERIFY(countColour(codeCatalyst, QColor(0x2e, 0x73, 0xb8)) > 50);
    QCOMPARE(m_delegate->displayedText(cell(u"w3"_s, M::ServiceColumn)),
        serviceDisplayName(Service::CodeCatalyst));

    QCOMPARE(m_delegate->displayedText(cell(u"w1"_s, M::DurationColumn)), u"2 h 00 min"_s);
    QCOMPARE(m_delegate->displayedText(cell(u"w2"_s, M::DurationColumn)), u"3 min 20 s"_s);
    QCOMPARE(m_delegate->displayedText(cell(u"w3"_s, M::DurationColumn)), QString());
}

void TstWorkflowDelegate::sizeHint()
{
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    const QModelIndex status = cell(u"w2"_s, M::StatusColumn);
    const QSize hint = m_delegate->sizeHint(option, status);
    const QSize badge =
        statusBadgeSizeHint(statusDisplayName(UnifiedStatus::Running), option.fontMetrics);
    QVERIFY(hint.width() > badge.width());
    QVERIFY(hint.height() >= badge.height());
    QVERIFY(hint.height() < 3 * badge.height());
    m_model->setPendingAction(workflowKey(u"a"_s, u"w2"_s), u"Pausing the workflow run…"_s);
    QVERIFY(m_delegate->sizeHint(option, status).width() > hint.width());
    QVERIFY(m_delegate->sizeHint(option, cell(u"w2"_s, M::ProgressColumn)).width()
        >= 10 * option.fontMetrics.averageCharWidth());
}

void TstWorkflowDelegate::stepDelegate()
{
    WorkflowSnapshot w = workflow(u"w9"_s, UnifiedStatus::Failed, u"FAILED"_s);
    w.stepsLoaded = true;
    StepSnapshot failed;
    failed.kind = StepKind::MhoStepGroup;
    failed.id = u"g1"_s;
    failed.name = u"Validate"_s;
    failed.rawStatus = u"FAILED"_s;
    failed.status = UnifiedStatus::Failed;
    failed.start = Now.addSecs(-3 * 86400 - 5 * 3600);
    failed.end = Now.addSecs(-3600);
    StepSnapshot running = failed;
    running.id = u"g2"_s;
    running.name = u"Migrate"_s;
    running.rawStatus = u"IN_PROGRESS"_s;
    running.status = UnifiedStatus::Running;
    running.start = Now.addSecs(-120);
    running.end = QDateTime();
    w.setSteps({failed, running});

    StepTreeModel model;
    model.setClock(fixedClock);
    model.setWorkflow(w);
    QTreeView tree;
    tree.setModel(&model);
    auto *delegate = new StepTreeDelegate(&tree);
    delegate->setClock(fixedClock);
    tree.setItemDelegate(delegate);
    tree.resize(1000, 200);
    for (int column = 0; column < S::ColumnCount; ++column)
        tree.setColumnWidth(column, 150);
    tree.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tree));

    const auto grab = [&tree](const QModelIndex &index) {
        return tree.viewport()->grab(tree.visualRect(index)).toImage();
    };
    const QModelIndex failedStatus = model.index(0, S::StatusColumn);
    const QModelIndex runningStatus = model.index(1, S::StatusColumn);
    const QColor red = style::statusColor(UnifiedStatus::Failed, tree.palette());
    const QColor blue = style::statusColor(UnifiedStatus::Running, tree.palette());
    QVERIFY(countColour(grab(failedStatus), red) > 100);
    const int solidBlue = countColour(grab(runningStatus), blue);
    QVERIFY(solidBlue > 100);
    QCOMPARE(delegate->displayedText(failedStatus), statusDisplayName(UnifiedStatus::Failed));

    // A pending action shows its label, in the in-flight style.
    model.setPendingAction(w.key, u"g2"_s, u"Retrying step…"_s);
    QCOMPARE(delegate->displayedText(runningStatus), u"Retrying step…"_s);
    QVERIFY(countColour(grab(runningStatus), blue) < solidBlue / 3);

    // Start and end in the chosen display; the durations in the dashboard's format.
    QCOMPARE(delegate->displayedText(model.index(0, S::StartColumn)), u"3 d ago"_s);
    QCOMPARE(delegate->displayedText(model.index(0, S::EndColumn)), u"1 h ago"_s);
    QCOMPARE(delegate->displayedText(model.index(1, S::EndColumn)), QString());
    QCOMPARE(delegate->displayedText(model.index(0, S::DurationColumn)), u"3 d 4 h"_s);
    QCOMPARE(delegate->displayedText(model.index(1, S::DurationColumn)), u"2 min 00 s"_s);
    delegate->setTimeDisplay(TimeDisplay::Utc);
    QCOMPARE(delegate->displayedText(model.index(0, S::EndColumn)), u"2026-11-21 12:03:07 UTC"_s);

    const QPoint pos = tree.visualRect(model.index(0, S::EndColumn)).center();
    QHelpEvent event(QEvent::ToolTip, pos, tree.viewport()->mapToGlobal(pos));
    QApplication::sendEvent(tree.viewport(), &event);
    QTRY_COMPARE(QToolTip::text(), formatAbsoluteTime(Now.addSecs(-3600)));
}

QTEST_MAIN(TstWorkflowDelegate)
#include "tst_workflowdelegate.moc"
