#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace sw {

/// What the operator's AWS setup offers the dashboard, found without sending anything: the
/// profile names of the config and credentials files (for the watch dialog), which of them
/// (and whether the default chain) have credentials Stepwatch can use, and a short, friendly
/// account of it for the first-run page, with the details — every place looked in, as the AWS
/// CLI lists them, and what each profile has — behind a toggle.
struct AwsEnvironment {
    QStringList profiles;
    /// Profiles whose credentials Stepwatch can use (static keys, credential_process).
    QStringList usableProfiles;
    /// The default chain (environment, then AWS_PROFILE or "default") finds credentials.
    bool defaultCredentials = false;
    /// Anything usable at all: the default chain or any profile.
    bool credentialsFound = false;
    /// Why the default chain found nothing ("Looked in: …"); empty when it did.
    QString problem;
    /// One line per profile: "ops: static keys", "corp: … (not supported yet)".
    QStringList profileNotes;

    /// What the first-run page says, in two or three sentences: what was found, what to do
    /// next. Empty when the default chain has credentials (nothing to say).
    QString summary() const;
    /// "Where I looked": the places of the default chain and each profile's note.
    QString details() const;

    /// Reads the files `env` points at. Never runs a credential_process: a profile that has
    /// one counts as configured.
    static AwsEnvironment inspect(const QProcessEnvironment &env);
};

} // namespace sw
