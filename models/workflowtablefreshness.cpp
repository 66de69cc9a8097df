// How fresh each row of the workflow table is: when a successful poll last confirmed it, and
// whether that is too long ago or its watch is in trouble. Merging and the cells are in
// workflowtablemodel.cpp and workflowtablecells.cpp.
#include "workflowtablemodel.h"

using namespace Qt::StringLiterals;

namespace sw {

void WorkflowTableModel::setWallClock(std::function<QDateTime()> clock)
{
    m_wallClock = clock ? std::move(clock) : [] {
        return QDateTime::currentDateTimeUtc();
    };
}

bool WorkflowTableModel::isStale(const Row &row, qint64 wallNow) const
{
    const auto it = m_freshness.constFind(row.snapshot.watchId);
    if (it == m_freshness.cend()) // nothing is known of the watch's polling: nothing to say
        return false;
    if (!it->live || row.confirmedAtMs == Never)
        return true;
    return wallNow - row.confirmedAtMs > it->staleAfterMs(isTerminal(row.snapshot.status));
}

QString WorkflowTableModel::freshnessText(const Row &row) const
{
    const QDateTime now = m_wallClock();
    const QDateTime at = row.confirmedAtMs == Never
        ? QDateTime()
        : QDateTime::fromMSecsSinceEpoch(row.confirmedAtMs, Qt::UTC);
    QString text = freshness::asOf(at, now);
    text[0] = text.at(0).toUpper();
    const QString problem = m_freshness.value(row.snapshot.watchId).problem;
    return problem.isEmpty() ? text : text + QStringLiteral(" — ") + problem;
}

void WorkflowTableModel::confirmRows(const std::function<bool(const Row &)> &which)
{
    const qint64 now = wallMs();
    std::vector<int> flipped;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        Row &r = *m_rows[size_t(row)];
        if (!which(r))
            continue;
        r.confirmedAtMs = now;
        const bool stale = isStale(r, now);
        if (stale != r.stale) {
            r.stale = stale;
            flipped.push_back(row);
        }
    }
    emitFreshnessChanges(flipped);
}

void WorkflowTableModel::confirmWorkflow(const QString &workflowKey)
{
    const int target = rowOf(workflowKey);
    if (target < 0)
        return;
    Row &r = *m_rows[size_t(target)];
    r.confirmedAtMs = wallMs();
    const bool stale = isStale(r, r.confirmedAtMs);
    if (stale == r.stale)
        return;
    r.stale = stale;
    emitFreshnessChanges({target});
}

void WorkflowTableModel::confirmWatch(const QString &watchId)
{
    confirmRows([&watchId](const Row &r) { return r.snapshot.watchId == watchId; });
}

void WorkflowTableModel::setWatchFreshness(const QString &watchId, const WatchFreshness &freshness)
{
    const auto it = m_freshness.constFind(watchId);
    if (it != m_freshness.cend() && *it == freshness)
        return;
    m_freshness.insert(watchId, freshness);
    // Every row of the watch: the flag may flip, and a stale row's text names the problem.
    const qint64 now = wallMs();
    std::vector<int> rows;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        Row &r = *m_rows[size_t(row)];
        if (r.snapshot.watchId != watchId)
            continue;
        const bool stale = isStale(r, now);
        if (stale || r.stale)
            rows.push_back(row);
        r.stale = stale;
    }
    emitFreshnessChanges(rows);
}

WatchFreshness WorkflowTableModel::watchFreshness(const QString &watchId) const
{
    return m_freshness.value(watchId);
}

void WorkflowTableModel::recheckFreshness()
{
    const qint64 now = wallMs();
    std::vector<int> flipped;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        Row &r = *m_rows[size_t(row)];
        const bool stale = isStale(r, now);
        if (stale != r.stale) {
            r.stale = stale;
            flipped.push_back(row);
        }
    }
    emitFreshnessChanges(flipped);
}

void WorkflowTableModel::emitFreshnessChanges(const std::vector<int> &rows)
{
    // Contiguous runs as one signal each, naming the roles that changed. (The proxy still looks
    // at these rows' places again: it ignores the roles. A row's order and filter do not change
    // with its freshness, so nothing moves.)
    const QList<int> roles = {StaleRole, FreshnessRole, Qt::ToolTipRole};
    for (size_t i = 0; i < rows.size();) {
        size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        emit dataChanged(index(rows[i], 0), index(rows[j], ColumnCount - 1), roles);
        i = j + 1;
    }
}

} // namespace sw
