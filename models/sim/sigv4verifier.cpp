#include "sigv4verifier.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace sw::sim {

namespace {

SigV4Check fail(const QString &code, const QString &message)
{
    SigV4Check c;
    c.code = code;
    c.message = message;
    return c;
}

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

// RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~) stay; everything else is %XX, as
// SigV4 requires. That is exactly QByteArray's default set.
QByteArray awsEncode(const QByteArray &bytes)
{
    return bytes.toPercentEncoding();
}

struct ParsedAuthorization {
    QStringList scope; // AKID, date, region, service, aws4_request
    QByteArrayList signedHeaders;
    QByteArray signature;
};

std::optional<ParsedAuthorization> parse(const QByteArray &authorization)
{
    const QByteArray prefix = QByteArrayLiteral("AWS4-HMAC-SHA256 ");
    if (!authorization.startsWith(prefix))
        return std::nullopt;
    ParsedAuthorization p;
    for (QByteArray part : authorization.mid(prefix.size()).split(',')) {
        part = part.trimmed();
        if (part.startsWith("Credential="))
            p.scope = QString::fromUtf8(part.mid(11)).split(u'/');
        else if (part.startsWith("SignedHeaders="))
            p.signedHeaders = part.mid(14).split(';');
        else if (part.startsWith("Signature="))
            p.signature = part.mid(10);
    }
    if (p.scope.size() != 5 || p.signedHeaders.isEmpty() || p.signature.size() != 64)
        return std::nullopt;
    return p;
}

} // namespace

SigV4Check checkSigV4Shape(const SimRequest &request, const QString &service)
{
    const QByteArray authorization = request.header("Authorization");
    if (authorization.isEmpty())
        return fail(u"MissingAuthenticationTokenException"_s, u"Missing Authentication Token"_s);
    const auto parsed = parse(authorization);
    if (!parsed)
        return fail(u"IncompleteSignatureException"_s,
            u"Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' "
            "parameters of the AWS4-HMAC-SHA256 scheme."_s);
    if (parsed->scope.at(3) != service || parsed->scope.at(4) != u"aws4_request")
        return fail(u"InvalidSignatureException"_s,
            u"Credential should be scoped to correct service: '%1'."_s.arg(service));
    if (request.header("X-Amz-Date").size() != 16)
        return fail(u"IncompleteSignatureException"_s,
            u"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' "
            "header."_s);
    SigV4Check c;
    c.ok = true;
    c.accessKeyId = parsed->scope.at(0);
    c.region = parsed->scope.at(2);
    c.service = parsed->scope.at(3);
    return c;
}

SigV4Check verifySigV4(const SimRequest &request, const QString &service,
    const QString &accessKeyId, const QString &secret)
{
    SigV4Check shape = checkSigV4Shape(request, service);
    if (!shape.ok)
        return shape;
    if (shape.accessKeyId != accessKeyId)
        return fail(u"UnrecognizedClientException"_s,
            u"The security token included in the request is invalid."_s);
    const auto parsed = parse(request.header("Authorization"));

    // Canonical request: method, path (each segment encoded again), sorted query, the signed
    // headers with trimmed values, the signed header list, the payload hash.
    QByteArrayList segments;
    for (const QByteArray &segment : request.rawPath.split('/'))
        segments.append(awsEncode(segment));
    QByteArray canonicalPath = segments.join('/');
    if (canonicalPath.isEmpty())
        canonicalPath = "/";

    QList<QPair<QByteArray, QByteArray>> query;
    for (const auto &[k, v] : request.query)
        query.append({awsEncode(k.toUtf8()), awsEncode(v.toUtf8())});
    std::sort(query.begin(), query.end());
    QByteArrayList queryParts;
    for (const auto &[k, v] : query)
        queryParts.append(k + '=' + v);

    // Repeated headers join with ',' in the order received; values are trimmed and inner
    // runs of white space folded.
    QByteArray canonicalHeaders;
    for (const QByteArray &name : parsed->signedHeaders) {
        QByteArrayList values;
        for (const auto &[n, v] : request.headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                values.append(v.simplified());
        }
        canonicalHeaders += name + ':' + values.join(',') + '\n';
    }

    const QByteArray payloadHash =
        QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex();
    const QByteArray canonical = request.method + '\n' + canonicalPath + '\n' + queryParts.join('&')
        + '\n' + canonicalHeaders + '\n' + parsed->signedHeaders.join(';') + '\n' + payloadHash;

    const QByteArray date = request.header("X-Amz-Date");
    const QByteArray scope = parsed->scope.mid(1).join(u'/').toUtf8();
    const QByteArray stringToSign = "AWS4-HMAC-SHA256\n" + date + '\n' + scope + '\n'
        + QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex();

    QByteArray key = hmac("AWS4" + secret.toUtf8(), parsed->scope.at(1).toUtf8());
    key = hmac(key, parsed->scope.at(2).toUtf8());
    key = hmac(key, parsed->scope.at(3).toUtf8());
    key = hmac(key, "aws4_request");
    if (hmac(key, stringToSign).toHex() != parsed->signature)
        return fail(u"InvalidSignatureException"_s,
            u"The request signature we calculated does not match the signature you provided. "
            "Check your AWS Secret Access Key and signing method. Consult the service "
            "documentation for details."_s);
    return shape;
}

} // namespace sw::sim
