// The translation of CodeCatalyst's workflows and their runs to snapshots: the newest run gives
// the row its status and last update, and an invalid definition needs attention.
#include "snapshotbuilder.h"

#include "models/snapshotbuildertestsupport.h"

#include <QTest>

using namespace sw;
using namespace sw::test::builder;
using namespace Qt::StringLiterals;
namespace cc = sw::aws::codecatalyst;

namespace {

cc::WorkflowRunSummary run(const QString &id, const QString &status, const QDateTime &start)
{
    return {id, u"wf"_s, u"Build"_s, status, 0, start, start.addSecs(300), start.addSecs(360)};
}

cc::WorkflowSummary catalystWorkflow(const QString &status)
{
    return {u"wf"_s, u"Build"_s, u"repo"_s, u"main"_s, u".codecatalyst/build.yaml"_s, at(7),
        at(7, 30), u"QUEUED"_s, status};
}

} // namespace

class tst_SnapshotBuilderCodeCatalyst : public QObject {
    Q_OBJECT

private slots:
    void codeCatalystRuns()
    {
        WorkflowSnapshot w;
        snapshots::applyWorkflow(w, catalystWorkflow(u"ACTIVE"_s));
        QCOMPARE(w.service, Service::CodeCatalyst);
        QCOMPARE(text(w), u"wf 'Build' ACTIVE=Pending -/- -..- ''"_s);
        QCOMPARE(detail(w.details, u"definition.path"_s), u".codecatalyst/build.yaml"_s);

        cc::WorkflowRunSummary unnamed = run(u"r2"_s, u"STOPPED"_s, at(9));
        unnamed.workflowName.clear();
        cc::WorkflowRunSummary latest = run(u"r3"_s, u"FAILED"_s, at(10));
        latest.statusReasonCount = 2;
        snapshots::applyRuns(w, {run(u"r1"_s, u"SUCCEEDED"_s, at(8)), latest, unnamed});
        // Newest first; a run without a workflow name shows its id.
        QCOMPARE(text(w.steps),
            (QStringList {u"r3 'Build' FAILED=Failed -/- 10:00..10:05 ''"_s,
                u"r2 'r2' STOPPED=Cancelled -/- 09:00..09:05 ''"_s,
                u"r1 'Build' SUCCEEDED=Succeeded -/- 08:00..08:05 ''"_s}));
        QCOMPARE(text(w), u"wf 'Build' FAILED=Failed -/- 10:00..10:05 '%1'"_s.arg(w.message));
        QVERIFY(w.message.contains(u"r3"_s));
        QCOMPARE(w.lastUpdate, at(10, 6));
        QVERIFY(w.stepsLoaded);
        QCOMPARE(w.stepsDigest, stepsDigest(w.steps));
        QCOMPARE(w.steps.at(0).kind, StepKind::CodeCatalystRun);
        QCOMPARE(detail(w.steps.at(0).details, u"statusReasons"_s), u"2"_s);

        // Whatever the order they come in, the newest run gives the row its status.
        WorkflowSnapshot other;
        snapshots::applyRuns(
            other, {run(u"old"_s, u"SUCCEEDED"_s, at(9)), run(u"new"_s, u"SUPERSEDED"_s, at(10))});
        QCOMPARE(other.rawStatus, u"SUPERSEDED"_s);
        QCOMPARE(other.status, UnifiedStatus::Skipped);

        // The next List does not overwrite the run's status with the workflow's ACTIVE.
        snapshots::applyWorkflow(w, catalystWorkflow(u"ACTIVE"_s));
        QCOMPARE(w.status, UnifiedStatus::Failed);
    }

    // Once its runs are known, the row's "last update" is its latest run's. The workflow's own
    // lastUpdatedTime is when its definition changed: a detail, which a later discovery (the
    // List call again) must not write over the run's time.
    void codeCatalystDiscoveryKeepsTheRunsLastUpdate()
    {
        WorkflowSnapshot w;
        snapshots::applyWorkflow(w, catalystWorkflow(u"ACTIVE"_s));
        QCOMPARE(w.lastUpdate, at(7, 30)); // no runs yet: the definition's time is all there is
        snapshots::applyRuns(
            w, {run(u"r1"_s, u"SUCCEEDED"_s, at(8)), run(u"r2"_s, u"FAILED"_s, at(10))});
        QCOMPARE(w.lastUpdate, at(10, 6));

        snapshots::applyWorkflow(w, catalystWorkflow(u"ACTIVE"_s));
        QCOMPARE(w.lastUpdate, at(10, 6));
        QCOMPARE(
            detail(w.details, u"definition.lastUpdatedTime"_s), u"2026-11-21T07:30:00+00:00"_s);
        // A definition edited after the latest run is still only a detail.
        cc::WorkflowSummary edited = catalystWorkflow(u"ACTIVE"_s);
        edited.lastUpdatedTime = at(11);
        snapshots::applyWorkflow(w, edited);
        QCOMPARE(w.lastUpdate, at(10, 6));
        QCOMPARE(
            detail(w.details, u"definition.lastUpdatedTime"_s), u"2026-11-21T11:00:00+00:00"_s);
        QCOMPARE(w.status, UnifiedStatus::Failed);

        // A workflow that never ran has only its definition's time.
        WorkflowSnapshot never;
        snapshots::applyWorkflow(never, catalystWorkflow(u"ACTIVE"_s));
        snapshots::applyRuns(never, {});
        snapshots::applyWorkflow(never, edited);
        QCOMPARE(never.lastUpdate, at(11));
    }

    void codeCatalystNoRunsAndInvalid()
    {
        WorkflowSnapshot fresh;
        snapshots::applyRuns(fresh, {});
        QCOMPARE(fresh.rawStatus, u"ACTIVE"_s);
        QCOMPARE(fresh.status, UnifiedStatus::Pending);
        QVERIFY(!fresh.message.isEmpty());
        QVERIFY(fresh.stepsLoaded);
        QVERIFY(fresh.steps.isEmpty());
        QCOMPARE(fresh.stepsDigest, stepsDigest({}));

        WorkflowSnapshot listed;
        snapshots::applyWorkflow(listed, catalystWorkflow(u"ACTIVE"_s));
        snapshots::applyRuns(listed, {});
        QCOMPARE(listed.rawStatus, u"ACTIVE"_s);
        QCOMPARE(listed.status, UnifiedStatus::Pending);
        QVERIFY(!listed.message.isEmpty());

        // An invalid definition needs attention whatever its last run did.
        WorkflowSnapshot invalid;
        snapshots::applyWorkflow(invalid, catalystWorkflow(u"INVALID"_s));
        snapshots::applyRuns(invalid, {run(u"r1"_s, u"SUCCEEDED"_s, at(8))});
        QCOMPARE(invalid.rawStatus, u"INVALID"_s);
        QCOMPARE(invalid.status, UnifiedStatus::NeedsAttention);
        QCOMPARE(invalid.steps.size(), 1); // the runs are still listed

        // And one that turns invalid after its runs were loaded.
        WorkflowSnapshot later;
        snapshots::applyWorkflow(later, catalystWorkflow(u"ACTIVE"_s));
        snapshots::applyRuns(later, {run(u"r1"_s, u"FAILED"_s, at(8))});
        QCOMPARE(later.status, UnifiedStatus::Failed);
        snapshots::applyWorkflow(later, catalystWorkflow(u"INVALID"_s));
        QCOMPARE(later.status, UnifiedStatus::NeedsAttention);
    }
};

QTEST_GUILESS_MAIN(tst_SnapshotBuilderCodeCatalyst)
#include "tst_snapshotbuildercodecatalyst.moc"
