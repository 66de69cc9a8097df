// The real poller against a hostile server on 127.0.0.1: a 200 whose body cannot be read, a
// page token over the model's limit, a reply that trickles in for ever. Each is that watch's
// error, in words, never "no workflows"; and a watch never stays stuck behind such a reply.

#include "simfleet.h"
#include "support/rawserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>
#include <QTimer>

using namespace sw;
using namespace sw::test;
using namespace Qt::StringLiterals;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
const Headers jsonHeaders {{"Content-Type", "application/json"}};

RawScript jsonPage(const QJsonObject &page)
{
    return RawScript::response(
        200, jsonHeaders, QJsonDocument(page).toJson(QJsonDocument::Compact));
}

const QJsonObject oneWorkflow {{u"id"_s, u"mw-1"_s}, {u"name"_s, u"Wave 1"_s},
    {u"status"_s, u"IN_PROGRESS"_s}, {u"templateId"_s, u"t-1"_s}};

} // namespace

class tst_PollerHostile : public QObject {
    Q_OBJECT

private slots:
    void unreadableSuccessIsAnError();
    void pageTokenOverTheLimitIsAnError();
    void tricklingReplyDoesNotHoldTheWatch();
    void failingCredentialProcessNeverBlocksTheEventLoop();

private:
    /// A poller whose watch of Migration Hub Orchestrator is aimed at `server`.
    struct Rig {
        SimFleet fleet;
        std::unique_ptr<AwsGateway> gateway;
        std::unique_ptr<Poller> poller;
        Watch watch;

        Rig(const RawServer &server, int attemptTimeoutMs = 60000)
        {
            AwsGateway::Settings settings = fleet.gateway->settings();
            settings.attemptTimeoutMs = attemptTimeoutMs;
            gateway = std::make_unique<AwsGateway>(&fleet.network, settings);
            poller = std::make_unique<Poller>(gateway.get());
            watch = fleet.watchFor(Service::MigrationHubOrchestrator);
            watch.endpointUrl = QString::fromLatin1(server.url());
        }
        WatchHealth health() const { return poller->health(watch.id); }
    };
};

void tst_PollerHostile::unreadableSuccessIsAnError()
{
    RawServer server;
    QVERIFY(server.start());
    server.setHandler([](const QByteArray &) {
        return RawScript::response(
            200, jsonHeaders + Headers {{"Content-Encoding", "gzip"}}, "this is not gzip data");
    });
    Rig rig(server);
    rig.poller->addWatch(rig.watch);
    QVERIFY(waitFor([&] { return rig.health().state == WatchHealth::State::Degraded; }, 20000));
    QVERIFY2(rig.health().lastError.contains(u"gzip"_s), qPrintable(rig.health().lastError));
    QCOMPARE(rig.health().workflowCount, 0);
    QVERIFY(!rig.health().lastSuccess.isValid());
}

void tst_PollerHostile::pageTokenOverTheLimitIsAnError()
{
    RawServer server;
    QVERIFY(server.start());
    // MHO allows 2,048 characters; each page hands out a fresh token of 4,096.
    int served = 0;
    server.setHandler([&served](const QByteArray &) {
        ++served;
        return jsonPage({{u"migrationWorkflowSummary"_s, QJsonArray {oneWorkflow}},
            {u"nextToken"_s, QString(4095, u'a') + QString::number(served % 10)}});
    });
    Rig rig(server);
    rig.poller->addWatch(rig.watch);
    QVERIFY(waitFor([&] { return rig.health().state == WatchHealth::State::Degraded; }, 20000));
    QVERIFY2(rig.health().lastError.contains(u"page token of 4096 characters"_s),
        qPrintable(rig.health().lastError));
    // Never sent back: every listing stopped at its first page.
    for (const QByteArray &request : std::as_const(server.requests))
        QVERIFY2(!request.contains("nextToken="), request.left(200).constData());
}

void tst_PollerHostile::tricklingReplyDoesNotHoldTheWatch()
{
    RawServer server;
    QVERIFY(server.start());
    bool healthy = false;
    server.setHandler([&healthy](const QByteArray &head) {
        if (!healthy)
            return RawScript::trickle(200, jsonHeaders + Headers {{"Content-Length", "5000"}},
                QByteArray(5000, ' '), 100);
        if (head.startsWith("GET /migrationworkflows"))
            return jsonPage({{u"migrationWorkflowSummary"_s, QJsonArray {oneWorkflow}}});
        return RawScript::response(404, jsonHeaders, R"({"message":"not here"})");
    });
    Rig rig(server, 1500);
    rig.poller->addWatch(rig.watch);
    QVERIFY(waitFor(
        [&] {
            return rig.health().state != WatchHealth::State::Ok
                && rig.health().lastError.contains(u"deadline"_s);
        },
        30000));
    QCOMPARE(rig.health().workflowCount, 0);

    // The server behaves again: the watch is not stuck behind the old reply.
    healthy = true;
    rig.poller->refreshWatch(rig.watch.id);
    QVERIFY2(waitFor([&] { return rig.health().workflowCount == 1; }, 30000),
        qPrintable(rig.health().lastError));
}

void tst_PollerHostile::failingCredentialProcessNeverBlocksTheEventLoop()
{
    // A helper that takes 1.5 s and fails: every poll runs it again. It must never run on the
    // thread the models (and in the dashboard the window) live on.
    SimFleet fleet;
    const QString script = fleet.home.script(
        u"slow.sh"_s, u"echo run >> \"%DIR%/count\"\nsleep 1.5\necho 'expired' >&2\nexit 1"_s);
    fleet.home.config(
        u"[profile slow]\nregion = us-east-1\ncredential_process = "_s + script + u'\n');
    fleet.gateway->reloadConfiguration();
    Watch watch = fleet.watchFor(Service::MigrationHubOrchestrator);
    watch.profile = u"slow"_s;
    fleet.poller->addWatch(watch);

    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 longestGap = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        longestGap = std::max(longestGap, clock.elapsed() - last);
        last = clock.elapsed();
    });
    ticker.start(20);
    QVERIFY(waitFor(
        [&] { return fleet.poller->health(watch.id).state == WatchHealth::State::AuthError; },
        20000));
    // A second poll's lookup too (the first may have been the one before any request).
    fleet.poller->refreshWatch(watch.id);
    QTest::qWait(2500);
    ticker.stop();
    const WatchHealth h = fleet.poller->health(watch.id);
    QVERIFY2(
        h.lastError.contains(u"credential_process for profile 'slow'"_s), qPrintable(h.lastError));
    QVERIFY2(h.lastError.contains(u"exited with code 1: expired"_s), qPrintable(h.lastError));
    QVERIFY2(longestGap < 500, QByteArray::number(longestGap));
    QVERIFY(fleet.received.isEmpty());
}

QTEST_GUILESS_MAIN(tst_PollerHostile)
#include "tst_pollerhostile.moc"
