#pragma once

#include "credentials.h"
#include "sharedconfig.h"

#include <QDateTime>
#include <QMutex>
#include <QProcessEnvironment>
#include <QString>
#include <QWaitCondition>

#include <functional>
#include <memory>
#include <optional>

namespace sw::aws {

/// The outcome of a credentials lookup. On success `error` is empty and `source` is one of
/// "environment", "shared-credentials-file", "config-file", "credential_process" (or the
/// label given to CredentialsProvider::fromStatic). On failure `credentials` is invalid and
/// `error` says what to fix; it never contains a secret.
struct CredentialsResult {
    Credentials credentials;
    QString source;
    QString error;

    bool isValid() const { return error.isEmpty() && credentials.isValid(); }
};

/// botocore's default credential chain, minus the providers that need AWS calls or
/// metadata endpoints: environment variables (skipped when --profile was given), then
/// static keys from the credentials file, credential_process, then static keys from the
/// config file. Profiles that botocore would serve with assume-role, web identity, SSO
/// role credentials or login sessions fail with an error naming the key, instead of
/// silently using other credentials than the AWS CLI would.
///
/// Results are cached; temporary credentials are refreshed like botocore's
/// RefreshableCredentials (try 15 minutes before expiry and keep the old ones if that
/// fails, insist 10 minutes before). credential_process runs synchronously (under caps on
/// time and output), so call credentials() off the GUI thread: AwsReply does. Thread-safe,
/// and a lookup in progress is shared by every caller that comes meanwhile.
class CredentialsProvider {
public:
    static constexpr int AdvisoryRefreshSeconds = 15 * 60;
    static constexpr int MandatoryRefreshSeconds = 10 * 60;
    static constexpr int DefaultProcessTimeoutMs = 60 * 1000;

    /// The chain for config's profile; credential_process runs with env as its
    /// environment and PATH.
    CredentialsProvider(const QProcessEnvironment &env, const SharedConfig &config);
    /// The same, with the environment config was loaded from.
    explicit CredentialsProvider(const SharedConfig &config);
    /// Always returns these credentials (tests, --debug runs with pasted keys).
    static std::unique_ptr<CredentialsProvider> fromStatic(
        const Credentials &credentials, const QString &source = QStringLiteral("static"));

    CredentialsProvider(const CredentialsProvider &) = delete;
    CredentialsProvider &operator=(const CredentialsProvider &) = delete;

    /// Cached credentials, resolving or refreshing them first when needed.
    CredentialsResult credentials();
    /// Forgets the cache, e.g. after the service rejected the credentials as expired.
    void invalidate();

    /// "Now" for expiry decisions; tests inject a fixed clock. Defaults to the UTC clock.
    void setClock(std::function<QDateTime()> clock);
    void setProcessTimeout(int milliseconds);
    int processTimeout() const;

private:
    CredentialsProvider() = default;

    /// The chain, then the checks every source's credentials must pass.
    CredentialsResult resolve(int timeoutMs) const;
    CredentialsResult resolveChain(int timeoutMs) const;
    /// Caches a lookup's outcome (or keeps the current credentials in the advisory window).
    CredentialsResult settle(CredentialsResult fresh, const QDateTime &now);
    std::optional<CredentialsResult> fromEnvironment() const;
    std::optional<CredentialsResult> unsupportedKind() const;
    std::optional<CredentialsResult> fromProfileKeys(
        const ConfigSection &section, const QString &file, const QString &source) const;
    CredentialsResult fromProcess(const QString &command, int timeoutMs) const;
    QString notFoundMessage() const;

    QProcessEnvironment m_env;
    SharedConfig m_config;
    std::optional<CredentialsResult> m_static;
    std::function<QDateTime()> m_clock;
    int m_timeoutMs = DefaultProcessTimeoutMs;

    mutable QMutex m_mutex;
    std::optional<CredentialsResult> m_cached;
    bool m_resolving = false; ///< a lookup runs, outside the mutex
    quint64 m_round = 0; ///< lookups finished
    CredentialsResult m_lastOutcome;
    QWaitCondition m_resolved;
};

} // namespace sw::aws
