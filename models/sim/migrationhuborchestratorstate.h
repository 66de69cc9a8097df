#pragma once

#include <QHash>
#include <QList>
#include <QPair>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <array>
#include <limits>
#include <optional>
#include <vector>

namespace sw::sim {

class SimClock;
struct SimOptions;

namespace mho {

/// The account every simulated ARN and bucket name belongs to.
inline QString accountId()
{
    return QStringLiteral("123456789012");
}

/// The MigrationWorkflowStatusEnum values a simulated workflow can reach.
enum class WorkflowStatus : quint8 {
    NotStarted,
    InProgress,
    UserAttentionRequired,
    Paused,
    WorkflowFailed,
    Completed
};
/// Step and step-group status: every value here exists in both StepStatus and StepGroupStatus.
enum class StepStatus : quint8 {
    AwaitingDependencies,
    Ready,
    InProgress,
    UserAttentionRequired,
    Paused,
    Failed,
    Completed
};

/// Times are milliseconds since the epoch (simulated).
struct WorkflowSummary {
    QString id;
    QString name;
    QString templateId;
    QString applicationName;
    QString statusMessage;
    WorkflowStatus status = WorkflowStatus::NotStarted;
    qint64 creationMs = 0;
    std::optional<qint64> endMs;
    int completedSteps = 0;
    int totalSteps = 0;
};

/// What GetWorkflow adds to the summary.
struct WorkflowDetails {
    WorkflowSummary summary;
    QString templateName;
    QString templateVerb; ///< "rehost", "replatform", "relocate"
    QString applicationConfigurationId;
    int wave = 0;
    QStringList servers; ///< the source servers' names
    QList<QPair<QString, QString>> tools; ///< name, url (which may take the region as %1)
    std::optional<qint64> lastStartMs;
    std::optional<qint64> lastStopMs;
    qint64 lastModifiedMs = 0;
};

struct GroupView {
    QString id;
    QString name;
    bool custom = false;
    StepStatus status = StepStatus::AwaitingDependencies;
    QStringList previous;
    QStringList next;
};

struct StepView {
    QString id;
    QString name;
    QString description;
    QString script; ///< path under the workflow's scripts; empty for MANUAL steps
    QString statusMessage;
    bool manual = false;
    bool custom = false;
    StepStatus status = StepStatus::AwaitingDependencies;
    int serversCompleted = 0;
    int serversFailed = 0;
    int serversTotal = 0;
    QStringList previous;
    QStringList next;
};

enum class RetryOutcome { Applied, AlreadyRetrying, NotFailed };
struct RetryResult {
    RetryOutcome outcome = RetryOutcome::NotFailed;
    StepStatus status = StepStatus::AwaitingDependencies;
    QString stepName;
};

/// The migration workflows of the simulated Migration Hub Orchestrator. A workflow's steps
/// are generated once, compactly (a few bytes per step; all text comes from shared tables),
/// and their statuses are never stored: a step's start and end follow from the workflow's
/// start time, the step durations and the failures (and retries) before it, so any moment's
/// state is computed on demand. Each workflow caches its summary until its next step event,
/// so listing tens of thousands of unchanged workflows costs a lookup each.
class MigrationHubOrchestratorState final {
public:
    MigrationHubOrchestratorState(const SimOptions &options, SimClock &clock);

    int workflowCount() const { return int(m_workflows.size()); }
    /// Index of the workflow, group (in its workflow) or step (in its group), or -1.
    int findWorkflow(const QString &id) const;
    int findGroup(int workflow, const QString &groupId) const;
    int findStep(int workflow, int group, const QString &stepId) const;

    /// ListWorkflows' filters; an empty member matches everything.
    struct Filter {
        QString templateId;
        QString applicationName;
        std::optional<WorkflowStatus> status;
        QString name;
    };
    bool matches(int workflow, const Filter &filter);

    WorkflowSummary summary(int workflow);
    WorkflowDetails details(int workflow);
    QList<GroupView> groups(int workflow) const;
    QList<StepView> steps(int workflow, int group) const;

    /// RetryWorkflowStep on a step: applied only to a FAILED step.
    RetryResult retry(int workflow, int group, int step);
    qint64 retriesApplied() const { return m_retriesApplied; }

private:
    static constexpr int maxGroups = 5;
    static constexpr int maxStepsPerGroup = 6;
    static constexpr int maxSteps = maxGroups * maxStepsPerGroup;
    static constexpr qint64 never = std::numeric_limits<qint64>::max();

    enum class Role : quint8 { NotStarted, InProgress, Paused, Completed };
    enum StepFlag : quint8 { Manual = 1, Custom = 2, Fails = 4, Attention = 8, AllServers = 16 };

    struct Step {
        quint16 durationSec;
        quint8 kind; // index into the shared step table (name, description, script, messages)
        quint8 layer; // steps of one layer in a group run in parallel
        quint8 flags;
    };
    struct Workflow {
        quint64 idNumber;
        quint32 firstStep;
        qint32 creationSec; // these three relative to m_baseMs
        qint32 startSec;
        qint32 pauseSec;
        quint16 serverBase;
        quint8 app;
        quint8 wave;
        quint8 servers;
        quint8 groupCount;
        Role role;
        bool retried;
        std::array<quint8, maxGroups> groupKind;
        std::array<quint8, maxGroups + 1> groupStart; // first step of each group; then the count
    };
    /// A workflow's summary, valid while now < validUntilMs (times relative to m_baseMs).
    struct Cached {
        qint64 validUntilMs = std::numeric_limits<qint64>::min();
        qint64 lastModifiedMs = 0;
        qint64 endMs = never;
        quint16 completed = 0;
        quint8 focus = 0; // the step the status message is about
        WorkflowStatus status = WorkflowStatus::NotStarted;
    };
    struct Retry {
        qint64 atMs;
        qint32 durationMs;
        quint16 attempt;
        bool failsAgain;
    };
    struct Times {
        qint64 start;
        qint64 end;
        bool fails;
        quint16 attempt;
    };
    struct Evaluation {
        std::array<Times, maxSteps> times;
        std::array<StepStatus, maxSteps> status;
        qint64 now = 0;
        bool paused = false;
        Cached summary;
    };

    void generate(QRandomGenerator &random, Role role);
    void ensureEarlyFailure();
    void schedule(const Workflow &w, std::array<Times, maxSteps> &out) const;
    Evaluation evaluate(int workflow) const;
    const Cached &cached(int workflow);
    qint64 nowRel() const;
    QString workflowId(const Workflow &w) const;
    QString groupId(const Workflow &w, int group) const;
    QString stepId(const Workflow &w, int step) const;
    QString workflowName(const Workflow &w) const;
    QString serverName(const Workflow &w, quint64 salt) const;
    /// The failure message of an automated step, the attention message of a manual one.
    QString problem(const Workflow &w, int step, quint16 attempt) const;
    QString statusMessage(const Workflow &w, const Cached &c) const;
    quint64 stepHash(const Workflow &w, int step, quint16 attempt) const;

    SimClock &m_clock;
    quint64 m_seed;
    qint64 m_baseMs;
    std::vector<Workflow> m_workflows;
    std::vector<Step> m_steps;
    std::vector<Cached> m_cache;
    QHash<quint64, quint32> m_index; // id number → workflow
    QHash<quint32, Retry> m_retries; // global step index → its latest retry
    qint64 m_retriesApplied = 0;
};

} // namespace mho
} // namespace sw::sim
