#include "requestserializer.h"

#include "jsonreader.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QRegularExpression>
#include <QUuid>

#include <cmath>

using namespace Qt::StringLiterals;

namespace sw::aws {

namespace {

// The models' patterns are Smithy regexes, which are not anchored: "[a-zA-Z0-9-]+" would
// accept "a/b". The services mean the whole value, so we match the whole value. Compiled
// once per pattern; the set of patterns is small and fixed.
QRegularExpression anchored(const QString &pattern)
{
    // By value: QRegularExpression is implicitly shared, and a reference into the hash could
    // dangle once another thread's insert rehashes it.
    static QHash<QString, QRegularExpression> cache;
    static QMutex mutex;
    const QMutexLocker lock(&mutex);
    auto it = cache.find(pattern);
    if (it == cache.end())
        it =
            cache.insert(pattern, QRegularExpression(QRegularExpression::anchoredPattern(pattern)));
    return *it;
}

QString shown(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString().left(80);
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    default:
        return QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1)
            .left(80);
    }
}

QString typeWord(MemberType t)
{
    switch (t) {
    case MemberType::String:
        return u"string"_s;
    case MemberType::Integer:
        return u"integer"_s;
    case MemberType::Boolean:
        return u"boolean"_s;
    case MemberType::Timestamp:
        return u"timestamp (epoch seconds or ISO-8601)"_s;
    case MemberType::StructureList:
        return u"list"_s;
    }
    return {};
}

bool isInteger(const QJsonValue &v)
{
    const double d = v.toDouble();
    return v.isDouble() && std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9.0e15;
}

void checkMember(const MemberSpec &m, const QJsonValue &v, QList<ValidationIssue> &issues)
{
    auto issue = [&](const QString &text) {
        issues.append({m.name, text});
    };
    switch (m.type) {
    case MemberType::String: {
        if (!v.isString()) {
            issue(u"Invalid type for parameter %1, value: %2, valid types: string"_s.arg(
                m.name, shown(v)));
            return;
        }
        const QString s = v.toString();
        if (m.minLength && s.size() < *m.minLength) {
            issue(u"Invalid length for parameter %1, value: %2, valid min length: %3"_s.arg(m.name)
                      .arg(s.size())
                      .arg(*m.minLength));
        }
        if (m.maxLength && s.size() > *m.maxLength) {
            issue(u"Invalid length for parameter %1, value: %2, valid max length: %3"_s.arg(m.name)
                      .arg(s.size())
                      .arg(*m.maxLength));
        }
        if (!m.pattern.isEmpty() && !s.isEmpty() && !anchored(m.pattern).match(s).hasMatch()) {
            issue(u"Invalid value for parameter %1, value: %2, must match pattern: %3"_s.arg(
                m.name, shown(v), m.pattern));
        }
        return;
    }
    case MemberType::Integer: {
        if (!isInteger(v)) {
            issue(u"Invalid type for parameter %1, value: %2, valid types: integer"_s.arg(
                m.name, shown(v)));
            return;
        }
        const auto n = static_cast<qint64>(v.toDouble());
        if (m.minValue && n < *m.minValue) {
            issue(u"Invalid range for parameter %1, value: %2, valid min value: %3"_s.arg(m.name)
                      .arg(n)
                      .arg(*m.minValue));
        }
        if (m.maxValue && n > *m.maxValue) {
            issue(u"Invalid range for parameter %1, value: %2, valid max value: %3"_s.arg(m.name)
                      .arg(n)
                      .arg(*m.maxValue));
        }
        return;
    }
    case MemberType::Boolean:
        if (!v.isBool())
            issue(u"Invalid type for parameter %1, value: %2, valid types: boolean"_s.arg(
                m.name, shown(v)));
        return;
    case MemberType::Timestamp:
        if (!(v.isDouble() && std::isfinite(v.toDouble()))
            && !(v.isString() && parseIsoTimestamp(v.toString()).isValid())) {
            issue(u"Invalid type for parameter %1, value: %2, valid types: %3"_s.arg(
                m.name, shown(v), typeWord(m.type)));
        }
        return;
    case MemberType::StructureList: {
        if (!v.isArray()) {
            issue(u"Invalid type for parameter %1, value: %2, valid types: list"_s.arg(
                m.name, shown(v)));
            return;
        }
        const qsizetype n = v.toArray().size();
        if (m.maxLength && n > *m.maxLength) {
            issue(u"Invalid length for parameter %1, value: %2, valid max length: %3"_s.arg(m.name)
                      .arg(n)
                      .arg(*m.maxLength));
        }
        return;
    }
    }
}

QJsonValue bodyValue(const MemberSpec &m, const QJsonValue &v)
{
    if (m.type == MemberType::Timestamp && v.isString()) {
        // rest-json bodies carry timestamps as epoch seconds.
        // Without a zone it is UTC, as in botocore, never this machine's local time.
        const QDateTime t = parseIsoTimestamp(v.toString());
        return static_cast<double>(t.toMSecsSinceEpoch()) / 1000.0;
    }
    return v;
}

QString queryValue(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(static_cast<qint64>(v.toDouble()));
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return v.toString();
}

} // namespace

QList<ValidationIssue> validateParams(const OperationSpec &op, const QJsonObject &params)
{
    QList<ValidationIssue> issues;
    for (const MemberSpec &m : op.members) {
        const auto it = params.constFind(m.name);
        if (it == params.constEnd() || it->isNull() || it->isUndefined()) {
            if (m.required)
                issues.append(
                    {m.name, u"Missing required parameter in input: \"%1\""_s.arg(m.name)});
            continue;
        }
        checkMember(m, *it, issues);
    }
    for (auto it = params.constBegin(); it != params.constEnd(); ++it) {
        if (!op.member(it.key())) {
            QStringList valid;
            for (const MemberSpec &m : op.members)
                valid.append(m.name);
            issues.append({it.key(),
                u"Unknown parameter in input: \"%1\", must be one of: %2"_s.arg(
                    it.key(), valid.join(u", "))});
        }
    }
    return issues;
}

QString describeValidationIssues(const QList<ValidationIssue> &issues)
{
    QString out = u"Parameter validation failed:"_s;
    for (const ValidationIssue &issue : issues)
        out += u'\n' + issue.message;
    return out;
}

QJsonObject withIdempotencyToken(const OperationSpec &op, QJsonObject params)
{
    if (const MemberSpec *token = op.idempotencyTokenMember()) {
        const QJsonValue v = params.value(token->name);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()))
            params.insert(token->name, QUuid::createUuid().toString(QUuid::WithoutBraces));
    }
    return params;
}

HttpRequest serializeRequest(
    const OperationSpec &op, const QJsonObject &params, const QByteArray &basePath)
{
    HttpRequest request;
    request.method = op.method;

    QByteArray path = op.uriTemplate.toUtf8();
    QJsonObject body;
    for (const MemberSpec &m : op.members) {
        const QJsonValue v = params.value(m.name);
        if (v.isUndefined() || v.isNull())
            continue;
        switch (m.location) {
        case Location::Uri:
            path.replace("{" + m.wireName.toUtf8() + "}", uriEncode(queryValue(v)));
            break;
        case Location::Query:
            request.query.append({m.wireName, queryValue(v)});
            break;
        case Location::Body:
            body.insert(m.wireName, bodyValue(m, v));
            break;
        }
    }
    QByteArray base = basePath;
    while (base.endsWith('/'))
        base.chop(1);
    request.path = base + path;

    if (op.hasBodyMembers()) {
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.setHeader("Content-Type", "application/json");
    }
    return request;
}

} // namespace sw::aws
