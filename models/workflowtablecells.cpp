// What each cell of the workflow table shows, sorts by and explains in its tool tip; the
// merging, highlights and freshness bookkeeping are in workflowtablemodel.cpp.
#include "workflowtablemodel.h"

#include "displaytime.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

qint64 timeSortValue(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

QVariant optionalTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(time) : QVariant();
}

QVariant optionalCount(const std::optional<qint64> &count)
{
    return count ? QVariant(*count) : QVariant();
}

QVariant progressFraction(const WorkflowSnapshot &w)
{
    if (!w.completedSteps || !w.totalSteps || *w.totalSteps <= 0)
        return {};
    return std::clamp(double(*w.completedSteps) / double(*w.totalSteps), 0.0, 1.0);
}

} // namespace

QVariant WorkflowTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = *m_rows[size_t(index.row())];
    const WorkflowSnapshot &w = row.snapshot;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        return toolTipData(row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == ProgressColumn || index.column() == DurationColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case SortRole:
        return sortData(row, index.column());
    case UnifiedStatusRole:
        return int(w.status);
    case ServiceRole:
        return int(w.service);
    case RawStatusRole:
        return w.rawStatus;
    case WorkflowKeyRole:
        return w.key;
    case WatchIdRole:
        return w.watchId;
    case PendingActionRole:
        return row.pendingAction;
    case RecentlyChangedRole:
        return row.highlightUntilMs != Never && nowMs() < row.highlightUntilMs;
    case ChangedAtRole:
        return row.changedAtMs == Never
            ? QVariant()
            : QVariant(QDateTime::fromMSecsSinceEpoch(row.changedAtMs, Qt::UTC));
    case ProgressFractionRole:
        return progressFraction(w);
    case StartRole:
        return optionalTime(w.start);
    case LastUpdateRole:
        return optionalTime(w.lastUpdate);
    case EndRole:
        return optionalTime(w.end);
    case SucceededStepsRole:
        return optionalCount(w.completedSteps);
    case FailedStepsRole:
        return optionalCount(w.failedSteps);
    case SkippedStepsRole:
        return optionalCount(w.skippedSteps);
    case TotalStepsRole:
        return optionalCount(w.totalSteps);
    case ConfirmedAtRole:
        return row.confirmedAtMs == Never
            ? QVariant()
            : QVariant(QDateTime::fromMSecsSinceEpoch(row.confirmedAtMs, Qt::UTC));
    case StaleRole:
        return row.stale;
    case FreshnessRole:
        return row.stale ? freshnessText(row) : QString();
    default:
        return {};
    }
}

QString WorkflowTableModel::progressText(const WorkflowSnapshot &w)
{
    QString text;
    if (w.completedSteps && w.totalSteps)
        text = tr("%1 / %2").arg(*w.completedSteps).arg(*w.totalSteps);
    else if (w.completedSteps)
        text = QString::number(*w.completedSteps);
    else
        return {};
    // What did not succeed is said, not folded into the count.
    if (w.failedSteps && *w.failedSteps > 0)
        text += u" · "_s + tr("%n failed", nullptr, int(*w.failedSteps));
    if (w.skippedSteps && *w.skippedSteps > 0)
        text += u" · "_s + tr("%n skipped", nullptr, int(*w.skippedSteps));
    return text;
}

QVariant WorkflowTableModel::displayData(const Row &row, int column) const
{
    const WorkflowSnapshot &w = row.snapshot;
    switch (Column(column)) {
    case ServiceColumn:
        return serviceShortName(w.service);
    case NameColumn:
        return w.name;
    case IdColumn:
        return w.id;
    case StatusColumn:
        return statusDisplayName(w.status);
    case ReasonColumn:
        // One line: a service message may carry line breaks.
        return w.reason().simplified();
    case RawStatusColumn:
        return w.rawStatus;
    case ProgressColumn:
        return progressText(w);
    case StartColumn:
        return displayTime(w.start);
    case LastUpdateColumn:
        return displayTime(w.lastUpdate);
    case DurationColumn:
        return formatDuration(durationMs(w));
    case WatchColumn:
        return w.watchName.isEmpty() ? w.watchId : w.watchName;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant WorkflowTableModel::sortData(const Row &row, int column) const
{
    const WorkflowSnapshot &w = row.snapshot;
    switch (Column(column)) {
    case ServiceColumn:
        return int(w.service);
    case NameColumn:
        return w.name.toLower();
    case IdColumn:
        return w.id.toLower();
    case StatusColumn:
        return statusSeverityRank(w.status);
    case ReasonColumn:
        return w.reason().toLower();
    case RawStatusColumn:
        return w.rawStatus.toLower();
    case ProgressColumn: {
        const QVariant fraction = progressFraction(w);
        return fraction.isValid() ? fraction.toDouble() : -1.0;
    }
    case StartColumn:
        return timeSortValue(w.start);
    case LastUpdateColumn:
        return timeSortValue(w.lastUpdate);
    case DurationColumn:
        return durationMs(w);
    case WatchColumn:
        return (w.watchName.isEmpty() ? w.watchId : w.watchName).toLower();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant WorkflowTableModel::toolTipData(const Row &row, int column) const
{
    const WorkflowSnapshot &w = row.snapshot;
    QString tip;
    switch (column) {
    case ServiceColumn:
        tip = serviceDisplayName(w.service);
        break;
    case StatusColumn:
    case RawStatusColumn:
        tip = w.rawStatus;
        break;
    case IdColumn:
        tip = w.arn.isEmpty() ? w.id : w.arn;
        break;
    case ReasonColumn:
        tip = w.reason();
        break;
    case NameColumn:
        tip = w.name;
        break;
    default:
        break;
    }
    if (!row.stale)
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    // A stale row says so wherever the pointer rests on it.
    const QString freshness = freshnessText(row);
    return tip.isEmpty() ? freshness : tip + u"\n\n"_s + freshness;
}

qint64 WorkflowTableModel::durationMs(const WorkflowSnapshot &w) const
{
    if (!w.start.isValid())
        return -1;
    if (w.end.isValid())
        return std::max<qint64>(0, w.start.msecsTo(w.end));
    // A finished workflow without an end time: now − start would grow for ever.
    if (isTerminal(w.status))
        return -1;
    return std::max<qint64>(0, nowMs() - w.start.toMSecsSinceEpoch());
}

QVariant WorkflowTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    static constexpr const char *titles[ColumnCount] = {
        QT_TR_NOOP("Service"),
        QT_TR_NOOP("Name"),
        QT_TR_NOOP("Status"),
        QT_TR_NOOP("Reason / message"),
        QT_TR_NOOP("Progress"),
        QT_TR_NOOP("Started"),
        QT_TR_NOOP("Last update"),
        QT_TR_NOOP("Duration"),
        QT_TR_NOOP("ID"),
        QT_TR_NOOP("Service status"),
        QT_TR_NOOP("Watch"),
    };
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= ColumnCount)
        return {};
    return tr(titles[section]);
}

QHash<int, QByteArray> WorkflowTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(UnifiedStatusRole, "unifiedStatus");
    names.insert(ServiceRole, "service");
    names.insert(RawStatusRole, "rawStatus");
    names.insert(WorkflowKeyRole, "workflowKey");
    names.insert(WatchIdRole, "watchId");
    names.insert(PendingActionRole, "pendingAction");
    names.insert(RecentlyChangedRole, "recentlyChanged");
    names.insert(ChangedAtRole, "changedAt");
    names.insert(ProgressFractionRole, "progressFraction");
    names.insert(StartRole, "start");
    names.insert(LastUpdateRole, "lastUpdate");
    names.insert(EndRole, "end");
    names.insert(SucceededStepsRole, "succeededSteps");
    names.insert(FailedStepsRole, "failedSteps");
    names.insert(SkippedStepsRole, "skippedSteps");
    names.insert(TotalStepsRole, "totalSteps");
    names.insert(ConfirmedAtRole, "confirmedAt");
    names.insert(StaleRole, "stale");
    names.insert(FreshnessRole, "freshness");
    return names;
}

} // namespace sw
