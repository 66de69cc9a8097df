#include "tableexport.h"

#include "snapshot.h"
#include "workflowtablemodel.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <functional>

using namespace Qt::StringLiterals;

namespace sw::tableexport {

namespace {

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

/// Every column of the export: its name and how to read it.
struct Field {
    QString name;
    std::function<QJsonValue(const WorkflowSnapshot &)> value;
};

QJsonValue optionalNumber(const std::optional<qint64> &n)
{
    return n ? QJsonValue(double(*n)) : QJsonValue();
}

const QList<Field> &fields()
{
    static const QList<Field> list = {
        {u"service"_s,
            [](const WorkflowSnapshot &w) {
                return serviceId(w.service);
            }},
        {u"name"_s,
            [](const WorkflowSnapshot &w) {
                return w.name;
            }},
        {u"id"_s,
            [](const WorkflowSnapshot &w) {
                return w.id;
            }},
        {u"status"_s,
            [](const WorkflowSnapshot &w) {
                return statusKey(w.status);
            }},
        {u"rawStatus"_s,
            [](const WorkflowSnapshot &w) {
                return w.rawStatus;
            }},
        {u"completedSteps"_s,
            [](const WorkflowSnapshot &w) {
                return optionalNumber(w.completedSteps);
            }},
        {u"totalSteps"_s,
            [](const WorkflowSnapshot &w) {
                return optionalNumber(w.totalSteps);
            }},
        {u"start"_s,
            [](const WorkflowSnapshot &w) {
                return isoTime(w.start);
            }},
        {u"lastUpdate"_s,
            [](const WorkflowSnapshot &w) {
                return isoTime(w.lastUpdate);
            }},
        {u"end"_s,
            [](const WorkflowSnapshot &w) {
                return isoTime(w.end);
            }},
        {u"message"_s,
            [](const WorkflowSnapshot &w) {
                return w.message;
            }},
        {u"recordsProcessed"_s,
            [](const WorkflowSnapshot &w) {
                return optionalNumber(w.recordsProcessed);
            }},
        {u"scope"_s,
            [](const WorkflowSnapshot &w) {
                return w.scope;
            }},
        {u"arn"_s,
            [](const WorkflowSnapshot &w) {
                return w.arn;
            }},
        {u"watch"_s,
            [](const WorkflowSnapshot &w) {
                return w.watchName;
            }},
    };
    return list;
}

template<class F>
void forEachShown(const QAbstractItemModel &shown, const WorkflowTableModel &table, F f)
{
    for (int row = 0; row < shown.rowCount(); ++row) {
        const QString key =
            shown.index(row, 0).data(WorkflowTableModel::WorkflowKeyRole).toString();
        if (const WorkflowSnapshot *w = table.workflow(key))
            f(*w);
    }
}

QString csvCell(const QJsonValue &value)
{
    QString text = value.isDouble() ? QString::number(qint64(value.toDouble())) : value.toString();
    if (!text.isEmpty() && !value.isDouble() && u"=+-@"_s.contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n')
        || text.contains(u'\r')) {
        text.replace(u"\""_s, u"\"\""_s);
        text = u'"' + text + u'"';
    }
    return text;
}

} // namespace

QByteArray toCsv(const QAbstractItemModel &shown, const WorkflowTableModel &table)
{
    QStringList names;
    for (const Field &f : fields())
        names.append(f.name);
    QString out = names.join(u',') + u"\r\n"_s;
    forEachShown(shown, table, [&](const WorkflowSnapshot &w) {
        QStringList cells;
        for (const Field &f : fields())
            cells.append(csvCell(f.value(w)));
        out += cells.join(u',') + u"\r\n"_s;
    });
    return out.toUtf8();
}

QByteArray toJson(const QAbstractItemModel &shown, const WorkflowTableModel &table)
{
    QJsonArray rows;
    forEachShown(shown, table, [&](const WorkflowSnapshot &w) {
        QJsonObject o;
        for (const Field &f : fields())
            o.insert(f.name, f.value(w));
        rows.append(o);
    });
    return QJsonDocument(rows).toJson(QJsonDocument::Indented);
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("sw::TableExport", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    file.write(data);
    if (!file.commit()) {
        *error = QCoreApplication::translate("sw::TableExport", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace sw::tableexport
