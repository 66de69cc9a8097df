#pragma once

// Checks a JSON value against a shape of a botocore service model (service-2.json): member
// names, JSON types, required members, enum values, timestamp formats, unions. For tests
// that hold a simulator's responses to the model files themselves.

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QStringList>

namespace sw::test {

class ModelShapeChecker {
public:
    explicit ModelShapeChecker(QJsonObject model) : m_model(std::move(model)) { }

    QJsonObject shape(const QString &name) const
    {
        return m_model.value(QStringLiteral("shapes")).toObject().value(name).toObject();
    }
    QJsonObject operation(const QString &name) const
    {
        return m_model.value(QStringLiteral("operations")).toObject().value(name).toObject();
    }
    QString outputShape(const QString &operation) const
    {
        return this->operation(operation)
            .value(QStringLiteral("output"))
            .toObject()
            .value(QStringLiteral("shape"))
            .toString();
    }

    /// Problems of `value` against shape `shapeName`, each naming its path.
    QStringList check(const QJsonValue &value, const QString &shapeName, const QString &path = {})
    {
        QStringList problems;
        walk(value, shapeName, path.isEmpty() ? QStringLiteral("$") : path, problems);
        return problems;
    }

    /// Enum values seen so far, per enum shape, for coverage reports.
    const QMap<QString, QSet<QString>> &seenEnumValues() const { return m_seen; }

private:
    void walk(
        const QJsonValue &v, const QString &shapeName, const QString &path, QStringList &problems)
    {
        const QJsonObject s = shape(shapeName);
        const QString type = s.value(QStringLiteral("type")).toString();
        auto bad = [&](const QString &what) {
            problems.append(path + QStringLiteral(": ") + what);
        };
        if (type == QStringLiteral("structure")) {
            if (!v.isObject())
                return bad(QStringLiteral("expected an object (%1)").arg(shapeName));
            const QJsonObject members = s.value(QStringLiteral("members")).toObject();
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (!members.contains(it.key())) {
                    bad(QStringLiteral("member '%1' is not in %2").arg(it.key(), shapeName));
                    continue;
                }
                walk(*it,
                    members.value(it.key()).toObject().value(QStringLiteral("shape")).toString(),
                    path + u'.' + it.key(), problems);
            }
            for (const QJsonValue &r : s.value(QStringLiteral("required")).toArray()) {
                if (!o.contains(r.toString()))
                    bad(QStringLiteral("required member '%1' missing").arg(r.toString()));
            }
        } else if (type == QStringLiteral("union")) {
            if (!v.isObject() || v.toObject().size() != 1)
                return bad(QStringLiteral("a union needs exactly one member set"));
            const QString key = v.toObject().begin().key();
            const QJsonObject members = s.value(QStringLiteral("members")).toObject();
            if (!members.contains(key))
                return bad(QStringLiteral("union member '%1' is not in %2").arg(key, shapeName));
            walk(v.toObject().begin().value(),
                members.value(key).toObject().value(QStringLiteral("shape")).toString(),
                path + u'.' + key, problems);
        } else if (type == QStringLiteral("list")) {
            if (!v.isArray())
                return bad(QStringLiteral("expected an array"));
            const QString member = s.value(QStringLiteral("member"))
                                       .toObject()
                                       .value(QStringLiteral("shape"))
                                       .toString();
            const QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                walk(a.at(i), member, path + QStringLiteral("[%1]").arg(i), problems);
        } else if (type == QStringLiteral("map")) {
            if (!v.isObject())
                return bad(QStringLiteral("expected an object (map)"));
            const QString valueShape = s.value(QStringLiteral("value"))
                                           .toObject()
                                           .value(QStringLiteral("shape"))
                                           .toString();
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                walk(*it, valueShape, path + u'.' + it.key(), problems);
        } else if (type == QStringLiteral("string")) {
            if (!v.isString())
                return bad(QStringLiteral("expected a string"));
            const QJsonArray values = s.value(QStringLiteral("enum")).toArray();
            if (!values.isEmpty()) {
                m_seen[shapeName].insert(v.toString());
                if (!values.contains(v))
                    bad(QStringLiteral("'%1' is not a value of enum %2")
                            .arg(v.toString(), shapeName));
            }
        } else if (type == QStringLiteral("integer") || type == QStringLiteral("long")) {
            if (!v.isDouble() || v.toDouble() != double(qint64(v.toDouble())))
                bad(QStringLiteral("expected an integer"));
        } else if (type == QStringLiteral("boolean")) {
            if (!v.isBool())
                bad(QStringLiteral("expected a boolean"));
        } else if (type == QStringLiteral("timestamp")) {
            if (s.value(QStringLiteral("timestampFormat")).toString()
                == QStringLiteral("iso8601")) {
                if (!v.isString()
                    || !QDateTime::fromString(v.toString(), Qt::ISODateWithMs).isValid())
                    bad(QStringLiteral("expected an ISO-8601 timestamp string"));
            } else if (!v.isDouble()) {
                bad(QStringLiteral("expected epoch seconds (a number)"));
            }
        } else if (type == QStringLiteral("double") || type == QStringLiteral("float")) {
            if (!v.isDouble())
                bad(QStringLiteral("expected a number"));
        } else {
            bad(QStringLiteral("unhandled shape type '%1'").arg(type));
        }
    }

    QJsonObject m_model;
    QMap<QString, QSet<QString>> m_seen;
};

} // namespace sw::test
