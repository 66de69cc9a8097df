#include "faults.h"

#include <QHash>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace sw::sim {

namespace {

const QList<QPair<QString, FaultKind>> &kinds()
{
    static const QList<QPair<QString, FaultKind>> list = {{u"throttle"_s, FaultKind::Throttle},
        {u"error500"_s, FaultKind::Error500}, {u"error503"_s, FaultKind::Error503},
        {u"latency"_s, FaultKind::Latency}, {u"close"_s, FaultKind::Close},
        {u"lostreply"_s, FaultKind::LostReply}, {u"malformed"_s, FaultKind::Malformed},
        {u"truncated"_s, FaultKind::Truncated}};
    return list;
}

// Every error shape of the four services' models that a fault may inject, with its status.
const QHash<QString, int> &modelledErrors()
{
    static const QHash<QString, int> errors = {{u"AccessDeniedException"_s, 403},
        {u"BadRequestException"_s, 400}, {u"CallRateLimitExceededException"_s, 429},
        {u"ClientException"_s, 400}, {u"ConflictException"_s, 409}, {u"ForbiddenException"_s, 403},
        {u"InternalServerException"_s, 500}, {u"InvalidPaginationTokenException"_s, 400},
        {u"InvalidRequestException"_s, 400}, {u"ResourceNotFoundException"_s, 404},
        {u"ServiceException"_s, 500}, {u"ServiceQuotaExceededException"_s, 402},
        {u"ServiceUnavailableException"_s, 503}, {u"ThrottlingException"_s, 429},
        {u"ValidationException"_s, 400}};
    return errors;
}

} // namespace

int FaultPlan::statusOfErrorCode(const QString &code)
{
    return modelledErrors().value(code);
}

FaultPlan::FaultPlan(quint64 seed) : m_random(static_cast<quint32>(seed ^ (seed >> 32))) { }

QString FaultPlan::kindName(FaultKind kind)
{
    for (const auto &[name, k] : kinds()) {
        if (k == kind)
            return name;
    }
    return {};
}

std::optional<QString> FaultPlan::setSpec(const QString &spec)
{
    QList<FaultRule> rules;
    for (QString item : spec.split(u',', Qt::SkipEmptyParts)) {
        item = item.trimmed();
        FaultRule rule;
        const qsizetype colon = item.indexOf(u':');
        if (colon >= 0) {
            rule.operation = item.left(colon).trimmed();
            item = item.mid(colon + 1).trimmed();
        }
        const qsizetype eq = item.indexOf(u'=');
        if (eq < 0)
            return u"fault '%1': expected kind=probability"_s.arg(item);
        const QString name = item.left(eq).trimmed();
        QString value = item.mid(eq + 1).trimmed();
        bool known = false;
        for (const auto &[n, k] : kinds()) {
            if (n == name.toLower()) {
                rule.kind = k;
                known = true;
            }
        }
        if (!known && statusOfErrorCode(name) != 0) {
            rule.kind = FaultKind::ServiceError;
            rule.errorCode = name;
            rule.errorStatus = statusOfErrorCode(name);
            known = true;
        }
        if (!known)
            return u"fault '%1': unknown kind; use throttle, error500, error503, latency, close, "
                   "lostreply, malformed, truncated or a modelled error code"_s.arg(name);
        if (const qsizetype hash = value.indexOf(u'#'); hash >= 0) {
            bool ok = false;
            rule.remaining = value.mid(hash + 1).toInt(&ok);
            if (!ok || rule.remaining < 0)
                return u"fault '%1': bad count '%2'"_s.arg(name, value.mid(hash + 1));
            value.truncate(hash);
        }
        if (const qsizetype at = value.indexOf(u'@'); at >= 0) {
            bool ok = false;
            rule.delayMs = value.mid(at + 1).remove(u"ms"_s).toInt(&ok);
            if (!ok || rule.delayMs < 0)
                return u"fault '%1': bad delay '%2'"_s.arg(name, value.mid(at + 1));
            value.truncate(at);
        }
        bool ok = false;
        rule.probability = value.toDouble(&ok);
        if (!ok || rule.probability < 0 || rule.probability > 1)
            return u"fault '%1': probability must be between 0 and 1, got '%2'"_s.arg(name, value);
        if (rule.kind == FaultKind::Latency && rule.delayMs == 0)
            rule.delayMs = 500;
        rules.append(rule);
    }
    m_rules = rules;
    m_spec = spec;
    return std::nullopt;
}

QList<FaultRule> FaultPlan::draw(const QString &operation)
{
    QList<FaultRule> struck;
    bool failure = false;
    for (FaultRule &rule : m_rules) {
        if (!rule.operation.isEmpty() && rule.operation != operation)
            continue;
        if (rule.remaining == 0)
            continue;
        // One draw per applicable rule keeps a seeded run reproducible whatever strikes.
        const bool hit = m_random.generateDouble() < rule.probability;
        if (!hit)
            continue;
        if (rule.kind == FaultKind::Latency) {
            struck.append(rule);
        } else if (!failure) {
            struck.append(rule);
            failure = true;
        } else {
            continue;
        }
        if (rule.remaining > 0)
            --rule.remaining;
    }
    return struck;
}

} // namespace sw::sim
