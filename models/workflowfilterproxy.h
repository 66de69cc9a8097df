#pragma once

#include "unifiedstatus.h"

#include <QHashFunctions>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

namespace sw {

class WorkflowTableModel;

/// What the workflow table shows and in which order: the operator's status, service, watch and
/// text filters over a WorkflowTableModel (AND-ed; an empty set means all), and sorting by the
/// model's SortRole with the workflow key breaking ties, so equal rows never swap places
/// between polls. Sorting and filtering are dynamic: a merge that changes a row re-sorts it and
/// makes it appear or disappear. The filters read the snapshots of a WorkflowTableModel source;
/// with any other source an active filter hides every row.
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

signals:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    WorkflowTableModel *m_table = nullptr;
    QSet<UnifiedStatus> m_statuses;
    QSet<Service> m_services;
    QSet<QString> m_watchIds;
    QString m_text;
    QStringList m_words;
    bool m_needsAttentionOnly = false;
};

} // namespace sw
