// The simulated EC2 Image Builder service's listings and refusals: pagination to the end,
// forged tokens, and the validation of body-only inputs.

#include "imagebuildersimtestsupport.h"

#include "sim/simulator.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using namespace sw::test::imagebuilder;
using sw::test::errorTypeOf;
using sw::test::jsonOf;

class TestImageBuilderSimRequests : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void paginationToTheEnd();
    void forgedTokens();
    void validation_data();
    void validation();
};

void TestImageBuilderSimRequests::paginationToTheEnd()
{
    Simulator sim(SimOptions {6, 1.0, 30});
    int multiPage = 0;
    for (const QString &arn : arnsOf(sim)) {
        const QJsonArray whole = executionsOf(sim, arn);
        for (const int size : {1, 2}) {
            int pages = 0;
            const QJsonArray paged = collect(
                sim, "ListWorkflowExecutions", u"imageBuildVersionArn"_s, arn, size, &pages);
            QCOMPARE(pages, int((whole.size() + size - 1) / size));
            QCOMPARE(paged.size(), whole.size());
            for (qsizetype i = 0; i < whole.size(); ++i)
                QCOMPARE(paged[i][u"workflowExecutionId"_s], whole[i][u"workflowExecutionId"_s]);
            multiPage += pages > 1 ? 1 : 0;
        }
        for (const QJsonValue &e : whole) {
            const QString id = e[u"workflowExecutionId"_s].toString();
            const QJsonArray steps = stepsOf(sim, id);
            for (const int size : {1, 2, 4}) {
                const QJsonArray paged = stepsOf(sim, id, size);
                QCOMPARE(paged.size(), steps.size());
                for (qsizetype i = 0; i < steps.size(); ++i)
                    QCOMPARE(paged[i][u"stepExecutionId"_s], steps[i][u"stepExecutionId"_s]);
            }
        }
    }
    QVERIFY(multiPage > 5);
}

void TestImageBuilderSimRequests::forgedTokens()
{
    Simulator sim(SimOptions {7, 1.0, 12});
    const QStringList arns = arnsOf(sim);
    const QJsonObject first = jsonOf(list(sim, "ListWorkflowExecutions",
        {{u"imageBuildVersionArn"_s, arns[0]}, {u"maxResults"_s, 1}}));
    const QString token = first[u"nextToken"_s].toString();
    QVERIFY(!token.isEmpty());
    const QString id = first[u"workflowExecutions"_s][0][u"workflowExecutionId"_s].toString();
    const QString stepToken = jsonOf(list(sim, "ListWorkflowStepExecutions",
        {{u"workflowExecutionId"_s, id}, {u"maxResults"_s, 1}}))[u"nextToken"_s]
                                  .toString();
    QVERIFY(!stepToken.isEmpty());
    const QString otherId = executionsOf(sim, arns[1]).first()[u"workflowExecutionId"_s].toString();

    const QList<QPair<QByteArray, QJsonObject>> forged = {
        {"ListWorkflowExecutions",
            {{u"imageBuildVersionArn"_s, arns[0]}, {u"nextToken"_s, u"abc"_s}}},
        {"ListWorkflowExecutions",
            {{u"imageBuildVersionArn"_s, arns[0]}, {u"nextToken"_s, token.left(token.size() - 1)}}},
        {"ListWorkflowExecutions", {{u"imageBuildVersionArn"_s, arns[1]}, {u"nextToken"_s, token}}},
        {"ListWorkflowExecutions",
            {{u"imageBuildVersionArn"_s, arns[0]}, {u"nextToken"_s, stepToken}}},
        {"ListWorkflowStepExecutions",
            {{u"workflowExecutionId"_s, otherId}, {u"nextToken"_s, stepToken}}},
        {"ListWorkflowStepExecutions", {{u"workflowExecutionId"_s, id}, {u"nextToken"_s, token}}}};
    for (const auto &[operation, input] : forged) {
        const SimResponse r = list(sim, operation, input);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorTypeOf(r), QByteArray("InvalidPaginationTokenException"));
    }
    // The genuine tokens still work.
    QCOMPARE(list(sim, "ListWorkflowStepExecutions",
                 {{u"workflowExecutionId"_s, id}, {u"nextToken"_s, stepToken}})
                 .status,
        200);
}

void TestImageBuilderSimRequests::validation_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QByteArray>("body"); // {arn} and {id} name real ones
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QString>("member");

    const QByteArray invalid = "InvalidRequestException";
    const QByteArray executions = "ListWorkflowExecutions";
    const QByteArray steps = "ListWorkflowStepExecutions";
    QTest::newRow("body array") << steps << QByteArray("[]") << 400 << invalid << u"JSON"_s;
    QTest::newRow("body text") << steps << QByteArray("wf-123") << 400 << invalid << u"JSON"_s;
    QTest::newRow("body string") << executions << QByteArray("\"{}\"") << 400 << invalid
                                 << u"JSON"_s;
    QTest::newRow("no id") << steps << QByteArray("{}") << 400 << invalid
                           << u"workflowExecutionId"_s;
    QTest::newRow("null id") << steps << QByteArray(R"({"workflowExecutionId":null})") << 400
                             << invalid << u"workflowExecutionId"_s;
    QTest::newRow("id number") << steps << QByteArray(R"({"workflowExecutionId":7})") << 400
                               << invalid << u"workflowExecutionId"_s;
    QTest::newRow("id no prefix") << steps << QByteArray(R"({"workflowExecutionId":"{uuid}"})")
                                  << 400 << invalid << u"workflowExecutionId"_s;
    QTest::newRow("id step prefix")
        << steps << QByteArray(R"({"workflowExecutionId":"step-{uuid}"})") << 400 << invalid
        << u"workflowExecutionId"_s;
    QTest::newRow("id trailing") << steps << QByteArray(R"({"workflowExecutionId":"{id}0"})") << 400
                                 << invalid << u"workflowExecutionId"_s;
    QTest::newRow("no arn") << executions << QByteArray("{}") << 400 << invalid
                            << u"imageBuildVersionArn"_s;
    QTest::newRow("arn of a recipe")
        << executions
        << QByteArray(
               R"({"imageBuildVersionArn":"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/web/1.0.0"})")
        << 400 << invalid << u"imageBuildVersionArn"_s;
    QTest::newRow("arn without build")
        << executions << QByteArray(R"({"imageBuildVersionArn":"{arnNoBuild}"})") << 400 << invalid
        << u"imageBuildVersionArn"_s;
    QTest::newRow("max 0") << steps
                           << QByteArray(R"({"workflowExecutionId":"{id}","maxResults":0})") << 400
                           << invalid << u"maxResults"_s;
    QTest::newRow("max 26") << executions
                            << QByteArray(R"({"imageBuildVersionArn":"{arn}","maxResults":26})")
                            << 400 << invalid << u"maxResults"_s;
    QTest::newRow("max fraction") << steps
                                  << QByteArray(
                                         R"({"workflowExecutionId":"{id}","maxResults":2.5})")
                                  << 400 << invalid << u"maxResults"_s;
    QTest::newRow("max string") << steps
                                << QByteArray(R"({"workflowExecutionId":"{id}","maxResults":"5"})")
                                << 400 << invalid << u"maxResults"_s;
    QTest::newRow("token empty") << steps
                                 << QByteArray(R"({"workflowExecutionId":"{id}","nextToken":""})")
                                 << 400 << invalid << u"nextToken"_s;
    QTest::newRow("token too long")
        << steps << QByteArray(R"({"workflowExecutionId":"{id}","nextToken":"{long}"})") << 400
        << invalid << u"nextToken"_s;
    QTest::newRow("token number") << executions
                                  << QByteArray(R"({"imageBuildVersionArn":"{arn}","nextToken":5})")
                                  << 400 << invalid << u"nextToken"_s;
    QTest::newRow("two problems") << steps << QByteArray(R"({"maxResults":99})") << 400 << invalid
                                  << u"2 validation errors"_s;
    QTest::newRow("unknown execution")
        << steps
        << QByteArray(R"({"workflowExecutionId":"wf-00000000-0000-4000-8000-000000000000"})") << 404
        << QByteArray("ResourceNotFoundException") << u"wf-00000000"_s;
    QTest::newRow("execution in capitals")
        << steps << QByteArray(R"({"workflowExecutionId":"{ID}"})") << 404
        << QByteArray("ResourceNotFoundException") << QString();
    QTest::newRow("unknown build version")
        << executions
        << QByteArray(
               R"({"imageBuildVersionArn":"arn:aws:imagebuilder:us-east-1:123456789012:image/web-server/9.9.9/1"})")
        << 404 << QByteArray("ResourceNotFoundException") << u"9.9.9"_s;
    QTest::newRow("another account")
        << executions << QByteArray(R"({"imageBuildVersionArn":"{arnOtherAccount}"})") << 404
        << QByteArray("ResourceNotFoundException") << QString();
    QTest::newRow("fine") << steps
                          << QByteArray(
                                 R"({"workflowExecutionId":"{id}","maxResults":25,"extra":1})")
                          << 200 << QByteArray() << QString();
}

void TestImageBuilderSimRequests::validation()
{
    QFETCH(QByteArray, operation);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    QFETCH(QString, member);
    Simulator sim(SimOptions {8, 1.0, 10});
    const QString arn = arnsOf(sim).first();
    const QString id = executionsOf(sim, arn).first()[u"workflowExecutionId"_s].toString();
    QString arnOtherAccount = arn;
    arnOtherAccount.replace(u"123456789012"_s, u"210987654321"_s);
    const QByteArray filled = QString::fromUtf8(body)
                                  .replace(u"{arnNoBuild}"_s, arn.left(arn.lastIndexOf(u'/')))
                                  .replace(u"{arnOtherAccount}"_s, arnOtherAccount)
                                  .replace(u"{arn}"_s, arn)
                                  .replace(u"{uuid}"_s, id.mid(3))
                                  .replace(u"{ID}"_s, u"wf-"_s + id.mid(3).toUpper())
                                  .replace(u"{id}"_s, id)
                                  .replace(u"{long}"_s, QString(65536, u't'))
                                  .toUtf8();
    const SimResponse r = send(sim, '/' + operation, filled);
    QCOMPARE(r.status, status);
    if (status == 200)
        return;
    QCOMPARE(errorTypeOf(r), code);
    const QString message = jsonOf(r)[u"message"_s].toString();
    QVERIFY2(message.contains(member), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestImageBuilderSimRequests)
#include "tst_imagebuildersimrequests.moc"
