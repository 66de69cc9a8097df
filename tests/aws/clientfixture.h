#pragma once

// Shared set-up for the loopback client tests: a temporary HOME with no AWS files, fixed
// test keys in the environment, and a ServiceConfig aimed at a local server.

#include "aws/clientconfig.h"
#include "aws/httprequest.h"
#include "aws/sigv4signer.h"
#include "support/scriptedserver.h"

#include <QMessageAuthenticationCode>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QUrlQuery>

namespace sw::test {

inline const QString testKeyId = QStringLiteral("AKIDSTEPWATCHTEST01");
inline const QString testSecret = QStringLiteral("stepwatch/test+secret/0123456789abcdefgh");
inline const QString testBearer = QStringLiteral("bearer-token-for-tests-0123456789");

inline QProcessEnvironment testEnvironment(const QString &home)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), testKeyId);
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), testSecret);
    env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("eu-west-1"));
    env.insert(QStringLiteral("AWS_BEARER_TOKEN_CODECATALYST"), testBearer);
    return env;
}

/// A config for `service` that sends to `url`, retrying fast so tests stay quick.
inline aws::ServiceConfig configFor(const aws::ServiceSpec &service, const QByteArray &url,
    const QString &home, int timeoutMs = 5000)
{
    aws::ClientOptions options;
    options.endpointUrl = QString::fromLatin1(url);
    options.timeoutMs = timeoutMs;
    aws::AwsSession session(testEnvironment(home), options);
    aws::AwsError error;
    std::optional<aws::ServiceConfig> config = session.serviceConfig(service, &error);
    Q_ASSERT_X(config, "configFor", qPrintable(error.message));
    config->retry.baseDelayMs = 1;
    return *config;
}

inline aws::ServiceConfig configFor(const aws::ServiceSpec &service, const ScriptedServer &server,
    const QString &home, int timeoutMs = 5000)
{
    return configFor(service, server.url(), home, timeoutMs);
}

/// Recomputes the SigV4 signature of a received request from the bytes that arrived and
/// compares it with the one in its Authorization header: proves that what the client signed
/// is exactly what went over the wire. Returns an empty string when it matches.
inline QString verifySignature(
    const RecordedRequest &r, const QString &region, const QString &service)
{
    const QByteArray authorization = r.header("Authorization");
    const QByteArray prefix = "AWS4-HMAC-SHA256 Credential=";
    if (!authorization.startsWith(prefix))
        return QStringLiteral("no SigV4 Authorization header");
    const QList<QByteArray> parts = authorization.mid(prefix.size()).split(',');
    if (parts.size() != 3)
        return QStringLiteral("malformed Authorization header");
    const QByteArray signedHeaders = parts[1].trimmed().mid(int(qstrlen("SignedHeaders=")));
    const QByteArray signature = parts[2].trimmed().mid(int(qstrlen("Signature=")));

    aws::HttpRequest request;
    request.method = r.method;
    request.path = r.path;
    const QUrlQuery query(QString::fromUtf8(r.query));
    for (const auto &[k, v] : query.queryItems(QUrl::FullyDecoded))
        request.query.append({k, v});
    for (const QByteArray &name : signedHeaders.split(';'))
        request.headers.append({name, r.header(name)});
    request.body = r.body;

    aws::SigningParams params;
    params.region = region;
    params.service = service;
    params.time = QDateTime::fromString(
        QString::fromLatin1(r.header("X-Amz-Date")), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    params.time.setTimeSpec(Qt::UTC);
    const QByteArray creq = aws::SigV4Signer::canonicalRequest(request, params);
    const QByteArray sts = aws::SigV4Signer::stringToSign(creq, params);
    const QByteArray key = aws::SigV4Signer::signingKey(
        testSecret, params.time.toString(QStringLiteral("yyyyMMdd")), region, service);
    const QByteArray expected =
        QMessageAuthenticationCode::hash(sts, key, QCryptographicHash::Sha256).toHex();
    if (expected != signature)
        return QStringLiteral("signature mismatch; canonical request was:\n")
            + QString::fromUtf8(creq);
    return {};
}

} // namespace sw::test
