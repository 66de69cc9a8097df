#include "serviceregistry.h"

#include "codecatalyst.h"
#include "customerprofiles.h"
#include "imagebuilder.h"
#include "migrationhuborchestrator.h"

namespace sw::aws {

QList<const ServiceSpec *> allServices()
{
    return {&mho::serviceSpec(), &profiles::serviceSpec(), &imagebuilder::serviceSpec(),
        &codecatalyst::serviceSpec()};
}

QList<const OperationSpec *> operationsOf(const ServiceSpec &service)
{
    if (&service == &mho::serviceSpec())
        return mho::operations();
    if (&service == &profiles::serviceSpec())
        return profiles::operations();
    if (&service == &imagebuilder::serviceSpec())
        return imagebuilder::operations();
    if (&service == &codecatalyst::serviceSpec())
        return codecatalyst::operations();
    return {};
}

const ServiceSpec *findServiceByCliName(QStringView cliName)
{
    for (const ServiceSpec *s : allServices()) {
        if (s->cliName == cliName)
            return s;
    }
    return nullptr;
}

const OperationSpec *findOperationByCliName(const ServiceSpec &service, QStringView cliName)
{
    for (const OperationSpec *op : operationsOf(service)) {
        if (toKebabCase(op->name) == cliName)
            return op;
    }
    return nullptr;
}

} // namespace sw::aws
