// The simulator under abuse, over raw sockets on loopback: bodies far over any request,
// requests that never finish, idle and excess connections, oversized heads, chunked uploads,
// and the control endpoints off loopback. Each is refused or closed at once, with the status a
// real server would send, and nothing reaches the services.

#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace sw::sim;

namespace {

struct Exchange {
    int status = 0;
    QByteArray head;
    QByteArray body;
    bool closed = false;
    qint64 elapsedMs = 0;
};

int statusOf(const QByteArray &bytes)
{
    if (!bytes.startsWith("HTTP/1.1 "))
        return 0;
    return bytes.mid(9, 3).toInt();
}

/// Sends `bytes` on a fresh connection and reads until the server closes it or `waitMs` pass.
Exchange exchange(quint16 port, const QByteArray &bytes, int waitMs = 5000)
{
    Exchange e;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return e;
    QElapsedTimer clock;
    clock.start();
    socket.write(bytes);
    QByteArray all;
    while (clock.elapsed() < waitMs) {
        if (socket.state() != QAbstractSocket::ConnectedState) {
            e.closed = true;
            break;
        }
        // The server lives in this thread: run its event loop while waiting.
        QTest::qWait(10);
        all += socket.readAll();
    }
    all += socket.readAll();
    e.elapsedMs = clock.elapsed();
    const qsizetype end = all.indexOf("\r\n\r\n");
    e.head = end < 0 ? all : all.left(end);
    e.body = end < 0 ? QByteArray() : all.mid(end + 4);
    e.status = statusOf(all);
    return e;
}

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

} // namespace

class TestSimAbuse : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void bodyOverTheLimitIsRefusedFromItsLength();
    void bodyAtTheLimitIsServed();
    void halfSentBodyTimesOut();
    void slowHeadTimesOut();
    void idleConnectionIsClosed();
    void connectionsAreCapped();
    void oversizedHeadIsRefused();
    void malformedRequestsAreRefused_data();
    void malformedRequestsAreRefused();
    void keepAliveServesRequestsInTurn();
    void clockAdvanceIsBounded_data();
    void clockAdvanceIsBounded();
    void controlEndpointsNeedATokenOffLoopback();

private:
    std::unique_ptr<Simulator> m_sim;
    quint16 m_port = 0;
    int m_handled = 0; ///< requests that reached Simulator::handle
    void listenWith(const SimHttpServer::Limits &limits);
};

void TestSimAbuse::init()
{
    SimOptions options;
    options.seed = 3;
    options.workflowsPerService = 2;
    m_sim = std::make_unique<Simulator>(options);
    m_handled = 0;
    m_sim->setRequestLogger(
        [this](const SimRequest &, const SimResponse &, const QString &) { ++m_handled; });
    listenWith({});
}

void TestSimAbuse::cleanup()
{
    m_sim.reset();
}

void TestSimAbuse::listenWith(const SimHttpServer::Limits &limits)
{
    m_sim->stop();
    m_sim->setHttpLimits(limits);
    m_port = m_sim->listen();
    QVERIFY(m_port != 0);
}

void TestSimAbuse::bodyOverTheLimitIsRefusedFromItsLength()
{
    // 256 MB announced, 1 KB sent: refused at once, never waited for or buffered.
    const int before = m_handled;
    const Exchange e = exchange(m_port,
        "POST /migrationworkflow/ HTTP/1.1\r\nHost: x\r\nContent-Length: 268435456\r\n\r\n"
            + QByteArray(1024, '{'));
    QCOMPARE(e.status, 413);
    QVERIFY(e.closed);
    QVERIFY2(e.elapsedMs < 2000, QByteArray::number(e.elapsedMs));
    QVERIFY2(e.body.contains("over the 1048576 bytes"), e.body.constData());
    QVERIFY(e.head.contains("Connection: close"));
    QCOMPARE(m_handled, before);
}

void TestSimAbuse::bodyAtTheLimitIsServed()
{
    const int before = m_handled;
    const QByteArray body(1024 * 1024, ' ');
    const Exchange e = exchange(m_port,
        "PUT /_stepwatch/faults HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    // Reaches the handler, which answers for itself.
    QVERIFY(e.status != 0 && e.status != 413);
    QVERIFY(e.closed);
    QCOMPARE(m_handled, before + 1);
}

void TestSimAbuse::halfSentBodyTimesOut()
{
    SimHttpServer::Limits limits;
    limits.bodyTimeoutMs = 400;
    listenWith(limits);
    const Exchange e = exchange(m_port,
        "POST /migrationworkflow/ HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"", 5000);
    QCOMPARE(e.status, 408);
    QVERIFY(e.closed);
    QVERIFY2(e.elapsedMs >= 300 && e.elapsedMs < 3000, QByteArray::number(e.elapsedMs));
}

void TestSimAbuse::slowHeadTimesOut()
{
    SimHttpServer::Limits limits;
    limits.headTimeoutMs = 400;
    listenWith(limits);
    const Exchange e = exchange(m_port, "GET /migrationworkflows HTTP/1.1\r\nHost:", 5000);
    QCOMPARE(e.status, 408);
    QVERIFY(e.closed);
    QVERIFY2(e.elapsedMs < 3000, QByteArray::number(e.elapsedMs));
}

void TestSimAbuse::idleConnectionIsClosed()
{
    SimHttpServer::Limits limits;
    limits.idleTimeoutMs = 400;
    listenWith(limits);
    // A request answered, then nothing: the keep-alive connection is closed quietly.
    const Exchange e = exchange(m_port, get("/_stepwatch/counters"), 5000);
    QCOMPARE(e.status, 200);
    QVERIFY(e.closed);
    QVERIFY2(e.elapsedMs >= 300 && e.elapsedMs < 3000, QByteArray::number(e.elapsedMs));
}

void TestSimAbuse::connectionsAreCapped()
{
    SimHttpServer::Limits limits;
    limits.maxConnections = 5;
    listenWith(limits);
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 5; ++i) {
        held.push_back(std::make_unique<QTcpSocket>());
        held.back()->connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(held.back()->waitForConnected(5000));
    }
    QTRY_COMPARE(m_sim->httpConnections(), 5);
    const Exchange refused = exchange(m_port, get("/_stepwatch/counters"));
    QCOMPARE(refused.status, 503);
    QVERIFY(refused.closed);
    QVERIFY2(refused.body.contains("Too many connections"), refused.body.constData());

    held.front()->disconnectFromHost();
    held.erase(held.begin());
    QTRY_COMPARE(m_sim->httpConnections(), 4);
    const Exchange served = exchange(m_port, get("/_stepwatch/counters", "Connection: close\r\n"));
    QCOMPARE(served.status, 200);
}

void TestSimAbuse::oversizedHeadIsRefused()
{
    const Exchange e =
        exchange(m_port, get("/x", "X-Filler: " + QByteArray(70 * 1024, 'a') + "\r\n"));
    QCOMPARE(e.status, 431);
    QVERIFY(e.closed);
}

void TestSimAbuse::malformedRequestsAreRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("chunked upload") << QByteArray(
        "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                                    << 411;
    QTest::newRow("two lengths") << QByteArray(
        "POST /x HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
                                 << 400;
    QTest::newRow("negative length")
        << QByteArray("POST /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("length past int64")
        << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n") << 400;
    QTest::newRow("folded header")
        << QByteArray("GET /x HTTP/1.1\r\nX-A: 1\r\n  folded\r\n\r\n") << 400;
    QTest::newRow("absolute target") << QByteArray("GET http://x/y HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("not HTTP") << QByteArray("HELLO\r\n\r\n") << 400;
    QTest::newRow("control character in name")
        << QByteArray("GET /x HTTP/1.1\r\nX\x01Y: 1\r\n\r\n") << 400;
}

void TestSimAbuse::malformedRequestsAreRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    const int before = m_handled;
    const Exchange e = exchange(m_port, bytes);
    QCOMPARE(e.status, status);
    QVERIFY(e.closed);
    QCOMPARE(m_handled, before);
}

void TestSimAbuse::keepAliveServesRequestsInTurn()
{
    // Two requests in one write (pipelined): two answers, in order, on the one connection.
    const Exchange e = exchange(
        m_port, get("/_stepwatch/counters") + get("/_stepwatch/faults", "Connection: close\r\n"));
    QCOMPARE(e.status, 200);
    QVERIFY(e.closed);
    const QByteArray all = e.head + "\r\n\r\n" + e.body;
    QCOMPARE(all.count("HTTP/1.1 200 OK"), 2);
    QVERIFY(all.indexOf("\"requests\"") < all.indexOf("\"spec\""));
}

void TestSimAbuse::clockAdvanceIsBounded_data()
{
    QTest::addColumn<QByteArray>("ms");
    QTest::addColumn<int>("status");
    QTest::newRow("a minute") << QByteArray("60000") << 200;
    QTest::newRow("ten years") << QByteArray::number(SimClock::MaxAdvanceMs) << 200;
    QTest::newRow("INT64_MAX") << QByteArray("9223372036854775807") << 400;
    QTest::newRow("backwards") << QByteArray("-1") << 400;
    QTest::newRow("not a number") << QByteArray("soon") << 400;
}

void TestSimAbuse::clockAdvanceIsBounded()
{
    QFETCH(QByteArray, ms);
    QFETCH(int, status);
    const QDateTime before = m_sim->clock().now();
    const Exchange e = exchange(m_port,
        "POST /_stepwatch/clock/advance?ms=" + ms
            + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    QCOMPARE(e.status, status);
    const QJsonObject reply = QJsonDocument::fromJson(e.body).object();
    if (status != 200) {
        QVERIFY2(reply.value(u"message"_s).toString().contains(u"whole number of milliseconds"_s),
            e.body.constData());
        QVERIFY(m_sim->clock().now() < before.addSecs(60));
        return;
    }
    // The answer is a real time, later than before (it read "" after the overflow).
    const QDateTime now =
        QDateTime::fromString(reply.value(u"now"_s).toString(), Qt::ISODateWithMs);
    QVERIFY2(now.isValid(), e.body.constData());
    QVERIFY(now >= before.addMSecs(ms.toLongLong()));
}

void TestSimAbuse::controlEndpointsNeedATokenOffLoopback()
{
    QCOMPARE(m_sim->controlToken(), QString()); // loopback: none needed
    m_sim->stop();
    m_port = m_sim->listen(QHostAddress::AnyIPv4);
    QVERIFY(m_port != 0);
    const QString token = m_sim->controlToken();
    QCOMPARE(token.size(), 32);

    const QByteArray put = "PUT /_stepwatch/faults HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                           "Content-Length: 10\r\n";
    const Exchange without = exchange(m_port, put + "\r\nthrottle=1");
    QCOMPARE(without.status, 403);
    QVERIFY2(without.body.contains("X-Stepwatch-Control-Token"), without.body.constData());
    const Exchange wrong = exchange(
        m_port, put + "X-Stepwatch-Control-Token: " + QByteArray(32, '0') + "\r\n\r\nthrottle=1");
    QCOMPARE(wrong.status, 403);
    const Exchange right = exchange(
        m_port, put + "X-Stepwatch-Control-Token: " + token.toLatin1() + "\r\n\r\nthrottle=1");
    QCOMPARE(right.status, 200);
    QVERIFY2(right.body.contains("throttle=1"), right.body.constData());
    // The services check SigV4 as before, not the token.
    const Exchange service = exchange(m_port, get("/migrationworkflows", "Connection: close\r\n"));
    QVERIFY(service.status != 0);
    QVERIFY2(!service.body.contains("X-Stepwatch-Control-Token"), service.body.constData());
}

QTEST_GUILESS_MAIN(TestSimAbuse)
#include "tst_simabuse.moc"
