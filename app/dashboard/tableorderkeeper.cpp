#include "tableorderkeeper.h"

#include "actioncontroller.h"
#include "workflowfilterproxy.h"

#include <QAbstractButton>
#include <QApplication>
#include <QEvent>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

namespace sw {

TableOrderKeeper::TableOrderKeeper(QTableView *table, WorkflowFilterProxy *proxy,
    ActionController *actions, QAbstractButton *resortButton, QObject *parent)
    : QObject(parent), m_table(table), m_proxy(proxy), m_actions(actions), m_resort(resortButton),
      m_releaseTimer(new QTimer(this))
{
    m_releaseTimer->setSingleShot(true);
    m_releaseTimer->setInterval(1500);
    connect(m_releaseTimer, &QTimer::timeout, this, &TableOrderKeeper::release);
    m_table->viewport()->installEventFilter(this);
    connect(m_actions, &ActionController::workflowPendingChanged, this, &TableOrderKeeper::update);
    m_resort->setVisible(false);
    connect(m_proxy, &WorkflowFilterProxy::orderStaleChanged, m_resort, &QWidget::setVisible);
    connect(m_resort, &QAbstractButton::clicked, this, [this] {
        if (!m_table || !m_proxy)
            return;
        const QRect viewport = m_table->viewport()->rect();
        const bool visible = viewport.intersects(m_table->visualRect(m_table->currentIndex()));
        m_proxy->resort();
        keepCurrentInView(visible);
    });
}

// The viewport may be gone first (the window deletes its central widget early); Qt drops an
// event filter with either object.
TableOrderKeeper::~TableOrderKeeper() = default;

TableOrderKeeper::Hold::Hold(TableOrderKeeper *keeper) : m_keeper(keeper)
{
    ++m_keeper->m_holds;
    m_keeper->update();
}

TableOrderKeeper::Hold::~Hold()
{
    if (!m_keeper)
        return;
    --m_keeper->m_holds;
    m_keeper->update();
}

void TableOrderKeeper::setReleaseDelay(int ms)
{
    m_releaseTimer->setInterval(ms);
}

bool TableOrderKeeper::isHolding() const
{
    return holdsItself() || QApplication::activeModalWidget() || QApplication::activePopupWidget();
}

bool TableOrderKeeper::holdsItself() const
{
    return m_pointerInside || m_holds > 0 || (m_actions && m_actions->hasPending());
}

bool TableOrderKeeper::eventFilter(QObject *watched, QEvent *event)
{
    if (m_table && watched == m_table->viewport()) {
        switch (event->type()) {
        case QEvent::Enter:
        case QEvent::MouseMove:
        case QEvent::HoverMove:
            if (!m_pointerInside) {
                m_pointerInside = true;
                update();
            }
            break;
        case QEvent::Leave:
            m_pointerInside = false;
            update();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

void TableOrderKeeper::update()
{
    if (!m_proxy)
        return;
    // What it knows the end of (the pointer, its holds, the actions) stops the release; a
    // dialog or menu of someone else's only delays it: release() looks again until it is gone.
    if (holdsItself()) {
        m_releaseTimer->stop();
        m_proxy->setOrderFrozen(true);
    } else if (isHolding()) {
        m_proxy->setOrderFrozen(true);
        if (!m_releaseTimer->isActive())
            m_releaseTimer->start();
    } else if (m_proxy->isOrderFrozen() && !m_releaseTimer->isActive()) {
        m_releaseTimer->start();
    }
}

void TableOrderKeeper::release()
{
    if (!m_table || !m_proxy)
        return;
    if (isHolding()) { // a menu or dialog opened meanwhile without a hold of its own
        m_releaseTimer->start();
        return;
    }
    const QRect viewport = m_table->viewport()->rect();
    const bool visible = viewport.intersects(m_table->visualRect(m_table->currentIndex()));
    m_proxy->setOrderFrozen(false);
    keepCurrentInView(visible);
}

void TableOrderKeeper::keepCurrentInView(bool wasVisible)
{
    if (!m_table)
        return;
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && wasVisible)
        m_table->scrollTo(current, QAbstractItemView::EnsureVisible);
}

} // namespace sw
