#pragma once

#include "requestbudget.h"
#include "watch.h"

#include "aws/awsclient.h"
#include "aws/clientconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QTimer;

namespace sw {

/// The one way stepwatch_models reaches AWS, shared by the Poller and the ActionController:
/// one AwsClient on the injected QNetworkAccessManager, an AwsSession per profile / region /
/// endpoint (so credentials are cached and refreshed in one place per profile, as a botocore
/// Session does), the request budgets every watch of a service and region shares, and a
/// count of the requests sent for the status bar.
class AwsGateway final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AwsGateway)

public:
    struct Settings {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        double requestsPerSecond = 5.0; ///< per service and region, shared by the fleet
        int timeoutMs = 30000; ///< per attempt, without a byte
        int attemptTimeoutMs = 60000; ///< per attempt, start to last byte
        QString userAgentProduct = QStringLiteral("stepwatch/" STEPWATCH_VERSION);
    };

    explicit AwsGateway(
        QNetworkAccessManager *network, Settings settings, QObject *parent = nullptr);
    ~AwsGateway() override;

    aws::AwsClient *client() { return &m_client; }
    const Settings &settings() const { return m_settings; }

    /// Where and as whom to call the watch's service, or an error that says what to fix.
    std::optional<aws::ServiceConfig> serviceConfig(const Watch &watch, aws::AwsError *error);
    /// Forgets cached sessions (after the AWS config files changed).
    void reloadConfiguration();

    /// The budget the config's requests draw from (created on first use), shared by every
    /// watch of the same service and region. Kept by a poller for as long as its config.
    std::shared_ptr<RequestBudget> budget(const aws::ServiceConfig &config);
    qint64 nowMs() const { return m_clock.elapsed(); }

    /// Runs `go` (on this thread) once `budget` has a token for it: at once when the budget
    /// has one and nobody is waiting, else in turn with every other waiter of the same
    /// budget, first come first served, so a slowed budget is shared fairly and no watch
    /// starves. Nothing runs once `context` is destroyed. `urgent`: ahead of every waiter that
    /// is not (the operator is waiting for it, e.g. the poll that confirms an action).
    void acquire(const std::shared_ptr<RequestBudget> &budget, QObject *context,
        std::function<void()> go, bool urgent = false);
    /// Waiting for a token of `budget` (for tests and the status bar).
    int waitingFor(const std::shared_ptr<RequestBudget> &budget) const;

    /// A reply from `origin` (scheme://host:port) was a success: the endpoint is back. Watches
    /// waiting out a failure there look again soon instead of after their whole backoff.
    void noteSuccess(const QString &origin);
    static QString originOf(const aws::ServiceConfig &config);

    /// Every request sent through the gateway is counted here (retries within a call too).
    void countRequest();
    void countRequests(int n);
    int requestsInLastMinute() const;

signals:
    void requestCountChanged();
    /// See noteSuccess().
    void originReachable(const QString &origin);

private:
    struct Waiter {
        QPointer<QObject> context;
        std::function<void()> go;
        bool urgent = false;
    };
    struct WaitQueue {
        std::weak_ptr<RequestBudget> budget;
        std::deque<Waiter> waiters;
        QTimer *timer = nullptr;
    };
    void serve(RequestBudget *key);

    QNetworkAccessManager *m_network;
    Settings m_settings;
    aws::AwsClient m_client;
    QHash<QString, std::shared_ptr<aws::AwsSession>> m_sessions;
    QHash<QString, std::shared_ptr<RequestBudget>> m_budgets;
    QHash<RequestBudget *, WaitQueue> m_queues;
    QElapsedTimer m_clock;
    mutable std::deque<qint64> m_recentRequests;
};

} // namespace sw
