// The simulated Migration Hub Orchestrator, driven through Simulator::handle: routing, response
// shapes against the model, and determinism.

#include "mhosimtestsupport.h"

#include "sim/migrationhuborchestratorsim.h"
#include "sim/simclock.h"
#include "sim/simulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using namespace sw::test::mho;
using sw::test::simRequest;

namespace {

const QStringList workflowStatuses {u"CREATING"_s, u"NOT_STARTED"_s, u"CREATION_FAILED"_s,
    u"STARTING"_s, u"IN_PROGRESS"_s, u"WORKFLOW_FAILED"_s, u"PAUSED"_s, u"PAUSING"_s,
    u"PAUSING_FAILED"_s, u"USER_ATTENTION_REQUIRED"_s, u"DELETING"_s, u"DELETION_FAILED"_s,
    u"DELETED"_s, u"COMPLETED"_s};
const QStringList stepStatuses {u"AWAITING_DEPENDENCIES"_s, u"SKIPPED"_s, u"READY"_s,
    u"IN_PROGRESS"_s, u"COMPLETED"_s, u"FAILED"_s, u"PAUSED"_s, u"USER_ATTENTION_REQUIRED"_s};
const QStringList groupStatuses {u"AWAITING_DEPENDENCIES"_s, u"READY"_s, u"IN_PROGRESS"_s,
    u"COMPLETED"_s, u"FAILED"_s, u"PAUSED"_s, u"PAUSING"_s, u"USER_ATTENTION_REQUIRED"_s};

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

} // namespace

class TestMigrationHubOrchestratorSim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void routing_data();
    void routing();
    void listWorkflowsShape();
    void getWorkflowShape();
    void groupsAndStepsShape();
    void determinism();
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

QTEST_GUILESS_MAIN(TestMigrationHubOrchestratorSim)
#include "tst_migrationhuborchestratorsim.moc"
