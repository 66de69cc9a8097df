// The simulated EC2 Image Builder service, driven through Simulator::handle: the two List*
// operations' shapes and member types as the model gives them, body-only inputs and their
// validation, pagination, determinism, steps that run in order, rollback after a failure, and
// scale.

#include "simtestsupport.h"

#include "sim/imagebuildersim.h"
#include "sim/simclock.h"
#include "sim/simulator.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <unistd.h>

#include <memory>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using sw::test::errorTypeOf;
using sw::test::jsonOf;
using sw::test::simRequest;

namespace {

// Patterns and enums verbatim from the model.
const QRegularExpression imageArnPattern(
    u"^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):image/[a-z0-9-_]+/"
    "[0-9]+\\.[0-9]+\\.[0-9]+/[0-9]+$"_s);
const QRegularExpression workflowArnPattern(
    u"^arn:aws(?:-[a-z]+)*:imagebuilder:[a-z]{2,}(?:-[a-z]+)+-[0-9]+:(?:[0-9]{12}|aws(?:-[a-z-]+)"
    "?):workflow/(build|test|distribution)/[a-z0-9-_]+/[0-9]+\\.[0-9]+\\.[0-9]+/[0-9]+$"_s);
const QRegularExpression executionIdPattern(
    u"^wf-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
const QRegularExpression stepIdPattern(
    u"^step-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
const QRegularExpression namePattern(u"^[A-Za-z][A-Za-z0-9-_]{1,99}$"_s);
const QRegularExpression groupPattern(u"^[A-Za-z0-9][A-Za-z0-9-_+#]{0,99}$"_s);
const QRegularExpression uuidPattern(
    u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);
const QSet<QString> executionStatuses = {u"PENDING"_s, u"SKIPPED"_s, u"RUNNING"_s, u"COMPLETED"_s,
    u"FAILED"_s, u"ROLLBACK_IN_PROGRESS"_s, u"ROLLBACK_COMPLETED"_s, u"CANCELLED"_s};
const QSet<QString> stepStatuses = {
    u"PENDING"_s, u"SKIPPED"_s, u"RUNNING"_s, u"COMPLETED"_s, u"FAILED"_s, u"CANCELLED"_s};
const QSet<QString> rollbackStatuses = {u"RUNNING"_s, u"COMPLETED"_s, u"SKIPPED"_s, u"FAILED"_s};
const QSet<QString> finished = {
    u"COMPLETED"_s, u"FAILED"_s, u"ROLLBACK_COMPLETED"_s, u"CANCELLED"_s, u"SKIPPED"_s};

SimResponse send(Simulator &sim, const QByteArray &path, const QByteArray &body)
{
    return sim.handle(simRequest("POST", path, u"imagebuilder"_s, body));
}

SimResponse list(Simulator &sim, const QByteArray &operation, const QJsonObject &input)
{
    return send(sim, '/' + operation, QJsonDocument(input).toJson(QJsonDocument::Compact));
}

QStringList arnsOf(const Simulator &sim)
{
    QStringList out;
    const QJsonValue arns = sim.inventory()[u"imagebuilder"_s][u"imageBuildVersionArns"_s];
    for (const QJsonValue &arn : arns.toArray())
        out.append(arn.toString());
    return out;
}

// Every item of a listing, page by page; the pages' count in *pages.
QJsonArray collect(Simulator &sim, const QByteArray &operation, const QString &idMember,
    const QString &id, int maxResults, int *pages = nullptr)
{
    const QString itemsMember =
        operation == "ListWorkflowExecutions" ? u"workflowExecutions"_s : u"steps"_s;
    QJsonArray items;
    QJsonObject input {{idMember, id}, {u"maxResults"_s, maxResults}};
    for (int page = 1;; ++page) {
        const SimResponse r = list(sim, operation, input);
        if (r.status != 200)
            qFatal("%s answered %d: %s", operation.constData(), r.status, r.body.constData());
        const QJsonObject o = jsonOf(r);
        for (const QJsonValue &item : o[itemsMember].toArray())
            items.append(item);
        if (!o.contains(u"nextToken"_s)) {
            if (pages)
                *pages = page;
            return items;
        }
        input[u"nextToken"_s] = o[u"nextToken"_s];
    }
}

QJsonArray executionsOf(Simulator &sim, const QString &arn, int maxResults = 25)
{
    return collect(sim, "ListWorkflowExecutions", u"imageBuildVersionArn"_s, arn, maxResults);
}

QJsonArray stepsOf(Simulator &sim, const QString &executionId, int maxResults = 25)
{
    return collect(
        sim, "ListWorkflowStepExecutions", u"workflowExecutionId"_s, executionId, maxResults);
}

bool isTime(const QJsonValue &v)
{
    const QString s = v.toString();
    return v.isString() && s.size() == 24 && s.endsWith(u'Z')
        && QDateTime::fromString(s, Qt::ISODateWithMs).isValid();
}

bool isCount(const QJsonValue &v)
{
    return v.isDouble() && v.toDouble() >= 0 && v.toDouble() == double(v.toInt());
}

QSet<QString> keysOf(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

// One letter a step, for checking the order the steps run in.
QString shapeOf(const QJsonArray &steps)
{
    QString shape;
    for (const QJsonValue &step : steps) {
        const QString s = step[u"status"_s].toString();
        shape += s == u"COMPLETED" ? u'C'
            : s == u"RUNNING"      ? u'R'
            : s == u"FAILED"       ? u'F'
            : s == u"CANCELLED"    ? u'X'
            : s == u"PENDING"      ? u'P'
                                   : u'S';
    }
    return shape;
}

qint64 residentKb()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toLongLong() * sysconf(_SC_PAGESIZE) / 1024;
}

} // namespace

class TestImageBuilderSim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inventoryAndErrorForms();
    void executionsShape();
    void stepsShape();
    void routesAndBodyOnlyInputs();
    void determinism();
    void paginationToTheEnd();
    void forgedTokens();
    void validation_data();
    void validation();
    void stepsRunInOrderAndRollBack();
    void allStatusesAcrossSeeds();
    void scale();
};

void TestImageBuilderSim::inventoryAndErrorForms()
{
    Simulator sim(SimOptions {2, 1.0, 10});
    const QStringList arns = arnsOf(sim);
    QVERIFY(arns.size() >= 3 && arns.size() <= 4);
    QCOMPARE(QSet<QString>(arns.begin(), arns.end()).size(), arns.size());
    for (const QString &arn : arns)
        QVERIFY2(imageArnPattern.match(arn).hasMatch(), qPrintable(arn));

    SimClock clock;
    ImageBuilderSim service(SimOptions {2, 1.0, 10}, clock);
    QCOMPARE(service.signingName(), u"imagebuilder"_s);
    const QList<std::tuple<SimResponse, int, QByteArray>> cases = {
        {service.throttlingError(), 429, "CallRateLimitExceededException"},
        {service.internalError(), 500, "ServiceException"},
        {service.unavailableError(), 503, "ServiceUnavailableException"},
        {service.accessDenied(u"denied"_s), 403, "ForbiddenException"}};
    for (const auto &[response, status, code] : cases) {
        QCOMPARE(response.status, status);
        QCOMPARE(errorTypeOf(response), code);
        QVERIFY(jsonOf(response)[u"message"_s].isString());
    }
    QVERIFY(!sim.setFaults(u"ListWorkflowExecutions:error503=1#1"_s));
    const SimResponse r =
        list(sim, "ListWorkflowExecutions", {{u"imageBuildVersionArn"_s, arns[0]}});
    QCOMPARE(r.status, 503);
    QCOMPARE(errorTypeOf(r), QByteArray("ServiceUnavailableException"));
}

void TestImageBuilderSim::executionsShape()
{
    Simulator sim(SimOptions {3, 1.0, 40});
    const QSet<QString> top = {
        u"requestId"_s, u"imageBuildVersionArn"_s, u"message"_s, u"workflowExecutions"_s};
    const QSet<QString> members = {u"workflowBuildVersionArn"_s, u"workflowExecutionId"_s,
        u"type"_s, u"status"_s, u"message"_s, u"totalStepCount"_s, u"totalStepsSucceeded"_s,
        u"totalStepsFailed"_s, u"totalStepsSkipped"_s, u"startTime"_s, u"endTime"_s,
        u"parallelGroup"_s, u"retried"_s};
    QSet<QString> ids;
    QSet<QString> requestIds;
    bool sawRetried = false;
    for (const QString &arn : arnsOf(sim)) {
        const SimResponse r =
            list(sim, "ListWorkflowExecutions", {{u"imageBuildVersionArn"_s, arn}});
        QCOMPARE(r.status, 200);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(keysOf(o), top);
        QVERIFY(uuidPattern.match(o[u"requestId"_s].toString()).hasMatch());
        requestIds.insert(o[u"requestId"_s].toString());
        QCOMPARE(o[u"imageBuildVersionArn"_s].toString(), arn);
        QVERIFY(o[u"message"_s].isString() && o[u"message"_s].toString().size() <= 500);
        QStringList types;
        for (const QJsonValue &v : o[u"workflowExecutions"_s].toArray()) {
            const QJsonObject e = v.toObject();
            QVERIFY2(members.contains(keysOf(e)), qPrintable(keysOf(e).values().join(u',')));
            QVERIFY(
                workflowArnPattern.match(e[u"workflowBuildVersionArn"_s].toString()).hasMatch());
            const QString id = e[u"workflowExecutionId"_s].toString();
            QVERIFY(executionIdPattern.match(id).hasMatch());
            QCOMPARE(id, id.toLower());
            QVERIFY(!ids.contains(id));
            ids.insert(id);
            const QString type = e[u"type"_s].toString();
            types.append(type);
            QVERIFY(e[u"workflowBuildVersionArn"_s].toString().contains(
                u":workflow/"_s + type.toLower() + u'/'));
            const QString status = e[u"status"_s].toString();
            QVERIFY2(executionStatuses.contains(status), qPrintable(status));
            QVERIFY(e[u"message"_s].isString() && e[u"message"_s].toString().size() <= 500);
            for (const QString &count : {u"totalStepCount"_s, u"totalStepsSucceeded"_s,
                     u"totalStepsFailed"_s, u"totalStepsSkipped"_s})
                QVERIFY2(isCount(e[count]), qPrintable(count));
            const int total = e[u"totalStepCount"_s].toInt();
            const int accounted = e[u"totalStepsSucceeded"_s].toInt()
                + e[u"totalStepsFailed"_s].toInt() + e[u"totalStepsSkipped"_s].toInt();
            QVERIFY(accounted <= total);
            if (finished.contains(status) && status != u"CANCELLED")
                QCOMPARE(accounted, total); // the model's own rule for a finished workflow
            QCOMPARE(e.contains(u"startTime"_s), status != u"PENDING" && status != u"SKIPPED");
            QCOMPARE(e.contains(u"endTime"_s), finished.contains(status) && status != u"SKIPPED");
            if (e.contains(u"startTime"_s))
                QVERIFY(isTime(e[u"startTime"_s]));
            if (e.contains(u"endTime"_s)) {
                QVERIFY(isTime(e[u"endTime"_s]));
                QVERIFY(e[u"startTime"_s].toString() < e[u"endTime"_s].toString());
            }
            QCOMPARE(e.contains(u"parallelGroup"_s), type == u"TEST");
            if (type == u"TEST")
                QVERIFY(groupPattern.match(e[u"parallelGroup"_s].toString()).hasMatch());
            QVERIFY(e[u"retried"_s].isBool());
            sawRetried = sawRetried || e[u"retried"_s].toBool();
        }
        // BUILD, a retried BUILD sometimes, then TEST and DISTRIBUTION.
        static const QRegularExpression order(u"^BUILD(,BUILD)?(,TEST(,DISTRIBUTION)?)?$"_s);
        QVERIFY2(order.match(types.join(u',')).hasMatch(), qPrintable(types.join(u',')));
    }
    QCOMPARE(ids.size(), 40);
    QCOMPARE(requestIds.size(), arnsOf(sim).size());
    QVERIFY(sawRetried);
}

void TestImageBuilderSim::stepsShape()
{
    Simulator sim(SimOptions {4, 1.0, 30});
    const QSet<QString> top = {u"requestId"_s, u"workflowBuildVersionArn"_s,
        u"workflowExecutionId"_s, u"imageBuildVersionArn"_s, u"message"_s, u"steps"_s};
    const QSet<QString> members = {u"stepExecutionId"_s, u"name"_s, u"description"_s, u"action"_s,
        u"status"_s, u"rollbackStatus"_s, u"message"_s, u"inputs"_s, u"outputs"_s, u"startTime"_s,
        u"endTime"_s};
    const QStringList buildNames = {u"LaunchBuildInstance"_s, u"ApplyBuildComponents"_s,
        u"InventoryCollection"_s, u"RunSanitizeScript"_s, u"CreateOutputAMI"_s,
        u"TerminateBuildInstance"_s};
    QSet<QString> stepIds;
    int completedWithOutputs = 0;
    for (const QString &arn : arnsOf(sim)) {
        for (const QJsonValue &execution : executionsOf(sim, arn)) {
            const QString id = execution[u"workflowExecutionId"_s].toString();
            const SimResponse r =
                list(sim, "ListWorkflowStepExecutions", {{u"workflowExecutionId"_s, id}});
            QCOMPARE(r.status, 200);
            const QJsonObject o = jsonOf(r);
            QCOMPARE(keysOf(o), top);
            QVERIFY(uuidPattern.match(o[u"requestId"_s].toString()).hasMatch());
            QCOMPARE(o[u"workflowExecutionId"_s].toString(), id);
            QCOMPARE(o[u"imageBuildVersionArn"_s].toString(), arn);
            QCOMPARE(o[u"workflowBuildVersionArn"_s], execution[u"workflowBuildVersionArn"_s]);
            QCOMPARE(o[u"message"_s], execution[u"message"_s]);
            const QJsonArray steps = o[u"steps"_s].toArray();
            QCOMPARE(steps.size(), execution[u"totalStepCount"_s].toInt());
            QStringList names;
            int completed = 0;
            for (const QJsonValue &v : steps) {
                const QJsonObject s = v.toObject();
                QVERIFY(members.contains(keysOf(s)));
                const QString stepId = s[u"stepExecutionId"_s].toString();
                QVERIFY(stepIdPattern.match(stepId).hasMatch());
                QVERIFY(!stepIds.contains(stepId));
                stepIds.insert(stepId);
                QVERIFY(namePattern.match(s[u"name"_s].toString()).hasMatch());
                QVERIFY(namePattern.match(s[u"action"_s].toString()).hasMatch());
                names.append(s[u"name"_s].toString());
                QVERIFY(s[u"description"_s].toString().size() <= 500);
                QVERIFY(s[u"message"_s].isString() && s[u"message"_s].toString().size() <= 500);
                const QString status = s[u"status"_s].toString();
                QVERIFY(stepStatuses.contains(status));
                completed += status == u"COMPLETED" ? 1 : 0;
                if (s.contains(u"rollbackStatus"_s))
                    QVERIFY(rollbackStatuses.contains(s[u"rollbackStatus"_s].toString()));
                // inputs and outputs are JSON documents inside strings.
                for (const QString &member : {u"inputs"_s, u"outputs"_s}) {
                    QVERIFY(s[member].isString());
                    QVERIFY2(QJsonDocument::fromJson(s[member].toString().toUtf8()).isObject(),
                        qPrintable(s[member].toString()));
                }
                if (status == u"COMPLETED" && s[u"outputs"_s].toString() != u"{}")
                    ++completedWithOutputs;
                QCOMPARE(s.contains(u"startTime"_s), status != u"PENDING" && status != u"SKIPPED");
                QCOMPARE(s.contains(u"endTime"_s),
                    status == u"COMPLETED" || status == u"FAILED" || status == u"CANCELLED");
                for (const QString &time : {u"startTime"_s, u"endTime"_s}) {
                    if (s.contains(time))
                        QVERIFY(isTime(s[time]));
                }
            }
            QCOMPARE(completed, execution[u"totalStepsSucceeded"_s].toInt());
            if (execution[u"type"_s].toString() == u"BUILD")
                QCOMPARE(names, buildNames);
        }
    }
    QVERIFY(completedWithOutputs > 10);
}

void TestImageBuilderSim::routesAndBodyOnlyInputs()
{
    Simulator sim(SimOptions {5, 1.0, 10});
    const QString arn = arnsOf(sim).first();
    const QString id = executionsOf(sim, arn).first()[u"workflowExecutionId"_s].toString();
    for (const QByteArray &path :
        {QByteArray("/ListWorkflowExecutions"), QByteArray("/ListWorkflowStepExecutions")}) {
        const SimResponse r = sim.handle(simRequest("GET", path, u"imagebuilder"_s));
        QCOMPARE(r.status, 404);
        QCOMPARE(errorTypeOf(r), QByteArray("UnknownOperationException"));
    }
    QCOMPARE(send(sim, "/ListWorkflowExecution", "{}").status, 404);
    QCOMPARE(send(sim, "/ListWorkflowStepExecutions/x", "{}").status, 404);

    // Query parameters are not inputs: neither a bad maxResults nor the id counts there.
    const QByteArray body = QJsonDocument(QJsonObject {{u"workflowExecutionId"_s, id}}).toJson();
    const SimResponse ignored =
        send(sim, "/ListWorkflowStepExecutions?maxResults=0&nextToken=zzz", body);
    QCOMPARE(ignored.status, 200);
    const SimResponse missing =
        send(sim, "/ListWorkflowStepExecutions?workflowExecutionId=" + id.toUtf8(), {});
    QCOMPARE(missing.status, 400);
    QCOMPARE(errorTypeOf(missing), QByteArray("InvalidRequestException"));
    QVERIFY(jsonOf(missing)[u"message"_s].toString().contains(u"workflowExecutionId"_s));
}

void TestImageBuilderSim::determinism()
{
    const SimOptions options {77, 1.0, 25};
    const QJsonObject probe {{u"maxResults"_s, 2}};
    // Worlds are anchored on whole seconds: built in different seconds they may differ, so
    // build again then (a real difference persists).
    for (int attempt = 0; attempt < 3; ++attempt) {
        Simulator a(options);
        Simulator b(options);
        QCOMPARE(arnsOf(a), arnsOf(b));
        bool same = true;
        for (const QString &arn : arnsOf(a)) {
            // The same requests in the same order on both, so that request ids match too.
            const QJsonArray executions = executionsOf(a, arn);
            executionsOf(b, arn);
            QJsonObject input = probe;
            input[u"imageBuildVersionArn"_s] = arn;
            const SimResponse ra = list(a, "ListWorkflowExecutions", input);
            const SimResponse rb = list(b, "ListWorkflowExecutions", input);
            same = same && ra.status == 200 && ra.body == rb.body;
            for (const QJsonValue &e : executions) {
                QJsonObject steps = probe;
                steps[u"workflowExecutionId"_s] = e[u"workflowExecutionId"_s];
                const SimResponse sa = list(a, "ListWorkflowStepExecutions", steps);
                const SimResponse sb = list(b, "ListWorkflowStepExecutions", steps);
                same = same && sa.status == 200 && sa.body == sb.body;
            }
        }
        if (same) {
            Simulator other(SimOptions {78, 1.0, 25});
            QVERIFY(arnsOf(other) != arnsOf(a)
                || executionsOf(other, arnsOf(a).first()) != executionsOf(a, arnsOf(a).first()));
            return;
        }
    }
    QFAIL("two simulators with the same seed answered differently");
}

void TestImageBuilderSim::paginationToTheEnd()
{
    Simulator sim(SimOptions {6, 1.0, 30});
    int multiPage = 0;
    for (const QString &arn : arnsOf(sim)) {
        const QJsonArray whole = executionsOf(sim, arn);
        for (const int size : {1, 2}) {
            int pages = 0;
            const QJsonArray paged = collect(
                sim, "ListWorkflowExecutions", u"imageBuildVersionArn"_s, arn, size, &pages);
            QCOMPARE(pages, int((whole.size() + size - 1) / size));
            QCOMPARE(paged.size(), whole.size());
            for (qsizetype i = 0; i < whole.size(); ++i)
                QCOMPARE(paged[i][u"workflowExecutionId"_s], whole[i][u"workflowExecutionId"_s]);
            multiPage += pages > 1 ? 1 : 0;
        }
        for (const QJsonValue &e : whole) {
            const QString id = e[u"workflowExecutionId"_s].toString();
            const QJsonArray steps = stepsOf(sim, id);
            for (const int size : {1, 2, 4}) {
                const QJsonArray paged = stepsOf(sim, id, size);
                QCOMPARE(paged.size(), steps.size());
                for (qsizetype i = 0; i < steps.size(); ++i)
                    QCOMPARE(paged[i][u"stepExecutionId"_s], steps[i][u"stepExecutionId"_s]);
            }
        }
    }
    QVERIFY(multiPage > 5);
}

void TestImageBuilderSim::forgedTokens()
{
    Simulator sim(SimOptions {7, 1.0, 12});
    const QStringList arns = arnsOf(sim);
    const QJsonObject first = jsonOf(list(sim, "ListWorkflowExecutions",
        {{u"imageBuildVersionArn"_s, arns[0]}, {u"maxResults"_s, 1}}));
    const QString token = first[u"nextToken"_s].toString();
    QVERIFY(!token.isEmpty());
    const QString id = first[u"workflowExecutions"_s][0][u"workflowExecutionId"_s].toString();
    const QString stepToken = jsonOf(list(sim, "ListWorkflowStepExecutions",
        {{u"workflowExecutionId"_s, id}, {u"maxResults"_s, 1}}))[u"nextToken"_s]
                                  .toString();
    QVERIFY(!stepToken.isEmpty());
    const QString otherId = executionsOf(sim, arns[1]).first()[u"workflowExecutionId"_s].toString();

    const QList<QPair<QByteArray, QJsonObject>> forged = {
        {"ListWorkflowExecutions",
            {{u"imageBuildVersionArn"_s, arns[0]}, {u"nextToken"_s, u"abc"_s}}},
        {"ListWorkflowExecutions",
            {{u"imageBuildVersionArn"_s, arns[0]}, {u"nextToken"_s, token.left(token.size() - 1)}}},
        {"ListWorkflowExecutions", {{u"imageBuildVersionArn"_s, arns[1]}, {u"nextToken"_s, token}}},
        {"ListWorkflowExecutions",
            {{u"imageBuildVersionArn"_s, arns[0]}, {u"nextToken"_s, stepToken}}},
        {"ListWorkflowStepExecutions",
            {{u"workflowExecutionId"_s, otherId}, {u"nextToken"_s, stepToken}}},
        {"ListWorkflowStepExecutions", {{u"workflowExecutionId"_s, id}, {u"nextToken"_s, token}}}};
    for (const auto &[operation, input] : forged) {
        const SimResponse r = list(sim, operation, input);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorTypeOf(r), QByteArray("InvalidPaginationTokenException"));
    }
    // The genuine tokens still work.
    QCOMPARE(list(sim, "ListWorkflowStepExecutions",
                 {{u"workflowExecutionId"_s, id}, {u"nextToken"_s, stepToken}})
                 .status,
        200);
}

void TestImageBuilderSim::validation_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QByteArray>("body"); // {arn} and {id} name real ones
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QString>("member");

    const QByteArray invalid = "InvalidRequestException";
    const QByteArray executions = "ListWorkflowExecutions";
    const QByteArray steps = "ListWorkflowStepExecutions";
    QTest::newRow("body array") << steps << QByteArray("[]") << 400 << invalid << u"JSON"_s;
    QTest::newRow("body text") << steps << QByteArray("wf-123") << 400 << invalid << u"JSON"_s;
    QTest::newRow("body string") << executions << QByteArray("\"{}\"") << 400 << invalid
                                 << u"JSON"_s;
    QTest::newRow("no id") << steps << QByteArray("{}") << 400 << invalid
                           << u"workflowExecutionId"_s;
    QTest::newRow("null id") << steps << QByteArray(R"({"workflowExecutionId":null})") << 400
                             << invalid << u"workflowExecutionId"_s;
    QTest::newRow("id number") << steps << QByteArray(R"({"workflowExecutionId":7})") << 400
                               << invalid << u"workflowExecutionId"_s;
    QTest::newRow("id no prefix") << steps << QByteArray(R"({"workflowExecutionId":"{uuid}"})")
                                  << 400 << invalid << u"workflowExecutionId"_s;
    QTest::newRow("id step prefix")
        << steps << QByteArray(R"({"workflowExecutionId":"step-{uuid}"})") << 400 << invalid
        << u"workflowExecutionId"_s;
    QTest::newRow("id trailing") << steps << QByteArray(R"({"workflowExecutionId":"{id}0"})") << 400
                                 << invalid << u"workflowExecutionId"_s;
    QTest::newRow("no arn") << executions << QByteArray("{}") << 400 << invalid
                            << u"imageBuildVersionArn"_s;
    QTest::newRow("arn of a recipe")
        << executions
        << QByteArray(
               R"({"imageBuildVersionArn":"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/web/1.0.0"})")
        << 400 << invalid << u"imageBuildVersionArn"_s;
    QTest::newRow("arn without build")
        << executions << QByteArray(R"({"imageBuildVersionArn":"{arnNoBuild}"})") << 400 << invalid
        << u"imageBuildVersionArn"_s;
    QTest::newRow("max 0") << steps
                           << QByteArray(R"({"workflowExecutionId":"{id}","maxResults":0})") << 400
                           << invalid << u"maxResults"_s;
    QTest::newRow("max 26") << executions
                            << QByteArray(R"({"imageBuildVersionArn":"{arn}","maxResults":26})")
                            << 400 << invalid << u"maxResults"_s;
    QTest::newRow("max fraction") << steps
                                  << QByteArray(
                                         R"({"workflowExecutionId":"{id}","maxResults":2.5})")
                                  << 400 << invalid << u"maxResults"_s;
    QTest::newRow("max string") << steps
                                << QByteArray(R"({"workflowExecutionId":"{id}","maxResults":"5"})")
                                << 400 << invalid << u"maxResults"_s;
    QTest::newRow("token empty") << steps
                                 << QByteArray(R"({"workflowExecutionId":"{id}","nextToken":""})")
                                 << 400 << invalid << u"nextToken"_s;
    QTest::newRow("token too long")
        << steps << QByteArray(R"({"workflowExecutionId":"{id}","nextToken":"{long}"})") << 400
        << invalid << u"nextToken"_s;
    QTest::newRow("token number") << executions
                                  << QByteArray(R"({"imageBuildVersionArn":"{arn}","nextToken":5})")
                                  << 400 << invalid << u"nextToken"_s;
    QTest::newRow("two problems") << steps << QByteArray(R"({"maxResults":99})") << 400 << invalid
                                  << u"2 validation errors"_s;
    QTest::newRow("unknown execution")
        << steps
        << QByteArray(R"({"workflowExecutionId":"wf-00000000-0000-4000-8000-000000000000"})") << 404
        << QByteArray("ResourceNotFoundException") << u"wf-00000000"_s;
    QTest::newRow("execution in capitals")
        << steps << QByteArray(R"({"workflowExecutionId":"{ID}"})") << 404
        << QByteArray("ResourceNotFoundException") << QString();
    QTest::newRow("unknown build version")
        << executions
        << QByteArray(
               R"({"imageBuildVersionArn":"arn:aws:imagebuilder:us-east-1:123456789012:image/web-server/9.9.9/1"})")
        << 404 << QByteArray("ResourceNotFoundException") << u"9.9.9"_s;
    QTest::newRow("another account")
        << executions << QByteArray(R"({"imageBuildVersionArn":"{arnOtherAccount}"})") << 404
        << QByteArray("ResourceNotFoundException") << QString();
    QTest::newRow("fine") << steps
                          << QByteArray(
                                 R"({"workflowExecutionId":"{id}","maxResults":25,"extra":1})")
                          << 200 << QByteArray() << QString();
}

void TestImageBuilderSim::validation()
{
    QFETCH(QByteArray, operation);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QFETCH(QString, member);
    Simulator sim(SimOptions {8, 1.0, 10});
    const QString arn = arnsOf(sim).first();
    const QString id = executionsOf(sim, arn).first()[u"workflowExecutionId"_s].toString();
    QString arnOtherAccount = arn;
    arnOtherAccount.replace(u"123456789012"_s, u"210987654321"_s);
    const QByteArray filled = QString::fromUtf8(body)
                                  .replace(u"{arnNoBuild}"_s, arn.left(arn.lastIndexOf(u'/')))
                                  .replace(u"{arnOtherAccount}"_s, arnOtherAccount)
                                  .replace(u"{arn}"_s, arn)
                                  .replace(u"{uuid}"_s, id.mid(3))
                                  .replace(u"{ID}"_s, u"wf-"_s + id.mid(3).toUpper())
                                  .replace(u"{id}"_s, id)
                                  .replace(u"{long}"_s, QString(65536, u't'))
                                  .toUtf8();
    const SimResponse r = send(sim, '/' + operation, filled);
    QCOMPARE(r.status, status);
    if (status == 200)
        return;
    QCOMPARE(errorTypeOf(r), code);
    const QString message = jsonOf(r)[u"message"_s].toString();
    QVERIFY2(message.contains(member), qPrintable(message));
}

void TestImageBuilderSim::stepsRunInOrderAndRollBack()
{
    Simulator sim(SimOptions {9, 1.0, 100});
    const QStringList arns = arnsOf(sim);
    const QHash<QString, QSet<QString>> next = {{u"PENDING"_s, {u"RUNNING"_s, u"SKIPPED"_s}},
        {u"RUNNING"_s, {u"COMPLETED"_s, u"FAILED"_s, u"ROLLBACK_IN_PROGRESS"_s, u"CANCELLED"_s}},
        {u"ROLLBACK_IN_PROGRESS"_s, {u"ROLLBACK_COMPLETED"_s}}};
    QHash<QString, QString> last;
    QHash<QString, QStringList> history;
    bool rollbackStepRunning = false;
    for (int round = 0; round < 4 * 240; ++round) { // four simulated hours in 15 s steps
        for (const QString &arn : arns) {
            for (const QJsonValue &e : executionsOf(sim, arn)) {
                const QString id = e[u"workflowExecutionId"_s].toString();
                const QString status = e[u"status"_s].toString();
                const QString before = last.value(id, status);
                if (before != status) {
                    QVERIFY2(next.value(before).contains(status),
                        qPrintable(before + u" -> "_s + status));
                    history[id].append(status);
                }
                last[id] = status;
                const bool active = status == u"RUNNING" || status == u"ROLLBACK_IN_PROGRESS";
                if (!active && round % 40 != 0)
                    continue;
                const QJsonArray steps = stepsOf(sim, id);
                const QString shape = shapeOf(steps);
                static const QRegularExpression order(u"^(C*(R?P*|[FX]S*)|S+)$"_s);
                QVERIFY2(order.match(shape).hasMatch(), qPrintable(shape));
                QCOMPARE(shape.count(u'C'), e[u"totalStepsSucceeded"_s].toInt());
                QCOMPARE(shape.count(u'F'), e[u"totalStepsFailed"_s].toInt());
                QCOMPARE(shape.count(u'S'), e[u"totalStepsSkipped"_s].toInt());
                QString rollback; // '-' none, 'R' running, 'C' completed
                QString previousEnd;
                for (const QJsonValue &s : steps) {
                    const QString r = s[u"rollbackStatus"_s].toString();
                    rollback += r.isEmpty() ? u'-' : r.at(0);
                    if (s[u"startTime"_s].isString()) {
                        QVERIFY(previousEnd <= s[u"startTime"_s].toString());
                        previousEnd = s[u"endTime"_s].toString(s[u"startTime"_s].toString());
                    }
                }
                // Completed steps roll back one at a time, last first.
                static const QRegularExpression reverse(u"^-*R?C*-*$"_s);
                QVERIFY2(reverse.match(rollback).hasMatch(), qPrintable(rollback));
                if (status == u"ROLLBACK_IN_PROGRESS")
                    QVERIFY(shape.contains(u'F'));
                if (status == u"ROLLBACK_COMPLETED") {
                    QCOMPARE(rollback.count(u'C'), shape.count(u'C'));
                    QVERIFY(shape.count(u'C') > 0);
                }
                rollbackStepRunning = rollbackStepRunning || rollback.contains(u'R');
            }
        }
        sim.clock().advance(15000);
    }
    for (const QString &status : std::as_const(last))
        QVERIFY2(finished.contains(status), qPrintable(status));
    QVERIFY(rollbackStepRunning);
    const QStringList rolledBack = {u"ROLLBACK_IN_PROGRESS"_s, u"ROLLBACK_COMPLETED"_s};
    bool watchedRollback = false;
    for (const QStringList &h : std::as_const(history))
        watchedRollback = watchedRollback || h.join(u',').endsWith(rolledBack.join(u','));
    QVERIFY(watchedRollback);
}

void TestImageBuilderSim::allStatusesAcrossSeeds()
{
    QSet<QString> seen;
    for (quint64 seed = 1; seed <= 5; ++seed) {
        Simulator sim(SimOptions {seed, 1.0, 60});
        const QStringList arns = arnsOf(sim);
        for (int minute = 0; minute < 180; ++minute) {
            for (const QString &arn : arns) {
                for (const QJsonValue &e : executionsOf(sim, arn))
                    seen.insert(e[u"status"_s].toString());
            }
            sim.clock().advance(60000);
        }
    }
    QCOMPARE(seen, executionStatuses);
}

void TestImageBuilderSim::scale()
{
    QElapsedTimer timer;
    timer.start();
    Simulator sim(SimOptions {10, 1.0, 50000});
    const qint64 built = timer.restart();
    const QStringList arns = arnsOf(sim);
    const qint64 inventory = timer.restart();
    int executions = 0;
    QStringList ids;
    for (int i = 0; i < arns.size(); i += 4) {
        for (const QJsonValue &e : executionsOf(sim, arns[i], 2)) {
            ++executions;
            ids.append(e[u"workflowExecutionId"_s].toString());
        }
    }
    const qint64 listed = timer.restart();
    QVERIFY(executions > 50000 / 4 * 9 / 10 && executions < 50000 / 4 * 11 / 10);
    int steps = 0;
    for (const QString &id : std::as_const(ids))
        steps += int(stepsOf(sim, id).size());
    QVERIFY(steps > executions * 3);
    qInfo("50,000 executions: built in %lld ms, %lld image build versions, inventory in %lld ms; "
          "%d executions listed in %lld ms; %d steps of them in %lld ms; RSS %lld kB",
        built, qint64(arns.size()), inventory, executions, listed, steps, timer.elapsed(),
        residentKb());
}

QTEST_GUILESS_MAIN(TestImageBuilderSim)
#include "tst_imagebuildersim.moc"
