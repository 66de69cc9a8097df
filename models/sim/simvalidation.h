#pragma once

#include <QJsonObject>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace sw::sim {

/// Collects the input problems of one request in AWS's wording ("1 validation error
/// detected: Value 'x' at 'id' failed to satisfy constraint: ..."), so each simulated
/// service can answer with its own 400 error code. Checks return *this to chain.
class InputCheck final {
public:
    /// Required and present (a missing uri label or query/body member).
    InputCheck &required(const QString &member, bool present);
    /// Characters of a string, when it is given (empty value with present=false is skipped).
    InputCheck &length(const QString &member, const QString &value, std::optional<int> min,
        std::optional<int> max, bool present = true);
    /// The whole value must match (the models' patterns are not anchored; AWS means whole).
    InputCheck &pattern(
        const QString &member, const QString &value, const QString &regex, bool present = true);
    InputCheck &range(const QString &member, std::optional<qint64> value, qint64 min, qint64 max);
    /// A query parameter that must be an integer: records a problem when text is not one.
    std::optional<qint64> integer(const QString &member, const QString &text, bool present);
    /// A body member that must be of a JSON type when present.
    InputCheck &jsonType(const QString &member, const QJsonObject &body, QJsonValue::Type type);

    bool ok() const { return m_problems.isEmpty(); }
    /// "N validation error(s) detected: a; b".
    QString message() const;

private:
    void add(const QString &value, const QString &member, const QString &constraint);
    QStringList m_problems;
};

/// Parses a JSON request body: an object, or an empty body as {}. nullopt when it is not.
std::optional<QJsonObject> parseJsonBody(const QByteArray &body);

} // namespace sw::sim
