// JsonReader on its own: wrong types reported by path, bounded error lists, null and absent
// members read as nothing, and the epoch and ISO-8601 timestamp readers and formatter.

#include "responsereaders.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::test;
using sw::aws::JsonParseContext;
using sw::aws::JsonReader;
namespace mho = sw::aws::mho;
namespace imagebuilder = sw::aws::imagebuilder;
namespace codecatalyst = sw::aws::codecatalyst;

class TestJsonReader : public QObject {
    Q_OBJECT

private slots:
    void wrongTypes_data();
    void wrongTypes();
    void errorsAreBounded();
    void absentReadsAsNothing_data();
    void absentReadsAsNothing();
    void typedAbsentMembers();

    void epochTimestamp_data();
    void epochTimestamp();
    void parseIsoTimestamp_data();
    void parseIsoTimestamp();
    void formatIsoTimestamp_data();
    void formatIsoTimestamp();
};

void TestJsonReader::wrongTypes_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QString m = u"migrationhuborchestrator"_s;
    const QString p = u"customer-profiles"_s;
    const QString i = u"imagebuilder"_s;
    const QString c = u"codecatalyst"_s;
    auto add = [](const char *name, const QString &service, const char *op, const char *json,
                   const char *error) {
        QTest::newRow(name) << service << QString::fromLatin1(op) << QByteArray(json)
                            << QString::fromLatin1(error);
    };
    add("string for number", m, "GetWorkflow", R"({"totalSteps":"7"})",
        "totalSteps: expected a number, got a string");
    add("number for string", m, "GetWorkflow", R"({"name":5})",
        "name: expected a string, got a number");
    add("object for array", m, "GetWorkflow", R"({"tools":{"name":"t"}})",
        "tools: expected an array, got an object");
    add("element not an object", m, "GetWorkflow", R"({"tools":[{"name":"t"},7]})",
        "tools[1]: expected an object, got a number");
    add("epoch timestamp word", m, "GetWorkflow", R"({"creationTime":"yesterday"})",
        "creationTime: not a timestamp");
    add("epoch timestamp bool", m, "GetWorkflow", R"({"endTime":true})",
        "endTime: expected a number, got a boolean");
    add("epoch timestamp huge", m, "GetWorkflow", R"({"lastStartTime":1e300})",
        "lastStartTime: timestamp out of range");
    add("integer fraction", m, "GetWorkflow", R"({"totalSteps":1.5})",
        "totalSteps: expected an integer, got 1.5");
    add("integer huge", m, "GetWorkflow", R"({"completedSteps":1e300})",
        "completedSteps: expected an integer, got 1e+300");
    add("map value", m, "GetWorkflow", R"({"tags":{"a":"b","c":1}})",
        "tags.c: expected a string, got a number");
    add("nested list element", m, "ListWorkflowSteps",
        R"({"workflowStepsSummary":[{"next":["a",5]}]})",
        "workflowStepsSummary[].next[1]: expected a string, got a number");
    add("nested long", p, "GetWorkflow", R"({"Metrics":{"AppflowIntegration":{"TotalSteps":"3"}}})",
        "Metrics.AppflowIntegration.TotalSteps: expected a number, got a string");
    add("timestamp in list item", p, "GetWorkflowSteps",
        R"({"Items":[{"AppflowIntegration":{"CreatedAt":"nope"}}]})",
        "Items[].AppflowIntegration.CreatedAt: not a timestamp");
    add("boolean as string", i, "ListWorkflowExecutions",
        R"({"workflowExecutions":[{"retried":"yes"}]})",
        "workflowExecutions[].retried: expected a boolean, got a string");
    add("iso timestamp number", c, "GetWorkflowRun", R"({"startTime":1700000000})",
        "startTime: expected a string, got a number");
    add("iso timestamp word", c, "GetWorkflowRun", R"({"endTime":"not a time at all"})",
        "endTime: not an ISO-8601 timestamp");
    add("empty structure element", c, "GetWorkflowRun", R"({"statusReasons":[{},"x"]})",
        "statusReasons[1]: expected an object, got a string");
    add("definition string", c, "ListWorkflows", R"({"items":[{"definition":"p.yaml"}]})",
        "items[].definition: expected an object, got a string");
}

void TestJsonReader::wrongTypes()
{
    QFETCH(QString, service);
    QFETCH(QString, operation);
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const OperationReader *reader = readerOf(service, operation);
    QVERIFY(reader);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    QVERIFY2(doc.isObject(), qPrintable(parseError.errorString()));
    const QStringList errors = parseErrors(*reader, doc.object());
    QVERIFY2(errors.contains(error), qPrintable(u"got: "_s + errors.join(u" | ")));
}

void TestJsonReader::errorsAreBounded()
{
    QJsonArray tools;
    for (int i = 0; i < 1000; ++i)
        tools.append(i);
    QStringList errors;
    parsed<mho::GetWorkflow>(QJsonDocument(QJsonObject {{u"tools"_s, tools}, {u"name"_s, 1}})
                                 .toJson(QJsonDocument::Compact),
        &errors);
    QCOMPARE(errors.size(), qsizetype(20));
    QCOMPARE(errors.at(0), u"name: expected a string, got a number"_s);
    QCOMPARE(errors.at(1), u"tools[0]: expected an object, got a number"_s);
}

void TestJsonReader::absentReadsAsNothing_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("mistyped");
    QTest::newRow("absent") << QByteArray("{}") << false;
    QTest::newRow("null") << QByteArray(R"({"k":null})") << false;
    QTest::newRow("mistyped") << QByteArray(R"({"k":{"a":1}})") << true;
}

void TestJsonReader::absentReadsAsNothing()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, mistyped);
    JsonParseContext context;
    const JsonReader r(QJsonDocument::fromJson(json).object(), context);
    QCOMPARE(shown(r.integer(u"k")), u"none"_s);
    QCOMPARE(shown(r.number(u"k")), u"none"_s);
    QCOMPARE(shown(r.boolean(u"k")), u"none"_s);
    QCOMPARE(r.epochTimestamp(u"k"), QDateTime());
    QCOMPARE(r.stringList(u"k"), QStringList());
    // {"a":1} is an object: read as one, but not a map of strings.
    QCOMPARE(r.object(u"k").json().isEmpty(), !mistyped);
    QVERIFY(r.stringMap(u"k").isEmpty());
    QCOMPARE(r.isoTimestamp(u"k"), QDateTime());
    QCOMPARE(r.string(u"k"), QString());
    QCOMPARE(context.errors.size(), qsizetype(mistyped ? 8 : 0));
}

void TestJsonReader::typedAbsentMembers()
{
    QStringList errors;
    const auto workflow = parsed<mho::GetWorkflow>(R"({"id":"w","totalSteps":null})", &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; ")));
    QCOMPARE(shown(workflow.totalSteps), u"none"_s);
    QCOMPARE(shown(workflow.completedSteps), u"none"_s);
    QVERIFY(!workflow.creationTime.isValid());
    QVERIFY(!workflow.endTime.isValid());
    // A run still in progress has no endTime, which the model does not require.
    const auto run = parsed<codecatalyst::GetWorkflowRun>(
        R"({"spaceName":"s","projectName":"p","id":"r","workflowId":"w","status":"IN_PROGRESS",)"
        R"("startTime":"2026-11-21T10:00:00.250Z","lastUpdatedTime":"2026-11-21T10:00:00.250Z"})",
        &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; ")));
    QCOMPARE(run.startTime, isoTime);
    QVERIFY(!run.endTime.isValid());
    const auto executions = parsed<imagebuilder::ListWorkflowExecutions>(
        R"({"workflowExecutions":[{"workflowExecutionId":"wf-1"}]})", &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; ")));
    QCOMPARE(shown(executions.workflowExecutions.value(0).retried), u"none"_s);
    QCOMPARE(shown(executions.workflowExecutions.value(0).totalStepCount), u"none"_s);
}

void TestJsonReader::epochTimestamp_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QDateTime>("expected");
    QTest::addColumn<QString>("error");
    QTest::newRow("fractional seconds")
        << QByteArray(R"({"t":1700000000.5})") << epochTime << QString();
    QTest::newRow("whole seconds")
        << QByteArray(R"({"t":0})") << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC) << QString();
    QTest::newRow("ISO string") << QByteArray(R"({"t":"2023-11-14T22:13:20.500Z"})") << epochTime
                                << QString();
    QTest::newRow("ISO string with offset")
        << QByteArray(R"({"t":"2023-11-15T00:13:20.500+02:00"})") << epochTime << QString();
    QTest::newRow("absent") << QByteArray("{}") << QDateTime() << QString();
    QTest::newRow("null") << QByteArray(R"({"t":null})") << QDateTime() << QString();
    QTest::newRow("word") << QByteArray(R"({"t":"soon"})") << QDateTime()
                          << u"t: not a timestamp"_s;
    QTest::newRow("huge") << QByteArray(R"({"t":-1e300})") << QDateTime()
                          << u"t: timestamp out of range"_s;
    QTest::newRow("object") << QByteArray(R"({"t":{}})") << QDateTime()
                            << u"t: expected a number, got an object"_s;
}

void TestJsonReader::epochTimestamp()
{
    QFETCH(QByteArray, json);
    QFETCH(QDateTime, expected);
    QFETCH(QString, error);
    JsonParseContext context;
    QSet<QString> consumed;
    context.consumed = &consumed;
    const JsonReader reader(QJsonDocument::fromJson(json).object(), context, u"a[]"_s);
    const QDateTime t = reader.epochTimestamp(u"t");
    QCOMPARE(t, expected);
    if (t.isValid())
        QCOMPARE(t.timeSpec(), Qt::UTC);
    QCOMPARE(consumed, QSet<QString> {u"a[].t"_s});
    if (error.isEmpty())
        QVERIFY2(context.errors.isEmpty(), qPrintable(context.errors.join(u"; ")));
    else
        QCOMPARE(context.errors, QStringList {u"a[]."_s + error});
}

void TestJsonReader::parseIsoTimestamp_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); ///< invalid: must be rejected
    const QDate day(2026, 11, 21);
    QTest::newRow("Z") << u"2026-11-21T10:00:00Z"_s << QDateTime(day, QTime(10, 0), Qt::UTC);
    QTest::newRow("milliseconds") << isoValue << isoTime;
    QTest::newRow("microseconds") << u"2026-11-21T10:00:00.123456Z"_s
                                  << QDateTime(day, QTime(10, 0, 0, 123), Qt::UTC);
    QTest::newRow("positive offset")
        << u"2026-11-21T12:30:00+02:30"_s << QDateTime(day, QTime(10, 0), Qt::UTC);
    QTest::newRow("negative offset with fraction") << u"2026-11-21T05:00:00.250-05:00"_s << isoTime;
    QTest::newRow("no zone is UTC")
        << u"2026-11-21T10:00:00"_s << QDateTime(day, QTime(10, 0), Qt::UTC);
    QTest::newRow("empty") << QString() << QDateTime();
    QTest::newRow("word") << u"yesterday at noon"_s << QDateTime();
    QTest::newRow("date only") << u"2026-11-21"_s << QDateTime();
    QTest::newRow("month 13") << u"2026-13-21T10:00:00Z"_s << QDateTime();
    QTest::newRow("epoch digits") << u"17000000000000000000"_s << QDateTime();
    QTest::newRow("too long") << u"2026-11-21T10:00:00.250Z                 x"_s << QDateTime();
}

void TestJsonReader::parseIsoTimestamp()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime t = sw::aws::parseIsoTimestamp(text);
    QCOMPARE(t.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(t, expected);
        QCOMPARE(t.timeSpec(), Qt::UTC);
        QCOMPARE(t.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
    }
}

void TestJsonReader::formatIsoTimestamp_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("expected");
    const QDate day(2026, 11, 21);
    QTest::newRow("milliseconds") << QDateTime(day, QTime(15, 4, 5, 123), Qt::UTC)
                                  << u"2026-11-21T15:04:05.123000+00:00"_s;
    QTest::newRow("whole seconds")
        << QDateTime(day, QTime(15, 4, 5), Qt::UTC) << u"2026-11-21T15:04:05+00:00"_s;
    QTest::newRow("one millisecond")
        << QDateTime(day, QTime(0, 0, 0, 1), Qt::UTC) << u"2026-11-21T00:00:00.001000+00:00"_s;
    QTest::newRow("offset is converted") << QDateTime(day, QTime(17, 4, 5), Qt::OffsetFromUTC, 7200)
                                         << u"2026-11-21T15:04:05+00:00"_s;
    QTest::newRow("invalid") << QDateTime() << QString();
}

void TestJsonReader::formatIsoTimestamp()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, expected);
    const QString text = sw::aws::formatIsoTimestamp(time);
    QCOMPARE(text, expected);
    if (time.isValid())
        QCOMPARE(sw::aws::parseIsoTimestamp(text), time.toUTC());
}

QTEST_APPLESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
