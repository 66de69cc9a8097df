// Simulated CodeCatalyst, driven through Simulator::handle as a client would call it: the
// seeded inventory, the shapes of the four operations, PUT vs POST on one path, determinism.

#include "codecatalystsimtestsupport.h"

#include "sim/simulator.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using namespace sw::test::codecatalyst;
using sw::test::errorTypeOf;
using sw::test::jsonOf;

class TestCodeCatalystSim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inventory();
    void listWorkflowsShape();
    void listWorkflowRunsShape();
    void getWorkflowRunShape();
    void putStartsPostLists();
    void determinism();
};

void TestCodeCatalystSim::inventory()
{
    Simulator sim(options(3, 10));
    const QJsonArray spaces = sim.inventory()[u"codecatalyst"_s][u"spaces"_s].toArray();
    QVERIFY(spaces.size() >= 1 && spaces.size() <= 2);
    QSet<QString> projects;
    static const QRegularExpression name(u"^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$"_s);
    for (const QJsonValue &space : spaces) {
        QVERIFY(name.match(space[u"name"_s].toString()).hasMatch());
        const QJsonArray list = space[u"projects"_s].toArray();
        QVERIFY(list.size() >= 2 && list.size() <= 3);
        for (const QJsonValue &p : list) {
            QVERIFY(name.match(p.toString()).hasMatch());
            QVERIFY(p.toString().size() >= 3 && p.toString().size() <= 63);
            projects.insert(p.toString());
        }
    }
    QCOMPARE(projects.size(), places(sim).size()); // names are unique across spaces
}

void TestCodeCatalystSim::listWorkflowsShape()
{
    Simulator sim(options(3, 40));
    const QList<Workflow> workflows = allWorkflows(sim);
    QCOMPARE(workflows.size(), 40);
    QCOMPARE(withStatus(workflows, u"INVALID"_s).size(), 1);
    const QStringList members {u"id"_s, u"name"_s, u"sourceRepositoryName"_s, u"sourceBranchName"_s,
        u"definition"_s, u"createdTime"_s, u"lastUpdatedTime"_s, u"runMode"_s, u"status"_s};
    QSet<QString> ids;
    QSet<QString> runModes;
    for (const Workflow &w : workflows) {
        QStringList keys = w.json.keys();
        keys.sort();
        QStringList expected = members;
        expected.sort();
        QCOMPARE(keys, expected);
        QVERIFY(isLowerUuid(w.json[u"id"_s]));
        ids.insert(w.id());
        const QString name = w.json[u"name"_s].toString();
        QVERIFY(!name.isEmpty());
        QVERIFY(w.json[u"sourceRepositoryName"_s].toString().startsWith(w.place.project));
        QCOMPARE(w.json[u"sourceBranchName"_s].toString(), u"main"_s);
        QCOMPARE(w.json[u"definition"_s][u"path"_s].toString(),
            u".codecatalyst/workflows/%1.yaml"_s.arg(name));
        QVERIFY(isIsoTime(w.json[u"createdTime"_s]));
        QVERIFY(isIsoTime(w.json[u"lastUpdatedTime"_s]));
        QVERIFY(msOf(w.json[u"lastUpdatedTime"_s]) >= msOf(w.json[u"createdTime"_s]));
        QVERIFY(msOf(w.json[u"createdTime"_s]) < sim.clock().nowMs());
        const QString mode = w.json[u"runMode"_s].toString();
        QVERIFY2(QStringList({u"QUEUED"_s, u"PARALLEL"_s, u"SUPERSEDED"_s}).contains(mode),
            qPrintable(mode));
        runModes.insert(mode);
        QVERIFY(QStringList({u"ACTIVE"_s, u"INVALID"_s}).contains(w.json[u"status"_s].toString()));
    }
    QCOMPARE(ids.size(), 40);
    QVERIFY(runModes.size() >= 2);
    // Names are unique within a project, as the console requires.
    for (const Place &place : places(sim)) {
        QSet<QString> names;
        int count = 0;
        for (const Workflow &w : workflows) {
            if (w.place.project == place.project) {
                names.insert(w.json[u"name"_s].toString());
                ++count;
            }
        }
        QVERIFY(count > 0);
        QCOMPARE(names.size(), count);
    }
}

void TestCodeCatalystSim::listWorkflowRunsShape()
{
    Simulator sim(options(3, 40));
    QHash<QString, Workflow> byId;
    for (const Workflow &w : allWorkflows(sim))
        byId.insert(w.id(), w);
    QSet<QString> statuses;
    int runs = 0;
    for (const Place &place : places(sim)) {
        const auto items = listAll(sim, runsPath(place), 50);
        QVERIFY(items);
        QVERIFY(!items->isEmpty());
        qint64 previousStart = std::numeric_limits<qint64>::max();
        for (const QJsonValue &value : *items) {
            const QJsonObject run = value.toObject();
            const QString problem = runProblems(run, true);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            const QString workflowId = run[u"workflowId"_s].toString();
            QVERIFY(byId.contains(workflowId));
            QCOMPARE(byId[workflowId].place.project, place.project);
            QCOMPARE(run[u"workflowName"_s], byId[workflowId].json[u"name"_s]);
            QVERIFY(msOf(run[u"startTime"_s]) <= previousStart); // newest first
            previousStart = msOf(run[u"startTime"_s]);
            statuses.insert(run[u"status"_s].toString());
            ++runs;
        }
    }
    QVERIFY(runs >= 40); // every workflow has a history
    QVERIFY(statuses.contains(u"SUCCEEDED"_s));
    QVERIFY(statuses.contains(u"FAILED"_s));
}

void TestCodeCatalystSim::getWorkflowRunShape()
{
    Simulator sim(options(3, 20));
    const Place place = places(sim).first();
    const QJsonArray items = jsonOf(call(sim, "POST", runsPath(place), "{}"))[u"items"_s].toArray();
    QVERIFY(!items.isEmpty());
    for (const QJsonValue &value : items) {
        const QJsonObject listed = value.toObject();
        const SimResponse r =
            call(sim, "GET", runsPath(place) + '/' + listed[u"id"_s].toString().toUtf8());
        QCOMPARE(r.status, 200);
        const QJsonObject run = jsonOf(r);
        const QString problem = runProblems(run, false);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(run[u"spaceName"_s].toString(), place.space);
        QCOMPARE(run[u"projectName"_s].toString(), place.project);
        for (const QString &key : {u"id"_s, u"workflowId"_s, u"status"_s, u"startTime"_s,
                 u"endTime"_s, u"lastUpdatedTime"_s})
            QCOMPARE(run[key], listed[key]);
    }
}

void TestCodeCatalystSim::putStartsPostLists()
{
    Simulator sim(options(4, 10));
    const Workflow w = withStatus(allWorkflows(sim), u"ACTIVE"_s).first();
    const QByteArray path = runsPath(w.place, w.id());

    const SimResponse listed = call(sim, "POST", path, "{}");
    QCOMPARE(listed.status, 200);
    QVERIFY(jsonOf(listed).contains(u"items"_s));
    QVERIFY(!jsonOf(listed).contains(u"id"_s));
    QCOMPARE(counter(sim, u"codecatalystRunsCreated"_s), 0.0);

    const SimResponse started = call(sim, "PUT", path, R"({"clientToken":"put-1"})");
    QCOMPARE(started.status, 200);
    const QJsonObject body = jsonOf(started);
    QStringList keys = body.keys();
    keys.sort();
    QCOMPARE(keys, QStringList({u"id"_s, u"projectName"_s, u"spaceName"_s, u"workflowId"_s}));
    QCOMPARE(body[u"spaceName"_s].toString(), w.place.space);
    QCOMPARE(body[u"projectName"_s].toString(), w.place.project);
    QCOMPARE(body[u"workflowId"_s].toString(), w.id());
    QVERIFY(isLowerUuid(body[u"id"_s]));
    QCOMPARE(counter(sim, u"codecatalystRunsCreated"_s), 1.0);
    QCOMPARE(sim.counters()[u"requests"_s][u"codecatalyst.StartWorkflowRun"_s].toInt(), 1);
    QCOMPARE(sim.counters()[u"requests"_s][u"codecatalyst.ListWorkflowRuns"_s].toInt(), 1);

    // Neither GET nor DELETE of the collection is an operation.
    QCOMPARE(errorTypeOf(call(sim, "GET", path)), QByteArray("UnknownOperationException"));
    QCOMPARE(errorTypeOf(call(sim, "DELETE", path)), QByteArray("UnknownOperationException"));
    QCOMPARE(counter(sim, u"codecatalystRunsCreated"_s), 1.0);
}

void TestCodeCatalystSim::determinism()
{
    // Both clocks stand still, so both simulators read their seeded history at the same
    // simulated moment after their (different) start times.
    auto snapshot = [](quint64 seed) {
        Simulator sim(options(seed, 30));
        const qint64 now = sim.clock().nowMs();
        auto relative = [now](QJsonObject o) {
            for (const QString &key : o.keys()) {
                if (key.endsWith(u"Time"_s))
                    o.insert(key, double(msOf(o[key]) - now));
            }
            return o;
        };
        QJsonArray out {sim.inventory()};
        for (const Workflow &w : allWorkflows(sim))
            out.append(relative(w.json));
        for (const Place &place : places(sim)) {
            for (const QJsonValue &run : listAll(sim, runsPath(place), 50).value_or(QJsonArray()))
                out.append(relative(run.toObject()));
        }
        return out;
    };
    const QJsonArray a = snapshot(21);
    QVERIFY(a.size() > 60);
    QCOMPARE(snapshot(21), a);
    QVERIFY(snapshot(22) != a);
}

QTEST_GUILESS_MAIN(TestCodeCatalystSim)
#include "tst_codecatalystsim.moc"
