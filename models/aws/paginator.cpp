#include "paginator.h"

#include <QJsonArray>

namespace sw::aws {

PageMerger::PageMerger(PaginatorSpec spec, int maxPages)
    : m_spec(std::move(spec)), m_maxPages(maxPages)
{
}

void PageMerger::setStartingToken(const QString &token)
{
    if (!token.isEmpty())
        m_seenTokens.insert(token);
}

PageMerger::Next PageMerger::addPage(const QJsonObject &page)
{
    ++m_pages;
    if (m_pages == 1) {
        m_merged = page;
    } else {
        for (const QString &key : std::as_const(m_spec.resultKeys)) {
            QJsonArray all = m_merged.value(key).toArray();
            const QJsonArray more = page.value(key).toArray();
            for (const QJsonValue &v : more)
                all.append(v);
            m_merged.insert(key, all);
        }
    }
    m_merged.remove(m_spec.outputToken);

    const QJsonValue token = page.value(m_spec.outputToken);
    m_nextToken = token.isString() ? token.toString() : QString();
    if (m_nextToken.isEmpty())
        return Next::Done;
    if (m_seenTokens.contains(m_nextToken))
        return Next::RepeatedToken;
    if (m_pages >= m_maxPages)
        return Next::TooManyPages;
    m_seenTokens.insert(m_nextToken);
    return Next::More;
}

} // namespace sw::aws
