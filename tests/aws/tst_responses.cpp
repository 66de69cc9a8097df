// Response parsing for every operation, from full responses generated out of the models' output
// shapes (shared/aws-models) and read with the typed readers; plus unknown enums and members.

#include "responsereaders.h"

#include "aws/serviceregistry.h"
#include "support/shareddir.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace sw::test;
using sw::aws::JsonParseContext;
using sw::aws::JsonReader;
using sw::aws::OperationSpec;
namespace mho = sw::aws::mho;
namespace profiles = sw::aws::profiles;
namespace imagebuilder = sw::aws::imagebuilder;
namespace codecatalyst = sw::aws::codecatalyst;

namespace {

// ---- responses generated from a model's output shape -------------------------------------

struct Generated {
    QString error;
    QJsonObject json;
    QStringList paths; ///< member paths a reader must read (not inside maps/unions)
    QHash<QString, QString> kinds; ///< path → string number boolean epoch iso object objects
                                   ///< array map union
    QSet<QString> known; ///< every member path of the shape, maps and unions included
    QSet<QString> required; ///< recorded paths the model marks required in their parent
};

class Generator {
public:
    Generator(const QJsonObject &shapes, Generated &out) : m_shapes(shapes), m_out(out) { }

    QJsonValue value(const QString &shapeName, const QJsonObject &ref, const QString &path,
        bool record, int depth)
    {
        const QJsonObject shape = m_shapes.value(shapeName).toObject();
        const QString type = shape.value(u"type").toString();
        if (depth > 12) {
            m_out.error = u"shape recursion at "_s + path;
            return {};
        }
        if (type == u"structure") {
            QJsonObject object;
            const QJsonObject members = shape.value(u"members").toObject();
            const bool isUnion = shape.value(u"union").toBool();
            for (auto it = members.constBegin(); it != members.constEnd(); ++it) {
                const QJsonObject memberRef = it->toObject();
                const QString child = path.isEmpty() ? it.key() : path + u'.' + it.key();
                const QString memberShape = memberRef.value(u"shape").toString();
                const QString kind = kindOf(memberShape, memberRef);
                m_out.known.insert(child);
                const bool recordChild = record && !isUnion;
                if (recordChild) {
                    m_out.paths.append(child);
                    m_out.kinds.insert(child, kind);
                    if (shape.value(u"required").toArray().contains(QJsonValue(it.key())))
                        m_out.required.insert(child);
                }
                const bool descend = recordChild && (kind == u"object" || kind == u"objects");
                const QJsonValue v = value(memberShape, memberRef, child, descend, depth + 1);
                if (!isUnion || object.isEmpty())
                    object.insert(it.key(), v); // a union gets its first member only
            }
            return object;
        }
        if (type == u"list") {
            const QJsonObject item = shape.value(u"member").toObject();
            const QString itemShape = item.value(u"shape").toString();
            return QJsonArray {value(itemShape, item, path + u"[]"_s, record, depth + 1),
                value(itemShape, item, path + u"[]"_s, record, depth + 1)};
        }
        if (type == u"map") {
            const QJsonObject item = shape.value(u"value").toObject();
            const QString itemShape = item.value(u"shape").toString();
            return QJsonObject {{u"k1"_s, value(itemShape, item, path + u"{}"_s, false, depth + 1)},
                {u"k2"_s, value(itemShape, item, path + u"{}"_s, false, depth + 1)}};
        }
        if (type == u"string") {
            const QJsonArray values = shape.value(u"enum").toArray();
            return values.isEmpty() ? QJsonValue(u"x-"_s + path) : values.first();
        }
        if (type == u"integer" || type == u"long")
            return 7;
        if (type == u"double" || type == u"float")
            return 7.5;
        if (type == u"boolean")
            return true;
        if (type == u"timestamp")
            return isIso(shape, ref) ? QJsonValue(isoValue) : QJsonValue(epochValue);
        m_out.error = u"unhandled shape type "_s + type + u" at "_s + path;
        return {};
    }

private:
    static bool isIso(const QJsonObject &shape, const QJsonObject &ref)
    {
        return ref.value(u"timestampFormat").toString(shape.value(u"timestampFormat").toString())
            == u"iso8601";
    }

    QString kindOf(const QString &shapeName, const QJsonObject &ref) const
    {
        const QJsonObject shape = m_shapes.value(shapeName).toObject();
        const QString type = shape.value(u"type").toString();
        if (type == u"structure")
            return shape.value(u"union").toBool() ? u"union"_s : u"object"_s;
        if (type == u"list") {
            const QString item = shape.value(u"member").toObject().value(u"shape").toString();
            const QString itemType = m_shapes.value(item).toObject().value(u"type").toString();
            return itemType == u"structure" ? u"objects"_s : u"array"_s;
        }
        if (type == u"timestamp")
            return isIso(shape, ref) ? u"iso"_s : u"epoch"_s;
        if (type == u"integer" || type == u"long" || type == u"double" || type == u"float")
            return u"number"_s;
        return type; // string boolean map
    }

    const QJsonObject &m_shapes;
    Generated &m_out;
};

QJsonObject readJsonFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + u": "_s + file.errorString();
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

Generated generateResponse(const QString &modelId, const QString &operation)
{
    Generated out;
    const QJsonObject model = readJsonFile(
        sw::test::sharedDir() + u"/aws-models/"_s + modelId + u"/service-2.json"_s, &out.error);
    const QJsonObject shapes = model.value(u"shapes").toObject();
    const QJsonObject op = model.value(u"operations").toObject().value(operation).toObject();
    const QString output = op.value(u"output").toObject().value(u"shape").toString();
    if (out.error.isEmpty() && output.isEmpty())
        out.error = u"no output shape for "_s + operation;
    if (!out.error.isEmpty())
        return out;
    Generator generator(shapes, out);
    out.json = generator.value(output, {}, {}, true, 0).toObject();
    return out;
}

/// json with the value at path (in every element of the lists on the way) replaced.
QJsonValue replaced(const QJsonValue &json, QStringList segments, const QJsonValue &value)
{
    if (segments.isEmpty())
        return value;
    QString key = segments.takeFirst();
    const bool list = key.endsWith(u"[]");
    if (list)
        key.chop(2);
    QJsonObject object = json.toObject();
    if (list && !segments.isEmpty()) {
        QJsonArray array = object.value(key).toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = replaced(array.at(i), segments, value);
        object.insert(key, array);
    } else {
        object.insert(key, replaced(object.value(key), segments, value));
    }
    return object;
}

QJsonObject withValueAt(const QJsonObject &json, const QString &path, const QJsonValue &value)
{
    return replaced(json, path.split(u'.'), value).toObject();
}

QJsonValue wrongValueFor(const QString &kind)
{
    if (kind == u"string")
        return 5;
    if (kind == u"number")
        return u"7"_s;
    if (kind == u"boolean")
        return u"true"_s;
    if (kind == u"epoch")
        return u"soon"_s;
    if (kind == u"iso")
        return epochValue;
    if (kind == u"object")
        return QJsonArray {1};
    if (kind == u"objects" || kind == u"array")
        return QJsonObject {{u"a"_s, 1}};
    return u"not a map or union"_s; // map, union
}

bool hasErrorFor(const QStringList &errors, const QString &path)
{
    return std::any_of(errors.cbegin(), errors.cend(),
        [&](const QString &e) { return e.startsWith(path + u": "_s); });
}

void addOperationRows()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("operation");
    const QList<const sw::aws::ServiceSpec *> services = sw::aws::allServices();
    for (const sw::aws::ServiceSpec *s : services) {
        const QList<const OperationSpec *> ops = sw::aws::operationsOf(*s);
        for (const OperationSpec *op : ops)
            QTest::addRow("%s/%s", qPrintable(s->modelId), qPrintable(op->name))
                << s->modelId << op->name;
    }
}

template<class Op>
typename Op::Response readGenerated(QString *problem)
{
    const OperationSpec &spec = Op::spec();
    const Generated g = generateResponse(spec.service->modelId, spec.name);
    JsonParseContext context;
    typename Op::Response response;
    response.read(JsonReader(g.json, context));
    *problem = g.error + context.errors.join(u"; ");
    return response;
}

} // namespace

class TestResponses : public QObject {
    Q_OBJECT

private slots:
    void everyOperationHasAReader();

    void generatedResponse_data() { addOperationRows(); }
    void generatedResponse();
    void generatedMutations_data() { addOperationRows(); }
    void generatedMutations();
    void generatedTypedValues();

    void unknownEnumValuesKept();
    void unknownMembersIgnored();
};

void TestResponses::everyOperationHasAReader()
{
    int n = 0;
    const QList<const sw::aws::ServiceSpec *> services = sw::aws::allServices();
    for (const sw::aws::ServiceSpec *s : services) {
        const QList<const OperationSpec *> ops = sw::aws::operationsOf(*s);
        for (const OperationSpec *op : ops) {
            const OperationReader *r = readerOf(s->modelId, op->name);
            QVERIFY2(r && r->spec == op, qPrintable(op->name));
            ++n;
        }
    }
    QCOMPARE(n, 14);
    QCOMPARE(readers().size(), qsizetype(14));
}

void TestResponses::generatedResponse()
{
    SW_REQUIRE_SHARED_DIR();
    QFETCH(QString, service);
    QFETCH(QString, operation);
    const Generated g = generateResponse(service, operation);
    QVERIFY2(g.error.isEmpty(), qPrintable(g.error));
    QVERIFY(!g.paths.isEmpty());
    const OperationReader *reader = readerOf(service, operation);
    QVERIFY(reader);

    QSet<QString> consumed;
    const QStringList errors = parseErrors(*reader, g.json, &consumed);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; ")));
    QStringList missing;
    for (const QString &path : g.paths) {
        if (!consumed.contains(path))
            missing.append(path);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"members never read: "_s + missing.join(u", ")));
    // And nothing read that the model does not have (a misspelt key reads as always absent).
    QStringList strangers;
    for (const QString &path : std::as_const(consumed)) {
        if (!g.known.contains(path))
            strangers.append(path);
    }
    strangers.sort();
    QVERIFY2(strangers.isEmpty(), qPrintable(u"not in the model: "_s + strangers.join(u", ")));
}

void TestResponses::generatedMutations()
{
    SW_REQUIRE_SHARED_DIR();
    QFETCH(QString, service);
    QFETCH(QString, operation);
    const Generated g = generateResponse(service, operation);
    QVERIFY2(g.error.isEmpty(), qPrintable(g.error));
    const OperationReader *reader = readerOf(service, operation);
    QVERIFY(reader);
    QStringList problems;
    QJsonObject allNull;
    QSet<QString> expectedAllNull;
    const auto toSet = [](const QStringList &list) {
        return QSet<QString>(list.begin(), list.end());
    };
    for (const QString &path : g.paths) {
        const QString kind = g.kinds.value(path);
        // A wrongly typed value is an error naming its path.
        if (!hasErrorFor(
                parseErrors(*reader, withValueAt(g.json, path, wrongValueFor(kind))), path))
            problems.append(u"wrong type not reported: "_s + path + u" ("_s + kind + u')');
        // null reads as absent: no error for an optional member, exactly "required member
        // missing" (once per list element) for one the model requires.
        const QSet<QString> nullErrors =
            toSet(parseErrors(*reader, withValueAt(g.json, path, QJsonValue())));
        const QSet<QString> expectedNull = g.required.contains(path)
            ? QSet<QString> {path + u": required member missing"_s}
            : QSet<QString>();
        if (nullErrors != expectedNull)
            problems.append(u"null at "_s + path + u" gave: "_s
                + QStringList(nullErrors.begin(), nullErrors.end()).join(u" | "));
        if (!path.contains(u'.') && !path.contains(u'[')) {
            allNull.insert(path, QJsonValue());
            if (g.required.contains(path))
                expectedAllNull.insert(path + u": required member missing"_s);
        }
        // List elements of the wrong type are errors naming their index.
        QJsonArray bad;
        QStringList expected;
        if (kind == u"objects") {
            bad = {1, u"x"_s, true, QJsonArray()};
            expected = {u"[0]: expected an object, got a number"_s,
                u"[1]: expected an object, got a string"_s,
                u"[2]: expected an object, got a boolean"_s,
                u"[3]: expected an object, got an array"_s};
        } else if (kind == u"array") {
            bad = {u"ok"_s, 5, QJsonObject()};
            expected = {u"[1]: expected a string, got a number"_s,
                u"[2]: expected a string, got an object"_s};
        }
        const QStringList errors =
            bad.isEmpty() ? QStringList() : parseErrors(*reader, withValueAt(g.json, path, bad));
        for (const QString &e : std::as_const(expected)) {
            if (!errors.contains(path + e))
                problems.append(u"missing \""_s + path + e + u"\" in: "_s + errors.join(u" | "));
        }
    }
    const QStringList allNullErrors = parseErrors(*reader, allNull);
    if (toSet(allNullErrors) != expectedAllNull)
        problems.append(u"all members null gave: "_s + allNullErrors.join(u" | "));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n")));
}

void TestResponses::generatedTypedValues()
{
    SW_REQUIRE_SHARED_DIR();
    QString problem;
    const auto workflow = readGenerated<mho::GetWorkflow>(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(workflow.creationTime, epochTime);
    QCOMPARE(workflow.creationTime.timeSpec(), Qt::UTC);
    QCOMPARE(workflow.creationTime.toString(Qt::ISODateWithMs), u"2023-11-14T22:13:20.500Z"_s);
    QCOMPARE(workflow.endTime, epochTime);
    QCOMPARE(workflow.status, u"CREATING"_s);
    QCOMPARE(workflow.tools.size(), qsizetype(2));
    QCOMPARE(workflow.tools.at(1).url, u"x-tools[].url"_s);
    QCOMPARE(workflow.tags.size(), qsizetype(2));
    QCOMPARE(workflow.tags.value(u"k2"_s), u"x-tags{}"_s);
    QCOMPARE(workflow.workflowInputs.size(), qsizetype(2));
    QCOMPARE(shown(workflow.totalSteps), u"7"_s);

    const auto steps = readGenerated<mho::ListWorkflowSteps>(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(steps.workflowStepsSummary.size(), qsizetype(2));
    QCOMPARE(steps.workflowStepsSummary.at(0).status, u"AWAITING_DEPENDENCIES"_s);
    QCOMPARE(steps.workflowStepsSummary.at(0).previous.size(), qsizetype(2));
    QCOMPARE(shown(steps.workflowStepsSummary.at(1).noOfSrvCompleted), u"7"_s);

    const auto profile = readGenerated<profiles::GetWorkflow>(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(profile.roleArn, u"x-Attributes.AppflowIntegration.RoleArn"_s);
    QCOMPARE(profile.sourceConnectorType, u"Salesforce"_s);
    QCOMPARE(shown(profile.totalSteps), u"7"_s);
    QCOMPARE(profile.startDate, epochTime);

    const auto flowSteps = readGenerated<profiles::GetWorkflowSteps>(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(flowSteps.items.size(), qsizetype(2));
    QCOMPARE(flowSteps.items.at(1).createdAt, epochTime);
    QCOMPARE(flowSteps.items.at(1).batchRecordsEndTime,
        u"x-Items[].AppflowIntegration.BatchRecordsEndTime"_s);

    const auto executions = readGenerated<imagebuilder::ListWorkflowExecutions>(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(executions.workflowExecutions.size(), qsizetype(2));
    QCOMPARE(shown(executions.workflowExecutions.at(0).retried), u"1"_s);
    QCOMPARE(executions.workflowExecutions.at(0).startTime, u"x-workflowExecutions[].startTime"_s);
    QCOMPARE(executions.workflowExecutions.at(0).type, u"BUILD"_s);

    const auto run = readGenerated<codecatalyst::GetWorkflowRun>(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(run.startTime, isoTime);
    QCOMPARE(run.startTime.timeSpec(), Qt::UTC);
    QCOMPARE(run.statusReasonCount, 2);
    QCOMPARE(run.status, u"SUCCEEDED"_s);

    const auto workflows = readGenerated<codecatalyst::ListWorkflows>(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(workflows.items.size(), qsizetype(2));
    QCOMPARE(workflows.items.at(0).definitionPath, u"x-items[].definition.path"_s);
    QCOMPARE(workflows.items.at(0).lastUpdatedTime, isoTime);
}

void TestResponses::unknownEnumValuesKept()
{
    QStringList errors;
    const auto steps = parsed<mho::ListWorkflowSteps>(
        R"({"workflowStepsSummary":[{"status":"SOME_NEW_STATUS","owner":"PARTNER"}]})", &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; ")));
    QCOMPARE(steps.workflowStepsSummary.value(0).status, u"SOME_NEW_STATUS"_s);
    QCOMPARE(steps.workflowStepsSummary.value(0).owner, u"PARTNER"_s);
    const auto retry = parsed<mho::RetryWorkflowStep>(R"({"status":"SKIPPED_LATER"})", &errors);
    QCOMPARE(retry.status, u"SKIPPED_LATER"_s);
    const auto profile = parsed<profiles::GetWorkflow>(
        R"({"Status":"ARCHIVED","WorkflowType":"NEW_TYPE"})", &errors);
    QCOMPARE(profile.status, u"ARCHIVED"_s);
    QCOMPARE(profile.workflowType, u"NEW_TYPE"_s);
    const auto executions = parsed<imagebuilder::ListWorkflowExecutions>(
        R"({"workflowExecutions":[{"status":"PAUSED","type":"DEPLOY"}]})", &errors);
    QCOMPARE(executions.workflowExecutions.value(0).status, u"PAUSED"_s);
    QCOMPARE(executions.workflowExecutions.value(0).type, u"DEPLOY"_s);
    const auto runs = parsed<codecatalyst::ListWorkflowRuns>(
        R"({"items":[{"id":"r1","workflowId":"w1","workflowName":"build",)"
        R"("status":"HIBERNATING","startTime":"2026-11-21T10:00:00.250Z",)"
        R"("endTime":"2026-11-21T10:00:00.250Z","lastUpdatedTime":"2026-11-21T10:00:00.250Z"}]})",
        &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; ")));
    QCOMPARE(runs.items.value(0).status, u"HIBERNATING"_s);
}

void TestResponses::unknownMembersIgnored()
{
    QStringList errors;
    const auto workflows = parsed<codecatalyst::ListWorkflows>(
        R"({"items":[{"id":"i1","definition":{"path":"p.yaml","extra":[1,{"a":null}]},)"
        R"("name":"build","sourceRepositoryName":"repo","sourceBranchName":"main","status":"ACTIVE",)"
        R"("runMode":"QUEUED","attemptNumber":3,"maxAttempts":{"x":1},)"
        R"("createdTime":"2026-11-21T10:00:00Z","lastUpdatedTime":"2026-11-21T10:00:00Z"}],)"
        R"("nextToken":"n","newTopLevel":{"deep":[true,"x"]},"alsoNew":null})",
        &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; ")));
    QCOMPARE(workflows.items.size(), qsizetype(1));
    QCOMPARE(workflows.items.at(0).definitionPath, u"p.yaml"_s);
    QCOMPARE(workflows.items.at(0).runMode, u"QUEUED"_s);
    QCOMPARE(workflows.nextToken, u"n"_s);

    const auto steps = parsed<imagebuilder::ListWorkflowStepExecutions>(
        R"({"steps":[{"name":"s","attemptNumber":2,"maxAttempts":3}],"requestId":"r"})", &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; ")));
    QCOMPARE(steps.steps.value(0).name, u"s"_s);
    QCOMPARE(steps.requestId, u"r"_s);
}

QTEST_APPLESS_MAIN(TestResponses)
#include "tst_responses.moc"
