// Standard retry mode pieces as pure functions: backoff, quota, which errors are retried,
// and how an error response is read.

#include "aws/awserror.h"
#include "aws/paginator.h"
#include "aws/redact.h"
#include "aws/retrypolicy.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::aws;

class TestRetryPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void backoff_data();
    void backoff();
    void quota();
    void retryable_data();
    void retryable();
    void parseError_data();
    void parseError();
    void pageMerger();
    void pageMergerBounds();
    void redaction();
};

void TestRetryPolicy::backoff_data()
{
    QTest::addColumn<int>("nextAttempt");
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("expectedMs");
    QTest::newRow("2nd attempt, max jitter") << 2 << 1.0 << 1000;
    QTest::newRow("2nd attempt, half") << 2 << 0.5 << 500;
    QTest::newRow("3rd attempt") << 3 << 1.0 << 2000;
    QTest::newRow("4th attempt") << 4 << 0.25 << 1000;
    QTest::newRow("capped at 20 s") << 10 << 1.0 << 20000;
    QTest::newRow("no jitter") << 5 << 0.0 << 0;
    QTest::newRow("huge attempt stays capped") << 1000 << 1.0 << 20000;
}

void TestRetryPolicy::backoff()
{
    QFETCH(int, nextAttempt);
    QFETCH(double, random);
    QFETCH(int, expectedMs);
    QCOMPARE(RetryPolicy().backoffMs(nextAttempt, random), expectedMs);
}

void TestRetryPolicy::quota()
{
    RetryQuota q;
    QCOMPARE(q.available(), 500);
    QVERIFY(q.acquire(false));
    QCOMPARE(q.available(), 495);
    QVERIFY(q.acquire(true));
    QCOMPARE(q.available(), 485);
    q.release(15); // the call that spent them succeeded
    QCOMPARE(q.available(), 500);
    q.release(0); // a first-try success never goes above the start
    QCOMPARE(q.available(), 500);
    int retries = 0;
    while (q.acquire(false))
        ++retries;
    QCOMPARE(retries, 100);
    QVERIFY(!q.acquire(false));
    q.release(0);
    QCOMPARE(q.available(), 1);
}

void TestRetryPolicy::retryable_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<bool>("throttling");
    const int service = int(ErrorKind::Service);
    QTest::newRow("429 ThrottlingException")
        << service << 429 << u"ThrottlingException"_s << true << true;
    QTest::newRow("429 unknown code") << service << 429 << u"Whatever"_s << true << true;
    QTest::newRow("CallRateLimitExceeded")
        << service << 429 << u"CallRateLimitExceededException"_s << true << true;
    QTest::newRow("400 ThrottlingException code")
        << service << 400 << u"ThrottlingException"_s << true << true;
    QTest::newRow("500") << service << 500 << u"InternalServerException"_s << true << false;
    QTest::newRow("503") << service << 503 << u"ServiceUnavailableException"_s << true << false;
    QTest::newRow("400 validation") << service << 400 << u"ValidationException"_s << false << false;
    QTest::newRow("403 modelled retryable by MHO")
        << service << 403 << u"AccessDeniedException"_s << false << false;
    QTest::newRow("404") << service << 404 << u"ResourceNotFoundException"_s << false << false;
    QTest::newRow("409") << service << 409 << u"ConflictException"_s << false << false;
    QTest::newRow("network") << int(ErrorKind::Network) << 0 << QString() << true << false;
    QTest::newRow("timeout") << int(ErrorKind::Timeout) << 0 << QString() << true << false;
    QTest::newRow("tls") << int(ErrorKind::Tls) << 0 << QString() << false << false;
    QTest::newRow("malformed") << int(ErrorKind::Malformed) << 200 << QString() << false << false;
    QTest::newRow("validation") << int(ErrorKind::Validation) << 0 << QString() << false << false;
}

void TestRetryPolicy::retryable()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(bool, retryable);
    QFETCH(bool, throttling);
    AwsError e;
    e.kind = ErrorKind(kind);
    e.httpStatus = status;
    e.code = code;
    QCOMPARE(isRetryableError(e), retryable);
    QCOMPARE(isThrottlingError(e), throttling);
}

void TestRetryPolicy::parseError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("headerType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("header wins, cut at colon")
        << 400 << QByteArray("ValidationException:http://internal.amazon.com/coral/")
        << QByteArray(R"({"__type":"Other","message":"m"})") << u"ValidationException"_s << u"m"_s;
    QTest::newRow("header with namespace")
        << 404 << QByteArray("aws.api#ResourceNotFoundException")
        << QByteArray(R"({"Message":"M"})") << u"ResourceNotFoundException"_s << u"M"_s;
    QTest::newRow("__type with namespace")
        << 429 << QByteArray()
        << QByteArray(R"({"__type":"a.b#ThrottlingException","message":"t"})")
        << u"ThrottlingException"_s << u"t"_s;
    QTest::newRow("code member") << 409 << QByteArray()
                                 << QByteArray(R"({"code":"ConflictException"})")
                                 << u"ConflictException"_s << u"HTTP status 409 with no message"_s;
    QTest::newRow("html") << 502 << QByteArray() << QByteArray("<h1>Bad\tGateway</h1>\n")
                          << u"502"_s << u"<h1>Bad?Gateway</h1>?"_s;
    QTest::newRow("empty") << 500 << QByteArray() << QByteArray() << u"500"_s
                           << u"HTTP status 500 with no message"_s;
}

void TestRetryPolicy::parseError()
{
    QFETCH(int, status);
    QFETCH(QByteArray, headerType);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QList<QPair<QByteArray, QByteArray>> headers {{"x-amzn-RequestId", "abc-123"}};
    if (!headerType.isEmpty())
        headers.append({"X-Amzn-ErrorType", headerType});
    const AwsError e = parseErrorResponse(status, headers, body);
    QCOMPARE(e.kind, ErrorKind::Service);
    QCOMPARE(e.code, code);
    QCOMPARE(e.message, message);
    QCOMPARE(e.requestId, u"abc-123"_s);
    QCOMPARE(e.httpStatus, status);
}

void TestRetryPolicy::pageMerger()
{
    PageMerger merger({u"nextToken"_s, u"nextToken"_s, u"maxResults"_s, {u"items"_s}, true});
    merger.setStartingToken(u"start"_s);
    QCOMPARE(merger.addPage({{u"items"_s, QJsonArray {1, 2}}, {u"nextToken"_s, u"a"_s},
                 {u"requestId"_s, u"first"_s}}),
        PageMerger::Next::More);
    QCOMPARE(merger.nextToken(), u"a"_s);
    QCOMPARE(merger.addPage({{u"items"_s, QJsonArray {3}}, {u"nextToken"_s, u"b"_s},
                 {u"requestId"_s, u"second"_s}}),
        PageMerger::Next::More);
    QCOMPARE(merger.addPage({{u"items"_s, QJsonArray {4}}}), PageMerger::Next::Done);
    QCOMPARE(merger.merged().value(u"items"_s).toArray(), (QJsonArray {1, 2, 3, 4}));
    QCOMPARE(merger.merged().value(u"requestId"_s).toString(), u"first"_s);
    QVERIFY(!merger.merged().contains(u"nextToken"_s));

    PageMerger loop({u"nextToken"_s, u"nextToken"_s, {}, {u"items"_s}, true});
    loop.setStartingToken(u"start"_s);
    QCOMPARE(loop.addPage({{u"nextToken"_s, u"start"_s}}), PageMerger::Next::RepeatedToken);

    PageMerger bounded({u"t"_s, u"t"_s, {}, {u"items"_s}, true}, 3);
    QCOMPARE(bounded.addPage({{u"t"_s, u"1"_s}}), PageMerger::Next::More);
    QCOMPARE(bounded.addPage({{u"t"_s, u"2"_s}}), PageMerger::Next::More);
    QCOMPARE(bounded.addPage({{u"t"_s, u"3"_s}}), PageMerger::Next::TooManyPages);
}

void TestRetryPolicy::pageMergerBounds()
{
    const PaginatorSpec spec {u"t"_s, u"t"_s, {}, {u"items"_s}, true};
    // Items: the listing stops as the total passes the bound, whatever the pages.
    PageMerger items(spec, 100, PageTokenCheck(), 5);
    QCOMPARE(items.addPage({{u"items"_s, QJsonArray {1, 2, 3}}, {u"t"_s, u"1"_s}}),
        PageMerger::Next::More);
    QCOMPARE(
        items.addPage({{u"items"_s, QJsonArray {4, 5}}, {u"t"_s, u"2"_s}}), PageMerger::Next::More);
    QCOMPARE(items.addPage({{u"items"_s, QJsonArray {6}}}), PageMerger::Next::TooManyItems);
    QCOMPARE(items.itemCount(), 6);

    // Token length: the model's maximum is allowed, one more is not.
    PageMerger tokens(spec, 100, PageTokenCheck(4));
    QCOMPARE(tokens.addPage({{u"t"_s, u"abcd"_s}}), PageMerger::Next::More);
    QCOMPARE(tokens.addPage({{u"t"_s, u"abcde"_s}}), PageMerger::Next::TokenTooLong);

    // Tokens are told apart by content, not kept: a repeat far back is still caught.
    PageTokenCheck check;
    QCOMPARE(check.take(u"one"_s), PageTokenCheck::Verdict::Fine);
    QCOMPARE(check.take(u"two"_s), PageTokenCheck::Verdict::Fine);
    QCOMPARE(check.take(u"one"_s), PageTokenCheck::Verdict::Repeated);
    check.remember(u"three"_s);
    QCOMPARE(check.take(u"three"_s), PageTokenCheck::Verdict::Repeated);

    // The merged lists keep every item in order across many pages.
    PageMerger many(spec, 10000);
    for (int page = 0; page < 2000; ++page) {
        QJsonArray list;
        for (int i = 0; i < 50; ++i)
            list.append(page * 50 + i);
        QJsonObject p {{u"items"_s, list}};
        if (page < 1999)
            p.insert(u"t"_s, QString::number(page));
        QCOMPARE(many.addPage(p), page < 1999 ? PageMerger::Next::More : PageMerger::Next::Done);
    }
    const QJsonArray merged = many.merged().value(u"items"_s).toArray();
    QCOMPARE(merged.size(), 100000);
    QCOMPARE(merged.at(0).toInt(), 0);
    QCOMPARE(merged.at(99999).toInt(), 99999);
}

void TestRetryPolicy::redaction()
{
    QCOMPARE(redactHeaderValue("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/..."),
        QByteArray("<redacted>"));
    QCOMPARE(redactHeaderValue("x-amz-security-token", "tok"), QByteArray("<redacted>"));
    QCOMPARE(redactHeaderValue("Content-Type", "application/json"), QByteArray("application/json"));
    QCOMPARE(redactAccessKeyId(u"AKIAIOSFODNN7EXAMPLE"_s), u"****************MPLE"_s);
    const QByteArray body = redactJsonBody(
        R"({"id":"w","workflowInputs":{"db":{"stringValue":"pw"}},"x":[{"accessToken":"t"}]})");
    QVERIFY(body.contains(R"("id":"w")"));
    QVERIFY(!body.contains("pw"));
    QVERIFY(!body.contains(R"("t")"));
    QCOMPARE(redactJsonBody("not json secret"), QByteArray("<15 bytes, not JSON>"));
}

QTEST_APPLESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
