// The simulator's own machinery: fault plans, page tokens, AWS-worded input checks, and the
// SigV4 verifier, which is checked against the aws-c-auth suite's signed requests.

#include "support/shareddir.h"

#include "sim/faults.h"
#include "sim/pagetokens.h"
#include "sim/sigv4verifier.h"
#include "sim/simvalidation.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::sim;

class TestSimCore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void faultSpecs_data();
    void faultSpecs();
    void faultCountsAndDeterminism();
    void pageTokens();
    void inputCheckWording();
    void verifierAgainstSuite_data();
    void verifierAgainstSuite();
    void verifierRejects();
};

void TestSimCore::faultSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::addColumn<int>("rules");
    QTest::newRow("empty") << QString() << QString() << 0;
    QTest::newRow("one") << u"throttle=0.1"_s << QString() << 1;
    QTest::newRow("several") << u"throttle=0.1, error500=0.05,latency=0.2@300,close=0.01"_s
                             << QString() << 4;
    QTest::newRow("per operation with count")
        << u"StartWorkflowRun:lostreply=1#1"_s << QString() << 1;
    QTest::newRow("modelled error code") << u"ServiceQuotaExceededException=1"_s << QString() << 1;
    QTest::newRow("unknown kind") << u"explode=1"_s << u"unknown kind"_s << 0;
    QTest::newRow("probability > 1") << u"throttle=2"_s << u"between 0 and 1"_s << 0;
    QTest::newRow("no value") << u"throttle"_s << u"expected kind=probability"_s << 0;
    QTest::newRow("bad delay") << u"latency=1@soon"_s << u"bad delay"_s << 0;
    QTest::newRow("bad count") << u"close=1#x"_s << u"bad count"_s << 0;
}

void TestSimCore::faultSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, error);
    QFETCH(int, rules);
    FaultPlan plan;
    const auto problem = plan.setSpec(spec);
    if (error.isEmpty()) {
        QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
        QCOMPARE(plan.rules().size(), rules);
    } else {
        QVERIFY(problem);
        QVERIFY2(problem->contains(error), qPrintable(*problem));
    }
}

void TestSimCore::faultCountsAndDeterminism()
{
    FaultPlan plan(7);
    QVERIFY(!plan.setSpec(u"GetWorkflow:throttle=1#2,ConflictException=1#1"_s));
    QCOMPARE(plan.draw(u"GetWorkflow"_s).first().kind, FaultKind::Throttle);
    QCOMPARE(plan.draw(u"GetWorkflow"_s).first().kind, FaultKind::Throttle);
    const QList<FaultRule> third = plan.draw(u"GetWorkflow"_s);
    QCOMPARE(third.size(), 1);
    QCOMPARE(third.first().kind, FaultKind::ServiceError);
    QCOMPARE(third.first().errorStatus, 409);
    QVERIFY(plan.draw(u"GetWorkflow"_s).isEmpty()); // all spent

    auto sample = [](quint64 seed) {
        FaultPlan p(seed);
        (void)p.setSpec(u"throttle=0.3,latency=0.5@10"_s);
        QString out;
        for (int i = 0; i < 200; ++i)
            out += QString::number(p.draw(u"X"_s).size());
        return out;
    };
    QCOMPARE(sample(3), sample(3));
    QVERIFY(sample(3) != sample(4));
    QVERIFY(sample(3).contains(u'0') && sample(3).contains(u'1'));
}

void TestSimCore::pageTokens()
{
    PageTokens tokens(1);
    PageTokens::Page first = tokens.page(u"list/a"_s, 5, 0, 2);
    QCOMPARE(first.first, 0);
    QCOMPARE(first.count, 2);
    QVERIFY(!first.nextToken.isEmpty());
    QCOMPARE(tokens.redeem(u"list/a"_s, first.nextToken), std::optional<qint64>(2));
    QVERIFY(!tokens.redeem(u"list/b"_s, first.nextToken)); // bound to its listing
    QVERIFY(!tokens.redeem(u"list/a"_s, u"forged"_s));
    const PageTokens::Page last = tokens.page(u"list/a"_s, 5, 4, 2);
    QCOMPARE(last.count, 1);
    QVERIFY(last.nextToken.isEmpty());
    QCOMPARE(tokens.page(u"list/a"_s, 0, 0, 10).count, 0);
}

void TestSimCore::inputCheckWording()
{
    InputCheck check;
    check.required(u"workflowId"_s, false)
        .length(u"id"_s, QString(), 1, 100)
        .pattern(u"id"_s, u"a/b"_s, u"[a-zA-Z0-9-]+"_s)
        .range(u"maxResults"_s, 101, 0, 100);
    QVERIFY(!check.ok());
    QCOMPARE(check.message(),
        u"4 validation errors detected: Value 'null' at 'workflowId' failed to satisfy "
        "constraint: Member must not be null; Value '' at 'id' failed to satisfy constraint: "
        "Member must have length greater than or equal to 1; Value 'a/b' at 'id' failed to "
        "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-]+; "
        "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less "
        "than or equal to 100"_s);
    InputCheck fine;
    fine.pattern(u"id"_s, u"mw-1"_s, u"[a-zA-Z0-9-]+"_s).range(u"n"_s, 5, 1, 10);
    QVERIFY(fine.ok());
    QVERIFY(!parseJsonBody("[1]"));
    QCOMPARE(parseJsonBody(""), std::optional<QJsonObject>(QJsonObject()));
}

void TestSimCore::verifierAgainstSuite_data()
{
    QTest::addColumn<QString>("dir");
    SW_REQUIRE_SHARED_DIR();
    const QDir root(sw::test::sharedDir() + u"/sigv4-testsuite/v4"_s);
    int rows = 0;
    for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        // Services receive paths already normalised; the verifier checks them as they arrive,
        // so the cases about normalising "." and "//" do not apply to it.
        if (name.contains(u"slash"_s) || name.contains(u"relative"_s))
            continue;
        QTest::newRow(qPrintable(name)) << root.filePath(name);
        ++rows;
    }
    QVERIFY(rows >= 25);
}

void TestSimCore::verifierAgainstSuite()
{
    QFETCH(QString, dir);
    QFile file(dir + u"/header-signed-request.txt"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const qsizetype blank = text.indexOf("\n\n");
    const QList<QByteArray> lines = text.left(blank < 0 ? text.size() : blank).split('\n');
    SimRequest request;
    const QList<QByteArray> start = lines.first().split(' ');
    request.method = start.first();
    QByteArray target = lines.first().mid(start.first().size() + 1);
    target.chop(int(qstrlen(" HTTP/1.1")));
    const qsizetype q = target.indexOf('?');
    request.rawPath = q < 0 ? target : target.left(q);
    request.rawQuery = q < 0 ? QByteArray() : target.mid(q + 1);
    request.query = decodeQuery(request.rawQuery);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (!line.isEmpty() && (line.at(0) == ' ' || line.at(0) == '\t')) {
            request.headers.last().second += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        request.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    request.body = blank < 0 ? QByteArray() : text.mid(blank + 2);

    const SigV4Check ok = verifySigV4(
        request, u"service"_s, u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s);
    QVERIFY2(ok.ok, qPrintable(ok.code + u": "_s + ok.message));
    QCOMPARE(ok.region, u"us-east-1"_s);
    const SigV4Check wrong = verifySigV4(request, u"service"_s, u"AKIDEXAMPLE"_s, u"other"_s);
    QCOMPARE(wrong.code, u"InvalidSignatureException"_s);
}

void TestSimCore::verifierRejects()
{
    SimRequest request;
    request.method = "GET";
    request.rawPath = "/";
    QCOMPARE(checkSigV4Shape(request, u"profile"_s).code, u"MissingAuthenticationTokenException"_s);
    request.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Basic abc")));
    QCOMPARE(checkSigV4Shape(request, u"profile"_s).code, u"IncompleteSignatureException"_s);
    request.headers.last().second = "AWS4-HMAC-SHA256 Credential=AKID/20261121/us-east-1/"
                                    "imagebuilder/aws4_request, SignedHeaders=host, Signature="
        + QByteArray(64, 'a');
    const SigV4Check scoped = checkSigV4Shape(request, u"profile"_s);
    QCOMPARE(scoped.code, u"InvalidSignatureException"_s);
    QVERIFY(scoped.message.contains(u"'profile'"_s));
    QCOMPARE(checkSigV4Shape(request, u"imagebuilder"_s).code,
        u"IncompleteSignatureException"_s); // no X-Amz-Date
    request.headers.append(qMakePair(QByteArray("X-Amz-Date"), QByteArray("20261121T120000Z")));
    QVERIFY(checkSigV4Shape(request, u"imagebuilder"_s).ok);
    QCOMPARE(verifySigV4(request, u"imagebuilder"_s, u"OTHERKEY"_s, u"s"_s).code,
        u"UnrecognizedClientException"_s);
}

QTEST_APPLESS_MAIN(TestSimCore)
#include "tst_simcore.moc"
