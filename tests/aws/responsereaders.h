#pragma once

// Shared by the response tests: the typed reader of every operation, looked up by model id
// and name, the parse helpers around them, and the timestamps the test responses carry.

#include "aws/codecatalyst.h"
#include "aws/customerprofiles.h"
#include "aws/imagebuilder.h"
#include "aws/jsonreader.h"
#include "aws/migrationhuborchestrator.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace sw::test {

inline const QString isoValue = QStringLiteral("2026-11-21T10:00:00.250Z");
inline constexpr double epochValue = 1700000000.5;
inline const QDateTime epochTime(QDate(2023, 11, 14), QTime(22, 13, 20, 500), Qt::UTC);
inline const QDateTime isoTime(QDate(2026, 11, 21), QTime(10, 0, 0, 250), Qt::UTC);

template<class T>
QString shown(const std::optional<T> &value)
{
    return value ? QString::number(*value) : QStringLiteral("none");
}

// ---- the typed readers, by operation ----------------------------------------------------

struct OperationReader {
    const aws::OperationSpec *spec;
    std::function<void(const aws::JsonReader &)> read;
};

template<class Op>
OperationReader readerFor()
{
    return {&Op::spec(), [](const aws::JsonReader &r) {
                typename Op::Response response;
                response.read(r);
            }};
}

inline const QList<OperationReader> &readers()
{
    namespace mho = aws::mho;
    namespace profiles = aws::profiles;
    namespace imagebuilder = aws::imagebuilder;
    namespace codecatalyst = aws::codecatalyst;
    static const QList<OperationReader> list = {readerFor<mho::RetryWorkflowStep>(),
        readerFor<mho::GetWorkflow>(), readerFor<mho::ListWorkflows>(),
        readerFor<mho::ListWorkflowStepGroups>(), readerFor<mho::ListWorkflowSteps>(),
        readerFor<profiles::GetWorkflow>(), readerFor<profiles::GetWorkflowSteps>(),
        readerFor<profiles::ListWorkflows>(), readerFor<imagebuilder::ListWorkflowStepExecutions>(),
        readerFor<imagebuilder::ListWorkflowExecutions>(),
        readerFor<codecatalyst::StartWorkflowRun>(), readerFor<codecatalyst::GetWorkflowRun>(),
        readerFor<codecatalyst::ListWorkflowRuns>(), readerFor<codecatalyst::ListWorkflows>()};
    return list;
}

inline const OperationReader *readerOf(const QString &modelId, const QString &operation)
{
    for (const OperationReader &r : readers()) {
        if (r.spec->service->modelId == modelId && r.spec->name == operation)
            return &r;
    }
    return nullptr;
}

inline QStringList parseErrors(
    const OperationReader &reader, const QJsonObject &json, QSet<QString> *consumed = nullptr)
{
    aws::JsonParseContext context;
    context.consumed = consumed;
    reader.read(aws::JsonReader(json, context));
    return context.errors;
}

template<class Op>
typename Op::Response parsed(const QByteArray &json, QStringList *errors)
{
    aws::JsonParseContext context;
    typename Op::Response response;
    response.read(aws::JsonReader(QJsonDocument::fromJson(json).object(), context));
    *errors = context.errors;
    return response;
}

} // namespace sw::test
