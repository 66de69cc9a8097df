// Client throughput and CPU cost: N signed MHO GetWorkflow calls at concurrency C, each
// signed, sent through one QNetworkAccessManager and parsed into the typed response.
// Without --endpoint it starts a copy of itself as a loopback server in a child process, so
// getrusage() here counts the client's CPU alone. Prints numbers; asserts nothing.
//
//   bench_client [--requests N] [--concurrency C] [--endpoint URL]

#include "aws/awsclient.h"
#include "aws/clientconfig.h"
#include "aws/configfile.h"
#include "aws/imagebuilder.h"
#include "aws/migrationhuborchestrator.h"
#include "aws/paginator.h"
#include "aws/requestserializer.h"
#include "aws/sigv4signer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTextStream>

#include <sys/resource.h>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace sw::aws;

namespace {

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int serve()
{
    auto *server = new QHttpServer(qApp);
    server->route(u"/migrationworkflow/<arg>"_s, [](const QString &id) {
        QHttpServerResponse response(QJsonObject {{u"id"_s, id},
            {u"arn"_s,
                u"arn:aws:migrationhub-orchestrator:us-east-1:123456789012:workflow/"_s + id},
            {u"name"_s, u"Wave 1 application migration"_s}, {u"status"_s, u"IN_PROGRESS"_s},
            {u"creationTime"_s, 1763700000.25}, {u"lastModifiedTime"_s, 1763710000.5},
            {u"totalSteps"_s, 24}, {u"completedSteps"_s, 9},
            {u"tags"_s, QJsonObject {{u"wave"_s, u"1"_s}}}});
        response.addHeader("x-amzn-RequestId", "bench");
        return response;
    });
    const quint16 port = server->listen(QHostAddress::LocalHost, 0);
    std::printf("listening on %u\n", port);
    std::fflush(stdout);
    return QCoreApplication::exec();
}

// Our own work per request, without the network stack: validate, serialize, sign, then parse
// a typical response into the typed struct. What Qt's QNetworkAccessManager adds on top is
// the difference to the loopback figure.
double pipelineMicroseconds(int iterations)
{
    const QByteArray body = QJsonDocument(
        QJsonObject {{u"id"_s, u"mw-1"_s}, {u"name"_s, u"Wave 1 application migration"_s},
            {u"status"_s, u"IN_PROGRESS"_s}, {u"creationTime"_s, 1763700000.25},
            {u"lastModifiedTime"_s, 1763710000.5}, {u"totalSteps"_s, 24}, {u"completedSteps"_s, 9},
            {u"tags"_s, QJsonObject {{u"wave"_s, u"1"_s}}}})
                                .toJson(QJsonDocument::Compact);
    Credentials credentials {u"AKIDBENCHMARK"_s, u"benchmark-secret"_s, {}, {}};
    SigV4Signer signer;
    SigningParams params {u"us-east-1"_s, u"migrationhub-orchestrator"_s, {}, true, false, false};
    int totalSteps = 0;
    const double start = cpuSeconds();
    for (int i = 0; i < iterations; ++i) {
        const QJsonObject input = mho::GetWorkflow::Request {u"mw-%1"_s.arg(i % 1000)}.toParams();
        if (!validateParams(mho::GetWorkflow::spec(), input).isEmpty())
            return -1;
        HttpRequest request = serializeRequest(mho::GetWorkflow::spec(), input);
        request.host = "127.0.0.1:8080";
        request.setHeader("Host", request.host);
        params.time = QDateTime::currentDateTimeUtc();
        signer.sign(request, credentials, params);
        const QByteArray url = request.url();
        JsonParseContext context;
        mho::GetWorkflow::Response response;
        response.read(JsonReader(QJsonDocument::fromJson(body).object(), context));
        totalSteps += int(response.totalSteps.value_or(0)) + int(url.size() > 0);
    }
    const double elapsed = cpuSeconds() - start;
    return totalSteps > 0 ? elapsed / iterations * 1e6 : -1;
}

// Merging a long listing: 4,000 pages of 500 items through PageMerger, as AwsReply does. The
// last 500 pages must cost what the first 500 did (the old merger copied the list per page:
// pages 3,501-4,000 took 35 s).
struct MergeTimes {
    double firstMs = 0;
    double lastMs = 0;
    qint64 items = 0;
};

MergeTimes mergeTimes()
{
    const int pages = 4000;
    const int perPage = 500;
    QJsonArray list;
    for (int i = 0; i < perPage; ++i)
        list.append(
            QJsonObject {{u"stepId"_s, u"step-%1"_s.arg(i)}, {u"status"_s, u"COMPLETED"_s}});
    PageMerger merger(*imagebuilder::ListWorkflowStepExecutions::spec().paginator, pages + 1,
        PageTokenCheck(), qint64(pages) * perPage);
    MergeTimes times;
    QElapsedTimer clock;
    for (int page = 0; page < pages; ++page) {
        if (page == 0 || page == pages - 500)
            clock.start();
        QJsonObject p {{u"steps"_s, list}};
        if (page + 1 < pages)
            p.insert(u"nextToken"_s, QString::number(page));
        merger.addPage(p);
        if (page == 499)
            times.firstMs = clock.nsecsElapsed() / 1e6;
    }
    times.lastMs = clock.nsecsElapsed() / 1e6;
    times.items = merger.merged().value(u"steps"_s).toArray().size();
    return times;
}

// A config file of 100,000 keys, every one set twice: the duplicate check used to scan the
// section per line (24 s at start-up).
double configParseMs()
{
    QString text = u"[profile big]\n"_s;
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 100000; ++i)
            text += u"key%1 = value %2\n"_s.arg(i).arg(round);
    }
    QLoggingCategory::setFilterRules(u"stepwatch.aws.config.warning=false"_s);
    QElapsedTimer clock;
    clock.start();
    const ConfigFile file = ConfigFile::parse(text, ConfigFile::Kind::Config, u"big"_s);
    const double ms = clock.nsecsElapsed() / 1e6;
    QLoggingCategory::setFilterRules(QString());
    return file.profiles().value(u"big"_s).values.size() == 100000 ? ms : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"requests"_s, u"Number of requests."_s, u"N"_s, u"4000"_s});
    parser.addOption({u"concurrency"_s, u"Requests in flight."_s, u"C"_s, u"16"_s});
    parser.addOption({u"endpoint"_s, u"Endpoint URL (default: a child server)."_s, u"URL"_s});
    parser.addOption({u"serve"_s, u"Run as the loopback server."_s});
    parser.process(app);
    if (parser.isSet(u"serve"_s))
        return serve();

    const int total = parser.value(u"requests"_s).toInt();
    const int concurrency = parser.value(u"concurrency"_s).toInt();
    if (total < 1 || concurrency < 1) {
        std::fprintf(stderr, "--requests and --concurrency must be at least 1\n");
        return 2;
    }
    QString endpoint = parser.value(u"endpoint"_s);
    QProcess child;
    if (endpoint.isEmpty()) {
        child.start(QCoreApplication::applicationFilePath(), {u"--serve"_s});
        if (!child.waitForReadyRead(10000)) {
            std::fprintf(stderr, "the child server did not start\n");
            return 1;
        }
        const QByteArray line = child.readLine().trimmed();
        endpoint =
            u"http://127.0.0.1:"_s + QString::fromLatin1(line.mid(line.lastIndexOf(' ') + 1));
    }

    QProcessEnvironment env;
    env.insert(u"HOME"_s, u"/nonexistent"_s);
    env.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDBENCHMARK"_s);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"benchmark-secret"_s);
    env.insert(u"AWS_REGION"_s, u"us-east-1"_s);
    ClientOptions options;
    options.endpointUrl = endpoint;
    const AwsSession session(env, options);
    AwsError error;
    const std::optional<ServiceConfig> config = session.serviceConfig(mho::serviceSpec(), &error);
    if (!config) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }

    QNetworkAccessManager network;
    AwsClient client(&network);
    int failed = 0;
    // Runs `count` calls with `concurrency` in flight and returns when all have answered.
    auto runBatch = [&](int count) {
        int started = 0;
        int done = 0;
        QEventLoop loop;
        std::function<void()> startOne = [&] {
            const int n = started++;
            client.call<mho::GetWorkflow>(*config, {u"mw-%1"_s.arg(n % 1000)}, &loop,
                [&](const Outcome<mho::GetWorkflow> &outcome) {
                    if (!outcome.ok() || outcome.response.totalSteps != 24)
                        ++failed;
                    if (++done == count)
                        loop.quit();
                    else if (started < count)
                        startOne();
                });
        };
        for (int i = 0; i < std::min(concurrency, count); ++i)
            startOne();
        loop.exec();
    };

    // Unmeasured: opens the connections and derives the signing key once, as a dashboard
    // that has been running for a while would have.
    runBatch(std::min(total, concurrency * 8));
    failed = 0;
    QElapsedTimer clock;
    const double cpuStart = cpuSeconds();
    clock.start();
    runBatch(total);
    const double wall = clock.nsecsElapsed() / 1e9;
    const double cpu = cpuSeconds() - cpuStart;

    QTextStream out(stdout);
    out << "bench_client: validate+serialize+sign+parse without network: "
        << QString::number(pipelineMicroseconds(20000), 'f', 1) << " us CPU per request\n";
    out << "bench_client: parsing a config of 100,000 keys set twice: "
        << QString::number(configParseMs(), 'f', 0) << " ms\n";
    const MergeTimes merge = mergeTimes();
    out << "bench_client: merging 4,000 pages of 500 items: pages 1-500 "
        << QString::number(merge.firstMs, 'f', 0) << " ms, pages 3,501-4,000 "
        << QString::number(merge.lastMs, 'f', 0) << " ms, " << merge.items << " items\n";
    out << "bench_client: " << total << " GetWorkflow requests, concurrency " << concurrency
        << ", endpoint " << endpoint << "\n";
    out << "  requests/s:              " << QString::number(total / wall, 'f', 0) << "\n";
    out << "  client CPU per request:  " << QString::number(cpu / total * 1e6, 'f', 1)
        << " us (whole process: ours + QNetworkAccessManager and its HTTP thread)\n";
    out << "  failed:                  " << failed << "\n";
    out.flush();
    if (child.state() != QProcess::NotRunning) {
        child.kill();
        child.waitForFinished();
    }
    return failed == 0 ? 0 : 1;
}
