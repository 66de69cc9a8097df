#pragma once

#include "jsonreader.h"
#include "operationspec.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>

#include <optional>

/// AWS Migration Hub Orchestrator (2021-08-28): migration workflows, their step groups and
/// steps, and RetryWorkflowStep. rest-json, SigV4 "migrationhub-orchestrator", epoch-second
/// timestamps, no request bodies.
namespace sw::aws::mho {

const ServiceSpec &serviceSpec();

struct Tool {
    QString name;
    QString url;
};

struct WorkflowSummary {
    QString id;
    QString name;
    QString templateId;
    QString adsApplicationConfigurationName;
    QString status; ///< MigrationWorkflowStatusEnum; unknown values kept
    QDateTime creationTime;
    QDateTime endTime;
    QString statusMessage;
    std::optional<qint64> completedSteps;
    std::optional<qint64> totalSteps;
};

struct Workflow {
    QString id;
    QString arn;
    QString name;
    QString description;
    QString templateId;
    QString adsApplicationConfigurationId;
    QString adsApplicationName;
    QString status;
    QString statusMessage;
    QDateTime creationTime;
    QDateTime lastStartTime;
    QDateTime lastStopTime;
    QDateTime lastModifiedTime;
    QDateTime endTime;
    QList<Tool> tools;
    std::optional<qint64> totalSteps;
    std::optional<qint64> completedSteps;
    QJsonObject workflowInputs; ///< sensitive in the model: redacted in debug output
    QMap<QString, QString> tags;
    QString workflowBucket;
};

struct StepGroupSummary {
    QString id;
    QString name;
    QString owner; ///< AWS_MANAGED | CUSTOM
    QString status;
    QStringList previous;
    QStringList next;
};

struct StepSummary {
    QString stepId;
    QString name;
    QString stepActionType; ///< MANUAL | AUTOMATED
    QString owner;
    QStringList previous;
    QStringList next;
    QString status;
    QString statusMessage;
    std::optional<qint64> noOfSrvCompleted;
    std::optional<qint64> noOfSrvFailed;
    std::optional<qint64> totalNoOfSrv;
    QString description;
    QString scriptLocation;
};

struct RetryWorkflowStep {
    struct Request {
        QString id; ///< the step id
        QString stepGroupId;
        QString workflowId;
        QJsonObject toParams() const;
    };
    struct Response {
        QString stepGroupId;
        QString workflowId;
        QString id;
        QString status; ///< StepStatus after the retry was accepted
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

struct GetWorkflow {
    struct Request {
        QString id;
        QJsonObject toParams() const;
    };
    struct Response : Workflow {
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

struct ListWorkflows {
    struct Request {
        std::optional<int> maxResults;
        QString nextToken;
        QString templateId;
        QString adsApplicationConfigurationName;
        QString status;
        QString name;
        QJsonObject toParams() const;
    };
    struct Response {
        QString nextToken;
        QList<WorkflowSummary> migrationWorkflowSummary;
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

struct ListWorkflowStepGroups {
    struct Request {
        QString workflowId;
        std::optional<int> maxResults;
        QString nextToken;
        QJsonObject toParams() const;
    };
    struct Response {
        QString nextToken;
        QList<StepGroupSummary> workflowStepGroupsSummary;
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

struct ListWorkflowSteps {
    struct Request {
        QString workflowId;
        QString stepGroupId;
        std::optional<int> maxResults;
        QString nextToken;
        QJsonObject toParams() const;
    };
    struct Response {
        QString nextToken;
        QList<StepSummary> workflowStepsSummary;
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

/// Every operation of this service that Stepwatch calls.
QList<const OperationSpec *> operations();

} // namespace sw::aws::mho
