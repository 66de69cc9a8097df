#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace sw {

/// What the operator's AWS setup offers the dashboard, found without sending anything: the
/// profile names of the config and credentials files (for the watch dialog), and whether the
/// default credential chain finds anything. When it does not, `problem` says which sources
/// were looked in, as the AWS CLI would, so the first-run page can say so and offer the demo.
struct AwsEnvironment {
    QStringList profiles;
    bool credentialsFound = false;
    QString problem;

    /// Reads the files `env` points at. Never runs a credential_process: a profile that has
    /// one counts as configured.
    static AwsEnvironment inspect(const QProcessEnvironment &env);
};

} // namespace sw
