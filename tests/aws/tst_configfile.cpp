// The INI dialect of the shared config and credentials files, as botocore reads it: sections,
// sub-sections, comments, warnings for malformed lines, unreadable files, shell-word splitting.

#include "support/temphome.h"

#include "aws/configfile.h"
#include "aws/sharedconfig.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using sw::aws::ConfigFile;
using sw::aws::SharedConfig;

using sw::test::TempHome;

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

QTEST_GUILESS_MAIN(TestConfigFile)

#include "tst_configfile.moc"
