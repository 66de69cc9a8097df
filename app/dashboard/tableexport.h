#pragma once

#include <QByteArray>
#include <QString>

class QAbstractItemModel;

namespace sw {

class WorkflowTableModel;

/// The workflow table as the operator sees it (filtered and sorted by `shown`, a proxy over
/// `table`) written out as CSV (RFC 4180, UTF-8, a header row) or a JSON array. Values are the
/// data, not the screen text: times in ISO 8601 UTC, statuses both unified and raw, counts as
/// numbers. A CSV cell that a spreadsheet would run as a formula (=, +, -, @ first) gets a
/// leading apostrophe, because workflow names and messages come from outside.
namespace tableexport {

QByteArray toCsv(const QAbstractItemModel &shown, const WorkflowTableModel &table);
QByteArray toJson(const QAbstractItemModel &shown, const WorkflowTableModel &table);
/// Writes atomically; false with *error naming the file and the reason.
bool writeFile(const QString &path, const QByteArray &data, QString *error);

} // namespace tableexport
} // namespace sw
