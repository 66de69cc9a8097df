#include "customerprofiles.h"

using namespace Qt::StringLiterals;

namespace sw::aws::profiles {

namespace {

MemberSpec domainName()
{
    return stringMember(
        u"DomainName"_s, Location::Uri, u"DomainName"_s, true, 1, 64, u"^[a-zA-Z0-9_-]+$"_s);
}

MemberSpec workflowId()
{
    return stringMember(u"WorkflowId"_s, Location::Uri, u"WorkflowId"_s, true, std::nullopt,
        std::nullopt, u"[a-f0-9]{32}"_s);
}

MemberSpec nextToken()
{
    return stringMember(u"NextToken"_s, Location::Query, u"next-token"_s, false, 1, 1024);
}

MemberSpec maxResults()
{
    return integerMember(u"MaxResults"_s, Location::Query, u"max-results"_s, 1, 100);
}

MemberSpec enumMember(const QString &name, const QStringList &values)
{
    MemberSpec m;
    m.name = m.wireName = name;
    m.location = Location::Body;
    m.enumValues = values;
    return m;
}

MemberSpec timestampMember(const QString &name)
{
    MemberSpec m;
    m.name = m.wireName = name;
    m.location = Location::Body;
    m.type = MemberType::Timestamp;
    return m;
}

PaginatorSpec handPaginator()
{
    return {u"NextToken"_s, u"NextToken"_s, u"MaxResults"_s, {u"Items"_s}, false};
}

const QStringList errors = {u"BadRequestException"_s, u"ResourceNotFoundException"_s,
    u"AccessDeniedException"_s, u"ThrottlingException"_s, u"InternalServerException"_s};

const QStringList statusEnum = {u"NOT_STARTED"_s, u"IN_PROGRESS"_s, u"COMPLETE"_s, u"FAILED"_s,
    u"SPLIT"_s, u"RETRY"_s, u"CANCELLED"_s};

} // namespace

const ServiceSpec &serviceSpec()
{
    static const ServiceSpec spec {u"customer-profiles"_s, u"customer-profiles"_s,
        u"Customer Profiles"_s, u"profile"_s, u"CUSTOMER_PROFILES"_s, u"customer_profiles"_s,
        u"2020-08-15"_s, AuthScheme::SigV4};
    return spec;
}

// GetWorkflow ------------------------------------------------------------------------------

const OperationSpec &GetWorkflow::spec()
{
    static const OperationSpec spec {&serviceSpec(), u"GetWorkflow"_s, "GET",
        u"/domains/{DomainName}/workflows/{WorkflowId}"_s, {domainName(), workflowId()},
        std::nullopt, errors, false};
    return spec;
}

QJsonObject GetWorkflow::Request::toParams() const
{
    return {{u"DomainName"_s, domainName}, {u"WorkflowId"_s, workflowId}};
}

void GetWorkflow::Response::read(const JsonReader &r)
{
    workflowId = r.string(u"WorkflowId");
    workflowType = r.string(u"WorkflowType");
    status = r.string(u"Status");
    errorDescription = r.string(u"ErrorDescription");
    startDate = r.epochTimestamp(u"StartDate");
    lastUpdatedAt = r.epochTimestamp(u"LastUpdatedAt");
    const JsonReader attributes = r.object(u"Attributes").object(u"AppflowIntegration");
    attributes.require({u"SourceConnectorType", u"ConnectorProfileName"});
    sourceConnectorType = attributes.string(u"SourceConnectorType");
    connectorProfileName = attributes.string(u"ConnectorProfileName");
    roleArn = attributes.string(u"RoleArn");
    const JsonReader metrics = r.object(u"Metrics").object(u"AppflowIntegration");
    metrics.require({u"RecordsProcessed", u"StepsCompleted", u"TotalSteps"});
    recordsProcessed = metrics.integer(u"RecordsProcessed");
    stepsCompleted = metrics.integer(u"StepsCompleted");
    totalSteps = metrics.integer(u"TotalSteps");
}

// GetWorkflowSteps -------------------------------------------------------------------------

const OperationSpec &GetWorkflowSteps::spec()
{
    static const OperationSpec spec {&serviceSpec(), u"GetWorkflowSteps"_s, "GET",
        u"/domains/{DomainName}/workflows/{WorkflowId}/steps"_s,
        {domainName(), workflowId(), nextToken(), maxResults()}, handPaginator(), errors, false};
    return spec;
}

QJsonObject GetWorkflowSteps::Request::toParams() const
{
    QJsonObject p {{u"DomainName"_s, domainName}, {u"WorkflowId"_s, workflowId}};
    setOptionalParam(p, u"NextToken"_s, nextToken);
    setOptionalParam(p, u"MaxResults"_s, maxResults);
    return p;
}

void GetWorkflowSteps::Response::read(const JsonReader &r)
{
    workflowId = r.string(u"WorkflowId");
    workflowType = r.string(u"WorkflowType");
    nextToken = r.string(u"NextToken");
    r.forEach(u"Items", [this](const JsonReader &item) {
        const JsonReader a = item.object(u"AppflowIntegration");
        a.require({u"FlowName", u"Status", u"ExecutionMessage", u"RecordsProcessed",
            u"BatchRecordsStartTime", u"BatchRecordsEndTime", u"CreatedAt", u"LastUpdatedAt"});
        FlowStep s;
        s.flowName = a.string(u"FlowName");
        s.status = a.string(u"Status");
        s.executionMessage = a.string(u"ExecutionMessage");
        s.recordsProcessed = a.integer(u"RecordsProcessed");
        s.batchRecordsStartTime = a.string(u"BatchRecordsStartTime");
        s.batchRecordsEndTime = a.string(u"BatchRecordsEndTime");
        s.createdAt = a.epochTimestamp(u"CreatedAt");
        s.lastUpdatedAt = a.epochTimestamp(u"LastUpdatedAt");
        items.append(std::move(s));
    });
}

// ListWorkflows ----------------------------------------------------------------------------

const OperationSpec &ListWorkflows::spec()
{
    static const OperationSpec spec {&serviceSpec(), u"ListWorkflows"_s, "POST",
        u"/domains/{DomainName}/workflows"_s,
        {domainName(), enumMember(u"WorkflowType"_s, {u"APPFLOW_INTEGRATION"_s}),
            enumMember(u"Status"_s, statusEnum), timestampMember(u"QueryStartDate"_s),
            timestampMember(u"QueryEndDate"_s), nextToken(), maxResults()},
        handPaginator(), errors, false};
    return spec;
}

QJsonObject ListWorkflows::Request::toParams() const
{
    QJsonObject p {{u"DomainName"_s, domainName}};
    setOptionalParam(p, u"WorkflowType"_s, workflowType);
    setOptionalParam(p, u"Status"_s, status);
    if (queryStartDate.isValid())
        p.insert(u"QueryStartDate"_s, queryStartDate.toMSecsSinceEpoch() / 1000.0);
    if (queryEndDate.isValid())
        p.insert(u"QueryEndDate"_s, queryEndDate.toMSecsSinceEpoch() / 1000.0);
    setOptionalParam(p, u"NextToken"_s, nextToken);
    setOptionalParam(p, u"MaxResults"_s, maxResults);
    return p;
}

void ListWorkflows::Response::read(const JsonReader &r)
{
    nextToken = r.string(u"NextToken");
    r.forEach(u"Items", [this](const JsonReader &i) {
        i.require({u"WorkflowType", u"WorkflowId", u"Status", u"StatusDescription", u"CreatedAt",
            u"LastUpdatedAt"});
        items.append({i.string(u"WorkflowType"), i.string(u"WorkflowId"), i.string(u"Status"),
            i.string(u"StatusDescription"), i.epochTimestamp(u"CreatedAt"),
            i.epochTimestamp(u"LastUpdatedAt")});
    });
}

QList<const OperationSpec *> operations()
{
    return {&GetWorkflow::spec(), &GetWorkflowSteps::spec(), &ListWorkflows::spec()};
}

} // namespace sw::aws::profiles
