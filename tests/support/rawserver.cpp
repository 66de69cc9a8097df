#include "rawserver.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace sw::test {

RawScript RawScript::response(int status, QList<QPair<QByteArray, QByteArray>> headers,
    const QByteArray &body, bool contentLength)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
    if (contentLength)
        headers.append({"Content-Length", QByteArray::number(body.size())});
    for (const auto &[name, value] : std::as_const(headers))
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    RawScript s;
    s.chunks.append({0, head + body, 1});
    return s;
}

RawScript RawScript::trickle(int status, QList<QPair<QByteArray, QByteArray>> headers,
    const QByteArray &trickle, int intervalMs)
{
    RawScript s = response(status, std::move(headers), {}, false);
    for (char c : trickle)
        s.chunks.append({intervalMs, QByteArray(1, c), 1});
    return s;
}

struct RawServer::Connection {
    QPointer<QTcpSocket> socket;
    QByteArray buffer;
    RawScript script;
    qsizetype chunk = 0;
    qint64 repeated = 0;
    bool playing = false;
};

RawServer::RawServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this)) { }

RawServer::~RawServer() = default;

bool RawServer::start()
{
    connect(m_server, &QTcpServer::newConnection, this, &RawServer::onConnection);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QByteArray RawServer::url() const
{
    return "http://127.0.0.1:" + QByteArray::number(m_server->serverPort());
}

void RawServer::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto c = std::make_shared<Connection>();
        c->socket = socket;
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::disconnected, this, [this, c] {
            if (c->playing)
                ++hungUp;
            c->playing = false;
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, c] {
            c->buffer += c->socket->readAll();
            const qsizetype end = c->buffer.indexOf("\r\n\r\n");
            if (end < 0 || c->playing)
                return;
            const QByteArray head = c->buffer.left(end);
            qint64 length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (c->buffer.size() < end + 4 + length)
                return;
            c->buffer.remove(0, end + 4 + length);
            requests.append(head);
            c->script = m_handler ? m_handler(head) : RawScript::response(500, {}, {});
            c->chunk = 0;
            c->repeated = 0;
            c->playing = true;
            play(c);
            // The connection object lives as long as the socket's lambdas hold it.
            connect(c->socket, &QObject::destroyed, this, [c] {});
        });
    }
}

void RawServer::play(const std::shared_ptr<Connection> &c)
{
    if (!c->playing || !c->socket)
        return;
    if (c->chunk >= c->script.chunks.size()) {
        c->playing = false;
        if (c->script.closeAtEnd) {
            c->socket->flush();
            c->socket->disconnectFromHost();
        }
        return;
    }
    const RawScript::Chunk &chunk = c->script.chunks.at(c->chunk);
    const auto write = [this, c] {
        if (!c->playing || !c->socket || c->socket->state() != QAbstractSocket::ConnectedState)
            return;
        const RawScript::Chunk &now = c->script.chunks.at(c->chunk);
        // Big repeats go out as the socket drains, so memory stays small here too.
        if (c->socket->bytesToWrite() > 4 * 1024 * 1024) {
            QTimer::singleShot(5, this, [this, c] { play(c); });
            return;
        }
        c->socket->write(now.bytes);
        bytesWritten += now.bytes.size();
        if (++c->repeated >= now.repeat) {
            ++c->chunk;
            c->repeated = 0;
        }
        QTimer::singleShot(0, this, [this, c] { play(c); });
    };
    if (chunk.delayMs > 0 && c->repeated == 0)
        QTimer::singleShot(chunk.delayMs, this, write);
    else
        write();
}

} // namespace sw::test
