// The client and the simulator against each other over real HTTP on 127.0.0.1: both are
// written from the same model files independently, so any misreading on either side fails
// here. Every operation, every modelled error, pagination to the end, each fault, and
// SigV4 / bearer verification by the simulator's own verifier.

#include "aws/awsclient.h"
#include "aws/clientconfig.h"
#include "aws/codecatalyst.h"
#include "aws/customerprofiles.h"
#include "aws/imagebuilder.h"
#include "aws/migrationhuborchestrator.h"
#include "aws/serviceregistry.h"
#include "sim/simulator.h"

#include "support/operationrows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::aws;

namespace {

const QString keyId = u"AKIDSIMTEST0000001"_s;
const QString secret = u"sim/test+secret/abcdefghijklmnop0123456"_s;
const QString bearer = u"sim-bearer-token-0123456789"_s;

} // namespace

class TestClientVsSim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void everyOperation_data();
    void everyOperation();
    void everyModelledError_data();
    void everyModelledError();
    void paginationToTheEnd_data();
    void paginationToTheEnd();
    void throttlingIsRetriedToSuccess();
    void serverErrorsAreRetriedToSuccess();
    void lostReplyStartsExactlyOneRun();
    void brokenBodiesAreMalformed_data();
    void brokenBodiesAreMalformed();
    void latencyBeyondTimeout();
    void closedConnectionIsRetried();
    void retryThroughTheClientMovesTheStep();
    void wrongSecretIsRejected();
    void wrongBearerTokenIsRejected();

private:
    ServiceConfig configFor(const ServiceSpec &service, const QString &secretKey = secret,
        const QString &token = bearer) const;
    AwsReply *callAndWait(const OperationSpec &op, const QJsonObject &params,
        CallOptions options = {}, int maxAttempts = 3, int timeoutMs = 5000);
    QJsonObject validParams(const OperationSpec &op);
    /// {id, stepGroupId, workflowId} of a FAILED step, advancing simulated time until one
    /// appears (at most six hours); empty when none does.
    QJsonObject findFailedStep();

    QTemporaryDir m_home;
    std::unique_ptr<sw::sim::Simulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<AwsClient> m_client;
    QJsonObject m_inventory;
};

void TestClientVsSim::initTestCase()
{
    qputenv("QT_LOGGING_RULES", "stepwatch.*.debug=false");
    QVERIFY(m_home.isValid());
}

void TestClientVsSim::init()
{
    sw::sim::SimOptions options;
    options.seed = 11;
    options.speed = 1e-9; // time moves only when a test says so
    options.workflowsPerService = 12;
    m_client.reset();
    m_network.reset();
    m_sim = std::make_unique<sw::sim::Simulator>(options);
    sw::sim::Simulator::Credentials credentials;
    credentials.verify = true; // every signature the client makes is checked for real
    credentials.accessKeyId = keyId;
    credentials.secretAccessKey = secret;
    credentials.bearerToken = bearer;
    m_sim->setCredentials(credentials);
    QVERIFY(m_sim->listen() != 0);
    m_inventory = m_sim->inventory();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<AwsClient>(m_network.get());
}

ServiceConfig TestClientVsSim::configFor(
    const ServiceSpec &service, const QString &secretKey, const QString &token) const
{
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home.path());
    env.insert(u"AWS_ACCESS_KEY_ID"_s, keyId);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, secretKey);
    env.insert(u"AWS_REGION"_s, u"us-west-2"_s);
    env.insert(u"AWS_BEARER_TOKEN_CODECATALYST"_s, token);
    env.insert(u"AWS_ENDPOINT_URL"_s, m_sim->url());
    AwsSession session(env, {});
    AwsError error;
    std::optional<ServiceConfig> config = session.serviceConfig(service, &error);
    if (!config)
        qFatal("%s", qPrintable(error.message));
    config->retry.baseDelayMs = 1;
    return *config;
}

AwsReply *TestClientVsSim::callAndWait(const OperationSpec &op, const QJsonObject &params,
    CallOptions options, int maxAttempts, int timeoutMs)
{
    ServiceConfig config = configFor(*op.service);
    config.retry.maxAttempts = maxAttempts;
    config.timeoutMs = timeoutMs;
    AwsReply *reply = m_client->send(config, op, params, options);
    QSignalSpy spy(reply, &AwsReply::finished);
    if (!spy.wait(30000))
        qWarning("no answer for %s", qPrintable(op.name));
    return reply;
}

// Valid params for any operation, found the way a user would: through the List operations
// and the simulator's inventory of names nothing else discovers.
QJsonObject TestClientVsSim::validParams(const OperationSpec &op)
{
    const QString s = op.service->modelId;
    CallOptions all;
    all.paginate = true;
    if (s == u"migrationhuborchestrator") {
        const QJsonObject list = callAndWait(mho::ListWorkflows::spec(), {}, all)->json();
        const QString wf = list[u"migrationWorkflowSummary"_s][0][u"id"_s].toString();
        if (op.name == u"ListWorkflows")
            return {};
        if (op.name == u"GetWorkflow")
            return {{u"id"_s, wf}};
        if (op.name == u"ListWorkflowStepGroups")
            return {{u"workflowId"_s, wf}};
        const QJsonObject groups =
            callAndWait(mho::ListWorkflowStepGroups::spec(), {{u"workflowId"_s, wf}}, all)->json();
        const QString group = groups[u"workflowStepGroupsSummary"_s][0][u"id"_s].toString();
        if (op.name == u"ListWorkflowSteps")
            return {{u"workflowId"_s, wf}, {u"stepGroupId"_s, group}};
        return findFailedStep();
    }
    if (s == u"customer-profiles") {
        const QString domain = m_inventory[s][u"domains"_s][0].toString();
        if (op.name == u"ListWorkflows")
            return {{u"DomainName"_s, domain}};
        // The workflow with the most flow steps, so that paging has something to page.
        const QJsonObject list =
            callAndWait(profiles::ListWorkflows::spec(), {{u"DomainName"_s, domain}}, all)->json();
        QJsonObject best;
        qsizetype most = -1;
        for (const QJsonValue &w : list[u"Items"_s].toArray()) {
            const QJsonObject p {{u"DomainName"_s, domain}, {u"WorkflowId"_s, w[u"WorkflowId"_s]}};
            const qsizetype n = callAndWait(profiles::GetWorkflowSteps::spec(), p, all)
                                    ->json()[u"Items"_s]
                                    .toArray()
                                    .size();
            if (n > most) {
                most = n;
                best = p;
            }
        }
        return best;
    }
    if (s == u"imagebuilder") {
        const QString arn = m_inventory[s][u"imageBuildVersionArns"_s][0].toString();
        if (op.name == u"ListWorkflowExecutions")
            return {{u"imageBuildVersionArn"_s, arn}};
        const QJsonObject list = callAndWait(
            imagebuilder::ListWorkflowExecutions::spec(), {{u"imageBuildVersionArn"_s, arn}}, all)
                                     ->json();
        return {{u"workflowExecutionId"_s,
            list[u"workflowExecutions"_s][0][u"workflowExecutionId"_s].toString()}};
    }
    const QJsonObject space = m_inventory[s][u"spaces"_s][0].toObject();
    const QJsonObject base {
        {u"spaceName"_s, space[u"name"_s]}, {u"projectName"_s, space[u"projects"_s][0]}};
    if (op.name == u"ListWorkflows" || op.name == u"ListWorkflowRuns")
        return base;
    const QJsonObject flows = callAndWait(codecatalyst::ListWorkflows::spec(), base, all)->json();
    QString workflowId;
    for (const QJsonValue &f : flows[u"items"_s].toArray()) {
        if (f[u"status"_s].toString() == u"ACTIVE")
            workflowId = f[u"id"_s].toString();
    }
    QJsonObject p = base;
    if (op.name == u"StartWorkflowRun") {
        p.insert(u"workflowId"_s, workflowId);
        return p;
    }
    QJsonObject withWorkflow = base;
    withWorkflow.insert(u"workflowId"_s, workflowId);
    const QJsonObject runs =
        callAndWait(codecatalyst::ListWorkflowRuns::spec(), withWorkflow, all)->json();
    p.insert(u"id"_s, runs[u"items"_s][0][u"id"_s].toString());
    return p;
}

QJsonObject TestClientVsSim::findFailedStep()
{
    CallOptions all;
    all.paginate = true;
    for (int hour = 0; hour < 6; ++hour) {
        const QJsonObject list = callAndWait(mho::ListWorkflows::spec(), {}, all)->json();
        for (const QJsonValue &w : list[u"migrationWorkflowSummary"_s].toArray()) {
            const QString id = w[u"id"_s].toString();
            const QJsonObject groups =
                callAndWait(mho::ListWorkflowStepGroups::spec(), {{u"workflowId"_s, id}}, all)
                    ->json();
            for (const QJsonValue &g : groups[u"workflowStepGroupsSummary"_s].toArray()) {
                const QJsonObject steps = callAndWait(mho::ListWorkflowSteps::spec(),
                    {{u"workflowId"_s, id}, {u"stepGroupId"_s, g[u"id"_s]}}, all)
                                              ->json();
                for (const QJsonValue &s : steps[u"workflowStepsSummary"_s].toArray()) {
                    if (s[u"status"_s].toString() == u"FAILED")
                        return {{u"id"_s, s[u"stepId"_s]}, {u"stepGroupId"_s, g[u"id"_s]},
                            {u"workflowId"_s, id}};
                }
            }
        }
        m_sim->clock().advance(3600 * 1000);
    }
    return {};
}

void TestClientVsSim::everyOperation_data()
{
    sw::test::addOperationRows();
}

void TestClientVsSim::everyOperation()
{
    QFETCH(const OperationSpec *, op);
    const QJsonObject params = validParams(*op);
    AwsReply *reply = callAndWait(*op, params);
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().describe(op->name)));
    QVERIFY(!reply->requestId().isEmpty());
    // The typed reader accepts what the simulator sends, with no member of the wrong type
    // and nothing the model requires missing.
    const QString problems = [&] {
        JsonParseContext context;
        const JsonReader reader(reply->json(), context);
        if (op == &mho::RetryWorkflowStep::spec())
            mho::RetryWorkflowStep::Response().read(reader);
        else if (op == &mho::GetWorkflow::spec())
            mho::GetWorkflow::Response().read(reader);
        else if (op == &mho::ListWorkflows::spec())
            mho::ListWorkflows::Response().read(reader);
        else if (op == &mho::ListWorkflowStepGroups::spec())
            mho::ListWorkflowStepGroups::Response().read(reader);
        else if (op == &mho::ListWorkflowSteps::spec())
            mho::ListWorkflowSteps::Response().read(reader);
        else if (op == &profiles::GetWorkflow::spec())
            profiles::GetWorkflow::Response().read(reader);
        else if (op == &profiles::GetWorkflowSteps::spec())
            profiles::GetWorkflowSteps::Response().read(reader);
        else if (op == &profiles::ListWorkflows::spec())
            profiles::ListWorkflows::Response().read(reader);
        else if (op == &imagebuilder::ListWorkflowStepExecutions::spec())
            imagebuilder::ListWorkflowStepExecutions::Response().read(reader);
        else if (op == &imagebuilder::ListWorkflowExecutions::spec())
            imagebuilder::ListWorkflowExecutions::Response().read(reader);
        else if (op == &codecatalyst::StartWorkflowRun::spec())
            codecatalyst::StartWorkflowRun::Response().read(reader);
        else if (op == &codecatalyst::GetWorkflowRun::spec())
            codecatalyst::GetWorkflowRun::Response().read(reader);
        else if (op == &codecatalyst::ListWorkflowRuns::spec())
            codecatalyst::ListWorkflowRuns::Response().read(reader);
        else if (op == &codecatalyst::ListWorkflows::spec())
            codecatalyst::ListWorkflows::Response().read(reader);
        else
            context.errors.append(u"no typed reader"_s);
        return context.errors.join(u"; ");
    }();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    // RetryWorkflowStep on a step that is not FAILED is the simulator's 400, asserted apart.
    if (op == &mho::RetryWorkflowStep::spec())
        QCOMPARE(reply->json()[u"id"_s].toString(), params[u"id"_s].toString());
}

void TestClientVsSim::everyModelledError_data()
{
    sw::test::addOperationErrorRows();
}

void TestClientVsSim::everyModelledError()
{
    QFETCH(const OperationSpec *, op);
    QFETCH(QString, code);
    const QJsonObject params = validParams(*op);
    QVERIFY(!m_sim->setFaults(op->name + u':' + code + u"=1#1"_s));
    AwsReply *reply = callAndWait(*op, params, {}, 1);
    const AwsError &e = reply->error();
    QCOMPARE(e.kind, ErrorKind::Service);
    QCOMPARE(e.code, code);
    QCOMPARE(e.httpStatus, httpStatusForError(serviceErrorCodeFromString(code)));
    QVERIFY2(!e.message.isEmpty(), "the message member was not found");
    QVERIFY(!e.requestId.isEmpty());
}

void TestClientVsSim::paginationToTheEnd_data()
{
    QTest::addColumn<const OperationSpec *>("op");
    QTest::addColumn<QString>("resultKey");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("mho ListWorkflows")
        << &mho::ListWorkflows::spec() << u"migrationWorkflowSummary"_s << 5;
    QTest::newRow("mho ListWorkflowSteps")
        << &mho::ListWorkflowSteps::spec() << u"workflowStepsSummary"_s << 1;
    QTest::newRow("profiles ListWorkflows") << &profiles::ListWorkflows::spec() << u"Items"_s << 2;
    QTest::newRow("profiles GetWorkflowSteps")
        << &profiles::GetWorkflowSteps::spec() << u"Items"_s << 1;
    QTest::newRow("imagebuilder ListWorkflowExecutions")
        << &imagebuilder::ListWorkflowExecutions::spec() << u"workflowExecutions"_s << 1;
    QTest::newRow("imagebuilder ListWorkflowStepExecutions")
        << &imagebuilder::ListWorkflowStepExecutions::spec() << u"steps"_s << 2;
    QTest::newRow("codecatalyst ListWorkflows")
        << &codecatalyst::ListWorkflows::spec() << u"items"_s << 1;
    QTest::newRow("codecatalyst ListWorkflowRuns")
        << &codecatalyst::ListWorkflowRuns::spec() << u"items"_s << 1;
}

void TestClientVsSim::paginationToTheEnd()
{
    QFETCH(const OperationSpec *, op);
    QFETCH(QString, resultKey);
    QFETCH(int, pageSize);
    const QJsonObject params = validParams(*op);
    CallOptions all;
    all.paginate = true;
    AwsReply *whole = callAndWait(*op, params, all);
    QVERIFY2(!whole->error().isError(), qPrintable(whole->error().message));
    const QJsonArray everything = whole->json()[resultKey].toArray();

    QJsonObject small = params;
    small.insert(op->paginator->limitKey, pageSize);
    AwsReply *paged = callAndWait(*op, small, all);
    QVERIFY2(!paged->error().isError(), qPrintable(paged->error().message));
    const QJsonArray merged = paged->json()[resultKey].toArray();
    QCOMPARE(merged.size(), everything.size());
    QVERIFY(everything.size() >= 2);
    QVERIFY(paged->pages() >= (everything.size() + pageSize - 1) / pageSize);
    // The same items, each exactly once.
    QSet<QString> seen;
    for (const QJsonValue &item : merged)
        seen.insert(
            QString::fromUtf8(QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact)));
    QCOMPARE(seen.size(), merged.size());
}

void TestClientVsSim::throttlingIsRetriedToSuccess()
{
    const QJsonObject params = validParams(imagebuilder::ListWorkflowStepExecutions::spec());
    QVERIFY(!m_sim->setFaults(u"ListWorkflowStepExecutions:throttle=1#2"_s));
    AwsReply *reply = callAndWait(imagebuilder::ListWorkflowStepExecutions::spec(), params);
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
    QCOMPARE(reply->attempts(), 3);
    QCOMPARE(m_sim->counters()[u"faultsInjected"_s][u"throttle"_s].toInt(), 2);
}

void TestClientVsSim::serverErrorsAreRetriedToSuccess()
{
    const QJsonObject params = validParams(profiles::GetWorkflowSteps::spec());
    QVERIFY(!m_sim->setFaults(u"GetWorkflowSteps:error500=1#1,GetWorkflowSteps:error503=1#1"_s));
    AwsReply *reply = callAndWait(profiles::GetWorkflowSteps::spec(), params);
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
    QCOMPARE(reply->attempts(), 3);
    QVERIFY(!m_sim->setFaults(u"GetWorkflowSteps:error503=1"_s));
    AwsReply *failing = callAndWait(profiles::GetWorkflowSteps::spec(), params);
    QCOMPARE(failing->error().httpStatus, 503);
    QCOMPARE(failing->attempts(), 3);
}

void TestClientVsSim::lostReplyStartsExactlyOneRun()
{
    // The run is created, then the reply is lost: the client retries with the same
    // clientToken, and the simulator answers the retry with the same run.
    const QJsonObject params = validParams(codecatalyst::StartWorkflowRun::spec());
    const int before = m_sim->counters()[u"codecatalystRunsCreated"_s].toInt();
    QVERIFY(!m_sim->setFaults(u"StartWorkflowRun:lostreply=1#2"_s));
    AwsReply *reply = callAndWait(codecatalyst::StartWorkflowRun::spec(), params);
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
    const QJsonObject counters = m_sim->counters();
    QCOMPARE(counters[u"codecatalystRunsCreated"_s].toInt(), before + 1);
    QCOMPARE(counters[u"codecatalystIdempotentReplays"_s].toInt(), 2);
    QCOMPARE(counters[u"requests"_s][u"codecatalyst.StartWorkflowRun"_s].toInt(), 3);
    // The run the client was finally told about is the one that exists.
    QJsonObject get = params;
    get.remove(u"workflowId"_s);
    get.insert(u"id"_s, reply->json()[u"id"_s]);
    AwsReply *run = callAndWait(codecatalyst::GetWorkflowRun::spec(), get);
    QVERIFY2(!run->error().isError(), qPrintable(run->error().message));
    QCOMPARE(run->json()[u"workflowId"_s], params[u"workflowId"_s]);
}

void TestClientVsSim::brokenBodiesAreMalformed_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("malformed") << u"GetWorkflow:malformed=1"_s;
    QTest::newRow("truncated") << u"GetWorkflow:truncated=1"_s;
}

void TestClientVsSim::brokenBodiesAreMalformed()
{
    QFETCH(QString, fault);
    const QJsonObject params = validParams(mho::GetWorkflow::spec());
    QVERIFY(!m_sim->setFaults(fault));
    AwsReply *reply = callAndWait(mho::GetWorkflow::spec(), params);
    QCOMPARE(reply->error().kind, ErrorKind::Malformed);
    QCOMPARE(reply->attempts(), 1);
}

void TestClientVsSim::latencyBeyondTimeout()
{
    const QJsonObject params = validParams(mho::GetWorkflow::spec());
    QVERIFY(!m_sim->setFaults(u"GetWorkflow:latency=1@2000"_s));
    AwsReply *reply = callAndWait(mho::GetWorkflow::spec(), params, {}, 2, 300);
    QCOMPARE(reply->error().kind, ErrorKind::Timeout);
    QCOMPARE(reply->attempts(), 2);
}

void TestClientVsSim::closedConnectionIsRetried()
{
    // Closed before the service acted: nothing happened, so a retry is safe and succeeds.
    const QJsonObject params = validParams(imagebuilder::ListWorkflowExecutions::spec());
    QVERIFY(!m_sim->setFaults(u"ListWorkflowExecutions:close=1#2"_s));
    AwsReply *reply = callAndWait(imagebuilder::ListWorkflowExecutions::spec(), params);
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
    QCOMPARE(m_sim->counters()[u"faultsInjected"_s][u"close"_s].toInt(), 2);
    QVERIFY(!reply->json()[u"workflowExecutions"_s].toArray().isEmpty());
    // Closed every time: a network error once the attempts are spent.
    QVERIFY(!m_sim->setFaults(u"ListWorkflowExecutions:close=1"_s));
    AwsReply *failing = callAndWait(imagebuilder::ListWorkflowExecutions::spec(), params);
    QCOMPARE(failing->error().kind, ErrorKind::Network);
}

void TestClientVsSim::retryThroughTheClientMovesTheStep()
{
    // Find a FAILED step through the client, retry it, and watch it run again.
    CallOptions all;
    all.paginate = true;
    const QJsonObject retry = findFailedStep();
    QVERIFY2(!retry.isEmpty(), "no FAILED step appeared within 6 simulated hours");
    const QString wf = retry[u"workflowId"_s].toString();
    const QString group = retry[u"stepGroupId"_s].toString();
    AwsReply *first = callAndWait(mho::RetryWorkflowStep::spec(), retry);
    QVERIFY2(!first->error().isError(), qPrintable(first->error().message));
    QCOMPARE(first->json()[u"status"_s].toString(), u"IN_PROGRESS"_s);
    // A second click changes nothing and still answers 200.
    AwsReply *second = callAndWait(mho::RetryWorkflowStep::spec(), retry);
    QVERIFY2(!second->error().isError(), qPrintable(second->error().message));
    QCOMPARE(m_sim->counters()[u"mhoRetriesApplied"_s].toInt(), 1);
    // On a step that is not FAILED, the service's 400 says why.
    m_sim->clock().advance(3600 * 1000);
    AwsReply *later = callAndWait(mho::RetryWorkflowStep::spec(), retry);
    const QString status = callAndWait(
        mho::ListWorkflowSteps::spec(), {{u"workflowId"_s, wf}, {u"stepGroupId"_s, group}}, all)
                               ->json()[u"workflowStepsSummary"_s]
                               .toArray()
                               .first()
                               .toObject()[u"status"_s]
                               .toString();
    if (later->error().isError()) {
        QCOMPARE(later->error().code, u"ValidationException"_s);
        QVERIFY2(later->error().message.contains(u"FAILED"_s), qPrintable(later->error().message));
    }
    QVERIFY(!status.isEmpty());
}

void TestClientVsSim::wrongSecretIsRejected()
{
    const QJsonObject params = validParams(mho::GetWorkflow::spec());
    ServiceConfig config = configFor(mho::serviceSpec(), u"not-the-secret"_s);
    config.retry.baseDelayMs = 1;
    AwsReply *reply = m_client->send(config, mho::GetWorkflow::spec(), params);
    QSignalSpy spy(reply, &AwsReply::finished);
    QVERIFY(spy.wait(10000));
    QCOMPARE(reply->error().httpStatus, 403);
    QCOMPARE(reply->error().code, u"InvalidSignatureException"_s);
    QCOMPARE(reply->attempts(), 1);
}

void TestClientVsSim::wrongBearerTokenIsRejected()
{
    const QJsonObject params = validParams(codecatalyst::ListWorkflows::spec());
    ServiceConfig config = configFor(codecatalyst::serviceSpec(), secret, u"stolen-token"_s);
    AwsReply *reply = m_client->send(config, codecatalyst::ListWorkflows::spec(), params);
    QSignalSpy spy(reply, &AwsReply::finished);
    QVERIFY(spy.wait(10000));
    QCOMPARE(reply->error().code, u"AccessDeniedException"_s);
    QCOMPARE(reply->error().httpStatus, 403);
}

QTEST_GUILESS_MAIN(TestClientVsSim)
#include "tst_clientvssim.moc"
