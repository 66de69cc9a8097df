#pragma once

#include "simhttp.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>

namespace sw::sim {

class SimClock;

/// Settings every simulated service is built from.
struct SimOptions {
    quint64 seed = 1;
    double speed = 1.0;
    int workflowsPerService = 10;
    /// Report times on the real time line (SimClock::setRealTimestamps): for clients that read
    /// the real clock while the simulator runs faster. The demo reads the simulated one.
    bool realTimestamps = false;
};

/// One simulated AWS service: it recognises its operations by method and path, validates
/// input as its model says, keeps state that evolves with the SimClock, and answers in the
/// model's exact shapes. Written from the service models independently of models/aws, so
/// that the client and the simulator check each other.
class ServiceSimulator {
public:
    enum class Auth { SigV4, Bearer };

    virtual ~ServiceSimulator() = default;

    virtual QString serviceId() const = 0; ///< e.g. "customer-profiles"
    virtual Auth auth() const = 0;
    virtual QString signingName() const = 0; ///< SigV4 credential scope service
    /// The operation this request is for (e.g. "GetWorkflowSteps"), or empty if not ours.
    virtual QString route(const SimRequest &request) const = 0;
    /// Handles a request that route() claimed. Never throws; bad input is an error response.
    virtual SimResponse handle(const QString &operation, const SimRequest &request) = 0;

    /// The codes a service answers generic failures with (fault injection, auth); most
    /// services share the defaults, Image Builder has its own.
    struct GenericErrorCodes {
        QString throttling = QStringLiteral("ThrottlingException");
        QString internal = QStringLiteral("InternalServerException");
        QString unavailable = QStringLiteral("ServiceUnavailable"); // AWS's front end, unmodelled
        QString accessDenied = QStringLiteral("AccessDeniedException");
    };
    virtual GenericErrorCodes genericErrorCodes() const { return {}; }

    /// Error responses in this service's codes and message member.
    virtual SimResponse throttlingError() const;
    virtual SimResponse internalError() const;
    virtual SimResponse unavailableError() const;
    virtual SimResponse accessDenied(const QString &message) const;
    /// The member its error bodies carry the message in ("Message" for Customer Profiles).
    virtual QString errorMessageKey() const { return QStringLiteral("message"); }

    /// Seeded top-level names no operation here can discover (domains, spaces, ARNs).
    virtual QJsonObject inventory() const = 0;
    /// Service-specific counters, e.g. {"runsCreated": 3}.
    virtual QJsonObject counters() const = 0;
};

} // namespace sw::sim
