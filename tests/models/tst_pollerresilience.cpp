// What the poller does when things go wrong, against the simulator over loopback: throttling,
// server errors, malformed and truncated replies, refused credentials, an unreachable
// endpoint, a bad configuration. Each becomes that watch's health, with the error text, and
// the watch recovers by itself once the cause is gone; nothing crashes.
#include "simfleet.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTest>

using namespace sw;
using namespace sw::test;
using namespace Qt::StringLiterals;

class tst_PollerResilience : public QObject {
    Q_OBJECT

private slots:
    void faultsDegradeAndRecover_data();
    void faultsDegradeAndRecover();
    void throttlingSlowsTheSharedBudget();
    void refusedCredentialsAreAnAuthError();
    void missingBearerTokenIsAnAuthError();
    void unreachableEndpointIsOffline();
    void unknownProfileIsAConfigError();
    void oneBadWatchDoesNotDisturbAnother();
    void retriesWithinTheCallHideATransientThrottle();
    void nextPollIsNeverInThePast();
    void backoffEndsAtTheFirstGoodReplyFromTheEndpoint();
    void budgetServesWaitersInTurn();
};

void tst_PollerResilience::faultsDegradeAndRecover_data()
{
    QTest::addColumn<QString>("faults");
    QTest::addColumn<QString>("expectedText");
    QTest::newRow("throttled") << u"throttle=1"_s << u"ThrottlingException"_s;
    QTest::newRow("500") << u"error500=1"_s << u"InternalServerException"_s;
    QTest::newRow("503") << u"error503=1"_s << u"ServiceUnavailable"_s;
    QTest::newRow("malformed") << u"malformed=1"_s << u"ListWorkflows"_s;
    QTest::newRow("truncated") << u"truncated=1"_s << u"ListWorkflows"_s;
}

void tst_PollerResilience::faultsDegradeAndRecover()
{
    QFETCH(QString, faults);
    QFETCH(QString, expectedText);
    SimFleet fleet;
    QVERIFY(!fleet.simulator->setFaults(faults));
    const Watch watch = fleet.watchFor(Service::MigrationHubOrchestrator);
    fleet.poller->addWatch(watch);
    QVERIFY(waitFor(
        [&] { return fleet.poller->health(watch.id).state == WatchHealth::State::Degraded; }));
    const WatchHealth bad = fleet.poller->health(watch.id);
    QVERIFY2(bad.lastError.contains(expectedText) || bad.lastErrorCode.contains(expectedText),
        qPrintable(bad.lastError));
    QVERIFY(bad.consecutiveFailures >= 1);

    // Backing off: far fewer requests than one per interval while it fails.
    QTest::qWait(2500);
    const qsizetype whileFailing = fleet.received.size();
    QVERIFY2(whileFailing <= 6, QByteArray::number(whileFailing));

    QVERIFY(!fleet.simulator->setFaults({}));
    QVERIFY(waitFor(
        [&] { return fleet.poller->health(watch.id).state == WatchHealth::State::Ok; }, 20000));
    const WatchHealth good = fleet.poller->health(watch.id);
    QVERIFY(good.lastError.isEmpty());
    QCOMPARE(good.consecutiveFailures, 0);
    QVERIFY(good.lastSuccess.isValid());
    QVERIFY(good.workflowCount > 0);
}

void tst_PollerResilience::throttlingSlowsTheSharedBudget()
{
    SimFleet fleet(6, 60, 10);
    QVERIFY(!fleet.simulator->setFaults(u"throttle=1"_s));
    const Watch watch = fleet.watchFor(Service::CustomerProfiles);
    fleet.poller->addWatch(watch);
    QVERIFY(waitFor(
        [&] { return fleet.poller->health(watch.id).state == WatchHealth::State::Degraded; }));
    aws::AwsError error;
    const auto config = fleet.gateway->serviceConfig(watch, &error);
    QVERIFY(config);
    const RequestBudget &budget = *fleet.gateway->budget(*config);
    QVERIFY2(budget.currentRate() < budget.configuredRate(),
        qPrintable(QString::number(budget.currentRate())));
}

void tst_PollerResilience::refusedCredentialsAreAnAuthError()
{
    SimFleet fleet;
    sim::Simulator::Credentials credentials;
    credentials.verify = true;
    credentials.accessKeyId = u"AKIDSTEPWATCHTEST"_s;
    credentials.secretAccessKey = u"another-secret"_s;
    credentials.bearerToken = u"another-token"_s;
    fleet.simulator->setCredentials(credentials);
    const Watch watch = fleet.watchFor(Service::ImageBuilder);
    fleet.poller->addWatch(watch);
    QVERIFY(waitFor(
        [&] { return fleet.poller->health(watch.id).state == WatchHealth::State::AuthError; }));
    const WatchHealth h = fleet.poller->health(watch.id);
    QVERIFY2(h.lastError.contains(u"ListWorkflowExecutions"_s), qPrintable(h.lastError));
    // The secret never reaches the error text.
    QVERIFY(!h.lastError.contains(u"stepwatch-test-secret"_s));

    // Credentials fixed at the service side: a refresh recovers at once.
    credentials.secretAccessKey = u"stepwatch-test-secret"_s;
    fleet.simulator->setCredentials(credentials);
    fleet.poller->refreshWatch(watch.id);
    QVERIFY(
        waitFor([&] { return fleet.poller->health(watch.id).state == WatchHealth::State::Ok; }));
}

void tst_PollerResilience::missingBearerTokenIsAnAuthError()
{
    SimFleet fleet;
    AwsGateway::Settings settings = fleet.gateway->settings();
    settings.environment.remove(u"AWS_BEARER_TOKEN_CODECATALYST"_s);
    AwsGateway gateway(&fleet.network, settings);
    Poller poller(&gateway);
    const Watch watch = fleet.watchFor(Service::CodeCatalyst);
    poller.addWatch(watch);
    QVERIFY(
        waitFor([&] { return poller.health(watch.id).state == WatchHealth::State::AuthError; }));
    QVERIFY(!poller.health(watch.id).lastError.isEmpty());
    QVERIFY(fleet.received.isEmpty()); // nothing was sent without a token
}

void tst_PollerResilience::unreachableEndpointIsOffline()
{
    SimFleet fleet;
    QTcpServer reserved; // a port nobody answers on once closed
    QVERIFY(reserved.listen(QHostAddress::LocalHost));
    const quint16 port = reserved.serverPort();
    reserved.close();
    Watch watch = fleet.watchFor(Service::MigrationHubOrchestrator);
    watch.endpointUrl = u"http://127.0.0.1:%1"_s.arg(port);
    fleet.poller->addWatch(watch);
    QVERIFY(waitFor(
        [&] { return fleet.poller->health(watch.id).state == WatchHealth::State::Offline; }));
    QVERIFY(!fleet.poller->health(watch.id).lastError.isEmpty());
}

void tst_PollerResilience::unknownProfileIsAConfigError()
{
    SimFleet fleet;
    Watch watch = fleet.watchFor(Service::MigrationHubOrchestrator);
    watch.profile = u"no-such-profile"_s;
    fleet.poller->addWatch(watch);
    QVERIFY(waitFor(
        [&] { return fleet.poller->health(watch.id).state == WatchHealth::State::ConfigError; }));
    QVERIFY2(fleet.poller->health(watch.id).lastError.contains(u"no-such-profile"_s),
        qPrintable(fleet.poller->health(watch.id).lastError));

    // The operator adds the profile to the real config file; a refresh picks it up.
    fleet.home.config(u"[profile no-such-profile]\nregion = us-east-1\n"_s);
    // A named profile uses its own keys, never the environment's (as the AWS CLI does).
    fleet.home.credentials(u"[no-such-profile]\naws_access_key_id = AKIDPROFILE\n"
                           u"aws_secret_access_key = profile-secret\n"_s);
    fleet.gateway->reloadConfiguration();
    fleet.poller->refreshWatch(watch.id);
    QVERIFY(
        waitFor([&] { return fleet.poller->health(watch.id).state == WatchHealth::State::Ok; }));
}

void tst_PollerResilience::oneBadWatchDoesNotDisturbAnother()
{
    SimFleet fleet;
    QVERIFY(
        !fleet.simulator->setFaults(u"GetWorkflowSteps:malformed=1,ListWorkflows:malformed=1"_s));
    const Watch broken = fleet.watchFor(Service::CustomerProfiles);
    const Watch fine = fleet.watchFor(Service::ImageBuilder);
    fleet.poller->addWatch(broken);
    fleet.poller->addWatch(fine);
    QVERIFY(waitFor([&] {
        return fleet.poller->health(broken.id).state == WatchHealth::State::Degraded
            && fleet.poller->health(fine.id).state == WatchHealth::State::Ok;
    }));
}

// Polls use the standard retry mode: two throttles in a row are retried within the call, and
// the watch never looks degraded (on the old code one attempt per poll made it so).
void tst_PollerResilience::retriesWithinTheCallHideATransientThrottle()
{
    SimFleet fleet;
    QVERIFY(!fleet.simulator->setFaults(u"ListWorkflows:throttle=1#2"_s));
    const Watch watch = fleet.watchFor(Service::MigrationHubOrchestrator);
    QList<WatchHealth::State> seen;
    QObject::connect(
        fleet.poller.get(), &Poller::healthChanged, fleet.poller.get(), [&](const QString &id) {
            if (id == watch.id)
                seen.append(fleet.poller->health(id).state);
        });
    fleet.poller->addWatch(watch);
    QVERIFY(waitFor(
        [&] { return fleet.poller->health(watch.id).state == WatchHealth::State::Ok; }, 15000));
    QVERIFY(!seen.contains(WatchHealth::State::Degraded));
    const QList<ReceivedRequest> listed = fleet.requestsOf(u"ListWorkflows"_s);
    QVERIFY(listed.size() >= 3);
    QCOMPARE(listed.at(0).status, 429);
    QCOMPARE(listed.at(1).status, 429);
    QCOMPARE(listed.at(2).status, 200);
    // The retries hid nothing from the shared budget: it slowed down for both throttles.
    aws::AwsError error;
    const auto config = fleet.gateway->serviceConfig(watch, &error);
    QVERIFY(config);
    const RequestBudget &budget = *fleet.gateway->budget(*config);
    QVERIFY2(budget.currentRate() < budget.configuredRate(),
        qPrintable(QString::number(budget.currentRate())));
}

// "Next poll" is a time to come, or a poll is under way: never a time that has passed, also
// while a slow reply keeps the poll busy.
void tst_PollerResilience::nextPollIsNeverInThePast()
{
    SimFleet fleet;
    QVERIFY(!fleet.simulator->setFaults(u"latency=1@700"_s));
    const Watch watch = fleet.watchFor(Service::ImageBuilder);
    fleet.poller->addWatch(watch);
    int busy = 0;
    int scheduled = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 4000) {
        QTest::qWait(37);
        const WatchHealth h = fleet.poller->health(watch.id);
        if (h.polling) {
            ++busy;
            QVERIFY(!h.nextPoll.isValid());
        } else if (h.nextPoll.isValid()) {
            ++scheduled;
            const qint64 ahead = QDateTime::currentDateTimeUtc().msecsTo(h.nextPoll);
            QVERIFY2(ahead > -200, qPrintable(QString::number(ahead)));
        }
    }
    QVERIFY(busy > 0);
    QVERIFY(scheduled >= 0);

    // Failing: it says it is retrying, and when.
    QVERIFY(!fleet.simulator->setFaults(u"error500=1"_s));
    QVERIFY(waitFor([&] {
        const WatchHealth h = fleet.poller->health(watch.id);
        return h.retrying && h.nextPoll.isValid();
    }));
    const WatchHealth h = fleet.poller->health(watch.id);
    QVERIFY(h.consecutiveFailures >= 1);
    QVERIFY(QDateTime::currentDateTimeUtc().msecsTo(h.nextPoll) > -200);
}

// A watch that failed a few times waits a while; the moment another watch gets through to the
// same endpoint, it looks again (the old code waited out its whole backoff, up to 5 minutes).
void tst_PollerResilience::backoffEndsAtTheFirstGoodReplyFromTheEndpoint()
{
    SimFleet fleet;
    // One attempt per call, so the failures add up quickly.
    AwsGateway::Settings settings = fleet.gateway->settings();
    settings.environment.insert(u"AWS_MAX_ATTEMPTS"_s, u"1"_s);
    AwsGateway gateway(&fleet.network, settings);
    Poller poller(&gateway);
    QVERIFY(!fleet.simulator->setFaults(u"ListWorkflowExecutions:error500=1"_s));
    const Watch failing = fleet.watchFor(Service::ImageBuilder);
    Watch healthy = fleet.watchFor(Service::MigrationHubOrchestrator);
    healthy.paused = true; // not yet: it would end the backoff at once
    poller.addWatch(failing);
    poller.addWatch(healthy);
    QVERIFY(waitFor(
        [&] {
            const WatchHealth h = poller.health(failing.id);
            return h.retrying && QDateTime::currentDateTimeUtc().msecsTo(h.nextPoll) >= 6000;
        },
        60000));
    const int before = poller.health(failing.id).consecutiveFailures;
    QVERIFY(before >= 3);

    QVERIFY(!fleet.simulator->setFaults({}));
    poller.setWatchPaused(healthy.id, false);
    QElapsedTimer sinceCleared;
    sinceCleared.start();
    QVERIFY(
        waitFor([&] { return poller.health(failing.id).state == WatchHealth::State::Ok; }, 5000));
    QVERIFY2(sinceCleared.elapsed() < 5000, QByteArray::number(sinceCleared.elapsed()));
    QCOMPARE(poller.health(failing.id).consecutiveFailures, 0);
    QVERIFY(!poller.health(failing.id).retrying);
}

// A slowed budget is shared in turn: three watches asking over and over each get every third
// token, none waits for the others to finish.
void tst_PollerResilience::budgetServesWaitersInTurn()
{
    SimFleet fleet;
    auto budget = std::make_shared<RequestBudget>(20.0, 1.0);
    QObject a, b, c;
    QString order;
    std::function<void(QObject *, QChar, int)> ask = [&](QObject *who, QChar name, int left) {
        fleet.gateway->acquire(budget, who, [&, who, name, left] {
            order += name;
            if (left > 1)
                ask(who, name, left - 1);
        });
    };
    ask(&a, u'a', 4);
    ask(&b, u'b', 4);
    ask(&c, u'c', 4);
    QVERIFY(waitFor([&] { return order.size() == 12; }, 5000));
    // The first token was at hand, so a's first request went at once and its second queued
    // first; after that, one each in turn.
    QCOMPARE(order, u"aabcabcabcbc"_s);

    // An urgent waiter (the poll an operator waits for) goes ahead of those merely due.
    QString urgent;
    fleet.gateway->acquire(budget, &a, [&] { urgent += u'a'; });
    fleet.gateway->acquire(budget, &b, [&] { urgent += u'b'; });
    fleet.gateway->acquire(
        budget, &c, [&] { urgent += u'C'; }, true);
    QVERIFY(waitFor([&] { return urgent.size() == 3; }, 5000));
    QCOMPARE(urgent.front(), u'C');

    // A waiter that is gone loses its turn, and nothing runs for it.
    QString late;
    {
        QObject gone;
        fleet.gateway->acquire(budget, &gone, [&] { late += u'x'; });
    }
    fleet.gateway->acquire(budget, &a, [&] { late += u'a'; });
    QVERIFY(waitFor([&] { return !late.isEmpty(); }, 5000));
    QTest::qWait(200);
    QCOMPARE(late, u"a"_s);
}

QTEST_GUILESS_MAIN(tst_PollerResilience)
#include "tst_pollerresilience.moc"
