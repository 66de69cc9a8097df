// How the Poller keeps polling under throttling and server errors, and how fast it is back to
// normal once they stop, counted at the simulator: one stepwatch-sim child process per
// service (each watch's requests are then its simulator's alone), one watch each with the
// production defaults (base interval 5 s, discovery 60 s, finished workflows 300 s, budget
// 5 requests/s). First a healthy minute (the normal rate of each watch: one whose workflows
// have all finished is polled once a minute, by its discovery); then each cycle injects
// `--faults` (default throttle=0.5,error500=0.2) for a while and clears them. Printed per
// watch: polls that completed per minute, healthy and under the faults, the longest gap
// between two under the faults, and from "faults cleared" the seconds until the watch is on
// its normal schedule again (no longer backing off) and until its simulator answers a
// request with a 2xx.
//
//   bench_recovery [--cycles N] [--fault-seconds S] [--faults SPEC] [--sim PATH]
#include "awsgateway.h"
#include "poller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTime>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QByteArray send(QNetworkAccessManager &network, const QByteArray &verb, const QString &url,
    const QByteArray &body = {})
{
    QNetworkRequest request {QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"text/plain"_s);
    QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return reply->readAll();
}

// A simulator of its own for one watch, logging every request with the time of day and the
// status it answered, so that what reached it can be counted afterwards.
struct Sim {
    QProcess process;
    QString url;
    struct Line {
        qint64 atMs; ///< since the epoch
        int status; ///< 0: dropped
    };
    QList<Line> lines;

    bool start(const QString &path)
    {
        process.setProgram(path);
        process.setArguments({u"--speed"_s, u"1"_s, u"--log"_s});
        QObject::connect(&process, &QProcess::readyReadStandardOutput, &process, [this] {
            while (process.canReadLine())
                take(QString::fromUtf8(process.readLine()).trimmed());
        });
        process.start();
        if (!process.waitForStarted())
            return false;
        QElapsedTimer t;
        t.start();
        while (url.isEmpty() && t.elapsed() < 10000)
            wait(20);
        return !url.isEmpty();
    }

    void take(const QString &line)
    {
        if (url.isEmpty()) {
            url = QRegularExpression(u"http://\\S+"_s).match(line).captured(0);
            return;
        }
        // "14:02:11.123 GET /path?query [Operation] -> 200"
        static const QRegularExpression pattern(u"^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .* -> (\\w+)"_s);
        const QRegularExpressionMatch m = pattern.match(line);
        if (!m.hasMatch() || line.contains(u"/_stepwatch/"_s))
            return;
        const QTime time = QTime::fromString(m.captured(1), u"HH:mm:ss.zzz"_s);
        QDateTime at(QDate::currentDate(), time);
        if (at > QDateTime::currentDateTime().addSecs(60)) // just after midnight
            at = at.addDays(-1);
        lines.append({at.toMSecsSinceEpoch(), m.captured(2).toInt()});
    }

    ~Sim()
    {
        process.terminate();
        process.waitForFinished(3000);
    }
};

struct WatchRun {
    QString name;
    std::unique_ptr<Sim> sim;
    Watch watch;
    QList<qint64> completed; ///< when a poll of the watch completed (epoch ms)
};

QString watchName(Service service)
{
    return serviceDisplayName(service);
}

Watch watchOn(Service service, const QString &url, QNetworkAccessManager &network)
{
    const QJsonObject inventory =
        QJsonDocument::fromJson(send(network, "GET", url + u"/_stepwatch/inventory"_s)).object();
    auto first = [&](const QString &s, const QString &list) {
        return inventory.value(s).toObject().value(list).toArray().first();
    };
    Watch w;
    w.service = service;
    w.id = serviceId(service);
    w.endpointUrl = url;
    w.region = u"us-east-1"_s;
    w.intervalSeconds = 5;
    w.discoveryIntervalSeconds = 60;
    w.terminalIntervalSeconds = 300;
    switch (service) {
    case Service::MigrationHubOrchestrator:
        break;
    case Service::CustomerProfiles:
        w.domainName = first(u"customer-profiles"_s, u"domains"_s).toString();
        break;
    case Service::ImageBuilder:
        w.imageBuildVersionArn = first(u"imagebuilder"_s, u"imageBuildVersionArns"_s).toString();
        break;
    case Service::CodeCatalyst: {
        const QJsonObject space = first(u"codecatalyst"_s, u"spaces"_s).toObject();
        w.spaceName = space.value(u"name"_s).toString();
        w.projectName = space.value(u"projects"_s).toArray().first().toString();
        break;
    }
    }
    return w;
}

qint64 longestGap(const QList<qint64> &times, qint64 from, qint64 to)
{
    qint64 previous = from;
    qint64 longest = 0;
    for (qint64 t : times) {
        if (t < from || t > to)
            continue;
        longest = std::max(longest, t - previous);
        previous = t;
    }
    return std::max(longest, to - previous);
}

int countIn(const QList<qint64> &times, qint64 from, qint64 to)
{
    return int(std::count_if(
        times.cbegin(), times.cend(), [&](qint64 t) { return t >= from && t <= to; }));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption cycles(u"cycles"_s, u"Fault cycles (default 3)."_s, u"n"_s, u"3"_s);
    QCommandLineOption faultSeconds(
        u"fault-seconds"_s, u"Seconds of faults per cycle (default 90)."_s, u"s"_s, u"90"_s);
    QCommandLineOption faults(u"faults"_s, u"Faults (default throttle=0.5,error500=0.2)."_s,
        u"spec"_s, u"throttle=0.5,error500=0.2"_s);
    QCommandLineOption simPath(u"sim"_s, u"stepwatch-sim to run."_s, u"path"_s,
        QCoreApplication::applicationDirPath() + u"/../../app/stepwatch-sim"_s);
    QCommandLineOption trace(
        u"trace"_s, u"Print every health change of the watch of SERVICE."_s, u"service"_s);
    parser.addOptions({cycles, faultSeconds, faults, simPath, trace});
    parser.process(app);
    const int cycleCount = std::max(1, parser.value(cycles).toInt());
    const int faultMs = std::max(10, parser.value(faultSeconds).toInt()) * 1000;
    const int recoveryMs = 30000;

    QTemporaryDir home;
    qputenv("HOME", home.path().toUtf8());
    qputenv("AWS_ACCESS_KEY_ID", "AKIDBENCHMARK");
    qputenv("AWS_SECRET_ACCESS_KEY", "benchmark-secret");
    qputenv("AWS_REGION", "us-east-1");
    qputenv("AWS_BEARER_TOKEN_CODECATALYST", "benchmark-token");

    QNetworkAccessManager control;
    std::vector<WatchRun> runs;
    for (int s = 0; s < ServiceCount; ++s) {
        WatchRun run;
        run.name = watchName(Service(s));
        run.sim = std::make_unique<Sim>();
        if (!run.sim->start(parser.value(simPath))) {
            std::fprintf(stderr, "cannot start %s\n", qPrintable(parser.value(simPath)));
            return 1;
        }
        run.watch = watchOn(Service(s), run.sim->url, control);
        runs.push_back(std::move(run));
    }

    QNetworkAccessManager network;
    AwsGateway::Settings settings;
    settings.environment = QProcessEnvironment::systemEnvironment();
    AwsGateway gateway(&network, settings);
    Poller poller(&gateway);
    auto completed = [&runs](const QString &watchId) {
        for (WatchRun &run : runs) {
            if (run.watch.id == watchId)
                run.completed.append(QDateTime::currentMSecsSinceEpoch());
        }
    };
    QObject::connect(&poller, &Poller::watchConfirmed, &poller,
        [&](const QString &watchId) { completed(watchId); });
    QObject::connect(&poller, &Poller::workflowConfirmed, &poller,
        [&](const QString &workflowKey) { completed(workflowKey.section(u'/', 0, 0)); });
    if (parser.isSet(trace)) {
        QObject::connect(&poller, &Poller::healthChanged, &poller, [&](const QString &watchId) {
            if (watchId != parser.value(trace))
                return;
            const WatchHealth h = poller.health(watchId);
            std::fprintf(stderr,
                "%s %s failures=%d retrying=%d polling=%d budget=%d next=%.1fs %s\n",
                qPrintable(QTime::currentTime().toString(u"HH:mm:ss.zzz"_s)),
                qPrintable(WatchHealth::stateName(h.state)), h.consecutiveFailures, h.retrying,
                h.polling, h.waitingForBudget,
                h.nextPoll.isValid()
                    ? double(QDateTime::currentDateTimeUtc().msecsTo(h.nextPoll)) / 1000.0
                    : -1.0,
                qPrintable(h.lastErrorCode));
        });
    }
    for (const WatchRun &run : runs)
        poller.addWatch(run.watch);

    std::printf("bench_recovery: one watch per service, each on its own stepwatch-sim; base "
                "interval 5 s, budget 5/s; %d cycle(s) of %d s with faults \"%s\", then %d s "
                "without\n\n",
        cycleCount, faultMs / 1000, qPrintable(parser.value(faults)), recoveryMs / 1000);
    wait(15000); // every watch has discovered and polled its workflows once
    const qint64 healthyStart = QDateTime::currentMSecsSinceEpoch();
    wait(60000);
    const qint64 healthyEnd = QDateTime::currentMSecsSinceEpoch();
    std::vector<double> healthyRate;
    for (const WatchRun &run : runs) {
        healthyRate.push_back(countIn(run.completed, healthyStart, healthyEnd) * 60000.0
            / double(healthyEnd - healthyStart));
    }

    struct Result {
        double pollsPerMinute = 1e9;
        qint64 longestGapMs = 0;
        qint64 toNormalMs = 0;
        qint64 toFirstReplyMs = 0;
    };
    std::vector<Result> worst(runs.size());
    for (int cycle = 0; cycle < cycleCount; ++cycle) {
        for (const WatchRun &run : runs)
            send(control, "PUT", run.sim->url + u"/_stepwatch/faults"_s,
                parser.value(faults).toUtf8());
        const qint64 faultStart = QDateTime::currentMSecsSinceEpoch();
        wait(faultMs);
        for (const WatchRun &run : runs)
            send(control, "PUT", run.sim->url + u"/_stepwatch/faults"_s, {});
        const qint64 cleared = QDateTime::currentMSecsSinceEpoch();
        // Back on its normal schedule: no longer waiting out failures.
        std::vector<qint64> normalAt(runs.size(), -1);
        for (qint64 now = cleared; now - cleared < recoveryMs;
             now = QDateTime::currentMSecsSinceEpoch()) {
            for (size_t i = 0; i < runs.size(); ++i) {
                const WatchHealth h = poller.health(runs[i].watch.id);
                if (normalAt[i] < 0 && !h.retrying && h.consecutiveFailures == 0)
                    normalAt[i] = now - cleared;
            }
            wait(50);
        }
        std::printf("cycle %d\n", cycle + 1);
        std::printf("  %-28s %9s %9s %12s %18s %18s\n", "watch", "healthy", "faults", "longest gap",
            "cleared → normal", "cleared → 2xx");
        for (size_t i = 0; i < runs.size(); ++i) {
            const WatchRun &run = runs[i];
            const double perMinute = countIn(run.completed, faultStart, cleared) * 60000.0
                / double(cleared - faultStart);
            const qint64 gap = longestGap(run.completed, faultStart, cleared);
            qint64 firstReply = -1;
            for (const Sim::Line &line : run.sim->lines) {
                if (line.atMs >= cleared && line.status >= 200 && line.status < 300) {
                    firstReply = line.atMs - cleared;
                    break;
                }
            }
            const auto seconds = [](qint64 ms) {
                return ms < 0 ? QStringLiteral("none")
                              : QString::number(double(ms) / 1000.0, 'f', 1) + u" s"_s;
            };
            std::printf("  %-28s %9.1f %9.1f %10.1f s %18s %18s\n", qPrintable(run.name),
                healthyRate[i], perMinute, double(gap) / 1000.0, qPrintable(seconds(normalAt[i])),
                qPrintable(seconds(firstReply)));
            Result &r = worst[i];
            r.pollsPerMinute = std::min(r.pollsPerMinute, perMinute);
            r.longestGapMs = std::max(r.longestGapMs, gap);
            r.toNormalMs = std::max(r.toNormalMs, normalAt[i] < 0 ? recoveryMs : normalAt[i]);
            r.toFirstReplyMs = std::max(r.toFirstReplyMs, firstReply < 0 ? recoveryMs : firstReply);
        }
    }
    std::printf("\nworst over %d cycle(s) (%d s without a reply counts as %d s)\n", cycleCount,
        recoveryMs / 1000, recoveryMs / 1000);
    std::printf("  %-28s %9s %9s %12s %18s %18s\n", "watch", "healthy", "faults", "longest gap",
        "cleared → normal", "cleared → 2xx");
    for (size_t i = 0; i < runs.size(); ++i) {
        const Result &r = worst[i];
        std::printf("  %-28s %9.1f %9.1f %10.1f s %16.1f s %16.1f s\n", qPrintable(runs[i].name),
            healthyRate[i], r.pollsPerMinute, double(r.longestGapMs) / 1000.0,
            double(r.toNormalMs) / 1000.0, double(r.toFirstReplyMs) / 1000.0);
    }
    return 0;
}
