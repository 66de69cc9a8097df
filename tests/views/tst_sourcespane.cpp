// The Sources pane over a hand-fed SourcesModel: selection narrows the dashboard, the tool bar,
// keys and double clicks ask for the actions on the selected watch, the tree stays expanded and
// keeps its selection across merges, and watch rows carry health icons.
#include "sourcespane.h"

#include "sourcesmodel.h"
#include "statusstyle.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

Watch mho(const QString &id, const QString &name, const QString &profile, const QString &region)
{
    Watch w;
    w.id = id;
    w.name = name;
    w.profile = profile;
    w.region = region;
    return w;
}

Watch codeCatalyst(const QString &id, const QString &name)
{
    Watch w = mho(id, name, u"ops"_s, u"us-west-2"_s);
    w.service = Service::CodeCatalyst;
    w.spaceName = u"space"_s;
    w.projectName = u"project"_s;
    return w;
}

QList<Watch> fleet()
{
    return {mho(u"m1"_s, u"Wave 1"_s, {}, u"us-east-1"_s),
        mho(u"m2"_s, u"Wave 2"_s, {}, u"us-east-1"_s),
        mho(u"m3"_s, u"Europe"_s, u"ops"_s, u"eu-west-1"_s), codeCatalyst(u"c1"_s, u"Builds"_s)};
}

QSet<QString> ids(std::initializer_list<QString> list)
{
    return QSet<QString>(list);
}

struct Fixture {
    Fixture()
    {
        model.setWatches(fleet());
        pane.resize(400, 400);
        pane.show();
        view = pane.view();
    }

    // The view's index (it sits on a proxy) of a model index.
    QModelIndex viewIndex(const QModelIndex &source) const
    {
        if (!source.isValid())
            return {};
        const QModelIndex parent = viewIndex(source.parent());
        return view->model()->index(source.row(), source.column(), parent);
    }
    QModelIndex watchRow(const QString &id) const { return viewIndex(model.indexOfWatch(id)); }

    void click(const QModelIndex &index)
    {
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    }

    QAction *action(const QString &name) const { return pane.findChild<QAction *>(name); }
    QToolButton *button(const QString &name) const
    {
        return qobject_cast<QToolButton *>(
            pane.findChild<QToolBar *>()->widgetForAction(action(name)));
    }

    SourcesModel model {nullptr};
    SourcesPane pane {&model};
    QTreeView *view = nullptr;
};

} // namespace

class tst_SourcesPane : public QObject {
    Q_OBJECT

private slots:
    void filterFollowsSelection();
    void buttonsFollowSelection();
    void buttonsEmitRequests();
    void keysAndDoubleClick();
    void expansionSurvivesUpdates();
    void movedWatchStaysSelected();
    void removedWatchClearsFilter();
    void decorations();
};

void tst_SourcesPane::filterFollowsSelection()
{
    Fixture f;
    QSignalSpy filter(&f.pane, &SourcesPane::watchFilterChanged);
    const QModelIndex group = f.watchRow(u"m1"_s).parent();
    f.click(group);
    QCOMPARE(filter.count(), 1);
    QCOMPARE(filter.last().at(0).value<QSet<QString>>(), ids({u"m1"_s, u"m2"_s}));
    QVERIFY(f.pane.currentWatchId().isEmpty());

    f.click(f.watchRow(u"m2"_s));
    QCOMPARE(filter.last().at(0).value<QSet<QString>>(), ids({u"m2"_s}));
    QCOMPARE(f.pane.currentWatchId(), u"m2"_s);

    f.click(group.parent()); // the MHO service row
    QCOMPARE(filter.last().at(0).value<QSet<QString>>(), ids({u"m1"_s, u"m2"_s, u"m3"_s}));

    // A watch joining the selected service widens the filter.
    QList<Watch> more = fleet();
    more.append(mho(u"m4"_s, u"Wave 4"_s, {}, u"us-east-1"_s));
    f.model.setWatches(more);
    QCOMPARE(f.pane.watchFilter(), ids({u"m1"_s, u"m2"_s, u"m3"_s, u"m4"_s}));
    QCOMPARE(filter.last().at(0).value<QSet<QString>>(), f.pane.watchFilter());

    f.view->selectionModel()->clear();
    QCOMPARE(filter.last().at(0).value<QSet<QString>>(), QSet<QString>());
    const int count = filter.count();
    f.view->selectionModel()->clear();
    QCOMPARE(filter.count(), count); // no news, no signal
}

void tst_SourcesPane::buttonsFollowSelection()
{
    Fixture f;
    QVERIFY(f.action(u"add"_s)->isEnabled());
    for (const QString &name : {u"edit"_s, u"remove"_s, u"pause"_s}) {
        QVERIFY2(!f.action(name)->isEnabled(), qPrintable(name));
        QVERIFY(!f.button(name)->isEnabled());
    }
    f.click(f.watchRow(u"m3"_s));
    for (const QString &name : {u"edit"_s, u"remove"_s, u"pause"_s})
        QVERIFY2(f.button(name)->isEnabled(), qPrintable(name));
    QCOMPARE(f.action(u"pause"_s)->text(), u"Pause watch"_s);

    f.click(f.watchRow(u"m3"_s).parent());
    for (const QString &name : {u"edit"_s, u"remove"_s, u"pause"_s})
        QVERIFY2(!f.button(name)->isEnabled(), qPrintable(name));
    QVERIFY(!f.action(u"add"_s)->toolTip().isEmpty());
    QVERIFY(!f.action(u"edit"_s)->icon().isNull());
}

void tst_SourcesPane::buttonsEmitRequests()
{
    Fixture f;
    QSignalSpy add(&f.pane, &SourcesPane::addRequested);
    QSignalSpy edit(&f.pane, &SourcesPane::editRequested);
    QSignalSpy remove(&f.pane, &SourcesPane::removeRequested);
    QSignalSpy pause(&f.pane, &SourcesPane::pauseRequested);

    QTest::mouseClick(f.button(u"add"_s), Qt::LeftButton);
    QCOMPARE(add.count(), 1);

    f.click(f.watchRow(u"c1"_s));
    QTest::mouseClick(f.button(u"edit"_s), Qt::LeftButton);
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit.last().at(0).toString(), u"c1"_s);
    QTest::mouseClick(f.button(u"remove"_s), Qt::LeftButton);
    QCOMPARE(remove.count(), 1);
    QCOMPARE(remove.last().at(0).toString(), u"c1"_s);
    QTest::mouseClick(f.button(u"pause"_s), Qt::LeftButton);
    QCOMPARE(pause.count(), 1);
    QCOMPARE(pause.last().at(0).toString(), u"c1"_s);
    QCOMPARE(pause.last().at(1).toBool(), true);

    // The app pauses it; the button turns into Resume.
    QList<Watch> paused = fleet();
    paused[3].paused = true;
    f.model.setWatches(paused);
    QCOMPARE(f.pane.currentWatchId(), u"c1"_s);
    QCOMPARE(f.action(u"pause"_s)->text(), u"Resume watch"_s);
    QTest::mouseClick(f.button(u"pause"_s), Qt::LeftButton);
    QCOMPARE(pause.last().at(1).toBool(), false);
    QCOMPARE(add.count(), 1);
}

void tst_SourcesPane::keysAndDoubleClick()
{
    Fixture f;
    QSignalSpy edit(&f.pane, &SourcesPane::editRequested);
    QSignalSpy remove(&f.pane, &SourcesPane::removeRequested);

    f.click(f.watchRow(u"m1"_s).parent());
    QTest::keyClick(f.view, Qt::Key_Delete);
    QTest::keyClick(f.view, Qt::Key_Return);
    QCOMPARE(remove.count(), 0); // a group is not a watch
    QCOMPARE(edit.count(), 0);

    f.click(f.watchRow(u"m1"_s));
    QTest::keyClick(f.view, Qt::Key_Delete);
    QCOMPARE(remove.count(), 1);
    QCOMPARE(remove.last().at(0).toString(), u"m1"_s);
    QTest::keyClick(f.view, Qt::Key_Return);
    QTest::keyClick(f.view, Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(edit.count(), 2);

    // Arrow keys move the selection, and the actions follow it.
    QTest::keyClick(f.view, Qt::Key_Down);
    QCOMPARE(f.pane.currentWatchId(), u"m2"_s);
    const QModelIndex m2 = f.watchRow(u"m2"_s);
    // The view only takes a double click on the row its last press was on.
    f.click(m2);
    QTest::mouseDClick(f.view->viewport(), Qt::LeftButton, {}, f.view->visualRect(m2).center());
    QCOMPARE(edit.count(), 3);
    QCOMPARE(edit.last().at(0).toString(), u"m2"_s);
}

void tst_SourcesPane::expansionSurvivesUpdates()
{
    Fixture f;
    const QModelIndex mhoGroup = f.watchRow(u"m1"_s).parent();
    const QModelIndex opsGroup = f.watchRow(u"m3"_s).parent();
    QVERIFY(f.view->isExpanded(mhoGroup));
    QVERIFY(f.view->isExpanded(mhoGroup.parent()));
    QVERIFY(f.view->isExpanded(opsGroup));
    f.view->collapse(opsGroup);

    // A new service and a new group come expanded; the collapsed group stays collapsed.
    QList<Watch> more = fleet();
    Watch images;
    images.id = u"i1"_s;
    images.service = Service::ImageBuilder;
    images.region = u"us-east-1"_s;
    images.imageBuildVersionArn =
        u"arn:aws:imagebuilder:us-east-1:123456789012:image/name/1.0.0/1"_s;
    more.append(images);
    more.append(mho(u"m5"_s, u"Tokyo"_s, {}, u"ap-northeast-1"_s));
    f.model.setWatches(more);
    QVERIFY(f.view->isExpanded(f.watchRow(u"i1"_s).parent()));
    QVERIFY(f.view->isExpanded(f.watchRow(u"i1"_s).parent().parent()));
    QVERIFY(f.view->isExpanded(f.watchRow(u"m5"_s).parent()));
    QVERIFY(f.view->isExpanded(f.watchRow(u"m1"_s).parent()));
    QVERIFY(!f.view->isExpanded(f.watchRow(u"m3"_s).parent()));
}

void tst_SourcesPane::movedWatchStaysSelected()
{
    Fixture f;
    f.click(f.watchRow(u"m1"_s));
    QSignalSpy filter(&f.pane, &SourcesPane::watchFilterChanged);
    QList<Watch> moved = fleet();
    moved[0].region = u"eu-west-1"_s;
    moved[0].profile = u"ops"_s; // now in "ops · eu-west-1" with m3
    f.model.setWatches(moved);
    QCOMPARE(f.model.indexOfWatch(u"m1"_s).parent().data().toString(), u"ops · eu-west-1"_s);
    QCOMPARE(f.pane.currentWatchId(), u"m1"_s);
    QVERIFY(f.view->selectionModel()->isRowSelected(
        f.watchRow(u"m1"_s).row(), f.watchRow(u"m1"_s).parent()));
    QTest::qWait(0);
    QCOMPARE(filter.count(), 0); // still just m1: the dashboard never saw a gap
    QCOMPARE(f.pane.watchFilter(), ids({u"m1"_s}));
}

void tst_SourcesPane::removedWatchClearsFilter()
{
    Fixture f;
    f.click(f.watchRow(u"c1"_s));
    QCOMPARE(f.pane.watchFilter(), ids({u"c1"_s}));
    QSignalSpy filter(&f.pane, &SourcesPane::watchFilterChanged);
    QList<Watch> fewer = fleet();
    fewer.removeLast();
    f.model.setWatches(fewer);
    QVERIFY(filter.count() == 1 || filter.wait());
    QCOMPARE(filter.last().at(0).value<QSet<QString>>(), QSet<QString>());
    QVERIFY(f.pane.currentWatchId().isEmpty());
    QVERIFY(!f.action(u"edit"_s)->isEnabled());
}

void tst_SourcesPane::decorations()
{
    Fixture f;
    const QModelIndex m1 = f.watchRow(u"m1"_s);
    const auto iconOf = [](const QModelIndex &index) {
        return index.data(Qt::DecorationRole).value<QIcon>();
    };
    QVERIFY(!iconOf(m1).isNull());
    QCOMPARE(iconOf(m1).cacheKey(), style::statusIcon(UnifiedStatus::Pending).cacheKey());
    QCOMPARE(iconOf(m1.parent().parent()).cacheKey(),
        style::serviceIcon(Service::MigrationHubOrchestrator).cacheKey());
    QVERIFY(iconOf(m1.parent()).isNull());

    const struct {
        WatchHealth::State state;
        UnifiedStatus icon;
    } cases[] = {{WatchHealth::State::Ok, UnifiedStatus::Succeeded},
        {WatchHealth::State::Degraded, UnifiedStatus::NeedsAttention},
        {WatchHealth::State::Offline, UnifiedStatus::Cancelled},
        {WatchHealth::State::AuthError, UnifiedStatus::Failed},
        {WatchHealth::State::ConfigError, UnifiedStatus::Failed}};
    for (const auto &c : cases) {
        WatchHealth h;
        h.state = c.state;
        f.model.setHealth(u"m1"_s, h);
        QCOMPARE(iconOf(m1).cacheKey(), style::statusIcon(c.icon).cacheKey());
    }
    QList<Watch> paused = fleet();
    paused[0].paused = true;
    f.model.setWatches(paused);
    QCOMPARE(iconOf(m1).cacheKey(), style::statusIcon(UnifiedStatus::Paused).cacheKey());
}

QTEST_MAIN(tst_SourcesPane)
#include "tst_sourcespane.moc"
