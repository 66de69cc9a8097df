#include "servicesimulator.h"

using namespace Qt::StringLiterals;

namespace sw::sim {

SimResponse ServiceSimulator::throttlingError() const
{
    return SimResponse::error(
        429, genericErrorCodes().throttling, u"Rate exceeded"_s, errorMessageKey());
}

SimResponse ServiceSimulator::internalError() const
{
    return SimResponse::error(500, genericErrorCodes().internal,
        u"An internal error occurred. Try again."_s, errorMessageKey());
}

SimResponse ServiceSimulator::unavailableError() const
{
    return SimResponse::error(503, genericErrorCodes().unavailable,
        u"The service is unavailable. Try again later."_s, errorMessageKey());
}

SimResponse ServiceSimulator::accessDenied(const QString &message) const
{
    return SimResponse::error(403, genericErrorCodes().accessDenied, message, errorMessageKey());
}

} // namespace sw::sim
