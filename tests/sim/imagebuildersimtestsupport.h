#pragma once

// Helpers for the EC2 Image Builder simulator tests: the two List* operations through
// Simulator::handle, the seeded image build versions, and listings followed to their end.

#include "simtestsupport.h"

#include "sim/simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace sw::test::imagebuilder {

using namespace Qt::StringLiterals;
using sw::sim::SimResponse;
using sw::sim::Simulator;

// ExecutionStatus verbatim from the model, and the statuses an execution ends in.
inline const QSet<QString> executionStatuses = {u"PENDING"_s, u"SKIPPED"_s, u"RUNNING"_s,
    u"COMPLETED"_s, u"FAILED"_s, u"ROLLBACK_IN_PROGRESS"_s, u"ROLLBACK_COMPLETED"_s,
    u"CANCELLED"_s};
inline const QSet<QString> finished = {
    u"COMPLETED"_s, u"FAILED"_s, u"ROLLBACK_COMPLETED"_s, u"CANCELLED"_s, u"SKIPPED"_s};

inline SimResponse send(Simulator &sim, const QByteArray &path, const QByteArray &body)
{
    return sim.handle(simRequest("POST", path, u"imagebuilder"_s, body));
}

inline SimResponse list(Simulator &sim, const QByteArray &operation, const QJsonObject &input)
{
    return send(sim, '/' + operation, QJsonDocument(input).toJson(QJsonDocument::Compact));
}

inline QStringList arnsOf(const Simulator &sim)
{
    QStringList out;
    const QJsonValue arns = sim.inventory()[u"imagebuilder"_s][u"imageBuildVersionArns"_s];
    for (const QJsonValue &arn : arns.toArray())
        out.append(arn.toString());
    return out;
}

// Every item of a listing, page by page; the pages' count in *pages.
inline QJsonArray collect(Simulator &sim, const QByteArray &operation, const QString &idMember,
    const QString &id, int maxResults, int *pages = nullptr)
{
    const QString itemsMember =
        operation == "ListWorkflowExecutions" ? u"workflowExecutions"_s : u"steps"_s;
    QJsonArray items;
    QJsonObject input {{idMember, id}, {u"maxResults"_s, maxResults}};
    for (int page = 1;; ++page) {
        const SimResponse r = list(sim, operation, input);
        if (r.status != 200)
            qFatal("%s answered %d: %s", operation.constData(), r.status, r.body.constData());
        const QJsonObject o = jsonOf(r);
        for (const QJsonValue &item : o[itemsMember].toArray())
            items.append(item);
        if (!o.contains(u"nextToken"_s)) {
            if (pages)
                *pages = page;
            return items;
        }
        input[u"nextToken"_s] = o[u"nextToken"_s];
    }
}

inline QJsonArray executionsOf(Simulator &sim, const QString &arn, int maxResults = 25)
{
    return collect(sim, "ListWorkflowExecutions", u"imageBuildVersionArn"_s, arn, maxResults);
}

inline QJsonArray stepsOf(Simulator &sim, const QString &executionId, int maxResults = 25)
{
    return collect(
        sim, "ListWorkflowStepExecutions", u"workflowExecutionId"_s, executionId, maxResults);
}

} // namespace sw::test::imagebuilder
