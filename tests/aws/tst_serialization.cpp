// Request validation and serialization for every operation Stepwatch calls: the exact wire
// form of each (method, path, query, body, Content-Type), every kind of constraint the
// models document, idempotency tokens and the typed requests' toParams().

#include "aws/codecatalyst.h"
#include "aws/customerprofiles.h"
#include "aws/imagebuilder.h"
#include "aws/migrationhuborchestrator.h"
#include "aws/requestserializer.h"
#include "aws/serviceregistry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using sw::aws::HttpRequest;
using sw::aws::MemberSpec;
using sw::aws::OperationSpec;
using sw::aws::ValidationIssue;
namespace mho = sw::aws::mho;
namespace profiles = sw::aws::profiles;
namespace imagebuilder = sw::aws::imagebuilder;
namespace codecatalyst = sw::aws::codecatalyst;

namespace {

const QString mhoWorkflow = u"mw-123"_s;
const QString mhoStepGroup = u"sg-1"_s;
const QString profilesDomain = u"my_domain-1"_s;
const QString profilesWorkflow = u"0123456789abcdef0123456789abcdef"_s;
const QString wfExecution = u"wf-12345678-abcd-4ef0-9abc-123456789abc"_s;
const QString imageArn = u"arn:aws:imagebuilder:us-east-1:123456789012:image/my-image/1.0.0/1"_s;
const QString runUuid = u"11111111-2222-3333-4444-555555555555"_s;

const OperationSpec *findOp(const QString &service, const QString &name)
{
    const sw::aws::ServiceSpec *s = sw::aws::findServiceByCliName(service);
    if (!s)
        return nullptr;
    const QList<const OperationSpec *> ops = sw::aws::operationsOf(*s);
    for (const OperationSpec *op : ops) {
        if (op->name == name)
            return op;
    }
    return nullptr;
}

/// Params that satisfy every constraint of the operation with only its required members.
QJsonObject baseParams(const QString &service, const QString &op)
{
    const QString key = service + u'/' + op;
    if (key == u"migrationhuborchestrator/RetryWorkflowStep")
        return {{u"id"_s, u"step-9"_s}, {u"workflowId"_s, mhoWorkflow},
            {u"stepGroupId"_s, mhoStepGroup}};
    if (key == u"migrationhuborchestrator/GetWorkflow")
        return {{u"id"_s, mhoWorkflow}};
    if (key == u"migrationhuborchestrator/ListWorkflows")
        return {};
    if (key == u"migrationhuborchestrator/ListWorkflowStepGroups")
        return {{u"workflowId"_s, mhoWorkflow}};
    if (key == u"migrationhuborchestrator/ListWorkflowSteps")
        return {{u"workflowId"_s, mhoWorkflow}, {u"stepGroupId"_s, mhoStepGroup}};
    if (key == u"customer-profiles/GetWorkflow" || key == u"customer-profiles/GetWorkflowSteps")
        return {{u"DomainName"_s, profilesDomain}, {u"WorkflowId"_s, profilesWorkflow}};
    if (key == u"customer-profiles/ListWorkflows")
        return {{u"DomainName"_s, profilesDomain}};
    if (key == u"imagebuilder/ListWorkflowStepExecutions")
        return {{u"workflowExecutionId"_s, wfExecution}};
    if (key == u"imagebuilder/ListWorkflowExecutions")
        return {{u"imageBuildVersionArn"_s, imageArn}};
    if (key == u"codecatalyst/StartWorkflowRun")
        return {{u"spaceName"_s, u"S"_s}, {u"projectName"_s, u"P"_s}, {u"workflowId"_s, runUuid}};
    if (key == u"codecatalyst/GetWorkflowRun")
        return {{u"spaceName"_s, u"my-space"_s}, {u"projectName"_s, u"P"_s}, {u"id"_s, runUuid}};
    if (key == u"codecatalyst/ListWorkflowRuns")
        return {{u"spaceName"_s, u"my-space"_s}, {u"projectName"_s, u"P"_s}};
    if (key == u"codecatalyst/ListWorkflows")
        return {{u"spaceName"_s, u"S"_s}, {u"projectName"_s, u"proj"_s}};
    return {{u"__no_base_params_for__"_s, key}};
}

QStringList queryPairs(const HttpRequest &request)
{
    QStringList out;
    for (const auto &[key, value] : request.query)
        out.append(key + u'=' + value);
    return out;
}

QString describe(const QList<ValidationIssue> &issues)
{
    return issues.isEmpty() ? u"no issues"_s : sw::aws::describeValidationIssues(issues);
}

QJsonObject merged(QJsonObject base, const QJsonObject &patch, const QStringList &remove = {})
{
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it)
        base.insert(it.key(), it.value());
    for (const QString &key : remove)
        base.remove(key);
    return base;
}

QJsonArray emptyStructures(int n)
{
    QJsonArray out;
    for (int i = 0; i < n; ++i)
        out.append(QJsonObject());
    return out;
}

void addWireColumns()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QByteArray>("basePath");
    QTest::addColumn<bool>("validate");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QStringList>("query");
    QTest::addColumn<QByteArray>("body"); ///< a null QByteArray: no body at all
}

// Serialize rows that go through validation first, as the client does.
void row(const char *name, const QString &service, const QString &op, const QJsonObject &params,
    const QByteArray &method, const QByteArray &path, const QStringList &query,
    const QByteArray &body = {})
{
    QTest::newRow(name) << service << op << params << QByteArray() << true << method << path
                        << query << body;
}

} // namespace

class TestSerialization : public QObject {
    Q_OBJECT

private slots:
    void serialize_data();
    void serialize();
    void encodedQuery();
    void timestampWithoutZoneIsUtc();

    void idempotencyToken_data();
    void idempotencyToken();
    void noIdempotencyToken();

    void baseParamsAreValid();
    void missingRequired_data();
    void missingRequired();
    void rejected_data();
    void rejected();
    void accepted_data();
    void accepted();
    void issuesInMemberOrder();
};

void TestSerialization::serialize_data()
{
    addWireColumns();
    const QString m = u"migrationhuborchestrator"_s;
    const QString p = u"customer-profiles"_s;
    const QString i = u"imagebuilder"_s;
    const QString c = u"codecatalyst"_s;

    row("mho RetryWorkflowStep", m, u"RetryWorkflowStep"_s, baseParams(m, u"RetryWorkflowStep"_s),
        "POST", "/retryworkflowstep/step-9", {u"workflowId=mw-123"_s, u"stepGroupId=sg-1"_s});
    row("mho GetWorkflow", m, u"GetWorkflow"_s, baseParams(m, u"GetWorkflow"_s), "GET",
        "/migrationworkflow/mw-123", {});
    row("mho ListWorkflows empty", m, u"ListWorkflows"_s, {}, "GET", "/migrationworkflows", {});
    row("mho ListWorkflows all", m, u"ListWorkflows"_s,
        {{u"name"_s, u"my app"_s}, {u"status"_s, u"IN_PROGRESS"_s},
            {u"adsApplicationConfigurationName"_s, u"app.1"_s}, {u"templateId"_s, u"tpl-1"_s},
            {u"nextToken"_s, u"tok"_s}, {u"maxResults"_s, 100}},
        "GET", "/migrationworkflows",
        {u"maxResults=100"_s, u"nextToken=tok"_s, u"templateId=tpl-1"_s,
            u"adsApplicationConfigurationName=app.1"_s, u"status=IN_PROGRESS"_s, u"name=my app"_s});
    row("mho ListWorkflowStepGroups", m, u"ListWorkflowStepGroups"_s,
        {{u"workflowId"_s, mhoWorkflow}, {u"maxResults"_s, 0}, {u"nextToken"_s, u"t2"_s}}, "GET",
        "/workflowstepgroups", {u"nextToken=t2"_s, u"maxResults=0"_s, u"workflowId=mw-123"_s});
    row("mho ListWorkflowSteps", m, u"ListWorkflowSteps"_s,
        merged(baseParams(m, u"ListWorkflowSteps"_s), {{u"maxResults"_s, 25}}), "GET",
        "/workflow/mw-123/workflowstepgroups/sg-1/workflowsteps", {u"maxResults=25"_s});

    row("profiles GetWorkflow", p, u"GetWorkflow"_s, baseParams(p, u"GetWorkflow"_s), "GET",
        "/domains/my_domain-1/workflows/0123456789abcdef0123456789abcdef", {});
    row("profiles GetWorkflowSteps", p, u"GetWorkflowSteps"_s,
        merged(baseParams(p, u"GetWorkflowSteps"_s),
            {{u"MaxResults"_s, 25}, {u"NextToken"_s, u"abc/def="_s}}),
        "GET", "/domains/my_domain-1/workflows/0123456789abcdef0123456789abcdef/steps",
        {u"next-token=abc/def="_s, u"max-results=25"_s});
    row("profiles ListWorkflows no body members", p, u"ListWorkflows"_s,
        baseParams(p, u"ListWorkflows"_s), "POST", "/domains/my_domain-1/workflows", {}, "{}");
    row("profiles ListWorkflows all", p, u"ListWorkflows"_s,
        merged(baseParams(p, u"ListWorkflows"_s),
            {{u"WorkflowType"_s, u"APPFLOW_INTEGRATION"_s}, {u"Status"_s, u"FAILED"_s},
                {u"QueryStartDate"_s, u"2023-11-14T22:13:20Z"_s}, {u"QueryEndDate"_s, 1700003600.5},
                {u"NextToken"_s, u"n1"_s}, {u"MaxResults"_s, 100}}),
        "POST", "/domains/my_domain-1/workflows", {u"next-token=n1"_s, u"max-results=100"_s},
        R"({"QueryEndDate":1700003600.5,"QueryStartDate":1700000000,"Status":"FAILED",)"
        R"("WorkflowType":"APPFLOW_INTEGRATION"})");
    row("profiles ListWorkflows ISO with fraction and offset", p, u"ListWorkflows"_s,
        merged(baseParams(p, u"ListWorkflows"_s),
            {{u"QueryStartDate"_s, u"2023-11-15T00:13:20.500+02:00"_s}}),
        "POST", "/domains/my_domain-1/workflows", {}, R"({"QueryStartDate":1700000000.5})");

    row("imagebuilder ListWorkflowStepExecutions", i, u"ListWorkflowStepExecutions"_s,
        merged(baseParams(i, u"ListWorkflowStepExecutions"_s),
            {{u"maxResults"_s, 25}, {u"nextToken"_s, u"t"_s}}),
        "POST", "/ListWorkflowStepExecutions", {},
        R"({"maxResults":25,"nextToken":"t","workflowExecutionId":"wf-12345678-abcd-4ef0-9abc-123456789abc"})");
    row("imagebuilder ListWorkflowExecutions", i, u"ListWorkflowExecutions"_s,
        baseParams(i, u"ListWorkflowExecutions"_s), "POST", "/ListWorkflowExecutions", {},
        R"({"imageBuildVersionArn":"arn:aws:imagebuilder:us-east-1:123456789012:image/my-image/1.0.0/1"})");

    row("codecatalyst StartWorkflowRun", c, u"StartWorkflowRun"_s,
        merged(baseParams(c, u"StartWorkflowRun"_s), {{u"clientToken"_s, u"tok-1"_s}}), "PUT",
        "/v1/spaces/S/projects/P/workflowRuns",
        {u"workflowId=11111111-2222-3333-4444-555555555555"_s}, R"({"clientToken":"tok-1"})");
    row("codecatalyst GetWorkflowRun", c, u"GetWorkflowRun"_s, baseParams(c, u"GetWorkflowRun"_s),
        "GET", "/v1/spaces/my-space/projects/P/workflowRuns/11111111-2222-3333-4444-555555555555",
        {});
    row("codecatalyst ListWorkflowRuns minimal", c, u"ListWorkflowRuns"_s,
        baseParams(c, u"ListWorkflowRuns"_s), "POST", "/v1/spaces/my-space/projects/P/workflowRuns",
        {}, "{}");
    row("codecatalyst ListWorkflowRuns all", c, u"ListWorkflowRuns"_s,
        merged(baseParams(c, u"ListWorkflowRuns"_s),
            {{u"maxResults"_s, 50}, {u"nextToken"_s, u"nt"_s}, {u"workflowId"_s, runUuid},
                {u"sortBy"_s, emptyStructures(1)}}),
        "POST", "/v1/spaces/my-space/projects/P/workflowRuns",
        {u"workflowId=11111111-2222-3333-4444-555555555555"_s, u"nextToken=nt"_s,
            u"maxResults=50"_s},
        R"({"sortBy":[{}]})");
    row("codecatalyst ListWorkflows", c, u"ListWorkflows"_s,
        merged(baseParams(c, u"ListWorkflows"_s), {{u"maxResults"_s, 100}}), "POST",
        "/v1/spaces/S/projects/proj/workflows", {u"maxResults=100"_s}, "{}");

    // The typed requests' toParams(), through the same path.
    row("typed mho RetryWorkflowStep", m, u"RetryWorkflowStep"_s,
        mho::RetryWorkflowStep::Request {u"step-9"_s, mhoStepGroup, mhoWorkflow}.toParams(), "POST",
        "/retryworkflowstep/step-9", {u"workflowId=mw-123"_s, u"stepGroupId=sg-1"_s});
    mho::ListWorkflows::Request mhoList;
    mhoList.maxResults = 0;
    mhoList.status = u"PAUSED"_s;
    row("typed mho ListWorkflows maxResults 0", m, u"ListWorkflows"_s, mhoList.toParams(), "GET",
        "/migrationworkflows", {u"maxResults=0"_s, u"status=PAUSED"_s});
    row("typed mho ListWorkflowSteps", m, u"ListWorkflowSteps"_s,
        mho::ListWorkflowSteps::Request {mhoWorkflow, mhoStepGroup, 10, u"n"_s}.toParams(), "GET",
        "/workflow/mw-123/workflowstepgroups/sg-1/workflowsteps",
        {u"nextToken=n"_s, u"maxResults=10"_s});
    profiles::ListWorkflows::Request profilesList;
    profilesList.domainName = profilesDomain;
    profilesList.queryStartDate = QDateTime(QDate(2023, 11, 14), QTime(22, 13, 20, 500), Qt::UTC);
    profilesList.maxResults = 5;
    row("typed profiles ListWorkflows", p, u"ListWorkflows"_s, profilesList.toParams(), "POST",
        "/domains/my_domain-1/workflows", {u"max-results=5"_s},
        R"({"QueryStartDate":1700000000.5})");
    row("typed imagebuilder ListWorkflowStepExecutions", i, u"ListWorkflowStepExecutions"_s,
        imagebuilder::ListWorkflowStepExecutions::Request {wfExecution, 25, {}}.toParams(), "POST",
        "/ListWorkflowStepExecutions", {},
        R"({"maxResults":25,"workflowExecutionId":"wf-12345678-abcd-4ef0-9abc-123456789abc"})");
    row("typed codecatalyst StartWorkflowRun", c, u"StartWorkflowRun"_s,
        codecatalyst::StartWorkflowRun::Request {u"S"_s, u"P"_s, runUuid, u"tok"_s}.toParams(),
        "PUT", "/v1/spaces/S/projects/P/workflowRuns", {u"workflowId="_s + runUuid},
        R"({"clientToken":"tok"})");
    row("typed codecatalyst ListWorkflowRuns", c, u"ListWorkflowRuns"_s,
        codecatalyst::ListWorkflowRuns::Request {u"my-space"_s, u"P"_s, {}, {}, 50}.toParams(),
        "POST", "/v1/spaces/my-space/projects/P/workflowRuns", {u"maxResults=50"_s}, "{}");

    // Straight to serializeRequest, unvalidated: labels are still percent-encoded.
    QTest::newRow("label needing encoding")
        << m << u"GetWorkflow"_s << QJsonObject {{u"id"_s, u"a b/c?\u00fc"_s}} << QByteArray()
        << false << QByteArray("GET") << QByteArray("/migrationworkflow/a%20b%2Fc%3F%C3%BC")
        << QStringList() << QByteArray();
    QTest::newRow("base path with slash")
        << m << u"RetryWorkflowStep"_s << baseParams(m, u"RetryWorkflowStep"_s)
        << QByteArray("/prefix/") << true << QByteArray("POST")
        << QByteArray("/prefix/retryworkflowstep/step-9")
        << QStringList {u"workflowId=mw-123"_s, u"stepGroupId=sg-1"_s} << QByteArray();
    QTest::newRow("base path without slash")
        << c << u"ListWorkflows"_s << baseParams(c, u"ListWorkflows"_s) << QByteArray("/prefix")
        << true << QByteArray("POST") << QByteArray("/prefix/v1/spaces/S/projects/proj/workflows")
        << QStringList() << QByteArray("{}");
}

void TestSerialization::serialize()
{
    QFETCH(QString, service);
    QFETCH(QString, operation);
    QFETCH(QJsonObject, params);
    QFETCH(QByteArray, basePath);
    QFETCH(bool, validate);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QStringList, query);
    QFETCH(QByteArray, body);

    const OperationSpec *op = findOp(service, operation);
    QVERIFY(op);
    if (validate) {
        const QList<ValidationIssue> issues = sw::aws::validateParams(*op, params);
        QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));
    }
    const HttpRequest request = sw::aws::serializeRequest(*op, params, basePath);
    QCOMPARE(request.method, method);
    QCOMPARE(request.path, path);
    QCOMPARE(queryPairs(request), query);
    if (body.isNull()) {
        QVERIFY2(request.body.isEmpty(), request.body.constData());
        QVERIFY(!request.hasHeader("Content-Type"));
    } else {
        QCOMPARE(request.body, body);
        QCOMPARE(request.headerValue("content-type"), QByteArray("application/json"));
    }
}

void TestSerialization::encodedQuery()
{
    const profiles::GetWorkflowSteps::Request typed {
        profilesDomain, profilesWorkflow, u"a b/c=+"_s, 3};
    HttpRequest request =
        sw::aws::serializeRequest(profiles::GetWorkflowSteps::spec(), typed.toParams());
    request.host = "profile.us-east-1.amazonaws.com";
    QCOMPARE(request.url(),
        QByteArray(
            "https://profile.us-east-1.amazonaws.com/domains/my_domain-1/workflows/"
            "0123456789abcdef0123456789abcdef/steps?next-token=a%20b%2Fc%3D%2B&max-results=3"));
}

void TestSerialization::timestampWithoutZoneIsUtc()
{
    // AWS (and botocore's parse_to_aware_datetime) read a time without zone as UTC; the
    // machine's time zone must not shift it. Run under a zone far from UTC to tell.
    const QByteArray oldTz = qgetenv("TZ");
    const bool hadTz = qEnvironmentVariableIsSet("TZ");
    qputenv("TZ", "Asia/Tokyo");
    const auto restore = qScopeGuard([&] {
        if (hadTz)
            qputenv("TZ", oldTz);
        else
            qunsetenv("TZ");
    });
    if (QDateTime(QDate(2023, 11, 14), QTime(12, 0)).offsetFromUtc() != 9 * 3600)
        QSKIP("cannot switch the local time zone here");

    const OperationSpec &op = profiles::ListWorkflows::spec();
    const QJsonObject params = merged(baseParams(u"customer-profiles"_s, u"ListWorkflows"_s),
        {{u"QueryStartDate"_s, u"2023-11-14T22:13:20"_s}});
    QVERIFY2(sw::aws::validateParams(op, params).isEmpty(), "an ISO time without zone is valid");
    const HttpRequest request = sw::aws::serializeRequest(op, params);
    QCOMPARE(request.body, QByteArray(R"({"QueryStartDate":1700000000})"));
}

void TestSerialization::idempotencyToken_data()
{
    QTest::addColumn<QJsonObject>("params");
    QTest::addColumn<QString>("kept"); ///< empty: a fresh UUID is expected
    const QJsonObject base = baseParams(u"codecatalyst"_s, u"StartWorkflowRun"_s);
    QTest::newRow("missing") << base << QString();
    QTest::newRow("empty") << merged(base, {{u"clientToken"_s, u""_s}}) << QString();
    QTest::newRow("null") << merged(base, {{u"clientToken"_s, QJsonValue::Null}}) << QString();
    QTest::newRow("given") << merged(base, {{u"clientToken"_s, u"my.token-1"_s}})
                           << u"my.token-1"_s;
}

void TestSerialization::idempotencyToken()
{
    QFETCH(QJsonObject, params);
    QFETCH(QString, kept);
    const OperationSpec &op = codecatalyst::StartWorkflowRun::spec();
    const MemberSpec *tokenMember = op.idempotencyTokenMember();
    QVERIFY(tokenMember);
    QCOMPARE(tokenMember->name, u"clientToken"_s);

    const QJsonObject filled = sw::aws::withIdempotencyToken(op, params);
    const QString token = filled.value(u"clientToken").toString();
    if (kept.isEmpty()) {
        QCOMPARE(token.size(), qsizetype(36));
        QVERIFY2(!QUuid::fromString(token).isNull(), qPrintable(token));
        const QRegularExpression pattern(QRegularExpression::anchoredPattern(tokenMember->pattern));
        QVERIFY2(pattern.match(token).hasMatch(), qPrintable(token));
        // A second logical request gets a different token.
        QVERIFY(
            sw::aws::withIdempotencyToken(op, params).value(u"clientToken").toString() != token);
    } else {
        QCOMPARE(token, kept);
    }
    QVERIFY2(sw::aws::validateParams(op, filled).isEmpty(),
        qPrintable(describe(sw::aws::validateParams(op, filled))));
    // Every other member is left alone.
    QCOMPARE(merged(filled, {}, {u"clientToken"_s}), merged(params, {}, {u"clientToken"_s}));
    const HttpRequest request = sw::aws::serializeRequest(op, filled);
    QCOMPARE(request.body, QByteArray(R"({"clientToken":")" + token.toUtf8() + "\"}"));
}

void TestSerialization::noIdempotencyToken()
{
    int checked = 0;
    const QList<const sw::aws::ServiceSpec *> services = sw::aws::allServices();
    for (const sw::aws::ServiceSpec *s : services) {
        const QList<const OperationSpec *> ops = sw::aws::operationsOf(*s);
        for (const OperationSpec *op : ops) {
            if (op->idempotencyTokenMember())
                continue;
            const QJsonObject params = baseParams(s->cliName, op->name);
            QCOMPARE(sw::aws::withIdempotencyToken(*op, params), params);
            ++checked;
        }
    }
    QCOMPARE(checked, 13);
}

void TestSerialization::baseParamsAreValid()
{
    int checked = 0;
    const QList<const sw::aws::ServiceSpec *> services = sw::aws::allServices();
    for (const sw::aws::ServiceSpec *s : services) {
        const QList<const OperationSpec *> ops = sw::aws::operationsOf(*s);
        for (const OperationSpec *op : ops) {
            const QList<ValidationIssue> issues =
                sw::aws::validateParams(*op, baseParams(s->cliName, op->name));
            QVERIFY2(issues.isEmpty(), qPrintable(op->name + u": "_s + describe(issues)));
            ++checked;
        }
    }
    QCOMPARE(checked, 14);
}

void TestSerialization::missingRequired_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("member");
    QTest::addColumn<bool>("asNull");
    int rows = 0;
    const QList<const sw::aws::ServiceSpec *> services = sw::aws::allServices();
    for (const sw::aws::ServiceSpec *s : services) {
        const QList<const OperationSpec *> ops = sw::aws::operationsOf(*s);
        for (const OperationSpec *op : ops) {
            for (const MemberSpec &m : op->members) {
                if (!m.required)
                    continue;
                for (const bool asNull : {false, true}) {
                    QTest::addRow("%s/%s.%s%s", qPrintable(s->cliName), qPrintable(op->name),
                        qPrintable(m.name), asNull ? " null" : "")
                        << s->cliName << op->name << m.name << asNull;
                    ++rows;
                }
            }
        }
    }
    // 3 + 1 + 0 + 1 + 2 (MHO), 2 + 2 + 1 (Customer Profiles), 1 + 1, 3 + 3 + 2 + 2, twice.
    QCOMPARE(rows, 2 * 24);
}

void TestSerialization::missingRequired()
{
    QFETCH(QString, service);
    QFETCH(QString, operation);
    QFETCH(QString, member);
    QFETCH(bool, asNull);
    const OperationSpec *op = findOp(service, operation);
    QVERIFY(op);
    const QJsonObject base = baseParams(service, operation);
    QVERIFY2(base.contains(member), "base params lack a required member");
    const QJsonObject params =
        asNull ? merged(base, {{member, QJsonValue::Null}}) : merged(base, {}, {member});
    const QList<ValidationIssue> issues = sw::aws::validateParams(*op, params);
    QCOMPARE(issues.size(), qsizetype(1));
    QCOMPARE(issues.first().member, member);
    QCOMPARE(issues.first().message, u"Missing required parameter in input: \"%1\""_s.arg(member));
}

namespace {

QString cliService(QStringView alias)
{
    if (alias == u"mho")
        return u"migrationhuborchestrator"_s;
    if (alias == u"profiles")
        return u"customer-profiles"_s;
    if (alias == u"ib")
        return u"imagebuilder"_s;
    return u"codecatalyst"_s;
}

// "mho/ListWorkflows", "maxResults", 101: base params of that operation with one member set.
void constraintRow(const char *name, const char *op, const char *member, const QJsonValue &value,
    const char *rule = "")
{
    const QStringList parts = QString::fromLatin1(op).split(u'/');
    QTest::newRow(name) << cliService(parts.at(0)) << parts.at(1) << QString::fromLatin1(member)
                        << value << QString::fromLatin1(rule);
}

void addConstraintColumns()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("member");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("rule"); ///< what the message must say; empty when accepted
}

const char *const idRule = "must match pattern: [a-zA-Z0-9-]+";
const char *const ccNameRule = "must match pattern: [a-zA-Z0-9]+(?:[-_\\.][a-zA-Z0-9]+)*";
const char *const uuidRule = "must match pattern: [0-9a-fA-F]{8}-";
const char *const hexRule = "must match pattern: [a-f0-9]{32}";
const char *const wfRule = "must match pattern: ^wf-[0-9a-fA-F]{8}";

} // namespace

void TestSerialization::rejected_data()
{
    addConstraintColumns();

    constraintRow("mho id with slash", "mho/RetryWorkflowStep", "id", u"a/b"_s, idRule);
    constraintRow("mho id with space", "mho/RetryWorkflowStep", "id", u"abc 123"_s, idRule);
    constraintRow("mho workflowId empty", "mho/RetryWorkflowStep", "workflowId", u""_s,
        "valid min length: 1");
    constraintRow("mho stepGroupId 101", "mho/RetryWorkflowStep", "stepGroupId", QString(101, u'a'),
        "valid max length: 100");
    constraintRow("mho GetWorkflow id underscore", "mho/GetWorkflow", "id", u"wf_1"_s, idRule);
    constraintRow("mho id number", "mho/GetWorkflow", "id", 12, "valid types: string");
    constraintRow(
        "mho maxResults 101", "mho/ListWorkflows", "maxResults", 101, "valid max value: 100");
    constraintRow("mho maxResults -1", "mho/ListWorkflows", "maxResults", -1, "valid min value: 0");
    constraintRow("mho maxResults string", "mho/ListWorkflows", "maxResults", u"10"_s,
        "valid types: integer");
    constraintRow(
        "mho maxResults 1.5", "mho/ListWorkflows", "maxResults", 1.5, "valid types: integer");
    constraintRow(
        "mho maxResults bool", "mho/ListWorkflows", "maxResults", true, "valid types: integer");
    constraintRow("mho nextToken blank", "mho/ListWorkflows", "nextToken", u"   "_s,
        "must match pattern: .*\\S.*");
    constraintRow("mho nextToken 2049", "mho/ListWorkflows", "nextToken", QString(2049, u'n'),
        "valid max length: 2048");
    constraintRow("mho templateId leading space", "mho/ListWorkflows", "templateId", u" tpl"_s,
        "must match pattern: [-a-zA-Z0-9_.+]+[-a-zA-Z0-9_.+ ]*");
    constraintRow("mho status number", "mho/ListWorkflows", "status", 5, "valid types: string");
    constraintRow("mho unknown member", "mho/ListWorkflows", "foo", 1,
        "Unknown parameter in input: \"foo\", must be one of: maxResults, nextToken");
    constraintRow("mho ListWorkflowStepGroups workflowId", "mho/ListWorkflowStepGroups",
        "workflowId", u"wf.1"_s, idRule);
    constraintRow("mho ListWorkflowSteps stepGroupId", "mho/ListWorkflowSteps", "stepGroupId",
        u"sg 1"_s, idRule);
    constraintRow("mho ListWorkflowSteps maxResults", "mho/ListWorkflowSteps", "maxResults", 101,
        "valid max value: 100");

    constraintRow("profiles WorkflowId uppercase", "profiles/GetWorkflow", "WorkflowId",
        u"0123456789ABCDEF0123456789abcdef"_s, hexRule);
    constraintRow(
        "profiles WorkflowId 31", "profiles/GetWorkflow", "WorkflowId", QString(31, u'a'), hexRule);
    constraintRow("profiles WorkflowId 33", "profiles/GetWorkflowSteps", "WorkflowId",
        QString(33, u'a'), hexRule);
    constraintRow("profiles DomainName space", "profiles/GetWorkflow", "DomainName", u"my domain"_s,
        "must match pattern: ^[a-zA-Z0-9_-]+$");
    constraintRow("profiles DomainName 65", "profiles/ListWorkflows", "DomainName",
        QString(65, u'd'), "valid max length: 64");
    constraintRow("profiles MaxResults 0", "profiles/GetWorkflowSteps", "MaxResults", 0,
        "valid min value: 1");
    constraintRow("profiles MaxResults 101", "profiles/ListWorkflows", "MaxResults", 101,
        "valid max value: 100");
    constraintRow("profiles NextToken empty", "profiles/GetWorkflowSteps", "NextToken", u""_s,
        "valid min length: 1");
    constraintRow("profiles NextToken 1025", "profiles/ListWorkflows", "NextToken",
        QString(1025, u't'), "valid max length: 1024");
    constraintRow("profiles QueryStartDate word", "profiles/ListWorkflows", "QueryStartDate",
        u"yesterday"_s, "valid types: timestamp");
    constraintRow("profiles QueryEndDate bool", "profiles/ListWorkflows", "QueryEndDate", true,
        "valid types: timestamp");
    constraintRow(
        "profiles Status number", "profiles/ListWorkflows", "Status", 1, "valid types: string");
    constraintRow("profiles unknown camelCase", "profiles/ListWorkflows", "domainName", u"d"_s,
        "Unknown parameter in input: \"domainName\"");

    constraintRow("ib id without wf-", "ib/ListWorkflowStepExecutions", "workflowExecutionId",
        u"12345678-abcd-4ef0-9abc-123456789abc"_s, wfRule);
    constraintRow("ib id with suffix", "ib/ListWorkflowStepExecutions", "workflowExecutionId",
        QString(wfExecution + u"0"_s), wfRule);
    constraintRow("ib maxResults 26", "ib/ListWorkflowStepExecutions", "maxResults", 26,
        "valid max value: 25");
    constraintRow(
        "ib maxResults 0", "ib/ListWorkflowExecutions", "maxResults", 0, "valid min value: 1");
    constraintRow("ib nextToken empty", "ib/ListWorkflowStepExecutions", "nextToken", u""_s,
        "valid min length: 1");
    constraintRow("ib arn without build number", "ib/ListWorkflowExecutions",
        "imageBuildVersionArn", imageArn.chopped(2),
        "must match pattern: ^arn:aws[^:]*:imagebuilder:");

    constraintRow(
        "cc workflowId not uuid", "cc/StartWorkflowRun", "workflowId", u"not-a-uuid"_s, uuidRule);
    constraintRow("cc clientToken 65", "cc/StartWorkflowRun", "clientToken", QString(65, u'k'),
        "valid max length: 64");
    constraintRow(
        "cc clientToken double dot", "cc/StartWorkflowRun", "clientToken", u"a..b"_s, ccNameRule);
    constraintRow(
        "cc clientToken empty", "cc/StartWorkflowRun", "clientToken", u""_s, "valid min length: 1");
    constraintRow(
        "cc spaceName space", "cc/StartWorkflowRun", "spaceName", u"my space"_s, ccNameRule);
    constraintRow("cc GetWorkflowRun spaceName 2", "cc/GetWorkflowRun", "spaceName", u"ab"_s,
        "valid min length: 3");
    constraintRow("cc GetWorkflowRun spaceName 64", "cc/GetWorkflowRun", "spaceName",
        QString(64, u's'), "valid max length: 63");
    constraintRow("cc GetWorkflowRun id", "cc/GetWorkflowRun", "id",
        u"11111111222233334444555555555555"_s, uuidRule);
    constraintRow("cc ListWorkflowRuns maxResults 51", "cc/ListWorkflowRuns", "maxResults", 51,
        "valid max value: 50");
    constraintRow("cc ListWorkflowRuns sortBy 2", "cc/ListWorkflowRuns", "sortBy",
        emptyStructures(2), "valid max length: 1");
    constraintRow("cc ListWorkflowRuns sortBy string", "cc/ListWorkflowRuns", "sortBy", u"x"_s,
        "valid types: list");
    constraintRow("cc ListWorkflows projectName 2", "cc/ListWorkflows", "projectName", u"ab"_s,
        "valid min length: 3");
    constraintRow("cc ListWorkflows maxResults 101", "cc/ListWorkflows", "maxResults", 101,
        "valid max value: 100");
}

void TestSerialization::rejected()
{
    QFETCH(QString, service);
    QFETCH(QString, operation);
    QFETCH(QString, member);
    QFETCH(QJsonValue, value);
    QFETCH(QString, rule);
    const OperationSpec *op = findOp(service, operation);
    QVERIFY(op);
    const QList<ValidationIssue> issues =
        sw::aws::validateParams(*op, merged(baseParams(service, operation), {{member, value}}));
    QVERIFY2(issues.size() == 1, qPrintable(describe(issues)));
    QCOMPARE(issues.first().member, member);
    const QString &message = issues.first().message;
    QVERIFY2(message.contains(u"parameter "_s + member) || message.contains(u'"' + member + u'"'),
        qPrintable(message));
    QVERIFY2(message.contains(rule), qPrintable(message));
    QVERIFY(sw::aws::describeValidationIssues(issues).endsWith(u'\n' + message));
}

void TestSerialization::accepted_data()
{
    addConstraintColumns();

    constraintRow("mho id abc-123", "mho/RetryWorkflowStep", "id", u"abc-123"_s);
    constraintRow("mho id 100", "mho/GetWorkflow", "id", QString(100, u'a'));
    constraintRow("mho maxResults 0", "mho/ListWorkflows", "maxResults", 0);
    constraintRow("mho maxResults 100", "mho/ListWorkflows", "maxResults", 100);
    constraintRow("mho maxResults 5.0", "mho/ListWorkflowStepGroups", "maxResults", 5.0);
    constraintRow(
        "mho templateId with space", "mho/ListWorkflows", "templateId", u"My template.1+ x"_s);
    constraintRow("mho nextToken 2048", "mho/ListWorkflowSteps", "nextToken", QString(2048, u'n'));
    constraintRow(
        "mho status unknown value", "mho/ListWorkflows", "status", u"SOME_FUTURE_STATUS"_s);
    constraintRow("mho name free form", "mho/ListWorkflows", "name", u"any / thing?"_s);
    constraintRow("profiles WorkflowId lower hex", "profiles/GetWorkflow", "WorkflowId",
        u"abcdef0123456789abcdef0123456789"_s);
    constraintRow(
        "profiles DomainName 64", "profiles/GetWorkflowSteps", "DomainName", QString(64, u'd'));
    constraintRow("profiles MaxResults 1", "profiles/GetWorkflowSteps", "MaxResults", 1);
    constraintRow("profiles MaxResults 100", "profiles/ListWorkflows", "MaxResults", 100);
    constraintRow(
        "profiles QueryStartDate number", "profiles/ListWorkflows", "QueryStartDate", 1700000000.5);
    constraintRow("profiles QueryStartDate ISO", "profiles/ListWorkflows", "QueryStartDate",
        u"2023-11-14T22:13:20Z"_s);
    constraintRow(
        "profiles NextToken 1024", "profiles/ListWorkflows", "NextToken", QString(1024, u't'));
    constraintRow("ib id uppercase hex", "ib/ListWorkflowStepExecutions", "workflowExecutionId",
        u"wf-ABCDEF01-ABCD-4EF0-9ABC-123456789ABC"_s);
    constraintRow("ib maxResults 1", "ib/ListWorkflowStepExecutions", "maxResults", 1);
    constraintRow("ib maxResults 25", "ib/ListWorkflowExecutions", "maxResults", 25);
    constraintRow("ib aws-owned arn", "ib/ListWorkflowExecutions", "imageBuildVersionArn",
        u"arn:aws-cn:imagebuilder:cn-north-1:aws:image/my_image-2/10.2.3/45"_s);
    constraintRow("cc StartWorkflowRun spaceName 2", "cc/StartWorkflowRun", "spaceName", u"ab"_s);
    constraintRow("cc clientToken dotted", "cc/StartWorkflowRun", "clientToken", u"a.b_c-d"_s);
    constraintRow("cc workflowId uppercase", "cc/StartWorkflowRun", "workflowId",
        u"ABCDEF01-2222-3333-4444-555555555555"_s);
    constraintRow(
        "cc GetWorkflowRun spaceName 63", "cc/GetWorkflowRun", "spaceName", QString(63, u's'));
    constraintRow("cc ListWorkflowRuns maxResults 50", "cc/ListWorkflowRuns", "maxResults", 50);
    constraintRow("cc ListWorkflows maxResults 51", "cc/ListWorkflows", "maxResults", 51);
    constraintRow("cc ListWorkflows spaceName 1", "cc/ListWorkflows", "spaceName", u"x"_s);
    constraintRow("cc sortBy empty", "cc/ListWorkflowRuns", "sortBy", QJsonArray());
    constraintRow("cc sortBy one", "cc/ListWorkflows", "sortBy", emptyStructures(1));
}

void TestSerialization::accepted()
{
    QFETCH(QString, service);
    QFETCH(QString, operation);
    QFETCH(QString, member);
    QFETCH(QJsonValue, value);
    const OperationSpec *op = findOp(service, operation);
    QVERIFY(op);
    const QJsonObject params = merged(baseParams(service, operation), {{member, value}});
    QVERIFY(params.contains(member));
    const QList<ValidationIssue> issues = sw::aws::validateParams(*op, params);
    QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));
}

void TestSerialization::issuesInMemberOrder()
{
    const OperationSpec &op = mho::RetryWorkflowStep::spec();
    const QList<ValidationIssue> issues =
        sw::aws::validateParams(op, {{u"stepGroupId"_s, u"a/b"_s}, {u"zzz"_s, 1}, {u"aaa"_s, 2}});
    QStringList members;
    for (const ValidationIssue &issue : issues)
        members.append(issue.member);
    // Spec members first, in spec order (workflowId, stepGroupId, id), then unknown keys.
    QCOMPARE(
        members, (QStringList {u"workflowId"_s, u"stepGroupId"_s, u"id"_s, u"aaa"_s, u"zzz"_s}));
    const QString text = sw::aws::describeValidationIssues(issues);
    QVERIFY2(text.startsWith(u"Parameter validation failed:\n"), qPrintable(text));
    QCOMPARE(text.count(u'\n'), qsizetype(5));
}

QTEST_APPLESS_MAIN(TestSerialization)
#include "tst_serialization.moc"
