#include "watch.h"

#include "aws/awsclient.h"
#include "aws/clientconfig.h"
#include "aws/codecatalyst.h"
#include "aws/customerprofiles.h"
#include "aws/imagebuilder.h"
#include "aws/migrationhuborchestrator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUuid>

#include <cmath>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sw::Watch", text);
}

// The request a poll of this scope will send, checked by the same rules send() applies, so
// a watch that saves is a watch whose requests validate.
// `onlyMember` keeps the issues of that one member: a per-id check must not repeat (under the
// id's name) what the scope's own check already said about the domain or space.
template<class Op>
void checkRequest(const typename Op::Request &request, const QString &field, QStringList &errors,
    const QString &onlyMember = {})
{
    for (const aws::ValidationIssue &issue : aws::validateRequest<Op>(request)) {
        if (onlyMember.isEmpty() || issue.member == onlyMember)
            errors.append(u"%1: %2"_s.arg(field, issue.message));
    }
}

constexpr int minIntervalSeconds = 1;
constexpr int maxIntervalSeconds = 24 * 3600;

} // namespace

QString Watch::displayName() const
{
    if (!name.trimmed().isEmpty())
        return name.trimmed();
    QString where;
    switch (service) {
    case Service::MigrationHubOrchestrator:
        where = region;
        break;
    case Service::CustomerProfiles:
        where = domainName;
        break;
    case Service::ImageBuilder:
        where = imageBuildVersionArn.section(u'/', 1); // "name/1.0.0/3" of the image ARN
        break;
    case Service::CodeCatalyst:
        where = spaceName + u'/' + projectName;
        break;
    }
    if (where.isEmpty() || where == u"/")
        where = region;
    QString label = serviceDisplayName(service);
    if (!where.isEmpty())
        label += u" · "_s + where;
    if (!profile.isEmpty())
        label += u" (%1)"_s.arg(profile);
    return label;
}

bool Watch::discovers() const
{
    return ids.isEmpty();
}

QStringList Watch::validate() const
{
    QStringList errors;
    if (id.isEmpty())
        errors.append(tr("The watch has no id."));
    if (!region.isEmpty() && !aws::isValidRegionName(region))
        errors.append(tr("Region \"%1\" is not a valid region name.").arg(region));
    if (!endpointUrl.isEmpty()) {
        const QString problem = aws::checkEndpointUrl(
            QUrl(endpointUrl, QUrl::StrictMode), tr("the watch's endpoint URL"), false);
        if (!problem.isEmpty())
            errors.append(problem);
    }
    if (!profile.isEmpty()
        && (profile.contains(u'[') || profile.contains(u']') || profile.trimmed() != profile))
        errors.append(tr("Profile \"%1\" cannot be a profile name.").arg(profile));

    const struct {
        const char *name;
        int value;
    } intervals[] = {{"interval", intervalSeconds}, {"terminal interval", terminalIntervalSeconds},
        {"discovery interval", discoveryIntervalSeconds}};
    for (const auto &interval : intervals) {
        if (interval.value < minIntervalSeconds || interval.value > maxIntervalSeconds)
            errors.append(tr("The %1 must be between %2 s and %3 s, not %4 s.")
                              .arg(tr(interval.name))
                              .arg(minIntervalSeconds)
                              .arg(maxIntervalSeconds)
                              .arg(interval.value));
    }

    QSet<QString> seen;
    for (const QString &wanted : ids) {
        // The models give some ids no minimum length, and an empty member is never sent.
        if (wanted.trimmed().isEmpty())
            errors.append(tr("%1: must not be empty.")
                              .arg(service == Service::ImageBuilder ? tr("Workflow execution id")
                                                                    : tr("Workflow id")));
        else if (seen.contains(wanted))
            errors.append(tr("Id \"%1\" is listed twice.").arg(wanted));
        seen.insert(wanted);
    }

    switch (service) {
    case Service::MigrationHubOrchestrator:
        for (const QString &wanted : ids) {
            if (!wanted.trimmed().isEmpty())
                checkRequest<aws::mho::GetWorkflow>({wanted}, tr("Workflow id"), errors);
        }
        break;
    case Service::CustomerProfiles: {
        aws::profiles::ListWorkflows::Request list;
        list.domainName = domainName;
        checkRequest<aws::profiles::ListWorkflows>(list, tr("Domain"), errors);
        for (const QString &wanted : ids) {
            if (wanted.trimmed().isEmpty())
                continue;
            aws::profiles::GetWorkflow::Request get;
            get.domainName = domainName.isEmpty() ? u"domain"_s : domainName;
            get.workflowId = wanted;
            checkRequest<aws::profiles::GetWorkflow>(
                get, tr("Workflow id"), errors, u"WorkflowId"_s);
        }
        break;
    }
    case Service::ImageBuilder:
        if (ids.isEmpty() && imageBuildVersionArn.isEmpty())
            errors.append(tr("Image build version ARN: required when no workflow execution ids "
                             "are listed."));
        if (!imageBuildVersionArn.isEmpty()) {
            aws::imagebuilder::ListWorkflowExecutions::Request list;
            list.imageBuildVersionArn = imageBuildVersionArn;
            checkRequest<aws::imagebuilder::ListWorkflowExecutions>(
                list, tr("Image build version ARN"), errors);
        }
        for (const QString &wanted : ids) {
            if (wanted.trimmed().isEmpty())
                continue;
            aws::imagebuilder::ListWorkflowStepExecutions::Request steps;
            steps.workflowExecutionId = wanted;
            checkRequest<aws::imagebuilder::ListWorkflowStepExecutions>(
                steps, tr("Workflow execution id"), errors);
        }
        break;
    case Service::CodeCatalyst: {
        aws::codecatalyst::ListWorkflows::Request list;
        list.spaceName = spaceName;
        list.projectName = projectName;
        checkRequest<aws::codecatalyst::ListWorkflows>(list, tr("Space and project"), errors);
        // Every workflow found is then polled with ListWorkflowRuns, whose names are stricter
        // (3..63 characters) than ListWorkflows' (from 1).
        aws::codecatalyst::ListWorkflowRuns::Request runs;
        runs.spaceName = spaceName;
        runs.projectName = projectName;
        if (!spaceName.isEmpty() && !projectName.isEmpty())
            checkRequest<aws::codecatalyst::ListWorkflowRuns>(
                runs, tr("Space and project"), errors);
        for (const QString &wanted : ids) {
            if (wanted.trimmed().isEmpty())
                continue;
            runs.workflowId = wanted;
            checkRequest<aws::codecatalyst::ListWorkflowRuns>(
                runs, tr("Workflow id"), errors, u"workflowId"_s);
        }
        break;
    }
    }
    return errors;
}

QJsonObject Watch::toJson() const
{
    QJsonObject json {
        {u"id"_s, id},
        {u"service"_s, serviceId(service)},
        {u"intervalSeconds"_s, intervalSeconds},
        {u"terminalIntervalSeconds"_s, terminalIntervalSeconds},
        {u"discoveryIntervalSeconds"_s, discoveryIntervalSeconds},
        {u"paused"_s, paused},
    };
    const std::pair<const char16_t *, const QString *> optionalStrings[] = {{u"name", &name},
        {u"profile", &profile}, {u"region", &region}, {u"endpointUrl", &endpointUrl},
        {u"domainName", &domainName}, {u"imageBuildVersionArn", &imageBuildVersionArn},
        {u"spaceName", &spaceName}, {u"projectName", &projectName}};
    for (const auto &[key, value] : optionalStrings) {
        if (!value->isEmpty())
            json.insert(QString::fromUtf16(key), *value);
    }
    if (!ids.isEmpty())
        json.insert(u"ids"_s, QJsonArray::fromStringList(ids));
    return json;
}

std::optional<Watch> Watch::fromJson(const QJsonObject &json, QString *error)
{
    auto fail = [error](const QString &text) -> std::optional<Watch> {
        if (error)
            *error = text;
        return std::nullopt;
    };
    Watch w;
    const QJsonValue service = json.value(u"service"_s);
    const std::optional<Service> parsed = serviceFromId(service.toString());
    if (!parsed)
        return fail(tr("\"service\" must be one of migrationhuborchestrator, customer-profiles, "
                       "imagebuilder, codecatalyst, not %1.")
                        .arg(service.isString() ? u"\"%1\""_s.arg(service.toString())
                                                : tr("a value that is not a string")));
    w.service = *parsed;

    const std::pair<const char16_t *, QString *> strings[] = {{u"id", &w.id}, {u"name", &w.name},
        {u"profile", &w.profile}, {u"region", &w.region}, {u"endpointUrl", &w.endpointUrl},
        {u"domainName", &w.domainName}, {u"imageBuildVersionArn", &w.imageBuildVersionArn},
        {u"spaceName", &w.spaceName}, {u"projectName", &w.projectName}};
    for (const auto &[key, target] : strings) {
        const QJsonValue v = json.value(QString::fromUtf16(key));
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isString())
            return fail(tr("\"%1\" must be a string.").arg(QString::fromUtf16(key)));
        *target = v.toString();
    }
    if (w.id.isEmpty())
        return fail(tr("\"id\" is missing."));

    const std::pair<const char16_t *, int *> ints[] = {{u"intervalSeconds", &w.intervalSeconds},
        {u"terminalIntervalSeconds", &w.terminalIntervalSeconds},
        {u"discoveryIntervalSeconds", &w.discoveryIntervalSeconds}};
    for (const auto &[key, target] : ints) {
        const QJsonValue v = json.value(QString::fromUtf16(key));
        if (v.isUndefined())
            continue;
        const double d = v.toDouble(-1);
        // The range first: converting 1e300 (or NaN) to an integer is undefined behaviour.
        if (!v.isDouble() || !(d >= 0 && d <= maxIntervalSeconds) || d != std::floor(d))
            return fail(
                tr("\"%1\" must be a whole number of seconds.").arg(QString::fromUtf16(key)));
        *target = int(d);
    }
    const QJsonValue paused = json.value(u"paused"_s);
    if (!paused.isUndefined()) {
        if (!paused.isBool())
            return fail(tr("\"paused\" must be true or false."));
        w.paused = paused.toBool();
    }
    const QJsonValue ids = json.value(u"ids"_s);
    if (!ids.isUndefined()) {
        if (!ids.isArray())
            return fail(tr("\"ids\" must be a list of strings."));
        for (const QJsonValue &v : ids.toArray()) {
            if (!v.isString())
                return fail(tr("\"ids\" must be a list of strings."));
            w.ids.append(v.toString());
        }
    }
    return w;
}

QString Watch::newId()
{
    // Short enough to read in a file, random enough never to collide within one config.
    return QUuid::createUuid().toString(QUuid::Id128).left(12);
}

bool operator==(const Watch &a, const Watch &b)
{
    return a.toJson() == b.toJson();
}

} // namespace sw
