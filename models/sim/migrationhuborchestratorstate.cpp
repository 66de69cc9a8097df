#include "migrationhuborchestratorstate.h"

#include "migrationhuborchestratortables.h"
#include "servicesimulator.h"
#include "simclock.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sw::sim::mho {

namespace {

quint64 mix(quint64 x) // splitmix64: ids and per-step outcomes independent of request order
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// Group and step ids carry their index in the low byte, so a lookup is one comparison.
QString id(QStringView prefix, quint64 salt, int index)
{
    const quint64 n =
        ((mix(salt * 64 + quint64(index)) & ~0xFFull) | quint64(index)) & 0xFFFFFFFFFFull;
    return prefix.toString() + QString::number(n, 16).rightJustified(10, u'0');
}

QRandomGenerator seeded(quint64 seed)
{
    const quint32 words[2] = {quint32(seed), quint32(seed >> 32)};
    return QRandomGenerator(words);
}

constexpr qint64 minTime = std::numeric_limits<qint64>::min();

} // namespace

MigrationHubOrchestratorState::MigrationHubOrchestratorState(
    const SimOptions &options, SimClock &clock)
    : m_clock(clock), m_seed(options.seed), m_baseMs(clock.nowMs())
{
    const int count = std::max(0, options.workflowsPerService);
    m_workflows.reserve(size_t(count));
    m_steps.reserve(size_t(count) * 17);
    m_index.reserve(count);
    QRandomGenerator random = seeded(mix(m_seed));
    // Every ten workflows hold the same mix of roles, so a demo-sized set shows each of them.
    std::array<Role, 10> bag {Role::NotStarted, Role::NotStarted, Role::Completed, Role::Completed,
        Role::Paused, Role::InProgress, Role::InProgress, Role::InProgress, Role::InProgress,
        Role::InProgress};
    for (int i = 0; i < count; ++i) {
        if (i % 10 == 0) {
            for (int j = 9; j > 0; --j)
                std::swap(bag[size_t(j)], bag[size_t(random.bounded(j + 1))]);
            if (i == 0) // the first one runs, so there is always something to watch
                std::swap(bag[0], *std::find(bag.begin(), bag.end(), Role::InProgress));
        }
        generate(random, bag[size_t(i % 10)]);
    }
    m_cache.resize(m_workflows.size());
    ensureEarlyFailure();
}

void MigrationHubOrchestratorState::generate(QRandomGenerator &random, Role role)
{
    Workflow w {};
    do {
        w.idNumber = random.generate64() & 0xFFFFFFFFFFull;
    } while (m_index.contains(w.idNumber));
    w.firstStep = quint32(m_steps.size());
    w.app = quint8(random.bounded(int(applications.size())));
    w.wave = quint8(1 + random.bounded(9));
    w.servers = quint8(1 + random.bounded(40));
    w.serverBase = quint16(random.bounded(900));
    w.role = role;
    const bool clean = role == Role::Completed || role == Role::Paused; // nothing failed
    qint64 totalSec = 0; // the nominal length: the longest step of each layer, added up
    for (int kind = 0; kind < maxGroups; ++kind) {
        if ((kind == 1 || kind == 4) && random.bounded(2) == 0)
            continue;
        const int size = 2 + random.bounded(maxStepsPerGroup - 1);
        w.groupKind[w.groupCount++] = quint8(kind);
        w.groupStart[w.groupCount] = quint8(w.groupStart[w.groupCount - 1] + size);
        int need = size; // an ordered sample of `size` of the kind's six steps
        Step step {};
        qint64 longest = 0;
        for (int k = 0; k < maxStepsPerGroup && need > 0; ++k) {
            if (random.bounded(maxStepsPerGroup - k) >= need)
                continue;
            const StepKind &sk = stepKinds()[size_t(kind * maxStepsPerGroup + k)];
            if (need-- != size && random.bounded(4) != 0) {
                ++step.layer; // mostly one after another, sometimes alongside the previous one
                totalSec += std::exchange(longest, 0);
            }
            step.kind = quint8(kind * maxStepsPerGroup + k);
            step.flags = (sk.manual ? Manual : 0) | (sk.allServers ? AllServers : 0);
            if (random.bounded(sk.manual ? 3 : 10) == 0)
                step.flags |= Custom;
            // About one automated step in seven fails; manual ones wait for people instead.
            if (random.bounded(100) < (sk.manual ? 40 : clean ? 0 : 15))
                step.flags |= sk.manual ? Attention : Fails;
            const int base = sk.manual ? 180 + random.bounded(721) : 120 + random.bounded(481);
            step.durationSec = quint16(base + (sk.allServers ? 6 * w.servers : 0));
            longest = std::max<qint64>(longest, step.durationSec);
            m_steps.push_back(step);
        }
        totalSec += longest;
    }
    const double f = random.generateDouble();
    if (role == Role::NotStarted) {
        w.startSec = 600 + random.bounded(3 * 3600);
    } else if (role == Role::Completed) {
        w.startSec = qint32(-(totalSec + 3600 + random.bounded(3 * 86400)));
    } else if (role == Role::Paused) {
        w.startSec = qint32(-totalSec * (0.3 + 0.6 * f));
        w.pauseSec = qint32(w.startSec * (0.1 + 0.6 * random.generateDouble()));
    } else {
        w.startSec = qint32(-totalSec * (0.02 + 0.58 * f));
    }
    w.creationSec = std::min(0, w.startSec) - (300 + random.bounded(2 * 86400));
    m_index.insert(w.idNumber, quint32(m_workflows.size()));
    m_workflows.push_back(w);
}

// A demo must show a failure early, whatever the seed: if none happens within 50 simulated
// minutes (under a minute of a 60x demo, with a margin), the earliest automated step ending in
// that time (after its first minute, so that it is seen running first) is made to fail.
void MigrationHubOrchestratorState::ensureEarlyFailure()
{
    constexpr qint64 windowMs = 50 * 60 * 1000;
    std::array<Times, maxSteps> times;
    qint64 bestRank = never;
    quint32 best = 0;
    for (const Workflow &w : m_workflows) {
        schedule(w, times);
        for (int k = 0; k < w.groupStart[w.groupCount]; ++k) {
            const Times &t = times[size_t(k)];
            if (t.start == never || t.end > windowMs)
                continue;
            if (t.fails)
                return;
            if (t.end <= 0)
                continue;
            const qint64 rank = t.end < 60000 ? t.end + windowMs : t.end;
            const bool automated = !(m_steps[w.firstStep + quint32(k)].flags & Manual);
            if (automated && w.role != Role::Paused && rank < bestRank) {
                bestRank = rank;
                best = w.firstStep + quint32(k);
            }
        }
    }
    if (bestRank != never)
        m_steps[best].flags |= Fails;
}

// When each step starts and ends: a layer starts when the previous one has ended; a failed
// step holds back everything after its layer until a retry of it succeeds.
void MigrationHubOrchestratorState::schedule(
    const Workflow &w, std::array<Times, maxSteps> &out) const
{
    qint64 layerStart = qint64(w.startSec) * 1000;
    bool blocked = false;
    for (int g = 0; g < w.groupCount; ++g) {
        for (int k = w.groupStart[g], end = w.groupStart[g + 1]; k < end;) {
            const quint8 layer = m_steps[w.firstStep + quint32(k)].layer;
            qint64 layerEnd = layerStart;
            bool failed = false;
            for (; k < end && m_steps[w.firstStep + quint32(k)].layer == layer; ++k) {
                const Step &s = m_steps[w.firstStep + quint32(k)];
                Times &t = out[size_t(k)];
                // Behind a failure nothing starts; and a blocked layer's start is `never`,
                // to which no duration may be added (signed overflow, found by UBSan).
                if (blocked) {
                    t = {never, never, false, 0};
                } else {
                    t = {layerStart, layerStart + qint64(s.durationSec) * 1000,
                        (s.flags & Fails) != 0, 0};
                    const auto it = w.retried ? m_retries.constFind(w.firstStep + quint32(k))
                                              : m_retries.constEnd();
                    if (it != m_retries.constEnd())
                        t = {it->atMs, it->atMs + it->durationMs, it->failsAgain, it->attempt};
                }
                layerEnd = std::max(layerEnd, t.end);
                failed = failed || t.fails;
            }
            blocked = blocked || failed;
            layerStart = layerEnd;
        }
    }
}

qint64 MigrationHubOrchestratorState::nowRel() const
{
    return m_clock.nowMs() - m_baseMs;
}

MigrationHubOrchestratorState::Evaluation MigrationHubOrchestratorState::evaluate(
    int workflow) const
{
    const Workflow &w = m_workflows[size_t(workflow)];
    Evaluation e;
    schedule(w, e.times);
    const qint64 startMs = qint64(w.startSec) * 1000;
    const qint64 pauseMs = w.role == Role::Paused ? qint64(w.pauseSec) * 1000 : never;
    e.paused = nowRel() >= pauseMs;
    e.now = std::min(nowRel(), pauseMs); // a paused workflow stands still
    Cached &c = e.summary;
    c.validUntilMs = never;
    c.lastModifiedMs = qint64(w.creationSec) * 1000;
    const auto event = [&](qint64 at) {
        if (at <= e.now)
            c.lastModifiedMs = std::max(c.lastModifiedMs, at);
        else if (!e.paused)
            c.validUntilMs = std::min(c.validUntilMs, at);
    };
    event(startMs);
    event(pauseMs);
    const int count = w.groupStart[w.groupCount];
    int failed = -1, attention = -1, running = -1;
    qint64 lastEnd = startMs; // the end of the last step to finish, once all have

    for (int k = 0; k < count; ++k) {
        const Times &t = e.times[size_t(k)];
        const Step &s = m_steps[w.firstStep + quint32(k)];
        event(t.start);
        event(t.end);
        StepStatus &status = e.status[size_t(k)];
        if (e.now < t.start || (e.paused && t.start == pauseMs)) {
            const bool root = k < w.groupStart[1] && s.layer == 0;
            status = root && e.now < startMs ? StepStatus::Ready : StepStatus::AwaitingDependencies;
        } else if (e.now < t.end) {
            status = e.paused                ? StepStatus::Paused
                : (s.flags & Attention) != 0 ? StepStatus::UserAttentionRequired
                                             : StepStatus::InProgress;
            running = running < 0 ? k : running;
            attention = attention < 0 && (s.flags & Attention) ? k : attention;
        } else if (t.fails) {
            status = StepStatus::Failed;
            failed = failed < 0 ? k : failed;
        } else {
            status = StepStatus::Completed;
            ++c.completed;
            lastEnd = std::max(lastEnd, t.end);
        }
    }
    c.endMs = c.completed == count ? lastEnd : never;
    if (e.now < startMs)
        c.status = WorkflowStatus::NotStarted;
    else if (c.endMs != never)
        c.status = WorkflowStatus::Completed;
    else if (e.paused)
        c.status = WorkflowStatus::Paused;
    else if (failed >= 0)
        c.status = WorkflowStatus::WorkflowFailed;
    else
        c.status =
            attention >= 0 ? WorkflowStatus::UserAttentionRequired : WorkflowStatus::InProgress;
    c.focus = quint8(std::max(0, failed >= 0 ? failed : attention >= 0 ? attention : running));
    return e;
}

const MigrationHubOrchestratorState::Cached &MigrationHubOrchestratorState::cached(int workflow)
{
    Cached &c = m_cache[size_t(workflow)];
    if (nowRel() >= c.validUntilMs)
        c = evaluate(workflow).summary;
    return c;
}

int MigrationHubOrchestratorState::findWorkflow(const QString &id) const
{
    bool ok = false;
    const auto it = m_index.constFind(QStringView(id).mid(3).toULongLong(&ok, 16));
    // Comparing the whole text rejects other spellings of the same number.
    return ok && it != m_index.constEnd() && workflowId(m_workflows[*it]) == id ? int(*it) : -1;
}

int MigrationHubOrchestratorState::findGroup(int workflow, const QString &id) const
{
    const Workflow &w = m_workflows[size_t(workflow)];
    const int g = int(QStringView(id).right(2).toUInt(nullptr, 16));
    return g < w.groupCount && groupId(w, g) == id ? g : -1;
}

int MigrationHubOrchestratorState::findStep(int workflow, int group, const QString &id) const
{
    const Workflow &w = m_workflows[size_t(workflow)];
    const int k = int(QStringView(id).right(2).toUInt(nullptr, 16));
    const bool ours = k >= w.groupStart[group] && k < w.groupStart[group + 1] && stepId(w, k) == id;
    return ours ? k - w.groupStart[group] : -1;
}

QString MigrationHubOrchestratorState::workflowId(const Workflow &w) const
{
    return u"mw-"_s + QString::number(w.idNumber, 16).rightJustified(10, u'0');
}

QString MigrationHubOrchestratorState::groupId(const Workflow &w, int group) const
{
    return id(u"sg-", w.idNumber, group);
}

QString MigrationHubOrchestratorState::stepId(const Workflow &w, int step) const
{
    return id(u"st-", ~w.idNumber, step);
}

QString MigrationHubOrchestratorState::workflowName(const Workflow &w) const
{
    const Application &app = applications[w.app];
    return u"Wave %1 \u2013 %2 %3"_s.arg(QString::number(w.wave), app.name.toString(),
        templates[size_t(app.templateIndex)].verb.toString());
}

QString MigrationHubOrchestratorState::serverName(const Workflow &w, quint64 salt) const
{
    return u"srv-%1"_s.arg(1 + w.serverBase + int(salt % w.servers), 3, 10, QChar(u'0'));
}

quint64 MigrationHubOrchestratorState::stepHash(const Workflow &w, int step, quint16 attempt) const
{
    return mix(m_seed ^ mix(w.idNumber * 64 + quint64(step)) ^ (quint64(attempt) << 48));
}

QString MigrationHubOrchestratorState::problem(const Workflow &w, int step, quint16 attempt) const
{
    const Step &s = m_steps[w.firstStep + quint32(step)];
    const quint64 salt = (s.flags & Manual) ? 0 : stepHash(w, step, attempt);
    return stepKinds()[s.kind].problemOn(serverName(w, salt));
}

QString MigrationHubOrchestratorState::statusMessage(const Workflow &w, const Cached &c) const
{
    int group = 0;
    while (group + 1 < w.groupCount && w.groupStart[group + 1] <= c.focus)
        ++group;
    const QString groupName = groupNames[w.groupKind[size_t(group)]].toString();
    const QString step = stepKinds()[m_steps[w.firstStep + c.focus].kind].name.toString();
    const auto it = m_retries.constFind(w.firstStep + c.focus);
    const QString problem = this->problem(w, c.focus, it == m_retries.constEnd() ? 0 : it->attempt);
    if (c.status == WorkflowStatus::NotStarted)
        return u"Workflow is ready to start."_s;
    if (c.status == WorkflowStatus::InProgress)
        return u"Running step group '%1'."_s.arg(groupName);
    if (c.status == WorkflowStatus::Paused)
        return u"Paused by an operator during step group '%1'."_s.arg(groupName);
    if (c.status == WorkflowStatus::Completed)
        return u"Migration workflow completed."_s;
    const bool failed = c.status == WorkflowStatus::WorkflowFailed;
    return u"Step '%1' in step group '%2' %3: %4"_s.arg(
        step, groupName, failed ? u"failed"_s : u"needs attention"_s, problem);
}

bool MigrationHubOrchestratorState::matches(int workflow, const Filter &filter)
{
    const Workflow &w = m_workflows[size_t(workflow)];
    const Application &app = applications[w.app];
    return (filter.templateId.isEmpty()
               || templates[size_t(app.templateIndex)].id == filter.templateId)
        && (filter.applicationName.isEmpty() || app.name == filter.applicationName)
        && (filter.name.isEmpty() || workflowName(w) == filter.name)
        && (!filter.status || cached(workflow).status == *filter.status);
}

WorkflowSummary MigrationHubOrchestratorState::summary(int workflow)
{
    const Workflow &w = m_workflows[size_t(workflow)];
    const Application &app = applications[w.app];
    const Cached &c = cached(workflow);
    WorkflowSummary s {workflowId(w), workflowName(w),
        templates[size_t(app.templateIndex)].id.toString(), app.name.toString(),
        statusMessage(w, c), c.status, m_baseMs + qint64(w.creationSec) * 1000, std::nullopt,
        c.completed, w.groupStart[w.groupCount]};
    if (c.endMs != never)
        s.endMs = m_baseMs + c.endMs;
    return s;
}

WorkflowDetails MigrationHubOrchestratorState::details(int workflow)
{
    const Workflow &w = m_workflows[size_t(workflow)];
    const Template &t = templates[size_t(applications[w.app].templateIndex)];
    WorkflowDetails d;
    d.summary = summary(workflow);
    const Cached &c = cached(workflow);
    d.templateName = t.name.toString();
    d.templateVerb = t.verb.toString();
    d.tools = {{t.tool.toString(), t.toolUrl.toString()},
        {u"AWS Migration Hub"_s, u"https://console.aws.amazon.com/migrationhub/home?region=%1"_s}};
    d.applicationConfigurationId = u"d-application-0"_s
        + QString::number(mix(m_seed * 131 + w.app), 16).rightJustified(16, u'0');
    d.wave = w.wave;
    for (int i = 0; i < w.servers; ++i)
        d.servers.append(serverName(w, quint64(i)));
    if (c.status != WorkflowStatus::NotStarted)
        d.lastStartMs = m_baseMs + qint64(w.startSec) * 1000;
    if (c.status == WorkflowStatus::Paused)
        d.lastStopMs = m_baseMs + qint64(w.pauseSec) * 1000;
    d.lastModifiedMs = m_baseMs + c.lastModifiedMs;
    return d;
}

QList<GroupView> MigrationHubOrchestratorState::groups(int workflow) const
{
    const Workflow &w = m_workflows[size_t(workflow)];
    const Evaluation e = evaluate(workflow);
    QList<GroupView> out;
    for (int g = 0; g < w.groupCount; ++g) {
        GroupView v {groupId(w, g), groupNames[w.groupKind[size_t(g)]].toString(),
            w.groupKind[size_t(g)] == 4, StepStatus::AwaitingDependencies, {}, {}};
        if (g > 0)
            v.previous.append(groupId(w, g - 1));
        if (g + 1 < w.groupCount)
            v.next.append(groupId(w, g + 1));
        std::array<int, 7> n {};
        for (int k = w.groupStart[g]; k < w.groupStart[g + 1]; ++k)
            ++n[size_t(e.status[size_t(k)])];
        const int done = n[size_t(StepStatus::Completed)];
        if (done > 0) // started: IN_PROGRESS unless a more pressing status below
            v.status = e.paused ? StepStatus::Paused : StepStatus::InProgress;
        for (StepStatus s : {StepStatus::Ready, StepStatus::InProgress, StepStatus::Paused,
                 StepStatus::UserAttentionRequired, StepStatus::Failed}) {
            if (n[size_t(s)] > 0)
                v.status = s;
        }
        if (done == w.groupStart[g + 1] - w.groupStart[g])
            v.status = StepStatus::Completed;
        out.append(v);
    }
    return out;
}

QList<StepView> MigrationHubOrchestratorState::steps(int workflow, int group) const
{
    const Workflow &w = m_workflows[size_t(workflow)];
    const Evaluation e = evaluate(workflow);
    QList<StepView> out;
    for (int k = w.groupStart[group]; k < w.groupStart[group + 1]; ++k) {
        const Step &s = m_steps[w.firstStep + quint32(k)];
        const StepKind &kind = stepKinds()[s.kind];
        const Times &t = e.times[size_t(k)];
        StepView v {stepId(w, k), kind.name.toString(), kind.description.toString(),
            kind.script.toString(), {}, (s.flags & Manual) != 0, (s.flags & Custom) != 0,
            e.status[size_t(k)], 0, 0, (s.flags & AllServers) ? w.servers : 1, {}, {}};
        for (int j = w.groupStart[group]; j < w.groupStart[group + 1]; ++j) {
            const int layer = m_steps[w.firstStep + quint32(j)].layer;
            if (layer + 1 == s.layer)
                v.previous.append(stepId(w, j));
            else if (layer == s.layer + 1)
                v.next.append(stepId(w, j));
        }
        if (v.status == StepStatus::Completed) {
            v.serversCompleted = v.serversTotal;
        } else if (v.status == StepStatus::Failed) {
            const quint64 h = stepHash(w, k, t.attempt);
            v.serversFailed = 1 + int(h % quint64(std::min(3, v.serversTotal)));
            v.serversCompleted = v.serversTotal - v.serversFailed;
            v.statusMessage = problem(w, k, t.attempt);
        } else if (v.status >= StepStatus::InProgress) { // running or paused: servers progress
            v.serversCompleted = int(v.serversTotal * (e.now - t.start) / (t.end - t.start));
            if (v.status == StepStatus::UserAttentionRequired)
                v.statusMessage = problem(w, k, t.attempt);
            else if (v.status == StepStatus::Paused)
                v.statusMessage = u"Paused by an operator."_s;
            else if (t.attempt > 0)
                v.statusMessage = u"Retry %1 in progress."_s.arg(t.attempt);
        }
        out.append(v);
    }
    return out;
}

RetryResult MigrationHubOrchestratorState::retry(int workflow, int group, int step)
{
    Workflow &w = m_workflows[size_t(workflow)];
    const Evaluation e = evaluate(workflow);
    const int k = w.groupStart[group] + step;
    const quint16 attempt = e.times[size_t(k)].attempt;
    RetryResult result {RetryOutcome::NotFailed, e.status[size_t(k)],
        stepKinds()[m_steps[w.firstStep + quint32(k)].kind].name.toString()};
    if (result.status == StepStatus::InProgress && attempt > 0) {
        result.outcome = RetryOutcome::AlreadyRetrying;
    } else if (result.status == StepStatus::Failed) {
        // Seeded by step and attempt, so the outcome does not depend on what else was retried.
        const quint64 h = stepHash(w, k, quint16(attempt + 1));
        QRandomGenerator random = seeded(h);
        const qint32 durationMs = 1000 * (60 + random.bounded(241));
        m_retries.insert(w.firstStep + quint32(k),
            {e.now, durationMs, quint16(attempt + 1), random.bounded(100) < 15});
        w.retried = true;
        m_cache[size_t(workflow)].validUntilMs = minTime;
        ++m_retriesApplied;
        result = {RetryOutcome::Applied, StepStatus::InProgress, result.stepName};
    }
    return result;
}

} // namespace sw::sim::mho
