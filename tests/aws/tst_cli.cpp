// stepwatch-cli as a user runs it: the real binary as a child process, a real HTTP server on
// 127.0.0.1, real config files in a temporary HOME. Exit codes and messages as the AWS CLI.

#include "clientfixture.h"
#include "support/temphome.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::test;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void offlineExitCodes_data();
    void offlineExitCodes();
    void printsResponseJson();
    void mergesPagesUnlessNoPaginate();
    void serviceErrorIs254();
    void connectionErrorIs255();
    void profileFromConfigFiles();
    void endpointFromServiceEnvironment();
    void codecatalystNeedsBearerToken();
    void debugOutputHasNoSecrets();

private:
    CliRun run(const QStringList &args, QProcessEnvironment env = {});
    QProcessEnvironment baseEnv() const;

    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<ScriptedServer> m_server;
};

void TestCli::init()
{
    m_home = std::make_unique<TempHome>();
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->start());
}

void TestCli::cleanup()
{
    m_server.reset();
    m_home.reset();
}

QProcessEnvironment TestCli::baseEnv() const
{
    QProcessEnvironment env = testEnvironment(m_home->path());
    env.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
    env.insert(u"AWS_MAX_ATTEMPTS"_s, u"1"_s);
    return env;
}

CliRun TestCli::run(const QStringList &args, QProcessEnvironment env)
{
    if (env.isEmpty())
        env = baseEnv();
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(STEPWATCH_CLI_PATH), args);
    CliRun result;
    if (!process.waitForStarted(10000))
        return result;
    // The server lives in this process: keep the event loop running while the CLI talks to it.
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestCli::offlineExitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("withRegion");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // in stdout for 0, in stderr otherwise

    const QString mho = u"migrationhuborchestrator"_s;
    QTest::newRow("version") << QStringList {u"--version"_s} << true << 0 << u"stepwatch-cli 0.1"_s;
    QTest::newRow("help") << QStringList {u"--help"_s} << true << 0 << u"customer-profiles"_s;
    QTest::newRow("service help") << QStringList {u"codecatalyst"_s, u"help"_s} << true << 0
                                  << u"start-workflow-run"_s;
    QTest::newRow("operation help")
        << QStringList {u"imagebuilder"_s, u"list-workflow-step-executions"_s, u"--help"_s} << true
        << 0 << u"--workflow-execution-id (string) [required]"_s;
    QTest::newRow("no arguments") << QStringList {} << true << 252 << u"usage:"_s;
    QTest::newRow("unknown service")
        << QStringList {u"s3"_s, u"ls"_s} << true << 252 << u"Invalid choice 's3'"_s;
    QTest::newRow("unknown operation") << QStringList {mho, u"delete-everything"_s} << true << 252
                                       << u"Invalid choice 'delete-everything'"_s;
    QTest::newRow("unknown option")
        << QStringList {mho, u"get-workflow"_s, u"--id"_s, u"w"_s, u"--colour"_s, u"red"_s} << true
        << 252 << u"Unknown options: --colour"_s;
    QTest::newRow("missing required")
        << QStringList {mho, u"retry-workflow-step"_s, u"--id"_s, u"s"_s} << true << 252
        << u"the following arguments are required: --workflow-id, --step-group-id"_s;
    QTest::newRow("pattern") << QStringList {mho, u"retry-workflow-step"_s, u"--id"_s, u"s/1"_s,
        u"--step-group-id"_s, u"g"_s, u"--workflow-id"_s, u"w"_s}
                             << false << 252
                             << u"Parameter validation failed:\nInvalid value for parameter id"_s;
    QTest::newRow("range") << QStringList {u"imagebuilder"_s, u"list-workflow-step-executions"_s,
        u"--workflow-execution-id"_s, u"wf-12345678-1234-1234-1234-123456789012"_s,
        u"--max-results"_s, u"26"_s}
                           << true << 252 << u"valid max value: 25"_s;
    QTest::newRow("not an integer")
        << QStringList {mho, u"list-workflows"_s, u"--max-results=ten"_s} << true << 252
        << u"invalid integer value: 'ten'"_s;
    QTest::newRow("attempt timeout out of range")
        << QStringList {u"--cli-attempt-timeout"_s, u"99999999"_s, mho, u"list-workflows"_s} << true
        << 252 << u"argument --cli-attempt-timeout: invalid value: '99999999'"_s;
    QTest::newRow("no region") << QStringList {mho, u"list-workflows"_s} << false << 253
                               << u"You must specify a region"_s;
    QTest::newRow("bad region") << QStringList {u"--region"_s, u"us east"_s, mho,
        u"list-workflows"_s} << false
                                << 253 << u"doesn't match a supported format"_s;
    QTest::newRow("missing profile")
        << QStringList {u"--profile"_s, u"nope"_s, mho, u"list-workflows"_s} << true << 253
        << u"The config profile (nope) could not be found"_s;
    QTest::newRow("remote http") << QStringList {u"--endpoint-url"_s, u"http://192.0.2.10:8080"_s,
        mho, u"list-workflows"_s} << true
                                 << 253 << u"--allow-insecure-http"_s;
    QTest::newRow("bad endpoint scheme")
        << QStringList {u"--endpoint-url"_s, u"ftp://example.com"_s, mho, u"list-workflows"_s}
        << true << 253 << u"the scheme must be https or http"_s;
}

void TestCli::offlineExitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(bool, withRegion);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QProcessEnvironment env = baseEnv();
    if (!withRegion)
        env.remove(u"AWS_REGION"_s);
    const CliRun r = run(args, env);
    QCOMPARE(r.exitCode, exitCode);
    const QString &text = exitCode == 0 ? r.out : r.err;
    QVERIFY2(text.contains(expected), qPrintable(u"stdout: "_s + r.out + u"\nstderr: "_s + r.err));
    QVERIFY(m_server->requests.isEmpty());
}

void TestCli::printsResponseJson()
{
    m_server->enqueue(ScriptedResponse::json({{u"id"_s, u"step-1"_s}, {u"stepGroupId"_s, u"g-1"_s},
        {u"workflowId"_s, u"mw-1"_s}, {u"status"_s, u"IN_PROGRESS"_s}}));
    const CliRun r = run({u"--endpoint-url"_s, QString::fromLatin1(m_server->url()),
        u"migrationhuborchestrator"_s, u"retry-workflow-step"_s, u"--id"_s, u"step-1"_s,
        u"--step-group-id"_s, u"g-1"_s, u"--workflow-id"_s, u"mw-1"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject out = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(out.value(u"status"_s).toString(), u"IN_PROGRESS"_s);
    QCOMPARE(m_server->requests.size(), 1);
    QCOMPARE(m_server->requests.first().method, QByteArray("POST"));
    QCOMPARE(m_server->requests.first().path, QByteArray("/retryworkflowstep/step-1"));
    QVERIFY(
        verifySignature(m_server->requests.first(), u"eu-west-1"_s, u"migrationhub-orchestrator"_s)
            .isEmpty());
}

void TestCli::mergesPagesUnlessNoPaginate()
{
    m_server->setHandler([](const RecordedRequest &r) {
        const QJsonObject in = r.json();
        const QString token = in.value(u"nextToken"_s).toString();
        QJsonObject body {
            {u"steps"_s,
                QJsonArray {QJsonObject {{u"name"_s, token.isEmpty() ? u"one"_s : u"two"_s}}}},
            {u"requestId"_s, u"r"_s}};
        if (token.isEmpty())
            body.insert(u"nextToken"_s, u"page2"_s);
        return ScriptedResponse::json(body);
    });
    const QStringList args {u"--endpoint-url"_s, QString::fromLatin1(m_server->url()),
        u"imagebuilder"_s, u"list-workflow-step-executions"_s, u"--workflow-execution-id"_s,
        u"wf-12345678-1234-1234-1234-123456789012"_s, u"--page-size"_s, u"1"_s};
    const CliRun all = run(args);
    QCOMPARE(all.exitCode, 0);
    const QJsonObject merged = QJsonDocument::fromJson(all.out.toUtf8()).object();
    QCOMPARE(merged.value(u"steps"_s).toArray().size(), 2);
    QVERIFY(!merged.contains(u"nextToken"_s));
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(m_server->requests.at(0).body,
        QByteArray(
            R"({"maxResults":1,"workflowExecutionId":"wf-12345678-1234-1234-1234-123456789012"})"));

    const CliRun first = run(args + QStringList {u"--no-paginate"_s});
    QCOMPARE(first.exitCode, 0);
    const QJsonObject page = QJsonDocument::fromJson(first.out.toUtf8()).object();
    QCOMPARE(page.value(u"steps"_s).toArray().size(), 1);
    QCOMPARE(page.value(u"nextToken"_s).toString(), u"page2"_s);
    QCOMPARE(m_server->requests.size(), 3);

    // As the AWS CLI: the operation's own limit key means paging by hand, one page.
    QStringList byHand = args;
    byHand[byHand.indexOf(u"--page-size"_s)] = u"--max-results"_s;
    const CliRun manual = run(byHand);
    QCOMPARE(manual.exitCode, 0);
    const QJsonObject one = QJsonDocument::fromJson(manual.out.toUtf8()).object();
    QCOMPARE(one.value(u"steps"_s).toArray().size(), 1);
    QCOMPARE(one.value(u"nextToken"_s).toString(), u"page2"_s);

    // --starting-token resumes from a page and merges the rest.
    const CliRun resumed = run(args + QStringList {u"--starting-token"_s, u"page2"_s});
    QCOMPARE(resumed.exitCode, 0);
    const QJsonObject tail = QJsonDocument::fromJson(resumed.out.toUtf8()).object();
    QCOMPARE(tail.value(u"steps"_s).toArray().size(), 1);
    QCOMPARE(m_server->requests.last().json().value(u"nextToken"_s).toString(), u"page2"_s);
}

void TestCli::serviceErrorIs254()
{
    m_server->enqueue(ScriptedResponse::awsError(
        404, u"ResourceNotFoundException"_s, u"Domain demo was not found"_s, u"Message"_s));
    const CliRun r = run({u"--endpoint-url"_s, QString::fromLatin1(m_server->url()),
        u"customer-profiles"_s, u"get-workflow-steps"_s, u"--domain-name"_s, u"demo"_s,
        u"--workflow-id"_s, u"0123456789abcdef0123456789abcdef"_s});
    QCOMPARE(r.exitCode, 254);
    QCOMPARE(r.err.trimmed(),
        u"An error occurred (ResourceNotFoundException) when calling the GetWorkflowSteps "
        "operation: Domain demo was not found"_s);
    QVERIFY(r.out.isEmpty());
}

void TestCli::connectionErrorIs255()
{
    const QString url = QString::fromLatin1(m_server->url());
    m_server.reset();
    const CliRun r = run({u"--endpoint-url"_s, url, u"migrationhuborchestrator"_s,
        u"get-workflow"_s, u"--id"_s, u"mw-1"_s});
    QCOMPARE(r.exitCode, 255);
    QVERIFY2(r.err.contains(u"Could not reach"_s), qPrintable(r.err));
    m_server = std::make_unique<ScriptedServer>(); // for cleanup()
}

void TestCli::profileFromConfigFiles()
{
    m_home->config(u"[profile ops]\nregion = ap-southeast-2\nservices = local\n\n"
                   "[services local]\nmigrationhuborchestrator =\n  endpoint_url = "_s
        + QString::fromLatin1(m_server->url()) + u'\n');
    m_home->credentials(u"[ops]\naws_access_key_id = "_s + testKeyId
        + u"\naws_secret_access_key = "_s + testSecret + u'\n');
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home->path());
    env.insert(u"AWS_PROFILE"_s, u"ops"_s);
    m_server->enqueue(ScriptedResponse::json({{u"migrationWorkflowSummary"_s, QJsonArray()}}));
    const CliRun r = run({u"migrationhuborchestrator"_s, u"list-workflows"_s}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(m_server->requests.size(), 1);
    QVERIFY(verifySignature(
        m_server->requests.first(), u"ap-southeast-2"_s, u"migrationhub-orchestrator"_s)
                .isEmpty());
}

void TestCli::endpointFromServiceEnvironment()
{
    QProcessEnvironment env = baseEnv();
    env.insert(u"AWS_ENDPOINT_URL_CODECATALYST"_s, QString::fromLatin1(m_server->url()));
    env.insert(u"AWS_ENDPOINT_URL"_s, u"http://127.0.0.1:9"_s); // less specific: must lose
    m_server->enqueue(ScriptedResponse::json({{u"spaceName"_s, u"sp"_s},
        {u"projectName"_s, u"pr"_s}, {u"id"_s, u"0f8fad5b-d9cb-469f-a165-70867728950e"_s},
        {u"workflowId"_s, u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s}}));
    const CliRun r =
        run({u"codecatalyst"_s, u"start-workflow-run"_s, u"--space-name"_s, u"sp"_s,
                u"--project-name"_s, u"pr"_s, u"--workflow-id"_s,
                u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s, u"--client-token"_s, u"click-1"_s},
            env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const RecordedRequest &req = m_server->requests.first();
    QCOMPARE(req.method, QByteArray("PUT"));
    QCOMPARE(req.path, QByteArray("/v1/spaces/sp/projects/pr/workflowRuns"));
    QCOMPARE(req.query, QByteArray("workflowId=7c9e6679-7425-40de-944b-e07fc1f90ae7"));
    QCOMPARE(req.body, QByteArray(R"({"clientToken":"click-1"})"));
    QCOMPARE(req.header("Authorization"), "Bearer " + testBearer.toUtf8());
}

void TestCli::codecatalystNeedsBearerToken()
{
    QProcessEnvironment env = baseEnv();
    env.remove(u"AWS_BEARER_TOKEN_CODECATALYST"_s);
    const CliRun r =
        run({u"--endpoint-url"_s, QString::fromLatin1(m_server->url()), u"codecatalyst"_s,
                u"list-workflows"_s, u"--space-name"_s, u"sp"_s, u"--project-name"_s, u"pro"_s},
            env);
    QCOMPARE(r.exitCode, 253);
    QVERIFY2(r.err.contains(u"AWS_BEARER_TOKEN_CODECATALYST"_s), qPrintable(r.err));
    QVERIFY(m_server->requests.isEmpty());
}

void TestCli::debugOutputHasNoSecrets()
{
    QProcessEnvironment env = baseEnv();
    env.insert(u"AWS_SESSION_TOKEN"_s, u"session-token-value-xyz"_s);
    m_server->enqueue(ScriptedResponse::json({{u"id"_s, u"mw-1"_s}}));
    const CliRun r =
        run({u"--debug"_s, u"--endpoint-url"_s, QString::fromLatin1(m_server->url()),
                u"migrationhuborchestrator"_s, u"get-workflow"_s, u"--id"_s, u"mw-1"_s},
            env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.contains(u"GET http://127.0.0.1"_s));
    QVERIFY(r.err.contains(u"Authorization: <redacted>"_s));
    QVERIFY(r.err.contains(u"X-Amz-Security-Token: <redacted>"_s));
    QVERIFY(!r.err.contains(testSecret));
    QVERIFY(!r.err.contains(testKeyId));
    QVERIFY(!r.err.contains(u"session-token-value-xyz"_s));
    QCOMPARE(m_server->requests.first().header("X-Amz-Security-Token"),
        QByteArray("session-token-value-xyz"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
