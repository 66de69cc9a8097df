#include "watchpoller.h"

#include "awsgateway.h"
#include "observedtimes.h"

#include <QRandomGenerator>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

constexpr qint64 never = std::numeric_limits<qint64>::max();

WatchHealth::State classify(const aws::AwsError &error)
{
    using aws::ErrorKind;
    switch (error.kind) {
    case ErrorKind::Credentials:
        return WatchHealth::State::AuthError;
    case ErrorKind::Configuration:
    case ErrorKind::Validation:
        return WatchHealth::State::ConfigError;
    case ErrorKind::Network:
    case ErrorKind::Tls:
    case ErrorKind::Timeout:
        return WatchHealth::State::Offline;
    case ErrorKind::Service: {
        const QString &code = error.code;
        if (error.httpStatus == 401 || error.httpStatus == 403 || code.contains(u"AccessDenied")
            || code.contains(u"Forbidden") || code.contains(u"ExpiredToken")
            || code.contains(u"UnrecognizedClient") || code.contains(u"InvalidSignature"))
            return WatchHealth::State::AuthError;
        return WatchHealth::State::Degraded;
    }
    case ErrorKind::None:
    case ErrorKind::Malformed:
    case ErrorKind::Pagination:
    case ErrorKind::Aborted:
        return WatchHealth::State::Degraded;
    }
    return WatchHealth::State::Degraded;
}

} // namespace

WatchPoller::WatchPoller(Watch watch, AwsGateway *gateway, PollPolicy policy, QObject *parent)
    : QObject(parent), m_watch(std::move(watch)), m_gateway(gateway), m_policy(policy)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WatchPoller::schedule);
    connect(gateway, &AwsGateway::originReachable, this, &WatchPoller::onOriginReachable);
    m_health.paused = m_watch.paused;
    if (!m_watch.discovers() && m_watch.service != Service::CodeCatalyst) {
        for (const QString &id : std::as_const(m_watch.ids)) {
            Tracked t;
            t.snapshot = newSnapshot(id);
            m_tracked.insert(id, t);
            m_order.append(id);
        }
    }
}

WatchPoller::~WatchPoller() = default;

QList<WorkflowSnapshot> WatchPoller::snapshots() const
{
    QList<WorkflowSnapshot> list;
    list.reserve(m_order.size());
    for (const QString &id : m_order) {
        const auto it = m_tracked.constFind(id);
        if (it != m_tracked.cend())
            list.append(it->snapshot);
    }
    return list;
}

const WorkflowSnapshot *WatchPoller::snapshot(const QString &workflowId) const
{
    const auto it = m_tracked.constFind(workflowId);
    return it == m_tracked.cend() ? nullptr : &it->snapshot;
}

void WatchPoller::start()
{
    m_started = true;
    schedule();
}

void WatchPoller::setPaused(bool paused)
{
    m_watch.paused = paused;
    m_health.paused = paused;
    schedule();
    emit healthChanged(m_watch.id);
}

void WatchPoller::setGloballyPaused(bool paused)
{
    m_globallyPaused = paused;
    schedule();
}

void WatchPoller::refreshNow()
{
    m_notBeforeMs = 0;
    m_discoveryDueMs = 0;
    for (Tracked &t : m_tracked)
        t.dueMs = std::min<qint64>(t.dueMs, 0);
    // The configuration may have been fixed meanwhile. Looked up again when the next job
    // starts: a call in flight still needs the current one.
    m_configStale = true;
    schedule();
}

void WatchPoller::refreshWorkflow(const QString &workflowId)
{
    auto it = m_tracked.find(workflowId);
    if (it == m_tracked.end())
        return;
    // Ahead of everything merely due: the operator is waiting for this one.
    it->dueMs = -1;
    m_notBeforeMs = 0;
    schedule();
}

void WatchPoller::setFocus(const QString &workflowId)
{
    m_focus = workflowId;
    auto it = m_tracked.find(workflowId);
    if (it != m_tracked.end() && !it->snapshot.stepsLoaded) {
        it->dueMs = -1;
        schedule();
    }
}

WorkflowSnapshot WatchPoller::newSnapshot(const QString &workflowId) const
{
    WorkflowSnapshot s;
    s.key = workflowKey(m_watch.id, workflowId);
    s.watchId = m_watch.id;
    s.watchName = m_watch.displayName();
    s.service = m_watch.service;
    s.id = workflowId;
    switch (m_watch.service) {
    case Service::MigrationHubOrchestrator:
        s.scope = m_config ? m_config->region : m_watch.region;
        break;
    case Service::CustomerProfiles:
        s.scope = m_watch.domainName;
        break;
    case Service::ImageBuilder:
        s.scope = m_watch.imageBuildVersionArn;
        break;
    case Service::CodeCatalyst:
        s.scope = m_watch.spaceName + u'/' + m_watch.projectName;
        s.spaceName = m_watch.spaceName;
        s.projectName = m_watch.projectName;
        break;
    }
    return s;
}

// ---- scheduling ------------------------------------------------------------------------

qint64 WatchPoller::dueAfterPoll(const WorkflowSnapshot &snapshot, bool statusChanged) const
{
    const qint64 now = m_gateway->nowMs();
    const qint64 base = qint64(m_watch.intervalSeconds) * 1000;
    if (!m_policy.adaptive)
        return now + base;
    if (statusChanged) // things tend to change in runs: look again soon
        return now + std::max<qint64>(1000, base / 2);
    if (snapshot.id == m_focus || !isTerminal(snapshot.status))
        return now + base;
    // Spread the rare polls so that a fleet that finished together is not polled together.
    const double jitter = 0.9 + 0.2 * QRandomGenerator::global()->generateDouble();
    return now + qint64(double(m_watch.terminalIntervalSeconds) * 1000 * jitter);
}

qint64 WatchPoller::dueOnFirstSight(const WorkflowSnapshot &snapshot) const
{
    const qint64 now = m_gateway->nowMs();
    if (!m_policy.adaptive || !isTerminal(snapshot.status)
        || snapshot.status == UnifiedStatus::Failed)
        return now; // running, or failed and so perhaps to be retried: load its steps now
    // A Customer Profiles workflow's name is only in GetWorkflow (the listing has its type):
    // one request soon, so the row is named from the first poll (its steps wait for a look) —
    // after the running ones, which are due now.
    if (m_watch.service == Service::CustomerProfiles)
        return now + 1;
    // Finished well: its List entry says enough until the operator looks at it.
    return now
        + qint64(QRandomGenerator::global()->bounded(1.0) * m_watch.terminalIntervalSeconds * 1000);
}

void WatchPoller::schedule()
{
    if (m_busy)
        return;
    if (!m_started || m_watch.paused || m_globallyPaused) {
        m_timer.stop();
        m_health.nextPoll = {};
        m_health.retrying = false;
        return;
    }
    const qint64 now = m_gateway->nowMs();
    const bool discovers = m_watch.discovers() || m_watch.service == Service::CodeCatalyst;

    qint64 nextDue = discovers ? m_discoveryDueMs : never;
    QString nextId;
    const qint64 base = qint64(m_watch.intervalSeconds) * 1000;
    for (auto it = m_tracked.cbegin(); it != m_tracked.cend(); ++it) {
        qint64 due = it->dueMs;
        if (it.key() == m_focus && it->lastPolledMs >= 0)
            due = std::min(due, it->lastPolledMs + base);
        if (due < nextDue) {
            nextDue = due;
            nextId = it.key();
        }
    }
    if (nextDue == never) {
        m_timer.stop();
        m_health.nextPoll = {};
        m_health.retrying = false;
        return;
    }
    const qint64 startAt = std::max(nextDue, m_notBeforeMs);
    // Shown to the operator: a time to come (or now), never one that has passed.
    m_health.nextPoll =
        QDateTime::currentDateTimeUtc().addMSecs(std::max<qint64>(0, startAt - now));
    m_health.retrying = m_health.consecutiveFailures > 0 && m_notBeforeMs > nextDue;
    if (startAt > now) {
        m_timer.start(int(std::min<qint64>(startAt - now, std::numeric_limits<int>::max())));
        return;
    }
    m_busy = true;
    m_jobStartedMs = now;
    // Asked for by the operator (an action's confirmation, a selection): ahead in the budget,
    // and read in full.
    const auto next = nextId.isEmpty() ? m_tracked.cend() : m_tracked.constFind(nextId);
    m_jobUrgent = next != m_tracked.cend() && next->dueMs < 0;
    m_health.polling = true;
    m_health.nextPoll = {};
    m_health.lastAttempt = QDateTime::currentDateTimeUtc();
    if (!prepareConfig()) {
        endJob();
        return;
    }
    if (nextId.isEmpty())
        runDiscovery();
    else
        runDetail(nextId);
}

void WatchPoller::onOriginReachable(const QString &origin)
{
    // Another watch got through to the same endpoint: whatever this one waits out there is
    // over. What waiting cannot fix (credentials, configuration) keeps its wait.
    if (m_busy || origin != m_origin || m_health.consecutiveFailures == 0
        || m_lastFailure == PollBackoff::Failure::NeedsFixing)
        return;
    const qint64 soon =
        m_gateway->nowMs() + qint64(QRandomGenerator::global()->bounded(1000)); // no herd
    if (m_notBeforeMs <= soon)
        return;
    m_notBeforeMs = soon;
    schedule();
    emit healthChanged(m_watch.id);
}

bool WatchPoller::prepareConfig()
{
    if (m_config && !m_configStale)
        return true;
    m_configStale = false;
    aws::AwsError error;
    m_config = m_gateway->serviceConfig(m_watch, &error);
    if (!m_config) {
        m_budget.reset();
        jobFailed(error, {});
        return false;
    }
    m_budget = m_gateway->budget(*m_config);
    m_origin = AwsGateway::originOf(*m_config);
    m_health.region = m_config->region;
    // Polls keep the configured retry mode (standard: three attempts with the SDK's backoff),
    // so one throttled or failed request does not fail the poll; the retries leave the
    // budget alone, as the SDKs' do.
    return true;
}

void WatchPoller::acquireAndSend(std::function<void()> send)
{
    m_health.waitingForBudget = true;
    m_gateway->acquire(
        m_budget, this,
        [this, send = std::move(send)]() mutable {
            m_health.waitingForBudget = false;
            send();
        },
        m_jobUrgent);
}

void WatchPoller::noteReply(bool ok, int throttled, int attempts)
{
    // Every throttled attempt slows the shared budget, also when a retry then got through: the
    // retries inside a call must not hide from the budget what the service said.
    for (int i = 0; i < throttled; ++i)
        m_budget->onThrottled();
    if (ok)
        m_budget->onSuccess();
    m_gateway->countRequests(std::max(0, attempts - 1)); // the first was counted when sent
}

// ---- results (the requests themselves are in watchpollerjobs.cpp) ------------------------
void WatchPoller::mergeDiscovered(
    const QStringList &ids, const std::function<void(WorkflowSnapshot &, qsizetype)> &apply)
{
    QHash<QString, Tracked> tracked;
    tracked.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString &id = ids.at(i);
        auto old = m_tracked.find(id);
        if (old == m_tracked.end()) {
            Tracked t;
            t.snapshot = newSnapshot(id);
            apply(t.snapshot, i);
            t.dueMs = dueOnFirstSight(t.snapshot);
            tracked.insert(id, t);
            continue;
        }
        Tracked t = *old;
        const QString before = t.snapshot.rawStatus;
        apply(t.snapshot, i);
        if (t.snapshot.rawStatus != before)
            t.dueMs = std::min(t.dueMs, m_gateway->nowMs()); // look at what changed now
        tracked.insert(id, t);
    }
    m_tracked = std::move(tracked);
    m_order = ids;
    m_discoveryDueMs = m_policy.adaptive
        ? m_gateway->nowMs() + qint64(m_watch.discoveryIntervalSeconds) * 1000
        : m_gateway->nowMs() + qint64(m_watch.intervalSeconds) * 1000;
    emitWatchSnapshot();
    // The listing carries each workflow's status, except CodeCatalyst's, whose rows show their
    // latest run: only the runs poll confirms those.
    if (m_watch.service != Service::CodeCatalyst)
        emit watchConfirmed(m_watch.id, m_jobStartedMs);
    jobSucceeded();
}

void WatchPoller::finishDetail(const QString &workflowId, WorkflowSnapshot snapshot)
{
    auto it = m_tracked.find(workflowId);
    if (it == m_tracked.end()) { // dropped by a discovery meanwhile (cannot overlap, but safe)
        endJob();
        return;
    }
    carryObservedStepTimes(
        it->snapshot, snapshot, m_clock ? m_clock() : QDateTime::currentDateTimeUtc());
    const bool changed = !snapshot.sameAs(it->snapshot);
    const bool statusChanged =
        snapshot.rawStatus != it->snapshot.rawStatus && !it->snapshot.rawStatus.isEmpty();
    it->snapshot = std::move(snapshot);
    it->lastPolledMs = m_gateway->nowMs();
    it->dueMs = dueAfterPoll(it->snapshot, statusChanged);
    m_missingIds.removeAll(workflowId);
    const QString key = it->snapshot.key;
    if (changed)
        emit workflowSnapshot(it->snapshot);
    emit workflowConfirmed(key, m_jobStartedMs);
    jobSucceeded();
}

void WatchPoller::workflowNotFound(const QString &workflowId)
{
    const bool chosen = m_watch.ids.contains(workflowId);
    if (chosen && !m_missingIds.contains(workflowId))
        m_missingIds.append(workflowId);
    if (m_tracked.remove(workflowId) > 0) {
        m_order.removeAll(workflowId);
        emitWatchSnapshot();
    }
    // Reported through the missing ids, as one line for all of them.
    jobSucceeded();
}

void WatchPoller::jobFailed(const aws::AwsError &error, const QString &operation)
{
    const QString text = operation.isEmpty() ? error.message : error.describe(operation);
    const WatchHealth::State state = classify(error);
    const PollBackoff::Failure failure = PollBackoff::classify(error);
    // The wait grows with failures of the same kind in a row: throttles in between do not
    // make a server error wait as if it had failed every time.
    m_failureStreak =
        m_health.consecutiveFailures > 0 && failure == m_lastFailure ? m_failureStreak + 1 : 1;
    ++m_health.consecutiveFailures;
    m_lastFailure = failure;
    m_health.throttled = m_lastFailure == PollBackoff::Failure::Throttled;
    m_notBeforeMs = m_gateway->nowMs()
        + PollBackoff::delayMs(m_lastFailure, m_failureStreak,
            qint64(m_watch.intervalSeconds) * 1000, m_policy,
            QRandomGenerator::global()->generateDouble());
    if (state == WatchHealth::State::AuthError || state == WatchHealth::State::ConfigError)
        m_configStale = true; // look the credentials and configuration up again next time
    setHealth(state, text, error.code);
    endJob();
}

void WatchPoller::jobSucceeded()
{
    // A poll that worked ends the backoff (a later failure starts it over), here and for every
    // watch waiting out a failure at the same endpoint.
    m_health.consecutiveFailures = 0;
    m_failureStreak = 0;
    m_gateway->noteSuccess(m_origin);
    m_health.throttled = false;
    m_health.lastSuccess = QDateTime::currentDateTimeUtc();
    m_health.workflowCount = int(m_tracked.size());
    m_health.missingIds = m_missingIds;
    if (m_missingIds.isEmpty()) {
        setHealth(WatchHealth::State::Ok, {}, {});
    } else {
        setHealth(WatchHealth::State::Degraded, tr("Not found: %1").arg(m_missingIds.join(u", "_s)),
            u"ResourceNotFoundException"_s);
    }
    endJob();
}

void WatchPoller::endJob()
{
    m_busy = false;
    m_health.polling = false;
    m_health.waitingForBudget = false;
    schedule();
    // What schedule() decided (the next poll, a retry) is part of the health shown.
    emit healthChanged(m_watch.id);
}

// Announced by endJob(), which every job ends in.
void WatchPoller::setHealth(WatchHealth::State state, const QString &error, const QString &code)
{
    if (m_health.state != state || !m_health.since.isValid())
        m_health.since = QDateTime::currentDateTimeUtc();
    m_health.state = state;
    if (!error.isEmpty() || state == WatchHealth::State::Ok) {
        m_health.lastError = error;
        m_health.lastErrorCode = code;
    }
}

void WatchPoller::emitWatchSnapshot()
{
    emit watchSnapshot(m_watch.id, snapshots());
}

} // namespace sw
