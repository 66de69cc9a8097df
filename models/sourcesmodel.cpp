#include "sourcesmodel.h"

#include "displaytime.h"
#include "poller.h"

#include <QUrl>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

QString groupKey(const Watch &watch)
{
    // The separators cannot occur in a profile name or a region, so keys never collide.
    return watch.profile + (watch.endpointUrl.isEmpty() ? u"\n"_s : u"\n@"_s)
        + SourcesModel::whereOf(watch);
}

QString groupLabel(const Watch &watch)
{
    const QString profile = watch.profile.isEmpty() ? SourcesModel::tr("default") : watch.profile;
    const QString where = SourcesModel::whereOf(watch);
    return SourcesModel::tr("%1 · %2").arg(
        profile, where.isEmpty() ? SourcesModel::tr("profile's region") : where);
}

// Which rows to keep where the order changed: the longest run already in the new order, so
// renaming one watch moves that one row, not the rows it jumps over.
std::vector<bool> longestRun(const std::vector<int> &pos)
{
    std::vector<size_t> tails; // tails[k]: the row ending the best run of length k + 1
    std::vector<long> prev(pos.size(), -1);
    for (size_t i = 0; i < pos.size(); ++i) {
        if (pos[i] < 0)
            continue;
        const auto it = std::lower_bound(tails.begin(), tails.end(), pos[i],
            [&pos](size_t t, int value) { return pos[t] < value; });
        if (it != tails.begin())
            prev[i] = long(*(it - 1));
        if (it == tails.end())
            tails.push_back(i);
        else
            *it = i;
    }
    std::vector<bool> keep(pos.size(), false);
    for (long i = tails.empty() ? -1 : long(tails.back()); i >= 0; i = prev[size_t(i)])
        keep[size_t(i)] = true;
    return keep;
}

} // namespace

SourcesModel::SourcesModel(Poller *poller, QObject *parent)
    : QAbstractItemModel(parent), m_poller(poller)
{
    if (m_poller)
        connect(m_poller, &Poller::healthChanged, this,
            [this](const QString &watchId) { setHealth(watchId, m_poller->health(watchId)); });
}

SourcesModel::~SourcesModel() = default;

void SourcesModel::setWatches(const QList<Watch> &watches)
{
    QList<Spec> services;
    QSet<QString> seen;
    const auto byLabel = [](const Spec &a, const Spec &b) {
        const int order = a.label.compare(b.label, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a.key < b.key;
    };
    for (int s = 0; s < ServiceCount; ++s) {
        const auto service = Service(s);
        QHash<QString, Spec> groups;
        for (const Watch &watch : watches) {
            if (watch.service != service || seen.contains(watch.id))
                continue;
            seen.insert(watch.id);
            const QString key = groupKey(watch);
            auto group = groups.find(key);
            if (group == groups.end())
                group = groups.insert(key, {{GroupRow, key, service, groupLabel(watch), {}}, {}});
            group->children.append(
                Spec {{WatchRow, watch.id, service, watch.displayName(), watch}, {}});
            if (m_poller && !m_health.contains(watch.id) && m_poller->hasWatch(watch.id))
                m_health.insert(watch.id, m_poller->health(watch.id));
        }
        if (groups.isEmpty())
            continue;
        QList<Spec> sortedGroups = groups.values();
        std::sort(sortedGroups.begin(), sortedGroups.end(), byLabel);
        for (Spec &group : sortedGroups)
            std::sort(group.children.begin(), group.children.end(), byLabel);
        services.append(Spec {{ServiceRow, serviceId(service), service, {}, {}}, sortedGroups});
    }
    // Health of removed watches would otherwise pile up over a long session.
    for (auto it = m_watchNodes.cbegin(); it != m_watchNodes.cend(); ++it) {
        if (!seen.contains(it.key()) && !(m_poller && m_poller->hasWatch(it.key())))
            m_health.remove(it.key());
    }

    QSet<Node *> dirty;
    merge(&m_root, services, dirty);
    for (const Node *node : std::as_const(dirty))
        emitRowChanged(node);
}

void SourcesModel::setHealth(const QString &watchId, const WatchHealth &health)
{
    auto it = m_health.find(watchId);
    if (it != m_health.end() && *it == health)
        return;
    if (it == m_health.end() && WatchHealth() == health && !m_watchNodes.contains(watchId))
        return;
    m_health.insert(watchId, health);
    for (const Node *n = m_watchNodes.value(watchId); n && n != &m_root; n = n->parent)
        emitRowChanged(n);
}

WatchHealth SourcesModel::health(const QString &watchId) const
{
    return m_health.value(watchId);
}

QModelIndex SourcesModel::indexOfWatch(const QString &id, int column) const
{
    const Node *node = m_watchNodes.value(id);
    if (!node || column < 0 || column >= ColumnCount)
        return {};
    return indexOfNode(node, column);
}

const Watch *SourcesModel::watchAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const Node *node = nodeOf(index);
    return node->kind == WatchRow ? &node->watch : nullptr;
}

int SourcesModel::healthRank(WatchHealth::State state)
{
    // Starting, Ok, Degraded, Offline, AuthError, ConfigError: the last two tie, as both need
    // the operator to fix something before anything else works.
    static constexpr int ranks[] = {1, 0, 2, 3, 4, 4};
    return ranks[int(state)];
}

QModelIndex SourcesModel::index(int row, int column, const QModelIndex &parent) const
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

QModelIndex SourcesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent);
}

int SourcesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_root.children.size());
    if (parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int SourcesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SourcesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return displayData(node, index.column());
    case Qt::ToolTipRole:
        return toolTip(node);
    case Qt::TextAlignmentRole:
        if (index.column() == WorkflowsColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case WatchIdRole:
        return node->kind == WatchRow ? node->key : QString();
    case ServiceRole:
        return int(node->service);
    case HealthStateRole:
        return int(summarize(node).worst);
    case PausedRole: {
        const Summary summary = summarize(node);
        return !summary.ids.isEmpty() && summary.paused == summary.ids.size();
    }
    case LastErrorRole:
        return node->kind == WatchRow ? m_health.value(node->key).lastError : QString();
    case WatchIdsRole:
        return summarize(node).ids;
    case RowKindRole:
        return int(node->kind);
    default:
        return {};
    }
}

QVariant SourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case HealthColumn:
        return tr("Health");
    case WorkflowsColumn:
        return tr("Workflows");
    default:
        return {};
    }
}

QHash<int, QByteArray> SourcesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(WatchIdRole, "watchId");
    names.insert(ServiceRole, "service");
    names.insert(HealthStateRole, "healthState");
    names.insert(PausedRole, "paused");
    names.insert(LastErrorRole, "lastError");
    names.insert(WatchIdsRole, "watchIds");
    names.insert(RowKindRole, "rowKind");
    return names;
}

SourcesModel::Node *SourcesModel::nodeOf(const QModelIndex &index) const
{
    Q_ASSERT(index.isValid() && index.model() == this);
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex SourcesModel::indexOfNode(const Node *node, int column) const
{
    if (!node || node == &m_root)
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

// One parent at a time, top down: rows that left go first (contiguous runs, last run first so
// the row numbers still to come stay valid), then new rows go in as contiguous runs, then the
// rows that stayed are updated and merged in turn. A watch that moves (renamed, or to another
// group) is removed and inserted again; that happens on an operator's edit, not every poll.
void SourcesModel::merge(Node *node, const QList<Spec> &desired, QSet<Node *> &dirty)
{
    const QModelIndex parentIndex = indexOfNode(node);
    auto &children = node->children;

    QHash<QString, int> desiredPos;
    desiredPos.reserve(desired.size());
    for (int i = 0; i < desired.size(); ++i)
        desiredPos.insert(desired[i].key, i);
    std::vector<int> positions;
    positions.reserve(children.size());
    for (const auto &child : children)
        positions.push_back(desiredPos.value(child->key, -1));
    const std::vector<bool> keep = longestRun(positions);
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
        markDirty(node, dirty);
        last = first - 1;
    }

    int i = 0;
    size_t pos = 0;
    while (i < desired.size()) {
        if (pos < children.size() && children[pos]->key == desired[i].key) {
            Node *child = children[pos].get();
            const Spec &spec = desired[i];
            if (child->kind == WatchRow && child->watch != spec.watch) {
                static_cast<Row &>(*child) = spec;
                emitRowChanged(child);
                markDirty(node, dirty);
            }
            merge(child, spec.children, dirty);
            ++pos;
            ++i;
            continue;
        }
        const QString nextKept = pos < children.size() ? children[pos]->key : QString();
        std::vector<std::unique_ptr<Node>> fresh;
        while (i < desired.size() && (pos >= children.size() || desired[i].key != nextKept))
            fresh.push_back(build(desired[i++], node));
        const int first = int(pos);
        beginInsertRows(parentIndex, first, first + int(fresh.size()) - 1);
        children.insert(children.begin() + first, std::make_move_iterator(fresh.begin()),
            std::make_move_iterator(fresh.end()));
        renumber(node);
        endInsertRows();
        markDirty(node, dirty);
        pos = size_t(first) + fresh.size();
    }
}

std::unique_ptr<SourcesModel::Node> SourcesModel::build(const Spec &spec, Node *parent)
{
    auto node = std::make_unique<Node>();
    static_cast<Row &>(*node) = spec;
    node->parent = parent;
    if (spec.kind == WatchRow)
        m_watchNodes.insert(spec.key, node.get());
    for (const Spec &child : spec.children)
        node->children.push_back(build(child, node.get()));
    renumber(node.get());
    return node;
}

void SourcesModel::forget(const Node *node)
{
    // A watch that moved to another group may already be registered under its new node.
    if (node->kind == WatchRow) {
        const auto it = m_watchNodes.constFind(node->key);
        if (it != m_watchNodes.cend() && *it == node)
            m_watchNodes.erase(it);
    }
    for (const auto &child : node->children)
        forget(child.get());
}

void SourcesModel::renumber(Node *node)
{
    for (size_t i = 0; i < node->children.size(); ++i)
        node->children[i]->row = int(i);
}

void SourcesModel::markDirty(Node *node, QSet<Node *> &dirty)
{
    // The summary rows above a change: their worst state, count and ids may differ now.
    for (; node && node->parent; node = node->parent)
        dirty.insert(node);
}

void SourcesModel::emitRowChanged(const Node *node)
{
    emit dataChanged(indexOfNode(node, 0), indexOfNode(node, ColumnCount - 1));
}

void SourcesModel::collectWatches(const Node *node, QList<const Node *> &out)
{
    if (node->kind == WatchRow) {
        out.append(node);
        return;
    }
    for (const auto &child : node->children)
        collectWatches(child.get(), out);
}

SourcesModel::Summary SourcesModel::summarize(const Node *node) const
{
    QList<const Node *> nodes;
    collectWatches(node, nodes);
    Summary summary;
    for (const Node *n : std::as_const(nodes)) {
        const WatchHealth h = m_health.value(n->key);
        summary.ids.append(n->key);
        // The first of equally bad states wins, so the rank alone decides what shows.
        if (summary.ids.size() == 1 || healthRank(h.state) > healthRank(summary.worst))
            summary.worst = h.state;
        ++summary.perState[int(h.state)];
        summary.paused += n->watch.paused || h.paused ? 1 : 0;
        summary.workflows += h.workflowCount;
    }
    return summary;
}

} // namespace sw
