#include "simhttpserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace sw::sim {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray serialize(const SimResponse &r, bool close)
{
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) + "\r\n";
    for (const auto &[name, value] : r.headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0
            || name.compare("Connection", Qt::CaseInsensitive) == 0)
            continue;
        out += name + ": " + value + "\r\n";
    }
    out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += r.cutBody ? r.body.left(r.body.size() / 2) : r.body;
    return out;
}

bool isToken(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const auto u = uchar(c);
        if (u <= 32 || u >= 127 || QByteArrayView("()<>@,;:\\\"/[]?={}").contains(c))
            return false;
    }
    return true;
}

} // namespace

// One client connection: reads one request at a time under the limits, hands it to the
// handler, writes the reply (perhaps late, cut or not at all), then reads the next.
class SimHttpServer::Connection final : public QObject {
public:
    Connection(SimHttpServer *server, QTcpSocket *socket)
        : QObject(server), m_server(server), m_socket(socket)
    {
        m_socket->setParent(this);
        // Qt stops reading the socket once this much waits unread: a client that floods
        // while its request is answered is held back by TCP, not buffered here.
        m_socket->setReadBufferSize(limits().maxHeadBytes + limits().maxBodyBytes);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &Connection::onTimeout);
        connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        m_server->m_connections.insert(this);
        waitForRequest();
    }

    ~Connection() override { m_server->m_connections.remove(this); }

    void abort()
    {
        m_socket->abort();
        deleteLater();
    }

private:
    enum class State { Head, Body, Responding, Closing };

    const Limits &limits() const { return m_server->m_limits; }

    void waitForRequest()
    {
        m_state = State::Head;
        m_timer.start(m_buffer.isEmpty() ? limits().idleTimeoutMs : limits().headTimeoutMs);
    }

    void onReadyRead()
    {
        if (m_state == State::Closing) {
            m_socket->readAll(); // drained, not kept, until the reply is out
            return;
        }
        // Never more than one request's worth: the head, then the body it announced.
        const qint64 room = limits().maxHeadBytes + limits().maxBodyBytes - m_buffer.size();
        if (room <= 0) {
            // A client sending ahead while its request is answered (pipelining): it waits
            // in the socket until the reply is out.
            return;
        }
        const bool wasEmpty = m_buffer.isEmpty();
        m_buffer += m_socket->read(room);
        if (m_state == State::Head && wasEmpty && !m_buffer.isEmpty())
            m_timer.start(limits().headTimeoutMs); // the head's clock starts at its first byte
        process();
    }

    void process()
    {
        while (m_state == State::Head || m_state == State::Body) {
            if (m_state == State::Head && !parseHead())
                return;
            if (m_state != State::Body)
                return;
            if (m_buffer.size() < m_bodyLength)
                return;
            m_request.body = m_buffer.left(m_bodyLength);
            m_buffer.remove(0, m_bodyLength);
            respond();
        }
    }

    /// True once a whole head is parsed (the state is then Body); false to wait for more,
    /// or after refusing the request.
    bool parseHead()
    {
        // Blank lines before a request are allowed (RFC 9112 2.2).
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > limits().maxHeadBytes)
                refuse(
                    431, u"The request head is longer than %1 bytes."_s.arg(limits().maxHeadBytes));
            return false;
        }
        if (end > limits().maxHeadBytes) {
            refuse(431, u"The request head is longer than %1 bytes."_s.arg(limits().maxHeadBytes));
            return false;
        }
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_buffer.remove(0, end + 4);

        SimRequest request;
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || !isToken(requestLine[0]) || !requestLine[1].startsWith('/')
            || !requestLine[2].startsWith("HTTP/1.")) {
            refuse(400, u"Malformed request line."_s);
            return false;
        }
        request.method = requestLine[0];
        const QByteArray &target = requestLine[1];
        const qsizetype question = target.indexOf('?');
        request.rawPath = question < 0 ? target : target.left(question);
        request.rawQuery = question < 0 ? QByteArray() : target.mid(question + 1);
        m_closeAfter = requestLine[2] == "HTTP/1.0";

        std::optional<qint64> length;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            QByteArray line = lines[i];
            if (line.endsWith('\r'))
                line.chop(1);
            const qsizetype colon = line.indexOf(':');
            // No obsolete line folding, no name without a colon: both are request smuggling
            // material, and no client of these APIs sends them.
            if (colon <= 0 || !isToken(QByteArrayView(line).first(colon))) {
                refuse(400, u"Malformed header line."_s);
                return false;
            }
            const QByteArray name = line.left(colon);
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
                bool ok = false;
                const qint64 n = value.toLongLong(&ok);
                if (!ok || n < 0 || value.startsWith('+') || (length && *length != n)) {
                    refuse(400, u"Malformed Content-Length."_s);
                    return false;
                }
                length = n;
            } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
                refuse(411, u"Send the body with a Content-Length."_s);
                return false;
            } else if (name.compare("Connection", Qt::CaseInsensitive) == 0) {
                if (value.toLower().contains("close"))
                    m_closeAfter = true;
            }
            request.headers.append({name, value});
        }
        if (length.value_or(0) > limits().maxBodyBytes) {
            refuse(413,
                u"The request body of %1 bytes is over the %2 bytes this server takes."_s
                    .arg(*length)
                    .arg(limits().maxBodyBytes));
            return false;
        }
        request.segments = decodePathSegments(request.rawPath);
        request.query = decodeQuery(request.rawQuery);
        m_request = std::move(request);
        m_bodyLength = length.value_or(0);
        m_state = State::Body;
        m_timer.start(limits().bodyTimeoutMs);
        return true;
    }

    void respond()
    {
        m_state = State::Responding;
        m_timer.stop();
        const SimResponse r = m_server->m_handler(m_request);
        m_request = {};
        if (r.delayMs <= 0) {
            send(r);
            return;
        }
        QPointer<Connection> self(this);
        QTimer::singleShot(r.delayMs, this, [self, r] {
            if (self)
                self->send(r);
        });
    }

    void send(const SimResponse &r)
    {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (r.closeConnection) {
            abort();
            return;
        }
        m_socket->write(serialize(r, m_closeAfter));
        if (r.cutBody) {
            m_socket->flush();
            abort();
            return;
        }
        if (m_closeAfter) {
            closeAfterWrite();
            return;
        }
        waitForRequest();
        // What the client sent ahead is in the buffer, or still in the socket.
        if (m_socket->bytesAvailable() > 0)
            onReadyRead();
        else
            process();
    }

    void refuse(int status, const QString &message)
    {
        SimResponse r = SimResponse::error(status, u"BadRequest"_s, message);
        m_buffer.clear();
        m_socket->write(serialize(r, true));
        closeAfterWrite();
    }

    void closeAfterWrite()
    {
        m_state = State::Closing;
        m_socket->disconnectFromHost();
        // A client that keeps sending instead of reading must not keep us: drop it soon.
        m_timer.start(2000);
    }

    void onTimeout()
    {
        switch (m_state) {
        case State::Head:
            if (m_buffer.isEmpty()) {
                abort(); // idle between requests: closed quietly, as servers do
                return;
            }
            refuse(408, u"The request head did not arrive in time."_s);
            return;
        case State::Body:
            refuse(408, u"The request body did not arrive in time."_s);
            return;
        case State::Responding:
            return;
        case State::Closing:
            abort();
            return;
        }
    }

    SimHttpServer *m_server;
    QTcpSocket *m_socket;
    QTimer m_timer;
    State m_state = State::Head;
    QByteArray m_buffer;
    SimRequest m_request;
    qint64 m_bodyLength = 0;
    bool m_closeAfter = false;
};

SimHttpServer::SimHttpServer(Handler handler, QObject *parent)
    : QTcpServer(parent), m_handler(std::move(handler))
{
}

SimHttpServer::~SimHttpServer()
{
    // Before QObject deletes the children: a connection's destructor still needs this.
    const QSet<Connection *> open = std::exchange(m_connections, {});
    qDeleteAll(open);
}

void SimHttpServer::shutDown()
{
    close();
    const QSet<Connection *> open = m_connections;
    for (Connection *c : open)
        c->abort();
}

void SimHttpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    if (m_connections.size() >= m_limits.maxConnections) {
        // Told, then closed: a client that opens thousands of connections gets no more.
        socket->setParent(this);
        const SimResponse busy = SimResponse::error(503, u"ServiceUnavailable"_s,
            u"Too many connections (%1 open)."_s.arg(m_connections.size()));
        socket->write(serialize(busy, true));
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(2000, socket, [socket] { socket->abort(); });
        return;
    }
    new Connection(this, socket);
}

} // namespace sw::sim
