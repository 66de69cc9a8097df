#pragma once

#include "activityentry.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace sw {

/// Every operator action and its outcome, newest at the bottom (append order; a proxy can
/// reverse it). Persisted as JSON Lines, one object per line with the ActivityEntry member
/// names as keys, appended and closed at every change so a crash loses nothing already
/// shown; an outcome is a later line with the same id, which replaces the earlier one when
/// the file is read. Lines that cannot be read are skipped and counted. An action still in
/// progress when the file is read was cut off by quitting and is shown as failed. Only the
/// newest maxEntries entries are kept in memory; the file is rewritten (atomically) with just
/// those once it holds more than twice as many lines. A write that fails is reported and the
/// entry stays on screen.
class ActivityLogModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityLogModel)

public:
    enum Column {
        TimeColumn,
        ServiceColumn,
        TargetColumn,
        OperationColumn,
        ResultColumn,
        ErrorCodeColumn,
        MessageColumn,
        RequestIdColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    /// Answered on every column, except SortRole which is per column.
    enum Role {
        ResultRole = Qt::UserRole + 1, ///< int(ActivityEntry::Result)
        EntryIdRole, ///< qint64
        WorkflowKeyRole,
        TimeRole, ///< QDateTime, UTC
        SortRole,
    };
    Q_ENUM(Role)

    static constexpr int DefaultMaxEntries = 5000;
    /// The largest id read back from the file: JSON's exact integers (2^53 - 1). An id above it
    /// is not one we wrote, and counting on from it could overflow.
    static constexpr qint64 MaxId = (qint64(1) << 53) - 1;
    /// The newest part of the log file read at start-up (5,000 entries are about 5 MB).
    static constexpr qint64 MaxReadBytes = 32 * 1024 * 1024;

    /// `filePath` empty: kept in memory only. Nothing is read until load().
    explicit ActivityLogModel(const QString &filePath, QObject *parent = nullptr);

    QString filePath() const { return m_path; }

    /// Replaces the rows with the file's entries. A missing file is an empty log; false with
    /// loadError() only when an existing file cannot be read.
    bool load();
    QString loadError() const { return m_loadError; }
    int skippedLines() const { return m_skipped; }

    /// Assigns and returns the id (and the time, if `entry` has none), adds a row and writes
    /// the line. Loads the file first if that has not happened, so ids never repeat.
    qint64 append(ActivityEntry entry);
    /// Takes the outcome fields (finished, result, errorCode, message, requestId, attempts)
    /// from `outcome`. False when no row has that id (never logged, or dropped as too old).
    bool update(qint64 id, const ActivityEntry &outcome);

    const ActivityEntry *entry(qint64 id) const;
    int rowOfId(qint64 id) const;
    const QList<ActivityEntry> &entries() const { return m_entries; }

    int maxEntries() const { return m_maxEntries; }
    /// At least 1. Drops the oldest rows at once if there are more.
    void setMaxEntries(int maxEntries);

    /// The error of the last write, empty once a write succeeded again.
    QString lastWriteError() const { return m_writeError; }

    /// One line of the file, without the newline.
    static QByteArray toJsonLine(const ActivityEntry &entry);
    /// Nothing for anything that is not a whole, valid entry.
    static std::optional<ActivityEntry> fromJsonLine(QByteArrayView line);
    /// The result as the file spells it ("InProgress", "Succeeded", ...).
    static QString resultKey(ActivityEntry::Result result);
    static std::optional<ActivityEntry::Result> resultFromKey(QStringView key);
    static QString resultDisplayName(ActivityEntry::Result result);
    static QString confirmationKey(ActivityEntry::Confirmation confirmation);
    /// The Result column: "Succeeded · confirmed", "Failed", ...
    static QString resultText(const ActivityEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void writeFailed(const QString &error);

private:
    bool writeLine(const QByteArray &line);
    void compactIfNeeded();
    void trimToMax();
    bool failWrite(const QString &error);
    QVariant displayData(const ActivityEntry &entry, int column) const;

    QString m_path;
    QList<ActivityEntry> m_entries; ///< ascending id, which is append order
    qint64 m_nextId = 1;
    int m_maxEntries = DefaultMaxEntries;
    int m_fileLines = 0; ///< lines in the file, to know when to compact
    int m_skipped = 0;
    bool m_loaded = false;
    QString m_loadError;
    QString m_writeError;
};

} // namespace sw
