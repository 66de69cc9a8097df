// The shared config/credentials files: the INI dialect botocore reads, profile selection,
// and the settings that environment variables override. Every test writes real files into
// a temporary HOME and passes an explicit environment.

#include "support/temphome.h"

#include "aws/configfile.h"
#include "aws/sharedconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using sw::aws::ConfigFile;
using sw::aws::ConfiguredEndpoint;
using sw::aws::SharedConfig;

using sw::test::TempHome;

namespace {

} // namespace

class TestConfigFile : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void subSections();
    void credentialsFileHasNoPrefixes();
    void defaultAliases();
    void malformedLinesWarn_data();
    void malformedLinesWarn();
    void readMissingAndUnreadable();
    void splitShellWords_data();
    void splitShellWords();

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

void TestConfigFile::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u"[default]\nregion = us-east-1\n"_s << u"default"_s << u"region"_s
                           << u"us-east-1"_s;
    QTest::newRow("whitespace trimmed") << u"[default]\n   region   =   eu-west-1   \n"_s
                                        << u"default"_s << u"region"_s << u"eu-west-1"_s;
    QTest::newRow("no spaces") << u"[default]\nregion=eu-west-3\n"_s << u"default"_s << u"region"_s
                               << u"eu-west-3"_s;
    QTest::newRow("full-line comments")
        << u"# top\n; also\n[default]\n  # indented comment\nregion = us-east-2\n# end\n"_s
        << u"default"_s << u"region"_s << u"us-east-2"_s;
    QTest::newRow("inline hash") << u"[default]\nregion = us-west-2 # where we run\n"_s
                                 << u"default"_s << u"region"_s << u"us-west-2"_s;
    QTest::newRow("inline semicolon") << u"[default]\nregion = us-west-1\t; note\n"_s
                                      << u"default"_s << u"region"_s << u"us-west-1"_s;
    QTest::newRow("hash without space is data")
        << u"[default]\nendpoint_url = http://localhost:4566/#frag\n"_s << u"default"_s
        << u"endpoint_url"_s << u"http://localhost:4566/#frag"_s;
    QTest::newRow("semicolon without space is data")
        << u"[default]\nx = a;b\n"_s << u"default"_s << u"x"_s << u"a;b"_s;
    QTest::newRow("header with comment") << u"[default]   # the usual\nregion = sa-east-1\n"_s
                                         << u"default"_s << u"region"_s << u"sa-east-1"_s;
    QTest::newRow("key lower-cased like configparser")
        << u"[default]\nRegion = ca-central-1\n"_s << u"default"_s << u"region"_s
        << u"ca-central-1"_s;
    QTest::newRow("colon delimiter")
        << u"[default]\nregion: ap-south-1\n"_s << u"default"_s << u"region"_s << u"ap-south-1"_s;
    QTest::newRow("equals inside value")
        << u"[default]\ncredential_process = tool --opt=a=b\n"_s << u"default"_s
        << u"credential_process"_s << u"tool --opt=a=b"_s;
    QTest::newRow("continuation joins lines")
        << u"[default]\nx = first\n    second ; comment\n  third\ny = 2\n"_s << u"default"_s
        << u"x"_s << u"first\nsecond\nthird"_s;
    QTest::newRow("empty value") << u"[default]\nx =\ny = 2\n"_s << u"default"_s << u"x"_s
                                 << QString();
    QTest::newRow("CRLF and BOM") << u"\uFEFF[default]\r\nregion = eu-north-1\r\n"_s << u"default"_s
                                  << u"region"_s << u"eu-north-1"_s;
    QTest::newRow("profile prefix")
        << u"[profile dev]\nregion = eu-south-1\n"_s << u"dev"_s << u"region"_s << u"eu-south-1"_s;
    QTest::newRow("bare name is not a profile in config")
        << u"[profile dev]\nregion = a\n[dev]\nregion = b\n"_s << u"dev"_s << u"region"_s << u"a"_s;
    QTest::newRow("quoted profile name") << u"[profile \"my dev\"]\nregion = me-south-1\n"_s
                                         << u"my dev"_s << u"region"_s << u"me-south-1"_s;
    QTest::newRow("extra spaces in header") << u"[  profile   dev  ]\nregion = af-south-1\n"_s
                                            << u"dev"_s << u"region"_s << u"af-south-1"_s;
    QTest::newRow("duplicate key: last wins")
        << u"[default]\nregion = a\nregion = b\n"_s << u"default"_s << u"region"_s << u"b"_s;
    QTest::newRow("repeated section merges")
        << u"[profile p]\nregion = a\nx = 1\n[profile p]\nregion = b\n"_s << u"p"_s << u"x"_s
        << u"1"_s;
}

void TestConfigFile::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, profile);
    QFETCH(QString, key);
    QFETCH(QString, expected);

    const ConfigFile file = ConfigFile::parse(text, ConfigFile::Kind::Config, u"config"_s);
    QVERIFY2(file.profiles().contains(profile), qPrintable(file.profiles().keys().join(u',')));
    QVERIFY(file.profiles().value(profile).contains(key));
    QCOMPARE(file.profiles().value(profile).value(key), expected);
}

void TestConfigFile::subSections()
{
    const QString text = uR"([profile dev]
services = my-svcs
s3 =
  Max_Concurrent_Requests = 20   # kept as written
region = us-east-1

[services my-svcs]
customer_profiles =

  # a comment inside the block
  endpoint_url = http://localhost:4566
imagebuilder =
    endpoint_url = https://ib.example.test ; with a comment
    other = x

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
)"_s;
    const ConfigFile file = ConfigFile::parse(text, ConfigFile::Kind::Config, u"config"_s);
    QVERIFY2(file.warnings().isEmpty(), qPrintable(file.warnings().join(u'\n')));

    const auto dev = file.profiles().value(u"dev"_s);
    QCOMPARE(dev.value(u"region"_s), u"us-east-1"_s);
    QCOMPARE(dev.value(u"services"_s), u"my-svcs"_s);
    QVERIFY(!dev.contains(u"s3"_s));
    QCOMPARE(dev.subSections.value(u"s3"_s).value(u"Max_Concurrent_Requests"_s), u"20"_s);

    QVERIFY(file.servicesSections().contains(u"my-svcs"_s));
    const auto services = file.servicesSections().value(u"my-svcs"_s).subSections;
    QCOMPARE(services.size(), 2);
    QCOMPARE(services.value(u"customer_profiles"_s).value(u"endpoint_url"_s),
        u"http://localhost:4566"_s);
    QCOMPARE(
        services.value(u"imagebuilder"_s).value(u"endpoint_url"_s), u"https://ib.example.test"_s);
    QCOMPARE(services.value(u"imagebuilder"_s).value(u"other"_s), u"x"_s);

    QCOMPARE(file.ssoSessions().value(u"corp"_s).value(u"sso_region"_s), u"eu-west-1"_s);
    QVERIFY(!file.profiles().contains(u"my-svcs"_s));
}

void TestConfigFile::credentialsFileHasNoPrefixes()
{
    const ConfigFile file = ConfigFile::parse(
        u"[default]\na = 1\n[profile dev]\na = 2\n[dev]\na = 3\n[sso-session x]\na = 4\n"_s,
        ConfigFile::Kind::Credentials, u"credentials"_s);
    QCOMPARE(file.profiles().value(u"profile dev"_s).value(u"a"_s), u"2"_s);
    QCOMPARE(file.profiles().value(u"dev"_s).value(u"a"_s), u"3"_s);
    QCOMPARE(file.profiles().value(u"sso-session x"_s).value(u"a"_s), u"4"_s);
    QVERIFY(file.ssoSessions().isEmpty());
    QCOMPARE(file.profiles().size(), 4);
}

void TestConfigFile::defaultAliases()
{
    const ConfigFile prefixedOnly =
        ConfigFile::parse(u"[profile default]\nregion = a\n"_s, ConfigFile::Kind::Config);
    QCOMPARE(prefixedOnly.profiles().value(u"default"_s).value(u"region"_s), u"a"_s);

    const ConfigFile both = ConfigFile::parse(
        u"[profile default]\nregion = a\n[default]\nregion = b\noutput = json\n"_s,
        ConfigFile::Kind::Config, u"cfg"_s);
    QCOMPARE(both.profiles().size(), 1);
    QCOMPARE(both.profiles().value(u"default"_s).value(u"region"_s), u"a"_s);
    QVERIFY(!both.profiles().value(u"default"_s).contains(u"output"_s));
    QCOMPARE(both.warnings().size(), 1);
    QVERIFY(both.warnings().first().startsWith(u"cfg:3: "_s));
}

void TestConfigFile::malformedLinesWarn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");

    QTest::newRow("no delimiter") << u"[default]\nregion = a\nAKIAPASTEDSECRET\nlater = ok\n"_s
                                  << 3;
    QTest::newRow("before any section") << u"AKIAPASTEDSECRET = x\n[default]\nlater = ok\n"_s << 1;
    QTest::newRow("unclosed header")
        << u"[default]\nlater = ok\n[profile AKIAPASTEDSECRET\nx = 1\n"_s << 3;
    QTest::newRow("empty key") << u"[default]\n = AKIAPASTEDSECRET\nlater = ok\n"_s << 2;
    QTest::newRow("nested line without =")
        << u"[default]\ns3 =\n  AKIAPASTEDSECRET\n  a = b\nlater = ok\n"_s << 3;
    QTest::newRow("bad quoting in header")
        << u"[profile \"AKIAPASTEDSECRET]\nx = 1\n[default]\nlater = ok\n"_s << 1;
}

void TestConfigFile::malformedLinesWarn()
{
    QFETCH(QString, text);
    QFETCH(int, line);

    const ConfigFile file = ConfigFile::parse(text, ConfigFile::Kind::Config, u"my-config"_s);
    QCOMPARE(file.warnings().size(), 1);
    const QString warning = file.warnings().first();
    QVERIFY2(warning.startsWith(u"my-config:%1: "_s.arg(line)), qPrintable(warning));
    QVERIFY2(!warning.contains(u"AKIAPASTEDSECRET"_s), qPrintable(warning));
    // The rest of the file still counts.
    QCOMPARE(file.profiles().value(u"default"_s).value(u"later"_s), u"ok"_s);
}

void TestConfigFile::readMissingAndUnreadable()
{
    TempHome home;
    QString error;
    const ConfigFile missing =
        ConfigFile::read(home.path() + u"/nope"_s, ConfigFile::Kind::Config, &error);
    QVERIFY(!missing.exists());
    QVERIFY(error.isEmpty());
    QVERIFY(missing.profiles().isEmpty());

    const QString path = home.config(u"[default]\nregion = a\n"_s);
    const ConfigFile ok = ConfigFile::read(path, ConfigFile::Kind::Config, &error);
    QVERIFY(ok.exists());
    QVERIFY(error.isEmpty());
    QCOMPARE(ok.fileName(), path);

    QFile::setPermissions(path, QFileDevice::Permissions());
    if (QFile(path).open(QIODevice::ReadOnly))
        QSKIP("running with privileges that read any file (root)");
    ConfigFile::read(path, ConfigFile::Kind::Config, &error);
    QVERIFY2(error.contains(path), qPrintable(error));

    const SharedConfig config = SharedConfig::load(home.env());
    QVERIFY(config.hasError());
    QVERIFY(config.error().contains(path));
}

void TestConfigFile::splitShellWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<bool>("ok");

    QTest::newRow("plain") << u"a b  c"_s << QStringList {u"a"_s, u"b"_s, u"c"_s} << true;
    QTest::newRow("single quotes")
        << u"tool 'one two' x"_s << QStringList {u"tool"_s, u"one two"_s, u"x"_s} << true;
    QTest::newRow("double quotes with escapes")
        << uR"("a \"b\" \\ \n")"_s << QStringList {uR"(a "b" \ \n)"_s} << true;
    QTest::newRow("backslash escapes space")
        << uR"(/my\ dir/tool)"_s << QStringList {u"/my dir/tool"_s} << true;
    QTest::newRow("adjacent quoting joins") << u"a'b'\"c\"d"_s << QStringList {u"abcd"_s} << true;
    QTest::newRow("empty quoted word") << u"x ''"_s << QStringList {u"x"_s, QString()} << true;
    QTest::newRow("unterminated") << u"a 'b"_s << QStringList() << false;
    QTest::newRow("trailing backslash") << u"a \\"_s << QStringList() << false;
}

void TestConfigFile::splitShellWords()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QFETCH(bool, ok);

    const auto result = sw::aws::splitShellWords(text);
    QCOMPARE(result.has_value(), ok);
    if (ok)
        QCOMPARE(*result, words);
}

void TestConfigFile::filePaths()
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

void TestConfigFile::credentialsFileWins()
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

void TestConfigFile::profileSelection_data()
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

void TestConfigFile::profileSelection()
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

void TestConfigFile::region_data()
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

void TestConfigFile::region()
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

void TestConfigFile::settings_data()
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

void TestConfigFile::settings()
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

void TestConfigFile::maxAttempts()
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

void TestConfigFile::endpointUrl_data()
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

void TestConfigFile::endpointUrl()
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

void TestConfigFile::endpointUrlMissingServicesSection()
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

void TestConfigFile::endpointKeys_data()
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

void TestConfigFile::endpointKeys()
{
    QFETCH(QString, serviceId);
    QFETCH(QString, envKey);
    QFETCH(QString, configKey);
    QCOMPARE(SharedConfig::endpointEnvironmentKey(serviceId), envKey);
    QCOMPARE(SharedConfig::endpointConfigKey(serviceId), configKey);
}

QTEST_GUILESS_MAIN(TestConfigFile)

#include "tst_configfile.moc"
