// The whole models layer end to end against the simulator over loopback, every item model
// under QAbstractItemModelTester while real polls merge into it: rows appear, the selected
// workflow's tree and timeline follow it poll after poll without a reset (persistent indexes
// survive), and a retry shows as pending in the table and the tree, then as an outcome in
// the activity log.
#include "simfleet.h"

#include "actioncontroller.h"
#include "activitylogmodel.h"
#include "dashboardmodels.h"
#include "steptreemodel.h"
#include "timelinemodel.h"
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace sw;
using namespace sw::test;
using namespace Qt::StringLiterals;

class tst_DashboardModels : public QObject {
    Q_OBJECT

private slots:
    void pollsMergeWithoutResets();
    void retryShowsPendingThenOutcome();

private:
    static DashboardModels::Settings settingsFor(const SimFleet &fleet)
    {
        DashboardModels::Settings settings;
        settings.environment = fleet.gateway->settings().environment;
        settings.requestsPerSecond = 50;
        return settings;
    }
    static void attachTesters(DashboardModels &models, QObject *owner)
    {
        const auto mode = QAbstractItemModelTester::FailureReportingMode::Fatal;
        new QAbstractItemModelTester(models.workflows(), mode, owner);
        new QAbstractItemModelTester(models.filteredWorkflows(), mode, owner);
        new QAbstractItemModelTester(models.steps(), mode, owner);
        new QAbstractItemModelTester(models.timeline(), mode, owner);
        new QAbstractItemModelTester(models.activity(), mode, owner);
    }
};

void tst_DashboardModels::pollsMergeWithoutResets()
{
    SimFleet fleet(8, 120);
    QNetworkAccessManager network;
    DashboardModels models(&network, settingsFor(fleet));
    QObject testers;
    attachTesters(models, &testers);
    int resets = 0;
    for (QAbstractItemModel *m : {static_cast<QAbstractItemModel *>(models.workflows()),
             static_cast<QAbstractItemModel *>(models.filteredWorkflows()),
             static_cast<QAbstractItemModel *>(models.steps()),
             static_cast<QAbstractItemModel *>(models.timeline())})
        connect(m, &QAbstractItemModel::modelReset, this, [&resets] { ++resets; });

    const Watch mho = fleet.watchFor(Service::MigrationHubOrchestrator);
    const Watch profiles = fleet.watchFor(Service::CustomerProfiles);
    models.poller()->addWatch(mho);
    models.poller()->addWatch(profiles);
    QVERIFY(waitFor([&] {
        return models.workflows()->keysOfWatch(mho.id).size() == 8
            && !models.workflows()->keysOfWatch(profiles.id).isEmpty();
    }));

    // Select a running MHO workflow once its steps are in.
    QString selected;
    QVERIFY(waitFor([&] {
        for (const QString &key : models.workflows()->keysOfWatch(mho.id)) {
            const WorkflowSnapshot *w = models.workflows()->workflow(key);
            if (w->stepsLoaded && w->status == UnifiedStatus::Running && !w->steps.isEmpty())
                selected = key;
        }
        return !selected.isEmpty();
    }));
    models.selectWorkflow(selected);
    QCOMPARE(models.steps()->workflowKey(), selected);
    QVERIFY(models.steps()->rowCount() > 0);
    QVERIFY(models.timeline()->rowCount() > 0);
    const QModelIndex firstGroup = models.steps()->index(0, 0);
    const QPersistentModelIndex group(firstGroup);
    const QPersistentModelIndex step(models.steps()->index(0, 0, firstGroup));
    const QString stepId = step.data(StepTreeModel::StepIdRole).toString();
    const QPersistentModelIndex row(models.workflows()->indexOf(selected));

    // Several polls of a fast simulated clock later: still the same items, never a reset.
    QSignalSpy changed(models.workflows(), &WorkflowTableModel::workflowChanged);
    QVERIFY(waitFor([&] { return changed.size() >= 5; }, 20000));
    QTest::qWait(1500);
    QCOMPARE(resets, 0);
    QVERIFY(group.isValid() && step.isValid() && row.isValid());
    QCOMPARE(step.data(StepTreeModel::StepIdRole).toString(), stepId);
    QCOMPARE(row.data(WorkflowTableModel::WorkflowKeyRole).toString(), selected);
    // The tree shows what the poller last saw.
    const WorkflowSnapshot *latest = models.workflows()->workflow(selected);
    const StepSnapshot *shown = models.steps()->step(step);
    QVERIFY(shown);
    for (const StepSnapshot &s : latest->steps) {
        if (s.id == stepId)
            QCOMPARE(shown->rawStatus, s.rawStatus);
    }

    // Removing the watch removes its rows and empties the selection's views.
    models.poller()->removeWatch(mho.id);
    QVERIFY(models.workflows()->keysOfWatch(mho.id).isEmpty());
    QCOMPARE(models.steps()->rowCount(), 0);
    QVERIFY(!models.workflows()->keysOfWatch(profiles.id).isEmpty());
    QCOMPARE(resets, 0);
}

void tst_DashboardModels::retryShowsPendingThenOutcome()
{
    SimFleet fleet(10, 60);
    // Slow replies for the retry, so that the pending state can be seen.
    QVERIFY(!fleet.simulator->setFaults(u"RetryWorkflowStep:latency=1@400"_s));
    QNetworkAccessManager network;
    DashboardModels models(&network, settingsFor(fleet));
    QObject testers;
    attachTesters(models, &testers);
    const Watch mho = fleet.watchFor(Service::MigrationHubOrchestrator);
    models.poller()->addWatch(mho);

    QString key, stepId;
    QVERIFY(waitFor(
        [&] {
            for (const QString &k : models.workflows()->keysOfWatch(mho.id)) {
                for (const StepSnapshot &s : models.workflows()->workflow(k)->steps) {
                    if (s.kind == StepKind::MhoStep && s.rawStatus == u"FAILED") {
                        key = k;
                        stepId = s.id;
                        return true;
                    }
                }
            }
            return false;
        },
        30000));
    models.selectWorkflow(key);
    const QModelIndex stepIndex = models.steps()->indexOf(stepId);
    QVERIFY(stepIndex.isValid());

    QSignalSpy finished(models.actions(), &ActionController::actionFinished);
    QVERIFY(models.actions()->retryStep(key, stepId));
    QVERIFY(!models.workflows()
                 ->indexOf(key)
                 .data(WorkflowTableModel::PendingActionRole)
                 .toString()
                 .isEmpty());
    QVERIFY(!models.steps()
                 ->indexOf(stepId)
                 .data(StepTreeModel::PendingActionRole)
                 .toString()
                 .isEmpty());
    QCOMPARE(models.activity()->rowCount(), 1);

    QSignalSpy settled(models.actions(), &ActionController::actionSettled);
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().at(1).toBool());
    // Still shown as in flight until a poll after the reply confirms the retry took.
    QVERIFY(!models.workflows()
                 ->indexOf(key)
                 .data(WorkflowTableModel::PendingActionRole)
                 .toString()
                 .isEmpty());
    QVERIFY(settled.wait(20000));
    QVERIFY(settled.first().at(1).toBool());
    QCOMPARE(
        models.activity()->entries().first().confirmation, ActivityEntry::Confirmation::Confirmed);
    QVERIFY(models.workflows()
                ->indexOf(key)
                .data(WorkflowTableModel::PendingActionRole)
                .toString()
                .isEmpty());
    QVERIFY(models.steps()
                ->indexOf(stepId)
                .data(StepTreeModel::PendingActionRole)
                .toString()
                .isEmpty());
    QCOMPARE(models.activity()->rowCount(), 1);
    QCOMPARE(models.activity()->entries().first().result, ActivityEntry::Result::Succeeded);
    // The re-poll brings the step's new status into the tree.
    QVERIFY(waitFor([&] {
        return models.steps()->indexOf(stepId).data(StepTreeModel::RawStatusRole).toString()
            != u"FAILED";
    }));
}

QTEST_GUILESS_MAIN(tst_DashboardModels)
#include "tst_dashboardmodels.moc"
