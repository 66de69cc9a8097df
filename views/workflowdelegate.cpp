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
    c.staleRole = M::StaleRole;
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
    const QVariant total = index.column() == WorkflowTableModel::ProgressColumn
        ? index.data(WorkflowTableModel::TotalStepsRole)
        : QVariant();
    if (!total.isValid() || total.toLongLong() <= 0) {
        StatusItemDelegate::paint(painter, option, index);
        return;
    }
    // The text ("4 / 6 · 1 failed") as any cell draws it, and under it a strip of segments in
    // the status colours: succeeded, failed, skipped, and what is left. A failed execution
    // never shows as a full bar of success.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int strip = 4;
    // The whole cell's background (selection, highlight), then the text above the strip.
    paintCellBackground(painter, opt);
    QStyleOptionViewItem textOpt = opt;
    textOpt.rect.adjust(0, 0, 0, -strip);
    textOpt.backgroundBrush = QBrush();
    textOpt.state &= ~QStyle::State_Selected;
    textOpt.palette.setColor(QPalette::Text,
        opt.state & QStyle::State_Selected ? opt.palette.color(QPalette::HighlightedText)
                                           : opt.palette.color(QPalette::Text));
    styleOf(opt)->drawControl(QStyle::CE_ItemViewItem, &textOpt, painter, opt.widget);

    const double all = double(total.toLongLong());
    const QRect bar(opt.rect.left() + CellMargin, opt.rect.bottom() - strip - 1,
        std::max(0, opt.rect.width() - 2 * CellMargin), strip);
    painter->save();
    if (index.data(WorkflowTableModel::StaleRole).toBool())
        painter->setOpacity(0.5);
    double x = bar.left();
    const struct {
        int role;
        UnifiedStatus status;
    } parts[] = {{WorkflowTableModel::SucceededStepsRole, UnifiedStatus::Succeeded},
        {WorkflowTableModel::FailedStepsRole, UnifiedStatus::Failed},
        {WorkflowTableModel::SkippedStepsRole, UnifiedStatus::Skipped}};
    for (const auto &part : parts) {
        const double n = std::max<qint64>(0, index.data(part.role).toLongLong());
        const double width = std::min(double(bar.right() + 1) - x, bar.width() * n / all);
        if (width <= 0)
            continue;
        painter->fillRect(QRectF(x, bar.top(), width, bar.height()),
            style::statusColor(part.status, opt.palette));
        x += width;
    }
    // The track only where no segment is, so faded segments stay their colour.
    if (x < bar.right() + 1)
        painter->fillRect(QRectF(x, bar.top(), bar.right() + 1 - x, bar.height()),
            opt.palette.color(QPalette::Mid));
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
