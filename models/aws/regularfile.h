#pragma once

#include <QByteArray>
#include <QString>

namespace sw::aws {

/// What readRegularFile() found.
struct FileRead {
    enum class Status {
        Ok,
        Missing, ///< no such file (not an error for optional files such as ~/.aws/config)
        NotRegular, ///< a FIFO, device, directory or socket: never read
        TooLarge, ///< over the caller's cap
        Failed, ///< exists but cannot be opened or read
    };
    Status status = Status::Missing;
    QByteArray data;
    /// Names the file and what is wrong with it; empty for Ok and Missing.
    QString error;
    /// OverCap::KeepTail dropped this many bytes from the start.
    qint64 skippedBytes = 0;

    bool ok() const { return status == Status::Ok; }
};

/// What to do with a regular file larger than the cap.
enum class OverCap {
    Refuse, ///< TooLarge, nothing read
    KeepTail, ///< the last maxBytes only (an append-only log: its newest entries)
};

/// Reads a file we did not write ourselves in this run (AWS config and credentials, the SSO
/// token cache, watches.json, the activity log) as outside input: only a regular file (a
/// symlink is followed to one), opened without blocking so a FIFO cannot hang the caller,
/// never more than `maxBytes` (a symlink to /dev/zero or a multi-gigabyte file cannot eat
/// the memory). `what` names the file in errors, e.g. "The AWS config file".
FileRead readRegularFile(
    const QString &path, qint64 maxBytes, const QString &what, OverCap overCap = OverCap::Refuse);

} // namespace sw::aws
