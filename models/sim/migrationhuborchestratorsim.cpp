#include "migrationhuborchestratorsim.h"

#include "simclock.h"

#include "simvalidation.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sw::sim {

namespace {

const QString idPattern = u"[a-zA-Z0-9-]+"_s;
const QString namePattern = u"[-a-zA-Z0-9_.+]+[-a-zA-Z0-9_.+ ]*"_s;
const QString tokenPattern = u".*\\S.*"_s;
const QStringList workflowStatuses {u"CREATING"_s, u"NOT_STARTED"_s, u"CREATION_FAILED"_s,
    u"STARTING"_s, u"IN_PROGRESS"_s, u"WORKFLOW_FAILED"_s, u"PAUSED"_s, u"PAUSING"_s,
    u"PAUSING_FAILED"_s, u"USER_ATTENTION_REQUIRED"_s, u"DELETING"_s, u"DELETION_FAILED"_s,
    u"DELETED"_s, u"COMPLETED"_s};

// The wire names of the statuses the state reaches, in the order of its enums.
const std::array<QString, 6> reachedWorkflowStatuses {u"NOT_STARTED"_s, u"IN_PROGRESS"_s,
    u"USER_ATTENTION_REQUIRED"_s, u"PAUSED"_s, u"WORKFLOW_FAILED"_s, u"COMPLETED"_s};
const std::array<QString, 7> reachedStepStatuses {u"AWAITING_DEPENDENCIES"_s, u"READY"_s,
    u"IN_PROGRESS"_s, u"USER_ATTENTION_REQUIRED"_s, u"PAUSED"_s, u"FAILED"_s, u"COMPLETED"_s};

QString statusName(mho::WorkflowStatus status)
{
    return reachedWorkflowStatuses[size_t(status)];
}

QString statusName(mho::StepStatus status)
{
    return reachedStepStatuses[size_t(status)];
}

SimResponse validationError(const QString &message)
{
    return SimResponse::error(400, u"ValidationException"_s, message);
}

SimResponse notFound(const QString &message)
{
    return SimResponse::error(404, u"ResourceNotFoundException"_s, message);
}

// InputCheck has no enum constraint, and AWS words that one differently from a pattern; this
// folds such extra problems into InputCheck's "N validation errors detected: ..." text.
QString validationMessage(const InputCheck &check, const QStringList &extra)
{
    if (extra.isEmpty())
        return check.message();
    qsizetype count = extra.size();
    QString text = extra.join(u"; "_s);
    if (!check.ok()) {
        const QString m = check.message();
        count += m.section(u' ', 0, 0).toInt();
        text = m.mid(m.indexOf(u"detected: "_s) + 10) + u"; "_s + text;
    }
    return u"%1 validation error%2 detected: %3"_s.arg(
        QString::number(count), count == 1 ? QString() : u"s"_s, text);
}

void checkId(InputCheck &check, const QString &member, const QString &value, bool present = true)
{
    check.length(member, value, 1, 100, present).pattern(member, value, idPattern, present);
}

struct Paging {
    qint64 pageSize = 100;
    QString token;
};

Paging readPaging(InputCheck &check, const SimRequest &request)
{
    Paging p;
    const bool hasMax = request.hasQuery(u"maxResults"_s);
    const auto max = check.integer(u"maxResults"_s, request.queryValue(u"maxResults"_s), hasMax);
    check.range(u"maxResults"_s, max, 0, 100);
    if (max && *max > 0 && *max <= 100)
        p.pageSize = *max; // 0 asks for the default page size, as AWS reads it
    p.token = request.queryValue(u"nextToken"_s);
    const bool hasToken = !p.token.isEmpty();
    check.length(u"nextToken"_s, p.token, 0, 2048, hasToken)
        .pattern(u"nextToken"_s, p.token, tokenPattern, hasToken);
    return p;
}

// The region the caller signed for: ARNs, buckets and console links name it.
QString regionOf(const SimRequest &request)
{
    const QByteArray authorization = request.header("Authorization");
    const qsizetype at = authorization.indexOf("Credential=");
    const QList<QByteArray> scope = at < 0 ? QList<QByteArray>() : authorization.mid(at).split('/');
    return scope.size() >= 5 && !scope[2].isEmpty() ? QString::fromLatin1(scope[2])
                                                    : u"us-east-1"_s;
}

QString bucket(const QString &region)
{
    return u"migrationhub-orchestrator-%1-%2"_s.arg(mho::accountId(), region);
}

QJsonValue toSeconds(qint64 ms)
{
    return double(ms) / 1000.0; // restJson1 timestamps: epoch seconds, fractions allowed
}

QJsonObject summaryJson(const mho::WorkflowSummary &s, const SimClock &clock)
{
    const auto seconds = [&clock](qint64 ms) {
        return toSeconds(clock.reported(ms));
    };
    QJsonObject o {{u"id"_s, s.id}, {u"name"_s, s.name}, {u"templateId"_s, s.templateId},
        {u"adsApplicationConfigurationName"_s, s.applicationName},
        {u"status"_s, statusName(s.status)}, {u"creationTime"_s, seconds(s.creationMs)},
        {u"statusMessage"_s, s.statusMessage}, {u"completedSteps"_s, s.completedSteps},
        {u"totalSteps"_s, s.totalSteps}};
    if (s.endMs)
        o.insert(u"endTime"_s, seconds(*s.endMs));
    return o;
}

QJsonObject union1(const QString &member, const QJsonValue &value)
{
    return QJsonObject {{member, value}};
}

} // namespace

MigrationHubOrchestratorSim::MigrationHubOrchestratorSim(const SimOptions &options, SimClock &clock)
    : m_clock(clock), m_state(options, clock), m_tokens(options.seed ^ 0x4d484f)
{
}

QString MigrationHubOrchestratorSim::route(const SimRequest &request) const
{
    const QStringList &s = request.segments;
    if (request.method == "POST")
        return s.size() == 2 && s[0] == u"retryworkflowstep" ? u"RetryWorkflowStep"_s : QString();
    if (request.method != "GET")
        return {};
    if (s.size() == 2 && s[0] == u"migrationworkflow")
        return u"GetWorkflow"_s;
    if (s.size() == 1 && s[0] == u"migrationworkflows")
        return u"ListWorkflows"_s;
    if (s.size() == 1 && s[0] == u"workflowstepgroups")
        return u"ListWorkflowStepGroups"_s;
    if (s.size() == 5 && s[0] == u"workflow" && s[2] == u"workflowstepgroups"
        && s[4] == u"workflowsteps")
        return u"ListWorkflowSteps"_s;
    return {};
}

SimResponse MigrationHubOrchestratorSim::handle(const QString &operation, const SimRequest &request)
{
    if (operation == u"RetryWorkflowStep")
        return retryWorkflowStep(request);
    if (operation == u"GetWorkflow")
        return getWorkflow(request);
    if (operation == u"ListWorkflows")
        return listWorkflows(request);
    if (operation == u"ListWorkflowStepGroups")
        return listWorkflowStepGroups(request);
    if (operation == u"ListWorkflowSteps")
        return listWorkflowSteps(request);
    return internalError();
}

QJsonObject MigrationHubOrchestratorSim::inventory() const
{
    return {{u"workflowCount"_s, m_state.workflowCount()}};
}

QJsonObject MigrationHubOrchestratorSim::counters() const
{
    return {{u"mhoRetriesApplied"_s, double(m_state.retriesApplied())}};
}

SimResponse MigrationHubOrchestratorSim::getWorkflow(const SimRequest &request)
{
    const auto seconds = [this](qint64 ms) {
        return toSeconds(m_clock.reported(ms));
    };
    const QString id = request.segments.value(1);
    InputCheck check;
    checkId(check, u"id"_s, id);
    if (!check.ok())
        return validationError(check.message());
    const int workflow = m_state.findWorkflow(id);
    if (workflow < 0)
        return notFound(u"Migration workflow %1 was not found."_s.arg(id));

    const QString region = regionOf(request);
    const mho::WorkflowDetails d = m_state.details(workflow);
    const mho::WorkflowSummary &s = d.summary;
    QString description =
        u"%1 of %2 (%3 servers) with the template '%4'; wave %5 of the "
        "data-centre exit."_s.arg(d.templateVerb, s.applicationName,
            QString::number(d.servers.size()), d.templateName, QString::number(d.wave));
    description[0] = description[0].toUpper();
    QJsonArray tools;
    for (const auto &[name, url] : d.tools)
        tools.append(QJsonObject {
            {u"name"_s, name}, {u"url"_s, url.contains(u"%1") ? url.arg(region) : url}});
    const QString slug = s.applicationName.toLower().replace(u' ', u'-');
    const QJsonObject inputs {{u"Application name"_s, union1(u"stringValue"_s, s.applicationName)},
        {u"Target region"_s, union1(u"stringValue"_s, region)},
        {u"Server count"_s, union1(u"integerValue"_s, int(d.servers.size()))},
        {u"Source servers"_s,
            union1(u"listOfStringsValue"_s, QJsonArray::fromStringList(d.servers))},
        {u"Launch tags"_s,
            union1(u"mapOfStringValue"_s,
                QJsonObject {{u"application"_s, slug}, {u"wave"_s, QString::number(d.wave)}})}};
    const QJsonObject tags {{u"application"_s, slug},
        {u"migration-wave"_s, u"wave-%1"_s.arg(d.wave)}, {u"owner"_s, u"migration-factory"_s}};

    QJsonObject body {{u"id"_s, s.id},
        {u"arn"_s,
            u"arn:aws:migrationhub-orchestrator:%1:%2:workflow/%3"_s.arg(
                region, mho::accountId(), s.id)},
        {u"name"_s, s.name}, {u"description"_s, description}, {u"templateId"_s, s.templateId},
        {u"adsApplicationConfigurationId"_s, d.applicationConfigurationId},
        {u"adsApplicationName"_s, s.applicationName}, {u"status"_s, statusName(s.status)},
        {u"statusMessage"_s, s.statusMessage}, {u"creationTime"_s, seconds(s.creationMs)},
        {u"lastModifiedTime"_s, seconds(d.lastModifiedMs)}, {u"tools"_s, tools},
        {u"totalSteps"_s, s.totalSteps}, {u"completedSteps"_s, s.completedSteps},
        {u"workflowInputs"_s, inputs}, {u"tags"_s, tags}, {u"workflowBucket"_s, bucket(region)}};
    if (d.lastStartMs)
        body.insert(u"lastStartTime"_s, seconds(*d.lastStartMs));
    if (d.lastStopMs)
        body.insert(u"lastStopTime"_s, seconds(*d.lastStopMs));
    if (s.endMs)
        body.insert(u"endTime"_s, seconds(*s.endMs));
    return SimResponse::json(body);
}

SimResponse MigrationHubOrchestratorSim::listWorkflows(const SimRequest &request)
{
    InputCheck check;
    const Paging paging = readPaging(check, request);
    mho::MigrationHubOrchestratorState::Filter filter {request.queryValue(u"templateId"_s),
        request.queryValue(u"adsApplicationConfigurationName"_s), std::nullopt,
        request.queryValue(u"name"_s)};
    const QString status = request.queryValue(u"status"_s);
    for (const QString &member : {u"templateId"_s, u"adsApplicationConfigurationName"_s}) {
        const bool present = request.hasQuery(member);
        const QString value = request.queryValue(member);
        check.length(member, value, 1, 100, present).pattern(member, value, namePattern, present);
    }
    QStringList extra;
    if (request.hasQuery(u"status"_s) && !workflowStatuses.contains(status)) {
        extra.append(u"Value '%1' at 'status' failed to satisfy constraint: Member must satisfy "
                     "enum value set: [%2]"_s.arg(status, workflowStatuses.join(u", "_s)));
    }
    if (!check.ok() || !extra.isEmpty())
        return validationError(validationMessage(check, extra));

    // The token holds the position to go on from, so a filtered walk sees each workflow once.
    const QString scope = u"ListWorkflows\n%1\n%2\n%3\n%4"_s.arg(
        filter.templateId, filter.applicationName, status, filter.name);
    const auto start = paging.token.isEmpty() ? 0 : m_tokens.redeem(scope, paging.token);
    if (!start)
        return validationError(u"Invalid nextToken"_s);
    const auto reached =
        std::find(reachedWorkflowStatuses.begin(), reachedWorkflowStatuses.end(), status);
    if (reached != reachedWorkflowStatuses.end())
        filter.status = mho::WorkflowStatus(reached - reachedWorkflowStatuses.begin());
    // A modelled status that no simulated workflow reaches (DELETED, say) matches nothing.
    const qint64 end = status.isEmpty() || filter.status ? m_state.workflowCount() : 0;
    QJsonArray items;
    QString nextToken;
    for (qint64 i = *start; i < end; ++i) {
        if (!m_state.matches(int(i), filter))
            continue;
        if (items.size() == paging.pageSize) {
            nextToken = m_tokens.issue(scope, i);
            break;
        }
        items.append(summaryJson(m_state.summary(int(i)), m_clock));
    }
    QJsonObject body {{u"migrationWorkflowSummary"_s, items}};
    if (!nextToken.isEmpty())
        body.insert(u"nextToken"_s, nextToken);
    return SimResponse::json(body);
}

SimResponse MigrationHubOrchestratorSim::listWorkflowStepGroups(const SimRequest &request)
{
    const bool present = request.hasQuery(u"workflowId"_s);
    const QString workflowId = request.queryValue(u"workflowId"_s);
    InputCheck check;
    check.required(u"workflowId"_s, present);
    checkId(check, u"workflowId"_s, workflowId, present);
    const Paging paging = readPaging(check, request);
    if (!check.ok())
        return validationError(check.message());
    const int workflow = m_state.findWorkflow(workflowId);
    if (workflow < 0)
        return notFound(u"Migration workflow %1 was not found."_s.arg(workflowId));
    const QString scope = u"ListWorkflowStepGroups\n"_s + workflowId;
    const auto start = paging.token.isEmpty() ? 0 : m_tokens.redeem(scope, paging.token);
    if (!start)
        return validationError(u"Invalid nextToken"_s);

    const QList<mho::GroupView> groups = m_state.groups(workflow);
    const PageTokens::Page page = m_tokens.page(scope, groups.size(), *start, paging.pageSize);
    QJsonArray items;
    for (qint64 i = page.first; i < page.first + page.count; ++i) {
        const mho::GroupView &g = groups[i];
        items.append(QJsonObject {{u"id"_s, g.id}, {u"name"_s, g.name},
            {u"owner"_s, g.custom ? u"CUSTOM"_s : u"AWS_MANAGED"_s},
            {u"status"_s, statusName(g.status)},
            {u"previous"_s, QJsonArray::fromStringList(g.previous)},
            {u"next"_s, QJsonArray::fromStringList(g.next)}});
    }
    QJsonObject body {{u"workflowStepGroupsSummary"_s, items}};
    if (!page.nextToken.isEmpty())
        body.insert(u"nextToken"_s, page.nextToken);
    return SimResponse::json(body);
}

SimResponse MigrationHubOrchestratorSim::listWorkflowSteps(const SimRequest &request)
{
    const QString workflowId = request.segments.value(1);
    const QString groupId = request.segments.value(3);
    InputCheck check;
    checkId(check, u"workflowId"_s, workflowId);
    checkId(check, u"stepGroupId"_s, groupId);
    const Paging paging = readPaging(check, request);
    if (!check.ok())
        return validationError(check.message());
    // The model lists no ResourceNotFoundException here, but an unknown id is still not found.
    const int workflow = m_state.findWorkflow(workflowId);
    if (workflow < 0)
        return notFound(u"Migration workflow %1 was not found."_s.arg(workflowId));
    const int group = m_state.findGroup(workflow, groupId);
    if (group < 0)
        return notFound(u"Step group %1 was not found in workflow %2."_s.arg(groupId, workflowId));
    const QString scope = u"ListWorkflowSteps\n%1\n%2"_s.arg(workflowId, groupId);
    const auto start = paging.token.isEmpty() ? 0 : m_tokens.redeem(scope, paging.token);
    if (!start)
        return validationError(u"Invalid nextToken"_s);

    const QList<mho::StepView> steps = m_state.steps(workflow, group);
    const PageTokens::Page page = m_tokens.page(scope, steps.size(), *start, paging.pageSize);
    const QString scripts = u"s3://%1/%2/scripts/"_s.arg(bucket(regionOf(request)), workflowId);
    QJsonArray items;
    for (qint64 i = page.first; i < page.first + page.count; ++i) {
        const mho::StepView &s = steps[i];
        QJsonObject o {{u"stepId"_s, s.id}, {u"name"_s, s.name},
            {u"stepActionType"_s, s.manual ? u"MANUAL"_s : u"AUTOMATED"_s},
            {u"owner"_s, s.custom ? u"CUSTOM"_s : u"AWS_MANAGED"_s},
            {u"previous"_s, QJsonArray::fromStringList(s.previous)},
            {u"next"_s, QJsonArray::fromStringList(s.next)}, {u"status"_s, statusName(s.status)},
            {u"noOfSrvCompleted"_s, s.serversCompleted}, {u"noOfSrvFailed"_s, s.serversFailed},
            {u"totalNoOfSrv"_s, s.serversTotal}, {u"description"_s, s.description}};
        if (!s.statusMessage.isEmpty())
            o.insert(u"statusMessage"_s, s.statusMessage);
        if (!s.script.isEmpty())
            o.insert(u"scriptLocation"_s, scripts + s.script);
        items.append(o);
    }
    QJsonObject body {{u"workflowStepsSummary"_s, items}};
    if (!page.nextToken.isEmpty())
        body.insert(u"nextToken"_s, page.nextToken);
    return SimResponse::json(body);
}

SimResponse MigrationHubOrchestratorSim::retryWorkflowStep(const SimRequest &request)
{
    const QString stepId = request.segments.value(1);
    const bool hasWorkflow = request.hasQuery(u"workflowId"_s);
    const bool hasGroup = request.hasQuery(u"stepGroupId"_s);
    const QString workflowId = request.queryValue(u"workflowId"_s);
    const QString groupId = request.queryValue(u"stepGroupId"_s);
    InputCheck check;
    check.required(u"workflowId"_s, hasWorkflow).required(u"stepGroupId"_s, hasGroup);
    checkId(check, u"workflowId"_s, workflowId, hasWorkflow);
    checkId(check, u"stepGroupId"_s, groupId, hasGroup);
    checkId(check, u"id"_s, stepId);
    if (!check.ok())
        return validationError(check.message());
    const int workflow = m_state.findWorkflow(workflowId);
    if (workflow < 0)
        return notFound(u"Migration workflow %1 was not found."_s.arg(workflowId));
    const int group = m_state.findGroup(workflow, groupId);
    if (group < 0)
        return notFound(u"Step group %1 was not found in workflow %2."_s.arg(groupId, workflowId));
    const int step = m_state.findStep(workflow, group, stepId);
    if (step < 0)
        return notFound(u"Step %1 was not found in step group %2."_s.arg(stepId, groupId));

    // The model lists no ValidationException for this operation; AWS answers one all the same.
    const mho::RetryResult result = m_state.retry(workflow, group, step);
    if (result.outcome == mho::RetryOutcome::NotFailed) {
        return validationError(u"Step '%1' is %2; only a FAILED step can be retried."_s.arg(
            result.stepName, statusName(result.status)));
    }
    return SimResponse::json({{u"stepGroupId"_s, groupId}, {u"workflowId"_s, workflowId},
        {u"id"_s, stepId}, {u"status"_s, statusName(result.status)}});
}

} // namespace sw::sim
