#include "imagebuildersim.h"

#include "simclock.h"
#include "simvalidation.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace sw::sim {

namespace {

// The model's patterns, verbatim.
const QString arnPattern = u"^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):"
                           "image/[a-z0-9-_]+/[0-9]+\\.[0-9]+\\.[0-9]+/[0-9]+$"_s;
const QString executionIdPattern = u"^wf-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                                   "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s;
const QString invalidRequest = u"InvalidRequestException"_s;

void insertTime(
    QJsonObject &object, const QString &key, const std::optional<qint64> &ms, const SimClock &clock)
{
    // DateTime is a plain string in this model; absent until the moment has happened.
    if (ms)
        object.insert(key, seeded::isoMs(clock.reported(*ms)));
}

QString executionMessage(
    const ImageBuilderState &state, int exec, const ImageBuilderState::ExecutionView &v)
{
    const int at = v.currentStep;
    const QString step = at >= 0 ? state.stepName(exec, at) : QString();
    const QString failure = at >= 0 ? state.stepFailure(exec, at) : QString();
    switch (v.status) {
    case IbExecStatus::Pending:
        return exec == state.firstExecution(state.buildOf(exec))
            ? u"Queued"_s
            : u"Waiting for the %1 workflow to finish"_s.arg(ibTypeName(state.type(exec - 1)));
    case IbExecStatus::Skipped:
        return u"Skipped because the %1 workflow did not complete"_s.arg(
            ibTypeName(state.type(v.blockedBy)));
    case IbExecStatus::Running:
        return step.isEmpty() ? u"Running"_s : u"Running step %1"_s.arg(step);
    case IbExecStatus::Completed:
        return u"Workflow completed successfully"_s;
    case IbExecStatus::Failed:
        return u"Step %1 failed: %2"_s.arg(step, failure);
    case IbExecStatus::RollbackInProgress:
        return u"Step %1 failed; rolling back the completed steps"_s.arg(step);
    case IbExecStatus::RollbackCompleted:
        return u"Step %1 failed: %2. The completed steps were rolled back"_s.arg(step, failure);
    case IbExecStatus::Cancelled:
        return u"Cancelled by a user during step %1"_s.arg(step);
    }
    return {};
}

QString stepMessage(
    const ImageBuilderState &state, int exec, int step, const ImageBuilderState::StepView &v)
{
    switch (v.status) {
    case IbStepStatus::Pending:
        return step == 0 ? u"Waiting to start"_s
                         : u"Waiting for step %1"_s.arg(state.stepName(exec, step - 1));
    case IbStepStatus::Skipped:
        return u"Skipped because the workflow did not complete"_s;
    case IbStepStatus::Running:
        return state.stepDescription(exec, step);
    case IbStepStatus::Completed:
        return v.rollback == IbRollback::None   ? u"Step completed"_s
            : v.rollback == IbRollback::Running ? u"Step completed; rolling back"_s
                                                : u"Step completed; rolled back"_s;
    case IbStepStatus::Failed:
        return state.stepFailure(exec, step);
    case IbStepStatus::Cancelled:
        return u"Cancelled by a user"_s;
    }
    return {};
}

// The list's "message": where the image build as a whole is.
QString buildMessage(const ImageBuilderState &state, int build, qint64 nowMs)
{
    IbExecStatus last = IbExecStatus::Pending;
    for (int i = 0; i < state.executionCount(build); ++i) {
        const IbExecStatus s =
            state.execution(state.firstExecution(build) + i, nowMs, false).status;
        if (s == IbExecStatus::Running || s == IbExecStatus::RollbackInProgress
            || s == IbExecStatus::Pending)
            return u"Image build in progress"_s;
        last = s;
    }
    return last == IbExecStatus::Completed ? u"Image build completed; the image is available"_s
                                           : u"Image build did not complete"_s;
}

} // namespace

ImageBuilderSim::ImageBuilderSim(const SimOptions &options, SimClock &clock)
    : m_clock(clock), m_seed(options.seed),
      m_state(options.seed, options.workflowsPerService, clock.nowMs()),
      m_tokens(options.seed ^ 0x49420002u)
{
}

QString ImageBuilderSim::route(const SimRequest &request) const
{
    if (request.method != "POST" || request.segments.size() != 1)
        return {};
    const QString &op = request.segments.first();
    return op == u"ListWorkflowExecutions" || op == u"ListWorkflowStepExecutions" ? op : QString();
}

SimResponse ImageBuilderSim::handle(const QString &operation, const SimRequest &request)
{
    if (operation == u"ListWorkflowExecutions")
        return listWorkflowExecutions(request);
    if (operation == u"ListWorkflowStepExecutions")
        return listWorkflowStepExecutions(request);
    return SimResponse::error(404, u"UnknownOperationException"_s, operation);
}

QJsonObject ImageBuilderSim::inventory() const
{
    QJsonArray arns;
    for (int b = 0; b < m_state.buildCount(); ++b)
        arns.append(m_state.imageBuildVersionArn(b));
    return {{u"imageBuildVersionArns"_s, arns}};
}

QString ImageBuilderSim::nextRequestId()
{
    // Seeded like everything else, so that the same requests get the same bodies.
    return seeded::uuid(seeded::derivedId(seeded::mix(m_seed ^ 0x49420003u, ++m_requests)));
}

std::variant<ImageBuilderSim::ListInput, SimResponse> ImageBuilderSim::parse(
    const SimRequest &request, const QString &idMember, const QString &idPattern) const
{
    const auto body = parseJsonBody(request.body);
    if (!body)
        return SimResponse::error(
            400, invalidRequest, u"The request body is not a valid JSON object."_s);
    ListInput input;
    InputCheck check;
    const QJsonValue id = body->value(idMember);
    check.required(idMember, !id.isUndefined() && !id.isNull())
        .jsonType(idMember, *body, QJsonValue::String);
    input.id = id.toString();
    check.pattern(idMember, input.id, idPattern, id.isString());

    const QString maxMember = u"maxResults"_s;
    check.jsonType(maxMember, *body, QJsonValue::Double);
    if (body->value(maxMember).isDouble()) {
        const double max = std::clamp(body->value(maxMember).toDouble(), -1e15, 1e15);
        if (max != std::floor(max))
            check.integer(maxMember, QString::number(max), true);
        else
            check.range(maxMember, qint64(max), 1, 25);
        input.maxResults = qint64(max);
    }
    const QString tokenMember = u"nextToken"_s;
    check.jsonType(tokenMember, *body, QJsonValue::String);
    if (body->value(tokenMember).isString()) {
        input.nextToken = body->value(tokenMember).toString();
        check.length(tokenMember, *input.nextToken, 1, 65535);
    }
    if (!check.ok())
        return SimResponse::error(400, invalidRequest, check.message());
    return input;
}

std::optional<qint64> ImageBuilderSim::startOf(const QString &scope, const ListInput &input) const
{
    if (!input.nextToken)
        return 0;
    return m_tokens.redeem(scope, *input.nextToken);
}

SimResponse ImageBuilderSim::listWorkflowExecutions(const SimRequest &request)
{
    auto parsed = parse(request, u"imageBuildVersionArn"_s, arnPattern);
    if (auto *failed = std::get_if<SimResponse>(&parsed))
        return *failed;
    const ListInput &input = std::get<ListInput>(parsed);
    const auto build = m_state.findBuild(input.id);
    if (!build)
        return SimResponse::error(404, u"ResourceNotFoundException"_s,
            u"The image build version %1 does not exist."_s.arg(input.id));
    const QString scope = u"ListWorkflowExecutions/"_s + input.id;
    const auto start = startOf(scope, input);
    if (!start)
        return SimResponse::error(400, u"InvalidPaginationTokenException"_s,
            u"The nextToken is not valid for this request."_s);

    const qint64 now = m_clock.nowMs();
    const int first = m_state.firstExecution(*build);
    const auto page =
        m_tokens.page(scope, m_state.executionCount(*build), *start, input.maxResults);
    QJsonArray items;
    for (qint64 i = page.first; i < page.first + page.count; ++i) {
        const int exec = first + int(i);
        const ImageBuilderState::ExecutionView v = m_state.execution(exec, now, false);
        QJsonObject item {{u"workflowBuildVersionArn"_s, m_state.workflowBuildVersionArn(exec)},
            {u"workflowExecutionId"_s, m_state.executionId(exec)},
            {u"type"_s, ibTypeName(m_state.type(exec))}, {u"status"_s, ibExecStatusName(v.status)},
            {u"message"_s, executionMessage(m_state, exec, v)}, {u"totalStepCount"_s, v.totalSteps},
            {u"totalStepsSucceeded"_s, v.succeeded}, {u"totalStepsFailed"_s, v.failed},
            {u"totalStepsSkipped"_s, v.skipped}, {u"retried"_s, m_state.retried(exec)}};
        insertTime(item, u"startTime"_s, v.startMs, m_clock);
        insertTime(item, u"endTime"_s, v.endMs, m_clock);
        if (const auto group = m_state.parallelGroup(exec))
            item.insert(u"parallelGroup"_s, *group);
        items.append(item);
    }
    QJsonObject body {{u"requestId"_s, nextRequestId()}, {u"imageBuildVersionArn"_s, input.id},
        {u"message"_s, buildMessage(m_state, *build, now)}, {u"workflowExecutions"_s, items}};
    if (!page.nextToken.isEmpty())
        body.insert(u"nextToken"_s, page.nextToken);
    return SimResponse::json(body);
}

SimResponse ImageBuilderSim::listWorkflowStepExecutions(const SimRequest &request)
{
    auto parsed = parse(request, u"workflowExecutionId"_s, executionIdPattern);
    if (auto *failed = std::get_if<SimResponse>(&parsed))
        return *failed;
    const ListInput &input = std::get<ListInput>(parsed);
    const auto exec = m_state.findExecution(input.id);
    if (!exec)
        return SimResponse::error(404, u"ResourceNotFoundException"_s,
            u"The workflow execution %1 does not exist."_s.arg(input.id));
    const QString scope = u"ListWorkflowStepExecutions/"_s + input.id;
    const auto start = startOf(scope, input);
    if (!start)
        return SimResponse::error(400, u"InvalidPaginationTokenException"_s,
            u"The nextToken is not valid for this request."_s);

    const ImageBuilderState::ExecutionView v = m_state.execution(*exec, m_clock.nowMs(), true);
    const auto page = m_tokens.page(scope, qint64(v.steps.size()), *start, input.maxResults);
    QJsonArray steps;
    for (qint64 i = page.first; i < page.first + page.count; ++i) {
        const int j = int(i);
        const ImageBuilderState::StepView &s = v.steps[size_t(j)];
        QJsonObject step {{u"stepExecutionId"_s, m_state.stepExecutionId(*exec, j)},
            {u"name"_s, m_state.stepName(*exec, j)},
            {u"description"_s, m_state.stepDescription(*exec, j)},
            {u"action"_s, m_state.stepAction(*exec, j)}, {u"status"_s, ibStepStatusName(s.status)},
            {u"message"_s, stepMessage(m_state, *exec, j, s)},
            {u"inputs"_s, m_state.stepInputs(*exec, j)},
            {u"outputs"_s, m_state.stepOutputs(*exec, j, s)}};
        if (s.rollback != IbRollback::None)
            step.insert(u"rollbackStatus"_s, ibRollbackName(s.rollback));
        insertTime(step, u"startTime"_s, s.startMs, m_clock);
        insertTime(step, u"endTime"_s, s.endMs, m_clock);
        steps.append(step);
    }
    QJsonObject body {{u"requestId"_s, nextRequestId()},
        {u"workflowBuildVersionArn"_s, m_state.workflowBuildVersionArn(*exec)},
        {u"workflowExecutionId"_s, input.id},
        {u"imageBuildVersionArn"_s, m_state.imageBuildVersionArn(m_state.buildOf(*exec))},
        {u"message"_s, executionMessage(m_state, *exec, v)}, {u"steps"_s, steps}};
    if (!page.nextToken.isEmpty())
        body.insert(u"nextToken"_s, page.nextToken);
    return SimResponse::json(body);
}

ServiceSimulator::GenericErrorCodes ImageBuilderSim::genericErrorCodes() const
{
    return {u"CallRateLimitExceededException"_s, u"ServiceException"_s,
        u"ServiceUnavailableException"_s, u"ForbiddenException"_s};
}

} // namespace sw::sim
