// stepwatch-sim: the four simulated services on one loopback port, for the dashboard's demo,
// the tests, and any AWS SDK or the AWS CLI pointed at it with --endpoint-url.

#include "sim/simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    // Only async-signal-safe work here: wake the event loop, which quits cleanly.
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

void installSignalHandlers(QCoreApplication &app)
{
    if (::pipe(signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
        char byte;
        [[maybe_unused]] const auto n = ::read(signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}
#else
// Elsewhere Ctrl+C ends the process the default way; the simulator keeps nothing on disk.
void installSignalHandlers(QCoreApplication &) { }
#endif

void printLine(const QString &line)
{
    std::fputs(line.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"stepwatch-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STEPWATCH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Simulates Migration Hub Orchestrator, Customer Profiles, EC2 Image Builder and "
        "CodeCatalyst on one port. Point any client at it, e.g. "
        "AWS_ENDPOINT_URL=http://127.0.0.1:PORT. Control endpoints: GET /_stepwatch/counters, "
        "GET /_stepwatch/inventory, GET|PUT /_stepwatch/faults, "
        "POST /_stepwatch/clock/advance?ms=N."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"host"_s, u"Address to listen on (default 127.0.0.1)."_s, u"address"_s, u"127.0.0.1"_s},
        {u"port"_s, u"Port (default 0: any free port)."_s, u"port"_s, u"0"_s},
        {u"seed"_s, u"Seed for the generated data and faults (default 1)."_s, u"n"_s, u"1"_s},
        {u"speed"_s,
            u"Simulated seconds per real second (default 1; the demo uses 60). Above 1, times "
            "are reported as they really happened, so clients see none in the future and "
            "durations read that many times shorter."_s,
            u"x"_s, u"1"_s},
        {u"simulated-timestamps"_s,
            u"Report times as the simulated clock reads them (ahead of the real one when "
            "--speed is above 1), for clients that follow that clock."_s},
        {u"workflows"_s, u"Workflows per service (default 10, up to 50000)."_s, u"n"_s, u"10"_s},
        {u"faults"_s,
            u"Faults to inject: [Operation:]kind=probability[@ms],... with kinds throttle, "
            "error500, error503, latency, close, lostreply, malformed, truncated."_s,
            u"spec"_s},
        {u"verify-signatures"_s,
            u"Check SigV4 signatures against --access-key-id/--secret-access-key and the bearer "
            "token against --bearer-token (default: any well-formed credentials pass)."_s},
        {u"access-key-id"_s, u"Access key id for --verify-signatures."_s, u"id"_s},
        {u"secret-access-key"_s, u"Secret access key for --verify-signatures."_s, u"secret"_s},
        {u"bearer-token"_s, u"Bearer token for --verify-signatures."_s, u"token"_s},
        {u"log"_s, u"Print one line per request."_s},
    });
    parser.process(app);

    auto fail = [](const QString &message) {
        std::fprintf(stderr, "stepwatch-sim: %s\n", qPrintable(message));
        return 2;
    };
    bool ok = false;
    sw::sim::SimOptions options;
    options.seed = parser.value(u"seed"_s).toULongLong(&ok);
    if (!ok)
        return fail(u"--seed must be a whole number"_s);
    options.speed = parser.value(u"speed"_s).toDouble(&ok);
    if (!ok || options.speed <= 0 || options.speed > 100000)
        return fail(u"--speed must be a number above 0 (at most 100000)"_s);
    options.realTimestamps = !parser.isSet(u"simulated-timestamps"_s);
    options.workflowsPerService = parser.value(u"workflows"_s).toInt(&ok);
    if (!ok || options.workflowsPerService < 0 || options.workflowsPerService > 50000)
        return fail(u"--workflows must be between 0 and 50000"_s);
    const uint port = parser.value(u"port"_s).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(u"--port must be between 0 and 65535"_s);
    const QHostAddress host(parser.value(u"host"_s));
    if (host.isNull())
        return fail(u"--host '%1' is not an IP address"_s.arg(parser.value(u"host"_s)));

    sw::sim::Simulator simulator(options);
    if (parser.isSet(u"faults"_s)) {
        if (const auto problem = simulator.setFaults(parser.value(u"faults"_s)))
            return fail(*problem);
    }
    if (parser.isSet(u"verify-signatures"_s)) {
        sw::sim::Simulator::Credentials credentials;
        credentials.verify = true;
        credentials.accessKeyId = parser.value(u"access-key-id"_s);
        credentials.secretAccessKey = parser.value(u"secret-access-key"_s);
        credentials.bearerToken = parser.value(u"bearer-token"_s);
        if (credentials.accessKeyId.isEmpty() || credentials.secretAccessKey.isEmpty()
            || credentials.bearerToken.isEmpty())
            return fail(u"--verify-signatures needs --access-key-id, --secret-access-key and "
                        "--bearer-token"_s);
        simulator.setCredentials(credentials);
    }
    if (parser.isSet(u"log"_s)) {
        simulator.setRequestLogger([](const sw::sim::SimRequest &request,
                                       const sw::sim::SimResponse &response, const QString &op) {
            printLine(u"%1 %2 %3 %4%5 -> %6%7"_s.arg(
                QDateTime::currentDateTime().toString(u"HH:mm:ss.zzz"_s),
                QString::fromLatin1(request.method), QString::fromUtf8(request.rawPath),
                request.rawQuery.isEmpty() ? QString()
                                           : u"?"_s + QString::fromUtf8(request.rawQuery),
                op.isEmpty() ? QString() : u" ["_s + op + u']',
                response.closeConnection ? u"dropped"_s : QString::number(response.status),
                response.delayMs > 0 ? u" after %1 ms"_s.arg(response.delayMs) : QString()));
        });
    }

    const quint16 bound = simulator.listen(host, static_cast<quint16>(port));
    if (bound == 0)
        return fail(u"cannot listen on %1:%2"_s.arg(host.toString()).arg(port));
    const QString shownHost = host.protocol() == QAbstractSocket::IPv6Protocol
        ? u"[%1]"_s.arg(host.toString())
        : host.toString();
    printLine(u"listening on http://%1:%2"_s.arg(shownHost).arg(bound));
    if (!simulator.controlToken().isEmpty()) {
        std::fprintf(stderr,
            "stepwatch-sim: warning: listening on %s, reachable from other machines\n",
            qPrintable(host.toString()));
        // Faults and the clock change what every client sees: off loopback they need this.
        printLine(
            u"control token: %1 (send it as X-Stepwatch-Control-Token to /_stepwatch/*)"_s.arg(
                simulator.controlToken()));
    }

    installSignalHandlers(app);
    const int rc = QCoreApplication::exec();
    return rc;
}
