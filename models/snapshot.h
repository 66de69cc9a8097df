#pragma once

#include "unifiedstatus.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

/// What one poll learned about a workflow, as plain values: the item models merge these, the
/// ActionController reads its targets from them. Built by the poller from typed responses;
/// nothing here knows about the network.
namespace sw {

/// One labelled value for the details pane: every field the service returned that has no
/// column of its own (description, owner, script location, inputs, ...). The label is the
/// model's member name, so the operator can match it against the AWS documentation.
struct DetailField {
    QString name;
    QString value;

    friend bool operator==(const DetailField &a, const DetailField &b)
    {
        return a.name == b.name && a.value == b.value;
    }
    friend bool operator!=(const DetailField &a, const DetailField &b) { return !(a == b); }
};

/// The value of the detail field `name`, or an empty string (empty values are never stored).
QString detailValue(const QList<DetailField> &details, QStringView name);

/// What a step-level item is, so views can pick icons and actions can check eligibility.
enum class StepKind : quint8 {
    MhoStepGroup, ///< parent of MhoStep rows
    MhoStep,
    ImageBuilderStep, ///< a step execution of the workflow execution
    ProfilesFlowItem, ///< one AppFlow flow of a Customer Profiles workflow
    CodeCatalystRun,
};

/// A step, step group, step execution, flow item or run. `id` is unique within its workflow;
/// `parentId` names the parent row (empty for top-level rows) and a parent always comes
/// before its children in WorkflowSnapshot::steps.
struct StepSnapshot {
    StepKind kind = StepKind::MhoStep;
    UnifiedStatus status = UnifiedStatus::Unknown;
    QString id;
    QString parentId;
    QString name;
    QString rawStatus; ///< exactly as the service sent it
    QString message; ///< statusMessage / ExecutionMessage / message
    QDateTime start; ///< invalid when not started or not reported
    QDateTime end; ///< invalid while running
    std::optional<qint64> completed; ///< servers done, records processed, ...
    std::optional<qint64> total;
    QList<DetailField> details;

    friend bool operator==(const StepSnapshot &a, const StepSnapshot &b);
    friend bool operator!=(const StepSnapshot &a, const StepSnapshot &b) { return !(a == b); }
};

/// A workflow of any service, one row of the workflow table. `key` is unique across all
/// watches (watch id + service id of the workflow), so the same workflow watched through two
/// profiles appears twice, each with its own health.
struct WorkflowSnapshot {
    QString key;
    QString watchId;
    QString watchName;
    Service service = Service::MigrationHubOrchestrator;
    QString id; ///< the service's id: MHO/Customer Profiles workflow id, Image Builder
                ///< workflow execution id, CodeCatalyst workflow id
    QString name;
    QString arn; ///< where the service gives one (MHO, Image Builder build version)
    QString rawStatus;
    UnifiedStatus status = UnifiedStatus::Unknown;
    /// Steps that succeeded (never counting failed, skipped or rolled-back ones) of
    /// `totalSteps`; the failed and skipped ones are counted apart, where known.
    std::optional<qint64> completedSteps;
    std::optional<qint64> totalSteps;
    std::optional<qint64> failedSteps;
    std::optional<qint64> skippedSteps;
    QDateTime start;
    QDateTime lastUpdate;
    QDateTime end;
    QString message; ///< status message or error description
    std::optional<qint64> recordsProcessed; ///< Customer Profiles metrics

    /// Where the workflow lives, for actions and for the details pane: MHO region, Customer
    /// Profiles domain, Image Builder image build version ARN, CodeCatalyst space/project.
    QString scope;
    QString spaceName; ///< CodeCatalyst only
    QString projectName; ///< CodeCatalyst only
    QList<DetailField> details;

    /// False until the steps were fetched at least once (a row can come from a List call).
    bool stepsLoaded = false;
    QList<StepSnapshot> steps;
    /// stepsDigest(steps), kept up to date by whoever fills `steps`, so that a merge can
    /// tell unchanged step lists apart without comparing every field of every step.
    quint64 stepsDigest = 0;

    /// The workflow's own fields (not its steps) are equal.
    bool sameSummary(const WorkflowSnapshot &other) const;
    /// Summary and steps are equal (steps compared by digest, then field by field).
    bool sameAs(const WorkflowSnapshot &other) const;
    /// Sets `steps` and `stepsDigest` together.
    void setSteps(QList<StepSnapshot> newSteps);
    /// Why the workflow is where it is, for the Reason column and the details header: its
    /// status message, else the first failed or waiting step's name and message.
    QString reason() const;
    /// The first step (not a group) that failed, else the first that waits for the operator;
    /// null when none. For CodeCatalyst only the latest run counts (its runs are its steps).
    const StepSnapshot *stepNeedingAttention() const;
};

/// A step as the views place it: `parent` is null for a top-level step.
struct StepPlacement {
    const StepSnapshot *step;
    const StepSnapshot *parent;
};

/// How every view reads `steps` as a tree, so that the step tree and the timeline agree on
/// what is a group: a parentId counts only when that step came earlier in the list (anything
/// else makes the step top-level), and a repeated id is dropped (the first one wins). The
/// accepted steps in list order; the pointers point into `steps`.
QList<StepPlacement> placeSteps(const QList<StepSnapshot> &steps);

/// A digest of every field of every step, order included.
quint64 stepsDigest(const QList<StepSnapshot> &steps);

/// The key of a workflow in a watch: "<watchId>/<workflow id>".
QString workflowKey(const QString &watchId, const QString &workflowId);

} // namespace sw

Q_DECLARE_METATYPE(sw::WorkflowSnapshot)
