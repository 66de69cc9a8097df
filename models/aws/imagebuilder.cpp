#include "imagebuilder.h"

using namespace Qt::StringLiterals;

namespace sw::aws::imagebuilder {

namespace {

MemberSpec maxResults()
{
    return integerMember(u"maxResults"_s, Location::Body, u"maxResults"_s, 1, 25);
}

MemberSpec nextToken()
{
    return stringMember(u"nextToken"_s, Location::Body, u"nextToken"_s, false, 1, 65535);
}

PaginatorSpec paginator(const QString &resultKey)
{
    return {u"nextToken"_s, u"nextToken"_s, u"maxResults"_s, {resultKey}, true};
}

const QStringList errors = {u"ServiceException"_s, u"ClientException"_s,
    u"ServiceUnavailableException"_s, u"InvalidRequestException"_s,
    u"InvalidPaginationTokenException"_s, u"ForbiddenException"_s,
    u"CallRateLimitExceededException"_s};

} // namespace

const ServiceSpec &serviceSpec()
{
    static const ServiceSpec spec {u"imagebuilder"_s, u"imagebuilder"_s, u"imagebuilder"_s,
        u"imagebuilder"_s, u"IMAGEBUILDER"_s, u"imagebuilder"_s, u"2019-12-02"_s,
        AuthScheme::SigV4};
    return spec;
}

const OperationSpec &ListWorkflowStepExecutions::spec()
{
    static const OperationSpec spec {&serviceSpec(), u"ListWorkflowStepExecutions"_s, "POST",
        u"/ListWorkflowStepExecutions"_s,
        {maxResults(), nextToken(),
            stringMember(u"workflowExecutionId"_s, Location::Body, u"workflowExecutionId"_s, true,
                std::nullopt, std::nullopt,
                u"^wf-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s)},
        paginator(u"steps"_s), errors, false};
    return spec;
}

QJsonObject ListWorkflowStepExecutions::Request::toParams() const
{
    QJsonObject p {{u"workflowExecutionId"_s, workflowExecutionId}};
    setOptionalParam(p, u"maxResults"_s, maxResults);
    setOptionalParam(p, u"nextToken"_s, nextToken);
    return p;
}

void ListWorkflowStepExecutions::Response::read(const JsonReader &r)
{
    requestId = r.string(u"requestId");
    workflowBuildVersionArn = r.string(u"workflowBuildVersionArn");
    workflowExecutionId = r.string(u"workflowExecutionId");
    imageBuildVersionArn = r.string(u"imageBuildVersionArn");
    message = r.string(u"message");
    nextToken = r.string(u"nextToken");
    r.forEach(u"steps", [this](const JsonReader &i) {
        steps.append({i.string(u"stepExecutionId"), i.string(u"name"), i.string(u"description"),
            i.string(u"action"), i.string(u"status"), i.string(u"rollbackStatus"),
            i.string(u"message"), i.string(u"inputs"), i.string(u"outputs"), i.string(u"startTime"),
            i.string(u"endTime")});
    });
}

const OperationSpec &ListWorkflowExecutions::spec()
{
    static const OperationSpec spec {&serviceSpec(), u"ListWorkflowExecutions"_s, "POST",
        u"/ListWorkflowExecutions"_s,
        {maxResults(), nextToken(),
            stringMember(u"imageBuildVersionArn"_s, Location::Body, u"imageBuildVersionArn"_s, true,
                std::nullopt, std::nullopt,
                u"^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):image/[a-z0-9-_]+/[0-9]+\\.[0-9]+\\.[0-9]+/[0-9]+$"_s)},
        paginator(u"workflowExecutions"_s), errors, false};
    return spec;
}

QJsonObject ListWorkflowExecutions::Request::toParams() const
{
    QJsonObject p {{u"imageBuildVersionArn"_s, imageBuildVersionArn}};
    setOptionalParam(p, u"maxResults"_s, maxResults);
    setOptionalParam(p, u"nextToken"_s, nextToken);
    return p;
}

void ListWorkflowExecutions::Response::read(const JsonReader &r)
{
    requestId = r.string(u"requestId");
    imageBuildVersionArn = r.string(u"imageBuildVersionArn");
    message = r.string(u"message");
    nextToken = r.string(u"nextToken");
    r.forEach(u"workflowExecutions", [this](const JsonReader &i) {
        WorkflowExecution e;
        e.workflowBuildVersionArn = i.string(u"workflowBuildVersionArn");
        e.workflowExecutionId = i.string(u"workflowExecutionId");
        e.type = i.string(u"type");
        e.status = i.string(u"status");
        e.message = i.string(u"message");
        e.totalStepCount = i.integer(u"totalStepCount");
        e.totalStepsSucceeded = i.integer(u"totalStepsSucceeded");
        e.totalStepsFailed = i.integer(u"totalStepsFailed");
        e.totalStepsSkipped = i.integer(u"totalStepsSkipped");
        e.startTime = i.string(u"startTime");
        e.endTime = i.string(u"endTime");
        e.parallelGroup = i.string(u"parallelGroup");
        e.retried = i.boolean(u"retried");
        workflowExecutions.append(std::move(e));
    });
}

QList<const OperationSpec *> operations()
{
    return {&ListWorkflowStepExecutions::spec(), &ListWorkflowExecutions::spec()};
}

} // namespace sw::aws::imagebuilder
