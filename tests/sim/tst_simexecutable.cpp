// stepwatch-sim as a user starts it: the announced URL on the first line, a working control
// endpoint, argument errors with exit code 2, and a clean stop on Ctrl-C (SIGINT).

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class TestSimExecutable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startsServesAndStopsOnCtrlC();
    void offLoopbackPrintsAControlToken();
    void badArguments_data();
    void badArguments();
};

void TestSimExecutable::startsServesAndStopsOnCtrlC()
{
    QProcess sim;
    sim.start(QStringLiteral(STEPWATCH_SIM_PATH),
        {u"--seed"_s, u"4"_s, u"--workflows"_s, u"3"_s, u"--log"_s, u"--faults"_s,
            u"throttle=0.5"_s});
    QVERIFY(sim.waitForStarted(10000));
    QVERIFY(sim.waitForReadyRead(10000));
    const QString first = QString::fromUtf8(sim.readLine()).trimmed();
    QVERIFY2(first.startsWith(u"listening on http://127.0.0.1:"_s), qPrintable(first));
    const QString url = first.mid(first.indexOf(u"http"_s));

    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(url + u"/_stepwatch/faults"_s)));
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object()[u"spec"_s].toString(),
        u"throttle=0.5"_s);
    // --log: one line per request (it may already be buffered while the reply was awaited).
    QString log;
    QTRY_VERIFY_WITH_TIMEOUT(
        (log += QString::fromUtf8(sim.readAll())).contains(u"GET /_stepwatch/faults"_s), 5000);

    ::kill(static_cast<pid_t>(sim.processId()), SIGINT);
    QVERIFY(sim.waitForFinished(10000));
    QCOMPARE(sim.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sim.exitCode(), 0);
}

void TestSimExecutable::offLoopbackPrintsAControlToken()
{
    QProcess sim;
    sim.start(QStringLiteral(STEPWATCH_SIM_PATH), {u"--host"_s, u"0.0.0.0"_s});
    QVERIFY(sim.waitForStarted(10000));
    QString out;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += QString::fromUtf8(sim.readAllStandardOutput())).contains(u"control token: "_s),
        10000);
    const QString port = out.section(u"listening on http://0.0.0.0:"_s, 1).section(u'\n', 0, 0);
    const QString token = out.section(u"control token: "_s, 1).section(u' ', 0, 0);
    QCOMPARE(token.size(), 32);
    QVERIFY(
        QString::fromUtf8(sim.readAllStandardError()).contains(u"reachable from other machines"_s));

    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(u"http://127.0.0.1:"_s + port + u"/_stepwatch/faults"_s));
    QNetworkReply *refused = network.get(request);
    QSignalSpy refusedDone(refused, &QNetworkReply::finished);
    QVERIFY(refusedDone.wait(10000));
    QCOMPARE(refused->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
    request.setRawHeader("X-Stepwatch-Control-Token", token.toLatin1());
    QNetworkReply *allowed = network.get(request);
    QSignalSpy allowedDone(allowed, &QNetworkReply::finished);
    QVERIFY(allowedDone.wait(10000));
    QCOMPARE(allowed->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    sim.kill();
    sim.waitForFinished(5000);
}

void TestSimExecutable::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("speed") << QStringList {u"--speed"_s, u"0"_s} << u"--speed"_s;
    QTest::newRow("workflows") << QStringList {u"--workflows"_s, u"60000"_s} << u"--workflows"_s;
    QTest::newRow("port") << QStringList {u"--port"_s, u"70000"_s} << u"--port"_s;
    QTest::newRow("host") << QStringList {u"--host"_s, u"localhost.example"_s} << u"--host"_s;
    QTest::newRow("faults") << QStringList {u"--faults"_s, u"explode=1"_s} << u"unknown kind"_s;
    QTest::newRow("verify without keys")
        << QStringList {u"--verify-signatures"_s} << u"--access-key-id"_s;
}

void TestSimExecutable::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QProcess sim;
    sim.start(QStringLiteral(STEPWATCH_SIM_PATH), args);
    QVERIFY(sim.waitForFinished(10000));
    QCOMPARE(sim.exitCode(), 2);
    const QString err = QString::fromUtf8(sim.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestSimExecutable)
#include "tst_simexecutable.moc"
