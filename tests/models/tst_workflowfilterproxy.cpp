// The table's filters and sort orders over a small fleet of every service, under
// QAbstractItemModelTester, and what a merge does to them: rows re-sort and come and go.
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sw;
using namespace Qt::StringLiterals;
using M = WorkflowTableModel;

namespace {

struct WatchInfo {
    const char *id;
    Service service;
    StatusSource source;
    const char *name;
};

constexpr WatchInfo watches[] = {
    {"a", Service::MigrationHubOrchestrator, StatusSource::MhoWorkflow, "Migrations EU"},
    {"b", Service::ImageBuilder, StatusSource::ImageBuilderWorkflowExecution, "AMI factory"},
    {"c", Service::CodeCatalyst, StatusSource::CodeCatalystRun, "Delivery"},
    {"p", Service::CustomerProfiles, StatusSource::ProfilesWorkflow, "Profiles"},
};

const WatchInfo &watchInfo(const QString &id)
{
    for (const WatchInfo &w : watches) {
        if (id == QLatin1String(w.id))
            return w;
    }
    return watches[0];
}

WorkflowSnapshot workflow(
    const char *key, const char *raw, const char *name, const char *message = "")
{
    const QStringList parts = QString::fromLatin1(key).split(u'/');
    const WatchInfo &info = watchInfo(parts.at(0));
    WorkflowSnapshot w;
    w.watchId = parts.at(0);
    w.watchName = QString::fromLatin1(info.name);
    w.service = info.service;
    w.id = parts.at(1);
    w.key = workflowKey(w.watchId, w.id);
    w.name = QString::fromUtf8(name);
    w.rawStatus = QString::fromLatin1(raw);
    w.status = unifiedStatus(info.source, w.rawStatus);
    w.message = QString::fromUtf8(message);
    return w;
}

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

QStringList keys(const QAbstractItemModel &proxy)
{
    QStringList list;
    for (int r = 0; r < proxy.rowCount(); ++r)
        list.append(proxy.index(r, 0).data(M::WorkflowKeyRole).toString());
    return list;
}

QStringList sortedKeys(const QAbstractItemModel &proxy)
{
    QStringList list = keys(proxy);
    list.sort();
    return list;
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

// Four migrations in one watch, by urgency: m1 waits for the operator, m2 and m3 run, m4 is
// done.
QList<WorkflowSnapshot> frozenFleet()
{
    return {
        workflow("a/m1", "USER_ATTENTION_REQUIRED", "Wave 1"),
        workflow("a/m2", "IN_PROGRESS", "Wave 2"),
        workflow("a/m3", "IN_PROGRESS", "Wave 3"),
        workflow("a/m4", "COMPLETED", "Wave 4"),
    };
}

// Replaces the workflows of `fleet` with the same key by `changes`, adds the others.
QList<WorkflowSnapshot> changed(
    QList<WorkflowSnapshot> fleet, const QList<WorkflowSnapshot> &changes)
{
    for (const WorkflowSnapshot &c : changes) {
        const auto it = std::find_if(
            fleet.begin(), fleet.end(), [&c](const WorkflowSnapshot &w) { return w.key == c.key; });
        if (it != fleet.end())
            *it = c;
        else
            fleet.append(c);
    }
    return fleet;
}

// Every signal of the proxy that moves, adds or removes rows, as one count.
struct LayoutSpy {
    explicit LayoutSpy(WorkflowFilterProxy *proxy)
        : layout(proxy, &WorkflowFilterProxy::layoutChanged),
          moved(proxy, &WorkflowFilterProxy::rowsMoved),
          inserted(proxy, &WorkflowFilterProxy::rowsInserted),
          removed(proxy, &WorkflowFilterProxy::rowsRemoved),
          reset(proxy, &WorkflowFilterProxy::modelReset)
    {
    }
    QString take()
    {
        const QString text =
            u"layout %1 moved %2 inserted %3 removed %4 reset %5"_s.arg(layout.count())
                .arg(moved.count())
                .arg(inserted.count())
                .arg(removed.count())
                .arg(reset.count());
        for (QSignalSpy *spy : {&layout, &moved, &inserted, &removed, &reset})
            spy->clear();
        return text;
    }
    QSignalSpy layout;
    QSignalSpy moved;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy reset;
};

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
    void frozenOrderHoldsThroughMerges();
    void resortAndSortWhileFrozen();
    void filterChangeAppliesWhileFrozen();
    void pinnedRowStaysShown();
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

// While the operator points at the table, a poll must not move rows under the pointer: rows
// keep their places and stay shown, new ones join at the end, and orderStale() says a re-sort
// is due. Unfreezing applies what was held back.
void tst_WorkflowFilterProxy::frozenOrderHoldsThroughMerges()
{
    M model;
    WorkflowFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.sort(M::StatusColumn);
    proxy.setStatusFilter({UnifiedStatus::Failed, UnifiedStatus::NeedsAttention,
        UnifiedStatus::Running, UnifiedStatus::Succeeded});
    QList<WorkflowSnapshot> fleet = frozenFleet();
    model.mergeWatch(u"a"_s, fleet);
    QCOMPARE(keys(proxy), strings({"a/m1", "a/m2", "a/m3", "a/m4"}));

    proxy.setOrderFrozen(true);
    QVERIFY(proxy.isOrderFrozen());
    QVERIFY(!proxy.orderStale());
    QSignalSpy stale(&proxy, &WorkflowFilterProxy::orderStaleChanged);
    QSignalSpy dataChanged(&proxy, &WorkflowFilterProxy::dataChanged);
    LayoutSpy layout(&proxy);

    // m4 fails (it would go to the top), m2 pauses (the filter would hide it).
    fleet = changed(fleet,
        {workflow("a/m4", "WORKFLOW_FAILED", "Wave 4"), workflow("a/m2", "PAUSED", "Wave 2")});
    model.mergeWatch(u"a"_s, fleet);
    QCOMPARE(keys(proxy), strings({"a/m1", "a/m2", "a/m3", "a/m4"}));
    QCOMPARE(layout.take(), u"layout 0 moved 0 inserted 0 removed 0 reset 0"_s);
    QVERIFY(dataChanged.count() > 0);
    QCOMPARE(proxy.index(3, M::StatusColumn).data(M::UnifiedStatusRole).toInt(),
        int(UnifiedStatus::Failed));
    // Checked once the burst of changes is over.
    QCOMPARE(stale.count(), 0);
    QTRY_COMPARE(stale.count(), 1);
    QCOMPARE(stale.at(0).at(0).toBool(), true);
    QVERIFY(proxy.orderStale());

    // A new row that matches joins at the end, though it would sort first; one that does not
    // match stays out.
    fleet = changed(fleet,
        {workflow("a/m0", "WORKFLOW_FAILED", "Wave 0"), workflow("a/m9", "PAUSED", "Wave 9")});
    model.mergeWatch(u"a"_s, fleet);
    QCOMPARE(keys(proxy), strings({"a/m1", "a/m2", "a/m3", "a/m4", "a/m0"}));
    QCOMPARE(layout.take(), u"layout 0 moved 0 inserted 1 removed 0 reset 0"_s);

    // Unfrozen: re-sorted and re-filtered at once.
    proxy.setOrderFrozen(false);
    QVERIFY(!proxy.isOrderFrozen());
    QCOMPARE(keys(proxy), strings({"a/m0", "a/m4", "a/m1", "a/m3"}));
    QVERIFY(!proxy.orderStale());
    QCOMPARE(stale.count(), 2);
    QCOMPARE(stale.at(1).at(0).toBool(), false);

    // Dynamic again: the next change moves its row right away.
    model.mergeWatch(u"a"_s, changed(fleet, {workflow("a/m3", "WORKFLOW_FAILED", "Wave 3")}));
    QCOMPARE(keys(proxy), strings({"a/m0", "a/m3", "a/m4", "a/m1"}));
    QTest::qWait(0);
    QCOMPARE(stale.count(), 2);
}

// The operator asks for an order: resort() and a click on a header apply it, and the order
// stays frozen for the polls that follow.
void tst_WorkflowFilterProxy::resortAndSortWhileFrozen()
{
    M model;
    WorkflowFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.sort(M::StatusColumn);
    QList<WorkflowSnapshot> fleet = frozenFleet();
    model.mergeWatch(u"a"_s, fleet);
    proxy.setOrderFrozen(true);
    QSignalSpy stale(&proxy, &WorkflowFilterProxy::orderStaleChanged);

    fleet = changed(fleet, {workflow("a/m4", "WORKFLOW_FAILED", "Wave 4")});
    model.mergeWatch(u"a"_s, fleet);
    QTRY_VERIFY(proxy.orderStale());
    QCOMPARE(keys(proxy), strings({"a/m1", "a/m2", "a/m3", "a/m4"}));

    proxy.resort();
    QCOMPARE(keys(proxy), strings({"a/m4", "a/m1", "a/m2", "a/m3"}));
    QVERIFY(proxy.isOrderFrozen());
    QVERIFY(!proxy.orderStale());
    QCOMPARE(stale.count(), 2);
    QCOMPARE(stale.at(1).at(0).toBool(), false);

    // Still frozen.
    fleet = changed(fleet, {workflow("a/m3", "WORKFLOW_FAILED", "Wave 3")});
    model.mergeWatch(u"a"_s, fleet);
    QCOMPARE(keys(proxy), strings({"a/m4", "a/m1", "a/m2", "a/m3"}));
    QTRY_VERIFY(proxy.orderStale());

    // A header click applies its order, descending too, and keeps it frozen.
    proxy.sort(M::StatusColumn, Qt::DescendingOrder);
    QCOMPARE(keys(proxy), strings({"a/m2", "a/m1", "a/m4", "a/m3"}));
    QVERIFY(proxy.isOrderFrozen());
    // The order just applied is the current one.
    QVERIFY(!proxy.orderStale());
    fleet = changed(fleet, {workflow("a/m2", "WORKFLOW_FAILED", "Wave 2")});
    model.mergeWatch(u"a"_s, fleet);
    QCOMPARE(keys(proxy), strings({"a/m2", "a/m1", "a/m4", "a/m3"}));
    // A new row still joins at the end in a descending order.
    model.mergeWorkflow(workflow("a/m5", "COMPLETED", "Wave 5"));
    QCOMPARE(keys(proxy), strings({"a/m2", "a/m1", "a/m4", "a/m3", "a/m5"}));
    QTRY_VERIFY(proxy.orderStale());

    proxy.sort(M::NameColumn);
    QCOMPARE(keys(proxy), strings({"a/m1", "a/m2", "a/m3", "a/m4", "a/m5"}));
    QVERIFY(proxy.isOrderFrozen());
}

// The operator's own filter change is no poll: it applies while frozen, and what it shows
// is then held still.
void tst_WorkflowFilterProxy::filterChangeAppliesWhileFrozen()
{
    M model;
    WorkflowFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.sort(M::StatusColumn);
    QList<WorkflowSnapshot> fleet = frozenFleet();
    model.mergeWatch(u"a"_s, fleet);
    proxy.setOrderFrozen(true);

    proxy.setStatusFilter({UnifiedStatus::Running});
    QCOMPARE(keys(proxy), strings({"a/m2", "a/m3"}));
    QVERIFY(proxy.isOrderFrozen());

    // m3 fails (would leave the filter), m4 runs again (would join it): held still.
    fleet = changed(fleet,
        {workflow("a/m3", "WORKFLOW_FAILED", "Wave 3"), workflow("a/m4", "IN_PROGRESS", "Wave 4")});
    model.mergeWatch(u"a"_s, fleet);
    QCOMPARE(keys(proxy), strings({"a/m2", "a/m3", "a/m4"}));
    QTRY_VERIFY(proxy.orderStale());

    proxy.setStatusFilter({UnifiedStatus::Running, UnifiedStatus::Failed});
    QCOMPARE(keys(proxy), strings({"a/m2", "a/m3", "a/m4"}));
    proxy.setStatusFilter({UnifiedStatus::Running});
    QCOMPARE(keys(proxy), strings({"a/m2", "a/m4"}));
    QVERIFY(proxy.isOrderFrozen());
    // What is shown now matches the filter, in order.
    QVERIFY(!proxy.orderStale());
}

// The selected workflow stays shown whatever a poll changes in it; the operator's own filter
// change still hides it, and drops the pin.
void tst_WorkflowFilterProxy::pinnedRowStaysShown()
{
    M model;
    WorkflowFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.sort(M::StatusColumn);
    proxy.setStatusFilter({UnifiedStatus::Running, UnifiedStatus::NeedsAttention});
    QList<WorkflowSnapshot> fleet = frozenFleet();
    model.mergeWatch(u"a"_s, fleet);
    QCOMPARE(keys(proxy), strings({"a/m1", "a/m2", "a/m3"}));

    proxy.setPinnedKey(u"a/m1"_s);
    QCOMPARE(proxy.pinnedKey(), u"a/m1"_s);
    fleet = changed(
        fleet, {workflow("a/m1", "COMPLETED", "Wave 1"), workflow("a/m3", "COMPLETED", "Wave 3")});
    model.mergeWatch(u"a"_s, fleet);
    // Not frozen: the pinned row re-sorts, but stays; the other one goes.
    QCOMPARE(keys(proxy), strings({"a/m2", "a/m1"}));
    QCOMPARE(proxy.index(1, 0).data(M::UnifiedStatusRole).toInt(), int(UnifiedStatus::Succeeded));

    proxy.setStatusFilter(
        {UnifiedStatus::Running, UnifiedStatus::NeedsAttention, UnifiedStatus::Failed});
    QCOMPARE(proxy.pinnedKey(), QString());
    QCOMPARE(keys(proxy), strings({"a/m2"}));
}

QTEST_GUILESS_MAIN(tst_WorkflowFilterProxy)
#include "tst_workflowfilterproxy.moc"
