#include "jsonreader.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace sw::aws {

namespace {

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

// Largest integer a double holds exactly; JSON numbers past it lose digits, so they are
// treated as out of range rather than silently rounded.
constexpr double maxExactInteger = 9007199254740992.0;

} // namespace

JsonReader::JsonReader(
    const QJsonObject &object, JsonParseContext &context, QString path, bool present)
    : m_object(object), m_context(context), m_path(std::move(path)), m_present(present)
{
}

QString JsonReader::childPath(QStringView key) const
{
    return m_path.isEmpty() ? key.toString() : m_path + u'.' + key.toString();
}

void JsonReader::typeError(const QString &path, QStringView expected, const QJsonValue &got) const
{
    // Bounded so that a hostile body with a million bad members cannot grow the list forever.
    if (m_context.errors.size() < 20)
        m_context.errors.append(u"%1: expected %2, got %3"_s.arg(path, expected, typeName(got)));
}

QJsonValue JsonReader::value(QStringView key, QJsonValue::Type expected) const
{
    const auto it = m_object.constFind(key);
    if (m_context.consumed)
        m_context.consumed->insert(childPath(key));
    // Undefined, not a default QJsonValue (which is Null): callers test isUndefined() for
    // "absent", and an absent member must never read as 0, false or 1970.
    if (it == m_object.constEnd() || it->isNull())
        return QJsonValue(QJsonValue::Undefined);
    if (it->type() != expected) {
        static const QHash<int, QString> names = {{QJsonValue::Bool, u"a boolean"_s},
            {QJsonValue::Double, u"a number"_s}, {QJsonValue::String, u"a string"_s},
            {QJsonValue::Array, u"an array"_s}, {QJsonValue::Object, u"an object"_s}};
        typeError(childPath(key), names.value(expected), *it);
        return QJsonValue(QJsonValue::Undefined);
    }
    return *it;
}

void JsonReader::require(std::initializer_list<QStringView> keys) const
{
    if (!m_present)
        return;
    for (const QStringView key : keys) {
        const auto it = m_object.constFind(key);
        if ((it == m_object.constEnd() || it->isNull()) && m_context.errors.size() < 20)
            m_context.errors.append(u"%1: required member missing"_s.arg(childPath(key)));
    }
}

QString JsonReader::string(QStringView key) const
{
    return value(key, QJsonValue::String).toString();
}

std::optional<qint64> JsonReader::integer(QStringView key) const
{
    const QJsonValue v = value(key, QJsonValue::Double);
    if (v.isUndefined())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > maxExactInteger) {
        if (m_context.errors.size() < 20)
            m_context.errors.append(
                u"%1: expected an integer, got %2"_s.arg(childPath(key)).arg(d));
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

std::optional<double> JsonReader::number(QStringView key) const
{
    const QJsonValue v = value(key, QJsonValue::Double);
    if (v.isUndefined())
        return std::nullopt;
    return v.toDouble();
}

std::optional<bool> JsonReader::boolean(QStringView key) const
{
    const QJsonValue v = value(key, QJsonValue::Bool);
    if (v.isUndefined())
        return std::nullopt;
    return v.toBool();
}

QDateTime JsonReader::epochTimestamp(QStringView key) const
{
    const auto it = m_object.constFind(key);
    if (it != m_object.constEnd() && it->isString()) {
        if (m_context.consumed)
            m_context.consumed->insert(childPath(key));
        const QDateTime t = parseIsoTimestamp(it->toString());
        if (!t.isValid() && m_context.errors.size() < 20)
            m_context.errors.append(u"%1: not a timestamp"_s.arg(childPath(key)));
        return t;
    }
    const QJsonValue v = value(key, QJsonValue::Double);
    if (v.isUndefined())
        return {};
    const double seconds = v.toDouble();
    // Beyond year ±290,000 QDateTime cannot represent it; such a value is nonsense anyway.
    if (!std::isfinite(seconds) || std::fabs(seconds) > 9.0e12) {
        if (m_context.errors.size() < 20)
            m_context.errors.append(u"%1: timestamp out of range"_s.arg(childPath(key)));
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(
        static_cast<qint64>(std::llround(seconds * 1000.0)), Qt::UTC);
}

QDateTime JsonReader::isoTimestamp(QStringView key) const
{
    const QJsonValue v = value(key, QJsonValue::String);
    if (v.isUndefined())
        return {};
    const QDateTime t = parseIsoTimestamp(v.toString());
    if (!t.isValid() && m_context.errors.size() < 20)
        m_context.errors.append(u"%1: not an ISO-8601 timestamp"_s.arg(childPath(key)));
    return t;
}

QStringList JsonReader::stringList(QStringView key) const
{
    const QJsonArray array = value(key, QJsonValue::Array).toArray();
    QStringList out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        if (!item.isString()) {
            typeError(childPath(key) + u'[' + QString::number(i) + u']', u"a string", item);
            continue;
        }
        out.append(item.toString());
    }
    return out;
}

QMap<QString, QString> JsonReader::stringMap(QStringView key) const
{
    const QJsonObject object = value(key, QJsonValue::Object).toObject();
    QMap<QString, QString> out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!it->isString()) {
            typeError(childPath(key) + u'.' + it.key(), u"a string", *it);
            continue;
        }
        out.insert(it.key(), it->toString());
    }
    return out;
}

QJsonValue JsonReader::raw(QStringView key) const
{
    if (m_context.consumed)
        m_context.consumed->insert(childPath(key));
    return m_object.value(key);
}

JsonReader JsonReader::object(QStringView key) const
{
    const QJsonValue v = value(key, QJsonValue::Object);
    return JsonReader(v.toObject(), m_context, childPath(key), v.isObject());
}

QDateTime parseIsoTimestamp(QStringView text)
{
    QString s = text.trimmed().toString();
    // Older AWS CLI versions wrote SSO cache times as "2019-11-14T04:05:45UTC", and some tools
    // put a space between date and time.
    if (s.endsWith(u"UTC"))
        s = s.chopped(3).trimmed() + u'Z';
    if (s.size() > 10 && s.at(10) == u' ')
        s[10] = u'T';
    if (s.size() < 19 || s.size() > 40)
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    // A time without zone is UTC in AWS's world, never the local time of this machine.
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toUTC();
}

QString formatIsoTimestamp(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    QString out = utc.toString(u"yyyy-MM-ddTHH:mm:ss"_s);
    const int ms = utc.time().msec();
    if (ms != 0)
        out += u'.' + QString::number(ms * 1000).rightJustified(6, u'0');
    return out + u"+00:00"_s;
}

} // namespace sw::aws
