#include "httprequest.h"

namespace sw::aws {

QByteArray HttpRequest::headerValue(QByteArrayView name) const
{
    QByteArray value;
    bool first = true;
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!first)
            value += ',';
        value += v;
        first = false;
    }
    return value;
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    removeHeader(name);
    headers.append({name, value});
}

void HttpRequest::removeHeader(QByteArrayView name)
{
    headers.removeIf(
        [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

QByteArray HttpRequest::encodedQuery() const
{
    QByteArray out;
    for (const auto &[key, value] : query) {
        if (!out.isEmpty())
            out += '&';
        out += uriEncode(key);
        out += '=';
        out += uriEncode(value);
    }
    return out;
}

QByteArray HttpRequest::url() const
{
    QByteArray out = scheme + "://" + host + path;
    const QByteArray q = encodedQuery();
    if (!q.isEmpty())
        out += '?' + q;
    return out;
}

QByteArray uriEncode(QByteArrayView utf8, bool keepSlash)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(utf8.size() * 3);
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z')
            || (u >= '0' && u <= '9') || u == '-' || u == '.' || u == '_' || u == '~';
        if (unreserved || (keepSlash && u == '/')) {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0xF];
        }
    }
    return out;
}

QByteArray uriEncode(const QString &text, bool keepSlash)
{
    return uriEncode(QByteArrayView(text.toUtf8()), keepSlash);
}

} // namespace sw::aws
