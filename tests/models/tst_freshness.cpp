// freshness: whether a watch's rows are live and, when not, the one line that says why; how
// often its rows are confirmed normally; and the "as of" texts. Fixed times throughout: clock
// times are shown in local time, so the expected texts are made with toLocalTime().
#include "freshness.h"

#include <QTest>

using namespace sw;
using namespace Qt::StringLiterals;
using State = WatchHealth::State;

namespace {

const QDateTime since(QDate(2026, 11, 21), QTime(14, 2, 11), Qt::UTC);

QString clock(const QDateTime &time)
{
    return time.toLocalTime().toString(u"HH:mm:ss"_s);
}

// "{since}" in an expected text stands for `since` as the operator's clock shows it.
QString expand(QString text)
{
    return text.replace(u"{since}"_s, clock(since));
}

Watch demoWatch()
{
    Watch w;
    w.id = u"w1"_s;
    w.name = u"Demo · MHO"_s;
    w.region = u"eu-west-1"_s;
    return w;
}

WatchHealth health(State state, const QString &error = {}, bool throttled = false)
{
    WatchHealth h;
    h.state = state;
    h.lastError = error;
    h.throttled = throttled;
    h.since = since;
    return h;
}

} // namespace

class tst_Freshness : public QObject {
    Q_OBJECT

private slots:
    void of_data();
    void of();
    void longErrorIsCut();
    void intervals_data();
    void intervals();
    void staleAfter_data();
    void staleAfter();
    void asOf_data();
    void asOf();
    void age_data();
    void age();
    void problemSentence_data();
    void problemSentence();
    void problemSentenceNamesTheWatch();
    void missingIdsStayLive();
};

void tst_Freshness::of_data()
{
    QTest::addColumn<int>("state"); // WatchHealth::State
    QTest::addColumn<bool>("throttled");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("hasSince");
    QTest::addColumn<QString>("paused"); // "", "watch", "health" or "all"
    QTest::addColumn<bool>("live");
    QTest::addColumn<QString>("problem"); // expand()ed

    const QString refused = u"connection refused\nwhile connecting to 127.0.0.1:4566"_s;
    const QString rate = u"An error occurred (ThrottlingException) when calling the "
                         "ListWorkflows operation: Rate exceeded"_s;
    auto row = [](const char *tag, State state, bool throttled, const QString &error, bool hasSince,
                   const char *paused, bool live, const char *problem) {
        QTest::newRow(tag) << int(state) << throttled << error << hasSince
                           << QString::fromLatin1(paused) << live << QString::fromUtf8(problem);
    };
    row("ok", State::Ok, false, {}, true, "", true, "");
    // The last error of a watch that recovered is history, not a problem.
    row("ok after an error", State::Ok, false, refused, true, "", true, "");
    row("ok, watch paused", State::Ok, false, {}, true, "watch", false, "Polling paused");
    row("ok, health paused", State::Ok, false, {}, true, "health", false, "Polling paused");
    row("ok, globally paused", State::Ok, false, {}, true, "all", false, "Polling paused");
    row("offline and paused", State::Offline, false, refused, true, "watch", false,
        "Polling paused");
    row("starting", State::Starting, false, {}, false, "", false, "Not polled yet");
    row("degraded", State::Degraded, false, u"HTTP 503 Service Unavailable\n<html>"_s, true, "",
        false, "Degraded since {since}: HTTP 503 Service Unavailable");
    row("throttled", State::Degraded, true, rate, true, "", false,
        "Throttled by AWS since {since}: An error occurred (ThrottlingException) when calling "
        "the ListWorkflows operation: Rate exceeded");
    row("throttled, no error text", State::Degraded, true, {}, true, "", false,
        "Throttled by AWS since {since}");
    row("offline", State::Offline, false, refused, true, "", false,
        "Offline since {since}: connection refused");
    row("offline, since unknown", State::Offline, false, refused, false, "", false,
        "Offline: connection refused");
    row("auth error", State::AuthError, false, u"The security token included is expired"_s, true,
        "", false, "Sign-in failed since {since}: The security token included is expired");
    row("config error", State::ConfigError, false, u"  No region for the watch  "_s, true, "",
        false, "Configuration error since {since}: No region for the watch");
}

void tst_Freshness::of()
{
    QFETCH(int, state);
    QFETCH(bool, throttled);
    QFETCH(QString, error);
    QFETCH(bool, hasSince);
    QFETCH(QString, paused);
    QFETCH(bool, live);
    QFETCH(QString, problem);

    Watch watch = demoWatch();
    watch.paused = paused == u"watch";
    WatchHealth h = health(State(state), error, throttled);
    h.paused = paused == u"health";
    if (!hasSince)
        h.since = QDateTime();

    const WatchFreshness f = freshness::of(watch, h, paused == u"all");
    QCOMPARE(f.live, live);
    QCOMPARE(f.problem, expand(problem));
    // When the trouble began; nothing while live.
    QCOMPARE(f.since, live ? QDateTime() : h.since);
    QCOMPARE(freshness::problemSentence(watch, h, paused == u"all", since).isEmpty(), live);
}

void tst_Freshness::longErrorIsCut()
{
    const QString error = QString(300, u'x') + u"\nsecond line"_s;
    const WatchFreshness f = freshness::of(demoWatch(), health(State::Offline, error), false);
    QCOMPARE(f.problem, expand(u"Offline since {since}: "_s) + QString(199, u'x') + u'…');
}

void tst_Freshness::intervals_data()
{
    QTest::addColumn<int>("service"); // Service
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<qint64>("runningMs");
    QTest::addColumn<qint64>("finishedMs");

    const QStringList discovers;
    const QStringList named = {u"wf-1"_s, u"wf-2"_s};
    // Every watch below polls running workflows every 7 s, finished ones every 400 s and
    // discovers every 90 s.
    QTest::newRow("MHO, discovers")
        << int(Service::MigrationHubOrchestrator) << discovers << qint64(7000) << qint64(90000);
    QTest::newRow("MHO, names its workflows")
        << int(Service::MigrationHubOrchestrator) << named << qint64(7000) << qint64(400000);
    QTest::newRow("Profiles, names its workflows")
        << int(Service::CustomerProfiles) << named << qint64(7000) << qint64(400000);
    QTest::newRow("Image Builder, discovers")
        << int(Service::ImageBuilder) << discovers << qint64(7000) << qint64(90000);
    // A CodeCatalyst row's status is its latest run's: only the runs poll (every terminal
    // interval once finished) confirms it, never the listing of the workflows.
    QTest::newRow("CodeCatalyst, names its workflows")
        << int(Service::CodeCatalyst) << named << qint64(7000) << qint64(400000);
    QTest::newRow("CodeCatalyst, discovers")
        << int(Service::CodeCatalyst) << discovers << qint64(7000) << qint64(400000);
}

void tst_Freshness::intervals()
{
    QFETCH(int, service);
    QFETCH(QStringList, ids);
    Watch watch = demoWatch();
    watch.service = Service(service);
    watch.ids = ids;
    watch.intervalSeconds = 7;
    watch.terminalIntervalSeconds = 400;
    watch.discoveryIntervalSeconds = 90;
    // The expected intervals are the watch's, whatever its health.
    for (const WatchHealth &h : {health(State::Ok), health(State::Offline, u"refused"_s)}) {
        const WatchFreshness f = freshness::of(watch, h, false);
        QTEST(f.runningIntervalMs, "runningMs");
        QTEST(f.finishedIntervalMs, "finishedMs");
    }

    // A zero interval (never saved, but read from an old file) is a second, not a zero wait.
    watch.intervalSeconds = 0;
    watch.terminalIntervalSeconds = 0;
    watch.discoveryIntervalSeconds = 0;
    const WatchFreshness zero = freshness::of(watch, health(State::Ok), false);
    QCOMPARE(zero.runningIntervalMs, 1000);
    QCOMPARE(zero.finishedIntervalMs, 1000);
}

void tst_Freshness::staleAfter_data()
{
    QTest::addColumn<qint64>("runningMs");
    QTest::addColumn<qint64>("finishedMs");
    QTest::addColumn<qint64>("running"); // staleAfterMs(false)
    QTest::addColumn<qint64>("finished"); // staleAfterMs(true)
    // Twice the expected interval, never under a minute.
    QTest::newRow("defaults") << qint64(5000) << qint64(60000) << qint64(60000) << qint64(120000);
    QTest::newRow("30 s, 10 s") << qint64(30000) << qint64(10000) << qint64(60000) << qint64(60000);
    QTest::newRow("45 s, 300 s") << qint64(45000) << qint64(300000) << qint64(90000)
                                 << qint64(600000);
}

void tst_Freshness::staleAfter()
{
    QFETCH(qint64, runningMs);
    QFETCH(qint64, finishedMs);
    WatchFreshness f;
    f.runningIntervalMs = runningMs;
    f.finishedIntervalMs = finishedMs;
    QTEST(f.staleAfterMs(false), "running");
    QTEST(f.staleAfterMs(true), "finished");
}

void tst_Freshness::asOf_data()
{
    QTest::addColumn<int>("secsAgo");
    QTest::addColumn<QString>("ago");
    QTest::newRow("now") << 0 << "0 s";
    QTest::newRow("45 s") << 45 << "45 s";
    QTest::newRow("59 s") << 59 << "59 s";
    QTest::newRow("a minute") << 60 << "1 min";
    QTest::newRow("3 min 59 s") << 239 << "3 min";
    QTest::newRow("59 min") << 3599 << "59 min";
    QTest::newRow("an hour") << 3600 << "1 h";
    QTest::newRow("2 days") << 2 * 86400 + 3600 << "2 d";
    // Our clock behind the confirmation (it was set back): no negative age.
    QTest::newRow("in the future") << -30 << "0 s";
}

void tst_Freshness::asOf()
{
    QFETCH(int, secsAgo);
    QFETCH(QString, ago);
    const QDateTime confirmed = since;
    QCOMPARE(freshness::asOf(confirmed, confirmed.addSecs(secsAgo)),
        u"as of %1 (%2 ago)"_s.arg(clock(confirmed), ago));
    QCOMPARE(freshness::asOf(QDateTime(), confirmed), u"never confirmed by a poll"_s);
}

void tst_Freshness::age_data()
{
    QTest::addColumn<int>("secs");
    QTest::addColumn<QString>("expected");
    QTest::newRow("45 s") << 45 << "45 s";
    QTest::newRow("2 min") << 150 << "2 min";
    QTest::newRow("1 h") << 7199 << "1 h";
    QTest::newRow("3 d") << 3 * 86400 << "3 d";
    QTest::newRow("negative") << -5 << "0 s";
}

void tst_Freshness::age()
{
    QFETCH(int, secs);
    QTEST(freshness::age(since, since.addSecs(secs)), "expected");
}

void tst_Freshness::problemSentence_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("throttled");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("hasSince");
    QTest::addColumn<QString>("paused"); // "", "watch" or "all"
    QTest::addColumn<int>("secsLater"); // now − since
    QTest::addColumn<QString>("expected"); // expand()ed

    const QString refused = u"connection refused\nwhile connecting to 127.0.0.1:4566"_s;
    auto row = [](const char *tag, State state, bool throttled, const QString &error, bool hasSince,
                   const char *paused, int secsLater, const char *expected) {
        QTest::newRow(tag) << int(state) << throttled << error << hasSince
                           << QString::fromLatin1(paused) << secsLater
                           << QString::fromUtf8(expected);
    };
    row("live", State::Ok, false, refused, true, "", 180, "");
    row("offline", State::Offline, false, refused, true, "", 180,
        "Demo · MHO is offline since {since} (3 min): connection refused");
    row("offline, no error text", State::Offline, false, {}, true, "", 180,
        "Demo · MHO is offline since {since} (3 min).");
    row("offline, since unknown", State::Offline, false, refused, false, "", 180,
        "Demo · MHO is offline: connection refused");
    row("throttled", State::Degraded, true, u"Rate exceeded"_s, true, "", 45,
        "Demo · MHO is throttled by AWS since {since} (45 s): Rate exceeded");
    row("degraded", State::Degraded, false, u"HTTP 500"_s, true, "", 7200,
        "Demo · MHO is degraded since {since} (2 h): HTTP 500");
    row("auth error", State::AuthError, false, u"token expired"_s, true, "", 180,
        "Demo · MHO cannot sign in since {since} (3 min): token expired");
    row("config error", State::ConfigError, false, u"no region"_s, true, "", 180,
        "Demo · MHO has a configuration error since {since} (3 min): no region");
    row("starting", State::Starting, false, {}, false, "", 5,
        "Demo · MHO: waiting for the first answer.");
    row("paused while offline", State::Offline, false, refused, true, "watch", 180,
        "Demo · MHO: polling is paused; its rows show the last poll.");
    row("globally paused", State::Ok, false, {}, true, "all", 180,
        "Demo · MHO: polling is paused; its rows show the last poll.");
}

void tst_Freshness::problemSentence()
{
    QFETCH(int, state);
    QFETCH(bool, throttled);
    QFETCH(QString, error);
    QFETCH(bool, hasSince);
    QFETCH(QString, paused);
    QFETCH(int, secsLater);
    QFETCH(QString, expected);
    Watch watch = demoWatch();
    watch.paused = paused == u"watch";
    WatchHealth h = health(State(state), error, throttled);
    if (!hasSince)
        h.since = QDateTime();
    QCOMPARE(freshness::problemSentence(watch, h, paused == u"all", since.addSecs(secsLater)),
        expand(expected));
}

void tst_Freshness::problemSentenceNamesTheWatch()
{
    // An unnamed watch goes by its derived name.
    Watch watch = demoWatch();
    watch.name.clear();
    QVERIFY(watch.displayName().contains(u"eu-west-1"_s));
    QCOMPARE(freshness::problemSentence(
                 watch, health(State::Offline, u"refused"_s), false, since.addSecs(60)),
        watch.displayName() + expand(u" is offline since {since} (1 min): refused"_s));
}

// A watch that names an id the service does not know is Degraded, but what it shows of the
// others is live: one mistyped id must not dim every row for good.
void tst_Freshness::missingIdsStayLive()
{
    Watch w;
    w.ids = {u"wf-1"_s, u"wf-typo"_s};
    WatchHealth h;
    h.state = WatchHealth::State::Degraded;
    h.lastErrorCode = u"ResourceNotFoundException"_s;
    h.missingIds = {u"wf-typo"_s};
    QVERIFY(freshness::of(w, h, false).live);
    // Unless polls fail as well.
    h.consecutiveFailures = 1;
    QVERIFY(!freshness::of(w, h, false).live);
}

QTEST_GUILESS_MAIN(tst_Freshness)
#include "tst_freshness.moc"
