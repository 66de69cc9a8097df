#include "fleetsummary.h"

#include "workflowtablemodel.h"

#include <QStringList>
#include <QTimer>

namespace sw {

FleetSummary::FleetSummary(WorkflowTableModel *table, QObject *parent)
    : QObject(parent), m_table(table), m_timer(new QTimer(this))
{
    Q_ASSERT(table);
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &FleetSummary::announce);

    connect(table, &QAbstractItemModel::rowsInserted, this, &FleetSummary::schedule);
    connect(table, &QAbstractItemModel::rowsRemoved, this, &FleetSummary::schedule);
    connect(table, &QAbstractItemModel::modelReset, this, &FleetSummary::schedule);
    connect(table, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
            // Pending actions and highlight expiry name their roles; a status change names none.
            if (roles.isEmpty() || roles.contains(Qt::DisplayRole)
                || roles.contains(WorkflowTableModel::UnifiedStatusRole))
                schedule();
        });

    m_dirty = true;
    m_announced = counts();
}

void FleetSummary::schedule()
{
    m_dirty = true;
    if (!m_timer->isActive())
        m_timer->start();
}

void FleetSummary::announce()
{
    if (counts() == m_announced)
        return;
    m_announced = counts();
    emit changed();
}

const FleetSummary::Counts &FleetSummary::counts() const
{
    if (m_dirty) {
        m_counts.fill(0);
        for (int row = 0; row < m_table->count(); ++row)
            ++m_counts[size_t(m_table->workflowAt(row)->status)];
        m_dirty = false;
    }
    return m_counts;
}

int FleetSummary::count(UnifiedStatus status) const
{
    return counts()[size_t(status)];
}

int FleetSummary::total() const
{
    return m_table->count();
}

int FleetSummary::needsAttention() const
{
    return count(UnifiedStatus::Failed) + count(UnifiedStatus::NeedsAttention);
}

QString FleetSummary::text() const
{
    const int all = total();
    if (all == 0)
        return tr("No workflows");
    QStringList parts;
    if (const int n = count(UnifiedStatus::Failed))
        parts.append(tr("%n failed", "workflows in the fleet", n));
    if (const int n = count(UnifiedStatus::NeedsAttention))
        parts.append(tr("%n need(s) attention", "workflows in the fleet", n));
    if (const int n = count(UnifiedStatus::Running))
        parts.append(tr("%n running", "workflows in the fleet", n));
    parts.append(tr("%n workflow(s)", "the whole fleet", all));
    return parts.join(tr(" · ", "separates the counts of the fleet summary"));
}

} // namespace sw
