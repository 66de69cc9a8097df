#include "credentialprocess.h"

#include <QEventLoop>
#include <QProcess>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace sw::aws {

CappedProcessRun runCappedProcess(const QString &executable, const QStringList &arguments,
    const QProcessEnvironment &env, int timeoutMs, qint64 maxStdout, qint64 maxStderr)
{
    CappedProcessRun run;
    // The loop first: it gives this thread the event dispatcher QProcess's notifiers need.
    QEventLoop loop;
    QProcess process;
    process.setProcessEnvironment(env);
    // No terminal to answer prompts from inside a GUI, so an interactive helper gets EOF
    // instead of hanging until the timeout.
    process.setStandardInputFile(QProcess::nullDevice());
    bool done = false;
    auto stop = [&] {
        done = true;
        loop.quit();
    };
    // Each stream is drained as it arrives, so Qt's own buffers stay one read deep.
    auto drain = [&](QProcess::ProcessChannel channel, QByteArray &into, qint64 cap,
                     const QString &name) {
        process.setReadChannel(channel);
        const QByteArray more = process.readAll();
        if (!run.overflowed.isEmpty())
            return;
        if (into.size() + more.size() > cap) {
            into += more.left(cap - into.size());
            run.overflowed = name;
            process.kill();
            return;
        }
        into += more;
    };
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &loop, [&] {
        drain(QProcess::StandardOutput, run.standardOutput, maxStdout, u"standard output"_s);
    });
    QObject::connect(&process, &QProcess::readyReadStandardError, &loop,
        [&] { drain(QProcess::StandardError, run.standardError, maxStderr, u"standard error"_s); });
    QObject::connect(&process, &QProcess::finished, &loop, stop);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            run.startError = process.errorString();
            stop();
        }
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        run.timedOut = true;
        process.kill();
    });

    process.start(executable, arguments);
    deadline.start(timeoutMs);
    if (!done)
        loop.exec();
    if (!run.startError.isEmpty())
        return run;
    if (process.state() != QProcess::NotRunning) {
        // finished never came (it always does after kill); do not leave a zombie behind.
        process.kill();
        process.waitForFinished(5000);
    }
    // What arrived between the last readyRead and the exit.
    drain(QProcess::StandardOutput, run.standardOutput, maxStdout, u"standard output"_s);
    drain(QProcess::StandardError, run.standardError, maxStderr, u"standard error"_s);
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    return run;
}

} // namespace sw::aws
