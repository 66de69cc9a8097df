#pragma once

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace sw::sim {

/// Helpers the Customer Profiles and Image Builder states share: per-item values derived from a
/// hash instead of stored (so 50,000 workflows stay small), 128-bit ids, and time formatting.
namespace seeded {

/// splitmix64's finaliser: a well-mixed value from any input.
constexpr quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}
constexpr quint64 mix(quint64 a, quint64 b)
{
    return mix(a ^ mix(b + 0x51afd7ed558ccd0full));
}
/// A value in [lo, hi] drawn from a hash.
constexpr qint64 pick(quint64 hash, qint64 lo, qint64 hi)
{
    return lo + static_cast<qint64>(hash % static_cast<quint64>(hi - lo + 1));
}
/// A generator of its own per service: the same seed gives the same world in each service
/// whatever the others draw.
QRandomGenerator generator(quint64 seed, quint32 salt);

struct Id128 {
    quint64 hi = 0;
    quint64 lo = 0;
    bool operator<(const Id128 &o) const { return hi != o.hi ? hi < o.hi : lo < o.lo; }
    bool operator==(const Id128 &o) const { return hi == o.hi && lo == o.lo; }
};
/// Random bits shaped as a version-4 UUID, so they print as one.
Id128 randomId(QRandomGenerator &random);
Id128 derivedId(quint64 hash);
QString hex32(const Id128 &id); ///< 32 lowercase hex digits
QString uuid(const Id128 &id); ///< 8-4-4-4-12 lowercase
/// 32 lowercase hex digits, dashes ignored; nullopt otherwise (ids are case-sensitive).
std::optional<Id128> parseHex(QStringView text);

/// Sorted (id, index) pairs: 24 bytes an entry, binary-searched.
class IdIndex final {
public:
    void add(const Id128 &id, int index) { m_entries.emplace_back(id, index); }
    void finish();
    std::optional<int> find(const Id128 &id) const;

private:
    std::vector<std::pair<Id128, int>> m_entries;
};

/// "2026-11-21T10:15:30.123Z"
QString isoMs(qint64 ms);
/// "2026-11-21T10:15:30Z"
QString isoSeconds(qint64 seconds);
/// The simulated world is anchored on a whole second, so two simulators with the same seed,
/// started within the same second, answer byte for byte the same.
constexpr qint64 anchorMs(qint64 nowMs)
{
    return nowMs - ((nowMs % 1000) + 1000) % 1000;
}

} // namespace seeded

/// The seven values the model's Status enum has, in its order.
enum class CpStatus : quint8 { NotStarted, InProgress, Complete, Failed, Split, Retry, Cancelled };
QString cpStatusName(CpStatus status);
std::optional<CpStatus> cpStatusFromName(const QString &name);

/// Customer Profiles' APPFLOW_INTEGRATION workflows: each imports a connector's history in
/// batches (one AppFlow flow per batch). A workflow waits (NOT_STARTED), SPLITs its history into
/// batches, runs them one after another (IN_PROGRESS, with RecordsProcessed growing every
/// ten seconds; RETRY while a transient source error backs off) and ends COMPLETE, FAILED or
/// CANCELLED. Everything follows from a seeded plan and the time asked about, so nothing is
/// stored per step and the state is computed only when a request needs it.
class CustomerProfilesState final {
public:
    CustomerProfilesState(quint64 seed, int workflows, qint64 nowMs);

    struct StepView {
        CpStatus status = CpStatus::NotStarted;
        qint64 records = 0;
        qint64 createdAt = 0; ///< epoch seconds
        qint64 lastUpdatedAt = 0;
    };
    struct WorkflowView {
        CpStatus status = CpStatus::NotStarted;
        qint64 createdAt = 0; ///< epoch seconds
        qint64 lastUpdatedAt = 0;
        qint64 records = 0;
        int stepsCompleted = 0;
        int totalSteps = 0; ///< 0 until the history is split into batches
        int currentStep = -1; ///< the batch running, retrying, failed or cancelled
        std::vector<StepView> steps; ///< only when asked for
    };
    struct Filter {
        std::optional<CpStatus> status;
        std::optional<qint64> createdFrom; ///< epoch seconds, inclusive
        std::optional<qint64> createdTo;
    };

    const QStringList &domains() const { return m_domainNames; }
    int domainIndex(const QString &name) const { return m_domainNames.indexOf(name); }
    /// The workflow with this id in this domain.
    std::optional<int> find(int domain, const QString &workflowId) const;
    /// A domain's workflows matching the filter, newest first.
    std::vector<int> list(int domain, const Filter &filter, qint64 nowSec);
    WorkflowView view(int workflow, qint64 nowSec, bool withSteps) const;
    int workflowCount() const { return int(m_workflows.size()); }

    QString workflowId(int workflow) const;
    QString domainOf(int workflow) const;
    QString connectorType(int workflow) const;
    QString connectorProfile(int workflow) const;
    QString roleArn(int workflow) const;
    QString flowName(int workflow, int step) const;
    QString batchStart(int workflow, int step) const;
    QString batchEnd(int workflow, int step) const;
    QString errorDescription(int workflow) const;

private:
    enum class Fate : quint8 { Complete, Failed, Cancelled };
    static constexpr quint8 noRetry = 0xff;
    static constexpr int maxSteps = 6;

    struct Workflow {
        seeded::Id128 id;
        quint64 seed = 0; // step durations, record counts and texts derive from it
        qint64 start = 0; // epoch s: the split begins
        qint32 waitBefore = 0; // created this long before start
        quint8 domain = 0;
        quint8 connector = 0;
        quint8 profile = 0;
        quint8 steps = 0;
        Fate fate = Fate::Complete;
        quint8 fateStep = 0;
        quint8 retryStep = noRetry;
        // ListWorkflows filters by status over every workflow; this spares it the schedule.
        mutable CpStatus cachedStatus = CpStatus::NotStarted;
        mutable qint64 cachedUntil = -1;
    };
    // Times relative to the workflow's start, in seconds.
    struct Schedule {
        qint64 splitEnd = 0;
        qint64 runStart[maxSteps] = {};
        qint64 runEnd[maxSteps] = {}; // the fate time for the fate step
        qint64 duration[maxSteps] = {}; // working time of a whole batch
        qint64 retryStart = -1;
        qint64 retryEnd = -1;
        qint64 fateAt = 0;
    };

    Schedule schedule(const Workflow &w) const;
    CpStatus statusAt(const Workflow &w, const Schedule &s, qint64 rel, qint64 *nextChange) const;
    StepView stepAt(const Workflow &w, const Schedule &s, int step, qint64 rel) const;
    qint64 stepRecords(const Workflow &w, int step) const;
    int lastRunStep(const Workflow &w) const;
    void place(Workflow &w, CpStatus target, QRandomGenerator &random) const;

    QStringList m_domainNames;
    std::vector<Workflow> m_workflows;
    std::vector<std::vector<int>> m_byDomain; // newest first
    seeded::IdIndex m_index;
};

} // namespace sw::sim
