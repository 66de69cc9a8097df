#pragma once

#include "snapshot.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace sw {

/// The bars of the Gantt view of the selected workflow: one row per leaf step or run, in the
/// snapshot's order. A step that is the parent of another step (an MHO step group with its
/// steps loaded) is not a bar; its name is the bars' GroupRole. Snapshots of the same
/// workflow are merged row by row (insert, remove, dataChanged; never a reset) like the step
/// tree; another workflow removes all rows and inserts the new ones. A bar is open while its
/// step has started, has no end and is not finished: the view draws it up to "now".
class TimelineModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    enum Column { NameColumn, StartColumn, EndColumn, StatusColumn, ColumnCount };
    Q_ENUM(Column)

    /// Answered on every column.
    enum Role {
        NameRole = Qt::UserRole + 1,
        GroupRole, ///< the parent step's name, empty at the top level
        StartRole, ///< QDateTime, invalid when not started
        EndRole, ///< QDateTime, invalid while open
        UnifiedStatusRole, ///< int(UnifiedStatus)
        RawStatusRole,
        StepIdRole,
        MessageRole,
        IsOpenRole, ///< bool: started, not ended, not finished
        /// bool: the view's default range ("Fit") covers this bar. False only for older
        /// CodeCatalyst runs: the newest DefaultViewRuns and every open one are in view, the
        /// rest of the history is there to scroll to.
        InDefaultViewRole,
    };
    Q_ENUM(Role)

    static constexpr int DefaultViewRuns = 10;

    explicit TimelineModel(QObject *parent = nullptr);

    /// Merges like StepTreeModel::setWorkflow, and likewise ignores a snapshot of the shown
    /// workflow without loaded steps.
    void setWorkflow(const WorkflowSnapshot &workflow);
    void clear();
    QString workflowKey() const { return m_key; }

    /// Earliest start to latest end; open bars reach `now`, finished bars without an end
    /// count as ending where they start. An invalid pair when nothing has started.
    QPair<QDateTime, QDateTime> timeRange(const QDateTime &now) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Bar {
        QString id;
        QString name;
        QString group;
        QString rawStatus;
        UnifiedStatus status = UnifiedStatus::Unknown;
        QString message;
        QDateTime start;
        QDateTime end;
        bool inDefaultView = true;

        bool isOpen() const;
        friend bool operator==(const Bar &a, const Bar &b)
        {
            return a.id == b.id && a.name == b.name && a.group == b.group
                && a.rawStatus == b.rawStatus && a.status == b.status && a.message == b.message
                && a.start == b.start && a.end == b.end && a.inDefaultView == b.inDefaultView;
        }
        friend bool operator!=(const Bar &a, const Bar &b) { return !(a == b); }
    };

    static QList<Bar> barsOf(const QList<StepSnapshot> &steps);
    void merge(const QList<Bar> &bars);

    QString m_key;
    QList<Bar> m_bars;
};

} // namespace sw
