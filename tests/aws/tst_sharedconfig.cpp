// SharedConfig over real files in a temporary HOME: which files and profile are used, and the
// settings (region, retries, FIPS, endpoint URLs) that environment variables override.

#include "support/temphome.h"

#include "aws/sharedconfig.h"

#include <QProcessEnvironment>
#include <QTest>

using namespace Qt::StringLiterals;
using sw::aws::ConfiguredEndpoint;
using sw::aws::SharedConfig;

using sw::test::TempHome;

class TestSharedConfig : public QObject {
    Q_OBJECT

private slots:
    void filePaths();
    void credentialsFileWins();
    void profileSelection_data();
    void profileSelection();
    void region_data();
    void region();
    void settings_data();
    void settings();
    void maxAttempts();
    void endpointUrl_data();
    void endpointUrl();
    void endpointUrlMissingServicesSection();
    void endpointKeys_data();
    void endpointKeys();
};

void TestSharedConfig::filePaths()
{
    TempHome home;
    home.config(u"[default]\nregion = from-default-config\n"_s);
    home.credentials(u"[default]\naws_access_key_id = from-default-credentials\n"_s);
    home.write(u"alt/config"_s, u"[default]\nregion = from-alt-config\n"_s);
    home.write(u"alt/credentials"_s, u"[default]\naws_access_key_id = from-alt\n"_s);

    const SharedConfig standard = SharedConfig::load(home.env());
    QVERIFY2(!standard.hasError(), qPrintable(standard.error()));
    QCOMPARE(standard.configFilePath(), home.path() + u"/.aws/config"_s);
    QCOMPARE(standard.credentialsFilePath(), home.path() + u"/.aws/credentials"_s);
    QCOMPARE(standard.value(u"region"_s), u"from-default-config"_s);
    QCOMPARE(standard.value(u"aws_access_key_id"_s), u"from-default-credentials"_s);

    const SharedConfig alt = SharedConfig::load(home.env({u"AWS_CONFIG_FILE=~/alt/config"_s,
        u"AWS_SHARED_CREDENTIALS_FILE="_s + home.path() + u"/alt/credentials"_s}));
    QCOMPARE(alt.configFilePath(), home.path() + u"/alt/config"_s);
    QCOMPARE(alt.value(u"region"_s), u"from-alt-config"_s);
    QCOMPARE(alt.value(u"aws_access_key_id"_s), u"from-alt"_s);

    // Missing files are an empty configuration, not an error.
    const SharedConfig none =
        SharedConfig::load(home.env({u"AWS_CONFIG_FILE=/nonexistent/config"_s}));
    QVERIFY(!none.hasError());
    QVERIFY(!none.configFile().exists());
    QVERIFY(none.value(u"region"_s).isEmpty());
}

void TestSharedConfig::credentialsFileWins()
{
    TempHome home;
    home.config(u"[profile dev]\nregion = us-east-1\naws_access_key_id = CONFIGKEY\n"
                "[profile only-config]\nregion = x\n"_s);
    home.credentials(u"[dev]\naws_access_key_id = CREDSKEY\n[only-creds]\nregion = y\n"_s);

    const SharedConfig dev = SharedConfig::load(home.env(), u"dev"_s);
    QVERIFY2(!dev.hasError(), qPrintable(dev.error()));
    QCOMPARE(dev.value(u"aws_access_key_id"_s), u"CREDSKEY"_s);
    QCOMPARE(dev.value(u"region"_s), u"us-east-1"_s);
    QCOMPARE(dev.configFileProfile().value(u"aws_access_key_id"_s), u"CONFIGKEY"_s);
    QCOMPARE(dev.credentialsFileProfile().value(u"aws_access_key_id"_s), u"CREDSKEY"_s);

    const SharedConfig onlyCreds = SharedConfig::load(home.env(), u"only-creds"_s);
    QVERIFY(!onlyCreds.hasError());
    QCOMPARE(onlyCreds.value(u"region"_s), u"y"_s);
}

void TestSharedConfig::profileSelection_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("awsProfile");
    QTest::addColumn<QString>("awsDefaultProfile");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("origin");
    QTest::addColumn<QString>("error");

    using O = SharedConfig::ProfileOrigin;
    QTest::newRow("nothing set") << QString() << QString() << QString() << u"default"_s
                                 << int(O::Default) << QString();
    QTest::newRow("AWS_DEFAULT_PROFILE")
        << QString() << QString() << u"b"_s << u"b"_s << int(O::AwsDefaultProfile) << QString();
    QTest::newRow("AWS_PROFILE beats AWS_DEFAULT_PROFILE")
        << QString() << u"a"_s << u"b"_s << u"a"_s << int(O::AwsProfile) << QString();
    QTest::newRow("flag beats both")
        << u"c"_s << u"a"_s << u"b"_s << u"c"_s << int(O::Explicit) << QString();
    QTest::newRow("profile only in credentials file")
        << u"creds-only"_s << QString() << QString() << u"creds-only"_s << int(O::Explicit)
        << QString();
    QTest::newRow("missing flag profile")
        << u"nope"_s << QString() << QString() << u"nope"_s << int(O::Explicit)
        << u"The config profile (nope) could not be found"_s;
    QTest::newRow("missing AWS_PROFILE profile")
        << QString() << u"nope"_s << QString() << u"nope"_s << int(O::AwsProfile)
        << u"The config profile (nope) could not be found"_s;
    QTest::newRow("bare section gets a hint")
        << u"bare"_s << QString() << QString() << u"bare"_s << int(O::Explicit)
        << u"must be written [profile bare]"_s;
}

void TestSharedConfig::profileSelection()
{
    QFETCH(QString, flag);
    QFETCH(QString, awsProfile);
    QFETCH(QString, awsDefaultProfile);
    QFETCH(QString, expected);
    QFETCH(int, origin);
    QFETCH(QString, error);

    TempHome home;
    home.config(u"[profile a]\n[profile b]\n[profile c]\n[bare]\nregion = x\n"_s);
    home.credentials(u"[creds-only]\naws_access_key_id = k\n"_s);
    QProcessEnvironment env = home.env();
    if (!awsProfile.isEmpty())
        env.insert(u"AWS_PROFILE"_s, awsProfile);
    if (!awsDefaultProfile.isEmpty())
        env.insert(u"AWS_DEFAULT_PROFILE"_s, awsDefaultProfile);

    const SharedConfig config = SharedConfig::load(env, flag);
    QCOMPARE(config.profileName(), expected);
    QCOMPARE(int(config.profileOrigin()), origin);
    QCOMPARE(config.isProfileExplicit(), !flag.isEmpty());
    if (error.isEmpty()) {
        QVERIFY2(!config.hasError(), qPrintable(config.error()));
    } else {
        QVERIFY2(config.error().contains(error), qPrintable(config.error()));
    }
}

void TestSharedConfig::region_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("awsRegion");
    QTest::addColumn<QString>("awsDefaultRegion");
    QTest::addColumn<QString>("profileRegion");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("source");

    QTest::newRow("flag wins") << u"r1"_s << u"r2"_s << u"r3"_s << u"r4"_s << u"r1"_s
                               << u"--region"_s;
    QTest::newRow("AWS_REGION") << QString() << u"r2"_s << u"r3"_s << u"r4"_s << u"r2"_s
                                << u"environment variable AWS_REGION"_s;
    QTest::newRow("AWS_DEFAULT_REGION") << QString() << QString() << u"r3"_s << u"r4"_s << u"r3"_s
                                        << u"environment variable AWS_DEFAULT_REGION"_s;
    QTest::newRow("profile") << QString() << QString() << QString() << u"r4"_s << u"r4"_s
                             << u"profile 'p'"_s;
    QTest::newRow("nowhere") << QString() << QString() << QString() << QString() << QString()
                             << QString();
}

void TestSharedConfig::region()
{
    QFETCH(QString, flag);
    QFETCH(QString, awsRegion);
    QFETCH(QString, awsDefaultRegion);
    QFETCH(QString, profileRegion);
    QFETCH(QString, expected);
    QFETCH(QString, source);

    TempHome home;
    home.config(profileRegion.isEmpty() ? u"[profile p]\n"_s
                                        : u"[profile p]\nregion = "_s + profileRegion + u'\n');
    QProcessEnvironment env = home.env();
    if (!awsRegion.isEmpty())
        env.insert(u"AWS_REGION"_s, awsRegion);
    if (!awsDefaultRegion.isEmpty())
        env.insert(u"AWS_DEFAULT_REGION"_s, awsDefaultRegion);
    const SharedConfig config = SharedConfig::load(env, u"p"_s);
    QCOMPARE(config.region(flag), expected);
    QCOMPARE(config.resolveRegion(flag).source, source);
}

void TestSharedConfig::settings_data()
{
    QTest::addColumn<int>("setting");
    QTest::addColumn<QString>("envName");
    QTest::addColumn<QString>("envValue");
    QTest::addColumn<QString>("profileLine");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("enabled");

    using S = SharedConfig::Setting;
    QTest::newRow("max_attempts env wins") << int(S::MaxAttempts) << u"AWS_MAX_ATTEMPTS"_s << u"7"_s
                                           << u"max_attempts = 3"_s << u"7"_s << false;
    QTest::newRow("max_attempts profile") << int(S::MaxAttempts) << u"AWS_MAX_ATTEMPTS"_s
                                          << QString() << u"max_attempts = 3"_s << u"3"_s << false;
    QTest::newRow("retry_mode env wins")
        << int(S::RetryMode) << u"AWS_RETRY_MODE"_s << u"adaptive"_s << u"retry_mode = standard"_s
        << u"adaptive"_s << false;
    QTest::newRow("retry_mode profile") << int(S::RetryMode) << u"AWS_RETRY_MODE"_s << QString()
                                        << u"retry_mode = legacy"_s << u"legacy"_s << false;
    QTest::newRow("fips env false beats profile true")
        << int(S::UseFipsEndpoint) << u"AWS_USE_FIPS_ENDPOINT"_s << u"false"_s
        << u"use_fips_endpoint = true"_s << u"false"_s << false;
    QTest::newRow("fips profile True")
        << int(S::UseFipsEndpoint) << u"AWS_USE_FIPS_ENDPOINT"_s << QString()
        << u"use_fips_endpoint = True"_s << u"True"_s << true;
    QTest::newRow("dualstack env true")
        << int(S::UseDualstackEndpoint) << u"AWS_USE_DUALSTACK_ENDPOINT"_s << u"true"_s
        << u"use_dualstack_endpoint = false"_s << u"true"_s << true;
    QTest::newRow("dualstack 1 is not true (botocore)")
        << int(S::UseDualstackEndpoint) << u"AWS_USE_DUALSTACK_ENDPOINT"_s << u"1"_s << QString()
        << u"1"_s << false;
    QTest::newRow("unset") << int(S::UseDualstackEndpoint) << u"AWS_USE_DUALSTACK_ENDPOINT"_s
                           << QString() << QString() << QString() << false;
}

void TestSharedConfig::settings()
{
    QFETCH(int, setting);
    QFETCH(QString, envName);
    QFETCH(QString, envValue);
    QFETCH(QString, profileLine);
    QFETCH(QString, expected);
    QFETCH(bool, enabled);

    TempHome home;
    home.config(u"[default]\n"_s + profileLine + u'\n');
    QProcessEnvironment env = home.env();
    if (!envValue.isEmpty())
        env.insert(envName, envValue);
    const SharedConfig config = SharedConfig::load(env);
    const auto s = SharedConfig::Setting(setting);
    QCOMPARE(config.setting(s).value, expected);
    QCOMPARE(config.isEnabled(s), enabled);
    if (!envValue.isEmpty())
        QCOMPARE(config.setting(s).source, u"environment variable "_s + envName);
}

void TestSharedConfig::maxAttempts()
{
    TempHome home;
    home.config(u"[default]\nmax_attempts = 4\n"_s);
    QString error;
    QCOMPARE(SharedConfig::load(home.env()).maxAttempts(&error).value_or(-1), 4);
    QVERIFY(error.isEmpty());
    const auto bad = SharedConfig::load(home.env({u"AWS_MAX_ATTEMPTS=zero"_s}));
    QVERIFY(!bad.maxAttempts(&error).has_value());
    QVERIFY2(error.contains(u"AWS_MAX_ATTEMPTS"_s), qPrintable(error));
    QVERIFY(!SharedConfig::load(home.env({u"AWS_MAX_ATTEMPTS=0"_s})).maxAttempts().has_value());
    QVERIFY(!SharedConfig().maxAttempts().has_value());
}

void TestSharedConfig::endpointUrl_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("source");
    QTest::addColumn<bool>("ignored");

    using Src = ConfiguredEndpoint::Source;
    const QString service = u"AWS_ENDPOINT_URL_CUSTOMER_PROFILES=http://service-env"_s;
    const QString global = u"AWS_ENDPOINT_URL=http://global-env"_s;

    QTest::newRow("service env first")
        << QStringList {service, global} << u"full"_s << u"http://service-env"_s
        << int(Src::ServiceEnvironment) << false;
    QTest::newRow("global env before config")
        << QStringList {global} << u"full"_s << u"http://global-env"_s
        << int(Src::GlobalEnvironment) << false;
    QTest::newRow("services section") << QStringList() << u"full"_s << u"http://services-cp"_s
                                      << int(Src::ServicesSection) << false;
    QTest::newRow("profile endpoint_url when section lacks the service")
        << QStringList() << u"other-service"_s << u"http://profile-wide"_s << int(Src::Profile)
        << false;
    QTest::newRow("profile endpoint_url without services")
        << QStringList() << u"profile-only"_s << u"http://profile-only"_s << int(Src::Profile)
        << false;
    QTest::newRow("nothing configured")
        << QStringList() << u"empty"_s << QString() << int(Src::None) << false;
    QTest::newRow("other service's env ignored")
        << QStringList {u"AWS_ENDPOINT_URL_IMAGEBUILDER=http://ib"_s} << u"empty"_s << QString()
        << int(Src::None) << false;
    QTest::newRow("env ignore flag")
        << QStringList {service, global, u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"_s} << u"full"_s
        << QString() << int(Src::None) << true;
    QTest::newRow("profile ignore flag")
        << QStringList {service, global} << u"ignoring"_s << QString() << int(Src::None) << true;
    QTest::newRow("env false overrides profile ignore")
        << QStringList {global, u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false"_s} << u"ignoring"_s
        << u"http://global-env"_s << int(Src::GlobalEnvironment) << false;
}

void TestSharedConfig::endpointUrl()
{
    QFETCH(QStringList, env);
    QFETCH(QString, profile);
    QFETCH(QString, url);
    QFETCH(int, source);
    QFETCH(bool, ignored);

    TempHome home;
    home.config(uR"([profile full]
services = svc
endpoint_url = http://profile-wide
[profile other-service]
services = svc-ib
endpoint_url = http://profile-wide
[profile profile-only]
endpoint_url = http://profile-only
[profile empty]
region = us-east-1
[profile ignoring]
services = svc
endpoint_url = http://profile-wide
ignore_configured_endpoint_urls = true
[services svc]
imagebuilder =
  endpoint_url = http://services-ib
customer_profiles =
  endpoint_url = http://services-cp
[services svc-ib]
imagebuilder =
  endpoint_url = http://services-ib
)"_s);
    const SharedConfig config = SharedConfig::load(home.env(env), profile);
    QVERIFY2(!config.hasError(), qPrintable(config.error()));
    const ConfiguredEndpoint endpoint =
        config.configuredEndpointUrl(u"CUSTOMER_PROFILES"_s, u"customer_profiles"_s);
    QVERIFY2(endpoint.error.isEmpty(), qPrintable(endpoint.error));
    QCOMPARE(endpoint.url, url);
    QCOMPARE(int(endpoint.source), source);
    QCOMPARE(endpoint.ignored, ignored);
    QCOMPARE(endpoint.isSet(), !url.isEmpty());
    if (!url.isEmpty() || ignored)
        QVERIFY(!endpoint.sourceDescription.isEmpty());
}

void TestSharedConfig::endpointUrlMissingServicesSection()
{
    TempHome home;
    home.config(u"[default]\nservices = gone\nendpoint_url = http://x\n"_s);
    const SharedConfig config = SharedConfig::load(home.env());
    const ConfiguredEndpoint endpoint =
        config.configuredEndpointUrl(u"CODECATALYST"_s, u"codecatalyst"_s);
    QVERIFY(!endpoint.isSet());
    QVERIFY2(endpoint.error.contains(u"\"gone\""_s), qPrintable(endpoint.error));
    QVERIFY(config.servicesSection(u"gone"_s).isEmpty());
    QVERIFY(!config.hasServicesSection(u"gone"_s));
}

void TestSharedConfig::endpointKeys_data()
{
    QTest::addColumn<QString>("serviceId");
    QTest::addColumn<QString>("envKey");
    QTest::addColumn<QString>("configKey");

    QTest::newRow("MHO") << u"MigrationHubOrchestrator"_s << u"MIGRATIONHUBORCHESTRATOR"_s
                         << u"migrationhuborchestrator"_s;
    QTest::newRow("Customer Profiles")
        << u"Customer Profiles"_s << u"CUSTOMER_PROFILES"_s << u"customer_profiles"_s;
    QTest::newRow("imagebuilder") << u"imagebuilder"_s << u"IMAGEBUILDER"_s << u"imagebuilder"_s;
    QTest::newRow("CodeCatalyst") << u"CodeCatalyst"_s << u"CODECATALYST"_s << u"codecatalyst"_s;
    QTest::newRow("hyphen") << u"some-service"_s << u"SOME_SERVICE"_s << u"some_service"_s;
}

void TestSharedConfig::endpointKeys()
{
    QFETCH(QString, serviceId);
    QFETCH(QString, envKey);
    QFETCH(QString, configKey);
    QCOMPARE(SharedConfig::endpointEnvironmentKey(serviceId), envKey);
    QCOMPARE(SharedConfig::endpointConfigKey(serviceId), configKey);
}

QTEST_GUILESS_MAIN(TestSharedConfig)

#include "tst_sharedconfig.moc"
