#pragma once

#include "awserror.h"
#include "bearertoken.h"
#include "credentialsprovider.h"
#include "operationspec.h"
#include "retrypolicy.h"
#include "sharedconfig.h"

#include <QProcessEnvironment>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace sw::aws {

class SigV4Signer;

/// Everything one call needs to reach one service: where (endpoint), as whom (credentials
/// or bearer token, region for the signature) and how patiently (retries, timeout).
struct ServiceConfig {
    const ServiceSpec *service = nullptr;
    QUrl endpoint;
    QString
        endpointSource; ///< for --debug: "resolved from region us-east-1", "--endpoint-url", ...
    QString region;
    std::function<CredentialsResult()> credentials; ///< SigV4 services
    std::function<BearerTokenResult()> bearerToken; ///< CodeCatalyst
    std::shared_ptr<SigV4Signer> signer;
    RetryPolicy retry;
    int timeoutMs = 60000; ///< without a byte: Qt's transfer timeout
    /// The whole attempt, however slowly the bytes trickle in; expiry is a retryable timeout.
    int attemptTimeoutMs = 60000;
    QString userAgent;
};

/// What the user chose on the command line or in a watch; empty means "as configured".
struct ClientOptions {
    QString profile; ///< --profile
    QString region; ///< --region
    QString endpointUrl; ///< --endpoint-url
    /// Plain http:// to a host that is not loopback. Off by default: credentials and bearer
    /// tokens would cross the network in the clear.
    bool allowInsecureHttp = false;
    std::optional<int> maxAttempts; ///< overrides AWS_MAX_ATTEMPTS / max_attempts
    int timeoutMs = 60000; ///< per attempt; the AWS CLI's default read timeout
    int attemptTimeoutMs = 60000; ///< per attempt, start to last byte; 0: none
    /// The product part of the User-Agent, e.g. "stepwatch-cli/0.1.0".
    QString userAgentProduct = QStringLiteral("stepwatch");
};

/// The AWS configuration of one profile, resolved once and shared by the services: like a
/// botocore Session it owns the credentials provider (so temporary credentials are cached
/// and refreshed in one place) and the signer's key cache.
class AwsSession final {
public:
    /// Loads the shared config files for the chosen profile. Check error() before use.
    AwsSession(const QProcessEnvironment &env, ClientOptions options);
    ~AwsSession();
    AwsSession(const AwsSession &) = delete;
    AwsSession &operator=(const AwsSession &) = delete;

    /// A problem with the configuration as a whole (unreadable file, missing profile).
    const AwsError &error() const { return m_error; }
    const SharedConfig &sharedConfig() const { return m_config; }
    const ClientOptions &options() const { return m_options; }

    /// The configuration for one service, or a Configuration error that says what to fix:
    /// no region, an endpoint URL that is not http(s), plain http to a remote host, a
    /// region that is not a host label, FIPS where the partition has none, ...
    std::optional<ServiceConfig> serviceConfig(const ServiceSpec &service, AwsError *error) const;

    /// Replaces the credentials chain, e.g. with fixed keys in tests.
    void setCredentialsProvider(std::shared_ptr<CredentialsProvider> provider);
    /// For tests: a different clock for bearer-token expiry.
    void setClock(std::function<QDateTime()> clock);

private:
    QProcessEnvironment m_env;
    ClientOptions m_options;
    SharedConfig m_config;
    AwsError m_error;
    std::shared_ptr<CredentialsProvider> m_credentials;
    std::shared_ptr<SigV4Signer> m_signer;
    std::function<QDateTime()> m_clock;
};

/// Checks an endpoint URL the way users expect: absolute http(s) with a host; http only to
/// a loopback address (127.0.0.0/8, ::1, localhost) unless allowInsecureHttp. Returns an
/// error text naming the URL and the source it came from, or an empty string.
QString checkEndpointUrl(const QUrl &url, const QString &source, bool allowInsecureHttp);

/// botocore's validate_region_name: a region must be a valid host label.
bool isValidRegionName(const QString &region);

} // namespace sw::aws
