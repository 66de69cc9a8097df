#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace sw::aws {

/// What a parse collects: type errors (a member of the wrong JSON type makes the whole
/// response malformed) and, when asked for, the member paths that were read, so a test can
/// prove that every member of a model's output shape is understood.
struct JsonParseContext {
    QStringList errors;
    QSet<QString> *consumed = nullptr; ///< e.g. "steps[].startTime"; nullptr: not tracked
};

/// Reads members of one JSON object into typed values. Missing members read as empty or
/// nullopt (services omit what is unset); unknown members are ignored; a member of the wrong
/// type is recorded as an error naming its path. Never throws, never asserts: the input is
/// whatever a server sent.
class JsonReader {
public:
    /// `present`: the object was in the response (false for an absent nested member, whose
    /// required members are then not required).
    JsonReader(const QJsonObject &object, JsonParseContext &context, QString path = {},
        bool present = true);

    /// Records "<path>: required member missing" when the model requires a member the
    /// response lacks (e.g. the run id of StartWorkflowRun): such a body is malformed.
    void require(std::initializer_list<QStringView> keys) const;

    QString string(QStringView key) const;
    std::optional<qint64> integer(QStringView key) const;
    std::optional<double> number(QStringView key) const;
    std::optional<bool> boolean(QStringView key) const;
    /// rest-json timestamps: epoch seconds (fractional allowed); ISO-8601 strings are taken
    /// too, as the SDK parsers do.
    QDateTime epochTimestamp(QStringView key) const;
    /// RFC 3339 / ISO-8601 strings (CodeCatalyst's timestampFormat iso8601).
    QDateTime isoTimestamp(QStringView key) const;
    QStringList stringList(QStringView key) const;
    QMap<QString, QString> stringMap(QStringView key) const;
    /// The raw value, for members kept opaque (unions, free-form documents).
    QJsonValue raw(QStringView key) const;

    /// A nested object; a reader over an empty object when absent or mistyped.
    JsonReader object(QStringView key) const;

    /// Calls read(reader) for each object element of the array member.
    template<class F>
    void forEach(QStringView key, F &&read) const
    {
        const QJsonValue v = value(key, QJsonValue::Array);
        const QJsonArray array = v.toArray();
        const QString itemPath = childPath(key) + QStringLiteral("[]");
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue item = array.at(i);
            if (!item.isObject()) {
                typeError(childPath(key) + u'[' + QString::number(i) + u']',
                    QStringLiteral("an object"), item);
                continue;
            }
            JsonReader reader(item.toObject(), m_context, itemPath);
            read(reader);
        }
    }

    const QString &path() const { return m_path; }
    const QJsonObject &json() const { return m_object; }

private:
    QJsonValue value(QStringView key, QJsonValue::Type expected) const;
    QString childPath(QStringView key) const;
    void typeError(const QString &path, QStringView expected, const QJsonValue &got) const;

    QJsonObject m_object;
    JsonParseContext &m_context;
    QString m_path;
    bool m_present = true;
};

/// Parses an ISO-8601 / RFC 3339 date-time as AWS services and tools write it (with or
/// without fractional seconds, 'Z', "UTC" or an offset; no zone means UTC). Invalid otherwise.
QDateTime parseIsoTimestamp(QStringView text);
/// The form the CLI prints timestamps in: "2026-11-21T15:04:05.123000+00:00" like the AWS CLI
/// (microseconds only when the time has a fraction).
QString formatIsoTimestamp(const QDateTime &time);

} // namespace sw::aws
