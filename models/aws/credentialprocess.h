#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace sw::aws {

/// What a credential_process run produced, read under caps.
struct CappedProcessRun {
    QString startError; ///< could not start; nothing else is set
    bool timedOut = false;
    bool crashed = false;
    int exitCode = 0;
    QByteArray standardOutput; ///< at most the stdout cap
    QByteArray standardError; ///< at most the stderr cap
    /// "standard output" or "standard error" when that stream passed its cap (the process
    /// was killed then).
    QString overflowed;
};

/// Runs a credential helper the way botocore does (no stdin, the given environment) and
/// reads its two streams as they come, never holding more than `maxStdout` / `maxStderr`
/// bytes of them: a helper that writes a gigabyte is killed at the cap, one that runs past
/// `timeoutMs` is killed then. Runs a local event loop: call it on a worker thread (or the
/// CLI's, which has nothing else to do).
CappedProcessRun runCappedProcess(const QString &executable, const QStringList &arguments,
    const QProcessEnvironment &env, int timeoutMs, qint64 maxStdout = 1024 * 1024,
    qint64 maxStderr = 64 * 1024);

} // namespace sw::aws
