#pragma once

#include <QObject>
#include <QPointer>

class QAbstractButton;
class QTableView;
class QTimer;

namespace sw {

class ActionController;
class WorkflowFilterProxy;

/// Keeps the workflow table's rows still while the operator is about to act on one: while the
/// pointer is over the table, a menu or dialog is open (hold()), or an action is in flight, a
/// poll changes rows in place but does not re-sort or re-filter them. A button says when the
/// order is out of date and re-sorts on a click; once nothing holds the rows any more (the
/// pointer left a moment ago) the order is brought up to date by itself. The selected
/// workflow stays selected and in view through all of it.
class TableOrderKeeper final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableOrderKeeper)

public:
    /// `resortButton` is shown while the order is out of date; clicking it re-sorts.
    TableOrderKeeper(QTableView *table, WorkflowFilterProxy *proxy, ActionController *actions,
        QAbstractButton *resortButton, QObject *parent = nullptr);
    ~TableOrderKeeper() override;

    /// Holds the rows still until the returned holder is destroyed (a menu, a dialog).
    class Hold {
    public:
        explicit Hold(TableOrderKeeper *keeper);
        ~Hold();
        Hold(const Hold &) = delete;
        Hold &operator=(const Hold &) = delete;

    private:
        QPointer<TableOrderKeeper> m_keeper;
    };
    Hold hold() { return Hold(this); }

    bool isHolding() const;
    /// How long after the last reason to hold the rows they are let go (ms; default 1500).
    void setReleaseDelay(int ms);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Held for a reason whose end this object hears of.
    bool holdsItself() const;
    void update();
    void release();
    void keepCurrentInView(bool wasVisible);

    // The window deletes its widgets and models in its own order: none is assumed to outlive
    // this object.
    QPointer<QTableView> m_table;
    QPointer<WorkflowFilterProxy> m_proxy;
    QPointer<ActionController> m_actions;
    QPointer<QAbstractButton> m_resort;
    QTimer *m_releaseTimer;
    bool m_pointerInside = false;
    int m_holds = 0;
};

} // namespace sw
