#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QQueue>
#include <QUrlQuery>

#include <functional>

namespace sw::sim {
class SimHttpServer;
} // namespace sw::sim

namespace sw::test {

/// A request as the server received it, bytes as on the wire.
struct RecordedRequest {
    QByteArray method;
    QByteArray path; ///< percent-encoded, as sent
    QByteArray query; ///< percent-encoded, as sent, without '?'
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    QUrlQuery urlQuery() const { return QUrlQuery(QString::fromUtf8(query)); }
    QJsonObject json() const;
};

/// What to answer: a status, headers, a body; optionally late, or not at all (the
/// connection is closed without a reply).
struct ScriptedResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0;
    bool closeConnection = false;
    bool cutBody = false; ///< status and headers, then half the body, then the socket drops

    static ScriptedResponse json(const QJsonObject &body, int status = 200);
    /// A rest-json error as AWS sends it: x-amzn-ErrorType, x-amzn-RequestId and a JSON body
    /// with the message under messageKey ("message", or "Message" for Customer Profiles).
    static ScriptedResponse awsError(int status, const QString &code, const QString &message,
        const QString &messageKey = QStringLiteral("message"));
};

/// A real HTTP server on 127.0.0.1 that records every request and answers from a queue of
/// scripted responses (then from a handler, then 500). For client tests that need exact
/// control over what comes back; the simulator is for behaviour. Built on the simulator's
/// HTTP server.
class ScriptedServer final : public QObject {
    Q_OBJECT

public:
    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;

    /// Listens on 127.0.0.1 on a free port; returns false when it cannot.
    bool start();
    QByteArray url() const;
    quint16 port() const { return m_port; }

    void enqueue(const ScriptedResponse &response) { m_queue.enqueue(response); }
    void setHandler(std::function<ScriptedResponse(const RecordedRequest &)> handler)
    {
        m_handler = std::move(handler);
    }

    QList<RecordedRequest> requests;

private:
    ScriptedResponse next(const RecordedRequest &request);

    sim::SimHttpServer *m_server = nullptr;
    quint16 m_port = 0;
    QQueue<ScriptedResponse> m_queue;
    std::function<ScriptedResponse(const RecordedRequest &)> m_handler;
    int m_requestCounter = 0;
};

} // namespace sw::test
