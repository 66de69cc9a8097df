#include "endpointresolver.h"

#include "partitions.h"

namespace sw::aws {

using namespace Qt::StringLiterals;

namespace {

EndpointResult endpointUrl(const QString &url)
{
    return EndpointResult {url, QString()};
}

EndpointResult endpointError(const QString &message)
{
    return EndpointResult {QString(), message};
}

// The rule sets' "https://<label>.{Region}.<suffix>" template. Plain concatenation rather than
// QString::arg, so that a '%' in a region can never be taken for a placeholder.
QString regionalUrl(const QString &label, const QString &region, const QString &suffix)
{
    return u"https://"_s + label + u'.' + region + u'.' + suffix;
}

// Migration Hub Orchestrator, Customer Profiles and Image Builder have the same generated tree
// (MHO's nests its custom-endpoint rules one level deeper, to the same effect). They differ
// only in the host prefix and in Image Builder's extra GovCloud FIPS rule, hence the flag.
EndpointResult resolveRegional(
    const QString &prefix, const EndpointParams &params, bool govCloudFipsIsPlainHost)
{
    if (!params.endpoint.isEmpty()) {
        if (params.useFips)
            return endpointError(
                u"Invalid Configuration: FIPS and custom endpoint are not supported"_s);
        if (params.useDualStack)
            return endpointError(
                u"Invalid Configuration: Dualstack and custom endpoint are not supported"_s);
        return endpointUrl(params.endpoint);
    }
    if (params.region.isEmpty())
        return endpointError(u"Invalid Configuration: Missing Region"_s);

    const QString &region = params.region;
    const Partition &partition = partitionForRegion(region);
    const QString fipsPrefix = prefix + u"-fips"_s;

    if (params.useFips && params.useDualStack) {
        if (partition.supportsFIPS && partition.supportsDualStack)
            return endpointUrl(regionalUrl(fipsPrefix, region, partition.dualStackDnsSuffix));
        return endpointError(
            u"FIPS and DualStack are enabled, but this partition does not support one or both"_s);
    }
    if (params.useFips) {
        if (partition.supportsFIPS) {
            // Image Builder's rule set sends GovCloud FIPS traffic to the plain regional host
            // (presumably already FIPS-validated there), with amazonaws.com hard-coded rather
            // than the partition's dnsSuffix. FIPS plus DualStack still gets "-fips" above.
            if (govCloudFipsIsPlainHost && partition.id == u"aws-us-gov")
                return endpointUrl(regionalUrl(prefix, region, u"amazonaws.com"_s));
            return endpointUrl(regionalUrl(fipsPrefix, region, partition.dnsSuffix));
        }
        return endpointError(u"FIPS is enabled but this partition does not support FIPS"_s);
    }
    if (params.useDualStack) {
        if (partition.supportsDualStack)
            return endpointUrl(regionalUrl(prefix, region, partition.dualStackDnsSuffix));
        return endpointError(
            u"DualStack is enabled but this partition does not support DualStack"_s);
    }
    return endpointUrl(regionalUrl(prefix, region, partition.dnsSuffix));
}

// CodeCatalyst has one global endpoint per partition. Its rule set has no UseDualStack
// parameter and no custom-endpoint errors: a custom Endpoint wins even with FIPS on.
EndpointResult resolveCodeCatalyst(const EndpointParams &params)
{
    if (!params.endpoint.isEmpty())
        return endpointUrl(params.endpoint);

    // Region only chooses the partition; without one the rules assume us-west-2, the service's
    // home region. The host always uses the dual-stack suffix (api.aws in the aws partition).
    const Partition &partition =
        partitionForRegion(params.region.isEmpty() ? u"us-west-2"_s : params.region);
    if (params.useFips) {
        if (!partition.supportsFIPS)
            return endpointError(u"Partition does not support FIPS."_s);
        return endpointUrl(u"https://codecatalyst-fips.global."_s + partition.dualStackDnsSuffix);
    }
    return endpointUrl(u"https://codecatalyst.global."_s + partition.dualStackDnsSuffix);
}

} // namespace

EndpointResult resolveEndpoint(const QString &serviceId, const EndpointParams &params)
{
    if (serviceId == u"migrationhuborchestrator")
        return resolveRegional(u"migrationhub-orchestrator"_s, params, false);
    if (serviceId == u"customer-profiles")
        return resolveRegional(u"profile"_s, params, false);
    if (serviceId == u"imagebuilder")
        return resolveRegional(u"imagebuilder"_s, params, true);
    if (serviceId == u"codecatalyst")
        return resolveCodeCatalyst(params);
    return endpointError(u"No endpoint rule set for unknown service \"%1\""_s.arg(serviceId));
}

} // namespace sw::aws
