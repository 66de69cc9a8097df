// Credential sources as outside input: a credential_process that fails with secrets on its
// stderr, writes a gigabyte, or hands out tokens with line breaks in them; an SSO token cache
// or config file that is a FIFO, a device or far too big; a config of 100,000 keys. Each ends
// in a clear error (or, for config files, botocore's "no file"), quickly, and nothing secret
// is ever in a message.

#include "support/temphome.h"

#include "aws/bearertoken.h"
#include "aws/configfile.h"
#include "aws/credentialsprovider.h"
#include "aws/sharedconfig.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using sw::aws::BearerTokenResult;
using sw::aws::ConfigFile;
using sw::aws::CredentialsProvider;
using sw::aws::CredentialsResult;
using sw::aws::SharedConfig;
using sw::test::TempHome;

namespace {

const QString GoodJson = uR"({"Version": 1, "AccessKeyId": "AKIDHOSTILE1", )"
                         uR"("SecretAccessKey": "SECRETKEYVALUE1", "SessionToken": "%1"})"_s;

// How often the credential_process script ran: it appends a line to %DIR%/count.
int runs(const TempHome &home)
{
    QFile f(QDir(home.path()).filePath(u"count"_s));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return int(f.readAll().count('\n'));
}

CredentialsResult lookUp(TempHome &home, const QString &scriptBody, int timeoutMs = 20000)
{
    const QString script = home.script(u"proc.sh"_s, scriptBody);
    home.write(u".aws/config"_s, u"[profile p]\ncredential_process = "_s + script + u'\n');
    const QProcessEnvironment env = home.env({u"AWS_PROFILE=p"_s});
    CredentialsProvider provider(env, SharedConfig::load(env));
    provider.setProcessTimeout(timeoutMs);
    return provider.credentials();
}

bool makeFifo(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
}

} // namespace

class TestCredentialsHostile : public QObject {
    Q_OBJECT

private slots:
    void processStderrIsRedacted_data();
    void processStderrIsRedacted();
    void processOutputIsCapped_data();
    void processOutputIsCapped();
    void controlCharactersInCredentials_data();
    void controlCharactersInCredentials();
    void concurrentLookupsShareOneRun();
    void bearerTokenWithLineBreakIsRefused();
    void ssoCacheMustBeARegularFile_data();
    void ssoCacheMustBeARegularFile();
    void specialConfigFilesAreNoFiles();
    void hugeConfigFileIsRefused();
    void manyKeysParseAndWarnBriefly();
};

void TestCredentialsHostile::processStderrIsRedacted_data()
{
    QTest::addColumn<QString>("stderrText");
    QTest::addColumn<QStringList>("secrets");
    QTest::addColumn<QString>("kept");
    QTest::newRow("ini line")
        << u"aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"_s
        << QStringList {u"wJalrXUtnFEMI"_s, u"EXAMPLEKEY"_s}
        << u"aws_secret_access_key = <redacted>"_s;
    QTest::newRow("shell export") << u"export AWS_SECRET_ACCESS_KEY=short-secret-9"_s
                                  << QStringList {u"short-secret-9"_s}
                                  << u"AWS_SECRET_ACCESS_KEY=<redacted>"_s;
    QTest::newRow("python dict") << u"KeyError: {'SecretAccessKey': 'dict-secret-7', 'Other': 1}"_s
                                 << QStringList {u"dict-secret-7"_s}
                                 << u"KeyError: {'SecretAccessKey': <redacted>"_s;
    QTest::newRow("yaml with spaces")
        << u"SecretAccessKey: hunter two three"_s << QStringList {u"hunter"_s, u"three"_s}
        << u"SecretAccessKey: <redacted>"_s;
    QTest::newRow("session token json") << uR"(failed: {"SessionToken": "tok-abc-123"})"_s
                                        << QStringList {u"tok-abc-123"_s} << u"failed:"_s;
    QTest::newRow("bare base64 run")
        << u"cannot use wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY for this account"_s
        << QStringList {u"wJalrXUtnFEMI"_s} << u"cannot use <redacted> for this account"_s;
    QTest::newRow("second line never shown")
        << u"login failed\nAWS_SECRET_ACCESS_KEY line two: second-line-secret"_s
        << QStringList {u"second-line-secret"_s, u"line two"_s} << u"login failed"_s;
    QTest::newRow("escape sequences") << u"\x1b]0;owned\x07"
                                         u"bad \x1b[31mred"_s
                                      << QStringList {u"\x1b"_s, u"\x07"_s} << u"bad"_s;
}

void TestCredentialsHostile::processStderrIsRedacted()
{
    QFETCH(QString, stderrText);
    QFETCH(QStringList, secrets);
    QFETCH(QString, kept);
    TempHome home;
    home.write(u"stderr.txt"_s, stderrText + u'\n');
    const CredentialsResult r = lookUp(home, u"cat \"%DIR%/stderr.txt\" >&2\nexit 3"_s);
    QVERIFY(!r.isValid());
    QVERIFY2(r.error.contains(u"exited with code 3"_s), qPrintable(r.error));
    QVERIFY2(r.error.contains(kept), qPrintable(r.error));
    for (const QString &secret : secrets)
        QVERIFY2(!r.error.contains(secret), qPrintable(r.error));
}

void TestCredentialsHostile::processOutputIsCapped_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("stream");
    // A gigabyte each way: the process is stopped at the cap, long before it is done.
    QTest::newRow("stdout") << u"head -c 1073741824 /dev/zero\nexit 0"_s << u"standard output"_s;
    QTest::newRow("stderr") << u"head -c 1073741824 /dev/zero >&2\nexit 1"_s << u"standard error"_s;
}

void TestCredentialsHostile::processOutputIsCapped()
{
    QFETCH(QString, body);
    QFETCH(QString, stream);
    TempHome home;
    QElapsedTimer clock;
    clock.start();
    const CredentialsResult r = lookUp(home, body);
    QVERIFY(!r.isValid());
    QVERIFY2(r.error.contains(u"wrote more to its "_s + stream), qPrintable(r.error));
    // Writing the whole gigabyte through a pipe takes far longer than reaching the cap.
    QVERIFY2(clock.elapsed() < 15000, QByteArray::number(clock.elapsed()));
    QVERIFY(r.error.size() < 400);
}

void TestCredentialsHostile::controlCharactersInCredentials_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("session token CR LF")
        << GoodJson.arg(u"tok\\r\\nX-Injected: yes"_s) << u"session token"_s;
    QTest::newRow("access key id LF") << QString(GoodJson).arg(u"t"_s).replace(u"AKIDHOSTILE1"_s,
        u"AKID\\nX"_s) << u"access key id"_s;
    QTest::newRow("secret NUL") << QString(GoodJson).arg(u"t"_s).replace(u"SECRETKEYVALUE1"_s,
        u"SECRET\\u0000X"_s) << u"secret access key"_s;
}

void TestCredentialsHostile::controlCharactersInCredentials()
{
    QFETCH(QString, json);
    QFETCH(QString, field);
    TempHome home;
    home.write(u"creds.json"_s, json);
    const CredentialsResult r = lookUp(home, u"cat \"%DIR%/creds.json\""_s);
    QVERIFY(!r.isValid());
    QVERIFY2(r.error.contains(u"The %1 from credential_process"_s.arg(field)), qPrintable(r.error));
    QVERIFY2(r.error.contains(u"control character"_s), qPrintable(r.error));
    QVERIFY(!r.error.contains(u"X-Injected"_s));
    QVERIFY(!r.error.contains(u"SECRETKEYVALUE1"_s));
}

void TestCredentialsHostile::concurrentLookupsShareOneRun()
{
    // A failing helper that takes a second: four calls at once must not run it four times,
    // one after the other, with each caller waiting for all the runs before it.
    TempHome home;
    const QString script = home.script(
        u"proc.sh"_s, u"echo run >> \"%DIR%/count\"\nsleep 1\necho 'no session' >&2\nexit 2"_s);
    home.write(u".aws/config"_s, u"[profile p]\ncredential_process = "_s + script + u'\n');
    const QProcessEnvironment env = home.env({u"AWS_PROFILE=p"_s});
    CredentialsProvider provider(env, SharedConfig::load(env));
    QList<CredentialsResult> results(4);
    QList<QThread *> threads;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 4; ++i)
        threads.append(
            QThread::create([&provider, &results, i] { results[i] = provider.credentials(); }));
    for (QThread *t : std::as_const(threads))
        t->start();
    for (QThread *t : std::as_const(threads)) {
        QVERIFY(t->wait(30000));
        delete t;
    }
    QCOMPARE(runs(home), 1);
    for (const CredentialsResult &r : std::as_const(results)) {
        QVERIFY(!r.isValid());
        QVERIFY2(r.error.contains(u"exited with code 2: no session"_s), qPrintable(r.error));
    }
    QVERIFY2(clock.elapsed() < 3500, QByteArray::number(clock.elapsed()));

    // A failure is not kept: the next call (after `aws sso login`, say) runs it again.
    QVERIFY(!provider.credentials().isValid());
    QCOMPARE(runs(home), 2);
}

void TestCredentialsHostile::bearerTokenWithLineBreakIsRefused()
{
    TempHome home;
    const QProcessEnvironment env =
        home.env({u"AWS_BEARER_TOKEN_CODECATALYST=tok\r\nX-Injected: yes"_s});
    const BearerTokenResult r = sw::aws::bearerToken(
        env, SharedConfig::load(env), QDateTime::currentDateTimeUtc(), u"codecatalyst"_s);
    QVERIFY(!r.isValid());
    QVERIFY2(r.error.contains(u"AWS_BEARER_TOKEN_CODECATALYST contains a control character"_s),
        qPrintable(r.error));
    QVERIFY(!r.error.contains(u"X-Injected"_s));
}

void TestCredentialsHostile::ssoCacheMustBeARegularFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("FIFO") << u"fifo"_s << u"is a FIFO, not a regular file"_s;
    QTest::newRow("symlink to /dev/zero") << u"zero"_s << u"is a device, not a regular file"_s;
    QTest::newRow("directory") << u"dir"_s << u"is a directory, not a regular file"_s;
    QTest::newRow("2 MB file") << u"big"_s << u"more than the 1 MB it may be"_s;
}

void TestCredentialsHostile::ssoCacheMustBeARegularFile()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    TempHome home;
    home.write(u".aws/config"_s,
        u"[default]\nsso_session = s\n[sso-session s]\nsso_start_url = "
        u"https://x.awsapps.com/start\n"
        u"sso_region = us-east-1\n"_s);
    const QString path = sw::aws::ssoTokenCachePath(home.env(), u"s"_s);
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (kind == u"fifo")
        QVERIFY(makeFifo(path));
    else if (kind == u"zero")
        QVERIFY(QFile::link(u"/dev/zero"_s, path));
    else if (kind == u"dir")
        QVERIFY(QDir().mkpath(path));
    else
        home.write(QDir(home.path()).relativeFilePath(path), QString(2 * 1024 * 1024, u' '));
    QElapsedTimer clock;
    clock.start();
    const BearerTokenResult r = sw::aws::bearerToken(
        home.env(), SharedConfig::load(home.env()), QDateTime::currentDateTimeUtc());
    QVERIFY(!r.isValid());
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    QVERIFY2(r.error.contains(u"aws sso login"_s), qPrintable(r.error));
    QVERIFY2(clock.elapsed() < 2000, QByteArray::number(clock.elapsed()));
}

void TestCredentialsHostile::specialConfigFilesAreNoFiles()
{
    // As botocore's isfile check: not a regular file is no file. Never opened for a read that
    // would block (FIFO) or never end (/dev/zero).
    TempHome home;
    QVERIFY(makeFifo(home.path() + u"/.aws/config"_s));
    QVERIFY(QFile::link(u"/dev/zero"_s, home.path() + u"/.aws/credentials"_s));
    QElapsedTimer clock;
    clock.start();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"config file .* is a FIFO"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"credentials file .* is a device"_s));
    const SharedConfig config = SharedConfig::load(home.env({u"AWS_REGION=eu-west-1"_s}));
    QVERIFY2(!config.hasError(), qPrintable(config.error()));
    QVERIFY(!config.configFile().exists());
    QVERIFY(!config.credentialsFile().exists());
    QVERIFY2(clock.elapsed() < 2000, QByteArray::number(clock.elapsed()));
}

void TestCredentialsHostile::hugeConfigFileIsRefused()
{
    TempHome home;
    QFile file(home.path() + u"/.aws/config"_s);
    QDir().mkpath(home.path() + u"/.aws"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(ConfigFile::MaxBytes + 1));
    file.close();
    QString error;
    const ConfigFile read = ConfigFile::read(file.fileName(), ConfigFile::Kind::Config, &error);
    QVERIFY2(error.contains(u"more than the 16 MB it may be"_s), qPrintable(error));
    QVERIFY(read.profiles().isEmpty());
    const SharedConfig config = SharedConfig::load(home.env());
    QVERIFY(config.hasError());
    QVERIFY2(config.error().contains(u"16 MB"_s), qPrintable(config.error()));
}

void TestCredentialsHostile::manyKeysParseAndWarnBriefly()
{
    // 100,000 keys, every one of them twice: a linear parse keeps the last of each, and the
    // warnings stop after a handful (each used to be logged).
    QString text = u"[profile big]\n"_s;
    for (int i = 0; i < 100000; ++i)
        text += u"key%1 = first\n"_s.arg(i);
    for (int i = 0; i < 100000; ++i)
        text += u"key%1 = second %1\n"_s.arg(i);
    text += u"region = eu-central-1\n"_s;
    QLoggingCategory::setFilterRules(u"stepwatch.aws.config.warning=false"_s);
    const ConfigFile file = ConfigFile::parse(text, ConfigFile::Kind::Config, u"big"_s);
    QLoggingCategory::setFilterRules(QString());
    const sw::aws::ConfigSection profile = file.profiles().value(u"big"_s);
    QCOMPARE(profile.values.size(), 100001);
    QCOMPARE(profile.value(u"key0"_s), u"second 0"_s);
    QCOMPARE(profile.value(u"key99999"_s), u"second 99999"_s);
    QCOMPARE(profile.value(u"region"_s), u"eu-central-1"_s);
    QCOMPARE(file.warnings().size(), 51);
    QVERIFY(file.warnings().last().contains(u"99950 more warnings not shown"_s));
}

QTEST_GUILESS_MAIN(TestCredentialsHostile)
#include "tst_credentialshostile.moc"
