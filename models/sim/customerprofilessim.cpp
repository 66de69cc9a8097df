#include "customerprofilessim.h"

#include "simclock.h"
#include "simvalidation.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace sw::sim {

namespace {

const QString workflowType = u"APPFLOW_INTEGRATION"_s;
const QString domainPattern = u"^[a-zA-Z0-9_-]+$"_s;
const QString workflowIdPattern = u"[a-f0-9]{32}"_s;
const QString badRequest = u"BadRequestException"_s;
const QString notFound = u"ResourceNotFoundException"_s;

// The models' epoch-second timestamps, as JSON numbers, as the clock reports them.
QJsonValue epoch(qint64 seconds, const SimClock &clock)
{
    return double(clock.reported(seconds * 1000) / 1000);
}

// InputCheck has no enum rule: enum problems are worded like its own and join its count.
QString validationMessage(const InputCheck &check, const QStringList &enumProblems)
{
    if (enumProblems.isEmpty())
        return check.message();
    QStringList all;
    int count = int(enumProblems.size());
    if (!check.ok()) {
        const QString own = check.message();
        count += own.section(u' ', 0, 0).toInt();
        all.append(own.section(u"detected: "_s, 1));
    }
    all += enumProblems;
    return u"%1 validation error%2 detected: %3"_s.arg(count).arg(
        count == 1 ? QString() : u"s"_s, all.join(u"; "_s));
}

QString enumProblem(const QString &member, const QString &value, const QString &values)
{
    return u"Value '%1' at '%2' failed to satisfy constraint: Member must satisfy enum value "
           "set: [%3]"_s.arg(value, member, values);
}

// A JSON number as epoch seconds; absurd values are clamped instead of overflowing.
qint64 seconds(double value)
{
    return qint64(std::clamp(value, -1e12, 1e12));
}

// The wire's words for where a workflow is; the state only knows the facts.
QString statusDescription(
    const CustomerProfilesState &state, int workflow, const CustomerProfilesState::WorkflowView &v)
{
    const QString batch = u"batch %1 of %2"_s.arg(v.currentStep + 1).arg(v.totalSteps);
    const QString connector = state.connectorType(workflow);
    switch (v.status) {
    case CpStatus::NotStarted:
        return u"Waiting to start the historical import from %1"_s.arg(connector);
    case CpStatus::Split:
        return u"Splitting the historical import into batches"_s;
    case CpStatus::InProgress:
        return u"Importing %1 from %2"_s.arg(batch, connector);
    case CpStatus::Retry:
        return u"Retrying %1 after a transient %2 error"_s.arg(batch, connector);
    case CpStatus::Complete:
        return u"Imported %1 records in %2 batches"_s.arg(v.records).arg(v.totalSteps);
    case CpStatus::Failed:
        return (u"Failed in %1: "_s.arg(batch) + state.errorDescription(workflow)).left(255);
    case CpStatus::Cancelled:
        return u"Cancelled by a user during %1"_s.arg(batch);
    }
    return u"Unknown"_s;
}

QString executionMessage(const CustomerProfilesState &state, int workflow, int step,
    const CustomerProfilesState::StepView &v)
{
    switch (v.status) {
    case CpStatus::NotStarted:
        return step == 0 ? u"Queued"_s : u"Waiting for batch %1 to finish"_s.arg(step);
    case CpStatus::InProgress:
        return u"Flow run in progress"_s;
    case CpStatus::Retry:
        return u"Throttled by %1; retrying the flow run"_s.arg(state.connectorType(workflow));
    case CpStatus::Complete:
        return u"Flow run completed successfully"_s;
    case CpStatus::Failed:
        return state.errorDescription(workflow);
    case CpStatus::Cancelled:
        return u"Flow run cancelled by a user"_s;
    case CpStatus::Split:
        break;
    }
    return u"Splitting"_s;
}

} // namespace

CustomerProfilesSim::CustomerProfilesSim(const SimOptions &options, SimClock &clock)
    : m_clock(clock), m_state(options.seed, options.workflowsPerService, clock.nowMs()),
      m_tokens(options.seed ^ 0x43500002u)
{
}

qint64 CustomerProfilesSim::nowSec() const
{
    return m_clock.nowMs() / 1000;
}

QString CustomerProfilesSim::route(const SimRequest &request) const
{
    const QStringList &s = request.segments;
    if (s.size() < 3 || s.size() > 5 || s[0] != u"domains" || s[2] != u"workflows")
        return {};
    if (s.size() == 3 && request.method == "POST")
        return u"ListWorkflows"_s;
    if (s.size() == 4 && request.method == "GET")
        return u"GetWorkflow"_s;
    if (s.size() == 5 && s[4] == u"steps" && request.method == "GET")
        return u"GetWorkflowSteps"_s;
    return {};
}

SimResponse CustomerProfilesSim::handle(const QString &operation, const SimRequest &request)
{
    if (operation == u"GetWorkflow")
        return getWorkflow(request);
    if (operation == u"GetWorkflowSteps")
        return getWorkflowSteps(request);
    if (operation == u"ListWorkflows")
        return listWorkflows(request);
    return error(404, u"UnknownOperationException"_s, u"Unknown operation %1"_s.arg(operation));
}

SimResponse CustomerProfilesSim::error(
    int status, const QString &code, const QString &message) const
{
    return SimResponse::error(status, code, message, errorMessageKey());
}

QJsonObject CustomerProfilesSim::inventory() const
{
    return {{u"domains"_s, QJsonArray::fromStringList(m_state.domains())}};
}

std::optional<SimResponse> CustomerProfilesSim::resolve(const SimRequest &request,
    InputCheck &check, int *domain, int *workflow, const QStringList &enumProblems) const
{
    const QString domainName = request.segments.value(1);
    check.length(u"DomainName"_s, domainName, 1, 64)
        .pattern(u"DomainName"_s, domainName, domainPattern);
    const QString workflowId = request.segments.value(3);
    if (workflow)
        check.pattern(u"WorkflowId"_s, workflowId, workflowIdPattern);
    if (!check.ok() || !enumProblems.isEmpty())
        return error(400, badRequest, validationMessage(check, enumProblems));
    *domain = m_state.domainIndex(domainName);
    if (*domain < 0)
        return error(404, notFound, u"Domain %1 does not exist."_s.arg(domainName));
    if (!workflow)
        return std::nullopt;
    const auto found = m_state.find(*domain, workflowId);
    if (!found)
        return error(404, notFound,
            u"Workflow %1 does not exist in domain %2."_s.arg(workflowId, domainName));
    *workflow = *found;
    return std::nullopt;
}

CustomerProfilesSim::Paging CustomerProfilesSim::paging(
    const SimRequest &request, InputCheck &check) const
{
    Paging p;
    const bool hasMax = request.hasQuery(u"max-results"_s);
    const auto max = check.integer(u"MaxResults"_s, request.queryValue(u"max-results"_s), hasMax);
    check.range(u"MaxResults"_s, max, 1, 100);
    p.maxResults = max.value_or(100);
    if (request.hasQuery(u"next-token"_s)) {
        p.nextToken = request.queryValue(u"next-token"_s);
        check.length(u"NextToken"_s, *p.nextToken, 1, 1024);
    }
    return p;
}

std::optional<qint64> CustomerProfilesSim::startOf(const QString &scope, const Paging &paging) const
{
    if (!paging.nextToken)
        return 0;
    return m_tokens.redeem(scope, *paging.nextToken);
}

SimResponse CustomerProfilesSim::getWorkflow(const SimRequest &request)
{
    InputCheck check;
    int domain = -1;
    int workflow = -1;
    if (auto failed = resolve(request, check, &domain, &workflow))
        return *failed;
    const CustomerProfilesState::WorkflowView v = m_state.view(workflow, nowSec(), false);
    QJsonObject body {{u"WorkflowId"_s, m_state.workflowId(workflow)},
        {u"WorkflowType"_s, workflowType}, {u"Status"_s, cpStatusName(v.status)},
        {u"StartDate"_s, epoch(v.createdAt, m_clock)},
        {u"LastUpdatedAt"_s, epoch(v.lastUpdatedAt, m_clock)},
        {u"Attributes"_s,
            QJsonObject {{u"AppflowIntegration"_s,
                QJsonObject {{u"SourceConnectorType"_s, m_state.connectorType(workflow)},
                    {u"ConnectorProfileName"_s, m_state.connectorProfile(workflow)},
                    {u"RoleArn"_s, m_state.roleArn(workflow)}}}}},
        {u"Metrics"_s,
            QJsonObject {{u"AppflowIntegration"_s,
                QJsonObject {{u"RecordsProcessed"_s, double(v.records)},
                    {u"StepsCompleted"_s, v.stepsCompleted}, {u"TotalSteps"_s, v.totalSteps}}}}}};
    if (v.status == CpStatus::Failed)
        body.insert(u"ErrorDescription"_s, m_state.errorDescription(workflow));
    return SimResponse::json(body);
}

SimResponse CustomerProfilesSim::getWorkflowSteps(const SimRequest &request)
{
    InputCheck check;
    const Paging paging = this->paging(request, check);
    int domain = -1;
    int workflow = -1;
    if (auto failed = resolve(request, check, &domain, &workflow))
        return *failed;
    const QString id = m_state.workflowId(workflow);
    const QString scope = u"GetWorkflowSteps/%1/%2"_s.arg(m_state.domainOf(workflow), id);
    const auto start = startOf(scope, paging);
    if (!start)
        return error(400, badRequest, u"The next-token is invalid or has expired."_s);

    const CustomerProfilesState::WorkflowView v = m_state.view(workflow, nowSec(), true);
    const auto page = m_tokens.page(scope, qint64(v.steps.size()), *start, paging.maxResults);
    QJsonArray items;
    for (qint64 j = page.first; j < page.first + page.count; ++j) {
        const int step = int(j);
        const CustomerProfilesState::StepView &s = v.steps[size_t(step)];
        items.append(QJsonObject {{u"AppflowIntegration"_s,
            QJsonObject {{u"FlowName"_s, m_state.flowName(workflow, step)},
                {u"Status"_s, cpStatusName(s.status)},
                {u"ExecutionMessage"_s, executionMessage(m_state, workflow, step, s)},
                {u"RecordsProcessed"_s, double(s.records)},
                {u"BatchRecordsStartTime"_s, m_state.batchStart(workflow, step)},
                {u"BatchRecordsEndTime"_s, m_state.batchEnd(workflow, step)},
                {u"CreatedAt"_s, epoch(s.createdAt, m_clock)},
                {u"LastUpdatedAt"_s, epoch(s.lastUpdatedAt, m_clock)}}}});
    }
    QJsonObject body {
        {u"WorkflowId"_s, id}, {u"WorkflowType"_s, workflowType}, {u"Items"_s, items}};
    if (!page.nextToken.isEmpty())
        body.insert(u"NextToken"_s, page.nextToken);
    return SimResponse::json(body);
}

SimResponse CustomerProfilesSim::listWorkflows(const SimRequest &request)
{
    InputCheck check;
    const Paging paging = this->paging(request, check);
    const auto input = parseJsonBody(request.body);
    if (!input)
        return error(400, badRequest, u"The request body is not a valid JSON object."_s);
    check.jsonType(u"WorkflowType"_s, *input, QJsonValue::String)
        .jsonType(u"Status"_s, *input, QJsonValue::String)
        .jsonType(u"QueryStartDate"_s, *input, QJsonValue::Double)
        .jsonType(u"QueryEndDate"_s, *input, QJsonValue::Double);
    QStringList enumProblems;
    const QString type = input->value(u"WorkflowType"_s).toString(workflowType);
    if (type != workflowType)
        enumProblems.append(enumProblem(u"WorkflowType"_s, type, workflowType));
    CustomerProfilesState::Filter filter;
    if (input->value(u"Status"_s).isString()) {
        const QString status = input->value(u"Status"_s).toString();
        filter.status = cpStatusFromName(status);
        if (!filter.status)
            enumProblems.append(enumProblem(u"Status"_s, status,
                u"NOT_STARTED, IN_PROGRESS, COMPLETE, FAILED, SPLIT, RETRY, CANCELLED"_s));
    }
    int domain = -1;
    if (auto failed = resolve(request, check, &domain, nullptr, enumProblems))
        return *failed;
    // The model's words ("started after", "ended after") describe a window in time; the
    // simulator applies it to when workflows were created, as a dashboard's date filter expects.
    // The dates are on the reported time line; the state keeps the simulated one.
    const auto simulatedSeconds = [this](qint64 reported) {
        return m_clock.simulated(reported * 1000) / 1000;
    };
    if (input->value(u"QueryStartDate"_s).isDouble()) {
        filter.createdFrom =
            simulatedSeconds(seconds(std::ceil(input->value(u"QueryStartDate"_s).toDouble())));
    }
    if (input->value(u"QueryEndDate"_s).isDouble()) {
        filter.createdTo =
            simulatedSeconds(seconds(std::floor(input->value(u"QueryEndDate"_s).toDouble())));
    }
    if (filter.createdFrom && filter.createdTo && *filter.createdFrom > *filter.createdTo)
        return error(400, badRequest, u"QueryStartDate must not be after QueryEndDate."_s);

    const QString scope = u"ListWorkflows/%1/%2/%3/%4"_s.arg(m_state.domains().at(domain),
        filter.status ? cpStatusName(*filter.status) : QString(),
        filter.createdFrom ? QString::number(*filter.createdFrom) : QString(),
        filter.createdTo ? QString::number(*filter.createdTo) : QString());
    const auto start = startOf(scope, paging);
    if (!start)
        return error(400, badRequest, u"The next-token is invalid or has expired."_s);

    const qint64 now = nowSec();
    const std::vector<int> matches = m_state.list(domain, filter, now);
    const auto page = m_tokens.page(scope, qint64(matches.size()), *start, paging.maxResults);
    QJsonArray items;
    for (qint64 i = page.first; i < page.first + page.count; ++i) {
        const int workflow = matches[size_t(i)];
        const CustomerProfilesState::WorkflowView v = m_state.view(workflow, now, false);
        items.append(QJsonObject {{u"WorkflowType"_s, workflowType},
            {u"WorkflowId"_s, m_state.workflowId(workflow)}, {u"Status"_s, cpStatusName(v.status)},
            {u"StatusDescription"_s, statusDescription(m_state, workflow, v)},
            {u"CreatedAt"_s, epoch(v.createdAt, m_clock)},
            {u"LastUpdatedAt"_s, epoch(v.lastUpdatedAt, m_clock)}});
    }
    QJsonObject body {{u"Items"_s, items}};
    if (!page.nextToken.isEmpty())
        body.insert(u"NextToken"_s, page.nextToken);
    return SimResponse::json(body);
}

} // namespace sw::sim
