// AwsSession: how a profile, the environment and the options become one service's endpoint,
// region, retry settings and credentials, with real config files in a temporary HOME.

#include "aws/clientconfig.h"
#include "aws/codecatalyst.h"
#include "aws/customerprofiles.h"
#include "aws/imagebuilder.h"
#include "aws/migrationhuborchestrator.h"
#include "support/temphome.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::aws;

namespace {

const ServiceSpec *serviceNamed(const QString &name)
{
    for (const ServiceSpec *s : {&mho::serviceSpec(), &profiles::serviceSpec(),
             &imagebuilder::serviceSpec(), &codecatalyst::serviceSpec()}) {
        if (s->cliName == name)
            return s;
    }
    return nullptr;
}

} // namespace

class TestClientConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void endpoint_data();
    void endpoint();
    void endpointUrlChecks_data();
    void endpointUrlChecks();
    void regionNames_data();
    void regionNames();
    void retrySettings();
    void credentialsComeFromTheProfile();

private:
    sw::test::TempHome m_home;
    void writeConfig(const QByteArray &text) { m_home.config(QString::fromUtf8(text)); }
};

void TestClientConfig::initTestCase()
{
    qputenv("QT_LOGGING_RULES", "stepwatch.*.debug=false");
}

void TestClientConfig::endpoint_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QStringList>("env"); // NAME=value
    QTest::addColumn<QString>("option"); // --endpoint-url
    QTest::addColumn<QString>("expected"); // URL, or "error: <text>"

    const QByteArray services = "[default]\nregion = us-west-2\nservices = local\n"
                                "endpoint_url = http://127.0.0.1:4000\n"
                                "[services local]\ncustomer_profiles =\n"
                                "  endpoint_url = http://127.0.0.1:4001\n";
    QTest::newRow("mho resolved")
        << u"migrationhuborchestrator"_s << QByteArray("[default]\nregion = eu-central-1\n")
        << QStringList() << QString()
        << u"https://migrationhub-orchestrator.eu-central-1.amazonaws.com"_s;
    QTest::newRow("profiles resolved, env region")
        << u"customer-profiles"_s << QByteArray() << QStringList {u"AWS_REGION=ap-northeast-1"_s}
        << QString() << u"https://profile.ap-northeast-1.amazonaws.com"_s;
    QTest::newRow("default region beats nothing")
        << u"imagebuilder"_s << QByteArray() << QStringList {u"AWS_DEFAULT_REGION=cn-north-1"_s}
        << QString() << u"https://imagebuilder.cn-north-1.amazonaws.com.cn"_s;
    QTest::newRow("codecatalyst global without region")
        << u"codecatalyst"_s << QByteArray() << QStringList() << QString()
        << u"https://codecatalyst.global.api.aws"_s;
    QTest::newRow("fips from env")
        << u"imagebuilder"_s << QByteArray("[default]\nregion = us-east-1\n")
        << QStringList {u"AWS_USE_FIPS_ENDPOINT=true"_s} << QString()
        << u"https://imagebuilder-fips.us-east-1.amazonaws.com"_s;
    QTest::newRow("dualstack from profile")
        << u"customer-profiles"_s
        << QByteArray("[default]\nregion = us-east-1\nuse_dualstack_endpoint = true\n")
        << QStringList() << QString() << u"https://profile.us-east-1.api.aws"_s;
    QTest::newRow("services section") << u"customer-profiles"_s << services << QStringList()
                                      << QString() << u"http://127.0.0.1:4001"_s;
    QTest::newRow("profile endpoint_url for others")
        << u"imagebuilder"_s << services << QStringList() << QString()
        << u"http://127.0.0.1:4000"_s;
    QTest::newRow("global env beats profile")
        << u"customer-profiles"_s << services
        << QStringList {u"AWS_ENDPOINT_URL=http://127.0.0.1:4002"_s} << QString()
        << u"http://127.0.0.1:4002"_s;
    QTest::newRow("service env beats global env")
        << u"customer-profiles"_s << services
        << QStringList {u"AWS_ENDPOINT_URL=http://127.0.0.1:4002"_s,
               u"AWS_ENDPOINT_URL_CUSTOMER_PROFILES=http://127.0.0.1:4003"_s}
        << QString() << u"http://127.0.0.1:4003"_s;
    QTest::newRow("option beats everything")
        << u"customer-profiles"_s << services
        << QStringList {u"AWS_ENDPOINT_URL_CUSTOMER_PROFILES=http://127.0.0.1:4003"_s}
        << u"http://localhost:4004"_s << u"http://localhost:4004"_s;
    QTest::newRow("ignore configured endpoints")
        << u"customer-profiles"_s << services
        << QStringList {u"AWS_ENDPOINT_URL=http://127.0.0.1:4002"_s,
               u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"_s}
        << QString() << u"https://profile.us-west-2.amazonaws.com"_s;
    QTest::newRow("ignored does not ignore the option")
        << u"migrationhuborchestrator"_s << services
        << QStringList {u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"_s} << u"http://127.0.0.1:4005"_s
        << u"http://127.0.0.1:4005"_s;
    QTest::newRow("no region") << u"migrationhuborchestrator"_s << QByteArray() << QStringList()
                               << QString() << u"error: You must specify a region"_s;
    QTest::newRow("custom endpoint still needs a region to sign")
        << u"imagebuilder"_s << QByteArray() << QStringList() << u"http://127.0.0.1:4000"_s
        << u"error: You must specify a region to sign"_s;
    QTest::newRow("fips is off for a custom endpoint, as in botocore")
        << u"imagebuilder"_s << QByteArray("[default]\nregion = us-east-1\n")
        << QStringList {u"AWS_USE_FIPS_ENDPOINT=true"_s, u"AWS_USE_DUALSTACK_ENDPOINT=true"_s}
        << u"https://example.com"_s << u"https://example.com"_s;
    QTest::newRow("fips still applies without one")
        << u"imagebuilder"_s << QByteArray("[default]\nregion = us-gov-west-1\n")
        << QStringList {u"AWS_USE_FIPS_ENDPOINT=true"_s} << QString()
        << u"https://imagebuilder.us-gov-west-1.amazonaws.com"_s;
}

void TestClientConfig::endpoint()
{
    QFETCH(QString, service);
    QFETCH(QByteArray, config);
    QFETCH(QStringList, env);
    QFETCH(QString, option);
    QFETCH(QString, expected);
    writeConfig(config);
    QProcessEnvironment environment;
    environment.insert(u"HOME"_s, m_home.path());
    for (const QString &pair : std::as_const(env))
        environment.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    ClientOptions options;
    options.endpointUrl = option;
    const AwsSession session(environment, options);
    AwsError error;
    const std::optional<ServiceConfig> resolved =
        session.serviceConfig(*serviceNamed(service), &error);
    if (expected.startsWith(u"error: "_s)) {
        QVERIFY(!resolved);
        QCOMPARE(error.kind, ErrorKind::Configuration);
        QVERIFY2(error.message.contains(expected.mid(7)), qPrintable(error.message));
    } else {
        QVERIFY2(resolved, qPrintable(error.message));
        QCOMPARE(resolved->endpoint.toString(), expected);
        QVERIFY(!resolved->endpointSource.isEmpty());
    }
}

void TestClientConfig::endpointUrlChecks_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowInsecure");
    QTest::addColumn<QString>("problem"); // empty: accepted
    QTest::newRow("https remote") << u"https://example.com/base"_s << false << QString();
    QTest::newRow("http 127.0.0.1") << u"http://127.0.0.1:8080"_s << false << QString();
    QTest::newRow("http 127.8.9.10") << u"http://127.8.9.10"_s << false << QString();
    QTest::newRow("http localhost") << u"http://localhost:1"_s << false << QString();
    QTest::newRow("http ::1") << u"http://[::1]:8080"_s << false << QString();
    QTest::newRow("http private") << u"http://10.1.2.3"_s << false << u"--allow-insecure-http"_s;
    QTest::newRow("http name") << u"http://sim.example"_s << false << u"unencrypted"_s;
    QTest::newRow("http allowed when asked") << u"http://sim.example"_s << true << QString();
    QTest::newRow("no scheme") << u"example.com"_s << false << u"needs a scheme and a host"_s;
    QTest::newRow("ftp") << u"ftp://example.com"_s << true << u"must be https or http"_s;
    QTest::newRow("query") << u"https://example.com/?a=b"_s << false << u"query"_s;
}

void TestClientConfig::endpointUrlChecks()
{
    QFETCH(QString, url);
    QFETCH(bool, allowInsecure);
    QFETCH(QString, problem);
    const QString result = checkEndpointUrl(QUrl(url, QUrl::StrictMode), u"test"_s, allowInsecure);
    if (problem.isEmpty())
        QVERIFY2(result.isEmpty(), qPrintable(result));
    else
        QVERIFY2(result.contains(problem), qPrintable(result));
}

void TestClientConfig::regionNames_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("valid");
    QTest::newRow("us-east-1") << u"us-east-1"_s << true;
    QTest::newRow("aws-global") << u"aws-global"_s << true;
    QTest::newRow("space") << u"us east"_s << false;
    QTest::newRow("host injection") << u"evil.com#"_s << false;
    QTest::newRow("leading dash") << u"-us"_s << false;
    QTest::newRow("64 chars") << QString(64, u'a') << false;
}

void TestClientConfig::regionNames()
{
    QFETCH(QString, region);
    QFETCH(bool, valid);
    QCOMPARE(isValidRegionName(region), valid);
}

void TestClientConfig::retrySettings()
{
    writeConfig("[default]\nregion = us-east-1\nmax_attempts = 7\n");
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home.path());
    {
        const AwsSession session(env, {});
        AwsError error;
        const auto config = session.serviceConfig(mho::serviceSpec(), &error);
        QVERIFY2(config, qPrintable(error.message));
        QCOMPARE(config->retry.maxAttempts, 7);
    }
    env.insert(u"AWS_MAX_ATTEMPTS"_s, u"2"_s);
    {
        const AwsSession session(env, {});
        AwsError error;
        QCOMPARE(session.serviceConfig(mho::serviceSpec(), &error)->retry.maxAttempts, 2);
        ClientOptions options;
        options.maxAttempts = 4;
        const AwsSession explicitSession(env, options);
        QCOMPARE(explicitSession.serviceConfig(mho::serviceSpec(), &error)->retry.maxAttempts, 4);
    }
    // Bounded as the SDKs bound it: a typo of 1000 is used as 20, with a warning.
    env.insert(u"AWS_MAX_ATTEMPTS"_s, u"1000"_s);
    {
        const AwsSession session(env, {});
        AwsError error;
        QTest::ignoreMessage(QtWarningMsg, "max_attempts 1000 is more than 20; using 20");
        QCOMPARE(session.serviceConfig(mho::serviceSpec(), &error)->retry.maxAttempts, 20);
    }
    env.insert(u"AWS_MAX_ATTEMPTS"_s, u"lots"_s);
    {
        const AwsSession session(env, {});
        AwsError error;
        QVERIFY(!session.serviceConfig(mho::serviceSpec(), &error));
        QVERIFY2(error.message.contains(u"AWS_MAX_ATTEMPTS"_s), qPrintable(error.message));
    }
    env.remove(u"AWS_MAX_ATTEMPTS"_s);
    env.insert(u"AWS_RETRY_MODE"_s, u"sometimes"_s);
    {
        const AwsSession session(env, {});
        AwsError error;
        QVERIFY(!session.serviceConfig(mho::serviceSpec(), &error));
        QVERIFY2(error.message.contains(u"sometimes"_s), qPrintable(error.message));
    }
}

void TestClientConfig::credentialsComeFromTheProfile()
{
    writeConfig("[profile ops]\nregion = us-east-1\naws_access_key_id = AKIDPROFILE\n"
                "aws_secret_access_key = profile-secret\n");
    QProcessEnvironment env;
    env.insert(u"HOME"_s, m_home.path());
    env.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDENV"_s);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"env-secret"_s);
    ClientOptions options;
    options.profile = u"ops"_s; // explicit: the environment's keys must not be used
    const AwsSession session(env, options);
    AwsError error;
    const auto config = session.serviceConfig(profiles::serviceSpec(), &error);
    QVERIFY2(config, qPrintable(error.message));
    QVERIFY(config->credentials);
    QVERIFY(!config->bearerToken);
    const CredentialsResult creds = config->credentials();
    QCOMPARE(creds.credentials.accessKeyId, u"AKIDPROFILE"_s);

    const AwsSession envSession(env, {});
    const auto viaEnv = envSession.serviceConfig(profiles::serviceSpec(), &error);
    QVERIFY(!viaEnv); // no region in the default profile, and none in the environment
}

QTEST_APPLESS_MAIN(TestClientConfig)
#include "tst_clientconfig.moc"
