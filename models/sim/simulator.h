#pragma once

#include "faults.h"
#include "servicesimulator.h"
#include "simclock.h"
#include "simhttpserver.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace sw::sim {

/// The four services on one port (their paths do not collide), with fault injection and a
/// control endpoint under /_stepwatch/. Used in process by `stepwatch --demo` and the tests,
/// and by the stepwatch-sim executable.
class Simulator final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Simulator)

public:
    /// Auth settings: by default any well-formed SigV4 header (scoped to the right service)
    /// or any bearer token is accepted; with verify set, they must match these.
    struct Credentials {
        bool verify = false;
        QString accessKeyId;
        QString secretAccessKey;
        QString bearerToken;
    };

    explicit Simulator(const SimOptions &options, QObject *parent = nullptr);
    ~Simulator() override;

    /// Listens on address:port (0 = a free port; loopback unless told otherwise). Returns the
    /// port, or 0 when it cannot listen.
    quint16 listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    /// Stops listening and drops every connection, as if the process had been killed; the
    /// simulated state stays, so listen() on the same port is a restart.
    void stop();
    quint16 port() const { return m_port; }
    QString url() const;
    /// What the /_stepwatch/* control endpoints require in the X-Stepwatch-Control-Token
    /// header: nothing on loopback (only this machine can reach them), a random token made by
    /// listen() on any other address (anyone on the network could otherwise change faults).
    QString controlToken() const { return m_controlToken; }
    /// Client connections open now (for tests of the connection cap).
    int httpConnections() const { return m_server ? m_server->openConnections() : 0; }
    /// The HTTP server's limits (body size, timeouts, connections); set before listen().
    void setHttpLimits(const SimHttpServer::Limits &limits) { m_httpLimits = limits; }

    SimClock &clock() { return m_clock; }
    void setCredentials(const Credentials &credentials) { m_credentials = credentials; }
    /// Same syntax as --faults; returns the error, or nothing when applied.
    std::optional<QString> setFaults(const QString &spec) { return m_faults.setSpec(spec); }
    QJsonObject counters() const;
    QJsonObject inventory() const;

    /// Handles one request as the HTTP server would; public so that tests and benchmarks can
    /// drive the services without sockets.
    SimResponse handle(const SimRequest &request);

    /// Called once per request with method, path, status and the operation (for --log).
    void setRequestLogger(
        std::function<void(const SimRequest &, const SimResponse &, const QString &operation)>
            logger)
    {
        m_logger = std::move(logger);
    }

private:
    SimResponse dispatch(const SimRequest &request, QString *operation);
    SimResponse control(const SimRequest &request);
    std::optional<SimResponse> checkAuth(
        const ServiceSimulator &service, const SimRequest &request) const;
    QByteArray nextRequestId();

    SimOptions m_options;
    SimClock m_clock;
    FaultPlan m_faults;
    Credentials m_credentials;
    std::vector<std::unique_ptr<ServiceSimulator>> m_services;
    SimHttpServer *m_server = nullptr;
    SimHttpServer::Limits m_httpLimits;
    QString m_controlToken;
    quint16 m_port = 0;
    quint64 m_requestCounter = 0;
    QHash<QString, qint64> m_requestsPerOperation;
    QHash<QString, qint64> m_faultsInjected;
    std::function<void(const SimRequest &, const SimResponse &, const QString &)> m_logger;
};

} // namespace sw::sim
