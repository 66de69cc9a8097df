#include "workflowfilterproxy.h"

#include "workflowtablemodel.h"

namespace sw {

WorkflowFilterProxy::WorkflowFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(WorkflowTableModel::SortRole);
    setDynamicSortFilter(true);
}

WorkflowFilterProxy::~WorkflowFilterProxy() = default;

void WorkflowFilterProxy::setSourceModel(QAbstractItemModel *sourceModel)
{
    // Filtering reads the snapshots directly: no QVariant per field and row, and the ARN has
    // no role of its own.
    m_table = qobject_cast<WorkflowTableModel *>(sourceModel);
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void WorkflowFilterProxy::setStatusFilter(const QSet<UnifiedStatus> &statuses)
{
    if (statuses == m_statuses)
        return;
    m_statuses = statuses;
    refilter();
}

void WorkflowFilterProxy::setServiceFilter(const QSet<Service> &services)
{
    if (services == m_services)
        return;
    m_services = services;
    refilter();
}

void WorkflowFilterProxy::setWatchFilter(const QSet<QString> &watchIds)
{
    if (watchIds == m_watchIds)
        return;
    m_watchIds = watchIds;
    refilter();
}

void WorkflowFilterProxy::setTextFilter(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // Typing a space between two words does not change what matches: no re-filter.
    if (words == m_words)
        return;
    m_words = std::move(words);
    refilter();
}

void WorkflowFilterProxy::setNeedsAttentionOnly(bool on)
{
    if (on == m_needsAttentionOnly)
        return;
    m_needsAttentionOnly = on;
    refilter();
}

void WorkflowFilterProxy::refilter()
{
    invalidateRowsFilter();
    emit filterChanged();
}

bool WorkflowFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const WorkflowSnapshot *w = m_table ? m_table->workflowAt(sourceRow) : nullptr;
    if (!w)
        return m_statuses.isEmpty() && m_services.isEmpty() && m_watchIds.isEmpty()
            && m_words.isEmpty() && !m_needsAttentionOnly;
    if (m_needsAttentionOnly && w->status != UnifiedStatus::Failed
        && w->status != UnifiedStatus::NeedsAttention)
        return false;
    if (!m_statuses.isEmpty() && !m_statuses.contains(w->status))
        return false;
    if (!m_services.isEmpty() && !m_services.contains(w->service))
        return false;
    if (!m_watchIds.isEmpty() && !m_watchIds.contains(w->watchId))
        return false;
    for (const QString &word : m_words) {
        const auto has = [&word](const QString &field) {
            return field.contains(word, Qt::CaseInsensitive);
        };
        if (!has(w->name) && !has(w->id) && !has(w->rawStatus) && !has(w->message)
            && !has(w->watchName) && !has(w->arn))
            return false;
    }
    return true;
}

bool WorkflowFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QPartialOrdering order = QVariant::compare(left.data(sortRole()), right.data(sortRole()));
    if (order == QPartialOrdering::Less)
        return true;
    if (order == QPartialOrdering::Greater)
        return false;
    // Equal (or not comparable): the key gives every row one fixed place. Read straight from
    // the rows: with few distinct statuses most comparisons end here, and a re-sort after a
    // poll makes thousands of them.
    if (m_table) {
        const WorkflowSnapshot *l = m_table->workflowAt(left.row());
        const WorkflowSnapshot *r = m_table->workflowAt(right.row());
        if (l && r)
            return l->key < r->key;
    }
    return left.data(WorkflowTableModel::WorkflowKeyRole).toString()
        < right.data(WorkflowTableModel::WorkflowKeyRole).toString();
}

} // namespace sw
