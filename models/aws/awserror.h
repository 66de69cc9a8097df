#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace sw::aws {

/// Every error shape the four services' models document for the operations we call. A code
/// we do not know maps to Unknown, but its text is kept in AwsError::code.
enum class ServiceErrorCode {
    Unknown,
    AccessDeniedException,
    BadRequestException,
    CallRateLimitExceededException,
    ClientException,
    ConflictException,
    ForbiddenException,
    InternalServerException,
    InvalidPaginationTokenException,
    InvalidRequestException,
    ResourceNotFoundException,
    ServiceException,
    ServiceQuotaExceededException,
    ServiceUnavailableException,
    ThrottlingException,
    ValidationException,
};

/// Why a call did not produce a response.
enum class ErrorKind {
    None,
    Validation, ///< parameters rejected before anything was sent
    Configuration, ///< no region, bad endpoint URL, unsupported profile, ...
    Credentials, ///< no credentials / bearer token, or the provider failed
    Network, ///< connection refused/reset, DNS
    Tls, ///< certificate or handshake failure: never retried, never ignored
    Timeout, ///< the transfer timeout fired
    Service, ///< the service answered with an error status
    Malformed, ///< a 2xx whose body is not what the model says
    Pagination, ///< the server repeated a page token (a loop) or sent too many pages
    Aborted, ///< cancelled by the caller
};

/// The outcome of a failed call, with everything an operator needs to act on it.
struct AwsError {
    ErrorKind kind = ErrorKind::None;
    QString code; ///< service error code as sent, e.g. "ThrottlingException"
    QString message; ///< service message, or our description for non-service errors
    int httpStatus = 0;
    QString requestId; ///< x-amzn-RequestId of the failing response
    ServiceErrorCode serviceCode = ServiceErrorCode::Unknown;

    bool isError() const { return kind != ErrorKind::None; }
    /// "An error occurred (Code) when calling the Op operation: message" for service errors,
    /// as the AWS CLI words it; the message alone otherwise.
    QString describe(const QString &operation) const;
};

ServiceErrorCode serviceErrorCodeFromString(QStringView code);
QString serviceErrorCodeName(ServiceErrorCode code);
/// The HTTP status each documented error is sent with (per the models).
int httpStatusForError(ServiceErrorCode code);

/// Reads a rest-json error response: the code from x-amzn-ErrorType (cut at ':'), else body
/// `code` / `__type` (without any "namespace#"), the message from `message` / `Message`,
/// the request id from x-amzn-RequestId. Never fails: a body that is not JSON yields a code
/// made from the status and a short, printable excerpt of the body as the message.
AwsError parseErrorResponse(
    int httpStatus, const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body);

/// Throttling as the standard retry mode sees it: the SDKs' throttling codes, plus
/// Image Builder's CallRateLimitExceededException, plus any HTTP 429.
bool isThrottlingError(const AwsError &error);
/// Worth another attempt: throttling, 5xx, connection errors and timeouts. Never other 4xx,
/// whatever a model's retryable trait says (MHO marks 400/403 retryable by mistake).
bool isRetryableError(const AwsError &error);

} // namespace sw::aws
