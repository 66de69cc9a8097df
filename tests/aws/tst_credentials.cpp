// The credential chain: its botocore order, the profile kinds stepwatch refuses, and
// credential_process (run for real: the scripts need /bin/sh) with its cache and refresh.

#include "support/temphome.h"

#include "aws/credentialsprovider.h"
#include "aws/sharedconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using sw::aws::Credentials;
using sw::aws::CredentialsProvider;
using sw::aws::CredentialsResult;
using sw::aws::SharedConfig;

using sw::test::TempHome;

namespace {

// Values that must never show up in an error message.
const QStringList Secrets = {u"AKIDSECRETID1"_s, u"SECRETKEYVALUE1"_s, u"SESSIONTOKEN1"_s};

const QString GoodJson =
    uR"({"Version": 1, "AccessKeyId": "AKIDSECRETID1", )"
    uR"("SecretAccessKey": "SECRETKEYVALUE1", "SessionToken": "SESSIONTOKEN1", )"
    uR"("Expiration": "2030-01-01T12:00:00Z"})"_s;

// How often the credential_process script ran: it appends a line to %DIR%/count.
int runs(const TempHome &home)
{
    QFile f(QDir(home.path()).filePath(u"count"_s));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return int(f.readAll().count('\n'));
}

QString leakedSecret(const QString &text)
{
    for (const QString &secret : Secrets) {
        if (text.contains(secret))
            return secret;
    }
    return {};
}

} // namespace

class TestCredentials : public QObject {
    Q_OBJECT

private slots:
    void chain_data();
    void chain();
    void partialKeys_data();
    void partialKeys();
    void unsupportedKinds_data();
    void unsupportedKinds();
    void nothingFound();
    void missingExplicitProfile();
    void processArgumentsAndEnvironment();
    void processFromPath();
    void processFailures_data();
    void processFailures();
    void refreshBeforeExpiry();
    void cacheWithoutExpiration();
    void staticCredentials();
};

void TestCredentials::chain_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("credentials");
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("accessKey");
    QTest::addColumn<QString>("token");

    const QStringList envKeys = {u"AWS_ACCESS_KEY_ID=ENVKEY"_s, u"AWS_SECRET_ACCESS_KEY=ENVSEC"_s};
    const QString fileKeys = u"[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = S\n"
                             "[dev]\naws_access_key_id = DEVKEY\naws_secret_access_key = S\n"_s;
    const QString configKeys =
        u"[default]\naws_access_key_id = CFGKEY\naws_secret_access_key = S\n"_s;
    const QString process = u"credential_process = %PROCESS%\n"_s;

    QTest::newRow("environment") << envKeys << configKeys << fileKeys << QString()
                                 << u"environment"_s << u"ENVKEY"_s << QString();
    QTest::newRow("environment session token")
        << (envKeys + QStringList {u"AWS_SESSION_TOKEN=TOK"_s}) << QString() << QString()
        << QString() << u"environment"_s << u"ENVKEY"_s << u"TOK"_s;
    QTest::newRow("legacy AWS_SECURITY_TOKEN")
        << (envKeys + QStringList {u"AWS_SECURITY_TOKEN=OLDTOK"_s}) << QString() << QString()
        << QString() << u"environment"_s << u"ENVKEY"_s << u"OLDTOK"_s;
    QTest::newRow("AWS_PROFILE keeps the environment first")
        << (envKeys + QStringList {u"AWS_PROFILE=dev"_s}) << QString() << fileKeys << QString()
        << u"environment"_s << u"ENVKEY"_s << QString();
    QTest::newRow("--profile skips the environment")
        << envKeys << QString() << fileKeys << u"dev"_s << u"shared-credentials-file"_s
        << u"DEVKEY"_s << QString();
    QTest::newRow("environment beats an assume-role profile")
        << envKeys << u"[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = x\n"_s
        << QString() << QString() << u"environment"_s << u"ENVKEY"_s << QString();
    QTest::newRow("credentials file before config file")
        << QStringList() << configKeys << fileKeys << QString() << u"shared-credentials-file"_s
        << u"FILEKEY"_s << QString();
    QTest::newRow("config file") << QStringList() << configKeys << QString() << QString()
                                 << u"config-file"_s << u"CFGKEY"_s << QString();
    QTest::newRow("credential_process before config-file keys")
        << QStringList() << configKeys + process << QString() << QString()
        << u"credential_process"_s << u"PROCKEY"_s << u"PROCTOKEN"_s;
    QTest::newRow("credentials-file keys before credential_process")
        << QStringList() << u"[default]\n"_s + process << fileKeys << QString()
        << u"shared-credentials-file"_s << u"FILEKEY"_s << QString();
    QTest::newRow("credential_process in the credentials file")
        << QStringList() << QString() << u"[default]\n"_s + process << QString()
        << u"credential_process"_s << u"PROCKEY"_s << u"PROCTOKEN"_s;
    QTest::newRow("session token in a file")
        << QStringList() << QString()
        << u"[default]\naws_access_key_id = K\naws_secret_access_key = S\n"
           "aws_session_token = FILETOK\n"_s
        << QString() << u"shared-credentials-file"_s << u"K"_s << u"FILETOK"_s;
    QTest::newRow("aws_security_token in a file")
        << QStringList() << QString()
        << u"[default]\naws_access_key_id = K\naws_secret_access_key = S\n"
           "aws_security_token = LEGACYTOK\n"_s
        << QString() << u"shared-credentials-file"_s << u"K"_s << u"LEGACYTOK"_s;
    QTest::newRow("sso_session alone does not mean SSO credentials")
        << QStringList()
        << u"[default]\nsso_session = corp\n"_s + configKeys.mid(10)
            + u"[sso-session corp]\nsso_start_url = https://x\nsso_region = us-east-1\n"_s
        << QString() << QString() << u"config-file"_s << u"CFGKEY"_s << QString();
}

void TestCredentials::chain()
{
    QFETCH(QStringList, env);
    QFETCH(QString, config);
    QFETCH(QString, credentials);
    QFETCH(QString, flag);
    QFETCH(QString, source);
    QFETCH(QString, accessKey);
    QFETCH(QString, token);

    TempHome home;
    const QString script = home.script(u"proc.sh"_s,
        u"echo '{\"Version\": 1, \"AccessKeyId\": \"PROCKEY\", "
        "\"SecretAccessKey\": \"PROCSECRET\", \"SessionToken\": \"PROCTOKEN\"}'"_s);
    config.replace(u"%PROCESS%"_s, script);
    credentials.replace(u"%PROCESS%"_s, script);
    if (!config.isEmpty())
        home.write(u".aws/config"_s, config);
    if (!credentials.isEmpty())
        home.write(u".aws/credentials"_s, credentials);

    const QProcessEnvironment environment = home.env(env);
    CredentialsProvider provider(SharedConfig::load(environment, flag));
    const CredentialsResult result = provider.credentials();
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.source, source);
    QCOMPARE(result.credentials.accessKeyId, accessKey);
    QCOMPARE(result.credentials.sessionToken, token);
}

void TestCredentials::partialKeys_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("credentials");
    QTest::addColumn<QString>("missing");

    QTest::newRow("credentials file without secret")
        << QStringList() << QString() << u"[default]\naws_access_key_id = AKIDSECRETID1\n"_s
        << u"no aws_secret_access_key"_s;
    QTest::newRow("credentials file without key id")
        << QStringList() << QString() << u"[default]\naws_secret_access_key = SECRETKEYVALUE1\n"_s
        << u"no aws_access_key_id"_s;
    QTest::newRow("config file without secret")
        << QStringList() << u"[default]\naws_access_key_id = AKIDSECRETID1\n"_s << QString()
        << u"no aws_secret_access_key"_s;
    QTest::newRow("environment without secret")
        << QStringList {u"AWS_ACCESS_KEY_ID=AKIDSECRETID1"_s} << QString() << QString()
        << u"AWS_SECRET_ACCESS_KEY is not"_s;
    QTest::newRow("environment without key id")
        << QStringList {u"AWS_SECRET_ACCESS_KEY=SECRETKEYVALUE1"_s} << QString() << QString()
        << u"AWS_ACCESS_KEY_ID is not"_s;
}

void TestCredentials::partialKeys()
{
    QFETCH(QStringList, env);
    QFETCH(QString, config);
    QFETCH(QString, credentials);
    QFETCH(QString, missing);

    TempHome home;
    const QString configPath = home.write(u".aws/config"_s, config);
    const QString credentialsPath = home.write(u".aws/credentials"_s, credentials);
    const QProcessEnvironment environment = home.env(env);
    CredentialsProvider provider(environment, SharedConfig::load(environment));
    const CredentialsResult result = provider.credentials();
    QVERIFY(!result.isValid());
    QVERIFY(!result.credentials.isValid());
    QVERIFY2(result.error.contains(missing), qPrintable(result.error));
    if (!config.isEmpty())
        QVERIFY2(result.error.contains(configPath), qPrintable(result.error));
    if (!credentials.isEmpty())
        QVERIFY2(result.error.contains(credentialsPath), qPrintable(result.error));
    QVERIFY2(leakedSecret(result.error).isEmpty(), qPrintable(result.error));
}

void TestCredentials::unsupportedKinds_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QStringList>("expected");

    // Static keys in the credentials file must not hide the unsupported kind: botocore
    // would use the role/SSO/web identity, not the keys.
    QTest::newRow("assume role with source_profile")
        << QStringList() << u"role_arn = arn:aws:iam::1:role/r\nsource_profile = base\n"_s
        << QStringList {u"role_arn (assume role"_s, u"source_profile 'base'"_s};
    QTest::newRow("assume role with credential_source")
        << QStringList()
        << u"role_arn = arn:aws:iam::1:role/r\ncredential_source = Ec2InstanceMetadata\n"_s
        << QStringList {u"role_arn"_s, u"credential_source Ec2InstanceMetadata"_s};
    QTest::newRow("web identity in the profile")
        << QStringList() << u"role_arn = arn:aws:iam::1:role/r\nweb_identity_token_file = /t\n"_s
        << QStringList {u"web_identity_token_file (assume role with web identity)"_s};
    QTest::newRow("web identity from the environment")
        << QStringList {u"AWS_WEB_IDENTITY_TOKEN_FILE=/t"_s,
               u"AWS_ROLE_ARN=arn:aws:iam::1:role/r"_s}
        << QString() << QStringList {u"AWS_WEB_IDENTITY_TOKEN_FILE"_s};
    QTest::newRow("SSO role credentials via sso-session")
        << QStringList()
        << u"sso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\n"_s
        << QStringList {
               u"sso_account_id/sso_role_name"_s, u"sso_session 'corp'"_s, u"export-credentials"_s};
    QTest::newRow("legacy SSO role credentials")
        << QStringList()
        << u"sso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n"
           "sso_account_id = 111122223333\nsso_role_name = Dev\n"_s
        << QStringList {u"sso_account_id/sso_role_name"_s, u"via sso_start_url"_s};
    QTest::newRow("login session") << QStringList() << u"login_session = arn:aws:iam::1:user/u\n"_s
                                   << QStringList {u"login_session"_s};
}

void TestCredentials::unsupportedKinds()
{
    QFETCH(QStringList, env);
    QFETCH(QString, profile);
    QFETCH(QStringList, expected);

    TempHome home;
    home.write(u".aws/config"_s, u"[profile x]\n"_s + profile);
    home.write(u".aws/credentials"_s,
        u"[x]\naws_access_key_id = AKIDSECRETID1\naws_secret_access_key = SECRETKEYVALUE1\n"_s);
    const QProcessEnvironment environment = home.env(env + QStringList {u"AWS_PROFILE=x"_s});
    CredentialsProvider provider(environment, SharedConfig::load(environment));
    const CredentialsResult result = provider.credentials();
    QVERIFY(!result.isValid());
    QVERIFY2(
        result.error.contains(u"which stepwatch does not support"_s), qPrintable(result.error));
    for (const QString &part : expected)
        QVERIFY2(result.error.contains(part), qPrintable(result.error));
    QVERIFY2(leakedSecret(result.error).isEmpty(), qPrintable(result.error));
}

void TestCredentials::nothingFound()
{
    TempHome home;
    home.write(u".aws/config"_s, u"[profile dev]\nregion = us-east-1\n"_s);
    const QProcessEnvironment environment = home.env(
        {u"AWS_ACCESS_KEY_ID=AKIDSECRETID1"_s, u"AWS_SECRET_ACCESS_KEY=SECRETKEYVALUE1"_s});
    CredentialsProvider provider(environment, SharedConfig::load(environment, u"dev"_s));
    const CredentialsResult result = provider.credentials();
    QVERIFY(!result.isValid());
    const QStringList expected = {u"profile 'dev'"_s, u"AWS_ACCESS_KEY_ID"_s,
        u"skipped because a profile was named explicitly"_s,
        home.path() + u"/.aws/credentials (not found)"_s,
        home.path() + u"/.aws/config (no aws_access_key_id in [profile dev])"_s,
        u"credential_process in profile 'dev' (not set)"_s};
    for (const QString &part : expected)
        QVERIFY2(result.error.contains(part), qPrintable(result.error));
    QVERIFY2(leakedSecret(result.error).isEmpty(), qPrintable(result.error));

    TempHome empty;
    CredentialsProvider none(empty.env(), SharedConfig::load(empty.env()));
    const QString error = none.credentials().error;
    QVERIFY2(error.contains(u"profile 'default'"_s), qPrintable(error));
    QVERIFY2(error.contains(u"AWS_SECRET_ACCESS_KEY (not set)"_s), qPrintable(error));
    QVERIFY2(error.contains(u"/.aws/config (not found)"_s), qPrintable(error));

    // Without HOME there is no default path to look at, and the message says why.
    const QProcessEnvironment homeless;
    CredentialsProvider lost(homeless, SharedConfig::load(homeless));
    QVERIFY2(lost.credentials().error.contains(u"neither its variable nor HOME is set"_s),
        qPrintable(lost.credentials().error));
}

void TestCredentials::missingExplicitProfile()
{
    TempHome home;
    CredentialsProvider provider(home.env(), SharedConfig::load(home.env(), u"ghost"_s));
    QCOMPARE(provider.credentials().error, u"The config profile (ghost) could not be found"_s);
}

void TestCredentials::processArgumentsAndEnvironment()
{
    TempHome home;
    // A space in the path and a quoted argument: split like shlex, run without a shell.
    const QString script = home.script(u"my tools/creds.sh"_s,
        uR"(printf '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "S", )"
        uR"("SessionToken": "%s|%s", "Expiration": "2030-01-01T12:00:00Z"}' )"
        uR"("$STEPWATCH_MARKER" "$1" "$#")"_s);
    home.write(u".aws/config"_s,
        u"[default]\ncredential_process = \"%1\" 'first arg; not a comment' second\n"_s.arg(
            script));
    const QProcessEnvironment env = home.env({u"STEPWATCH_MARKER=from-given-env"_s});
    CredentialsProvider provider(env, SharedConfig::load(env));
    provider.setClock([] { return QDateTime(QDate(2029, 1, 1), QTime(), Qt::UTC); });
    const CredentialsResult result = provider.credentials();
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.source, u"credential_process"_s);
    QCOMPARE(result.credentials.accessKeyId, u"from-given-env"_s);
    QCOMPARE(result.credentials.sessionToken, u"first arg; not a comment|2"_s);
    QCOMPARE(result.credentials.expiration, QDateTime(QDate(2030, 1, 1), QTime(12, 0), Qt::UTC));
}

void TestCredentials::processFromPath()
{
    TempHome home;
    home.script(u"bin/creds-tool"_s,
        u"echo '{\"Version\": 1, \"AccessKeyId\": \"PATHKEY\", \"SecretAccessKey\": "
        "\"S\"}'"_s);
    home.write(u".aws/config"_s, u"[default]\ncredential_process = creds-tool --flag\n"_s);
    const QProcessEnvironment env = home.env({u"PATH=/nonexistent:"_s + home.path() + u"/bin"_s});
    CredentialsProvider provider(env, SharedConfig::load(env));
    const CredentialsResult result = provider.credentials();
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.credentials.accessKeyId, u"PATHKEY"_s);
    QVERIFY(!result.credentials.expiration.isValid());

    // Only the given environment's PATH counts.
    const QProcessEnvironment noPath = home.env();
    CredentialsProvider lost(noPath, SharedConfig::load(noPath));
    QVERIFY2(lost.credentials().error.contains(u"could not find 'creds-tool' on PATH"_s),
        qPrintable(lost.credentials().error));
}

void TestCredentials::processFailures_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<QStringList>("expected");

    const QString print = u"echo '%1'"_s;
    QTest::newRow("exit 1 with stderr")
        << QString() << print.arg(GoodJson) + u"\necho 'token expired, run login' >&2\nexit 1"_s
        << 10000 << QStringList {u"exited with code 1"_s, u"token expired, run login"_s};
    QTest::newRow("not JSON") << QString() << u"echo 'SECRETKEYVALUE1 is not json'"_s << 10000
                              << QStringList {u"not a JSON object"_s};
    QTest::newRow("JSON array") << QString() << u"echo '[\"SECRETKEYVALUE1\"]'"_s << 10000
                                << QStringList {u"not a JSON object"_s};
    QTest::newRow("Version 2") << QString()
                               << print.arg(QString(GoodJson).replace(
                                      u"\"Version\": 1"_s, u"\"Version\": 2"_s))
                               << 10000 << QStringList {u"unsupported Version 2"_s};
    QTest::newRow("Version as a string")
        << QString()
        << print.arg(QString(GoodJson).replace(u"\"Version\": 1"_s, u"\"Version\": \"1\""_s))
        << 10000 << QStringList {u"unsupported Version"_s};
    QTest::newRow("no Version") << QString()
                                << print.arg(
                                       QString(GoodJson).replace(u"\"Version\": 1, "_s, QString()))
                                << 10000 << QStringList {u"no Version"_s};
    QTest::newRow("no SecretAccessKey")
        << QString()
        << print.arg(QString(GoodJson).replace(u"\"SecretAccessKey\""_s, u"\"Other\""_s)) << 10000
        << QStringList {u"missing required key in the output: SecretAccessKey"_s};
    QTest::newRow("no AccessKeyId")
        << QString() << print.arg(QString(GoodJson).replace(u"\"AccessKeyId\""_s, u"\"Other\""_s))
        << 10000 << QStringList {u"missing required key in the output: AccessKeyId"_s};
    QTest::newRow("bad Expiration")
        << QString() << print.arg(QString(GoodJson).replace(u"2030-01-01T12:00:00Z"_s, u"soon"_s))
        << 10000 << QStringList {u"Expiration is not an ISO-8601 timestamp"_s};
    QTest::newRow("already expired")
        << QString() << print.arg(QString(GoodJson).replace(u"2030-01-01"_s, u"2001-01-01"_s))
        << 10000 << QStringList {u"expired at 2001-01-01T12:00:00Z"_s};
    QTest::newRow("timeout") << QString() << u"sleep 5"_s << 300
                             << QStringList {u"did not finish within 0.3 seconds"_s};
    QTest::newRow("killed") << QString() << print.arg(GoodJson) + u"\nkill -9 $$"_s << 10000
                            << QStringList {u"crashed"_s};
    QTest::newRow("missing program") << u"/nonexistent/tool --x"_s << QString() << 10000
                                     << QStringList {u"could not start '/nonexistent/tool'"_s};
    QTest::newRow("unterminated quote")
        << u"tool 'oops"_s << QString() << 10000 << QStringList {u"unterminated quote"_s};
}

void TestCredentials::processFailures()
{
    QFETCH(QString, command);
    QFETCH(QString, body);
    QFETCH(int, timeoutMs);
    QFETCH(QStringList, expected);

    TempHome home;
    if (command.isEmpty())
        command = home.script(u"proc.sh"_s, body);
    home.write(u".aws/config"_s, u"[profile p]\ncredential_process = "_s + command + u'\n');
    const QProcessEnvironment env = home.env({u"AWS_PROFILE=p"_s});
    CredentialsProvider provider(env, SharedConfig::load(env));
    provider.setProcessTimeout(timeoutMs);
    provider.setClock([] { return QDateTime(QDate(2029, 1, 1), QTime(), Qt::UTC); });
    const CredentialsResult result = provider.credentials();
    QVERIFY(!result.isValid());
    QCOMPARE(result.source, u"credential_process"_s);
    QVERIFY2(result.error.contains(u"profile 'p'"_s), qPrintable(result.error));
    for (const QString &part : expected)
        QVERIFY2(result.error.contains(part), qPrintable(result.error));
    QVERIFY2(leakedSecret(result.error).isEmpty(), qPrintable(result.error));
}

void TestCredentials::refreshBeforeExpiry()
{
    TempHome home;
    const QString script = home.script(u"proc.sh"_s, uR"(echo run >> "%DIR%/count"
if [ -e "%DIR%/fail" ]; then echo "refresh broke" >&2; exit 3; fi
n=$(wc -l < "%DIR%/count" | tr -d ' ')
printf '{"Version": 1, "AccessKeyId": "KEY%s", "SecretAccessKey": "S", "SessionToken": "T", "Expiration": "2030-01-01T12:00:00Z"}' "$n")"_s);
    home.write(u".aws/config"_s, u"[default]\ncredential_process = "_s + script + u'\n');

    const QDateTime expiry(QDate(2030, 1, 1), QTime(12, 0), Qt::UTC);
    QDateTime now = expiry.addSecs(-60 * 60);
    CredentialsProvider provider(home.env(), SharedConfig::load(home.env()));
    provider.setClock([&now] { return now; });

    auto key = [&] {
        const CredentialsResult r = provider.credentials();
        return r.isValid() ? r.credentials.accessKeyId : u"error: "_s + r.error;
    };
    QCOMPARE(key(), u"KEY1"_s);
    QCOMPARE(key(), u"KEY1"_s);
    QCOMPARE(runs(home), 1);

    now = expiry.addSecs(-16 * 60); // outside the advisory window: cached
    QCOMPARE(key(), u"KEY1"_s);
    QCOMPARE(runs(home), 1);

    now = expiry.addSecs(-14 * 60); // advisory window: refreshed
    QCOMPARE(key(), u"KEY2"_s);
    QCOMPARE(runs(home), 2);

    home.write(u"fail"_s, QString());
    now = expiry.addSecs(-12 * 60); // advisory refresh fails: the old ones still serve
    QCOMPARE(key(), u"KEY2"_s);
    QCOMPARE(runs(home), 3);

    now = expiry.addSecs(-9 * 60); // mandatory window: a failed refresh is an error
    const CredentialsResult failed = provider.credentials();
    QVERIFY(!failed.isValid());
    QVERIFY2(
        failed.error.contains(u"exited with code 3: refresh broke"_s), qPrintable(failed.error));
    QCOMPARE(runs(home), 4);

    QFile::remove(home.path() + u"/fail"_s);
    QCOMPARE(key(), u"KEY5"_s);
    QCOMPARE(runs(home), 5);

    provider.invalidate();
    now = expiry.addSecs(-60 * 60);
    QCOMPARE(key(), u"KEY6"_s);
    QCOMPARE(runs(home), 6);

    now = expiry.addSecs(1); // the process keeps returning expired credentials
    QVERIFY(provider.credentials().error.contains(u"expired at"_s));
    QCOMPARE(runs(home), 7);
}

void TestCredentials::cacheWithoutExpiration()
{
    TempHome home;
    const QString script = home.script(u"proc.sh"_s, uR"(echo run >> "%DIR%/count"
echo '{"Version": 1, "AccessKeyId": "LONGTERM", "SecretAccessKey": "S"}')"_s);
    home.write(u".aws/config"_s, u"[default]\ncredential_process = "_s + script + u'\n');
    QDateTime now(QDate(2030, 1, 1), QTime(), Qt::UTC);
    CredentialsProvider provider(home.env(), SharedConfig::load(home.env()));
    provider.setClock([&now] { return now; });
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(provider.credentials().credentials.accessKeyId, u"LONGTERM"_s);
        now = now.addYears(1);
    }
    QCOMPARE(runs(home), 1);
}

void TestCredentials::staticCredentials()
{
    Credentials credentials;
    credentials.accessKeyId = u"AKIDSECRETID1"_s;
    credentials.secretAccessKey = u"SECRETKEYVALUE1"_s;
    auto provider = CredentialsProvider::fromStatic(credentials);
    QVERIFY(provider->credentials().isValid());
    QCOMPARE(provider->credentials().source, u"static"_s);
    QCOMPARE(provider->credentials().credentials.secretAccessKey, u"SECRETKEYVALUE1"_s);
    QCOMPARE(CredentialsProvider::fromStatic(credentials, u"--debug"_s)->credentials().source,
        u"--debug"_s);

    credentials.secretAccessKey.clear();
    const CredentialsResult half = CredentialsProvider::fromStatic(credentials)->credentials();
    QVERIFY(!half.isValid());
    QVERIFY(!half.error.isEmpty());
    QVERIFY(leakedSecret(half.error).isEmpty());
}

QTEST_GUILESS_MAIN(TestCredentials)

#include "tst_credentials.moc"
