// Requests per minute the Poller sends for 1,000 watched Migration Hub Orchestrator
// workflows of which 10 % are active, counted at the simulator (stepwatch-sim as a child
// process, so it has its own core): adaptive polling against the naive fixed interval at the
// same base interval, both with an unlimited budget (what each schedule asks for); then
// adaptive under the default budget of 5 requests/s, sampled every second, to show that it
// never exceeds the budget.
//
//   bench_polling [--window SECONDS] [--sim PATH]
#include "awsgateway.h"
#include "poller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
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
#include <QTimer>

#include <cstdio>

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

constexpr int watchedWorkflows = 1000;
constexpr int activeWorkflows = 100;
constexpr int watches = 10; // ids split over several watches, as an operator would

void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QJsonObject getJson(QNetworkAccessManager &network, const QString &url)
{
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(url)));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

qint64 totalRequests(QNetworkAccessManager &network, const QString &base)
{
    const QJsonObject requests =
        getJson(network, base + u"/_stepwatch/counters"_s).value(u"requests"_s).toObject();
    qint64 total = 0;
    for (auto it = requests.begin(); it != requests.end(); ++it)
        total += it.value().toInteger();
    return total;
}

struct Sim {
    QProcess process;
    QString url;

    bool start(const QString &path)
    {
        process.setProgram(path);
        process.setArguments({u"--workflows"_s, u"3000"_s, u"--speed"_s, u"1"_s});
        process.start();
        if (!process.waitForStarted() || !process.waitForReadyRead(10000))
            return false;
        const QString line = QString::fromUtf8(process.readLine());
        url = QRegularExpression(u"http://\\S+"_s).match(line).captured(0);
        return !url.isEmpty();
    }
    ~Sim()
    {
        process.terminate();
        process.waitForFinished(3000);
    }
};

// 100 active and 900 finished workflow ids, read from the simulator's listing.
QStringList chooseIds(const QString &url, QNetworkAccessManager &network)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    AwsGateway::Settings settings;
    settings.environment = env;
    settings.requestsPerSecond = 1000;
    AwsGateway gateway(&network, settings);
    Poller poller(&gateway);
    Watch all;
    all.id = u"all"_s;
    all.endpointUrl = url;
    QList<WorkflowSnapshot> listed;
    QObject::connect(&poller, &Poller::watchSnapshot,
        [&](const QString &, const QList<WorkflowSnapshot> &list) { listed = list; });
    poller.addWatch(all);
    QElapsedTimer t;
    t.start();
    while (listed.isEmpty() && t.elapsed() < 20000)
        wait(20);
    QStringList active, finished;
    for (const WorkflowSnapshot &w : std::as_const(listed)) {
        if (!isTerminal(w.status) && active.size() < activeWorkflows)
            active.append(w.id);
        else if (isTerminal(w.status) && finished.size() < watchedWorkflows - activeWorkflows)
            finished.append(w.id);
    }
    return active + finished;
}

struct Run {
    qint64 requests = 0;
    double seconds = 0;
    qint64 maxPerSecond = 0;
    double perMinute() const { return seconds > 0 ? double(requests) * 60.0 / seconds : 0; }
};

Run measure(const QString &url, const QStringList &ids, bool adaptive, double budget,
    int warmupSeconds, int windowSeconds)
{
    QNetworkAccessManager network;
    AwsGateway::Settings settings;
    settings.environment = QProcessEnvironment::systemEnvironment();
    settings.requestsPerSecond = budget;
    AwsGateway gateway(&network, settings);
    PollPolicy policy;
    policy.adaptive = adaptive;
    Poller poller(&gateway, policy);
    // Interleave active and finished ids so that every watch gets 10 % active.
    QList<QStringList> perWatch(watches);
    for (int i = 0; i < ids.size(); ++i)
        perWatch[i % watches].append(ids.at(i));
    for (int i = 0; i < watches; ++i) {
        Watch w;
        w.id = u"w%1"_s.arg(i);
        w.endpointUrl = url;
        w.ids = perWatch.at(i);
        w.intervalSeconds = 5;
        w.terminalIntervalSeconds = 300;
        poller.addWatch(w);
    }
    wait(warmupSeconds * 1000);

    QNetworkAccessManager control;
    Run run;
    const qint64 start = totalRequests(control, url);
    qint64 previous = start;
    QElapsedTimer clock;
    clock.start();
    for (int s = 0; s < windowSeconds; ++s) {
        wait(1000);
        const qint64 now = totalRequests(control, url);
        run.maxPerSecond = std::max(run.maxPerSecond, now - previous);
        previous = now;
    }
    run.seconds = double(clock.elapsed()) / 1000.0;
    run.requests = previous - start;
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption window(u"window"_s, u"Seconds to count (default 60)."_s, u"s"_s, u"60"_s);
    QCommandLineOption simPath(u"sim"_s, u"stepwatch-sim to run."_s, u"path"_s,
        QCoreApplication::applicationDirPath() + u"/../../app/stepwatch-sim"_s);
    parser.addOptions({window, simPath});
    parser.process(app);
    const int windowSeconds = std::max(5, parser.value(window).toInt());

    // Fixed test credentials: the simulator accepts any well-formed signature.
    QTemporaryDir home;
    qputenv("HOME", home.path().toUtf8());
    qputenv("AWS_ACCESS_KEY_ID", "AKIDBENCHMARK");
    qputenv("AWS_SECRET_ACCESS_KEY", "benchmark-secret");
    qputenv("AWS_REGION", "us-east-1");

    Sim sim;
    if (!sim.start(parser.value(simPath))) {
        std::fprintf(stderr, "cannot start %s\n", qPrintable(parser.value(simPath)));
        return 1;
    }
    QNetworkAccessManager network;
    const QStringList ids = chooseIds(sim.url, network);
    if (ids.size() != watchedWorkflows) {
        std::fprintf(
            stderr, "the simulator offered only %lld suitable workflows\n", qint64(ids.size()));
        return 1;
    }
    std::printf("bench_polling: %d MHO workflows (%d active) in %d watches, base interval 5 s, "
                "finished every 300 s, window %d s\n",
        watchedWorkflows, activeWorkflows, watches, windowSeconds);
    const double unlimited = 100000;
    const Run fixed = measure(sim.url, ids, false, unlimited, 8, windowSeconds);
    std::printf("  fixed interval, unlimited budget:  %8.0f requests/min\n", fixed.perMinute());
    const Run adaptive = measure(sim.url, ids, true, unlimited, 8, windowSeconds);
    std::printf("  adaptive,       unlimited budget:  %8.0f requests/min\n", adaptive.perMinute());
    std::printf("  adaptive needs %.1fx fewer requests (target >= 5x)\n",
        adaptive.perMinute() > 0 ? fixed.perMinute() / adaptive.perMinute() : 0.0);
    const double budget = 5;
    const Run capped = measure(sim.url, ids, true, budget, 2, windowSeconds);
    std::printf("  adaptive, budget %.0f/s:  %.0f requests/min (budget %.0f/min + burst %.0f), "
                "busiest second %lld\n",
        budget, capped.perMinute(), budget * 60, budget, capped.maxPerSecond);
    const bool within = capped.requests <= qint64(budget * capped.seconds + budget + 1);
    std::printf("  %s the budget\n", within ? "never exceeded" : "EXCEEDED");
    return within ? 0 : 2;
}
