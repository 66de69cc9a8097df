#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace sw::aws {
struct OperationSpec;
struct ServiceSpec;
} // namespace sw::aws

namespace sw::cli {

/// The AWS CLI's exit codes, which scripts already know how to read.
enum ExitCode {
    ExitOk = 0,
    ExitParameterError = 252,
    ExitConfigError = 253,
    ExitServiceError = 254,
    ExitOtherError = 255,
};

/// A parsed stepwatch-cli command line.
struct Invocation {
    // Global options, accepted anywhere on the line as the AWS CLI does.
    QString profile;
    QString region;
    QString endpointUrl;
    bool debug = false;
    bool paginate = true;
    bool allowInsecureHttp = false;
    std::optional<int> readTimeoutSeconds;
    std::optional<int> attemptTimeoutSeconds;
    std::optional<int> pageSize; ///< --page-size: the limit key, while still paging
    QString startingToken; ///< --starting-token: the first page's token
    std::optional<int> maxAttempts;
    bool help = false;
    bool version = false;

    const aws::ServiceSpec *service = nullptr;
    const aws::OperationSpec *operation = nullptr;
    QJsonObject params; ///< keyed by model member name
};

/// Either an invocation or the error text for stderr with its exit code.
struct ParseResult {
    Invocation invocation;
    QString error;
    int exitCode = ExitOk;
};

/// Parses arguments (without the program name). Parameters are the operation's members in
/// kebab case (--domain-name), typed by the model: integers must be integers, timestamps
/// ISO-8601 or epoch seconds, lists JSON. Required parameters are checked here so the
/// message names the option as typed; the remaining constraints are the validator's.
ParseResult parseCommandLine(const QStringList &arguments);

} // namespace sw::cli
