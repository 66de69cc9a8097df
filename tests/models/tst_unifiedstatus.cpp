// The unified status of every raw value the service models define, as one table: a change
// in the mapping shows up here as a changed row.
#include "unifiedstatus.h"

#include "support/shareddir.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sw;

class tst_UnifiedStatus : public QObject {
    Q_OBJECT

private slots:
    void mapping_data();
    void mapping();
    void everyModelEnumValueIsMapped_data();
    void everyModelEnumValueIsMapped();
    void unknownValuesStayUnknown();
    void terminalStatuses();
    void keysRoundTrip();
    void serviceIdsRoundTrip();
};

void tst_UnifiedStatus::mapping_data()
{
    QTest::addColumn<StatusSource>("source");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<UnifiedStatus>("expected");

    using S = StatusSource;
    using U = UnifiedStatus;
    struct Row {
        S source;
        const char *raw;
        U expected;
    };
    const Row rows[] = {
        {S::MhoWorkflow, "CREATING", U::Pending},
        {S::MhoWorkflow, "NOT_STARTED", U::Pending},
        {S::MhoWorkflow, "CREATION_FAILED", U::Failed},
        {S::MhoWorkflow, "STARTING", U::Running},
        {S::MhoWorkflow, "IN_PROGRESS", U::Running},
        {S::MhoWorkflow, "WORKFLOW_FAILED", U::Failed},
        {S::MhoWorkflow, "PAUSED", U::Paused},
        {S::MhoWorkflow, "PAUSING", U::Paused},
        {S::MhoWorkflow, "PAUSING_FAILED", U::NeedsAttention},
        {S::MhoWorkflow, "USER_ATTENTION_REQUIRED", U::NeedsAttention},
        {S::MhoWorkflow, "DELETING", U::Cancelled},
        {S::MhoWorkflow, "DELETION_FAILED", U::Failed},
        {S::MhoWorkflow, "DELETED", U::Cancelled},
        {S::MhoWorkflow, "COMPLETED", U::Succeeded},

        {S::MhoStepGroup, "AWAITING_DEPENDENCIES", U::Pending},
        {S::MhoStepGroup, "READY", U::Pending},
        {S::MhoStepGroup, "IN_PROGRESS", U::Running},
        {S::MhoStepGroup, "COMPLETED", U::Succeeded},
        {S::MhoStepGroup, "FAILED", U::Failed},
        {S::MhoStepGroup, "PAUSED", U::Paused},
        {S::MhoStepGroup, "PAUSING", U::Paused},
        {S::MhoStepGroup, "USER_ATTENTION_REQUIRED", U::NeedsAttention},

        {S::MhoStep, "AWAITING_DEPENDENCIES", U::Pending},
        {S::MhoStep, "SKIPPED", U::Skipped},
        {S::MhoStep, "READY", U::Pending},
        {S::MhoStep, "IN_PROGRESS", U::Running},
        {S::MhoStep, "COMPLETED", U::Succeeded},
        {S::MhoStep, "FAILED", U::Failed},
        {S::MhoStep, "PAUSED", U::Paused},
        {S::MhoStep, "USER_ATTENTION_REQUIRED", U::NeedsAttention},

        {S::ProfilesWorkflow, "NOT_STARTED", U::Pending},
        {S::ProfilesWorkflow, "IN_PROGRESS", U::Running},
        {S::ProfilesWorkflow, "COMPLETE", U::Succeeded},
        {S::ProfilesWorkflow, "FAILED", U::Failed},
        {S::ProfilesWorkflow, "SPLIT", U::Running},
        {S::ProfilesWorkflow, "RETRY", U::Running},
        {S::ProfilesWorkflow, "CANCELLED", U::Cancelled},
        // Not COMPLETED: that is another service's word.
        {S::ProfilesWorkflow, "COMPLETED", U::Unknown},

        {S::ImageBuilderWorkflowExecution, "PENDING", U::Pending},
        {S::ImageBuilderWorkflowExecution, "SKIPPED", U::Skipped},
        {S::ImageBuilderWorkflowExecution, "RUNNING", U::Running},
        {S::ImageBuilderWorkflowExecution, "COMPLETED", U::Succeeded},
        {S::ImageBuilderWorkflowExecution, "FAILED", U::Failed},
        {S::ImageBuilderWorkflowExecution, "ROLLBACK_IN_PROGRESS", U::Running},
        {S::ImageBuilderWorkflowExecution, "ROLLBACK_COMPLETED", U::Failed},
        {S::ImageBuilderWorkflowExecution, "CANCELLED", U::Cancelled},

        {S::ImageBuilderStepExecution, "PENDING", U::Pending},
        {S::ImageBuilderStepExecution, "SKIPPED", U::Skipped},
        {S::ImageBuilderStepExecution, "RUNNING", U::Running},
        {S::ImageBuilderStepExecution, "COMPLETED", U::Succeeded},
        {S::ImageBuilderStepExecution, "FAILED", U::Failed},
        {S::ImageBuilderStepExecution, "CANCELLED", U::Cancelled},

        {S::ImageBuilderRollback, "RUNNING", U::Running},
        {S::ImageBuilderRollback, "COMPLETED", U::Succeeded},
        {S::ImageBuilderRollback, "SKIPPED", U::Skipped},
        {S::ImageBuilderRollback, "FAILED", U::Failed},

        {S::CodeCatalystRun, "SUCCEEDED", U::Succeeded},
        {S::CodeCatalystRun, "FAILED", U::Failed},
        {S::CodeCatalystRun, "STOPPED", U::Cancelled},
        {S::CodeCatalystRun, "SUPERSEDED", U::Skipped},
        {S::CodeCatalystRun, "CANCELLED", U::Cancelled},
        {S::CodeCatalystRun, "NOT_RUN", U::Skipped},
        {S::CodeCatalystRun, "VALIDATING", U::Pending},
        {S::CodeCatalystRun, "PROVISIONING", U::Pending},
        {S::CodeCatalystRun, "IN_PROGRESS", U::Running},
        {S::CodeCatalystRun, "STOPPING", U::Running},
        {S::CodeCatalystRun, "ABANDONED", U::Cancelled},

        {S::CodeCatalystWorkflow, "ACTIVE", U::Pending},
        {S::CodeCatalystWorkflow, "INVALID", U::NeedsAttention},
    };
    for (const Row &row : rows) {
        const QString name =
            QString::fromLatin1(QMetaEnum::fromType<StatusSource>().valueToKey(int(row.source)))
            + QLatin1Char(' ') + QLatin1String(row.raw);
        QTest::newRow(name.toUtf8().constData())
            << row.source << QString::fromLatin1(row.raw) << row.expected;
    }
}

void tst_UnifiedStatus::mapping()
{
    QFETCH(StatusSource, source);
    QFETCH(QString, raw);
    QFETCH(UnifiedStatus, expected);
    QCOMPARE(unifiedStatus(source, raw), expected);
}

// The enums in the AWS models themselves: every value must be known to the table, so a model
// update that adds a value fails here until someone decides what it means.
void tst_UnifiedStatus::everyModelEnumValueIsMapped_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<StatusSource>("source");
    using S = StatusSource;
    QTest::newRow("MHO workflow") << "migrationhuborchestrator"
                                  << "MigrationWorkflowStatusEnum" << S::MhoWorkflow;
    QTest::newRow("MHO step group") << "migrationhuborchestrator"
                                    << "StepGroupStatus" << S::MhoStepGroup;
    QTest::newRow("MHO step") << "migrationhuborchestrator"
                              << "StepStatus" << S::MhoStep;
    QTest::newRow("Customer Profiles") << "customer-profiles"
                                       << "Status" << S::ProfilesWorkflow;
    QTest::newRow("Image Builder execution")
        << "imagebuilder"
        << "WorkflowExecutionStatus" << S::ImageBuilderWorkflowExecution;
    QTest::newRow("Image Builder step")
        << "imagebuilder"
        << "WorkflowStepExecutionStatus" << S::ImageBuilderStepExecution;
    QTest::newRow("Image Builder rollback")
        << "imagebuilder"
        << "WorkflowStepExecutionRollbackStatus" << S::ImageBuilderRollback;
    QTest::newRow("CodeCatalyst run") << "codecatalyst"
                                      << "WorkflowRunStatus" << S::CodeCatalystRun;
    QTest::newRow("CodeCatalyst workflow") << "codecatalyst"
                                           << "WorkflowStatus" << S::CodeCatalystWorkflow;
}

void tst_UnifiedStatus::everyModelEnumValueIsMapped()
{
    SW_REQUIRE_SHARED_DIR();
    const QString shared = sw::test::sharedDir();
    QFETCH(QString, service);
    QFETCH(QString, shape);
    QFETCH(StatusSource, source);

    QFile file(
        shared + QStringLiteral("/aws-models/") + service + QStringLiteral("/service-2.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QJsonObject model = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray values = model.value(QLatin1String("shapes"))
                                  .toObject()
                                  .value(shape)
                                  .toObject()
                                  .value(QLatin1String("enum"))
                                  .toArray();
    QVERIFY2(!values.isEmpty(), qPrintable(shape + QStringLiteral(" has no enum in the model")));
    QStringList fromModel;
    for (const QJsonValue &v : values)
        fromModel.append(v.toString());
    QCOMPARE(knownRawStatuses(source), fromModel);
    for (const QString &raw : std::as_const(fromModel))
        QVERIFY2(unifiedStatus(source, raw) != UnifiedStatus::Unknown, qPrintable(raw));
}

void tst_UnifiedStatus::unknownValuesStayUnknown()
{
    QCOMPARE(unifiedStatus(StatusSource::MhoStep, u"RETRYING_SOMEDAY"), UnifiedStatus::Unknown);
    QCOMPARE(unifiedStatus(StatusSource::MhoStep, u""), UnifiedStatus::Unknown);
    // Case matters: the services send upper case, anything else is not a known value.
    QCOMPARE(unifiedStatus(StatusSource::MhoStep, u"failed"), UnifiedStatus::Unknown);
}

void tst_UnifiedStatus::terminalStatuses()
{
    QVERIFY(isTerminal(UnifiedStatus::Succeeded));
    QVERIFY(isTerminal(UnifiedStatus::Failed));
    QVERIFY(isTerminal(UnifiedStatus::Cancelled));
    QVERIFY(isTerminal(UnifiedStatus::Skipped));
    QVERIFY(!isTerminal(UnifiedStatus::Running));
    QVERIFY(!isTerminal(UnifiedStatus::Pending));
    QVERIFY(!isTerminal(UnifiedStatus::NeedsAttention));
    QVERIFY(!isTerminal(UnifiedStatus::Paused));
    // An unknown value might be anything, so it is watched closely rather than forgotten.
    QVERIFY(!isTerminal(UnifiedStatus::Unknown));
}

void tst_UnifiedStatus::keysRoundTrip()
{
    QSet<QString> keys;
    for (int i = 0; i < UnifiedStatusCount; ++i) {
        const auto status = UnifiedStatus(i);
        const QString key = statusKey(status);
        QVERIFY(!key.isEmpty());
        QVERIFY(!statusDisplayName(status).isEmpty());
        keys.insert(key);
        QCOMPARE(statusFromKey(key), std::optional<UnifiedStatus>(status));
    }
    QCOMPARE(keys.size(), UnifiedStatusCount);
    QCOMPARE(statusKey(UnifiedStatus::NeedsAttention), QStringLiteral("needs-attention"));
    QVERIFY(!statusFromKey(u"Needs attention").has_value());
}

void tst_UnifiedStatus::serviceIdsRoundTrip()
{
    const QStringList expected = {QStringLiteral("migrationhuborchestrator"),
        QStringLiteral("customer-profiles"), QStringLiteral("imagebuilder"),
        QStringLiteral("codecatalyst")};
    for (int i = 0; i < ServiceCount; ++i) {
        const auto service = Service(i);
        QCOMPARE(serviceId(service), expected.at(i));
        QCOMPARE(serviceFromId(expected.at(i)), std::optional<Service>(service));
        QVERIFY(!serviceDisplayName(service).isEmpty());
    }
    QVERIFY(!serviceFromId(u"mho").has_value());
}

QTEST_GUILESS_MAIN(tst_UnifiedStatus)
#include "tst_unifiedstatus.moc"
