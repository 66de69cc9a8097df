#include "statusitemdelegate.h"

#include "statusbadge.h"
#include "statusstyle.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QToolTip>

namespace sw {

namespace {

std::function<QDateTime()> systemClock()
{
    return [] {
        return QDateTime::currentDateTimeUtc();
    };
}

} // namespace

struct StatusItemDelegate::Badge {
    UnifiedStatus status = UnifiedStatus::Unknown;
    QString text;
    bool inFlight = false;
};

StatusItemDelegate::StatusItemDelegate(Columns columns, QObject *parent)
    : QStyledItemDelegate(parent), m_columns(std::move(columns)), m_clock(systemClock())
{
}

StatusItemDelegate::~StatusItemDelegate() = default;

void StatusItemDelegate::setTimeDisplay(TimeDisplay mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    if (auto *view = qobject_cast<QAbstractItemView *>(parent()))
        view->viewport()->update();
    emit timeDisplayChanged(mode);
}

void StatusItemDelegate::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock ? std::move(clock) : systemClock();
}

int StatusItemDelegate::timeRoleOf(int column) const
{
    for (const auto &[c, role] : m_columns.times) {
        if (c == column)
            return role;
    }
    return -1;
}

StatusItemDelegate::Badge StatusItemDelegate::badgeOf(const QModelIndex &index) const
{
    Badge badge;
    badge.status = UnifiedStatus(index.data(m_columns.statusRole).toInt());
    if (m_columns.pendingRole >= 0)
        badge.text = index.data(m_columns.pendingRole).toString();
    badge.inFlight = !badge.text.isEmpty();
    if (!badge.inFlight)
        badge.text = statusDisplayName(badge.status);
    return badge;
}

void StatusItemDelegate::initStyleOption(
    QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const int column = index.column();
    if (column == m_columns.status) {
        // The text the badge shows, so sizeHint and accessibility agree with what is painted.
        option->text = badgeOf(index).text;
    } else if (const int role = timeRoleOf(column); role >= 0) {
        option->text = formatTime(index.data(role).toDateTime(), now(), m_mode);
    }
    if (m_columns.recentlyChangedRole >= 0 && index.data(m_columns.recentlyChangedRole).toBool())
        option->backgroundBrush = style::highlightColor(option->palette);
    if (isStale(index)) {
        // Taken once: the palette changes as it is set.
        const QColor stale = style::staleTextColor(option->palette);
        for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
            option->palette.setColor(group, QPalette::Text, stale);
            option->palette.setColor(group, QPalette::WindowText, stale);
        }
        option->font.setItalic(true);
    }
}

bool StatusItemDelegate::isStale(const QModelIndex &index) const
{
    return m_columns.staleRole >= 0 && index.data(m_columns.staleRole).toBool();
}

QString StatusItemDelegate::displayedText(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initStyleOption(&option, index);
    return option.text;
}

QStyle *StatusItemDelegate::styleOf(const QStyleOptionViewItem &option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

void StatusItemDelegate::paintCellBackground(QPainter *painter, QStyleOptionViewItem option)
{
    option.text.clear();
    option.icon = QIcon();
    option.features &= ~(QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration
        | QStyleOptionViewItem::HasCheckIndicator);
    // Without text the style would only select the (empty) text rectangle.
    option.showDecorationSelected = true;
    styleOf(option)->drawControl(QStyle::CE_ItemViewItem, &option, painter, option.widget);
}

void StatusItemDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != m_columns.status || m_columns.status < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    paintCellBackground(painter, opt);
    const Badge badge = badgeOf(index);
    painter->save();
    painter->setFont(opt.font);
    if (isStale(index) && !badge.inFlight)
        painter->setOpacity(0.5); // faded: the status is the last one known, not the live one
    paintStatusBadge(painter, opt.rect.adjusted(CellMargin, 1, -CellMargin, -1), badge.status,
        badge.text, opt.palette,
        badge.inFlight ? StatusBadgeStyle::InFlight : StatusBadgeStyle::Solid);
    painter->restore();
}

QSize StatusItemDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() != m_columns.status || m_columns.status < 0)
        return size;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QSize badge = statusBadgeSizeHint(opt.text, opt.fontMetrics);
    return size.expandedTo(badge + QSize(2 * CellMargin, 2));
}

bool StatusItemDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip && index.isValid()) {
        if (const int role = timeRoleOf(index.column()); role >= 0) {
            const QString text = formatAbsoluteTime(index.data(role).toDateTime());
            if (text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(event->globalPos(), text, view, option.rect);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace sw
