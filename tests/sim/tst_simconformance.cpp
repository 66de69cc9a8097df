// The simulator's responses held to the service models themselves (shared/aws-models): every
// member name and JSON type, required members, enum values, timestamp formats; and its errors
// to the models' error shapes (status code and message member).

#include "modelshapechecker.h"
#include "simtestsupport.h"
#include "support/shareddir.h"

#include "sim/simulator.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using namespace sw::test;

namespace {

QJsonObject loadModel(const QString &service)
{
    QFile f(sharedDir() + u"/aws-models/"_s + service + u"/service-2.json"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QByteArray enc(const QString &s)
{
    return QUrl::toPercentEncoding(s);
}

const QString mhoSigning = u"migrationhub-orchestrator"_s;

} // namespace

class TestSimConformance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void responsesMatchModels();
    void errorsMatchModels();

private:
    // One response checked against the operation's output shape; problems are collected.
    void expectConforming(const QString &service, const QString &operation, const SimResponse &r);
    QJsonObject call(const QString &service, const QString &operation, const SimRequest &request);

    std::unique_ptr<Simulator> m_sim;
    QHash<QString, std::shared_ptr<ModelShapeChecker>> m_checkers;
    QStringList m_problems;
    QHash<QString, int> m_checked; // service.operation → responses checked
};

void TestSimConformance::initTestCase()
{
    SW_REQUIRE_SHARED_DIR();
    for (const QString &s : {u"migrationhuborchestrator"_s, u"customer-profiles"_s,
             u"imagebuilder"_s, u"codecatalyst"_s}) {
        const QJsonObject model = loadModel(s);
        QVERIFY2(!model.isEmpty(), qPrintable(s));
        m_checkers.insert(s, std::make_shared<ModelShapeChecker>(model));
    }
    SimOptions options;
    options.seed = 5;
    options.speed = 1;
    options.workflowsPerService = 40;
    m_sim = std::make_unique<Simulator>(options);
}

void TestSimConformance::expectConforming(
    const QString &service, const QString &operation, const SimResponse &r)
{
    const QString where = service + u' ' + operation;
    if (r.status != 200) {
        m_problems.append(where + u": HTTP "_s + QString::number(r.status) + u' '
            + QString::fromUtf8(r.body.left(300)));
        return;
    }
    ModelShapeChecker &checker = *m_checkers.value(service);
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    if (!doc.isObject()) {
        m_problems.append(where + u": body is not a JSON object"_s);
        return;
    }
    for (const QString &p : checker.check(doc.object(), checker.outputShape(operation)))
        m_problems.append(where + u": "_s + p);
    m_checked[service + u'.' + operation] += 1;
}

QJsonObject TestSimConformance::call(
    const QString &service, const QString &operation, const SimRequest &request)
{
    const SimResponse r = m_sim->handle(request);
    expectConforming(service, operation, r);
    return jsonOf(r);
}

void TestSimConformance::responsesMatchModels()
{
    SW_REQUIRE_SHARED_DIR();
    const QJsonObject inventory = m_sim->inventory();
    // Several rounds with simulated time moving on, so that running, failed, rolled-back and
    // finished states all pass through the checks.
    for (int round = 0; round < 6; ++round) {
        // Migration Hub Orchestrator
        const QString mho = u"migrationhuborchestrator"_s;
        const QJsonObject workflows =
            call(mho, u"ListWorkflows"_s, simRequest("GET", "/migrationworkflows", mhoSigning));
        for (const QJsonValue &w : workflows.value(u"migrationWorkflowSummary"_s).toArray()) {
            const QByteArray id = enc(w[u"id"_s].toString());
            call(mho, u"GetWorkflow"_s, simRequest("GET", "/migrationworkflow/" + id, mhoSigning));
            const QJsonObject groups = call(mho, u"ListWorkflowStepGroups"_s,
                simRequest("GET", "/workflowstepgroups?workflowId=" + id, mhoSigning));
            for (const QJsonValue &g : groups.value(u"workflowStepGroupsSummary"_s).toArray()) {
                const QByteArray gid = enc(g[u"id"_s].toString());
                const QJsonObject steps = call(mho, u"ListWorkflowSteps"_s,
                    simRequest("GET",
                        "/workflow/" + id + "/workflowstepgroups/" + gid + "/workflowsteps",
                        mhoSigning));
                for (const QJsonValue &s : steps.value(u"workflowStepsSummary"_s).toArray()) {
                    if (s[u"status"_s].toString() != u"FAILED")
                        continue;
                    call(mho, u"RetryWorkflowStep"_s,
                        simRequest("POST",
                            "/retryworkflowstep/" + enc(s[u"stepId"_s].toString())
                                + "?workflowId=" + id + "&stepGroupId=" + gid,
                            mhoSigning));
                }
            }
        }

        // Customer Profiles
        const QString cp = u"customer-profiles"_s;
        for (const QJsonValue &d : inventory.value(cp)[u"domains"_s].toArray()) {
            const QByteArray domain = enc(d.toString());
            const QJsonObject list = call(cp, u"ListWorkflows"_s,
                simRequest("POST", "/domains/" + domain + "/workflows", u"profile"_s, "{}"));
            for (const QJsonValue &w : list.value(u"Items"_s).toArray()) {
                const QByteArray id = enc(w[u"WorkflowId"_s].toString());
                call(cp, u"GetWorkflow"_s,
                    simRequest("GET", "/domains/" + domain + "/workflows/" + id, u"profile"_s));
                call(cp, u"GetWorkflowSteps"_s,
                    simRequest(
                        "GET", "/domains/" + domain + "/workflows/" + id + "/steps", u"profile"_s));
            }
        }

        // Image Builder
        const QString ib = u"imagebuilder"_s;
        for (const QJsonValue &arn : inventory.value(ib)[u"imageBuildVersionArns"_s].toArray()) {
            const QByteArray body = QJsonDocument(
                QJsonObject {{u"imageBuildVersionArn"_s,
                    arn}}).toJson(QJsonDocument::Compact);
            const QJsonObject executions = call(ib, u"ListWorkflowExecutions"_s,
                simRequest("POST", "/ListWorkflowExecutions", ib, body));
            for (const QJsonValue &e : executions.value(u"workflowExecutions"_s).toArray()) {
                const QByteArray stepsBody = QJsonDocument(
                    QJsonObject {{u"workflowExecutionId"_s, e[u"workflowExecutionId"_s]}})
                                                 .toJson(QJsonDocument::Compact);
                call(ib, u"ListWorkflowStepExecutions"_s,
                    simRequest("POST", "/ListWorkflowStepExecutions", ib, stepsBody));
            }
        }

        // CodeCatalyst
        const QString cc = u"codecatalyst"_s;
        for (const QJsonValue &space : inventory.value(cc)[u"spaces"_s].toArray()) {
            const QByteArray s = enc(space[u"name"_s].toString());
            for (const QJsonValue &project : space[u"projects"_s].toArray()) {
                const QByteArray base = "/v1/spaces/" + s + "/projects/" + enc(project.toString());
                const QJsonObject flows =
                    call(cc, u"ListWorkflows"_s, simRequest("POST", base + "/workflows", {}, "{}"));
                for (const QJsonValue &f : flows.value(u"items"_s).toArray()) {
                    if (f[u"status"_s].toString() != u"ACTIVE")
                        continue;
                    const QByteArray wid = enc(f[u"id"_s].toString());
                    if (round == 0) {
                        call(cc, u"StartWorkflowRun"_s,
                            simRequest("PUT", base + "/workflowRuns?workflowId=" + wid, {},
                                R"({"clientToken":"conformance-)" + wid + "\"}"));
                    }
                    const QJsonObject runs = call(cc, u"ListWorkflowRuns"_s,
                        simRequest("POST", base + "/workflowRuns?workflowId=" + wid, {}, "{}"));
                    for (const QJsonValue &run : runs.value(u"items"_s).toArray()) {
                        call(cc, u"GetWorkflowRun"_s,
                            simRequest(
                                "GET", base + "/workflowRuns/" + enc(run[u"id"_s].toString()), {}));
                    }
                }
            }
        }
        m_sim->clock().advance(20 * 60 * 1000);
    }

    QVERIFY2(m_problems.isEmpty(),
        qPrintable(QStringList(m_problems.mid(0, 40)).join(u'\n')
            + u"\n(%1 problems)"_s.arg(m_problems.size())));
    // Every operation of every service was exercised.
    for (const QString &op :
        {u"migrationhuborchestrator.ListWorkflows"_s, u"migrationhuborchestrator.GetWorkflow"_s,
            u"migrationhuborchestrator.ListWorkflowStepGroups"_s,
            u"migrationhuborchestrator.ListWorkflowSteps"_s,
            u"migrationhuborchestrator.RetryWorkflowStep"_s, u"customer-profiles.ListWorkflows"_s,
            u"customer-profiles.GetWorkflow"_s, u"customer-profiles.GetWorkflowSteps"_s,
            u"imagebuilder.ListWorkflowExecutions"_s, u"imagebuilder.ListWorkflowStepExecutions"_s,
            u"codecatalyst.ListWorkflows"_s, u"codecatalyst.StartWorkflowRun"_s,
            u"codecatalyst.ListWorkflowRuns"_s, u"codecatalyst.GetWorkflowRun"_s})
        QVERIFY2(m_checked.value(op) > 0, qPrintable(op + u" was never checked"_s));

    // Enum values seen, as a coverage report: which documented values the data exercises.
    for (auto it = m_checkers.constBegin(); it != m_checkers.constEnd(); ++it) {
        const auto &seen = it.value()->seenEnumValues();
        for (auto e = seen.constBegin(); e != seen.constEnd(); ++e) {
            const QJsonArray all = it.value()->shape(e.key()).value(u"enum"_s).toArray();
            qInfo("%s %s: %lld of %lld values seen", qPrintable(it.key()), qPrintable(e.key()),
                qint64(e.value().size()), qint64(all.size()));
        }
    }
}

void TestSimConformance::errorsMatchModels()
{
    SW_REQUIRE_SHARED_DIR();
    struct Case {
        QString service;
        SimRequest request;
        QString expectedCode;
    };
    const QJsonObject inventory = m_sim->inventory();
    const QByteArray domain =
        enc(inventory.value(u"customer-profiles"_s)[u"domains"_s][0].toString());
    const QJsonObject space = inventory.value(u"codecatalyst"_s)[u"spaces"_s][0].toObject();
    const QByteArray ccBase = "/v1/spaces/" + enc(space[u"name"_s].toString()) + "/projects/"
        + enc(space[u"projects"_s][0].toString());
    const QList<Case> cases = {
        {u"migrationhuborchestrator"_s,
            simRequest("GET", "/migrationworkflow/no-such-workflow", mhoSigning),
            u"ResourceNotFoundException"_s},
        {u"migrationhuborchestrator"_s,
            simRequest("GET", "/migrationworkflows?maxResults=101", mhoSigning),
            u"ValidationException"_s},
        {u"customer-profiles"_s,
            simRequest(
                "GET", "/domains/" + domain + "/workflows/" + QByteArray(32, 'f'), u"profile"_s),
            u"ResourceNotFoundException"_s},
        {u"customer-profiles"_s,
            simRequest("GET",
                "/domains/" + domain + "/workflows/" + QByteArray(32, 'f') + "/steps?max-results=0",
                u"profile"_s),
            u"BadRequestException"_s},
        {u"imagebuilder"_s,
            simRequest("POST", "/ListWorkflowStepExecutions", u"imagebuilder"_s,
                R"({"workflowExecutionId":"not-a-wf-id"})"),
            u"InvalidRequestException"_s},
        {u"imagebuilder"_s,
            simRequest("POST", "/ListWorkflowExecutions", u"imagebuilder"_s,
                R"({"imageBuildVersionArn":")"
                    + inventory.value(u"imagebuilder"_s)[u"imageBuildVersionArns"_s][0]
                          .toString()
                          .toUtf8()
                    + R"(","nextToken":"forged"})"),
            u"InvalidPaginationTokenException"_s},
        {u"codecatalyst"_s,
            simRequest("GET", ccBase + "/workflowRuns/00000000-0000-0000-0000-000000000000", {}),
            u"ResourceNotFoundException"_s},
        {u"codecatalyst"_s, simRequest("POST", ccBase + "/workflowRuns?maxResults=51", {}, "{}"),
            u"ValidationException"_s},
    };
    for (const Case &c : cases) {
        const SimResponse r = m_sim->handle(c.request);
        const QString where = c.service + u' ' + QString::fromUtf8(c.request.rawPath);
        QCOMPARE(QString::fromUtf8(errorTypeOf(r)).section(u':', 0, 0), c.expectedCode);
        // The status and message member are the error shape's, as the model defines it.
        const QJsonObject errorShape = m_checkers.value(c.service)->shape(c.expectedCode);
        QVERIFY2(!errorShape.isEmpty(), qPrintable(where));
        QCOMPARE(r.status, errorShape[u"error"_s][u"httpStatusCode"_s].toInt());
        const QJsonObject body = jsonOf(r);
        const QStringList members = errorShape[u"members"_s].toObject().keys();
        QVERIFY2(
            members.contains(u"message"_s) || members.contains(u"Message"_s), qPrintable(where));
        const QString key = members.contains(u"Message"_s) ? u"Message"_s : u"message"_s;
        QVERIFY2(body.value(key).isString() && !body.value(key).toString().isEmpty(),
            qPrintable(where + u": no "_s + key + u" in "_s + QString::fromUtf8(r.body)));
    }
}

QTEST_GUILESS_MAIN(TestSimConformance)
#include "tst_simconformance.moc"
