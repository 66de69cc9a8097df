#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringView>

#include <optional>

/// Stepwatch's own vocabulary over the four services: which service a thing belongs to and
/// the one small status set that colours, icons, filters and notifications are built on.
namespace sw {
Q_NAMESPACE

/// The four watched services, in the order the dashboard lists them.
enum class Service : quint8 {
    MigrationHubOrchestrator,
    CustomerProfiles,
    ImageBuilder,
    CodeCatalyst
};
Q_ENUM_NS(Service)

inline constexpr int ServiceCount = 4;

/// One status for every service's many enums. The raw value always stays next to it.
enum class UnifiedStatus : quint8 {
    Unknown, ///< a value this build does not know (the enums grow); the raw value is kept
    Pending,
    Running,
    Succeeded,
    Failed,
    NeedsAttention,
    Paused,
    Cancelled,
    Skipped,
};
Q_ENUM_NS(UnifiedStatus)

inline constexpr int UnifiedStatusCount = 9;

/// Which enum of a service a raw status comes from: the same word means different things in
/// different places (MHO's step group has PAUSING, its step has SKIPPED, ...).
enum class StatusSource : quint8 {
    MhoWorkflow, ///< MigrationWorkflowStatusEnum (14 values)
    MhoStepGroup, ///< StepGroupStatus (8)
    MhoStep, ///< StepStatus (8)
    ProfilesWorkflow, ///< Customer Profiles Status (7), workflows and flow steps alike
    ImageBuilderWorkflowExecution, ///< WorkflowExecutionStatus (8)
    ImageBuilderStepExecution, ///< WorkflowStepExecutionStatus (6)
    ImageBuilderRollback, ///< WorkflowStepExecutionRollbackStatus (4)
    CodeCatalystRun, ///< WorkflowRunStatus (11)
    CodeCatalystWorkflow, ///< WorkflowStatus (ACTIVE, INVALID)
};
Q_ENUM_NS(StatusSource)

/// Maps a raw service status to the unified one; values the table does not know are Unknown.
UnifiedStatus unifiedStatus(StatusSource source, QStringView raw);

/// Every raw value the service models define for a source, in model order (for tests and
/// for filters that want to offer them).
QStringList knownRawStatuses(StatusSource source);

/// Finished one way or another: nothing changes any more without an operator's action.
/// Terminal items are polled rarely.
bool isTerminal(UnifiedStatus status);

/// Sort order by urgency: Failed, NeedsAttention, Running, Paused, Pending, Unknown,
/// Cancelled, Skipped, Succeeded (0 first), so an ascending sort puts what needs a hand on top.
int statusSeverityRank(UnifiedStatus status);

/// Qt 6.4 has no qHash for scoped enums; QSet<UnifiedStatus> and QSet<Service> need one.
inline size_t qHash(UnifiedStatus status, size_t seed = 0) noexcept
{
    return ::qHash(int(status), seed);
}
inline size_t qHash(Service service, size_t seed = 0) noexcept
{
    return ::qHash(int(service), seed);
}

/// The status in the operator's language ("Needs attention"), translated.
QString statusDisplayName(UnifiedStatus status);
/// A stable lower-case key for settings and exported files ("needs-attention").
QString statusKey(UnifiedStatus status);
std::optional<UnifiedStatus> statusFromKey(QStringView key);

/// The service as the AWS CLI names it ("migrationhuborchestrator", "customer-profiles",
/// "imagebuilder", "codecatalyst"): used in saved watches and exports.
QString serviceId(Service service);
std::optional<Service> serviceFromId(QStringView id);
/// The service as people call it ("Migration Hub Orchestrator"), translated.
QString serviceDisplayName(Service service);
/// The name a narrow column has room for ("MHO", "Profiles", "Image Builder",
/// "CodeCatalyst"), translated.
QString serviceShortName(Service service);

} // namespace sw
