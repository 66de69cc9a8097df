// The simulated Customer Profiles service, driven through Simulator::handle as a client would
// call it: response shapes and member types as the model gives them, validation, pagination,
// determinism, how the AppFlow workflows evolve over simulated time, and scale.

#include "simtestsupport.h"

#include "sim/customerprofilessim.h"
#include "sim/simclock.h"
#include "sim/simulator.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using sw::test::errorTypeOf;
using sw::test::jsonOf;
using sw::test::simRequest;

namespace {

const QStringList allStatuses = {u"NOT_STARTED"_s, u"IN_PROGRESS"_s, u"COMPLETE"_s, u"FAILED"_s,
    u"SPLIT"_s, u"RETRY"_s, u"CANCELLED"_s};
const QSet<QString> terminal = {u"COMPLETE"_s, u"FAILED"_s, u"CANCELLED"_s};

SimResponse call(Simulator &sim, const QByteArray &method, const QString &pathAndQuery,
    const QByteArray &body = {})
{
    return sim.handle(simRequest(method, pathAndQuery.toUtf8(), u"profile"_s, body));
}

QString workflowPath(const QString &domain, const QString &id)
{
    return u"/domains/%1/workflows/%2"_s.arg(domain, id);
}

QStringList domainsOf(const Simulator &sim)
{
    QStringList out;
    const QJsonArray domains =
        sim.inventory().value(u"customer-profiles"_s).toObject().value(u"domains"_s).toArray();
    for (const QJsonValue &d : domains)
        out.append(d.toString());
    return out;
}

// Every ListWorkflows item of a domain, following NextToken to the end.
QJsonArray listAll(Simulator &sim, const QString &domain, int pageSize,
    const QByteArray &body = "{}", int *pages = nullptr)
{
    QJsonArray all;
    QString token;
    int count = 0;
    do {
        QString path = u"/domains/%1/workflows?max-results=%2"_s.arg(domain).arg(pageSize);
        if (!token.isEmpty())
            path += u"&next-token="_s + QString::fromLatin1(QUrl::toPercentEncoding(token));
        const SimResponse r = call(sim, "POST", path, body);
        if (r.status != 200)
            qFatal("ListWorkflows answered %d: %s", r.status, r.body.constData());
        const QJsonObject o = jsonOf(r);
        for (const QJsonValue &item : o.value(u"Items"_s).toArray())
            all.append(item);
        token = o.value(u"NextToken"_s).toString();
        ++count;
    } while (!token.isEmpty());
    if (pages)
        *pages = count;
    return all;
}

// (domain, workflow id) of every workflow the simulator holds.
QList<QPair<QString, QString>> everyWorkflow(Simulator &sim)
{
    QList<QPair<QString, QString>> out;
    for (const QString &domain : domainsOf(sim)) {
        for (const QJsonValue &item : listAll(sim, domain, 100))
            out.append({domain, item[u"WorkflowId"_s].toString()});
    }
    return out;
}

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

QByteArray residentMemory()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return "n/a";
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).simplified();
    }
    return "n/a";
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
    void paginationToTheEnd();
    void forgedTokens();
    void validation_data();
    void validation();
    void listFilters();
    void recordsGrowOverTime();
    void workflowsEvolveInOrder();
    void allStatusesAcrossSeeds();
    void scale();
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

void TestCustomerProfilesSim::paginationToTheEnd()
{
    Simulator sim(SimOptions {8, 1.0, 60});
    for (const QString &domain : domainsOf(sim)) {
        const QJsonArray whole = listAll(sim, domain, 100);
        for (const int size : {1, 3, 7}) {
            int pages = 0;
            const QJsonArray paged = listAll(sim, domain, size, "{}", &pages);
            QCOMPARE(paged.size(), whole.size());
            QCOMPARE(pages, std::max<int>(1, int((whole.size() + size - 1) / size)));
            for (qsizetype i = 0; i < whole.size(); ++i)
                QCOMPARE(paged[i][u"WorkflowId"_s], whole[i][u"WorkflowId"_s]);
        }
    }
    // Steps, one and two at a time, each flow exactly once and in order.
    int checked = 0;
    for (const auto &[domain, id] : everyWorkflow(sim)) {
        const QString base = workflowPath(domain, id) + u"/steps"_s;
        const QJsonArray whole = jsonOf(call(sim, "GET", base))[u"Items"_s].toArray();
        if (whole.size() < 3)
            continue;
        for (const int size : {1, 2}) {
            QStringList flows;
            QString token;
            do {
                QString path = base + u"?max-results="_s + QString::number(size);
                if (!token.isEmpty())
                    path += u"&next-token="_s + QString::fromLatin1(QUrl::toPercentEncoding(token));
                const QJsonObject page = jsonOf(call(sim, "GET", path));
                QVERIFY(page[u"Items"_s].toArray().size() <= size);
                for (const QJsonValue &item : page[u"Items"_s].toArray())
                    flows.append(item[u"AppflowIntegration"_s][u"FlowName"_s].toString());
                token = page[u"NextToken"_s].toString();
            } while (!token.isEmpty());
            QCOMPARE(flows.size(), whole.size());
            for (qsizetype i = 0; i < whole.size(); ++i)
                QCOMPARE(flows[i], whole[i][u"AppflowIntegration"_s][u"FlowName"_s].toString());
            ++checked;
        }
    }
    QVERIFY(checked >= 4);
}

void TestCustomerProfilesSim::forgedTokens()
{
    Simulator sim(SimOptions {9, 1.0, 40});
    const QString domain = domainsOf(sim).first();
    const QString list = u"/domains/%1/workflows?max-results=1"_s.arg(domain);
    const QString token = jsonOf(call(sim, "POST", list, "{}"))[u"NextToken"_s].toString();
    QVERIFY(!token.isEmpty());
    auto encoded = [](const QString &t) {
        return QString::fromLatin1(QUrl::toPercentEncoding(t));
    };
    QCOMPARE(call(sim, "POST", list + u"&next-token="_s + encoded(token), "{}").status, 200);

    QString stepsToken;
    QList<QPair<QString, QString>> workflows = everyWorkflow(sim);
    for (const auto &[d, id] : workflows) {
        const QJsonObject page =
            jsonOf(call(sim, "GET", workflowPath(d, id) + u"/steps?max-results=1"_s));
        if (page.contains(u"NextToken"_s)) {
            stepsToken = page[u"NextToken"_s].toString();
            break;
        }
    }
    QVERIFY(!stepsToken.isEmpty());
    const QList<QPair<QByteArray, QString>> forged = {
        {"POST", list + u"&next-token=bm90LWlzc3VlZA"_s},
        {"POST", list + u"&next-token="_s + encoded(token + u'x')},
        {"POST", list + u"&next-token="_s + encoded(stepsToken)}, // from another operation
        {"GET",
            workflowPath(workflows.last().first, workflows.last().second) + u"/steps?next-token="_s
                + encoded(token)}};
    for (const auto &[method, path] : forged) {
        const SimResponse r = call(sim, method, path, method == "POST" ? "{}" : QByteArray());
        QCOMPARE(r.status, 400);
        QCOMPARE(errorTypeOf(r), QByteArray("BadRequestException"));
        QVERIFY(jsonOf(r)[u"Message"_s].toString().contains(u"next-token"_s));
    }
    // A token is bound to its filters too.
    const SimResponse filtered =
        call(sim, "POST", list + u"&next-token="_s + encoded(token), R"({"Status":"FAILED"})");
    QCOMPARE(filtered.status, 400);
}

void TestCustomerProfilesSim::validation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // {d}: a real domain, {w}: a workflow of it
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("member"); // named in the message

    const QString longDomain(65, u'a');
    QTest::newRow("domain too long")
        << QByteArray("GET") << u"/domains/"_s + longDomain + u"/workflows/{w}"_s << QByteArray()
        << 400 << u"DomainName"_s;
    QTest::newRow("domain pattern") << QByteArray("GET") << u"/domains/a.b/workflows/{w}"_s
                                    << QByteArray() << 400 << u"DomainName"_s;
    QTest::newRow("id uppercase") << QByteArray("GET") << u"/domains/{d}/workflows/{W}"_s
                                  << QByteArray() << 400 << u"WorkflowId"_s;
    QTest::newRow("id short") << QByteArray("GET") << u"/domains/{d}/workflows/{w31}"_s
                              << QByteArray() << 400 << u"WorkflowId"_s;
    QTest::newRow("id long") << QByteArray("GET") << u"/domains/{d}/workflows/{w}0"_s
                             << QByteArray() << 400 << u"WorkflowId"_s;
    QTest::newRow("id a uuid") << QByteArray("GET") << u"/domains/{d}/workflows/{uuid}/steps"_s
                               << QByteArray() << 400 << u"WorkflowId"_s;
    QTest::newRow("max 0") << QByteArray("GET")
                           << u"/domains/{d}/workflows/{w}/steps?max-results=0"_s << QByteArray()
                           << 400 << u"MaxResults"_s;
    QTest::newRow("max 101") << QByteArray("GET")
                             << u"/domains/{d}/workflows/{w}/steps?max-results=101"_s
                             << QByteArray() << 400 << u"MaxResults"_s;
    QTest::newRow("max text") << QByteArray("GET")
                              << u"/domains/{d}/workflows/{w}/steps?max-results=ten"_s
                              << QByteArray() << 400 << u"MaxResults"_s;
    QTest::newRow("token empty") << QByteArray("GET")
                                 << u"/domains/{d}/workflows/{w}/steps?next-token="_s
                                 << QByteArray() << 400 << u"NextToken"_s;
    QTest::newRow("token long") << QByteArray(
        "GET") << u"/domains/{d}/workflows/{w}/steps?next-token="_s + QString(1025, u'x')
                                << QByteArray() << 400 << u"NextToken"_s;
    QTest::newRow("list max 0") << QByteArray("POST") << u"/domains/{d}/workflows?max-results=0"_s
                                << QByteArray("{}") << 400 << u"MaxResults"_s;
    QTest::newRow("list body array") << QByteArray("POST") << u"/domains/{d}/workflows"_s
                                     << QByteArray("[]") << 400 << u"JSON object"_s;
    QTest::newRow("list body broken") << QByteArray("POST") << u"/domains/{d}/workflows"_s
                                      << QByteArray("{\"Status\":") << 400 << u"JSON object"_s;
    QTest::newRow("status COMPLETED")
        << QByteArray("POST") << u"/domains/{d}/workflows"_s
        << QByteArray(R"({"Status":"COMPLETED"})") << 400 << u"'Status'"_s;
    QTest::newRow("status number") << QByteArray("POST") << u"/domains/{d}/workflows"_s
                                   << QByteArray(R"({"Status":3})") << 400 << u"'Status'"_s;
    QTest::newRow("type") << QByteArray("POST") << u"/domains/{d}/workflows"_s
                          << QByteArray(R"({"WorkflowType":"APPFLOW"})") << 400
                          << u"WorkflowType"_s;
    QTest::newRow("start date string")
        << QByteArray("POST") << u"/domains/{d}/workflows"_s
        << QByteArray(R"({"QueryStartDate":"yesterday"})") << 400 << u"QueryStartDate"_s;
    QTest::newRow("window backwards")
        << QByteArray("POST") << u"/domains/{d}/workflows"_s
        << QByteArray(R"({"QueryStartDate":2,"QueryEndDate":1})") << 400 << u"QueryStartDate"_s;
    QTest::newRow("two problems") << QByteArray("POST") << u"/domains/{d}/workflows?max-results=0"_s
                                  << QByteArray(R"({"Status":"DONE"})") << 400
                                  << u"2 validation errors"_s;
    QTest::newRow("unknown domain")
        << QByteArray("GET") << u"/domains/no-such-domain/workflows/{w}"_s << QByteArray() << 404
        << u"no-such-domain"_s;
    QTest::newRow("longest unknown domain")
        << QByteArray("POST") << u"/domains/"_s + QString(64, u'z') + u"/workflows"_s
        << QByteArray("{}") << 404 << u"zzz"_s;
    QTest::newRow("unknown workflow") << QByteArray("GET") << u"/domains/{d}/workflows/{unknown}"_s
                                      << QByteArray() << 404 << u"{unknown}"_s;
    QTest::newRow("unknown workflow steps")
        << QByteArray("GET") << u"/domains/{d}/workflows/{unknown}/steps"_s << QByteArray() << 404
        << u"{unknown}"_s;
    QTest::newRow("workflow of another domain")
        << QByteArray("GET") << u"/domains/{other}/workflows/{w}"_s << QByteArray() << 404
        << u"{w}"_s;
    QTest::newRow("fine") << QByteArray("GET")
                          << u"/domains/{d}/workflows/{w}/steps?max-results=100"_s << QByteArray()
                          << 200 << QString();
}

void TestCustomerProfilesSim::validation()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, member);
    Simulator sim(SimOptions {11, 1.0, 10});
    const QStringList domains = domainsOf(sim);
    const QString domain = everyWorkflow(sim).first().first;
    const QString id = everyWorkflow(sim).first().second;
    auto fill = [&](QString text) {
        return text.replace(u"{d}"_s, domain)
            .replace(u"{other}"_s, domains.at(domains.indexOf(domain) == 0 ? 1 : 0))
            .replace(u"{W}"_s, id.toUpper())
            .replace(u"{w31}"_s, id.left(31))
            .replace(u"{uuid}"_s,
                id.left(8) + u'-' + id.mid(8, 4) + u'-' + id.mid(12, 4) + u'-' + id.mid(16, 4)
                    + u'-' + id.mid(20))
            .replace(u"{unknown}"_s, QString(32, u'0'))
            .replace(u"{w}"_s, id);
    };
    const SimResponse r = call(sim, method, fill(path), body);
    QCOMPARE(r.status, status);
    if (status == 200)
        return;
    QCOMPARE(errorTypeOf(r),
        status == 400 ? QByteArray("BadRequestException")
                      : QByteArray("ResourceNotFoundException"));
    const QString message = jsonOf(r)[u"Message"_s].toString();
    QVERIFY2(message.contains(fill(member)), qPrintable(message));
}

void TestCustomerProfilesSim::listFilters()
{
    Simulator sim(SimOptions {12, 1.0, 80});
    for (const QString &domain : domainsOf(sim)) {
        const QJsonArray all = listAll(sim, domain, 100);
        qsizetype byStatus = 0;
        for (const QString &status : allStatuses) {
            const QByteArray body =
                QByteArray(R"({"WorkflowType":"APPFLOW_INTEGRATION","Status":")") + status.toUtf8()
                + "\"}";
            const QJsonArray some = listAll(sim, domain, 5, body);
            for (const QJsonValue &item : some)
                QCOMPARE(item[u"Status"_s].toString(), status);
            byStatus += some.size();
        }
        QCOMPARE(byStatus, all.size());

        // The date window applies to CreatedAt, both ends inclusive.
        QList<double> created;
        for (const QJsonValue &item : all)
            created.append(item[u"CreatedAt"_s].toDouble());
        std::sort(created.begin(), created.end());
        const double median = created.at(created.size() / 2);
        const auto from =
            listAll(sim, domain, 100, u"{\"QueryStartDate\":%1}"_s.arg(qint64(median)).toUtf8());
        const auto to =
            listAll(sim, domain, 100, u"{\"QueryEndDate\":%1}"_s.arg(qint64(median)).toUtf8());
        QCOMPARE(from.size(),
            std::count_if(created.begin(), created.end(), [&](double c) { return c >= median; }));
        QCOMPARE(to.size(),
            std::count_if(created.begin(), created.end(), [&](double c) { return c <= median; }));
        const auto window = listAll(sim, domain, 100,
            u"{\"QueryStartDate\":%1,\"QueryEndDate\":%1}"_s.arg(qint64(median)).toUtf8());
        QVERIFY(window.size() >= 1);
    }
}

void TestCustomerProfilesSim::recordsGrowOverTime()
{
    Simulator sim(SimOptions {13, 1.0, 40});
    QList<QPair<QString, QString>> running;
    for (const QString &domain : domainsOf(sim)) {
        for (const QJsonValue &item : listAll(sim, domain, 100, R"({"Status":"IN_PROGRESS"})"))
            running.append({domain, item[u"WorkflowId"_s].toString()});
    }
    QVERIFY(!running.isEmpty());
    const QString path = workflowPath(running.first().first, running.first().second);
    // A batch's own count grows while it runs (not only when a batch completes), never drops,
    // and the workflow's total is the sum of its batches.
    QHash<QString, double> records; // per flow
    QHash<QString, QString> status;
    int grewWhileRunning = 0;
    double lastUpdated = 0;
    for (int i = 0; i < 200; ++i) {
        const QJsonObject wf = jsonOf(call(sim, "GET", path));
        const QJsonArray items = jsonOf(call(sim, "GET", path + u"/steps"_s))[u"Items"_s].toArray();
        double sum = 0;
        for (const QJsonValue &item : items) {
            const QJsonObject s = item[u"AppflowIntegration"_s].toObject();
            const QString flow = s[u"FlowName"_s].toString();
            const double r = s[u"RecordsProcessed"_s].toDouble();
            QVERIFY(r >= records.value(flow));
            if (status.value(flow) == u"IN_PROGRESS" && s[u"Status"_s].toString() == u"IN_PROGRESS"
                && r > records.value(flow))
                ++grewWhileRunning;
            records[flow] = r;
            status[flow] = s[u"Status"_s].toString();
            sum += r;
        }
        QCOMPARE(wf[u"Metrics"_s][u"AppflowIntegration"_s][u"RecordsProcessed"_s].toDouble(), sum);
        QVERIFY(wf[u"LastUpdatedAt"_s].toDouble() >= lastUpdated);
        lastUpdated = wf[u"LastUpdatedAt"_s].toDouble();
        if (terminal.contains(wf[u"Status"_s].toString()))
            break;
        sim.clock().advance(20000);
    }
    QVERIFY2(grewWhileRunning >= 3, qPrintable(QString::number(grewWhileRunning)));
}

void TestCustomerProfilesSim::workflowsEvolveInOrder()
{
    Simulator sim(SimOptions {14, 1.0, 30});
    const auto workflows = everyWorkflow(sim);
    const QHash<QString, QSet<QString>> next = {{u"NOT_STARTED"_s, {u"SPLIT"_s}},
        {u"SPLIT"_s, {u"IN_PROGRESS"_s}},
        {u"IN_PROGRESS"_s, {u"RETRY"_s, u"COMPLETE"_s, u"FAILED"_s, u"CANCELLED"_s}},
        {u"RETRY"_s, {u"IN_PROGRESS"_s, u"FAILED"_s, u"CANCELLED"_s}}};
    QHash<QString, QString> last;
    QSet<QString> transitions;
    for (int round = 0; round < 8 * 60; ++round) { // 4 simulated hours in 30 s steps
        for (const auto &[domain, id] : workflows) {
            const QJsonObject wf = jsonOf(call(sim, "GET", workflowPath(domain, id)));
            const QString status = wf[u"Status"_s].toString();
            const QString before = last.value(id, status);
            if (before != status) {
                QVERIFY2(
                    next.value(before).contains(status), qPrintable(before + u" -> "_s + status));
                transitions.insert(before + u"->"_s + status);
            }
            last[id] = status;
            if (round % 20 != 0)
                continue;
            // Batches run one after another: done ones, at most one active, then waiting ones.
            const QJsonArray items =
                jsonOf(call(sim, "GET", workflowPath(domain, id) + u"/steps"_s))[u"Items"_s]
                    .toArray();
            QString shape;
            for (const QJsonValue &item : items) {
                const QString s = item[u"AppflowIntegration"_s][u"Status"_s].toString();
                shape += s == u"COMPLETE" ? u'C'
                    : s == u"NOT_STARTED" ? u'N'
                    : s == u"CANCELLED"   ? u'X'
                                          : u'A';
            }
            static const QRegularExpression order(u"^C*(A?N*|X+)$"_s);
            QVERIFY2(order.match(shape).hasMatch(), qPrintable(shape));
        }
        sim.clock().advance(30000);
    }
    for (const QString &status : std::as_const(last))
        QVERIFY2(terminal.contains(status), qPrintable(status));
    for (const QString &t : {u"NOT_STARTED->SPLIT"_s, u"SPLIT->IN_PROGRESS"_s,
             u"IN_PROGRESS->RETRY"_s, u"RETRY->IN_PROGRESS"_s, u"IN_PROGRESS->COMPLETE"_s})
        QVERIFY2(transitions.contains(t), qPrintable(t));
}

void TestCustomerProfilesSim::allStatusesAcrossSeeds()
{
    QSet<QString> seen;
    for (quint64 seed = 1; seed <= 5; ++seed) {
        Simulator sim(SimOptions {seed, 1.0, 10});
        QSet<QString> here;
        for (const QString &domain : domainsOf(sim)) {
            for (const QJsonValue &item : listAll(sim, domain, 100))
                here.insert(item[u"Status"_s].toString());
        }
        qInfo("seed %llu: %lld statuses", seed, qint64(here.size()));
        seen += here;
    }
    QCOMPARE(seen, QSet<QString>(allStatuses.begin(), allStatuses.end()));
}

void TestCustomerProfilesSim::scale()
{
    QElapsedTimer timer;
    timer.start();
    Simulator sim(SimOptions {15, 1.0, 50000});
    const qint64 built = timer.restart();
    const QStringList domains = domainsOf(sim); // the inventory is not free at this size
    qsizetype total = 0;
    int pages = 0;
    QSet<QString> ids;
    for (const QString &domain : domains) {
        int p = 0;
        const QJsonArray all = listAll(sim, domain, 100, "{}", &p);
        pages += p;
        total += all.size();
        for (const QJsonValue &item : all)
            ids.insert(item[u"WorkflowId"_s].toString());
    }
    const qint64 listed = timer.restart();
    QCOMPARE(total, 50000);
    QCOMPARE(ids.size(), 50000);

    const QString domain = domains.first();
    const SimResponse failed = call(sim, "POST",
        u"/domains/%1/workflows?max-results=100"_s.arg(domain), R"({"Status":"FAILED"})");
    QCOMPARE(failed.status, 200);
    const qint64 filtered = timer.restart();
    int fetched = 0;
    for (const QString &id : ids) {
        if (fetched == 2000)
            break;
        for (const QString &d : domains) {
            const SimResponse r = call(sim, "GET", workflowPath(d, id) + u"/steps"_s);
            if (r.status == 200) {
                ++fetched;
                break;
            }
        }
    }
    QCOMPARE(fetched, 2000);
    qInfo("50,000 workflows: built in %lld ms; listed in %d pages in %lld ms; status filter %lld "
          "ms; 2,000 GetWorkflowSteps in %lld ms; RSS %s",
        built, pages, listed, filtered, timer.elapsed(), residentMemory().constData());
}

QTEST_GUILESS_MAIN(TestCustomerProfilesSim)
#include "tst_customerprofilessim.moc"
