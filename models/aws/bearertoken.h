#pragma once

#include "sharedconfig.h"

#include <QDateTime>
#include <QProcessEnvironment>
#include <QString>

namespace sw::aws {

/// A bearer token for a service that authenticates with one (CodeCatalyst), or the reason
/// there is none. `source` is "environment" or "sso-token-cache"; `expiration` is invalid
/// for a token from the environment. `error` never contains the token.
struct BearerTokenResult {
    QString token;
    QString source;
    QDateTime expiration;
    QString error;

    bool isValid() const { return error.isEmpty() && !token.isEmpty(); }
};

/// "codecatalyst" → "AWS_BEARER_TOKEN_CODECATALYST": the SDKs' rule of upper-casing the
/// signing name and turning '-' into '_'.
QString bearerTokenEnvironmentVariable(const QString &signingName);

/// $HOME/.aws/sso/cache/<sha1 hex of key>.json, where key is the sso-session name (or, for
/// a legacy profile without sso_session, its sso_start_url). Empty when HOME is unset.
QString ssoTokenCachePath(const QProcessEnvironment &env, const QString &key);

/// Finds the bearer token the AWS CLI would use: AWS_BEARER_TOKEN_<SIGNING_NAME> from env,
/// else the token `aws sso login` cached for the profile's sso_session (or legacy
/// sso_start_url). A token whose expiresAt is not after `now` is an error asking the user to
/// log in again: refreshing through the SSO OIDC API (what botocore does with the cached
/// refreshToken) is deliberately not implemented, so stepwatch never writes the cache and
/// needs no client registration of its own.
BearerTokenResult bearerToken(const QProcessEnvironment &env, const SharedConfig &config,
    const QDateTime &now, const QString &signingName = QStringLiteral("codecatalyst"));

} // namespace sw::aws
