// The simulated Customer Profiles service, driven through Simulator::handle as a client would
// call it: error forms, response shapes and member types as the model gives them, determinism.

#include "customerprofilessimtestsupport.h"

#include "sim/customerprofilessim.h"
#include "sim/simclock.h"
#include "sim/simulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using namespace sw::test::customerprofiles;
using sw::test::errorTypeOf;
using sw::test::jsonOf;

namespace {

bool isEpochSeconds(const QJsonValue &v)
{
    // Epoch seconds of this decade, as a number (not an ISO string).
    return v.isDouble() && v.toDouble() > 1.5e9 && v.toDouble() < 4.1e9;
}

bool isWholeNumber(const QJsonValue &v)
{
    return v.isDouble() && v.toDouble() >= 0 && v.toDouble() == double(qint64(v.toDouble()));
}

QSet<QString> keysOf(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

// Two simulators built within the same second (their worlds are anchored on whole seconds).
std::pair<std::unique_ptr<Simulator>, std::unique_ptr<Simulator>> twins(const SimOptions &o)
{
    for (;;) {
        const qint64 before = QDateTime::currentMSecsSinceEpoch() / 1000;
        auto a = std::make_unique<Simulator>(o);
        auto b = std::make_unique<Simulator>(o);
        if (QDateTime::currentMSecsSinceEpoch() / 1000 == before)
            return {std::move(a), std::move(b)};
    }
}

} // namespace

class TestCustomerProfilesSim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inventoryAndErrorForms();
    void getWorkflowShape();
    void getWorkflowStepsShape();
    void listWorkflowsShape();
    void routesDoNotOverlap();
    void determinism();
};

void TestCustomerProfilesSim::inventoryAndErrorForms()
{
    Simulator sim(SimOptions {3, 1.0, 10});
    const QStringList domains = domainsOf(sim);
    QVERIFY2(domains.size() >= 2 && domains.size() <= 3, qPrintable(domains.join(u',')));
    const QRegularExpression pattern(u"^[a-zA-Z0-9_-]{1,64}$"_s);
    for (const QString &d : domains)
        QVERIFY2(pattern.match(d).hasMatch(), qPrintable(d));

    SimClock clock;
    CustomerProfilesSim service(SimOptions {3, 1.0, 10}, clock);
    QCOMPARE(service.signingName(), u"profile"_s);
    QCOMPARE(service.errorMessageKey(), u"Message"_s);
    const struct {
        SimResponse response;
        int status;
        QByteArray code;
    } cases[] = {{service.throttlingError(), 429, "ThrottlingException"},
        {service.internalError(), 500, "InternalServerException"},
        {service.unavailableError(), 503, "ServiceUnavailable"},
        {service.accessDenied(u"no"_s), 403, "AccessDeniedException"}};
    for (const auto &c : cases) {
        QCOMPARE(c.response.status, c.status);
        QCOMPARE(errorTypeOf(c.response), c.code);
        QVERIFY(jsonOf(c.response).value(u"Message"_s).isString());
        QVERIFY(!jsonOf(c.response).contains(u"message"_s));
    }

    // Fault injection reaches the service's own throttling error.
    QVERIFY(!sim.setFaults(u"GetWorkflow:throttle=1#1"_s));
    const SimResponse throttled =
        call(sim, "GET", workflowPath(domains.first(), QString(32, u'a')));
    QCOMPARE(throttled.status, 429);
    QCOMPARE(errorTypeOf(throttled), QByteArray("ThrottlingException"));
}

void TestCustomerProfilesSim::getWorkflowShape()
{
    Simulator sim(SimOptions {5, 1.0, 30});
    const QSet<QString> allowed = {u"WorkflowId"_s, u"WorkflowType"_s, u"Status"_s,
        u"ErrorDescription"_s, u"StartDate"_s, u"LastUpdatedAt"_s, u"Attributes"_s, u"Metrics"_s};
    const QStringList connectors = {
        u"Salesforce"_s, u"Marketo"_s, u"Zendesk"_s, u"Servicenow"_s, u"S3"_s};
    const QRegularExpression profilePattern(u"^[\\w/!@#+=.-]{1,256}$"_s);
    const double now = double(sim.clock().nowMs()) / 1000;
    int failed = 0;
    const auto workflows = everyWorkflow(sim);
    QCOMPARE(workflows.size(), 30);
    for (const auto &[domain, id] : workflows) {
        const SimResponse r = call(sim, "GET", workflowPath(domain, id));
        QCOMPARE(r.status, 200);
        const QJsonObject o = jsonOf(r);
        QVERIFY2(allowed.contains(keysOf(o)), r.body.constData());
        QCOMPARE(o[u"WorkflowId"_s].toString(), id);
        QCOMPARE(o[u"WorkflowType"_s].toString(), u"APPFLOW_INTEGRATION"_s);
        const QString status = o[u"Status"_s].toString();
        QVERIFY2(allStatuses.contains(status), qPrintable(status));
        QCOMPARE(o.contains(u"ErrorDescription"_s), status == u"FAILED");
        if (status == u"FAILED") {
            ++failed;
            const QString error = o[u"ErrorDescription"_s].toString();
            QVERIFY(!error.isEmpty() && error.size() <= 255);
        }
        QVERIFY(isEpochSeconds(o[u"StartDate"_s]));
        QVERIFY(isEpochSeconds(o[u"LastUpdatedAt"_s]));
        QVERIFY(o[u"StartDate"_s].toDouble() <= o[u"LastUpdatedAt"_s].toDouble());
        QVERIFY(o[u"LastUpdatedAt"_s].toDouble() <= now + 5);

        const QJsonObject attributes = o[u"Attributes"_s][u"AppflowIntegration"_s].toObject();
        QCOMPARE(keysOf(attributes),
            (QSet<QString> {u"SourceConnectorType"_s, u"ConnectorProfileName"_s, u"RoleArn"_s}));
        QVERIFY(connectors.contains(attributes[u"SourceConnectorType"_s].toString()));
        QVERIFY(profilePattern.match(attributes[u"ConnectorProfileName"_s].toString()).hasMatch());
        QVERIFY(attributes[u"RoleArn"_s].toString().startsWith(u"arn:aws:iam::"));

        const QJsonObject metrics = o[u"Metrics"_s][u"AppflowIntegration"_s].toObject();
        QCOMPARE(keysOf(metrics),
            (QSet<QString> {u"RecordsProcessed"_s, u"StepsCompleted"_s, u"TotalSteps"_s}));
        for (const QJsonValue &v : metrics)
            QVERIFY(isWholeNumber(v));
        QVERIFY(metrics[u"StepsCompleted"_s].toInt() <= metrics[u"TotalSteps"_s].toInt());
        if (status == u"COMPLETE")
            QCOMPARE(metrics[u"StepsCompleted"_s].toInt(), metrics[u"TotalSteps"_s].toInt());
        if (status == u"NOT_STARTED" || status == u"SPLIT")
            QCOMPARE(metrics[u"RecordsProcessed"_s].toInt(), 0);
    }
    QVERIFY(failed > 0);
}

void TestCustomerProfilesSim::getWorkflowStepsShape()
{
    Simulator sim(SimOptions {6, 1.0, 20});
    const QSet<QString> stepMembers = {u"FlowName"_s, u"Status"_s, u"ExecutionMessage"_s,
        u"RecordsProcessed"_s, u"BatchRecordsStartTime"_s, u"BatchRecordsEndTime"_s, u"CreatedAt"_s,
        u"LastUpdatedAt"_s};
    const QRegularExpression flowPattern(u"^[a-zA-Z0-9][\\w!@#.-]+$"_s);
    int steps = 0;
    for (const auto &[domain, id] : everyWorkflow(sim)) {
        const QJsonObject wf = jsonOf(call(sim, "GET", workflowPath(domain, id)));
        const SimResponse r = call(sim, "GET", workflowPath(domain, id) + u"/steps"_s);
        QCOMPARE(r.status, 200);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(keysOf(o), (QSet<QString> {u"WorkflowId"_s, u"WorkflowType"_s, u"Items"_s}));
        QCOMPARE(o[u"WorkflowId"_s].toString(), id);
        QCOMPARE(o[u"WorkflowType"_s].toString(), u"APPFLOW_INTEGRATION"_s);
        const QJsonArray items = o[u"Items"_s].toArray();
        const QJsonObject metrics = wf[u"Metrics"_s][u"AppflowIntegration"_s].toObject();
        QCOMPARE(items.size(), metrics[u"TotalSteps"_s].toInt());
        double records = 0;
        int complete = 0;
        for (const QJsonValue &item : items) {
            QCOMPARE(keysOf(item.toObject()), QSet<QString> {u"AppflowIntegration"_s});
            const QJsonObject s = item[u"AppflowIntegration"_s].toObject();
            QCOMPARE(keysOf(s), stepMembers);
            QVERIFY(flowPattern.match(s[u"FlowName"_s].toString()).hasMatch());
            QVERIFY(allStatuses.contains(s[u"Status"_s].toString()));
            QVERIFY(s[u"Status"_s].toString() != u"SPLIT");
            const QString message = s[u"ExecutionMessage"_s].toString();
            QVERIFY(!message.isEmpty() && message.size() <= 255);
            QVERIFY(isWholeNumber(s[u"RecordsProcessed"_s]));
            records += s[u"RecordsProcessed"_s].toDouble();
            complete += s[u"Status"_s].toString() == u"COMPLETE" ? 1 : 0;
            const QString from = s[u"BatchRecordsStartTime"_s].toString();
            const QString to = s[u"BatchRecordsEndTime"_s].toString();
            QVERIFY2(QDateTime::fromString(from, Qt::ISODate).isValid(), qPrintable(from));
            QVERIFY(
                QDateTime::fromString(from, Qt::ISODate) < QDateTime::fromString(to, Qt::ISODate));
            QVERIFY(isEpochSeconds(s[u"CreatedAt"_s]));
            QVERIFY(s[u"CreatedAt"_s].toDouble() <= s[u"LastUpdatedAt"_s].toDouble());
            ++steps;
        }
        QCOMPARE(records, metrics[u"RecordsProcessed"_s].toDouble());
        QCOMPARE(complete, metrics[u"StepsCompleted"_s].toInt());
    }
    QVERIFY(steps > 20);
}

void TestCustomerProfilesSim::listWorkflowsShape()
{
    Simulator sim(SimOptions {7, 1.0, 25});
    const QSet<QString> members = {u"WorkflowType"_s, u"WorkflowId"_s, u"Status"_s,
        u"StatusDescription"_s, u"CreatedAt"_s, u"LastUpdatedAt"_s};
    QSet<QString> ids;
    for (const QString &domain : domainsOf(sim)) {
        const SimResponse r = call(sim, "POST", u"/domains/%1/workflows"_s.arg(domain), "{}");
        QCOMPARE(r.status, 200);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(keysOf(o), QSet<QString> {u"Items"_s}); // no NextToken: all fit
        double previous = 1e12;
        for (const QJsonValue &v : o[u"Items"_s].toArray()) {
            const QJsonObject item = v.toObject();
            QCOMPARE(keysOf(item), members);
            const QString id = item[u"WorkflowId"_s].toString();
            QVERIFY(!ids.contains(id));
            ids.insert(id);
            QVERIFY(allStatuses.contains(item[u"Status"_s].toString()));
            const QString description = item[u"StatusDescription"_s].toString();
            QVERIFY(!description.isEmpty() && description.size() <= 255);
            QVERIFY(isEpochSeconds(item[u"CreatedAt"_s]));
            QVERIFY(item[u"CreatedAt"_s].toDouble() <= item[u"LastUpdatedAt"_s].toDouble());
            QVERIFY(item[u"CreatedAt"_s].toDouble() <= previous); // newest first
            previous = item[u"CreatedAt"_s].toDouble();
            // The list and GetWorkflow agree.
            const QJsonObject wf = jsonOf(call(sim, "GET", workflowPath(domain, id)));
            QCOMPARE(wf[u"Status"_s], item[u"Status"_s]);
            QCOMPARE(wf[u"StartDate"_s], item[u"CreatedAt"_s]);
        }
    }
    QCOMPARE(ids.size(), 25);
}

void TestCustomerProfilesSim::routesDoNotOverlap()
{
    Simulator sim(SimOptions {1, 1.0, 10});
    const auto [domain, id] = everyWorkflow(sim).first();
    const QJsonObject workflow = jsonOf(call(sim, "GET", workflowPath(domain, id)));
    const QJsonObject steps = jsonOf(call(sim, "GET", workflowPath(domain, id) + u"/steps"_s));
    const QJsonObject list = jsonOf(call(sim, "POST", u"/domains/%1/workflows"_s.arg(domain)));
    QVERIFY(workflow.contains(u"Metrics"_s) && !workflow.contains(u"Items"_s));
    QVERIFY(steps.contains(u"Items"_s) && steps.contains(u"WorkflowId"_s));
    QVERIFY(list.contains(u"Items"_s) && !list.contains(u"WorkflowId"_s));

    // Neither Customer Profiles nor anyone else answers these.
    const QList<QPair<QByteArray, QString>> others = {{"GET", u"/domains/%1/workflows"_s},
        {"POST", u"/domains/%1/workflows/"_s + id}, {"PUT", u"/domains/%1/workflows/"_s + id},
        {"GET", u"/domains/%1/workflows/"_s + id + u"/steps/x"_s},
        {"GET", u"/domains/%1/workflows/"_s + id + u"/stages"_s},
        {"GET", u"/domains/%1/flows/"_s + id}};
    for (const auto &[method, path] : others) {
        const SimResponse r = call(sim, method, path.arg(domain));
        QCOMPARE(r.status, 404);
        QCOMPARE(errorTypeOf(r), QByteArray("UnknownOperationException"));
    }
}

void TestCustomerProfilesSim::determinism()
{
    auto pair = twins(SimOptions {42, 1.0, 15});
    Simulator *a = pair.first.get();
    Simulator *b = pair.second.get();
    QCOMPARE(domainsOf(*a), domainsOf(*b));
    // Each request goes to both at once; a retry covers a status change between the two.
    auto same = [&](const QByteArray &method, const QString &path, const QByteArray &body) {
        for (int attempt = 0; attempt < 3; ++attempt) {
            const SimResponse ra = call(*a, method, path, body);
            const SimResponse rb = call(*b, method, path, body);
            if (ra.body == rb.body && ra.status == 200)
                return true;
        }
        return false;
    };
    int requests = 0;
    for (const QString &domain : domainsOf(*a)) {
        const QString list = u"/domains/%1/workflows?max-results=4"_s.arg(domain);
        QVERIFY(same("POST", list, "{}"));
        for (const QJsonValue &item : listAll(*a, domain, 100)) {
            const QString path = workflowPath(domain, item[u"WorkflowId"_s].toString());
            QVERIFY2(same("GET", path, {}), qPrintable(path));
            QVERIFY2(same("GET", path + u"/steps?max-results=2"_s, {}), qPrintable(path));
            requests += 2;
        }
    }
    QCOMPARE(requests, 30);
    Simulator other(SimOptions {43, 1.0, 15});
    QVERIFY(everyWorkflow(other) != everyWorkflow(*a));
}

QTEST_GUILESS_MAIN(TestCustomerProfilesSim)
#include "tst_customerprofilessim.moc"
