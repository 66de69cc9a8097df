// Request validation for every operation Stepwatch calls: required members, and every kind
// of constraint the models document (patterns, lengths, ranges, types, unknown members).

#include "requestparams.h"

#include "aws/migrationhuborchestrator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::test;
using sw::aws::MemberSpec;
using sw::aws::OperationSpec;
using sw::aws::ValidationIssue;
namespace mho = sw::aws::mho;

namespace {

QString cliService(QStringView alias)
{
    if (alias == u"mho")
        return u"migrationhuborchestrator"_s;
    if (alias == u"profiles")
        return u"customer-profiles"_s;
    if (alias == u"ib")
        return u"imagebuilder"_s;
    return u"codecatalyst"_s;
}

// "mho/ListWorkflows", "maxResults", 101: base params of that operation with one member set.
void constraintRow(const char *name, const char *op, const char *member, const QJsonValue &value,
    const char *rule = "")
{
    const QStringList parts = QString::fromLatin1(op).split(u'/');
    QTest::newRow(name) << cliService(parts.at(0)) << parts.at(1) << QString::fromLatin1(member)
                        << value << QString::fromLatin1(rule);
}

void addConstraintColumns()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("member");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("rule"); ///< what the message must say; empty when accepted
}

const char *const idRule = "must match pattern: [a-zA-Z0-9-]+";
const char *const ccNameRule = "must match pattern: [a-zA-Z0-9]+(?:[-_\\.][a-zA-Z0-9]+)*";
const char *const uuidRule = "must match pattern: [0-9a-fA-F]{8}-";
const char *const hexRule = "must match pattern: [a-f0-9]{32}";
const char *const wfRule = "must match pattern: ^wf-[0-9a-fA-F]{8}";

} // namespace

class TestValidation : public QObject {
    Q_OBJECT

private slots:
    void baseParamsAreValid();
    void missingRequired_data();
    void missingRequired();
    void rejected_data();
    void rejected();
    void accepted_data();
    void accepted();
    void issuesInMemberOrder();
};

void TestValidation::baseParamsAreValid()
{
    int checked = 0;
    const QList<const sw::aws::ServiceSpec *> services = sw::aws::allServices();
    for (const sw::aws::ServiceSpec *s : services) {
        const QList<const OperationSpec *> ops = sw::aws::operationsOf(*s);
        for (const OperationSpec *op : ops) {
            const QList<ValidationIssue> issues =
                sw::aws::validateParams(*op, baseParams(s->cliName, op->name));
            QVERIFY2(issues.isEmpty(), qPrintable(op->name + u": "_s + describe(issues)));
            ++checked;
        }
    }
    QCOMPARE(checked, 14);
}

void TestValidation::missingRequired_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("member");
    QTest::addColumn<bool>("asNull");
    int rows = 0;
    const QList<const sw::aws::ServiceSpec *> services = sw::aws::allServices();
    for (const sw::aws::ServiceSpec *s : services) {
        const QList<const OperationSpec *> ops = sw::aws::operationsOf(*s);
        for (const OperationSpec *op : ops) {
            for (const MemberSpec &m : op->members) {
                if (!m.required)
                    continue;
                for (const bool asNull : {false, true}) {
                    QTest::addRow("%s/%s.%s%s", qPrintable(s->cliName), qPrintable(op->name),
                        qPrintable(m.name), asNull ? " null" : "")
                        << s->cliName << op->name << m.name << asNull;
                    ++rows;
                }
            }
        }
    }
    // 3 + 1 + 0 + 1 + 2 (MHO), 2 + 2 + 1 (Customer Profiles), 1 + 1, 3 + 3 + 2 + 2, twice.
    QCOMPARE(rows, 2 * 24);
}

void TestValidation::missingRequired()
{
    QFETCH(QString, service);
    QFETCH(QString, operation);
    QFETCH(QString, member);
    QFETCH(bool, asNull);
    const OperationSpec *op = findOp(service, operation);
    QVERIFY(op);
    const QJsonObject base = baseParams(service, operation);
    QVERIFY2(base.contains(member), "base params lack a required member");
    const QJsonObject params =
        asNull ? merged(base, {{member, QJsonValue::Null}}) : merged(base, {}, {member});
    const QList<ValidationIssue> issues = sw::aws::validateParams(*op, params);
    QCOMPARE(issues.size(), qsizetype(1));
    QCOMPARE(issues.first().member, member);
    QCOMPARE(issues.first().message, u"Missing required parameter in input: \"%1\""_s.arg(member));
}

void TestValidation::rejected_data()
{
    addConstraintColumns();

    constraintRow("mho id with slash", "mho/RetryWorkflowStep", "id", u"a/b"_s, idRule);
    constraintRow("mho id with space", "mho/RetryWorkflowStep", "id", u"abc 123"_s, idRule);
    constraintRow("mho workflowId empty", "mho/RetryWorkflowStep", "workflowId", u""_s,
        "valid min length: 1");
    constraintRow("mho stepGroupId 101", "mho/RetryWorkflowStep", "stepGroupId", QString(101, u'a'),
        "valid max length: 100");
    constraintRow("mho GetWorkflow id underscore", "mho/GetWorkflow", "id", u"wf_1"_s, idRule);
    constraintRow("mho id number", "mho/GetWorkflow", "id", 12, "valid types: string");
    constraintRow(
        "mho maxResults 101", "mho/ListWorkflows", "maxResults", 101, "valid max value: 100");
    constraintRow("mho maxResults -1", "mho/ListWorkflows", "maxResults", -1, "valid min value: 0");
    constraintRow("mho maxResults string", "mho/ListWorkflows", "maxResults", u"10"_s,
        "valid types: integer");
    constraintRow(
        "mho maxResults 1.5", "mho/ListWorkflows", "maxResults", 1.5, "valid types: integer");
    constraintRow(
        "mho maxResults bool", "mho/ListWorkflows", "maxResults", true, "valid types: integer");
    constraintRow("mho nextToken blank", "mho/ListWorkflows", "nextToken", u"   "_s,
        "must match pattern: .*\\S.*");
    constraintRow("mho nextToken 2049", "mho/ListWorkflows", "nextToken", QString(2049, u'n'),
        "valid max length: 2048");
    constraintRow("mho templateId leading space", "mho/ListWorkflows", "templateId", u" tpl"_s,
        "must match pattern: [-a-zA-Z0-9_.+]+[-a-zA-Z0-9_.+ ]*");
    constraintRow("mho status number", "mho/ListWorkflows", "status", 5, "valid types: string");
    constraintRow("mho unknown member", "mho/ListWorkflows", "foo", 1,
        "Unknown parameter in input: \"foo\", must be one of: maxResults, nextToken");
    constraintRow("mho ListWorkflowStepGroups workflowId", "mho/ListWorkflowStepGroups",
        "workflowId", u"wf.1"_s, idRule);
    constraintRow("mho ListWorkflowSteps stepGroupId", "mho/ListWorkflowSteps", "stepGroupId",
        u"sg 1"_s, idRule);
    constraintRow("mho ListWorkflowSteps maxResults", "mho/ListWorkflowSteps", "maxResults", 101,
        "valid max value: 100");

    constraintRow("profiles WorkflowId uppercase", "profiles/GetWorkflow", "WorkflowId",
        u"0123456789ABCDEF0123456789abcdef"_s, hexRule);
    constraintRow(
        "profiles WorkflowId 31", "profiles/GetWorkflow", "WorkflowId", QString(31, u'a'), hexRule);
    constraintRow("profiles WorkflowId 33", "profiles/GetWorkflowSteps", "WorkflowId",
        QString(33, u'a'), hexRule);
    constraintRow("profiles DomainName space", "profiles/GetWorkflow", "DomainName", u"my domain"_s,
        "must match pattern: ^[a-zA-Z0-9_-]+$");
    constraintRow("profiles DomainName 65", "profiles/ListWorkflows", "DomainName",
        QString(65, u'd'), "valid max length: 64");
    constraintRow("profiles MaxResults 0", "profiles/GetWorkflowSteps", "MaxResults", 0,
        "valid min value: 1");
    constraintRow("profiles MaxResults 101", "profiles/ListWorkflows", "MaxResults", 101,
        "valid max value: 100");
    constraintRow("profiles NextToken empty", "profiles/GetWorkflowSteps", "NextToken", u""_s,
        "valid min length: 1");
    constraintRow("profiles NextToken 1025", "profiles/ListWorkflows", "NextToken",
        QString(1025, u't'), "valid max length: 1024");
    constraintRow("profiles QueryStartDate word", "profiles/ListWorkflows", "QueryStartDate",
        u"yesterday"_s, "valid types: timestamp");
    constraintRow("profiles QueryEndDate bool", "profiles/ListWorkflows", "QueryEndDate", true,
        "valid types: timestamp");
    constraintRow(
        "profiles Status number", "profiles/ListWorkflows", "Status", 1, "valid types: string");
    constraintRow("profiles unknown camelCase", "profiles/ListWorkflows", "domainName", u"d"_s,
        "Unknown parameter in input: \"domainName\"");

    constraintRow("ib id without wf-", "ib/ListWorkflowStepExecutions", "workflowExecutionId",
        u"12345678-abcd-4ef0-9abc-123456789abc"_s, wfRule);
    constraintRow("ib id with suffix", "ib/ListWorkflowStepExecutions", "workflowExecutionId",
        QString(wfExecution + u"0"_s), wfRule);
    constraintRow("ib maxResults 26", "ib/ListWorkflowStepExecutions", "maxResults", 26,
        "valid max value: 25");
    constraintRow(
        "ib maxResults 0", "ib/ListWorkflowExecutions", "maxResults", 0, "valid min value: 1");
    constraintRow("ib nextToken empty", "ib/ListWorkflowStepExecutions", "nextToken", u""_s,
        "valid min length: 1");
    constraintRow("ib arn without build number", "ib/ListWorkflowExecutions",
        "imageBuildVersionArn", imageArn.chopped(2),
        "must match pattern: ^arn:aws[^:]*:imagebuilder:");

    constraintRow(
        "cc workflowId not uuid", "cc/StartWorkflowRun", "workflowId", u"not-a-uuid"_s, uuidRule);
    constraintRow("cc clientToken 65", "cc/StartWorkflowRun", "clientToken", QString(65, u'k'),
        "valid max length: 64");
    constraintRow(
        "cc clientToken double dot", "cc/StartWorkflowRun", "clientToken", u"a..b"_s, ccNameRule);
    constraintRow(
        "cc clientToken empty", "cc/StartWorkflowRun", "clientToken", u""_s, "valid min length: 1");
    constraintRow(
        "cc spaceName space", "cc/StartWorkflowRun", "spaceName", u"my space"_s, ccNameRule);
    constraintRow("cc GetWorkflowRun spaceName 2", "cc/GetWorkflowRun", "spaceName", u"ab"_s,
        "valid min length: 3");
    constraintRow("cc GetWorkflowRun spaceName 64", "cc/GetWorkflowRun", "spaceName",
        QString(64, u's'), "valid max length: 63");
    constraintRow("cc GetWorkflowRun id", "cc/GetWorkflowRun", "id",
        u"11111111222233334444555555555555"_s, uuidRule);
    constraintRow("cc ListWorkflowRuns maxResults 51", "cc/ListWorkflowRuns", "maxResults", 51,
        "valid max value: 50");
    constraintRow("cc ListWorkflowRuns sortBy 2", "cc/ListWorkflowRuns", "sortBy",
        emptyStructures(2), "valid max length: 1");
    constraintRow("cc ListWorkflowRuns sortBy string", "cc/ListWorkflowRuns", "sortBy", u"x"_s,
        "valid types: list");
    constraintRow("cc ListWorkflows projectName 2", "cc/ListWorkflows", "projectName", u"ab"_s,
        "valid min length: 3");
    constraintRow("cc ListWorkflows maxResults 101", "cc/ListWorkflows", "maxResults", 101,
        "valid max value: 100");
}

void TestValidation::rejected()
{
    QFETCH(QString, service);
    QFETCH(QString, operation);
    QFETCH(QString, member);
    QFETCH(QJsonValue, value);
    QFETCH(QString, rule);
    const OperationSpec *op = findOp(service, operation);
    QVERIFY(op);
    const QList<ValidationIssue> issues =
        sw::aws::validateParams(*op, merged(baseParams(service, operation), {{member, value}}));
    QVERIFY2(issues.size() == 1, qPrintable(describe(issues)));
    QCOMPARE(issues.first().member, member);
    const QString &message = issues.first().message;
    QVERIFY2(message.contains(u"parameter "_s + member) || message.contains(u'"' + member + u'"'),
        qPrintable(message));
    QVERIFY2(message.contains(rule), qPrintable(message));
    QVERIFY(sw::aws::describeValidationIssues(issues).endsWith(u'\n' + message));
}

void TestValidation::accepted_data()
{
    addConstraintColumns();

    constraintRow("mho id abc-123", "mho/RetryWorkflowStep", "id", u"abc-123"_s);
    constraintRow("mho id 100", "mho/GetWorkflow", "id", QString(100, u'a'));
    constraintRow("mho maxResults 0", "mho/ListWorkflows", "maxResults", 0);
    constraintRow("mho maxResults 100", "mho/ListWorkflows", "maxResults", 100);
    constraintRow("mho maxResults 5.0", "mho/ListWorkflowStepGroups", "maxResults", 5.0);
    constraintRow(
        "mho templateId with space", "mho/ListWorkflows", "templateId", u"My template.1+ x"_s);
    constraintRow("mho nextToken 2048", "mho/ListWorkflowSteps", "nextToken", QString(2048, u'n'));
    constraintRow(
        "mho status unknown value", "mho/ListWorkflows", "status", u"SOME_FUTURE_STATUS"_s);
    constraintRow("mho name free form", "mho/ListWorkflows", "name", u"any / thing?"_s);
    constraintRow("profiles WorkflowId lower hex", "profiles/GetWorkflow", "WorkflowId",
        u"abcdef0123456789abcdef0123456789"_s);
    constraintRow(
        "profiles DomainName 64", "profiles/GetWorkflowSteps", "DomainName", QString(64, u'd'));
    constraintRow("profiles MaxResults 1", "profiles/GetWorkflowSteps", "MaxResults", 1);
    constraintRow("profiles MaxResults 100", "profiles/ListWorkflows", "MaxResults", 100);
    constraintRow(
        "profiles QueryStartDate number", "profiles/ListWorkflows", "QueryStartDate", 1700000000.5);
    constraintRow("profiles QueryStartDate ISO", "profiles/ListWorkflows", "QueryStartDate",
        u"2023-11-14T22:13:20Z"_s);
    constraintRow(
        "profiles NextToken 1024", "profiles/ListWorkflows", "NextToken", QString(1024, u't'));
    constraintRow("ib id uppercase hex", "ib/ListWorkflowStepExecutions", "workflowExecutionId",
        u"wf-ABCDEF01-ABCD-4EF0-9ABC-123456789ABC"_s);
    constraintRow("ib maxResults 1", "ib/ListWorkflowStepExecutions", "maxResults", 1);
    constraintRow("ib maxResults 25", "ib/ListWorkflowExecutions", "maxResults", 25);
    constraintRow("ib aws-owned arn", "ib/ListWorkflowExecutions", "imageBuildVersionArn",
        u"arn:aws-cn:imagebuilder:cn-north-1:aws:image/my_image-2/10.2.3/45"_s);
    constraintRow("cc StartWorkflowRun spaceName 2", "cc/StartWorkflowRun", "spaceName", u"ab"_s);
    constraintRow("cc clientToken dotted", "cc/StartWorkflowRun", "clientToken", u"a.b_c-d"_s);
    constraintRow("cc workflowId uppercase", "cc/StartWorkflowRun", "workflowId",
        u"ABCDEF01-2222-3333-4444-555555555555"_s);
    constraintRow(
        "cc GetWorkflowRun spaceName 63", "cc/GetWorkflowRun", "spaceName", QString(63, u's'));
    constraintRow("cc ListWorkflowRuns maxResults 50", "cc/ListWorkflowRuns", "maxResults", 50);
    constraintRow("cc ListWorkflows maxResults 51", "cc/ListWorkflows", "maxResults", 51);
    constraintRow("cc ListWorkflows spaceName 1", "cc/ListWorkflows", "spaceName", u"x"_s);
    constraintRow("cc sortBy empty", "cc/ListWorkflowRuns", "sortBy", QJsonArray());
    constraintRow("cc sortBy one", "cc/ListWorkflows", "sortBy", emptyStructures(1));
}

void TestValidation::accepted()
{
    QFETCH(QString, service);
    QFETCH(QString, operation);
    QFETCH(QString, member);
    QFETCH(QJsonValue, value);
    const OperationSpec *op = findOp(service, operation);
    QVERIFY(op);
    const QJsonObject params = merged(baseParams(service, operation), {{member, value}});
    QVERIFY(params.contains(member));
    const QList<ValidationIssue> issues = sw::aws::validateParams(*op, params);
    QVERIFY2(issues.isEmpty(), qPrintable(describe(issues)));
}

void TestValidation::issuesInMemberOrder()
{
    const OperationSpec &op = mho::RetryWorkflowStep::spec();
    const QList<ValidationIssue> issues =
        sw::aws::validateParams(op, {{u"stepGroupId"_s, u"a/b"_s}, {u"zzz"_s, 1}, {u"aaa"_s, 2}});
    QStringList members;
    for (const ValidationIssue &issue : issues)
        members.append(issue.member);
    // Spec members first, in spec order (workflowId, stepGroupId, id), then unknown keys.
    QCOMPARE(
        members, (QStringList {u"workflowId"_s, u"stepGroupId"_s, u"id"_s, u"aaa"_s, u"zzz"_s}));
    const QString text = sw::aws::describeValidationIssues(issues);
    QVERIFY2(text.startsWith(u"Parameter validation failed:\n"), qPrintable(text));
    QCOMPARE(text.count(u'\n'), qsizetype(5));
}

QTEST_APPLESS_MAIN(TestValidation)
#include "tst_validation.moc"
