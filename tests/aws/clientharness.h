#pragma once

// Shared by the AwsClient loopback tests: valid params for every operation, and the per-test
// set-up of a temporary HOME, a scripted server on 127.0.0.1 and a client aimed at it.

#include "clientfixture.h"

#include "aws/awsclient.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

namespace sw::test {

inline const QString runId = QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e");
inline const QString workflowUuid = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");
inline const QString cpWorkflowId = QStringLiteral("0123456789abcdef0123456789abcdef");
inline const QString wfExecId = QStringLiteral("wf-12345678-1234-1234-1234-123456789012");
inline const QString imageArn =
    QStringLiteral("arn:aws:imagebuilder:us-east-1:123456789012:image/demo/1.0.0/3");

/// Valid params for each operation, so every operation can be sent.
inline QJsonObject validParams(const aws::OperationSpec &op)
{
    using namespace Qt::StringLiterals;
    const QString s = op.service->modelId;
    if (s == u"migrationhuborchestrator") {
        if (op.name == u"RetryWorkflowStep")
            return {{u"id"_s, u"step-1"_s}, {u"stepGroupId"_s, u"group-1"_s},
                {u"workflowId"_s, u"mw-1"_s}};
        if (op.name == u"GetWorkflow")
            return {{u"id"_s, u"mw-1"_s}};
        if (op.name == u"ListWorkflowStepGroups")
            return {{u"workflowId"_s, u"mw-1"_s}};
        if (op.name == u"ListWorkflowSteps")
            return {{u"workflowId"_s, u"mw-1"_s}, {u"stepGroupId"_s, u"group-1"_s}};
        return {};
    }
    if (s == u"customer-profiles") {
        QJsonObject p {{u"DomainName"_s, u"demo-domain"_s}};
        if (op.name != u"ListWorkflows")
            p.insert(u"WorkflowId"_s, cpWorkflowId);
        return p;
    }
    if (s == u"imagebuilder") {
        if (op.name == u"ListWorkflowStepExecutions")
            return {{u"workflowExecutionId"_s, wfExecId}};
        return {{u"imageBuildVersionArn"_s, imageArn}};
    }
    QJsonObject p {{u"spaceName"_s, u"my-space"_s}, {u"projectName"_s, u"my-project"_s}};
    if (op.name == u"StartWorkflowRun")
        p.insert(u"workflowId"_s, workflowUuid);
    if (op.name == u"GetWorkflowRun")
        p.insert(u"id"_s, runId);
    return p;
}

/// Inherited by the client test classes, whose init() and cleanup() start and stop it: a fresh
/// HOME, server, network access manager and AwsClient for every test function.
class ClientHarness {
protected:
    static void quietClientLogging() { qputenv("QT_LOGGING_RULES", "stepwatch.*.debug=false"); }

    /// False when the server cannot listen.
    bool startLoopback()
    {
        m_home = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<ScriptedServer>();
        if (!m_server->start())
            return false;
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<aws::AwsClient>(m_network.get());
        return true;
    }

    void stopLoopback()
    {
        m_client.reset();
        m_network.reset();
        m_server.reset();
        m_home.reset();
    }

    /// Sends through the client with a config aimed at the server and waits for the reply.
    aws::AwsReply *sendAndWait(const aws::OperationSpec &op, const QJsonObject &params,
        aws::CallOptions options = {}, int timeoutMs = 5000)
    {
        const aws::ServiceConfig config =
            configFor(*op.service, *m_server, m_home->path(), timeoutMs);
        aws::AwsReply *reply = m_client->send(config, op, params, options);
        QSignalSpy spy(reply, &aws::AwsReply::finished);
        if (!spy.wait(30000))
            qWarning("reply did not finish");
        return reply;
    }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<aws::AwsClient> m_client;
};

} // namespace sw::test
