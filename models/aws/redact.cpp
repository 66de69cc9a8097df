#include "redact.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sw::aws {

namespace {

bool isSensitiveKey(const QString &key)
{
    static const QStringList keys = {u"accesstoken"_s, u"secretaccesskey"_s, u"sessiontoken"_s,
        u"accesskeyid"_s, u"aws_secret_access_key"_s, u"aws_session_token"_s, u"refreshtoken"_s,
        u"clientsecret"_s, u"workflowinputs"_s, u"token"_s, u"password"_s};
    return keys.contains(key.toLower());
}

QJsonValue redactValue(const QJsonValue &v)
{
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (isSensitiveKey(it.key()))
                *it = u"<redacted>"_s;
            else if (it->isObject() || it->isArray())
                *it = redactValue(*it);
        }
        return o;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (auto it = a.begin(); it != a.end(); ++it)
            *it = redactValue(*it);
        return a;
    }
    return v;
}

} // namespace

QByteArray redactHeaderValue(QByteArrayView name, const QByteArray &value)
{
    static const QByteArrayList secret = {"authorization", "x-amz-security-token",
        "x-amz-sso_bearer_token", "proxy-authorization", "cookie", "set-cookie"};
    const QByteArray lower = name.toByteArray().toLower();
    if (secret.contains(lower) || lower.contains("token") || lower.contains("secret"))
        return "<redacted>";
    return value;
}

QString redactAccessKeyId(const QString &accessKeyId)
{
    if (accessKeyId.size() <= 4)
        return u"****"_s;
    return QString(accessKeyId.size() - 4, u'*') + accessKeyId.right(4);
}

QByteArray redactJsonBody(const QByteArray &body, int maxChars)
{
    if (body.isEmpty())
        return body;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    QByteArray out;
    if (error.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray())) {
        const QJsonValue redacted =
            redactValue(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
        out = redacted.isObject()
            ? QJsonDocument(redacted.toObject()).toJson(QJsonDocument::Compact)
            : QJsonDocument(redacted.toArray()).toJson(QJsonDocument::Compact);
    } else {
        // Not JSON: it cannot be redacted member by member, so only its size is shown.
        return "<" + QByteArray::number(body.size()) + " bytes, not JSON>";
    }
    if (out.size() > maxChars)
        out = out.left(maxChars) + "... (" + QByteArray::number(out.size()) + " bytes)";
    return out;
}

QString sanitizeForDisplay(const QString &text, qsizetype maxChars)
{
    QString out;
    out.reserve(std::min(text.size(), maxChars));
    for (const QChar c : text) {
        if (out.size() >= maxChars)
            break;
        out += (c.isPrint() || c == u' ') ? c : QChar(u'?');
    }
    return out;
}

bool hasControlCharacter(QStringView text)
{
    return std::any_of(text.begin(), text.end(),
        [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

bool hasControlCharacter(QByteArrayView bytes)
{
    return std::any_of(
        bytes.begin(), bytes.end(), [](char c) { return uchar(c) < 0x20 || uchar(c) == 0x7f; });
}

QString redactSecretsInText(const QString &text)
{
    // A value after a key named like a secret: `aws_secret_access_key = ...`,
    // `export AWS_SECRET_ACCESS_KEY=...`, `{'SecretAccessKey': '...'}`, `SecretAccessKey: a b`.
    // Everything after the separator goes, to the end of the text: a secret may hold spaces.
    static const QRegularExpression keyed(
        uR"(([A-Za-z0-9_.\-]*(?:secret|token|password|passwd|credential|private[_\-]?key)[A-Za-z0-9_.\-]*['"]?\s*[:=]\s*).*$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    // Anything that looks like a key or token on its own: 40 or more base64 characters (a
    // secret access key is exactly 40).
    static const QRegularExpression longRun(uR"([A-Za-z0-9+/=]{40,})"_s);
    QString out = text;
    out.replace(longRun, u"<redacted>"_s);
    out.replace(keyed, u"\\1<redacted>"_s);
    return out;
}

} // namespace sw::aws
