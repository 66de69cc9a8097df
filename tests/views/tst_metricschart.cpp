// MetricsChart over a RecordsHistory fed by a real WorkflowTableModel: samples become points,
// a new sample redraws, other workflows switch the series, and the hint stands in for a chart
// with nothing to show. The theme follows the palette.
#include "metricschart.h"
#include "recordshistory.h"
#include "statusstyle.h"
#include "workflowtablemodel.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QTest>
#include <QValueAxis>

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

const QDateTime base = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

WorkflowSnapshot profiles(const QString &id, qint64 records, int secs)
{
    WorkflowSnapshot w;
    w.watchId = u"p"_s;
    w.key = workflowKey(w.watchId, id);
    w.service = Service::CustomerProfiles;
    w.id = id;
    w.name = u"Flow "_s + id;
    w.status = UnifiedStatus::Running;
    w.rawStatus = u"RUNNING"_s;
    w.recordsProcessed = records;
    w.lastUpdate = base.addSecs(secs);
    return w;
}

QLineSeries *seriesOf(const MetricsChart &chart)
{
    return qobject_cast<QLineSeries *>(chart.chart()->series().value(0));
}

// "records@secs ..." of the series.
QString dump(const MetricsChart &chart)
{
    QStringList out;
    for (const QPointF &p : seriesOf(chart)->points()) {
        out.append(u"%1@%2"_s.arg(qint64(p.y()))
                       .arg(base.secsTo(QDateTime::fromMSecsSinceEpoch(qint64(p.x()), Qt::UTC))));
    }
    return out.join(u' ');
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    return p;
}

} // namespace

class tst_MetricsChart : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void hintWithoutWorkflow();
    void samplesBecomePoints();
    void updatesOnNewSample();
    void otherWorkflowSwitchesSeries();
    void workflowWithoutSamplesShowsHint();
    void removedWorkflowShowsHint();
    void axesCoverTheData();
    void followsThePalette();
    void drawsTheLine();

private:
    std::unique_ptr<WorkflowTableModel> m_table;
    std::unique_ptr<RecordsHistory> m_history;
};

void tst_MetricsChart::init()
{
    m_table = std::make_unique<WorkflowTableModel>();
    m_history = std::make_unique<RecordsHistory>(m_table.get());
    m_table->mergeWatch(u"p"_s, {profiles(u"a"_s, 10, 0), profiles(u"b"_s, 500, 0)});
    m_table->mergeWorkflow(profiles(u"a"_s, 40, 60));
    m_table->mergeWorkflow(profiles(u"a"_s, 90, 120));
}

void tst_MetricsChart::cleanup()
{
    m_history.reset();
    m_table.reset();
}

void tst_MetricsChart::hintWithoutWorkflow()
{
    MetricsChart chart(m_history.get());
    QVERIFY(chart.isShowingHint());
    QCOMPARE(chart.pointCount(), 0);
    const auto *hint = chart.findChild<QLabel *>();
    QVERIFY(hint && hint->isVisibleTo(&chart));
    QCOMPARE(hint->text(),
        u"Records processed over time appear here for Customer Profiles workflows."_s);
    QVERIFY(hint->alignment() & Qt::AlignHCenter);
}

void tst_MetricsChart::samplesBecomePoints()
{
    MetricsChart chart(m_history.get());
    chart.setWorkflow(u"p/a"_s, u"Flow a"_s);
    QVERIFY(!chart.isShowingHint());
    QCOMPARE(chart.workflowKey(), u"p/a"_s);
    QCOMPARE(chart.pointCount(), 3);
    QCOMPARE(dump(chart), u"10@0 40@60 90@120"_s);
    QVERIFY(chart.chart()->title().contains(u"Flow a"_s));
}

void tst_MetricsChart::updatesOnNewSample()
{
    MetricsChart chart(m_history.get());
    chart.setWorkflow(u"p/a"_s, u"Flow a"_s);
    m_table->mergeWorkflow(profiles(u"a"_s, 150, 180));
    QCOMPARE(chart.pointCount(), 4);
    QCOMPARE(dump(chart), u"10@0 40@60 90@120 150@180"_s);
    // Another workflow's sample leaves the shown series alone.
    m_table->mergeWorkflow(profiles(u"b"_s, 700, 180));
    QCOMPARE(dump(chart), u"10@0 40@60 90@120 150@180"_s);
}

void tst_MetricsChart::otherWorkflowSwitchesSeries()
{
    MetricsChart chart(m_history.get());
    chart.setWorkflow(u"p/a"_s, u"Flow a"_s);
    chart.setWorkflow(u"p/b"_s, u"Flow b"_s);
    QCOMPARE(dump(chart), u"500@0"_s);
    QVERIFY(chart.chart()->title().contains(u"Flow b"_s));
    QCOMPARE(chart.chart()->series().size(), 1);
    m_table->mergeWorkflow(profiles(u"a"_s, 150, 180));
    QCOMPARE(dump(chart), u"500@0"_s);

    chart.clear();
    QVERIFY(chart.isShowingHint());
    QCOMPARE(chart.pointCount(), 0);
    m_table->mergeWorkflow(profiles(u"b"_s, 600, 60));
    QVERIFY(chart.isShowingHint());
}

void tst_MetricsChart::workflowWithoutSamplesShowsHint()
{
    WorkflowSnapshot mho = profiles(u"m"_s, 5, 0);
    mho.service = Service::MigrationHubOrchestrator;
    m_table->mergeWorkflow(mho);
    MetricsChart chart(m_history.get());
    chart.setWorkflow(u"p/a"_s, u"Flow a"_s);
    chart.setWorkflow(mho.key, mho.name);
    QVERIFY(chart.isShowingHint());
    QCOMPARE(chart.pointCount(), 0);
    chart.setWorkflow(u"p/unknown"_s, u"?"_s);
    QVERIFY(chart.isShowingHint());
}

void tst_MetricsChart::removedWorkflowShowsHint()
{
    MetricsChart chart(m_history.get());
    chart.setWorkflow(u"p/a"_s, u"Flow a"_s);
    QVERIFY(!chart.isShowingHint());
    m_table->removeWorkflow(u"p/a"_s);
    QVERIFY(chart.isShowingHint());
    QCOMPARE(chart.pointCount(), 0);
}

void tst_MetricsChart::axesCoverTheData()
{
    MetricsChart chart(m_history.get());
    chart.setWorkflow(u"p/a"_s, u"Flow a"_s);
    const auto time = chart.chart()->axes(Qt::Horizontal);
    const auto value = chart.chart()->axes(Qt::Vertical);
    QCOMPARE(time.size(), 1);
    QCOMPARE(value.size(), 1);
    const auto *timeAxis = qobject_cast<QDateTimeAxis *>(time.first());
    const auto *valueAxis = qobject_cast<QValueAxis *>(value.first());
    QVERIFY(timeAxis && valueAxis);
    QVERIFY(timeAxis->min() < base);
    QVERIFY(timeAxis->max() > base.addSecs(120));
    QVERIFY(timeAxis->max() < base.addSecs(240));
    QCOMPARE(valueAxis->min(), 0.0);
    QVERIFY(valueAxis->max() > 90.0);
    QVERIFY(valueAxis->max() <= 200.0);

    // A single sample still gets a time range around it.
    chart.setWorkflow(u"p/b"_s, u"Flow b"_s);
    QVERIFY(timeAxis->min() < base);
    QVERIFY(timeAxis->max() > base);
    QVERIFY(valueAxis->max() > 500.0);
}

void tst_MetricsChart::followsThePalette()
{
    MetricsChart chart(m_history.get());
    chart.setPalette(darkPalette());
    QCOMPARE(chart.chart()->theme(), QChart::ChartThemeDark);
    QCOMPARE(chart.chart()->backgroundBrush().color(), darkPalette().color(QPalette::Window));
    QPalette light;
    light.setColor(QPalette::Window, Qt::white);
    light.setColor(QPalette::WindowText, Qt::black);
    chart.setPalette(light);
    QCOMPARE(chart.chart()->theme(), QChart::ChartThemeLight);
    QCOMPARE(chart.chart()->backgroundBrush().color(), QColor(Qt::white));
}

void tst_MetricsChart::drawsTheLine()
{
    MetricsChart chart(m_history.get());
    QPalette light;
    light.setColor(QPalette::Window, Qt::white);
    light.setColor(QPalette::WindowText, Qt::black);
    chart.setPalette(light);
    chart.resize(480, 320);
    chart.setWorkflow(u"p/a"_s, u"Flow a"_s);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));

    // Pixels in the line's colour appear once there are points.
    const QColor line = style::statusColor(UnifiedStatus::Running, light);
    const auto linePixels = [&] {
        const QImage image = chart.grab().toImage();
        int n = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                n += qAbs(c.red() - line.red()) + qAbs(c.green() - line.green())
                        + qAbs(c.blue() - line.blue())
                    < 40;
            }
        }
        return n;
    };
    QTRY_VERIFY(linePixels() > 50);
    chart.clear();
    QCOMPARE(linePixels(), 0);
}

QTEST_MAIN(tst_MetricsChart)
#include "tst_metricschart.moc"
