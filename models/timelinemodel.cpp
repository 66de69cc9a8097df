#include "timelinemodel.h"

#include "displaytime.h"

#include <QHash>
#include <QSet>

namespace sw {

bool TimelineModel::Bar::isOpen() const
{
    return start.isValid() && !end.isValid() && !isTerminal(status);
}

TimelineModel::TimelineModel(QObject *parent) : QAbstractTableModel(parent) { }

void TimelineModel::setWorkflow(const WorkflowSnapshot &workflow)
{
    if (workflow.key != m_key) {
        clear();
        m_key = workflow.key;
    } else if (!workflow.stepsLoaded) {
        // A summary from a List call: the steps it lacks are unknown, not gone.
        return;
    }
    // Building the bars is cheap next to a poll; an unchanged list merges to no signal at all.
    merge(barsOf(workflow.steps));
}

void TimelineModel::clear()
{
    m_key.clear();
    if (m_bars.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_bars.size()) - 1);
    m_bars.clear();
    endRemoveRows();
}

QPair<QDateTime, QDateTime> TimelineModel::timeRange(const QDateTime &now) const
{
    QDateTime first;
    QDateTime last;
    for (const Bar &bar : m_bars) {
        if (!bar.start.isValid())
            continue;
        const QDateTime end = bar.end.isValid() ? bar.end : bar.isOpen() ? now : bar.start;
        if (!first.isValid() || bar.start < first)
            first = bar.start;
        if (!last.isValid() || end > last)
            last = end;
    }
    if (!first.isValid())
        return {};
    return {first, qMax(first, last)};
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_bars.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bar &bar = m_bars.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return bar.name;
        case StartColumn:
            return displayTime(bar.start);
        case EndColumn:
            return displayTime(bar.end);
        case StatusColumn:
            return statusDisplayName(bar.status);
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        QStringList lines {bar.group.isEmpty() ? bar.name : tr("%1 › %2").arg(bar.group, bar.name),
            bar.rawStatus, bar.message};
        lines.removeAll(QString());
        return lines.join(QLatin1Char('\n'));
    }
    case NameRole:
        return bar.name;
    case GroupRole:
        return bar.group;
    case StartRole:
        return bar.start;
    case EndRole:
        return bar.end;
    case UnifiedStatusRole:
        return int(bar.status);
    case RawStatusRole:
        return bar.rawStatus;
    case StepIdRole:
        return bar.id;
    case MessageRole:
        return bar.message;
    case IsOpenRole:
        return bar.isOpen();
    case InDefaultViewRole:
        return bar.inDefaultView;
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StartColumn:
        return tr("Start");
    case EndColumn:
        return tr("End");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(GroupRole, "group");
    names.insert(StartRole, "start");
    names.insert(EndRole, "end");
    names.insert(UnifiedStatusRole, "unifiedStatus");
    names.insert(RawStatusRole, "rawStatus");
    names.insert(StepIdRole, "stepId");
    names.insert(MessageRole, "message");
    names.insert(IsOpenRole, "isOpen");
    names.insert(InDefaultViewRole, "inDefaultView");
    return names;
}

// Read through placeSteps(), as the step tree does, so both views agree on what is a group.
QList<TimelineModel::Bar> TimelineModel::barsOf(const QList<StepSnapshot> &steps)
{
    const QList<StepPlacement> placed = placeSteps(steps);
    QSet<QString> parents;
    for (const StepPlacement &p : placed) {
        if (p.parent)
            parents.insert(p.parent->id);
    }
    QList<Bar> bars;
    int runs = 0; // CodeCatalyst runs come newest first
    for (const StepPlacement &p : placed) {
        const StepSnapshot *s = p.step;
        if (parents.contains(s->id))
            continue;
        Bar bar;
        bar.id = s->id;
        bar.name = s->name.isEmpty() ? s->id : s->name;
        if (p.parent)
            bar.group = p.parent->name.isEmpty() ? p.parent->id : p.parent->name;
        bar.rawStatus = s->rawStatus;
        bar.status = s->status;
        bar.message = s->message;
        bar.start = s->start;
        bar.end = s->end;
        if (s->kind == StepKind::CodeCatalystRun)
            bar.inDefaultView = runs++ < DefaultViewRuns || bar.isOpen();
        bars.append(bar);
    }
    return bars;
}

// Rows that left go first (contiguous runs, from the end), then new rows go in as contiguous
// runs, and rows that stayed get one dataChanged each when something about them changed.
void TimelineModel::merge(const QList<Bar> &bars)
{
    QHash<QString, int> desiredPos;
    desiredPos.reserve(bars.size());
    for (int i = 0; i < bars.size(); ++i)
        desiredPos.insert(bars[i].id, i);
    // A bar whose order changed is removed and inserted again: steps do not reorder.
    QList<bool> keep(m_bars.size(), false);
    int lastPos = -1;
    for (int i = 0; i < m_bars.size(); ++i) {
        const int pos = desiredPos.value(m_bars[i].id, -1);
        if (pos > lastPos) {
            keep[i] = true;
            lastPos = pos;
        }
    }
    for (int last = int(m_bars.size()) - 1; last >= 0;) {
        if (keep[last]) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !keep[first - 1])
            --first;
        beginRemoveRows({}, first, last);
        m_bars.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }

    int i = 0;
    int pos = 0;
    while (i < bars.size()) {
        if (pos < m_bars.size() && m_bars[pos].id == bars[i].id) {
            if (m_bars[pos] != bars[i]) {
                m_bars[pos] = bars[i];
                emit dataChanged(index(pos, 0), index(pos, ColumnCount - 1));
            }
            ++pos;
            ++i;
            continue;
        }
        const QString nextKept = pos < m_bars.size() ? m_bars[pos].id : QString();
        int end = i;
        while (end < bars.size() && (pos >= m_bars.size() || bars[end].id != nextKept))
            ++end;
        beginInsertRows({}, pos, pos + (end - i) - 1);
        for (int k = i; k < end; ++k)
            m_bars.insert(pos + (k - i), bars[k]);
        endInsertRows();
        pos += end - i;
        i = end;
    }
}

} // namespace sw
