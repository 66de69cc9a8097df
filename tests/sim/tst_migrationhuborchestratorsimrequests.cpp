// The simulated Migration Hub Orchestrator's listings and refusals: pagination, foreign tokens,
// filters, validation errors and unknown ids.

#include "mhosimtestsupport.h"

#include "sim/simulator.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using namespace sw::test::mho;

class TestMigrationHubOrchestratorSimRequests : public QObject {
    Q_OBJECT

private Q_SLOTS:
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
};

void TestMigrationHubOrchestratorSimRequests::pagination_data()
{
    QTest::addColumn<QString>("listing");
    QTest::addColumn<int>("maxResults");
    for (const QString &listing : {u"workflows"_s, u"groups"_s, u"steps"_s}) {
        for (int max : {1, 2})
            QTest::addRow("%s by %d", qPrintable(listing), max) << listing << max;
    }
}

void TestMigrationHubOrchestratorSimRequests::pagination()
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

void TestMigrationHubOrchestratorSimRequests::defaultPageSize()
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

void TestMigrationHubOrchestratorSimRequests::foreignTokens_data()
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

void TestMigrationHubOrchestratorSimRequests::foreignTokens()
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

void TestMigrationHubOrchestratorSimRequests::validation_data()
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

void TestMigrationHubOrchestratorSimRequests::validation()
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

void TestMigrationHubOrchestratorSimRequests::notFound_data()
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

void TestMigrationHubOrchestratorSimRequests::notFound()
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

void TestMigrationHubOrchestratorSimRequests::filters_data()
{
    QTest::addColumn<QString>("member");
    for (const char *member : {"templateId", "adsApplicationConfigurationName", "status", "name"})
        QTest::newRow(member) << QString::fromLatin1(member);
}

void TestMigrationHubOrchestratorSimRequests::filters()
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

QTEST_GUILESS_MAIN(TestMigrationHubOrchestratorSimRequests)
#include "tst_migrationhuborchestratorsimrequests.moc"
