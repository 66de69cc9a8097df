#include "recordshistory.h"

#include "workflowtablemodel.h"

#include <algorithm>

namespace sw {

RecordsHistory::RecordsHistory(WorkflowTableModel *table, QObject *parent)
    : QObject(parent), m_table(table)
{
    Q_ASSERT(table);
    connect(table, &WorkflowTableModel::workflowChanged, this, &RecordsHistory::sample);
    connect(table, &WorkflowTableModel::workflowRemoved, this, &RecordsHistory::forget);
    for (int row = 0; row < table->count(); ++row)
        sample(table->workflowAt(row)->key);
}

QList<RecordsHistory::Sample> RecordsHistory::samples(const QString &key) const
{
    return m_samples.value(key);
}

QStringList RecordsHistory::keys() const
{
    return m_samples.keys();
}

void RecordsHistory::setMaxSamples(int maxSamples)
{
    m_maxSamples = std::max(1, maxSamples);
    QStringList trimmed;
    for (auto it = m_samples.begin(); it != m_samples.end(); ++it) {
        if (it->size() > m_maxSamples) {
            it->remove(0, it->size() - m_maxSamples);
            trimmed.append(it.key());
        }
    }
    for (const QString &key : std::as_const(trimmed))
        emit samplesChanged(key);
}

void RecordsHistory::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QDateTime RecordsHistory::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void RecordsHistory::sample(const QString &key)
{
    const WorkflowSnapshot *w = m_table->workflow(key);
    if (!w || w->service != Service::CustomerProfiles || !w->recordsProcessed)
        return;
    const Sample next {w->lastUpdate.isValid() ? w->lastUpdate : now(), *w->recordsProcessed};
    QList<Sample> &list = m_samples[key];
    if (!list.isEmpty()) {
        Sample &last = list.last();
        if (last == next || next.time < last.time)
            return;
        if (next.time == last.time) {
            // The service revised the figure without moving its timestamp: one point per time
            // keeps the line a function of time.
            last.records = next.records;
            emit samplesChanged(key);
            return;
        }
    }
    list.append(next);
    if (list.size() > m_maxSamples)
        list.remove(0, list.size() - m_maxSamples);
    emit samplesChanged(key);
}

void RecordsHistory::forget(const QString &key)
{
    if (m_samples.remove(key))
        emit samplesChanged(key);
}

} // namespace sw
