#include "sourcespane.h"

#include "sourcesmodel.h"
#include "statusstyle.h"

#include <QAction>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QMenu>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

// A watch's health told with the status icons the rest of the dashboard uses, so "failed"
// looks the same on a watch as on a workflow.
UnifiedStatus healthStatus(WatchHealth::State state, bool paused)
{
    if (paused)
        return UnifiedStatus::Paused;
    switch (state) {
    case WatchHealth::State::Ok:
        return UnifiedStatus::Succeeded;
    case WatchHealth::State::Degraded:
        return UnifiedStatus::NeedsAttention;
    case WatchHealth::State::Offline:
        return UnifiedStatus::Cancelled;
    case WatchHealth::State::AuthError:
    case WatchHealth::State::ConfigError:
        return UnifiedStatus::Failed;
    case WatchHealth::State::Starting:
        break;
    }
    return UnifiedStatus::Pending;
}

// The icons live here rather than in SourcesModel, which is QtGui-only and knows no style.
class DecorationProxy final : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DecorationRole || index.column() != SourcesModel::NameColumn)
            return QIdentityProxyModel::data(index, role);
        switch (index.data(SourcesModel::RowKindRole).toInt()) {
        case SourcesModel::ServiceRow:
            return style::serviceIcon(Service(index.data(SourcesModel::ServiceRole).toInt()));
        case SourcesModel::WatchRow:
            return style::statusIcon(
                healthStatus(WatchHealth::State(index.data(SourcesModel::HealthStateRole).toInt()),
                    index.data(SourcesModel::PausedRole).toBool()));
        default:
            return {};
        }
    }
};

} // namespace

SourcesPane::SourcesPane(SourcesModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new DecorationProxy(this)),
      m_view(new QTreeView(this)), m_toolBar(new QToolBar(this)),
      m_add(new QAction(style::actionIcon(u"add"_s, u"list-add"_s), tr("Add watch…"), this)),
      m_edit(
          new QAction(style::actionIcon(u"edit"_s, u"document-edit"_s), tr("Edit watch…"), this)),
      m_remove(
          new QAction(style::actionIcon(u"remove"_s, u"list-remove"_s), tr("Remove watch"), this)),
      m_pause(new QAction(style::actionIcon(u"pause"_s), tr("Pause watch"), this))
{
    // Before the proxy connects to the model: the selection must still be there to remember
    // when a selected watch's row is about to be moved away.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        &SourcesPane::rememberSelectionBeforeRemoval);
    m_proxy->setSourceModel(m_model);

    m_add->setObjectName(u"add"_s);
    m_edit->setObjectName(u"edit"_s);
    m_remove->setObjectName(u"remove"_s);
    m_pause->setObjectName(u"pause"_s);
    m_add->setToolTip(tr("Add a watch: a service, profile, region and scope to poll"));
    m_edit->setToolTip(tr("Edit the selected watch (Enter)"));
    m_remove->setToolTip(tr("Remove the selected watch (Delete)"));
    connect(m_add, &QAction::triggered, this, &SourcesPane::addRequested);
    connect(m_edit, &QAction::triggered, this, &SourcesPane::editCurrent);
    connect(m_remove, &QAction::triggered, this, &SourcesPane::removeCurrent);
    connect(m_pause, &QAction::triggered, this, &SourcesPane::togglePauseCurrent);

    m_toolBar->setObjectName(u"sourcesToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_toolBar->setIconSize(QSize(icon, icon));
    m_toolBar->addAction(m_add);
    m_toolBar->addAction(m_edit);
    m_toolBar->addAction(m_pause);
    m_toolBar->addAction(m_remove);

    m_view->setObjectName(u"sourcesView"_s);
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(SourcesModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(
        SourcesModel::HealthColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(
        SourcesModel::WorkflowsColumn, QHeaderView::ResizeToContents);
    m_view->installEventFilter(this);
    m_view->expandAll();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateFilter();
    });
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!index.data(SourcesModel::WatchIdRole).toString().isEmpty())
            editCurrent();
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &SourcesPane::showContextMenu);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &parent, int first, int last) {
            expandRows(parent, first, last);
            restoreSelection();
            updateFilter();
        });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateActions();
        updateFilter();
    });
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &SourcesPane::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        updateActions();
        updateFilter();
    });
    updateActions();
}

SourcesPane::~SourcesPane() = default;

QString SourcesPane::currentWatchId() const
{
    return currentRow().data(SourcesModel::WatchIdRole).toString();
}

void SourcesPane::selectWatch(const QString &watchId)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOfWatch(watchId));
    if (!index.isValid()) {
        m_view->selectionModel()->clear();
        return;
    }
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

bool SourcesPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool plain = (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
        if (plain && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && !currentWatchId().isEmpty()) {
            editCurrent();
            return true;
        }
        if (plain && key->key() == Qt::Key_Delete && !currentWatchId().isEmpty()) {
            removeCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SourcesPane::updateActions()
{
    const QModelIndex row = currentRow();
    const bool watch = !row.data(SourcesModel::WatchIdRole).toString().isEmpty();
    m_edit->setEnabled(watch);
    m_remove->setEnabled(watch);
    m_pause->setEnabled(watch);
    const bool paused = watch && row.data(SourcesModel::PausedRole).toBool();
    m_pause->setText(paused ? tr("Resume watch") : tr("Pause watch"));
    m_pause->setToolTip(
        paused ? tr("Resume polling the selected watch") : tr("Stop polling the selected watch"));
    m_pause->setIcon(style::actionIcon(paused ? u"resume"_s : u"pause"_s));
}

void SourcesPane::updateFilter()
{
    // While a selected watch moves to another group its row is briefly gone: saying "all"
    // for that moment would make the workflow table flicker.
    if (!m_reselect.isEmpty())
        return;
    const QStringList ids = currentRow().data(SourcesModel::WatchIdsRole).toStringList();
    const QSet<QString> filter(ids.cbegin(), ids.cend());
    if (filter == m_filter)
        return;
    m_filter = filter;
    emit watchFilterChanged(m_filter);
}

void SourcesPane::expandRows(const QModelIndex &parent, int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        if (m_proxy->rowCount(index) == 0)
            continue;
        m_view->expand(index);
        expandRows(index, 0, m_proxy->rowCount(index) - 1);
    }
}

void SourcesPane::rememberSelectionBeforeRemoval(const QModelIndex &parent, int first, int last)
{
    const QString id = currentWatchId();
    if (id.isEmpty())
        return;
    for (QModelIndex i = m_proxy->mapToSource(currentRow()); i.isValid(); i = i.parent()) {
        if (i.parent() == parent && i.row() >= first && i.row() <= last) {
            m_reselect = id;
            // setWatches() inserts the moved row before control returns; if it did not come
            // back the watch is gone, and the filter catches up once the merge is over.
            QTimer::singleShot(0, this, [this] {
                if (m_reselect.isEmpty())
                    return;
                m_reselect.clear();
                updateActions();
                updateFilter();
            });
            return;
        }
    }
}

void SourcesPane::restoreSelection()
{
    if (m_reselect.isEmpty() || !m_model->indexOfWatch(m_reselect).isValid())
        return;
    const QString id = m_reselect;
    m_reselect.clear();
    selectWatch(id);
}

void SourcesPane::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    else
        m_view->selectionModel()->clear();
    QMenu menu(this);
    menu.addAction(m_add);
    if (!currentWatchId().isEmpty()) {
        menu.addSeparator();
        menu.addAction(m_edit);
        menu.addAction(m_pause);
        menu.addAction(m_remove);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void SourcesPane::editCurrent()
{
    const QString id = currentWatchId();
    if (!id.isEmpty())
        emit editRequested(id);
}

void SourcesPane::removeCurrent()
{
    const QString id = currentWatchId();
    if (!id.isEmpty())
        emit removeRequested(id);
}

void SourcesPane::togglePauseCurrent()
{
    const QModelIndex row = currentRow();
    const QString id = row.data(SourcesModel::WatchIdRole).toString();
    if (!id.isEmpty())
        emit pauseRequested(id, !row.data(SourcesModel::PausedRole).toBool());
}

QModelIndex SourcesPane::currentRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(0);
    return rows.isEmpty() ? QModelIndex() : rows.first();
}

} // namespace sw
