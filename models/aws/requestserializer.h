#pragma once

#include "httprequest.h"
#include "operationspec.h"

#include <QJsonObject>
#include <QList>

namespace sw::aws {

/// One broken rule of one parameter, worded like botocore's ParamValidationError lines.
struct ValidationIssue {
    QString member;
    QString message;
};

/// Checks params (keyed by model member name) against every constraint the model documents:
/// required, type, length, range and pattern, and that no unknown member is given. Returns
/// every issue found, in member order; empty when the request may be sent.
QList<ValidationIssue> validateParams(const OperationSpec &op, const QJsonObject &params);

/// "Parameter validation failed:\n<one line per issue>", as the AWS CLI prints it.
QString describeValidationIssues(const QList<ValidationIssue> &issues);

/// Fills the operation's idempotency token with a fresh UUID when the caller gave none, as the
/// SDKs do. Call once per logical request, before the first attempt: every retry then sends
/// the same token, so a lost reply can never start a second run.
QJsonObject withIdempotencyToken(const OperationSpec &op, QJsonObject params);

/// Serializes valid params into method, path (labels percent-encoded, after any base path of
/// the endpoint), query (under the modelled names) and body: a JSON object holding the body
/// members whenever the input has any ("{}" when none is set), with Content-Type
/// application/json; no body and no Content-Type otherwise.
HttpRequest serializeRequest(
    const OperationSpec &op, const QJsonObject &params, const QByteArray &basePath = {});

} // namespace sw::aws
