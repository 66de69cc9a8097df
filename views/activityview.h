#pragma once

#include <QString>
#include <QWidget>

class QAction;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;

namespace sw {

class ActivityLogModel;

/// The Activity dock: every run started and retry asked for, newest first, with its outcome,
/// the AWS error code, the message and the request id an operator quotes to AWS support. The
/// result is told by icon, colour and text; a row's tool tip has the full message. Rows can be
/// copied (context menu or Ctrl+C) and activating one asks to show its workflow. A new entry
/// scrolls to the top, where it appears, since the operator has just acted.
class ActivityView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityView)

public:
    explicit ActivityView(ActivityLogModel *log, QWidget *parent = nullptr);
    ~ActivityView() override;

    /// The table (its model is a sorting proxy over the log); for tests and header state.
    QTableView *table() const { return m_table; }

    /// The request ids of the selected rows (else the current row), one per line.
    QString selectedRequestIds() const;
    /// The selected rows (else the current row), one per line, columns tab-separated.
    QString selectedRowsText() const;

public slots:
    void copyRequestId();
    void copyRows();

signals:
    /// A row was double-clicked (or activated with Enter); empty keys are not announced.
    void workflowActivated(const QString &workflowKey);

private:
    QList<QModelIndex> rowsToCopy() const;
    void showContextMenu(const QPoint &pos);
    void setInitialColumnWidths();

    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QAction *m_copyRequestId;
    QAction *m_copyRows;
};

} // namespace sw
