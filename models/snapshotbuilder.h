#pragma once

#include "snapshot.h"

#include "aws/codecatalyst.h"
#include "aws/customerprofiles.h"
#include "aws/imagebuilder.h"
#include "aws/migrationhuborchestrator.h"

/// Pure translations from the services' typed responses into snapshots: which field is the
/// name, the status, the progress; which status enum applies; what goes to the details pane.
/// Each `apply...` sets only the fields its response carries, so a row first seen in a
/// List call keeps what a later Get added and the other way round.
namespace sw::snapshots {

// Migration Hub Orchestrator
void applySummary(WorkflowSnapshot &w, const aws::mho::WorkflowSummary &summary);
void applyWorkflow(WorkflowSnapshot &w, const aws::mho::Workflow &workflow);
/// Groups in the order listed, each followed by its steps (`steps[i]` belongs to
/// `groups[i]`).
QList<StepSnapshot> mhoSteps(const QList<aws::mho::StepGroupSummary> &groups,
    const QList<QList<aws::mho::StepSummary>> &steps);
/// The failed and skipped steps of a migration, counted from its loaded steps (the service
/// counts only the completed ones).
void countStepOutcomes(WorkflowSnapshot &w);

// Customer Profiles
void applySummary(WorkflowSnapshot &w, const aws::profiles::WorkflowSummary &summary);
void applyWorkflow(WorkflowSnapshot &w, const aws::profiles::GetWorkflow::Response &workflow);
QList<StepSnapshot> profilesSteps(const QList<aws::profiles::FlowStep> &items);

// EC2 Image Builder: a row is one workflow execution.
void applyExecution(WorkflowSnapshot &w, const aws::imagebuilder::WorkflowExecution &execution,
    const QString &imageBuildVersionArn);
QList<StepSnapshot> imageBuilderSteps(const QList<aws::imagebuilder::StepExecution> &steps);
/// Image Builder times are plain strings in the model; read ISO 8601 leniently.
QDateTime parseImageBuilderTime(const QString &text);

// CodeCatalyst: a row is one workflow; its runs are its steps and the latest run gives the
// row its status.
void applyWorkflow(WorkflowSnapshot &w, const aws::codecatalyst::WorkflowSummary &workflow);
void applyRuns(WorkflowSnapshot &w, const QList<aws::codecatalyst::WorkflowRunSummary> &runs);

/// Sets a detail field, replacing one of the same name, or removes it when `value` is empty.
void setDetail(QList<DetailField> &details, const QString &name, const QString &value);

} // namespace sw::snapshots
