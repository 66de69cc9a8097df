#pragma once

#include "timeformat.h"

#include <QDateTime>
#include <QList>
#include <QStyledItemDelegate>

#include <functional>
#include <utility>

namespace sw {

/// What the workflow table and the step tree draw alike, configured with the columns and roles
/// of their model: the status column as a badge (an operator's pending action shown in its place
/// in an in-flight style), time columns in the operator's TimeDisplay with both absolute forms in
/// the tool tip, and a highlight behind
/// the rows the last poll changed (selection still wins), and stale rows dimmed and in italics,
/// their badge faded, so data that is not live never looks live. Everything is read from the
/// index's roles, so the delegate works through any proxy. Times move with the clock without a
/// dataChanged: a view showing relative times or running durations repaints on a timer.
class StatusItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusItemDelegate)

public:
    /// Where a model keeps what this delegate draws; -1 for what it does not have.
    struct Columns {
        int status = -1;
        int statusRole = -1; ///< int(UnifiedStatus), answered on the status column
        int pendingRole = -1; ///< QString, empty when no action is in flight
        QList<std::pair<int, int>> times; ///< column and the role holding its QDateTime
        int recentlyChangedRole = -1; ///< bool, answered on every column
        int staleRole = -1; ///< bool, answered on every column: the row's data is not live
    };

    ~StatusItemDelegate() override;

    /// Repaints the parent view when the parent is one.
    void setTimeDisplay(TimeDisplay mode);
    TimeDisplay timeDisplay() const { return m_mode; }
    /// Where "now" comes from for relative times (tests inject a fixed clock); an empty
    /// function restores the system clock.
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const { return m_clock(); }

    /// The text the cell shows: the badge's text, a formatted time or duration, or the model's
    /// text (what "copy as shown" would copy).
    QString displayedText(const QModelIndex &index) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

signals:
    void timeDisplayChanged(sw::TimeDisplay mode);

protected:
    explicit StatusItemDelegate(Columns columns, QObject *parent = nullptr);

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    /// Background, selection, highlight and focus of the cell as the style draws them, without
    /// text or icon, for cells whose content is custom painted. `option` is initialised.
    static void paintCellBackground(QPainter *painter, QStyleOptionViewItem option);
    /// The style that draws a cell: its view's, else the application's.
    static QStyle *styleOf(const QStyleOptionViewItem &option);

    /// Space between a custom-painted content and the cell's edges, alike in every subclass.
    static constexpr int CellMargin = 3;

private:
    struct Badge;
    Badge badgeOf(const QModelIndex &index) const;
    bool isStale(const QModelIndex &index) const;
    int timeRoleOf(int column) const;

    Columns m_columns;
    TimeDisplay m_mode = TimeDisplay::Relative;
    std::function<QDateTime()> m_clock;
};

} // namespace sw
