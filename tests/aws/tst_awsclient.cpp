// AwsClient over real HTTP on 127.0.0.1: the wire form and signature of every operation, every
// documented error, invalid params and missing credentials, dropped callbacks, redacted logs.

#include "clientharness.h"
#include "support/operationrows.h"

#include "aws/codecatalyst.h"
#include "aws/migrationhuborchestrator.h"
#include "aws/serviceregistry.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::aws;
using namespace sw::test;

namespace {

QByteArray expectedPath(const OperationSpec &op)
{
    const QString s = op.service->modelId;
    if (s == u"migrationhuborchestrator") {
        if (op.name == u"RetryWorkflowStep")
            return "/retryworkflowstep/step-1";
        if (op.name == u"GetWorkflow")
            return "/migrationworkflow/mw-1";
        if (op.name == u"ListWorkflows")
            return "/migrationworkflows";
        if (op.name == u"ListWorkflowStepGroups")
            return "/workflowstepgroups";
        return "/workflow/mw-1/workflowstepgroups/group-1/workflowsteps";
    }
    if (s == u"customer-profiles") {
        if (op.name == u"GetWorkflow")
            return "/domains/demo-domain/workflows/" + cpWorkflowId.toLatin1();
        if (op.name == u"GetWorkflowSteps")
            return "/domains/demo-domain/workflows/" + cpWorkflowId.toLatin1() + "/steps";
        return "/domains/demo-domain/workflows";
    }
    if (s == u"imagebuilder")
        return "/" + op.name.toLatin1();
    if (op.name == u"GetWorkflowRun")
        return "/v1/spaces/my-space/projects/my-project/workflowRuns/" + runId.toLatin1();
    if (op.name == u"ListWorkflows")
        return "/v1/spaces/my-space/projects/my-project/workflows";
    return "/v1/spaces/my-space/projects/my-project/workflowRuns";
}

QString messageKey(const OperationSpec &op)
{
    return op.service->modelId == u"customer-profiles" ? u"Message"_s : u"message"_s;
}

} // namespace

class TestAwsClient : public QObject, private ClientHarness {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { quietClientLogging(); }
    void init() { QVERIFY(startLoopback()); }
    void cleanup() { stopLoopback(); }

    void wireFormOfEveryOperation_data();
    void wireFormOfEveryOperation();
    void typedCallParsesResponse();
    void everyDocumentedError_data();
    void everyDocumentedError();
    void errorCodeFromBodyWhenHeaderMissing_data();
    void errorCodeFromBodyWhenHeaderMissing();
    void nonJsonErrorBodyIsRetriedAndSanitized();
    void invalidParamsSendNothing();
    void missingCredentialsSendNothing();
    void destroyedContextDropsCallback();
    void debugOutputRedactsSecrets();
};

void TestAwsClient::wireFormOfEveryOperation_data()
{
    sw::test::addOperationRows();
}

void TestAwsClient::wireFormOfEveryOperation()
{
    QFETCH(const OperationSpec *, op);
    m_server->enqueue(ScriptedResponse::json({{u"unknownMember"_s, 1}}));
    AwsReply *reply = sendAndWait(*op, validParams(*op));
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
    QCOMPARE(m_server->requests.size(), 1);
    const RecordedRequest &r = m_server->requests.first();
    QCOMPARE(r.method, op->method);
    QCOMPARE(r.path, expectedPath(*op));
    QVERIFY(r.header("User-Agent").startsWith("stepwatch Qt/"));
    if (op->hasBodyMembers()) {
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QVERIFY2(QJsonDocument::fromJson(r.body).isObject(), r.body.constData());
    } else {
        QVERIFY(r.body.isEmpty());
        QVERIFY(!r.hasHeader("Content-Type"));
    }
    if (op->service->auth == AuthScheme::Bearer) {
        QCOMPARE(r.header("Authorization"), "Bearer " + testBearer.toUtf8());
        QVERIFY(!r.hasHeader("X-Amz-Date"));
    } else {
        const QString problem = verifySignature(r, u"eu-west-1"_s, op->service->signingName);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(r.header("Authorization")
                    .contains("/eu-west-1/" + op->service->signingName.toUtf8() + "/aws4_request"));
    }
}

void TestAwsClient::typedCallParsesResponse()
{
    m_server->enqueue(
        ScriptedResponse::json({{u"id"_s, u"step-1"_s}, {u"stepGroupId"_s, u"group-1"_s},
            {u"workflowId"_s, u"mw-1"_s}, {u"status"_s, u"IN_PROGRESS"_s}}));
    const ServiceConfig config = configFor(mho::serviceSpec(), *m_server, m_home->path());
    std::optional<Outcome<mho::RetryWorkflowStep>> result;
    QObject context;
    m_client->call<mho::RetryWorkflowStep>(config, {u"step-1"_s, u"group-1"_s, u"mw-1"_s}, &context,
        [&](const Outcome<mho::RetryWorkflowStep> &o) { result = o; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY2(result->ok(), qPrintable(result->error.message));
    QCOMPARE(result->response.status, u"IN_PROGRESS"_s);
    QCOMPARE(result->response.stepGroupId, u"group-1"_s);
    QCOMPARE(result->attempts, 1);
    QCOMPARE(result->requestId, u"req-1"_s);
    const QUrlQuery q = m_server->requests.first().urlQuery();
    QCOMPARE(q.queryItemValue(u"workflowId"_s), u"mw-1"_s);
    QCOMPARE(q.queryItemValue(u"stepGroupId"_s), u"group-1"_s);
}

void TestAwsClient::everyDocumentedError_data()
{
    sw::test::addOperationErrorRows();
}

void TestAwsClient::everyDocumentedError()
{
    QFETCH(const OperationSpec *, op);
    QFETCH(QString, code);
    const ServiceErrorCode typed = serviceErrorCodeFromString(code);
    QVERIFY2(typed != ServiceErrorCode::Unknown, qPrintable(code + u" has no typed error"_s));
    const int status = httpStatusForError(typed);
    QVERIFY(status >= 400);
    const QString message = u"%1 for %2"_s.arg(code, op->name);
    m_server->setHandler([&](const RecordedRequest &) {
        return ScriptedResponse::awsError(status, code, message, messageKey(*op));
    });
    AwsReply *reply = sendAndWait(*op, validParams(*op));
    const AwsError &e = reply->error();
    QCOMPARE(e.kind, ErrorKind::Service);
    QCOMPARE(e.code, code);
    QCOMPARE(e.serviceCode, typed);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.message, message);
    QVERIFY(e.requestId.startsWith(u"req-"_s));
    // Throttling and 5xx are retried to the limit; every other 4xx is final at once.
    const bool retryable = status == 429 || status >= 500;
    QCOMPARE(reply->attempts(), retryable ? 3 : 1);
    QCOMPARE(m_server->requests.size(), retryable ? 3 : 1);
    QCOMPARE(e.describe(op->name),
        u"An error occurred (%1) when calling the %2 operation: %3"_s.arg(code, op->name, message));
}

void TestAwsClient::errorCodeFromBodyWhenHeaderMissing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("__type with namespace") << QByteArray(
        R"({"__type":"com.amazonaws.migrationhuborchestrator#ValidationException","message":"bad"})")
                                           << u"ValidationException"_s << u"bad"_s;
    QTest::newRow("code") << QByteArray(R"({"code":"ValidationException","Message":"Bad"})")
                          << u"ValidationException"_s << u"Bad"_s;
    QTest::newRow("nothing") << QByteArray(R"({})") << u"400"_s
                             << u"HTTP status 400 with no message"_s;
}

void TestAwsClient::errorCodeFromBodyWhenHeaderMissing()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    ScriptedResponse r;
    r.status = 400;
    r.body = body;
    m_server->enqueue(r);
    AwsReply *reply = sendAndWait(mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}});
    QCOMPARE(reply->error().code, code);
    QCOMPARE(reply->error().message, message);
    QCOMPARE(reply->attempts(), 1);
}

void TestAwsClient::nonJsonErrorBodyIsRetriedAndSanitized()
{
    m_server->setHandler([](const RecordedRequest &) {
        ScriptedResponse r;
        r.status = 502;
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/html")));
        r.body = "<html>\x1b[31mBad Gateway</html>";
        return r;
    });
    AwsReply *reply = sendAndWait(mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}});
    QCOMPARE(reply->error().code, u"502"_s);
    QCOMPARE(reply->attempts(), 3);
    QVERIFY(!reply->error().message.contains(QChar(0x1b)));
    QVERIFY(reply->error().message.contains(u"Bad Gateway"_s));
}

void TestAwsClient::invalidParamsSendNothing()
{
    AwsReply *reply = sendAndWait(
        mho::RetryWorkflowStep::spec(), {{u"id"_s, u"a/b"_s}, {u"workflowId"_s, u"w"_s}});
    QCOMPARE(reply->error().kind, ErrorKind::Validation);
    QVERIFY(reply->error().message.startsWith(u"Parameter validation failed:"_s));
    QVERIFY(
        reply->error().message.contains(u"Missing required parameter in input: \"stepGroupId\""_s));
    QVERIFY(reply->error().message.contains(u"parameter id, value: a/b"_s));
    QCOMPARE(m_server->requests.size(), 0);
}

void TestAwsClient::missingCredentialsSendNothing()
{
    ServiceConfig config = configFor(mho::serviceSpec(), *m_server, m_home->path());
    config.credentials = [] {
        CredentialsResult r;
        r.error = u"Unable to locate credentials. Looked in: environment"_s;
        return r;
    };
    AwsReply *reply = m_client->send(config, mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}});
    QSignalSpy spy(reply, &AwsReply::finished);
    QVERIFY(spy.wait(5000));
    QCOMPARE(reply->error().kind, ErrorKind::Credentials);
    QVERIFY(reply->error().message.contains(u"Unable to locate credentials"_s));

    ServiceConfig bearer = configFor(codecatalyst::serviceSpec(), *m_server, m_home->path());
    bearer.bearerToken = [] {
        BearerTokenResult r;
        r.error = u"The SSO session has expired; run aws sso login"_s;
        return r;
    };
    AwsReply *second = m_client->send(bearer, codecatalyst::ListWorkflows::spec(),
        validParams(codecatalyst::ListWorkflows::spec()));
    QSignalSpy spy2(second, &AwsReply::finished);
    QVERIFY(spy2.wait(5000));
    QCOMPARE(second->error().kind, ErrorKind::Credentials);
    QVERIFY(second->error().message.contains(u"aws sso login"_s));
    QCOMPARE(m_server->requests.size(), 0);
}

void TestAwsClient::destroyedContextDropsCallback()
{
    ScriptedResponse slow = ScriptedResponse::json({{u"id"_s, u"mw-1"_s}});
    slow.delayMs = 300;
    m_server->enqueue(slow);
    const ServiceConfig config = configFor(mho::serviceSpec(), *m_server, m_home->path());
    bool called = false;
    auto context = std::make_unique<QObject>();
    QPointer<AwsReply> reply = m_client->call<mho::GetWorkflow>(
        config, {u"mw-1"_s}, context.get(), [&](const auto &) { called = true; });
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests.size(), 1, 5000);
    context.reset();
    QTRY_VERIFY_WITH_TIMEOUT(reply.isNull(), 5000);
    QTest::qWait(500);
    QVERIFY(!called);
}

void TestAwsClient::debugOutputRedactsSecrets()
{
    QStringList lines;
    m_client->setDebugSink([&](const QString &line) { lines.append(line); });
    m_server->enqueue(ScriptedResponse::json(
        {{u"id"_s, u"mw-1"_s}, {u"workflowInputs"_s, QJsonObject {{u"pw"_s, u"hunter2"_s}}}}));
    sendAndWait(mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}});
    m_server->enqueue(ScriptedResponse::json({}));
    sendAndWait(
        codecatalyst::ListWorkflows::spec(), validParams(codecatalyst::ListWorkflows::spec()));
    const QString all = lines.join(u'\n');
    QVERIFY(all.contains(u"Authorization: <redacted>"_s));
    QVERIFY(all.contains(u"/migrationworkflow/mw-1"_s));
    QVERIFY(!all.contains(testSecret));
    QVERIFY(!all.contains(testKeyId));
    QVERIFY(!all.contains(testBearer));
    QVERIFY(!all.contains(u"hunter2"_s));
}

QTEST_GUILESS_MAIN(TestAwsClient)
#include "tst_awsclient.moc"
