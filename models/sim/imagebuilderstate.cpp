#include "imagebuilderstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace sw::sim {

namespace {

using seeded::mix;
using seeded::pick;

constexpr std::array typeNames = {u"BUILD", u"TEST", u"DISTRIBUTION"};
constexpr std::array execStatusNames = {u"PENDING", u"SKIPPED", u"RUNNING", u"COMPLETED", u"FAILED",
    u"ROLLBACK_IN_PROGRESS", u"ROLLBACK_COMPLETED", u"CANCELLED"};
constexpr std::array stepStatusNames = {
    u"PENDING", u"SKIPPED", u"RUNNING", u"COMPLETED", u"FAILED", u"CANCELLED"};
constexpr std::array rollbackNames = {u"", u"RUNNING", u"COMPLETED"};

// clang-format off
enum Action { LaunchInstance, ExecuteComponents, CollectImageMetadata, SanitizeInstance,
    CreateImage, TerminateInstance, CollectImageScanFindings, DistributeImage,
    ModifyImageAttributes, ApplyImageConfigurations };
// clang-format on
constexpr std::array actionNames = {u"LaunchInstance", u"ExecuteComponents",
    u"CollectImageMetadata", u"SanitizeInstance", u"CreateImage", u"TerminateInstance",
    u"CollectImageScanFindings", u"DistributeImage", u"ModifyImageAttributes",
    u"ApplyImageConfigurations"};

struct StepDef {
    const char16_t *name;
    Action action;
    const char16_t *description;
    int minSec;
    int maxSec;
    const char16_t *failure;
};
// The steps of AWS's managed build-image, test-image and distribute-image workflows.
constexpr std::array<StepDef, 6> buildSteps = {{
    {u"LaunchBuildInstance", LaunchInstance, u"Launch the build instance from the base image", 60,
        150, u"InsufficientInstanceCapacity: no capacity for the instance type in us-east-1a"},
    {u"ApplyBuildComponents", ExecuteComponents,
        u"Run the recipe's build components on the instance", 180, 480,
        u"Component update-linux/1.0.2 failed in phase build: exit code 1"},
    {u"InventoryCollection", CollectImageMetadata,
        u"Collect the installed packages for the image inventory", 20, 60,
        u"SSM Inventory did not report within 10 minutes"},
    {u"RunSanitizeScript", SanitizeInstance,
        u"Remove credentials, logs and host keys before imaging", 30, 90,
        u"Sanitize script exited with code 2"},
    {u"CreateOutputAMI", CreateImage, u"Create the output AMI from the stopped instance", 180, 420,
        u"CreateImage timed out waiting for the root volume snapshot"},
    {u"TerminateBuildInstance", TerminateInstance, u"Terminate the build instance", 30, 90,
        u"UnauthorizedOperation: the instance profile cannot terminate the instance"},
}};
constexpr std::array<StepDef, 4> testSteps = {{
    {u"LaunchTestInstance", LaunchInstance, u"Launch a test instance from the new AMI", 60, 150,
        u"InsufficientInstanceCapacity: no capacity for the instance type in us-east-1b"},
    {u"CollectImageScanFindings", CollectImageScanFindings,
        u"Collect Amazon Inspector findings for the new AMI", 60, 180,
        u"Amazon Inspector reported 3 critical findings above the threshold"},
    {u"ApplyTestComponents", ExecuteComponents, u"Run the recipe's test components", 120, 360,
        u"Component reboot-test-linux/1.0.0 failed in phase test: exit code 1"},
    {u"TerminateTestInstance", TerminateInstance, u"Terminate the test instance", 30, 90,
        u"UnauthorizedOperation: the instance profile cannot terminate the instance"},
}};
constexpr std::array<StepDef, 3> distributionSteps = {{
    {u"DistributeImage", DistributeImage, u"Copy the AMI to the distribution Regions", 120, 360,
        u"Copying the AMI to eu-central-1 failed: SnapshotLimitExceeded"},
    {u"ModifyLaunchPermissions", ModifyImageAttributes, u"Share the AMI with the target accounts",
        10, 40, u"InvalidAMIAttributeItemValue: account 210987654321 is not valid"},
    {u"UpdateLaunchTemplates", ApplyImageConfigurations,
        u"Set the new AMI as default in the launch templates", 20, 60,
        u"Launch template lt-0 does not exist in us-west-2"},
}};

const StepDef &stepDef(IbType type, int step)
{
    if (type == IbType::Build)
        return buildSteps[size_t(step)];
    if (type == IbType::Test)
        return testSteps[size_t(step)];
    return distributionSteps[size_t(step)];
}

int stepsOf(IbType type)
{
    return type == IbType::Build ? int(buildSteps.size())
        : type == IbType::Test   ? int(testSteps.size())
                                 : int(distributionSteps.size());
}

struct Recipe {
    const char16_t *name;
    int major;
    const char16_t *instanceType;
};
constexpr std::array<Recipe, 6> recipes = {
    {{u"web-server", 1, u"m5.large"}, {u"base-al2023", 2, u"t3.medium"},
        {u"golden-ubuntu-22", 3, u"m5.large"}, {u"windows-2022-hardened", 1, u"m5.xlarge"},
        {u"gpu-inference", 4, u"g5.xlarge"}, {u"bastion-host", 1, u"t3.small"}}};
constexpr std::array testGroups = {u"smoke-tests", u"integration-tests", u"security-scan"};

const QString arnPrefix = u"arn:aws:imagebuilder:us-east-1:"_s;

quint64 buildKey(int recipe, int minor, int number)
{
    return (quint64(recipe) << 40) | (quint64(minor) << 20) | quint64(number);
}

// An EC2-style resource id: prefix and 17 hex digits.
QString resourceId(const char16_t *prefix, quint64 hash)
{
    return QString::fromUtf16(prefix) + QString::number(mix(hash), 16).rightJustified(16, u'0')
        + QString::number(hash & 0xf, 16);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QString ibTypeName(IbType type)
{
    return QString::fromUtf16(typeNames[size_t(type)]);
}

QString ibExecStatusName(IbExecStatus status)
{
    return QString::fromUtf16(execStatusNames[size_t(status)]);
}

QString ibStepStatusName(IbStepStatus status)
{
    return QString::fromUtf16(stepStatusNames[size_t(status)]);
}

QString ibRollbackName(IbRollback status)
{
    return QString::fromUtf16(rollbackNames[size_t(status)]);
}

ImageBuilderState::ImageBuilderState(quint64 seed, int executions, qint64 nowMs)
{
    QRandomGenerator random = seeded::generator(seed, 0x49420001u);
    const qint64 anchor = seeded::anchorMs(nowMs);
    std::array<int, recipes.size()> perRecipe {};
    int remaining = std::max(0, executions);
    while (remaining > 0) {
        Build b;
        b.seed = random.generate64();
        b.recipe = quint8(random.bounded(int(recipes.size())));
        const int c = perRecipe[b.recipe]++;
        b.minor = quint16(c / 5);
        b.number = quint16(c % 5 + 1);
        // The first build always retries a failed BUILD, so that every world shows a rollback.
        const bool retryShape = m_builds.empty() || random.bounded(100) < 15;
        const int count = std::min(retryShape ? 4 : 3, remaining);
        b.firstExec = int(m_execs.size());
        b.execCount = quint8(count);
        const int buildIndex = int(m_builds.size());
        m_buildKeys.insert(buildKey(b.recipe, b.minor, b.number), buildIndex);
        m_builds.push_back(b);
        for (int i = 0; i < count; ++i) {
            Execution e;
            e.id = seeded::randomId(random);
            e.build = buildIndex;
            e.type = IbType(retryShape ? std::max(0, i - 1) : i); // B, (B,) T, D
            e.retried = retryShape && i == 1;
            const int k = stepsOf(e.type);
            const int roll = int(random.bounded(100));
            const int failPercent = e.type == IbType::Distribution ? 8 : 12;
            if (retryShape && i == 0) {
                e.fate = Fate::Failed;
                e.fateStep = quint8(1 + random.bounded(k - 1));
            } else {
                e.fate = roll < failPercent  ? Fate::Failed
                    : roll < failPercent + 3 ? Fate::Cancelled
                                             : Fate::Complete;
                e.fateStep = quint8(random.bounded(k));
            }
            m_index.add(e.id, int(m_execs.size()));
            m_execs.push_back(e);
        }
        // Where the build is when the simulation starts: most are under way, some long done.
        qint64 duration = 0;
        for (const Plan &p : plan(buildIndex, 0))
            duration = std::max(duration, p.skipped ? p.startMs : p.endMs);
        const qint64 offset = random.bounded(100) < 30
            ? duration + 600000 + random.bounded(qint64(7) * 86400000)
            : duration * (qint64(random.bounded(111)) - 10) / 100;
        m_builds.back().startMs = anchor - offset;
        remaining -= count;
    }
    m_index.finish();
}

quint64 ImageBuilderState::execSeed(int exec) const
{
    const seeded::Id128 &id = m_execs[size_t(exec)].id;
    return mix(id.hi, id.lo);
}

ImageBuilderState::Plan ImageBuilderState::planExecution(int exec, qint64 startMs) const
{
    const Execution &e = m_execs[size_t(exec)];
    const quint64 h = execSeed(exec);
    Plan p;
    p.startMs = startMs;
    p.last = e.fate == Fate::Complete ? stepsOf(type(exec)) - 1 : e.fateStep;
    qint64 t = startMs;
    for (int j = 0; j <= p.last; ++j) {
        t += pick(mix(h, 10 + j), 1000, 5000);
        p.runStart[j] = t;
        const StepDef &def = stepDef(e.type, j);
        qint64 duration = pick(mix(h, 20 + j), def.minSec * 1000, def.maxSec * 1000);
        if (j == p.last && e.fate != Fate::Complete)
            duration = duration * pick(mix(h, 2), 30, 90) / 100;
        t += duration;
        p.runEnd[j] = t;
    }
    // Distribution cannot be undone, and a failed first step leaves nothing to roll back.
    p.rollback = e.fate == Fate::Failed && e.type != IbType::Distribution && p.last > 0;
    for (int i = p.last - 1; p.rollback && i >= 0; --i) {
        t += pick(mix(h, 40 + i), 1000, 4000);
        p.rollbackStart[i] = t;
        t += pick(mix(h, 50 + i), 20000, 90000);
        p.rollbackEnd[i] = t;
    }
    p.endMs = t;
    return p;
}

std::vector<ImageBuilderState::Plan> ImageBuilderState::plan(int build, qint64 startMs) const
{
    const Build &b = m_builds[size_t(build)];
    std::vector<Plan> plans;
    qint64 t = startMs;
    int blockedBy = -1;
    for (int i = 0; i < b.execCount; ++i) {
        const int exec = b.firstExec + i;
        if (blockedBy >= 0) {
            Plan p;
            p.skipped = true;
            p.blockedBy = blockedBy;
            p.startMs = t;
            plans.push_back(p);
            continue;
        }
        if (i > 0)
            t += pick(mix(b.seed, 60 + i), 30000, 120000);
        plans.push_back(planExecution(exec, t));
        t = plans.back().endMs;
        const bool retriedNext = i + 1 < b.execCount && m_execs[size_t(exec + 1)].retried;
        if (m_execs[size_t(exec)].fate != Fate::Complete && !retriedNext)
            blockedBy = exec;
    }
    return plans;
}

ImageBuilderState::StepView ImageBuilderState::stepAt(
    const Execution &e, const Plan &p, int j, qint64 t) const
{
    StepView s;
    const bool ended = e.fate != Fate::Complete && t >= p.runEnd[p.last];
    if (j > p.last) {
        s.status = ended ? IbStepStatus::Skipped : IbStepStatus::Pending;
        return s;
    }
    if (t < p.runStart[j])
        return s;
    s.startMs = p.runStart[j];
    if (t < p.runEnd[j]) {
        s.status = IbStepStatus::Running;
        return s;
    }
    s.endMs = p.runEnd[j];
    if (j == p.last && e.fate != Fate::Complete) {
        s.status = e.fate == Fate::Failed ? IbStepStatus::Failed : IbStepStatus::Cancelled;
        return s;
    }
    s.status = IbStepStatus::Completed;
    if (p.rollback && j < p.last && t >= p.rollbackStart[j])
        s.rollback = t < p.rollbackEnd[j] ? IbRollback::Running : IbRollback::Completed;
    return s;
}

ImageBuilderState::ExecutionView ImageBuilderState::execution(
    int exec, qint64 nowMs, bool withSteps) const
{
    const Execution &e = m_execs[size_t(exec)];
    const Build &b = m_builds[size_t(e.build)];
    const Plan p = plan(e.build, b.startMs)[size_t(exec - b.firstExec)];
    ExecutionView v;
    v.totalSteps = stepsOf(type(exec));
    const bool waiting = nowMs < p.startMs;
    if (p.skipped || waiting) {
        v.blockedBy = p.blockedBy;
        v.status = waiting ? IbExecStatus::Pending : IbExecStatus::Skipped;
        StepView s;
        s.status = waiting ? IbStepStatus::Pending : IbStepStatus::Skipped;
        v.skipped = waiting ? 0 : v.totalSteps;
        if (withSteps)
            v.steps.assign(size_t(v.totalSteps), s);
        return v;
    }
    v.startMs = p.startMs;
    for (int j = 0; j < v.totalSteps; ++j) {
        const StepView s = stepAt(e, p, j, nowMs);
        v.succeeded += s.status == IbStepStatus::Completed ? 1 : 0;
        v.failed += s.status == IbStepStatus::Failed ? 1 : 0;
        v.skipped += s.status == IbStepStatus::Skipped ? 1 : 0;
        if (s.status == IbStepStatus::Running || s.status == IbStepStatus::Failed
            || s.status == IbStepStatus::Cancelled)
            v.currentStep = j;
        if (withSteps)
            v.steps.push_back(s);
    }
    const qint64 fateAt = p.runEnd[p.last];
    auto finish = [&v](IbExecStatus status, qint64 at) {
        v.status = status;
        v.endMs = at;
    };
    if (nowMs < (e.fate == Fate::Complete ? p.endMs : fateAt))
        v.status = IbExecStatus::Running;
    else if (e.fate == Fate::Complete)
        finish(IbExecStatus::Completed, p.endMs);
    else if (e.fate == Fate::Cancelled)
        finish(IbExecStatus::Cancelled, fateAt);
    else if (!p.rollback)
        finish(IbExecStatus::Failed, fateAt);
    else if (nowMs < p.endMs)
        v.status = IbExecStatus::RollbackInProgress;
    else
        finish(IbExecStatus::RollbackCompleted, p.endMs);
    return v;
}

QString ImageBuilderState::imageBuildVersionArn(int build) const
{
    const Build &b = m_builds[size_t(build)];
    const Recipe &r = recipes[b.recipe];
    return arnPrefix
        + u"123456789012:image/%1/%2.%3.0/%4"_s.arg(QString::fromUtf16(r.name))
              .arg(r.major)
              .arg(b.minor)
              .arg(b.number);
}

std::optional<int> ImageBuilderState::findBuild(const QString &arn) const
{
    const QStringList parts = arn.split(u'/');
    const QStringList version = parts.value(2).split(u'.');
    if (parts.size() != 4 || version.size() != 3)
        return std::nullopt;
    for (size_t r = 0; r < recipes.size(); ++r) {
        if (parts[1] != QStringView(recipes[r].name))
            continue;
        const auto it =
            m_buildKeys.constFind(buildKey(int(r), version[1].toInt(), parts[3].toInt()));
        // Numbers parse leniently ("07"); only the exact spelling names the build.
        if (it != m_buildKeys.constEnd() && imageBuildVersionArn(*it) == arn)
            return *it;
    }
    return std::nullopt;
}

std::optional<int> ImageBuilderState::findExecution(const QString &workflowExecutionId) const
{
    if (!workflowExecutionId.startsWith(u"wf-"))
        return std::nullopt;
    const auto id = seeded::parseHex(QStringView(workflowExecutionId).mid(3));
    const auto exec = id ? m_index.find(*id) : std::nullopt;
    if (!exec || executionId(*exec) != workflowExecutionId)
        return std::nullopt;
    return exec;
}

QString ImageBuilderState::executionId(int exec) const
{
    return u"wf-"_s + seeded::uuid(m_execs[size_t(exec)].id);
}

QString ImageBuilderState::workflowBuildVersionArn(int exec) const
{
    static const std::array arns = {u"aws:workflow/build/build-image/1.0.2/1"_s,
        u"aws:workflow/test/test-image/1.0.0/1"_s,
        u"aws:workflow/distribution/distribute-image/1.0.0/1"_s};
    return arnPrefix + arns[size_t(type(exec))];
}

std::optional<QString> ImageBuilderState::parallelGroup(int exec) const
{
    if (type(exec) != IbType::Test)
        return std::nullopt;
    const Build &b = m_builds[size_t(buildOf(exec))];
    return QString::fromUtf16(testGroups[b.seed % testGroups.size()]);
}

QString ImageBuilderState::stepExecutionId(int exec, int step) const
{
    return u"step-"_s + seeded::uuid(seeded::derivedId(mix(execSeed(exec), 500 + step)));
}

QString ImageBuilderState::stepName(int exec, int step) const
{
    return QString::fromUtf16(stepDef(type(exec), step).name);
}

QString ImageBuilderState::stepAction(int exec, int step) const
{
    return QString::fromUtf16(actionNames[size_t(stepDef(type(exec), step).action)]);
}

QString ImageBuilderState::stepDescription(int exec, int step) const
{
    return QString::fromUtf16(stepDef(type(exec), step).description);
}

QString ImageBuilderState::stepFailure(int exec, int step) const
{
    return QString::fromUtf16(stepDef(type(exec), step).failure);
}

QString ImageBuilderState::instanceId(int exec) const
{
    return resourceId(u"i-", mix(execSeed(exec), 100));
}

QString ImageBuilderState::outputImage(int build) const
{
    return resourceId(u"ami-", mix(m_builds[size_t(build)].seed, 200));
}

QString ImageBuilderState::stepInputs(int exec, int step) const
{
    const Build &b = m_builds[size_t(buildOf(exec))];
    const Recipe &r = recipes[b.recipe];
    const QString image = outputImage(buildOf(exec));
    switch (Action(stepDef(type(exec), step).action)) {
    case LaunchInstance:
        return compact(
            {{u"imageId"_s,
                 type(exec) == IbType::Build ? resourceId(u"ami-", b.recipe + 77) : image},
                {u"instanceType"_s, QString::fromUtf16(r.instanceType)},
                {u"subnetId"_s, resourceId(u"subnet-", b.seed)}});
    case CreateImage:
        return compact({{u"instanceId"_s, instanceId(exec)},
            {u"name"_s, imageBuildVersionArn(buildOf(exec)).section(u'/', 1).replace(u'/', u'-')}});
    case CollectImageScanFindings:
    case ModifyImageAttributes:
        return compact({{u"imageId"_s, image}});
    case DistributeImage:
        return compact({{u"imageId"_s, image},
            {u"regions"_s, QJsonArray {u"us-west-2"_s, u"eu-central-1"_s}}});
    case ApplyImageConfigurations:
        return compact(
            {{u"imageId"_s, image}, {u"launchTemplateId"_s, resourceId(u"lt-", mix(b.seed, 300))}});
    default:
        return compact({{u"instanceId"_s, instanceId(exec)}});
    }
}

QString ImageBuilderState::stepOutputs(int exec, int step, const StepView &v) const
{
    if (v.status != IbStepStatus::Completed)
        return u"{}"_s;
    const quint64 h = mix(execSeed(exec), 600 + step);
    switch (Action(stepDef(type(exec), step).action)) {
    case LaunchInstance:
        return compact({{u"instanceId"_s, instanceId(exec)}});
    case ExecuteComponents:
        return compact({{u"runCommandId"_s, seeded::uuid(seeded::derivedId(h))}});
    case CollectImageMetadata:
        return compact({{u"packages"_s, int(pick(h, 300, 900))}});
    case CreateImage:
        return compact({{u"imageId"_s, outputImage(buildOf(exec))}});
    case CollectImageScanFindings:
        return compact({{u"findings"_s, int(pick(h, 0, 12))}});
    case DistributeImage:
        return compact({{u"amis"_s,
            QJsonObject {{u"us-west-2"_s, resourceId(u"ami-", h)},
                {u"eu-central-1"_s, resourceId(u"ami-", h + 1)}}}});
    case ApplyImageConfigurations:
        return compact({{u"launchTemplateVersion"_s, QString::number(pick(h, 2, 40))}});
    default:
        return u"{}"_s;
    }
}

} // namespace sw::sim
