#include "commandline.h"

#include "aws/jsonreader.h"
#include "aws/operationspec.h"
#include "aws/serviceregistry.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace sw::aws;

namespace sw::cli {

namespace {

ParseResult fail(const QString &message, int code = ExitParameterError)
{
    ParseResult r;
    r.error = message;
    r.exitCode = code;
    return r;
}

std::optional<QJsonValue> convert(const MemberSpec &m, const QString &text, QString *problem)
{
    switch (m.type) {
    case MemberType::String:
        return QJsonValue(text);
    case MemberType::Integer: {
        bool ok = false;
        const qlonglong n = text.toLongLong(&ok);
        if (!ok) {
            *problem =
                u"argument --%1: invalid integer value: '%2'"_s.arg(toKebabCase(m.name), text);
            return std::nullopt;
        }
        return QJsonValue(static_cast<double>(n));
    }
    case MemberType::Boolean:
        if (text != u"true" && text != u"false") {
            *problem =
                u"argument --%1: expected true or false, got '%2'"_s.arg(toKebabCase(m.name), text);
            return std::nullopt;
        }
        return QJsonValue(text == u"true");
    case MemberType::Timestamp: {
        bool ok = false;
        const double seconds = text.toDouble(&ok);
        if (ok)
            return QJsonValue(seconds);
        const QDateTime t = aws::parseIsoTimestamp(text);
        if (!t.isValid()) {
            *problem = u"argument --%1: invalid timestamp '%2': use ISO-8601 "
                       "(2026-11-21T09:00:00Z) or epoch seconds"_s.arg(toKebabCase(m.name), text);
            return std::nullopt;
        }
        return QJsonValue(text);
    }
    case MemberType::StructureList: {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isArray()) {
            *problem =
                u"argument --%1: expected a JSON list, e.g. '[{}]'"_s.arg(toKebabCase(m.name));
            return std::nullopt;
        }
        return QJsonValue(doc.array());
    }
    }
    return std::nullopt;
}

} // namespace

ParseResult parseCommandLine(const QStringList &arguments)
{
    ParseResult result;
    Invocation &inv = result.invocation;
    QStringList positional;
    QList<QPair<QString, QString>> operationArgs; // (option name, value) in order
    QStringList unknownFlags;

    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        if (!arg.startsWith(u"--"_s) || arg == u"--"_s) {
            if (arg == u"help"_s)
                inv.help = true;
            else
                positional.append(arg);
            continue;
        }
        QString name = arg.mid(2);
        std::optional<QString> inlineValue;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            inlineValue = name.mid(eq + 1);
            name.truncate(eq);
        }
        auto takeValue = [&](QString *out) -> bool {
            if (inlineValue) {
                *out = *inlineValue;
                return true;
            }
            if (i + 1 >= arguments.size())
                return false;
            *out = arguments.at(++i);
            return true;
        };
        auto intValue = [&](std::optional<int> *out) -> std::optional<QString> {
            QString text;
            if (!takeValue(&text))
                return u"argument --%1: expected one argument"_s.arg(name);
            bool ok = false;
            const int n = text.toInt(&ok);
            // An hour per attempt is plenty, and keeps milliseconds inside an int.
            if (!ok || n < 0 || n > 3600 * 24)
                return u"argument --%1: invalid value: '%2'"_s.arg(name, text);
            *out = n;
            return std::nullopt;
        };

        if (name == u"help") {
            inv.help = true;
        } else if (name == u"version") {
            inv.version = true;
        } else if (name == u"debug") {
            inv.debug = true;
        } else if (name == u"no-paginate") {
            inv.paginate = false;
        } else if (name == u"allow-insecure-http") {
            inv.allowInsecureHttp = true;
        } else if (name == u"profile" || name == u"region" || name == u"endpoint-url"
            || name == u"output") {
            QString value;
            if (!takeValue(&value) || value.isEmpty())
                return fail(u"argument --%1: expected one argument"_s.arg(name));
            if (name == u"profile")
                inv.profile = value;
            else if (name == u"region")
                inv.region = value;
            else if (name == u"endpoint-url")
                inv.endpointUrl = value;
            else if (value != u"json")
                return fail(u"argument --output: only 'json' is supported, got '%1'"_s.arg(value));
        } else if (name == u"page-size") {
            if (auto problem = intValue(&inv.pageSize))
                return fail(*problem);
        } else if (name == u"starting-token") {
            if (!takeValue(&inv.startingToken) || inv.startingToken.isEmpty())
                return fail(u"argument --starting-token: expected one argument"_s);
        } else if (name == u"cli-read-timeout") {
            if (auto problem = intValue(&inv.readTimeoutSeconds))
                return fail(*problem);
        } else if (name == u"cli-attempt-timeout") {
            if (auto problem = intValue(&inv.attemptTimeoutSeconds))
                return fail(*problem);
        } else if (name == u"max-attempts") {
            if (auto problem = intValue(&inv.maxAttempts))
                return fail(*problem);
        } else {
            // An operation parameter; which ones exist is known once the operation is.
            QString value;
            if (!takeValue(&value)) {
                unknownFlags.append(u"--"_s + name); // resolved below
                operationArgs.append({name, QString()});
                continue;
            }
            operationArgs.append({name, value});
        }
    }

    if (inv.version)
        return result;
    if (positional.size() > 2)
        return fail(u"Unknown arguments: %1"_s.arg(positional.mid(2).join(u' ')));
    if (!positional.isEmpty()) {
        inv.service = findServiceByCliName(positional.at(0));
        if (!inv.service) {
            QStringList names;
            for (const ServiceSpec *s : allServices())
                names.append(s->cliName);
            return fail(u"argument service: Invalid choice '%1', valid choices are: %2"_s.arg(
                positional.at(0), names.join(u", "_s)));
        }
    }
    if (positional.size() == 2) {
        inv.operation = findOperationByCliName(*inv.service, positional.at(1));
        if (!inv.operation) {
            QStringList names;
            for (const OperationSpec *op : operationsOf(*inv.service))
                names.append(toKebabCase(op->name));
            return fail(u"argument operation: Invalid choice '%1', valid choices are: %2"_s.arg(
                positional.at(1), names.join(u", "_s)));
        }
    }
    if (inv.help)
        return result;
    if (!inv.service || !inv.operation)
        return fail(u"usage: stepwatch-cli [options] <service> <operation> [parameters]\n"
                    "To see help text, you can run:\n\n"
                    "  stepwatch-cli --help\n  stepwatch-cli <service> --help\n"
                    "  stepwatch-cli <service> <operation> --help"_s);

    QStringList unknown;
    for (const auto &[name, value] : std::as_const(operationArgs)) {
        const MemberSpec *member = nullptr;
        for (const MemberSpec &m : inv.operation->members) {
            if (toKebabCase(m.name) == name)
                member = &m;
        }
        if (!member) {
            unknown.append(u"--"_s + name);
            continue;
        }
        if (unknownFlags.contains(u"--"_s + name))
            return fail(u"argument --%1: expected one argument"_s.arg(name));
        QString problem;
        const std::optional<QJsonValue> v = convert(*member, value, &problem);
        if (!v)
            return fail(problem);
        inv.params.insert(member->name, *v);
    }
    if (!unknown.isEmpty())
        return fail(u"Unknown options: %1"_s.arg(unknown.join(u", "_s)));

    QStringList missing;
    for (const MemberSpec &m : inv.operation->members) {
        if (m.required && !inv.params.contains(m.name))
            missing.append(u"--"_s + toKebabCase(m.name));
    }
    if (!missing.isEmpty())
        return fail(u"the following arguments are required: %1"_s.arg(missing.join(u", "_s)));

    // As the AWS CLI: giving the page token or the page limit yourself means you are paging
    // by hand; --starting-token and --page-size are the options that keep paging on.
    if (const auto &paginator = inv.operation->paginator) {
        if (inv.params.contains(paginator->inputToken) || inv.params.contains(paginator->limitKey))
            inv.paginate = false;
        if (!inv.startingToken.isEmpty())
            inv.params.insert(paginator->inputToken, inv.startingToken);
        if (inv.pageSize)
            inv.params.insert(paginator->limitKey, *inv.pageSize);
    } else if (!inv.startingToken.isEmpty() || inv.pageSize) {
        return fail(u"%1 does not page: --starting-token and --page-size do not apply"_s.arg(
            toKebabCase(inv.operation->name)));
    }
    return result;
}

} // namespace sw::cli
