#pragma once

// Helpers for the CodeCatalyst simulator tests: requests through Simulator::handle, the seeded
// spaces, projects and workflows, listings followed to their end, and a check of a run's shape.

#include "simtestsupport.h"

#include "sim/simulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace sw::test::codecatalyst {

using namespace Qt::StringLiterals;
using sw::sim::SimOptions;
using sw::sim::SimResponse;
using sw::sim::Simulator;

struct Place {
    QString space;
    QString project;
};

struct Workflow {
    Place place;
    QJsonObject json;
    QString id() const { return json.value(u"id"_s).toString(); }
};

/// By default the clock stands still unless a test advances it: two listings taken a few
/// milliseconds apart must agree, and progress is driven by SimClock::advance.
inline SimOptions options(quint64 seed, int workflows, double speed = 1e-12)
{
    SimOptions o;
    o.seed = seed;
    o.speed = speed;
    o.workflowsPerService = workflows;
    return o;
}

inline QByteArray base(const Place &p)
{
    return "/v1/spaces/" + QUrl::toPercentEncoding(p.space) + "/projects/"
        + QUrl::toPercentEncoding(p.project);
}

inline QByteArray runsPath(const Place &p, const QString &workflowId = {})
{
    return base(p) + "/workflowRuns"
        + (workflowId.isEmpty() ? QByteArray() : "?workflowId=" + workflowId.toUtf8());
}

inline SimResponse call(
    Simulator &sim, const QByteArray &method, const QByteArray &path, const QByteArray &body = {})
{
    return sim.handle(simRequest(method, path, QString(), body));
}

inline QList<Place> places(const Simulator &sim)
{
    QList<Place> out;
    const QJsonArray spaces = sim.inventory()[u"codecatalyst"_s][u"spaces"_s].toArray();
    for (const QJsonValue &space : spaces) {
        for (const QJsonValue &project : space[u"projects"_s].toArray())
            out.append({space[u"name"_s].toString(), project.toString()});
    }
    return out;
}

inline QByteArray withParams(QByteArray path, int maxResults, const QString &token)
{
    path += path.contains('?') ? '&' : '?';
    path += "maxResults=" + QByteArray::number(maxResults);
    if (!token.isEmpty())
        path += "&nextToken=" + QUrl::toPercentEncoding(token);
    return path;
}

/// Every item of a listing, page by page; nullopt when a page is not a 200 or a token
/// repeats. `pages` receives each page's size.
inline std::optional<QJsonArray> listAll(
    Simulator &sim, const QByteArray &path, int maxResults, QList<int> *pages = nullptr)
{
    QJsonArray all;
    QString token;
    QSet<QString> tokens;
    do {
        const SimResponse r = call(sim, "POST", withParams(path, maxResults, token), "{}");
        if (r.status != 200)
            return std::nullopt;
        const QJsonObject page = jsonOf(r);
        const QJsonArray items = page[u"items"_s].toArray();
        if (pages)
            pages->append(int(items.size()));
        for (const QJsonValue &item : items)
            all.append(item);
        token = page[u"nextToken"_s].toString();
        if (!token.isEmpty() && (tokens.contains(token) || items.isEmpty()))
            return std::nullopt;
        tokens.insert(token);
    } while (!token.isEmpty());
    return all;
}

inline QList<Workflow> allWorkflows(Simulator &sim)
{
    QList<Workflow> out;
    for (const Place &place : places(sim)) {
        for (const QJsonValue &w :
            listAll(sim, base(place) + "/workflows", 100).value_or(QJsonArray()))
            out.append({place, w.toObject()});
    }
    return out;
}

inline QList<Workflow> withStatus(const QList<Workflow> &workflows, const QString &status)
{
    QList<Workflow> out;
    for (const Workflow &w : workflows) {
        if (w.json[u"status"_s].toString() == status)
            out.append(w);
    }
    return out;
}

inline qint64 msOf(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

inline bool isIsoTime(const QJsonValue &v)
{
    static const QRegularExpression re(
        u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z$"_s);
    // Round-tripping through QDateTime also proves the date and time are real ones.
    const QDateTime parsed = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return v.isString() && re.match(v.toString()).hasMatch() && parsed.isValid()
        && parsed.toUTC().toString(Qt::ISODateWithMs) == v.toString();
}

inline bool isLowerUuid(const QJsonValue &v)
{
    static const QRegularExpression re(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    return v.isString() && re.match(v.toString()).hasMatch();
}

inline const QStringList runStatuses {u"SUCCEEDED"_s, u"FAILED"_s, u"STOPPED"_s, u"SUPERSEDED"_s,
    u"CANCELLED"_s, u"NOT_RUN"_s, u"VALIDATING"_s, u"PROVISIONING"_s, u"IN_PROGRESS"_s,
    u"STOPPING"_s, u"ABANDONED"_s};
inline const QStringList activeStatuses {
    u"VALIDATING"_s, u"PROVISIONING"_s, u"IN_PROGRESS"_s, u"STOPPING"_s};

/// Checks one run as GetWorkflowRun (summary false) or a ListWorkflowRuns item shows it;
/// an empty result means it is well-formed.
inline QString runProblems(const QJsonObject &run, bool summary)
{
    QStringList allowed {u"id"_s, u"workflowId"_s, u"status"_s, u"statusReasons"_s, u"startTime"_s,
        u"endTime"_s, u"lastUpdatedTime"_s};
    allowed.append(
        summary ? QStringList {u"workflowName"_s} : QStringList {u"spaceName"_s, u"projectName"_s});
    for (const QString &key : run.keys()) {
        if (!allowed.contains(key))
            return u"unexpected member "_s + key;
    }
    if (!isLowerUuid(run[u"id"_s]) || !isLowerUuid(run[u"workflowId"_s]))
        return u"ids"_s;
    if (summary && !run[u"workflowName"_s].isString())
        return u"workflowName"_s;
    const QString status = run[u"status"_s].toString();
    if (!runStatuses.contains(status))
        return u"status "_s + status;
    if (run.contains(u"statusReasons"_s)) {
        if (!run[u"statusReasons"_s].isArray())
            return u"statusReasons"_s;
        for (const QJsonValue &reason : run[u"statusReasons"_s].toArray()) {
            if (!reason.isObject())
                return u"statusReasons item"_s;
        }
    }
    if (!isIsoTime(run[u"startTime"_s]) || !isIsoTime(run[u"lastUpdatedTime"_s]))
        return u"times"_s;
    if (run.contains(u"endTime"_s) == activeStatuses.contains(status))
        return u"endTime presence for "_s + status;
    if (run.contains(u"endTime"_s)
        && (!isIsoTime(run[u"endTime"_s]) || msOf(run[u"endTime"_s]) < msOf(run[u"startTime"_s])))
        return u"endTime"_s;
    if (msOf(run[u"lastUpdatedTime"_s]) < msOf(run[u"startTime"_s]))
        return u"lastUpdatedTime before startTime"_s;
    return {};
}

inline double counter(const Simulator &sim, const QString &name)
{
    return sim.counters()[name].toDouble(-1);
}

} // namespace sw::test::codecatalyst
