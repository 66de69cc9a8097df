#pragma once

#include "statusitemdelegate.h"

namespace sw {

/// The delegate of the step tree (a view over StepTreeModel): the step's status as a badge, an
/// operator's pending action on the step in its place, start and end in the dashboard's
/// TimeDisplay with absolute tool tips, and durations in the dashboard's format — drawn by the
/// same code as the workflow table, so both read alike.
class StepTreeDelegate final : public StatusItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepTreeDelegate)

public:
    explicit StepTreeDelegate(QObject *parent = nullptr);
    ~StepTreeDelegate() override;
};

} // namespace sw
