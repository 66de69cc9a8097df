#include "workflowdelegate.h"

#include "statusstyle.h"
#include "workflowtablemodel.h"

#include <QPainter>
#include <QStyle>

#include <algorithm>

namespace sw {

namespace {

StatusItemDelegate::Columns workflowColumns()
{
    using M = WorkflowTableModel;
    StatusItemDelegate::Columns c;
    c.status = M::StatusColumn;
    c.statusRole = M::UnifiedStatusRole;
    c.pendingRole = M::PendingActionRole;
    c.times = {{M::StartColumn, M::StartRole}, {M::LastUpdateColumn, M::LastUpdateRole}};
    c.recentlyChangedRole = M::RecentlyChangedRole;
    return c;
}

} // namespace

WorkflowTableDelegate::WorkflowTableDelegate(QObject *parent)
    : StatusItemDelegate(workflowColumns(), parent)
{
}

WorkflowTableDelegate::~WorkflowTableDelegate() = default;

void WorkflowTableDelegate::initStyleOption(
    QStyleOptionViewItem *option, const QModelIndex &index) const
{
    StatusItemDelegate::initStyleOption(option, index);
    if (index.column() == WorkflowTableModel::ServiceColumn) {
        option->icon =
            style::serviceIcon(Service(index.data(WorkflowTableModel::ServiceRole).toInt()));
        option->features |= QStyleOptionViewItem::HasDecoration;
    }
}

void WorkflowTableDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant fraction = index.column() == WorkflowTableModel::ProgressColumn
        ? index.data(WorkflowTableModel::ProgressFractionRole)
        : QVariant();
    if (!fraction.isValid()) {
        StatusItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    paintCellBackground(painter, opt);

    QStyleOptionProgressBar bar;
    bar.direction = opt.direction;
    bar.palette = opt.palette;
    bar.fontMetrics = opt.fontMetrics;
    bar.state = (opt.state & QStyle::State_Enabled) | QStyle::State_Horizontal;
    const QRect area = opt.rect.adjusted(CellMargin, 2, -CellMargin, -2);
    const int height = std::min(area.height(), opt.fontMetrics.height() + 4);
    bar.rect = QRect(area.left(), area.top() + (area.height() - height) / 2, area.width(), height);
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = qRound(std::clamp(fraction.toDouble(), 0.0, 1.0) * bar.maximum);
    bar.text = opt.text;
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    painter->save();
    painter->setFont(opt.font);
    styleOf(opt)->drawControl(QStyle::CE_ProgressBar, &bar, painter, opt.widget);
    painter->restore();
}

QSize WorkflowTableDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = StatusItemDelegate::sizeHint(option, index);
    if (index.column() == WorkflowTableModel::ProgressColumn) {
        // Room for a bar a glance can read, not just for its "3 / 12".
        size.setWidth(std::max(size.width(), option.fontMetrics.averageCharWidth() * 12));
    }
    return size;
}

} // namespace sw
