#pragma once

#include "unifiedstatus.h"
#include "watch.h"
#include "watchhealth.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace sw {

class Poller;

/// The Sources pane's tree: a row per service that has watches (in Service order), below it a
/// row per "profile · region" group (or "profile · host:port" for a watch with an endpoint
/// URL), below that the watches, each with its health. Group and service rows summarise their
/// watches: the worst health (configuration and authentication errors first, then offline,
/// degraded, starting, OK), the number of workflows and the ids of the watches below them, so
/// selecting any row can narrow the dashboard to those watches. The watch list is merged in
/// place (rows inserted, removed and changed, never a reset) so selection, expansion and
/// persistent indexes survive edits; health comes from setHealth() or, given a Poller, from its
/// healthChanged signal. Holds no decoration: icons are the view's business.
class SourcesModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesModel)

public:
    enum Column {
        NameColumn,
        HealthColumn, ///< the health state's name ("Paused" for a paused watch)
        WorkflowsColumn, ///< how many workflows the watch (or the watches below) tracks
        ColumnCount
    };
    Q_ENUM(Column)

    enum RowKind { ServiceRow, GroupRow, WatchRow };
    Q_ENUM(RowKind)

    /// Every role answers on every column.
    enum Role {
        WatchIdRole = Qt::UserRole + 1, ///< QString; empty on service and group rows
        ServiceRole, ///< int(Service)
        /// int(WatchHealth::State); on service and group rows the worst of their watches
        HealthStateRole,
        PausedRole, ///< bool; on service and group rows: all their watches are paused
        LastErrorRole, ///< QString, watch rows only
        WatchIdsRole, ///< QStringList: the ids of the watches at or below the row
        RowKindRole, ///< int(RowKind)
    };
    Q_ENUM(Role)

    /// `poller` may be null (tests, or before the app has one); given one, its health is
    /// followed.
    explicit SourcesModel(Poller *poller, QObject *parent = nullptr);
    ~SourcesModel() override;

    /// Shows exactly these watches, merging into what is shown.
    void setWatches(const QList<Watch> &watches);
    /// Kept even for a watch not (yet) in the list, so health that arrives first is not lost.
    void setHealth(const QString &watchId, const WatchHealth &health);
    WatchHealth health(const QString &watchId) const;

    QModelIndex indexOfWatch(const QString &id, int column = NameColumn) const;
    /// The watch of a watch row, or null.
    const Watch *watchAt(const QModelIndex &index) const;

    /// A health state's rank for "worst": the higher, the more urgent.
    static int healthRank(WatchHealth::State state);
    /// Where a watch's requests go, as a group names it: the host and port of its endpoint
    /// URL (the simulator, a proxy), else its region.
    static QString whereOf(const Watch &watch);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row {
        RowKind kind = ServiceRow;
        QString key; ///< service id, group key or watch id: unique among its siblings
        Service service = Service::MigrationHubOrchestrator;
        QString label; ///< what the row sorts by among its siblings
        Watch watch; ///< watch rows
    };
    struct Node : Row {
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    /// The tree setWatches() wants, merged into the Nodes level by level.
    struct Spec : Row {
        QList<Spec> children;
    };

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *node, int column = 0) const;
    void merge(Node *node, const QList<Spec> &desired, QSet<Node *> &dirty);
    std::unique_ptr<Node> build(const Spec &spec, Node *parent);
    void forget(const Node *node);
    static void renumber(Node *node);
    static void markDirty(Node *node, QSet<Node *> &dirty);
    void emitRowChanged(const Node *node);
    /// What a row says about the watches at or below it.
    struct Summary {
        QStringList ids;
        WatchHealth::State worst = WatchHealth::State::Ok;
        int paused = 0;
        int workflows = 0;
        int perState[6] = {}; ///< watches per int(WatchHealth::State)
    };
    static void collectWatches(const Node *node, QList<const Node *> &out);
    Summary summarize(const Node *node) const;
    QVariant displayData(const Node *node, int column) const;
    QString toolTip(const Node *node) const;
    QString groupText(const Node *group) const;
    static QString nextPollText(const WatchHealth &health, bool paused);

    Poller *m_poller;
    Node m_root;
    QHash<QString, Node *> m_watchNodes;
    QHash<QString, WatchHealth> m_health;
};

} // namespace sw
