#pragma once

#include <QString>
#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QStackedLayout;
class QValueAxis;

namespace sw {

class RecordsHistory;

/// The Metrics pane: records processed over time of one Customer Profiles workflow, drawn from
/// the samples RecordsHistory collects at each poll, and redrawn whenever that workflow gets a
/// new sample. Workflows without samples (other services, or no figure yet) show a hint
/// instead of an empty plot. The chart follows the application palette, light or dark.
class MetricsChart final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsChart)

public:
    explicit MetricsChart(RecordsHistory *history, QWidget *parent = nullptr);
    ~MetricsChart() override;

    /// Shows the samples of `key`; `title` names the workflow above the plot.
    void setWorkflow(const QString &key, const QString &title);
    /// No workflow: the hint.
    void clear();

    QString workflowKey() const { return m_key; }
    /// Points in the series now (for tests).
    int pointCount() const;
    /// True while the hint stands in for the chart.
    bool isShowingHint() const;
    QChart *chart() const { return m_chart; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void applyTheme();

    RecordsHistory *m_history;
    QString m_key;
    QString m_title;
    QStackedLayout *m_stack;
    QLabel *m_hint;
    QChartView *m_view;
    QChart *m_chart;
    QLineSeries *m_series;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
};

} // namespace sw
