#pragma once

// A fleet of workflow rows for the FleetSummary and TrayNotifier tests, written as one string
// so that a data row shows a whole merge: "w1=failed w2=running" is workflow w1 (named
// "Workflow w1", key "a/w1") of the MHO watch "a" ("Production") in the unified status whose
// key follows the '=' (statusFromKey: failed, needs-attention, running, succeeded, pending,
// paused, cancelled ...). A failed workflow carries the message "Step <id> failed", as a
// notification would show it.
//
// Also here: EnglishPlurals, which stands in for an English .qm file so that the "(s)" source
// texts come out with real plural forms.

#include "snapshot.h"
#include "unifiedstatus.h"

#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace sw::test {

// What an English translation with plural forms does with the "(s)" source texts.
class EnglishPlurals final : public QTranslator {
public:
    QString translate(const char *, const char *sourceText, const char *, int n) const override
    {
        QString text = QString::fromUtf8(sourceText);
        if (n < 0 || !text.contains(QLatin1String("(s)")))
            return {};
        text.replace(QLatin1String("need(s)"), QLatin1String(n == 1 ? "needs" : "need"));
        return text.replace(QLatin1String("(s)"), QLatin1String(n == 1 ? "" : "s"));
    }
    bool isEmpty() const override { return false; }
};

// The rows of specs (notation above), in order, ready for WorkflowTableModel::mergeWatch.
inline QList<WorkflowSnapshot> fleet(const QString &specs)
{
    QList<WorkflowSnapshot> list;
    for (const QString &spec : specs.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        WorkflowSnapshot w;
        w.watchId = QStringLiteral("a");
        w.watchName = QStringLiteral("Production");
        w.service = Service::MigrationHubOrchestrator;
        w.id = spec.section(QLatin1Char('='), 0, 0);
        w.key = workflowKey(w.watchId, w.id);
        w.name = QStringLiteral("Workflow ") + w.id;
        w.status = statusFromKey(spec.section(QLatin1Char('='), 1, 1)).value();
        w.rawStatus = spec.section(QLatin1Char('='), 1, 1).toUpper();
        if (w.status == UnifiedStatus::Failed)
            w.message = QStringLiteral("Step ") + w.id + QStringLiteral(" failed");
        list.append(w);
    }
    return list;
}

} // namespace sw::test
