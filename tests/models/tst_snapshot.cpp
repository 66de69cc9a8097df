// The comparisons and the steps digest the item models merge with: every field counts.
#include "snapshot.h"

#include <QTest>

#include <functional>

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, 21), QTime(hour, minute), Qt::UTC);
}

StepSnapshot fullStep()
{
    StepSnapshot s;
    s.id = u"step-1"_s;
    s.parentId = u"group-1"_s;
    s.name = u"Copy data"_s;
    s.rawStatus = u"IN_PROGRESS"_s;
    s.status = UnifiedStatus::Running;
    s.message = u"copying"_s;
    s.start = at(8);
    s.end = at(9);
    s.completed = 5;
    s.total = 10;
    s.details = {{u"owner"_s, u"CUSTOM"_s}, {u"description"_s, u"d"_s}};
    return s;
}

WorkflowSnapshot fullSnapshot()
{
    WorkflowSnapshot w;
    w.key = u"watch/wf-1"_s;
    w.watchId = u"watch"_s;
    w.watchName = u"Watch"_s;
    w.service = Service::CodeCatalyst;
    w.id = u"wf-1"_s;
    w.name = u"Name"_s;
    w.arn = u"arn:x"_s;
    w.rawStatus = u"IN_PROGRESS"_s;
    w.status = UnifiedStatus::Running;
    w.completedSteps = 1;
    w.totalSteps = 4;
    w.start = at(8);
    w.lastUpdate = at(9);
    w.end = at(10);
    w.message = u"msg"_s;
    w.recordsProcessed = 12;
    w.scope = u"scope"_s;
    w.spaceName = u"space"_s;
    w.projectName = u"project"_s;
    w.details = {{u"a"_s, u"1"_s}};
    w.stepsLoaded = true;
    w.setSteps({fullStep()});
    return w;
}

using WorkflowChange = std::function<void(WorkflowSnapshot &)>;
using StepChange = std::function<void(StepSnapshot &)>;

} // namespace

Q_DECLARE_METATYPE(WorkflowChange)
Q_DECLARE_METATYPE(StepChange)

class tst_Snapshot : public QObject {
    Q_OBJECT

private slots:
    void sameSummaryAndSameAs_data()
    {
        QTest::addColumn<WorkflowChange>("change");
        QTest::addColumn<bool>("summaryChanges");
        auto row = [](const char *name, WorkflowChange change, bool summary = true) {
            QTest::newRow(name) << change << summary;
        };
        using W = WorkflowSnapshot;
        row("key", [](W &w) { w.key = u"other/wf-1"_s; });
        row("watchId", [](W &w) { w.watchId = u"other"_s; });
        row("watchName", [](W &w) { w.watchName = u"Other"_s; });
        row("service", [](W &w) { w.service = Service::ImageBuilder; });
        row("id", [](W &w) { w.id = u"wf-2"_s; });
        row("name", [](W &w) { w.name = u"Renamed"_s; });
        row("arn", [](W &w) { w.arn = u"arn:y"_s; });
        row("rawStatus", [](W &w) { w.rawStatus = u"STOPPING"_s; });
        row("status", [](W &w) { w.status = UnifiedStatus::Failed; });
        row("completedSteps", [](W &w) { w.completedSteps = 2; });
        row("completedSteps unset", [](W &w) { w.completedSteps.reset(); });
        row("totalSteps", [](W &w) { w.totalSteps = 5; });
        row("start", [](W &w) { w.start = w.start.addMSecs(1); });
        row("lastUpdate", [](W &w) { w.lastUpdate = w.lastUpdate.addSecs(1); });
        row("end cleared", [](W &w) { w.end = {}; });
        row("message", [](W &w) { w.message = u"other"_s; });
        row("recordsProcessed", [](W &w) { w.recordsProcessed = 13; });
        row("scope", [](W &w) { w.scope = u"other"_s; });
        row("spaceName", [](W &w) { w.spaceName = u"other"_s; });
        row("projectName", [](W &w) { w.projectName = u"other"_s; });
        row("detail value", [](W &w) { w.details[0].value = u"2"_s; });
        row("detail added", [](W &w) { w.details.append({u"b"_s, u"1"_s}); });
        row("stepsLoaded", [](W &w) { w.stepsLoaded = false; });
        row(
            "steps changed",
            [](W &w) {
                w.setSteps({fullStep(), fullStep()});
            },
            false);
        row(
            "steps set without digest", [](W &w) { w.steps[0].message = u"x"_s; }, false);
    }

    void sameSummaryAndSameAs()
    {
        QFETCH(WorkflowChange, change);
        QFETCH(bool, summaryChanges);
        const WorkflowSnapshot a = fullSnapshot();
        QVERIFY(a.sameSummary(fullSnapshot()));
        QVERIFY(a.sameAs(fullSnapshot()));
        WorkflowSnapshot b = fullSnapshot();
        change(b);
        QCOMPARE(a.sameSummary(b), !summaryChanges);
        QCOMPARE(b.sameSummary(a), !summaryChanges);
        QVERIFY(!a.sameAs(b));
        QVERIFY(!b.sameAs(a));
    }

    void stepsDigestCoversEveryField_data()
    {
        QTest::addColumn<StepChange>("change");
        using S = StepSnapshot;
        auto row = [](const char *name, StepChange change) {
            QTest::newRow(name) << change;
        };
        row("kind", [](S &s) { s.kind = StepKind::ImageBuilderStep; });
        row("id", [](S &s) { s.id = u"step-2"_s; });
        row("parentId", [](S &s) { s.parentId = u"group-2"_s; });
        row("parentId cleared", [](S &s) { s.parentId.clear(); });
        row("name", [](S &s) { s.name = u"Copy more"_s; });
        row("rawStatus", [](S &s) { s.rawStatus = u"COMPLETED"_s; });
        row("status", [](S &s) { s.status = UnifiedStatus::Succeeded; });
        row("message", [](S &s) { s.message = u"copied"_s; });
        row("start by 1 ms", [](S &s) { s.start = s.start.addMSecs(1); });
        row("start cleared", [](S &s) { s.start = {}; });
        row("end by 1 ms", [](S &s) { s.end = s.end.addMSecs(-1); });
        row("end cleared", [](S &s) { s.end = {}; });
        row("completed", [](S &s) { s.completed = 6; });
        row("completed unset", [](S &s) { s.completed.reset(); });
        row("completed 0", [](S &s) { s.completed = 0; });
        row("completed and total swapped", [](S &s) { std::swap(s.completed, s.total); });
        row("total", [](S &s) { s.total = 11; });
        row("total unset", [](S &s) { s.total.reset(); });
        row("detail value", [](S &s) { s.details[0].value = u"AWS_MANAGED"_s; });
        row("detail name", [](S &s) { s.details[0].name = u"owner2"_s; });
        row("detail added", [](S &s) { s.details.append({u"x"_s, u"y"_s}); });
        row("detail removed", [](S &s) { s.details.removeLast(); });
        row("details reordered", [](S &s) { std::swap(s.details[0], s.details[1]); });
    }

    void stepsDigestCoversEveryField()
    {
        QFETCH(StepChange, change);
        const QList<StepSnapshot> before = {fullStep(), fullStep()};
        QCOMPARE(stepsDigest(before), stepsDigest({fullStep(), fullStep()}));
        for (int which = 0; which < 2; ++which) {
            QList<StepSnapshot> after = before;
            change(after[which]);
            QVERIFY(after != before);
            QVERIFY2(stepsDigest(after) != stepsDigest(before), which ? "2nd step" : "1st step");
        }
    }

    void stepsDigestCoversOrder()
    {
        const StepSnapshot a = fullStep();
        StepSnapshot b = fullStep();
        b.id = u"step-2"_s;
        b.details.clear();
        QVERIFY(stepsDigest({a, b}) != stepsDigest({b, a}));
        QVERIFY(stepsDigest({a}) != stepsDigest({a, a}));
        QVERIFY(stepsDigest({a}) != stepsDigest({}));
        StepSnapshot c = a; // a detail that moves to the next step is a change
        c.details.clear();
        StepSnapshot d = b;
        d.details = a.details;
        QVERIFY(stepsDigest({a, b}) != stepsDigest({c, d}));
    }
};

QTEST_GUILESS_MAIN(tst_Snapshot)
#include "tst_snapshot.moc"
