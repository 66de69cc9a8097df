#pragma once

#include "watch.h"

#include <QList>
#include <QString>

namespace sw {

/// The operator's watches in a readable JSON file in the platform config location
/// (watches.json under QStandardPaths::AppConfigLocation). A file that cannot be read or
/// parsed is reported and moved aside (watches.json.broken-<time>) before anything new is
/// written; if it cannot even be moved, saving is refused, so nothing the operator wrote is
/// ever overwritten silently. Entries that are individually invalid are reported and
/// skipped, and the original file is kept aside the same way.
class WatchStore final {
public:
    /// `path` empty: the default location.
    explicit WatchStore(QString path = {});

    /// The largest watch list read (hundreds of watches are a few hundred KB).
    static constexpr qint64 MaxFileBytes = 8 * 1024 * 1024;

    static QString defaultPath();
    QString path() const { return m_path; }

    /// Reads the file. A missing file is an empty list, not an error.
    QList<Watch> load();
    /// Problems found by the last load(), one line each, naming the file (and the entry).
    const QStringList &loadProblems() const { return m_problems; }
    /// Where a broken file was moved, if it was.
    QString setAsidePath() const { return m_setAside; }

    /// Writes atomically (QSaveFile). False with error() set when it may not or cannot: an
    /// existing file must have been load()ed first, and a broken one set aside.
    bool save(const QList<Watch> &watches);
    QString error() const { return m_error; }

private:
    bool setAside(const QString &reason);

    QString m_path;
    QStringList m_problems;
    QString m_setAside;
    QString m_error;
    bool m_saveBlocked = false;
    bool m_loaded = false;
};

} // namespace sw
