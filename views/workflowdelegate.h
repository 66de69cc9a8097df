#pragma once

#include "statusitemdelegate.h"

namespace sw {

/// The delegate of the workflow table (set with QAbstractItemView::setItemDelegate on a view
/// over WorkflowFilterProxy or WorkflowTableModel): everything StatusItemDelegate draws, plus the
/// service icon beside its name and a progress bar carrying the model's "3 / 12" where the
/// fraction is known.
class WorkflowTableDelegate final : public StatusItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowTableDelegate)

public:
    explicit WorkflowTableDelegate(QObject *parent = nullptr);
    ~WorkflowTableDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace sw
