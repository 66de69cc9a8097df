#pragma once

#include "jsonreader.h"
#include "operationspec.h"

#include <QList>

#include <optional>

/// EC2 Image Builder (2019-12-02): workflow executions of an image build and their step
/// executions. rest-json with every input in the JSON body, SigV4 "imagebuilder". Its times
/// are plain strings in the model, kept as sent.
namespace sw::aws::imagebuilder {

const ServiceSpec &serviceSpec();

struct StepExecution {
    QString stepExecutionId;
    QString name;
    QString description;
    QString action;
    QString status; ///< PENDING SKIPPED RUNNING COMPLETED FAILED CANCELLED
    QString rollbackStatus; ///< RUNNING COMPLETED SKIPPED FAILED
    QString message;
    QString inputs; ///< JSON in a string
    QString outputs; ///< JSON in a string
    QString startTime;
    QString endTime;
};

struct WorkflowExecution {
    QString workflowBuildVersionArn;
    QString workflowExecutionId;
    QString type; ///< BUILD TEST DISTRIBUTION
    QString status; ///< PENDING SKIPPED RUNNING COMPLETED FAILED ROLLBACK_* CANCELLED
    QString message;
    std::optional<qint64> totalStepCount;
    std::optional<qint64> totalStepsSucceeded;
    std::optional<qint64> totalStepsFailed;
    std::optional<qint64> totalStepsSkipped;
    QString startTime;
    QString endTime;
    QString parallelGroup;
    std::optional<bool> retried;
};

struct ListWorkflowStepExecutions {
    struct Request {
        QString workflowExecutionId;
        std::optional<int> maxResults;
        QString nextToken;
        QJsonObject toParams() const;
    };
    struct Response {
        QString requestId;
        QList<StepExecution> steps;
        QString workflowBuildVersionArn;
        QString workflowExecutionId;
        QString imageBuildVersionArn;
        QString message;
        QString nextToken;
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

struct ListWorkflowExecutions {
    struct Request {
        QString imageBuildVersionArn;
        std::optional<int> maxResults;
        QString nextToken;
        QJsonObject toParams() const;
    };
    struct Response {
        QString requestId;
        QList<WorkflowExecution> workflowExecutions;
        QString imageBuildVersionArn;
        QString message;
        QString nextToken;
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

QList<const OperationSpec *> operations();

} // namespace sw::aws::imagebuilder
