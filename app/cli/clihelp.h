#pragma once

#include <QString>

namespace sw::aws {
struct OperationSpec;
struct ServiceSpec;
} // namespace sw::aws

namespace sw::cli {

/// Help at every level, generated from the operation specs so it cannot drift from what the
/// validator enforces.
QString topLevelHelp();
QString serviceHelp(const aws::ServiceSpec &service);
QString operationHelp(const aws::OperationSpec &operation);

} // namespace sw::cli
