#include "codecatalyststate.h"

#include "simclock.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace sw::sim {

namespace {

constexpr qint64 minuteMs = 60'000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;
// Beyond this the 16-bit name rounds would wrap; far past any demo or benchmark.
constexpr int maxWorkflows = 500'000;

const QStringList &spaceNames()
{
    static const QStringList names {
        u"acme-platform"_s, u"globex-engineering"_s, u"initech-labs"_s, u"umbrella-devops"_s};
    return names;
}

const QStringList &projectNames()
{
    static const QStringList names {u"checkout-service"_s, u"data-pipeline"_s, u"mobile-app"_s,
        u"payments-api"_s, u"search-indexer"_s, u"web-frontend"_s, u"identity-service"_s,
        u"analytics-etl"_s};
    return names;
}

const QStringList &workflowNames()
{
    static const QStringList names {u"build-and-test"_s, u"deploy-staging"_s,
        u"deploy-production"_s, u"nightly-integration"_s, u"lint-and-format"_s, u"security-scan"_s,
        u"release-candidate"_s, u"canary-deploy"_s, u"dependency-update"_s, u"perf-benchmark"_s,
        u"e2e-tests"_s, u"docs-publish"_s};
    return names;
}

const QStringList &repositorySuffixes()
{
    static const QStringList suffixes {QString(), u"-infra"_s, u"-config"_s};
    return suffixes;
}

QRandomGenerator seededGenerator(quint64 seed)
{
    // Mixed with a per-service constant so that CodeCatalyst's draws do not mirror the other
    // services' generators built from the same seed.
    const quint32 words[3] = {quint32(seed), quint32(seed >> 32), 0xC0DECA7Au};
    return QRandomGenerator(words);
}

} // namespace

CodeCatalystState::CodeCatalystState(const SimOptions &options, SimClock &clock)
    : m_clock(clock), m_random(seededGenerator(options.seed)), m_epochMs(clock.nowMs())
{
    generate(std::clamp(options.workflowsPerService, 0, maxWorkflows));
}

QUuid CodeCatalystState::nextUuid()
{
    // Built from words rather than raw bytes so ids are the same on every byte order.
    const quint32 a = m_random.generate();
    const quint32 b = m_random.generate();
    const quint32 c = m_random.generate();
    const quint32 d = m_random.generate();
    return QUuid(a, ushort(b >> 16), ushort((b & 0x0fffu) | 0x4000u),
        uchar(((c >> 24) & 0x3fu) | 0x80u), uchar(c >> 16), uchar(c >> 8), uchar(c), uchar(d >> 24),
        uchar(d >> 16), uchar(d >> 8), uchar(d));
}

void CodeCatalystState::generate(int workflowCount)
{
    std::vector<int> spacePool(size_t(spaceNames().size()));
    std::vector<int> projectPool(size_t(projectNames().size()));
    for (size_t i = 0; i < spacePool.size(); ++i)
        spacePool[i] = int(i);
    for (size_t i = 0; i < projectPool.size(); ++i)
        projectPool[i] = int(i);
    auto shuffle = [this](std::vector<int> &v) {
        for (size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[m_random.bounded(quint32(i))]);
    };
    shuffle(spacePool);
    shuffle(projectPool);

    // Project names are drawn from one pool so that a name means one project in the inventory.
    const int spaceCount = 1 + m_random.bounded(2);
    size_t nextProject = 0;
    for (int s = 0; s < spaceCount; ++s) {
        Space space {spaceNames().at(spacePool[size_t(s)]), {}};
        const int projectCount = 2 + m_random.bounded(2);
        for (int p = 0; p < projectCount; ++p) {
            space.projects.push_back(int(m_projects.size()));
            m_projects.push_back({projectNames().at(projectPool[nextProject++]), s, {}, {}});
        }
        m_spaces.push_back(std::move(space));
    }

    const int nameCount = int(workflowNames().size());
    std::vector<int> nameOffset;
    for (size_t p = 0; p < m_projects.size(); ++p)
        nameOffset.push_back(m_random.bounded(nameCount));
    const int invalidIndex = workflowCount >= 2 ? m_random.bounded(workflowCount) : -1;

    m_workflows.reserve(size_t(workflowCount));
    m_runs.reserve(size_t(workflowCount) * 3 + 16);
    m_workflowById.reserve(workflowCount);
    m_runById.reserve(workflowCount * 3 + 16);
    const int projectCount = int(m_projects.size());
    for (int i = 0; i < workflowCount; ++i) {
        Workflow w;
        w.id = nextUuid();
        w.project = quint16(i % projectCount);
        // Round robin keeps names unique within a project: each round uses every name once.
        const int k = i / projectCount;
        w.nameIndex = quint16((k + nameOffset[w.project]) % nameCount);
        w.nameRound = quint16(k / nameCount);
        const quint32 repo = m_random.bounded(100u);
        w.repository = repo < 70 ? 0 : repo < 90 ? 1 : 2;
        const quint32 mode = m_random.bounded(100u);
        w.runMode = mode < 60 ? RunMode::Queued
            : mode < 85       ? RunMode::Parallel
                              : RunMode::Superseded;
        w.status = i == invalidIndex ? WorkflowStatus::Invalid : WorkflowStatus::Active;
        const quint32 index = quint32(m_workflows.size());
        m_workflows.push_back(w);
        m_workflowById.insert(w.id, index);
        m_projects[w.project].workflows.push_back(index);
        generateHistory(index);
    }

    for (quint32 r = 0; r < m_runs.size(); ++r)
        m_projects[m_workflows[m_runs[r].workflow].project].runsByStart.push_back(r);
    for (Project &project : m_projects) {
        std::stable_sort(project.runsByStart.begin(), project.runsByStart.end(),
            [this](quint32 a, quint32 b) { return m_runs[a].startMs < m_runs[b].startMs; });
    }
}

void CodeCatalystState::generateHistory(quint32 index)
{
    Workflow &w = m_workflows[index];
    const bool invalid = w.status == WorkflowStatus::Invalid;
    // An INVALID workflow last ran before its definition broke; nothing of it is running.
    const int count = invalid ? 1 : 1 + m_random.bounded(5);
    const bool running = !invalid && m_random.bounded(100) < 15;
    qint64 t = invalid ? m_epochMs - dayMs - m_random.bounded(30 * dayMs)
        : running      ? m_epochMs - m_random.bounded(4 * minuteMs)
                       : m_epochMs - 5 * minuteMs - m_random.bounded(3 * dayMs);
    std::array<qint64, 5> starts {};
    for (int k = count - 1; k >= 0; --k) {
        starts[size_t(k)] = t;
        t -= 30 * minuteMs + m_random.bounded(2 * dayMs);
    }
    w.createdMs = starts[0] - hourMs - m_random.bounded(200 * dayMs);
    w.lastUpdatedMs = invalid ? starts[size_t(count - 1)] + hourMs
                              : w.createdMs + m_random.bounded(starts[0] - w.createdMs);
    w.firstRun = quint32(m_runs.size());
    w.historyRuns = quint8(count);
    for (int k = 0; k < count; ++k) {
        RunStatus outcome = RunStatus::Failed;
        if (!invalid) {
            const int r = m_random.bounded(100);
            outcome = r < 72                       ? RunStatus::Succeeded
                : r < 86                           ? RunStatus::Failed
                : r < 91                           ? RunStatus::Stopped
                : r < 95                           ? RunStatus::Cancelled
                : w.runMode == RunMode::Superseded ? RunStatus::Superseded
                                                   : RunStatus::Succeeded;
        }
        const Run run = scheduledRun(index, starts[size_t(k)], outcome);
        m_runById.insert(run.id, quint32(m_runs.size()));
        m_runs.push_back(run);
    }
}

CodeCatalystState::Run CodeCatalystState::scheduledRun(
    quint32 workflow, qint64 startMs, RunStatus outcome)
{
    Run run;
    run.id = nextUuid();
    run.startMs = startMs;
    run.workflow = workflow;
    run.validatingS = quint16(2 + m_random.bounded(5));
    run.provisioningS = quint16(10 + m_random.bounded(30));
    run.runningS = quint16(60 + m_random.bounded(240));
    run.outcome = outcome;
    return run;
}

int CodeCatalystState::findSpace(const QString &name) const
{
    for (size_t i = 0; i < m_spaces.size(); ++i) {
        if (m_spaces[i].name == name)
            return int(i);
    }
    return -1;
}

int CodeCatalystState::findProject(int space, const QString &name) const
{
    for (int p : m_spaces[size_t(space)].projects) {
        if (m_projects[size_t(p)].name == name)
            return p;
    }
    return -1;
}

std::optional<quint32> CodeCatalystState::findWorkflow(int project, const QUuid &id) const
{
    const auto it = m_workflowById.constFind(id);
    if (it == m_workflowById.constEnd() || m_workflows[*it].project != project)
        return std::nullopt;
    return *it;
}

std::optional<quint32> CodeCatalystState::findRun(int project, const QUuid &id) const
{
    const auto it = m_runById.constFind(id);
    if (it == m_runById.constEnd() || m_workflows[m_runs[*it].workflow].project != project)
        return std::nullopt;
    return *it;
}

QString CodeCatalystState::workflowName(quint32 workflow) const
{
    const Workflow &w = m_workflows[workflow];
    const QString &base = workflowNames().at(w.nameIndex);
    return w.nameRound == 0 ? base : u"%1-%2"_s.arg(base).arg(w.nameRound + 1);
}

QString CodeCatalystState::repositoryName(quint32 workflow) const
{
    const Workflow &w = m_workflows[workflow];
    return m_projects[w.project].name + repositorySuffixes().at(w.repository);
}

QString CodeCatalystState::definitionPath(quint32 workflow) const
{
    return u".codecatalyst/workflows/%1.yaml"_s.arg(workflowName(workflow));
}

qint64 CodeCatalystState::runCount(int project, std::optional<quint32> workflow) const
{
    if (!workflow)
        return qint64(m_projects[size_t(project)].runsByStart.size());
    const auto started = m_startedRuns.constFind(*workflow);
    return m_workflows[*workflow].historyRuns
        + (started == m_startedRuns.constEnd() ? 0 : started->size());
}

quint32 CodeCatalystState::runAt(
    int project, std::optional<quint32> workflow, qint64 position) const
{
    if (!workflow)
        return m_projects[size_t(project)].runsByStart[size_t(position)];
    const Workflow &w = m_workflows[*workflow];
    if (position < w.historyRuns)
        return w.firstRun + quint32(position);
    return m_startedRuns.value(*workflow).at(position - w.historyRuns);
}

CodeCatalystState::RunView CodeCatalystState::view(quint32 index) const
{
    const Run &run = m_runs[index];
    const qint64 elapsed = m_clock.nowMs() - run.startMs;
    const qint64 provisioningAt = qint64(run.validatingS) * 1000;
    const qint64 runningAt = provisioningAt + qint64(run.provisioningS) * 1000;
    const qint64 endAt = runningAt + qint64(run.runningS) * 1000;
    // A run being stopped shows STOPPING for its last moments, as the console does.
    const qint64 stoppingAt = endAt - std::min<qint64>(15'000, qint64(run.runningS) * 500);

    RunView v;
    v.startMs = run.startMs;
    if (elapsed < provisioningAt) {
        v.status = RunStatus::Validating;
        v.lastUpdatedMs = run.startMs;
    } else if (elapsed < runningAt) {
        v.status = RunStatus::Provisioning;
        v.lastUpdatedMs = run.startMs + provisioningAt;
    } else if (elapsed < endAt && run.outcome == RunStatus::Stopped && elapsed >= stoppingAt) {
        v.status = RunStatus::Stopping;
        v.lastUpdatedMs = run.startMs + stoppingAt;
    } else if (elapsed < endAt) {
        v.status = RunStatus::InProgress;
        v.lastUpdatedMs = run.startMs + runningAt;
    } else {
        v.status = run.outcome;
        v.endMs = run.startMs + endAt;
        v.lastUpdatedMs = *v.endMs;
    }
    return v;
}

void CodeCatalystState::cutShort(quint32 index, qint64 atMs, RunStatus status)
{
    Run &run = m_runs[index];
    // Rounded down, so the run reads as ended at once rather than a fraction of a second on.
    qint64 left = std::max<qint64>(0, (atMs - run.startMs) / 1000);
    run.validatingS = quint16(std::min<qint64>(run.validatingS, left));
    left -= run.validatingS;
    run.provisioningS = quint16(std::min<qint64>(run.provisioningS, left));
    left -= run.provisioningS;
    run.runningS = quint16(std::min<qint64>(run.runningS, left));
    run.outcome = status;
}

CodeCatalystState::StartResult CodeCatalystState::startRun(
    quint32 workflow, const QString &clientToken)
{
    using Outcome = StartResult::Outcome;
    if (!clientToken.isEmpty()) {
        const auto it = m_runByToken.constFind(clientToken);
        if (it != m_runByToken.constEnd()) {
            if (m_runs[*it].workflow != workflow)
                return {Outcome::TokenConflict, *it};
            ++m_idempotentReplays;
            return {Outcome::Replayed, *it};
        }
    }
    const Workflow &w = m_workflows[workflow];
    if (w.status == WorkflowStatus::Invalid)
        return {Outcome::WorkflowInvalid, 0};

    const qint64 now = m_clock.nowMs();
    const int project = w.project;
    if (w.runMode == RunMode::Superseded) {
        const qint64 count = runCount(project, workflow);
        for (qint64 pos = 0; pos < count; ++pos) {
            const quint32 older = runAt(project, workflow, pos);
            if (!isTerminal(view(older).status))
                cutShort(older, now, RunStatus::Superseded);
        }
    }

    const Run run = scheduledRun(
        workflow, now, m_random.bounded(100) < 20 ? RunStatus::Failed : RunStatus::Succeeded);
    const quint32 index = quint32(m_runs.size());
    m_runs.push_back(run);
    m_runById.insert(run.id, index);
    // The clock never runs backwards, so appending keeps the project's runs in start order.
    m_projects[size_t(project)].runsByStart.push_back(index);
    m_startedRuns[workflow].append(index);
    if (!clientToken.isEmpty())
        m_runByToken.insert(clientToken, index);
    ++m_runsCreated;
    return {Outcome::Created, index};
}

QString CodeCatalystState::statusName(RunStatus status)
{
    static const std::array<QString, 11> names {u"SUCCEEDED"_s, u"FAILED"_s, u"STOPPED"_s,
        u"SUPERSEDED"_s, u"CANCELLED"_s, u"NOT_RUN"_s, u"VALIDATING"_s, u"PROVISIONING"_s,
        u"IN_PROGRESS"_s, u"STOPPING"_s, u"ABANDONED"_s};
    return names[size_t(status)];
}

QString CodeCatalystState::runModeName(RunMode mode)
{
    switch (mode) {
    case RunMode::Queued:
        return u"QUEUED"_s;
    case RunMode::Parallel:
        return u"PARALLEL"_s;
    case RunMode::Superseded:
        return u"SUPERSEDED"_s;
    }
    return {};
}

QString CodeCatalystState::workflowStatusName(WorkflowStatus status)
{
    return status == WorkflowStatus::Invalid ? u"INVALID"_s : u"ACTIVE"_s;
}

bool CodeCatalystState::isTerminal(RunStatus status)
{
    switch (status) {
    case RunStatus::Validating:
    case RunStatus::Provisioning:
    case RunStatus::InProgress:
    case RunStatus::Stopping:
        return false;
    default:
        return true;
    }
}

} // namespace sw::sim
