#include "clihelp.h"

#include "aws/operationspec.h"
#include "aws/serviceregistry.h"

using namespace Qt::StringLiterals;
using namespace sw::aws;

namespace sw::cli {

namespace {

QString globalOptions()
{
    return uR"(Global options (anywhere on the line):
  --profile NAME          profile from ~/.aws/config and ~/.aws/credentials (AWS_PROFILE)
  --region REGION         region (AWS_REGION, AWS_DEFAULT_REGION, the profile's region)
  --endpoint-url URL      send requests here instead of the AWS endpoint (AWS_ENDPOINT_URL,
                          AWS_ENDPOINT_URL_<SERVICE>, endpoint_url in the profile)
  --allow-insecure-http   allow plain http:// to a host that is not loopback
  --no-paginate           return only the first page instead of merging all pages
  --page-size N           items per request while paging through all pages
  --starting-token T      start paging from this token (a previous nextToken)
  --cli-read-timeout N    seconds to wait for the next byte of a response (default 60)
  --cli-attempt-timeout N seconds one attempt may take in all, however slowly the bytes
                          come (default 60; 0: no limit); expiry is retried like a timeout
  --max-attempts N        attempts per request, retries included (AWS_MAX_ATTEMPTS; default 3)
  --output json           the only output format
  --debug                 log requests and responses to stderr (secrets redacted)
  --version, --help
)"_s;
}

QString typeText(const MemberSpec &m)
{
    switch (m.type) {
    case MemberType::String:
        return m.enumValues.isEmpty() ? u"string"_s
                                      : u"string, one of: "_s + m.enumValues.join(u' ');
    case MemberType::Integer:
        return u"integer"_s;
    case MemberType::Boolean:
        return u"boolean"_s;
    case MemberType::Timestamp:
        return u"timestamp (ISO-8601 or epoch seconds)"_s;
    case MemberType::StructureList:
        return u"JSON list"_s;
    }
    return {};
}

QString constraintText(const MemberSpec &m)
{
    QStringList parts;
    if (m.minLength || m.maxLength) {
        parts.append(u"length %1..%2"_s.arg(m.minLength ? QString::number(*m.minLength) : u""_s,
            m.maxLength ? QString::number(*m.maxLength) : u""_s));
    }
    if (m.minValue || m.maxValue) {
        parts.append(u"range %1..%2"_s.arg(m.minValue ? QString::number(*m.minValue) : u""_s,
            m.maxValue ? QString::number(*m.maxValue) : u""_s));
    }
    if (!m.pattern.isEmpty())
        parts.append(u"pattern %1"_s.arg(m.pattern));
    if (m.idempotencyToken)
        parts.append(u"a UUID is generated when omitted and reused on every retry"_s);
    return parts.join(u"; "_s);
}

} // namespace

QString topLevelHelp()
{
    QString out = u"stepwatch-cli: the AWS workflow operations Stepwatch uses, for scripts.\n\n"
                  "usage: stepwatch-cli [options] <service> <operation> [parameters]\n\n"
                  "Services:\n"_s;
    for (const ServiceSpec *s : allServices())
        out += u"  %1\n"_s.arg(s->cliName);
    out += u"\n"_s + globalOptions();
    out += u"\nExit codes: 0 success, 252 bad parameters, 253 configuration or credentials, "
           "254 service error, 255 anything else.\n"_s;
    return out;
}

QString serviceHelp(const ServiceSpec &service)
{
    QString out = u"stepwatch-cli %1 <operation> [parameters]\n\n%2 (API %3), %4.\n\n"
                  "Operations:\n"_s.arg(service.cliName, service.sdkId, service.apiVersion,
                      service.auth == AuthScheme::Bearer
                          ? u"authenticated with an SSO bearer token"_s
                          : u"signed with SigV4 as \"%1\""_s.arg(service.signingName));
    for (const OperationSpec *op : operationsOf(service))
        out += u"  %1\n"_s.arg(toKebabCase(op->name));
    return out;
}

QString operationHelp(const OperationSpec &op)
{
    QString out = u"stepwatch-cli %1 %2\n\n%3 %4 (%5)\n\nParameters:\n"_s.arg(op.service->cliName,
        toKebabCase(op.name), QString::fromLatin1(op.method), op.uriTemplate, op.name);
    for (const MemberSpec &m : op.members) {
        out += u"  --%1 (%2)%3\n"_s.arg(
            toKebabCase(m.name), typeText(m), m.required ? u" [required]"_s : QString());
        const QString constraints = constraintText(m);
        if (!constraints.isEmpty())
            out += u"      %1\n"_s.arg(constraints);
    }
    if (op.paginator) {
        out += u"\nAll pages are fetched and merged (%1) unless --no-paginate, --%2 or --%3 "
               "is given; --page-size and --starting-token page while merging.\n"_s.arg(
                   op.paginator->resultKeys.join(u", "_s), toKebabCase(op.paginator->inputToken),
                   toKebabCase(op.paginator->limitKey));
    }
    out += u"\nErrors: %1\n"_s.arg(op.errors.join(u", "_s));
    return out;
}

} // namespace sw::cli
