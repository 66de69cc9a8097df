// PollBackoff: which failures are which kind of trouble, and how long a watch waits after each,
// against the default PollPolicy (5xx ≤ 60 s, unreachable ≤ 120 s, the rest ≤ 300 s).
#include "aws/awserror.h"
#include "pollbackoff.h"

#include <QTest>

#include <limits>

using namespace sw;
using namespace Qt::StringLiterals;
using Failure = PollBackoff::Failure;
using aws::ErrorKind;

namespace {

// Names, so a failed comparison says which kind it got.
QString name(Failure failure)
{
    switch (failure) {
    case Failure::Throttled:
        return u"Throttled"_s;
    case Failure::ServerError:
        return u"ServerError"_s;
    case Failure::Unreachable:
        return u"Unreachable"_s;
    case Failure::NeedsFixing:
        return u"NeedsFixing"_s;
    }
    return u"?"_s;
}

aws::AwsError error(ErrorKind kind, const QString &code = {}, int httpStatus = 0)
{
    aws::AwsError e;
    e.kind = kind;
    e.code = code;
    e.httpStatus = httpStatus;
    e.serviceCode = aws::serviceErrorCodeFromString(code);
    return e;
}

// Just below 1, as random01 can be: the wait is then (nearly) the full one.
constexpr double nearlyOne = 0.9999;

} // namespace

class tst_PollBackoff : public QObject {
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void delay_data();
    void delay();
    void caps_data();
    void caps();
    void neverPastTheCap();
    void policyCapsApply();
};

void tst_PollBackoff::classify_data()
{
    QTest::addColumn<int>("kind"); // aws::ErrorKind
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("expected"); // name()

    auto row = [](const char *tag, ErrorKind kind, const QString &code, int status,
                   Failure expected) {
        QTest::newRow(tag) << int(kind) << code << status << name(expected);
    };
    row("network", ErrorKind::Network, {}, 0, Failure::Unreachable);
    row("timeout", ErrorKind::Timeout, {}, 0, Failure::Unreachable);
    row("ThrottlingException", ErrorKind::Service, u"ThrottlingException"_s, 400,
        Failure::Throttled);
    row("ThrottlingException without a status", ErrorKind::Service, u"ThrottlingException"_s, 0,
        Failure::Throttled);
    row("HTTP 429 without a code", ErrorKind::Service, {}, 429, Failure::Throttled);
    row("TooManyRequestsException", ErrorKind::Service, u"TooManyRequestsException"_s, 429,
        Failure::Throttled);
    // Image Builder's own word for it.
    row("CallRateLimitExceededException", ErrorKind::Service, u"CallRateLimitExceededException"_s,
        400, Failure::Throttled);
    row("500", ErrorKind::Service, u"InternalServerException"_s, 500, Failure::ServerError);
    row("503", ErrorKind::Service, u"ServiceUnavailableException"_s, 503, Failure::ServerError);
    row("502 without a code", ErrorKind::Service, {}, 502, Failure::ServerError);
    row("403", ErrorKind::Service, u"AccessDeniedException"_s, 403, Failure::NeedsFixing);
    row("400", ErrorKind::Service, u"ValidationException"_s, 400, Failure::NeedsFixing);
    row("404", ErrorKind::Service, u"ResourceNotFoundException"_s, 404, Failure::NeedsFixing);
    row("malformed", ErrorKind::Malformed, {}, 200, Failure::ServerError);
    row("pagination", ErrorKind::Pagination, {}, 200, Failure::ServerError);
    row("aborted", ErrorKind::Aborted, {}, 0, Failure::ServerError);
    row("none", ErrorKind::None, {}, 0, Failure::ServerError);
    row("credentials", ErrorKind::Credentials, {}, 0, Failure::NeedsFixing);
    row("configuration", ErrorKind::Configuration, {}, 0, Failure::NeedsFixing);
    row("tls", ErrorKind::Tls, {}, 0, Failure::NeedsFixing);
    row("validation", ErrorKind::Validation, {}, 0, Failure::NeedsFixing);
}

void tst_PollBackoff::classify()
{
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(int, httpStatus);
    QTEST(name(PollBackoff::classify(error(ErrorKind(kind), code, httpStatus))), "expected");
}

void tst_PollBackoff::delay_data()
{
    QTest::addColumn<int>("failure"); // Failure
    QTest::addColumn<int>("failures"); // consecutive
    QTest::addColumn<qint64>("baseMs");
    QTest::addColumn<double>("random01");
    QTest::addColumn<qint64>("expected");

    auto row = [](const char *tag, Failure failure, int failures, qint64 baseMs, double random01,
                   qint64 expected) {
        QTest::newRow(tag) << int(failure) << failures << baseMs << random01 << expected;
    };
    const auto T = Failure::Throttled;
    const auto S = Failure::ServerError;
    const auto U = Failure::Unreachable;
    const auto N = Failure::NeedsFixing;

    // Throttled: one base interval, then two, never more.
    row("throttled 5 s, 1st, full", T, 1, 5000, 1.0, 6250);
    row("throttled 5 s, 1st, nearly full", T, 1, 5000, nearlyOne, 6249);
    // Throttled: never sooner than the interval, spread a quarter above it.
    row("throttled 5 s, 1st, no jitter", T, 1, 5000, 0.0, 5000);
    row("throttled 5 s, 2nd", T, 2, 5000, 1.0, 10000);
    row("throttled 5 s, 3rd", T, 3, 5000, 1.0, 10000);
    row("throttled 5 s, 10th", T, 10, 5000, nearlyOne, 10000);
    row("throttled 5 s, 1000th", T, 1000, 5000, 1.0, 10000);
    row("throttled 5 s, 1000th, no jitter", T, 1000, 5000, 0.0, 10000);
    // A slow watch: the server-error cap wins over two intervals.
    row("throttled 60 s, 1st", T, 1, 60000, 1.0, 60000);
    row("throttled 60 s, 2nd", T, 2, 60000, 1.0, 60000);
    row("throttled 60 s, 1000th", T, 1000, 60000, 1.0, 60000);
    // A slow watch is not made to poll faster by being throttled.
    row("throttled 300 s, 1st", T, 1, 300000, 1.0, 300000);
    // Server errors: exponential from the base, capped at a minute.
    row("server 5 s, 1st", S, 1, 5000, 1.0, 5000);
    row("server 5 s, 2nd", S, 2, 5000, 1.0, 10000);
    row("server 5 s, 3rd", S, 3, 5000, 1.0, 20000);
    row("server 5 s, 4th", S, 4, 5000, 1.0, 40000);
    row("server 5 s, 5th", S, 5, 5000, 1.0, 60000);
    row("server 5 s, 1000th", S, 1000, 5000, 1.0, 60000);
    row("server 5 s, 3rd, half", S, 3, 5000, 0.0, 10000);
    row("server 5 s, 3rd, three quarters", S, 3, 5000, 0.5, 15000);
    // Unreachable: capped at two minutes.
    row("unreachable 5 s, 1st", U, 1, 5000, 1.0, 5000);
    row("unreachable 5 s, 5th", U, 5, 5000, 1.0, 80000);
    row("unreachable 5 s, 6th", U, 6, 5000, 1.0, 120000);
    row("unreachable 5 s, 1000th", U, 1000, 5000, 1.0, 120000);
    row("unreachable 5 s, 1000th, half", U, 1000, 5000, 0.0, 60000);
    // What waiting cannot fix: capped at PollPolicy::maxBackoffSeconds.
    row("needs fixing 5 s, 1st", N, 1, 5000, 1.0, 5000);
    row("needs fixing 5 s, 6th", N, 6, 5000, 1.0, 160000);
    row("needs fixing 5 s, 7th", N, 7, 5000, 1.0, 300000);
    row("needs fixing 5 s, 1000th", N, 1000, 5000, 1.0, 300000);
    row("needs fixing 5 s, max int", N, std::numeric_limits<int>::max(), 5000, 1.0, 300000);
    // Out-of-range counts are read as the first failure.
    row("0 failures", S, 0, 5000, 1.0, 5000);
    row("negative failures", S, -3, 5000, 1.0, 5000);
    // random01 outside [0, 1) is clamped.
    row("random below 0", S, 1, 5000, -2.0, 2500);
    row("random above 1", S, 1, 5000, 7.0, 5000);
    // Never 0 ms: a zero timer would spin.
    row("base 0", S, 1, 0, 0.0, 1);
    row("base 1 ms, half", T, 1, 1, 0.0, 1);
    row("negative base", U, 3, -5000, 0.0, 2);
}

void tst_PollBackoff::delay()
{
    QFETCH(int, failure);
    QFETCH(int, failures);
    QFETCH(qint64, baseMs);
    QFETCH(double, random01);
    QTEST(PollBackoff::delayMs(Failure(failure), failures, baseMs, PollPolicy(), random01),
        "expected");
}

void tst_PollBackoff::caps_data()
{
    QTest::addColumn<int>("failure");
    QTest::addColumn<qint64>("baseMs");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("throttled 5 s") << int(Failure::Throttled) << qint64(5000) << qint64(10000);
    QTest::newRow("throttled 20 s") << int(Failure::Throttled) << qint64(20000) << qint64(40000);
    QTest::newRow("throttled 60 s") << int(Failure::Throttled) << qint64(60000) << qint64(60000);
    QTest::newRow("throttled base 0") << int(Failure::Throttled) << qint64(0) << qint64(2);
    QTest::newRow("server") << int(Failure::ServerError) << qint64(5000) << qint64(60000);
    QTest::newRow("unreachable") << int(Failure::Unreachable) << qint64(5000) << qint64(120000);
    QTest::newRow("needs fixing") << int(Failure::NeedsFixing) << qint64(5000) << qint64(300000);
}

void tst_PollBackoff::caps()
{
    QFETCH(int, failure);
    QFETCH(qint64, baseMs);
    QTEST(PollBackoff::capMs(Failure(failure), baseMs, PollPolicy()), "expected");
}

// Whatever the count and the jitter: at least 1 ms, at most the cap, never shorter after
// another failure, and throttling never waits more than two base intervals.
void tst_PollBackoff::neverPastTheCap()
{
    const PollPolicy policy;
    for (const Failure failure :
        {Failure::Throttled, Failure::ServerError, Failure::Unreachable, Failure::NeedsFixing}) {
        for (const qint64 base : {qint64(1000), qint64(5000), qint64(30000), qint64(600000)}) {
            const qint64 cap = PollBackoff::capMs(failure, base, policy);
            for (const double random01 : {0.0, 0.25, 0.5, nearlyOne}) {
                qint64 previous = 0;
                for (int n = 1; n <= 64; ++n) {
                    const qint64 d = PollBackoff::delayMs(failure, n, base, policy, random01);
                    const QString where =
                        u"%1 base %2 n %3 r %4"_s.arg(name(failure)).arg(base).arg(n).arg(random01);
                    QVERIFY2(d >= 1, qPrintable(where));
                    QVERIFY2(d <= cap, qPrintable(where));
                    QVERIFY2(d >= previous, qPrintable(where));
                    // Past 30 failures the count is clamped: the wait stays at the cap.
                    QVERIFY2(n < 30 || d >= cap / 2, qPrintable(where));
                    // Throttled: within two intervals and a minute, unless one interval
                    // is longer than that (then never sooner than the watch polls anyway).
                    if (failure == Failure::Throttled)
                        QVERIFY2(
                            d <= 2 * base && d <= std::max<qint64>(60000, base), qPrintable(where));
                    previous = d;
                }
            }
        }
    }
}

void tst_PollBackoff::policyCapsApply()
{
    PollPolicy policy;
    policy.serverErrorBackoffSeconds = 20;
    policy.unreachableBackoffSeconds = 30;
    policy.maxBackoffSeconds = 40;
    QCOMPARE(PollBackoff::delayMs(Failure::ServerError, 10, 5000, policy, 1.0), 20000);
    QCOMPARE(PollBackoff::delayMs(Failure::Unreachable, 10, 5000, policy, 1.0), 30000);
    QCOMPARE(PollBackoff::delayMs(Failure::NeedsFixing, 10, 5000, policy, 1.0), 40000);
    // Throttling stays within the server-error cap even when two intervals are more.
    QCOMPARE(PollBackoff::delayMs(Failure::Throttled, 10, 15000, policy, 1.0), 20000);
    QCOMPARE(PollBackoff::delayMs(Failure::Throttled, 10, 5000, policy, 1.0), 10000);
}

QTEST_GUILESS_MAIN(tst_PollBackoff)
#include "tst_pollbackoff.moc"
