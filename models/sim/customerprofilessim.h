#pragma once

#include "customerprofilesstate.h"
#include "pagetokens.h"
#include "servicesimulator.h"

#include <optional>

namespace sw::sim {

class InputCheck;

/// Customer Profiles (2020-08-15): GetWorkflow, GetWorkflowSteps and ListWorkflows over the
/// seeded APPFLOW_INTEGRATION workflows of CustomerProfilesState, validated and shaped as the
/// model says. Its error bodies carry "Message", as the model's error shapes name it.
class CustomerProfilesSim final : public ServiceSimulator {
public:
    CustomerProfilesSim(const SimOptions &options, SimClock &clock);

    QString serviceId() const override { return QStringLiteral("customer-profiles"); }
    Auth auth() const override { return Auth::SigV4; }
    QString signingName() const override { return QStringLiteral("profile"); }
    QString route(const SimRequest &request) const override;
    SimResponse handle(const QString &operation, const SimRequest &request) override;
    QString errorMessageKey() const override { return QStringLiteral("Message"); }
    QJsonObject inventory() const override;
    QJsonObject counters() const override { return {}; }

private:
    struct Paging {
        qint64 maxResults = 100;
        std::optional<QString> nextToken;
    };

    SimResponse getWorkflow(const SimRequest &request);
    SimResponse getWorkflowSteps(const SimRequest &request);
    SimResponse listWorkflows(const SimRequest &request);
    /// Reports the problems found in the input, or a domain (and workflow) that does not exist;
    /// nullopt when the request can be answered.
    std::optional<SimResponse> resolve(const SimRequest &request, InputCheck &check, int *domain,
        int *workflow, const QStringList &enumProblems = {}) const;
    Paging paging(const SimRequest &request, InputCheck &check) const;
    /// The first offset of the page, or the error for a token this listing never issued.
    std::optional<qint64> startOf(const QString &scope, const Paging &paging) const;
    SimResponse error(int status, const QString &code, const QString &message) const;
    qint64 nowSec() const;

    SimClock &m_clock;
    CustomerProfilesState m_state;
    PageTokens m_tokens;
};

} // namespace sw::sim
