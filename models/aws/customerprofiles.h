#pragma once

#include "jsonreader.h"
#include "operationspec.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <optional>

/// Amazon Connect Customer Profiles (2020-08-15): APPFLOW_INTEGRATION workflows and their
/// flow steps. rest-json with PascalCase members, SigV4 "profile", epoch-second timestamps.
/// The model has no paginators for these operations: we page by hand on NextToken.
namespace sw::aws::profiles {

const ServiceSpec &serviceSpec();

struct WorkflowSummary {
    QString workflowType;
    QString workflowId; ///< 1..255 characters here, unlike GetWorkflow's [a-f0-9]{32}
    QString status; ///< NOT_STARTED IN_PROGRESS COMPLETE FAILED SPLIT RETRY CANCELLED
    QString statusDescription;
    QDateTime createdAt;
    QDateTime lastUpdatedAt;
};

struct FlowStep {
    QString flowName;
    QString status;
    QString executionMessage;
    std::optional<qint64> recordsProcessed;
    QString batchRecordsStartTime; ///< plain strings in the model
    QString batchRecordsEndTime;
    QDateTime createdAt;
    QDateTime lastUpdatedAt;
};

struct GetWorkflow {
    struct Request {
        QString domainName;
        QString workflowId;
        QJsonObject toParams() const;
    };
    struct Response {
        QString workflowId;
        QString workflowType;
        QString status;
        QString errorDescription;
        QDateTime startDate;
        QDateTime lastUpdatedAt;
        // Attributes.AppflowIntegration
        QString sourceConnectorType;
        QString connectorProfileName;
        QString roleArn;
        // Metrics.AppflowIntegration
        std::optional<qint64> recordsProcessed;
        std::optional<qint64> stepsCompleted;
        std::optional<qint64> totalSteps;
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

struct GetWorkflowSteps {
    struct Request {
        QString domainName;
        QString workflowId;
        QString nextToken;
        std::optional<int> maxResults;
        QJsonObject toParams() const;
    };
    struct Response {
        QString workflowId;
        QString workflowType;
        QList<FlowStep> items;
        QString nextToken;
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

struct ListWorkflows {
    struct Request {
        QString domainName;
        QString workflowType;
        QString status;
        QDateTime queryStartDate;
        QDateTime queryEndDate;
        QString nextToken;
        std::optional<int> maxResults;
        QJsonObject toParams() const;
    };
    struct Response {
        QList<WorkflowSummary> items;
        QString nextToken;
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

QList<const OperationSpec *> operations();

} // namespace sw::aws::profiles
