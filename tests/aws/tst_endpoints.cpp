// Endpoint resolution against botocore's own endpoint-tests-1.json for the four services, read
// at run time from shared/aws-models, plus checks of the partition table.

#include "aws/endpointresolver.h"
#include "aws/partitions.h"
#include "support/shareddir.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using sw::aws::EndpointParams;
using sw::aws::EndpointResult;

namespace {

struct RuleSetCase {
    QString service;
    QString documentation;
    EndpointParams params;
    QString expectedUrl;
    QString expectedError;
    // Set when a case asks for something the resolver cannot express (an unknown parameter,
    // endpoint properties or headers), so that the case fails instead of being misread.
    QString problem;
};

const QStringList &services()
{
    static const QStringList ids = {u"migrationhuborchestrator"_s, u"customer-profiles"_s,
        u"imagebuilder"_s, u"codecatalyst"_s};
    return ids;
}

int expectedCaseCount(const QString &service)
{
    if (service == u"migrationhuborchestrator")
        return 21;
    if (service == u"customer-profiles")
        return 30;
    if (service == u"imagebuilder")
        return 23;
    if (service == u"codecatalyst")
        return 9;
    return -1;
}

QString testsPath(const QString &service)
{
    return sw::test::sharedDir() + u"/aws-models/"_s + service + u"/endpoint-tests-1.json"_s;
}

RuleSetCase parseCase(const QString &service, const QJsonObject &json)
{
    RuleSetCase c;
    c.service = service;
    c.documentation = json.value(u"documentation").toString();

    const QJsonObject params = json.value(u"params").toObject();
    for (auto it = params.constBegin(); it != params.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        // An empty string would read as "not set" in EndpointParams, so reject it here rather
        // than test something the file does not say.
        if (key == u"Region" && value.isString() && !value.toString().isEmpty())
            c.params.region = value.toString();
        else if (key == u"Endpoint" && value.isString() && !value.toString().isEmpty())
            c.params.endpoint = value.toString();
        else if (key == u"UseFIPS" && value.isBool())
            c.params.useFips = value.toBool();
        else if (key == u"UseDualStack" && value.isBool())
            c.params.useDualStack = value.toBool();
        else
            c.problem = u"unsupported parameter, or value of parameter, "_s + key;
    }

    const QJsonObject expect = json.value(u"expect").toObject();
    if (expect.contains(u"endpoint")) {
        const QJsonObject endpoint = expect.value(u"endpoint").toObject();
        c.expectedUrl = endpoint.value(u"url").toString();
        if (c.expectedUrl.isEmpty())
            c.problem = u"endpoint without url"_s;
        if (!endpoint.value(u"properties").toObject().isEmpty()
            || !endpoint.value(u"headers").toObject().isEmpty())
            c.problem = u"expects endpoint properties or headers, which EndpointResult lacks"_s;
    } else if (expect.contains(u"error")) {
        c.expectedError = expect.value(u"error").toString();
    } else {
        c.problem = u"expects neither an endpoint nor an error"_s;
    }
    return c;
}

// Every case of one service, in file order; *error is set when the file cannot be used.
QList<RuleSetCase> loadCases(const QString &service, QString *error)
{
    QFile file(testsPath(service));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.fileName() + u": "_s + file.errorString();
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = file.fileName() + u": "_s + parseError.errorString();
        return {};
    }
    QList<RuleSetCase> cases;
    const QJsonArray testCases = doc.object().value(u"testCases").toArray();
    for (const QJsonValue &value : testCases)
        cases.append(parseCase(service, value.toObject()));
    return cases;
}

} // namespace

class TestEndpoints : public QObject {
    Q_OBJECT

private slots:
    void ruleSetCases_data();
    void ruleSetCases();
    void caseCounts();

    void partitionForRegion_data();
    void partitionForRegion();
    void partitionTable();

    void ownCases_data();
    void ownCases();
};

void TestEndpoints::ruleSetCases_data()
{
    SW_REQUIRE_SHARED_DIR();
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("useFips");
    QTest::addColumn<bool>("useDualStack");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("expectedUrl");
    QTest::addColumn<QString>("expectedError");
    QTest::addColumn<QString>("problem");

    QSet<QString> names;
    for (const QString &service : services()) {
        QString error;
        const QList<RuleSetCase> cases = loadCases(service, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const RuleSetCase &c : cases) {
            const QString name = c.service + u": "_s + c.documentation;
            // Qt Test would run duplicate tags but report them ambiguously.
            QVERIFY2(!names.contains(name), qPrintable(u"duplicate row "_s + name));
            names.insert(name);
            QTest::newRow(name.toUtf8().constData())
                << c.service << c.params.region << c.params.useFips << c.params.useDualStack
                << c.params.endpoint << c.expectedUrl << c.expectedError << c.problem;
        }
    }
}

void TestEndpoints::ruleSetCases()
{
    SW_REQUIRE_SHARED_DIR();
    QFETCH(QString, service);
    QFETCH(QString, region);
    QFETCH(bool, useFips);
    QFETCH(bool, useDualStack);
    QFETCH(QString, endpoint);
    QFETCH(QString, expectedUrl);
    QFETCH(QString, expectedError);
    QFETCH(QString, problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    EndpointParams params;
    params.region = region;
    params.useFips = useFips;
    params.useDualStack = useDualStack;
    params.endpoint = endpoint;
    const EndpointResult result = sw::aws::resolveEndpoint(service, params);

    if (expectedError.isEmpty()) {
        QCOMPARE(result.error, QString());
        QCOMPARE(result.url, expectedUrl);
        QVERIFY(result.ok());
    } else {
        QCOMPARE(result.url, QString());
        QCOMPARE(result.error, expectedError);
        QVERIFY(!result.ok());
    }
}

void TestEndpoints::caseCounts()
{
    // The same loader feeds ruleSetCases_data one row per case, so these are its row counts;
    // a file that shrinks or grows upstream shows up here rather than as silently fewer rows.
    SW_REQUIRE_SHARED_DIR();
    int total = 0;
    for (const QString &service : services()) {
        QString error;
        const QList<RuleSetCase> cases = loadCases(service, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(cases.size(), expectedCaseCount(service));
        total += cases.size();
    }
    QCOMPARE(total, 83);
}

void TestEndpoints::partitionForRegion_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("partition");
    QTest::addColumn<QString>("dnsSuffix");
    QTest::addColumn<QString>("dualStackDnsSuffix");

    const QString aws = u"amazonaws.com"_s;
    const QString cn = u"amazonaws.com.cn"_s;
    const QString cnDual = u"api.amazonwebservices.com.cn"_s;
    QTest::newRow("us-east-1") << u"us-east-1"_s << u"aws"_s << aws << u"api.aws"_s;
    QTest::newRow("listed pseudo region aws-global")
        << u"aws-global"_s << u"aws"_s << aws << u"api.aws"_s;
    QTest::newRow("future aws region by regex")
        << u"mx-central-9"_s << u"aws"_s << aws << u"api.aws"_s;
    QTest::newRow("China listed") << u"cn-north-1"_s << u"aws-cn"_s << cn << cnDual;
    QTest::newRow("China by regex") << u"cn-south-7"_s << u"aws-cn"_s << cn << cnDual;
    QTest::newRow("China global") << u"aws-cn-global"_s << u"aws-cn"_s << cn << cnDual;
    QTest::newRow("GovCloud") << u"us-gov-west-1"_s << u"aws-us-gov"_s << aws << u"api.aws"_s;
    QTest::newRow("GovCloud by regex")
        << u"us-gov-north-3"_s << u"aws-us-gov"_s << aws << u"api.aws"_s;
    QTest::newRow("GovCloud global")
        << u"aws-us-gov-global"_s << u"aws-us-gov"_s << aws << u"api.aws"_s;
    QTest::newRow("iso") << u"us-iso-east-1"_s << u"aws-iso"_s << u"c2s.ic.gov"_s
                         << u"api.aws.ic.gov"_s;
    QTest::newRow("iso-b") << u"us-isob-east-1"_s << u"aws-iso-b"_s << u"sc2s.sgov.gov"_s
                           << u"api.aws.scloud"_s;
    QTest::newRow("iso-e") << u"eu-isoe-west-1"_s << u"aws-iso-e"_s << u"cloud.adc-e.uk"_s
                           << u"api.cloud-aws.adc-e.uk"_s;
    QTest::newRow("iso-f") << u"us-isof-south-1"_s << u"aws-iso-f"_s << u"csp.hci.ic.gov"_s
                           << u"api.aws.hci.ic.gov"_s;
    QTest::newRow("eusc") << u"eusc-de-east-1"_s << u"aws-eusc"_s << u"amazonaws.eu"_s
                          << u"api.amazonwebservices.eu"_s;
    // Anything unrecognised falls back to aws; the rule engine's aws.partition never fails.
    QTest::newRow("unknown-looking") << u"mars-north-1"_s << u"aws"_s << aws << u"api.aws"_s;
    QTest::newRow("not a region shape") << u"local"_s << u"aws"_s << aws << u"api.aws"_s;
    QTest::newRow("empty") << QString() << u"aws"_s << aws << u"api.aws"_s;
    QTest::newRow("case-sensitive") << u"CN-NORTH-1"_s << u"aws"_s << aws << u"api.aws"_s;
}

void TestEndpoints::partitionForRegion()
{
    QFETCH(QString, region);
    QFETCH(QString, partition);
    QFETCH(QString, dnsSuffix);
    QFETCH(QString, dualStackDnsSuffix);
    const sw::aws::Partition &p = sw::aws::partitionForRegion(region);
    QCOMPARE(p.id, partition);
    QCOMPARE(p.dnsSuffix, dnsSuffix);
    QCOMPARE(p.dualStackDnsSuffix, dualStackDnsSuffix);
}

void TestEndpoints::partitionTable()
{
    const QList<sw::aws::Partition> &table = sw::aws::partitions();
    QCOMPARE(table.constFirst().id, u"aws"_s);
    QSet<QString> ids;
    for (const sw::aws::Partition &p : table) {
        QVERIFY2(p.regionPattern.isValid(), qPrintable(p.id));
        ids.insert(p.id);
        QVERIFY(p.supportsFIPS);
        // Each listed name must resolve to its own partition, whatever the table order.
        for (const QString &region : p.regions)
            QCOMPARE(sw::aws::partitionForRegion(region).id, p.id);
        QCOMPARE(sw::aws::partitionForRegion(p.implicitGlobalRegion).id, p.id);
    }
    const QSet<QString> expected = {u"aws"_s, u"aws-cn"_s, u"aws-us-gov"_s, u"aws-iso"_s,
        u"aws-iso-b"_s, u"aws-iso-e"_s, u"aws-iso-f"_s, u"aws-eusc"_s};
    QCOMPARE(ids, expected);
    QCOMPARE(sw::aws::partitionById(u"aws-cn"_s)->implicitGlobalRegion, u"cn-northwest-1"_s);
    QVERIFY(!sw::aws::partitionById(u"aws-moon"_s));
}

void TestEndpoints::ownCases_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("useFips");
    QTest::addColumn<bool>("useDualStack");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("expectedUrl");
    QTest::addColumn<QString>("expectedError");

    // Paths of the rule sets that botocore's own cases leave out.
    QTest::newRow("codecatalyst China uses the aws-cn dual-stack suffix")
        << u"codecatalyst"_s << u"cn-north-1"_s << false << false << QString()
        << u"https://codecatalyst.global.api.amazonwebservices.com.cn"_s << QString();
    QTest::newRow("codecatalyst GovCloud FIPS")
        << u"codecatalyst"_s << u"us-gov-west-1"_s << true << false << QString()
        << u"https://codecatalyst-fips.global.api.aws"_s << QString();
    QTest::newRow("codecatalyst ignores dual-stack")
        << u"codecatalyst"_s << u"us-west-2"_s << false << true << QString()
        << u"https://codecatalyst.global.api.aws"_s << QString();
    QTest::newRow("codecatalyst custom endpoint wins over FIPS")
        << u"codecatalyst"_s << QString() << true << false << u"https://localhost:8443"_s
        << u"https://localhost:8443"_s << QString();
    QTest::newRow("imagebuilder custom endpoint FIPS before dual-stack")
        << u"imagebuilder"_s << u"us-east-1"_s << true << true << u"https://example.com"_s
        << QString() << u"Invalid Configuration: FIPS and custom endpoint are not supported"_s;
    QTest::newRow("imagebuilder GovCloud FIPS plus dual-stack keeps -fips")
        << u"imagebuilder"_s << u"us-gov-west-1"_s << true << true << QString()
        << u"https://imagebuilder-fips.us-gov-west-1.api.aws"_s << QString();
    QTest::newRow("customer-profiles GovCloud FIPS has -fips")
        << u"customer-profiles"_s << u"us-gov-west-1"_s << true << false << QString()
        << u"https://profile-fips.us-gov-west-1.amazonaws.com"_s << QString();
    QTest::newRow("migrationhuborchestrator iso dual-stack")
        << u"migrationhuborchestrator"_s << u"us-iso-east-1"_s << false << true << QString()
        << u"https://migrationhub-orchestrator.us-iso-east-1.api.aws.ic.gov"_s << QString();
    QTest::newRow("customer-profiles eusc")
        << u"customer-profiles"_s << u"eusc-de-east-1"_s << false << false << QString()
        << u"https://profile.eusc-de-east-1.amazonaws.eu"_s << QString();
    QTest::newRow("missing region with FIPS")
        << u"imagebuilder"_s << QString() << true << false << QString() << QString()
        << u"Invalid Configuration: Missing Region"_s;
    QTest::newRow("region is interpolated as given")
        << u"customer-profiles"_s << u"%1-x"_s << false << false << QString()
        << u"https://profile.%1-x.amazonaws.com"_s << QString();
    QTest::newRow("unknown service")
        << u"s3"_s << u"us-east-1"_s << false << false << QString() << QString()
        << u"No endpoint rule set for unknown service \"s3\""_s;
}

void TestEndpoints::ownCases()
{
    QFETCH(QString, service);
    QFETCH(QString, region);
    QFETCH(bool, useFips);
    QFETCH(bool, useDualStack);
    QFETCH(QString, endpoint);
    QFETCH(QString, expectedUrl);
    QFETCH(QString, expectedError);

    EndpointParams params;
    params.region = region;
    params.useFips = useFips;
    params.useDualStack = useDualStack;
    params.endpoint = endpoint;
    const EndpointResult result = sw::aws::resolveEndpoint(service, params);
    QCOMPARE(result.url, expectedUrl);
    QCOMPARE(result.error, expectedError);
    QCOMPARE(result.ok(), expectedError.isEmpty());
}

QTEST_APPLESS_MAIN(TestEndpoints)

#include "tst_endpoints.moc"
