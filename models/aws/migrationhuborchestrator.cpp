#include "migrationhuborchestrator.h"

using namespace Qt::StringLiterals;

namespace sw::aws::mho {

namespace {

const QString idPattern = u"[a-zA-Z0-9-]+"_s;
const QString tokenPattern = u".*\\S.*"_s;
const QString namePattern = u"[-a-zA-Z0-9_.+]+[-a-zA-Z0-9_.+ ]*"_s;

const QStringList workflowStatusEnum = {u"CREATING"_s, u"NOT_STARTED"_s, u"CREATION_FAILED"_s,
    u"STARTING"_s, u"IN_PROGRESS"_s, u"WORKFLOW_FAILED"_s, u"PAUSED"_s, u"PAUSING"_s,
    u"PAUSING_FAILED"_s, u"USER_ATTENTION_REQUIRED"_s, u"DELETING"_s, u"DELETION_FAILED"_s,
    u"DELETED"_s, u"COMPLETED"_s};

MemberSpec id(const QString &name, Location location)
{
    return stringMember(name, location, name, true, 1, 100, idPattern);
}

MemberSpec nextToken()
{
    return stringMember(
        u"nextToken"_s, Location::Query, u"nextToken"_s, false, 0, 2048, tokenPattern);
}

MemberSpec maxResults()
{
    return integerMember(u"maxResults"_s, Location::Query, u"maxResults"_s, 0, 100);
}

PaginatorSpec paginator(const QString &resultKey)
{
    return {u"nextToken"_s, u"nextToken"_s, u"maxResults"_s, {resultKey}, true};
}

const QStringList commonErrors = {
    u"ThrottlingException"_s, u"AccessDeniedException"_s, u"InternalServerException"_s};

void readTimes(const JsonReader &r, WorkflowSummary &w)
{
    w.creationTime = r.epochTimestamp(u"creationTime");
    w.endTime = r.epochTimestamp(u"endTime");
}

} // namespace

const ServiceSpec &serviceSpec()
{
    static const ServiceSpec spec {u"migrationhuborchestrator"_s, u"migrationhuborchestrator"_s,
        u"MigrationHubOrchestrator"_s, u"migrationhub-orchestrator"_s,
        u"MIGRATIONHUBORCHESTRATOR"_s, u"migrationhuborchestrator"_s, u"2021-08-28"_s,
        AuthScheme::SigV4};
    return spec;
}

// RetryWorkflowStep ------------------------------------------------------------------------

const OperationSpec &RetryWorkflowStep::spec()
{
    static const OperationSpec spec {&serviceSpec(), u"RetryWorkflowStep"_s, "POST",
        u"/retryworkflowstep/{id}"_s,
        {id(u"workflowId"_s, Location::Query), id(u"stepGroupId"_s, Location::Query),
            id(u"id"_s, Location::Uri)},
        std::nullopt, commonErrors + QStringList {u"ResourceNotFoundException"_s}, false};
    return spec;
}

QJsonObject RetryWorkflowStep::Request::toParams() const
{
    return {{u"id"_s, id}, {u"stepGroupId"_s, stepGroupId}, {u"workflowId"_s, workflowId}};
}

void RetryWorkflowStep::Response::read(const JsonReader &r)
{
    stepGroupId = r.string(u"stepGroupId");
    workflowId = r.string(u"workflowId");
    id = r.string(u"id");
    status = r.string(u"status");
}

// GetWorkflow ------------------------------------------------------------------------------

const OperationSpec &GetWorkflow::spec()
{
    static const OperationSpec spec {&serviceSpec(), u"GetWorkflow"_s, "GET",
        u"/migrationworkflow/{id}"_s, {id(u"id"_s, Location::Uri)}, std::nullopt,
        commonErrors + QStringList {u"ValidationException"_s, u"ResourceNotFoundException"_s},
        false};
    return spec;
}

QJsonObject GetWorkflow::Request::toParams() const
{
    return {{u"id"_s, id}};
}

void GetWorkflow::Response::read(const JsonReader &r)
{
    id = r.string(u"id");
    arn = r.string(u"arn");
    name = r.string(u"name");
    description = r.string(u"description");
    templateId = r.string(u"templateId");
    adsApplicationConfigurationId = r.string(u"adsApplicationConfigurationId");
    adsApplicationName = r.string(u"adsApplicationName");
    status = r.string(u"status");
    statusMessage = r.string(u"statusMessage");
    creationTime = r.epochTimestamp(u"creationTime");
    lastStartTime = r.epochTimestamp(u"lastStartTime");
    lastStopTime = r.epochTimestamp(u"lastStopTime");
    lastModifiedTime = r.epochTimestamp(u"lastModifiedTime");
    endTime = r.epochTimestamp(u"endTime");
    r.forEach(u"tools", [this](const JsonReader &t) {
        tools.append({t.string(u"name"), t.string(u"url")});
    });
    totalSteps = r.integer(u"totalSteps");
    completedSteps = r.integer(u"completedSteps");
    // A map of unions, kept whole: the GUI shows it as it is and nothing computes with it.
    workflowInputs = r.object(u"workflowInputs").json();
    tags = r.stringMap(u"tags");
    workflowBucket = r.string(u"workflowBucket");
}

// ListWorkflows ----------------------------------------------------------------------------

const OperationSpec &ListWorkflows::spec()
{
    static const OperationSpec spec = [] {
        MemberSpec status;
        status.name = status.wireName = u"status"_s;
        status.location = Location::Query;
        status.enumValues = workflowStatusEnum;
        MemberSpec name;
        name.name = name.wireName = u"name"_s;
        name.location = Location::Query;
        return OperationSpec {&serviceSpec(), u"ListWorkflows"_s, "GET", u"/migrationworkflows"_s,
            {maxResults(), nextToken(),
                stringMember(
                    u"templateId"_s, Location::Query, u"templateId"_s, false, 1, 100, namePattern),
                stringMember(u"adsApplicationConfigurationName"_s, Location::Query,
                    u"adsApplicationConfigurationName"_s, false, 1, 100, namePattern),
                status, name},
            paginator(u"migrationWorkflowSummary"_s),
            commonErrors + QStringList {u"ValidationException"_s, u"ResourceNotFoundException"_s},
            false};
    }();
    return spec;
}

QJsonObject ListWorkflows::Request::toParams() const
{
    QJsonObject p;
    setOptionalParam(p, u"maxResults"_s, maxResults);
    setOptionalParam(p, u"nextToken"_s, nextToken);
    setOptionalParam(p, u"templateId"_s, templateId);
    setOptionalParam(p, u"adsApplicationConfigurationName"_s, adsApplicationConfigurationName);
    setOptionalParam(p, u"status"_s, status);
    setOptionalParam(p, u"name"_s, name);
    return p;
}

void ListWorkflows::Response::read(const JsonReader &r)
{
    nextToken = r.string(u"nextToken");
    r.require({u"migrationWorkflowSummary"});
    r.forEach(u"migrationWorkflowSummary", [this](const JsonReader &i) {
        WorkflowSummary w;
        w.id = i.string(u"id");
        w.name = i.string(u"name");
        w.templateId = i.string(u"templateId");
        w.adsApplicationConfigurationName = i.string(u"adsApplicationConfigurationName");
        w.status = i.string(u"status");
        readTimes(i, w);
        w.statusMessage = i.string(u"statusMessage");
        w.completedSteps = i.integer(u"completedSteps");
        w.totalSteps = i.integer(u"totalSteps");
        migrationWorkflowSummary.append(std::move(w));
    });
}

// ListWorkflowStepGroups -------------------------------------------------------------------

const OperationSpec &ListWorkflowStepGroups::spec()
{
    static const OperationSpec spec {&serviceSpec(), u"ListWorkflowStepGroups"_s, "GET",
        u"/workflowstepgroups"_s, {nextToken(), maxResults(), id(u"workflowId"_s, Location::Query)},
        paginator(u"workflowStepGroupsSummary"_s),
        commonErrors + QStringList {u"ValidationException"_s, u"ResourceNotFoundException"_s},
        false};
    return spec;
}

QJsonObject ListWorkflowStepGroups::Request::toParams() const
{
    QJsonObject p {{u"workflowId"_s, workflowId}};
    setOptionalParam(p, u"maxResults"_s, maxResults);
    setOptionalParam(p, u"nextToken"_s, nextToken);
    return p;
}

void ListWorkflowStepGroups::Response::read(const JsonReader &r)
{
    nextToken = r.string(u"nextToken");
    r.require({u"workflowStepGroupsSummary"});
    r.forEach(u"workflowStepGroupsSummary", [this](const JsonReader &i) {
        workflowStepGroupsSummary.append({i.string(u"id"), i.string(u"name"), i.string(u"owner"),
            i.string(u"status"), i.stringList(u"previous"), i.stringList(u"next")});
    });
}

// ListWorkflowSteps ------------------------------------------------------------------------

const OperationSpec &ListWorkflowSteps::spec()
{
    static const OperationSpec spec {&serviceSpec(), u"ListWorkflowSteps"_s, "GET",
        u"/workflow/{workflowId}/workflowstepgroups/{stepGroupId}/workflowsteps"_s,
        {nextToken(), maxResults(), id(u"workflowId"_s, Location::Uri),
            id(u"stepGroupId"_s, Location::Uri)},
        paginator(u"workflowStepsSummary"_s), commonErrors + QStringList {u"ValidationException"_s},
        false};
    return spec;
}

QJsonObject ListWorkflowSteps::Request::toParams() const
{
    QJsonObject p {{u"workflowId"_s, workflowId}, {u"stepGroupId"_s, stepGroupId}};
    setOptionalParam(p, u"maxResults"_s, maxResults);
    setOptionalParam(p, u"nextToken"_s, nextToken);
    return p;
}

void ListWorkflowSteps::Response::read(const JsonReader &r)
{
    nextToken = r.string(u"nextToken");
    r.require({u"workflowStepsSummary"});
    r.forEach(u"workflowStepsSummary", [this](const JsonReader &i) {
        StepSummary s;
        s.stepId = i.string(u"stepId");
        s.name = i.string(u"name");
        s.stepActionType = i.string(u"stepActionType");
        s.owner = i.string(u"owner");
        s.previous = i.stringList(u"previous");
        s.next = i.stringList(u"next");
        s.status = i.string(u"status");
        s.statusMessage = i.string(u"statusMessage");
        s.noOfSrvCompleted = i.integer(u"noOfSrvCompleted");
        s.noOfSrvFailed = i.integer(u"noOfSrvFailed");
        s.totalNoOfSrv = i.integer(u"totalNoOfSrv");
        s.description = i.string(u"description");
        s.scriptLocation = i.string(u"scriptLocation");
        workflowStepsSummary.append(std::move(s));
    });
}

QList<const OperationSpec *> operations()
{
    return {&RetryWorkflowStep::spec(), &GetWorkflow::spec(), &ListWorkflows::spec(),
        &ListWorkflowStepGroups::spec(), &ListWorkflowSteps::spec()};
}

} // namespace sw::aws::mho
