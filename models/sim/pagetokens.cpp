#include "pagetokens.h"

#include <algorithm>

namespace sw::sim {

namespace {
// Enough for every open listing of a busy dashboard; older tokens expire, as real ones do.
constexpr qsizetype maxTokens = 100000;
} // namespace

PageTokens::PageTokens(quint64 seed) : m_random(static_cast<quint32>(seed * 2654435761u + 7)) { }

QString PageTokens::issue(const QString &scope, qint64 offset)
{
    QByteArray raw(24, Qt::Uninitialized);
    for (char &c : raw)
        c = static_cast<char>(m_random.bounded(256));
    const QString token = QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    m_tokens.insert(token, {scope, offset});
    m_order.enqueue(token);
    if (m_order.size() > maxTokens)
        m_tokens.remove(m_order.dequeue());
    return token;
}

std::optional<qint64> PageTokens::redeem(const QString &scope, const QString &token) const
{
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.constEnd() || it->scope != scope)
        return std::nullopt;
    return it->offset;
}

PageTokens::Page PageTokens::page(const QString &scope, qint64 total, qint64 start, qint64 pageSize)
{
    Page p;
    p.first = std::clamp<qint64>(start, 0, total);
    p.count = std::min<qint64>(std::max<qint64>(pageSize, 1), total - p.first);
    if (p.first + p.count < total)
        p.nextToken = issue(scope, p.first + p.count);
    return p;
}

} // namespace sw::sim
