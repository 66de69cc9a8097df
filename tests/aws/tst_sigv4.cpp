#include "aws/sigv4signer.h"
#include "support/shareddir.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using sw::aws::Credentials;
using sw::aws::HttpRequest;
using sw::aws::SigningParams;
using sw::aws::SigV4Signer;

namespace {

constexpr int expectedCaseCount = 38;

// One case of the aws-c-auth suite, read the way its own harness reads it (README.txt).
struct SuiteCase {
    HttpRequest request;
    Credentials credentials;
    SigningParams params;
    int expiresSeconds = 0;
};

bool readFile(const QString &path, QByteArray *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    *out = file.readAll();
    out->removeIf([](char c) { return c == '\r'; });
    return true;
}

// "METHOD SP raw-target SP HTTP/1.1", "Name:value" lines (a line starting with whitespace
// continues the previous one), a blank line, the body. The target may contain spaces.
bool parseRequest(const QByteArray &text, HttpRequest *request, QString *error)
{
    const qsizetype blank = text.indexOf("\n\n");
    QByteArray head = blank < 0 ? text : text.left(blank);
    request->body = blank < 0 ? QByteArray() : text.mid(blank + 2);
    if (head.endsWith('\n'))
        head.chop(1);
    const QList<QByteArray> lines = head.split('\n');

    const QByteArray &requestLine = lines.first();
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace) {
        *error = u"bad request line: %1"_s.arg(QString::fromUtf8(requestLine));
        return false;
    }
    request->method = requestLine.left(firstSpace);
    const QByteArray target = requestLine.mid(firstSpace + 1, lastSpace - firstSpace - 1);
    const qsizetype question = target.indexOf('?');
    request->path = question < 0 ? target : target.left(question);
    request->query.clear();
    if (question >= 0) {
        for (const QByteArray &pair : target.mid(question + 1).split('&')) {
            if (pair.isEmpty())
                continue;
            const qsizetype eq = pair.indexOf('=');
            const QByteArray key = eq < 0 ? pair : pair.left(eq);
            const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
            request->query.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
        }
    }

    request->headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (request->headers.isEmpty()) {
                *error = u"continuation line before any header"_s;
                return false;
            }
            // An obs-fold counts as whitespace; the signer must collapse it with the rest.
            request->headers.last().second += ' ' + line;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            *error = u"bad header line: %1"_s.arg(QString::fromUtf8(line));
            return false;
        }
        request->headers.append({line.left(colon), line.mid(colon + 1)});
    }
    request->host = request->headerValue("Host");
    return true;
}

bool loadCase(const QString &dir, SuiteCase *c, QString *error)
{
    QByteArray text;
    if (!readFile(dir + u"/request.txt"_s, &text, error) || !parseRequest(text, &c->request, error))
        return false;

    QByteArray json;
    if (!readFile(dir + u"/context.json"_s, &json, error))
        return false;
    QJsonParseError parseError;
    const QJsonObject context = QJsonDocument::fromJson(json, &parseError).object();
    if (context.isEmpty()) {
        *error = u"context.json: %1"_s.arg(parseError.errorString());
        return false;
    }
    const QJsonObject credentials = context.value(u"credentials"_s).toObject();
    c->credentials.accessKeyId = credentials.value(u"access_key_id"_s).toString();
    c->credentials.secretAccessKey = credentials.value(u"secret_access_key"_s).toString();
    c->credentials.sessionToken = credentials.value(u"token"_s).toString();
    c->params.region = context.value(u"region"_s).toString();
    c->params.service = context.value(u"service"_s).toString();
    c->params.time = QDateTime::fromString(context.value(u"timestamp"_s).toString(), Qt::ISODate);
    c->params.normalizePath = context.value(u"normalize"_s).toBool(true);
    c->params.signBody = context.value(u"sign_body"_s).toBool(false);
    c->params.omitSessionToken = context.value(u"omit_session_token"_s).toBool(false);
    c->expiresSeconds = context.value(u"expiration_in_seconds"_s).toInt();
    if (!c->params.time.isValid() || !c->credentials.isValid()) {
        *error = u"context.json lacks a timestamp or credentials"_s;
        return false;
    }
    return true;
}

// Derived here independently of the signer, so that its own formatting is under test too.
QByteArray amzDate(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
}

QString dateStamp(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyyMMdd"_s);
}

QByteArray hmacHex(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256).toHex();
}

struct Authorization {
    QByteArray algorithm, credential, signedHeaders, signature;
    qsizetype parts = 0;
};

Authorization parseAuthorization(const QByteArray &value)
{
    Authorization out;
    const qsizetype space = value.indexOf(' ');
    out.algorithm = value.left(space);
    for (const QByteArray &part : value.mid(space + 1).split(',')) {
        const QByteArray item = part.trimmed();
        ++out.parts;
        if (item.startsWith("Credential="))
            out.credential = item.mid(11);
        else if (item.startsWith("SignedHeaders="))
            out.signedHeaders = item.mid(14);
        else if (item.startsWith("Signature="))
            out.signature = item.mid(10);
    }
    return out;
}

QStringList headerNames(const HttpRequest &request)
{
    QStringList names;
    for (const auto &header : request.headers)
        names.append(QString::fromLatin1(header.first.toLower()));
    names.sort();
    names.removeDuplicates();
    return names;
}

QStringList queryItems(const HttpRequest &request)
{
    QStringList items;
    for (const auto &[key, value] : request.query)
        items.append(key + u'=' + value);
    items.sort();
    return items;
}

// As the suite's harness does: method and path exactly, Authorization piecewise, other
// headers by case-insensitive name with exact value, query parameters as a set.
void compareWithSample(const HttpRequest &actual, const HttpRequest &sample)
{
    QCOMPARE(actual.method, sample.method);
    QCOMPARE(actual.path, sample.path);
    QCOMPARE(actual.body, sample.body);
    QCOMPARE(headerNames(actual), headerNames(sample));
    for (const QString &name : headerNames(sample)) {
        const QByteArray key = name.toLatin1();
        if (name == u"authorization"_s) {
            const Authorization a = parseAuthorization(actual.headerValue(key));
            const Authorization s = parseAuthorization(sample.headerValue(key));
            QCOMPARE(a.parts, 3);
            QCOMPARE(a.algorithm, s.algorithm);
            QCOMPARE(a.credential, s.credential);
            QCOMPARE(a.signedHeaders, s.signedHeaders);
            QCOMPARE(a.signature, s.signature);
        } else {
            QCOMPARE(actual.headerValue(key), sample.headerValue(key));
        }
    }
    QCOMPARE(queryItems(actual), queryItems(sample));
}

constexpr char docSecret[] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

HttpRequest simpleRequest()
{
    HttpRequest request;
    request.method = "POST";
    request.host = "example.amazonaws.com";
    request.path = "/workflows/wf-1";
    request.query = {{u"stepGroupId"_s, u"sg 1"_s}};
    request.headers = {{"Host", request.host}, {"Content-Type", "application/json"}};
    request.body = "{}";
    return request;
}

Credentials credentials(const QString &token = {}, const QString &secret = {})
{
    Credentials c;
    c.accessKeyId = u"AKIDEXAMPLE"_s;
    c.secretAccessKey = secret.isEmpty() ? QString::fromLatin1(docSecret) : secret;
    c.sessionToken = token;
    return c;
}

SigningParams params()
{
    SigningParams p;
    p.region = u"eu-west-1"_s;
    p.service = u"migrationhub-orchestrator"_s;
    p.time = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 58), Qt::UTC);
    return p;
}

Authorization authorizationOf(const HttpRequest &request)
{
    return parseAuthorization(request.headerValue("Authorization"));
}

QString queryValue(const HttpRequest &request, const QString &key)
{
    for (const auto &[k, v] : request.query) {
        if (k == key)
            return v;
    }
    return {};
}

} // namespace

class TestSigV4 : public QObject {
    Q_OBJECT

private slots:
    void headerMode_data() { addSuiteRows(); }
    void headerMode();
    void queryMode_data() { addSuiteRows(); }
    void queryMode();

    void signingKeyKnownAnswer();
    void sessionTokenSignedOrOmitted();
    void cachedKeyMatchesDerivation();
    void rotatedSecretChangesSignature();
    void cacheIsBounded();
    void resigningReplacesOldSignature();
    void pathNormalizationAndDoubleEncoding();

private:
    static void addSuiteRows();
};

void TestSigV4::addSuiteRows()
{
    SW_REQUIRE_SHARED_DIR();
    QTest::addColumn<QString>("dir");
    const QDir root(sw::test::sharedDir() + u"/sigv4-testsuite/v4"_s);
    const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QCOMPARE(cases.size(), expectedCaseCount);
    for (const QString &name : cases)
        QTest::newRow(qPrintable(name)) << root.filePath(name);
}

void TestSigV4::headerMode()
{
    SW_REQUIRE_SHARED_DIR();
    QFETCH(QString, dir);
    SuiteCase c;
    QString error;
    QVERIFY2(loadCase(dir, &c, &error), qPrintable(error));
    QByteArray expectedCanonical, expectedStringToSign, expectedSignature, sampleText;
    QVERIFY2(readFile(dir + u"/header-canonical-request.txt"_s, &expectedCanonical, &error)
            && readFile(dir + u"/header-string-to-sign.txt"_s, &expectedStringToSign, &error)
            && readFile(dir + u"/header-signature.txt"_s, &expectedSignature, &error)
            && readFile(dir + u"/header-signed-request.txt"_s, &sampleText, &error),
        qPrintable(error));

    // The pieces, on the request as sign() prepares it (README: what is added before signing).
    HttpRequest prepared = c.request;
    prepared.setHeader("X-Amz-Date", amzDate(c.params.time));
    if (!c.credentials.sessionToken.isEmpty() && !c.params.omitSessionToken)
        prepared.setHeader("X-Amz-Security-Token", c.credentials.sessionToken.toUtf8());
    if (c.params.signBody)
        prepared.setHeader("x-amz-content-sha256",
            QCryptographicHash::hash(prepared.body, QCryptographicHash::Sha256).toHex());
    const QByteArray canonical = SigV4Signer::canonicalRequest(prepared, c.params);
    QCOMPARE(canonical, expectedCanonical);
    const QByteArray stringToSign = SigV4Signer::stringToSign(canonical, c.params);
    QCOMPARE(stringToSign, expectedStringToSign);
    const QByteArray key = SigV4Signer::signingKey(
        c.credentials.secretAccessKey, dateStamp(c.params.time), c.params.region, c.params.service);
    QCOMPARE(hmacHex(key, stringToSign), expectedSignature);

    // And the whole of sign(), against the sample signed request.
    HttpRequest signedRequest = c.request;
    SigV4Signer signer;
    signer.sign(signedRequest, c.credentials, c.params);
    QCOMPARE(authorizationOf(signedRequest).signature, expectedSignature);
    HttpRequest sample;
    QVERIFY2(parseRequest(sampleText, &sample, &error), qPrintable(error));
    compareWithSample(signedRequest, sample);
}

void TestSigV4::queryMode()
{
    SW_REQUIRE_SHARED_DIR();
    QFETCH(QString, dir);
    SuiteCase c;
    QString error;
    QVERIFY2(loadCase(dir, &c, &error), qPrintable(error));
    QByteArray expectedCanonical, expectedStringToSign, expectedSignature, sampleText;
    QVERIFY2(readFile(dir + u"/query-canonical-request.txt"_s, &expectedCanonical, &error)
            && readFile(dir + u"/query-string-to-sign.txt"_s, &expectedStringToSign, &error)
            && readFile(dir + u"/query-signature.txt"_s, &expectedSignature, &error)
            && readFile(dir + u"/query-signed-request.txt"_s, &sampleText, &error),
        qPrintable(error));

    const QString scope = dateStamp(c.params.time) + u'/' + c.params.region + u'/'
        + c.params.service + u"/aws4_request"_s;
    QCOMPARE(SigV4Signer::credentialScope(c.params), scope.toUtf8());

    // Presigning leaves the headers alone, so the signed list is that of the bare request.
    QByteArray signedHeaders;
    SigV4Signer::canonicalRequest(c.request, c.params, &signedHeaders);
    HttpRequest prepared = c.request;
    prepared.query.append({u"X-Amz-Algorithm"_s, u"AWS4-HMAC-SHA256"_s});
    prepared.query.append({u"X-Amz-Credential"_s, c.credentials.accessKeyId + u'/' + scope});
    prepared.query.append({u"X-Amz-Date"_s, QString::fromLatin1(amzDate(c.params.time))});
    prepared.query.append({u"X-Amz-Expires"_s, QString::number(c.expiresSeconds)});
    prepared.query.append({u"X-Amz-SignedHeaders"_s, QString::fromLatin1(signedHeaders)});
    if (!c.credentials.sessionToken.isEmpty() && !c.params.omitSessionToken)
        prepared.query.append({u"X-Amz-Security-Token"_s, c.credentials.sessionToken});
    const QByteArray canonical = SigV4Signer::canonicalRequest(prepared, c.params);
    QCOMPARE(canonical, expectedCanonical);
    const QByteArray stringToSign = SigV4Signer::stringToSign(canonical, c.params);
    QCOMPARE(stringToSign, expectedStringToSign);
    const QByteArray key = SigV4Signer::signingKey(
        c.credentials.secretAccessKey, dateStamp(c.params.time), c.params.region, c.params.service);
    QCOMPARE(hmacHex(key, stringToSign), expectedSignature);

    HttpRequest presigned = c.request;
    SigV4Signer signer;
    signer.presign(presigned, c.credentials, c.params, c.expiresSeconds);
    QCOMPARE(queryValue(presigned, u"X-Amz-Signature"_s).toLatin1(), expectedSignature);
    HttpRequest sample;
    QVERIFY2(parseRequest(sampleText, &sample, &error), qPrintable(error));
    compareWithSample(presigned, sample);
}

void TestSigV4::signingKeyKnownAnswer()
{
    // docs.aws.amazon.com, "Examples of how to derive a signing key for Signature Version 4".
    const QByteArray key = SigV4Signer::signingKey(
        QString::fromLatin1(docSecret), u"20120215"_s, u"us-east-1"_s, u"iam"_s);
    QCOMPARE(key.toHex(), "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
}

void TestSigV4::sessionTokenSignedOrOmitted()
{
    const QString token = u"FwoGZXIvYXdzEXAMPLE/token+with=specials"_s;
    SigV4Signer signer;
    SigningParams p = params();

    HttpRequest plain = simpleRequest();
    signer.sign(plain, credentials(), p);
    QVERIFY(!plain.hasHeader("X-Amz-Security-Token"));

    HttpRequest signedToken = simpleRequest();
    signer.sign(signedToken, credentials(token), p);
    QCOMPARE(signedToken.headerValue("X-Amz-Security-Token"), token.toUtf8());
    QCOMPARE(authorizationOf(signedToken).signedHeaders,
        "content-type;host;x-amz-date;x-amz-security-token");
    QVERIFY(authorizationOf(signedToken).signature != authorizationOf(plain).signature);

    // Omitted: sent, but the signature is the one made without any token.
    p.omitSessionToken = true;
    HttpRequest omitted = simpleRequest();
    signer.sign(omitted, credentials(token), p);
    QCOMPARE(omitted.headerValue("X-Amz-Security-Token"), token.toUtf8());
    QCOMPARE(authorizationOf(omitted).signedHeaders, "content-type;host;x-amz-date");
    QCOMPARE(authorizationOf(omitted).signature, authorizationOf(plain).signature);

    // The same in query form.
    HttpRequest presignedPlain = simpleRequest();
    signer.presign(presignedPlain, credentials(), params(), 900);
    HttpRequest presignedOmitted = simpleRequest();
    signer.presign(presignedOmitted, credentials(token), p, 900);
    QCOMPARE(queryValue(presignedOmitted, u"X-Amz-Security-Token"_s), token);
    QCOMPARE(queryValue(presignedOmitted, u"X-Amz-Signature"_s),
        queryValue(presignedPlain, u"X-Amz-Signature"_s));
    HttpRequest presignedToken = simpleRequest();
    signer.presign(presignedToken, credentials(token), params(), 900);
    QCOMPARE(queryValue(presignedToken, u"X-Amz-Security-Token"_s), token);
    QVERIFY(queryValue(presignedToken, u"X-Amz-Signature"_s)
        != queryValue(presignedPlain, u"X-Amz-Signature"_s));
}

void TestSigV4::cachedKeyMatchesDerivation()
{
    const QString secret = QString::fromLatin1(docSecret);
    const SigningParams p = params();
    const QByteArray uncached = SigV4Signer::signingKey(secret, u"20240229"_s, p.region, p.service);
    SigV4Signer signer;
    QCOMPARE(signer.cachedSigningKey(secret, u"20240229"_s, p.region, p.service), uncached);
    QCOMPARE(signer.cachedKeyCount(), 1);
    QCOMPARE(signer.cachedSigningKey(secret, u"20240229"_s, p.region, p.service), uncached);
    QCOMPARE(signer.cachedKeyCount(), 1);
    QVERIFY(signer.cachedSigningKey(secret, u"20240229"_s, p.region, u"profile"_s) != uncached);
    QCOMPARE(signer.cachedKeyCount(), 2);

    // A warm signer signs exactly as a fresh one does.
    HttpRequest warm = simpleRequest();
    signer.sign(warm, credentials(), p);
    HttpRequest fresh = simpleRequest();
    SigV4Signer().sign(fresh, credentials(), p);
    QCOMPARE(warm.headerValue("Authorization"), fresh.headerValue("Authorization"));
    QCOMPARE(signer.cachedKeyCount(), 2);
}

void TestSigV4::rotatedSecretChangesSignature()
{
    const QString rotated = u"je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"_s;
    SigV4Signer signer;
    HttpRequest before = simpleRequest();
    signer.sign(before, credentials(), params());
    HttpRequest after = simpleRequest();
    signer.sign(after, credentials({}, rotated), params());
    QVERIFY(authorizationOf(after).signature != authorizationOf(before).signature);

    HttpRequest fresh = simpleRequest();
    SigV4Signer().sign(fresh, credentials({}, rotated), params());
    QCOMPARE(authorizationOf(after).signature, authorizationOf(fresh).signature);
}

void TestSigV4::cacheIsBounded()
{
    SigV4Signer signer;
    SigningParams p = params();
    for (int i = 0; i < 200; ++i) {
        p.service = u"service-%1"_s.arg(i);
        HttpRequest request = simpleRequest();
        signer.sign(request, credentials(), p);
        QVERIFY(signer.cachedKeyCount() <= 64);
    }
    QCOMPARE(
        signer.cachedSigningKey(QString::fromLatin1(docSecret), u"20240229"_s, p.region, p.service),
        SigV4Signer::signingKey(
            QString::fromLatin1(docSecret), u"20240229"_s, p.region, p.service));
}

void TestSigV4::resigningReplacesOldSignature()
{
    SigV4Signer signer;
    SigningParams later = params();
    later.time = later.time.addSecs(5);

    HttpRequest retried = simpleRequest();
    signer.sign(retried, credentials(u"token-1"_s), params());
    signer.sign(retried, credentials(u"token-2"_s), later);
    HttpRequest once = simpleRequest();
    signer.sign(once, credentials(u"token-2"_s), later);
    QCOMPARE(retried.headers, once.headers);
    QCOMPARE(retried.headerValue("X-Amz-Date"), "20240301T000003Z");

    HttpRequest represigned = simpleRequest();
    signer.presign(represigned, credentials(u"token-1"_s), params(), 60);
    signer.presign(represigned, credentials(u"token-2"_s), later, 60);
    HttpRequest presignedOnce = simpleRequest();
    signer.presign(presignedOnce, credentials(u"token-2"_s), later, 60);
    QCOMPARE(queryItems(represigned), queryItems(presignedOnce));
}

void TestSigV4::pathNormalizationAndDoubleEncoding()
{
    HttpRequest request = simpleRequest();
    request.path = "/a/b/../c/./d//e%2Ff/";
    SigningParams p = params();
    const auto canonicalPath = [&] {
        return SigV4Signer::canonicalRequest(request, p).split('\n').value(1);
    };
    QCOMPARE(canonicalPath(), "/a/c/d/e%252Ff/");
    p.normalizePath = false;
    QCOMPARE(canonicalPath(), "/a/b/../c/./d//e%252Ff/");
    request.path.clear();
    QCOMPARE(canonicalPath(), "/");

    // A key without value, sorting by encoded key then value, '+' and ' ' kept apart.
    request.query = {{u"b"_s, u"2"_s}, {u"a"_s, u"x y"_s}, {u"a"_s, u"x+y"_s}, {u"c"_s, {}}};
    QCOMPARE(
        SigV4Signer::canonicalRequest(request, p).split('\n').value(2), "a=x%20y&a=x%2By&b=2&c=");
}

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
