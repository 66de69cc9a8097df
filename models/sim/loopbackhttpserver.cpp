#include "loopbackhttpserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace sw::sim {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    default:
        return QByteArrayLiteral("OTHER");
    }
}

SimRequest toSimRequest(const QHttpServerRequest &request)
{
    SimRequest r;
    r.method = methodName(request.method());
    r.rawPath = request.url().path(QUrl::FullyEncoded).toUtf8();
    r.rawQuery = request.url().query(QUrl::FullyEncoded).toUtf8();
    r.segments = decodePathSegments(r.rawPath);
    r.query = decodeQuery(r.rawQuery);
    r.headers = request.headers();
    r.body = request.body();
    return r;
}

void write(QHttpServerResponder &responder, const SimResponse &r)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(r.status));
    for (const auto &[name, value] : r.headers)
        responder.writeHeader(name, value);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(r.body.size()));
    const qsizetype sent = r.cutBody ? r.body.size() / 2 : r.body.size();
    responder.writeBody(r.body.constData(), sent);
}

} // namespace

LoopbackHttpServer::LoopbackHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler))
{
}

quint16 LoopbackHttpServer::listenOn(const QHostAddress &address, quint16 port)
{
    return listen(address, port);
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
bool LoopbackHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const SimResponse r = m_handler(toSimRequest(request));
    if (r.closeConnection && r.delayMs <= 0) {
        socket->abort();
        return true;
    }
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    if (r.delayMs <= 0) {
        write(*responder, r);
        if (r.cutBody) {
            socket->flush();
            socket->abort();
        }
        return true;
    }
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(r.delayMs, this, [responder, r, guard] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return;
        if (!r.closeConnection)
            write(*responder, r);
        if (r.closeConnection || r.cutBody) {
            guard->flush();
            guard->abort();
        }
    });
    return true;
}
#else
bool LoopbackHttpServer::handleRequest(
    const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    // Newer Qt gives no socket: a response is sent at once, and a dropped connection becomes
    // a 502 so that the client still sees a failure rather than nothing.
    SimResponse r = m_handler(toSimRequest(request));
    if (r.closeConnection)
        r = SimResponse::error(502, QStringLiteral("BadGateway"), QStringLiteral("dropped"));
    write(responder, r);
    return true;
}
#endif

} // namespace sw::sim
