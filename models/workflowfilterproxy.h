#pragma once

#include "unifiedstatus.h"

#include <QHash>
#include <QHashFunctions>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <functional>

namespace sw {

class WorkflowTableModel;
struct WorkflowSnapshot;

/// What the workflow table shows and in which order: the operator's status, service, watch and
/// text filters over a WorkflowTableModel (AND-ed; an empty set means all), and sorting by the
/// model's SortRole with the workflow key breaking ties, so equal rows never swap places
/// between polls. Sorting and filtering are dynamic: a merge that changes a row re-sorts it and
/// makes it appear or disappear — unless the order is frozen (while the operator points at,
/// opens a menu on or acts on a row): then rows keep their places and stay shown, changing in
/// place, new rows join at the end, and orderStale() says a re-sort is due. The pinned
/// workflow (the selected one) stays shown whatever a poll changes in it. The filters read the
/// snapshots of a WorkflowTableModel source; with any other source an active filter hides
/// every row.
class WorkflowFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowFilterProxy)

public:
    explicit WorkflowFilterProxy(QObject *parent = nullptr);
    ~WorkflowFilterProxy() override;

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    void setStatusFilter(const QSet<UnifiedStatus> &statuses);
    QSet<UnifiedStatus> statusFilter() const { return m_statuses; }
    void setServiceFilter(const QSet<Service> &services);
    QSet<Service> serviceFilter() const { return m_services; }
    void setWatchFilter(const QSet<QString> &watchIds);
    QSet<QString> watchFilter() const { return m_watchIds; }
    /// Case-insensitive; each whitespace-separated word must occur in the name, id, raw
    /// status, message, watch name or ARN.
    void setTextFilter(const QString &text);
    QString textFilter() const { return m_text; }
    /// The dashboard's "Needs attention" view: Failed and NeedsAttention rows only, on top of
    /// the other filters.
    void setNeedsAttentionOnly(bool on);
    bool needsAttentionOnly() const { return m_needsAttentionOnly; }

    /// Keeps rows where they are (see above). Unfreezing applies what was held back.
    void setOrderFrozen(bool frozen);
    bool isOrderFrozen() const { return m_frozen; }
    /// While frozen: the rows would be in another order, or others would be shown.
    bool orderStale() const { return m_orderStale; }
    /// Applies the current order and filters now, frozen or not (the operator asked).
    void resort();
    /// The workflow that stays shown through polls (by key; empty: none). The operator's
    /// own filter changes still hide it.
    void setPinnedKey(const QString &workflowKey);
    QString pinnedKey() const { return m_pinned; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void filterChanged();
    void orderStaleChanged(bool stale);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    /// Remembers the shown order and rows as the frozen ones.
    void takeFrozenOrder();
    void queueStaleCheck();
    /// Applies `change` (a sort, a filter) to the rows as if not frozen, then freezes again.
    void applyNow(const std::function<void()> &change);
    void clearOrderStale();
    void checkOrderStale();
    bool accepts(const WorkflowSnapshot &w) const;
    bool lessThanNow(const QModelIndex &left, const QModelIndex &right) const;

    WorkflowTableModel *m_table = nullptr;
    QSet<UnifiedStatus> m_statuses;
    QSet<Service> m_services;
    QSet<QString> m_watchIds;
    QString m_text;
    QStringList m_words;
    bool m_needsAttentionOnly = false;
    QString m_pinned;
    bool m_frozen = false;
    bool m_orderStale = false;
    bool m_staleCheckQueued = false;
    QHash<QString, int> m_frozenRank; ///< key → row when frozen; the shown rows then
};

} // namespace sw
