#include "awsclient.h"

using namespace Qt::StringLiterals;

namespace sw::aws {

AwsClient::AwsClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{
}

AwsClient::~AwsClient() = default;

AwsReply *AwsClient::send(const ServiceConfig &config, const OperationSpec &operation,
    const QJsonObject &params, CallOptions options)
{
    // One quota per service endpoint: an outage of one service must not stop retries to
    // another, as each SDK client has its own.
    const QString key = config.service->modelId + u'|' + config.endpoint.toString();
    std::shared_ptr<RetryQuota> &quota = m_quotas[key];
    if (!quota)
        quota = std::make_shared<RetryQuota>();
    auto *reply = new AwsReply(m_network, quota, config, operation, params, options, m_debug, this);
    // The reply may outlive this client's quota map entry only if the client dies first, in
    // which case the reply (a child) dies with it.
    return reply;
}

AwsError AwsClient::malformedResponse(
    const OperationSpec &operation, const QStringList &errors, const QString &requestId)
{
    AwsError e;
    e.kind = ErrorKind::Malformed;
    e.requestId = requestId;
    e.message = tr("The %1 response does not match the service model: %2")
                    .arg(operation.name, errors.join(u"; "_s));
    return e;
}

} // namespace sw::aws
