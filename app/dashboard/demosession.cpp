#include "demosession.h"

#include "sim/simulator.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace sw {

DemoSession::DemoSession(int workflowsPerService, QObject *parent) : QObject(parent)
{
    sim::SimOptions options;
    options.seed = 42;
    options.speed = Speed;
    options.workflowsPerService = workflowsPerService;
    m_simulator = std::make_unique<sim::Simulator>(options);
}

DemoSession::~DemoSession() = default;

bool DemoSession::start(QString *error)
{
    if (m_simulator->port() != 0)
        return true;
    if (m_simulator->listen() == 0) {
        *error = tr("The built-in simulator could not listen on 127.0.0.1.");
        return false;
    }
    return true;
}

QString DemoSession::url() const
{
    return m_simulator->url();
}

QList<Watch> DemoSession::watches() const
{
    const QJsonObject inventory = m_simulator->inventory();
    auto first = [&](const QString &service, const QString &list) {
        return inventory.value(service).toObject().value(list).toArray().first();
    };
    QList<Watch> watches;
    for (int s = 0; s < ServiceCount; ++s) {
        Watch w;
        w.service = Service(s);
        // Stable ids: the operator's column widths and selection survive a restart of the demo.
        w.id = u"demo-"_s + serviceId(w.service);
        w.name = tr("Demo · %1").arg(serviceDisplayName(w.service));
        w.region = u"us-east-1"_s;
        w.endpointUrl = url();
        w.intervalSeconds = 2;
        w.terminalIntervalSeconds = 30;
        w.discoveryIntervalSeconds = 10;
        switch (w.service) {
        case Service::MigrationHubOrchestrator:
            break;
        case Service::CustomerProfiles:
            w.domainName = first(u"customer-profiles"_s, u"domains"_s).toString();
            break;
        case Service::ImageBuilder:
            w.imageBuildVersionArn =
                first(u"imagebuilder"_s, u"imageBuildVersionArns"_s).toString();
            break;
        case Service::CodeCatalyst: {
            const QJsonObject space = first(u"codecatalyst"_s, u"spaces"_s).toObject();
            w.spaceName = space.value(u"name"_s).toString();
            w.projectName = space.value(u"projects"_s).toArray().first().toString();
            break;
        }
        }
        watches.append(w);
    }
    return watches;
}

QProcessEnvironment DemoSession::environment() const
{
    QProcessEnvironment env;
    // A home without .aws: the operator's config files and profiles play no part.
    env.insert(u"HOME"_s, QDir::temp().filePath(u"stepwatch-demo-home-does-not-exist"_s));
    env.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIASTEPWATCHDEMO000"_s);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"stepwatch-demo-secret-not-a-real-key"_s);
    env.insert(u"AWS_REGION"_s, u"us-east-1"_s);
    env.insert(u"AWS_BEARER_TOKEN_CODECATALYST"_s, u"stepwatch-demo-token"_s);
    return env;
}

} // namespace sw
