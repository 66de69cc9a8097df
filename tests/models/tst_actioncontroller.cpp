// The ActionController against the simulator over loopback: retry a FAILED MHO step (once,
// however often clicked, until a poll confirms it), retry all failed steps, start a
// CodeCatalyst run whose reply is lost (exactly one run), refusals with reasons, and every
// outcome in the activity log.
#include "simfleet.h"

#include "actioncontroller.h"
#include "activitylogmodel.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace sw;
using namespace sw::test;
using namespace Qt::StringLiterals;

namespace {

struct Target {
    QString workflowKey;
    QString stepId;
    QString stepName;
};

// The first FAILED MHO step the poller has seen, waiting for the polls as needed.
Target waitForFailedStep(SimFleet &fleet, const Watch &watch)
{
    Target found;
    waitFor(
        [&] {
            for (const QString &key : std::as_const(fleet.knownKeys)) {
                const WorkflowSnapshot *w = fleet.poller->workflow(key);
                if (!w || w->watchId != watch.id)
                    continue;
                for (const StepSnapshot &s : w->steps) {
                    if (s.kind == StepKind::MhoStep && s.rawStatus == u"FAILED") {
                        found = {key, s.id, s.name};
                        return true;
                    }
                }
            }
            return false;
        },
        30000);
    return found;
}

// An MHO watch on the simulator, polling, with an activity log (in memory, or in `logPath`)
// and the ActionController over both.
struct MhoActions {
    explicit MhoActions(const QString &logPath = {})
        : log(logPath), actions(fleet.gateway.get(), fleet.poller.get(), &log),
          watch(fleet.watchFor(Service::MigrationHubOrchestrator))
    {
        fleet.trackKeys();
        fleet.poller->addWatch(watch);
    }

    SimFleet fleet {10};
    ActivityLogModel log;
    ActionController actions;
    Watch watch;
};

} // namespace

class tst_ActionController : public QObject {
    Q_OBJECT

private slots:
    void retryFailedStepOnce();
    void refusals();
    void retryAllFailedSteps();
    void startRunSurvivesALostReply();
    void serviceErrorIsLoggedExactly();
    void guardHoldsUntilTheRepollConfirms();
    void unconfirmedActionSaysSo();
    void openOutcomeWaitsForThePoll();
    void logSurvivesRestart();
};

void tst_ActionController::retryFailedStepOnce()
{
    MhoActions fixture;
    auto &[fleet, log, actions, watch] = fixture;
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const Target target = waitForFailedStep(fleet, watch);
    QVERIFY2(!target.stepId.isEmpty(), "no FAILED step appeared in the simulator");

    QSignalSpy stepPending(&actions, &ActionController::stepPendingChanged);
    QSignalSpy workflowPending(&actions, &ActionController::workflowPendingChanged);
    QSignalSpy finished(&actions, &ActionController::actionFinished);
    QVERIFY(
        actions
            .refusalReason(ActionController::Action::RetryStep, target.workflowKey, target.stepId)
            .isEmpty());
    QVERIFY(actions.retryStep(target.workflowKey, target.stepId));
    QVERIFY(
        actions.isInFlight(ActionController::Action::RetryStep, target.workflowKey, target.stepId));
    QCOMPARE(stepPending.size(), 1);
    QVERIFY(!stepPending.first().at(2).toString().isEmpty());
    QVERIFY(!workflowPending.last().at(1).toString().isEmpty());

    // The second click while the first is in flight sends nothing and says why.
    QVERIFY(!actions.retryStep(target.workflowKey, target.stepId));
    QCOMPARE(log.rowCount(), 2);
    QCOMPARE(log.entries().at(1).result, ActivityEntry::Result::Refused);
    QVERIFY2(log.entries().at(1).message.contains(u"already in progress"_s),
        qPrintable(log.entries().at(1).message));

    QSignalSpy settled(&actions, &ActionController::actionSettled);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(1).toBool(), true);
    const qint64 id = finished.first().at(0).toLongLong();
    ActivityEntry entry = *log.entry(id);
    QCOMPARE(entry.result, ActivityEntry::Result::Succeeded);
    QCOMPARE(entry.operation, u"RetryWorkflowStep"_s);
    QVERIFY(!entry.requestId.isEmpty());
    QVERIFY(entry.finished.isValid());
    // The identity the operator acted on, names and ids.
    QVERIFY(entry.target.contains(target.stepName));
    QVERIFY(entry.target.contains(target.stepId));
    QVERIFY(entry.target.contains(target.workflowKey.section(u'/', 1)));
    QCOMPARE(fleet.requestsOf(u"RetryWorkflowStep"_s).size(), 1);
    QCOMPARE(fleet.simulator->counters().value(u"mhoRetriesApplied"_s).toInt(), 1);

    // Until a poll after the reply shows the step left FAILED, it stays in flight.
    if (settled.isEmpty()) {
        QCOMPARE(entry.confirmation, ActivityEntry::Confirmation::Awaiting);
        QVERIFY(actions.isInFlight(
            ActionController::Action::RetryStep, target.workflowKey, target.stepId));
        QVERIFY(!stepPending.last().at(2).toString().isEmpty());
        QVERIFY(settled.wait(20000));
    }
    QCOMPARE(settled.first().at(0).toLongLong(), id);
    QCOMPARE(settled.first().at(1).toBool(), true);
    entry = *log.entry(id);
    QCOMPARE(entry.confirmation, ActivityEntry::Confirmation::Confirmed);
    QVERIFY2(entry.message.contains(u"Confirmed"_s), qPrintable(entry.message));
    QVERIFY(!stepPending.last().at(2).toString().size());
    QVERIFY(workflowPending.last().at(1).toString().isEmpty());
    QCOMPARE(fleet.requestsOf(u"RetryWorkflowStep"_s).size(), 1);

    // The workflow is polled again at once and the step is no longer FAILED.
    QVERIFY(waitFor(
        [&] {
            const WorkflowSnapshot *w = fleet.poller->workflow(target.workflowKey);
            for (const StepSnapshot &s : w->steps) {
                if (s.id == target.stepId)
                    return s.rawStatus != u"FAILED";
            }
            return false;
        },
        5000));
}

void tst_ActionController::refusals()
{
    MhoActions fixture;
    auto &[fleet, log, actions, watch] = fixture;
    const Target target = waitForFailedStep(fleet, watch);
    QVERIFY(!target.stepId.isEmpty());
    const WorkflowSnapshot w = *fleet.poller->workflow(target.workflowKey);
    QString groupId, doneStepId;
    for (const StepSnapshot &s : w.steps) {
        if (s.kind == StepKind::MhoStepGroup && groupId.isEmpty())
            groupId = s.id;
        if (s.kind == StepKind::MhoStep && s.rawStatus != u"FAILED" && doneStepId.isEmpty())
            doneStepId = s.id;
    }
    using A = ActionController::Action;
    const struct {
        A action;
        QString key;
        QString step;
        QString reasonPart;
    } cases[] = {
        {A::RetryStep, target.workflowKey, doneStepId, u"Only FAILED steps"_s},
        {A::RetryStep, target.workflowKey, groupId, u"step group"_s},
        {A::RetryStep, target.workflowKey, u"no-such-step"_s, u"not in the latest poll"_s},
        {A::RetryStep, u"nowatch/wf"_s, target.stepId, u"no longer watched"_s},
        {A::StartRun, target.workflowKey, {}, u"Only CodeCatalyst"_s},
    };
    for (const auto &c : cases) {
        const QString reason = actions.refusalReason(c.action, c.key, c.step);
        QVERIFY2(reason.contains(c.reasonPart), qPrintable(reason));
        const bool accepted =
            c.action == A::StartRun ? actions.startRun(c.key) : actions.retryStep(c.key, c.step);
        QVERIFY(!accepted);
        QCOMPARE(log.entries().last().result, ActivityEntry::Result::Refused);
        QCOMPARE(log.entries().last().message, reason);
    }

    actions.setReadOnly(true);
    QVERIFY(actions.refusalReason(A::RetryStep, target.workflowKey, target.stepId)
                .contains(u"read-only"_s));
    QVERIFY(!actions.retryStep(target.workflowKey, target.stepId));
    QVERIFY(!actions.retryFailedSteps(target.workflowKey));
    QTest::qWait(300);
    QVERIFY(fleet.requestsOf(u"RetryWorkflowStep"_s).isEmpty());
    QCOMPARE(fleet.simulator->counters().value(u"mhoRetriesApplied"_s).toInt(), 0);
}

void tst_ActionController::retryAllFailedSteps()
{
    MhoActions fixture;
    auto &[fleet, log, actions, watch] = fixture;
    const Target target = waitForFailedStep(fleet, watch);
    QVERIFY(!target.stepId.isEmpty());
    const QStringList names = actions.failedStepNames(target.workflowKey);
    QVERIFY(names.contains(u"%1 [%2]"_s.arg(target.stepName, target.stepId)));
    QCOMPARE(actions.failedStepIds(target.workflowKey).size(), names.size());

    QSignalSpy finished(&actions, &ActionController::actionFinished);
    QVERIFY(actions.retryFailedSteps(target.workflowKey));
    QVERIFY(!actions.retryFailedSteps(target.workflowKey)); // all in flight already
    QVERIFY(waitFor([&] { return finished.size() == names.size(); }));
    for (const QVariantList &args : std::as_const(finished))
        QVERIFY(args.at(1).toBool());
    QCOMPARE(fleet.requestsOf(u"RetryWorkflowStep"_s).size(), names.size());
}

void tst_ActionController::startRunSurvivesALostReply()
{
    SimFleet fleet(4);
    ActivityLogModel log({});
    ActionController actions(fleet.gateway.get(), fleet.poller.get(), &log);
    QSignalSpy listed(fleet.poller.get(), &Poller::watchSnapshot);
    const Watch watch = fleet.watchFor(Service::CodeCatalyst);
    fleet.poller->addWatch(watch);
    QVERIFY(listed.wait(10000));
    QString key;
    for (const WorkflowSnapshot &w : listed.first().at(1).value<QList<WorkflowSnapshot>>()) {
        if (actions.refusalReason(ActionController::Action::StartRun, w.key).isEmpty())
            key = w.key;
    }
    QVERIFY2(!key.isEmpty(), "no CodeCatalyst workflow can start a run");
    const int runsBefore = fleet.simulator->counters().value(u"codecatalystRunsCreated"_s).toInt();

    // The first two replies are lost after the run was created (Qt's HTTP layer resends once
    // by itself, the client's retry mode does the rest); every resend carries the same token.
    QVERIFY(!fleet.simulator->setFaults(u"StartWorkflowRun:lostreply=1#2"_s));
    QSignalSpy finished(&actions, &ActionController::actionFinished);
    QSignalSpy settled(&actions, &ActionController::actionSettled);
    QSignalSpy detailed(fleet.poller.get(), &Poller::workflowSnapshot);
    QVERIFY(actions.startRun(key));
    QVERIFY(!actions.startRun(key)); // the second click while in flight
    QVERIFY(finished.wait(30000));
    const ActivityEntry entry = *log.entry(finished.first().at(0).toLongLong());
    QCOMPARE(entry.result, ActivityEntry::Result::Succeeded);
    QVERIFY2(entry.attempts >= 2, QByteArray::number(entry.attempts));
    QVERIFY(fleet.requestsOf(u"StartWorkflowRun"_s).size() >= 3);
    QCOMPARE(
        fleet.simulator->counters().value(u"codecatalystRunsCreated"_s).toInt(), runsBefore + 1);
    QVERIFY(fleet.simulator->counters().value(u"codecatalystIdempotentReplays"_s).toInt() >= 1);
    const QString runId = entry.message.section(u' ', 1, 1);

    // The new run appears in the workflow's runs at once.
    QVERIFY(waitFor(
        [&] {
            const WorkflowSnapshot *w = fleet.poller->workflow(key);
            return w && std::any_of(w->steps.cbegin(), w->steps.cend(), [&](const StepSnapshot &s) {
                return s.id == runId;
            });
        },
        5000));
    // ... and that is what confirms the action.
    QVERIFY(waitFor([&] { return !settled.isEmpty(); }, 10000));
    QCOMPARE(settled.first().at(1).toBool(), true);
    QVERIFY2(
        log.entry(entry.id)->message.contains(runId), qPrintable(log.entry(entry.id)->message));
}

void tst_ActionController::serviceErrorIsLoggedExactly()
{
    MhoActions fixture;
    auto &[fleet, log, actions, watch] = fixture;
    const Target target = waitForFailedStep(fleet, watch);
    QVERIFY(!target.stepId.isEmpty());
    QVERIFY(!fleet.simulator->setFaults(u"RetryWorkflowStep:AccessDeniedException=1"_s));
    QSignalSpy finished(&actions, &ActionController::actionFinished);
    QVERIFY(actions.retryStep(target.workflowKey, target.stepId));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(1).toBool(), false);
    // A definite no: nothing happened, the step can be retried at once.
    QVERIFY(!actions.isInFlight(
        ActionController::Action::RetryStep, target.workflowKey, target.stepId));
    const ActivityEntry entry = log.entries().last();
    QCOMPARE(entry.result, ActivityEntry::Result::Failed);
    QCOMPARE(entry.confirmation, ActivityEntry::Confirmation::None);
    QCOMPARE(entry.errorCode, u"AccessDeniedException"_s);
    QVERIFY(!entry.message.isEmpty());
    QVERIFY(!entry.requestId.isEmpty());
    // A 403 is not retried.
    QCOMPARE(entry.attempts, 1);
}

// The bug this guards against: with a slow re-poll, the step still read FAILED after the
// reply, the action was enabled again, and a second R sent a second retry.
void tst_ActionController::guardHoldsUntilTheRepollConfirms()
{
    MhoActions fixture;
    auto &[fleet, log, actions, watch] = fixture;
    const Target target = waitForFailedStep(fleet, watch);
    QVERIFY(!target.stepId.isEmpty());
    // Every poll of the steps takes 1.5 s: the reply comes long before the confirmation.
    QVERIFY(!fleet.simulator->setFaults(u"ListWorkflowSteps:latency=1@1500"_s));
    QSignalSpy finished(&actions, &ActionController::actionFinished);
    QSignalSpy settled(&actions, &ActionController::actionSettled);
    QVERIFY(actions.retryStep(target.workflowKey, target.stepId));
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().at(1).toBool());
    QVERIFY(settled.isEmpty());
    const QString reason = actions.refusalReason(
        ActionController::Action::RetryStep, target.workflowKey, target.stepId);
    QVERIFY2(reason.contains(u"already in progress"_s), qPrintable(reason));
    for (int i = 0; i < 3; ++i)
        QVERIFY(!actions.retryStep(target.workflowKey, target.stepId));
    QVERIFY(settled.wait(20000));
    QVERIFY(settled.first().at(1).toBool());
    QCOMPARE(fleet.requestsOf(u"RetryWorkflowStep"_s).size(), 1);
    QCOMPARE(fleet.simulator->counters().value(u"mhoRetriesApplied"_s).toInt(), 1);
}

void tst_ActionController::unconfirmedActionSaysSo()
{
    MhoActions fixture;
    auto &[fleet, log, actions, watch] = fixture;
    const Target target = waitForFailedStep(fleet, watch);
    QVERIFY(!target.stepId.isEmpty());
    // No poll will come: the operator paused polling.
    fleet.poller->setPaused(true);
    actions.setConfirmationTimeout(1500);
    QSignalSpy settled(&actions, &ActionController::actionSettled);
    QVERIFY(actions.retryStep(target.workflowKey, target.stepId));
    QVERIFY(settled.wait(10000));
    QCOMPARE(settled.first().at(1).toBool(), false);
    const ActivityEntry entry = log.entries().last();
    QCOMPARE(entry.result, ActivityEntry::Result::Succeeded);
    QCOMPARE(entry.confirmation, ActivityEntry::Confirmation::NotConfirmed);
    QVERIFY2(entry.message.contains(u"Not confirmed"_s), qPrintable(entry.message));
    QVERIFY(ActivityLogModel::resultText(entry).contains(u"not confirmed"_s));
    QVERIFY(!actions.isInFlight(
        ActionController::Action::RetryStep, target.workflowKey, target.stepId));
}

// A 5xx after every retry leaves it open whether the service acted: the guard holds until a
// poll tells, then lets the operator try again when it shows the step still FAILED.
void tst_ActionController::openOutcomeWaitsForThePoll()
{
    MhoActions fixture;
    auto &[fleet, log, actions, watch] = fixture;
    const Target target = waitForFailedStep(fleet, watch);
    QVERIFY(!target.stepId.isEmpty());
    QVERIFY(!fleet.simulator->setFaults(u"RetryWorkflowStep:error500=1"_s));
    QSignalSpy finished(&actions, &ActionController::actionFinished);
    QSignalSpy settled(&actions, &ActionController::actionSettled);
    QVERIFY(actions.retryStep(target.workflowKey, target.stepId));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(1).toBool(), false);
    if (settled.isEmpty()) {
        QVERIFY(actions.isInFlight(
            ActionController::Action::RetryStep, target.workflowKey, target.stepId));
        QVERIFY(settled.wait(20000));
    }
    QCOMPARE(settled.first().at(1).toBool(), false);
    QCOMPARE(log.entries().last().result, ActivityEntry::Result::Failed);
    QCOMPARE(fleet.simulator->counters().value(u"mhoRetriesApplied"_s).toInt(), 0);
    QVERIFY(
        actions
            .refusalReason(ActionController::Action::RetryStep, target.workflowKey, target.stepId)
            .isEmpty());
}

void tst_ActionController::logSurvivesRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"activity.jsonl"_s);
    qint64 id = 0;
    {
        MhoActions fixture(path);
        auto &[fleet, log, actions, watch] = fixture;
        QVERIFY(log.load());
        const Target target = waitForFailedStep(fleet, watch);
        QVERIFY(!target.stepId.isEmpty());
        QSignalSpy finished(&actions, &ActionController::actionFinished);
        QVERIFY(actions.retryStep(target.workflowKey, target.stepId));
        QVERIFY(finished.wait(10000));
        id = finished.first().at(0).toLongLong();
    }
    ActivityLogModel reloaded(path);
    QVERIFY(reloaded.load());
    QVERIFY(reloaded.entry(id));
    QCOMPARE(reloaded.entry(id)->result, ActivityEntry::Result::Succeeded);
    QVERIFY(!reloaded.entry(id)->requestId.isEmpty());
}

QTEST_GUILESS_MAIN(tst_ActionController)
#include "tst_actioncontroller.moc"
