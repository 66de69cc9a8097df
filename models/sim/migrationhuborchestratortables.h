#pragma once

// The fixed text the simulated Migration Hub Orchestrator's workflows are made of: workflow
// templates, applications, step-group names and step kinds with their messages.

#include <QString>
#include <QStringView>

#include <array>
#include <vector>

namespace sw::sim::mho {

/// A migration workflow template; its tool url may take the region as %1.
struct Template {
    QStringView id, name, verb, tool, toolUrl;
};
extern const std::array<Template, 4> templates;

struct Application {
    QStringView name;
    int templateIndex; ///< into templates
};
extern const std::array<Application, 20> applications;

/// The group kinds in run order. The last one is owned by the customer (CUSTOM); the optional
/// ones are 1 and 4.
extern const std::array<QStringView, 5> groupNames;

/// `problem` is the failure message of an automated step and the attention message of a
/// manual one; %1 is a server name. A MANUAL step has no script.
struct StepKind {
    QStringView name, description, script, problem;
    bool manual, allServers;

    /// The problem, naming the server where it has a %1.
    QString problemOn(const QString &server) const;
};
/// Six step kinds per group kind, in run order: kind * 6 + k.
const std::vector<StepKind> &stepKinds();

} // namespace sw::sim::mho
