// The table's filters and sort orders over a small fleet of every service, under
// QAbstractItemModelTester, and what a merge does to them: rows re-sort and come and go.
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include "models/workflowfilterproxytestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sw;
using namespace sw::test::filter;
using namespace Qt::StringLiterals;
using M = WorkflowTableModel;

namespace {

void mergeAll(M &model, const QList<WorkflowSnapshot> &fleet)
{
    QHash<QString, QList<WorkflowSnapshot>> byWatch;
    for (const WorkflowSnapshot &w : fleet)
        byWatch[w.watchId].append(w);
    for (const WatchInfo &info : watches) {
        const QString id = QString::fromLatin1(info.id);
        if (byWatch.contains(id))
            model.mergeWatch(id, byWatch.value(id));
    }
}

QList<WorkflowSnapshot> filterFleet()
{
    WorkflowSnapshot m3 =
        workflow("a/m3", "WORKFLOW_FAILED", "Database move", "Step failed: timeout");
    m3.arn = u"arn:aws:migrationhub-orchestrator:us-east-1:111122223333:workflow/m3"_s;
    return {
        workflow("a/m1", "IN_PROGRESS", "Wave 1 cutover", "Replicating servers"),
        workflow("a/m2", "USER_ATTENTION_REQUIRED", "Wave 2 cutover", "Approve the cutover"),
        m3,
        workflow("b/i1", "RUNNING", "Nightly AMI"),
        workflow("b/i2", "FAILED", "Golden image", "Timeout waiting for SSM"),
        workflow("b/i3", "COMPLETED", "Nightly AMI"),
        workflow("c/r1", "SUCCEEDED", "Build and deploy"),
        workflow("c/r2", "FAILED", "Release pipeline", "Action Deploy failed"),
        workflow("p/f1", "RETRY", "Salesforce import"),
    };
}

// Four rows whose sort values differ column by column; the clock is fixed for durations.
QList<WorkflowSnapshot> sortFleet()
{
    const QDate day(2024, 5, 1);
    WorkflowSnapshot m1 = workflow("a/m1", "IN_PROGRESS", "beta");
    m1.completedSteps = 1;
    m1.totalSteps = 4;
    m1.start = QDateTime(day, QTime(10, 0), Qt::UTC);
    m1.lastUpdate = QDateTime(day, QTime(11, 0), Qt::UTC);
    WorkflowSnapshot m2 = workflow("a/m2", "USER_ATTENTION_REQUIRED", "Alpha", "Approve");
    m2.completedSteps = 3;
    m2.totalSteps = 4;
    m2.start = QDateTime(day, QTime(9, 0), Qt::UTC);
    m2.lastUpdate = QDateTime(day, QTime(11, 30), Qt::UTC);
    WorkflowSnapshot i1 = workflow("b/i1", "RUNNING", "alpha", "zzz");
    WorkflowSnapshot r1 = workflow("c/r1", "SUCCEEDED", "Gamma", "Build OK");
    r1.start = QDateTime(day, QTime(8, 0), Qt::UTC);
    r1.end = QDateTime(day, QTime(11, 30), Qt::UTC);
    r1.lastUpdate = r1.end;
    return {m1, m2, i1, r1};
}

QDateTime sortClock()
{
    return QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
}

QStringList sortedKeys(const QAbstractItemModel &proxy)
{
    QStringList list = keys(proxy);
    list.sort();
    return list;
}

} // namespace

class tst_WorkflowFilterProxy : public QObject {
    Q_OBJECT

private slots:
    void filters_data();
    void filters();
    void filterChangedOnlyOnChange();
    void sorting_data();
    void sorting();
    void mergeResorts();
    void mergeMovesRowsInAndOut();
};

void tst_WorkflowFilterProxy::filters_data()
{
    QTest::addColumn<QStringList>("statuses"); // statusKey()s
    QTest::addColumn<QStringList>("services"); // serviceId()s
    QTest::addColumn<QStringList>("watchIds");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("needsAttention");
    QTest::addColumn<QStringList>("expected"); // sorted keys

    const QStringList all =
        strings({"a/m1", "a/m2", "a/m3", "b/i1", "b/i2", "b/i3", "c/r1", "c/r2", "p/f1"});
    const QStringList any;
    const QString noText;
    QTest::newRow("everything") << any << any << any << noText << false << all;
    QTest::newRow("failed") << strings({"failed"}) << any << any << noText << false
                            << strings({"a/m3", "b/i2", "c/r2"});
    QTest::newRow("running or succeeded")
        << strings({"running", "succeeded"}) << any << any << noText << false
        << strings({"a/m1", "b/i1", "b/i3", "c/r1", "p/f1"});
    QTest::newRow("image builder") << any << strings({"imagebuilder"}) << any << noText << false
                                   << strings({"b/i1", "b/i2", "b/i3"});
    QTest::newRow("two services") << any << strings({"migrationhuborchestrator", "codecatalyst"})
                                  << any << noText << false
                                  << strings({"a/m1", "a/m2", "a/m3", "c/r1", "c/r2"});
    QTest::newRow("two watches") << any << any << strings({"b", "p"}) << noText << false
                                 << strings({"b/i1", "b/i2", "b/i3", "p/f1"});
    QTest::newRow("name") << any << any << any << "nightly" << false << strings({"b/i1", "b/i3"});
    QTest::newRow("message, any case")
        << any << any << any << "TIMEOUT" << false << strings({"a/m3", "b/i2"});
    QTest::newRow("name and raw status")
        << any << any << any << "nightly running" << false << strings({"b/i1"});
    QTest::newRow("words in any order")
        << any << any << any << "  cutover\twave  2 " << false << strings({"a/m2"});
    QTest::newRow("arn") << any << any << any << "us-east-1" << false << strings({"a/m3"});
    QTest::newRow("id") << any << any << any << "R2" << false << strings({"c/r2"});
    QTest::newRow("watch name") << any << any << any << "factory" << false
                                << strings({"b/i1", "b/i2", "b/i3"});
    QTest::newRow("no match") << any << any << any << "nightly zzz" << false << QStringList();
    QTest::newRow("needs attention")
        << any << any << any << noText << true << strings({"a/m2", "a/m3", "b/i2", "c/r2"});
    QTest::newRow("needs attention, one service")
        << any << strings({"imagebuilder"}) << any << noText << true << strings({"b/i2"});
    QTest::newRow("needs attention and running")
        << strings({"running"}) << any << any << noText << true << QStringList();
    QTest::newRow("failed and text")
        << strings({"failed"}) << any << any << "deploy" << false << strings({"c/r2"});
    QTest::newRow("service and watch disagree")
        << any << strings({"migrationhuborchestrator"}) << strings({"b"}) << noText << false
        << QStringList();
}

void tst_WorkflowFilterProxy::filters()
{
    QFETCH(QStringList, statuses);
    QFETCH(QStringList, services);
    QFETCH(QStringList, watchIds);
    QFETCH(QString, text);
    QFETCH(bool, needsAttention);

    M model;
    WorkflowFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(M::NameColumn);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    mergeAll(model, filterFleet());

    QSet<UnifiedStatus> statusSet;
    for (const QString &key : statuses)
        statusSet.insert(*statusFromKey(key));
    QSet<Service> serviceSet;
    for (const QString &id : services)
        serviceSet.insert(*serviceFromId(id));
    proxy.setStatusFilter(statusSet);
    proxy.setServiceFilter(serviceSet);
    proxy.setWatchFilter(QSet<QString>(watchIds.cbegin(), watchIds.cend()));
    proxy.setTextFilter(text);
    proxy.setNeedsAttentionOnly(needsAttention);
    QTEST(sortedKeys(proxy), "expected");

    // Clearing every filter brings the whole fleet back.
    proxy.setStatusFilter({});
    proxy.setServiceFilter({});
    proxy.setWatchFilter({});
    proxy.setTextFilter(QString());
    proxy.setNeedsAttentionOnly(false);
    QCOMPARE(proxy.rowCount(), model.rowCount());
}

void tst_WorkflowFilterProxy::filterChangedOnlyOnChange()
{
    M model;
    WorkflowFilterProxy proxy;
    proxy.setSourceModel(&model);
    mergeAll(model, filterFleet());
    QSignalSpy changed(&proxy, &WorkflowFilterProxy::filterChanged);
    QSignalSpy removed(&proxy, &WorkflowFilterProxy::rowsRemoved);

    proxy.setStatusFilter({UnifiedStatus::Failed});
    const qsizetype removals = removed.count();
    QVERIFY(removals > 0);
    proxy.setStatusFilter({UnifiedStatus::Failed});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(removed.count(), removals);
    proxy.setServiceFilter({Service::CodeCatalyst});
    proxy.setServiceFilter({Service::CodeCatalyst});
    proxy.setWatchFilter({u"c"_s});
    proxy.setWatchFilter({u"c"_s});
    proxy.setNeedsAttentionOnly(true);
    proxy.setNeedsAttentionOnly(true);
    QCOMPARE(changed.count(), 4);
    proxy.setTextFilter(u"release"_s);
    proxy.setTextFilter(u"release "_s);
    proxy.setTextFilter(u" release"_s);
    QCOMPARE(changed.count(), 5);
    QCOMPARE(proxy.textFilter(), u" release"_s);
    QCOMPARE(keys(proxy), QStringList {u"c/r2"_s});
}

void tst_WorkflowFilterProxy::sorting_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("expected");
    const Qt::SortOrder up = Qt::AscendingOrder;

    QTest::newRow("service") << int(M::ServiceColumn) << up
                             << strings({"a/m1", "a/m2", "b/i1", "c/r1"});
    // "Alpha" and "alpha" are equal: the key decides.
    QTest::newRow("name") << int(M::NameColumn) << up << strings({"a/m2", "b/i1", "a/m1", "c/r1"});
    QTest::newRow("id") << int(M::IdColumn) << up << strings({"b/i1", "a/m1", "a/m2", "c/r1"});
    // By urgency: needs attention, then running, then succeeded.
    QTest::newRow("status") << int(M::StatusColumn) << up
                            << strings({"a/m2", "a/m1", "b/i1", "c/r1"});
    QTest::newRow("status, descending")
        << int(M::StatusColumn) << Qt::DescendingOrder << strings({"c/r1", "b/i1", "a/m1", "a/m2"});
    QTest::newRow("raw status") << int(M::RawStatusColumn) << up
                                << strings({"a/m1", "b/i1", "c/r1", "a/m2"});
    QTest::newRow("progress") << int(M::ProgressColumn) << up
                              << strings({"b/i1", "c/r1", "a/m1", "a/m2"});
    QTest::newRow("start") << int(M::StartColumn) << up
                           << strings({"b/i1", "c/r1", "a/m2", "a/m1"});
    QTest::newRow("last update") << int(M::LastUpdateColumn) << up
                                 << strings({"b/i1", "a/m1", "a/m2", "c/r1"});
    QTest::newRow("duration") << int(M::DurationColumn) << up
                              << strings({"b/i1", "a/m1", "a/m2", "c/r1"});
    QTest::newRow("message") << int(M::ReasonColumn) << up
                             << strings({"a/m1", "a/m2", "c/r1", "b/i1"});
    QTest::newRow("watch") << int(M::WatchColumn) << up
                           << strings({"b/i1", "c/r1", "a/m1", "a/m2"});
}

void tst_WorkflowFilterProxy::sorting()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    M model;
    model.setClock(sortClock);
    WorkflowFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.sort(column, order);
    mergeAll(model, sortFleet());
    QTEST(keys(proxy), "expected");
    // Sorted after loading, too.
    proxy.sort(-1);
    proxy.sort(column, order);
    QTEST(keys(proxy), "expected");
}

void tst_WorkflowFilterProxy::mergeResorts()
{
    M model;
    model.setClock(sortClock);
    WorkflowFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.sort(M::StatusColumn);
    QList<WorkflowSnapshot> fleet = sortFleet();
    mergeAll(model, fleet);
    QCOMPARE(keys(proxy), strings({"a/m2", "a/m1", "b/i1", "c/r1"}));
    const QPersistentModelIndex r1 = proxy.index(3, M::NameColumn);
    QSignalSpy resets(&proxy, &WorkflowFilterProxy::modelReset);

    WorkflowSnapshot failed = fleet.at(0);
    failed.rawStatus = u"WORKFLOW_FAILED"_s;
    failed.status = UnifiedStatus::Failed;
    model.mergeWorkflow(failed);
    QCOMPARE(keys(proxy), strings({"a/m1", "a/m2", "b/i1", "c/r1"}));

    // A new row lands in its place.
    model.mergeWorkflow(workflow("b/i0", "PENDING", "queued"));
    QCOMPARE(keys(proxy), strings({"a/m1", "a/m2", "b/i1", "b/i0", "c/r1"}));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(r1.data(M::WorkflowKeyRole).toString(), u"c/r1"_s);
}

void tst_WorkflowFilterProxy::mergeMovesRowsInAndOut()
{
    M model;
    WorkflowFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.sort(M::IdColumn);
    proxy.setNeedsAttentionOnly(true);
    QList<WorkflowSnapshot> fleet = filterFleet();
    mergeAll(model, fleet);
    QCOMPARE(keys(proxy), strings({"b/i2", "a/m2", "a/m3", "c/r2"}));

    // i1 fails, m2 is approved, r2 is gone.
    QList<WorkflowSnapshot> b = {fleet.at(3), fleet.at(4), fleet.at(5)};
    b[0] = workflow("b/i1", "FAILED", "Nightly AMI", "Disk full");
    model.mergeWatch(u"b"_s, b);
    model.mergeWorkflow(workflow("a/m2", "IN_PROGRESS", "Wave 2 cutover"));
    model.mergeWatch(u"c"_s, {fleet.at(6)});
    QCOMPARE(keys(proxy), strings({"b/i1", "b/i2", "a/m3"}));

    // A message change decides the text filter.
    proxy.setNeedsAttentionOnly(false);
    proxy.setTextFilter(u"disk"_s);
    QCOMPARE(keys(proxy), strings({"b/i1"}));
    model.mergeWorkflow(workflow("a/m1", "IN_PROGRESS", "Wave 1 cutover", "Disk 3 of 8"));
    QCOMPARE(keys(proxy), strings({"b/i1", "a/m1"}));
    model.mergeWorkflow(workflow("b/i1", "FAILED", "Nightly AMI", "Quota exceeded"));
    QCOMPARE(keys(proxy), strings({"a/m1"}));
}

QTEST_GUILESS_MAIN(tst_WorkflowFilterProxy)
#include "tst_workflowfilterproxy.moc"
