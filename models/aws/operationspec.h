#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sw::aws {

/// How a service authenticates: SigV4 for three of them, an SSO bearer token for CodeCatalyst.
enum class AuthScheme { SigV4, Bearer };

/// What a service is called in each place the AWS tooling names it. One static instance per
/// service lives in that service's file.
struct ServiceSpec {
    QString modelId; ///< botocore data folder, e.g. "customer-profiles"
    QString cliName; ///< the AWS CLI's service name (the same as modelId for these four)
    QString sdkId; ///< metadata.serviceId, e.g. "Customer Profiles"
    QString signingName; ///< SigV4 credential scope service, e.g. "profile"
    QString endpointEnvKey; ///< AWS_ENDPOINT_URL_<this>, e.g. "CUSTOMER_PROFILES"
    QString configKey; ///< key in a [services] section, e.g. "customer_profiles"
    QString apiVersion;
    AuthScheme auth = AuthScheme::SigV4;
};

/// Where a request member goes on the wire (the model's "location").
enum class Location { Uri, Query, Body };

enum class MemberType {
    String,
    Integer,
    Boolean,
    Timestamp, ///< epoch seconds in a rest-json body
    StructureList, ///< a list of (empty) structures, e.g. CodeCatalyst sortBy
};

/// One input member of an operation with every constraint the model documents for it.
struct MemberSpec {
    QString name; ///< model member name: the key in a params object
    Location location = Location::Body;
    QString wireName; ///< locationName for uri/query members; the body key otherwise
    MemberType type = MemberType::String;
    bool required = false;
    std::optional<qint64> minLength; ///< characters of a string, items of a list
    std::optional<qint64> maxLength;
    std::optional<qint64> minValue; ///< integers
    std::optional<qint64> maxValue;
    QString pattern; ///< the model's regex; matched against the whole value
    QStringList enumValues; ///< documented values; not enforced, the enums grow
    bool idempotencyToken = false;
};

/// How an operation pages: the tokens, the limit and the list(s) that pages add up.
struct PaginatorSpec {
    QString inputToken;
    QString outputToken;
    QString limitKey;
    QStringList resultKeys;
    /// false where paginators-1.json has no entry and we page by hand (Customer Profiles).
    bool modelled = true;
};

/// One operation as the service model defines it: enough to validate and serialize any
/// request for it and to page through its results.
struct OperationSpec {
    const ServiceSpec *service = nullptr;
    QString name; ///< e.g. "GetWorkflowSteps"
    QByteArray method;
    QString uriTemplate; ///< e.g. "/domains/{DomainName}/workflows/{WorkflowId}/steps"
    QList<MemberSpec> members;
    std::optional<PaginatorSpec> paginator;
    QStringList errors; ///< the error shapes the model lists for it
    bool idempotent = false;
    /// The output shape has no members: only then is an empty 2xx body a complete answer.
    bool emptyOutput = false;

    const MemberSpec *member(QStringView name) const;
    bool hasBodyMembers() const;
    /// The member the SDKs fill with a fresh UUID when the caller gives none, if any.
    const MemberSpec *idempotencyTokenMember() const;
};

/// Builders that keep the service files' spec tables readable.
MemberSpec stringMember(const QString &name, Location location, const QString &wireName,
    bool required, std::optional<qint64> minLength = std::nullopt,
    std::optional<qint64> maxLength = std::nullopt, const QString &pattern = {});
MemberSpec integerMember(const QString &name, Location location, const QString &wireName,
    std::optional<qint64> minValue, std::optional<qint64> maxValue);

/// For typed requests: optional members go into params only when set.
void setOptionalParam(QJsonObject &params, const QString &name, const QString &value);
void setOptionalParam(QJsonObject &params, const QString &name, std::optional<int> value);

/// "GetWorkflowSteps" → "get-workflow-steps", "DomainName" → "domain-name",
/// "imageBuildVersionArn" → "image-build-version-arn": the AWS CLI's names.
QString toKebabCase(QStringView name);

} // namespace sw::aws
