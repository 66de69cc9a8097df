#pragma once

#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <optional>

namespace sw::sim {

/// What can go wrong with one request, as a demo or a resilience test wants it to.
enum class FaultKind {
    Throttle, ///< 429 with the service's throttling error
    Error500, ///< 500 with the service's internal error
    Error503, ///< 503 service unavailable
    Latency, ///< the reply comes late by `delayMs`
    Close, ///< the connection is closed before the request is acted on
    LostReply, ///< the request is acted on, then the connection is closed without a reply
    Malformed, ///< 200 with a body that is not JSON
    Truncated, ///< 200 with the JSON body cut in half
    ServiceError, ///< any error the service models, by code, e.g. ServiceQuotaExceededException
};

struct FaultRule {
    QString operation; ///< empty: every operation
    FaultKind kind = FaultKind::Throttle;
    double probability = 0;
    int delayMs = 0; ///< Latency only
    int remaining = -1; ///< how many more times it may strike; -1: no limit
    QString errorCode; ///< ServiceError only
    int errorStatus = 0;
};

/// A set of fault rules drawn with a seeded generator, so a run with the same seed and the
/// same requests fails the same way. Spec syntax, comma-separated:
///   [Operation:]kind=probability[@milliseconds][#count]
/// e.g. "throttle=0.1,StartWorkflowRun:lostreply=1#1,latency=0.2@300". Kinds: throttle,
/// error500, error503, latency, close, lostreply, malformed, truncated, or the code of an
/// error the services model (e.g. ServiceQuotaExceededException), answered with its status.
/// "#count" limits how often a rule strikes (then it is spent).
class FaultPlan final {
public:
    explicit FaultPlan(quint64 seed = 1);

    /// Replaces the rules; on a syntax error keeps the old ones and returns the reason.
    std::optional<QString> setSpec(const QString &spec);
    QString spec() const { return m_spec; }
    const QList<FaultRule> &rules() const { return m_rules; }

    /// The faults that strike this request of `operation`; Latency may come with one other.
    QList<FaultRule> draw(const QString &operation);
    /// The HTTP status of a modelled error code, 0 for a code no service here models.
    static int statusOfErrorCode(const QString &code);

    static QString kindName(FaultKind kind);

private:
    QList<FaultRule> m_rules;
    QString m_spec;
    QRandomGenerator m_random;
};

} // namespace sw::sim
