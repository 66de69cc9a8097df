// The simulated EC2 Image Builder service over simulated time: steps that run in order,
// rollback after a failure, every status across seeds, and 50,000 executions.

#include "imagebuildersimtestsupport.h"
#include "support/residentmemory.h"

#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using namespace sw::test::imagebuilder;

namespace {

// One letter a step, for checking the order the steps run in.
QString shapeOf(const QJsonArray &steps)
{
    QString shape;
    for (const QJsonValue &step : steps) {
        const QString s = step[u"status"_s].toString();
        shape += s == u"COMPLETED" ? u'C'
            : s == u"RUNNING"      ? u'R'
            : s == u"FAILED"       ? u'F'
            : s == u"CANCELLED"    ? u'X'
            : s == u"PENDING"      ? u'P'
                                   : u'S';
    }
    return shape;
}

} // namespace

class TestImageBuilderSimBehaviour : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stepsRunInOrderAndRollBack();
    void allStatusesAcrossSeeds();
    void scale();
};

void TestImageBuilderSimBehaviour::stepsRunInOrderAndRollBack()
{
    Simulator sim(SimOptions {9, 1.0, 100});
    const QStringList arns = arnsOf(sim);
    const QHash<QString, QSet<QString>> next = {{u"PENDING"_s, {u"RUNNING"_s, u"SKIPPED"_s}},
        {u"RUNNING"_s, {u"COMPLETED"_s, u"FAILED"_s, u"ROLLBACK_IN_PROGRESS"_s, u"CANCELLED"_s}},
        {u"ROLLBACK_IN_PROGRESS"_s, {u"ROLLBACK_COMPLETED"_s}}};
    QHash<QString, QString> last;
    QHash<QString, QStringList> history;
    bool rollbackStepRunning = false;
    for (int round = 0; round < 4 * 240; ++round) { // four simulated hours in 15 s steps
        for (const QString &arn : arns) {
            for (const QJsonValue &e : executionsOf(sim, arn)) {
                const QString id = e[u"workflowExecutionId"_s].toString();
                const QString status = e[u"status"_s].toString();
                const QString before = last.value(id, status);
                if (before != status) {
                    QVERIFY2(next.value(before).contains(status),
                        qPrintable(before + u" -> "_s + status));
                    history[id].append(status);
                }
                last[id] = status;
                const bool active = status == u"RUNNING" || status == u"ROLLBACK_IN_PROGRESS";
                if (!active && round % 40 != 0)
                    continue;
                const QJsonArray steps = stepsOf(sim, id);
                const QString shape = shapeOf(steps);
                static const QRegularExpression order(u"^(C*(R?P*|[FX]S*)|S+)$"_s);
                QVERIFY2(order.match(shape).hasMatch(), qPrintable(shape));
                QCOMPARE(shape.count(u'C'), e[u"totalStepsSucceeded"_s].toInt());
                QCOMPARE(shape.count(u'F'), e[u"totalStepsFailed"_s].toInt());
                QCOMPARE(shape.count(u'S'), e[u"totalStepsSkipped"_s].toInt());
                QString rollback; // '-' none, 'R' running, 'C' completed
                QString previousEnd;
                for (const QJsonValue &s : steps) {
                    const QString r = s[u"rollbackStatus"_s].toString();
                    rollback += r.isEmpty() ? u'-' : r.at(0);
                    if (s[u"startTime"_s].isString()) {
                        QVERIFY(previousEnd <= s[u"startTime"_s].toString());
                        previousEnd = s[u"endTime"_s].toString(s[u"startTime"_s].toString());
                    }
                }
                // Completed steps roll back one at a time, last first.
                static const QRegularExpression reverse(u"^-*R?C*-*$"_s);
                QVERIFY2(reverse.match(rollback).hasMatch(), qPrintable(rollback));
                if (status == u"ROLLBACK_IN_PROGRESS")
                    QVERIFY(shape.contains(u'F'));
                if (status == u"ROLLBACK_COMPLETED") {
                    QCOMPARE(rollback.count(u'C'), shape.count(u'C'));
                    QVERIFY(shape.count(u'C') > 0);
                }
                rollbackStepRunning = rollbackStepRunning || rollback.contains(u'R');
            }
        }
        sim.clock().advance(15000);
    }
    for (const QString &status : std::as_const(last))
        QVERIFY2(finished.contains(status), qPrintable(status));
    QVERIFY(rollbackStepRunning);
    const QStringList rolledBack = {u"ROLLBACK_IN_PROGRESS"_s, u"ROLLBACK_COMPLETED"_s};
    bool watchedRollback = false;
    for (const QStringList &h : std::as_const(history))
        watchedRollback = watchedRollback || h.join(u',').endsWith(rolledBack.join(u','));
    QVERIFY(watchedRollback);
}

void TestImageBuilderSimBehaviour::allStatusesAcrossSeeds()
{
    QSet<QString> seen;
    for (quint64 seed = 1; seed <= 5; ++seed) {
        Simulator sim(SimOptions {seed, 1.0, 60});
        const QStringList arns = arnsOf(sim);
        for (int minute = 0; minute < 180; ++minute) {
            for (const QString &arn : arns) {
                for (const QJsonValue &e : executionsOf(sim, arn))
                    seen.insert(e[u"status"_s].toString());
            }
            sim.clock().advance(60000);
        }
    }
    QCOMPARE(seen, executionStatuses);
}

void TestImageBuilderSimBehaviour::scale()
{
    QElapsedTimer timer;
    timer.start();
    Simulator sim(SimOptions {10, 1.0, 50000});
    const qint64 built = timer.restart();
    const QStringList arns = arnsOf(sim);
    const qint64 inventory = timer.restart();
    int executions = 0;
    QStringList ids;
    for (int i = 0; i < arns.size(); i += 4) {
        for (const QJsonValue &e : executionsOf(sim, arns[i], 2)) {
            ++executions;
            ids.append(e[u"workflowExecutionId"_s].toString());
        }
    }
    const qint64 listed = timer.restart();
    QVERIFY(executions > 50000 / 4 * 9 / 10 && executions < 50000 / 4 * 11 / 10);
    int steps = 0;
    for (const QString &id : std::as_const(ids))
        steps += int(stepsOf(sim, id).size());
    QVERIFY(steps > executions * 3);
    qInfo("50,000 executions: built in %lld ms, %lld image build versions, inventory in %lld ms; "
          "%d executions listed in %lld ms; %d steps of them in %lld ms; RSS %lld kB",
        built, qint64(arns.size()), inventory, executions, listed, steps, timer.elapsed(),
        sw::test::residentKb());
}

QTEST_GUILESS_MAIN(TestImageBuilderSimBehaviour)
#include "tst_imagebuildersimbehaviour.moc"
