#include "customerprofilesstate.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace sw::sim {

namespace seeded {

QRandomGenerator generator(quint64 seed, quint32 salt)
{
    const quint32 words[3] = {quint32(seed), quint32(seed >> 32), salt};
    return QRandomGenerator(words, 3);
}

namespace {
Id128 asUuid4(quint64 hi, quint64 lo)
{
    return {(hi & ~0xf000ull) | 0x4000ull, (lo & ~(3ull << 62)) | (2ull << 62)};
}
} // namespace

Id128 randomId(QRandomGenerator &random)
{
    const quint64 hi = random.generate64();
    return asUuid4(hi, random.generate64());
}

Id128 derivedId(quint64 hash)
{
    return asUuid4(mix(hash), mix(hash, 1));
}

QString hex32(const Id128 &id)
{
    return QString::number(id.hi, 16).rightJustified(16, u'0')
        + QString::number(id.lo, 16).rightJustified(16, u'0');
}

QString uuid(const Id128 &id)
{
    const QString h = hex32(id);
    return h.left(8) + u'-' + h.mid(8, 4) + u'-' + h.mid(12, 4) + u'-' + h.mid(16, 4) + u'-'
        + h.mid(20);
}

std::optional<Id128> parseHex(QStringView text)
{
    Id128 id;
    int digits = 0;
    for (const QChar c : text) {
        if (c == u'-')
            continue;
        int v = -1;
        if (c >= u'0' && c <= u'9')
            v = c.unicode() - u'0';
        else if (c >= u'a' && c <= u'f')
            v = c.unicode() - u'a' + 10;
        if (v < 0 || digits == 32)
            return std::nullopt;
        quint64 &word = digits < 16 ? id.hi : id.lo;
        word = (word << 4) | quint64(v);
        ++digits;
    }
    if (digits != 32)
        return std::nullopt;
    return id;
}

void IdIndex::finish()
{
    std::sort(m_entries.begin(), m_entries.end(),
        [](const auto &a, const auto &b) { return a.first < b.first; });
}

std::optional<int> IdIndex::find(const Id128 &id) const
{
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), id,
        [](const auto &entry, const Id128 &key) { return entry.first < key; });
    if (it == m_entries.end() || !(it->first == id))
        return std::nullopt;
    return it->second;
}

QString isoMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString isoSeconds(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

} // namespace seeded

namespace {

using seeded::mix;
using seeded::pick;

constexpr std::array statusNames = {
    u"NOT_STARTED", u"IN_PROGRESS", u"COMPLETE", u"FAILED", u"SPLIT", u"RETRY", u"CANCELLED"};
constexpr std::array domainTable = {
    u"retail-customers", u"loyalty-eu", u"support-crm", u"b2b-accounts", u"marketing-leads"};
constexpr std::array connectorTypes = {u"Salesforce", u"Marketo", u"Zendesk", u"Servicenow", u"S3"};
// Two connector profiles and two ways to fail per connector, in connectorTypes' order.
constexpr std::array<std::array<const char16_t *, 2>, 5> profiles = {{
    {u"sf-prod", u"sf-sandbox"},
    {u"marketo-main", u"marketo-emea"},
    {u"zendesk-support", u"zendesk-vip"},
    {u"servicenow-itsm", u"servicenow-csm"},
    {u"s3-crm-exports", u"s3-pos-exports"},
}};
constexpr std::array<std::array<const char16_t *, 2>, 5> failures = {{
    {u"Salesforce API limit exceeded for connector profile %1",
        u"Salesforce session expired for connector profile %1; reauthorize the connection"},
    {u"Marketo REST API daily quota exhausted for connector profile %1",
        u"Marketo rejected field mapping for connector profile %1: unknown field leadScore"},
    {u"Zendesk OAuth token of connector profile %1 was revoked",
        u"Zendesk incremental export rejected the start time for connector profile %1"},
    {u"ServiceNow instance of connector profile %1 is unreachable (HTTP 503)",
        u"ServiceNow user of connector profile %1 lacks read access to table sys_user"},
    {u"Access denied to the source bucket of connector profile %1",
        u"Source object of connector profile %1 is not valid CSV (line 1842)"},
}};

constexpr qint64 tickSec = 10; // how often a running flow reports its record count

} // namespace

QString cpStatusName(CpStatus status)
{
    return QString::fromUtf16(statusNames[size_t(status)]);
}

std::optional<CpStatus> cpStatusFromName(const QString &name)
{
    for (size_t i = 0; i < statusNames.size(); ++i) {
        if (name == QStringView(statusNames[i]))
            return CpStatus(i);
    }
    return std::nullopt;
}

CustomerProfilesState::CustomerProfilesState(quint64 seed, int workflows, qint64 nowMs)
{
    QRandomGenerator random = seeded::generator(seed, 0x43500001u);
    std::array<int, domainTable.size()> order = {0, 1, 2, 3, 4};
    for (int i = int(order.size()) - 1; i > 0; --i)
        std::swap(order[size_t(i)], order[random.bounded(i + 1)]);
    const int domainCount = 2 + int(random.bounded(2));
    for (int i = 0; i < domainCount; ++i)
        m_domainNames.append(QString::fromUtf16(domainTable[size_t(order[size_t(i)])]));
    m_byDomain.resize(size_t(domainCount));

    // Every status at least once in any set of seven or more, so each demo shows them all; the
    // rest weighted like a busy account.
    std::array<CpStatus, 7> firstTargets = {CpStatus::NotStarted, CpStatus::InProgress,
        CpStatus::Complete, CpStatus::Failed, CpStatus::Split, CpStatus::Retry,
        CpStatus::Cancelled};
    for (int i = 6; i > 0; --i)
        std::swap(firstTargets[size_t(i)], firstTargets[random.bounded(i + 1)]);
    const qint64 anchor = seeded::anchorMs(nowMs) / 1000;
    const int count = std::max(0, workflows);
    m_workflows.resize(size_t(count));
    for (int i = 0; i < count; ++i) {
        CpStatus target = CpStatus::Complete;
        if (i < 7) {
            target = firstTargets[size_t(i)];
        } else {
            const int roll = int(random.bounded(100));
            constexpr std::array<std::pair<int, CpStatus>, 6> weights = {
                {{34, CpStatus::Complete}, {56, CpStatus::InProgress}, {66, CpStatus::NotStarted},
                    {78, CpStatus::Failed}, {84, CpStatus::Split}, {90, CpStatus::Retry}}};
            target = CpStatus::Cancelled;
            for (const auto &[upTo, status] : weights) {
                if (roll < upTo) {
                    target = status;
                    break;
                }
            }
        }
        Workflow &w = m_workflows[size_t(i)];
        w.id = seeded::randomId(random);
        w.seed = random.generate64();
        w.domain = quint8(random.bounded(domainCount));
        w.connector = quint8(random.bounded(int(connectorTypes.size())));
        w.profile = quint8(random.bounded(2));
        w.steps = quint8(2 + random.bounded(maxSteps - 1));
        place(w, target, random);
        w.start += anchor;
        m_index.add(w.id, i);
        m_byDomain[w.domain].push_back(i);
    }
    m_index.finish();
    for (auto &list : m_byDomain) {
        std::sort(list.begin(), list.end(), [this](int a, int b) {
            const Workflow &wa = m_workflows[size_t(a)];
            const Workflow &wb = m_workflows[size_t(b)];
            const qint64 ca = wa.start - wa.waitBefore;
            const qint64 cb = wb.start - wb.waitBefore;
            return ca != cb ? ca > cb : wa.id < wb.id;
        });
    }
}

void CustomerProfilesState::place(Workflow &w, CpStatus target, QRandomGenerator &random) const
{
    const int k = w.steps;
    auto chance = [&random](int percent) {
        return int(random.bounded(100)) < percent;
    };
    bool retry = chance(25);
    if (target == CpStatus::Complete) {
        w.fate = Fate::Complete;
    } else if (target == CpStatus::Failed || target == CpStatus::Cancelled) {
        w.fate = target == CpStatus::Failed ? Fate::Failed : Fate::Cancelled;
    } else {
        retry = retry || target == CpStatus::Retry;
        const int roll = int(random.bounded(100));
        w.fate = roll < 70 ? Fate::Complete : roll < 88 ? Fate::Failed : Fate::Cancelled;
        if (target == CpStatus::Retry && w.fate == Fate::Cancelled)
            w.fate = Fate::Complete;
    }
    w.fateStep = quint8(random.bounded(k));
    const int last = lastRunStep(w);
    if (retry)
        w.retryStep = quint8(random.bounded(last + 1));
    w.waitBefore = target == CpStatus::NotStarted ? 600 + qint32(random.bounded(1201))
                                                  : 30 + qint32(random.bounded(571));

    // Where in its life the workflow is when the simulation starts (tau, seconds after its
    // start): early enough in a status that it still shows it a minute later.
    const Schedule s = schedule(w);
    qint64 tau = 0;
    switch (target) {
    case CpStatus::NotStarted:
        tau = -(120 + qint64(random.bounded(w.waitBefore - 180)));
        break;
    case CpStatus::Split:
        tau = qint64(random.bounded(int(s.splitEnd * 4 / 10) + 1));
        break;
    case CpStatus::InProgress: {
        const int j = int(random.bounded(last + 1));
        tau = s.runStart[j] + s.duration[j] * (5 + random.bounded(26)) / 100;
        break;
    }
    case CpStatus::Retry:
        tau = s.retryStart + (s.retryEnd - s.retryStart) * random.bounded(41) / 100;
        break;
    default:
        tau = s.fateAt + 60 + qint64(random.bounded(3 * 86400));
        break;
    }
    w.start = -tau;
}

int CustomerProfilesState::lastRunStep(const Workflow &w) const
{
    return w.fate == Fate::Complete ? w.steps - 1 : w.fateStep;
}

qint64 CustomerProfilesState::stepRecords(const Workflow &w, int step) const
{
    return pick(mix(w.seed, 30 + step), 2000, 250000);
}

CustomerProfilesState::Schedule CustomerProfilesState::schedule(const Workflow &w) const
{
    Schedule s;
    s.splitEnd = pick(mix(w.seed, 1), 120, 300);
    qint64 t = s.splitEnd;
    const int last = lastRunStep(w);
    for (int j = 0; j <= last; ++j) {
        t += pick(mix(w.seed, 10 + j), 5, 20); // the flow waits for a free AppFlow slot
        s.runStart[j] = t;
        const qint64 d = pick(mix(w.seed, 20 + j), 120, 600);
        s.duration[j] = d;
        const bool fateHere = w.fate != Fate::Complete && j == last;
        // A failure or cancel comes after a retry on the same batch (35% < 45%).
        qint64 run = fateHere ? d * pick(mix(w.seed, 2), 45, 90) / 100 : d;
        if (j == w.retryStep) {
            s.retryStart = t + d * 35 / 100;
            s.retryEnd = s.retryStart + pick(mix(w.seed, 3), 90, 240);
            run += s.retryEnd - s.retryStart;
        }
        t += run;
        s.runEnd[j] = t;
    }
    s.fateAt = t;
    return s;
}

CpStatus CustomerProfilesState::statusAt(
    const Workflow &w, const Schedule &s, qint64 rel, qint64 *nextChange) const
{
    auto result = [nextChange](CpStatus status, qint64 next) {
        *nextChange = next;
        return status;
    };
    if (rel < 0)
        return result(CpStatus::NotStarted, 0);
    if (rel < s.splitEnd)
        return result(CpStatus::Split, s.splitEnd);
    if (rel >= s.fateAt) {
        const CpStatus fate = w.fate == Fate::Complete ? CpStatus::Complete
            : w.fate == Fate::Failed                   ? CpStatus::Failed
                                                       : CpStatus::Cancelled;
        return result(fate, std::numeric_limits<qint64>::max() / 2);
    }
    if (s.retryStart >= 0 && rel >= s.retryStart && rel < s.retryEnd)
        return result(CpStatus::Retry, s.retryEnd);
    return result(
        CpStatus::InProgress, s.retryStart >= 0 && rel < s.retryStart ? s.retryStart : s.fateAt);
}

CustomerProfilesState::StepView CustomerProfilesState::stepAt(
    const Workflow &w, const Schedule &s, int j, qint64 rel) const
{
    StepView v;
    v.createdAt = w.start + s.splitEnd;
    v.lastUpdatedAt = v.createdAt;
    const int last = lastRunStep(w);
    if (j > last) {
        // Batches after a cancel are cancelled with it; after a failure they never start.
        if (w.fate == Fate::Cancelled && rel >= s.fateAt) {
            v.status = CpStatus::Cancelled;
            v.lastUpdatedAt = w.start + s.fateAt;
        }
        return v;
    }
    const qint64 records = stepRecords(w, j);
    const bool retries = j == w.retryStep;
    auto worked = [&](qint64 at) {
        qint64 t = at - s.runStart[j];
        if (retries && at > s.retryStart)
            t -= std::min(at, s.retryEnd) - s.retryStart;
        return records * std::clamp<qint64>(t, 0, s.duration[j]) / s.duration[j];
    };
    if (rel < s.runStart[j])
        return v;
    if (j == last && w.fate != Fate::Complete && rel >= s.fateAt) {
        v.status = w.fate == Fate::Failed ? CpStatus::Failed : CpStatus::Cancelled;
        v.records = worked(s.fateAt);
        v.lastUpdatedAt = w.start + s.fateAt;
    } else if (rel >= s.runEnd[j]) {
        v.status = CpStatus::Complete;
        v.records = records;
        v.lastUpdatedAt = w.start + s.runEnd[j];
    } else if (retries && rel >= s.retryStart && rel < s.retryEnd) {
        v.status = CpStatus::Retry;
        v.records = worked(s.retryStart);
        v.lastUpdatedAt = w.start + s.retryStart;
    } else {
        qint64 tick = s.runStart[j] + (rel - s.runStart[j]) / tickSec * tickSec;
        if (retries && rel >= s.retryEnd)
            tick = std::max(tick, s.retryEnd);
        v.status = CpStatus::InProgress;
        v.records = worked(tick);
        v.lastUpdatedAt = w.start + tick;
    }
    return v;
}

CustomerProfilesState::WorkflowView CustomerProfilesState::view(
    int workflow, qint64 nowSec, bool withSteps) const
{
    const Workflow &w = m_workflows[size_t(workflow)];
    const Schedule s = schedule(w);
    const qint64 rel = nowSec - w.start;
    WorkflowView v;
    qint64 next = 0;
    v.status = statusAt(w, s, rel, &next);
    v.createdAt = w.start - w.waitBefore;
    if (rel < s.splitEnd) {
        v.lastUpdatedAt = rel < 0 ? v.createdAt : w.start;
        return v;
    }
    v.totalSteps = w.steps;
    v.lastUpdatedAt = w.start + s.splitEnd;
    for (int j = 0; j < w.steps; ++j) {
        const StepView step = stepAt(w, s, j, rel);
        v.records += step.records;
        v.stepsCompleted += step.status == CpStatus::Complete ? 1 : 0;
        v.lastUpdatedAt = std::max(v.lastUpdatedAt, step.lastUpdatedAt);
        const bool current = step.status == CpStatus::InProgress || step.status == CpStatus::Retry
            || ((step.status == CpStatus::Failed || step.status == CpStatus::Cancelled)
                && j == lastRunStep(w));
        if (current || (v.currentStep < 0 && step.status == CpStatus::NotStarted))
            v.currentStep = j;
        if (withSteps)
            v.steps.push_back(step);
    }
    return v;
}

std::optional<int> CustomerProfilesState::find(int domain, const QString &workflowId) const
{
    const auto id = seeded::parseHex(workflowId);
    const auto index = id ? m_index.find(*id) : std::nullopt;
    if (!index || m_workflows[size_t(*index)].domain != domain)
        return std::nullopt;
    return index;
}

std::vector<int> CustomerProfilesState::list(int domain, const Filter &filter, qint64 nowSec)
{
    std::vector<int> out;
    for (const int i : m_byDomain[size_t(domain)]) {
        const Workflow &w = m_workflows[size_t(i)];
        const qint64 created = w.start - w.waitBefore;
        if ((filter.createdFrom && created < *filter.createdFrom)
            || (filter.createdTo && created > *filter.createdTo))
            continue;
        if (filter.status) {
            if (nowSec >= w.cachedUntil) {
                qint64 next = 0;
                w.cachedStatus = statusAt(w, schedule(w), nowSec - w.start, &next);
                w.cachedUntil = w.start + next;
            }
            if (w.cachedStatus != *filter.status)
                continue;
        }
        out.push_back(i);
    }
    return out;
}

QString CustomerProfilesState::workflowId(int workflow) const
{
    return seeded::hex32(m_workflows[size_t(workflow)].id);
}

QString CustomerProfilesState::domainOf(int workflow) const
{
    return m_domainNames.at(m_workflows[size_t(workflow)].domain);
}

QString CustomerProfilesState::connectorType(int workflow) const
{
    return QString::fromUtf16(connectorTypes[m_workflows[size_t(workflow)].connector]);
}

QString CustomerProfilesState::connectorProfile(int workflow) const
{
    const Workflow &w = m_workflows[size_t(workflow)];
    return QString::fromUtf16(profiles[w.connector][w.profile]);
}

QString CustomerProfilesState::roleArn(int workflow) const
{
    return u"arn:aws:iam::123456789012:role/service-role/CustomerProfilesAppFlow-%1"_s.arg(
        domainOf(workflow));
}

QString CustomerProfilesState::flowName(int workflow, int step) const
{
    return u"%1-%2-batch-%3"_s.arg(
        connectorProfile(workflow), workflowId(workflow).left(8), QString::number(step + 1));
}

QString CustomerProfilesState::batchStart(int workflow, int step) const
{
    // The history (90 days to two years before the workflow was created) in equal batches.
    const Workflow &w = m_workflows[size_t(workflow)];
    const qint64 end = (w.start - w.waitBefore) / 86400 * 86400;
    const qint64 span = pick(mix(w.seed, 4), 90, 730) * 86400;
    return seeded::isoSeconds(end - span + span * step / w.steps);
}

QString CustomerProfilesState::batchEnd(int workflow, int step) const
{
    const Workflow &w = m_workflows[size_t(workflow)];
    const qint64 end = (w.start - w.waitBefore) / 86400 * 86400;
    const qint64 span = pick(mix(w.seed, 4), 90, 730) * 86400;
    return seeded::isoSeconds(end - span + span * (step + 1) / w.steps);
}

QString CustomerProfilesState::errorDescription(int workflow) const
{
    const Workflow &w = m_workflows[size_t(workflow)];
    return QString::fromUtf16(failures[w.connector][mix(w.seed, 5) % 2])
        .arg(connectorProfile(workflow));
}

} // namespace sw::sim
