#pragma once

// The small fleet of the filter proxy tests, shared by tst_workflowfilterproxy and
// tst_workflowfilterfreeze: one watch per service, workflows made from their key ("a/m1"), and
// the proxy's rows read back as their keys.

#include "snapshot.h"
#include "unifiedstatus.h"
#include "workflowtablemodel.h"

#include <QAbstractItemModel>
#include <QLatin1String>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace sw::test::filter {

using M = WorkflowTableModel;

struct WatchInfo {
    const char *id;
    Service service;
    StatusSource source;
    const char *name;
};

inline constexpr WatchInfo watches[] = {
    {"a", Service::MigrationHubOrchestrator, StatusSource::MhoWorkflow, "Migrations EU"},
    {"b", Service::ImageBuilder, StatusSource::ImageBuilderWorkflowExecution, "AMI factory"},
    {"c", Service::CodeCatalyst, StatusSource::CodeCatalystRun, "Delivery"},
    {"p", Service::CustomerProfiles, StatusSource::ProfilesWorkflow, "Profiles"},
};

inline const WatchInfo &watchInfo(const QString &id)
{
    for (const WatchInfo &w : watches) {
        if (id == QLatin1String(w.id))
            return w;
    }
    return watches[0];
}

inline WorkflowSnapshot workflow(
    const char *key, const char *raw, const char *name, const char *message = "")
{
    const QStringList parts = QString::fromLatin1(key).split(u'/');
    const WatchInfo &info = watchInfo(parts.at(0));
    WorkflowSnapshot w;
    w.watchId = parts.at(0);
    w.watchName = QString::fromLatin1(info.name);
    w.service = info.service;
    w.id = parts.at(1);
    w.key = workflowKey(w.watchId, w.id);
    w.name = QString::fromUtf8(name);
    w.rawStatus = QString::fromLatin1(raw);
    w.status = unifiedStatus(info.source, w.rawStatus);
    w.message = QString::fromUtf8(message);
    return w;
}

inline QStringList keys(const QAbstractItemModel &proxy)
{
    QStringList list;
    for (int r = 0; r < proxy.rowCount(); ++r)
        list.append(proxy.index(r, 0).data(M::WorkflowKeyRole).toString());
    return list;
}

inline QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

} // namespace sw::test::filter
