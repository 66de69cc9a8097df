// The simulated Migration Hub Orchestrator over time: how the workflows evolve, failures,
// retries, error responses and counters, and a 50,000-workflow account.

#include "mhosimtestsupport.h"
#include "support/residentmemory.h"

#include "sim/migrationhuborchestratorsim.h"
#include "sim/simclock.h"
#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using namespace sw::test::mho;
using sw::test::simRequest;

namespace {

QByteArray retryPath(const QString &workflowId, const QString &groupId, const QString &stepId)
{
    return "POST /retryworkflowstep/" + enc(stepId) + "?workflowId=" + enc(workflowId)
        + "&stepGroupId=" + enc(groupId);
}

struct StepRef {
    QString workflowId, groupId, stepId;
    QJsonObject step;
};

QList<StepRef> stepsWithStatus(const QList<Tree> &all, const QString &status)
{
    QList<StepRef> out;
    for (const Tree &t : all) {
        for (qsizetype g = 0; g < t.groups.size(); ++g) {
            for (const QJsonValue &s : t.steps[g]) {
                if (str(s, "status") == status) {
                    out.append({str(t.workflow, "id"), str(t.groups[g], "id"), str(s, "stepId"),
                        s.toObject()});
                }
            }
        }
    }
    return out;
}

QJsonObject stepNow(Simulator &sim, const StepRef &ref)
{
    for (const QJsonValue &s : listSteps(sim, ref.workflowId, ref.groupId)) {
        if (str(s, "stepId") == ref.stepId)
            return s.toObject();
    }
    return {};
}

QByteArray retryPath(const StepRef &ref)
{
    return retryPath(ref.workflowId, ref.groupId, ref.stepId);
}

} // namespace

class TestMigrationHubOrchestratorSimBehaviour : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scale(); // first, so that its memory figure is not blurred by the others' heap
    void evolution();
    void failureWithinAnHour_data();
    void failureWithinAnHour();
    void retryFailedStep();
    void retryOutcomes();
    void retryRejected_data();
    void retryRejected();
    void errorsAndCounters();
    void fastClockReportsRealTimes();
};

void TestMigrationHubOrchestratorSimBehaviour::evolution()
{
    Simulator sim(SimOptions {11, frozen, 30});
    QHash<QString, QJsonObject> before;
    QSet<QString> workflowSeen, stepSeen, groupSeen;
    bool partialServers = false, grew = false;
    for (int sample = 0; sample <= 48; ++sample) { // every 15 minutes for 12 hours
        for (const Tree &t : trees(sim)) {
            const QString problem = checkConsistent(t);
            QVERIFY2(problem.isEmpty(), qPrintable(u"%1 min: %2"_s.arg(sample * 15).arg(problem)));
            const QJsonObject &w = t.workflow;
            const QJsonObject last = before.value(str(w, "id"));
            if (!last.isEmpty()) { // nothing was retried: progress never goes back
                QVERIFY(num(w, "completedSteps") >= num(last, "completedSteps"));
                QVERIFY(secs(w, "lastModifiedTime") >= secs(last, "lastModifiedTime"));
                if (num(w, "completedSteps") != num(last, "completedSteps")) {
                    grew = true;
                    QVERIFY(secs(w, "lastModifiedTime") > secs(last, "lastModifiedTime"));
                }
            }
            before.insert(str(w, "id"), w);
            workflowSeen.insert(str(w, "status"));
            // Times are real: none lies ahead of the simulator's now, and a finished migration
            // ended at its last step's end (it reported the simulator's start time once, so
            // a migration done three days ago read "3 d 2 h" long).
            const double now = double(sim.clock().nowMs()) / 1000;
            for (const char *key :
                {"creationTime", "lastStartTime", "endTime", "lastModifiedTime"}) {
                if (w.contains(QLatin1String(key)))
                    QVERIFY2(secs(w, key) <= now + 0.001, key);
            }
            if (w.contains(u"endTime"_s)) {
                QVERIFY(secs(w, "endTime") >= secs(w, "lastStartTime"));
                QCOMPARE(secs(w, "endTime"), secs(w, "lastModifiedTime"));
            }
            for (qsizetype g = 0; g < t.groups.size(); ++g) {
                groupSeen.insert(str(t.groups[g], "status"));
                for (const QJsonValue &s : t.steps[g]) {
                    stepSeen.insert(str(s, "status"));
                    const int done = num(s, "noOfSrvCompleted");
                    partialServers = partialServers
                        || (str(s, "status") == u"IN_PROGRESS" && done > 0
                            && done < num(s, "totalNoOfSrv"));
                }
            }
        }
        sim.clock().advance(15 * minute);
    }
    QVERIFY(grew);
    QVERIFY(partialServers);
    QCOMPARE(workflowSeen,
        (QSet<QString> {u"NOT_STARTED"_s, u"IN_PROGRESS"_s, u"USER_ATTENTION_REQUIRED"_s,
            u"PAUSED"_s, u"WORKFLOW_FAILED"_s, u"COMPLETED"_s}));
    QCOMPARE(stepSeen,
        (QSet<QString> {u"AWAITING_DEPENDENCIES"_s, u"READY"_s, u"IN_PROGRESS"_s,
            u"USER_ATTENTION_REQUIRED"_s, u"PAUSED"_s, u"FAILED"_s, u"COMPLETED"_s}));
    QCOMPARE(groupSeen, stepSeen);
    for (const QJsonValue &w : listWorkflows(sim)) { // after twelve hours, all have come to rest
        const QString status = str(w, "status");
        QVERIFY2(status == u"COMPLETED" || status == u"WORKFLOW_FAILED" || status == u"PAUSED",
            qPrintable(status));
    }
}

void TestMigrationHubOrchestratorSimBehaviour::failureWithinAnHour_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("workflows");
    for (quint64 seed = 1; seed <= 10; ++seed) {
        QTest::addRow("demo, seed %llu", seed) << seed << 10;
        QTest::addRow("one workflow, seed %llu", seed) << seed << 1;
    }
}

void TestMigrationHubOrchestratorSimBehaviour::failureWithinAnHour()
{
    QFETCH(quint64, seed);
    QFETCH(int, workflows);
    Simulator sim(SimOptions {seed, 60, workflows}); // speed 60 as in the demo
    sim.clock().advance(59 * minute); // 60 s of wall time at 60x, with a margin for this test's
    const QList<StepRef> failed = stepsWithStatus(trees(sim), u"FAILED"_s);
    QVERIFY(!failed.isEmpty());
    for (const StepRef &ref : failed) {
        QVERIFY(!str(ref.step, "statusMessage").isEmpty());
        QVERIFY(num(ref.step, "noOfSrvFailed") >= 1);
        const QJsonObject w = send(sim, workflowPath(ref.workflowId)).json;
        QCOMPARE(str(w, "status"), u"WORKFLOW_FAILED"_s);
        QVERIFY(str(w, "statusMessage").contains(u"failed: "_s));
    }
}

void TestMigrationHubOrchestratorSimBehaviour::retryFailedStep()
{
    Simulator sim(SimOptions {1, frozen, 10});
    sim.clock().advance(60 * minute);
    const QList<StepRef> failed = stepsWithStatus(trees(sim), u"FAILED"_s);
    QVERIFY(!failed.isEmpty());
    const StepRef ref = failed.first();
    const QJsonObject before = send(sim, workflowPath(ref.workflowId)).json;

    Reply r = send(sim, retryPath(ref));
    QCOMPARE(r.status, 200);
    const QJsonObject expected {{u"stepGroupId"_s, ref.groupId}, {u"workflowId"_s, ref.workflowId},
        {u"id"_s, ref.stepId}, {u"status"_s, u"IN_PROGRESS"_s}};
    QCOMPARE(r.json, expected);
    QCOMPARE(retriesApplied(sim), 1);
    QCOMPARE(str(stepNow(sim, ref), "status"), u"IN_PROGRESS"_s);
    QVERIFY(str(stepNow(sim, ref), "statusMessage").startsWith(u"Retry 1"_s));
    const Tree retrying = tree(sim, ref.workflowId);
    QVERIFY(secs(retrying.workflow, "lastModifiedTime") > secs(before, "lastModifiedTime"));
    QCOMPARE(checkConsistent(retrying), QString());
    if (stepsWithStatus({retrying}, u"FAILED"_s).isEmpty())
        QVERIFY(str(retrying.workflow, "status") != u"WORKFLOW_FAILED");

    r = send(sim, retryPath(ref)); // a second click while the retry runs changes nothing
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json, expected);
    QCOMPARE(retriesApplied(sim), 1);

    sim.clock().advance(5 * minute + 1000); // retries take one to five minutes
    const QString outcome = str(stepNow(sim, ref), "status");
    QVERIFY2(outcome == u"COMPLETED" || outcome == u"FAILED", qPrintable(outcome));
    if (outcome == u"FAILED") {
        QCOMPARE(send(sim, retryPath(ref)).status, 200);
        QCOMPARE(retriesApplied(sim), 2);
    } else { // what waited on the step goes on
        sim.clock().advance(30 * minute);
        const int completed = num(send(sim, workflowPath(ref.workflowId)).json, "completedSteps");
        QVERIFY(completed > num(before, "completedSteps") + 1);
    }
    QCOMPARE(checkConsistent(tree(sim, ref.workflowId)), QString());
}

void TestMigrationHubOrchestratorSimBehaviour::retryOutcomes()
{
    Simulator sim(SimOptions {3, frozen, 200});
    sim.clock().advance(120 * minute);
    const QList<StepRef> failed = stepsWithStatus(trees(sim), u"FAILED"_s);
    QVERIFY(failed.size() >= 40);
    for (const StepRef &ref : failed)
        QCOMPARE(str(send(sim, retryPath(ref)).json, "status"), u"IN_PROGRESS"_s);
    QCOMPARE(retriesApplied(sim), int(failed.size()));
    sim.clock().advance(5 * minute + 1000);
    int completed = 0, failedAgain = 0;
    for (const StepRef &ref : failed) {
        const QString status = str(stepNow(sim, ref), "status");
        completed += status == u"COMPLETED";
        failedAgain += status == u"FAILED";
    }
    QCOMPARE(completed + failedAgain, int(failed.size()));
    const double ratio = double(failedAgain) / failed.size(); // about 15% fail again
    QVERIFY2(ratio > 0.03 && ratio < 0.35, qPrintable(QString::number(ratio)));
}

void TestMigrationHubOrchestratorSimBehaviour::retryRejected_data()
{
    QTest::addColumn<QString>("status");
    for (const char *status : {"COMPLETED", "AWAITING_DEPENDENCIES", "IN_PROGRESS",
             "USER_ATTENTION_REQUIRED", "PAUSED", "READY"})
        QTest::newRow(status) << QString::fromLatin1(status);
}

void TestMigrationHubOrchestratorSimBehaviour::retryRejected()
{
    QFETCH(QString, status);
    Simulator sim(SimOptions {12, frozen, 20});
    QList<StepRef> steps = stepsWithStatus(trees(sim), status);
    for (int i = 0; i < 24 && steps.isEmpty(); ++i) { // some statuses come and go
        sim.clock().advance(10 * minute);
        steps = stepsWithStatus(trees(sim), status);
    }
    QVERIFY(!steps.isEmpty());
    const StepRef &ref = steps.first();
    const Reply r = send(sim, retryPath(ref));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorType, QByteArray("ValidationException"));
    QCOMPARE(str(r.json, "message"),
        u"Step '%1' is %2; only a FAILED step can be retried."_s.arg(
            str(ref.step, "name"), status));
    QCOMPARE(stepNow(sim, ref), ref.step);
    QCOMPARE(retriesApplied(sim), 0);
}

void TestMigrationHubOrchestratorSimBehaviour::errorsAndCounters()
{
    SimClock clock(frozen);
    const MigrationHubOrchestratorSim mho(SimOptions {1, frozen, 4}, clock);
    const struct {
        SimResponse response;
        int status;
        QByteArray code;
    } cases[] = {{mho.throttlingError(), 429, "ThrottlingException"},
        {mho.internalError(), 500, "InternalServerException"},
        {mho.unavailableError(), 503, "ServiceUnavailable"},
        {mho.accessDenied(u"no"_s), 403, "AccessDeniedException"}};
    for (const auto &c : cases) {
        QCOMPARE(c.response.status, c.status);
        QCOMPARE(sw::test::errorTypeOf(c.response), c.code);
        QVERIFY(!str(sw::test::jsonOf(c.response), "message").isEmpty());
    }
    QCOMPARE(mho.errorMessageKey(), u"message"_s);
    QCOMPARE(mho.inventory(), (QJsonObject {{u"workflowCount"_s, 4}}));
    QCOMPARE(mho.counters(), (QJsonObject {{u"mhoRetriesApplied"_s, 0}}));

    Simulator sim(SimOptions {1, frozen, 10});
    QCOMPARE(sim.inventory()[u"migrationhuborchestrator"_s].toObject(),
        (QJsonObject {{u"workflowCount"_s, 10}}));
    QVERIFY(!sim.setFaults(u"ListWorkflows:throttle=1#1"_s));
    const Reply throttled = send(sim, "GET /migrationworkflows");
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.errorType, QByteArray("ThrottlingException"));
    QCOMPARE(send(sim, "GET /migrationworkflows").status, 200);
}

// stepwatch-sim --speed 3600 with a dashboard on the real clock: times are reported when they
// really happened, so none is in the future ("Started in 1 h"); the simulated clock, which the
// demo reads, runs an hour ahead after a second.
void TestMigrationHubOrchestratorSimBehaviour::fastClockReportsRealTimes()
{
    const auto latestTime = [](Simulator &sim) {
        double latest = 0;
        for (const Tree &t : trees(sim)) {
            for (const char *key :
                {"creationTime", "lastStartTime", "endTime", "lastModifiedTime"}) {
                if (t.workflow.contains(QLatin1String(key)))
                    latest = std::max(latest, secs(t.workflow, key));
            }
        }
        return latest;
    };
    SimOptions real {11, 3600, 30};
    real.realTimestamps = true;
    Simulator realSim(real);
    Simulator simulatedSim(SimOptions {11, 3600, 30});
    QTest::qWait(1500);
    const double wallNow = double(QDateTime::currentMSecsSinceEpoch()) / 1000;
    QVERIFY2(latestTime(realSim) <= wallNow + 1,
        qPrintable(QString::number(latestTime(realSim) - wallNow)));
    QVERIFY(latestTime(simulatedSim) > wallNow + 600);
    // The same time line, compressed: what the simulated clock says happened an hour after the
    // start is reported a second after it.
    const SimClock &clock = realSim.clock();
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(std::abs(clock.reported(t0 + 3600 * 1000) - clock.reported(t0) - 1000) <= 1);
    QVERIFY(std::abs(clock.simulated(clock.reported(t0 + 12345)) - (t0 + 12345)) <= 3600);
}

void TestMigrationHubOrchestratorSimBehaviour::scale()
{
    const qint64 rssBefore = sw::test::residentKb();
    QElapsedTimer timer;
    timer.start();
    SimClock clock(frozen);
    MigrationHubOrchestratorSim mho(SimOptions {13, frozen, 50000}, clock);
    const qint64 constructMs = timer.elapsed();
    const qint64 rssAfter = sw::test::residentKb();
    const auto get = [&](const QByteArray &request) {
        const SimRequest r = simRequest("GET", request.mid(4), signingName);
        return sw::test::jsonOf(mho.handle(mho.route(r), r));
    };
    QCOMPARE(mho.inventory()[u"workflowCount"_s].toInt(), 50000);

    timer.restart();
    const QJsonObject page = get("GET /migrationworkflows");
    const qint64 firstPageMs = timer.elapsed();
    QCOMPARE(page[u"migrationWorkflowSummary"_s].toArray().size(), 100);
    QVERIFY(page.contains(u"nextToken"_s));
    timer.restart();
    const QJsonArray failed =
        get("GET /migrationworkflows?status=WORKFLOW_FAILED")[u"migrationWorkflowSummary"_s]
            .toArray();
    const qint64 filteredMs = timer.elapsed();
    QCOMPARE(failed.size(), 100);
    for (const QJsonValue &w : failed)
        QCOMPARE(str(w, "status"), u"WORKFLOW_FAILED"_s);

    // One workflow, walked to the bottom.
    const QString id = str(page[u"migrationWorkflowSummary"_s][57], "id");
    const QJsonObject workflow = get(workflowPath(id));
    QCOMPARE(str(workflow, "id"), id);
    int steps = 0;
    for (const QJsonValue &g : get(groupsPath(id))[u"workflowStepGroupsSummary"_s].toArray())
        steps += int(get(stepsPath(id, str(g, "id")))[u"workflowStepsSummary"_s].toArray().size());
    QCOMPARE(steps, num(workflow, "totalSteps"));

    // Every workflow, a hundred at a time, to count the steps held.
    timer.restart();
    qint64 totalSteps = 0, listed = 0;
    QString token;
    do {
        const QJsonObject p =
            get(token.isEmpty() ? QByteArray("GET /migrationworkflows")
                                : "GET /migrationworkflows?nextToken=" + enc(token));
        for (const QJsonValue &w : p[u"migrationWorkflowSummary"_s].toArray()) {
            totalSteps += num(w, "totalSteps");
            ++listed;
        }
        token = str(p, "nextToken");
    } while (!token.isEmpty());
    QCOMPARE(listed, 50000);
    QVERIFY(totalSteps >= 50000 * 6 && totalSteps <= 50000 * 30);
    qInfo("50,000 workflows, %lld steps: constructed in %lld ms, RSS %lld -> %lld kB (+%lld kB, "
          "%.1f bytes per step); first ListWorkflows page %lld ms, status-filtered page %lld ms, "
          "all 500 pages %lld ms",
        totalSteps, constructMs, rssBefore, rssAfter, rssAfter - rssBefore,
        double(rssAfter - rssBefore) * 1024.0 / double(totalSteps), firstPageMs, filteredMs,
        qint64(timer.elapsed()));
}

QTEST_GUILESS_MAIN(TestMigrationHubOrchestratorSimBehaviour)
#include "tst_migrationhuborchestratorsimbehaviour.moc"
