#include "bearertoken.h"

#include "jsonreader.h"
#include "redact.h"
#include "regularfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace sw::aws {

namespace {

BearerTokenResult failure(const QString &error)
{
    return {QString(), QString(), QDateTime(), error};
}

} // namespace

QString bearerTokenEnvironmentVariable(const QString &signingName)
{
    QString suffix = signingName.toUpper();
    suffix.replace(u'-', u'_');
    return u"AWS_BEARER_TOKEN_"_s + suffix;
}

QString ssoTokenCachePath(const QProcessEnvironment &env, const QString &key)
{
    const QString home = SharedConfig::homeDirectory(env);
    if (home.isEmpty())
        return {};
    const QByteArray hash =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QDir(home).filePath(u".aws/sso/cache/"_s + QString::fromLatin1(hash) + u".json"_s);
}

BearerTokenResult bearerToken(const QProcessEnvironment &env, const SharedConfig &config,
    const QDateTime &now, const QString &signingName)
{
    const QString variable = bearerTokenEnvironmentVariable(signingName);
    if (const QString token = env.value(variable); !token.isEmpty()) {
        // A line break would end the Authorization header and start another one.
        if (hasControlCharacter(token))
            return failure(
                u"%1 contains a control character (a line break?); it was not used"_s.arg(
                    variable));
        return {token, u"environment"_s, QDateTime(), QString()};
    }
    if (config.hasError())
        return failure(config.error());

    const QString profile = config.profileName();
    const QString session = config.value(u"sso_session"_s);
    QString cacheKey;
    QString login;
    QString what;
    if (!session.isEmpty()) {
        if (!config.hasSsoSession(session)) {
            return failure(
                u"Profile '%1' refers to sso_session '%2', but %3 has no "
                "[sso-session %2] section"_s.arg(profile, session, config.configFilePath()));
        }
        // botocore's SSOTokenProvider insists on both even when the cached token is enough.
        const ConfigSection section = config.ssoSession(session);
        QStringList missing;
        for (const QString &key : {u"sso_start_url"_s, u"sso_region"_s}) {
            if (section.value(key).isEmpty())
                missing.append(key);
        }
        if (!missing.isEmpty()) {
            return failure(u"The [sso-session %1] section in %2 is missing %3"_s.arg(
                session, config.configFilePath(), missing.join(u", "_s)));
        }
        cacheKey = session;
        login = u"aws sso login --sso-session %1"_s.arg(session);
        what = u"sso-session '%1'"_s.arg(session);
    } else if (const QString startUrl = config.value(u"sso_start_url"_s); !startUrl.isEmpty()) {
        // Legacy SSO profiles: the CLI caches their token under the start URL's hash.
        cacheKey = startUrl;
        login = u"aws sso login --profile %1"_s.arg(profile);
        what = u"profile '%1'"_s.arg(profile);
    } else {
        return failure(u"No bearer token for %1: set %2, or configure an sso-session for "
                       "profile '%3' (aws configure sso-session, then sso_session = NAME in the "
                       "profile) and run `aws sso login --sso-session NAME`"_s.arg(
                           signingName, variable, profile));
    }

    const QString path = ssoTokenCachePath(env, cacheKey);
    if (path.isEmpty()) {
        return failure(u"HOME is not set, so the SSO token cache for %1 cannot be found; set "
                       "HOME or %2"_s.arg(what, variable));
    }
    auto relogin = [&](const QString &problem) {
        return failure(u"%1; run `%2` to sign in again"_s.arg(problem, login));
    };

    // A token cache is a few hundred bytes; anything else at that path is not one.
    const FileRead cache = readRegularFile(path, 1024 * 1024, u"The SSO token cache file"_s);
    if (cache.status == FileRead::Status::Missing)
        return relogin(u"No SSO token for %1 is cached (%2 does not exist)"_s.arg(what, path));
    if (!cache.ok())
        return relogin(cache.error);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(cache.data, &parseError);
    if (!document.isObject())
        return relogin(u"The SSO token cache file %1 is not a JSON object"_s.arg(path));
    const QJsonObject json = document.object();
    const QString token = json.value(u"accessToken"_s).toString();
    if (token.isEmpty())
        return relogin(u"The SSO token cache file %1 has no accessToken"_s.arg(path));
    if (hasControlCharacter(token))
        return relogin(
            u"The accessToken in the SSO token cache file %1 contains a control character"_s.arg(
                path));
    const QDateTime expiresAt = parseIsoTimestamp(json.value(u"expiresAt"_s).toString());
    if (!expiresAt.isValid())
        return relogin(u"The SSO token cache file %1 has no valid expiresAt"_s.arg(path));
    if (expiresAt <= now) {
        return relogin(
            u"The SSO token for %1 expired at %2"_s.arg(what, expiresAt.toString(Qt::ISODate)));
    }
    return {token, u"sso-token-cache"_s, expiresAt, QString()};
}

} // namespace sw::aws
