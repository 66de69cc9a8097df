// The simulated Migration Hub Orchestrator, driven through Simulator::handle: response shapes
// against the model, validation, pagination, determinism, how the workflows evolve, retries,
// and a 50,000-workflow account.

#include "simtestsupport.h"

#include "sim/migrationhuborchestratorsim.h"
#include "sim/simclock.h"
#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using sw::test::simRequest;

namespace {

const QString signingName = u"migrationhub-orchestrator"_s;
constexpr double frozen = 1e-9; // simulated time then moves only when a test advances it
constexpr qint64 minute = 60 * 1000;

const QStringList workflowStatuses {u"CREATING"_s, u"NOT_STARTED"_s, u"CREATION_FAILED"_s,
    u"STARTING"_s, u"IN_PROGRESS"_s, u"WORKFLOW_FAILED"_s, u"PAUSED"_s, u"PAUSING"_s,
    u"PAUSING_FAILED"_s, u"USER_ATTENTION_REQUIRED"_s, u"DELETING"_s, u"DELETION_FAILED"_s,
    u"DELETED"_s, u"COMPLETED"_s};
const QStringList stepStatuses {u"AWAITING_DEPENDENCIES"_s, u"SKIPPED"_s, u"READY"_s,
    u"IN_PROGRESS"_s, u"COMPLETED"_s, u"FAILED"_s, u"PAUSED"_s, u"USER_ATTENTION_REQUIRED"_s};
const QStringList groupStatuses {u"AWAITING_DEPENDENCIES"_s, u"READY"_s, u"IN_PROGRESS"_s,
    u"COMPLETED"_s, u"FAILED"_s, u"PAUSED"_s, u"PAUSING"_s, u"USER_ATTENTION_REQUIRED"_s};

QString str(const QJsonValue &v, const char *key)
{
    return v[QLatin1StringView(key)].toString();
}

int num(const QJsonValue &v, const char *key)
{
    return v[QLatin1StringView(key)].toInt();
}

double secs(const QJsonValue &v, const char *key)
{
    return v[QLatin1StringView(key)].toDouble();
}

QByteArray enc(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

struct Reply {
    int status = 0;
    QByteArray errorType;
    QJsonObject json;
    QByteArray body;
};

/// request: "GET /path?query" (percent-encoded).
Reply send(Simulator &sim, const QByteArray &request)
{
    const qsizetype space = request.indexOf(' ');
    const SimResponse r =
        sim.handle(simRequest(request.left(space), request.mid(space + 1), signingName));
    return {r.status, sw::test::errorTypeOf(r), sw::test::jsonOf(r), r.body};
}

QByteArray workflowPath(const QString &workflowId)
{
    return "GET /migrationworkflow/" + enc(workflowId);
}

QByteArray groupsPath(const QString &workflowId)
{
    return "GET /workflowstepgroups?workflowId=" + enc(workflowId);
}

QByteArray stepsPath(const QString &workflowId, const QString &groupId)
{
    return "GET /workflow/" + enc(workflowId) + "/workflowstepgroups/" + enc(groupId)
        + "/workflowsteps";
}

QByteArray retryPath(const QString &workflowId, const QString &groupId, const QString &stepId)
{
    return "POST /retryworkflowstep/" + enc(stepId) + "?workflowId=" + enc(workflowId)
        + "&stepGroupId=" + enc(groupId);
}

QByteArray withQuery(const QByteArray &request, const QByteArray &query)
{
    return request + (request.contains('?') ? "&" : "?") + query;
}

struct Walk {
    QJsonArray items;
    int pages = 0;
    QString error;
};

// Follows nextToken to the end; every page must be a 200 holding at most maxResults items.
Walk walk(Simulator &sim, const QByteArray &request, const QString &key, int maxResults = -1)
{
    Walk w;
    QString token;
    const QByteArray first = maxResults < 0
        ? request
        : withQuery(request, "maxResults=" + QByteArray::number(maxResults));
    do {
        const Reply r =
            send(sim, token.isEmpty() ? first : withQuery(first, "nextToken=" + enc(token)));
        if (r.status != 200 || !r.json.value(key).isArray() || ++w.pages > 100000) {
            w.error = u"page %1: %2 %3"_s.arg(w.pages).arg(r.status).arg(QString::fromUtf8(r.body));
            return w;
        }
        const QJsonArray items = r.json.value(key).toArray();
        if (maxResults > 0 && items.size() > maxResults)
            w.error = u"page %1 has %2 items"_s.arg(w.pages).arg(items.size());
        for (const QJsonValue &v : items)
            w.items.append(v);
        token = str(r.json, "nextToken");
    } while (!token.isEmpty());
    return w;
}

QJsonArray listWorkflows(Simulator &sim)
{
    return walk(sim, "GET /migrationworkflows", u"migrationWorkflowSummary"_s).items;
}

QJsonArray listSteps(Simulator &sim, const QString &workflowId, const QString &groupId)
{
    return walk(sim, stepsPath(workflowId, groupId), u"workflowStepsSummary"_s).items;
}

struct Tree {
    QJsonObject workflow; // GetWorkflow
    QJsonArray groups;
    QList<QJsonArray> steps; // per group
};

Tree tree(Simulator &sim, const QString &workflowId)
{
    Tree t;
    t.workflow = send(sim, workflowPath(workflowId)).json;
    t.groups = walk(sim, groupsPath(workflowId), u"workflowStepGroupsSummary"_s).items;
    for (const QJsonValue &g : std::as_const(t.groups))
        t.steps.append(listSteps(sim, workflowId, str(g, "id")));
    return t;
}

QList<Tree> trees(Simulator &sim)
{
    QList<Tree> out;
    for (const QJsonValue &w : listWorkflows(sim))
        out.append(tree(sim, str(w, "id")));
    return out;
}

// Member name → kind: s string, i integer, t timestamp, a string list, o object or array.
// Returns what is wrong, or nothing.
QString checkMembers(
    const QJsonObject &o, const QHash<QString, char> &members, const QStringList &optional = {})
{
    for (auto it = members.begin(); it != members.end(); ++it) {
        if (!o.contains(it.key()) && !optional.contains(it.key()))
            return u"missing %1"_s.arg(it.key());
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonValue v = it.value();
        bool ok = false;
        switch (members.value(it.key(), '?')) {
        case 's':
            ok = v.isString();
            break;
        case 'i':
            ok = v.isDouble() && v.toDouble() == std::floor(v.toDouble());
            break;
        case 't': // epoch seconds, and plausibly now-ish
            ok = v.isDouble()
                && std::abs(v.toDouble() - QDateTime::currentSecsSinceEpoch()) < 30 * 86400;
            break;
        case 'a':
            ok = v.isArray();
            for (const QJsonValue &e : v.toArray())
                ok = ok && e.isString();
            break;
        case 'o':
            ok = v.isObject() || v.isArray();
            break;
        default:
            return u"unmodelled member %1"_s.arg(it.key());
        }
        if (!ok)
            return u"%1 has the wrong type in %2"_s.arg(
                it.key(), QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    return {};
}

// What must hold between a workflow, its groups and its steps at any moment.
QString checkConsistent(const Tree &t)
{
    int total = 0, completed = 0, failed = 0, attention = 0;
    bool earlierGroupUnfinished = false;
    for (qsizetype g = 0; g < t.groups.size(); ++g) {
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &s : t.steps[g])
            byId.insert(str(s, "stepId"), s.toObject());
        int groupCompleted = 0, groupFailed = 0;
        for (const QJsonValue &s : t.steps[g]) {
            const QString id = str(s, "stepId"), status = str(s, "status");
            ++total;
            groupCompleted += status == u"COMPLETED";
            groupFailed += status == u"FAILED";
            attention += status == u"USER_ATTENTION_REQUIRED";
            const bool started = status != u"AWAITING_DEPENDENCIES" && status != u"READY";
            if (earlierGroupUnfinished && started)
                return u"%1 started before the previous group completed"_s.arg(id);
            for (const QJsonValue &p : s[u"previous"_s].toArray()) {
                const QJsonObject previous = byId.value(p.toString());
                if (previous.isEmpty() || !previous[u"next"_s].toArray().contains(id))
                    return u"previous/next of %1 do not mirror"_s.arg(id);
                if (started && str(previous, "status") != u"COMPLETED")
                    return u"%1 is %2 before its dependency completed"_s.arg(id, status);
            }
            const int done = num(s, "noOfSrvCompleted"), bad = num(s, "noOfSrvFailed");
            const int servers = num(s, "totalNoOfSrv");
            if (done < 0 || bad < 0 || done + bad > servers || servers < 1 || servers > 40)
                return u"server counts of %1"_s.arg(id);
            if (status == u"COMPLETED" && done != servers)
                return u"completed %1 has servers to do"_s.arg(id);
            if (status == u"FAILED" && (bad < 1 || str(s, "statusMessage").isEmpty()))
                return u"failed %1 without failed servers or message"_s.arg(id);
        }
        const QString groupStatus = str(t.groups[g], "status");
        if ((groupStatus == u"FAILED") != (groupFailed > 0)
            || (groupStatus == u"COMPLETED") != (groupCompleted == t.steps[g].size()))
            return u"group %1 is %2 with %3 failed, %4 completed"_s.arg(g)
                .arg(groupStatus)
                .arg(groupFailed)
                .arg(groupCompleted);
        earlierGroupUnfinished = earlierGroupUnfinished || groupStatus != u"COMPLETED";
        completed += groupCompleted;
        failed += groupFailed;
    }
    const QJsonObject &w = t.workflow;
    const QString status = str(w, "status");
    if (num(w, "totalSteps") != total || num(w, "completedSteps") != completed)
        return u"workflow counts differ from its steps' (%1 of %2)"_s.arg(completed).arg(total);
    if ((status == u"COMPLETED") != (completed == total)
        || w.contains(u"endTime"_s) != (completed == total))
        return u"workflow %1 with %2 of %3 steps completed"_s.arg(status).arg(completed).arg(total);
    if (status != u"PAUSED" && status != u"COMPLETED"
        && (status == u"WORKFLOW_FAILED") != (failed > 0))
        return u"workflow %1 with %2 failed steps"_s.arg(status).arg(failed);
    if (status == u"USER_ATTENTION_REQUIRED" && attention == 0)
        return u"workflow needs attention but no step does"_s;
    if (status == u"NOT_STARTED" && (completed > 0 || w.contains(u"lastStartTime"_s)))
        return u"a workflow that has not started has progress"_s;
    return {};
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

int retriesApplied(Simulator &sim)
{
    return sim.counters().value(u"mhoRetriesApplied"_s).toInt(-1);
}

// Timestamps become milliseconds after the first workflow's creation, so simulators started
// a few milliseconds apart compare equal.
QJsonValue normalizeTimes(const QJsonValue &v, qint64 base)
{
    static const QSet<QString> times {u"creationTime"_s, u"endTime"_s, u"lastStartTime"_s,
        u"lastStopTime"_s, u"lastModifiedTime"_s};
    if (v.isArray()) {
        QJsonArray a;
        for (const QJsonValue &e : v.toArray())
            a.append(normalizeTimes(e, base));
        return a;
    }
    if (!v.isObject())
        return v;
    QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        it.value() = times.contains(it.key())
            ? double(qRound64(it.value().toDouble() * 1000) - base)
            : normalizeTimes(it.value(), base);
    }
    return o;
}

QByteArray everything(Simulator &sim)
{
    QJsonArray all;
    const QJsonArray list = listWorkflows(sim);
    all.append(list);
    for (const QJsonValue &w : list) {
        const Tree t = tree(sim, str(w, "id"));
        all.append(t.workflow);
        all.append(t.groups);
        for (const QJsonArray &s : t.steps)
            all.append(s);
    }
    const qint64 base = qRound64(secs(list.first(), "creationTime") * 1000);
    return QJsonDocument(normalizeTimes(all, base).toArray()).toJson(QJsonDocument::Compact);
}

qint64 residentKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

class TestMigrationHubOrchestratorSim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scale(); // first, so that its memory figure is not blurred by the others' heap
    void routing_data();
    void routing();
    void listWorkflowsShape();
    void getWorkflowShape();
    void groupsAndStepsShape();
    void determinism();
    void pagination_data();
    void pagination();
    void defaultPageSize();
    void foreignTokens_data();
    void foreignTokens();
    void validation_data();
    void validation();
    void notFound_data();
    void notFound();
    void filters_data();
    void filters();
    void evolution();
    void failureWithinAnHour_data();
    void failureWithinAnHour();
    void retryFailedStep();
    void retryOutcomes();
    void retryRejected_data();
    void retryRejected();
    void errorsAndCounters();
};

void TestMigrationHubOrchestratorSim::routing_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("operation"); // empty: not this service's
    const QString none;
    QTest::newRow("retry") << QByteArray("POST /retryworkflowstep/st-1?workflowId=a")
                           << u"RetryWorkflowStep"_s;
    QTest::newRow("get") << QByteArray("GET /migrationworkflow/mw-1") << u"GetWorkflow"_s;
    QTest::newRow("list") << QByteArray("GET /migrationworkflows?maxResults=3")
                          << u"ListWorkflows"_s;
    QTest::newRow("groups") << QByteArray("GET /workflowstepgroups?workflowId=a")
                            << u"ListWorkflowStepGroups"_s;
    QTest::newRow("steps") << QByteArray("GET /workflow/mw-1/workflowstepgroups/sg-1/workflowsteps")
                           << u"ListWorkflowSteps"_s;
    QTest::newRow("retry by GET") << QByteArray("GET /retryworkflowstep/st-1") << none;
    QTest::newRow("create") << QByteArray("POST /migrationworkflow/") << none;
    QTest::newRow("delete") << QByteArray("DELETE /migrationworkflow/mw-1") << none;
    QTest::newRow("GetWorkflowStep") << QByteArray("GET /workflowstep/st-1") << none;
    QTest::newRow("GetWorkflowStepGroup") << QByteArray("GET /workflowstepgroup/sg-1") << none;
    QTest::newRow("steps, no tail")
        << QByteArray("GET /workflow/mw-1/workflowstepgroups/sg-1") << none;
    QTest::newRow("customer profiles") << QByteArray("GET /domains/d/workflows/w") << none;
}

void TestMigrationHubOrchestratorSim::routing()
{
    QFETCH(QByteArray, request);
    QFETCH(QString, operation);
    SimClock clock(frozen);
    MigrationHubOrchestratorSim mho(SimOptions {1, frozen, 3}, clock);
    QCOMPARE(mho.serviceId(), u"migrationhuborchestrator"_s);
    QCOMPARE(mho.signingName(), u"migrationhub-orchestrator"_s);
    QVERIFY(mho.auth() == ServiceSimulator::Auth::SigV4);
    const qsizetype space = request.indexOf(' ');
    QCOMPARE(
        mho.route(simRequest(request.left(space), request.mid(space + 1), signingName)), operation);
}

void TestMigrationHubOrchestratorSim::listWorkflowsShape()
{
    Simulator sim(SimOptions {2, frozen, 10});
    const Reply r = send(sim, "GET /migrationworkflows");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.keys(), QStringList {u"migrationWorkflowSummary"_s});
    const QJsonArray items = r.json[u"migrationWorkflowSummary"_s].toArray();
    QCOMPARE(items.size(), 10);
    const QHash<QString, char> members {{u"id"_s, 's'}, {u"name"_s, 's'}, {u"templateId"_s, 's'},
        {u"adsApplicationConfigurationName"_s, 's'}, {u"status"_s, 's'}, {u"creationTime"_s, 't'},
        {u"endTime"_s, 't'}, {u"statusMessage"_s, 's'}, {u"completedSteps"_s, 'i'},
        {u"totalSteps"_s, 'i'}};
    const QRegularExpression id(u"^mw-[0-9a-f]{10}$"_s);
    const QRegularExpression name(u"^Wave [1-9] \u2013 .+ (rehost|replatform|relocate)$"_s);
    QSet<QString> ids, statuses;
    for (const QJsonValue &w : items) {
        const QString problem = checkMembers(w.toObject(), members, {u"endTime"_s});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(id.match(str(w, "id")).hasMatch());
        QVERIFY2(name.match(str(w, "name")).hasMatch(), qPrintable(str(w, "name")));
        QVERIFY(workflowStatuses.contains(str(w, "status")));
        QCOMPARE(w.toObject().contains(u"endTime"_s), str(w, "status") == u"COMPLETED");
        QVERIFY(num(w, "completedSteps") <= num(w, "totalSteps"));
        QVERIFY(num(w, "totalSteps") >= 6 && num(w, "totalSteps") <= 30);
        QVERIFY(!str(w, "statusMessage").isEmpty());
        ids.insert(str(w, "id"));
        statuses.insert(str(w, "status"));
    }
    QCOMPARE(ids.size(), 10);
    for (const QString &s : {u"NOT_STARTED"_s, u"COMPLETED"_s, u"PAUSED"_s})
        QVERIFY2(statuses.contains(s), qPrintable(s));
    QVERIFY(statuses.contains(u"IN_PROGRESS"_s) || statuses.contains(u"WORKFLOW_FAILED"_s)
        || statuses.contains(u"USER_ATTENTION_REQUIRED"_s));
}

void TestMigrationHubOrchestratorSim::getWorkflowShape()
{
    Simulator sim(SimOptions {3, frozen, 10});
    const QHash<QString, char> members {{u"id"_s, 's'}, {u"arn"_s, 's'}, {u"name"_s, 's'},
        {u"description"_s, 's'}, {u"templateId"_s, 's'}, {u"adsApplicationConfigurationId"_s, 's'},
        {u"adsApplicationName"_s, 's'}, {u"status"_s, 's'}, {u"statusMessage"_s, 's'},
        {u"creationTime"_s, 't'}, {u"lastStartTime"_s, 't'}, {u"lastStopTime"_s, 't'},
        {u"lastModifiedTime"_s, 't'}, {u"endTime"_s, 't'}, {u"tools"_s, 'o'},
        {u"totalSteps"_s, 'i'}, {u"completedSteps"_s, 'i'}, {u"workflowInputs"_s, 'o'},
        {u"tags"_s, 'o'}, {u"workflowBucket"_s, 's'}};
    const QStringList optional {u"lastStartTime"_s, u"lastStopTime"_s, u"endTime"_s};
    const QRegularExpression inputKey(u"^[a-zA-Z0-9-_ ()]{1,100}$"_s);
    for (const QJsonValue &item : listWorkflows(sim)) {
        const Reply r = send(sim, workflowPath(str(item, "id")));
        QCOMPARE(r.status, 200);
        const QJsonObject &w = r.json;
        const QString problem = checkMembers(w, members, optional);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const QString &same : {u"id"_s, u"name"_s, u"templateId"_s, u"status"_s,
                 u"statusMessage"_s, u"creationTime"_s, u"completedSteps"_s, u"totalSteps"_s})
            QCOMPARE(w[same], item[same]);
        QCOMPARE(str(w, "adsApplicationName"), str(item, "adsApplicationConfigurationName"));
        QCOMPARE(str(w, "arn"),
            u"arn:aws:migrationhub-orchestrator:us-east-1:123456789012:workflow/"_s + str(w, "id"));
        const QString status = str(w, "status");
        QCOMPARE(w.contains(u"lastStartTime"_s), status != u"NOT_STARTED");
        QCOMPARE(w.contains(u"lastStopTime"_s), status == u"PAUSED");
        QVERIFY(secs(w, "creationTime") <= secs(w, "lastModifiedTime"));
        if (w.contains(u"lastStartTime"_s))
            QVERIFY(secs(w, "creationTime") < secs(w, "lastStartTime"));
        if (w.contains(u"endTime"_s))
            QVERIFY(secs(w, "endTime") > secs(w, "lastStartTime"));
        QVERIFY(!w[u"tools"_s].toArray().isEmpty());
        for (const QJsonValue &tool : w[u"tools"_s].toArray()) {
            QVERIFY(checkMembers(tool.toObject(), {{u"name"_s, 's'}, {u"url"_s, 's'}}).isEmpty());
            QVERIFY(str(tool, "url").startsWith(u"https://"_s));
        }
        // workflowInputs: a map of unions, each exactly one member of its own type.
        const QJsonObject inputs = w[u"workflowInputs"_s].toObject();
        QVERIFY(inputs.size() >= 4);
        for (auto it = inputs.begin(); it != inputs.end(); ++it) {
            QVERIFY(inputKey.match(it.key()).hasMatch());
            const QJsonObject u = it.value().toObject();
            const QHash<QString, char> unionMembers {{u"stringValue"_s, 's'},
                {u"integerValue"_s, 'i'}, {u"listOfStringsValue"_s, 'a'},
                {u"mapOfStringValue"_s, 'o'}};
            QCOMPARE(u.size(), 1);
            QVERIFY(checkMembers(u, unionMembers, unionMembers.keys()).isEmpty());
        }
        for (const QJsonValue &tag : w[u"tags"_s].toObject())
            QVERIFY(tag.isString());
    }
}

void TestMigrationHubOrchestratorSim::groupsAndStepsShape()
{
    Simulator sim(SimOptions {4, frozen, 12});
    sim.clock().advance(20 * minute);
    const QHash<QString, char> groupMembers {{u"id"_s, 's'}, {u"name"_s, 's'}, {u"owner"_s, 's'},
        {u"status"_s, 's'}, {u"previous"_s, 'a'}, {u"next"_s, 'a'}};
    const QHash<QString, char> stepMembers {{u"stepId"_s, 's'}, {u"name"_s, 's'},
        {u"stepActionType"_s, 's'}, {u"owner"_s, 's'}, {u"previous"_s, 'a'}, {u"next"_s, 'a'},
        {u"status"_s, 's'}, {u"statusMessage"_s, 's'}, {u"noOfSrvCompleted"_s, 'i'},
        {u"noOfSrvFailed"_s, 'i'}, {u"totalNoOfSrv"_s, 'i'}, {u"description"_s, 's'},
        {u"scriptLocation"_s, 's'}};
    const QRegularExpression groupId(u"^sg-[0-9a-f]{10}$"_s), stepId(u"^st-[0-9a-f]{10}$"_s);
    const QStringList owners {u"AWS_MANAGED"_s, u"CUSTOM"_s};
    QSet<QString> kindsSeen, ownersSeen;
    for (const Tree &t : trees(sim)) {
        QVERIFY(t.groups.size() >= 3 && t.groups.size() <= 5);
        QSet<QString> stepIds;
        int total = 0;
        for (qsizetype g = 0; g < t.groups.size(); ++g) {
            const QJsonObject group = t.groups[g].toObject();
            QCOMPARE(checkMembers(group, groupMembers), QString());
            QVERIFY(groupId.match(str(group, "id")).hasMatch());
            QVERIFY(groupStatuses.contains(str(group, "status")));
            QVERIFY(owners.contains(str(group, "owner")));
            QCOMPARE(group[u"previous"_s].toArray(),
                g > 0 ? QJsonArray {t.groups[g - 1][u"id"_s]} : QJsonArray());
            QCOMPARE(group[u"next"_s].toArray(),
                g + 1 < t.groups.size() ? QJsonArray {t.groups[g + 1][u"id"_s]} : QJsonArray());
            QVERIFY(t.steps[g].size() >= 2 && t.steps[g].size() <= 6);
            for (const QJsonValue &s : t.steps[g]) {
                const QString problem = checkMembers(
                    s.toObject(), stepMembers, {u"statusMessage"_s, u"scriptLocation"_s});
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
                QVERIFY(stepId.match(str(s, "stepId")).hasMatch());
                QVERIFY(stepStatuses.contains(str(s, "status")));
                QVERIFY(owners.contains(str(s, "owner")));
                const QString kind = str(s, "stepActionType");
                QVERIFY(kind == u"AUTOMATED" || kind == u"MANUAL");
                QCOMPARE(s.toObject().contains(u"scriptLocation"_s), kind == u"AUTOMATED");
                if (kind == u"AUTOMATED")
                    QVERIFY(
                        str(s, "scriptLocation").startsWith(u"s3://migrationhub-orchestrator-"_s));
                kindsSeen.insert(kind);
                ownersSeen.insert(str(s, "owner"));
                stepIds.insert(str(s, "stepId"));
                ++total;
            }
        }
        QCOMPARE(stepIds.size(), total);
        QCOMPARE(num(t.workflow, "totalSteps"), total);
        QCOMPARE(checkConsistent(t), QString());
    }
    QCOMPARE(kindsSeen, (QSet<QString> {u"AUTOMATED"_s, u"MANUAL"_s}));
    QCOMPARE(ownersSeen, (QSet<QString> {u"AWS_MANAGED"_s, u"CUSTOM"_s}));
}

void TestMigrationHubOrchestratorSim::determinism()
{
    Simulator a(SimOptions {42, frozen, 15});
    Simulator b(SimOptions {42, frozen, 15});
    Simulator c(SimOptions {43, frozen, 15});
    const QByteArray first = everything(a);
    QVERIFY(first.size() > 10000);
    QCOMPARE(everything(b), first);
    QVERIFY(everything(c) != first);
    a.clock().advance(90 * minute);
    b.clock().advance(90 * minute);
    const QByteArray later = everything(a);
    QVERIFY(later != first); // time moved the workflows on
    QCOMPARE(everything(b), later);
}

void TestMigrationHubOrchestratorSim::pagination_data()
{
    QTest::addColumn<QString>("listing");
    QTest::addColumn<int>("maxResults");
    for (const QString &listing : {u"workflows"_s, u"groups"_s, u"steps"_s}) {
        for (int max : {1, 2})
            QTest::addRow("%s by %d", qPrintable(listing), max) << listing << max;
    }
}

void TestMigrationHubOrchestratorSim::pagination()
{
    QFETCH(QString, listing);
    QFETCH(int, maxResults);
    Simulator sim(SimOptions {5, frozen, 7});
    QByteArray request = "GET /migrationworkflows";
    QString key = u"migrationWorkflowSummary"_s, idKey = u"id"_s;
    for (const QJsonValue &w : listWorkflows(sim)) { // the last long enough to need pages
        const Tree t = tree(sim, str(w, "id"));
        if (listing == u"groups") {
            request = groupsPath(str(w, "id"));
            key = u"workflowStepGroupsSummary"_s;
        }
        for (qsizetype g = 0; g < t.groups.size() && listing == u"steps"; ++g) {
            if (t.steps[g].size() >= 3) {
                request = stepsPath(str(w, "id"), str(t.groups[g], "id"));
                key = u"workflowStepsSummary"_s;
                idKey = u"stepId"_s;
            }
        }
    }
    QCOMPARE(request == "GET /migrationworkflows", listing == u"workflows");
    const Walk all = walk(sim, request, key);
    QCOMPARE(all.error, QString());
    QCOMPARE(all.pages, 1);
    QVERIFY(all.items.size() >= 3);
    const Walk paged = walk(sim, request, key, maxResults);
    QCOMPARE(paged.error, QString());
    QCOMPARE(paged.pages, int((all.items.size() + maxResults - 1) / maxResults));
    QStringList expected, got;
    for (const QJsonValue &v : all.items)
        expected.append(v[idKey].toString());
    for (const QJsonValue &v : paged.items)
        got.append(v[idKey].toString());
    QCOMPARE(got, expected); // every item exactly once, in order
}

void TestMigrationHubOrchestratorSim::defaultPageSize()
{
    Simulator sim(SimOptions {6, frozen, 150});
    for (const QByteArray &request : {QByteArray("GET /migrationworkflows"),
             QByteArray("GET /migrationworkflows?maxResults=0")}) {
        const Reply first = send(sim, request);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json[u"migrationWorkflowSummary"_s].toArray().size(), 100);
        const QString token = str(first.json, "nextToken");
        QVERIFY(!token.isEmpty() && token.size() <= 2048);
        const Reply second = send(sim, withQuery(request, "nextToken=" + enc(token)));
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json[u"migrationWorkflowSummary"_s].toArray().size(), 50);
        QVERIFY(!second.json.contains(u"nextToken"_s));
    }
}

void TestMigrationHubOrchestratorSim::foreignTokens_data()
{
    QTest::addColumn<QByteArray>("issuedBy"); // empty: a token nobody issued
    QTest::addColumn<QByteArray>("usedOn");
    const QByteArray groups = "GET /workflowstepgroups?workflowId={wf}";
    const QByteArray workflowsByOne = "GET /migrationworkflows?maxResults=1";
    QTest::newRow("forged, workflows") << QByteArray() << QByteArray("GET /migrationworkflows");
    QTest::newRow("forged, groups") << QByteArray() << groups;
    QTest::newRow("forged, steps")
        << QByteArray() << QByteArray("GET /workflow/{wf}/workflowstepgroups/{sg}/workflowsteps");
    QTest::newRow("workflows' token on groups") << workflowsByOne << groups;
    QTest::newRow("unfiltered token, filtered")
        << workflowsByOne << QByteArray("GET /migrationworkflows?status=COMPLETED");
    QTest::newRow("other workflow's groups")
        << QByteArray("GET /workflowstepgroups?workflowId={wf2}&maxResults=1") << groups;
}

void TestMigrationHubOrchestratorSim::foreignTokens()
{
    QFETCH(QByteArray, issuedBy);
    QFETCH(QByteArray, usedOn);
    Simulator sim(SimOptions {7, frozen, 5});
    const QJsonArray workflows = listWorkflows(sim);
    const Tree t = tree(sim, str(workflows[0], "id"));
    const auto fill = [&](QByteArray request) {
        return request.replace("{wf}", enc(str(workflows[0], "id")))
            .replace("{wf2}", enc(str(workflows[1], "id")))
            .replace("{sg}", enc(str(t.groups[0], "id")));
    };
    QString token = u"c2ltdWxhdG9yLWZvcmdlZC10b2tlbg"_s;
    if (!issuedBy.isEmpty()) {
        token = str(send(sim, fill(issuedBy)).json, "nextToken");
        QVERIFY(!token.isEmpty());
    }
    QCOMPARE(send(sim, fill(usedOn)).status, 200);
    const Reply r = send(sim, withQuery(fill(usedOn), "nextToken=" + enc(token)));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorType, QByteArray("ValidationException"));
    QCOMPARE(str(r.json, "message"), u"Invalid nextToken"_s);
}

void TestMigrationHubOrchestratorSim::validation_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QStringList>("expected"); // each must be in the message
    const auto row = [](const char *name, const QByteArray &request, const QStringList &expected) {
        QTest::newRow(name) << request << expected;
    };
    row("id pattern", "GET /migrationworkflow/mw_1", {u"at 'id'"_s});
    row("id length", "GET /migrationworkflow/mw-" + QByteArray(98, 'a'), {u"at 'id'"_s});
    row("id with slash", "GET /migrationworkflow/mw%2F1", {u"at 'id'"_s});
    row("maxResults 101", "GET /migrationworkflows?maxResults=101", {u"at 'maxResults'"_s});
    row("maxResults -1", "GET /migrationworkflows?maxResults=-1", {u"at 'maxResults'"_s});
    row("maxResults text", "GET /migrationworkflows?maxResults=ten", {u"at 'maxResults'"_s});
    row("blank nextToken", "GET /migrationworkflows?nextToken=%20%20", {u"at 'nextToken'"_s});
    row("templateId pattern", "GET /migrationworkflows?templateId=%20x", {u"at 'templateId'"_s});
    row("application name length",
        "GET /migrationworkflows?adsApplicationConfigurationName=" + QByteArray(101, 'a'),
        {u"at 'adsApplicationConfigurationName'"_s});
    row("status enum", "GET /migrationworkflows?status=RUNNING",
        {u"at 'status'"_s, u"enum value set"_s});
    row("status and maxResults", "GET /migrationworkflows?status=RUNNING&maxResults=500",
        {u"2 validation errors"_s, u"at 'status'"_s, u"at 'maxResults'"_s});
    row("groups without workflowId", "GET /workflowstepgroups",
        {u"at 'workflowId'"_s, u"must not be null"_s});
    row("groups empty workflowId", "GET /workflowstepgroups?workflowId=", {u"at 'workflowId'"_s});
    row("groups maxResults", "GET /workflowstepgroups?workflowId=mw-1&maxResults=101",
        {u"at 'maxResults'"_s});
    row("steps workflowId", "GET /workflow/mw%241/workflowstepgroups/sg-1/workflowsteps",
        {u"at 'workflowId'"_s});
    row("steps stepGroupId", "GET /workflow/mw-1/workflowstepgroups/sg_1/workflowsteps",
        {u"at 'stepGroupId'"_s});
    row("retry without query", "POST /retryworkflowstep/st-1",
        {u"at 'workflowId'"_s, u"at 'stepGroupId'"_s});
    row("retry id", "POST /retryworkflowstep/st.1?workflowId=mw-1&stepGroupId=sg-1",
        {u"at 'id'"_s});
}

void TestMigrationHubOrchestratorSim::validation()
{
    QFETCH(QByteArray, request);
    QFETCH(QStringList, expected);
    Simulator sim(SimOptions {8, frozen, 3});
    const Reply r = send(sim, request);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorType, QByteArray("ValidationException"));
    QCOMPARE(r.json.keys(), QStringList {u"message"_s});
    const QString message = str(r.json, "message");
    QVERIFY2(message.contains(u"validation error"_s), qPrintable(message));
    for (const QString &part : expected)
        QVERIFY2(message.contains(part), qPrintable(message));
    QCOMPARE(retriesApplied(sim), 0);
}

void TestMigrationHubOrchestratorSim::notFound_data()
{
    QTest::addColumn<QByteArray>("request");
    const auto row = [](const char *name, const char *request) {
        QTest::newRow(name) << QByteArray(request);
    };
    row("workflow", "GET /migrationworkflow/mw-0000000000");
    row("upper-case id", "GET /migrationworkflow/{WF}");
    row("groups", "GET /workflowstepgroups?workflowId=mw-0000000000");
    row("steps, workflow", "GET /workflow/mw-0000000000/workflowstepgroups/{sg}/workflowsteps");
    row("steps, group", "GET /workflow/{wf}/workflowstepgroups/sg-0000000000/workflowsteps");
    row("steps, other's group", "GET /workflow/{wf}/workflowstepgroups/{sg2}/workflowsteps");
    row("retry, workflow", "POST /retryworkflowstep/{st}?workflowId=mw-1&stepGroupId={sg}");
    row("retry, group", "POST /retryworkflowstep/{st}?workflowId={wf}&stepGroupId={sg2}");
    row("retry, step", "POST /retryworkflowstep/st-0000000000?workflowId={wf}&stepGroupId={sg}");
    row("retry, other group's step",
        "POST /retryworkflowstep/{st}?workflowId={wf}&stepGroupId={sgNext}");
}

void TestMigrationHubOrchestratorSim::notFound()
{
    QFETCH(QByteArray, request);
    Simulator sim(SimOptions {9, frozen, 4});
    const QJsonArray workflows = listWorkflows(sim);
    const Tree t = tree(sim, str(workflows[0], "id"));
    const Tree other = tree(sim, str(workflows[1], "id"));
    request.replace("{wf}", enc(str(workflows[0], "id")))
        .replace("{WF}", enc(str(workflows[0], "id").toUpper()))
        .replace("{sg}", enc(str(t.groups[0], "id")))
        .replace("{sgNext}", enc(str(t.groups[1], "id")))
        .replace("{sg2}", enc(str(other.groups[0], "id")))
        .replace("{st}", enc(str(t.steps[0][0], "stepId")));
    const Reply r = send(sim, request);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorType, QByteArray("ResourceNotFoundException"));
    QVERIFY(!str(r.json, "message").isEmpty());
}

void TestMigrationHubOrchestratorSim::filters_data()
{
    QTest::addColumn<QString>("member");
    for (const char *member : {"templateId", "adsApplicationConfigurationName", "status", "name"})
        QTest::newRow(member) << QString::fromLatin1(member);
}

void TestMigrationHubOrchestratorSim::filters()
{
    QFETCH(QString, member);
    Simulator sim(SimOptions {10, frozen, 60});
    const QJsonArray all = listWorkflows(sim);
    for (const QJsonValue &pick : {all[0], all[all.size() / 2]}) {
        const QString value = pick[member].toString();
        QStringList expected;
        for (const QJsonValue &w : all) {
            if (w[member].toString() == value)
                expected.append(str(w, "id"));
        }
        QVERIFY(expected.size() < all.size());
        const QByteArray request = "GET /migrationworkflows?" + enc(member) + '=' + enc(value);
        const Walk filtered = walk(sim, request, u"migrationWorkflowSummary"_s, 3);
        QCOMPARE(filtered.error, QString());
        QStringList got;
        for (const QJsonValue &w : filtered.items) {
            QCOMPARE(w[member].toString(), value);
            got.append(str(w, "id"));
        }
        QCOMPARE(got, expected);
    }
    const Reply none = send(sim, "GET /migrationworkflows?" + enc(member) + "=DELETED");
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json, (QJsonObject {{u"migrationWorkflowSummary"_s, QJsonArray()}}));
}

void TestMigrationHubOrchestratorSim::evolution()
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

void TestMigrationHubOrchestratorSim::failureWithinAnHour_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("workflows");
    for (quint64 seed = 1; seed <= 10; ++seed) {
        QTest::addRow("demo, seed %llu", seed) << seed << 10;
        QTest::addRow("one workflow, seed %llu", seed) << seed << 1;
    }
}

void TestMigrationHubOrchestratorSim::failureWithinAnHour()
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

void TestMigrationHubOrchestratorSim::retryFailedStep()
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

void TestMigrationHubOrchestratorSim::retryOutcomes()
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

void TestMigrationHubOrchestratorSim::retryRejected_data()
{
    QTest::addColumn<QString>("status");
    for (const char *status : {"COMPLETED", "AWAITING_DEPENDENCIES", "IN_PROGRESS",
             "USER_ATTENTION_REQUIRED", "PAUSED", "READY"})
        QTest::newRow(status) << QString::fromLatin1(status);
}

void TestMigrationHubOrchestratorSim::retryRejected()
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

void TestMigrationHubOrchestratorSim::errorsAndCounters()
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

void TestMigrationHubOrchestratorSim::scale()
{
    const qint64 rssBefore = residentKb();
    QElapsedTimer timer;
    timer.start();
    SimClock clock(frozen);
    MigrationHubOrchestratorSim mho(SimOptions {13, frozen, 50000}, clock);
    const qint64 constructMs = timer.elapsed();
    const qint64 rssAfter = residentKb();
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

QTEST_GUILESS_MAIN(TestMigrationHubOrchestratorSim)
#include "tst_migrationhuborchestratorsim.moc"
