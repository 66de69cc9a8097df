#pragma once

#include "credentials.h"
#include "httprequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

namespace sw::aws {

/// What a signature is bound to besides the request and the key: where, for which service
/// and when. The suite's and the services' defaults are the non-S3 ones.
struct SigningParams {
    QString region;
    QString service; ///< signing name, e.g. "profile", "migrationhub-orchestrator"
    QDateTime time; ///< UTC signing time; sign()/presign() use the current time if invalid
    bool normalizePath = true; ///< remove "." / ".." segments, collapse "//"
    bool signBody = false; ///< add and sign x-amz-content-sha256 (header mode)
    bool omitSessionToken = false; ///< add X-Amz-Security-Token after signing, unsigned
};

/// AWS Signature Version 4 (AWS4-HMAC-SHA256) for an HttpRequest, in the Authorization-header
/// form and the presigned-URL (query) form. The path is taken in wire form and URI-encoded
/// once more per segment for the canonical request, the rule for every service but S3.
///
/// Derived signing keys are cached per date, region, service and secret, so one signer per
/// client saves four HMACs per request. Not thread-safe: use one signer per thread.
class SigV4Signer {
public:
    /// Adds X-Amz-Date, X-Amz-Security-Token (when the credentials have a token),
    /// x-amz-content-sha256 (when params.signBody) and Authorization to the request, replacing
    /// any earlier ones so that a retried request can be signed again. The request must
    /// carry a Host header.
    void sign(HttpRequest &request, const Credentials &credentials, const SigningParams &params);

    /// Adds X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders,
    /// X-Amz-Security-Token (with a token) and X-Amz-Signature to request.query, replacing any
    /// earlier ones. The headers are signed as they are and must be sent unchanged.
    void presign(HttpRequest &request, const Credentials &credentials, const SigningParams &params,
        int expiresSeconds);

    /// The canonical request for the request as it stands (nothing is added). The payload
    /// hash is the x-amz-content-sha256 header where present, else SHA-256 of the body.
    /// Authorization, User-Agent, Expect and X-Amzn-Trace-Id are never signed, because
    /// proxies and tracers rewrite them. signedHeaders receives e.g. "host;x-amz-date".
    static QByteArray canonicalRequest(const HttpRequest &request, const SigningParams &params,
        QByteArray *signedHeaders = nullptr);
    /// "AWS4-HMAC-SHA256\n<amz date>\n<credential scope>\n<hex SHA-256 of canonicalRequest>"
    static QByteArray stringToSign(const QByteArray &canonicalRequest, const SigningParams &params);
    /// The uncached HMAC chain over date (yyyyMMdd), region, service and "aws4_request".
    static QByteArray signingKey(
        const QString &secret, const QString &date, const QString &region, const QString &service);
    /// "<yyyyMMdd>/<region>/<service>/aws4_request"
    static QByteArray credentialScope(const SigningParams &params);
    /// params.time as X-Amz-Date wants it: yyyyMMddTHHmmssZ in UTC.
    static QByteArray amzDate(const QDateTime &time);

    /// signingKey() through the cache; public so a test can hold the two side by side.
    QByteArray cachedSigningKey(
        const QString &secret, const QString &date, const QString &region, const QString &service);
    qsizetype cachedKeyCount() const { return m_keys.size(); }

private:
    QByteArray signature(const QByteArray &stringToSign, const Credentials &credentials,
        const SigningParams &params);

    // Keyed by date, region, service and a SHA-256 of the secret: never the secret itself,
    // and a rotated secret can never meet a key derived from the old one.
    QHash<QByteArray, QByteArray> m_keys;
    // The most recent key and what it was derived from (the fast path of cachedSigningKey).
    QString m_lastSecret;
    QString m_lastDate;
    QString m_lastRegion;
    QString m_lastService;
    QByteArray m_lastKey;
};

} // namespace sw::aws
