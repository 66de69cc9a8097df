#include "activityview.h"

#include "activitylogmodel.h"
#include "statusstyle.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

using L = ActivityLogModel;

UnifiedStatus statusOfResult(ActivityEntry::Result result)
{
    switch (result) {
    case ActivityEntry::Result::InProgress:
        return UnifiedStatus::Running;
    case ActivityEntry::Result::Succeeded:
        return UnifiedStatus::Succeeded;
    case ActivityEntry::Result::Failed:
        return UnifiedStatus::Failed;
    case ActivityEntry::Result::Refused:
        return UnifiedStatus::Cancelled;
    }
    return UnifiedStatus::Unknown;
}

// Rich text, so that a long AWS message wraps in the tool tip instead of running off screen.
QString wrappedToolTip(const QString &text)
{
    return u"<p style=\"white-space: pre-wrap;\">"_s + text.toHtmlEscaped() + u"</p>"_s;
}

// Newest first, and the result drawn the way every other view draws a status: icon and colour
// from statusstyle, so it is never told by colour alone.
class ActivityProxy final : public QSortFilterProxyModel {
public:
    ActivityProxy(const QWidget *view, QObject *parent)
        : QSortFilterProxyModel(parent), m_view(view)
    {
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid())
            return QSortFilterProxyModel::data(index, role);
        const int column = index.column();
        if (column == L::ResultColumn
            && (role == Qt::DecorationRole || role == Qt::ForegroundRole)) {
            const auto result =
                ActivityEntry::Result(QSortFilterProxyModel::data(index, L::ResultRole).toInt());
            if (role == Qt::DecorationRole)
                return style::statusIcon(statusOfResult(result));
            return style::statusColor(statusOfResult(result), m_view->palette());
        }
        if (role == Qt::ToolTipRole && (column == L::ResultColumn || column == L::MessageColumn)) {
            const QString message = index.siblingAtColumn(L::MessageColumn).data().toString();
            if (column == L::MessageColumn)
                return message.isEmpty() ? QVariant() : wrappedToolTip(message);
            QString tip = QSortFilterProxyModel::data(index, role).toString();
            const QString code = index.siblingAtColumn(L::ErrorCodeColumn).data().toString();
            if (!code.isEmpty())
                tip += u'\n' + code;
            if (!message.isEmpty())
                tip += (code.isEmpty() ? u"\n"_s : u": "_s) + message;
            return wrappedToolTip(tip);
        }
        return QSortFilterProxyModel::data(index, role);
    }

private:
    const QWidget *m_view;
};

} // namespace

ActivityView::ActivityView(ActivityLogModel *log, QWidget *parent)
    : QWidget(parent), m_proxy(new ActivityProxy(this, this)), m_table(new QTableView(this)),
      m_copyRequestId(new QAction(tr("Copy request id"), this)),
      m_copyRows(new QAction(tr("Copy row"), this))
{
    Q_ASSERT(log);
    m_proxy->setSourceModel(log);
    m_proxy->setSortRole(L::EntryIdRole);
    m_proxy->sort(0, Qt::DescendingOrder);

    m_table->setModel(m_proxy);
    m_table->setObjectName(u"activityTable"_s);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setSortingEnabled(false); // the order is the log's: newest first
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    setInitialColumnWidths();

    m_copyRequestId->setIcon(style::actionIcon(u"copy"_s, u"edit-copy"_s));
    m_copyRows->setIcon(style::actionIcon(u"copy"_s, u"edit-copy"_s));
    m_copyRows->setShortcut(QKeySequence::Copy);
    m_copyRows->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(m_copyRows);
    connect(m_copyRequestId, &QAction::triggered, this, &ActivityView::copyRequestId);
    connect(m_copyRows, &QAction::triggered, this, &ActivityView::copyRows);

    connect(m_table, &QWidget::customContextMenuRequested, this, &ActivityView::showContextMenu);
    // activated: a double-click, or Enter, or a single click where the platform works that way.
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString key = index.data(L::WorkflowKeyRole).toString();
        if (!key.isEmpty())
            emit workflowActivated(key);
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_table, &QAbstractItemView::scrollToTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    setFocusProxy(m_table);
}

ActivityView::~ActivityView() = default;

void ActivityView::setInitialColumnWidths()
{
    QHeaderView *header = m_table->horizontalHeader();
    const QFontMetrics fm = m_table->fontMetrics();
    const int padding = 24;
    const int icon = m_table->iconSize().isValid() ? m_table->iconSize().width() : 16;
    const auto width = [&](const QString &sample) {
        return fm.horizontalAdvance(sample) + padding;
    };
    // Room for the message matters most; the rest elide, with the full text in tool tips.
    // First: setting the default resizes every section.
    header->setDefaultSectionSize(width(u"The step cannot be retried"_s));
    header->resizeSection(L::TimeColumn, width(u"2024-12-31 23:59:59"_s));
    header->resizeSection(L::ServiceColumn, width(u"CodeCatalyst"_s));
    header->resizeSection(L::TargetColumn, width(u"Migrate web tier"_s));
    header->resizeSection(L::OperationColumn, width(u"RetryWorkflowStep"_s));
    header->resizeSection(L::ResultColumn, width(u"In progress"_s) + icon + 4);
    header->resizeSection(L::ErrorCodeColumn, width(u"ValidationException"_s));
    header->resizeSection(L::RequestIdColumn, width(u"00000000-0000-0000"_s));
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setMinimumSectionSize(fm.horizontalAdvance(u"MMMM"_s));
    // The message is the one long text: shown last, it takes the room the others leave and
    // stays resizable (a stretched middle column could not be).
    header->moveSection(header->visualIndex(L::MessageColumn), L::ColumnCount - 1);
    header->setStretchLastSection(true);
}

QList<QModelIndex> ActivityView::rowsToCopy() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows.append(m_table->currentIndex().siblingAtColumn(0));
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    return rows;
}

QString ActivityView::selectedRequestIds() const
{
    QStringList ids;
    for (const QModelIndex &row : rowsToCopy()) {
        const QString id = row.siblingAtColumn(L::RequestIdColumn).data().toString();
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids.join(u'\n');
}

QString ActivityView::selectedRowsText() const
{
    QStringList lines;
    for (const QModelIndex &row : rowsToCopy()) {
        QStringList cells;
        for (int column = 0; column < L::ColumnCount; ++column)
            cells.append(row.siblingAtColumn(column).data().toString());
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n');
}

void ActivityView::copyRequestId()
{
    if (const QString ids = selectedRequestIds(); !ids.isEmpty())
        QApplication::clipboard()->setText(ids);
}

void ActivityView::copyRows()
{
    if (const QString text = selectedRowsText(); !text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void ActivityView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid())
        return;
    // A right-click outside the selection acts on the row under the pointer.
    if (!m_table->selectionModel()->isRowSelected(index.row(), {}))
        m_table->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_copyRequestId->setEnabled(!selectedRequestIds().isEmpty());
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_copyRequestId);
    menu->addAction(m_copyRows);
    menu->popup(m_table->viewport()->mapToGlobal(pos));
}

} // namespace sw
