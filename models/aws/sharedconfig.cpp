#include "sharedconfig.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace sw::aws {

namespace {

struct SettingNames {
    QString environment;
    QString profileKey;
};

SettingNames namesOf(SharedConfig::Setting setting)
{
    switch (setting) {
    case SharedConfig::Setting::MaxAttempts:
        return {u"AWS_MAX_ATTEMPTS"_s, u"max_attempts"_s};
    case SharedConfig::Setting::RetryMode:
        return {u"AWS_RETRY_MODE"_s, u"retry_mode"_s};
    case SharedConfig::Setting::UseFipsEndpoint:
        return {u"AWS_USE_FIPS_ENDPOINT"_s, u"use_fips_endpoint"_s};
    case SharedConfig::Setting::UseDualstackEndpoint:
        return {u"AWS_USE_DUALSTACK_ENDPOINT"_s, u"use_dualstack_endpoint"_s};
    case SharedConfig::Setting::IgnoreConfiguredEndpointUrls:
        return {u"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"_s, u"ignore_configured_endpoint_urls"_s};
    }
    return {};
}

} // namespace

SharedConfig::SharedConfig() : m_profileName(u"default"_s) { }

SharedConfig SharedConfig::load(const QProcessEnvironment &env, const QString &explicitProfile)
{
    SharedConfig config;
    config.m_env = env;

    const QString home = homeDirectory(env);
    auto pathFor = [&](const QString &variable, const QString &fileName) {
        const QString configured = config.envValue(variable);
        if (!configured.isEmpty())
            return expandHome(configured, env);
        return home.isEmpty() ? QString() : QDir(home).filePath(u".aws/"_s + fileName);
    };

    QString configError;
    QString credentialsError;
    config.m_config = ConfigFile::read(
        pathFor(u"AWS_CONFIG_FILE"_s, u"config"_s), ConfigFile::Kind::Config, &configError);
    config.m_credentials =
        ConfigFile::read(pathFor(u"AWS_SHARED_CREDENTIALS_FILE"_s, u"credentials"_s),
            ConfigFile::Kind::Credentials, &credentialsError);

    // AWS_PROFILE before AWS_DEFAULT_PROFILE is the AWS CLI v2 / SDK order.
    if (!explicitProfile.isEmpty()) {
        config.m_profileName = explicitProfile;
        config.m_origin = ProfileOrigin::Explicit;
    } else if (!config.envValue(u"AWS_PROFILE"_s).isEmpty()) {
        config.m_profileName = config.envValue(u"AWS_PROFILE"_s);
        config.m_origin = ProfileOrigin::AwsProfile;
    } else if (!config.envValue(u"AWS_DEFAULT_PROFILE"_s).isEmpty()) {
        config.m_profileName = config.envValue(u"AWS_DEFAULT_PROFILE"_s);
        config.m_origin = ProfileOrigin::AwsDefaultProfile;
    }

    config.m_profile = config.configFileProfile();
    config.m_profile.mergeFrom(config.credentialsFileProfile());

    QStringList errors;
    if (!configError.isEmpty())
        errors.append(configError);
    if (!credentialsError.isEmpty())
        errors.append(credentialsError);
    // botocore complains about a missing profile whenever one was named (flag or
    // environment), even "default"; only the implicit default may be absent.
    if (config.m_origin != ProfileOrigin::Default && !config.profileExists()) {
        QString message = u"The config profile (%1) could not be found"_s.arg(config.m_profileName);
        if (config.m_config.otherSections().contains(config.m_profileName)) {
            message += u"; %1 has a [%2] section, but profiles there must be written "
                       "[profile %2]"_s.arg(config.configFilePath(), config.m_profileName);
        }
        errors.append(message);
    }
    config.m_error = errors.join(u'\n');
    return config;
}

QStringList SharedConfig::warnings() const
{
    return m_config.warnings() + m_credentials.warnings();
}

bool SharedConfig::profileExists() const
{
    return m_config.profiles().contains(m_profileName)
        || m_credentials.profiles().contains(m_profileName);
}

ConfigSection SharedConfig::configFileProfile() const
{
    return m_config.profiles().value(m_profileName);
}

ConfigSection SharedConfig::credentialsFileProfile() const
{
    return m_credentials.profiles().value(m_profileName);
}

bool SharedConfig::hasSsoSession(const QString &name) const
{
    return m_config.ssoSessions().contains(name);
}

ConfigSection SharedConfig::ssoSession(const QString &name) const
{
    return m_config.ssoSessions().value(name);
}

bool SharedConfig::hasServicesSection(const QString &name) const
{
    return m_config.servicesSections().contains(name);
}

QMap<QString, QMap<QString, QString>> SharedConfig::servicesSection(const QString &name) const
{
    return m_config.servicesSections().value(name).subSections;
}

QString SharedConfig::region(const QString &explicitRegion) const
{
    return resolveRegion(explicitRegion).value;
}

ResolvedSetting SharedConfig::resolveRegion(const QString &explicitRegion) const
{
    if (!explicitRegion.isEmpty())
        return {explicitRegion, u"--region"_s};
    for (const QString &variable : {u"AWS_REGION"_s, u"AWS_DEFAULT_REGION"_s}) {
        if (const QString v = envValue(variable); !v.isEmpty())
            return {v, u"environment variable "_s + variable};
    }
    if (const QString v = value(u"region"_s); !v.isEmpty())
        return {v, u"profile '%1'"_s.arg(m_profileName)};
    return {};
}

ResolvedSetting SharedConfig::setting(Setting setting) const
{
    const SettingNames names = namesOf(setting);
    if (const QString v = envValue(names.environment); !v.isEmpty())
        return {v, u"environment variable "_s + names.environment};
    if (const QString v = value(names.profileKey); !v.isEmpty())
        return {v, u"profile '%1' (%2)"_s.arg(m_profileName, names.profileKey)};
    return {};
}

bool SharedConfig::isEnabled(Setting s) const
{
    return isTrue(setting(s).value);
}

std::optional<int> SharedConfig::maxAttempts(QString *error) const
{
    const ResolvedSetting s = setting(Setting::MaxAttempts);
    if (!s.isSet())
        return std::nullopt;
    bool ok = false;
    const int attempts = s.value.trimmed().toInt(&ok);
    if (!ok || attempts < 1) {
        if (error)
            *error = u"max_attempts from %1 must be a positive integer"_s.arg(s.source);
        return std::nullopt;
    }
    return attempts;
}

ConfiguredEndpoint SharedConfig::configuredEndpointUrl(
    const QString &envServiceKey, const QString &configServiceKey) const
{
    ConfiguredEndpoint result;
    // The environment variable decides even when it says "false", so a profile's
    // ignore flag can be overridden for one run.
    const ResolvedSetting ignore = setting(Setting::IgnoreConfiguredEndpointUrls);
    if (isTrue(ignore.value)) {
        result.ignored = true;
        result.sourceDescription =
            u"configured endpoint URLs are ignored (%1)"_s.arg(ignore.source);
        return result;
    }

    const QString serviceVariable = u"AWS_ENDPOINT_URL_"_s + envServiceKey;
    if (const QString v = envValue(serviceVariable); !v.isEmpty())
        return {v, ConfiguredEndpoint::Source::ServiceEnvironment,
            u"environment variable "_s + serviceVariable, false, {}};
    if (const QString v = envValue(u"AWS_ENDPOINT_URL"_s); !v.isEmpty())
        return {v, ConfiguredEndpoint::Source::GlobalEnvironment,
            u"environment variable AWS_ENDPOINT_URL"_s, false, {}};

    if (const QString services = value(u"services"_s); !services.isEmpty()) {
        if (!hasServicesSection(services)) {
            result.error = u"The profile '%1' is configured to use the services section "
                           "\"%2\", but that services configuration does not exist in %3"_s.arg(
                               m_profileName, services, configFilePath());
            return result;
        }
        const QString url =
            servicesSection(services).value(configServiceKey).value(u"endpoint_url"_s);
        if (!url.isEmpty()) {
            return {url, ConfiguredEndpoint::Source::ServicesSection,
                u"[services %1] %2.endpoint_url in %3"_s.arg(
                    services, configServiceKey, configFilePath()),
                false, {}};
        }
    }
    if (const QString v = value(u"endpoint_url"_s); !v.isEmpty())
        return {v, ConfiguredEndpoint::Source::Profile,
            u"endpoint_url of profile '%1'"_s.arg(m_profileName), false, {}};
    return result;
}

QString SharedConfig::endpointEnvironmentKey(const QString &serviceId)
{
    QString key = serviceId.toUpper();
    key.replace(u' ', u'_').replace(u'-', u'_');
    return key;
}

QString SharedConfig::endpointConfigKey(const QString &serviceId)
{
    QString key = serviceId.toLower();
    key.replace(u' ', u'_').replace(u'-', u'_');
    return key;
}

QString SharedConfig::homeDirectory(const QProcessEnvironment &env)
{
    const QString home = env.value(u"HOME"_s);
    return home.isEmpty() ? env.value(u"USERPROFILE"_s) : home;
}

QString SharedConfig::expandHome(const QString &path, const QProcessEnvironment &env)
{
    const bool tilde = path == u"~" || path.startsWith(u"~/")
        || (QDir::separator() == u'\\' && path.startsWith(u"~\\"));
    if (!tilde)
        return path;
    const QString home = homeDirectory(env);
    if (home.isEmpty())
        return path;
    return path.size() == 1 ? home : QDir(home).filePath(path.mid(2));
}

bool SharedConfig::isTrue(const QString &value)
{
    return value.trimmed().compare(u"true", Qt::CaseInsensitive) == 0;
}

QString SharedConfig::envValue(const QString &name) const
{
    // An empty variable counts as unset: `AWS_PROFILE= aws ...` is how people unset one.
    return m_env.value(name);
}

} // namespace sw::aws
