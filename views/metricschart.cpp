#include "metricschart.h"

#include "recordshistory.h"
#include "statusstyle.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLineSeries>
#include <QStackedLayout>
#include <QValueAxis>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sw {

MetricsChart::MetricsChart(RecordsHistory *history, QWidget *parent)
    : QWidget(parent), m_history(history), m_stack(new QStackedLayout(this)),
      m_hint(new QLabel(this)), m_view(new QChartView(this)), m_chart(new QChart),
      m_series(new QLineSeries(m_chart)), m_timeAxis(new QDateTimeAxis(m_chart)),
      m_valueAxis(new QValueAxis(m_chart))
{
    Q_ASSERT(history);
    m_hint->setText(tr("Records processed over time appear here for Customer Profiles workflows."));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false); // drawn in the muted text colour
    m_hint->setMargin(12);

    m_series->setName(tr("Records processed"));
    // Polls are sparse: without markers a single sample would draw nothing.
    m_series->setPointsVisible(true);
    m_chart->addSeries(m_series);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_series->attachAxis(m_timeAxis);
    m_series->attachAxis(m_valueAxis);
    m_valueAxis->setLabelFormat(u"%.0f"_s);
    m_valueAxis->setTitleText(tr("Records"));
    m_timeAxis->setTickCount(5);
    m_chart->legend()->hide();
    m_chart->setBackgroundRoundness(0);

    m_view->setChart(m_chart); // takes ownership
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(200, 140);

    m_stack->addWidget(m_hint);
    m_stack->addWidget(m_view);

    connect(m_history, &RecordsHistory::samplesChanged, this, [this](const QString &key) {
        if (key == m_key)
            reload();
    });
    applyTheme();
    clear();
}

MetricsChart::~MetricsChart() = default;

void MetricsChart::setWorkflow(const QString &key, const QString &title)
{
    m_key = key;
    m_title = title;
    reload();
}

void MetricsChart::clear()
{
    setWorkflow({}, {});
}

int MetricsChart::pointCount() const
{
    return int(m_series->count());
}

bool MetricsChart::isShowingHint() const
{
    return m_stack->currentWidget() == m_hint;
}

void MetricsChart::reload()
{
    const QList<RecordsHistory::Sample> samples =
        m_key.isEmpty() ? QList<RecordsHistory::Sample>() : m_history->samples(m_key);
    if (samples.isEmpty()) {
        m_series->clear();
        m_stack->setCurrentWidget(m_hint);
        return;
    }

    QList<QPointF> points;
    points.reserve(samples.size());
    qint64 low = samples.first().records;
    qint64 high = low;
    for (const RecordsHistory::Sample &s : samples) {
        points.append(QPointF(qreal(s.time.toMSecsSinceEpoch()), qreal(s.records)));
        low = std::min(low, s.records);
        high = std::max(high, s.records);
    }
    m_series->replace(points);
    m_chart->setTitle(tr("Records processed — %1").arg(m_title));

    // Time: the samples plus a margin, so the first and last markers are not cut in half.
    const QDateTime first = samples.first().time;
    const QDateTime last = samples.last().time;
    const qint64 spanMs = first.msecsTo(last);
    const qint64 padMs = std::max<qint64>(spanMs / 50, spanMs == 0 ? 60'000 : 1'000);
    m_timeAxis->setRange(first.addMSecs(-padMs), last.addMSecs(padMs));
    const qint64 shownMs = spanMs + 2 * padMs;
    if (shownMs <= 10 * 60'000)
        m_timeAxis->setFormat(u"HH:mm:ss"_s);
    else if (shownMs <= 24 * 3600'000)
        m_timeAxis->setFormat(u"HH:mm"_s);
    else
        m_timeAxis->setFormat(u"MM-dd HH:mm"_s);

    // Records: from zero (a count), with headroom above the highest value.
    const qreal bottom = low >= 0 ? 0.0 : qreal(low);
    const qreal top = qreal(high) + std::max<qreal>(1.0, (qreal(high) - bottom) * 0.1);
    m_valueAxis->setRange(bottom, top);
    m_valueAxis->applyNiceNumbers();

    m_stack->setCurrentWidget(m_view);
}

void MetricsChart::applyTheme()
{
    const QPalette pal = palette();
    m_chart->setTheme(style::isDark(pal) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // setTheme() resets what follows.
    m_chart->setBackgroundBrush(pal.color(QPalette::Window));
    m_chart->setTitleBrush(pal.color(QPalette::WindowText));
    m_chart->setBackgroundRoundness(0);
    m_view->setBackgroundBrush(pal.color(QPalette::Window));
    m_series->setPointsVisible(true);
    QPen pen = m_series->pen();
    pen.setColor(style::statusColor(UnifiedStatus::Running, pal));
    pen.setWidthF(2.0);
    m_series->setPen(pen);
}

void MetricsChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

} // namespace sw
