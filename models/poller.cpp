#include "poller.h"

#include "awsgateway.h"
#include "watchpoller.h"

namespace sw {

Poller::Poller(AwsGateway *gateway, PollPolicy policy, QObject *parent)
    : QObject(parent), m_gateway(gateway), m_policy(policy)
{
}

Poller::~Poller() = default;

void Poller::setWatches(const QList<Watch> &watches)
{
    QSet<QString> wanted;
    for (const Watch &w : watches)
        wanted.insert(w.id);
    const QList<Watch> current = this->watches();
    for (const Watch &w : current) {
        if (!wanted.contains(w.id))
            removeWatch(w.id);
    }
    for (const Watch &w : watches)
        addWatch(w);
}

WatchPoller *Poller::find(QStringView watchId) const
{
    for (const auto &p : m_pollers) {
        if (p->watch().id == watchId)
            return p.get();
    }
    return nullptr;
}

void Poller::addWatch(const Watch &watch)
{
    if (WatchPoller *existing = find(watch.id)) {
        if (existing->watch() == watch)
            return;
        Watch withPause = existing->watch();
        withPause.paused = watch.paused;
        if (withPause == watch) { // only paused or resumed: keep what it knows
            existing->setPaused(watch.paused);
            return;
        }
        removeWatch(watch.id);
    }
    auto poller = std::make_unique<WatchPoller>(watch, m_gateway, m_policy);
    poller->setClock(m_clock);
    connect(poller.get(), &WatchPoller::watchSnapshot, this, &Poller::watchSnapshot);
    connect(poller.get(), &WatchPoller::workflowSnapshot, this, &Poller::workflowSnapshot);
    connect(poller.get(), &WatchPoller::workflowConfirmed, this, &Poller::workflowConfirmed);
    connect(poller.get(), &WatchPoller::watchConfirmed, this, &Poller::watchConfirmed);
    connect(poller.get(), &WatchPoller::healthChanged, this, &Poller::healthChanged);
    poller->setGloballyPaused(m_paused);
    // The operator may have selected one of its workflows before the watch came (back).
    if (m_focus.startsWith(watch.id + u'/'))
        poller->setFocus(m_focus.mid(watch.id.size() + 1));
    WatchPoller *raw = poller.get();
    m_pollers.push_back(std::move(poller));
    emit healthChanged(watch.id);
    raw->start();
}

void Poller::removeWatch(const QString &watchId)
{
    for (auto it = m_pollers.begin(); it != m_pollers.end(); ++it) {
        if ((*it)->watch().id == watchId) {
            m_pollers.erase(it); // aborts its call in flight
            emit watchRemoved(watchId);
            return;
        }
    }
}

QList<Watch> Poller::watches() const
{
    QList<Watch> list;
    for (const auto &p : m_pollers)
        list.append(p->watch());
    return list;
}

std::optional<Watch> Poller::watch(const QString &watchId) const
{
    if (const WatchPoller *p = find(watchId))
        return p->watch();
    return std::nullopt;
}

bool Poller::hasWatch(const QString &watchId) const
{
    return find(watchId) != nullptr;
}

WatchHealth Poller::health(const QString &watchId) const
{
    const WatchPoller *p = find(watchId);
    return p ? p->health() : WatchHealth();
}

WatchPoller *Poller::pollerFor(const QString &workflowKey, QString *workflowId) const
{
    // Keys are "<watch id>/<workflow id>"; watch ids never contain '/'.
    const qsizetype slash = workflowKey.indexOf(u'/');
    if (slash < 0)
        return nullptr;
    WatchPoller *p = find(QStringView(workflowKey).left(slash));
    if (p && workflowId)
        *workflowId = workflowKey.mid(slash + 1);
    return p;
}

const WorkflowSnapshot *Poller::workflow(const QString &workflowKey) const
{
    QString id;
    WatchPoller *p = pollerFor(workflowKey, &id);
    return p ? p->snapshot(id) : nullptr;
}

void Poller::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    for (auto &p : m_pollers)
        p->setGloballyPaused(paused);
    emit pausedChanged(paused);
}

void Poller::setWatchPaused(const QString &watchId, bool paused)
{
    if (WatchPoller *p = find(watchId))
        p->setPaused(paused);
}

void Poller::refreshNow()
{
    for (auto &p : m_pollers)
        p->refreshNow();
}

void Poller::refreshWatch(const QString &watchId)
{
    if (WatchPoller *p = find(watchId))
        p->refreshNow();
}

void Poller::refreshWorkflow(const QString &workflowKey)
{
    QString id;
    if (WatchPoller *p = pollerFor(workflowKey, &id))
        p->refreshWorkflow(id);
}

void Poller::setFocus(const QString &workflowKey)
{
    if (WatchPoller *old = pollerFor(m_focus, nullptr))
        old->setFocus({});
    m_focus = workflowKey;
    QString id;
    if (WatchPoller *p = pollerFor(workflowKey, &id))
        p->setFocus(id);
}

void Poller::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    for (const auto &poller : m_pollers)
        poller->setClock(m_clock);
}

} // namespace sw
