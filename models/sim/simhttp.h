#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace sw::sim {

/// A request as it arrived: the raw path and query as sent, plus decoded forms for routing.
struct SimRequest {
    QByteArray method;
    QByteArray rawPath; ///< percent-encoded, as sent
    QByteArray rawQuery; ///< percent-encoded, without '?'
    QStringList segments; ///< decoded path segments ("/a/b%2Fc" → "a", "b/c")
    QList<QPair<QString, QString>> query; ///< decoded, in order
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const;
    bool hasQuery(const QString &name) const;
    QString queryValue(const QString &name) const;
};

/// What to send back. A response may come late (delayMs) or not at all (closeConnection:
/// the socket is dropped without a reply, after whatever the handler already did).
struct SimResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0;
    bool closeConnection = false;
    /// Headers with the full Content-Length, then half the body, then the connection drops:
    /// a transfer that breaks after the status line already said 200.
    bool cutBody = false;

    void setHeader(const QByteArray &name, const QByteArray &value);
    static SimResponse json(const QJsonObject &body, int status = 200);
    /// The rest-json error form: x-amzn-ErrorType and the message under messageKey
    /// ("message", or "Message" where the service models it so).
    static SimResponse error(int status, const QString &code, const QString &message,
        const QString &messageKey = QStringLiteral("message"));
};

/// Splits a raw path into decoded segments and a raw query into decoded pairs.
QStringList decodePathSegments(const QByteArray &rawPath);
QList<QPair<QString, QString>> decodeQuery(const QByteArray &rawQuery);

} // namespace sw::sim
