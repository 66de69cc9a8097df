#pragma once

#include <QByteArray>
#include <QFile>

namespace sw::test {

/// This process's resident memory in KiB (VmRSS from /proc), or -1 where there is no /proc.
/// Scale tests print it; no test asserts on it.
inline qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace sw::test
