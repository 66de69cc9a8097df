#pragma once

#include "requestbudget.h"
#include "watch.h"

#include "aws/awsclient.h"
#include "aws/clientconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QProcessEnvironment>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

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
        int timeoutMs = 30000; ///< per attempt
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

    /// Looks up credentials on a worker thread (credential_process may take seconds) and then
    /// runs `then` on `context`'s thread; the call that follows finds them cached. Bearer
    /// tokens are a small file read and are looked up by the call itself.
    void prepareCredentials(
        const aws::ServiceConfig &config, QObject *context, std::function<void()> then);

    /// Every request sent through the gateway is counted here.
    void countRequest();
    int requestsInLastMinute() const;

signals:
    void requestCountChanged();

private:
    QNetworkAccessManager *m_network;
    Settings m_settings;
    aws::AwsClient m_client;
    QHash<QString, std::shared_ptr<aws::AwsSession>> m_sessions;
    QHash<QString, std::shared_ptr<RequestBudget>> m_budgets;
    QElapsedTimer m_clock;
    mutable std::deque<qint64> m_recentRequests;
};

} // namespace sw
