#pragma once

#include "simhttp.h"

#include <QString>

namespace sw::sim {

/// Checks an incoming request's SigV4 signature the way AWS does, from the request bytes and
/// the secret for its access key. Written for the simulator on its own (it must not use the
/// client's signer), from the SigV4 specification.
struct SigV4Check {
    bool ok = false;
    QString code; ///< AWS error code when not ok, e.g. "InvalidSignatureException"
    QString message; ///< AWS's wording
    QString accessKeyId;
    QString region;
    QString service;
};

/// Parses the Authorization header only: present, AWS4-HMAC-SHA256, a Credential scope for
/// `service`, and an X-Amz-Date. What the simulator asks of every request by default.
SigV4Check checkSigV4Shape(const SimRequest &request, const QString &service);

/// The full check: the shape, then the signature recomputed with `secret`.
SigV4Check verifySigV4(const SimRequest &request, const QString &service,
    const QString &accessKeyId, const QString &secret);

} // namespace sw::sim
