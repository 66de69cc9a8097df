#pragma once

#include "operationspec.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <optional>

namespace sw::aws {

/// What a page token from a server must be before it is sent back: no longer than the model
/// allows the input token to be (Image Builder 65,535, Customer Profiles 1,024 characters) —
/// anything longer is a malformed response — and never one already seen in this listing, or
/// the server would be asked for the same pages forever. Only a hash of each token is kept, so
/// a hostile server handing out huge tokens costs no memory.
class PageTokenCheck final {
public:
    enum class Verdict { Fine, TooLong, Repeated };

    /// `maxLength`: the input token member's maximum length, if the model has one.
    explicit PageTokenCheck(std::optional<qint64> maxLength = std::nullopt);
    /// The token of the operation's input member, from its spec.
    static PageTokenCheck forOperation(const OperationSpec &operation);

    /// Checks `token` and remembers it when it is fine.
    Verdict take(const QString &token);
    /// Remembers a token without judging it (the one the caller started from).
    void remember(const QString &token);
    std::optional<qint64> maxLength() const { return m_maxLength; }

private:
    static QByteArray digest(const QString &token);

    std::optional<qint64> m_maxLength;
    QSet<QByteArray> m_seen;
};

/// Adds up the pages of one paginated call the way the AWS CLI merges them: the result
/// lists are concatenated, every other member keeps its first-page value, and the output
/// token is dropped once the last page is in. Each page's token passes a PageTokenCheck.
/// Linear in the items, and bounded: past `maxItems` items in all the listing stops.
class PageMerger final {
public:
    enum class Next { Done, More, RepeatedToken, TooManyPages, TokenTooLong, TooManyItems };

    static constexpr qint64 DefaultMaxItems = 1'000'000;

    explicit PageMerger(PaginatorSpec spec, int maxPages = 10000,
        PageTokenCheck tokens = PageTokenCheck(), qint64 maxItems = DefaultMaxItems);

    /// The token the caller started from, if any: the server must not hand it back either.
    void setStartingToken(const QString &token);
    Next addPage(const QJsonObject &page);
    /// The token to send for the next page (valid after addPage returned More).
    const QString &nextToken() const { return m_nextToken; }
    /// The pages so far as one response.
    QJsonObject merged() const;
    int pageCount() const { return m_pages; }
    qint64 itemCount() const { return m_items; }
    const PageTokenCheck &tokens() const { return m_tokens; }

private:
    PaginatorSpec m_spec;
    int m_maxPages;
    PageTokenCheck m_tokens;
    qint64 m_maxItems;
    int m_pages = 0;
    qint64 m_items = 0;
    QJsonObject m_first; ///< the first page without its result lists
    QHash<QString, QJsonArray> m_lists; ///< appended to in place: one copy of each item
    QString m_nextToken;
};

} // namespace sw::aws
