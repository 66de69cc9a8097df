#pragma once

#include "imagebuilderstate.h"
#include "pagetokens.h"
#include "servicesimulator.h"

#include <variant>

namespace sw::sim {

/// EC2 Image Builder (2019-12-02): ListWorkflowExecutions and ListWorkflowStepExecutions over
/// the seeded image builds of ImageBuilderState. Every input is a JSON body member, as the
/// model says (query parameters are not inputs of these operations).
class ImageBuilderSim final : public ServiceSimulator {
public:
    ImageBuilderSim(const SimOptions &options, SimClock &clock);

    QString serviceId() const override { return QStringLiteral("imagebuilder"); }
    Auth auth() const override { return Auth::SigV4; }
    GenericErrorCodes genericErrorCodes() const override;
    QString signingName() const override { return QStringLiteral("imagebuilder"); }
    QString route(const SimRequest &request) const override;
    SimResponse handle(const QString &operation, const SimRequest &request) override;
    QJsonObject inventory() const override;
    QJsonObject counters() const override { return {}; }

private:
    struct ListInput {
        QString id; ///< imageBuildVersionArn or workflowExecutionId
        qint64 maxResults = 25;
        std::optional<QString> nextToken;
    };

    /// The validated body of a List* request, or the 400 that says what is wrong with it.
    std::variant<ListInput, SimResponse> parse(
        const SimRequest &request, const QString &idMember, const QString &idPattern) const;
    /// The first offset of the page, or nullopt for a token this listing never issued.
    std::optional<qint64> startOf(const QString &scope, const ListInput &input) const;
    SimResponse listWorkflowExecutions(const SimRequest &request);
    SimResponse listWorkflowStepExecutions(const SimRequest &request);
    QString nextRequestId();

    SimClock &m_clock;
    quint64 m_seed;
    quint64 m_requests = 0;
    ImageBuilderState m_state;
    PageTokens m_tokens;
};

} // namespace sw::sim
