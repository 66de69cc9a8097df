#pragma once

// Helpers for the Customer Profiles simulator tests: requests through Simulator::handle, the
// seeded domains, and ListWorkflows followed to its end.

#include "simtestsupport.h"

#include "sim/simulator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>

namespace sw::test::customerprofiles {

using namespace Qt::StringLiterals;
using sw::sim::SimResponse;
using sw::sim::Simulator;

inline const QStringList allStatuses = {u"NOT_STARTED"_s, u"IN_PROGRESS"_s, u"COMPLETE"_s,
    u"FAILED"_s, u"SPLIT"_s, u"RETRY"_s, u"CANCELLED"_s};

inline SimResponse call(Simulator &sim, const QByteArray &method, const QString &pathAndQuery,
    const QByteArray &body = {})
{
    return sim.handle(simRequest(method, pathAndQuery.toUtf8(), u"profile"_s, body));
}

inline QString workflowPath(const QString &domain, const QString &id)
{
    return u"/domains/%1/workflows/%2"_s.arg(domain, id);
}

inline QStringList domainsOf(const Simulator &sim)
{
    QStringList out;
    const QJsonArray domains =
        sim.inventory().value(u"customer-profiles"_s).toObject().value(u"domains"_s).toArray();
    for (const QJsonValue &d : domains)
        out.append(d.toString());
    return out;
}

// Every ListWorkflows item of a domain, following NextToken to the end.
inline QJsonArray listAll(Simulator &sim, const QString &domain, int pageSize,
    const QByteArray &body = "{}", int *pages = nullptr)
{
    QJsonArray all;
    QString token;
    int count = 0;
    do {
        QString path = u"/domains/%1/workflows?max-results=%2"_s.arg(domain).arg(pageSize);
        if (!token.isEmpty())
            path += u"&next-token="_s + QString::fromLatin1(QUrl::toPercentEncoding(token));
        const SimResponse r = call(sim, "POST", path, body);
        if (r.status != 200)
            qFatal("ListWorkflows answered %d: %s", r.status, r.body.constData());
        const QJsonObject o = jsonOf(r);
        for (const QJsonValue &item : o.value(u"Items"_s).toArray())
            all.append(item);
        token = o.value(u"NextToken"_s).toString();
        ++count;
    } while (!token.isEmpty());
    if (pages)
        *pages = count;
    return all;
}

// (domain, workflow id) of every workflow the simulator holds.
inline QList<QPair<QString, QString>> everyWorkflow(Simulator &sim)
{
    QList<QPair<QString, QString>> out;
    for (const QString &domain : domainsOf(sim)) {
        for (const QJsonValue &item : listAll(sim, domain, 100))
            out.append({domain, item[u"WorkflowId"_s].toString()});
    }
    return out;
}

} // namespace sw::test::customerprofiles
