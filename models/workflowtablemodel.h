#pragma once

#include "freshness.h"
#include "snapshot.h"
#include "unifiedstatus.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

class QTimer;

namespace sw {

/// The fleet: one row per workflow across all watches, and the store of the full snapshots
/// (steps included) that the step tree, the timeline and the actions look up by key. Polls are
/// merged in place — rows inserted at the end, removed in contiguous ranges, and updated with
/// `dataChanged` over the changed columns only, never a reset — so selections, scroll positions
/// and persistent indexes survive every poll. Row-level roles (status, key, times, ...) answer
/// on every column, but a change is announced on the columns that show it. The model also keeps
/// what the operator's session adds to a row: a pending action label, a short highlight
/// after a change of what it shows, and its freshness — when a successful poll last confirmed
/// it, and whether that is too long ago or its watch is in trouble (a stale row). Sorting and
/// filtering live in WorkflowFilterProxy. The cells are in workflowtablecells.cpp.
class WorkflowTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowTableModel)

public:
    /// What an operator reads first comes first: what, how it is doing, and why.
    enum Column {
        ServiceColumn, ///< icon and short name ("MHO"); the full name in the tool tip
        NameColumn,
        StatusColumn, ///< the unified status; its tool tip is the raw one
        ReasonColumn, ///< WorkflowSnapshot::reason(): status message or the failed step's
        ProgressColumn, ///< "4 / 6 · 1 failed"; the Progress*Roles have the parts
        StartColumn,
        LastUpdateColumn,
        /// end − start, or now − start while not terminal: that moves with the clock and no
        /// dataChanged says so, a view showing it repaints on a timer of its own.
        DurationColumn,
        IdColumn,
        RawStatusColumn,
        WatchColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        /// What the column sorts by: an int for enums, qint64 msecs for times (min() when
        /// unknown), a double progress fraction (-1 when unknown), qint64 duration ms (-1 when
        /// unknown), lower-cased text.
        SortRole = Qt::UserRole + 1,
        UnifiedStatusRole, ///< int
        ServiceRole, ///< int
        RawStatusRole,
        WorkflowKeyRole,
        WatchIdRole,
        PendingActionRole, ///< QString, empty when none
        RecentlyChangedRole, ///< bool
        ChangedAtRole, ///< QDateTime of the last merge that changed a column, invalid if none
        /// double in [0, 1]: the succeeded steps' share, or invalid when the total is unknown
        ProgressFractionRole,
        StartRole, ///< QDateTime
        LastUpdateRole, ///< QDateTime
        EndRole, ///< QDateTime
        /// The step counts behind the progress: qint64 each, invalid when unknown.
        SucceededStepsRole,
        FailedStepsRole,
        SkippedStepsRole,
        TotalStepsRole,
        /// Freshness, answered on every column: the wall-clock time (UTC) a successful poll
        /// last confirmed the row, invalid if never; whether the row is stale; and why, in
        /// one line ("as of 14:02:11 (3 min ago) — Offline since 14:02:15: …"), empty while
        /// fresh. A stale row's every tool tip ends with that line.
        ConfirmedAtRole,
        StaleRole,
        FreshnessRole,
    };
    Q_ENUM(Role)

    explicit WorkflowTableModel(QObject *parent = nullptr);
    ~WorkflowTableModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// `workflows` is the complete current set of the watch: rows of the watch missing from it
    /// are removed, new ones appended, changed ones updated. Rows of other watches are not
    /// touched. On the first merge of a watch its rows are not highlighted: they are new to
    /// the operator, not changed.
    void mergeWatch(const QString &watchId, const QList<WorkflowSnapshot> &workflows);
    /// Inserts or updates one workflow (a detail poll); the rest of its watch stays.
    void mergeWorkflow(const WorkflowSnapshot &workflow);
    void removeWatch(const QString &watchId);
    void removeWorkflow(const QString &key);

    /// Null when unknown. The pointer is valid until the next merge or removal.
    const WorkflowSnapshot *workflow(const QString &key) const;
    const WorkflowSnapshot *workflowAt(int row) const;
    /// -1 when unknown.
    int rowOf(const QString &key) const;
    QModelIndex indexOf(const QString &key, int column = 0) const;
    /// In row order.
    QStringList keysOfWatch(const QString &watchId) const;
    int count() const { return int(m_rows.size()); }

    /// Shows that an action on the workflow is in flight ("Retrying step…"); an empty label
    /// clears it. It survives merges and goes with the row. Unknown keys are ignored.
    void setPendingAction(const QString &workflowKey, const QString &label);
    QString pendingAction(const QString &workflowKey) const;

    /// How long a row changed by a merge stays highlighted (default 10 s; 0 turns it off).
    /// Applies to changes from now on.
    void setHighlightDuration(int ms);
    int highlightDuration() const { return m_highlightMs; }

    /// The time source for durations and highlights (tests inject a fixed clock).
    void setClock(std::function<QDateTime()> clock);

    /// A successful poll confirmed the workflow, or every row of the watch (a discovery):
    /// their data is as of now. Merges confirm what they change themselves.
    void confirmWorkflow(const QString &workflowKey);
    void confirmWatch(const QString &watchId);
    /// How the watch's polling is doing: rows of a watch that is not live are stale.
    void setWatchFreshness(const QString &watchId, const WatchFreshness &freshness);
    WatchFreshness watchFreshness(const QString &watchId) const;
    /// The operator's clock for freshness (UTC). Apart from setClock(): the demo's
    /// simulated clock runs faster, but "3 min ago" is the operator's three minutes.
    void setWallClock(std::function<QDateTime()> clock);
    /// Stale flags follow the wall clock: the model re-checks them every second and
    /// announces the rows that flipped. Tests that move a fixed clock call this directly.
    void recheckFreshness();

signals:
    /// The stored snapshot of the workflow is new or different (steps included), after the
    /// model was updated.
    void workflowChanged(const QString &key);
    void workflowRemoved(const QString &key);
    /// An existing row turned Failed, NeedsAttention or Succeeded: what the operator gets
    /// notified about. Never for a row's first appearance.
    void statusTransition(const QString &key, sw::UnifiedStatus from, sw::UnifiedStatus to);

private:
    static constexpr qint64 Never = std::numeric_limits<qint64>::min();

    struct Row {
        WorkflowSnapshot snapshot;
        QString pendingAction;
        qint64 changedAtMs = Never;
        qint64 highlightUntilMs = Never;
        qint64 confirmedAtMs = Never; ///< wall clock
        bool stale = false;
    };
    struct CellRange {
        int row;
        int lastRow;
        int firstColumn;
        int lastColumn;
    };
    struct Transition {
        QString key;
        UnifiedStatus from;
        UnifiedStatus to;
    };
    /// What a merge has to announce once the model is consistent again.
    struct Outcome {
        std::vector<CellRange> cells;
        QStringList changed;
        QStringList removed;
        std::vector<Transition> transitions;
    };

    qint64 nowMs() const;
    qint64 wallMs() const;
    static QString progressText(const WorkflowSnapshot &w);
    QVariant displayData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;
    QVariant toolTipData(const Row &row, int column) const;
    qint64 durationMs(const WorkflowSnapshot &w) const;
    bool isStale(const Row &row, qint64 wallNow) const;
    QString freshnessText(const Row &row) const;
    /// Stamps the rows as confirmed now and announces the ones whose stale flag flipped.
    void confirmRows(const std::function<bool(const Row &)> &which);
    void emitFreshnessChanges(const std::vector<int> &rows);

    void updateRow(int row, const WorkflowSnapshot &workflow, qint64 now, Outcome &outcome);
    void appendRows(std::vector<const WorkflowSnapshot *> added, bool highlightThem, qint64 now,
        Outcome &outcome);
    void removeRowsWhere(const std::function<bool(int row)> &remove, Outcome &outcome);
    void emitCellChanges(std::vector<CellRange> cells);
    void announce(const Outcome &outcome);
    void highlight(Row &row, qint64 now);
    void expireHighlights();
    static int timerInterval(qint64 clockMs);
    void ensureIndex() const;

    std::vector<std::unique_ptr<Row>> m_rows;
    /// key → row; entries at or past m_indexStaleFrom are stale after a removal and are
    /// rebuilt on the next lookup, so removing many scattered rows costs one O(n) pass.
    mutable QHash<QString, int> m_rowOfKey;
    mutable int m_indexStaleFrom = std::numeric_limits<int>::max();
    QSet<QString> m_mergedWatches;
    struct PendingExpiry {
        qint64 untilMs;
        QString key;
    };
    std::deque<PendingExpiry> m_expiries; ///< in the order they were highlighted
    QTimer *m_highlightTimer;
    QTimer *m_freshnessTimer;
    int m_highlightMs = 10000;
    std::function<QDateTime()> m_clock;
    std::function<QDateTime()> m_wallClock;
    QHash<QString, WatchFreshness> m_freshness;
};

} // namespace sw
