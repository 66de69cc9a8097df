#include "watchhealth.h"

#include <QCoreApplication>

namespace sw {

QString WatchHealth::stateName(State state)
{
    switch (state) {
    case State::Starting:
        return QCoreApplication::translate("sw::WatchHealth", "Starting");
    case State::Ok:
        return QCoreApplication::translate("sw::WatchHealth", "OK");
    case State::Degraded:
        return QCoreApplication::translate("sw::WatchHealth", "Degraded");
    case State::Offline:
        return QCoreApplication::translate("sw::WatchHealth", "Offline");
    case State::AuthError:
        return QCoreApplication::translate("sw::WatchHealth", "Authentication error");
    case State::ConfigError:
        return QCoreApplication::translate("sw::WatchHealth", "Configuration error");
    }
    return {};
}

} // namespace sw
