// The chip row's layout: one line when there is room, wrapped lines when there is not, and a
// minimum width of its widest item.

#include "flowlayout.h"

#include <QTest>
#include <QWidget>

using namespace sw;

namespace {

/// A widget of a fixed size hint, as a chip is.
class Box final : public QWidget {
public:
    Box(int w, int h, QWidget *parent) : QWidget(parent), m_size(w, h) { }
    QSize sizeHint() const override { return m_size; }
    QSize minimumSizeHint() const override { return m_size; }

private:
    QSize m_size;
};

} // namespace

class tst_FlowLayout : public QObject {
    Q_OBJECT

private slots:
    void wraps_data();
    void wraps();
    void sizes();
};

void tst_FlowLayout::wraps_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QList<QPoint>>("positions");
    // Three boxes 100×20 and one 50×30, spacing 2.
    QTest::newRow("one line") << 400 << 30 << QList<QPoint> {{0, 0}, {102, 0}, {204, 0}, {306, 0}};
    QTest::newRow("exactly fits") << 356 << 30
                                  << QList<QPoint> {{0, 0}, {102, 0}, {204, 0}, {306, 0}};
    QTest::newRow("last wraps") << 355 << 52 << QList<QPoint> {{0, 0}, {102, 0}, {204, 0}, {0, 22}};
    QTest::newRow("two per line") << 210 << 52
                                  << QList<QPoint> {{0, 0}, {102, 0}, {0, 22}, {102, 22}};
    QTest::newRow("one per line") << 100 << 96 << QList<QPoint> {{0, 0}, {0, 22}, {0, 44}, {0, 66}};
    QTest::newRow("narrower than an item: still one per line")
        << 60 << 96 << QList<QPoint> {{0, 0}, {0, 22}, {0, 44}, {0, 66}};
}

void tst_FlowLayout::wraps()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QList<QPoint>, positions);
    QWidget parent;
    auto *layout = new FlowLayout(&parent, 2, 2);
    QList<QWidget *> boxes {new Box(100, 20, &parent), new Box(100, 20, &parent),
        new Box(100, 20, &parent), new Box(50, 30, &parent)};
    for (QWidget *b : boxes)
        layout->addWidget(b);
    QCOMPARE(layout->heightForWidth(width), height);
    layout->setGeometry(QRect(0, 0, width, height));
    for (int i = 0; i < boxes.size(); ++i)
        QCOMPARE(boxes.at(i)->geometry().topLeft(), positions.at(i));
}

void tst_FlowLayout::sizes()
{
    QWidget parent;
    auto *layout = new FlowLayout(&parent, 2, 2);
    layout->addWidget(new Box(100, 20, &parent));
    layout->addWidget(new Box(60, 30, &parent));
    QVERIFY(layout->hasHeightForWidth());
    QCOMPARE(layout->minimumSize(), QSize(100, 30)); // the widest and the tallest item
    QCOMPARE(layout->sizeHint(), QSize(162, 30)); // everything on one line
    // The parent follows: it may be as narrow as one chip.
    QCOMPARE(parent.minimumSizeHint().width(), 100);
}

QTEST_MAIN(tst_FlowLayout)
#include "tst_flowlayout.moc"
