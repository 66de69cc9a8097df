// stepwatch-cli: the operations of the dashboard, for scripts, with the AWS CLI's names,
// exit codes and error wording.

#include "clihelp.h"
#include "commandline.h"

#include "aws/awsclient.h"
#include "aws/clientconfig.h"
#include "aws/requestserializer.h"
#include "aws/serviceregistry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace sw;

namespace {

void printErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void printOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

int exitCodeFor(const aws::AwsError &error)
{
    switch (error.kind) {
    case aws::ErrorKind::None:
        return cli::ExitOk;
    case aws::ErrorKind::Validation:
        return cli::ExitParameterError;
    case aws::ErrorKind::Configuration:
    case aws::ErrorKind::Credentials:
        return cli::ExitConfigError;
    case aws::ErrorKind::Service:
        return cli::ExitServiceError;
    default:
        return cli::ExitOtherError;
    }
}

void debugLine(const QString &line)
{
    printErr(QDateTime::currentDateTime().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s) + u" - "_s + line);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"stepwatch-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STEPWATCH_VERSION));

    const cli::ParseResult parsed = cli::parseCommandLine(app.arguments().mid(1));
    if (parsed.exitCode != cli::ExitOk) {
        printErr(u"stepwatch-cli: error: "_s + parsed.error);
        return parsed.exitCode;
    }
    const cli::Invocation &inv = parsed.invocation;
    // The library's diagnostics are for --debug only; they never carry secrets either way.
    QLoggingCategory::setFilterRules(
        inv.debug ? u"stepwatch.*.debug=true"_s : u"stepwatch.*.debug=false"_s);
    if (inv.version) {
        printOut(u"stepwatch-cli %1 (Qt %2)\n"_s
                     .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()))
                     .toUtf8());
        return cli::ExitOk;
    }
    if (inv.help) {
        const QString text = inv.operation ? cli::operationHelp(*inv.operation)
            : inv.service                  ? cli::serviceHelp(*inv.service)
                                           : cli::topLevelHelp();
        printOut(text.toUtf8());
        return cli::ExitOk;
    }

    // Parameters first: a typo should be reported as such, whatever the configuration.
    const QList<aws::ValidationIssue> issues = aws::validateParams(*inv.operation, inv.params);
    if (!issues.isEmpty()) {
        printErr(aws::describeValidationIssues(issues));
        return cli::ExitParameterError;
    }

    aws::ClientOptions options;
    options.profile = inv.profile;
    options.region = inv.region;
    options.endpointUrl = inv.endpointUrl;
    options.allowInsecureHttp = inv.allowInsecureHttp;
    options.maxAttempts = inv.maxAttempts;
    options.userAgentProduct = u"stepwatch-cli/"_s + QCoreApplication::applicationVersion();
    if (inv.readTimeoutSeconds)
        options.timeoutMs = *inv.readTimeoutSeconds > 0 ? *inv.readTimeoutSeconds * 1000 : 0;
    if (inv.attemptTimeoutSeconds) {
        options.attemptTimeoutMs =
            *inv.attemptTimeoutSeconds > 0 ? *inv.attemptTimeoutSeconds * 1000 : 0;
    }

    const aws::AwsSession session(QProcessEnvironment::systemEnvironment(), options);
    aws::AwsError error;
    const std::optional<aws::ServiceConfig> config =
        session.serviceConfig(*inv.operation->service, &error);
    if (inv.debug) {
        const aws::SharedConfig &shared = session.sharedConfig();
        debugLine(u"stepwatch-cli %1, profile %2, config %3, credentials %4"_s.arg(
            QCoreApplication::applicationVersion(), shared.profileName(), shared.configFilePath(),
            shared.credentialsFilePath()));
        if (config) {
            debugLine(u"endpoint %1 (%2), region %3"_s.arg(
                config->endpoint.toDisplayString(), config->endpointSource, config->region));
        }
    }
    if (!config) {
        printErr(error.message);
        return exitCodeFor(error);
    }

    QNetworkAccessManager network;
    aws::AwsClient client(&network);
    if (inv.debug)
        client.setDebugSink(debugLine);
    aws::CallOptions callOptions;
    callOptions.paginate = inv.paginate;
    aws::AwsReply *reply = client.send(*config, *inv.operation, inv.params, callOptions);

    int exitCode = cli::ExitOtherError;
    QObject::connect(reply, &aws::AwsReply::finished, &app, [&] {
        const aws::AwsError &e = reply->error();
        if (e.isError()) {
            printErr(e.describe(inv.operation->name));
        } else {
            printOut(QJsonDocument(reply->json()).toJson(QJsonDocument::Indented));
        }
        exitCode = exitCodeFor(e);
        app.quit();
    });
    app.exec();
    return exitCode;
}
