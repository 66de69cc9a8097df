#pragma once

#include "simhttp.h"

#include <QHostAddress>
#include <QSet>
#include <QTcpServer>

#include <functional>

namespace sw::sim {

/// The simulator's HTTP/1.1 server: origin-form requests with a Content-Length body (no
/// chunked uploads: no AWS SDK sends one to these APIs), keep-alive, one request at a time per
/// connection, replies that may come late, break off or never come (the fault kinds).
///
/// Every client is treated as hostile, since a test or a fuzzer is one: a body over
/// `maxBodyBytes` is refused with 413 from its Content-Length, before any of it is read; a
/// request head must be whole within `headTimeoutMs` and `maxHeadBytes`, a body within
/// `bodyTimeoutMs`; a connection idle for `idleTimeoutMs` is closed; past `maxConnections`
/// a new one gets a 503 and is closed. Nothing is buffered beyond one request.
class SimHttpServer final : public QTcpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimHttpServer)

public:
    using Handler = std::function<SimResponse(const SimRequest &)>;

    struct Limits {
        qint64 maxBodyBytes = 1024 * 1024;
        qint64 maxHeadBytes = 64 * 1024;
        int headTimeoutMs = 10 * 1000;
        int bodyTimeoutMs = 30 * 1000;
        int idleTimeoutMs = 60 * 1000;
        int maxConnections = 256;
    };

    explicit SimHttpServer(Handler handler, QObject *parent = nullptr);
    ~SimHttpServer() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }
    int openConnections() const { return int(m_connections.size()); }
    /// Closes the listening socket and every connection at once.
    void shutDown();

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    class Connection;
    friend class Connection;

    Handler m_handler;
    Limits m_limits;
    QSet<Connection *> m_connections;
};

} // namespace sw::sim
