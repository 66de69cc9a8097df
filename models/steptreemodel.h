#pragma once

#include "snapshot.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace sw {

/// The steps of the selected workflow as a tree: MHO step groups with their steps below them;
/// Image Builder step executions, Customer Profiles flow items and CodeCatalyst runs as flat
/// lists. Every poll's snapshot of the same workflow is merged into the tree (rows removed,
/// inserted and changed one parent at a time, never a reset), so selection, expansion and
/// persistent indexes survive polling; showing another workflow removes all rows and inserts
/// the new ones. Steps whose parentId names no earlier step are shown at the top level. An
/// operator's pending action ("Retrying…") is kept per workflow and step, so it shows again
/// when the operator comes back to that workflow before the outcome arrives.
class StepTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepTreeModel)

public:
    enum Column {
        NameColumn,
        StatusColumn, ///< the unified status, translated
        RawStatusColumn,
        ProgressColumn, ///< "3 / 5" servers, records, ...
        StartColumn,
        EndColumn,
        DurationColumn, ///< end − start, or now − start while running
        MessageColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    /// The row roles (everything but SortRole) answer on every column, so a delegate or
    /// proxy can use them wherever it sits.
    enum Role {
        SortRole = Qt::UserRole + 1, ///< per column: a value that sorts naturally
        UnifiedStatusRole, ///< int(UnifiedStatus)
        RawStatusRole,
        StepIdRole,
        StepKindRole, ///< int(StepKind)
        ParentIdRole,
        PendingActionRole, ///< QString, empty when none
        DetailsRole, ///< QVariantList of QVariantMap{name, value}: core fields, then details
        StartRole, ///< QDateTime
        EndRole, ///< QDateTime
    };
    Q_ENUM(Role)

    explicit StepTreeModel(QObject *parent = nullptr);
    ~StepTreeModel() override;

    /// Shows `workflow`'s steps, merging when it is the workflow already shown. A snapshot of
    /// the shown workflow whose steps were not loaded (stepsLoaded false) changes nothing.
    void setWorkflow(const WorkflowSnapshot &workflow);
    void clear();
    QString workflowKey() const { return m_workflow.key; }

    const StepSnapshot *step(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &stepId, int column = 0) const;

    /// `label` empty clears. Kept for any workflow; only the shown one's rows change.
    void setPendingAction(const QString &workflowKey, const QString &stepId, const QString &label);
    QString pendingAction(const QString &workflowKey, const QString &stepId) const;

    /// Where "now" comes from for the duration of running steps (tests inject one).
    void setClock(std::function<QDateTime()> clock);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node {
        StepSnapshot step;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    /// The new tree's shape: which steps sit below which parent id ("" = top level).
    using Layout = QHash<QString, QList<const StepSnapshot *>>;

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *node, int column = 0) const;
    void mergeChildren(Node *node, const Layout &layout);
    std::unique_ptr<Node> buildNode(const StepSnapshot &step, Node *parent, const Layout &layout);
    void removeAllRows();
    void forget(const Node *node);
    static void renumber(Node *node);
    static Layout layoutOf(const QList<StepSnapshot> &steps);
    QVariant displayData(const StepSnapshot &step, int column) const;
    QVariant sortData(const StepSnapshot &step, int column) const;
    QVariantList details(const StepSnapshot &step) const;
    qint64 durationMsecs(const StepSnapshot &step) const;

    Node m_root;
    QHash<QString, Node *> m_byId;
    WorkflowSnapshot m_workflow;
    QHash<QString, QHash<QString, QString>> m_pending; ///< workflow key → step id → label
    std::function<QDateTime()> m_clock;
};

} // namespace sw
