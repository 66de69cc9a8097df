#pragma once

// The models' integration tests: the simulator in process on 127.0.0.1, a temporary HOME (so
// no developer's ~/.aws is read), environment credentials and a CodeCatalyst bearer token,
// and a Poller on a real QNetworkAccessManager aimed at it.

#include "awsgateway.h"
#include "poller.h"
#include "watch.h"

#include "sim/simulator.h"
#include "support/temphome.h"
#include "support/waitfor.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace sw::test {

struct ReceivedRequest {
    qint64 atMs;
    QString operation;
    QString path;
    int status;
};

class SimFleet {
public:
    explicit SimFleet(int workflowsPerService = 6, double speed = 60, double requestsPerSecond = 50,
        PollPolicy policy = {})
    {
        sim::SimOptions options;
        options.seed = 7;
        options.speed = speed;
        options.workflowsPerService = workflowsPerService;
        simulator = std::make_unique<sim::Simulator>(options);
        simulator->listen();
        clock.start();
        simulator->setRequestLogger([this](const sim::SimRequest &request,
                                        const sim::SimResponse &response,
                                        const QString &operation) {
            received.append(
                {clock.elapsed(), operation, QString::fromUtf8(request.rawPath), response.status});
        });
        AwsGateway::Settings settings;
        settings.environment = home.env({QStringLiteral("AWS_ACCESS_KEY_ID=AKIDSTEPWATCHTEST"),
            QStringLiteral("AWS_SECRET_ACCESS_KEY=stepwatch-test-secret"),
            QStringLiteral("AWS_REGION=us-east-1"),
            QStringLiteral("AWS_BEARER_TOKEN_CODECATALYST=stepwatch-test-bearer")});
        settings.requestsPerSecond = requestsPerSecond;
        settings.timeoutMs = 5000;
        gateway = std::make_unique<AwsGateway>(&network, settings);
        poller = std::make_unique<Poller>(gateway.get(), policy);
    }

    ~SimFleet()
    {
        poller.reset();
        gateway.reset();
    }

    /// A watch of the whole first scope the simulator has for the service.
    Watch watchFor(Service service) const
    {
        const QJsonObject inventory = simulator->inventory();
        Watch w;
        w.id = Watch::newId();
        w.service = service;
        w.endpointUrl = simulator->url();
        w.intervalSeconds = 1;
        w.discoveryIntervalSeconds = 5;
        switch (service) {
        case Service::MigrationHubOrchestrator:
            break;
        case Service::CustomerProfiles:
            w.domainName = inventory.value(QStringLiteral("customer-profiles"))
                               .toObject()
                               .value(QStringLiteral("domains"))
                               .toArray()
                               .first()
                               .toString();
            break;
        case Service::ImageBuilder:
            w.imageBuildVersionArn = inventory.value(QStringLiteral("imagebuilder"))
                                         .toObject()
                                         .value(QStringLiteral("imageBuildVersionArns"))
                                         .toArray()
                                         .first()
                                         .toString();
            break;
        case Service::CodeCatalyst: {
            const QJsonObject space = inventory.value(QStringLiteral("codecatalyst"))
                                          .toObject()
                                          .value(QStringLiteral("spaces"))
                                          .toArray()
                                          .first()
                                          .toObject();
            w.spaceName = space.value(QStringLiteral("name")).toString();
            w.projectName = space.value(QStringLiteral("projects")).toArray().first().toString();
            break;
        }
        }
        return w;
    }

    /// Collects the keys of every workflow the poller lists into knownKeys.
    void trackKeys()
    {
        QObject::connect(poller.get(), &Poller::watchSnapshot, poller.get(),
            [this](const QString &, const QList<WorkflowSnapshot> &workflows) {
                for (const WorkflowSnapshot &w : workflows)
                    knownKeys.insert(w.key);
            });
    }

    QList<ReceivedRequest> requestsOf(const QString &operation) const
    {
        QList<ReceivedRequest> list;
        for (const ReceivedRequest &r : received) {
            if (r.operation == operation)
                list.append(r);
        }
        return list;
    }

    TempHome home;
    std::unique_ptr<sim::Simulator> simulator;
    QNetworkAccessManager network;
    std::unique_ptr<AwsGateway> gateway;
    std::unique_ptr<Poller> poller;
    QElapsedTimer clock;
    QList<ReceivedRequest> received;
    QSet<QString> knownKeys;
};

} // namespace sw::test
