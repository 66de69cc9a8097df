#pragma once

#include "unifiedstatus.h"

#include <QObject>
#include <QString>

#include <array>

class QTimer;

namespace sw {

class WorkflowTableModel;

/// How many workflows of the fleet are in each unified status, for the tray tool tip, the
/// status bar and the window title. A merge can change thousands of rows through many model
/// signals, so the counts are recounted once per event-loop pass after the table changed and
/// changed() is emitted only when a count really moved. The accessors are exact at any time:
/// asked between a change and that pass, they recount on the spot.
class FleetSummary final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetSummary)

public:
    explicit FleetSummary(WorkflowTableModel *table, QObject *parent = nullptr);

    int count(UnifiedStatus status) const;
    int total() const;
    /// Failed + NeedsAttention: what wants an operator's hand.
    int needsAttention() const;
    /// "2 failed · 1 needs attention · 5 running · 40 workflows" (zero counts left out,
    /// the total always there), or "No workflows".
    QString text() const;

signals:
    /// At most once per event-loop pass, when any count differs from the last announcement.
    void changed();

private:
    using Counts = std::array<int, UnifiedStatusCount>;

    void schedule();
    void announce();
    const Counts &counts() const;

    WorkflowTableModel *m_table;
    QTimer *m_timer;
    mutable Counts m_counts {};
    mutable bool m_dirty = false;
    Counts m_announced {};
};

} // namespace sw
