#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace sw::test {

/// A throwaway HOME for tests that read real AWS files: ~/.aws/config, ~/.aws/credentials,
/// the SSO token cache, credential_process scripts. Removed with the object.
class TempHome {
public:
    TempHome();

    QString path() const { return m_dir.path(); }
    /// Writes text to a file below HOME (folders created), returns its absolute path.
    QString write(const QString &relative, const QString &text);
    QString config(const QString &text) { return write(QStringLiteral(".aws/config"), text); }
    QString credentials(const QString &text)
    {
        return write(QStringLiteral(".aws/credentials"), text);
    }
    /// An executable /bin/sh script; %DIR% in the body becomes the home directory.
    QString script(const QString &relative, const QString &body);
    /// An environment with only HOME set, plus "NAME=value" assignments.
    QProcessEnvironment env(const QStringList &assignments = {}) const;

private:
    QTemporaryDir m_dir;
};

} // namespace sw::test
