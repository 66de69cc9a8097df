#include "workflowfilterproxy.h"

#include "workflowtablemodel.h"

#include <QTimer>

#include <functional>

#include <limits>

namespace sw {

WorkflowFilterProxy::WorkflowFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(WorkflowTableModel::SortRole);
    setDynamicSortFilter(true);
}

void WorkflowFilterProxy::queueStaleCheck()
{
    // While frozen, whatever the source changes may make another order due; checked once per
    // burst of changes.
    if (!m_frozen || m_staleCheckQueued)
        return;
    m_staleCheckQueued = true;
    QTimer::singleShot(0, this, &WorkflowFilterProxy::checkOrderStale);
}

WorkflowFilterProxy::~WorkflowFilterProxy() = default;

void WorkflowFilterProxy::setSourceModel(QAbstractItemModel *sourceModel)
{
    // Filtering reads the snapshots directly: no QVariant per field and row, and the ARN has
    // no role of its own.
    m_table = qobject_cast<WorkflowTableModel *>(sourceModel);
    QSortFilterProxyModel::setSourceModel(sourceModel);
    if (sourceModel) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(sourceModel, signal, this, &WorkflowFilterProxy::queueStaleCheck);
        connect(sourceModel, &QAbstractItemModel::dataChanged, this,
            &WorkflowFilterProxy::queueStaleCheck);
    }
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
    // The operator changed a filter: it applies now, frozen or not. The pinned row stays only
    // if it still matches (they asked for the others to go).
    if (const WorkflowSnapshot *pinned = m_table ? m_table->workflow(m_pinned) : nullptr;
        pinned && !accepts(*pinned))
        m_pinned.clear();
    applyNow([this] { invalidateRowsFilter(); });
    emit filterChanged();
}

void WorkflowFilterProxy::sort(int column, Qt::SortOrder order)
{
    // A click on a header is the operator asking for an order: it applies even when frozen.
    applyNow([&] { QSortFilterProxyModel::sort(column, order); });
}

void WorkflowFilterProxy::applyNow(const std::function<void()> &change)
{
    const bool frozen = m_frozen;
    m_frozen = false;
    m_frozenRank.clear();
    change();
    if (frozen) {
        m_frozen = true;
        takeFrozenOrder();
    }
    clearOrderStale(); // what is shown now is what the filters and the order say
}

void WorkflowFilterProxy::setOrderFrozen(bool frozen)
{
    if (frozen == m_frozen)
        return;
    if (frozen) {
        m_frozen = true;
        takeFrozenOrder();
        return;
    }
    // Held back only if something changed meanwhile: a full re-sort of thousands of rows each
    // time the pointer leaves the table would be wasted otherwise.
    checkOrderStale();
    m_frozen = false;
    m_frozenRank.clear();
    if (m_orderStale)
        invalidate();
    clearOrderStale();
}

void WorkflowFilterProxy::resort()
{
    applyNow([this] { invalidate(); });
}

void WorkflowFilterProxy::clearOrderStale()
{
    if (!m_orderStale)
        return;
    m_orderStale = false;
    emit orderStaleChanged(false);
}

void WorkflowFilterProxy::setPinnedKey(const QString &workflowKey)
{
    if (workflowKey == m_pinned)
        return;
    const QString previous = m_pinned;
    m_pinned = workflowKey;
    if (previous.isEmpty() || !m_table)
        return;
    // The row that was kept shown for being selected is judged by the filters again (while
    // frozen, it stays where it is until the order is let go).
    const WorkflowSnapshot *w = m_table->workflow(previous);
    if (m_frozen)
        queueStaleCheck();
    else if (w && !accepts(*w))
        invalidateRowsFilter();
}

void WorkflowFilterProxy::takeFrozenOrder()
{
    m_frozenRank.clear();
    const int rows = rowCount();
    m_frozenRank.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex source = mapToSource(index(row, 0));
        if (const WorkflowSnapshot *w = m_table ? m_table->workflowAt(source.row()) : nullptr)
            m_frozenRank.insert(w->key, row);
    }
}

void WorkflowFilterProxy::checkOrderStale()
{
    m_staleCheckQueued = false;
    if (!m_frozen || !m_table)
        return;
    bool stale = false;
    // Rows shown that the filters would hide, or the other way round.
    for (int row = 0; row < m_table->count() && !stale; ++row) {
        const WorkflowSnapshot *w = m_table->workflowAt(row);
        const bool shown = mapFromSource(m_table->index(row, 0)).isValid();
        stale = shown != (accepts(*w) || w->key == m_pinned);
    }
    // Neighbours out of order.
    const int column = sortColumn();
    for (int row = 0; row + 1 < rowCount() && !stale && column >= 0; ++row) {
        const QModelIndex a = mapToSource(index(row, column));
        const QModelIndex b = mapToSource(index(row + 1, column));
        const bool inOrder =
            sortOrder() == Qt::AscendingOrder ? !lessThanNow(b, a) : !lessThanNow(a, b);
        stale = !inOrder;
    }
    if (stale != m_orderStale) {
        m_orderStale = stale;
        emit orderStaleChanged(stale);
    }
}

bool WorkflowFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const WorkflowSnapshot *w = m_table ? m_table->workflowAt(sourceRow) : nullptr;
    if (!w)
        return m_statuses.isEmpty() && m_services.isEmpty() && m_watchIds.isEmpty()
            && m_words.isEmpty() && !m_needsAttentionOnly;
    if (w->key == m_pinned)
        return true;
    // Frozen: what was shown stays shown (a row that now matches joins at the end).
    return (m_frozen && m_frozenRank.contains(w->key)) || accepts(*w);
}

bool WorkflowFilterProxy::accepts(const WorkflowSnapshot &workflow) const
{
    const WorkflowSnapshot *w = &workflow;
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
    if (m_frozen && m_table) {
        // Known rows keep their frozen places; new ones follow them in the current order.
        const WorkflowSnapshot *l = m_table->workflowAt(left.row());
        const WorkflowSnapshot *r = m_table->workflowAt(right.row());
        if (l && r) {
            constexpr int last = std::numeric_limits<int>::max();
            const int a = m_frozenRank.value(l->key, last);
            const int b = m_frozenRank.value(r->key, last);
            if (a != b || a != last) {
                // The view asks with the sort order applied; frozen ranks are view rows.
                return sortOrder() == Qt::AscendingOrder ? a < b : a > b;
            }
        }
    }
    return lessThanNow(left, right);
}

bool WorkflowFilterProxy::lessThanNow(const QModelIndex &left, const QModelIndex &right) const
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
