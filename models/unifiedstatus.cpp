#include "unifiedstatus.h"

#include <QCoreApplication>

#include <array>

namespace sw {

namespace {

struct Mapping {
    const char16_t *raw;
    UnifiedStatus status;
};

using U = UnifiedStatus;

// Every value of every enum in the service models (aws-operations.md lists them), in model
// order. Where a value is a transition (PAUSING, STOPPING, ROLLBACK_IN_PROGRESS) it maps to
// where things are heading if that is still moving, so the poller keeps watching it closely.
constexpr Mapping mhoWorkflow[] = {
    {u"CREATING", U::Pending},
    {u"NOT_STARTED", U::Pending},
    {u"CREATION_FAILED", U::Failed},
    {u"STARTING", U::Running},
    {u"IN_PROGRESS", U::Running},
    {u"WORKFLOW_FAILED", U::Failed},
    {u"PAUSED", U::Paused},
    {u"PAUSING", U::Paused},
    // The pause did not take: the workflow may still run, and someone has to look.
    {u"PAUSING_FAILED", U::NeedsAttention},
    {u"USER_ATTENTION_REQUIRED", U::NeedsAttention},
    {u"DELETING", U::Cancelled},
    {u"DELETION_FAILED", U::Failed},
    {u"DELETED", U::Cancelled},
    {u"COMPLETED", U::Succeeded},
};

constexpr Mapping mhoStepGroup[] = {
    {u"AWAITING_DEPENDENCIES", U::Pending},
    {u"READY", U::Pending},
    {u"IN_PROGRESS", U::Running},
    {u"COMPLETED", U::Succeeded},
    {u"FAILED", U::Failed},
    {u"PAUSED", U::Paused},
    {u"PAUSING", U::Paused},
    {u"USER_ATTENTION_REQUIRED", U::NeedsAttention},
};

constexpr Mapping mhoStep[] = {
    {u"AWAITING_DEPENDENCIES", U::Pending},
    {u"SKIPPED", U::Skipped},
    {u"READY", U::Pending},
    {u"IN_PROGRESS", U::Running},
    {u"COMPLETED", U::Succeeded},
    {u"FAILED", U::Failed},
    {u"PAUSED", U::Paused},
    {u"USER_ATTENTION_REQUIRED", U::NeedsAttention},
};

constexpr Mapping profilesWorkflow[] = {
    {u"NOT_STARTED", U::Pending},
    {u"IN_PROGRESS", U::Running},
    {u"COMPLETE", U::Succeeded},
    {u"FAILED", U::Failed},
    // The flow was split into batches that are still being processed.
    {u"SPLIT", U::Running},
    // AppFlow is retrying the flow on its own.
    {u"RETRY", U::Running},
    {u"CANCELLED", U::Cancelled},
};

constexpr Mapping imageBuilderExecution[] = {
    {u"PENDING", U::Pending},
    {u"SKIPPED", U::Skipped},
    {u"RUNNING", U::Running},
    {u"COMPLETED", U::Succeeded},
    {u"FAILED", U::Failed},
    // The execution failed and its steps are being undone: still moving.
    {u"ROLLBACK_IN_PROGRESS", U::Running},
    {u"ROLLBACK_COMPLETED", U::Failed},
    {u"CANCELLED", U::Cancelled},
};

constexpr Mapping imageBuilderStep[] = {
    {u"PENDING", U::Pending},
    {u"SKIPPED", U::Skipped},
    {u"RUNNING", U::Running},
    {u"COMPLETED", U::Succeeded},
    {u"FAILED", U::Failed},
    {u"CANCELLED", U::Cancelled},
};

constexpr Mapping imageBuilderRollback[] = {
    {u"RUNNING", U::Running},
    {u"COMPLETED", U::Succeeded},
    {u"SKIPPED", U::Skipped},
    {u"FAILED", U::Failed},
};

constexpr Mapping codeCatalystRun[] = {
    {u"SUCCEEDED", U::Succeeded},
    {u"FAILED", U::Failed},
    {u"STOPPED", U::Cancelled},
    // A newer run took its place (runMode SUPERSEDED): it never finished its work.
    {u"SUPERSEDED", U::Skipped},
    {u"CANCELLED", U::Cancelled},
    {u"NOT_RUN", U::Skipped},
    {u"VALIDATING", U::Pending},
    {u"PROVISIONING", U::Pending},
    {u"IN_PROGRESS", U::Running},
    {u"STOPPING", U::Running},
    {u"ABANDONED", U::Cancelled},
};

// A CodeCatalyst workflow row shows its latest run's status; these apply when it has none.
constexpr Mapping codeCatalystWorkflow[] = {
    // The workflow definition does not parse: no run can start until someone fixes it.
    {u"INVALID", U::NeedsAttention},
    {u"ACTIVE", U::Pending},
};

template<std::size_t N>
constexpr std::pair<const Mapping *, std::size_t> table(const Mapping (&t)[N])
{
    return {t, N};
}

std::pair<const Mapping *, std::size_t> tableFor(StatusSource source)
{
    switch (source) {
    case StatusSource::MhoWorkflow:
        return table(mhoWorkflow);
    case StatusSource::MhoStepGroup:
        return table(mhoStepGroup);
    case StatusSource::MhoStep:
        return table(mhoStep);
    case StatusSource::ProfilesWorkflow:
        return table(profilesWorkflow);
    case StatusSource::ImageBuilderWorkflowExecution:
        return table(imageBuilderExecution);
    case StatusSource::ImageBuilderStepExecution:
        return table(imageBuilderStep);
    case StatusSource::ImageBuilderRollback:
        return table(imageBuilderRollback);
    case StatusSource::CodeCatalystRun:
        return table(codeCatalystRun);
    case StatusSource::CodeCatalystWorkflow:
        return table(codeCatalystWorkflow);
    }
    return {nullptr, 0};
}

struct StatusName {
    UnifiedStatus status;
    const char16_t *key;
    const char *display;
};

constexpr StatusName statusNames[] = {
    {U::Unknown, u"unknown", QT_TRANSLATE_NOOP("sw::Status", "Unknown")},
    {U::Pending, u"pending", QT_TRANSLATE_NOOP("sw::Status", "Pending")},
    {U::Running, u"running", QT_TRANSLATE_NOOP("sw::Status", "Running")},
    {U::Succeeded, u"succeeded", QT_TRANSLATE_NOOP("sw::Status", "Succeeded")},
    {U::Failed, u"failed", QT_TRANSLATE_NOOP("sw::Status", "Failed")},
    {U::NeedsAttention, u"needs-attention", QT_TRANSLATE_NOOP("sw::Status", "Needs attention")},
    {U::Paused, u"paused", QT_TRANSLATE_NOOP("sw::Status", "Paused")},
    {U::Cancelled, u"cancelled", QT_TRANSLATE_NOOP("sw::Status", "Cancelled")},
    {U::Skipped, u"skipped", QT_TRANSLATE_NOOP("sw::Status", "Skipped")},
};

struct ServiceName {
    Service service;
    const char16_t *id;
    const char *display;
    const char *shortName;
};

constexpr ServiceName serviceNames[] = {
    {Service::MigrationHubOrchestrator, u"migrationhuborchestrator",
        QT_TRANSLATE_NOOP("sw::Service", "Migration Hub Orchestrator"),
        QT_TRANSLATE_NOOP("sw::Service", "MHO")},
    {Service::CustomerProfiles, u"customer-profiles",
        QT_TRANSLATE_NOOP("sw::Service", "Customer Profiles"),
        QT_TRANSLATE_NOOP("sw::Service", "Profiles")},
    {Service::ImageBuilder, u"imagebuilder", QT_TRANSLATE_NOOP("sw::Service", "EC2 Image Builder"),
        QT_TRANSLATE_NOOP("sw::Service", "Image Builder")},
    {Service::CodeCatalyst, u"codecatalyst", QT_TRANSLATE_NOOP("sw::Service", "CodeCatalyst"),
        QT_TRANSLATE_NOOP("sw::Service", "CodeCatalyst")},
};

} // namespace

UnifiedStatus unifiedStatus(StatusSource source, QStringView raw)
{
    const auto [entries, count] = tableFor(source);
    for (std::size_t i = 0; i < count; ++i) {
        if (raw == QStringView(entries[i].raw))
            return entries[i].status;
    }
    return UnifiedStatus::Unknown;
}

QStringList knownRawStatuses(StatusSource source)
{
    const auto [entries, count] = tableFor(source);
    QStringList values;
    for (std::size_t i = 0; i < count; ++i)
        values.append(QString::fromUtf16(entries[i].raw));
    return values;
}

bool isTerminal(UnifiedStatus status)
{
    switch (status) {
    case UnifiedStatus::Succeeded:
    case UnifiedStatus::Failed:
    case UnifiedStatus::Cancelled:
    case UnifiedStatus::Skipped:
        return true;
    case UnifiedStatus::Unknown:
    case UnifiedStatus::Pending:
    case UnifiedStatus::Running:
    case UnifiedStatus::NeedsAttention:
    case UnifiedStatus::Paused:
        return false;
    }
    return false;
}

int statusSeverityRank(UnifiedStatus status)
{
    switch (status) {
    case UnifiedStatus::Failed:
        return 0;
    case UnifiedStatus::NeedsAttention:
        return 1;
    case UnifiedStatus::Running:
        return 2;
    case UnifiedStatus::Paused:
        return 3;
    case UnifiedStatus::Pending:
        return 4;
    case UnifiedStatus::Unknown:
        return 5;
    case UnifiedStatus::Cancelled:
        return 6;
    case UnifiedStatus::Skipped:
        return 7;
    case UnifiedStatus::Succeeded:
        return 8;
    }
    return 5;
}

QString statusDisplayName(UnifiedStatus status)
{
    for (const StatusName &n : statusNames) {
        if (n.status == status)
            return QCoreApplication::translate("sw::Status", n.display);
    }
    return {};
}

QString statusKey(UnifiedStatus status)
{
    for (const StatusName &n : statusNames) {
        if (n.status == status)
            return QString::fromUtf16(n.key);
    }
    return {};
}

std::optional<UnifiedStatus> statusFromKey(QStringView key)
{
    for (const StatusName &n : statusNames) {
        if (key == QStringView(n.key))
            return n.status;
    }
    return std::nullopt;
}

QString serviceId(Service service)
{
    for (const ServiceName &n : serviceNames) {
        if (n.service == service)
            return QString::fromUtf16(n.id);
    }
    return {};
}

std::optional<Service> serviceFromId(QStringView id)
{
    for (const ServiceName &n : serviceNames) {
        if (id == QStringView(n.id))
            return n.service;
    }
    return std::nullopt;
}

QString serviceDisplayName(Service service)
{
    for (const ServiceName &n : serviceNames) {
        if (n.service == service)
            return QCoreApplication::translate("sw::Service", n.display);
    }
    return {};
}

QString serviceShortName(Service service)
{
    for (const ServiceName &n : serviceNames) {
        if (n.service == service)
            return QCoreApplication::translate("sw::Service", n.shortName);
    }
    return {};
}

} // namespace sw
