#include "codecatalystsim.h"

#include "simclock.h"

#include "simvalidation.h"

#include <QDate>
#include <QJsonArray>
#include <QUrl>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace sw::sim {

namespace {

const QString startWorkflowRunOp = u"StartWorkflowRun"_s;
const QString listWorkflowRunsOp = u"ListWorkflowRuns"_s;
const QString getWorkflowRunOp = u"GetWorkflowRun"_s;
const QString listWorkflowsOp = u"ListWorkflows"_s;

// The model's patterns, verbatim, because AWS quotes them back in validation messages.
const QString namePattern = u"[a-zA-Z0-9]+(?:[-_\\.][a-zA-Z0-9]+)*"_s;
const QString uuidPattern =
    u"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"_s;

constexpr qint64 maxListWorkflowRuns = 50;
constexpr qint64 maxListWorkflows = 100;
constexpr qint64 dayMs = 86'400'000;

/// The path's labels, decoded, keeping empty ones: "/v1/spaces//projects/p" must reach
/// validation as an empty spaceName instead of falling through as an unknown path.
QStringList pathLabels(const QByteArray &rawPath)
{
    QStringList labels;
    const QByteArray path = rawPath.startsWith('/') ? rawPath.mid(1) : rawPath;
    for (const QByteArray &part : path.split('/'))
        labels.append(QUrl::fromPercentEncoding(part));
    return labels;
}

/// What QDateTime::toString(Qt::ISODateWithMs) gives in UTC, several times faster: every
/// run in a listing carries three of these.
QString iso(qint64 ms)
{
    const qint64 day = ms >= 0 ? ms / dayMs : (ms - dayMs + 1) / dayMs;
    const qint64 inDay = ms - day * dayMs;
    int year = 0;
    int month = 0;
    int dayOfMonth = 0;
    QDate(1970, 1, 1).addDays(day).getDate(&year, &month, &dayOfMonth);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, month, dayOfMonth,
        int(inDay / 3'600'000), int(inDay / 60'000 % 60), int(inDay / 1000 % 60),
        int(inDay % 1000));
    return QString::fromLatin1(text);
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

SimResponse badRequest(const QString &message)
{
    return SimResponse::error(400, u"ValidationException"_s, message);
}

SimResponse notFound(const QString &message)
{
    return SimResponse::error(404, u"ResourceNotFoundException"_s, message);
}

/// Names differ in their bounds between operations (spaceName is 1.. in one request and
/// 3..63 in the next), so each caller says which it has.
void checkName(
    InputCheck &check, const QString &member, const QString &value, int min, std::optional<int> max)
{
    check.length(member, value, min, max).pattern(member, value, namePattern);
}

struct Paging {
    std::optional<qint64> maxResults;
    std::optional<QString> nextToken;
};

Paging checkPaging(InputCheck &check, const SimRequest &request, qint64 maxResultsLimit)
{
    Paging paging;
    const QString maxResults = u"maxResults"_s;
    const QString nextToken = u"nextToken"_s;
    paging.maxResults =
        check.integer(maxResults, request.queryValue(maxResults), request.hasQuery(maxResults));
    check.range(maxResults, paging.maxResults, 1, maxResultsLimit);
    if (request.hasQuery(nextToken)) {
        paging.nextToken = request.queryValue(nextToken);
        check.length(nextToken, *paging.nextToken, 1, 2048);
    }
    return paging;
}

/// The JSON body both List operations and StartWorkflowRun carry; sortBy is a list of
/// empty structures, so its type is all there is to check.
std::optional<QJsonObject> checkBody(InputCheck &check, const SimRequest &request)
{
    std::optional<QJsonObject> body = parseJsonBody(request.body);
    if (body)
        check.jsonType(u"sortBy"_s, *body, QJsonValue::Array);
    return body;
}

SimResponse badToken()
{
    return badRequest(u"The nextToken is not valid: it was not issued for this listing, or it "
                      "has expired."_s);
}

SimResponse notObject()
{
    return badRequest(u"The request body must be a JSON object."_s);
}

} // namespace

struct CodeCatalystSim::Target {
    int space = -1;
    int project = -1;
};

CodeCatalystSim::CodeCatalystSim(const SimOptions &options, SimClock &clock)
    : m_clock(clock), m_state(options, clock), m_pageTokens(options.seed ^ 0xC0DECA7Aull)
{
}

QString CodeCatalystSim::route(const SimRequest &request) const
{
    if (!request.rawPath.startsWith("/v1/spaces/"))
        return {};
    const QStringList labels = pathLabels(request.rawPath);
    if (labels.size() < 6 || labels[1] != u"spaces" || labels[3] != u"projects")
        return {};
    const QString &collection = labels[5];
    if (labels.size() == 6 && collection == u"workflowRuns") {
        if (request.method == "PUT")
            return startWorkflowRunOp;
        if (request.method == "POST")
            return listWorkflowRunsOp;
    } else if (labels.size() == 7 && collection == u"workflowRuns" && request.method == "GET") {
        return getWorkflowRunOp;
    } else if (labels.size() == 6 && collection == u"workflows" && request.method == "POST") {
        return listWorkflowsOp;
    }
    return {};
}

SimResponse CodeCatalystSim::handle(const QString &operation, const SimRequest &request)
{
    const QStringList labels = pathLabels(request.rawPath);
    if (operation == startWorkflowRunOp)
        return startWorkflowRun(labels, request);
    if (operation == listWorkflowRunsOp)
        return listWorkflowRuns(labels, request);
    if (operation == getWorkflowRunOp)
        return getWorkflowRun(labels, request);
    if (operation == listWorkflowsOp)
        return listWorkflows(labels, request);
    return SimResponse::error(
        404, u"UnknownOperationException"_s, u"CodeCatalyst has no operation %1"_s.arg(operation));
}

std::optional<SimResponse> CodeCatalystSim::resolve(
    const QString &space, const QString &project, Target *out)
{
    out->space = m_state.findSpace(space);
    if (out->space < 0)
        return notFound(u"Space '%1' was not found."_s.arg(space));
    out->project = m_state.findProject(out->space, project);
    if (out->project < 0)
        return notFound(u"Project '%1' was not found in space '%2'."_s.arg(project, space));
    return std::nullopt;
}

SimResponse CodeCatalystSim::startWorkflowRun(const QStringList &labels, const SimRequest &request)
{
    const QString &spaceName = labels[2];
    const QString &projectName = labels[4];
    const QString workflowMember = u"workflowId"_s;
    const bool hasWorkflow = request.hasQuery(workflowMember);
    const QString workflowText = request.queryValue(workflowMember);
    const QString tokenMember = u"clientToken"_s;

    InputCheck check;
    checkName(check, u"spaceName"_s, spaceName, 1, std::nullopt);
    checkName(check, u"projectName"_s, projectName, 1, std::nullopt);
    check.required(workflowMember, hasWorkflow)
        .pattern(workflowMember, workflowText, uuidPattern, hasWorkflow);
    const std::optional<QJsonObject> body = parseJsonBody(request.body);
    if (!body)
        return notObject();
    check.jsonType(tokenMember, *body, QJsonValue::String);
    const QJsonValue tokenValue = body->value(tokenMember);
    const QString token = tokenValue.toString();
    check.length(tokenMember, token, 1, 64, tokenValue.isString())
        .pattern(tokenMember, token, namePattern, tokenValue.isString());
    if (!check.ok())
        return badRequest(check.message());

    Target target;
    if (const auto missing = resolve(spaceName, projectName, &target))
        return *missing;
    const auto workflow = m_state.findWorkflow(target.project, QUuid::fromString(workflowText));
    if (!workflow) {
        return notFound(
            u"Workflow '%1' was not found in project '%2'."_s.arg(workflowText, projectName));
    }

    using Outcome = CodeCatalystState::StartResult::Outcome;
    const CodeCatalystState::StartResult result = m_state.startRun(*workflow, token);
    if (result.outcome == Outcome::TokenConflict) {
        return SimResponse::error(409, u"ConflictException"_s,
            u"The clientToken '%1' was already used to start run %2 of a different workflow "
            "(%3)."_s.arg(token, uuidText(m_state.run(result.run).id),
                uuidText(m_state.workflow(m_state.run(result.run).workflow).id)));
    }
    if (result.outcome == Outcome::WorkflowInvalid) {
        return badRequest(
            u"Workflow '%1' (%2) cannot be run: its status is INVALID because "
            "its definition %3 failed validation. Fix the definition in the "
            "source repository and try again."_s.arg(m_state.workflowName(*workflow),
                uuidText(m_state.workflow(*workflow).id), m_state.definitionPath(*workflow)));
    }
    const CodeCatalystState::Project &project = m_state.project(target.project);
    return SimResponse::json({
        {u"spaceName"_s, m_state.spaces()[size_t(project.space)].name},
        {u"projectName"_s, project.name},
        {u"id"_s, uuidText(m_state.run(result.run).id)},
        {u"workflowId"_s, uuidText(m_state.workflow(*workflow).id)},
    });
}

SimResponse CodeCatalystSim::listWorkflowRuns(const QStringList &labels, const SimRequest &request)
{
    const QString &spaceName = labels[2];
    const QString &projectName = labels[4];
    const QString workflowMember = u"workflowId"_s;
    const bool hasWorkflow = request.hasQuery(workflowMember);
    const QString workflowText = request.queryValue(workflowMember);

    InputCheck check;
    checkName(check, u"spaceName"_s, spaceName, 3, 63);
    checkName(check, u"projectName"_s, projectName, 1, std::nullopt);
    check.pattern(workflowMember, workflowText, uuidPattern, hasWorkflow);
    const Paging paging = checkPaging(check, request, maxListWorkflowRuns);
    if (!checkBody(check, request))
        return notObject();
    if (!check.ok())
        return badRequest(check.message());

    Target target;
    if (const auto missing = resolve(spaceName, projectName, &target))
        return *missing;
    std::optional<quint32> workflow;
    if (hasWorkflow) {
        workflow = m_state.findWorkflow(target.project, QUuid::fromString(workflowText));
        if (!workflow) {
            return notFound(
                u"Workflow '%1' was not found in project '%2'."_s.arg(workflowText, projectName));
        }
    }

    // Newest first, but tokens hold positions counted from the oldest run: new runs only
    // ever join at the newest end, so a listing in progress neither repeats nor skips.
    const QString scope = u"ListWorkflowRuns/%1/%2/%3"_s.arg(
        spaceName, projectName, workflow ? uuidText(m_state.workflow(*workflow).id) : u"*"_s);
    const qint64 total = m_state.runCount(target.project, workflow);
    qint64 remaining = total;
    if (paging.nextToken) {
        const auto position = m_pageTokens.redeem(scope, *paging.nextToken);
        if (!position)
            return badToken();
        remaining = std::min(*position, total);
    }
    const qint64 count = std::min(remaining, paging.maxResults.value_or(maxListWorkflowRuns));
    QJsonArray items;
    for (qint64 i = 0; i < count; ++i)
        items.append(runJson(m_state.runAt(target.project, workflow, remaining - 1 - i), true));
    QJsonObject out {{u"items"_s, items}};
    if (remaining - count > 0)
        out.insert(u"nextToken"_s, m_pageTokens.issue(scope, remaining - count));
    return SimResponse::json(out);
}

SimResponse CodeCatalystSim::getWorkflowRun(const QStringList &labels, const SimRequest &request)
{
    Q_UNUSED(request) // a GET: everything is in the path
    const QString &spaceName = labels[2];
    const QString &projectName = labels[4];
    const QString &id = labels[6];

    InputCheck check;
    checkName(check, u"spaceName"_s, spaceName, 3, 63);
    checkName(check, u"projectName"_s, projectName, 1, std::nullopt);
    check.pattern(u"id"_s, id, uuidPattern);
    if (!check.ok())
        return badRequest(check.message());

    Target target;
    if (const auto missing = resolve(spaceName, projectName, &target))
        return *missing;
    const auto run = m_state.findRun(target.project, QUuid::fromString(id));
    if (!run)
        return notFound(u"Workflow run '%1' was not found in project '%2'."_s.arg(id, projectName));

    QJsonObject out = runJson(*run, false);
    const CodeCatalystState::Project &project = m_state.project(target.project);
    out.insert(u"spaceName"_s, m_state.spaces()[size_t(project.space)].name);
    out.insert(u"projectName"_s, project.name);
    return SimResponse::json(out);
}

SimResponse CodeCatalystSim::listWorkflows(const QStringList &labels, const SimRequest &request)
{
    const QString &spaceName = labels[2];
    const QString &projectName = labels[4];

    InputCheck check;
    checkName(check, u"spaceName"_s, spaceName, 1, std::nullopt);
    checkName(check, u"projectName"_s, projectName, 3, 63);
    const Paging paging = checkPaging(check, request, maxListWorkflows);
    if (!checkBody(check, request))
        return notObject();
    if (!check.ok())
        return badRequest(check.message());

    Target target;
    if (const auto missing = resolve(spaceName, projectName, &target))
        return *missing;

    const QString scope = u"ListWorkflows/%1/%2"_s.arg(spaceName, projectName);
    const std::vector<quint32> &workflows = m_state.project(target.project).workflows;
    qint64 start = 0;
    if (paging.nextToken) {
        const auto position = m_pageTokens.redeem(scope, *paging.nextToken);
        if (!position)
            return badToken();
        start = *position;
    }
    const PageTokens::Page page = m_pageTokens.page(
        scope, qint64(workflows.size()), start, paging.maxResults.value_or(maxListWorkflows));
    QJsonArray items;
    for (qint64 i = page.first; i < page.first + page.count; ++i) {
        const quint32 index = workflows[size_t(i)];
        const CodeCatalystState::Workflow &w = m_state.workflow(index);
        items.append(QJsonObject {
            {u"id"_s, uuidText(w.id)},
            {u"name"_s, m_state.workflowName(index)},
            {u"sourceRepositoryName"_s, m_state.repositoryName(index)},
            {u"sourceBranchName"_s, u"main"_s},
            {u"definition"_s, QJsonObject {{u"path"_s, m_state.definitionPath(index)}}},
            {u"createdTime"_s, iso(m_clock.reported(w.createdMs))},
            {u"lastUpdatedTime"_s, iso(m_clock.reported(w.lastUpdatedMs))},
            {u"runMode"_s, CodeCatalystState::runModeName(w.runMode)},
            {u"status"_s, CodeCatalystState::workflowStatusName(w.status)},
        });
    }
    QJsonObject out {{u"items"_s, items}};
    if (!page.nextToken.isEmpty())
        out.insert(u"nextToken"_s, page.nextToken);
    return SimResponse::json(out);
}

QJsonObject CodeCatalystSim::runJson(quint32 index, bool summary) const
{
    const CodeCatalystState::Run &run = m_state.run(index);
    const CodeCatalystState::RunView view = m_state.view(index);
    QJsonObject out {
        {u"id"_s, uuidText(run.id)},
        {u"workflowId"_s, uuidText(m_state.workflow(run.workflow).id)},
        {u"status"_s, CodeCatalystState::statusName(view.status)},
        // The model's reasons are empty structures: there is nothing to say in them.
        {u"statusReasons"_s, QJsonArray()},
        {u"startTime"_s, iso(m_clock.reported(view.startMs))},
        {u"lastUpdatedTime"_s, iso(m_clock.reported(view.lastUpdatedMs))},
    };
    if (view.endMs)
        out.insert(u"endTime"_s, iso(m_clock.reported(*view.endMs)));
    if (summary)
        out.insert(u"workflowName"_s, m_state.workflowName(run.workflow));
    return out;
}

QJsonObject CodeCatalystSim::inventory() const
{
    QJsonArray spaces;
    for (const CodeCatalystState::Space &space : m_state.spaces()) {
        QJsonArray projects;
        for (int p : space.projects)
            projects.append(m_state.project(p).name);
        spaces.append(QJsonObject {{u"name"_s, space.name}, {u"projects"_s, projects}});
    }
    return {{u"spaces"_s, spaces}};
}

QJsonObject CodeCatalystSim::counters() const
{
    return {
        {u"codecatalystRunsCreated"_s, double(m_state.runsCreated())},
        {u"codecatalystIdempotentReplays"_s, double(m_state.idempotentReplays())},
    };
}

} // namespace sw::sim
