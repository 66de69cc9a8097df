#pragma once

#include "servicesimulator.h"

#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QUuid>

#include <optional>
#include <vector>

namespace sw::sim {

class SimClock;

/// CodeCatalyst's spaces, projects, workflows and workflow runs, seeded from SimOptions.
///
/// Runs evolve lazily: a run stores only its start time, the seeded length of each phase
/// (VALIDATING, PROVISIONING, IN_PROGRESS) and its final status, and its status at any
/// moment is computed from that schedule when asked. Nothing ticks, so 50,000 workflows
/// with a few runs each cost a few tens of bytes per run, and names come from shared tables.
/// Run positions in a listing (oldest first) never move when runs are added, which is what
/// keeps page tokens stable while new runs start.
class CodeCatalystState final {
public:
    /// The model's WorkflowRunStatus, in its order.
    enum class RunStatus : quint8 {
        Succeeded,
        Failed,
        Stopped,
        Superseded,
        Cancelled,
        NotRun,
        Validating,
        Provisioning,
        InProgress,
        Stopping,
        Abandoned,
    };
    enum class RunMode : quint8 { Queued, Parallel, Superseded };
    enum class WorkflowStatus : quint8 { Active, Invalid };

    struct Space {
        QString name;
        std::vector<int> projects;
    };
    struct Project {
        QString name;
        int space = 0;
        std::vector<quint32> workflows; ///< in listing order
        std::vector<quint32> runsByStart; ///< every run of the project, oldest first
    };
    struct Workflow {
        QUuid id;
        qint64 createdMs = 0;
        qint64 lastUpdatedMs = 0;
        quint32 firstRun = 0; ///< seeded history: runs [firstRun, firstRun + historyRuns)
        quint16 project = 0;
        quint16 nameIndex = 0; ///< into the shared name table
        quint16 nameRound = 0; ///< 0: the bare name; n: "<name>-<n + 1>"
        quint8 historyRuns = 0;
        quint8 repository = 0; ///< suffix index: "<project>", "<project>-infra", ...
        RunMode runMode = RunMode::Queued;
        WorkflowStatus status = WorkflowStatus::Active;
    };
    struct Run {
        QUuid id;
        qint64 startMs = 0;
        quint32 workflow = 0;
        quint16 validatingS = 0;
        quint16 provisioningS = 0;
        quint16 runningS = 0;
        RunStatus outcome = RunStatus::Succeeded; ///< the status once the schedule has ended
    };
    /// A run as seen at one moment.
    struct RunView {
        RunStatus status = RunStatus::Validating;
        qint64 startMs = 0;
        std::optional<qint64> endMs;
        qint64 lastUpdatedMs = 0;
    };
    struct StartResult {
        enum class Outcome { Created, Replayed, TokenConflict, WorkflowInvalid };
        Outcome outcome = Outcome::Created;
        quint32 run = 0; ///< Created/Replayed: the run; TokenConflict: the run holding the token
    };

    CodeCatalystState(const SimOptions &options, SimClock &clock);

    const std::vector<Space> &spaces() const { return m_spaces; }
    const Project &project(int index) const { return m_projects[size_t(index)]; }
    const Workflow &workflow(quint32 index) const { return m_workflows[index]; }
    const Run &run(quint32 index) const { return m_runs[index]; }

    /// -1 when there is none by that name.
    int findSpace(const QString &name) const;
    int findProject(int space, const QString &name) const;
    /// Only within the project: an id from elsewhere is as unknown as a made-up one.
    std::optional<quint32> findWorkflow(int project, const QUuid &id) const;
    std::optional<quint32> findRun(int project, const QUuid &id) const;

    QString workflowName(quint32 workflow) const;
    QString repositoryName(quint32 workflow) const;
    QString definitionPath(quint32 workflow) const;

    /// Runs of a project, or of one of its workflows, oldest first. A position keeps naming
    /// the same run as runs are added, because new runs are always the newest.
    qint64 runCount(int project, std::optional<quint32> workflow) const;
    quint32 runAt(int project, std::optional<quint32> workflow, qint64 position) const;

    RunView view(quint32 run) const;
    /// Starts a run unless the token says it was already started (replay) or belongs to a
    /// run of another workflow (conflict). An empty token is a fresh one.
    StartResult startRun(quint32 workflow, const QString &clientToken);

    qint64 runsCreated() const { return m_runsCreated; }
    qint64 idempotentReplays() const { return m_idempotentReplays; }

    static QString statusName(RunStatus status);
    static QString runModeName(RunMode mode);
    static QString workflowStatusName(WorkflowStatus status);
    static bool isTerminal(RunStatus status);

private:
    QUuid nextUuid();
    Run scheduledRun(quint32 workflow, qint64 startMs, RunStatus outcome);
    void generate(int workflowCount);
    void generateHistory(quint32 index);
    /// Ends a run early at `atMs` with `status`, e.g. when a newer run supersedes it.
    void cutShort(quint32 run, qint64 atMs, RunStatus status);

    SimClock &m_clock;
    QRandomGenerator m_random;
    qint64 m_epochMs = 0; // simulated time at construction; the history ends here
    std::vector<Space> m_spaces;
    std::vector<Project> m_projects;
    std::vector<Workflow> m_workflows;
    std::vector<Run> m_runs;
    QHash<QUuid, quint32> m_workflowById;
    QHash<QUuid, quint32> m_runById;
    QHash<quint32, QList<quint32>> m_startedRuns; // per workflow, after its history
    QHash<QString, quint32> m_runByToken;
    qint64 m_runsCreated = 0;
    qint64 m_idempotentReplays = 0;
};

} // namespace sw::sim
