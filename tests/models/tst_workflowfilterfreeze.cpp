// The table's frozen order while the operator points at it: polls neither move nor hide rows,
// the operator's own sort and filter changes still apply, and the selected row stays shown.
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include "models/workflowfilterproxytestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace sw;
using namespace sw::test::filter;
using namespace Qt::StringLiterals;
using M = WorkflowTableModel;

namespace {

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

class tst_WorkflowFilterFreeze : public QObject {
    Q_OBJECT

private slots:
    void frozenOrderHoldsThroughMerges();
    void resortAndSortWhileFrozen();
    void filterChangeAppliesWhileFrozen();
    void pinnedRowStaysShown();
    void unfreezingWithoutChangesSortsNothing();
};

// While the operator points at the table, a poll must not move rows under the pointer: rows
// keep their places and stay shown, new ones join at the end, and orderStale() says a re-sort
// is due. Unfreezing applies what was held back.
void tst_WorkflowFilterFreeze::frozenOrderHoldsThroughMerges()
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
void tst_WorkflowFilterFreeze::resortAndSortWhileFrozen()
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
void tst_WorkflowFilterFreeze::filterChangeAppliesWhileFrozen()
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
void tst_WorkflowFilterFreeze::pinnedRowStaysShown()
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

    // An operator's filter change the pinned row still passes keeps the pin (typing in the
    // search field must not lose the selection) ...
    proxy.setStatusFilter(
        {UnifiedStatus::Running, UnifiedStatus::NeedsAttention, UnifiedStatus::Succeeded});
    QCOMPARE(proxy.pinnedKey(), u"a/m1"_s);
    fleet = changed(fleet, {workflow("a/m1", "WORKFLOW_FAILED", "Wave 1")});
    model.mergeWatch(u"a"_s, fleet);
    QVERIFY(keys(proxy).contains(u"a/m1"_s)); // still pinned through the poll
    // ... one that hides it drops the pin.
    proxy.setStatusFilter({UnifiedStatus::Running, UnifiedStatus::NeedsAttention});
    QCOMPARE(proxy.pinnedKey(), QString());
    QCOMPARE(keys(proxy), strings({"a/m2"}));
}

// Letting go of a frozen order that nothing changed re-sorts nothing (a full sort of a large
// fleet each time the pointer leaves the table would stall the window).
void tst_WorkflowFilterFreeze::unfreezingWithoutChangesSortsNothing()
{
    M model;
    WorkflowFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(M::StatusColumn);
    model.mergeWatch(u"a"_s, frozenFleet());
    QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
    proxy.setOrderFrozen(true);
    proxy.setOrderFrozen(false);
    QCOMPARE(layouts.size(), 0);
    // With a change that moves a row, it does re-sort.
    proxy.setOrderFrozen(true);
    model.mergeWatch(
        u"a"_s, changed(frozenFleet(), {workflow("a/m3", "WORKFLOW_FAILED", "Wave 3")}));
    proxy.setOrderFrozen(false);
    QVERIFY(layouts.size() > 0);
    QCOMPARE(keys(proxy).first(), u"a/m3"_s);
}

QTEST_GUILESS_MAIN(tst_WorkflowFilterFreeze)
#include "tst_workflowfilterfreeze.moc"
