// The hand-written operation specs (models/aws/<service>.cpp) against botocore's own service
// models in shared/aws-models, read at run time: service metadata, HTTP bindings, every
// member constraint, error shapes, idempotency and paginators. Plus the CLI name mapping.

#include "aws/operationspec.h"
#include "aws/serviceregistry.h"
#include "support/shareddir.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using sw::aws::AuthScheme;
using sw::aws::Location;
using sw::aws::MemberSpec;
using sw::aws::MemberType;
using sw::aws::OperationSpec;
using sw::aws::ServiceSpec;

namespace {

struct ServiceModel {
    QString error; ///< set when the files could not be read
    QJsonObject metadata;
    QJsonObject operations;
    QJsonObject shapes;
    QJsonObject pagination;
};

QJsonObject readJsonFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + u": "_s + file.errorString();
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        *error = path + u": "_s + parseError.errorString();
    return doc.object();
}

const ServiceModel &modelFor(const QString &modelId)
{
    static QHash<QString, ServiceModel> cache;
    auto it = cache.find(modelId);
    if (it != cache.end())
        return *it;
    ServiceModel m;
    const QString dir = sw::test::sharedDir() + u"/aws-models/"_s + modelId;
    const QJsonObject service = readJsonFile(dir + u"/service-2.json"_s, &m.error);
    const QJsonObject paginators = readJsonFile(dir + u"/paginators-1.json"_s, &m.error);
    m.metadata = service.value(u"metadata").toObject();
    m.operations = service.value(u"operations").toObject();
    m.shapes = service.value(u"shapes").toObject();
    m.pagination = paginators.value(u"pagination").toObject();
    return *cache.insert(modelId, m);
}

const ServiceSpec *serviceByModelId(const QString &modelId)
{
    const QList<const ServiceSpec *> services = sw::aws::allServices();
    for (const ServiceSpec *s : services) {
        if (s->modelId == modelId)
            return s;
    }
    return nullptr;
}

const OperationSpec *operationSpec(const QString &modelId, const QString &name)
{
    const ServiceSpec *service = serviceByModelId(modelId);
    if (!service)
        return nullptr;
    const QList<const OperationSpec *> ops = sw::aws::operationsOf(*service);
    for (const OperationSpec *op : ops) {
        if (op->name == name)
            return op;
    }
    return nullptr;
}

QJsonObject shapeOf(const ServiceModel &model, const QJsonObject &ref)
{
    return model.shapes.value(ref.value(u"shape").toString()).toObject();
}

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

QStringList toStringList(const QJsonValue &v)
{
    if (v.isString())
        return {v.toString()};
    QStringList out;
    const QJsonArray array = v.toArray();
    for (const QJsonValue &item : array)
        out.append(item.toString());
    return out;
}

QString bound(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : u"none"_s;
}

QString modelBound(const QJsonObject &shape, QStringView key)
{
    const QJsonValue v = shape.value(key);
    return v.isDouble() ? QString::number(static_cast<qint64>(v.toDouble())) : u"none"_s;
}

QString locationWord(Location location)
{
    switch (location) {
    case Location::Uri:
        return u"uri"_s;
    case Location::Query:
        return u"querystring"_s;
    case Location::Body:
        return u"body"_s;
    }
    return {};
}

QString typeWord(MemberType type)
{
    switch (type) {
    case MemberType::String:
        return u"string"_s;
    case MemberType::Integer:
        return u"integer"_s;
    case MemberType::Boolean:
        return u"boolean"_s;
    case MemberType::Timestamp:
        return u"timestamp"_s;
    case MemberType::StructureList:
        return u"list"_s;
    }
    return {};
}

QString modelTypeWord(const QString &type)
{
    return type == u"long" ? u"integer"_s : type;
}

QStringList memberNames(const QJsonObject &structure)
{
    return structure.value(u"members").toObject().keys();
}

void addOperationRows()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("operation");
    const QList<const ServiceSpec *> services = sw::aws::allServices();
    for (const ServiceSpec *s : services) {
        const QList<const OperationSpec *> ops = sw::aws::operationsOf(*s);
        for (const OperationSpec *op : ops)
            QTest::addRow("%s/%s", qPrintable(s->modelId), qPrintable(op->name))
                << s->modelId << op->name;
    }
}

} // namespace

class TestOperationSpecs : public QObject {
    Q_OBJECT

private slots:
    void registry();

    void serviceMetadata_data();
    void serviceMetadata();

    void operationBinding_data() { addOperationRows(); }
    void operationBinding();
    void operationErrors_data() { addOperationRows(); }
    void operationErrors();
    void memberSet_data() { addOperationRows(); }
    void memberSet();
    void member_data();
    void member();
    void paginator_data() { addOperationRows(); }
    void paginator();

    void kebabCase_data();
    void kebabCase();
    void findOperationByCliName_data();
    void findOperationByCliName();
};

void TestOperationSpecs::registry()
{
    const QList<const ServiceSpec *> services = sw::aws::allServices();
    QCOMPARE(services.size(), 4);
    const QHash<QString, QStringList> expected = {
        {u"migrationhuborchestrator"_s,
            {u"RetryWorkflowStep"_s, u"GetWorkflow"_s, u"ListWorkflows"_s,
                u"ListWorkflowStepGroups"_s, u"ListWorkflowSteps"_s}},
        {u"customer-profiles"_s, {u"GetWorkflow"_s, u"GetWorkflowSteps"_s, u"ListWorkflows"_s}},
        {u"imagebuilder"_s, {u"ListWorkflowStepExecutions"_s, u"ListWorkflowExecutions"_s}},
        {u"codecatalyst"_s,
            {u"StartWorkflowRun"_s, u"GetWorkflowRun"_s, u"ListWorkflowRuns"_s,
                u"ListWorkflows"_s}}};
    qsizetype total = 0;
    for (const ServiceSpec *s : services) {
        QVERIFY2(expected.contains(s->modelId), qPrintable(s->modelId));
        QCOMPARE(sw::aws::findServiceByCliName(s->cliName), s);
        QStringList names;
        const QList<const OperationSpec *> ops = sw::aws::operationsOf(*s);
        for (const OperationSpec *op : ops) {
            QVERIFY2(op->service == s, qPrintable(op->name + u" points at another service"_s));
            names.append(op->name);
        }
        QCOMPARE(names, expected.value(s->modelId));
        total += ops.size();
    }
    QCOMPARE(total, qsizetype(14));
    QCOMPARE(sw::aws::findServiceByCliName(u"customer_profiles"), nullptr);
    ServiceSpec stranger;
    QVERIFY(sw::aws::operationsOf(stranger).isEmpty());
}

void TestOperationSpecs::serviceMetadata_data()
{
    QTest::addColumn<QString>("service");
    const QList<const ServiceSpec *> services = sw::aws::allServices();
    for (const ServiceSpec *s : services)
        QTest::addRow("%s", qPrintable(s->modelId)) << s->modelId;
}

void TestOperationSpecs::serviceMetadata()
{
    SW_REQUIRE_SHARED_DIR();
    QFETCH(QString, service);
    const ServiceSpec *spec = serviceByModelId(service);
    QVERIFY(spec);
    const ServiceModel &model = modelFor(service);
    QVERIFY2(model.error.isEmpty(), qPrintable(model.error));
    const QJsonObject &meta = model.metadata;

    QString signingName = meta.value(u"signingName").toString();
    if (signingName.isEmpty())
        signingName = meta.value(u"endpointPrefix").toString();
    QCOMPARE(spec->signingName, signingName);
    QCOMPARE(spec->sdkId, meta.value(u"serviceId").toString());
    QCOMPARE(spec->apiVersion, meta.value(u"apiVersion").toString());
    const bool bearer = meta.value(u"signatureVersion").toString() == u"bearer";
    QCOMPARE(spec->auth == AuthScheme::Bearer, bearer);
    if (!bearer)
        QCOMPARE(meta.value(u"signatureVersion").toString(), u"v4"_s);
    // The CLI names these four services after their model folders.
    QCOMPARE(spec->cliName, service);
}

void TestOperationSpecs::operationBinding()
{
    SW_REQUIRE_SHARED_DIR();
    QFETCH(QString, service);
    QFETCH(QString, operation);
    const OperationSpec *op = operationSpec(service, operation);
    QVERIFY(op);
    const ServiceModel &model = modelFor(service);
    QVERIFY2(model.error.isEmpty(), qPrintable(model.error));
    QVERIFY2(model.operations.contains(operation), "operation not in the model");
    const QJsonObject def = model.operations.value(operation).toObject();
    const QJsonObject http = def.value(u"http").toObject();

    QCOMPARE(QString::fromLatin1(op->method), http.value(u"method").toString());
    QCOMPARE(op->uriTemplate, http.value(u"requestUri").toString());
    QCOMPARE(op->idempotent, def.value(u"idempotent").toBool(false));
    // Only an output without members may arrive as an empty body; any other empty 2xx is
    // no answer (a broken stream must not read as success).
    const QStringList outputMembers =
        memberNames(shapeOf(modelFor(service), def.value(u"output").toObject()));
    QCOMPARE(op->emptyOutput, outputMembers.isEmpty());
}

void TestOperationSpecs::operationErrors()
{
    SW_REQUIRE_SHARED_DIR();
    QFETCH(QString, service);
    QFETCH(QString, operation);
    const OperationSpec *op = operationSpec(service, operation);
    QVERIFY(op);
    const ServiceModel &model = modelFor(service);
    QVERIFY2(model.error.isEmpty(), qPrintable(model.error));
    QStringList modelErrors;
    const QJsonArray errors =
        model.operations.value(operation).toObject().value(u"errors").toArray();
    for (const QJsonValue &e : errors)
        modelErrors.append(e.toObject().value(u"shape").toString());
    QVERIFY(!modelErrors.isEmpty());
    QCOMPARE(QSet<QString>(op->errors.cbegin(), op->errors.cend()).size(), op->errors.size());
    QCOMPARE(sorted(op->errors), sorted(modelErrors));
}

void TestOperationSpecs::memberSet()
{
    SW_REQUIRE_SHARED_DIR();
    QFETCH(QString, service);
    QFETCH(QString, operation);
    const OperationSpec *op = operationSpec(service, operation);
    QVERIFY(op);
    const ServiceModel &model = modelFor(service);
    QVERIFY2(model.error.isEmpty(), qPrintable(model.error));
    const QJsonObject input =
        shapeOf(model, model.operations.value(operation).toObject().value(u"input").toObject());
    QStringList specNames;
    for (const MemberSpec &m : op->members)
        specNames.append(m.name);
    QCOMPARE(QSet<QString>(specNames.cbegin(), specNames.cend()).size(), specNames.size());
    QCOMPARE(sorted(specNames), sorted(memberNames(input)));
}

void TestOperationSpecs::member_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("member");
    const QList<const ServiceSpec *> services = sw::aws::allServices();
    for (const ServiceSpec *s : services) {
        const QList<const OperationSpec *> ops = sw::aws::operationsOf(*s);
        for (const OperationSpec *op : ops) {
            for (const MemberSpec &m : op->members) {
                QTest::addRow(
                    "%s/%s.%s", qPrintable(s->modelId), qPrintable(op->name), qPrintable(m.name))
                    << s->modelId << op->name << m.name;
            }
        }
    }
}

void TestOperationSpecs::member()
{
    SW_REQUIRE_SHARED_DIR();
    QFETCH(QString, service);
    QFETCH(QString, operation);
    QFETCH(QString, member);
    const OperationSpec *op = operationSpec(service, operation);
    QVERIFY(op);
    const MemberSpec *m = op->member(member);
    QVERIFY(m);
    const ServiceModel &model = modelFor(service);
    QVERIFY2(model.error.isEmpty(), qPrintable(model.error));
    const QJsonObject input =
        shapeOf(model, model.operations.value(operation).toObject().value(u"input").toObject());
    const QJsonObject members = input.value(u"members").toObject();
    QVERIFY2(members.contains(member), "member not in the model's input shape");
    const QJsonObject ref = members.value(member).toObject();
    const QJsonObject shape = shapeOf(model, ref);
    QVERIFY2(!shape.isEmpty(), "member shape missing from the model");

    const QString location = ref.value(u"location").toString(u"body"_s);
    QCOMPARE(locationWord(m->location), location);
    QCOMPARE(m->wireName, ref.value(u"locationName").toString(member));
    const QStringList required = toStringList(input.value(u"required"));
    QCOMPARE(m->required, required.contains(member));

    const QString type = modelTypeWord(shape.value(u"type").toString());
    QCOMPARE(typeWord(m->type), type);
    if (type == u"list") {
        const QJsonObject item = shapeOf(model, shape.value(u"member").toObject());
        QCOMPARE(item.value(u"type").toString(), u"structure"_s);
    }
    if (type == u"integer") {
        QCOMPARE(bound(m->minValue), modelBound(shape, u"min"));
        QCOMPARE(bound(m->maxValue), modelBound(shape, u"max"));
        QCOMPARE(bound(m->minLength), u"none"_s);
        QCOMPARE(bound(m->maxLength), u"none"_s);
    } else if (type == u"string" || type == u"list") {
        QCOMPARE(bound(m->minLength), modelBound(shape, u"min"));
        QCOMPARE(bound(m->maxLength), modelBound(shape, u"max"));
        QCOMPARE(bound(m->minValue), u"none"_s);
        QCOMPARE(bound(m->maxValue), u"none"_s);
    } else {
        QVERIFY(!shape.contains(u"min") && !shape.contains(u"max"));
        QCOMPARE(
            bound(m->minLength) + bound(m->maxLength) + bound(m->minValue) + bound(m->maxValue),
            u"nonenonenonenone"_s);
    }
    QCOMPARE(m->pattern, shape.value(u"pattern").toString());
    QCOMPARE(m->enumValues, toStringList(shape.value(u"enum")));
    QCOMPARE(m->idempotencyToken, ref.value(u"idempotencyToken").toBool(false));
}

void TestOperationSpecs::paginator()
{
    SW_REQUIRE_SHARED_DIR();
    QFETCH(QString, service);
    QFETCH(QString, operation);
    const OperationSpec *op = operationSpec(service, operation);
    QVERIFY(op);
    const ServiceModel &model = modelFor(service);
    QVERIFY2(model.error.isEmpty(), qPrintable(model.error));
    const QJsonObject def = model.operations.value(operation).toObject();
    const QStringList inputMembers = memberNames(shapeOf(model, def.value(u"input").toObject()));
    const QStringList outputMembers = memberNames(shapeOf(model, def.value(u"output").toObject()));

    if (model.pagination.contains(operation)) {
        const QJsonObject p = model.pagination.value(operation).toObject();
        QVERIFY2(op->paginator, "the model has a paginator, the spec none");
        QVERIFY(op->paginator->modelled);
        QCOMPARE(op->paginator->inputToken, p.value(u"input_token").toString());
        QCOMPARE(op->paginator->outputToken, p.value(u"output_token").toString());
        QCOMPARE(op->paginator->limitKey, p.value(u"limit_key").toString());
        QCOMPARE(op->paginator->resultKeys, toStringList(p.value(u"result_key")));
        return;
    }
    if (!op->paginator)
        return; // nothing to page: fine as long as the model has nothing either
    QVERIFY2(!op->paginator->modelled, "marked modelled but paginators-1.json has no entry");
    QVERIFY2(
        inputMembers.contains(op->paginator->inputToken), qPrintable(op->paginator->inputToken));
    QVERIFY2(
        outputMembers.contains(op->paginator->outputToken), qPrintable(op->paginator->outputToken));
    QVERIFY2(op->paginator->limitKey.isEmpty() || inputMembers.contains(op->paginator->limitKey),
        qPrintable(op->paginator->limitKey));
    QVERIFY(!op->paginator->resultKeys.isEmpty());
    for (const QString &key : op->paginator->resultKeys)
        QVERIFY2(outputMembers.contains(key), qPrintable(key));
}

void TestOperationSpecs::kebabCase_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("operation") << u"GetWorkflowSteps"_s << u"get-workflow-steps"_s;
    QTest::newRow("pascal member") << u"DomainName"_s << u"domain-name"_s;
    QTest::newRow("camel member") << u"imageBuildVersionArn"_s << u"image-build-version-arn"_s;
    QTest::newRow("retry") << u"RetryWorkflowStep"_s << u"retry-workflow-step"_s;
    QTest::newRow("max results") << u"maxResults"_s << u"max-results"_s;
    QTest::newRow("one word") << u"id"_s << u"id"_s;
    QTest::newRow("capital word") << u"Status"_s << u"status"_s;
    QTest::newRow("long operation")
        << u"ListWorkflowStepExecutions"_s << u"list-workflow-step-executions"_s;
    QTest::newRow("trailing acronym") << u"RoleARN"_s << u"role-arn"_s;
    QTest::newRow("inner acronym") << u"GetARNForName"_s << u"get-arn-for-name"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestOperationSpecs::kebabCase()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(sw::aws::toKebabCase(name), expected);
}

void TestOperationSpecs::findOperationByCliName_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("cliName");
    const QHash<QString, QString> names = {{u"RetryWorkflowStep"_s, u"retry-workflow-step"_s},
        {u"GetWorkflow"_s, u"get-workflow"_s}, {u"ListWorkflows"_s, u"list-workflows"_s},
        {u"ListWorkflowStepGroups"_s, u"list-workflow-step-groups"_s},
        {u"ListWorkflowSteps"_s, u"list-workflow-steps"_s},
        {u"GetWorkflowSteps"_s, u"get-workflow-steps"_s},
        {u"ListWorkflowStepExecutions"_s, u"list-workflow-step-executions"_s},
        {u"ListWorkflowExecutions"_s, u"list-workflow-executions"_s},
        {u"StartWorkflowRun"_s, u"start-workflow-run"_s},
        {u"GetWorkflowRun"_s, u"get-workflow-run"_s},
        {u"ListWorkflowRuns"_s, u"list-workflow-runs"_s}};
    const QList<const ServiceSpec *> services = sw::aws::allServices();
    for (const ServiceSpec *s : services) {
        const QList<const OperationSpec *> ops = sw::aws::operationsOf(*s);
        for (const OperationSpec *op : ops) {
            // An operation missing from the table gets an empty name and fails below.
            QTest::addRow("%s/%s", qPrintable(s->modelId), qPrintable(op->name))
                << s->modelId << op->name << names.value(op->name);
        }
    }
}

void TestOperationSpecs::findOperationByCliName()
{
    QFETCH(QString, service);
    QFETCH(QString, operation);
    QFETCH(QString, cliName);
    const ServiceSpec *s = serviceByModelId(service);
    QVERIFY(s);
    QVERIFY2(!cliName.isEmpty(), "no expected CLI name for this operation");
    const OperationSpec *op = operationSpec(service, operation);
    QCOMPARE(sw::aws::toKebabCase(operation), cliName);
    QCOMPARE(sw::aws::findOperationByCliName(*s, cliName), op);
    QCOMPARE(sw::aws::findOperationByCliName(*s, operation), nullptr);
    QCOMPARE(sw::aws::findOperationByCliName(*s, QString(cliName + u"-x"_s)), nullptr);
}

QTEST_APPLESS_MAIN(TestOperationSpecs)
#include "tst_operationspecs.moc"
