#pragma once

// The snapshot builder tests' notation, shared by tst_snapshotbuilder and
// tst_snapshotbuildercodecatalyst: times on 2026-11-21 (UTC), and rows and steps as text,
// "id 'name' RAW=Unified done/total start..end 'message'".

#include "snapshot.h"
#include "snapshotbuilder.h"
#include "unifiedstatus.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaEnum>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace sw::test::builder {

using namespace Qt::StringLiterals;

inline QDateTime at(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, 21), QTime(hour, minute), Qt::UTC);
}

inline QString hhmm(const QDateTime &t)
{
    if (!t.isValid())
        return u"-"_s;
    const QDateTime utc = t.toUTC();
    return utc.toString(utc.time().msec() ? u"HH:mm:ss.zzz"_s : u"HH:mm"_s);
}

inline QString number(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : u"-"_s;
}

inline QString text(UnifiedStatus s)
{
    return QString::fromLatin1(QMetaEnum::fromType<UnifiedStatus>().valueToKey(int(s)));
}

inline QString text(const WorkflowSnapshot &w)
{
    return u"%1 '%2' %3=%4 %5/%6 %7..%8 '%9'"_s.arg(w.id, w.name, w.rawStatus, text(w.status),
        number(w.completedSteps), number(w.totalSteps), hhmm(w.start), hhmm(w.end), w.message);
}

inline QStringList text(const QList<StepSnapshot> &steps)
{
    QStringList out;
    for (const StepSnapshot &s : steps) {
        out.append(u"%1 '%2' %3=%4 %5/%6 %7..%8 '%9'"_s.arg(
            s.parentId.isEmpty() ? s.id : s.parentId + u'>' + s.id, s.name, s.rawStatus,
            text(s.status), number(s.completed), number(s.total), hhmm(s.start), hhmm(s.end),
            s.message));
    }
    return out;
}

// Empty values are never stored, so empty means "not listed".
inline QString detail(const QList<DetailField> &details, const QString &name)
{
    return detailValue(details, name);
}

} // namespace sw::test::builder
