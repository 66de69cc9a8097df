#pragma once

#include "snapshot.h"

#include <QDateTime>

namespace sw {

/// Migration Hub Orchestrator lists steps and step groups without any times (only
/// GetWorkflowStep has them, one call per step), so the timeline of a migration is built
/// from what the poller saw: a step's start is the first poll that found it started after a
/// poll that found it not started (or the first poll at all, if it was already running then),
/// its end the first poll that found it finished after seeing it unfinished. Times once
/// observed are carried from poll to poll. A step first seen already finished keeps no times:
/// inventing them would draw a bar that never happened. Steps of other services, which report
/// their own times, are left alone. Such steps get the detail field `observedTimes` so the
/// details pane can say where the times come from.
void carryObservedStepTimes(
    const WorkflowSnapshot &previous, WorkflowSnapshot &next, const QDateTime &now);

} // namespace sw
