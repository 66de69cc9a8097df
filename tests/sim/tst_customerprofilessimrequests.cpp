// The simulated Customer Profiles service's listings and refusals: pagination to the end,
// forged tokens, validation and unknown resources, ListWorkflows filters.

#include "customerprofilessimtestsupport.h"

#include "sim/simulator.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using namespace sw::test::customerprofiles;
using sw::test::errorTypeOf;
using sw::test::jsonOf;

class TestCustomerProfilesSimRequests : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void paginationToTheEnd();
    void forgedTokens();
    void validation_data();
    void validation();
    void listFilters();
};

void TestCustomerProfilesSimRequests::paginationToTheEnd()
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

void TestCustomerProfilesSimRequests::forgedTokens()
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

void TestCustomerProfilesSimRequests::validation_data()
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

void TestCustomerProfilesSimRequests::validation()
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

void TestCustomerProfilesSimRequests::listFilters()
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

QTEST_GUILESS_MAIN(TestCustomerProfilesSimRequests)
#include "tst_customerprofilessimrequests.moc"
