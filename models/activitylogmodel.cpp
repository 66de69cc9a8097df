#include "activitylogmodel.h"

#include "aws/regularfile.h"

#include "displaytime.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace sw {

namespace {

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

ActivityLogModel::ActivityLogModel(const QString &filePath, QObject *parent)
    : QAbstractTableModel(parent), m_path(filePath)
{
}

bool ActivityLogModel::load()
{
    m_loaded = true;
    m_loadError.clear();
    m_skipped = 0;
    m_fileLines = 0;
    QList<ActivityEntry> loaded;
    qint64 maxId = 0;
    if (!m_path.isEmpty()) {
        // Append-only, so it grows for as long as the dashboard is used: only its newest
        // part is read (far more than the rows kept), and never a special file.
        const aws::FileRead file = aws::readRegularFile(
            m_path, MaxReadBytes, tr("The activity log"), aws::OverCap::KeepTail);
        if (file.status != aws::FileRead::Status::Ok
            && file.status != aws::FileRead::Status::Missing) {
            // The rows stay as they are: an unreadable file is no reason to blank the log.
            m_loadError = file.error;
            return false;
        }
        QByteArrayView rest(file.data);
        // A tail starts mid-line: that first piece is not an entry.
        if (file.skippedBytes > 0) {
            const qsizetype newline = rest.indexOf('\n');
            rest = newline < 0 ? QByteArrayView() : rest.sliced(newline + 1);
        }
        QHash<qint64, qsizetype> indexOf;
        while (!rest.isEmpty()) {
            const qsizetype newline = rest.indexOf('\n');
            const QByteArray line =
                (newline < 0 ? rest : rest.first(newline)).toByteArray().trimmed();
            rest = newline < 0 ? QByteArrayView() : rest.sliced(newline + 1);
            if (line.isEmpty())
                continue;
            ++m_fileLines;
            std::optional<ActivityEntry> entry = fromJsonLine(line);
            if (!entry) {
                ++m_skipped;
                continue;
            }
            maxId = std::max(maxId, entry->id);
            const auto it = indexOf.constFind(entry->id);
            if (it != indexOf.cend()) {
                loaded[*it] = std::move(*entry);
            } else {
                indexOf.insert(entry->id, loaded.size());
                loaded.append(std::move(*entry));
            }
        }
    }
    std::sort(loaded.begin(), loaded.end(),
        [](const ActivityEntry &a, const ActivityEntry &b) { return a.id < b.id; });
    for (ActivityEntry &entry : loaded) {
        if (entry.result == ActivityEntry::Result::InProgress) {
            // The app quit (or crashed) before the answer came: whether the action happened
            // is unknown, and only the workflow itself can tell.
            entry.result = ActivityEntry::Result::Failed;
            entry.message = tr("Stepwatch was closed before the outcome arrived; check the "
                               "workflow.");
        }
        if (entry.confirmation == ActivityEntry::Confirmation::Awaiting)
            entry.confirmation = ActivityEntry::Confirmation::NotConfirmed;
    }
    if (loaded.size() > m_maxEntries)
        loaded.erase(loaded.begin(), loaded.end() - m_maxEntries);

    if (!m_entries.isEmpty()) {
        beginRemoveRows({}, 0, int(m_entries.size()) - 1);
        m_entries.clear();
        endRemoveRows();
    }
    if (!loaded.isEmpty()) {
        beginInsertRows({}, 0, int(loaded.size()) - 1);
        m_entries = std::move(loaded);
        endInsertRows();
    }
    // Entries appended while the file could not be written are gone from the rows now, but
    // their ids stay used.
    m_nextId = std::max(m_nextId, maxId + 1);
    return true;
}

qint64 ActivityLogModel::append(ActivityEntry entry)
{
    if (!m_loaded)
        load();
    entry.id = m_nextId++;
    entry.time = entry.time.isValid() ? entry.time.toUTC() : QDateTime::currentDateTimeUtc();
    if (entry.finished.isValid())
        entry.finished = entry.finished.toUTC();
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
    writeLine(toJsonLine(entry));
    trimToMax();
    compactIfNeeded();
    return entry.id;
}

bool ActivityLogModel::update(qint64 id, const ActivityEntry &outcome)
{
    const int row = rowOfId(id);
    if (row < 0)
        return false;
    ActivityEntry &entry = m_entries[row];
    if (outcome.finished.isValid())
        entry.finished = outcome.finished.toUTC();
    else if (outcome.result != ActivityEntry::Result::InProgress)
        entry.finished = QDateTime::currentDateTimeUtc();
    entry.result = outcome.result;
    entry.errorCode = outcome.errorCode;
    entry.message = outcome.message;
    entry.requestId = outcome.requestId;
    entry.attempts = outcome.attempts;
    entry.confirmation = outcome.confirmation;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    writeLine(toJsonLine(entry));
    compactIfNeeded();
    return true;
}

const ActivityEntry *ActivityLogModel::entry(qint64 id) const
{
    const int row = rowOfId(id);
    return row < 0 ? nullptr : &m_entries.at(row);
}

int ActivityLogModel::rowOfId(qint64 id) const
{
    const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), id,
        [](const ActivityEntry &entry, qint64 value) { return entry.id < value; });
    if (it == m_entries.cend() || it->id != id)
        return -1;
    return int(it - m_entries.cbegin());
}

void ActivityLogModel::setMaxEntries(int maxEntries)
{
    m_maxEntries = std::max(1, maxEntries);
    trimToMax();
}

QString ActivityLogModel::resultText(const ActivityEntry &e)
{
    const QString result = resultDisplayName(e.result);
    switch (e.confirmation) {
    case ActivityEntry::Confirmation::None:
        return result;
    case ActivityEntry::Confirmation::Awaiting:
        return tr("%1 · confirming…").arg(result);
    case ActivityEntry::Confirmation::Confirmed:
        return tr("%1 · confirmed").arg(result);
    case ActivityEntry::Confirmation::NotConfirmed:
        return tr("%1 · not confirmed").arg(result);
    }
    return result;
}

QString ActivityLogModel::resultDisplayName(ActivityEntry::Result result)
{
    switch (result) {
    case ActivityEntry::Result::InProgress:
        return tr("In progress");
    case ActivityEntry::Result::Succeeded:
        return tr("Succeeded");
    case ActivityEntry::Result::Failed:
        return tr("Failed");
    case ActivityEntry::Result::Refused:
        return tr("Refused");
    }
    return {};
}

int ActivityLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(e, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return e.finished.isValid()
                ? tr("Started %1, finished %2").arg(isoTime(e.time), isoTime(e.finished))
                : tr("Started %1").arg(isoTime(e.time));
        case ResultColumn:
            return tr("%1 after %n request(s)", nullptr, e.attempts).arg(resultText(e));
        default:
            return displayData(e, index.column());
        }
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
            return e.time.toMSecsSinceEpoch();
        case ResultColumn:
            return int(e.result);
        default:
            return displayData(e, index.column());
        }
    case ResultRole:
        return int(e.result);
    case EntryIdRole:
        return e.id;
    case WorkflowKeyRole:
        return e.workflowKey;
    case TimeRole:
        return e.time;
    default:
        return {};
    }
}

QVariant ActivityLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ServiceColumn:
        return tr("Service");
    case TargetColumn:
        return tr("Target");
    case OperationColumn:
        return tr("Operation");
    case ResultColumn:
        return tr("Result");
    case ErrorCodeColumn:
        return tr("Error code");
    case MessageColumn:
        return tr("Message");
    case RequestIdColumn:
        return tr("Request id");
    default:
        return {};
    }
}

QHash<int, QByteArray> ActivityLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ResultRole, "result");
    names.insert(EntryIdRole, "entryId");
    names.insert(WorkflowKeyRole, "workflowKey");
    names.insert(TimeRole, "time");
    names.insert(SortRole, "sort");
    return names;
}

bool ActivityLogModel::writeLine(const QByteArray &line)
{
    if (m_path.isEmpty())
        return true;
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return failWrite(tr("Cannot create the folder %1 for the activity log.")
                             .arg(QDir::toNativeSeparators(dir)));
    // Opened, written and closed each time: actions are rare, and a closed file survives a
    // crash of the app with nothing left in a buffer.
    QFile file(m_path);
    if (!file.open(QIODevice::ReadWrite))
        return failWrite(tr("Cannot write the activity log %1: %2")
                             .arg(QDir::toNativeSeparators(m_path), file.errorString()));
    QByteArray data;
    char last = '\n';
    // A line cut short by a crash must not swallow the next one.
    if (file.size() > 0 && file.seek(file.size() - 1) && file.getChar(&last) && last != '\n')
        data += '\n';
    data += line;
    data += '\n';
    if (!file.seek(file.size()) || file.write(data) != data.size() || !file.flush())
        return failWrite(tr("Cannot write the activity log %1: %2")
                             .arg(QDir::toNativeSeparators(m_path), file.errorString()));
    file.close();
    ++m_fileLines;
    m_writeError.clear();
    return true;
}

void ActivityLogModel::compactIfNeeded()
{
    if (m_path.isEmpty() || m_fileLines <= 2 * m_maxEntries)
        return;
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        failWrite(tr("Cannot rewrite the activity log %1: %2")
                      .arg(QDir::toNativeSeparators(m_path), file.errorString()));
        return;
    }
    for (const ActivityEntry &entry : std::as_const(m_entries)) {
        file.write(toJsonLine(entry));
        file.write("\n", 1);
    }
    if (!file.commit()) {
        failWrite(tr("Cannot rewrite the activity log %1: %2")
                      .arg(QDir::toNativeSeparators(m_path), file.errorString()));
        return;
    }
    m_fileLines = int(m_entries.size());
}

void ActivityLogModel::trimToMax()
{
    const int excess = int(m_entries.size()) - m_maxEntries;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_entries.remove(0, excess);
    endRemoveRows();
}

bool ActivityLogModel::failWrite(const QString &error)
{
    m_writeError = error;
    emit writeFailed(error);
    return false;
}

QVariant ActivityLogModel::displayData(const ActivityEntry &e, int column) const
{
    switch (column) {
    case TimeColumn:
        return displayTime(e.time);
    case ServiceColumn:
        return serviceDisplayName(e.service);
    case TargetColumn:
        return e.target;
    case OperationColumn:
        return e.operation;
    case ResultColumn:
        return resultText(e);
    case ErrorCodeColumn:
        return e.errorCode;
    case MessageColumn:
        return e.message;
    case RequestIdColumn:
        return e.requestId;
    default:
        return {};
    }
}

} // namespace sw
