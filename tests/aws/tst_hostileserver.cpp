// A hostile server on 127.0.0.1 answering the real AwsClient and the real stepwatch-cli: bodies
// that claim to be compressed, page tokens of megabytes, bytes trickling in for ever, lengths
// far over any answer, escape sequences in headers. Each must end as a clear error, quickly,
// with bounded memory, and nothing of the server's bytes may reach a terminal unfiltered.

#include "clientfixture.h"

#include "aws/awsclient.h"
#include "aws/bearertoken.h"
#include "aws/customerprofiles.h"
#include "aws/imagebuilder.h"
#include "aws/migrationhuborchestrator.h"
#include "support/rawserver.h"
#include "support/temphome.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace sw::aws;
using namespace sw::test;

namespace {

const QString cpWorkflowId = u"0123456789abcdef0123456789abcdef"_s;

using Headers = QList<QPair<QByteArray, QByteArray>>;

const Headers jsonHeaders {{"Content-Type", "application/json"}};

quint32 crc32Of(const QByteArray &data)
{
    quint32 crc = 0xffffffffu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

/// A valid gzip member of `data`: qCompress's deflate stream without its zlib wrapping, in a
/// gzip header and trailer (so the test needs no zlib of its own).
QByteArray gzipOf(const QByteArray &data)
{
    const QByteArray zlib = qCompress(data, 9);
    // 4 bytes of length (Qt's), 2 of zlib header, the deflate stream, 4 of Adler-32.
    const QByteArray deflate = zlib.mid(6, zlib.size() - 10);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff", 10);
    out += deflate;
    const auto le32 = [&out](quint32 v) {
        for (int i = 0; i < 4; ++i)
            out += char((v >> (8 * i)) & 0xff);
    };
    le32(crc32Of(data));
    le32(quint32(data.size()));
    return out;
}

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 && c != u'\n' && c != u'\r' && c != u'\t')
            return true;
        if (c.unicode() == 0x7f || c.unicode() == 0x9b)
            return true;
    }
    return false;
}

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
    qint64 elapsedMs = 0;
};

} // namespace

class TestHostileServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("QT_LOGGING_RULES", "stepwatch.*.debug=false"); }
    void init();
    void cleanup();

    // 1: every Qt error is an error, an empty body is no answer
    void brokenCompressedBodyIsAnError();
    void compressedBodyIsNeverInflated();
    void emptySuccessBodyIsAnError();
    void cliBrokenCompressedBodyIsNoSuccess();
    // 2: tokens over the model's limit
    void pageTokenOverTheModelLimitIsMalformed_data();
    void pageTokenOverTheModelLimitIsMalformed();
    void cliPageTokenOverTheLimitFails();
    // 4: an overall deadline per attempt
    void tricklingResponseHitsTheAttemptDeadline();
    void cliAttemptTimeoutEndsATrickle();
    // 10: escapes never reach a terminal
    void escapesInTheRequestIdAreFiltered();
    void cliDebugPrintsNoEscapes();
    // 11: the response cap is exact
    void announcedHugeLengthIsRefusedUnread();
    void endlessBodyStopsAtTheCap();
    // 5, 7, 8: credentials from outside reach neither the wire nor the terminal
    void cliRefusesTokensWithLineBreaks_data();
    void cliRefusesTokensWithLineBreaks();
    void cliNeverEchoesHelperSecrets();
    void cliSsoCacheFifoFailsAtOnce();

private:
    AwsReply *sendAndWait(const OperationSpec &op, const QJsonObject &params,
        const std::function<void(ServiceConfig &)> &adjust = {}, AwsReply::DebugSink debug = {});
    CliRun runCli(const QStringList &args, const QStringList &extraEnv = {});

    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<RawServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<AwsClient> m_client;
};

void TestHostileServer::init()
{
    m_home = std::make_unique<TempHome>();
    m_server = std::make_unique<RawServer>();
    QVERIFY(m_server->start());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<AwsClient>(m_network.get());
}

void TestHostileServer::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_server.reset();
    m_home.reset();
}

AwsReply *TestHostileServer::sendAndWait(const OperationSpec &op, const QJsonObject &params,
    const std::function<void(ServiceConfig &)> &adjust, AwsReply::DebugSink debug)
{
    ServiceConfig config = configFor(*op.service, m_server->url(), m_home->path());
    config.retry.maxAttempts = 1;
    if (adjust)
        adjust(config);
    m_client->setDebugSink(std::move(debug));
    CallOptions options;
    options.paginate = true;
    AwsReply *reply = m_client->send(config, op, params, options);
    QSignalSpy spy(reply, &AwsReply::finished);
    if (!spy.wait(60000))
        qWarning("reply did not finish");
    return reply;
}

CliRun TestHostileServer::runCli(const QStringList &args, const QStringList &extraEnv)
{
    QProcessEnvironment env = testEnvironment(m_home->path());
    env.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
    env.insert(u"AWS_MAX_ATTEMPTS"_s, u"1"_s);
    for (const QString &kv : extraEnv)
        env.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    QProcess process;
    process.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral(STEPWATCH_CLI_PATH),
        QStringList {u"--endpoint-url"_s, QString::fromLatin1(m_server->url())} + args);
    CliRun result;
    if (!process.waitForStarted(10000))
        return result;
    // The server lives in this process: keep the event loop running while the CLI talks to it.
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(90000)) {
        process.kill();
        process.waitForFinished();
    }
    result.elapsedMs = clock.elapsed();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestHostileServer::brokenCompressedBodyIsAnError()
{
    m_server->setHandler([](const QByteArray &) {
        return RawScript::response(
            200, jsonHeaders + Headers {{"Content-Encoding", "gzip"}}, "this is not gzip data");
    });
    AwsReply *reply = sendAndWait(profiles::GetWorkflowSteps::spec(),
        {{u"DomainName"_s, u"demo-domain"_s}, {u"WorkflowId"_s, cpWorkflowId}});
    QVERIFY2(reply->error().kind == ErrorKind::Malformed, qPrintable(reply->error().message));
    QVERIFY2(reply->error().message.contains(u"gzip"_s), qPrintable(reply->error().message));
    QVERIFY(reply->json().isEmpty());
    // Plain bytes were asked for, as botocore asks.
    QCOMPARE(m_server->requests.size(), 1);
    QVERIFY2(m_server->requests.first().toLower().contains("accept-encoding: identity"),
        m_server->requests.first().constData());
}

void TestHostileServer::compressedBodyIsNeverInflated()
{
    // A valid gzip of 64 MiB of zeros is 64 KiB on the wire: it is refused as sent, never
    // inflated (which would take the memory the cap exists to protect).
    const QByteArray bomb = gzipOf(QByteArray(64 * 1024 * 1024, '\0'));
    QVERIFY(bomb.size() < 1024 * 1024);
    m_server->setHandler([bomb](const QByteArray &) {
        return RawScript::response(200, jsonHeaders + Headers {{"Content-Encoding", "gzip"}}, bomb);
    });
    AwsReply *reply = sendAndWait(profiles::GetWorkflowSteps::spec(),
        {{u"DomainName"_s, u"demo-domain"_s}, {u"WorkflowId"_s, cpWorkflowId}});
    QVERIFY2(reply->error().kind == ErrorKind::Malformed, qPrintable(reply->error().message));
    QVERIFY2(reply->error().message.contains(u"encoded as \"gzip\""_s),
        qPrintable(reply->error().message));
}

void TestHostileServer::emptySuccessBodyIsAnError()
{
    m_server->setHandler([](const QByteArray &) { return RawScript::response(200, {}, {}); });
    AwsReply *reply = sendAndWait(mho::RetryWorkflowStep::spec(),
        {{u"id"_s, u"step-1"_s}, {u"stepGroupId"_s, u"g-1"_s}, {u"workflowId"_s, u"mw-1"_s}});
    QVERIFY2(reply->error().kind == ErrorKind::Malformed, qPrintable(reply->error().message));
    QVERIFY2(reply->error().message.contains(u"no body"_s), qPrintable(reply->error().message));
    QVERIFY(reply->error().isError());
}

void TestHostileServer::cliBrokenCompressedBodyIsNoSuccess()
{
    m_server->setHandler([](const QByteArray &) {
        return RawScript::response(
            200, jsonHeaders + Headers {{"Content-Encoding", "gzip"}}, "this is not gzip data");
    });
    const CliRun r = runCli({u"customer-profiles"_s, u"get-workflow-steps"_s, u"--domain-name"_s,
        u"demo-domain"_s, u"--workflow-id"_s, cpWorkflowId});
    QCOMPARE(r.exitCode, 255);
    QVERIFY2(r.out.trimmed().isEmpty(), qPrintable(r.out));
    QVERIFY2(r.err.contains(u"gzip"_s), qPrintable(r.err));
}

void TestHostileServer::pageTokenOverTheModelLimitIsMalformed_data()
{
    QTest::addColumn<bool>("imageBuilder");
    QTest::addColumn<int>("tokenLength");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("Image Builder at its 65,535") << true << 65535 << true;
    QTest::newRow("Image Builder 65,536") << true << 65536 << false;
    QTest::newRow("Image Builder 8 MiB") << true << 8 * 1024 * 1024 << false;
    QTest::newRow("Customer Profiles at its 1,024") << false << 1024 << true;
    QTest::newRow("Customer Profiles 1,025") << false << 1025 << false;
}

void TestHostileServer::pageTokenOverTheModelLimitIsMalformed()
{
    QFETCH(bool, imageBuilder);
    QFETCH(int, tokenLength);
    QFETCH(bool, accepted);
    const QString listKey = imageBuilder ? u"steps"_s : u"Items"_s;
    const QString tokenKey = imageBuilder ? u"nextToken"_s : u"NextToken"_s;
    // A fresh token of the length asked for on every page, but only for the first two pages.
    int served = 0;
    m_server->setHandler([&](const QByteArray &) {
        QJsonObject page {{listKey, QJsonArray {QJsonObject {{u"stepId"_s, u"s"_s}}}}};
        if (imageBuilder)
            page.insert(u"requestId"_s, u"r"_s);
        if (served < 2)
            page.insert(tokenKey, QString(tokenLength - 1, u'a') + QChar(u'a' + served));
        ++served;
        return RawScript::response(
            200, jsonHeaders, QJsonDocument(page).toJson(QJsonDocument::Compact));
    });
    AwsReply *reply = imageBuilder
        ? sendAndWait(imagebuilder::ListWorkflowStepExecutions::spec(),
            {{u"workflowExecutionId"_s, u"wf-12345678-1234-1234-1234-123456789012"_s}})
        : sendAndWait(profiles::ListWorkflows::spec(), {{u"DomainName"_s, u"d"_s}});
    if (accepted) {
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
        QCOMPARE(m_server->requests.size(), 3);
        QCOMPARE(reply->json().value(listKey).toArray().size(), 3);
        return;
    }
    QVERIFY2(reply->error().kind == ErrorKind::Malformed, qPrintable(reply->error().message));
    QVERIFY2(reply->error().message.contains(u"page token of %1 characters"_s.arg(tokenLength)),
        qPrintable(reply->error().message));
    // Not sent back: the first page's token ends the listing.
    QCOMPARE(m_server->requests.size(), 1);
    // Nothing of it is in the message either.
    QVERIFY(reply->error().message.size() < 400);
}

void TestHostileServer::cliPageTokenOverTheLimitFails()
{
    m_server->setHandler([](const QByteArray &) {
        const QJsonObject page {{u"steps"_s, QJsonArray()}, {u"requestId"_s, u"r"_s},
            {u"nextToken"_s, QString(70000, u'z')}};
        return RawScript::response(
            200, jsonHeaders, QJsonDocument(page).toJson(QJsonDocument::Compact));
    });
    const CliRun r = runCli({u"imagebuilder"_s, u"list-workflow-step-executions"_s,
        u"--workflow-execution-id"_s, u"wf-12345678-1234-1234-1234-123456789012"_s});
    QCOMPARE(r.exitCode, 255);
    QVERIFY2(r.err.contains(u"70000 characters"_s), qPrintable(r.err));
    QVERIFY(r.err.size() < 1000);
    QCOMPARE(m_server->requests.size(), 1);
}

void TestHostileServer::tricklingResponseHitsTheAttemptDeadline()
{
    // Headers at once, then one byte every 200 ms: Qt's transfer timeout never fires.
    m_server->setHandler([](const QByteArray &) {
        return RawScript::trickle(
            200, jsonHeaders + Headers {{"Content-Length", "1000"}}, QByteArray(1000, ' '), 200);
    });
    QElapsedTimer clock;
    clock.start();
    AwsReply *reply =
        sendAndWait(mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}}, [](ServiceConfig &c) {
            c.attemptTimeoutMs = 1500;
            c.retry.maxAttempts = 2;
        });
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(reply->error().kind == ErrorKind::Timeout, qPrintable(reply->error().message));
    QVERIFY2(reply->error().message.contains(u"deadline"_s), qPrintable(reply->error().message));
    // A timeout is retried like any other; each attempt had its own deadline.
    QCOMPARE(reply->attempts(), 2);
    QCOMPARE(m_server->requests.size(), 2);
    QVERIFY2(elapsed >= 2800 && elapsed < 20000, QByteArray::number(elapsed));
    // We hung up on the server each time.
    QTRY_COMPARE(m_server->hungUp, 2);
}

void TestHostileServer::cliAttemptTimeoutEndsATrickle()
{
    m_server->setHandler([](const QByteArray &) {
        return RawScript::trickle(
            200, jsonHeaders + Headers {{"Content-Length", "1000"}}, QByteArray(1000, ' '), 500);
    });
    const CliRun r = runCli({u"--cli-read-timeout"_s, u"3"_s, u"--cli-attempt-timeout"_s, u"2"_s,
        u"migrationhuborchestrator"_s, u"get-workflow"_s, u"--id"_s, u"mw-1"_s});
    QCOMPARE(r.exitCode, 255);
    QVERIFY2(r.err.contains(u"deadline"_s), qPrintable(r.err));
    QVERIFY2(r.elapsedMs < 30000, QByteArray::number(r.elapsedMs));
    QCOMPARE(m_server->requests.size(), 1);
}

void TestHostileServer::escapesInTheRequestIdAreFiltered()
{
    m_server->setHandler([](const QByteArray &) {
        return RawScript::response(200,
            jsonHeaders + Headers {{"x-amzn-RequestId", "req-1\x1b]0;owned\x07\x1b[2J\x9b"}},
            R"({"id":"mw-1","name":"n\u001b[31mred","status":"IN_PROGRESS"})");
    });
    QStringList lines;
    AwsReply *reply = sendAndWait(mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}}, {},
        [&lines](const QString &line) { lines.append(line); });
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().message));
    QVERIFY2(!hasControlCharacters(reply->requestId()), qPrintable(reply->requestId()));
    QVERIFY(reply->requestId().startsWith(u"req-1"_s));
    QVERIFY(!lines.isEmpty());
    for (const QString &line : std::as_const(lines))
        QVERIFY2(!hasControlCharacters(line), qPrintable(line));
}

void TestHostileServer::cliDebugPrintsNoEscapes()
{
    m_server->setHandler([](const QByteArray &) {
        return RawScript::response(404,
            jsonHeaders
                + Headers {{"x-amzn-RequestId", "req-1\x1b]0;owned\x07"},
                    {"x-amzn-ErrorType", "ResourceNotFoundException"}},
            R"({"message":"no \u001b[2J such \u0007 workflow"})");
    });
    const CliRun r = runCli(
        {u"--debug"_s, u"migrationhuborchestrator"_s, u"get-workflow"_s, u"--id"_s, u"mw-1"_s});
    QCOMPARE(r.exitCode, 254);
    QVERIFY2(r.err.contains(u"req-1"_s), qPrintable(r.err));
    QVERIFY2(!hasControlCharacters(r.err), qPrintable(r.err));
    QVERIFY(!r.err.contains(u'\x1b'));
    QVERIFY(!r.err.contains(u'\x07'));
}

void TestHostileServer::announcedHugeLengthIsRefusedUnread()
{
    // 100 MB announced; the server would send it all if it were read.
    m_server->setHandler([](const QByteArray &) {
        RawScript s = RawScript::response(
            200, jsonHeaders + Headers {{"Content-Length", "104857600"}}, {}, false);
        s.chunks.append({0, QByteArray(1024 * 1024, 'x'), 100});
        return s;
    });
    AwsReply *reply = sendAndWait(mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}});
    QVERIFY2(reply->error().kind == ErrorKind::Malformed, qPrintable(reply->error().message));
    QVERIFY2(
        reply->error().message.contains(u"announced 100 MB"_s), qPrintable(reply->error().message));
    QTRY_COMPARE(m_server->hungUp, 1);
    // What went out before the hang-up is what the socket buffers hold, not the 100 MB.
    QVERIFY2(m_server->bytesWritten < 16 * 1024 * 1024, QByteArray::number(m_server->bytesWritten));
}

void TestHostileServer::endlessBodyStopsAtTheCap()
{
    // No length at all: the body ends when the connection does, which here is never soon.
    m_server->setHandler([](const QByteArray &) {
        RawScript s =
            RawScript::response(200, jsonHeaders + Headers {{"Connection", "close"}}, {}, false);
        s.chunks.append({0, QByteArray(1024 * 1024, 'x'), 200});
        return s;
    });
    AwsReply *reply = sendAndWait(mho::GetWorkflow::spec(), {{u"id"_s, u"mw-1"_s}});
    QVERIFY2(reply->error().kind == ErrorKind::Malformed, qPrintable(reply->error().message));
    QVERIFY2(
        reply->error().message.contains(u"exceeded 32 MB"_s), qPrintable(reply->error().message));
    QTRY_COMPARE(m_server->hungUp, 1);
    // Dropped as the cap was crossed: 32 MB and what the buffers on the way hold.
    QVERIFY2(m_server->bytesWritten < 48 * 1024 * 1024, QByteArray::number(m_server->bytesWritten));
}

void TestHostileServer::cliRefusesTokensWithLineBreaks_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bearer token variable")
        << QStringList {u"codecatalyst"_s, u"list-workflows"_s, u"--space-name"_s, u"my-space"_s,
               u"--project-name"_s, u"my-project"_s}
        << QStringList {u"AWS_BEARER_TOKEN_CODECATALYST=tok\r\nX-Injected: yes"_s}
        << u"AWS_BEARER_TOKEN_CODECATALYST contains a control character"_s;
    QTest::newRow("credential_process session token") << QStringList {u"--profile"_s, u"helper"_s,
        u"migrationhuborchestrator"_s, u"get-workflow"_s, u"--id"_s,
        u"mw-1"_s} << QStringList {} << u"The session token from credential_process"_s;
}

void TestHostileServer::cliRefusesTokensWithLineBreaks()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, env);
    QFETCH(QString, expected);
    const QString script = m_home->script(u"helper.sh"_s,
        uR"(printf '{"Version":1,"AccessKeyId":"AKIDHELPER","SecretAccessKey":"helper-secret","SessionToken":"tok\r\nX-Injected: yes"}')"_s);
    m_home->config(
        u"[profile helper]\nregion = eu-west-1\ncredential_process = "_s + script + u'\n');
    m_server->setHandler([](const QByteArray &) {
        return RawScript::response(200, jsonHeaders, R"({"id":"mw-1"})");
    });
    const CliRun r = runCli(args, env);
    QCOMPARE(r.exitCode, 253);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    // Nothing reached the wire, so no header was injected anywhere.
    QVERIFY(m_server->requests.isEmpty());
    QVERIFY(!r.err.contains(u"helper-secret"_s));
}

void TestHostileServer::cliNeverEchoesHelperSecrets()
{
    const QString script = m_home->script(u"helper.sh"_s,
        u"echo 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' >&2\n"
        u"echo \"export AWS_SECRET_ACCESS_KEY=second-line-secret\" >&2\nexit 1"_s);
    m_home->config(
        u"[profile helper]\nregion = eu-west-1\ncredential_process = "_s + script + u'\n');
    const CliRun r = runCli({u"--debug"_s, u"--profile"_s, u"helper"_s,
        u"migrationhuborchestrator"_s, u"get-workflow"_s, u"--id"_s, u"mw-1"_s});
    QCOMPARE(r.exitCode, 253);
    QVERIFY2(r.err.contains(u"exited with code 1: aws_secret_access_key = <redacted>"_s),
        qPrintable(r.err));
    QVERIFY2(!r.err.contains(u"wJalrXUtnFEMI"_s), qPrintable(r.err));
    QVERIFY2(!r.err.contains(u"second-line-secret"_s), qPrintable(r.err));
    QVERIFY(m_server->requests.isEmpty());
}

void TestHostileServer::cliSsoCacheFifoFailsAtOnce()
{
    m_home->config(u"[default]\nregion = eu-west-1\nsso_session = s\n[sso-session s]\n"
                   u"sso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n"_s);
    QProcessEnvironment env = testEnvironment(m_home->path());
    const QString cache = ssoTokenCachePath(env, u"s"_s);
    QVERIFY(QDir().mkpath(QFileInfo(cache).absolutePath()));
    QCOMPARE(::mkfifo(QFile::encodeName(cache).constData(), 0600), 0);
    const CliRun r = runCli({u"codecatalyst"_s, u"list-workflows"_s, u"--space-name"_s,
                                u"my-space"_s, u"--project-name"_s, u"my-project"_s},
        {u"AWS_BEARER_TOKEN_CODECATALYST="_s});
    QCOMPARE(r.exitCode, 253);
    QVERIFY2(r.err.contains(u"is a FIFO, not a regular file"_s), qPrintable(r.err));
    // It used to hang until killed.
    QVERIFY2(r.elapsedMs < 10000, QByteArray::number(r.elapsedMs));
}

QTEST_GUILESS_MAIN(TestHostileServer)
#include "tst_hostileserver.moc"
