// The simulated EC2 Image Builder service, driven through Simulator::handle: error forms, the two
// List* operations' shapes and member types as the model gives them, routes, determinism.

#include "imagebuildersimtestsupport.h"

#include "sim/imagebuildersim.h"
#include "sim/simclock.h"
#include "sim/simulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <tuple>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using namespace sw::test::imagebuilder;
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
const QSet<QString> stepStatuses = {
    u"PENDING"_s, u"SKIPPED"_s, u"RUNNING"_s, u"COMPLETED"_s, u"FAILED"_s, u"CANCELLED"_s};
const QSet<QString> rollbackStatuses = {u"RUNNING"_s, u"COMPLETED"_s, u"SKIPPED"_s, u"FAILED"_s};

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

} // namespace

class TestImageBuilderSim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inventoryAndErrorForms();
    void executionsShape();
    void stepsShape();
    void routesAndBodyOnlyInputs();
    void determinism();
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

QTEST_GUILESS_MAIN(TestImageBuilderSim)
#include "tst_imagebuildersim.moc"
