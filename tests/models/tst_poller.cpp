// The Poller against the simulator over real HTTP on 127.0.0.1: discovery and steps for all
// four services, chosen ids, one request at a time per watch, the shared budget, the
// adaptive schedule, pause/resume and refresh.
#include "simfleet.h"

#include "aws/migrationhuborchestrator.h"

#include <QTest>

using namespace sw;
using namespace sw::test;
using namespace Qt::StringLiterals;

class tst_Poller : public QObject {
    Q_OBJECT

private slots:
    void discoversEveryService_data();
    void discoversEveryService();
    void mhoStepsAreWhatTheServiceSays();
    void chosenIdsAndAnUnknownOne();
    void pollsOfOneWatchNeverOverlap();
    void budgetIsSharedByTheFleet();
    void finishedWorkflowsArePolledRarely();
    void pauseAndResume();
    void refreshWorkflowGoesFirst();
    void removingAWatchStopsIt();
    void refreshWhileARequestIsInFlight();
    void profilesAreNamedFromTheFirstPoll();
    void codeCatalystRowsAreConfirmedByTheirRuns();
};

void tst_Poller::discoversEveryService_data()
{
    QTest::addColumn<Service>("service");
    QTest::addColumn<QString>("stepOperation");
    QTest::newRow("MHO") << Service::MigrationHubOrchestrator << u"ListWorkflowSteps"_s;
    QTest::newRow("Customer Profiles") << Service::CustomerProfiles << u"GetWorkflowSteps"_s;
    QTest::newRow("Image Builder") << Service::ImageBuilder << u"ListWorkflowStepExecutions"_s;
    QTest::newRow("CodeCatalyst") << Service::CodeCatalyst << u"ListWorkflowRuns"_s;
}

void tst_Poller::discoversEveryService()
{
    QFETCH(Service, service);
    QFETCH(QString, stepOperation);
    SimFleet fleet;
    QSignalSpy listed(fleet.poller.get(), &Poller::watchSnapshot);
    QSignalSpy detailed(fleet.poller.get(), &Poller::workflowSnapshot);
    const Watch watch = fleet.watchFor(service);
    fleet.poller->addWatch(watch);

    QVERIFY(listed.wait(10000));
    const auto workflows = listed.first().at(1).value<QList<WorkflowSnapshot>>();
    QVERIFY(!workflows.isEmpty());
    QSet<QString> keys;
    for (const WorkflowSnapshot &w : workflows) {
        QVERIFY2(!w.rawStatus.isEmpty(), qPrintable(w.key));
        QVERIFY2(w.status != UnifiedStatus::Unknown, qPrintable(w.rawStatus));
        QCOMPARE(w.watchId, watch.id);
        QCOMPARE(w.key, workflowKey(watch.id, w.id));
        QCOMPARE(w.service, service);
        QVERIFY(!w.name.isEmpty());
        keys.insert(w.key);
    }
    QCOMPARE(keys.size(), workflows.size());
    if (service == Service::MigrationHubOrchestrator) {
        QCOMPARE(workflows.size(),
            fleet.simulator->inventory()[u"migrationhuborchestrator"_s][u"workflowCount"_s]
                .toInt());
    }

    // Steps arrive for the workflows that are running or failed, and for the one the
    // operator selects even if it finished long ago.
    fleet.poller->setFocus(workflows.last().key);
    QVERIFY2(waitFor([&] {
        for (const QVariantList &args : std::as_const(detailed)) {
            if (!args.at(0).value<WorkflowSnapshot>().steps.isEmpty())
                return true;
        }
        return false;
    }),
        qPrintable([&] {
            QStringList seen;
            for (const ReceivedRequest &r : fleet.received)
                seen.append(u"%1 %2 %3"_s.arg(r.operation, r.path).arg(r.status));
            return fleet.poller->health(watch.id).lastError + u'\n' + seen.join(u'\n');
        }()));
    QVERIFY(!fleet.requestsOf(stepOperation).isEmpty());
    for (const QVariantList &args : std::as_const(detailed)) {
        const auto w = args.at(0).value<WorkflowSnapshot>();
        // A finished Customer Profiles workflow is first read for its name alone (its steps
        // wait until someone looks at it).
        const bool nameOnly = service == Service::CustomerProfiles && isTerminal(w.status)
            && w.status != UnifiedStatus::Failed && w.key != workflows.last().key;
        QVERIFY(w.stepsLoaded || (nameOnly && w.steps.isEmpty()));
        QCOMPARE(w.stepsDigest, stepsDigest(w.steps));
        QSet<QString> stepIds;
        for (const StepSnapshot &s : w.steps) {
            QVERIFY2(!s.id.isEmpty() && !stepIds.contains(s.id), qPrintable(s.id));
            QVERIFY2(s.parentId.isEmpty() || stepIds.contains(s.parentId), qPrintable(s.id));
            QVERIFY2(s.status != UnifiedStatus::Unknown, qPrintable(s.rawStatus));
            stepIds.insert(s.id);
        }
    }
    QCOMPARE(fleet.poller->health(watch.id).state, WatchHealth::State::Ok);
    QVERIFY(fleet.poller->health(watch.id).lastError.isEmpty());
}

void tst_Poller::mhoStepsAreWhatTheServiceSays()
{
    SimFleet fleet;
    QSignalSpy detailed(fleet.poller.get(), &Poller::workflowSnapshot);
    fleet.poller->addWatch(fleet.watchFor(Service::MigrationHubOrchestrator));
    QVERIFY(waitFor([&] { return !detailed.isEmpty(); }));
    const auto w = detailed.first().at(0).value<WorkflowSnapshot>();

    // Ask the service directly, through the client, and compare the tree.
    aws::AwsError error;
    const auto config = fleet.gateway->serviceConfig(fleet.poller->watches().first(), &error);
    QVERIFY2(config, qPrintable(error.message));
    aws::mho::ListWorkflowStepGroups::Request request;
    request.workflowId = w.id;
    bool done = false;
    QStringList groupIds;
    fleet.gateway->client()->call<aws::mho::ListWorkflowStepGroups>(
        *config, request, this,
        [&](const auto &outcome) {
            QVERIFY(outcome.ok());
            for (const auto &g : outcome.response.workflowStepGroupsSummary)
                groupIds.append(g.id);
            done = true;
        },
        aws::CallOptions {true});
    QVERIFY(waitFor([&] { return done; }));
    QStringList parents;
    for (const StepSnapshot &s : w.steps) {
        if (s.kind == StepKind::MhoStepGroup)
            parents.append(s.id);
        else
            QCOMPARE(s.kind, StepKind::MhoStep);
    }
    QCOMPARE(parents, groupIds);
    QVERIFY(w.steps.size() > parents.size());
    QVERIFY(w.totalSteps.has_value());
}

void tst_Poller::chosenIdsAndAnUnknownOne()
{
    SimFleet fleet;
    QSignalSpy listed(fleet.poller.get(), &Poller::watchSnapshot);
    Watch all = fleet.watchFor(Service::MigrationHubOrchestrator);
    fleet.poller->addWatch(all);
    QVERIFY(listed.wait(10000));
    const QString realId = listed.first().at(1).value<QList<WorkflowSnapshot>>().first().id;
    fleet.poller->removeWatch(all.id);
    fleet.received.clear();

    Watch chosen = fleet.watchFor(Service::MigrationHubOrchestrator);
    chosen.ids = {realId, u"does-not-exist-1"_s};
    QVERIFY2(chosen.validate().isEmpty(), qPrintable(chosen.validate().join(u'\n')));
    QSignalSpy detailed(fleet.poller.get(), &Poller::workflowSnapshot);
    QSignalSpy health(fleet.poller.get(), &Poller::healthChanged);
    fleet.poller->addWatch(chosen);
    QVERIFY(waitFor([&] {
        return fleet.poller->health(chosen.id).state == WatchHealth::State::Degraded
            && fleet.poller->workflow(workflowKey(chosen.id, realId)) != nullptr
            && fleet.poller->workflow(workflowKey(chosen.id, realId))->stepsLoaded;
    }));
    const WatchHealth h = fleet.poller->health(chosen.id);
    QVERIFY2(h.lastError.contains(u"does-not-exist-1"_s), qPrintable(h.lastError));
    QVERIFY(!fleet.poller->workflow(workflowKey(chosen.id, u"does-not-exist-1"_s)));
    // Chosen ids are polled by id: no listing of the whole region.
    QVERIFY(fleet.requestsOf(u"ListWorkflows"_s).isEmpty());
}

void tst_Poller::pollsOfOneWatchNeverOverlap()
{
    SimFleet fleet;
    QVERIFY(!fleet.simulator->setFaults(u"latency=1@150"_s));
    fleet.poller->addWatch(fleet.watchFor(Service::MigrationHubOrchestrator));
    QTest::qWait(2000);
    QVERIFY2(fleet.received.size() >= 5, QByteArray::number(fleet.received.size()));
    // Each request arrives only after the previous reply (150 ms late) was received.
    for (qsizetype i = 1; i < fleet.received.size(); ++i) {
        const qint64 gap = fleet.received.at(i).atMs - fleet.received.at(i - 1).atMs;
        QVERIFY2(gap >= 140,
            qPrintable(u"request %1 came %2 ms after the previous one"_s.arg(i).arg(gap)));
    }
}

void tst_Poller::budgetIsSharedByTheFleet()
{
    // Two watches of the same service and region draw from one budget of 4 requests/s.
    SimFleet fleet(30, 60, 4);
    fleet.poller->addWatch(fleet.watchFor(Service::MigrationHubOrchestrator));
    fleet.poller->addWatch(fleet.watchFor(Service::MigrationHubOrchestrator));
    QTest::qWait(3000);
    const qsizetype sent = fleet.received.size();
    // A full bucket (4) plus 4 per second: at most 16 in 3 s; both watches must get some.
    QVERIFY2(sent <= 17, QByteArray::number(sent));
    QVERIFY2(sent >= 8, QByteArray::number(sent));
    QCOMPARE(fleet.gateway->requestsInLastMinute(), int(sent));
}

void tst_Poller::finishedWorkflowsArePolledRarely()
{
    SimFleet fleet(12, 1); // slow clock: statuses hold still during the test
    QSignalSpy listed(fleet.poller.get(), &Poller::watchSnapshot);
    Watch watch = fleet.watchFor(Service::MigrationHubOrchestrator);
    fleet.poller->addWatch(watch);
    QVERIFY(listed.wait(10000));
    QTest::qWait(4000);
    const auto workflows = fleet.poller->watches().isEmpty()
        ? QList<WorkflowSnapshot>()
        : listed.last().at(1).value<QList<WorkflowSnapshot>>();
    int active = 0, finished = 0;
    for (const WorkflowSnapshot &w : workflows) {
        int gets = 0;
        for (const ReceivedRequest &r : fleet.requestsOf(u"GetWorkflow"_s))
            gets += r.path.endsWith(u'/' + w.id) ? 1 : 0;
        if (isTerminal(w.status) && w.status != UnifiedStatus::Failed) {
            ++finished;
            QVERIFY2(gets <= 1,
                qPrintable(u"%1 (%2) polled %3 times"_s.arg(w.id, w.rawStatus).arg(gets)));
        } else if (!isTerminal(w.status)) {
            ++active;
            QVERIFY2(gets >= 2,
                qPrintable(u"%1 (%2) polled %3 times"_s.arg(w.id, w.rawStatus).arg(gets)));
        }
    }
    QVERIFY2(active > 0 && finished > 0,
        qPrintable(u"%1 active, %2 finished: seed gives no mix"_s.arg(active).arg(finished)));
}

void tst_Poller::pauseAndResume()
{
    SimFleet fleet;
    Watch watch = fleet.watchFor(Service::CustomerProfiles);
    watch.paused = true;
    fleet.poller->addWatch(watch);
    QTest::qWait(1200);
    QCOMPARE(fleet.received.size(), 0);
    QVERIFY(fleet.poller->health(watch.id).paused);

    fleet.poller->setWatchPaused(watch.id, false);
    QVERIFY(waitFor([&] { return !fleet.received.isEmpty(); }));

    fleet.poller->setPaused(true);
    QTest::qWait(300); // a request in flight may finish its job
    const qsizetype before = fleet.received.size();
    QTest::qWait(2500);
    QVERIFY2(fleet.received.size() <= before + 3, "polling went on while paused");
    const qsizetype paused = fleet.received.size();
    QTest::qWait(1500);
    QCOMPARE(fleet.received.size(), paused);

    fleet.poller->setPaused(false);
    QVERIFY(waitFor([&] { return fleet.received.size() > paused; }));
}

void tst_Poller::refreshWorkflowGoesFirst()
{
    SimFleet fleet(12, 1);
    QSignalSpy listed(fleet.poller.get(), &Poller::watchSnapshot);
    Watch watch = fleet.watchFor(Service::MigrationHubOrchestrator);
    watch.intervalSeconds = 30; // nothing comes due by itself during the test
    fleet.poller->addWatch(watch);
    QVERIFY(listed.wait(10000));
    QString finishedId;
    for (const WorkflowSnapshot &w : listed.last().at(1).value<QList<WorkflowSnapshot>>()) {
        if (w.status == UnifiedStatus::Succeeded)
            finishedId = w.id;
    }
    QVERIFY(!finishedId.isEmpty());
    // The initial detail polls are done: nothing arrives for half a second (a fixed wait
    // was too short on a loaded machine).
    QVERIFY(waitFor(
        [&] {
            const qsizetype seen = fleet.received.size();
            QTest::qWait(500);
            return fleet.received.size() == seen;
        },
        15000));
    fleet.received.clear();
    fleet.poller->refreshWorkflow(workflowKey(watch.id, finishedId));
    QVERIFY(waitFor([&] { return !fleet.requestsOf(u"GetWorkflow"_s).isEmpty(); }, 3000));
    QVERIFY(fleet.requestsOf(u"GetWorkflow"_s).first().path.endsWith(finishedId));
}

void tst_Poller::removingAWatchStopsIt()
{
    SimFleet fleet;
    QSignalSpy removed(fleet.poller.get(), &Poller::watchRemoved);
    Watch watch = fleet.watchFor(Service::ImageBuilder);
    fleet.poller->addWatch(watch);
    QVERIFY(waitFor([&] { return !fleet.received.isEmpty(); }));
    fleet.poller->removeWatch(watch.id);
    QCOMPARE(removed.size(), 1);
    QVERIFY(!fleet.poller->hasWatch(watch.id));
    QTest::qWait(200);
    const qsizetype after = fleet.received.size();
    QTest::qWait(1500);
    QCOMPARE(fleet.received.size(), after);
}

void tst_Poller::refreshWhileARequestIsInFlight()
{
    // Refreshing looks the configuration up again; a call in flight keeps the one it used.
    SimFleet fleet;
    QVERIFY(!fleet.simulator->setFaults(u"latency=1@300"_s));
    QSignalSpy detailed(fleet.poller.get(), &Poller::workflowSnapshot);
    const Watch watch = fleet.watchFor(Service::MigrationHubOrchestrator);
    fleet.poller->addWatch(watch);
    for (int i = 0; i < 4; ++i) {
        const qsizetype before = fleet.received.size();
        QVERIFY(waitFor([&] { return fleet.received.size() > before; }));
        fleet.poller->refreshWatch(watch.id); // the reply is still 300 ms away
    }
    QVERIFY(waitFor([&] { return !detailed.isEmpty(); }));
    QCOMPARE(fleet.poller->health(watch.id).state, WatchHealth::State::Ok);
}

// The Customer Profiles listing has no name, only the type: every workflow, finished ones too,
// gets its GetWorkflow at once, so no row reads "APPFLOW_INTEGRATION" until it is selected; the
// steps of a finished one wait until it is looked at.
void tst_Poller::profilesAreNamedFromTheFirstPoll()
{
    SimFleet fleet(6, 1);
    fleet.trackKeys();
    const Watch watch = fleet.watchFor(Service::CustomerProfiles);
    fleet.poller->addWatch(watch);
    QVERIFY(waitFor([&] { return !fleet.knownKeys.isEmpty(); }, 10000));
    int finished = 0;
    QVERIFY(waitFor(
        [&] {
            finished = 0;
            for (const QString &key : std::as_const(fleet.knownKeys)) {
                const WorkflowSnapshot *w = fleet.poller->workflow(key);
                if (!w || w->name.isEmpty() || w->name == u"APPFLOW_INTEGRATION")
                    return false;
                finished += isTerminal(w->status) && w->status != UnifiedStatus::Failed;
            }
            return true;
        },
        10000));
    QVERIFY2(finished > 0, "the seed gives no finished workflow");
    for (const QString &key : std::as_const(fleet.knownKeys)) {
        const WorkflowSnapshot *w = fleet.poller->workflow(key);
        if (isTerminal(w->status) && w->status != UnifiedStatus::Failed)
            QVERIFY2(!w->stepsLoaded, qPrintable(w->name));
    }
}

// CodeCatalyst lists workflow definitions, not runs: its listing confirms no row (a row's
// status is its latest run's), the runs poll does.
void tst_Poller::codeCatalystRowsAreConfirmedByTheirRuns()
{
    SimFleet fleet;
    QSignalSpy watchConfirmed(fleet.poller.get(), &Poller::watchConfirmed);
    QSignalSpy workflowConfirmed(fleet.poller.get(), &Poller::workflowConfirmed);
    const Watch catalyst = fleet.watchFor(Service::CodeCatalyst);
    const Watch mho = fleet.watchFor(Service::MigrationHubOrchestrator);
    fleet.poller->addWatch(catalyst);
    fleet.poller->addWatch(mho);
    QVERIFY(waitFor([&] {
        bool mhoListed = false;
        for (const QVariantList &args : std::as_const(watchConfirmed))
            mhoListed = mhoListed || args.at(0).toString() == mho.id;
        bool runsRead = false;
        for (const QVariantList &args : std::as_const(workflowConfirmed))
            runsRead = runsRead || args.at(0).toString().startsWith(catalyst.id + u'/');
        return mhoListed && runsRead;
    }));
    for (const QVariantList &args : std::as_const(watchConfirmed))
        QVERIFY(args.at(0).toString() != catalyst.id);
}

QTEST_GUILESS_MAIN(tst_Poller)
#include "tst_poller.moc"
