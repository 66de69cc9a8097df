#include "simvalidation.h"

#include <QHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace sw::sim {

void InputCheck::add(const QString &value, const QString &member, const QString &constraint)
{
    m_problems.append(u"Value '%1' at '%2' failed to satisfy constraint: %3"_s.arg(
        value.left(100), member, constraint));
}

InputCheck &InputCheck::required(const QString &member, bool present)
{
    if (!present)
        add(u"null"_s, member, u"Member must not be null"_s);
    return *this;
}

InputCheck &InputCheck::length(const QString &member, const QString &value, std::optional<int> min,
    std::optional<int> max, bool present)
{
    if (!present)
        return *this;
    if (min && value.size() < *min)
        add(value, member, u"Member must have length greater than or equal to %1"_s.arg(*min));
    if (max && value.size() > *max)
        add(value, member, u"Member must have length less than or equal to %1"_s.arg(*max));
    return *this;
}

InputCheck &InputCheck::pattern(
    const QString &member, const QString &value, const QString &regex, bool present)
{
    if (!present)
        return *this;
    static QHash<QString, QRegularExpression> compiled;
    auto it = compiled.find(regex);
    if (it == compiled.end())
        it = compiled.insert(regex, QRegularExpression(QRegularExpression::anchoredPattern(regex)));
    if (!it->match(value).hasMatch())
        add(value, member, u"Member must satisfy regular expression pattern: %1"_s.arg(regex));
    return *this;
}

InputCheck &InputCheck::range(
    const QString &member, std::optional<qint64> value, qint64 min, qint64 max)
{
    if (!value)
        return *this;
    if (*value < min)
        add(QString::number(*value), member,
            u"Member must have value greater than or equal to %1"_s.arg(min));
    if (*value > max)
        add(QString::number(*value), member,
            u"Member must have value less than or equal to %1"_s.arg(max));
    return *this;
}

std::optional<qint64> InputCheck::integer(const QString &member, const QString &text, bool present)
{
    if (!present)
        return std::nullopt;
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok) {
        add(text, member, u"Member must be an integer"_s);
        return std::nullopt;
    }
    return n;
}

InputCheck &InputCheck::jsonType(
    const QString &member, const QJsonObject &body, QJsonValue::Type type)
{
    const QJsonValue v = body.value(member);
    if (!v.isUndefined() && !v.isNull() && v.type() != type)
        add(QString::fromUtf8(
                QJsonDocument(QJsonObject {{member, v}}).toJson(QJsonDocument::Compact)),
            member, u"Member has the wrong type"_s);
    return *this;
}

QString InputCheck::message() const
{
    return u"%1 validation error%2 detected: %3"_s.arg(m_problems.size())
        .arg(m_problems.size() == 1 ? QString() : u"s"_s)
        .arg(m_problems.join(u"; "_s));
}

std::optional<QJsonObject> parseJsonBody(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace sw::sim
