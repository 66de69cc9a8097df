#pragma once

// Builds requests for Simulator::handle as a client would send them, with a well-formed
// SigV4 Authorization header for the service's signing name (or a bearer token), and reads
// responses.

#include "sim/simhttp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace sw::test {

/// rawPathAndQuery like "/migrationworkflows?maxResults=2" (already percent-encoded).
inline sim::SimRequest simRequest(const QByteArray &method, const QByteArray &rawPathAndQuery,
    const QString &signingName, const QByteArray &body = {})
{
    sim::SimRequest r;
    r.method = method;
    const qsizetype q = rawPathAndQuery.indexOf('?');
    r.rawPath = q < 0 ? rawPathAndQuery : rawPathAndQuery.left(q);
    r.rawQuery = q < 0 ? QByteArray() : rawPathAndQuery.mid(q + 1);
    r.segments = sim::decodePathSegments(r.rawPath);
    r.query = sim::decodeQuery(r.rawQuery);
    r.body = body;
    r.headers.append(qMakePair(QByteArray("Host"), QByteArray("127.0.0.1:1")));
    if (signingName.isEmpty()) {
        r.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer test-token")));
    } else {
        r.headers.append(qMakePair(QByteArray("X-Amz-Date"), QByteArray("20261121T120000Z")));
        r.headers.append(qMakePair(QByteArray("Authorization"),
            "AWS4-HMAC-SHA256 Credential=AKIDTEST/20261121/us-east-1/" + signingName.toUtf8()
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                + QByteArray(64, 'a')));
    }
    if (!body.isEmpty())
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return r;
}

inline QJsonObject jsonOf(const sim::SimResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

inline QByteArray errorTypeOf(const sim::SimResponse &response)
{
    for (const auto &[name, value] : response.headers) {
        if (name.compare("x-amzn-ErrorType", Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace sw::test
