#pragma once

// Hand-made MHO workflow snapshots for the step tree and timeline tests, written as a list of
// spec lines so that a data table can show a whole workflow and its edits at a glance:
//
//   "id|Name|RAW[|start|end|message]"   an MHO step group
//   " id|Name|RAW[|start|end|message]"  (leading space) a step of the last group above it
//
// RAW is the service's status string (COMPLETED, IN_PROGRESS, ...), mapped to the unified
// status as the client would; start and end are minutes after 12:00 UTC on 2024-05-01 (see
// at()), "-" or left out for none.

#include "snapshot.h"
#include "unifiedstatus.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

namespace sw::test {

// Minutes (and seconds) after 12:00 UTC on 2024-05-01; negative or past the hour is fine.
inline QDateTime at(int minute, int second = 0)
{
    return QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC).addSecs(minute * 60 + second);
}

// The workflow "watch/workflow" named by key with the steps of spec (notation above), loaded.
inline WorkflowSnapshot mho(const QString &key, const QStringList &spec)
{
    const QString none = QStringLiteral("-");
    WorkflowSnapshot w;
    w.key = key;
    w.watchId = key.section(QLatin1Char('/'), 0, 0);
    w.id = key.section(QLatin1Char('/'), 1);
    w.stepsLoaded = true;
    QList<StepSnapshot> steps;
    QString group;
    for (const QString &line : spec) {
        const bool child = line.startsWith(QLatin1Char(' '));
        const QStringList f = line.trimmed().split(QLatin1Char('|'));
        StepSnapshot s;
        s.kind = child ? StepKind::MhoStep : StepKind::MhoStepGroup;
        s.id = f.at(0);
        s.parentId = child ? group : QString();
        s.name = f.at(1);
        s.rawStatus = f.at(2);
        s.status =
            unifiedStatus(child ? StatusSource::MhoStep : StatusSource::MhoStepGroup, s.rawStatus);
        if (f.size() > 3 && f.at(3) != none)
            s.start = at(f.at(3).toInt());
        if (f.size() > 4 && f.at(4) != none)
            s.end = at(f.at(4).toInt());
        if (f.size() > 5)
            s.message = f.at(5);
        if (!child)
            group = s.id;
        steps.append(s);
    }
    w.setSteps(steps);
    return w;
}

// Two groups, three steps, no times: gA (Running) with s1 (Succeeded) and s2 (Running), then
// gB (Pending) with s3 (Pending). The merge tables edit it line by line with the helpers below.
inline QStringList twoGroups()
{
    return {
        QStringLiteral("gA|Group A|IN_PROGRESS"),
        QStringLiteral(" s1|Step 1|COMPLETED"),
        QStringLiteral(" s2|Step 2|IN_PROGRESS"),
        QStringLiteral("gB|Group B|AWAITING_DEPENDENCIES"),
        QStringLiteral(" s3|Step 3|AWAITING_DEPENDENCIES"),
    };
}

// Copies of a spec (or expected dump) with one line inserted, lines removed or one replaced,
// so that a data row reads as "base with this edit".
inline QStringList with(QStringList list, int row, const QString &line)
{
    list.insert(row, line);
    return list;
}

inline QStringList without(QStringList list, int row, int count = 1)
{
    list.remove(row, count);
    return list;
}

inline QStringList replaced(QStringList list, int row, const QString &line)
{
    list[row] = line;
    return list;
}

} // namespace sw::test
