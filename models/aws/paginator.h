#pragma once

#include "operationspec.h"

#include <QJsonObject>
#include <QSet>

namespace sw::aws {

/// Adds up the pages of one paginated call the way the AWS CLI merges them: the result
/// lists are concatenated, every other member keeps its first-page value, and the output
/// token is dropped once the last page is in. Refuses a token it has already seen, since a
/// server that repeats one would otherwise be asked for the same pages forever.
class PageMerger final {
public:
    enum class Next { Done, More, RepeatedToken, TooManyPages };

    explicit PageMerger(PaginatorSpec spec, int maxPages = 10000);

    /// The token the caller started from, if any: the server must not hand it back either.
    void setStartingToken(const QString &token);
    Next addPage(const QJsonObject &page);
    /// The token to send for the next page (valid after addPage returned More).
    const QString &nextToken() const { return m_nextToken; }
    const QJsonObject &merged() const { return m_merged; }
    int pageCount() const { return m_pages; }

private:
    PaginatorSpec m_spec;
    int m_maxPages;
    int m_pages = 0;
    QJsonObject m_merged;
    QString m_nextToken;
    QSet<QString> m_seenTokens;
};

} // namespace sw::aws
