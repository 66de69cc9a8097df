#pragma once

#include "customerprofilesstate.h" // seeded:: helpers shared by the two states

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sw::sim {

enum class IbType : quint8 { Build, Test, Distribution };
enum class IbExecStatus : quint8 {
    Pending,
    Skipped,
    Running,
    Completed,
    Failed,
    RollbackInProgress,
    RollbackCompleted,
    Cancelled
};
enum class IbStepStatus : quint8 { Pending, Skipped, Running, Completed, Failed, Cancelled };
enum class IbRollback : quint8 { None, Running, Completed };
QString ibTypeName(IbType type);
QString ibExecStatusName(IbExecStatus status);
QString ibStepStatusName(IbStepStatus status);
QString ibRollbackName(IbRollback status); ///< empty for None

/// EC2 Image Builder image build versions and their workflow executions: each image build runs
/// BUILD, then TEST, then DISTRIBUTION (sometimes a failed BUILD and a retried one first), each
/// a fixed list of steps that run in order. A failed step skips the rest; the completed steps
/// of a BUILD or TEST then roll back in reverse order (ROLLBACK_IN_PROGRESS, then
/// ROLLBACK_COMPLETED) and the later executions are skipped. The plan is seeded; what it looks
/// like at a given time is computed when asked, so a step costs no memory.
class ImageBuilderState final {
public:
    ImageBuilderState(quint64 seed, int executions, qint64 nowMs);

    struct StepView {
        IbStepStatus status = IbStepStatus::Pending;
        IbRollback rollback = IbRollback::None;
        std::optional<qint64> startMs;
        std::optional<qint64> endMs;
    };
    struct ExecutionView {
        IbExecStatus status = IbExecStatus::Pending;
        std::optional<qint64> startMs;
        std::optional<qint64> endMs;
        int totalSteps = 0;
        int succeeded = 0;
        int failed = 0;
        int skipped = 0;
        int currentStep = -1; ///< running, failed or cancelled
        int blockedBy = -1; ///< the execution that did not complete, when skipped
        std::vector<StepView> steps; ///< only when asked for
    };

    int buildCount() const { return int(m_builds.size()); }
    QString imageBuildVersionArn(int build) const;
    std::optional<int> findBuild(const QString &arn) const;
    /// The executions of a build are [first, first + count).
    int firstExecution(int build) const { return m_builds[size_t(build)].firstExec; }
    int executionCount(int build) const { return m_builds[size_t(build)].execCount; }

    std::optional<int> findExecution(const QString &workflowExecutionId) const;
    int buildOf(int exec) const { return m_execs[size_t(exec)].build; }
    ExecutionView execution(int exec, qint64 nowMs, bool withSteps) const;
    QString executionId(int exec) const;
    QString workflowBuildVersionArn(int exec) const;
    IbType type(int exec) const { return m_execs[size_t(exec)].type; }
    bool retried(int exec) const { return m_execs[size_t(exec)].retried; }
    /// Test groups only exist for TEST workflows.
    std::optional<QString> parallelGroup(int exec) const;

    QString stepExecutionId(int exec, int step) const;
    QString stepName(int exec, int step) const;
    QString stepAction(int exec, int step) const;
    QString stepDescription(int exec, int step) const;
    QString stepFailure(int exec, int step) const; ///< what goes wrong when it fails
    QString stepInputs(int exec, int step) const;
    QString stepOutputs(int exec, int step, const StepView &view) const;

private:
    enum class Fate : quint8 { Complete, Failed, Cancelled };
    static constexpr int maxSteps = 6;

    struct Build {
        quint64 seed = 0;
        qint64 startMs = 0;
        int firstExec = 0;
        quint16 minor = 0;
        quint16 number = 0;
        quint8 recipe = 0;
        quint8 execCount = 0;
    };
    struct Execution {
        seeded::Id128 id;
        int build = 0;
        IbType type = IbType::Build;
        Fate fate = Fate::Complete;
        quint8 fateStep = 0;
        bool retried = false;
    };
    // One execution's times, in ms since the epoch.
    struct Plan {
        bool skipped = false; // at startMs, because an earlier execution did not complete
        int blockedBy = -1;
        qint64 startMs = 0;
        int last = 0; // the last step that runs
        qint64 runStart[maxSteps] = {};
        qint64 runEnd[maxSteps] = {}; // for the last step of a failure, when it failed
        bool rollback = false;
        qint64 rollbackStart[maxSteps] = {};
        qint64 rollbackEnd[maxSteps] = {};
        qint64 endMs = 0;
    };

    quint64 execSeed(int exec) const;
    /// Plans of every execution of a build, starting at startMs.
    std::vector<Plan> plan(int build, qint64 startMs) const;
    Plan planExecution(int exec, qint64 startMs) const;
    StepView stepAt(const Execution &e, const Plan &p, int step, qint64 t) const;
    QString instanceId(int exec) const;
    QString outputImage(int build) const;

    std::vector<Build> m_builds;
    std::vector<Execution> m_execs;
    seeded::IdIndex m_index;
    QHash<quint64, int> m_buildKeys; // (recipe, minor, number) → build
};

} // namespace sw::sim
