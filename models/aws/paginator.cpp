#include "paginator.h"

#include <QCryptographicHash>

namespace sw::aws {

PageTokenCheck::PageTokenCheck(std::optional<qint64> maxLength) : m_maxLength(maxLength) { }

PageTokenCheck PageTokenCheck::forOperation(const OperationSpec &operation)
{
    if (!operation.paginator)
        return PageTokenCheck();
    const MemberSpec *input = operation.member(operation.paginator->inputToken);
    return PageTokenCheck(input ? input->maxLength : std::nullopt);
}

QByteArray PageTokenCheck::digest(const QString &token)
{
    return QCryptographicHash::hash(
        QByteArrayView(reinterpret_cast<const char *>(token.constData()), token.size() * 2),
        QCryptographicHash::Sha256);
}

PageTokenCheck::Verdict PageTokenCheck::take(const QString &token)
{
    if (m_maxLength && token.size() > *m_maxLength)
        return Verdict::TooLong;
    const QByteArray key = digest(token);
    if (m_seen.contains(key))
        return Verdict::Repeated;
    m_seen.insert(key);
    return Verdict::Fine;
}

void PageTokenCheck::remember(const QString &token)
{
    if (!token.isEmpty())
        m_seen.insert(digest(token));
}

PageMerger::PageMerger(PaginatorSpec spec, int maxPages, PageTokenCheck tokens, qint64 maxItems)
    : m_spec(std::move(spec)), m_maxPages(maxPages), m_tokens(std::move(tokens)),
      m_maxItems(maxItems)
{
}

void PageMerger::setStartingToken(const QString &token)
{
    m_tokens.remember(token);
}

PageMerger::Next PageMerger::addPage(const QJsonObject &page)
{
    ++m_pages;
    if (m_pages == 1) {
        m_first = page;
        m_first.remove(m_spec.outputToken);
    }
    // Each list grows in place; copying the merged lists per page made a long listing
    // quadratic.
    for (const QString &key : std::as_const(m_spec.resultKeys)) {
        if (m_pages == 1)
            m_first.remove(key);
        const QJsonValue value = page.value(key);
        if (!value.isArray()) {
            if (m_pages == 1 && !value.isUndefined())
                m_first.insert(key, value); // not a list: kept as sent, for the reader to judge
            continue;
        }
        QJsonArray &list = m_lists[key];
        const QJsonArray more = value.toArray();
        for (const QJsonValue &v : more)
            list.append(v);
        m_items += more.size();
    }
    if (m_items > m_maxItems)
        return Next::TooManyItems;

    const QJsonValue token = page.value(m_spec.outputToken);
    m_nextToken = token.isString() ? token.toString() : QString();
    if (m_nextToken.isEmpty())
        return Next::Done;
    switch (m_tokens.take(m_nextToken)) {
    case PageTokenCheck::Verdict::TooLong:
        return Next::TokenTooLong;
    case PageTokenCheck::Verdict::Repeated:
        return Next::RepeatedToken;
    case PageTokenCheck::Verdict::Fine:
        break;
    }
    if (m_pages >= m_maxPages)
        return Next::TooManyPages;
    return Next::More;
}

QJsonObject PageMerger::merged() const
{
    QJsonObject out = m_first;
    for (auto it = m_lists.cbegin(); it != m_lists.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

} // namespace sw::aws
