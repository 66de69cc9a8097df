#pragma once

// Helpers for the Migration Hub Orchestrator simulator tests: requests through
// Simulator::handle, listings followed to their end, a workflow's tree of groups and steps,
// and what must hold between them.

#include "simtestsupport.h"

#include "sim/simulator.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QUrl>

namespace sw::test::mho {

using namespace Qt::StringLiterals;
using sw::sim::SimResponse;
using sw::sim::Simulator;

inline const QString signingName = u"migrationhub-orchestrator"_s;
inline constexpr double frozen = 1e-9; // simulated time then moves only when a test advances it
inline constexpr qint64 minute = 60 * 1000;

inline QString str(const QJsonValue &v, const char *key)
{
    return v[QLatin1StringView(key)].toString();
}

inline int num(const QJsonValue &v, const char *key)
{
    return v[QLatin1StringView(key)].toInt();
}

inline double secs(const QJsonValue &v, const char *key)
{
    return v[QLatin1StringView(key)].toDouble();
}

inline QByteArray enc(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

struct Reply {
    int status = 0;
    QByteArray errorType;
    QJsonObject json;
    QByteArray body;
};

/// request: "GET /path?query" (percent-encoded).
inline Reply send(Simulator &sim, const QByteArray &request)
{
    const qsizetype space = request.indexOf(' ');
    const SimResponse r =
        sim.handle(simRequest(request.left(space), request.mid(space + 1), signingName));
    return {r.status, sw::test::errorTypeOf(r), sw::test::jsonOf(r), r.body};
}

inline QByteArray workflowPath(const QString &workflowId)
{
    return "GET /migrationworkflow/" + enc(workflowId);
}

inline QByteArray groupsPath(const QString &workflowId)
{
    return "GET /workflowstepgroups?workflowId=" + enc(workflowId);
}

inline QByteArray stepsPath(const QString &workflowId, const QString &groupId)
{
    return "GET /workflow/" + enc(workflowId) + "/workflowstepgroups/" + enc(groupId)
        + "/workflowsteps";
}

inline QByteArray withQuery(const QByteArray &request, const QByteArray &query)
{
    return request + (request.contains('?') ? "&" : "?") + query;
}

struct Walk {
    QJsonArray items;
    int pages = 0;
    QString error;
};

// Follows nextToken to the end; every page must be a 200 holding at most maxResults items.
inline Walk walk(Simulator &sim, const QByteArray &request, const QString &key, int maxResults = -1)
{
    Walk w;
    QString token;
    const QByteArray first = maxResults < 0
        ? request
        : withQuery(request, "maxResults=" + QByteArray::number(maxResults));
    do {
        const Reply r =
            send(sim, token.isEmpty() ? first : withQuery(first, "nextToken=" + enc(token)));
        if (r.status != 200 || !r.json.value(key).isArray() || ++w.pages > 100000) {
            w.error = u"page %1: %2 %3"_s.arg(w.pages).arg(r.status).arg(QString::fromUtf8(r.body));
            return w;
        }
        const QJsonArray items = r.json.value(key).toArray();
        if (maxResults > 0 && items.size() > maxResults)
            w.error = u"page %1 has %2 items"_s.arg(w.pages).arg(items.size());
        for (const QJsonValue &v : items)
            w.items.append(v);
        token = str(r.json, "nextToken");
    } while (!token.isEmpty());
    return w;
}

inline QJsonArray listWorkflows(Simulator &sim)
{
    return walk(sim, "GET /migrationworkflows", u"migrationWorkflowSummary"_s).items;
}

inline QJsonArray listSteps(Simulator &sim, const QString &workflowId, const QString &groupId)
{
    return walk(sim, stepsPath(workflowId, groupId), u"workflowStepsSummary"_s).items;
}

struct Tree {
    QJsonObject workflow; // GetWorkflow
    QJsonArray groups;
    QList<QJsonArray> steps; // per group
};

inline Tree tree(Simulator &sim, const QString &workflowId)
{
    Tree t;
    t.workflow = send(sim, workflowPath(workflowId)).json;
    t.groups = walk(sim, groupsPath(workflowId), u"workflowStepGroupsSummary"_s).items;
    for (const QJsonValue &g : std::as_const(t.groups))
        t.steps.append(listSteps(sim, workflowId, str(g, "id")));
    return t;
}

inline QList<Tree> trees(Simulator &sim)
{
    QList<Tree> out;
    for (const QJsonValue &w : listWorkflows(sim))
        out.append(tree(sim, str(w, "id")));
    return out;
}

// What must hold between a workflow, its groups and its steps at any moment.
inline QString checkConsistent(const Tree &t)
{
    int total = 0, completed = 0, failed = 0, attention = 0;
    bool earlierGroupUnfinished = false;
    for (qsizetype g = 0; g < t.groups.size(); ++g) {
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &s : t.steps[g])
            byId.insert(str(s, "stepId"), s.toObject());
        int groupCompleted = 0, groupFailed = 0;
        for (const QJsonValue &s : t.steps[g]) {
            const QString id = str(s, "stepId"), status = str(s, "status");
            ++total;
            groupCompleted += status == u"COMPLETED";
            groupFailed += status == u"FAILED";
            attention += status == u"USER_ATTENTION_REQUIRED";
            const bool started = status != u"AWAITING_DEPENDENCIES" && status != u"READY";
            if (earlierGroupUnfinished && started)
                return u"%1 started before the previous group completed"_s.arg(id);
            for (const QJsonValue &p : s[u"previous"_s].toArray()) {
                const QJsonObject previous = byId.value(p.toString());
                if (previous.isEmpty() || !previous[u"next"_s].toArray().contains(id))
                    return u"previous/next of %1 do not mirror"_s.arg(id);
                if (started && str(previous, "status") != u"COMPLETED")
                    return u"%1 is %2 before its dependency completed"_s.arg(id, status);
            }
            const int done = num(s, "noOfSrvCompleted"), bad = num(s, "noOfSrvFailed");
            const int servers = num(s, "totalNoOfSrv");
            if (done < 0 || bad < 0 || done + bad > servers || servers < 1 || servers > 40)
                return u"server counts of %1"_s.arg(id);
            if (status == u"COMPLETED" && done != servers)
                return u"completed %1 has servers to do"_s.arg(id);
            if (status == u"FAILED" && (bad < 1 || str(s, "statusMessage").isEmpty()))
                return u"failed %1 without failed servers or message"_s.arg(id);
        }
        const QString groupStatus = str(t.groups[g], "status");
        if ((groupStatus == u"FAILED") != (groupFailed > 0)
            || (groupStatus == u"COMPLETED") != (groupCompleted == t.steps[g].size()))
            return u"group %1 is %2 with %3 failed, %4 completed"_s.arg(g)
                .arg(groupStatus)
                .arg(groupFailed)
                .arg(groupCompleted);
        earlierGroupUnfinished = earlierGroupUnfinished || groupStatus != u"COMPLETED";
        completed += groupCompleted;
        failed += groupFailed;
    }
    const QJsonObject &w = t.workflow;
    const QString status = str(w, "status");
    if (num(w, "totalSteps") != total || num(w, "completedSteps") != completed)
        return u"workflow counts differ from its steps' (%1 of %2)"_s.arg(completed).arg(total);
    if ((status == u"COMPLETED") != (completed == total)
        || w.contains(u"endTime"_s) != (completed == total))
        return u"workflow %1 with %2 of %3 steps completed"_s.arg(status).arg(completed).arg(total);
    if (status != u"PAUSED" && status != u"COMPLETED"
        && (status == u"WORKFLOW_FAILED") != (failed > 0))
        return u"workflow %1 with %2 failed steps"_s.arg(status).arg(failed);
    if (status == u"USER_ATTENTION_REQUIRED" && attention == 0)
        return u"workflow needs attention but no step does"_s;
    if (status == u"NOT_STARTED" && (completed > 0 || w.contains(u"lastStartTime"_s)))
        return u"a workflow that has not started has progress"_s;
    return {};
}

inline int retriesApplied(Simulator &sim)
{
    return sim.counters().value(u"mhoRetriesApplied"_s).toInt(-1);
}

} // namespace sw::test::mho
