#include "awserror.h"

#include "redact.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sw::aws {

namespace {

struct ErrorInfo {
    ServiceErrorCode code;
    QString name;
    int httpStatus;
};

const QList<ErrorInfo> &errorTable()
{
    static const QList<ErrorInfo> table = {
        {ServiceErrorCode::AccessDeniedException, u"AccessDeniedException"_s, 403},
        {ServiceErrorCode::BadRequestException, u"BadRequestException"_s, 400},
        {ServiceErrorCode::CallRateLimitExceededException, u"CallRateLimitExceededException"_s,
            429},
        {ServiceErrorCode::ClientException, u"ClientException"_s, 400},
        {ServiceErrorCode::ConflictException, u"ConflictException"_s, 409},
        {ServiceErrorCode::ForbiddenException, u"ForbiddenException"_s, 403},
        {ServiceErrorCode::InternalServerException, u"InternalServerException"_s, 500},
        {ServiceErrorCode::InvalidPaginationTokenException, u"InvalidPaginationTokenException"_s,
            400},
        {ServiceErrorCode::InvalidRequestException, u"InvalidRequestException"_s, 400},
        {ServiceErrorCode::ResourceNotFoundException, u"ResourceNotFoundException"_s, 404},
        {ServiceErrorCode::ServiceException, u"ServiceException"_s, 500},
        {ServiceErrorCode::ServiceQuotaExceededException, u"ServiceQuotaExceededException"_s, 402},
        {ServiceErrorCode::ServiceUnavailableException, u"ServiceUnavailableException"_s, 503},
        {ServiceErrorCode::ThrottlingException, u"ThrottlingException"_s, 429},
        {ServiceErrorCode::ValidationException, u"ValidationException"_s, 400},
    };
    return table;
}

// botocore's standard-mode throttling codes (retries/standard.py), plus Image Builder's.
bool isThrottlingCode(QStringView code)
{
    static const QStringList codes = {u"Throttling"_s, u"ThrottlingException"_s,
        u"ThrottledException"_s, u"RequestThrottledException"_s, u"TooManyRequestsException"_s,
        u"ProvisionedThroughputExceededException"_s, u"TransactionInProgressException"_s,
        u"RequestLimitExceeded"_s, u"BandwidthLimitExceeded"_s, u"LimitExceededException"_s,
        u"RequestThrottled"_s, u"SlowDown"_s, u"PriorRequestNotComplete"_s,
        u"EC2ThrottledException"_s, u"CallRateLimitExceededException"_s};
    return codes.contains(code);
}

bool isTransientCode(QStringView code)
{
    return code == u"RequestTimeout" || code == u"RequestTimeoutException"
        || code == u"PriorRequestNotComplete";
}

QString printable(const QString &text, qsizetype maxChars)
{
    return sanitizeForDisplay(text, maxChars);
}

// A message for a body we could not read: printable ASCII only.
QString printableExcerpt(const QByteArray &body)
{
    QString out;
    for (const char c : body.left(200)) {
        const auto u = static_cast<unsigned char>(c);
        out += (u >= 0x20 && u < 0x7f) ? QLatin1Char(c) : QLatin1Char('?');
    }
    return out.simplified();
}

QString stripNamespace(QString code)
{
    // "aws.protocoltests#FooError:http://..." → "FooError"
    const qsizetype colon = code.indexOf(u':');
    if (colon >= 0)
        code.truncate(colon);
    const qsizetype hash = code.lastIndexOf(u'#');
    if (hash >= 0)
        code.remove(0, hash + 1);
    return code.trimmed();
}

} // namespace

QString AwsError::describe(const QString &operation) const
{
    if (kind == ErrorKind::Service)
        return u"An error occurred (%1) when calling the %2 operation: %3"_s.arg(
            code, operation, message);
    return message;
}

ServiceErrorCode serviceErrorCodeFromString(QStringView code)
{
    for (const ErrorInfo &info : errorTable()) {
        if (info.name == code)
            return info.code;
    }
    return ServiceErrorCode::Unknown;
}

QString serviceErrorCodeName(ServiceErrorCode code)
{
    for (const ErrorInfo &info : errorTable()) {
        if (info.code == code)
            return info.name;
    }
    return u"Unknown"_s;
}

int httpStatusForError(ServiceErrorCode code)
{
    for (const ErrorInfo &info : errorTable()) {
        if (info.code == code)
            return info.httpStatus;
    }
    return 0;
}

AwsError parseErrorResponse(
    int httpStatus, const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    AwsError error;
    error.kind = ErrorKind::Service;
    error.httpStatus = httpStatus;
    QString headerCode;
    for (const auto &[name, value] : headers) {
        if (name.compare("x-amzn-ErrorType", Qt::CaseInsensitive) == 0)
            headerCode = stripNamespace(QString::fromUtf8(value));
        else if (name.compare("x-amzn-RequestId", Qt::CaseInsensitive) == 0)
            error.requestId = printable(QString::fromLatin1(value), 128);
    }

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = doc.object();
    QString bodyCode;
    for (const QString &key : {u"code"_s, u"Code"_s, u"__type"_s}) {
        const QJsonValue v = object.value(key);
        if (v.isString() && !v.toString().isEmpty()) {
            bodyCode = stripNamespace(v.toString());
            break;
        }
    }
    for (const QString &key : {u"message"_s, u"Message"_s, u"errorMessage"_s}) {
        const QJsonValue v = object.value(key);
        if (v.isString()) {
            error.message = printable(v.toString(), 4096);
            break;
        }
    }

    error.code = printable(!headerCode.isEmpty() ? headerCode : bodyCode, 100);
    // botocore's code for an error without one is the bare status, e.g. "(503)".
    if (error.code.isEmpty())
        error.code = QString::number(httpStatus);
    if (error.message.isEmpty() && !doc.isObject())
        error.message = printableExcerpt(body);
    if (error.message.isEmpty())
        error.message = u"HTTP status %1 with no message"_s.arg(httpStatus);
    error.serviceCode = serviceErrorCodeFromString(error.code);
    return error;
}

bool isThrottlingError(const AwsError &error)
{
    return error.kind == ErrorKind::Service
        && (error.httpStatus == 429 || isThrottlingCode(error.code));
}

bool isRetryableError(const AwsError &error)
{
    switch (error.kind) {
    case ErrorKind::Network:
    case ErrorKind::Timeout:
        return true;
    case ErrorKind::Service:
        return isThrottlingError(error) || error.httpStatus >= 500 || isTransientCode(error.code);
    default:
        return false;
    }
}

} // namespace sw::aws
