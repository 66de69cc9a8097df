#include "stepdelegate.h"

#include "steptreemodel.h"

namespace sw {

namespace {

StatusItemDelegate::Columns stepColumns()
{
    using M = StepTreeModel;
    StatusItemDelegate::Columns c;
    c.status = M::StatusColumn;
    c.statusRole = M::UnifiedStatusRole;
    c.pendingRole = M::PendingActionRole;
    c.times = {{M::StartColumn, M::StartRole}, {M::EndColumn, M::EndRole}};
    return c;
}

} // namespace

StepTreeDelegate::StepTreeDelegate(QObject *parent) : StatusItemDelegate(stepColumns(), parent) { }

StepTreeDelegate::~StepTreeDelegate() = default;

} // namespace sw
