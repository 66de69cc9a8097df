// The requests of WatchPoller's jobs, one service at a time: discovery through the List
// calls and the detail poll of one workflow, each request drawn from the shared budget and
// pages followed one request at a time. Scheduling and health are in watchpoller.cpp.
#include "watchpoller.h"

#include "awsgateway.h"
#include "snapshotbuilder.h"

#include "aws/paginator.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

bool isNotFound(const aws::AwsError &error)
{
    return error.kind == aws::ErrorKind::Service
        && (error.serviceCode == aws::ServiceErrorCode::ResourceNotFoundException
            || error.httpStatus == 404);
}

} // namespace

template<class Op>
struct WatchPoller::Paged {
    typename Op::Response last; ///< for the members that are the same on every page
    aws::AwsError error;
    int pages = 0;
};

template<class Op>
void WatchPoller::call(
    const typename Op::Request &request, std::function<void(const aws::Outcome<Op> &)> done)
{
    acquireAndSend([this, request, done = std::move(done)] {
        m_gateway->countRequest();
        m_gateway->client()->call<Op>(
            *m_config, request, this, [this, done](const aws::Outcome<Op> &outcome) {
                noteReply(outcome.ok(), outcome.throttledAttempts, outcome.attempts);
                done(outcome);
            });
    });
}

template<class Op, class Item>
void WatchPoller::fetchAll(typename Op::Request request, QList<Item> Op::Response::*items,
    int maxPages, std::function<void(const Paged<Op> &)> done)
{
    auto paged = std::make_shared<Paged<Op>>();
    auto accumulated = std::make_shared<QList<Item>>();
    // The same checks as the CLI's paging: a token within the model's length, never one seen
    // before; only hashes are kept.
    auto tokens =
        std::make_shared<aws::PageTokenCheck>(aws::PageTokenCheck::forOperation(Op::spec()));
    auto next = std::make_shared<std::function<void(typename Op::Request)>>();
    *next = [this, paged, accumulated, tokens, next, items, maxPages, done](
                typename Op::Request page) {
        call<Op>(page, [=](const aws::Outcome<Op> &outcome) {
            auto finish = [&] {
                paged->last.*items = *accumulated;
                *next = nullptr; // breaks the self-reference
                done(*paged);
            };
            if (!outcome.ok()) {
                paged->error = outcome.error;
                finish();
                return;
            }
            ++paged->pages;
            *accumulated += outcome.response.*items;
            paged->last = outcome.response;
            const QString token = outcome.response.nextToken;
            if (token.isEmpty() || paged->pages >= maxPages)
                return finish();
            switch (tokens->take(token)) {
            case aws::PageTokenCheck::Verdict::Fine:
                break;
            case aws::PageTokenCheck::Verdict::TooLong:
                paged->error.kind = aws::ErrorKind::Malformed;
                paged->error.message =
                    tr("%1 returned a page token of %2 characters, more than the service "
                       "accepts; the response is malformed.")
                        .arg(Op::spec().name)
                        .arg(token.size());
                return finish();
            case aws::PageTokenCheck::Verdict::Repeated:
                paged->error.kind = aws::ErrorKind::Pagination;
                paged->error.message =
                    tr("%1 returned a page token it had returned before; the listing was "
                       "stopped to avoid a loop.")
                        .arg(Op::spec().name);
                return finish();
            }
            typename Op::Request following = page;
            following.nextToken = token;
            (*next)(following);
        });
    };
    (*next)(std::move(request));
}

void WatchPoller::runDiscovery()
{
    const int maxPages = m_policy.maxPages;
    switch (m_watch.service) {
    case Service::MigrationHubOrchestrator: {
        using Op = aws::mho::ListWorkflows;
        Op::Request request;
        request.maxResults = 100;
        fetchAll<Op>(request, &Op::Response::migrationWorkflowSummary, maxPages,
            [this](const Paged<Op> &paged) {
                if (paged.error.isError())
                    return jobFailed(paged.error, Op::spec().name);
                const auto &list = paged.last.migrationWorkflowSummary;
                QStringList ids;
                for (const auto &s : list)
                    ids.append(s.id);
                mergeDiscovered(ids, [&list](WorkflowSnapshot &w, qsizetype i) {
                    snapshots::applySummary(w, list.at(i));
                });
            });
        break;
    }
    case Service::CustomerProfiles: {
        using Op = aws::profiles::ListWorkflows;
        Op::Request request;
        request.domainName = m_watch.domainName;
        request.maxResults = 100;
        fetchAll<Op>(request, &Op::Response::items, maxPages, [this](const Paged<Op> &paged) {
            if (paged.error.isError())
                return jobFailed(paged.error, Op::spec().name);
            const auto &list = paged.last.items;
            QStringList ids;
            for (const auto &s : list)
                ids.append(s.workflowId);
            mergeDiscovered(ids, [&list](WorkflowSnapshot &w, qsizetype i) {
                snapshots::applySummary(w, list.at(i));
            });
        });
        break;
    }
    case Service::ImageBuilder: {
        using Op = aws::imagebuilder::ListWorkflowExecutions;
        Op::Request request;
        request.imageBuildVersionArn = m_watch.imageBuildVersionArn;
        request.maxResults = 25;
        fetchAll<Op>(
            request, &Op::Response::workflowExecutions, maxPages, [this](const Paged<Op> &paged) {
                if (paged.error.isError())
                    return jobFailed(paged.error, Op::spec().name);
                const auto &list = paged.last.workflowExecutions;
                QStringList ids;
                for (const auto &e : list)
                    ids.append(e.workflowExecutionId);
                const QString arn = m_watch.imageBuildVersionArn;
                mergeDiscovered(ids, [&list, arn](WorkflowSnapshot &w, qsizetype i) {
                    snapshots::applyExecution(w, list.at(i), arn);
                });
            });
        break;
    }
    case Service::CodeCatalyst: {
        using Op = aws::codecatalyst::ListWorkflows;
        Op::Request request;
        request.spaceName = m_watch.spaceName;
        request.projectName = m_watch.projectName;
        request.maxResults = 100;
        fetchAll<Op>(request, &Op::Response::items, maxPages, [this](const Paged<Op> &paged) {
            if (paged.error.isError())
                return jobFailed(paged.error, Op::spec().name);
            QList<aws::codecatalyst::WorkflowSummary> list;
            QStringList ids;
            for (const auto &s : paged.last.items) {
                // Chosen ids narrow the listing; CodeCatalyst has no call for one workflow.
                if (m_watch.ids.isEmpty() || m_watch.ids.contains(s.id)) {
                    list.append(s);
                    ids.append(s.id);
                }
            }
            m_missingIds.clear();
            for (const QString &wanted : std::as_const(m_watch.ids)) {
                if (!ids.contains(wanted))
                    m_missingIds.append(wanted);
            }
            mergeDiscovered(ids, [&list](WorkflowSnapshot &w, qsizetype i) {
                snapshots::applyWorkflow(w, list.at(i));
            });
        });
        break;
    }
    }
}

void WatchPoller::runDetail(const QString &workflowId)
{
    switch (m_watch.service) {
    case Service::MigrationHubOrchestrator:
        return detailMho(workflowId);
    case Service::CustomerProfiles:
        return detailProfiles(workflowId);
    case Service::ImageBuilder:
        return detailImageBuilder(workflowId);
    case Service::CodeCatalyst:
        return detailCodeCatalyst(workflowId);
    }
}

void WatchPoller::detailMho(const QString &id)
{
    using namespace aws::mho;
    call<GetWorkflow>({id}, [this, id](const aws::Outcome<GetWorkflow> &got) {
        if (isNotFound(got.error))
            return workflowNotFound(id);
        if (!got.ok())
            return jobFailed(got.error, GetWorkflow::spec().name);
        const Tracked &known = m_tracked[id];
        WorkflowSnapshot snapshot = known.snapshot;
        snapshots::applyWorkflow(snapshot, got.response);
        snapshot.scope = m_config->region;
        // A finished workflow whose own fields did not move has the same steps as before —
        // unless the operator is waiting to see them (an action's confirmation reads them).
        if (m_policy.adaptive && !m_jobUrgent && snapshot.stepsLoaded && isTerminal(snapshot.status)
            && snapshot.sameSummary(known.snapshot))
            return finishDetail(id, snapshot);

        ListWorkflowStepGroups::Request groupsRequest;
        groupsRequest.workflowId = id;
        groupsRequest.maxResults = 100;
        fetchAll<ListWorkflowStepGroups>(groupsRequest,
            &ListWorkflowStepGroups::Response::workflowStepGroupsSummary, m_policy.maxPages,
            [this, id, snapshot](const Paged<ListWorkflowStepGroups> &groups) {
                if (isNotFound(groups.error))
                    return workflowNotFound(id);
                if (groups.error.isError())
                    return jobFailed(groups.error, ListWorkflowStepGroups::spec().name);
                const auto groupList = groups.last.workflowStepGroupsSummary;
                auto steps = std::make_shared<QList<QList<StepSummary>>>();
                // One group after the other. The chain holds itself only weakly; the
                // callback waiting for the network holds it strongly.
                auto nextGroup = std::make_shared<std::function<void()>>();
                std::weak_ptr<std::function<void()>> weakNext = nextGroup;
                *nextGroup = [this, id, snapshot, groupList, steps, weakNext]() {
                    if (steps->size() == groupList.size()) {
                        WorkflowSnapshot loaded = snapshot;
                        loaded.stepsLoaded = true;
                        loaded.setSteps(snapshots::mhoSteps(groupList, *steps));
                        snapshots::countStepOutcomes(loaded);
                        return finishDetail(id, loaded);
                    }
                    ListWorkflowSteps::Request stepsRequest;
                    stepsRequest.workflowId = id;
                    stepsRequest.stepGroupId = groupList.at(steps->size()).id;
                    stepsRequest.maxResults = 100;
                    fetchAll<ListWorkflowSteps>(stepsRequest,
                        &ListWorkflowSteps::Response::workflowStepsSummary, m_policy.maxPages,
                        [this, steps, next = weakNext.lock()](
                            const Paged<ListWorkflowSteps> &page) {
                            if (page.error.isError())
                                return jobFailed(page.error, ListWorkflowSteps::spec().name);
                            steps->append(page.last.workflowStepsSummary);
                            (*next)();
                        });
                };
                (*nextGroup)();
            });
    });
}

void WatchPoller::detailProfiles(const QString &id)
{
    using namespace aws::profiles;
    GetWorkflow::Request request;
    request.domainName = m_watch.domainName;
    request.workflowId = id;
    call<GetWorkflow>(request, [this, id](const aws::Outcome<GetWorkflow> &got) {
        if (isNotFound(got.error))
            return workflowNotFound(id);
        if (!got.ok())
            return jobFailed(got.error, GetWorkflow::spec().name);
        WorkflowSnapshot snapshot = m_tracked[id].snapshot;
        snapshots::applyWorkflow(snapshot, got.response);
        if (m_policy.adaptive && snapshot.stepsLoaded && isTerminal(snapshot.status)
            && snapshot.sameSummary(m_tracked[id].snapshot))
            return finishDetail(id, snapshot);
        // A finished workflow nobody looks at: its name and counts are enough until then.
        if (m_policy.adaptive && !snapshot.stepsLoaded && isTerminal(snapshot.status)
            && snapshot.status != UnifiedStatus::Failed && id != m_focus)
            return finishDetail(id, snapshot);
        GetWorkflowSteps::Request stepsRequest;
        stepsRequest.domainName = m_watch.domainName;
        stepsRequest.workflowId = id;
        stepsRequest.maxResults = 100;
        fetchAll<GetWorkflowSteps>(stepsRequest, &GetWorkflowSteps::Response::items,
            m_policy.maxPages, [this, id, snapshot](const Paged<GetWorkflowSteps> &steps) mutable {
                if (isNotFound(steps.error))
                    return workflowNotFound(id);
                if (steps.error.isError())
                    return jobFailed(steps.error, GetWorkflowSteps::spec().name);
                snapshot.stepsLoaded = true;
                snapshot.setSteps(snapshots::profilesSteps(steps.last.items));
                finishDetail(id, snapshot);
            });
    });
}

void WatchPoller::detailImageBuilder(const QString &id)
{
    using namespace aws::imagebuilder;
    ListWorkflowStepExecutions::Request request;
    request.workflowExecutionId = id;
    request.maxResults = 25;
    fetchAll<ListWorkflowStepExecutions>(request, &ListWorkflowStepExecutions::Response::steps,
        m_policy.maxPages, [this, id](const Paged<ListWorkflowStepExecutions> &steps) {
            if (isNotFound(steps.error))
                return workflowNotFound(id);
            if (steps.error.isError())
                return jobFailed(steps.error, ListWorkflowStepExecutions::spec().name);
            WorkflowSnapshot snapshot = m_tracked[id].snapshot;
            snapshot.stepsLoaded = true;
            snapshot.setSteps(snapshots::imageBuilderSteps(steps.last.steps));
            // The execution's own status comes from the listing of its image build (the
            // service has no call for one execution that Stepwatch uses).
            const QString arn = !steps.last.imageBuildVersionArn.isEmpty()
                ? steps.last.imageBuildVersionArn
                : m_watch.imageBuildVersionArn;
            if (arn.isEmpty())
                return finishDetail(id, snapshot);
            ListWorkflowExecutions::Request list;
            list.imageBuildVersionArn = arn;
            list.maxResults = 25;
            fetchAll<ListWorkflowExecutions>(list,
                &ListWorkflowExecutions::Response::workflowExecutions, m_policy.maxPages,
                [this, id, arn, snapshot](const Paged<ListWorkflowExecutions> &executions) mutable {
                    if (executions.error.isError())
                        return jobFailed(executions.error, ListWorkflowExecutions::spec().name);
                    for (const WorkflowExecution &e : executions.last.workflowExecutions) {
                        if (e.workflowExecutionId == id)
                            snapshots::applyExecution(snapshot, e, arn);
                    }
                    finishDetail(id, snapshot);
                });
        });
}

void WatchPoller::detailCodeCatalyst(const QString &id)
{
    using namespace aws::codecatalyst;
    ListWorkflowRuns::Request request;
    request.spaceName = m_watch.spaceName;
    request.projectName = m_watch.projectName;
    request.workflowId = id;
    request.maxResults = 50;
    // The latest runs are what an operator acts on; older pages are history.
    fetchAll<ListWorkflowRuns>(request, &ListWorkflowRuns::Response::items, 1,
        [this, id](const Paged<ListWorkflowRuns> &runs) {
            if (isNotFound(runs.error))
                return workflowNotFound(id);
            if (runs.error.isError())
                return jobFailed(runs.error, ListWorkflowRuns::spec().name);
            WorkflowSnapshot snapshot = m_tracked[id].snapshot;
            snapshots::applyRuns(snapshot, runs.last.items);
            finishDetail(id, snapshot);
        });
}

} // namespace sw
