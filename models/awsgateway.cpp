#include "awsgateway.h"

#include "aws/serviceregistry.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sw {

AwsGateway::AwsGateway(QNetworkAccessManager *network, Settings settings, QObject *parent)
    : QObject(parent), m_network(network), m_settings(std::move(settings)), m_client(network)
{
    m_clock.start();
}

AwsGateway::~AwsGateway() = default;

std::optional<aws::ServiceConfig> AwsGateway::serviceConfig(
    const Watch &watch, aws::AwsError *error)
{
    const QString sessionKey = watch.profile + u'\n' + watch.region + u'\n' + watch.endpointUrl;
    std::shared_ptr<aws::AwsSession> &session = m_sessions[sessionKey];
    if (!session) {
        aws::ClientOptions options;
        options.profile = watch.profile;
        options.region = watch.region;
        options.endpointUrl = watch.endpointUrl;
        options.timeoutMs = m_settings.timeoutMs;
        options.attemptTimeoutMs = m_settings.attemptTimeoutMs;
        options.userAgentProduct = m_settings.userAgentProduct;
        session = std::make_shared<aws::AwsSession>(m_settings.environment, options);
    }
    const aws::ServiceSpec *spec = aws::findServiceByCliName(serviceId(watch.service));
    if (!spec) {
        if (error) {
            error->kind = aws::ErrorKind::Configuration;
            error->message = tr("Unknown service %1.").arg(serviceId(watch.service));
        }
        return std::nullopt;
    }
    return session->serviceConfig(*spec, error);
}

void AwsGateway::reloadConfiguration()
{
    m_sessions.clear();
}

std::shared_ptr<RequestBudget> AwsGateway::budget(const aws::ServiceConfig &config)
{
    // AWS throttles per account, region and service; the endpoint host stands in for the
    // account's view of "region and service" when a custom endpoint is used.
    const QString key = config.service->modelId + u'/' + config.region + u'/'
        + config.endpoint.host(QUrl::FullyEncoded) + u':' + QString::number(config.endpoint.port());
    std::shared_ptr<RequestBudget> &budget = m_budgets[key];
    if (!budget)
        budget = std::make_shared<RequestBudget>(m_settings.requestsPerSecond);
    return budget;
}

void AwsGateway::acquire(const std::shared_ptr<RequestBudget> &budget, QObject *context,
    std::function<void()> go, bool urgent)
{
    WaitQueue &queue = m_queues[budget.get()];
    queue.budget = budget;
    if (queue.waiters.empty() && budget->tryTake(nowMs())) {
        go();
        return;
    }
    if (urgent) // after the other urgent ones, before everything merely due
        queue.waiters.insert(std::find_if(queue.waiters.begin(), queue.waiters.end(),
                                 [](const Waiter &w) { return !w.urgent; }),
            Waiter {context, std::move(go), true});
    else
        queue.waiters.push_back({context, std::move(go), false});
    if (!queue.timer) {
        queue.timer = new QTimer(this);
        queue.timer->setSingleShot(true);
        RequestBudget *key = budget.get();
        connect(queue.timer, &QTimer::timeout, this, [this, key] { serve(key); });
    }
    if (!queue.timer->isActive())
        queue.timer->start(int(std::max<qint64>(1, budget->msUntilAvailable(nowMs()))));
}

void AwsGateway::serve(RequestBudget *key)
{
    const auto it = m_queues.find(key);
    if (it == m_queues.end())
        return;
    std::shared_ptr<RequestBudget> budget = it->budget.lock();
    std::vector<Waiter> ready;
    while (budget && !it->waiters.empty()) {
        if (!it->waiters.front().context) { // gone while it waited: its turn passes
            it->waiters.pop_front();
            continue;
        }
        if (!budget->tryTake(nowMs()))
            break;
        ready.push_back(std::move(it->waiters.front()));
        it->waiters.pop_front();
    }
    if (!budget || it->waiters.empty()) {
        it->timer->deleteLater();
        m_queues.erase(it);
    } else {
        it->timer->start(int(std::max<qint64>(1, budget->msUntilAvailable(nowMs()))));
    }
    // Last: a callback may acquire again, which touches m_queues, or end another waiter.
    for (const Waiter &waiter : ready) {
        if (waiter.context)
            waiter.go();
    }
}

int AwsGateway::waitingFor(const std::shared_ptr<RequestBudget> &budget) const
{
    const auto it = m_queues.constFind(budget.get());
    return it == m_queues.cend() ? 0 : int(it->waiters.size());
}

QString AwsGateway::originOf(const aws::ServiceConfig &config)
{
    return config.endpoint.scheme() + u"://"_s + config.endpoint.host(QUrl::FullyEncoded) + u':'
        + QString::number(config.endpoint.port(config.endpoint.scheme() == u"http" ? 80 : 443));
}

void AwsGateway::noteSuccess(const QString &origin)
{
    emit originReachable(origin);
}

void AwsGateway::countRequest()
{
    countRequests(1);
}

void AwsGateway::countRequests(int n)
{
    if (n <= 0)
        return;
    for (int i = 0; i < n; ++i)
        m_recentRequests.push_back(nowMs());
    requestsInLastMinute(); // drops the old ones
    emit requestCountChanged();
}

int AwsGateway::requestsInLastMinute() const
{
    const qint64 cutoff = nowMs() - 60000;
    while (!m_recentRequests.empty() && m_recentRequests.front() < cutoff)
        m_recentRequests.pop_front();
    return int(m_recentRequests.size());
}

} // namespace sw
