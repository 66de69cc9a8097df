#pragma once

#include "migrationhuborchestratorstate.h"
#include "pagetokens.h"
#include "servicesimulator.h"

namespace sw::sim {

/// Migration Hub Orchestrator (2021-08-28) on the wire: the operations the dashboard uses
/// (ListWorkflows, GetWorkflow, ListWorkflowStepGroups, ListWorkflowSteps, RetryWorkflowStep),
/// validated and serialized as the service model says. The workflows themselves and how they
/// evolve live in mho::MigrationHubOrchestratorState.
class MigrationHubOrchestratorSim final : public ServiceSimulator {
public:
    MigrationHubOrchestratorSim(const SimOptions &options, SimClock &clock);

    QString serviceId() const override { return QStringLiteral("migrationhuborchestrator"); }
    Auth auth() const override { return Auth::SigV4; }
    QString signingName() const override { return QStringLiteral("migrationhub-orchestrator"); }
    QString route(const SimRequest &request) const override;
    SimResponse handle(const QString &operation, const SimRequest &request) override;

    QJsonObject inventory() const override;
    QJsonObject counters() const override;

private:
    SimResponse retryWorkflowStep(const SimRequest &request);
    SimResponse getWorkflow(const SimRequest &request);
    SimResponse listWorkflows(const SimRequest &request);
    SimResponse listWorkflowStepGroups(const SimRequest &request);
    SimResponse listWorkflowSteps(const SimRequest &request);

    const SimClock &m_clock;
    mho::MigrationHubOrchestratorState m_state;
    PageTokens m_tokens;
};

} // namespace sw::sim
