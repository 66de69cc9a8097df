#pragma once

#include "awsreply.h"
#include "clientconfig.h"
#include "jsonreader.h"
#include "requestserializer.h"
#include "retrypolicy.h"

#include <QHash>
#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace sw::aws {

/// The checks send() makes before anything goes out, for a form that wants to show them
/// first: every documented constraint of Op's input, worded like botocore.
template<class Op>
QList<ValidationIssue> validateRequest(const typename Op::Request &request)
{
    return validateParams(Op::spec(), request.toParams());
}

/// The result of a typed call: the response, or the error that ended the call.
template<class Op>
struct Outcome {
    typename Op::Response response;
    AwsError error;
    int attempts = 0;
    int throttledAttempts = 0; ///< of those, the ones the service throttled
    QString requestId;
    QJsonObject params; ///< as sent, with a generated idempotency token

    bool ok() const { return !error.isError(); }
};

/// Calls the four services through one injected QNetworkAccessManager. Stateless per call
/// apart from the retry quota, which it keeps per service endpoint as the SDKs keep one per
/// client. Many calls may be in flight at once.
///
///     client.call<mho::RetryWorkflowStep>(config, {stepId, groupId, workflowId}, this,
///                                         [](const auto &outcome) { ... });
class AwsClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AwsClient)

public:
    explicit AwsClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AwsClient() override;

    /// Receives --debug lines, with secrets already redacted.
    void setDebugSink(AwsReply::DebugSink sink) { m_debug = std::move(sink); }

    /// Starts a call with params keyed by model member name. The reply belongs to the
    /// caller (parented to this client until then); it emits finished() exactly once.
    AwsReply *send(const ServiceConfig &config, const OperationSpec &operation,
        const QJsonObject &params, CallOptions options = {});

    /// Typed form: the callback runs with an Outcome<Op> unless `context` is destroyed
    /// first, in which case the call is aborted and nothing runs.
    template<class Op, class Callback>
    AwsReply *call(const ServiceConfig &config, const typename Op::Request &request,
        QObject *context, Callback callback, CallOptions options = {})
    {
        AwsReply *reply = send(config, Op::spec(), request.toParams(), options);
        QObject::connect(
            reply, &AwsReply::finished, context, [reply, callback = std::move(callback)]() mutable {
                callback(outcomeOf<Op>(*reply));
                reply->deleteLater();
            });
        if (context) {
            QObject::connect(context, &QObject::destroyed, reply, [reply] {
                reply->abort();
                reply->deleteLater();
            });
        }
        return reply;
    }

    /// Reads a finished reply into the operation's typed response. A body whose members have
    /// the wrong JSON types makes the outcome a Malformed error naming them.
    template<class Op>
    static Outcome<Op> outcomeOf(const AwsReply &reply)
    {
        Outcome<Op> outcome;
        outcome.error = reply.error();
        outcome.attempts = reply.attempts();
        outcome.throttledAttempts = reply.throttledAttempts();
        outcome.requestId = reply.requestId();
        outcome.params = reply.params();
        if (outcome.ok()) {
            JsonParseContext context;
            outcome.response.read(JsonReader(reply.json(), context));
            if (!context.errors.isEmpty())
                outcome.error = malformedResponse(Op::spec(), context.errors, reply.requestId());
        }
        return outcome;
    }

    static AwsError malformedResponse(
        const OperationSpec &operation, const QStringList &errors, const QString &requestId);

private:
    QNetworkAccessManager *m_network;
    AwsReply::DebugSink m_debug;
    QHash<QString, std::shared_ptr<RetryQuota>> m_quotas;
};

} // namespace sw::aws
