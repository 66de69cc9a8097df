#pragma once

#include "jsonreader.h"
#include "operationspec.h"

#include <QDateTime>
#include <QList>

#include <optional>

/// Amazon CodeCatalyst (2022-09-28): workflows of a space's project and their runs.
/// rest-json, authenticated with a Bearer token (not SigV4), on the global endpoint;
/// timestamps are ISO-8601 strings.
namespace sw::aws::codecatalyst {

const ServiceSpec &serviceSpec();

struct WorkflowRunSummary {
    QString id;
    QString workflowId;
    QString workflowName;
    QString status; ///< SUCCEEDED FAILED STOPPED SUPERSEDED CANCELLED NOT_RUN VALIDATING ...
    int statusReasonCount = 0; ///< the reasons are empty structures in the model
    QDateTime startTime;
    QDateTime endTime;
    QDateTime lastUpdatedTime;
};

struct WorkflowSummary {
    QString id;
    QString name;
    QString sourceRepositoryName;
    QString sourceBranchName;
    QString definitionPath;
    QDateTime createdTime;
    QDateTime lastUpdatedTime;
    QString runMode; ///< QUEUED PARALLEL SUPERSEDED
    QString status; ///< INVALID ACTIVE
};

struct StartWorkflowRun {
    struct Request {
        QString spaceName;
        QString projectName;
        QString workflowId;
        /// One per operator request; empty: a UUID is made once and reused on every retry.
        QString clientToken;
        QJsonObject toParams() const;
    };
    struct Response {
        QString spaceName;
        QString projectName;
        QString id; ///< the run id
        QString workflowId;
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

struct GetWorkflowRun {
    struct Request {
        QString spaceName;
        QString projectName;
        QString id;
        QJsonObject toParams() const;
    };
    struct Response {
        QString spaceName;
        QString projectName;
        QString id;
        QString workflowId;
        QString status;
        int statusReasonCount = 0;
        QDateTime startTime;
        QDateTime endTime;
        QDateTime lastUpdatedTime;
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

struct ListWorkflowRuns {
    struct Request {
        QString spaceName;
        QString projectName;
        QString workflowId;
        QString nextToken;
        std::optional<int> maxResults;
        QJsonObject toParams() const;
    };
    struct Response {
        QString nextToken;
        QList<WorkflowRunSummary> items;
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

struct ListWorkflows {
    struct Request {
        QString spaceName;
        QString projectName;
        QString nextToken;
        std::optional<int> maxResults;
        QJsonObject toParams() const;
    };
    struct Response {
        QString nextToken;
        QList<WorkflowSummary> items;
        void read(const JsonReader &r);
    };
    static const OperationSpec &spec();
};

QList<const OperationSpec *> operations();

} // namespace sw::aws::codecatalyst
