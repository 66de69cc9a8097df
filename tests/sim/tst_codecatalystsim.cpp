// Simulated CodeCatalyst, driven through Simulator::handle as a client would call it: the
// shapes of the four operations, PUT vs POST on one path, seeded determinism, runs that
// progress with the clock, idempotent StartWorkflowRun, validation per the model's
// per-operation bounds, 404s, pagination, and 50,000 workflows.

#include "simtestsupport.h"

#include "sim/codecatalystsim.h"
#include "sim/simclock.h"
#include "sim/simulator.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <limits>
#include <optional>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using sw::test::errorTypeOf;
using sw::test::jsonOf;
using sw::test::simRequest;

namespace {

struct Place {
    QString space;
    QString project;
};

struct Workflow {
    Place place;
    QJsonObject json;
    QString id() const { return json.value(u"id"_s).toString(); }
};

/// By default the clock stands still unless a test advances it: two listings taken a few
/// milliseconds apart must agree, and progress is driven by SimClock::advance.
SimOptions options(quint64 seed, int workflows, double speed = 1e-12)
{
    SimOptions o;
    o.seed = seed;
    o.speed = speed;
    o.workflowsPerService = workflows;
    return o;
}

QByteArray base(const Place &p)
{
    return "/v1/spaces/" + QUrl::toPercentEncoding(p.space) + "/projects/"
        + QUrl::toPercentEncoding(p.project);
}

QByteArray runsPath(const Place &p, const QString &workflowId = {})
{
    return base(p) + "/workflowRuns"
        + (workflowId.isEmpty() ? QByteArray() : "?workflowId=" + workflowId.toUtf8());
}

SimResponse call(
    Simulator &sim, const QByteArray &method, const QByteArray &path, const QByteArray &body = {})
{
    return sim.handle(simRequest(method, path, QString(), body));
}

QList<Place> places(const Simulator &sim)
{
    QList<Place> out;
    const QJsonArray spaces = sim.inventory()[u"codecatalyst"_s][u"spaces"_s].toArray();
    for (const QJsonValue &space : spaces) {
        for (const QJsonValue &project : space[u"projects"_s].toArray())
            out.append({space[u"name"_s].toString(), project.toString()});
    }
    return out;
}

QByteArray withParams(QByteArray path, int maxResults, const QString &token)
{
    path += path.contains('?') ? '&' : '?';
    path += "maxResults=" + QByteArray::number(maxResults);
    if (!token.isEmpty())
        path += "&nextToken=" + QUrl::toPercentEncoding(token);
    return path;
}

/// Every item of a listing, page by page; nullopt when a page is not a 200 or a token
/// repeats. `pages` receives each page's size.
std::optional<QJsonArray> listAll(
    Simulator &sim, const QByteArray &path, int maxResults, QList<int> *pages = nullptr)
{
    QJsonArray all;
    QString token;
    QSet<QString> tokens;
    do {
        const SimResponse r = call(sim, "POST", withParams(path, maxResults, token), "{}");
        if (r.status != 200)
            return std::nullopt;
        const QJsonObject page = jsonOf(r);
        const QJsonArray items = page[u"items"_s].toArray();
        if (pages)
            pages->append(int(items.size()));
        for (const QJsonValue &item : items)
            all.append(item);
        token = page[u"nextToken"_s].toString();
        if (!token.isEmpty() && (tokens.contains(token) || items.isEmpty()))
            return std::nullopt;
        tokens.insert(token);
    } while (!token.isEmpty());
    return all;
}

QList<Workflow> allWorkflows(Simulator &sim)
{
    QList<Workflow> out;
    for (const Place &place : places(sim)) {
        for (const QJsonValue &w :
            listAll(sim, base(place) + "/workflows", 100).value_or(QJsonArray()))
            out.append({place, w.toObject()});
    }
    return out;
}

QList<Workflow> withStatus(const QList<Workflow> &workflows, const QString &status)
{
    QList<Workflow> out;
    for (const Workflow &w : workflows) {
        if (w.json[u"status"_s].toString() == status)
            out.append(w);
    }
    return out;
}

qint64 msOf(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

bool isIsoTime(const QJsonValue &v)
{
    static const QRegularExpression re(
        u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z$"_s);
    // Round-tripping through QDateTime also proves the date and time are real ones.
    const QDateTime parsed = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return v.isString() && re.match(v.toString()).hasMatch() && parsed.isValid()
        && parsed.toUTC().toString(Qt::ISODateWithMs) == v.toString();
}

bool isLowerUuid(const QJsonValue &v)
{
    static const QRegularExpression re(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    return v.isString() && re.match(v.toString()).hasMatch();
}

const QStringList runStatuses {u"SUCCEEDED"_s, u"FAILED"_s, u"STOPPED"_s, u"SUPERSEDED"_s,
    u"CANCELLED"_s, u"NOT_RUN"_s, u"VALIDATING"_s, u"PROVISIONING"_s, u"IN_PROGRESS"_s,
    u"STOPPING"_s, u"ABANDONED"_s};
const QStringList activeStatuses {
    u"VALIDATING"_s, u"PROVISIONING"_s, u"IN_PROGRESS"_s, u"STOPPING"_s};

/// Checks one run as GetWorkflowRun (summary false) or a ListWorkflowRuns item shows it;
/// an empty result means it is well-formed.
QString runProblems(const QJsonObject &run, bool summary)
{
    QStringList allowed {u"id"_s, u"workflowId"_s, u"status"_s, u"statusReasons"_s, u"startTime"_s,
        u"endTime"_s, u"lastUpdatedTime"_s};
    allowed.append(
        summary ? QStringList {u"workflowName"_s} : QStringList {u"spaceName"_s, u"projectName"_s});
    for (const QString &key : run.keys()) {
        if (!allowed.contains(key))
            return u"unexpected member "_s + key;
    }
    if (!isLowerUuid(run[u"id"_s]) || !isLowerUuid(run[u"workflowId"_s]))
        return u"ids"_s;
    if (summary && !run[u"workflowName"_s].isString())
        return u"workflowName"_s;
    const QString status = run[u"status"_s].toString();
    if (!runStatuses.contains(status))
        return u"status "_s + status;
    if (run.contains(u"statusReasons"_s)) {
        if (!run[u"statusReasons"_s].isArray())
            return u"statusReasons"_s;
        for (const QJsonValue &reason : run[u"statusReasons"_s].toArray()) {
            if (!reason.isObject())
                return u"statusReasons item"_s;
        }
    }
    if (!isIsoTime(run[u"startTime"_s]) || !isIsoTime(run[u"lastUpdatedTime"_s]))
        return u"times"_s;
    if (run.contains(u"endTime"_s) == activeStatuses.contains(status))
        return u"endTime presence for "_s + status;
    if (run.contains(u"endTime"_s)
        && (!isIsoTime(run[u"endTime"_s]) || msOf(run[u"endTime"_s]) < msOf(run[u"startTime"_s])))
        return u"endTime"_s;
    if (msOf(run[u"lastUpdatedTime"_s]) < msOf(run[u"startTime"_s]))
        return u"lastUpdatedTime before startTime"_s;
    return {};
}

double counter(const Simulator &sim, const QString &name)
{
    return sim.counters()[name].toDouble(-1);
}

qint64 rssKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class TestCodeCatalystSim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inventory();
    void listWorkflowsShape();
    void listWorkflowRunsShape();
    void getWorkflowRunShape();
    void putStartsPostLists();
    void determinism();
    void startedRunProgresses();
    void startedRunsSucceedOrFail();
    void speedDrivesTime();
    void idempotentStart();
    void supersededRunMode();
    void invalidWorkflow();
    void validation_data();
    void validation();
    void notFound_data();
    void notFound();
    void paginationToEnd();
    void forgedTokens();
    void errorsAndAuth();
    void scale();
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

void TestCodeCatalystSim::startedRunProgresses()
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

void TestCodeCatalystSim::startedRunsSucceedOrFail()
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

void TestCodeCatalystSim::speedDrivesTime()
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

void TestCodeCatalystSim::idempotentStart()
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

void TestCodeCatalystSim::supersededRunMode()
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

void TestCodeCatalystSim::invalidWorkflow()
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

void TestCodeCatalystSim::validation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path"); // {S} {P} {W} {R}, {WU}/{RU} upper-case ids
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mention"); // in the message; a member is quoted as AWS does

    struct Row {
        const char *name;
        const char *method;
        const char *space;
        const char *project;
        const char *rest; // after /v1/spaces/{space}/projects/{project}/
        const char *body;
        int status;
        const char *mention;
    };
    const char *start = "workflowRuns?workflowId={W}";
    const char *runs = "workflowRuns";
    const char *get = "workflowRuns/{R}";
    const char *flows = "workflows";
    const Row rows[] = {
        // StartWorkflowRun: spaceName and projectName are only min 1.
        {"start ok", "PUT", "{S}", "{P}", start, "{}", 200, ""},
        {"start empty spaceName", "PUT", "", "{P}", start, "", 400, "'spaceName'"},
        {"start 2-char spaceName is valid", "PUT", "ab", "{P}", start, "", 404, "'ab'"},
        {"start spaceName pattern", "PUT", "acme..x", "{P}", start, "", 400, "'spaceName'"},
        {"start projectName pattern", "PUT", "{S}", "-app", start, "", 400, "'projectName'"},
        {"start projectName with space", "PUT", "{S}", "my%20app", start, "", 400, "'projectName'"},
        {"start no workflowId", "PUT", "{S}", "{P}", runs, "", 400, "'workflowId'"},
        {"start workflowId not uuid", "PUT", "{S}", "{P}", "workflowRuns?workflowId=wf-1", "", 400,
            "'workflowId'"},
        {"start upper-case workflowId", "PUT", "{S}", "{P}", "workflowRuns?workflowId={WU}", "",
            200, ""},
        {"start empty clientToken", "PUT", "{S}", "{P}", start, R"({"clientToken":""})", 400,
            "'clientToken'"},
        {"start clientToken 64", "PUT", "{S}", "{P}", start, R"({"clientToken":"{L64}"})", 200, ""},
        {"start clientToken 65", "PUT", "{S}", "{P}", start, R"({"clientToken":"b{L64}"})", 400,
            "'clientToken'"},
        {"start clientToken pattern", "PUT", "{S}", "{P}", start, R"({"clientToken":"a b"})", 400,
            "'clientToken'"},
        {"start clientToken number", "PUT", "{S}", "{P}", start, R"({"clientToken":5})", 400,
            "'clientToken'"},
        {"start body array", "PUT", "{S}", "{P}", start, "[]", 400, "JSON object"},
        {"start body not json", "PUT", "{S}", "{P}", start, "{oops", 400, "JSON object"},
        // ListWorkflowRuns: spaceName is a NameString (3..63), projectName only min 1.
        {"runs 2-char spaceName", "POST", "ab", "{P}", runs, "", 400, "'spaceName'"},
        {"runs 64-char spaceName", "POST", "{L64}", "{P}", runs, "", 400, "'spaceName'"},
        {"runs 63-char spaceName is valid", "POST", "{L63}", "{P}", runs, "", 404, ""},
        {"runs 2-char projectName is valid", "POST", "{S}", "ab", runs, "", 404, "'ab'"},
        {"runs projectName pattern", "POST", "{S}", "x!", runs, "", 400, "'projectName'"},
        {"runs workflowId", "POST", "{S}", "{P}", "workflowRuns?workflowId=nope", "", 400,
            "'workflowId'"},
        {"runs maxResults 0", "POST", "{S}", "{P}", "workflowRuns?maxResults=0", "", 400,
            "'maxResults'"},
        {"runs maxResults 51", "POST", "{S}", "{P}", "workflowRuns?maxResults=51", "", 400,
            "'maxResults'"},
        {"runs maxResults 50", "POST", "{S}", "{P}", "workflowRuns?maxResults=50", "", 200, ""},
        {"runs maxResults text", "POST", "{S}", "{P}", "workflowRuns?maxResults=ten", "", 400,
            "'maxResults'"},
        {"runs empty nextToken", "POST", "{S}", "{P}", "workflowRuns?nextToken=", "", 400,
            "'nextToken'"},
        {"runs nextToken 2049", "POST", "{S}", "{P}", "workflowRuns?nextToken=x{L2048}", "", 400,
            "'nextToken'"},
        {"runs body array", "POST", "{S}", "{P}", runs, "[1]", 400, "JSON object"},
        {"runs sortBy string", "POST", "{S}", "{P}", runs, R"({"sortBy":"x"})", 400, "'sortBy'"},
        {"runs sortBy list", "POST", "{S}", "{P}", runs, R"({"sortBy":[{}]})", 200, ""},
        // GetWorkflowRun: like ListWorkflowRuns.
        {"get ok", "GET", "{S}", "{P}", get, "", 200, ""},
        {"get upper-case id", "GET", "{S}", "{P}", "workflowRuns/{RU}", "", 200, ""},
        {"get 2-char spaceName", "GET", "ab", "{P}", get, "", 400, "'spaceName'"},
        {"get 2-char projectName is valid", "GET", "{S}", "ab", get, "", 404, "'ab'"},
        {"get id not uuid", "GET", "{S}", "{P}", "workflowRuns/run-1", "", 400, "'id'"},
        {"get empty id", "GET", "{S}", "{P}", "workflowRuns/", "", 400, "'id'"},
        // ListWorkflows: the other way round, spaceName min 1 and projectName 3..63.
        {"flows 2-char spaceName is valid", "POST", "ab", "{P}", flows, "", 404, "'ab'"},
        {"flows empty spaceName", "POST", "", "{P}", flows, "", 400, "'spaceName'"},
        {"flows 2-char projectName", "POST", "{S}", "ab", flows, "", 400, "'projectName'"},
        {"flows 64-char projectName", "POST", "{S}", "{L64}", flows, "", 400, "'projectName'"},
        {"flows maxResults 101", "POST", "{S}", "{P}", "workflows?maxResults=101", "", 400,
            "'maxResults'"},
        {"flows maxResults 100", "POST", "{S}", "{P}", "workflows?maxResults=100", "", 200, ""},
        {"flows maxResults -1", "POST", "{S}", "{P}", "workflows?maxResults=-1", "", 400,
            "'maxResults'"},
        {"flows empty nextToken", "POST", "{S}", "{P}", "workflows?nextToken=", "", 400,
            "'nextToken'"},
        {"flows body null", "POST", "{S}", "{P}", flows, "null", 400, "JSON object"},
        {"flows empty body", "POST", "{S}", "{P}", flows, "", 200, ""},
    };
    auto expand = [](QByteArray text) {
        return text.replace("{L2048}", QByteArray(2048, 'a'))
            .replace("{L64}", QByteArray(64, 'a'))
            .replace("{L63}", QByteArray(63, 'a'));
    };
    for (const Row &row : rows) {
        QTest::newRow(row.name) << QByteArray(row.method)
                                << expand(QByteArray("/v1/spaces/") + row.space + "/projects/"
                                       + row.project + '/' + row.rest)
                                << expand(row.body) << row.status << QString::fromUtf8(row.mention);
    }
}

/// Fills {S} {P} {W} {R} ({WU}, {RU} upper-case) from the seeded world, and {W2}/{R2} from
/// another project of the same space.
static QByteArray fillPlaceholders(Simulator &sim, QByteArray path)
{
    const QList<Place> all = places(sim);
    const QList<Workflow> active = withStatus(allWorkflows(sim), u"ACTIVE"_s);
    auto fill = [&](const Place &place, const QByteArray &suffix) {
        QString workflow;
        for (const Workflow &w : active) {
            if (w.place.project == place.project && workflow.isEmpty())
                workflow = w.id();
        }
        const QString run =
            jsonOf(call(sim, "POST", runsPath(place), "{}"))[u"items"_s][0][u"id"_s].toString();
        path.replace("{W" + suffix + "U}", workflow.toUpper().toUtf8());
        path.replace("{R" + suffix + "U}", run.toUpper().toUtf8());
        path.replace("{W" + suffix + "}", workflow.toUtf8());
        path.replace("{R" + suffix + "}", run.toUtf8());
    };
    fill(all[1], "2"); // the first space always has two projects or more
    fill(all[0], "");
    path.replace("{S}", all[0].space.toUtf8());
    path.replace("{P}", all[0].project.toUtf8());
    return path;
}

void TestCodeCatalystSim::validation()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, mention);

    Simulator sim(options(10, 12));
    const SimResponse r = call(sim, method, fillPlaceholders(sim, path), body);
    const QString message = jsonOf(r)[u"message"_s].toString();
    QVERIFY2(r.status == status, qPrintable(u"%1: %2"_s.arg(r.status).arg(message)));
    if (status == 400)
        QCOMPARE(errorTypeOf(r), QByteArray("ValidationException"));
    if (status == 404)
        QCOMPARE(errorTypeOf(r), QByteArray("ResourceNotFoundException"));
    QVERIFY2(message.contains(mention), qPrintable(message));
    if (status == 400 && mention.startsWith(u'\'')) // a member, in AWS's wording
        QVERIFY2(message.contains(u"failed to satisfy constraint"_s), qPrintable(message));
}

void TestCodeCatalystSim::notFound_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("mention");
    const QByteArray runs = "/v1/spaces/{S}/projects/{P}/workflowRuns";
    const QByteArray unknownId = "0f0e0d0c-0b0a-4988-8776-655443322110";
    QTest::newRow("start unknown space")
        << QByteArray("PUT")
        << QByteArray("/v1/spaces/no-such-space/projects/{P}/workflowRuns?workflowId={W}")
        << u"no-such-space"_s;
    QTest::newRow("start unknown project")
        << QByteArray("PUT")
        << QByteArray("/v1/spaces/{S}/projects/nope/workflowRuns?workflowId={W}") << u"nope"_s;
    QTest::newRow("start unknown workflow")
        << QByteArray("PUT") << runs + "?workflowId=" + unknownId << QString::fromLatin1(unknownId);
    QTest::newRow("start workflow of another project")
        << QByteArray("PUT") << runs + "?workflowId={W2}" << u"Workflow"_s;
    QTest::newRow("list runs of unknown workflow")
        << QByteArray("POST") << runs + "?workflowId=" + unknownId
        << QString::fromLatin1(unknownId);
    QTest::newRow("list runs of another project's workflow")
        << QByteArray("POST") << runs + "?workflowId={W2}" << u"Workflow"_s;
    QTest::newRow("list runs unknown space")
        << QByteArray("POST") << QByteArray("/v1/spaces/nowhere/projects/{P}/workflowRuns")
        << u"nowhere"_s;
    QTest::newRow("get unknown run")
        << QByteArray("GET") << runs + '/' + unknownId << QString::fromLatin1(unknownId);
    QTest::newRow("get run of another project") << QByteArray("GET") << runs + "/{R2}" << u"run"_s;
    QTest::newRow("list workflows unknown project")
        << QByteArray("POST") << QByteArray("/v1/spaces/{S}/projects/elsewhere/workflows")
        << u"elsewhere"_s;
}

void TestCodeCatalystSim::notFound()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QString, mention);
    Simulator sim(options(11, 12));
    const SimResponse r = call(sim, method, fillPlaceholders(sim, path), "{}");
    QCOMPARE(r.status, 404);
    QCOMPARE(errorTypeOf(r), QByteArray("ResourceNotFoundException"));
    const QString message = jsonOf(r)[u"message"_s].toString();
    QVERIFY2(message.contains(mention), qPrintable(message));
    QCOMPARE(counter(sim, u"codecatalystRunsCreated"_s), 0.0);
}

void TestCodeCatalystSim::paginationToEnd()
{
    Simulator sim(options(12, 45));
    for (const Place &place : places(sim)) {
        QList<int> pages;
        const auto all = listAll(sim, base(place) + "/workflows", 100);
        const auto paged = listAll(sim, base(place) + "/workflows", 4, &pages);
        QVERIFY(all && paged);
        QCOMPARE(*paged, *all);
        QVERIFY(pages.size() > 2);
        for (int i = 0; i + 1 < pages.size(); ++i)
            QCOMPARE(pages[i], 4);
        QVERIFY(pages.last() >= 1 && pages.last() <= 4);
    }

    const Place place = places(sim).first();
    const auto runs = listAll(sim, runsPath(place), 50);
    QList<int> pages;
    const auto pagedRuns = listAll(sim, runsPath(place), 7, &pages);
    QVERIFY(runs && pagedRuns);
    QCOMPARE(*pagedRuns, *runs);
    QVERIFY(pages.size() > 2);
    QSet<QString> ids;
    for (const QJsonValue &run : *runs)
        ids.insert(run[u"id"_s].toString());
    QCOMPARE(ids.size(), runs->size());

    // A run started between pages is newer than everything listed: the rest of the listing
    // neither repeats nor skips because of it.
    const QJsonObject first = jsonOf(call(sim, "POST", withParams(runsPath(place), 5, {}), "{}"));
    Workflow w;
    for (const Workflow &candidate : withStatus(allWorkflows(sim), u"ACTIVE"_s)) {
        if (candidate.place.project == place.project)
            w = candidate;
    }
    const Place wPlace = w.place;
    QCOMPARE(wPlace.project, place.project);
    QCOMPARE(call(sim, "PUT", runsPath(wPlace, w.id()), "{}").status, 200);
    QJsonArray rest = first[u"items"_s].toArray();
    QString token = first[u"nextToken"_s].toString();
    while (!token.isEmpty()) {
        const QJsonObject page =
            jsonOf(call(sim, "POST", withParams(runsPath(place), 5, token), "{}"));
        for (const QJsonValue &run : page[u"items"_s].toArray())
            rest.append(run);
        token = page[u"nextToken"_s].toString();
    }
    QCOMPARE(rest.size(), runs->size());
    for (qsizetype i = 0; i < rest.size(); ++i)
        QCOMPARE(rest[i][u"id"_s], (*runs)[i][u"id"_s]);

    // One workflow's runs, one at a time.
    const auto mine = listAll(sim, runsPath(wPlace, w.id()), 50);
    const auto mineOneByOne = listAll(sim, runsPath(wPlace, w.id()), 1);
    QVERIFY(mine && mineOneByOne);
    QVERIFY(mine->size() >= 2);
    QCOMPARE(*mineOneByOne, *mine);
}

void TestCodeCatalystSim::forgedTokens()
{
    Simulator sim(options(13, 40));
    const QList<Place> all = places(sim);
    const Place p = all[0];
    const Workflow w = withStatus(allWorkflows(sim), u"ACTIVE"_s).first();
    auto tokenOf = [&sim](const QByteArray &path) {
        return jsonOf(call(sim, "POST", withParams(path, 1, {}), "{}"))[u"nextToken"_s].toString();
    };
    const QString flowsToken = tokenOf(base(p) + "/workflows");
    const QString runsToken = tokenOf(runsPath(p));
    QVERIFY(!flowsToken.isEmpty() && !runsToken.isEmpty());
    QCOMPARE(call(sim, "POST", withParams(runsPath(p), 1, runsToken), "{}").status, 200);

    const QList<QByteArray> refused {
        withParams(base(p) + "/workflows", 5, u"forged-token"_s),
        withParams(runsPath(p), 5, u"forged-token"_s),
        withParams(runsPath(p), 5, flowsToken), // another operation's token
        withParams(base(all[1]) + "/workflows", 5, flowsToken), // another project's
        withParams(runsPath(w.place, w.id()), 5, runsToken), // unfiltered token, filtered list
    };
    for (const QByteArray &path : refused) {
        const SimResponse r = call(sim, "POST", path, "{}");
        QVERIFY2(r.status == 400, path.constData());
        QCOMPARE(errorTypeOf(r), QByteArray("ValidationException"));
        QVERIFY(jsonOf(r)[u"message"_s].toString().contains(u"nextToken"_s));
    }
}

void TestCodeCatalystSim::errorsAndAuth()
{
    Simulator sim(options(14, 10));
    const Place p = places(sim).first();
    const QByteArray flows = base(p) + "/workflows";
    struct Case {
        const char *spec;
        int status;
        QByteArray code;
    };
    for (const Case &c : {Case {"ListWorkflows:throttle=1#1", 429, "ThrottlingException"},
             Case {"ListWorkflows:error500=1#1", 500, "InternalServerException"},
             Case {"ListWorkflows:error503=1#1", 503, "ServiceUnavailable"},
             Case {"ListWorkflows:ServiceQuotaExceededException=1#1", 402,
                 "ServiceQuotaExceededException"}}) {
        QVERIFY(!sim.setFaults(QString::fromLatin1(c.spec)));
        const SimResponse r = call(sim, "POST", flows, "{}");
        QCOMPARE(r.status, c.status);
        QCOMPARE(errorTypeOf(r), c.code);
        QVERIFY(!jsonOf(r)[u"message"_s].toString().isEmpty());
        QCOMPARE(call(sim, "POST", flows, "{}").status, 200); // the rule is spent
    }

    SimRequest anonymous = simRequest("POST", flows, QString(), "{}");
    anonymous.headers.removeIf([](const auto &h) { return h.first == "Authorization"; });
    const SimResponse denied = sim.handle(anonymous);
    QCOMPARE(denied.status, 403);
    QCOMPARE(errorTypeOf(denied), QByteArray("AccessDeniedException"));
    QVERIFY(jsonOf(denied).contains(u"message"_s));
    // SigV4 is not how CodeCatalyst authenticates.
    QCOMPARE(sim.handle(simRequest("POST", flows, u"codecatalyst"_s, "{}")).status, 403);

    SimClock clock;
    const CodeCatalystSim service(options(14, 10), clock);
    QCOMPARE(service.serviceId(), u"codecatalyst"_s);
    QCOMPARE(service.signingName(), u"codecatalyst"_s);
    QVERIFY(service.auth() == ServiceSimulator::Auth::Bearer);
    QCOMPARE(service.errorMessageKey(), u"message"_s);
}

void TestCodeCatalystSim::scale()
{
    const qint64 rssBefore = rssKb();
    SimClock clock;
    QElapsedTimer timer;
    timer.start();
    CodeCatalystSim service(options(15, 50'000), clock);
    const qint64 buildMs = timer.elapsed();
    const qint64 rssAfter = rssKb();

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

QTEST_GUILESS_MAIN(TestCodeCatalystSim)
#include "tst_codecatalystsim.moc"
