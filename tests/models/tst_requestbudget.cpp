// RequestBudget is pure: time is an argument, so every expectation here is an exact count of
// tokens at a chosen millisecond. Times are picked where rate * time is exact in binary
// floating point, so the expectations do not depend on rounding.
#include "requestbudget.h"

#include <QTest>

using namespace sw;

namespace {

// Takes tokens at `nowMs` until the budget refuses; returns how many it gave.
int takeAll(RequestBudget &budget, qint64 nowMs)
{
    int n = 0;
    while (budget.tryTake(nowMs)) {
        ++n;
        if (n > 100000)
            break; // a broken budget must fail the test, not hang it
    }
    return n;
}

} // namespace

class tst_RequestBudget : public QObject {
    Q_OBJECT

private slots:
    void startsFull_data();
    void startsFull();
    void refillsAtRate_data();
    void refillsAtRate();
    void msUntilAvailable_data();
    void msUntilAvailable();
    void waitingAsToldAlwaysSucceeds();
    void neverAboveBurstAfterIdle();
    void clockGoingBackDoesNotRefill();
    void forceTakeGoesIntoDebt();
    void throttledScalesRateBackAndEmptiesBucket();
    void throttledKeepsDebt();
    void throttledNeverBelowFloor();
    void successRecoversGradually();
    void setRateClampsSavedTokens();
    void greedyConsumerStaysWithinBudget_data();
    void greedyConsumerStaysWithinBudget();
    void forcedTakesCountAgainstPolls();
    void throttledRunStaysWithinReducedBudget();
};

void tst_RequestBudget::startsFull_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("burstArg");
    QTest::addColumn<double>("burst");
    QTest::addColumn<int>("takes");
    QTest::newRow("default") << 5.0 << -1.0 << 5.0 << 5;
    QTest::newRow("rate 20") << 20.0 << -1.0 << 20.0 << 20;
    QTest::newRow("slow rate still has one") << 0.5 << -1.0 << 1.0 << 1;
    QTest::newRow("explicit burst") << 2.0 << 10.0 << 10.0 << 10;
    QTest::newRow("tiny burst is one") << 2.0 << 0.3 << 1.0 << 1;
    QTest::newRow("fractional burst") << 2.5 << -1.0 << 2.5 << 2;
}

void tst_RequestBudget::startsFull()
{
    QFETCH(double, rate);
    QFETCH(double, burstArg);
    QFETCH(double, burst);
    QFETCH(int, takes);
    RequestBudget budget(rate, burstArg);
    QCOMPARE(budget.configuredRate(), rate);
    QCOMPARE(budget.currentRate(), rate);
    QCOMPARE(budget.burst(), burst);
    QCOMPARE(budget.msUntilAvailable(123456), qint64(0));
    QCOMPARE(takeAll(budget, 123456), takes);
    QVERIFY(!budget.tryTake(123456));
    QVERIFY(budget.msUntilAvailable(123456) > 0);
}

void tst_RequestBudget::refillsAtRate_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<qint64>("afterMs");
    QTest::addColumn<int>("takes");
    QTest::newRow("5/s after 100 ms") << 5.0 << qint64(100) << 0;
    QTest::newRow("5/s after 200 ms") << 5.0 << qint64(200) << 1;
    QTest::newRow("5/s after 400 ms") << 5.0 << qint64(400) << 2;
    QTest::newRow("5/s after 999 ms") << 5.0 << qint64(999) << 4;
    QTest::newRow("5/s after 1 s") << 5.0 << qint64(1000) << 5;
    QTest::newRow("5/s after 2 s, capped") << 5.0 << qint64(2000) << 5;
    QTest::newRow("2/s after 750 ms") << 2.0 << qint64(750) << 1;
    QTest::newRow("2/s after 1.5 s, capped") << 2.0 << qint64(1500) << 2;
    QTest::newRow("10/s after 350 ms") << 10.0 << qint64(350) << 3;
    QTest::newRow("0.5/s after 1999 ms") << 0.5 << qint64(1999) << 0;
    QTest::newRow("0.5/s after 2 s") << 0.5 << qint64(2000) << 1;
}

void tst_RequestBudget::refillsAtRate()
{
    QFETCH(double, rate);
    QFETCH(qint64, afterMs);
    QFETCH(int, takes);
    const qint64 start = 1'000'000;
    RequestBudget budget(rate);
    takeAll(budget, start);
    QVERIFY(!budget.tryTake(start));
    QCOMPARE(takeAll(budget, start + afterMs), takes);
}

void tst_RequestBudget::msUntilAvailable_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<qint64>("atMs"); // after draining the bucket at 0
    QTest::addColumn<qint64>("expected");
    QTest::newRow("5/s at once") << 5.0 << qint64(0) << qint64(200);
    QTest::newRow("5/s half way") << 5.0 << qint64(100) << qint64(100);
    QTest::newRow("5/s there") << 5.0 << qint64(200) << qint64(0);
    QTest::newRow("5/s later") << 5.0 << qint64(5000) << qint64(0);
    // 1000/3 ms is not whole: the wait is rounded up, never down.
    QTest::newRow("3/s at once") << 3.0 << qint64(0) << qint64(334);
    QTest::newRow("3/s 333 ms") << 3.0 << qint64(333) << qint64(1);
    QTest::newRow("3/s 334 ms") << 3.0 << qint64(334) << qint64(0);
    QTest::newRow("0.5/s at once") << 0.5 << qint64(0) << qint64(2000);
    QTest::newRow("0.5/s 1.5 s") << 0.5 << qint64(1500) << qint64(500);
}

void tst_RequestBudget::msUntilAvailable()
{
    QFETCH(double, rate);
    QFETCH(qint64, atMs);
    QFETCH(qint64, expected);
    RequestBudget budget(rate);
    QCOMPARE(budget.msUntilAvailable(0), qint64(0)); // full, and before any take
    takeAll(budget, 0);
    QCOMPARE(budget.msUntilAvailable(atMs), expected);
    // It is a question, not a take: asking again gives the same answer.
    QCOMPARE(budget.msUntilAvailable(atMs), expected);
    QCOMPARE(budget.tryTake(atMs), expected == 0);
}

void tst_RequestBudget::waitingAsToldAlwaysSucceeds()
{
    RequestBudget budget(3.0);
    qint64 now = 0;
    takeAll(budget, now);
    for (int i = 0; i < 300; ++i) {
        const qint64 wait = budget.msUntilAvailable(now);
        QVERIFY(wait > 0);
        QVERIFY2(wait <= 334, qPrintable(QString::number(wait)));
        QVERIFY(budget.msUntilAvailable(now + wait - 1) > 0);
        now += wait;
        QVERIFY2(budget.tryTake(now), qPrintable(QString::number(now)));
    }
    // 300 takes at 3/s after an empty bucket: 100 s, give or take the rounding up.
    QVERIFY2(now >= 100'000 && now <= 100'300, qPrintable(QString::number(now)));
}

void tst_RequestBudget::neverAboveBurstAfterIdle()
{
    RequestBudget budget(5.0);
    QVERIFY(budget.tryTake(0));
    QCOMPARE(takeAll(budget, 3'600'000), 5);

    RequestBudget bursty(2.0, 10.0);
    takeAll(bursty, 0);
    QCOMPARE(takeAll(bursty, 86'400'000), 10);
}

void tst_RequestBudget::clockGoingBackDoesNotRefill()
{
    RequestBudget budget(5.0);
    takeAll(budget, 10'000);
    QVERIFY(!budget.tryTake(5'000));
    QCOMPARE(budget.msUntilAvailable(5'000), qint64(200));
    // Time counts from the latest moment seen, not from the earlier one.
    QVERIFY(!budget.tryTake(10'100));
    QVERIFY(budget.tryTake(10'200));
}

void tst_RequestBudget::forceTakeGoesIntoDebt()
{
    RequestBudget budget(5.0);
    takeAll(budget, 0);
    budget.forceTake(0);
    budget.forceTake(0);
    // Two tokens owed and one more needed: three tokens at 5/s.
    QCOMPARE(budget.msUntilAvailable(0), qint64(600));
    QCOMPARE(budget.msUntilAvailable(100), qint64(500));
    QVERIFY(!budget.tryTake(500));
    QCOMPARE(budget.msUntilAvailable(500), qint64(100));
    QVERIFY(budget.tryTake(600));
    QVERIFY(!budget.tryTake(600));

    // Polling every millisecond, the first poll goes through once the debt is paid.
    RequestBudget polled(5.0);
    takeAll(polled, 0);
    polled.forceTake(0);
    polled.forceTake(0);
    qint64 first = -1;
    for (qint64 t = 0; t <= 2000 && first < 0; ++t) {
        if (polled.tryTake(t))
            first = t;
    }
    QVERIFY2(first >= 600 && first <= 601, qPrintable(QString::number(first)));

    // A forced take on a full bucket is an ordinary take.
    RequestBudget full(5.0);
    full.forceTake(0);
    QCOMPARE(takeAll(full, 0), 4);
}

void tst_RequestBudget::throttledScalesRateBackAndEmptiesBucket()
{
    RequestBudget budget(5.0);
    QVERIFY(budget.tryTake(0)); // four saved
    budget.onThrottled();
    QCOMPARE(budget.currentRate(), 3.5); // 70 %, as the SDKs' adaptive mode
    QCOMPARE(budget.configuredRate(), 5.0);
    QCOMPARE(budget.burst(), 5.0);
    QVERIFY(!budget.tryTake(0));
    QCOMPARE(budget.msUntilAvailable(0), qint64(286)); // 1 / 3.5 s, rounded up
    QVERIFY(!budget.tryTake(200));
    QVERIFY(budget.tryTake(286));

    budget.onThrottled();
    QCOMPARE(budget.currentRate(), 2.45);
    QCOMPARE(budget.msUntilAvailable(286), qint64(409));
}

void tst_RequestBudget::throttledKeepsDebt()
{
    RequestBudget budget(5.0);
    takeAll(budget, 0);
    budget.forceTake(0);
    budget.forceTake(0);
    budget.onThrottled();
    // Still two owed, now repaid at 3.5/s: three tokens take 858 ms.
    QCOMPARE(budget.msUntilAvailable(0), qint64(858));
}

void tst_RequestBudget::throttledNeverBelowFloor()
{
    RequestBudget budget(5.0);
    for (int i = 0; i < 20; ++i)
        budget.onThrottled();
    QCOMPARE(budget.currentRate(), 0.5);
    QVERIFY(!budget.tryTake(0));
    // One request in two seconds, however often the service throttles (the SDKs' floor).
    QCOMPARE(budget.msUntilAvailable(0), qint64(2'000));
    QVERIFY(!budget.tryTake(1'000));
    QVERIFY(budget.tryTake(2'000));

    // A budget configured below the floor stays where it was set.
    RequestBudget slow(0.15);
    slow.onThrottled();
    QCOMPARE(slow.currentRate(), 0.15);
}

void tst_RequestBudget::successRecoversGradually()
{
    RequestBudget budget(5.0);
    budget.onSuccess();
    QCOMPARE(budget.currentRate(), 5.0); // never above configured

    budget.onThrottled();
    QCOMPARE(budget.currentRate(), 3.5);
    budget.onSuccess(); // 5 % of the configured 5/s
    QCOMPARE(budget.currentRate(), 3.75);
    for (int i = 0; i < 4; ++i)
        budget.onSuccess();
    QCOMPARE(budget.currentRate(), 4.75);
    budget.onSuccess();
    QCOMPARE(budget.currentRate(), 5.0);
    budget.onSuccess();
    QCOMPARE(budget.currentRate(), 5.0);

    // From the floor, the steps are still 5 % of the configured rate, not of the current one.
    for (int i = 0; i < 20; ++i)
        budget.onThrottled();
    QCOMPARE(budget.currentRate(), 0.5);
    budget.onSuccess();
    QCOMPARE(budget.currentRate(), 0.75);
    int successes = 1;
    while (budget.currentRate() < 5.0 && successes < 1000) {
        budget.onSuccess();
        ++successes;
    }
    QCOMPARE(successes, 18); // ceil((5 - 0.5) / 0.25)
    QCOMPARE(budget.currentRate(), 5.0);

    RequestBudget other(2.0);
    other.onThrottled();
    other.onSuccess();
    QCOMPARE(other.currentRate(), 1.5);
}

void tst_RequestBudget::setRateClampsSavedTokens()
{
    RequestBudget budget(5.0);
    budget.setRate(1.0);
    QCOMPARE(budget.configuredRate(), 1.0);
    QCOMPARE(budget.burst(), 1.0);
    QCOMPARE(takeAll(budget, 0), 1);

    budget.onThrottled();
    budget.setRate(4.0);
    QCOMPARE(budget.currentRate(), 4.0); // a new configuration starts afresh
    QCOMPARE(budget.msUntilAvailable(0), qint64(250));
}

void tst_RequestBudget::greedyConsumerStaysWithinBudget_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("burstArg");
    QTest::addColumn<qint64>("stepMs");
    QTest::newRow("5/s, 1 ms steps") << 5.0 << -1.0 << qint64(1);
    QTest::newRow("5/s, 10 ms steps") << 5.0 << -1.0 << qint64(10);
    QTest::newRow("3/s, 1 ms steps") << 3.0 << -1.0 << qint64(1);
    QTest::newRow("0.5/s, 10 ms steps") << 0.5 << -1.0 << qint64(10);
    QTest::newRow("2.5/s, 1 ms steps") << 2.5 << -1.0 << qint64(1);
    QTest::newRow("20/s burst 40, 1 ms steps") << 20.0 << 40.0 << qint64(1);
    QTest::newRow("20/s burst 40, 10 ms steps") << 20.0 << 40.0 << qint64(10);
}

void tst_RequestBudget::greedyConsumerStaysWithinBudget()
{
    QFETCH(double, rate);
    QFETCH(double, burstArg);
    QFETCH(qint64, stepMs);
    RequestBudget budget(rate, burstArg);
    const double limit = rate * 60 + budget.burst();
    int takes = 0;
    for (qint64 t = 0; t <= 60'000; t += stepMs)
        takes += takeAll(budget, t);
    QVERIFY2(takes <= limit, qPrintable(QStringLiteral("%1 > %2").arg(takes).arg(limit)));
    // And it does give what it promises (one short at most, for rounding).
    QVERIFY2(takes >= int(limit) - 1, qPrintable(QStringLiteral("%1 < %2").arg(takes).arg(limit)));
}

void tst_RequestBudget::forcedTakesCountAgainstPolls()
{
    RequestBudget budget(5.0);
    int takes = 0;
    for (qint64 t = 0; t <= 60'000; ++t) {
        if (t % 1000 == 0) {
            budget.forceTake(t); // an operator action every second
            ++takes;
        }
        takes += takeAll(budget, t);
    }
    QVERIFY2(takes <= 5 * 60 + 5, qPrintable(QString::number(takes)));
    QVERIFY2(takes >= 5 * 60 + 5 - 1, qPrintable(QString::number(takes)));
}

void tst_RequestBudget::throttledRunStaysWithinReducedBudget()
{
    RequestBudget budget(5.0);
    int takes = takeAll(budget, 0); // the burst that got us throttled
    QCOMPARE(takes, 5);
    budget.onThrottled();
    int after = 0;
    for (qint64 t = 0; t <= 60'000; ++t)
        after += takeAll(budget, t);
    // Nothing saved, 3.5/s from then on.
    QVERIFY2(after <= 210, qPrintable(QString::number(after)));
    QVERIFY2(after >= 209, qPrintable(QString::number(after)));
}

QTEST_GUILESS_MAIN(tst_RequestBudget)
#include "tst_requestbudget.moc"
