#pragma once

// Shared by the serialization and validation tests: params of each operation that satisfy every
// constraint with only the required members, and helpers to vary them.

#include "aws/requestserializer.h"
#include "aws/serviceregistry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sw::test {

inline const QString mhoWorkflow = QStringLiteral("mw-123");
inline const QString mhoStepGroup = QStringLiteral("sg-1");
inline const QString profilesDomain = QStringLiteral("my_domain-1");
inline const QString profilesWorkflow = QStringLiteral("0123456789abcdef0123456789abcdef");
inline const QString wfExecution = QStringLiteral("wf-12345678-abcd-4ef0-9abc-123456789abc");
inline const QString imageArn =
    QStringLiteral("arn:aws:imagebuilder:us-east-1:123456789012:image/my-image/1.0.0/1");
inline const QString runUuid = QStringLiteral("11111111-2222-3333-4444-555555555555");

inline const aws::OperationSpec *findOp(const QString &service, const QString &name)
{
    const aws::ServiceSpec *s = aws::findServiceByCliName(service);
    if (!s)
        return nullptr;
    const QList<const aws::OperationSpec *> ops = aws::operationsOf(*s);
    for (const aws::OperationSpec *op : ops) {
        if (op->name == name)
            return op;
    }
    return nullptr;
}

/// Params that satisfy every constraint of the operation with only its required members.
inline QJsonObject baseParams(const QString &service, const QString &op)
{
    using namespace Qt::StringLiterals;
    const QString key = service + u'/' + op;
    if (key == u"migrationhuborchestrator/RetryWorkflowStep")
        return {{u"id"_s, u"step-9"_s}, {u"workflowId"_s, mhoWorkflow},
            {u"stepGroupId"_s, mhoStepGroup}};
    if (key == u"migrationhuborchestrator/GetWorkflow")
        return {{u"id"_s, mhoWorkflow}};
    if (key == u"migrationhuborchestrator/ListWorkflows")
        return {};
    if (key == u"migrationhuborchestrator/ListWorkflowStepGroups")
        return {{u"workflowId"_s, mhoWorkflow}};
    if (key == u"migrationhuborchestrator/ListWorkflowSteps")
        return {{u"workflowId"_s, mhoWorkflow}, {u"stepGroupId"_s, mhoStepGroup}};
    if (key == u"customer-profiles/GetWorkflow" || key == u"customer-profiles/GetWorkflowSteps")
        return {{u"DomainName"_s, profilesDomain}, {u"WorkflowId"_s, profilesWorkflow}};
    if (key == u"customer-profiles/ListWorkflows")
        return {{u"DomainName"_s, profilesDomain}};
    if (key == u"imagebuilder/ListWorkflowStepExecutions")
        return {{u"workflowExecutionId"_s, wfExecution}};
    if (key == u"imagebuilder/ListWorkflowExecutions")
        return {{u"imageBuildVersionArn"_s, imageArn}};
    if (key == u"codecatalyst/StartWorkflowRun")
        return {{u"spaceName"_s, u"S"_s}, {u"projectName"_s, u"P"_s}, {u"workflowId"_s, runUuid}};
    if (key == u"codecatalyst/GetWorkflowRun")
        return {{u"spaceName"_s, u"my-space"_s}, {u"projectName"_s, u"P"_s}, {u"id"_s, runUuid}};
    if (key == u"codecatalyst/ListWorkflowRuns")
        return {{u"spaceName"_s, u"my-space"_s}, {u"projectName"_s, u"P"_s}};
    if (key == u"codecatalyst/ListWorkflows")
        return {{u"spaceName"_s, u"S"_s}, {u"projectName"_s, u"proj"_s}};
    return {{u"__no_base_params_for__"_s, key}};
}

inline QString describe(const QList<aws::ValidationIssue> &issues)
{
    return issues.isEmpty() ? QStringLiteral("no issues") : aws::describeValidationIssues(issues);
}

inline QJsonObject merged(
    QJsonObject base, const QJsonObject &patch, const QStringList &remove = {})
{
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it)
        base.insert(it.key(), it.value());
    for (const QString &key : remove)
        base.remove(key);
    return base;
}

inline QJsonArray emptyStructures(int n)
{
    QJsonArray out;
    for (int i = 0; i < n; ++i)
        out.append(QJsonObject());
    return out;
}

} // namespace sw::test
