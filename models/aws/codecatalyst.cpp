#include "codecatalyst.h"

using namespace Qt::StringLiterals;

namespace sw::aws::codecatalyst {

namespace {

const QString namePattern = u"[a-zA-Z0-9]+(?:[-_\\.][a-zA-Z0-9]+)*"_s;
const QString uuidPattern =
    u"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"_s;

// The model gives the same member different bounds in different inputs (spaceName is 1.. in
// StartWorkflowRun but 3..63 in GetWorkflowRun): each operation states its own.
MemberSpec nameLabel(const QString &name, qint64 min, std::optional<qint64> max = std::nullopt)
{
    return stringMember(name, Location::Uri, name, true, min, max, namePattern);
}

MemberSpec uuid(const QString &name, Location location, bool required)
{
    return stringMember(name, location, name, required, std::nullopt, std::nullopt, uuidPattern);
}

MemberSpec nextToken()
{
    return stringMember(u"nextToken"_s, Location::Query, u"nextToken"_s, false, 1, 2048);
}

MemberSpec sortBy()
{
    MemberSpec m;
    m.name = m.wireName = u"sortBy"_s;
    m.location = Location::Body;
    m.type = MemberType::StructureList;
    m.minLength = 0;
    m.maxLength = 1;
    return m;
}

PaginatorSpec paginator()
{
    return {u"nextToken"_s, u"nextToken"_s, u"maxResults"_s, {u"items"_s}, true};
}

const QStringList errors = {u"ThrottlingException"_s, u"ConflictException"_s,
    u"ValidationException"_s, u"ServiceQuotaExceededException"_s, u"ResourceNotFoundException"_s,
    u"AccessDeniedException"_s};

int countStatusReasons(const JsonReader &r)
{
    int n = 0;
    r.forEach(u"statusReasons", [&n](const JsonReader &) { ++n; });
    return n;
}

} // namespace

const ServiceSpec &serviceSpec()
{
    static const ServiceSpec spec {u"codecatalyst"_s, u"codecatalyst"_s, u"CodeCatalyst"_s,
        u"codecatalyst"_s, u"CODECATALYST"_s, u"codecatalyst"_s, u"2022-09-28"_s,
        AuthScheme::Bearer};
    return spec;
}

// StartWorkflowRun -------------------------------------------------------------------------

const OperationSpec &StartWorkflowRun::spec()
{
    static const OperationSpec spec = [] {
        MemberSpec token = stringMember(
            u"clientToken"_s, Location::Body, u"clientToken"_s, false, 1, 64, namePattern);
        token.idempotencyToken = true;
        // PUT, as the model says: POST on this path is ListWorkflowRuns and would quietly
        // list runs instead of starting one.
        return OperationSpec {&serviceSpec(), u"StartWorkflowRun"_s, "PUT",
            u"/v1/spaces/{spaceName}/projects/{projectName}/workflowRuns"_s,
            {nameLabel(u"spaceName"_s, 1), nameLabel(u"projectName"_s, 1),
                uuid(u"workflowId"_s, Location::Query, true), token},
            std::nullopt, errors, true};
    }();
    return spec;
}

QJsonObject StartWorkflowRun::Request::toParams() const
{
    QJsonObject p {{u"spaceName"_s, spaceName}, {u"projectName"_s, projectName},
        {u"workflowId"_s, workflowId}};
    setOptionalParam(p, u"clientToken"_s, clientToken);
    return p;
}

void StartWorkflowRun::Response::read(const JsonReader &r)
{
    r.require({u"spaceName", u"projectName", u"id", u"workflowId"});
    spaceName = r.string(u"spaceName");
    projectName = r.string(u"projectName");
    id = r.string(u"id");
    workflowId = r.string(u"workflowId");
}

// GetWorkflowRun ---------------------------------------------------------------------------

const OperationSpec &GetWorkflowRun::spec()
{
    static const OperationSpec spec {&serviceSpec(), u"GetWorkflowRun"_s, "GET",
        u"/v1/spaces/{spaceName}/projects/{projectName}/workflowRuns/{id}"_s,
        {nameLabel(u"spaceName"_s, 3, 63), uuid(u"id"_s, Location::Uri, true),
            nameLabel(u"projectName"_s, 1)},
        std::nullopt, errors, false};
    return spec;
}

QJsonObject GetWorkflowRun::Request::toParams() const
{
    return {{u"spaceName"_s, spaceName}, {u"projectName"_s, projectName}, {u"id"_s, id}};
}

void GetWorkflowRun::Response::read(const JsonReader &r)
{
    r.require({u"spaceName", u"projectName", u"id", u"workflowId", u"status", u"startTime",
        u"lastUpdatedTime"});
    spaceName = r.string(u"spaceName");
    projectName = r.string(u"projectName");
    id = r.string(u"id");
    workflowId = r.string(u"workflowId");
    status = r.string(u"status");
    statusReasonCount = countStatusReasons(r);
    startTime = r.isoTimestamp(u"startTime");
    endTime = r.isoTimestamp(u"endTime");
    lastUpdatedTime = r.isoTimestamp(u"lastUpdatedTime");
}

// ListWorkflowRuns -------------------------------------------------------------------------

const OperationSpec &ListWorkflowRuns::spec()
{
    static const OperationSpec spec {&serviceSpec(), u"ListWorkflowRuns"_s, "POST",
        u"/v1/spaces/{spaceName}/projects/{projectName}/workflowRuns"_s,
        {nameLabel(u"spaceName"_s, 3, 63), uuid(u"workflowId"_s, Location::Query, false),
            nameLabel(u"projectName"_s, 1), nextToken(),
            integerMember(u"maxResults"_s, Location::Query, u"maxResults"_s, 1, 50), sortBy()},
        paginator(), errors, false};
    return spec;
}

QJsonObject ListWorkflowRuns::Request::toParams() const
{
    QJsonObject p {{u"spaceName"_s, spaceName}, {u"projectName"_s, projectName}};
    setOptionalParam(p, u"workflowId"_s, workflowId);
    setOptionalParam(p, u"nextToken"_s, nextToken);
    setOptionalParam(p, u"maxResults"_s, maxResults);
    return p;
}

void ListWorkflowRuns::Response::read(const JsonReader &r)
{
    nextToken = r.string(u"nextToken");
    r.forEach(u"items", [this](const JsonReader &i) {
        i.require(
            {u"id", u"workflowId", u"workflowName", u"status", u"startTime", u"lastUpdatedTime"});
        items.append({i.string(u"id"), i.string(u"workflowId"), i.string(u"workflowName"),
            i.string(u"status"), countStatusReasons(i), i.isoTimestamp(u"startTime"),
            i.isoTimestamp(u"endTime"), i.isoTimestamp(u"lastUpdatedTime")});
    });
}

// ListWorkflows ----------------------------------------------------------------------------

const OperationSpec &ListWorkflows::spec()
{
    static const OperationSpec spec {&serviceSpec(), u"ListWorkflows"_s, "POST",
        u"/v1/spaces/{spaceName}/projects/{projectName}/workflows"_s,
        {nameLabel(u"spaceName"_s, 1), nameLabel(u"projectName"_s, 3, 63), nextToken(),
            integerMember(u"maxResults"_s, Location::Query, u"maxResults"_s, 1, 100), sortBy()},
        paginator(), errors, false};
    return spec;
}

QJsonObject ListWorkflows::Request::toParams() const
{
    QJsonObject p {{u"spaceName"_s, spaceName}, {u"projectName"_s, projectName}};
    setOptionalParam(p, u"nextToken"_s, nextToken);
    setOptionalParam(p, u"maxResults"_s, maxResults);
    return p;
}

void ListWorkflows::Response::read(const JsonReader &r)
{
    nextToken = r.string(u"nextToken");
    r.forEach(u"items", [this](const JsonReader &i) {
        i.require({u"id", u"name", u"sourceRepositoryName", u"sourceBranchName", u"definition",
            u"createdTime", u"lastUpdatedTime", u"runMode", u"status"});
        i.object(u"definition").require({u"path"});
        items.append({i.string(u"id"), i.string(u"name"), i.string(u"sourceRepositoryName"),
            i.string(u"sourceBranchName"), i.object(u"definition").string(u"path"),
            i.isoTimestamp(u"createdTime"), i.isoTimestamp(u"lastUpdatedTime"),
            i.string(u"runMode"), i.string(u"status")});
    });
}

QList<const OperationSpec *> operations()
{
    return {&StartWorkflowRun::spec(), &GetWorkflowRun::spec(), &ListWorkflowRuns::spec(),
        &ListWorkflows::spec()};
}

} // namespace sw::aws::codecatalyst
