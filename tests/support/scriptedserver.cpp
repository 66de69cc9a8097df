#include "scriptedserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace sw::test {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

void respond(QHttpServerResponder &responder, const ScriptedResponse &r)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(r.status));
    bool hasType = false;
    for (const auto &[name, value] : r.headers) {
        hasType = hasType || name.compare("content-type", Qt::CaseInsensitive) == 0;
        responder.writeHeader(name, value);
    }
    if (!hasType)
        responder.writeHeader("Content-Type", "application/json");
    responder.writeHeader("Content-Length", QByteArray::number(r.body.size()));
    responder.writeBody(r.body.constData(), r.body.size());
}

} // namespace

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

bool RecordedRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QJsonObject RecordedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

ScriptedResponse ScriptedResponse::json(const QJsonObject &body, int status)
{
    ScriptedResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

ScriptedResponse ScriptedResponse::awsError(
    int status, const QString &code, const QString &message, const QString &messageKey)
{
    ScriptedResponse r = json({{messageKey, message}}, status);
    r.headers.append(
        qMakePair(QByteArray("x-amzn-ErrorType"), code.toUtf8() + ":http://internal.amazon.com/"));
    return r;
}

ScriptedServer::ScriptedServer(QObject *parent) : QAbstractHttpServer(parent) { }

bool ScriptedServer::start()
{
    m_port = listen(QHostAddress::LocalHost, 0);
    return m_port != 0;
}

QByteArray ScriptedServer::url() const
{
    return "http://127.0.0.1:" + QByteArray::number(m_port);
}

ScriptedResponse ScriptedServer::next(const RecordedRequest &request)
{
    ScriptedResponse r;
    if (!m_queue.isEmpty())
        r = m_queue.dequeue();
    else if (m_handler)
        r = m_handler(request);
    else
        r = ScriptedResponse::awsError(
            500, u"InternalServerException"_s, u"no scripted response left"_s);
    // Every AWS response carries a request id; a scripted one may set its own.
    bool hasId = false;
    for (const auto &h : std::as_const(r.headers))
        hasId = hasId || h.first.compare("x-amzn-RequestId", Qt::CaseInsensitive) == 0;
    if (!hasId)
        r.headers.append(qMakePair(
            QByteArray("x-amzn-RequestId"), "req-" + QByteArray::number(++m_requestCounter)));
    return r;
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
bool ScriptedServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    RecordedRequest recorded {methodName(request.method()),
        request.url().path(QUrl::FullyEncoded).toUtf8(),
        request.url().query(QUrl::FullyEncoded).toUtf8(), request.headers(), request.body()};
    requests.append(recorded);
    const ScriptedResponse r = next(recorded);
    if (r.closeConnection) {
        socket->abort();
        return true;
    }
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    if (r.delayMs <= 0) {
        respond(*responder, r);
        return true;
    }
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(r.delayMs, this, [responder, r, guard] {
        if (guard && guard->state() == QAbstractSocket::ConnectedState)
            respond(*responder, r);
    });
    return true;
}
#else
bool ScriptedServer::handleRequest(
    const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    RecordedRequest recorded {methodName(request.method()),
        request.url().path(QUrl::FullyEncoded).toUtf8(),
        request.url().query(QUrl::FullyEncoded).toUtf8(), request.headers(), request.body()};
    requests.append(recorded);
    // Newer Qt gives no socket to close or to answer later: such responses are sent at once.
    respond(responder, next(recorded));
    return true;
}
#endif

} // namespace sw::test
