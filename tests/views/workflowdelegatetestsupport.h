#pragma once

// The workflow delegate tests' fixture, shared by tst_workflowdelegate and
// tst_workflowdelegatestale: a small fleet in the table behind the filter proxy, shown with the
// WorkflowTableDelegate at a fixed size and clock, and the colour helpers that read its cells.

#include "workflowdelegate.h"
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include <QColor>
#include <QDate>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QModelIndex>
#include <QObject>
#include <QString>
#include <QTableView>
#include <QTest>
#include <QTime>
#include <QToolTip>

namespace sw::test::delegate {

using namespace Qt::StringLiterals;
using M = WorkflowTableModel;

inline const QDateTime Now(QDate(2026, 11, 21), QTime(13, 3, 7), Qt::UTC);

inline QDateTime fixedClock()
{
    return Now;
}

inline WorkflowSnapshot workflow(const QString &id, UnifiedStatus status, const QString &raw)
{
    WorkflowSnapshot w;
    w.watchId = u"a"_s;
    w.watchName = u"Watch A"_s;
    w.key = workflowKey(w.watchId, id);
    w.service = Service::MigrationHubOrchestrator;
    w.id = id;
    w.name = u"Workflow "_s + id;
    w.rawStatus = raw;
    w.status = status;
    return w;
}

inline QList<WorkflowSnapshot> fleet()
{
    WorkflowSnapshot failed = workflow(u"w1"_s, UnifiedStatus::Failed, u"FAILED"_s);
    failed.start = Now.addSecs(-3 * 3600);
    failed.end = Now.addSecs(-3600);
    WorkflowSnapshot running = workflow(u"w2"_s, UnifiedStatus::Running, u"IN_PROGRESS"_s);
    running.start = Now.addSecs(-3 * 60 - 20);
    running.lastUpdate = Now.addSecs(-45);
    running.completedSteps = 6;
    running.totalSteps = 12;
    WorkflowSnapshot succeeded = workflow(u"w3"_s, UnifiedStatus::Succeeded, u"COMPLETED"_s);
    succeeded.service = Service::CodeCatalyst;
    succeeded.completedSteps = 4; // no total: the fraction is unknown
    return {failed, running, succeeded};
}

inline int countColour(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y).rgb() == colour.rgb())
                ++n;
        }
    }
    return n;
}

inline bool near(const QColor &a, const QColor &b, int tolerance = 3)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance
        && qAbs(a.blue() - b.blue()) <= tolerance;
}

inline QColor blend(const QColor &over, const QColor &under)
{
    const qreal a = over.alphaF();
    return QColor::fromRgbF(over.redF() * a + under.redF() * (1 - a),
        over.greenF() * a + under.greenF() * (1 - a), over.blueF() * a + under.blueF() * (1 - a));
}

inline QString describe(const QColor &c)
{
    return c.name(QColor::HexArgb);
}

// The view under test: fleet() in a WorkflowTableModel behind a WorkflowFilterProxy, shown in a
// QTableView with the WorkflowTableDelegate, model and delegate on fixedClock(). A test class
// derives from QObject and this one, and calls setUp(this) from its init() and tearDown() from
// its cleanup().
class TableFixture {
protected:
    void setUp(QObject *owner)
    {
        m_model = new M(owner);
        m_model->setClock(fixedClock);
        m_proxy = new WorkflowFilterProxy(owner);
        m_proxy->setSourceModel(m_model);
        m_view = new QTableView;
        m_view->setModel(m_proxy);
        m_delegate = new WorkflowTableDelegate(m_view);
        m_delegate->setClock(fixedClock);
        m_view->setItemDelegate(m_delegate);
        m_model->mergeWatch(u"a"_s, fleet());
        m_view->resize(1500, 300);
        for (int column = 0; column < M::ColumnCount; ++column)
            m_view->setColumnWidth(column, 130);
        m_view->setColumnWidth(M::NameColumn, 260);
        m_view->setColumnWidth(M::StatusColumn, 170);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
    }

    void tearDown()
    {
        QToolTip::hideText();
        delete m_view;
        delete m_proxy;
        delete m_model;
    }

    QImage grabCell(const QModelIndex &index) const
    {
        const QRect rect = m_view->visualRect(index);
        return m_view->viewport()->grab(rect).toImage();
    }

    QModelIndex cell(const QString &id, int column) const
    {
        return m_proxy->mapFromSource(m_model->indexOf(workflowKey(u"a"_s, id), column));
    }

    M *m_model = nullptr;
    WorkflowFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    WorkflowTableDelegate *m_delegate = nullptr;
};

} // namespace sw::test::delegate
