#pragma once

#include "operationspec.h"

#include <QList>

namespace sw::aws {

/// The four services and every operation Stepwatch calls, for the CLI and for tests that
/// check the specs against the service models.
QList<const ServiceSpec *> allServices();
QList<const OperationSpec *> operationsOf(const ServiceSpec &service);
const ServiceSpec *findServiceByCliName(QStringView cliName);
/// By the AWS CLI's kebab-case name, e.g. "get-workflow-steps".
const OperationSpec *findOperationByCliName(const ServiceSpec &service, QStringView cliName);

} // namespace sw::aws
