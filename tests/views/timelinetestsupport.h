#pragma once

// The timeline view tests' fixture, shared by tst_timelineview and tst_timelinefit: the deploy
// workflow, a TimelineModel shown in a TimelineView at a fixed size and clock, and ways to look at
// what the view paints (its pixels, and the text of a frame).

#include "timelinemodel.h"
#include "timelineview.h"

#include "models/snapshotspec.h"

#include <QDateTime>
#include <QImage>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTest>

#include <climits>
#include <memory>

namespace sw::test::timeline {

using namespace Qt::StringLiterals;

inline const QString keyA = u"watch-1/wf-A"_s;
inline const QString keyB = u"watch-1/wf-B"_s;

// Rows: 0 Prepare, 1 Build, 2 Migrate (failed), 3 Verify (running since 12:20), 4 Cleanup (not
// started). "Now" is 12:30, so the range is 12:00-12:30.
inline const QStringList deploy {
    u"g|Deploy|IN_PROGRESS"_s,
    u" s1|Prepare|COMPLETED|0|5"_s,
    u" s2|Build|COMPLETED|5|15"_s,
    u" s3|Migrate|FAILED|15|20|Disk full"_s,
    u" s4|Verify|IN_PROGRESS|20"_s,
    u" s5|Cleanup|READY"_s,
};

// The view under test: a TimelineModel shown in a 900x400 TimelineView, in UTC, whose clock
// reads m_now (12:30 unless a test moves it). A test class derives from QObject and this one, and
// calls setUp() from its init() and tearDown() from its cleanup().
class ViewFixture {
protected:
    void setUp()
    {
        m_now = at(30);
        m_model = std::make_unique<TimelineModel>();
        m_view = std::make_unique<TimelineView>();
        m_view->setClock([this] { return m_now; });
        m_view->setTimeSpec(Qt::UTC);
        m_view->resize(900, 400);
        m_view->setModel(m_model.get());
    }

    void tearDown()
    {
        m_view.reset();
        m_model.reset();
    }

    void show(const WorkflowSnapshot &workflow)
    {
        m_model->setWorkflow(workflow);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    QDateTime m_now = at(30);
    std::unique_ptr<TimelineModel> m_model;
    std::unique_ptr<TimelineView> m_view;
};

// A paint device that keeps the text painted on it, one string per line drawn, and nothing
// else: what a frame says, whatever font and anti-aliasing draw it.
class TextRecorder final : public QPaintDevice {
public:
    explicit TextRecorder(QSize size) : m_size(size) { }
    QPaintEngine *paintEngine() const override { return &m_engine; }
    /// The lines as one text, the breaks of word wrapping undone.
    QString text() const { return m_engine.lines.join(u' ').simplified(); }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmWidthMM:
            return m_size.width() * 254 / 960;
        case PdmHeightMM:
            return m_size.height() * 254 / 960;
        case PdmNumColors:
            return INT_MAX;
        case PdmDepth:
            return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        }
        return 0;
    }

private:
    struct Engine final : QPaintEngine {
        Engine() : QPaintEngine(AllFeatures) { }
        bool begin(QPaintDevice *) override { return true; }
        bool end() override { return true; }
        void updateState(const QPaintEngineState &) override { }
        void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override { }
        // The defaults of these call each other in a loop.
        using QPaintEngine::drawPolygon;
        void drawPolygon(const QPointF *, int, PolygonDrawMode) override { }
        void drawPath(const QPainterPath &) override { }
        void drawTextItem(const QPointF &, const QTextItem &item) override { lines << item.text(); }
        Type type() const override { return User; }

        QStringList lines;
    };

    QSize m_size;
    mutable Engine m_engine;
};

inline QImage grabViewport(TimelineView &view)
{
    return view.viewport()->grab().toImage();
}

} // namespace sw::test::timeline
