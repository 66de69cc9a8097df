#pragma once

#include "unifiedstatus.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace sw {

/// What the operator watches: one service, as whom (an AWS profile, or the default chain of
/// environment variables and the default profile), where (a region, or an endpoint URL
/// such as the built-in simulator's) and which workflows (a scope, optionally narrowed to
/// chosen ids). Holds no secret: credentials are always looked up where the AWS CLI would.
struct Watch {
    QString id; ///< stable, generated once; part of every workflow key
    QString name; ///< the operator's label; a default is derived when empty
    Service service = Service::MigrationHubOrchestrator;

    QString profile; ///< empty: environment variables, then AWS_PROFILE / "default"
    QString region; ///< empty: the profile's or AWS_REGION
    QString endpointUrl; ///< empty: resolved from the region

    /// The scope. MHO: the whole region unless `ids` names workflows. Customer Profiles:
    /// `domainName`, all its workflows or `ids`. Image Builder: `imageBuildVersionArn` (its
    /// workflow executions) or `ids` (workflow execution ids). CodeCatalyst: `spaceName` +
    /// `projectName`, all their workflows or `ids` (workflow ids).
    QString domainName;
    QString imageBuildVersionArn;
    QString spaceName;
    QString projectName;
    QStringList ids;

    int intervalSeconds = 5; ///< active workflows
    int terminalIntervalSeconds = 300; ///< finished ones
    int discoveryIntervalSeconds = 60; ///< the List calls that find new workflows
    bool paused = false;

    /// The name shown when `name` is empty, e.g. "Migration Hub Orchestrator · us-east-1".
    QString displayName() const;
    /// Whether new workflows are found through a List call (false: a fixed list of ids).
    bool discovers() const;

    /// Everything wrong with it, each worded to name the field and the rule, validated with
    /// the same constraints the requests will be checked against. Empty when usable.
    QStringList validate() const;

    QJsonObject toJson() const;
    /// Reads what toJson() wrote; unknown members are ignored, wrong types are an error.
    static std::optional<Watch> fromJson(const QJsonObject &json, QString *error);

    /// A new random id.
    static QString newId();

    friend bool operator==(const Watch &a, const Watch &b);
    friend bool operator!=(const Watch &a, const Watch &b) { return !(a == b); }
};

} // namespace sw
