#include "workflowtablemodel.h"

#include "displaytime.h"

#include <QTimer>

#include <algorithm>

namespace sw {

namespace {

using Mask = quint32;
static_assert(WorkflowTableModel::ColumnCount <= 32, "a column mask has 32 bits");

constexpr Mask bit(WorkflowTableModel::Column column)
{
    return Mask(1) << column;
}

// Which cells show something that differs between two snapshots. Every field a filter or a
// tool tip reads maps to a column, so the proxy re-filters whenever one of them changes.
Mask changedColumns(const WorkflowSnapshot &a, const WorkflowSnapshot &b)
{
    using M = WorkflowTableModel;
    Mask m = 0;
    if (a.service != b.service)
        m |= bit(M::ServiceColumn);
    if (a.name != b.name)
        m |= bit(M::NameColumn);
    if (a.id != b.id || a.arn != b.arn) // the arn is the id column's tool tip
        m |= bit(M::IdColumn);
    if (a.status != b.status)
        m |= bit(M::StatusColumn);
    if (a.rawStatus != b.rawStatus) // also the status column's tool tip
        m |= bit(M::StatusColumn) | bit(M::RawStatusColumn);
    if (a.completedSteps != b.completedSteps || a.totalSteps != b.totalSteps
        || a.failedSteps != b.failedSteps || a.skippedSteps != b.skippedSteps)
        m |= bit(M::ProgressColumn);
    if (a.start != b.start)
        m |= bit(M::StartColumn) | bit(M::DurationColumn);
    if (a.lastUpdate != b.lastUpdate)
        m |= bit(M::LastUpdateColumn);
    if (a.end != b.end || isTerminal(a.status) != isTerminal(b.status))
        m |= bit(M::DurationColumn);
    // The reason falls back to the steps when the workflow has no message of its own.
    if (a.message != b.message || (a.stepsDigest != b.stepsDigest && a.reason() != b.reason()))
        m |= bit(M::ReasonColumn);
    if (a.watchName != b.watchName)
        m |= bit(M::WatchColumn);
    return m;
}

// What counts as news for the "recently changed" highlight: a change in how the workflow is
// doing, as its row shows it. Not the details a fuller poll adds to the same state (an ARN,
// a name, a more exact start), a tool tip, a hidden column, or a newer "last update" alone.
constexpr Mask newsColumns = bit(WorkflowTableModel::StatusColumn)
    | bit(WorkflowTableModel::ReasonColumn) | bit(WorkflowTableModel::ProgressColumn);

bool finishedNow(const WorkflowSnapshot &before, const WorkflowSnapshot &after)
{
    return before.end != after.end && after.end.isValid();
}

bool notifies(UnifiedStatus status)
{
    return status == UnifiedStatus::Failed || status == UnifiedStatus::NeedsAttention
        || status == UnifiedStatus::Succeeded;
}

} // namespace

WorkflowTableModel::WorkflowTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_highlightTimer(new QTimer(this)),
      m_freshnessTimer(new QTimer(this)), m_clock([] { return QDateTime::currentDateTimeUtc(); }),
      m_wallClock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_highlightTimer->setObjectName(QStringLiteral("highlightTimer"));
    m_highlightTimer->setSingleShot(true);
    connect(m_highlightTimer, &QTimer::timeout, this, &WorkflowTableModel::expireHighlights);
    m_freshnessTimer->setObjectName(QStringLiteral("freshnessTimer"));
    connect(m_freshnessTimer, &QTimer::timeout, this, &WorkflowTableModel::recheckFreshness);
    m_freshnessTimer->start(1000);
}

WorkflowTableModel::~WorkflowTableModel() = default;

int WorkflowTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WorkflowTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

// --- merging ---------------------------------------------------------------------------------

void WorkflowTableModel::mergeWatch(
    const QString &watchId, const QList<WorkflowSnapshot> &workflows)
{
    const qint64 now = nowMs();
    Outcome outcome;
    ensureIndex();
    // A key listed twice: the last one wins, without flapping through the first.
    std::vector<int> latest(m_rows.size(), -1); // row → index in `workflows`
    std::vector<int> rowOfListed(size_t(workflows.size()), -1);
    std::vector<const WorkflowSnapshot *> added;
    QHash<QString, size_t> addedIndex;
    for (int i = 0; i < int(workflows.size()); ++i) {
        const WorkflowSnapshot &w = workflows.at(i);
        const auto it = m_rowOfKey.constFind(w.key);
        if (it != m_rowOfKey.constEnd()) {
            rowOfListed[size_t(i)] = *it;
            latest[size_t(*it)] = i;
            continue;
        }
        const auto dup = addedIndex.constFind(w.key);
        if (dup != addedIndex.constEnd()) {
            added[*dup] = &w;
        } else {
            addedIndex.insert(w.key, added.size());
            added.push_back(&w);
        }
    }
    for (int i = 0; i < int(workflows.size()); ++i) {
        const int row = rowOfListed[size_t(i)];
        if (row >= 0 && latest[size_t(row)] == i)
            updateRow(row, workflows.at(i), now, outcome);
    }
    emitCellChanges(std::move(outcome.cells));
    removeRowsWhere(
        [&](int row) {
            return latest[size_t(row)] < 0 && m_rows[size_t(row)]->snapshot.watchId == watchId;
        },
        outcome);
    const bool firstMerge = !m_mergedWatches.contains(watchId);
    appendRows(std::move(added), !firstMerge, now, outcome);
    m_mergedWatches.insert(watchId);
    announce(outcome);
}

void WorkflowTableModel::mergeWorkflow(const WorkflowSnapshot &workflow)
{
    const qint64 now = nowMs();
    Outcome outcome;
    const int row = rowOf(workflow.key);
    if (row >= 0) {
        updateRow(row, workflow, now, outcome);
        emitCellChanges(std::move(outcome.cells));
    } else {
        appendRows({&workflow}, m_mergedWatches.contains(workflow.watchId), now, outcome);
    }
    announce(outcome);
}

void WorkflowTableModel::removeWatch(const QString &watchId)
{
    Outcome outcome;
    removeRowsWhere(
        [&](int row) { return m_rows[size_t(row)]->snapshot.watchId == watchId; }, outcome);
    m_mergedWatches.remove(watchId);
    m_freshness.remove(watchId);
    announce(outcome);
}

void WorkflowTableModel::removeWorkflow(const QString &key)
{
    const int target = rowOf(key);
    if (target < 0)
        return;
    Outcome outcome;
    removeRowsWhere([target](int row) { return row == target; }, outcome);
    announce(outcome);
}

void WorkflowTableModel::updateRow(
    int row, const WorkflowSnapshot &workflow, qint64 now, Outcome &outcome)
{
    Row &r = *m_rows[size_t(row)];
    // A merge is not a confirmation (a watch lists all its rows again when one of them
    // vanished): the poller confirms what a poll read, after merging it.
    const bool sameSummary = r.snapshot.sameSummary(workflow);
    // The digest stands for the steps (snapshot.h keeps it current), so an unchanged poll
    // compares no step at all.
    if (sameSummary && r.snapshot.stepsDigest == workflow.stepsDigest
        && r.snapshot.steps.size() == workflow.steps.size())
        return;
    const Mask columns = changedColumns(r.snapshot, workflow);
    const bool news = (columns & newsColumns) != 0 || finishedNow(r.snapshot, workflow);
    const UnifiedStatus from = r.snapshot.status;
    r.snapshot = workflow;
    // Finished or not decides how old the row may be.
    const bool stale = isStale(r, wallMs());
    if (stale != r.stale) {
        r.stale = stale;
        outcome.cells.push_back({row, row, 0, ColumnCount - 1});
    }
    outcome.changed.append(workflow.key);
    if (from != workflow.status && notifies(workflow.status))
        outcome.transitions.push_back({workflow.key, from, workflow.status});
    if (columns == 0)
        return;
    if (news)
        highlight(r, now);
    int first = 0;
    while (!(columns & (Mask(1) << first)))
        ++first;
    int last = ColumnCount - 1;
    while (!(columns & (Mask(1) << last)))
        --last;
    outcome.cells.push_back({row, row, first, last});
}

void WorkflowTableModel::emitCellChanges(std::vector<CellRange> cells)
{
    if (cells.empty())
        return;
    std::sort(cells.begin(), cells.end(),
        [](const CellRange &a, const CellRange &b) { return a.row < b.row; });
    // Neighbouring rows that changed the same columns go out as one signal.
    std::vector<CellRange> ranges;
    for (const CellRange &c : cells) {
        CellRange *previous = ranges.empty() ? nullptr : &ranges.back();
        if (previous && previous->lastRow + 1 == c.row && previous->firstColumn == c.firstColumn
            && previous->lastColumn == c.lastColumn)
            previous->lastRow = c.row;
        else
            ranges.push_back(c);
    }
    // Like qBittorrent's transfer list: past a point one signal over everything that changed
    // is cheaper for views and proxies than many small ones.
    if (ranges.size() > 64 && ranges.size() * 2 > m_rows.size()) {
        int firstColumn = ColumnCount;
        int lastColumn = 0;
        for (const CellRange &c : cells) {
            firstColumn = std::min(firstColumn, c.firstColumn);
            lastColumn = std::max(lastColumn, c.lastColumn);
        }
        ranges = {{cells.front().row, cells.back().row, firstColumn, lastColumn}};
    }
    for (const CellRange &r : ranges)
        emit dataChanged(index(r.row, r.firstColumn), index(r.lastRow, r.lastColumn));
}

void WorkflowTableModel::appendRows(
    std::vector<const WorkflowSnapshot *> added, bool highlightThem, qint64 now, Outcome &outcome)
{
    if (added.empty())
        return;
    ensureIndex();
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
    m_rows.reserve(m_rows.size() + added.size());
    for (const WorkflowSnapshot *w : added) {
        auto row = std::make_unique<Row>();
        row->snapshot = *w;
        row->confirmedAtMs = wallMs();
        row->stale = isStale(*row, row->confirmedAtMs);
        if (highlightThem)
            highlight(*row, now);
        m_rowOfKey.insert(w->key, int(m_rows.size()));
        m_rows.push_back(std::move(row));
        outcome.changed.append(w->key);
    }
    endInsertRows();
}

void WorkflowTableModel::removeRowsWhere(
    const std::function<bool(int row)> &remove, Outcome &outcome)
{
    // From the back, so the rows a predicate has not seen yet keep their numbers, and each
    // contiguous run goes out as one removal.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!remove(row))
            continue;
        const int last = row;
        while (row > 0 && remove(row - 1))
            --row;
        beginRemoveRows(QModelIndex(), row, last);
        for (int i = row; i <= last; ++i) {
            const QString &key = m_rows[size_t(i)]->snapshot.key;
            m_rowOfKey.remove(key);
            outcome.removed.append(key);
        }
        m_rows.erase(m_rows.begin() + row, m_rows.begin() + last + 1);
        m_indexStaleFrom = std::min(m_indexStaleFrom, row);
        endRemoveRows();
    }
}

void WorkflowTableModel::announce(const Outcome &outcome)
{
    // Last, with the model consistent: a receiver may read it, or merge again.
    for (const QString &key : outcome.removed)
        emit workflowRemoved(key);
    for (const QString &key : outcome.changed)
        emit workflowChanged(key);
    for (const Transition &t : outcome.transitions)
        emit statusTransition(t.key, t.from, t.to);
}

void WorkflowTableModel::ensureIndex() const
{
    const int size = int(m_rows.size());
    for (int i = m_indexStaleFrom; i < size; ++i)
        m_rowOfKey[m_rows[size_t(i)]->snapshot.key] = i;
    m_indexStaleFrom = std::numeric_limits<int>::max();
}

// --- lookups ---------------------------------------------------------------------------------

int WorkflowTableModel::rowOf(const QString &key) const
{
    ensureIndex();
    return m_rowOfKey.value(key, -1);
}

const WorkflowSnapshot *WorkflowTableModel::workflow(const QString &key) const
{
    return workflowAt(rowOf(key));
}

const WorkflowSnapshot *WorkflowTableModel::workflowAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return nullptr;
    return &m_rows[size_t(row)]->snapshot;
}

QModelIndex WorkflowTableModel::indexOf(const QString &key, int column) const
{
    const int row = rowOf(key);
    return row < 0 ? QModelIndex() : index(row, column);
}

QStringList WorkflowTableModel::keysOfWatch(const QString &watchId) const
{
    QStringList keys;
    for (const auto &row : m_rows) {
        if (row->snapshot.watchId == watchId)
            keys.append(row->snapshot.key);
    }
    return keys;
}

// --- pending actions and highlights ----------------------------------------------------------

void WorkflowTableModel::setPendingAction(const QString &workflowKey, const QString &label)
{
    const int row = rowOf(workflowKey);
    if (row < 0 || m_rows[size_t(row)]->pendingAction == label)
        return;
    m_rows[size_t(row)]->pendingAction = label;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {PendingActionRole});
}

QString WorkflowTableModel::pendingAction(const QString &workflowKey) const
{
    const int row = rowOf(workflowKey);
    return row < 0 ? QString() : m_rows[size_t(row)]->pendingAction;
}

void WorkflowTableModel::setHighlightDuration(int ms)
{
    m_highlightMs = std::max(0, ms);
}

void WorkflowTableModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock ? std::move(clock) : [] {
        return QDateTime::currentDateTimeUtc();
    };
}

qint64 WorkflowTableModel::nowMs() const
{
    return m_clock().toMSecsSinceEpoch();
}

qint64 WorkflowTableModel::wallMs() const
{
    return m_wallClock().toMSecsSinceEpoch();
}

void WorkflowTableModel::highlight(Row &row, qint64 now)
{
    row.changedAtMs = now;
    if (m_highlightMs <= 0)
        return;
    row.highlightUntilMs = now + m_highlightMs;
    m_expiries.push_back({row.highlightUntilMs, row.snapshot.key});
    if (!m_highlightTimer->isActive())
        m_highlightTimer->start(timerInterval(row.highlightUntilMs - now));
}

int WorkflowTableModel::timerInterval(qint64 clockMs)
{
    // The clock may run faster than the timer (the demo's simulated one): look again at least
    // once a second rather than trusting one long wait.
    return int(std::clamp<qint64>(clockMs, 1, 1000));
}

void WorkflowTableModel::expireHighlights()
{
    const qint64 now = nowMs();
    while (!m_expiries.empty() && m_expiries.front().untilMs <= now) {
        const PendingExpiry expiry = std::move(m_expiries.front());
        m_expiries.pop_front();
        const int row = rowOf(expiry.key);
        // A row changed again since has a later entry of its own.
        if (row < 0 || m_rows[size_t(row)]->highlightUntilMs != expiry.untilMs)
            continue;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {RecentlyChangedRole});
    }
    if (!m_expiries.empty())
        m_highlightTimer->start(timerInterval(m_expiries.front().untilMs - now));
}

} // namespace sw
