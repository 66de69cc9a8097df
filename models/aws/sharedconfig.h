#pragma once

#include "configfile.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace sw::aws {

/// A setting's value and where it came from ("AWS_REGION", "profile 'dev'", ...), for
/// --debug output. An empty value means the setting is not configured anywhere.
struct ResolvedSetting {
    QString value;
    QString source;

    bool isSet() const { return !value.isEmpty(); }
};

/// A configured endpoint URL (AWS_ENDPOINT_URL*, the services section, the profile's
/// endpoint_url) for one service, with its origin. An empty url means none applies.
struct ConfiguredEndpoint {
    enum class Source { None, ServiceEnvironment, GlobalEnvironment, ServicesSection, Profile };

    QString url;
    Source source = Source::None;
    QString sourceDescription; ///< e.g. "environment variable AWS_ENDPOINT_URL_CODECATALYST"
    /// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or ignore_configured_endpoint_urls switched the
    /// lookup off; sourceDescription says which.
    bool ignored = false;
    /// Set when the profile names a [services x] section that does not exist, which
    /// botocore treats as an invalid configuration.
    QString error;

    bool isSet() const { return !url.isEmpty(); }
};

/// The AWS shared configuration as the AWS CLI v2 sees it: ~/.aws/config and
/// ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), the selected
/// profile with credentials-file values layered over config-file ones, and the settings
/// whose environment variables override the profile.
///
/// Everything comes from the QProcessEnvironment given to load(), never from the real
/// process environment, so tests can point HOME at a temporary directory. A value type:
/// cheap to copy, immutable after load().
class SharedConfig {
public:
    /// How the profile name was chosen. Only Explicit (--profile) switches off the
    /// environment-variable credentials, as in botocore; every origin but Default makes a
    /// missing profile an error.
    enum class ProfileOrigin { Default, AwsDefaultProfile, AwsProfile, Explicit };

    /// Settings that an environment variable overrides.
    enum class Setting {
        MaxAttempts, ///< AWS_MAX_ATTEMPTS / max_attempts
        RetryMode, ///< AWS_RETRY_MODE / retry_mode
        UseFipsEndpoint, ///< AWS_USE_FIPS_ENDPOINT / use_fips_endpoint
        UseDualstackEndpoint, ///< AWS_USE_DUALSTACK_ENDPOINT / use_dualstack_endpoint
        IgnoreConfiguredEndpointUrls, ///< AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_...
    };

    /// No files, profile "default", empty environment.
    SharedConfig();

    /// Reads both files for the profile named by explicitProfile (the --profile flag),
    /// else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else "default". Missing files are fine;
    /// problems are reported through error() rather than by failing, so that callers can
    /// still show what was found.
    static SharedConfig load(const QProcessEnvironment &env, const QString &explicitProfile = {});

    bool hasError() const { return !m_error.isEmpty(); }
    /// An unreadable file, or a named profile that exists in neither file ("The config
    /// profile (NAME) could not be found").
    QString error() const { return m_error; }
    /// Malformed-line warnings from both files ("file:line: problem").
    QStringList warnings() const;

    QProcessEnvironment environment() const { return m_env; }
    QString configFilePath() const { return m_config.fileName(); }
    QString credentialsFilePath() const { return m_credentials.fileName(); }
    const ConfigFile &configFile() const { return m_config; }
    const ConfigFile &credentialsFile() const { return m_credentials; }

    QString profileName() const { return m_profileName; }
    ProfileOrigin profileOrigin() const { return m_origin; }
    bool isProfileExplicit() const { return m_origin == ProfileOrigin::Explicit; }
    bool profileExists() const;
    /// The selected profile, credentials-file values over config-file ones.
    const ConfigSection &profile() const { return m_profile; }
    /// The selected profile as each file alone has it (credentials need to know which).
    ConfigSection configFileProfile() const;
    ConfigSection credentialsFileProfile() const;
    /// A plain property of the selected profile, or an empty string.
    QString value(const QString &key) const { return m_profile.value(key); }

    bool hasSsoSession(const QString &name) const;
    /// The [sso-session NAME] section of the config file (empty when absent).
    ConfigSection ssoSession(const QString &name) const;
    bool hasServicesSection(const QString &name) const;
    /// The [services NAME] section: service key (e.g. "customer_profiles") → its
    /// properties (e.g. "endpoint_url"). Empty when absent.
    QMap<QString, QMap<QString, QString>> servicesSection(const QString &name) const;

    /// explicitRegion (--region), else AWS_REGION, else AWS_DEFAULT_REGION, else the
    /// profile's region; empty when none is set.
    QString region(const QString &explicitRegion = {}) const;
    ResolvedSetting resolveRegion(const QString &explicitRegion = {}) const;

    /// The environment variable when set (and non-empty), else the profile property.
    ResolvedSetting setting(Setting setting) const;
    /// A boolean setting as botocore reads it: only "true" (any case) is true.
    bool isEnabled(Setting setting) const;
    /// max_attempts, nullopt when unset or invalid; *error names the source when invalid.
    std::optional<int> maxAttempts(QString *error = nullptr) const;

    /// The configured endpoint URL for one service: AWS_ENDPOINT_URL_<envServiceKey>,
    /// then AWS_ENDPOINT_URL, then endpoint_url under configServiceKey in the profile's
    /// [services x] section, then the profile's endpoint_url. Keys as from
    /// endpointEnvironmentKey()/endpointConfigKey(), e.g. "CUSTOMER_PROFILES" and
    /// "customer_profiles".
    ConfiguredEndpoint configuredEndpointUrl(
        const QString &envServiceKey, const QString &configServiceKey) const;

    /// "Customer Profiles" → "CUSTOMER_PROFILES" (the SDKs' rule for the env suffix).
    static QString endpointEnvironmentKey(const QString &serviceId);
    /// "Customer Profiles" → "customer_profiles" (the key in a services section).
    static QString endpointConfigKey(const QString &serviceId);
    /// HOME from env (USERPROFILE where HOME is unset, as on Windows).
    static QString homeDirectory(const QProcessEnvironment &env);
    /// Expands a leading "~" or "~/" with homeDirectory(env).
    static QString expandHome(const QString &path, const QProcessEnvironment &env);
    /// botocore's ensure_boolean for strings.
    static bool isTrue(const QString &value);

private:
    QString envValue(const QString &name) const;

    QProcessEnvironment m_env;
    ConfigFile m_config;
    ConfigFile m_credentials;
    QString m_profileName;
    ProfileOrigin m_origin = ProfileOrigin::Default;
    ConfigSection m_profile;
    QString m_error;
};

} // namespace sw::aws
