#pragma once

#include <QString>

namespace sw::aws {

/// The inputs of the services' endpoint rule sets (Region, UseFIPS, UseDualStack, Endpoint).
/// An empty string stands for a parameter that is not set.
struct EndpointParams {
    QString region; ///< e.g. "us-east-1"; empty = not set
    bool useFips = false;
    bool useDualStack = false; ///< CodeCatalyst's rule set has no such parameter and ignores it
    QString endpoint; ///< custom endpoint URL (SDK::Endpoint); empty = not set
};

/// Either a URL or the rule set's error text, never both.
struct EndpointResult {
    QString url; ///< e.g. "https://profile.us-east-1.amazonaws.com", exactly as the rules yield
    QString error; ///< e.g. "Invalid Configuration: Missing Region"
    bool ok() const { return error.isEmpty(); }
};

/// Resolves the endpoint of a service the way its botocore endpoint-rule-set-1.json does,
/// including the rule set's exact error messages. serviceId is the botocore service directory
/// name: "migrationhuborchestrator", "customer-profiles", "imagebuilder" or "codecatalyst";
/// any other yields an error naming it.
///
/// The rule sets interpolate Region into the host name unchecked (they call no
/// isValidHostLabel), and so does this function: callers should validate a region that comes
/// from user input before trusting the URL, as botocore does when it creates a client.
EndpointResult resolveEndpoint(const QString &serviceId, const EndpointParams &params);

} // namespace sw::aws
