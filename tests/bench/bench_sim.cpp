// Simulator throughput: MHO GetWorkflow over 16 keep-alive HTTP/1.1 connections. The
// simulator runs in a child process (a copy of this program with --serve) so that the load
// generator here, a few raw sockets, does not take its CPU. Prints numbers; asserts nothing.
//
//   bench_sim [--requests N] [--connections C] [--workflows W]

#include "sim/simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

int serve(int workflows)
{
    sw::sim::SimOptions options;
    options.workflowsPerService = workflows;
    auto *sim = new sw::sim::Simulator(options, qApp);
    std::printf("listening on %u\n", sim->listen());
    std::fflush(stdout);
    return QCoreApplication::exec();
}

QByteArray request(const QByteArray &pathAndQuery)
{
    // A well-formed SigV4 header: the simulator checks its shape unless told to verify.
    return "GET " + pathAndQuery
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Date: 20261121T120000Z\r\n"
          "Authorization: AWS4-HMAC-SHA256 Credential=AKIDBENCH/20261121/us-east-1/"
          "migrationhub-orchestrator/aws4_request, SignedHeaders=host;x-amz-date, Signature="
        + QByteArray(64, 'a') + "\r\n\r\n";
}

// One keep-alive connection that sends the next request as soon as a response is complete.
class Connection final : public QObject {
public:
    Connection(quint16 port, QList<QByteArray> requests, std::function<bool()> more,
        std::function<void(int status)> done)
        : m_requests(std::move(requests)), m_more(std::move(more)), m_done(std::move(done))
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(&m_socket, &QTcpSocket::connected, this, &Connection::sendNext);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

private:
    void sendNext()
    {
        if (!m_more())
            return;
        m_socket.write(m_requests.at(m_next++ % m_requests.size()));
    }

    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const qsizetype lengthAt = m_buffer.indexOf("Content-Length: ");
            if (lengthAt < 0 || lengthAt > end)
                return;
            const qsizetype lengthEnd = m_buffer.indexOf("\r\n", lengthAt);
            const int length = m_buffer.mid(lengthAt + 16, lengthEnd - lengthAt - 16).toInt();
            if (m_buffer.size() < end + 4 + length)
                return;
            m_done(m_buffer.mid(9, 3).toInt());
            m_buffer.remove(0, end + 4 + length);
            sendNext();
        }
    }

    QTcpSocket m_socket;
    QList<QByteArray> m_requests;
    std::function<bool()> m_more;
    std::function<void(int)> m_done;
    QByteArray m_buffer;
    int m_next = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"requests"_s, u"Requests to send."_s, u"N"_s, u"50000"_s});
    parser.addOption({u"connections"_s, u"Keep-alive connections."_s, u"C"_s, u"16"_s});
    parser.addOption({u"workflows"_s, u"Workflows per service."_s, u"W"_s, u"1000"_s});
    parser.addOption({u"serve"_s, u"Run as the simulator child."_s});
    parser.process(app);
    const int workflows = parser.value(u"workflows"_s).toInt();
    if (parser.isSet(u"serve"_s))
        return serve(workflows);
    const int total = parser.value(u"requests"_s).toInt();
    const int connections = parser.value(u"connections"_s).toInt();
    if (total < 1 || connections < 1 || workflows < 1) {
        std::fprintf(stderr, "--requests, --connections and --workflows must be at least 1\n");
        return 2;
    }

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
        {u"--serve"_s, u"--workflows"_s, QString::number(workflows)});
    if (!child.waitForReadyRead(30000)) {
        std::fprintf(stderr, "the simulator child did not start\n");
        return 1;
    }
    const QByteArray line = child.readLine().trimmed();
    const auto port = static_cast<quint16>(line.mid(line.lastIndexOf(' ') + 1).toUInt());

    // Workflow ids to ask for, from one listing.
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, port);
    probe.waitForConnected(5000);
    probe.write(request("/migrationworkflows?maxResults=100"));
    QByteArray listing;
    while (probe.waitForReadyRead(5000)) {
        listing += probe.readAll();
        const qsizetype body = listing.indexOf("\r\n\r\n");
        if (body >= 0 && QJsonDocument::fromJson(listing.mid(body + 4)).isObject())
            break;
    }
    QList<QByteArray> requests;
    const QJsonArray items = QJsonDocument::fromJson(listing.mid(listing.indexOf("\r\n\r\n") + 4))
                                 .object()
                                 .value(u"migrationWorkflowSummary"_s)
                                 .toArray();
    for (const QJsonValue &item : items)
        requests.append(request("/migrationworkflow/" + item[u"id"_s].toString().toUtf8()));
    if (requests.isEmpty()) {
        std::fprintf(stderr, "no workflows listed\n");
        return 1;
    }

    int sent = 0;
    int done = 0;
    int failed = 0;
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<Connection>> pool;
    for (int i = 0; i < connections; ++i) {
        pool.push_back(std::make_unique<Connection>(
            port, requests, [&] { return sent < total ? (++sent, true) : false; },
            [&](int status) {
                if (status != 200)
                    ++failed;
                if (++done == total)
                    app.quit();
            }));
    }
    app.exec();
    const double seconds = clock.nsecsElapsed() / 1e9;

    QTextStream out(stdout);
    out << "bench_sim: " << total << " GetWorkflow requests over " << connections
        << " keep-alive connections, " << workflows << " workflows per service\n";
    out << "  requests/s:  " << QString::number(total / seconds, 'f', 0)
        << " (target >= 5000 on 2 cores)\n";
    out << "  non-200:     " << failed << "\n";
    out.flush();
    child.kill();
    child.waitForFinished();
    return failed == 0 ? 0 : 1;
}
