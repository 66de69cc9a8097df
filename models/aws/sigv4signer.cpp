#include "sigv4signer.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QVarLengthArray>

#include <algorithm>
#include <iterator>

namespace sw::aws {

namespace {

constexpr char algorithm[] = "AWS4-HMAC-SHA256";
constexpr char terminator[] = "aws4_request";
constexpr qsizetype maxCachedKeys = 64;

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray sha256Hex(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// Trims and collapses inner runs of whitespace (including obs-fold line breaks) to one space.
void appendNormalizedValue(QByteArray &out, QByteArrayView value)
{
    bool pendingSpace = false;
    bool any = false;
    for (const char c : value) {
        if (isBlank(c)) {
            pendingSpace = any;
            continue;
        }
        if (pendingSpace)
            out += ' ';
        out += c;
        pendingSpace = false;
        any = true;
    }
}

// Proxies, tracers and the network stack may rewrite these after signing, and signing an old
// Authorization into a new one is meaningless; the AWS SDKs leave the same set out.
bool isUnsignedHeader(QByteArrayView lowerName)
{
    return lowerName == "authorization" || lowerName == "user-agent" || lowerName == "expect"
        || lowerName == "x-amzn-trace-id";
}

// Lower-cased names, sorted; repeated names joined with ',' in their original order (hence a
// stable sort). Returns the "name:value\n" block and fills signedHeaders ("a;b").
QByteArray canonicalHeaders(const HttpRequest &request, QByteArray &signedHeaders)
{
    struct Entry {
        QByteArray name;
        QByteArrayView value;
    };
    QVarLengthArray<Entry, 16> entries;
    for (const auto &[name, value] : request.headers) {
        QByteArray lower = name.trimmed().toLower();
        if (isUnsignedHeader(lower))
            continue;
        entries.append({std::move(lower), value});
    }
    std::stable_sort(entries.begin(), entries.end(),
        [](const Entry &a, const Entry &b) { return a.name < b.name; });

    QByteArray out;
    out.reserve(256);
    signedHeaders.clear();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const bool repeated = i > 0 && entries[i].name == entries[i - 1].name;
        if (repeated) {
            out.chop(1); // the previous value's '\n'
            out += ',';
        } else {
            if (!signedHeaders.isEmpty())
                signedHeaders += ';';
            signedHeaders += entries[i].name;
            out += entries[i].name;
            out += ':';
        }
        appendNormalizedValue(out, entries[i].value);
        out += '\n';
    }
    return out;
}

// Removes "." and ".." segments and empty ones (collapsing "//"); a trailing slash survives,
// as in the AWS SDKs.
QByteArray normalizedPath(QByteArrayView path)
{
    QVarLengthArray<QByteArrayView, 16> segments;
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype end = start;
        while (end < path.size() && path[end] != '/')
            ++end;
        const QByteArrayView segment = path.sliced(start, end - start);
        if (segment == "..") {
            if (!segments.isEmpty())
                segments.removeLast();
        } else if (!segment.isEmpty() && segment != ".") {
            segments.append(segment);
        }
        start = end + 1;
    }
    QByteArray out(1, '/');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            out += '/';
        out += segments[i];
    }
    if (!segments.isEmpty() && path.endsWith('/'))
        out += '/';
    return out;
}

void appendCanonicalPath(QByteArray &out, const QByteArray &path, bool normalize)
{
    if (path.isEmpty()) {
        out += '/';
        return;
    }
    // Encoding the whole path with '/' kept is the same as encoding each segment.
    out += uriEncode(normalize ? QByteArrayView(normalizedPath(path)) : QByteArrayView(path), true);
}

void appendCanonicalQuery(QByteArray &out, const QList<QPair<QString, QString>> &query)
{
    QVarLengthArray<QPair<QByteArray, QByteArray>, 16> encoded;
    for (const auto &[key, value] : query)
        encoded.append({uriEncode(key), uriEncode(value)});
    std::sort(encoded.begin(), encoded.end());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        if (i > 0)
            out += '&';
        out += encoded[i].first;
        out += '=';
        out += encoded[i].second;
    }
}

QByteArray assembleCanonicalRequest(const HttpRequest &request, const SigningParams &params,
    const QByteArray &headerBlock, const QByteArray &signedHeaders)
{
    QByteArray out;
    out.reserve(headerBlock.size() + signedHeaders.size() + request.path.size() + 256);
    out += request.method;
    out += '\n';
    appendCanonicalPath(out, request.path, params.normalizePath);
    out += '\n';
    appendCanonicalQuery(out, request.query);
    out += '\n';
    out += headerBlock;
    out += '\n';
    out += signedHeaders;
    out += '\n';
    const QByteArray declaredHash = request.headerValue("x-amz-content-sha256");
    out += declaredHash.isEmpty() ? sha256Hex(request.body) : declaredHash;
    return out;
}

// Resolves the signing time once so that X-Amz-Date and the scope cannot straddle a second.
SigningParams withTime(const SigningParams &params)
{
    SigningParams resolved = params;
    resolved.time = params.time.isValid() ? params.time.toUTC() : QDateTime::currentDateTimeUtc();
    return resolved;
}

QByteArray credentialValue(const Credentials &credentials, const SigningParams &params)
{
    return credentials.accessKeyId.toUtf8() + '/' + SigV4Signer::credentialScope(params);
}

bool isPresignParameter(const QString &key)
{
    static constexpr QLatin1String names[] = {
        QLatin1String("X-Amz-Algorithm"),
        QLatin1String("X-Amz-Credential"),
        QLatin1String("X-Amz-Date"),
        QLatin1String("X-Amz-Expires"),
        QLatin1String("X-Amz-SignedHeaders"),
        QLatin1String("X-Amz-Security-Token"),
        QLatin1String("X-Amz-Signature"),
    };
    return std::any_of(
        std::begin(names), std::end(names), [&key](QLatin1String name) { return key == name; });
}

} // namespace

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    // By hand rather than QDateTime::toString(), which parses its format on every call.
    QByteArray out(16, 'T');
    const auto put = [&out](qsizetype at, int value, int digits) {
        for (qsizetype i = at + digits - 1; i >= at; --i, value /= 10)
            out[i] = char('0' + value % 10);
    };
    put(0, d.year(), 4);
    put(4, d.month(), 2);
    put(6, d.day(), 2);
    put(9, t.hour(), 2);
    put(11, t.minute(), 2);
    put(13, t.second(), 2);
    out[15] = 'Z';
    return out;
}

QByteArray SigV4Signer::credentialScope(const SigningParams &params)
{
    QByteArray scope = amzDate(params.time).left(8);
    scope += '/';
    scope += params.region.toUtf8();
    scope += '/';
    scope += params.service.toUtf8();
    scope += '/';
    scope += terminator;
    return scope;
}

QByteArray SigV4Signer::canonicalRequest(
    const HttpRequest &request, const SigningParams &params, QByteArray *signedHeaders)
{
    QByteArray signedList;
    const QByteArray headerBlock = canonicalHeaders(request, signedList);
    QByteArray out = assembleCanonicalRequest(request, params, headerBlock, signedList);
    if (signedHeaders)
        *signedHeaders = std::move(signedList);
    return out;
}

QByteArray SigV4Signer::stringToSign(
    const QByteArray &canonicalRequest, const SigningParams &params)
{
    QByteArray out;
    out.reserve(160);
    out += algorithm;
    out += '\n';
    out += amzDate(params.time);
    out += '\n';
    out += credentialScope(params);
    out += '\n';
    out += sha256Hex(canonicalRequest);
    return out;
}

QByteArray SigV4Signer::signingKey(
    const QString &secret, const QString &date, const QString &region, const QString &service)
{
    const QByteArray dateKey = hmac("AWS4" + secret.toUtf8(), date.toUtf8());
    const QByteArray regionKey = hmac(dateKey, region.toUtf8());
    const QByteArray serviceKey = hmac(regionKey, service.toUtf8());
    return hmac(serviceKey, QByteArray(terminator));
}

QByteArray SigV4Signer::cachedSigningKey(
    const QString &secret, const QString &date, const QString &region, const QString &service)
{
    // Nearly every call signs with the same key as the one before: compare the inputs
    // directly rather than hashing the secret for the map lookup each time.
    if (!m_lastKey.isEmpty() && m_lastDate == date && m_lastRegion == region
        && m_lastService == service && m_lastSecret == secret)
        return m_lastKey;

    QByteArray cacheKey = date.toUtf8();
    cacheKey += '\n';
    cacheKey += region.toUtf8();
    cacheKey += '\n';
    cacheKey += service.toUtf8();
    cacheKey += '\n';
    cacheKey += QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256);

    const auto remember = [&](const QByteArray &key) {
        m_lastSecret = secret;
        m_lastDate = date;
        m_lastRegion = region;
        m_lastService = service;
        m_lastKey = key;
        return key;
    };
    const auto it = m_keys.constFind(cacheKey);
    if (it != m_keys.constEnd())
        return remember(it.value());
    // Keys only change daily, so a full cache means stale dates or many profiles: start over.
    if (m_keys.size() >= maxCachedKeys)
        m_keys.clear();
    QByteArray key = signingKey(secret, date, region, service);
    m_keys.insert(cacheKey, key);
    return remember(key);
}

QByteArray SigV4Signer::signature(
    const QByteArray &stringToSign, const Credentials &credentials, const SigningParams &params)
{
    const QString date = QString::fromLatin1(amzDate(params.time).left(8));
    const QByteArray key =
        cachedSigningKey(credentials.secretAccessKey, date, params.region, params.service);
    return hmac(key, stringToSign).toHex();
}

void SigV4Signer::sign(
    HttpRequest &request, const Credentials &credentials, const SigningParams &rawParams)
{
    Q_ASSERT_X(request.hasHeader("Host"), "SigV4Signer::sign", "the request needs a Host header");
    const SigningParams params = withTime(rawParams);
    const bool hasToken = !credentials.sessionToken.isEmpty();

    request.removeHeader("Authorization");
    request.setHeader(QByteArrayLiteral("X-Amz-Date"), amzDate(params.time));
    request.removeHeader("X-Amz-Security-Token");
    if (hasToken && !params.omitSessionToken)
        request.headers.append(
            {QByteArrayLiteral("X-Amz-Security-Token"), credentials.sessionToken.toUtf8()});
    if (params.signBody)
        request.setHeader(QByteArrayLiteral("x-amz-content-sha256"), sha256Hex(request.body));

    QByteArray signedHeaders;
    const QByteArray canonical = canonicalRequest(request, params, &signedHeaders);
    const QByteArray sig = signature(stringToSign(canonical, params), credentials, params);

    QByteArray authorization;
    authorization.reserve(200 + signedHeaders.size());
    authorization += algorithm;
    authorization += " Credential=";
    authorization += credentialValue(credentials, params);
    authorization += ", SignedHeaders=";
    authorization += signedHeaders;
    authorization += ", Signature=";
    authorization += sig;
    request.headers.append({QByteArrayLiteral("Authorization"), authorization});

    if (hasToken && params.omitSessionToken)
        request.headers.append(
            {QByteArrayLiteral("X-Amz-Security-Token"), credentials.sessionToken.toUtf8()});
}

void SigV4Signer::presign(HttpRequest &request, const Credentials &credentials,
    const SigningParams &rawParams, int expiresSeconds)
{
    using namespace Qt::StringLiterals;

    const SigningParams params = withTime(rawParams);
    const bool hasToken = !credentials.sessionToken.isEmpty();

    request.query.removeIf(
        [](const QPair<QString, QString> &p) { return isPresignParameter(p.first); });

    // The signed header list is itself a signed query parameter, so the headers go first.
    QByteArray signedHeaders;
    const QByteArray headerBlock = canonicalHeaders(request, signedHeaders);

    request.query.append({u"X-Amz-Algorithm"_s, QString::fromLatin1(algorithm)});
    request.query.append(
        {u"X-Amz-Credential"_s, QString::fromUtf8(credentialValue(credentials, params))});
    request.query.append({u"X-Amz-Date"_s, QString::fromLatin1(amzDate(params.time))});
    request.query.append({u"X-Amz-Expires"_s, QString::number(expiresSeconds)});
    request.query.append({u"X-Amz-SignedHeaders"_s, QString::fromLatin1(signedHeaders)});
    if (hasToken && !params.omitSessionToken)
        request.query.append({u"X-Amz-Security-Token"_s, credentials.sessionToken});

    const QByteArray canonical =
        assembleCanonicalRequest(request, params, headerBlock, signedHeaders);
    const QByteArray sig = signature(stringToSign(canonical, params), credentials, params);

    if (hasToken && params.omitSessionToken)
        request.query.append({u"X-Amz-Security-Token"_s, credentials.sessionToken});
    request.query.append({u"X-Amz-Signature"_s, QString::fromLatin1(sig)});
}

} // namespace sw::aws
