// CodeCatalyst's bearer token: AWS_BEARER_TOKEN_<SIGNING_NAME>, then the token cache that
// `aws sso login` writes, with real cache files in a temporary HOME; plus the ISO-8601 parsing
// that expiresAt (and credential_process's Expiration) go through.

#include "support/temphome.h"

#include "aws/bearertoken.h"
#include "aws/jsonreader.h"
#include "aws/sharedconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using sw::aws::BearerTokenResult;
using sw::aws::SharedConfig;

using sw::test::TempHome;

namespace {

const QString Token = u"SECRET-TOKEN-1"_s;
const QString StartUrl = u"https://d-abc123.awsapps.com/start"_s;
// sha1 hex digests computed independently (Python hashlib), as the AWS CLI names the files.
const QString SessionCacheFile = u"0ad374308c5a4e22f723adf10145eafad7c4031c.json"_s; // "my-sso"
const QString LegacyCacheFile = u"40a89917e3175433e361b710a9d43528d7f1890a.json"_s; // StartUrl

const QString SessionConfig = uR"([default]
sso_session = my-sso
region = us-west-2
[profile no-section]
sso_session = missing-sso
[profile incomplete]
sso_session = half
[profile legacy]
sso_start_url = https://d-abc123.awsapps.com/start
sso_region = us-east-1
[profile plain]
region = us-east-1
[sso-session my-sso]
sso_start_url = https://d-abc123.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = codecatalyst:read_write
[sso-session half]
sso_start_url = https://d-abc123.awsapps.com/start
)"_s;

QDateTime now()
{
    return QDateTime(QDate(2026, 11, 21), QTime(17, 0), Qt::UTC);
}

QString cacheJson(const QString &expiresAt, const QString &token = Token)
{
    return uR"({"startUrl": "%1", "region": "us-east-1", "accessToken": "%2", "expiresAt": "%3", "refreshToken": "SECRET-REFRESH"})"_s
        .arg(StartUrl, token, expiresAt);
}

} // namespace

class TestBearerToken : public QObject {
    Q_OBJECT

private slots:
    void environmentVariable_data();
    void environmentVariable();
    void timestamps_data();
    void timestamps();
    void cachePath();
    void fromEnvironment();
    void fromCache_data();
    void fromCache();
    void legacyStartUrl();
    void errors_data();
    void errors();
};

void TestBearerToken::environmentVariable_data()
{
    QTest::addColumn<QString>("signingName");
    QTest::addColumn<QString>("variable");

    QTest::newRow("codecatalyst") << u"codecatalyst"_s << u"AWS_BEARER_TOKEN_CODECATALYST"_s;
    QTest::newRow("mixed case") << u"CodeCatalyst"_s << u"AWS_BEARER_TOKEN_CODECATALYST"_s;
    QTest::newRow("hyphen") << u"bedrock-runtime"_s << u"AWS_BEARER_TOKEN_BEDROCK_RUNTIME"_s;
}

void TestBearerToken::environmentVariable()
{
    QFETCH(QString, signingName);
    QFETCH(QString, variable);
    QCOMPARE(sw::aws::bearerTokenEnvironmentVariable(signingName), variable);
}

void TestBearerToken::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime base(QDate(2026, 11, 21), QTime(18, 0), Qt::UTC);
    QTest::newRow("Z") << u"2026-11-21T18:00:00Z"_s << base;
    QTest::newRow("millis") << u"2026-11-21T18:00:00.250Z"_s << base.addMSecs(250);
    QTest::newRow("micros") << u"2026-11-21T18:00:00.123456Z"_s << base.addMSecs(123);
    QTest::newRow("offset") << u"2026-11-21T20:00:00+02:00"_s << base;
    QTest::newRow("old CLI UTC suffix") << u"2026-11-21T18:00:00UTC"_s << base;
    QTest::newRow("no zone means UTC") << u"2026-11-21T18:00:00"_s << base;
    QTest::newRow("garbage") << u"tomorrow"_s << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
}

void TestBearerToken::timestamps()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = sw::aws::parseIsoTimestamp(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(parsed.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

void TestBearerToken::cachePath()
{
    TempHome home;
    const QString cache = home.path() + u"/.aws/sso/cache/"_s;
    QCOMPARE(sw::aws::ssoTokenCachePath(home.env(), u"my-sso"_s), cache + SessionCacheFile);
    QCOMPARE(sw::aws::ssoTokenCachePath(home.env(), StartUrl), cache + LegacyCacheFile);
    QVERIFY(sw::aws::ssoTokenCachePath(QProcessEnvironment(), u"my-sso"_s).isEmpty());
}

void TestBearerToken::fromEnvironment()
{
    TempHome home;
    home.write(u".aws/config"_s, SessionConfig);
    // An expired cached token must not matter when the variable is set.
    home.write(u".aws/sso/cache/"_s + SessionCacheFile, cacheJson(u"2001-01-01T00:00:00Z"_s));
    const QProcessEnvironment env = home.env({u"AWS_BEARER_TOKEN_CODECATALYST=ENV-TOKEN"_s,
        u"AWS_BEARER_TOKEN_BEDROCK_RUNTIME=OTHER-TOKEN"_s});
    const SharedConfig config = SharedConfig::load(env);

    const BearerTokenResult result = sw::aws::bearerToken(env, config, now());
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.token, u"ENV-TOKEN"_s);
    QCOMPARE(result.source, u"environment"_s);
    QVERIFY(!result.expiration.isValid());

    const BearerTokenResult other = sw::aws::bearerToken(env, config, now(), u"bedrock-runtime"_s);
    QCOMPARE(other.token, u"OTHER-TOKEN"_s);
}

void TestBearerToken::fromCache_data()
{
    QTest::addColumn<QString>("expiresAt");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime six(QDate(2026, 11, 21), QTime(18, 0), Qt::UTC);
    QTest::newRow("Z") << u"2026-11-21T18:00:00Z"_s << six;
    QTest::newRow("fractional") << u"2026-11-21T18:00:00.500Z"_s << six.addMSecs(500);
    QTest::newRow("offset") << u"2026-11-21T19:00:00+01:00"_s << six;
    QTest::newRow("old CLI UTC suffix") << u"2026-11-21T18:00:00UTC"_s << six;
    QTest::newRow("one second left") << u"2026-11-21T17:00:01Z"_s << now().addSecs(1);
}

void TestBearerToken::fromCache()
{
    QFETCH(QString, expiresAt);
    QFETCH(QDateTime, expected);

    TempHome home;
    home.write(u".aws/config"_s, SessionConfig);
    home.write(u".aws/sso/cache/"_s + SessionCacheFile, cacheJson(expiresAt));
    const BearerTokenResult result =
        sw::aws::bearerToken(home.env(), SharedConfig::load(home.env()), now());
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.token, Token);
    QCOMPARE(result.source, u"sso-token-cache"_s);
    QCOMPARE(result.expiration.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

void TestBearerToken::legacyStartUrl()
{
    TempHome home;
    home.write(u".aws/config"_s, SessionConfig);
    home.write(u".aws/sso/cache/"_s + LegacyCacheFile, cacheJson(u"2026-11-21T18:00:00Z"_s));
    const BearerTokenResult result =
        sw::aws::bearerToken(home.env(), SharedConfig::load(home.env(), u"legacy"_s), now());
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.token, Token);
}

void TestBearerToken::errors_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("cacheFile");
    QTest::addColumn<QString>("cacheContent");
    QTest::addColumn<QStringList>("expected");

    const QString login = u"run `aws sso login --sso-session my-sso`"_s;
    QTest::newRow("expires now") << QString() << SessionCacheFile
                                 << cacheJson(u"2026-11-21T17:00:00Z"_s)
                                 << QStringList {u"expired at 2026-11-21T17:00:00Z"_s, login};
    QTest::newRow("expired") << QString() << SessionCacheFile
                             << cacheJson(u"2026-11-20T17:00:00.123Z"_s)
                             << QStringList {u"sso-session 'my-sso' expired"_s, login};
    QTest::newRow("no cache file") << QString() << QString() << QString()
                                   << QStringList {SessionCacheFile + u" does not exist"_s, login};
    QTest::newRow("no accessToken")
        << QString() << SessionCacheFile << cacheJson(u"2026-11-21T18:00:00Z"_s, QString())
        << QStringList {u"has no accessToken"_s, login};
    QTest::newRow("no expiresAt") << QString() << SessionCacheFile
                                  << uR"({"accessToken": "SECRET-TOKEN-1"})"_s
                                  << QStringList {u"has no valid expiresAt"_s, login};
    QTest::newRow("not JSON") << QString() << SessionCacheFile << u"SECRET-TOKEN-1"_s
                              << QStringList {u"is not a JSON object"_s, login};
    QTest::newRow("sso-session section missing")
        << u"no-section"_s << QString() << QString()
        << QStringList {
               u"refers to sso_session 'missing-sso'"_s, u"no [sso-session missing-sso] section"_s};
    QTest::newRow("sso-session incomplete")
        << u"incomplete"_s << QString() << QString()
        << QStringList {u"[sso-session half]"_s, u"missing sso_region"_s};
    QTest::newRow("legacy expired")
        << u"legacy"_s << LegacyCacheFile << cacheJson(u"2026-11-21T16:00:00Z"_s)
        << QStringList {u"profile 'legacy' expired"_s, u"run `aws sso login --profile legacy`"_s};
    QTest::newRow("legacy without cache")
        << u"legacy"_s << QString() << QString()
        << QStringList {LegacyCacheFile, u"aws sso login --profile legacy"_s};
    QTest::newRow("nothing configured") << u"plain"_s << QString() << QString()
                                        << QStringList {u"set AWS_BEARER_TOKEN_CODECATALYST"_s,
                                               u"configure an sso-session for profile 'plain'"_s};
    QTest::newRow("profile not found")
        << u"ghost"_s << QString() << QString()
        << QStringList {u"The config profile (ghost) could not be found"_s};
}

void TestBearerToken::errors()
{
    QFETCH(QString, profile);
    QFETCH(QString, cacheFile);
    QFETCH(QString, cacheContent);
    QFETCH(QStringList, expected);

    TempHome home;
    home.write(u".aws/config"_s, SessionConfig);
    if (!cacheFile.isEmpty())
        home.write(u".aws/sso/cache/"_s + cacheFile, cacheContent);
    const BearerTokenResult result =
        sw::aws::bearerToken(home.env(), SharedConfig::load(home.env(), profile), now());
    QVERIFY(!result.isValid());
    QVERIFY(result.token.isEmpty());
    for (const QString &part : expected)
        QVERIFY2(result.error.contains(part), qPrintable(result.error));
    QVERIFY2(!result.error.contains(Token), qPrintable(result.error));
    QVERIFY2(!result.error.contains(u"SECRET-REFRESH"_s), qPrintable(result.error));
}

QTEST_GUILESS_MAIN(TestBearerToken)

#include "tst_bearertoken.moc"
