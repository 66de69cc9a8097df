// Times of Migration Hub Orchestrator steps, which the service does not report, taken from
// what successive polls saw.

#include "observedtimes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC);
const QDateTime t1 = t0.addSecs(30);

WorkflowSnapshot workflowWith(const QString &raw, StepKind kind = StepKind::MhoStep,
    const QDateTime &start = {}, const QDateTime &end = {})
{
    StepSnapshot s;
    s.kind = kind;
    s.id = u"st-1"_s;
    s.name = u"Validate"_s;
    s.rawStatus = raw;
    s.status = unifiedStatus(StatusSource::MhoStep, raw);
    s.start = start;
    s.end = end;
    WorkflowSnapshot w;
    w.key = u"watch/mw-1"_s;
    w.stepsLoaded = true;
    w.setSteps({s});
    return w;
}

} // namespace

Q_DECLARE_METATYPE(StepKind)

class tst_ObservedTimes : public QObject {
    Q_OBJECT

private slots:
    void transitions_data();
    void transitions();
    void timesAreCarriedAndMarked();
    void otherServicesAreLeftAlone();
    void stepsNotLoadedChangeNothing();
};

void tst_ObservedTimes::transitions_data()
{
    QTest::addColumn<bool>("seenBefore");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("now");
    QTest::addColumn<bool>("hasStart");
    QTest::addColumn<bool>("hasEnd");

    QTest::newRow("first look, running: started no later than now")
        << false << QString() << u"IN_PROGRESS"_s << true << false;
    QTest::newRow("first look, finished: no invented bar")
        << false << QString() << u"COMPLETED"_s << false << false;
    QTest::newRow("first look, failed: no invented bar")
        << false << QString() << u"FAILED"_s << false << false;
    QTest::newRow("first look, not started") << false << QString() << u"READY"_s << false << false;
    QTest::newRow("ready → running") << true << u"READY"_s << u"IN_PROGRESS"_s << true << false;
    QTest::newRow("ready → failed between polls")
        << true << u"AWAITING_DEPENDENCIES"_s << u"FAILED"_s << true << true;
    QTest::newRow("still ready") << true << u"READY"_s << u"READY"_s << false << false;
}

void tst_ObservedTimes::transitions()
{
    QFETCH(bool, seenBefore);
    QFETCH(QString, before);
    QFETCH(QString, now);
    QFETCH(bool, hasStart);
    QFETCH(bool, hasEnd);
    const WorkflowSnapshot previous = seenBefore ? workflowWith(before) : WorkflowSnapshot();
    WorkflowSnapshot next = workflowWith(now);
    carryObservedStepTimes(previous, next, t1);
    const StepSnapshot &s = next.steps.first();
    QCOMPARE(s.start.isValid(), hasStart);
    QCOMPARE(s.end.isValid(), hasEnd);
    if (hasStart)
        QCOMPARE(s.start, t1);
    QCOMPARE(next.stepsDigest, stepsDigest(next.steps));
}

void tst_ObservedTimes::timesAreCarriedAndMarked()
{
    // Seen running at t0, finished at t1: the bar runs from t0 to t1, and later polls keep it.
    WorkflowSnapshot running = workflowWith(u"IN_PROGRESS"_s);
    carryObservedStepTimes(workflowWith(u"READY"_s), running, t0);
    QCOMPARE(running.steps.first().start, t0);
    QVERIFY(!detailValue(running.steps.first().details, u"observedTimes").isEmpty());

    WorkflowSnapshot done = workflowWith(u"COMPLETED"_s);
    carryObservedStepTimes(running, done, t1);
    QCOMPARE(done.steps.first().start, t0);
    QCOMPARE(done.steps.first().end, t1);

    WorkflowSnapshot later = workflowWith(u"COMPLETED"_s);
    carryObservedStepTimes(done, later, t1.addSecs(600));
    QCOMPARE(later.steps.first().start, t0);
    QCOMPARE(later.steps.first().end, t1);
    // Unchanged polls stay equal, so the models see no change.
    QVERIFY(later.sameAs(done));
    QCOMPARE(later.steps.first().details.size(), 1);
}

void tst_ObservedTimes::otherServicesAreLeftAlone()
{
    WorkflowSnapshot next = workflowWith(u"RUNNING"_s, StepKind::ImageBuilderStep);
    carryObservedStepTimes(workflowWith(u"PENDING"_s, StepKind::ImageBuilderStep), next, t1);
    QVERIFY(!next.steps.first().start.isValid());
    QVERIFY(next.steps.first().details.isEmpty());
}

void tst_ObservedTimes::stepsNotLoadedChangeNothing()
{
    WorkflowSnapshot next = workflowWith(u"IN_PROGRESS"_s);
    next.stepsLoaded = false;
    carryObservedStepTimes(workflowWith(u"READY"_s), next, t1);
    QVERIFY(!next.steps.first().start.isValid());
}

QTEST_MAIN(tst_ObservedTimes)
#include "tst_observedtimes.moc"
