#pragma once

#include <QDateTime>
#include <QString>

namespace sw::aws {

/// An AWS key pair, with the session token and expiry of temporary credentials. Never
/// printed: see redact.h for what may be shown of it.
struct Credentials {
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; ///< empty for long-term keys
    QDateTime expiration; ///< invalid for credentials that do not expire

    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
};

} // namespace sw::aws
