// The pure translation from typed responses to snapshots, one service at a time (CodeCatalyst:
// tst_snapshotbuildercodecatalyst), rows and steps as text (snapshotbuildertestsupport.h).
#include "snapshotbuilder.h"

#include "models/snapshotbuildertestsupport.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <functional>

using namespace sw;
using namespace sw::test::builder;
using namespace Qt::StringLiterals;
namespace mho = sw::aws::mho;
namespace profiles = sw::aws::profiles;
namespace ib = sw::aws::imagebuilder;

namespace {

mho::WorkflowSummary mhoSummary()
{
    return {u"wf-1"_s, u"Move the shop"_s, u"tpl-1"_s, u"shop-config"_s, u"IN_PROGRESS"_s, at(8),
        {}, u"running"_s, 2, 10};
}

mho::Workflow mhoWorkflow() // a Get without a name
{
    mho::Workflow d;
    d.id = u"wf-1"_s;
    d.arn = u"arn:aws:migrationhub-orchestrator:us-east-1:123456789012:workflow/wf-1"_s;
    d.description = u"Rehost the shop"_s;
    d.templateId = u"tpl-1"_s;
    d.status = u"USER_ATTENTION_REQUIRED"_s;
    d.statusMessage = u"Step 3 needs you"_s;
    d.creationTime = at(8);
    d.lastStartTime = at(9);
    d.lastModifiedTime = at(9, 30);
    d.completedSteps = 3;
    d.totalSteps = 10;
    d.tools = {{u"Console"_s, u"https://example.com/tool"_s}, {u"Runbook"_s, {}}};
    d.tags = {{u"env"_s, u"prod"_s}, {u"team"_s, u"shop"_s}};
    d.workflowInputs = {{u"dbPasswordInput"_s, QJsonObject {{u"stringValue"_s, u"hunter2"_s}}},
        {u"listInput"_s, QJsonObject {{u"listOfStringsValue"_s, QJsonArray {u"hunter3"_s}}}}};
    return d;
}

// Field by field, not positionally: the member order of the snapshot types may change.

} // namespace

class tst_SnapshotBuilder : public QObject {
    Q_OBJECT

private slots:
    void mhoSummaryThenWorkflow()
    {
        WorkflowSnapshot w;
        snapshots::applySummary(w, mhoSummary());
        QCOMPARE(w.service, Service::MigrationHubOrchestrator);
        QCOMPARE(text(w), u"wf-1 'Move the shop' IN_PROGRESS=Running 2/10 08:00..- 'running'"_s);

        snapshots::applyWorkflow(w, mhoWorkflow());
        // The List's name stays; the run started at lastStartTime, not at creation.
        QCOMPARE(text(w),
            u"wf-1 'Move the shop' USER_ATTENTION_REQUIRED=NeedsAttention 3/10 09:00..- "
            "'Step 3 needs you'"_s);
        QCOMPARE(w.arn, mhoWorkflow().arn);
        QCOMPARE(w.lastUpdate, at(9, 30));
        // Details from both responses.
        QCOMPARE(detail(w.details, u"adsApplicationConfigurationName"_s), u"shop-config"_s);
        QCOMPARE(detail(w.details, u"templateId"_s), u"tpl-1"_s);
        QCOMPARE(detail(w.details, u"description"_s), u"Rehost the shop"_s);
        QCOMPARE(detail(w.details, u"creationTime"_s), u"2026-11-21T08:00:00+00:00"_s);
        QCOMPARE(detail(w.details, u"tools"_s), u"Console <https://example.com/tool>\nRunbook"_s);
        QCOMPARE(detail(w.details, u"tags"_s), u"env=prod\nteam=shop"_s);
        QCOMPARE(detail(w.details, u"lastStopTime"_s), QString());
        // workflowInputs is sensitive in the model: nowhere in the snapshot.
        for (const DetailField &f : std::as_const(w.details)) {
            for (const QString &secret : {u"hunter"_s, u"Input"_s}) {
                QVERIFY2(!f.name.contains(secret), qPrintable(f.name));
                QVERIFY2(!f.value.contains(secret), qPrintable(f.name));
            }
        }

        mho::Workflow notStarted = mhoWorkflow();
        notStarted.lastStartTime = {};
        WorkflowSnapshot fresh;
        snapshots::applyWorkflow(fresh, notStarted);
        QCOMPARE(fresh.start, at(8)); // never started: creation is the start
    }

    void mhoLaterSummaryKeepsWhatGetAdded()
    {
        WorkflowSnapshot w;
        snapshots::applySummary(w, mhoSummary());
        snapshots::applyWorkflow(w, mhoWorkflow());
        mho::WorkflowSummary later = mhoSummary(); // the next discovery, without a name
        later.name.clear();
        later.status = u"COMPLETED"_s;
        later.endTime = at(11);
        later.completedSteps = 10;
        snapshots::applySummary(w, later);
        QCOMPARE(w.name, u"Move the shop"_s);
        QCOMPARE(w.arn, mhoWorkflow().arn);
        QCOMPARE(w.status, UnifiedStatus::Succeeded);
        QCOMPARE(w.end, at(11));
        QCOMPARE(w.completedSteps, std::optional<qint64>(10));
        QCOMPARE(w.lastUpdate, at(9, 30));
        QCOMPARE(detail(w.details, u"description"_s), u"Rehost the shop"_s);
        // The run started at lastStartTime: the List's creationTime must not replace it, or
        // the start column flips between the two on every discovery.
        QCOMPARE(w.start, at(9));
    }

    void mhoStatus_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<UnifiedStatus>("expected");
        using U = UnifiedStatus;
        QTest::newRow("USER_ATTENTION_REQUIRED")
            << u"USER_ATTENTION_REQUIRED"_s << U::NeedsAttention;
        QTest::newRow("PAUSING_FAILED") << u"PAUSING_FAILED"_s << U::NeedsAttention;
        QTest::newRow("CREATION_FAILED") << u"CREATION_FAILED"_s << U::Failed;
        QTest::newRow("PAUSING") << u"PAUSING"_s << U::Paused;
        QTest::newRow("COMPLETED") << u"COMPLETED"_s << U::Succeeded;
        QTest::newRow("unknown, raw kept") << u"ARCHIVED"_s << U::Unknown;
    }

    void mhoStatus()
    {
        QFETCH(QString, raw);
        QFETCH(UnifiedStatus, expected);
        WorkflowSnapshot fromList;
        mho::WorkflowSummary s = mhoSummary();
        s.status = raw;
        snapshots::applySummary(fromList, s);
        QCOMPARE(fromList.status, expected);
        QCOMPARE(fromList.rawStatus, raw);
        WorkflowSnapshot fromGet;
        mho::Workflow d = mhoWorkflow();
        d.status = raw;
        snapshots::applyWorkflow(fromGet, d);
        QCOMPARE(fromGet.status, expected);
        QCOMPARE(fromGet.rawStatus, raw);
    }

    void mhoSteps()
    {
        const mho::StepGroupSummary g1 {
            u"g1"_s, u"Prepare"_s, u"AWS_MANAGED"_s, u"PAUSING"_s, {}, {u"g2"_s}};
        const mho::StepGroupSummary g2 {u"g2"_s, u"Migrate"_s, {}, u"SKIPPED"_s, {}, {}};
        const mho::StepGroupSummary g3 {u"g3"_s, u"Cut over"_s, {}, u"READY"_s, {}, {}};
        mho::StepSummary s1;
        s1.stepId = u"s1"_s;
        s1.status = u"SKIPPED"_s;
        s1.stepActionType = u"MANUAL"_s;
        mho::StepSummary s2;
        s2.stepId = u"s2"_s;
        s2.status = u"PAUSING"_s; // a group's word, not a step's
        mho::StepSummary s3 {u"s3"_s, u"Replicate"_s, u"AUTOMATED"_s, u"CUSTOM"_s,
            {u"s1"_s, u"s2"_s}, {}, u"IN_PROGRESS"_s, u"4 of 10 servers"_s, 4, 1, 10, {}, {}};

        // Three groups, step lists for the first two only.
        const QList<StepSnapshot> out = snapshots::mhoSteps({g1, g2, g3}, {{s1, s2}, {s3}});
        QCOMPARE(text(out),
            (QStringList {u"g1 'Prepare' PAUSING=Paused -/- -..- ''"_s,
                u"g1>s1 '' SKIPPED=Skipped -/- -..- ''"_s,
                u"g1>s2 '' PAUSING=Unknown -/- -..- ''"_s,
                u"g2 'Migrate' SKIPPED=Unknown -/- -..- ''"_s,
                u"g2>s3 'Replicate' IN_PROGRESS=Running 4/10 -..- '4 of 10 servers'"_s,
                u"g3 'Cut over' READY=Pending -/- -..- ''"_s}));
        QCOMPARE(out.at(0).kind, StepKind::MhoStepGroup);
        QCOMPARE(out.at(1).kind, StepKind::MhoStep);
        QCOMPARE(detail(out.at(0).details, u"owner"_s), u"AWS_MANAGED"_s);
        QCOMPARE(detail(out.at(0).details, u"next"_s), u"g2"_s);
        QCOMPARE(detail(out.at(1).details, u"stepActionType"_s), u"MANUAL"_s);
        QCOMPARE(detail(out.at(4).details, u"noOfSrvFailed"_s), u"1"_s);
        QCOMPARE(detail(out.at(4).details, u"previous"_s), u"s1, s2"_s);
    }

    // The service counts only the completed steps; the failed and skipped ones are counted from
    // the steps themselves, never from their groups.
    void mhoCountStepOutcomes()
    {
        auto stepOf = [](const char *id, const char *status) {
            mho::StepSummary s;
            s.stepId = QString::fromLatin1(id);
            s.status = QString::fromLatin1(status);
            return s;
        };
        const mho::StepGroupSummary g1 {u"g1"_s, u"Prepare"_s, {}, u"FAILED"_s, {}, {}};
        const mho::StepGroupSummary g2 {u"g2"_s, u"Migrate"_s, {}, u"FAILED"_s, {}, {}};
        const mho::StepGroupSummary g3 {u"g3"_s, u"Cut over"_s, {}, u"COMPLETED"_s, {}, {}};
        WorkflowSnapshot w;
        snapshots::applyWorkflow(w, mhoWorkflow());
        w.setSteps(snapshots::mhoSteps({g1, g2, g3},
            {{stepOf("s1", "FAILED"), stepOf("s2", "SKIPPED"), stepOf("s3", "COMPLETED")},
                {stepOf("s4", "FAILED"), stepOf("s5", "SKIPPED"), stepOf("s6", "SKIPPED")},
                {stepOf("s7", "COMPLETED"), stepOf("s8", "USER_ATTENTION_REQUIRED")}}));
        snapshots::countStepOutcomes(w);
        QCOMPARE(w.failedSteps, std::optional<qint64>(2));
        QCOMPARE(w.skippedSteps, std::optional<qint64>(3));
        QCOMPARE(w.completedSteps, std::optional<qint64>(3)); // the service's count stays

        // Counted again from the new steps, down to a known 0 (not "unknown").
        w.setSteps(snapshots::mhoSteps({g1}, {{stepOf("s1", "COMPLETED")}}));
        snapshots::countStepOutcomes(w);
        QCOMPARE(w.failedSteps, std::optional<qint64>(0));
        QCOMPARE(w.skippedSteps, std::optional<qint64>(0));
    }

    void profilesSummaryThenWorkflow()
    {
        const profiles::WorkflowSummary s {u"APPFLOW_INTEGRATION"_s,
            u"0123456789abcdef0123456789abcdef"_s, u"IN_PROGRESS"_s, u"Importing"_s, at(8), at(9)};
        WorkflowSnapshot w;
        snapshots::applySummary(w, s);
        QCOMPARE(w.service, Service::CustomerProfiles);
        QCOMPARE(text(w),
            s.workflowId
                + u" 'APPFLOW_INTEGRATION' IN_PROGRESS=Running -/- 08:00..- 'Importing'"_s);

        profiles::GetWorkflow::Response r {s.workflowId, s.workflowType, u"SPLIT"_s, {}, at(8, 5),
            at(9, 45), u"Salesforce"_s, u"crm-prod"_s, u"arn:aws:iam::1:role/r"_s, 1200, 3, 5};
        snapshots::applyWorkflow(w, r);
        QCOMPARE(text(w), s.workflowId + u" 'crm-prod' SPLIT=Running 3/5 08:05..- ''"_s);
        QCOMPARE(w.lastUpdate, at(9, 45));
        QCOMPARE(w.recordsProcessed, std::optional<qint64>(1200));
        QCOMPARE(detail(w.details, u"RecordsProcessed"_s), u"1200"_s);
        QCOMPARE(detail(w.details, u"SourceConnectorType"_s), u"Salesforce"_s);

        // A later Get without metrics keeps the numbers; a later List keeps the Get's name.
        profiles::GetWorkflow::Response bare;
        bare.status = u"COMPLETE"_s;
        bare.errorDescription = u"done"_s;
        snapshots::applyWorkflow(w, bare);
        QCOMPARE(text(w), s.workflowId + u" 'crm-prod' COMPLETE=Succeeded 3/5 08:05..- 'done'"_s);
        QCOMPARE(w.recordsProcessed, std::optional<qint64>(1200));
        snapshots::applySummary(w, s);
        QCOMPARE(w.name, u"crm-prod"_s);
    }

    void profilesStepIdsAreUnique()
    {
        auto item = [](const QString &flow, const QString &batchStart, const QDateTime &created) {
            return profiles::FlowStep {flow, u"COMPLETE"_s, {}, std::nullopt, batchStart, {},
                created, created.addSecs(60)};
        };
        const QString eight = u"2026-11-21T08:00:00Z"_s;
        const QList<profiles::FlowStep> items = {item(u"flow-a"_s, eight, at(8)),
            item(u"flow-a"_s, eight, at(8, 1)), item(u"flow-a"_s, eight, at(8, 2)),
            item(u"flow-a"_s, u"2026-11-21T09:00:00Z"_s, at(9)), item(u"flow-b"_s, eight, at(8)),
            item(u"flow-c"_s, {}, at(10)), item(u"flow-c"_s, {}, at(10))};
        const QList<StepSnapshot> out = snapshots::profilesSteps(items);
        QCOMPARE(out.size(), items.size());
        QSet<QString> ids;
        for (const StepSnapshot &s : out) {
            QVERIFY(!s.id.isEmpty());
            QCOMPARE(s.kind, StepKind::ProfilesFlowItem);
            ids.insert(s.id);
        }
        QCOMPARE(ids.size(), items.size());
        QCOMPARE(out.at(2).name, u"flow-a"_s);
        // The same items give the same ids, so a row keeps its identity from poll to poll.
        QCOMPARE(text(snapshots::profilesSteps(items)), text(out));
    }

    void profilesStep_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("expected"); // only a finished item has an end
        QTest::newRow("COMPLETE") << u"COMPLETE"_s << u"COMPLETE=Succeeded 250/- 08:00..08:40"_s;
        QTest::newRow("FAILED") << u"FAILED"_s << u"FAILED=Failed 250/- 08:00..08:40"_s;
        QTest::newRow("CANCELLED") << u"CANCELLED"_s << u"CANCELLED=Cancelled 250/- 08:00..08:40"_s;
        QTest::newRow("IN_PROGRESS") << u"IN_PROGRESS"_s << u"IN_PROGRESS=Running 250/- 08:00..-"_s;
        QTest::newRow("NOT_STARTED") << u"NOT_STARTED"_s << u"NOT_STARTED=Pending 250/- 08:00..-"_s;
        QTest::newRow("RETRY") << u"RETRY"_s << u"RETRY=Running 250/- 08:00..-"_s;
    }

    void profilesStep()
    {
        QFETCH(QString, status);
        QFETCH(QString, expected);
        profiles::FlowStep f {u"flow"_s, status, u"batch 2"_s, 250, u"2026-11-21T08:00:00Z"_s,
            u"2026-11-21T08:30:00Z"_s, at(8), at(8, 40)};
        const StepSnapshot s = snapshots::profilesSteps({f}).at(0);
        QCOMPARE(
            text(QList<StepSnapshot> {s}).at(0), u"%1 'flow' %2 'batch 2'"_s.arg(s.id, expected));
        QCOMPARE(detail(s.details, u"RecordsProcessed"_s), u"250"_s);
        QCOMPARE(detail(s.details, u"BatchRecordsEndTime"_s), u"2026-11-21T08:30:00Z"_s);
        QCOMPARE(detail(s.details, u"LastUpdatedAt"_s), u"2026-11-21T08:40:00+00:00"_s);

        f.recordsProcessed.reset();
        const StepSnapshot none = snapshots::profilesSteps({f}).at(0);
        QVERIFY(!none.completed.has_value());
        QCOMPARE(detail(none.details, u"RecordsProcessed"_s), QString());
    }

    void imageBuilderExecution()
    {
        ib::WorkflowExecution e {
            u"arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.0/1"_s,
            u"wf-12345678-abcd-4ef0-9abc-0123456789ab"_s, u"BUILD"_s, u"ROLLBACK_COMPLETED"_s,
            u"rolled back"_s, 8, 3, 1, 2, u"2026-11-21T10:00:00Z"_s, u"2026-11-21T10:20:00.500Z"_s,
            {}, false};
        const QString image = u"arn:aws:imagebuilder:us-east-1:123456789012:image/img/1.0.0/3"_s;
        WorkflowSnapshot w;
        snapshots::applyExecution(w, e, image);
        QCOMPARE(w.service, Service::ImageBuilder);
        // Progress is what succeeded (3 of 8); the failed and skipped steps are counted
        // apart, never folded into a full bar.
        QCOMPARE(text(w),
            e.workflowExecutionId
                + u" 'build-image/1.0.0/1 (BUILD)' ROLLBACK_COMPLETED=Failed 3/8 "
                  "10:00..10:20:00.500 'rolled back'"_s);
        QCOMPARE(w.failedSteps, std::optional<qint64>(1));
        QCOMPARE(w.skippedSteps, std::optional<qint64>(2));
        QCOMPARE(w.arn, e.workflowBuildVersionArn);
        QCOMPARE(w.scope, image);
        QCOMPARE(detail(w.details, u"type"_s), u"BUILD"_s);
        QCOMPARE(detail(w.details, u"retried"_s), u"false"_s);

        e.totalStepsSucceeded.reset();
        e.totalStepsFailed.reset();
        WorkflowSnapshot skippedOnly;
        snapshots::applyExecution(skippedOnly, e, image);
        QCOMPARE(skippedOnly.completedSteps, std::optional<qint64>(0));
        QCOMPARE(skippedOnly.skippedSteps, std::optional<qint64>(2));
        e.totalStepsSkipped.reset();
        e.workflowBuildVersionArn.clear();
        WorkflowSnapshot bare;
        snapshots::applyExecution(bare, e, image);
        QVERIFY(!bare.completedSteps.has_value());
        QCOMPARE(bare.name, u"BUILD"_s);
    }

    void parseImageBuilderTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("Z") << u"2026-11-21T10:00:00Z"_s << at(10);
        QTest::newRow("milliseconds") << u"2026-11-21T10:00:00.123Z"_s << at(10).addMSecs(123);
        QTest::newRow("no zone is UTC") << u"2026-11-21T10:00:00"_s << at(10);
        QTest::newRow("offset") << u"2026-11-21T12:30:00+02:30"_s << at(10);
        QTest::newRow("lenient: a date is midnight UTC") << u"2026-11-21"_s << at(0);
        QTest::newRow("garbage") << u"garbage"_s << QDateTime();
        QTest::newRow("empty") << QString() << QDateTime();
        QTest::newRow("impossible") << u"2026-13-45T25:00:00Z"_s << QDateTime();
    }

    void parseImageBuilderTime()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime t = snapshots::parseImageBuilderTime(text);
        QCOMPARE(t.isValid(), expected.isValid());
        if (!expected.isValid())
            return;
        QCOMPARE(t.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
        QCOMPARE(t.timeSpec(), Qt::UTC);
    }

    void imageBuilderSteps()
    {
        const ib::StepExecution done {u"step-1"_s, u"BuildLaunch"_s, u"Launch"_s,
            u"LaunchInstance"_s, u"COMPLETED"_s, u"SKIPPED"_s, {},
            uR"({"instanceType":"t3.micro","tags":[1,2]})"_s, u"not json: plain text {"_s,
            u"2026-11-21T10:00:00Z"_s, u"2026-11-21T10:05:00"_s};
        ib::StepExecution running;
        running.stepExecutionId = u"step-2"_s;
        running.status = u"RUNNING"_s;
        running.message = u"testing"_s;
        running.startTime = u"2026-11-21T10:05:00Z"_s;

        const QList<StepSnapshot> out = snapshots::imageBuilderSteps({done, running});
        QCOMPARE(text(out),
            (QStringList {u"step-1 'BuildLaunch' COMPLETED=Succeeded -/- 10:00..10:05 ''"_s,
                u"step-2 '' RUNNING=Running -/- 10:05..- 'testing'"_s}));
        QCOMPARE(out.at(0).kind, StepKind::ImageBuilderStep);
        QCOMPARE(detail(out.at(0).details, u"inputs"_s),
            u"{\n    \"instanceType\": \"t3.micro\",\n    \"tags\": [\n        1,\n        2\n    ]\n}"_s);
        QCOMPARE(detail(out.at(0).details, u"outputs"_s), done.outputs);
        QCOMPARE(detail(out.at(0).details, u"rollbackStatus"_s), u"SKIPPED"_s);
        QCOMPARE(detail(out.at(1).details, u"inputs"_s), QString());
    }

    void setDetail()
    {
        using L = QList<DetailField>;
        L d = {{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}, {u"c"_s, u"3"_s}};
        snapshots::setDetail(d, u"b"_s, u"two"_s); // replaced in place
        QCOMPARE(d, (L {{u"a"_s, u"1"_s}, {u"b"_s, u"two"_s}, {u"c"_s, u"3"_s}}));
        snapshots::setDetail(d, u"a"_s, {}); // removed
        QCOMPARE(d, (L {{u"b"_s, u"two"_s}, {u"c"_s, u"3"_s}}));
        snapshots::setDetail(d, u"d"_s, u"4"_s); // appended
        snapshots::setDetail(d, u"e"_s, {}); // nothing to remove, nothing added
        snapshots::setDetail(d, u"c"_s, u"3"_s); // unchanged
        QCOMPARE(d, (L {{u"b"_s, u"two"_s}, {u"c"_s, u"3"_s}, {u"d"_s, u"4"_s}}));
    }
};

QTEST_GUILESS_MAIN(tst_SnapshotBuilder)
#include "tst_snapshotbuilder.moc"