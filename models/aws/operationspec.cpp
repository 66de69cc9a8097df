#include "operationspec.h"

namespace sw::aws {

const MemberSpec *OperationSpec::member(QStringView name) const
{
    for (const MemberSpec &m : members) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

bool OperationSpec::hasBodyMembers() const
{
    return std::any_of(members.cbegin(), members.cend(),
        [](const MemberSpec &m) { return m.location == Location::Body; });
}

const MemberSpec *OperationSpec::idempotencyTokenMember() const
{
    for (const MemberSpec &m : members) {
        if (m.idempotencyToken)
            return &m;
    }
    return nullptr;
}

MemberSpec stringMember(const QString &name, Location location, const QString &wireName,
    bool required, std::optional<qint64> minLength, std::optional<qint64> maxLength,
    const QString &pattern)
{
    MemberSpec m;
    m.name = name;
    m.location = location;
    m.wireName = wireName;
    m.required = required;
    m.minLength = minLength;
    m.maxLength = maxLength;
    m.pattern = pattern;
    return m;
}

MemberSpec integerMember(const QString &name, Location location, const QString &wireName,
    std::optional<qint64> minValue, std::optional<qint64> maxValue)
{
    MemberSpec m;
    m.name = name;
    m.location = location;
    m.wireName = wireName;
    m.type = MemberType::Integer;
    m.minValue = minValue;
    m.maxValue = maxValue;
    return m;
}

void setOptionalParam(QJsonObject &params, const QString &name, const QString &value)
{
    if (!value.isEmpty())
        params.insert(name, value);
}

void setOptionalParam(QJsonObject &params, const QString &name, std::optional<int> value)
{
    if (value)
        params.insert(name, *value);
}

QString toKebabCase(QStringView name)
{
    // A capital starts a new word unless it continues an acronym ("ARN" in "RoleARN" stays
    // one word); the next word after an acronym starts at its last capital ("IDs" aside).
    QString out;
    out.reserve(name.size() + 8);
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c.isUpper()) {
            const bool prevLower = i > 0 && (name.at(i - 1).isLower() || name.at(i - 1).isDigit());
            const bool acronymEnd = i > 0 && name.at(i - 1).isUpper() && i + 1 < name.size()
                && name.at(i + 1).isLower();
            if (!out.isEmpty() && (prevLower || acronymEnd))
                out += u'-';
            out += c.toLower();
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace sw::aws
