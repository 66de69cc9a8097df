#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace sw::test {

/// What a hostile (or merely broken) server does once it has read a request: bytes as they
/// go on the wire, each chunk after a pause, some chunks many times over; then it closes the
/// connection or keeps it open. Nothing here is HTTP-aware: the script writes the status
/// line and headers itself, so it can lie in them.
struct RawScript {
    struct Chunk {
        int delayMs = 0;
        QByteArray bytes;
        qint64 repeat = 1;
    };
    QList<Chunk> chunks;
    bool closeAtEnd = true;

    /// A complete response: status line, the headers given, Content-Length when asked, body.
    static RawScript response(int status, QList<QPair<QByteArray, QByteArray>> headers,
        const QByteArray &body, bool contentLength = true);
    /// Status line and headers only, then `trickle` one byte per `intervalMs`.
    static RawScript trickle(int status, QList<QPair<QByteArray, QByteArray>> headers,
        const QByteArray &trickle, int intervalMs);
};

/// A plain TCP server on 127.0.0.1 that reads each request (head and Content-Length body),
/// records it, and plays the script the handler returns for it — for the cases a proper HTTP
/// server cannot produce: bodies that never end, lying lengths, broken encodings, escape
/// sequences in headers. Counts what it wrote and whether the client hung up on it.
class RawServer final : public QObject {
    Q_OBJECT

public:
    explicit RawServer(QObject *parent = nullptr);
    ~RawServer() override;

    bool start();
    QByteArray url() const;

    void setHandler(std::function<RawScript(const QByteArray &requestHead)> handler)
    {
        m_handler = std::move(handler);
    }

    /// The heads of the requests read so far ("GET /path HTTP/1.1\r\nHost: ...").
    QList<QByteArray> requests;
    /// Bytes written to all clients so far.
    qint64 bytesWritten = 0;
    /// Connections the client closed while a script was still playing.
    int hungUp = 0;

private:
    struct Connection;
    void onConnection();
    void play(const std::shared_ptr<Connection> &c);

    QTcpServer *m_server = nullptr;
    std::function<RawScript(const QByteArray &)> m_handler;
};

} // namespace sw::test
