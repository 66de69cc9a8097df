// The activity log's file format: one JSON object per line, members in a fixed order, read
// back strictly (a line that is not a whole entry is skipped and counted).
#include "activitylogmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sw {

namespace {

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseTime(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

// QJsonObject sorts its keys; writing the members in declaration order keeps the file
// readable (id and time first), with Qt doing the escaping of each value.
QByteArray jsonValue(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

QByteArray ActivityLogModel::toJsonLine(const ActivityEntry &e)
{
    QByteArray out("{");
    auto add = [&out](const char *key, const QJsonValue &value) {
        if (out.size() > 1)
            out += ',';
        out += '"';
        out += key;
        out += "\":";
        out += jsonValue(value);
    };
    auto addText = [&add](const char *key, const QString &value) {
        if (!value.isEmpty())
            add(key, value);
    };
    add("id", e.id);
    add("time", isoTime(e.time));
    addText("finished", isoTime(e.finished));
    add("service", serviceId(e.service));
    addText("watchId", e.watchId);
    addText("workflowKey", e.workflowKey);
    addText("stepId", e.stepId);
    addText("target", e.target);
    addText("operation", e.operation);
    add("result", resultKey(e.result));
    addText("errorCode", e.errorCode);
    addText("message", e.message);
    addText("requestId", e.requestId);
    add("attempts", e.attempts);
    if (e.confirmation != ActivityEntry::Confirmation::None)
        add("confirmation", confirmationKey(e.confirmation));
    out += '}';
    return out;
}

std::optional<ActivityEntry> ActivityLogModel::fromJsonLine(QByteArrayView line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    auto text = [&o](const char *key) {
        return o.value(QLatin1String(key)).toString();
    };

    ActivityEntry e;
    e.id = o.value(QLatin1String("id")).toInteger(-1);
    // Ids count up from 1; one near the top of the range is not ours, and the next id after
    // it would overflow.
    if (e.id > MaxId)
        return std::nullopt;
    e.time = parseTime(o.value(QLatin1String("time")));
    const std::optional<Service> service = serviceFromId(text("service"));
    const std::optional<ActivityEntry::Result> result = resultFromKey(text("result"));
    if (e.id <= 0 || !e.time.isValid() || !service || !result)
        return std::nullopt;
    e.service = *service;
    e.result = *result;
    e.finished = parseTime(o.value(QLatin1String("finished")));
    e.watchId = text("watchId");
    e.workflowKey = text("workflowKey");
    e.stepId = text("stepId");
    e.target = text("target");
    e.operation = text("operation");
    e.errorCode = text("errorCode");
    e.message = text("message");
    e.requestId = text("requestId");
    e.attempts = o.value(QLatin1String("attempts")).toInt(0);
    for (auto c : {ActivityEntry::Confirmation::Awaiting, ActivityEntry::Confirmation::Confirmed,
             ActivityEntry::Confirmation::NotConfirmed}) {
        if (text("confirmation") == confirmationKey(c))
            e.confirmation = c;
    }
    return e;
}

QString ActivityLogModel::resultKey(ActivityEntry::Result result)
{
    switch (result) {
    case ActivityEntry::Result::InProgress:
        return QStringLiteral("InProgress");
    case ActivityEntry::Result::Succeeded:
        return QStringLiteral("Succeeded");
    case ActivityEntry::Result::Failed:
        return QStringLiteral("Failed");
    case ActivityEntry::Result::Refused:
        return QStringLiteral("Refused");
    }
    return {};
}

std::optional<ActivityEntry::Result> ActivityLogModel::resultFromKey(QStringView key)
{
    for (auto result : {ActivityEntry::Result::InProgress, ActivityEntry::Result::Succeeded,
             ActivityEntry::Result::Failed, ActivityEntry::Result::Refused}) {
        if (key == resultKey(result))
            return result;
    }
    return std::nullopt;
}

QString ActivityLogModel::confirmationKey(ActivityEntry::Confirmation confirmation)
{
    switch (confirmation) {
    case ActivityEntry::Confirmation::None:
        return {};
    case ActivityEntry::Confirmation::Awaiting:
        return QStringLiteral("Awaiting");
    case ActivityEntry::Confirmation::Confirmed:
        return QStringLiteral("Confirmed");
    case ActivityEntry::Confirmation::NotConfirmed:
        return QStringLiteral("NotConfirmed");
    }
    return {};
}

} // namespace sw
