// Simulated CodeCatalyst's refusals and listings: validation per the model's per-operation
// bounds, 404s, pagination, forged tokens, injected errors and authentication.

#include "codecatalystsimtestsupport.h"

#include "sim/codecatalystsim.h"
#include "sim/simclock.h"
#include "sim/simulator.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using namespace sw::test::codecatalyst;
using sw::test::errorTypeOf;
using sw::test::jsonOf;
using sw::test::simRequest;

class TestCodeCatalystSimRequests : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validation_data();
    void validation();
    void notFound_data();
    void notFound();
    void paginationToEnd();
    void forgedTokens();
    void errorsAndAuth();
};

void TestCodeCatalystSimRequests::validation_data()
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

void TestCodeCatalystSimRequests::validation()
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

void TestCodeCatalystSimRequests::notFound_data()
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

void TestCodeCatalystSimRequests::notFound()
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

void TestCodeCatalystSimRequests::paginationToEnd()
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

void TestCodeCatalystSimRequests::forgedTokens()
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

void TestCodeCatalystSimRequests::errorsAndAuth()
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

QTEST_GUILESS_MAIN(TestCodeCatalystSimRequests)
#include "tst_codecatalystsimrequests.moc"
