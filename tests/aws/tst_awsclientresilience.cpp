// AwsClient over real HTTP on 127.0.0.1 when things go wrong: retries, timeouts, idempotency
// tokens across retries, pagination, malformed and oversized bodies, an untrusted TLS server.

#include "clientharness.h"

#include "aws/codecatalyst.h"
#include "aws/customerprofiles.h"
#include "aws/imagebuilder.h"
#include "aws/migrationhuborchestrator.h"

#include <QFile>
#include <QJsonArray>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::aws;
using namespace sw::test;

class TestAwsClientResilience : public QObject, private ClientHarness {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { quietClientLogging(); }
    void init() { QVERIFY(startLoopback()); }
    void cleanup() { stopLoopback(); }

    void throttleThenSuccess();
    void serverErrorsUntilAttemptsRunOut();
    void connectionRefusedIsRetried();
    void connectionClosedWithoutReplyIsRetried();
    void timeoutIsReportedAndRetried();
    void idempotencyTokenReusedAcrossRetries();
    void givenClientTokenIsSentAsIs();
    void paginationMergesAllPages();
    void paginationStopsOnRepeatedToken();
    void paginationWithoutPaginateReturnsFirstPage();
    void customerProfilesPagesByHand();
    void malformedBodies_data();
    void malformedBodies();
    void tlsFailureIsNeverIgnored();
    void oversizedBodyIsDropped();
    void bodyBrokenAfterStatusIsRetried();
    void missingRequiredMembersAreMalformed();
};

void TestAwsClientResilience::throttleThenSuccess()
{
    m_server->enqueue(ScriptedResponse::awsError(429, u"ThrottlingException"_s, u"slow down"_s));
    m_server->enqueue(
        ScriptedResponse::awsError(429, u"CallRateLimitExceededException"_s, u"slow down"_s));
    m_server->enqueue(ScriptedResponse::json({{u"steps"_s, QJsonArray()}}));
    AwsReply *reply = sendAndWait(
        imagebuilder::ListWorkflowStepExecutions::spec(), {{u"workflowExecutionId"_s, wfExecId}});
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
    QCOMPARE(reply->attempts(), 3);
    QCOMPARE(m_server->requests.size(), 3);
    // Each attempt is signed anew, and every one carries the same body.
    for (const RecordedRequest &r : std::as_const(m_server->requests)) {
        QCOMPARE(r.json().value(u"workflowExecutionId"_s).toString(), wfExecId);
        QVERIFY(verifySignature(r, u"eu-west-1"_s, u"imagebuilder"_s).isEmpty());
    }
}

void TestAwsClientResilience::serverErrorsUntilAttemptsRunOut()
{
    m_server->setHandler([](const RecordedRequest &) {
        return ScriptedResponse::awsError(503, u"ServiceUnavailableException"_s, u"down"_s);
    });
    ServiceConfig config = configFor(imagebuilder::serviceSpec(), *m_server, m_home->path());
    config.retry.maxAttempts = 5;
    AwsReply *reply = m_client->send(config, imagebuilder::ListWorkflowExecutions::spec(),
        {{u"imageBuildVersionArn"_s, imageArn}});
    QSignalSpy spy(reply, &AwsReply::finished);
    QVERIFY(spy.wait(10000));
    QCOMPARE(reply->error().code, u"ServiceUnavailableException"_s);
    QCOMPARE(reply->attempts(), 5);
    QCOMPARE(m_server->requests.size(), 5);
}

void TestAwsClientResilience::connectionRefusedIsRetried()
{
    ServiceConfig config = configFor(mho::serviceSpec(), *m_server, m_home->path());
    m_server.reset(); // nobody listens on that port now
    AwsReply *reply = m_client->send(config, mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}});
    QSignalSpy spy(reply, &AwsReply::finished);
    QVERIFY(spy.wait(10000));
    QCOMPARE(reply->error().kind, ErrorKind::Network);
    QCOMPARE(reply->attempts(), 3);
    QVERIFY2(reply->error().message.contains(u"127.0.0.1"_s), qPrintable(reply->error().message));
}

void TestAwsClientResilience::connectionClosedWithoutReplyIsRetried()
{
    ScriptedResponse close;
    close.closeConnection = true;
    m_server->enqueue(close);
    m_server->enqueue(ScriptedResponse::json({{u"id"_s, u"mw-1"_s}}));
    AwsReply *reply = sendAndWait(mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}});
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
    // Qt's HTTP layer itself resends once when a connection closes before any reply byte;
    // our retry takes over if that fails too. Either way the call succeeds on the 2nd send.
    QCOMPARE(m_server->requests.size(), 2);
    QVERIFY(reply->attempts() <= 2);

    // Closed every time: the call ends in a network error after our attempts are spent.
    m_server->setHandler([](const RecordedRequest &) {
        ScriptedResponse r;
        r.closeConnection = true;
        return r;
    });
    AwsReply *failing = sendAndWait(mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}});
    QCOMPARE(failing->error().kind, ErrorKind::Network);
    QCOMPARE(failing->attempts(), 3);
}

void TestAwsClientResilience::timeoutIsReportedAndRetried()
{
    m_server->setHandler([](const RecordedRequest &) {
        ScriptedResponse slow = ScriptedResponse::json({});
        slow.delayMs = 3000;
        return slow;
    });
    AwsReply *reply = sendAndWait(mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}}, {}, 300);
    QCOMPARE(reply->error().kind, ErrorKind::Timeout);
    QVERIFY2(reply->error().message.contains(u"within"_s), qPrintable(reply->error().message));
    QCOMPARE(reply->attempts(), 3);
}

void TestAwsClientResilience::idempotencyTokenReusedAcrossRetries()
{
    // The reply is lost twice after the server may have acted: the retries must carry the
    // same token, or a lost reply would start a second run.
    m_server->enqueue(ScriptedResponse::awsError(500, u"InternalServerException"_s, u"x"_s));
    ScriptedResponse close;
    close.closeConnection = true;
    m_server->enqueue(close);
    m_server->enqueue(ScriptedResponse::json({{u"spaceName"_s, u"my-space"_s},
        {u"projectName"_s, u"my-project"_s}, {u"id"_s, runId}, {u"workflowId"_s, workflowUuid}}));
    const ServiceConfig config = configFor(codecatalyst::serviceSpec(), *m_server, m_home->path());
    std::optional<Outcome<codecatalyst::StartWorkflowRun>> result;
    QObject context;
    m_client->call<codecatalyst::StartWorkflowRun>(config,
        {u"my-space"_s, u"my-project"_s, workflowUuid, {}}, &context,
        [&](const auto &o) { result = o; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY2(result->ok(), qPrintable(result->error.message));
    QCOMPARE(result->response.id, runId);
    QCOMPARE(m_server->requests.size(), 3);
    const QString token = m_server->requests.at(0).json().value(u"clientToken"_s).toString();
    QCOMPARE(token.size(), 36);
    QCOMPARE(result->params.value(u"clientToken"_s).toString(), token);
    for (const RecordedRequest &r : std::as_const(m_server->requests)) {
        QCOMPARE(r.method, QByteArray("PUT"));
        QCOMPARE(r.json().value(u"clientToken"_s).toString(), token);
        QCOMPARE(r.urlQuery().queryItemValue(u"workflowId"_s), workflowUuid);
    }
    // A second operator request is a new logical start with a new token.
    m_server->enqueue(ScriptedResponse::json({{u"id"_s, runId}}));
    result.reset();
    m_client->call<codecatalyst::StartWorkflowRun>(config,
        {u"my-space"_s, u"my-project"_s, workflowUuid, {}}, &context,
        [&](const auto &o) { result = o; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY(m_server->requests.last().json().value(u"clientToken"_s).toString() != token);
}

void TestAwsClientResilience::givenClientTokenIsSentAsIs()
{
    m_server->enqueue(ScriptedResponse::json({{u"id"_s, runId}}));
    QJsonObject params = validParams(codecatalyst::StartWorkflowRun::spec());
    params.insert(u"clientToken"_s, u"operator-click-42"_s);
    AwsReply *reply = sendAndWait(codecatalyst::StartWorkflowRun::spec(), params);
    QVERIFY(!reply->error().isError());
    QCOMPARE(m_server->requests.first().body, QByteArray(R"({"clientToken":"operator-click-42"})"));
}

void TestAwsClientResilience::paginationMergesAllPages()
{
    m_server->setHandler([](const RecordedRequest &r) {
        const QString token = r.urlQuery().queryItemValue(u"nextToken"_s);
        const int page = token.isEmpty() ? 0 : token.mid(1).toInt();
        QJsonObject body {{u"workflowStepsSummary"_s,
            QJsonArray {QJsonObject {{u"stepId"_s, u"s%1a"_s.arg(page)}},
                QJsonObject {{u"stepId"_s, u"s%1b"_s.arg(page)}}}}};
        if (page < 2)
            body.insert(u"nextToken"_s, u"p%1"_s.arg(page + 1));
        return ScriptedResponse::json(body);
    });
    CallOptions paginate;
    paginate.paginate = true;
    QJsonObject params = validParams(mho::ListWorkflowSteps::spec());
    params.insert(u"maxResults"_s, 2);
    AwsReply *reply = sendAndWait(mho::ListWorkflowSteps::spec(), params, paginate);
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
    QCOMPARE(reply->pages(), 3);
    QCOMPARE(m_server->requests.size(), 3);
    QCOMPARE(m_server->requests.at(2).urlQuery().queryItemValue(u"nextToken"_s), u"p2"_s);
    QCOMPARE(m_server->requests.at(2).urlQuery().queryItemValue(u"maxResults"_s), u"2"_s);
    const QJsonArray steps = reply->json().value(u"workflowStepsSummary"_s).toArray();
    QCOMPARE(steps.size(), 6);
    QCOMPARE(steps.at(5).toObject().value(u"stepId"_s).toString(), u"s2b"_s);
    QVERIFY(!reply->json().contains(u"nextToken"_s));

    JsonParseContext context;
    mho::ListWorkflowSteps::Response typed;
    typed.read(JsonReader(reply->json(), context));
    QCOMPARE(typed.workflowStepsSummary.size(), 6);
}

void TestAwsClientResilience::paginationStopsOnRepeatedToken()
{
    m_server->setHandler([](const RecordedRequest &) {
        return ScriptedResponse::json({{u"items"_s, QJsonArray {QJsonObject {{u"id"_s, u"x"_s}}}},
            {u"nextToken"_s, u"same"_s}});
    });
    CallOptions paginate;
    paginate.paginate = true;
    AwsReply *reply = sendAndWait(codecatalyst::ListWorkflowRuns::spec(),
        validParams(codecatalyst::ListWorkflowRuns::spec()), paginate);
    QCOMPARE(reply->error().kind, ErrorKind::Pagination);
    QVERIFY2(reply->error().message.contains(u"same"_s), qPrintable(reply->error().message));
    QCOMPARE(m_server->requests.size(), 2);
}

void TestAwsClientResilience::paginationWithoutPaginateReturnsFirstPage()
{
    m_server->enqueue(ScriptedResponse::json(
        {{u"items"_s, QJsonArray {QJsonObject {}}}, {u"nextToken"_s, u"more"_s}}));
    AwsReply *reply = sendAndWait(
        codecatalyst::ListWorkflows::spec(), validParams(codecatalyst::ListWorkflows::spec()));
    QVERIFY(!reply->error().isError());
    QCOMPARE(reply->json().value(u"nextToken"_s).toString(), u"more"_s);
    QCOMPARE(m_server->requests.size(), 1);
    QCOMPARE(m_server->requests.first().body, QByteArray("{}"));
}

void TestAwsClientResilience::customerProfilesPagesByHand()
{
    m_server->setHandler([](const RecordedRequest &r) {
        const QString token = r.urlQuery().queryItemValue(u"next-token"_s);
        QJsonObject flow {{u"FlowName"_s, token.isEmpty() ? u"first"_s : u"second"_s},
            {u"Status"_s, u"COMPLETE"_s}, {u"ExecutionMessage"_s, u"ok"_s},
            {u"RecordsProcessed"_s, 10}, {u"BatchRecordsStartTime"_s, u"a"_s},
            {u"BatchRecordsEndTime"_s, u"b"_s}, {u"CreatedAt"_s, 1700000000},
            {u"LastUpdatedAt"_s, 1700000100.5}};
        QJsonObject body {{u"WorkflowId"_s, cpWorkflowId},
            {u"Items"_s, QJsonArray {QJsonObject {{u"AppflowIntegration"_s, flow}}}}};
        if (token.isEmpty())
            body.insert(u"NextToken"_s, u"t/1+"_s); // must survive encoding both ways
        return ScriptedResponse::json(body);
    });
    const ServiceConfig config = configFor(profiles::serviceSpec(), *m_server, m_home->path());
    std::optional<Outcome<profiles::GetWorkflowSteps>> result;
    QObject context;
    CallOptions paginate;
    paginate.paginate = true;
    m_client->call<profiles::GetWorkflowSteps>(
        config, {u"demo-domain"_s, cpWorkflowId, {}, 1}, &context,
        [&](const auto &o) { result = o; }, paginate);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY2(result->ok(), qPrintable(result->error.message));
    QCOMPARE(result->response.items.size(), 2);
    QCOMPARE(result->response.items.at(1).flowName, u"second"_s);
    QCOMPARE(result->response.items.at(0).lastUpdatedAt.toMSecsSinceEpoch(), 1700000100500LL);
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(
        m_server->requests.at(1).urlQuery().queryItemValue(u"next-token"_s, QUrl::FullyDecoded),
        u"t/1+"_s);
    QCOMPARE(m_server->requests.at(1).urlQuery().queryItemValue(u"max-results"_s), u"1"_s);
    for (const RecordedRequest &r : std::as_const(m_server->requests))
        QVERIFY(verifySignature(r, u"eu-west-1"_s, u"profile"_s).isEmpty());
}

void TestAwsClientResilience::malformedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("truncated") << QByteArray(R"({"id":"mw-1","status":"COMP)")
                               << u"not valid JSON"_s;
    QTest::newRow("array") << QByteArray("[1,2,3]") << u"not a JSON object"_s;
    QTest::newRow("garbage") << QByteArray("\x00\xff\xfe garbage", 12) << u"not valid JSON"_s;
    QTest::newRow("wrong member type") << QByteArray(R"({"id":42,"totalSteps":"many"})")
                                       << u"id: expected a string, got a number"_s;
    QTest::newRow("fractional integer")
        << QByteArray(R"({"totalSteps":1.5})") << u"totalSteps: expected an integer"_s;
    QTest::newRow("bad timestamp")
        << QByteArray(R"({"creationTime":1e300})") << u"creationTime: timestamp out of range"_s;
    QTest::newRow("tools not a list")
        << QByteArray(R"({"tools":{"name":"x"}})") << u"tools: expected an array, got an object"_s;
}

void TestAwsClientResilience::malformedBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    ScriptedResponse r;
    r.body = body;
    m_server->enqueue(r);
    const ServiceConfig config = configFor(mho::serviceSpec(), *m_server, m_home->path());
    std::optional<Outcome<mho::GetWorkflow>> result;
    QObject context;
    m_client->call<mho::GetWorkflow>(
        config, {u"mw-1"_s}, &context, [&](const auto &o) { result = o; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QCOMPARE(result->error.kind, ErrorKind::Malformed);
    QVERIFY2(result->error.message.contains(expected), qPrintable(result->error.message));
    QCOMPARE(m_server->requests.size(), 1); // a broken body is not retried
}

void TestAwsClientResilience::tlsFailureIsNeverIgnored()
{
    // A real TLS server whose self-signed certificate nobody trusts: the handshake must fail,
    // and that is the end of it: no retry, no fallback, nothing ignored.
    QFile certFile(QStringLiteral(STEPWATCH_TEST_DATA_DIR "/untrusted-localhost.crt"));
    QFile keyFile(QStringLiteral(STEPWATCH_TEST_DATA_DIR "/untrusted-localhost.key"));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    QSslServer tlsServer;
    tlsServer.setSslConfiguration(tls);
    QVERIFY(tlsServer.listen(QHostAddress::LocalHost, 0));

    ServiceConfig config = configFor(mho::serviceSpec(), *m_server, m_home->path());
    config.endpoint = QUrl(u"https://127.0.0.1:%1"_s.arg(tlsServer.serverPort()));
    AwsReply *reply = m_client->send(config, mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}});
    QSignalSpy spy(reply, &AwsReply::finished);
    QVERIFY(spy.wait(10000));
    QCOMPARE(reply->error().kind, ErrorKind::Tls);
    QCOMPARE(reply->attempts(), 1);
    QVERIFY2(reply->error().message.contains(u"127.0.0.1"_s), qPrintable(reply->error().message));
}

void TestAwsClientResilience::oversizedBodyIsDropped()
{
    ScriptedResponse huge;
    huge.body = "{\"id\":\"" + QByteArray(33 * 1024 * 1024, 'x') + "\"}";
    m_server->enqueue(huge);
    AwsReply *reply = sendAndWait(mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}});
    QCOMPARE(reply->error().kind, ErrorKind::Malformed);
    // Its Content-Length says so: refused before a byte of it is read (tst_hostileserver
    // covers a body without a length).
    QVERIFY2(
        reply->error().message.contains(u"announced 33 MB"_s), qPrintable(reply->error().message));
    QCOMPARE(reply->attempts(), 1);
}

void TestAwsClientResilience::bodyBrokenAfterStatusIsRetried()
{
    // "200 OK" arrives, then the connection drops mid-body: never a success with an empty
    // body, but a network error that is retried like any other.
    ScriptedResponse cut = ScriptedResponse::json(
        {{u"id"_s, u"mw-1"_s}, {u"name"_s, u"Wave 1 application migration with a long name"_s}});
    cut.cutBody = true;
    m_server->setHandler([cut](const RecordedRequest &) { return cut; });
    AwsReply *failing = sendAndWait(mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}});
    QCOMPARE(failing->error().kind, ErrorKind::Network);
    QCOMPARE(failing->attempts(), 3);
    QVERIFY(failing->json().isEmpty());

    // Broken once, then whole: the retry delivers the body.
    int calls = 0;
    m_server->setHandler([cut, &calls](const RecordedRequest &) {
        ScriptedResponse r = cut;
        r.cutBody = ++calls == 1;
        return r;
    });
    AwsReply *recovered = sendAndWait(mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}});
    QVERIFY2(!recovered->error().isError(), qPrintable(recovered->error().message));
    QCOMPARE(recovered->json().value(u"id"_s).toString(), u"mw-1"_s);
}

void TestAwsClientResilience::missingRequiredMembersAreMalformed()
{
    // A 200 with {} would otherwise look like a started run without an id.
    m_server->enqueue(ScriptedResponse::json({}));
    const ServiceConfig config = configFor(codecatalyst::serviceSpec(), *m_server, m_home->path());
    std::optional<Outcome<codecatalyst::StartWorkflowRun>> result;
    QObject context;
    m_client->call<codecatalyst::StartWorkflowRun>(config,
        {u"my-space"_s, u"my-project"_s, u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s, {}}, &context,
        [&](const auto &o) { result = o; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QCOMPARE(result->error.kind, ErrorKind::Malformed);
    QVERIFY2(result->error.message.contains(u"id: required member missing"_s),
        qPrintable(result->error.message));
}

QTEST_GUILESS_MAIN(TestAwsClientResilience)
#include "tst_awsclientresilience.moc"
