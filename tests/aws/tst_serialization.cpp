// Request serialization for every operation Stepwatch calls: the exact wire form of each
// (method, path, query, body, Content-Type), idempotency tokens and the typed toParams().

#include "requestparams.h"

#include "aws/codecatalyst.h"
#include "aws/customerprofiles.h"
#include "aws/imagebuilder.h"
#include "aws/migrationhuborchestrator.h"

#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace sw::test;
using sw::aws::HttpRequest;
using sw::aws::MemberSpec;
using sw::aws::OperationSpec;
using sw::aws::ValidationIssue;
namespace mho = sw::aws::mho;
namespace profiles = sw::aws::profiles;
namespace imagebuilder = sw::aws::imagebuilder;
namespace codecatalyst = sw::aws::codecatalyst;

namespace {

QStringList queryPairs(const HttpRequest &request)
{
    QStringList out;
    for (const auto &[key, value] : request.query)
        out.append(key + u'=' + value);
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

QTEST_APPLESS_MAIN(TestSerialization)
#include "tst_serialization.moc"
