#pragma once

#include "simhttp.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

#include <functional>

namespace sw::sim {

/// The one place that touches Qt's HTTP server API, which is a Technical Preview in Qt 6.4
/// (handleRequest with a socket) and changed in 6.5 (a responder, no socket): every request
/// goes to one handler that returns a SimResponse, which this class sends, delays or drops.
class LoopbackHttpServer final : public QAbstractHttpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackHttpServer)

public:
    using Handler = std::function<SimResponse(const SimRequest &)>;

    explicit LoopbackHttpServer(Handler handler, QObject *parent = nullptr);

    /// Listens on address:port (0 = any free port); returns the port, or 0 on failure.
    quint16 listenOn(const QHostAddress &address, quint16 port);

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &, QHttpServerResponder &) override { }
#endif

private:
    Handler m_handler;
};

} // namespace sw::sim
