#pragma once

#include "codecatalyststate.h"
#include "pagetokens.h"
#include "servicesimulator.h"

namespace sw::sim {

/// Amazon CodeCatalyst (2022-09-28) as its model describes it: StartWorkflowRun (PUT),
/// ListWorkflowRuns (POST on the same path), GetWorkflowRun and ListWorkflows under
/// /v1/spaces/{spaceName}/projects/{projectName}/, bearer auth, ISO-8601 timestamps and
/// errors with the message under "message". This class routes, validates and serializes;
/// CodeCatalystState holds the seeded spaces, projects, workflows and runs.
class CodeCatalystSim final : public ServiceSimulator {
public:
    CodeCatalystSim(const SimOptions &options, SimClock &clock);

    QString serviceId() const override { return QStringLiteral("codecatalyst"); }
    Auth auth() const override { return Auth::Bearer; }
    QString signingName() const override { return QStringLiteral("codecatalyst"); }
    QString route(const SimRequest &request) const override;
    SimResponse handle(const QString &operation, const SimRequest &request) override;
    QJsonObject inventory() const override;
    QJsonObject counters() const override;

    const CodeCatalystState &state() const { return m_state; }

private:
    struct Target; // the space and project a request names, once found

    SimResponse startWorkflowRun(const QStringList &labels, const SimRequest &request);
    SimResponse listWorkflowRuns(const QStringList &labels, const SimRequest &request);
    SimResponse getWorkflowRun(const QStringList &labels, const SimRequest &request);
    SimResponse listWorkflows(const QStringList &labels, const SimRequest &request);
    /// The space and project, or the 404 that names which of them is unknown.
    std::optional<SimResponse> resolve(const QString &space, const QString &project, Target *out);
    QJsonObject runJson(quint32 run, bool summary) const;

    const SimClock &m_clock;
    CodeCatalystState m_state;
    PageTokens m_pageTokens;
};

} // namespace sw::sim
