#include "steptreemodel.h"

#include "displaytime.h"

#include <QSet>

#include <iterator>

namespace sw {

namespace {

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString progressText(const StepSnapshot &step)
{
    if (step.total)
        return StepTreeModel::tr("%1 / %2").arg(step.completed.value_or(0)).arg(*step.total);
    if (step.completed)
        return QString::number(*step.completed);
    return {};
}

QVariantMap detail(const QString &name, const QString &value)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("value"), value}};
}

} // namespace

StepTreeModel::StepTreeModel(QObject *parent)
    : QAbstractItemModel(parent), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

StepTreeModel::~StepTreeModel() = default;

void StepTreeModel::setWorkflow(const WorkflowSnapshot &workflow)
{
    if (workflow.key != m_workflow.key) {
        removeAllRows();
        m_workflow = workflow;
        mergeChildren(&m_root, layoutOf(workflow.steps));
        return;
    }
    // A summary from a List call: the steps it lacks are unknown, not gone.
    if (!workflow.stepsLoaded)
        return;
    // The digest rejects most changed lists cheaply; equal digests are confirmed field by field.
    const bool unchanged =
        m_workflow.stepsDigest == workflow.stepsDigest && m_workflow.steps == workflow.steps;
    m_workflow = workflow;
    if (!unchanged)
        mergeChildren(&m_root, layoutOf(workflow.steps));
}

void StepTreeModel::clear()
{
    removeAllRows();
    m_workflow = WorkflowSnapshot();
}

const StepSnapshot *StepTreeModel::step(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return &nodeOf(index)->step;
}

QModelIndex StepTreeModel::indexOf(const QString &stepId, int column) const
{
    const Node *node = m_byId.value(stepId);
    if (!node || column < 0 || column >= ColumnCount)
        return {};
    return indexOfNode(node, column);
}

void StepTreeModel::setPendingAction(
    const QString &workflowKey, const QString &stepId, const QString &label)
{
    if (workflowKey.isEmpty())
        return;
    // Kept even for a workflow not shown: the outcome may arrive while the operator looks at
    // another one, and a label that outlives its action would be worse than none.
    if (pendingAction(workflowKey, stepId) == label)
        return;
    if (label.isEmpty()) {
        auto it = m_pending.find(workflowKey);
        it->remove(stepId);
        if (it->isEmpty())
            m_pending.erase(it);
    } else {
        m_pending[workflowKey].insert(stepId, label);
    }
    if (workflowKey != m_workflow.key)
        return;
    if (const Node *node = m_byId.value(stepId)) {
        emit dataChanged(indexOfNode(node, 0), indexOfNode(node, ColumnCount - 1),
            {Qt::DisplayRole, Qt::ToolTipRole, PendingActionRole, DetailsRole});
    }
}

QString StepTreeModel::pendingAction(const QString &workflowKey, const QString &stepId) const
{
    const auto it = m_pending.constFind(workflowKey);
    return it == m_pending.cend() ? QString() : it->value(stepId);
}

void StepTreeModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QModelIndex StepTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Node *p = parent.isValid() ? nodeOf(parent) : &m_root;
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex StepTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *p = nodeOf(child)->parent;
    if (!p || p == &m_root)
        return {};
    return createIndex(p->row, 0, p);
}

int StepTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_root.children.size());
    if (parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int StepTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant StepTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const StepSnapshot &s = nodeOf(index)->step;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(s, index.column());
    case Qt::ToolTipRole: {
        QStringList lines {s.rawStatus, pendingAction(m_workflow.key, s.id), s.message};
        lines.removeAll(QString());
        return lines.join(QLatin1Char('\n'));
    }
    case SortRole:
        return sortData(s, index.column());
    case UnifiedStatusRole:
        return int(s.status);
    case RawStatusRole:
        return s.rawStatus;
    case StepIdRole:
        return s.id;
    case StepKindRole:
        return int(s.kind);
    case ParentIdRole:
        return s.parentId;
    case PendingActionRole:
        return pendingAction(m_workflow.key, s.id);
    case DetailsRole:
        return details(s);
    case StartRole:
        return s.start;
    case EndRole:
        return s.end;
    default:
        return {};
    }
}

QVariant StepTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case RawStatusColumn:
        return tr("Service status");
    case ProgressColumn:
        return tr("Progress");
    case StartColumn:
        return tr("Start");
    case EndColumn:
        return tr("End");
    case DurationColumn:
        return tr("Duration");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

QHash<int, QByteArray> StepTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(SortRole, "sort");
    names.insert(UnifiedStatusRole, "unifiedStatus");
    names.insert(RawStatusRole, "rawStatus");
    names.insert(StepIdRole, "stepId");
    names.insert(StepKindRole, "stepKind");
    names.insert(ParentIdRole, "parentId");
    names.insert(PendingActionRole, "pendingAction");
    names.insert(DetailsRole, "details");
    names.insert(StartRole, "start");
    names.insert(EndRole, "end");
    return names;
}

StepTreeModel::Node *StepTreeModel::nodeOf(const QModelIndex &index) const
{
    Q_ASSERT(index.isValid() && index.model() == this);
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex StepTreeModel::indexOfNode(const Node *node, int column) const
{
    if (!node || node == &m_root)
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

// One parent at a time: rows that left this parent go first (contiguous runs, last run first
// so the row numbers still to come stay valid), then new rows go in as contiguous runs, and
// the rows that stayed get one dataChanged each if anything about them changed.
void StepTreeModel::mergeChildren(Node *node, const Layout &layout)
{
    const QList<const StepSnapshot *> desired =
        layout.value(node == &m_root ? QString() : node->step.id);
    const QModelIndex parentIndex = indexOfNode(node);
    auto &children = node->children;

    QHash<QString, int> desiredPos;
    desiredPos.reserve(desired.size());
    for (int i = 0; i < desired.size(); ++i)
        desiredPos.insert(desired[i]->id, i);
    // Rows whose order changed are removed and inserted again: reordering does not happen in
    // these services, so moves are not worth their complexity.
    std::vector<bool> keep(children.size(), false);
    int lastPos = -1;
    for (size_t i = 0; i < children.size(); ++i) {
        const int pos = desiredPos.value(children[i]->step.id, -1);
        if (pos > lastPos) {
            keep[i] = true;
            lastPos = pos;
        }
    }
    for (int last = int(children.size()) - 1; last >= 0;) {
        if (keep[size_t(last)]) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !keep[size_t(first - 1)])
            --first;
        beginRemoveRows(parentIndex, first, last);
        for (int r = first; r <= last; ++r)
            forget(children[size_t(r)].get());
        children.erase(children.begin() + first, children.begin() + last + 1);
        renumber(node);
        endRemoveRows();
        last = first - 1;
    }

    int i = 0;
    size_t pos = 0;
    while (i < desired.size()) {
        if (pos < children.size() && children[pos]->step.id == desired[i]->id) {
            Node *child = children[pos].get();
            if (child->step != *desired[i]) {
                child->step = *desired[i];
                // The row roles and DetailsRole carry every field on every column.
                emit dataChanged(indexOfNode(child, 0), indexOfNode(child, ColumnCount - 1));
            }
            mergeChildren(child, layout);
            ++pos;
            ++i;
            continue;
        }
        const QString nextKept = pos < children.size() ? children[pos]->step.id : QString();
        std::vector<std::unique_ptr<Node>> fresh;
        while (i < desired.size() && (pos >= children.size() || desired[i]->id != nextKept))
            fresh.push_back(buildNode(*desired[i++], node, layout));
        const int first = int(pos);
        beginInsertRows(parentIndex, first, first + int(fresh.size()) - 1);
        children.insert(children.begin() + first, std::make_move_iterator(fresh.begin()),
            std::make_move_iterator(fresh.end()));
        renumber(node);
        endInsertRows();
        pos += fresh.size();
    }
}

std::unique_ptr<StepTreeModel::Node> StepTreeModel::buildNode(
    const StepSnapshot &step, Node *parent, const Layout &layout)
{
    auto node = std::make_unique<Node>();
    node->step = step;
    node->parent = parent;
    m_byId.insert(step.id, node.get());
    for (const StepSnapshot *child : layout.value(step.id))
        node->children.push_back(buildNode(*child, node.get(), layout));
    renumber(node.get());
    return node;
}

void StepTreeModel::removeAllRows()
{
    if (m_root.children.empty())
        return;
    beginRemoveRows({}, 0, int(m_root.children.size()) - 1);
    m_root.children.clear();
    m_byId.clear();
    endRemoveRows();
}

void StepTreeModel::forget(const Node *node)
{
    // A step that moved to another parent may already be registered under its new node.
    const auto it = m_byId.constFind(node->step.id);
    if (it != m_byId.cend() && *it == node)
        m_byId.erase(it);
    for (const auto &child : node->children)
        forget(child.get());
}

void StepTreeModel::renumber(Node *node)
{
    for (size_t i = 0; i < node->children.size(); ++i)
        node->children[i]->row = int(i);
}

StepTreeModel::Layout StepTreeModel::layoutOf(const QList<StepSnapshot> &steps)
{
    Layout layout;
    for (const StepPlacement &p : placeSteps(steps))
        layout[p.parent ? p.parent->id : QString()].append(p.step);
    return layout;
}

QVariant StepTreeModel::displayData(const StepSnapshot &s, int column) const
{
    switch (column) {
    case NameColumn:
        return s.name.isEmpty() ? s.id : s.name;
    case StatusColumn: {
        const QString pending = pendingAction(m_workflow.key, s.id);
        return pending.isEmpty() ? statusDisplayName(s.status)
                                 : tr("%1 (%2)").arg(statusDisplayName(s.status), pending);
    }
    case RawStatusColumn:
        return s.rawStatus;
    case ProgressColumn:
        return progressText(s);
    case StartColumn:
        return displayTime(s.start);
    case EndColumn:
        return displayTime(s.end);
    case DurationColumn:
        return formatDuration(durationMsecs(s));
    case MessageColumn:
        return s.message;
    default:
        return {};
    }
}

QVariant StepTreeModel::sortData(const StepSnapshot &s, int column) const
{
    switch (column) {
    case StatusColumn:
        return int(s.status);
    case ProgressColumn:
        if (s.total && *s.total > 0)
            return double(s.completed.value_or(0)) / double(*s.total);
        return s.completed ? double(*s.completed) : -1.0;
    case StartColumn:
        return s.start.isValid() ? s.start.toMSecsSinceEpoch() : qint64(-1);
    case EndColumn:
        return s.end.isValid() ? s.end.toMSecsSinceEpoch() : qint64(-1);
    case DurationColumn:
        return durationMsecs(s);
    default:
        return displayData(s, column);
    }
}

QVariantList StepTreeModel::details(const StepSnapshot &s) const
{
    QVariantList list;
    list << detail(tr("Name"), s.name) << detail(tr("Id"), s.id)
         << detail(tr("Status"), statusDisplayName(s.status))
         << detail(tr("Service status"), s.rawStatus);
    const QString pending = pendingAction(m_workflow.key, s.id);
    if (!pending.isEmpty())
        list << detail(tr("Pending action"), pending);
    if (!s.parentId.isEmpty())
        list << detail(tr("Parent id"), s.parentId);
    const QString progress = progressText(s);
    if (!progress.isEmpty())
        list << detail(tr("Progress"), progress);
    if (s.start.isValid())
        list << detail(tr("Start"), isoTime(s.start));
    if (s.end.isValid())
        list << detail(tr("End"), isoTime(s.end));
    if (!s.message.isEmpty())
        list << detail(tr("Message"), s.message);
    for (const DetailField &field : s.details)
        list << detail(field.name, field.value);
    return list;
}

qint64 StepTreeModel::durationMsecs(const StepSnapshot &s) const
{
    if (!s.start.isValid())
        return -1;
    QDateTime end = s.end;
    if (!end.isValid()) {
        // A finished step without an end time has no meaningful duration; counting on to now
        // would make it look like it is still running.
        if (isTerminal(s.status))
            return -1;
        end = m_clock();
    }
    return qMax<qint64>(0, s.start.msecsTo(end));
}

} // namespace sw
