#include "simhttp.h"

#include <QJsonDocument>
#include <QUrl>

namespace sw::sim {

QByteArray SimRequest::header(QByteArrayView name) const
{
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

bool SimRequest::hasQuery(const QString &name) const
{
    for (const auto &pair : query) {
        if (pair.first == name)
            return true;
    }
    return false;
}

QString SimRequest::queryValue(const QString &name) const
{
    for (const auto &[k, v] : query) {
        if (k == name)
            return v;
    }
    return {};
}

void SimResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf(
        [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
}

SimResponse SimResponse::json(const QJsonObject &body, int status)
{
    SimResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return r;
}

SimResponse SimResponse::error(
    int status, const QString &code, const QString &message, const QString &messageKey)
{
    SimResponse r = json(QJsonObject {{messageKey, message}}, status);
    r.headers.append({QByteArrayLiteral("x-amzn-ErrorType"), code.toUtf8()});
    return r;
}

QStringList decodePathSegments(const QByteArray &rawPath)
{
    QStringList out;
    for (const QByteArray &part : rawPath.split('/')) {
        if (!part.isEmpty())
            out.append(QUrl::fromPercentEncoding(part));
    }
    return out;
}

QList<QPair<QString, QString>> decodeQuery(const QByteArray &rawQuery)
{
    QList<QPair<QString, QString>> out;
    for (const QByteArray &pair : rawQuery.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        out.append({QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value)});
    }
    return out;
}

} // namespace sw::sim
