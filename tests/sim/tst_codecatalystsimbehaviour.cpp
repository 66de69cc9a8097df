// Simulated CodeCatalyst's runs over time: started runs that progress with the clock and end,
// idempotent StartWorkflowRun, run modes, an invalid workflow, and 50,000 workflows.

#include "codecatalystsimtestsupport.h"
#include "support/residentmemory.h"

#include "sim/codecatalystsim.h"
#include "sim/simclock.h"
#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QThread>

#include <optional>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using namespace sw::test::codecatalyst;
using sw::test::errorTypeOf;
using sw::test::jsonOf;
using sw::test::simRequest;

namespace {

} // namespace

class TestCodeCatalystSimBehaviour : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startedRunProgresses();
    void startedRunsSucceedOrFail();
    void speedDrivesTime();
    void idempotentStart();
    void supersededRunMode();
    void invalidWorkflow();
    void scale();
};

void TestCodeCatalystSimBehaviour::startedRunProgresses()
{
    Simulator sim(options(5, 12));
    const Workflow w = withStatus(allWorkflows(sim), u"ACTIVE"_s).first();
    const SimResponse started = call(sim, "PUT", runsPath(w.place, w.id()), "{}");
    QCOMPARE(started.status, 200);
    const QString id = jsonOf(started)[u"id"_s].toString();

    const QJsonArray newest =
        jsonOf(call(sim, "POST", withParams(runsPath(w.place), 1, {}), "{}"))[u"items"_s].toArray();
    QCOMPARE(newest.size(), 1);
    QCOMPARE(newest[0][u"id"_s].toString(), id);
    const QJsonArray filtered =
        jsonOf(call(sim, "POST", runsPath(w.place, w.id()), "{}"))[u"items"_s].toArray();
    QCOMPARE(filtered[0][u"id"_s].toString(), id);
    for (const QJsonValue &run : filtered)
        QCOMPARE(run[u"workflowId"_s].toString(), w.id());

    const QStringList order {u"VALIDATING"_s, u"PROVISIONING"_s, u"IN_PROGRESS"_s};
    QStringList seen;
    QString status;
    for (int step = 0; step < 240; ++step) {
        // Upper-case ids are ids too.
        const SimResponse r = call(sim, "GET", runsPath(w.place) + '/' + id.toUpper().toUtf8());
        QCOMPARE(r.status, 200);
        const QJsonObject run = jsonOf(r);
        const QString problem = runProblems(run, false);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        status = run[u"status"_s].toString();
        if (seen.isEmpty() || seen.last() != status)
            seen.append(status);
        if (!order.contains(status)) {
            QCOMPARE(run[u"lastUpdatedTime"_s], run[u"endTime"_s]);
            break;
        }
        sim.clock().advance(5'000);
    }
    QVERIFY2(status == u"SUCCEEDED" || status == u"FAILED", qPrintable(seen.join(u' ')));
    // Phases only move forward, and the run was seen working before it ended.
    for (int i = 1; i + 1 < seen.size(); ++i)
        QVERIFY2(order.indexOf(seen[i]) > order.indexOf(seen[i - 1]), qPrintable(seen.join(u' ')));
    QVERIFY(seen.contains(u"IN_PROGRESS"_s));
    QVERIFY(seen.first() == u"VALIDATING" || seen.first() == u"PROVISIONING");
}

void TestCodeCatalystSimBehaviour::startedRunsSucceedOrFail()
{
    Simulator sim(options(6, 80));
    QList<QPair<Place, QString>> runs;
    for (const Workflow &w : withStatus(allWorkflows(sim), u"ACTIVE"_s)) {
        const SimResponse r = call(sim, "PUT", runsPath(w.place, w.id()), {});
        QCOMPARE(r.status, 200);
        runs.append({w.place, jsonOf(r)[u"id"_s].toString()});
    }
    QCOMPARE(counter(sim, u"codecatalystRunsCreated"_s), double(runs.size()));
    sim.clock().advance(30 * 60'000);
    int succeeded = 0;
    int failed = 0;
    for (const auto &[place, id] : runs) {
        const QString status =
            jsonOf(call(sim, "GET", runsPath(place) + '/' + id.toUtf8()))[u"status"_s].toString();
        succeeded += status == u"SUCCEEDED";
        failed += status == u"FAILED";
    }
    QCOMPARE(succeeded + failed, runs.size());
    QVERIFY2(failed >= 4 && failed <= 30, qPrintable(QString::number(failed)));
}

void TestCodeCatalystSimBehaviour::speedDrivesTime()
{
    // At 250x, 1.4 s of wall time is more than the longest run takes (under 330 s), while the
    // first look comes long before the shortest run could end (72 s, i.e. 288 ms).
    Simulator sim(options(6, 5, 250.0));
    const Workflow w = withStatus(allWorkflows(sim), u"ACTIVE"_s).first();
    const QString id = jsonOf(call(sim, "PUT", runsPath(w.place, w.id())))[u"id"_s].toString();
    const QByteArray path = runsPath(w.place) + '/' + id.toUtf8();
    QVERIFY(activeStatuses.contains(jsonOf(call(sim, "GET", path))[u"status"_s].toString()));
    QThread::msleep(1400);
    const QString status = jsonOf(call(sim, "GET", path))[u"status"_s].toString();
    QVERIFY2(status == u"SUCCEEDED" || status == u"FAILED", qPrintable(status));
}

void TestCodeCatalystSimBehaviour::idempotentStart()
{
    Simulator sim(options(7, 20));
    const QList<Workflow> active = withStatus(allWorkflows(sim), u"ACTIVE"_s);
    const Workflow w = active.first();
    Workflow sibling; // another workflow of the same project
    for (const Workflow &other : active) {
        if (other.place.project == w.place.project && other.id() != w.id())
            sibling = other;
    }
    QVERIFY(!sibling.id().isEmpty());
    const qsizetype before = listAll(sim, runsPath(w.place, w.id()), 50).value().size();

    const QByteArray token = R"({"clientToken":"click-42"})";
    const SimResponse first = call(sim, "PUT", runsPath(w.place, w.id()), token);
    QCOMPARE(first.status, 200);
    sim.clock().advance(2'000); // a transport retry, a moment later
    const SimResponse again = call(sim, "PUT", runsPath(w.place, w.id()), token);
    QCOMPARE(again.status, 200);
    QCOMPARE(jsonOf(again), jsonOf(first));
    QCOMPARE(counter(sim, u"codecatalystRunsCreated"_s), 1.0);
    QCOMPARE(counter(sim, u"codecatalystIdempotentReplays"_s), 1.0);
    QCOMPARE(listAll(sim, runsPath(w.place, w.id()), 50).value().size(), before + 1);

    const SimResponse conflict = call(sim, "PUT", runsPath(sibling.place, sibling.id()), token);
    QCOMPARE(conflict.status, 409);
    QCOMPARE(errorTypeOf(conflict), QByteArray("ConflictException"));
    QVERIFY(jsonOf(conflict)[u"message"_s].toString().contains(u"click-42"_s));
    QCOMPARE(counter(sim, u"codecatalystRunsCreated"_s), 1.0);

    // Without a token every call is a new start.
    const SimResponse a = call(sim, "PUT", runsPath(w.place, w.id()), "{}");
    const SimResponse b = call(sim, "PUT", runsPath(w.place, w.id()), {});
    QCOMPARE(a.status, 200);
    QCOMPARE(b.status, 200);
    QVERIFY(jsonOf(a)[u"id"_s] != jsonOf(b)[u"id"_s]);
    QCOMPARE(counter(sim, u"codecatalystRunsCreated"_s), 3.0);
    QCOMPARE(counter(sim, u"codecatalystIdempotentReplays"_s), 1.0);
}

void TestCodeCatalystSimBehaviour::supersededRunMode()
{
    Simulator sim(options(8, 60));
    std::optional<Workflow> superseding;
    std::optional<Workflow> parallel;
    for (const Workflow &w : withStatus(allWorkflows(sim), u"ACTIVE"_s)) {
        const QString mode = w.json[u"runMode"_s].toString();
        if (mode == u"SUPERSEDED" && !superseding)
            superseding = w;
        if (mode == u"PARALLEL" && !parallel)
            parallel = w;
    }
    QVERIFY(superseding && parallel);
    auto startTwice = [&sim](const Workflow &w) {
        const QString older =
            jsonOf(call(sim, "PUT", runsPath(w.place, w.id())))[u"id"_s].toString();
        sim.clock().advance(20'000);
        call(sim, "PUT", runsPath(w.place, w.id()));
        return jsonOf(call(sim, "GET", runsPath(w.place) + '/' + older.toUtf8()));
    };
    const QJsonObject replaced = startTwice(*superseding);
    QCOMPARE(replaced[u"status"_s].toString(), u"SUPERSEDED"_s);
    QVERIFY(replaced.contains(u"endTime"_s));
    QVERIFY(msOf(replaced[u"endTime"_s]) <= sim.clock().nowMs());
    QVERIFY(activeStatuses.contains(startTwice(*parallel)[u"status"_s].toString()));
}

void TestCodeCatalystSimBehaviour::invalidWorkflow()
{
    Simulator sim(options(9, 10));
    const QList<Workflow> invalid = withStatus(allWorkflows(sim), u"INVALID"_s);
    QCOMPARE(invalid.size(), 1);
    const Workflow &w = invalid.first();
    const SimResponse r = call(sim, "PUT", runsPath(w.place, w.id()), R"({"clientToken":"t-1"})");
    QCOMPARE(r.status, 400);
    QCOMPARE(errorTypeOf(r), QByteArray("ValidationException"));
    const QString message = jsonOf(r)[u"message"_s].toString();
    QVERIFY2(message.contains(u"INVALID"_s), qPrintable(message));
    QVERIFY2(message.contains(w.json[u"name"_s].toString()), qPrintable(message));
    QCOMPARE(counter(sim, u"codecatalystRunsCreated"_s), 0.0);
    // The refused start did not claim its token.
    const Workflow ok = withStatus(allWorkflows(sim), u"ACTIVE"_s).first();
    QCOMPARE(call(sim, "PUT", runsPath(ok.place, ok.id()), R"({"clientToken":"t-1"})").status, 200);
}

void TestCodeCatalystSimBehaviour::scale()
{
    const qint64 rssBefore = sw::test::residentKb();
    SimClock clock;
    QElapsedTimer timer;
    timer.start();
    CodeCatalystSim service(options(15, 50'000), clock);
    const qint64 buildMs = timer.elapsed();
    const qint64 rssAfter = sw::test::residentKb();

    auto send = [&service](const QByteArray &method, const QByteArray &path) {
        const SimRequest request = simRequest(method, path, QString(), "{}");
        return service.handle(service.route(request), request);
    };
    qint64 runs = 0;
    qint64 workflows = 0;
    QElapsedTimer pageTimer;
    qint64 firstPageUs = -1;
    for (const QJsonValue &space : service.inventory()[u"spaces"_s].toArray()) {
        for (const QJsonValue &project : space[u"projects"_s].toArray()) {
            const Place place {space[u"name"_s].toString(), project.toString()};
            QString token;
            do {
                pageTimer.start();
                const SimResponse r =
                    send("POST", withParams(base(place) + "/workflows", 100, token));
                if (firstPageUs < 0)
                    firstPageUs = pageTimer.nsecsElapsed() / 1000;
                QCOMPARE(r.status, 200);
                const QJsonObject page = jsonOf(r);
                workflows += page[u"items"_s].toArray().size();
                token = page[u"nextToken"_s].toString();
            } while (!token.isEmpty());
            const int index =
                service.state().findProject(service.state().findSpace(place.space), place.project);
            runs += service.state().runCount(index, std::nullopt);
            pageTimer.start();
            const SimResponse r = send("POST", withParams(runsPath(place), 50, {}));
            const qint64 runsPageUs = pageTimer.nsecsElapsed() / 1000;
            QCOMPARE(r.status, 200);
            QCOMPARE(jsonOf(r)[u"items"_s].toArray().size(), 50);
            qInfo("ListWorkflowRuns page of 50 in %s/%s: %lld us", qPrintable(place.space),
                qPrintable(place.project), runsPageUs);
        }
    }
    QCOMPARE(workflows, 50'000);
    qInfo("50,000 workflows with %lld runs built in %lld ms; RSS %lld -> %lld kB (%.0f bytes "
          "per run incl. its workflow); first ListWorkflows page of 100 in %lld us",
        runs, buildMs, rssBefore, rssAfter, double(rssAfter - rssBefore) * 1024.0 / double(runs),
        firstPageUs);
}

QTEST_GUILESS_MAIN(TestCodeCatalystSimBehaviour)
#include "tst_codecatalystsimbehaviour.moc"
