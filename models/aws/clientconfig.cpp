#include "clientconfig.h"

#include "endpointresolver.h"
#include "sigv4signer.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sw::aws {

namespace {

Q_LOGGING_CATEGORY(lcClientConfig, "stepwatch.aws.config")

AwsError configError(const QString &message)
{
    AwsError e;
    e.kind = ErrorKind::Configuration;
    e.message = message;
    return e;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QString checkEndpointUrl(const QUrl &url, const QString &source, bool allowInsecureHttp)
{
    const QString shown = url.toDisplayString();
    if (!url.isValid() || url.host().isEmpty())
        return QObject::tr("Invalid endpoint URL \"%1\" (from %2): it needs a scheme and a host, "
                           "e.g. https://example.com or http://127.0.0.1:8080.")
            .arg(shown, source);
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https" && scheme != u"http")
        return QObject::tr("Invalid endpoint URL \"%1\" (from %2): the scheme must be https or "
                           "http.")
            .arg(shown, source);
    if (url.hasQuery() || url.hasFragment())
        return QObject::tr("Invalid endpoint URL \"%1\" (from %2): it may not have a query or "
                           "fragment.")
            .arg(shown, source);
    if (scheme == u"http" && !allowInsecureHttp && !isLoopbackHost(url.host()))
        return QObject::tr("Refusing plain http:// to %1 (from %2): credentials would cross the "
                           "network unencrypted. Use https, a loopback address, or pass "
                           "--allow-insecure-http if you really mean it.")
            .arg(url.host(), source);
    return {};
}

bool isValidRegionName(const QString &region)
{
    static const QRegularExpression pattern(u"^[a-zA-Z0-9](?:[a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?$"_s);
    return pattern.match(region).hasMatch();
}

AwsSession::AwsSession(const QProcessEnvironment &env, ClientOptions options)
    : m_env(env), m_options(std::move(options)),
      m_config(SharedConfig::load(env, m_options.profile)),
      m_signer(std::make_shared<SigV4Signer>()),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    if (m_config.hasError())
        m_error = configError(m_config.error());
    m_credentials = std::make_shared<CredentialsProvider>(env, m_config);
}

AwsSession::~AwsSession() = default;

void AwsSession::setCredentialsProvider(std::shared_ptr<CredentialsProvider> provider)
{
    m_credentials = std::move(provider);
}

void AwsSession::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

std::optional<ServiceConfig> AwsSession::serviceConfig(
    const ServiceSpec &service, AwsError *error) const
{
    auto fail = [error](const QString &message) -> std::optional<ServiceConfig> {
        if (error)
            *error = configError(message);
        return std::nullopt;
    };
    if (m_error.isError()) {
        if (error)
            *error = m_error;
        return std::nullopt;
    }

    ServiceConfig config;
    config.service = &service;
    config.signer = m_signer;
    config.timeoutMs = m_options.timeoutMs;
    config.attemptTimeoutMs = m_options.attemptTimeoutMs;
    config.userAgent = u"%1 Qt/%2 (%3)"_s.arg(
        m_options.userAgentProduct, QString::fromLatin1(qVersion()), service.cliName);

    const ResolvedSetting region = m_config.resolveRegion(m_options.region);
    if (region.isSet() && !isValidRegionName(region.value))
        return fail(QObject::tr("Provided region_name '%1' (from %2) doesn't match a supported "
                                "format.")
                        .arg(region.value, region.source));
    config.region = region.value;

    // An endpoint chosen by the user wins; otherwise the service's rule set decides.
    QString endpoint = m_options.endpointUrl;
    QString endpointSource = u"--endpoint-url"_s;
    if (endpoint.isEmpty()) {
        const ConfiguredEndpoint configured =
            m_config.configuredEndpointUrl(service.endpointEnvKey, service.configKey);
        if (!configured.error.isEmpty())
            return fail(configured.error);
        endpoint = configured.url;
        endpointSource = configured.sourceDescription;
    }

    EndpointParams params;
    params.region = config.region;
    // botocore switches FIPS and dual-stack off whenever an endpoint URL is given, so that
    // pointing a FIPS profile at a local endpoint works instead of failing the rule set.
    params.useFips =
        endpoint.isEmpty() && m_config.isEnabled(SharedConfig::Setting::UseFipsEndpoint);
    params.useDualStack =
        endpoint.isEmpty() && m_config.isEnabled(SharedConfig::Setting::UseDualstackEndpoint);
    params.endpoint = endpoint;
    const EndpointResult resolved = resolveEndpoint(service.modelId, params);
    if (!resolved.ok()) {
        if (resolved.error.contains(u"Missing Region"_s))
            return fail(QObject::tr("You must specify a region. You can also configure your "
                                    "region by running \"aws configure\", or set AWS_REGION."));
        return fail(resolved.error);
    }
    config.endpoint = QUrl(resolved.url, QUrl::StrictMode);
    config.endpointSource = endpoint.isEmpty()
        ? QObject::tr("resolved for region %1")
              .arg(config.region.isEmpty() ? u"(default)"_s : config.region)
        : endpointSource;
    const QString urlProblem =
        checkEndpointUrl(config.endpoint, config.endpointSource, m_options.allowInsecureHttp);
    if (!urlProblem.isEmpty())
        return fail(urlProblem);

    if (service.auth == AuthScheme::SigV4) {
        // A custom endpoint resolves without a region, but the signature still needs one.
        if (config.region.isEmpty())
            return fail(QObject::tr("You must specify a region to sign requests to %1. You can "
                                    "also configure your region by running \"aws configure\", "
                                    "or set AWS_REGION.")
                            .arg(service.cliName));
        std::shared_ptr<CredentialsProvider> provider = m_credentials;
        config.credentials = [provider] {
            return provider->credentials();
        };
    } else {
        const QProcessEnvironment env = m_env;
        const SharedConfig shared = m_config;
        const QString signingName = service.signingName;
        const std::function<QDateTime()> clock = m_clock;
        // The token comes from a file; a poller must not read it for every request. A good
        // token is kept until five minutes before it expires; a failure is never kept, so
        // that an `aws sso login` takes effect on the next call.
        // Looked up on worker threads, possibly two at once: the cache has its own lock.
        struct Cache {
            QMutex mutex;
            std::optional<BearerTokenResult> token;
        };
        auto cache = std::make_shared<Cache>();
        config.bearerToken = [env, shared, signingName, clock, cache] {
            QMutexLocker lock(&cache->mutex);
            const QDateTime now = clock();
            const std::optional<BearerTokenResult> &cached = cache->token;
            if (cached
                && (!cached->expiration.isValid() || now.secsTo(cached->expiration) > 5 * 60))
                return *cached;
            BearerTokenResult fresh = bearerToken(env, shared, now, signingName);
            if (fresh.error.isEmpty())
                cache->token = fresh;
            else
                cache->token.reset();
            return fresh;
        };
    }

    QString attemptsError;
    const std::optional<int> attempts =
        m_options.maxAttempts ? m_options.maxAttempts : m_config.maxAttempts(&attemptsError);
    if (!attemptsError.isEmpty())
        return fail(attemptsError);
    if (attempts) {
        // As the SDKs bound it: a typo of 1000 would otherwise hammer a failing service
        // for hours.
        if (*attempts > RetryPolicy::MaxAttemptsLimit) {
            qCWarning(lcClientConfig, "max_attempts %d is more than %d; using %d", *attempts,
                RetryPolicy::MaxAttemptsLimit, RetryPolicy::MaxAttemptsLimit);
        }
        config.retry.maxAttempts = std::clamp(*attempts, 1, RetryPolicy::MaxAttemptsLimit);
    }
    const ResolvedSetting mode = m_config.setting(SharedConfig::Setting::RetryMode);
    if (mode.isSet() && mode.value != u"standard" && mode.value != u"legacy"
        && mode.value != u"adaptive")
        return fail(QObject::tr("Invalid retry_mode '%1' (from %2): use standard, legacy or "
                                "adaptive.")
                        .arg(mode.value, mode.source));
    return config;
}

} // namespace sw::aws
