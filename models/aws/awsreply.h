#pragma once

#include "awserror.h"
#include "clientconfig.h"
#include "httprequest.h"
#include "operationspec.h"
#include "paginator.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QTimer;
class QNetworkReply;

namespace sw::aws {

class RetryQuota;

struct CallOptions {
    /// Follow the output token to the last page and merge the pages (PageMerger).
    bool paginate = false;
    int maxPages = 10000;
};

/// One call of one operation, from validation to the last byte of the last page: signs,
/// sends through the injected QNetworkAccessManager, retries per the standard retry mode
/// with the same serialized request (so an idempotency token is reused), follows page
/// tokens. Emits finished() exactly once, always asynchronously, with either json() or
/// error() set. Owned by whoever called AwsClient::send().
class AwsReply final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AwsReply)

public:
    using DebugSink = std::function<void(const QString &)>;

    AwsReply(QNetworkAccessManager *network, std::shared_ptr<RetryQuota> quota,
        ServiceConfig config, const OperationSpec &operation, QJsonObject params,
        CallOptions options, DebugSink debug, QObject *parent = nullptr);
    ~AwsReply() override;

    /// The operation; specs are static, so the reference stays valid for the reply's life.
    const OperationSpec &operation() const { return m_operation; }
    /// The params as sent, including a generated idempotency token.
    const QJsonObject &params() const { return m_params; }
    bool isFinished() const { return m_finished; }
    const AwsError &error() const { return m_error; }
    /// The response body (all pages merged when paginating).
    const QJsonObject &json() const { return m_result; }
    int attempts() const { return m_totalAttempts; }
    /// Attempts the service throttled (retried or not): what a client-side rate limiter
    /// should learn from, even when a retry then succeeded.
    int throttledAttempts() const { return m_throttledAttempts; }
    int pages() const { return m_pages; }
    QString requestId() const { return m_requestId; }

    /// Stops the call; finished() follows with ErrorKind::Aborted (unless already finished).
    void abort();

Q_SIGNALS:
    void finished();

private:
    void start();
    void startPage();
    void sendAttempt();
    void onNetworkFinished();
    void handleFailure(AwsError error);
    void finish(AwsError error = {});
    void debug(const QString &line) const;
    void dropReply();
    /// Reads what has arrived into m_body, dropping the reply past the size cap.
    void readAvailable();
    /// Refuses a response whose Content-Length is over the cap before reading any of it.
    void checkDeclaredLength();
    void tooLarge(qint64 bytes, bool declared);
    void onDeadline();
    /// What a credentials or bearer token lookup found, for one attempt.
    struct Authorization {
        CredentialsResult credentials;
        BearerTokenResult bearer;
    };
    /// Sends the current attempt once its authorization is known (`attempt` is the
    /// m_totalAttempts it was looked up for).
    void sendAuthorized(int attempt, const Authorization &found);
    bool authorize(HttpRequest &request, const Authorization &found, AwsError &error);

    QPointer<QNetworkAccessManager> m_network;
    std::shared_ptr<RetryQuota> m_quota;
    ServiceConfig m_config;
    const OperationSpec &m_operation;
    QJsonObject m_params;
    CallOptions m_options;
    DebugSink m_debug;

    HttpRequest m_request; ///< the current page's request, before signing
    std::optional<PageMerger> m_merger;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body; ///< the current attempt's body so far
    QTimer *m_deadline = nullptr; ///< the current attempt's, start to last byte
    QElapsedTimer m_attemptClock;
    bool m_abortedByUs = false;
    int m_attempt = 0; ///< attempt of the current page (1-based)
    int m_totalAttempts = 0;
    int m_throttledAttempts = 0;
    int m_quotaSpent = 0;
    int m_pages = 0;
    bool m_finished = false;
    AwsError m_error;
    QJsonObject m_result;
    QString m_requestId;
};

} // namespace sw::aws
