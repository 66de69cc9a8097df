#pragma once

#include <QHash>
#include <QQueue>
#include <QRandomGenerator>
#include <QString>

#include <optional>

namespace sw::sim {

/// Opaque page tokens like the services hand out: random text the simulator remembers, bound
/// to the listing it was issued for (the scope, e.g. "ListWorkflowSteps/wf-1/sg-2"). A token
/// it never issued, or one from another listing, is rejected, as AWS does.
class PageTokens final {
public:
    explicit PageTokens(quint64 seed);

    QString issue(const QString &scope, qint64 offset);
    std::optional<qint64> redeem(const QString &scope, const QString &token) const;

    /// One page of a listing of `total` items: [first, first + count), and the token for the
    /// next page (empty on the last). `start` is a redeemed offset, 0 for the first page.
    struct Page {
        qint64 first = 0;
        qint64 count = 0;
        QString nextToken;
    };
    Page page(const QString &scope, qint64 total, qint64 start, qint64 pageSize);

private:
    struct Entry {
        QString scope;
        qint64 offset;
    };
    QHash<QString, Entry> m_tokens;
    QQueue<QString> m_order; // oldest first, so memory stays bounded
    QRandomGenerator m_random;
};

} // namespace sw::sim
