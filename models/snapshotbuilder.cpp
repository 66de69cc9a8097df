#include "snapshotbuilder.h"

#include "aws/jsonreader.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sw::snapshots {

namespace {

QString number(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : QString();
}

// Sets a QString field only when the response carried it: List and Get responses carry
// different subsets, and an absent member must not erase what the other one said.
void keep(QString &field, const QString &value)
{
    if (!value.isEmpty())
        field = value;
}

void keep(QDateTime &field, const QDateTime &value)
{
    if (value.isValid())
        field = value;
}

void keep(std::optional<qint64> &field, const std::optional<qint64> &value)
{
    if (value)
        field = value;
}

// JSON carried in a string (Image Builder inputs/outputs) is shown indented.
QString prettyJson(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (doc.isNull())
        return text;
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace

void setDetail(QList<DetailField> &details, const QString &name, const QString &value)
{
    for (qsizetype i = 0; i < details.size(); ++i) {
        if (details.at(i).name == name) {
            if (value.isEmpty())
                details.removeAt(i);
            else if (details.at(i).value != value)
                details[i].value = value;
            return;
        }
    }
    if (!value.isEmpty())
        details.append({name, value});
}

// --- Migration Hub Orchestrator ---------------------------------------------------------

void applySummary(WorkflowSnapshot &w, const aws::mho::WorkflowSummary &s)
{
    w.service = Service::MigrationHubOrchestrator;
    w.id = s.id;
    keep(w.name, s.name);
    w.rawStatus = s.status;
    w.status = unifiedStatus(StatusSource::MhoWorkflow, s.status);
    // GetWorkflow's lastStartTime is the better start; the listing only has creation.
    if (!w.start.isValid())
        w.start = s.creationTime;
    w.end = s.endTime;
    w.message = s.statusMessage;
    keep(w.completedSteps, s.completedSteps);
    keep(w.totalSteps, s.totalSteps);
    setDetail(w.details, u"templateId"_s, s.templateId);
    setDetail(w.details, u"adsApplicationConfigurationName"_s, s.adsApplicationConfigurationName);
}

void applyWorkflow(WorkflowSnapshot &w, const aws::mho::Workflow &d)
{
    w.service = Service::MigrationHubOrchestrator;
    w.id = d.id;
    keep(w.name, d.name);
    keep(w.arn, d.arn);
    w.rawStatus = d.status;
    w.status = unifiedStatus(StatusSource::MhoWorkflow, d.status);
    w.message = d.statusMessage;
    // The run that matters to an operator started at lastStartTime; creation is a detail.
    keep(w.start, d.lastStartTime.isValid() ? d.lastStartTime : d.creationTime);
    keep(w.lastUpdate, d.lastModifiedTime);
    w.end = d.endTime;
    keep(w.completedSteps, d.completedSteps);
    keep(w.totalSteps, d.totalSteps);
    setDetail(w.details, u"description"_s, d.description);
    setDetail(w.details, u"templateId"_s, d.templateId);
    setDetail(w.details, u"adsApplicationName"_s, d.adsApplicationName);
    setDetail(w.details, u"adsApplicationConfigurationId"_s, d.adsApplicationConfigurationId);
    setDetail(w.details, u"creationTime"_s, aws::formatIsoTimestamp(d.creationTime));
    setDetail(w.details, u"lastStopTime"_s, aws::formatIsoTimestamp(d.lastStopTime));
    setDetail(w.details, u"workflowBucket"_s, d.workflowBucket);
    QStringList tools;
    for (const aws::mho::Tool &tool : d.tools)
        tools.append(tool.url.isEmpty() ? tool.name : u"%1 <%2>"_s.arg(tool.name, tool.url));
    setDetail(w.details, u"tools"_s, tools.join(u'\n'));
    QStringList tags;
    for (auto it = d.tags.cbegin(); it != d.tags.cend(); ++it)
        tags.append(it.key() + u'=' + it.value());
    setDetail(w.details, u"tags"_s, tags.join(u'\n'));
    // workflowInputs is marked sensitive in the model: never shown, exported or logged.
}

void countStepOutcomes(WorkflowSnapshot &w)
{
    qint64 failed = 0;
    qint64 skipped = 0;
    for (const StepSnapshot &s : std::as_const(w.steps)) {
        if (s.kind != StepKind::MhoStep)
            continue;
        failed += s.status == UnifiedStatus::Failed ? 1 : 0;
        skipped += s.status == UnifiedStatus::Skipped ? 1 : 0;
    }
    w.failedSteps = failed;
    w.skippedSteps = skipped;
}

QList<StepSnapshot> mhoSteps(const QList<aws::mho::StepGroupSummary> &groups,
    const QList<QList<aws::mho::StepSummary>> &steps)
{
    QList<StepSnapshot> out;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const aws::mho::StepGroupSummary &group = groups.at(g);
        StepSnapshot parent;
        parent.kind = StepKind::MhoStepGroup;
        parent.id = group.id;
        parent.name = group.name;
        parent.rawStatus = group.status;
        parent.status = unifiedStatus(StatusSource::MhoStepGroup, group.status);
        setDetail(parent.details, u"owner"_s, group.owner);
        setDetail(parent.details, u"previous"_s, group.previous.join(u", "_s));
        setDetail(parent.details, u"next"_s, group.next.join(u", "_s));
        out.append(parent);
        if (g >= steps.size())
            continue;
        for (const aws::mho::StepSummary &s : steps.at(g)) {
            StepSnapshot step;
            step.kind = StepKind::MhoStep;
            step.id = s.stepId;
            step.parentId = group.id;
            step.name = s.name;
            step.rawStatus = s.status;
            step.status = unifiedStatus(StatusSource::MhoStep, s.status);
            step.message = s.statusMessage;
            step.completed = s.noOfSrvCompleted;
            step.total = s.totalNoOfSrv;
            setDetail(step.details, u"description"_s, s.description);
            setDetail(step.details, u"stepActionType"_s, s.stepActionType);
            setDetail(step.details, u"owner"_s, s.owner);
            setDetail(step.details, u"noOfSrvFailed"_s, number(s.noOfSrvFailed));
            setDetail(step.details, u"scriptLocation"_s, s.scriptLocation);
            setDetail(step.details, u"previous"_s, s.previous.join(u", "_s));
            setDetail(step.details, u"next"_s, s.next.join(u", "_s));
            out.append(step);
        }
    }
    return out;
}

// --- Customer Profiles -----------------------------------------------------------------

void applySummary(WorkflowSnapshot &w, const aws::profiles::WorkflowSummary &s)
{
    w.service = Service::CustomerProfiles;
    w.id = s.workflowId;
    // The service gives workflows no name; the type and id are what identify one.
    if (w.name.isEmpty())
        w.name = s.workflowType;
    w.rawStatus = s.status;
    w.status = unifiedStatus(StatusSource::ProfilesWorkflow, s.status);
    w.message = s.statusDescription;
    keep(w.start, s.createdAt);
    keep(w.lastUpdate, s.lastUpdatedAt);
    setDetail(w.details, u"WorkflowType"_s, s.workflowType);
}

void applyWorkflow(WorkflowSnapshot &w, const aws::profiles::GetWorkflow::Response &r)
{
    w.service = Service::CustomerProfiles;
    keep(w.id, r.workflowId);
    if (!r.connectorProfileName.isEmpty())
        w.name = r.connectorProfileName;
    else if (w.name.isEmpty())
        w.name = r.workflowType;
    w.rawStatus = r.status;
    w.status = unifiedStatus(StatusSource::ProfilesWorkflow, r.status);
    w.message = r.errorDescription;
    keep(w.start, r.startDate);
    keep(w.lastUpdate, r.lastUpdatedAt);
    keep(w.completedSteps, r.stepsCompleted);
    keep(w.totalSteps, r.totalSteps);
    keep(w.recordsProcessed, r.recordsProcessed);
    setDetail(w.details, u"WorkflowType"_s, r.workflowType);
    setDetail(w.details, u"SourceConnectorType"_s, r.sourceConnectorType);
    setDetail(w.details, u"ConnectorProfileName"_s, r.connectorProfileName);
    setDetail(w.details, u"RoleArn"_s, r.roleArn);
    setDetail(w.details, u"RecordsProcessed"_s, number(r.recordsProcessed));
}

QList<StepSnapshot> profilesSteps(const QList<aws::profiles::FlowStep> &items)
{
    QList<StepSnapshot> out;
    QHash<QString, int> seen;
    for (const aws::profiles::FlowStep &item : items) {
        StepSnapshot step;
        step.kind = StepKind::ProfilesFlowItem;
        // A flow runs many batches under one name; the batch start keeps each item unique.
        step.id = item.flowName + u'@'
            + (item.batchRecordsStartTime.isEmpty()
                    ? QString::number(item.createdAt.toMSecsSinceEpoch())
                    : item.batchRecordsStartTime);
        const int n = seen.value(step.id);
        seen.insert(step.id, n + 1);
        if (n > 0)
            step.id += u'#' + QString::number(n);
        step.name = item.flowName;
        step.rawStatus = item.status;
        step.status = unifiedStatus(StatusSource::ProfilesWorkflow, item.status);
        step.message = item.executionMessage;
        step.start = item.createdAt;
        if (isTerminal(step.status))
            step.end = item.lastUpdatedAt;
        step.completed = item.recordsProcessed;
        setDetail(step.details, u"BatchRecordsStartTime"_s, item.batchRecordsStartTime);
        setDetail(step.details, u"BatchRecordsEndTime"_s, item.batchRecordsEndTime);
        setDetail(step.details, u"LastUpdatedAt"_s, aws::formatIsoTimestamp(item.lastUpdatedAt));
        setDetail(step.details, u"RecordsProcessed"_s, number(item.recordsProcessed));
        out.append(step);
    }
    return out;
}

// --- EC2 Image Builder -----------------------------------------------------------------

QDateTime parseImageBuilderTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = aws::parseIsoTimestamp(text);
    if (!t.isValid()) {
        t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (t.isValid() && t.timeSpec() == Qt::LocalTime)
            t.setTimeSpec(Qt::UTC); // the service speaks UTC
    }
    return t.isValid() ? t.toUTC() : QDateTime();
}

void applyExecution(WorkflowSnapshot &w, const aws::imagebuilder::WorkflowExecution &e,
    const QString &imageBuildVersionArn)
{
    w.service = Service::ImageBuilder;
    w.id = e.workflowExecutionId;
    // "build-image/1.0.0/1" of arn:...:workflow/build/build-image/1.0.0/1, and the type.
    const QString workflow = e.workflowBuildVersionArn.section(u'/', 2);
    w.name = workflow.isEmpty() ? e.type : u"%1 (%2)"_s.arg(workflow, e.type);
    w.arn = e.workflowBuildVersionArn;
    w.rawStatus = e.status;
    w.status = unifiedStatus(StatusSource::ImageBuilderWorkflowExecution, e.status);
    w.message = e.message;
    w.start = parseImageBuilderTime(e.startTime);
    w.end = parseImageBuilderTime(e.endTime);
    keep(w.totalSteps, e.totalStepCount);
    if (e.totalStepsSucceeded || e.totalStepsFailed || e.totalStepsSkipped) {
        // Only what succeeded is progress: a failed execution that rolled back is not "6 / 6".
        w.completedSteps = e.totalStepsSucceeded.value_or(0);
        w.failedSteps = e.totalStepsFailed.value_or(0);
        w.skippedSteps = e.totalStepsSkipped.value_or(0);
    }
    keep(w.scope, imageBuildVersionArn);
    setDetail(w.details, u"type"_s, e.type);
    setDetail(w.details, u"imageBuildVersionArn"_s, imageBuildVersionArn);
    setDetail(w.details, u"totalStepsSucceeded"_s, number(e.totalStepsSucceeded));
    setDetail(w.details, u"totalStepsFailed"_s, number(e.totalStepsFailed));
    setDetail(w.details, u"totalStepsSkipped"_s, number(e.totalStepsSkipped));
    setDetail(w.details, u"parallelGroup"_s, e.parallelGroup);
    setDetail(
        w.details, u"retried"_s, e.retried ? (*e.retried ? u"true"_s : u"false"_s) : QString());
    setDetail(w.details, u"startTime"_s, e.startTime);
    setDetail(w.details, u"endTime"_s, e.endTime);
}

QList<StepSnapshot> imageBuilderSteps(const QList<aws::imagebuilder::StepExecution> &steps)
{
    QList<StepSnapshot> out;
    out.reserve(steps.size());
    for (const aws::imagebuilder::StepExecution &s : steps) {
        StepSnapshot step;
        step.kind = StepKind::ImageBuilderStep;
        step.id = s.stepExecutionId;
        step.name = s.name;
        step.rawStatus = s.status;
        step.status = unifiedStatus(StatusSource::ImageBuilderStepExecution, s.status);
        step.message = s.message;
        step.start = parseImageBuilderTime(s.startTime);
        step.end = parseImageBuilderTime(s.endTime);
        setDetail(step.details, u"description"_s, s.description);
        setDetail(step.details, u"action"_s, s.action);
        setDetail(step.details, u"rollbackStatus"_s, s.rollbackStatus);
        setDetail(step.details, u"inputs"_s, prettyJson(s.inputs));
        setDetail(step.details, u"outputs"_s, prettyJson(s.outputs));
        setDetail(step.details, u"startTime"_s, s.startTime);
        setDetail(step.details, u"endTime"_s, s.endTime);
        out.append(step);
    }
    return out;
}

// --- CodeCatalyst ----------------------------------------------------------------------

void applyWorkflow(WorkflowSnapshot &w, const aws::codecatalyst::WorkflowSummary &s)
{
    w.service = Service::CodeCatalyst;
    w.id = s.id;
    w.name = s.name;
    if (!w.stepsLoaded || w.steps.isEmpty() || s.status == u"INVALID") {
        w.rawStatus = s.status;
        w.status = unifiedStatus(StatusSource::CodeCatalystWorkflow, s.status);
    }
    // The row's "last update" is its latest run's once the runs are known; the workflow's own
    // lastUpdatedTime is when its definition changed, which is a detail.
    if (!w.stepsLoaded || w.steps.isEmpty())
        keep(w.lastUpdate, s.lastUpdatedTime);
    setDetail(
        w.details, u"definition.lastUpdatedTime"_s, aws::formatIsoTimestamp(s.lastUpdatedTime));
    setDetail(w.details, u"sourceRepositoryName"_s, s.sourceRepositoryName);
    setDetail(w.details, u"sourceBranchName"_s, s.sourceBranchName);
    setDetail(w.details, u"definition.path"_s, s.definitionPath);
    setDetail(w.details, u"runMode"_s, s.runMode);
    setDetail(w.details, u"workflowStatus"_s, s.status);
    setDetail(w.details, u"createdTime"_s, aws::formatIsoTimestamp(s.createdTime));
}

void applyRuns(WorkflowSnapshot &w, const QList<aws::codecatalyst::WorkflowRunSummary> &runs)
{
    // Newest first, as the CodeCatalyst console lists them.
    QList<aws::codecatalyst::WorkflowRunSummary> sorted = runs;
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const auto &a, const auto &b) { return a.startTime > b.startTime; });
    QList<StepSnapshot> steps;
    steps.reserve(sorted.size());
    for (const aws::codecatalyst::WorkflowRunSummary &run : std::as_const(sorted)) {
        StepSnapshot step;
        step.kind = StepKind::CodeCatalystRun;
        step.id = run.id;
        step.name = run.workflowName.isEmpty() ? run.id : run.workflowName;
        step.rawStatus = run.status;
        step.status = unifiedStatus(StatusSource::CodeCatalystRun, run.status);
        step.start = run.startTime;
        step.end = run.endTime;
        setDetail(step.details, u"id"_s, run.id);
        setDetail(step.details, u"lastUpdatedTime"_s, aws::formatIsoTimestamp(run.lastUpdatedTime));
        setDetail(step.details, u"statusReasons"_s,
            run.statusReasonCount ? QString::number(run.statusReasonCount) : QString());
        steps.append(step);
    }
    const QString workflowStatus = detailValue(w.details, u"workflowStatus");
    if (workflowStatus == u"INVALID") {
        w.rawStatus = workflowStatus;
        w.status = unifiedStatus(StatusSource::CodeCatalystWorkflow, workflowStatus);
    } else if (!sorted.isEmpty()) {
        const auto &latest = sorted.first();
        w.rawStatus = latest.status;
        w.status = unifiedStatus(StatusSource::CodeCatalystRun, latest.status);
        w.start = latest.startTime;
        w.end = latest.endTime;
        keep(w.lastUpdate, latest.lastUpdatedTime);
        w.message = QCoreApplication::translate("sw::snapshots", "Latest run %1").arg(latest.id);
    } else {
        w.rawStatus = workflowStatus.isEmpty() ? u"ACTIVE"_s : workflowStatus;
        w.status = unifiedStatus(StatusSource::CodeCatalystWorkflow, w.rawStatus);
        w.message = QCoreApplication::translate("sw::snapshots", "No runs yet");
    }
    w.stepsLoaded = true;
    w.setSteps(std::move(steps));
}

} // namespace sw::snapshots
