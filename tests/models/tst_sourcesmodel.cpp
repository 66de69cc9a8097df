// The Sources tree under QAbstractItemModelTester while watch lists are merged: whole trees are
// compared in a compact text notation, signals are counted (never a reset), persistent indexes
// must keep pointing at their watch, and health rolls up to the group and service rows.
#include "sourcesmodel.h"

#include "displaytime.h"
#include "simfleet.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

// "id|name|profile|region" or "id|name|profile|@endpoint"; the service is passed separately.
Watch watch(Service service, const QString &spec)
{
    const QStringList f = spec.split(u'|');
    Watch w;
    w.id = f.value(0);
    w.name = f.value(1);
    w.service = service;
    w.profile = f.value(2);
    const QString where = f.value(3);
    if (where.startsWith(u'@'))
        w.endpointUrl = where.mid(1);
    else
        w.region = where;
    switch (service) {
    case Service::MigrationHubOrchestrator:
        break;
    case Service::CustomerProfiles:
        w.domainName = u"domain"_s;
        break;
    case Service::ImageBuilder:
        w.imageBuildVersionArn =
            u"arn:aws:imagebuilder:us-east-1:123456789012:image/name/1.0.0/1"_s;
        break;
    case Service::CodeCatalyst:
        w.spaceName = u"space"_s;
        w.projectName = u"project"_s;
        break;
    }
    return w;
}

Watch mho(const QString &spec)
{
    return watch(Service::MigrationHubOrchestrator, spec);
}
Watch cc(const QString &spec)
{
    return watch(Service::CodeCatalyst, spec);
}

// One line per row: indentation for depth, the name, the health in brackets and the workflow
// count after '#' when the model shows one.
QStringList dump(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex name = model.index(row, SourcesModel::NameColumn, parent);
        QString text = QString(depth, u' ') + name.data().toString() + u" ["_s
            + model.index(row, SourcesModel::HealthColumn, parent).data().toString() + u']';
        const QString count =
            model.index(row, SourcesModel::WorkflowsColumn, parent).data().toString();
        if (!count.isEmpty())
            text += u" #"_s + count;
        lines << text;
        lines << dump(model, name, depth + 1);
    }
    return lines;
}

void attachTester(QAbstractItemModel &model)
{
    new QAbstractItemModelTester(
        &model, QAbstractItemModelTester::FailureReportingMode::Fatal, &model);
}

WatchHealth healthOf(WatchHealth::State state, const QString &error = {}, int workflows = 0)
{
    WatchHealth h;
    h.state = state;
    h.lastError = error;
    h.workflowCount = workflows;
    return h;
}

int stateAt(const QModelIndex &index)
{
    return index.data(SourcesModel::HealthStateRole).toInt();
}

// The tool tips are rich text; what the operator reads is the text without the markup.
QString plain(QString html)
{
    html.replace(u"<br>"_s, u"\n"_s);
    html.remove(QRegularExpression(u"<[^>]*>"_s));
    return html.replace(u"&lt;"_s, u"<"_s).replace(u"&gt;"_s, u">"_s).replace(u"&amp;"_s, u"&"_s);
}

const QList<Watch> fleet = {
    cc(u"c1|Builds|ops|us-west-2"_s),
    mho(u"m2|Wave 2||us-east-1"_s),
    mho(u"m1|Wave 1||us-east-1"_s),
    mho(u"m3|Europe|ops|eu-west-1"_s),
};

} // namespace

class tst_SourcesModel : public QObject {
    Q_OBJECT

private slots:
    void tree_data();
    void tree();
    void mergeAddsRemovesAndChanges();
    void moveToAnotherGroup();
    void renameMovesOnlyThatRow();
    void health_data();
    void health();
    void toolTips();
    void watchIds();
    void followsPoller();
};

void tst_SourcesModel::tree_data()
{
    QTest::addColumn<QList<Watch>>("watches");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("empty") << QList<Watch>() << QStringList();
    QTest::newRow("two services, profiles and regions")
        << fleet
        << QStringList {u"Migration Hub Orchestrator [Starting]"_s,
               u" default · us-east-1 [Starting]"_s, u"  Wave 1 [Starting]"_s,
               u"  Wave 2 [Starting]"_s, u" ops · eu-west-1 [Starting]"_s, u"  Europe [Starting]"_s,
               u"CodeCatalyst [Starting]"_s, u" ops · us-west-2 [Starting]"_s,
               u"  Builds [Starting]"_s};
    QTest::newRow("endpoint and profile's region")
        << QList<Watch> {mho(u"a|Sim||@http://127.0.0.1:4566"_s), mho(u"b|Home||"_s),
               mho(u"c|Sim 2||@http://localhost"_s)}
        << QStringList {u"Migration Hub Orchestrator [Starting]"_s,
               u" default · 127.0.0.1:4566 [Starting]"_s, u"  Sim [Starting]"_s,
               u" default · localhost [Starting]"_s, u"  Sim 2 [Starting]"_s,
               u" default · profile's region [Starting]"_s, u"  Home [Starting]"_s};
    QTest::newRow("all four services in enum order, duplicate id dropped")
        << QList<Watch> {cc(u"d|D|p|us-east-1"_s),
               watch(Service::ImageBuilder, u"c|C|p|us-east-1"_s),
               watch(Service::CustomerProfiles, u"b|B|p|us-east-1"_s), mho(u"a|A|p|us-east-1"_s),
               mho(u"a|A again|p|us-east-1"_s)}
        << QStringList {u"Migration Hub Orchestrator [Starting]"_s, u" p · us-east-1 [Starting]"_s,
               u"  A [Starting]"_s, u"Customer Profiles [Starting]"_s,
               u" p · us-east-1 [Starting]"_s, u"  B [Starting]"_s,
               u"EC2 Image Builder [Starting]"_s, u" p · us-east-1 [Starting]"_s,
               u"  C [Starting]"_s, u"CodeCatalyst [Starting]"_s, u" p · us-east-1 [Starting]"_s,
               u"  D [Starting]"_s};
}

void tst_SourcesModel::tree()
{
    QFETCH(QList<Watch>, watches);
    QFETCH(QStringList, expected);
    SourcesModel model(nullptr);
    attachTester(model);
    model.setWatches(watches);
    QCOMPARE(dump(model), expected);
    // Setting the same list again changes nothing.
    QSignalSpy anything(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setWatches(watches);
    QCOMPARE(anything.count(), 0);
    QCOMPARE(inserted.count(), 0);
}

void tst_SourcesModel::mergeAddsRemovesAndChanges()
{
    SourcesModel model(nullptr);
    attachTester(model);
    model.setWatches(fleet);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    const QPersistentModelIndex wave1 = model.indexOfWatch(u"m1"_s);
    QVERIFY(wave1.isValid());

    // A watch joins an existing group: one insert below that group.
    QList<Watch> next = fleet;
    next.append(mho(u"m0|Wave 0||us-east-1"_s));
    model.setWatches(next);
    QCOMPARE(inserted.count(), 1);
    const QModelIndex group = inserted.first().at(0).value<QModelIndex>();
    QCOMPARE(group.data().toString(), u"default · us-east-1"_s);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QVERIFY(changed.count() >= 1); // the group's summary
    QCOMPARE(wave1.data(SourcesModel::WatchIdRole).toString(), u"m1"_s);
    QCOMPARE(wave1.row(), 1);

    // A watch of a new service: the service row comes with its group and watch.
    inserted.clear();
    next.append(watch(Service::ImageBuilder, u"i1|Images||us-east-1"_s));
    model.setWatches(next);
    QCOMPARE(inserted.count(), 1);
    QVERIFY(!inserted.first().at(0).value<QModelIndex>().isValid());
    QCOMPARE(inserted.first().at(1).toInt(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowCount(model.index(1, 0)), 1);

    // The last watch of a group goes: so does the group.
    inserted.clear();
    next.removeIf([](const Watch &w) { return w.id == u"m3"_s; });
    model.setWatches(next);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(0).value<QModelIndex>().data().toString(),
        u"Migration Hub Orchestrator"_s);
    QCOMPARE(model.rowCount(model.index(0, 0)), 1);
    QCOMPARE(inserted.count(), 0);

    // Pausing changes the row in place.
    removed.clear();
    changed.clear();
    next[1].paused = true; // m2
    model.setWatches(next);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    const QModelIndex wave2 = model.indexOfWatch(u"m2"_s);
    const bool wave2Changed = std::any_of(changed.cbegin(), changed.cend(),
        [&](const QList<QVariant> &args) { return args.at(0).value<QModelIndex>() == wave2; });
    QVERIFY(wave2Changed);
    QVERIFY(wave2.data(SourcesModel::PausedRole).toBool());
    QCOMPARE(model.index(wave2.row(), SourcesModel::HealthColumn, wave2.parent()).data(),
        QVariant(u"Paused"_s));
    QVERIFY(!wave2.parent().data(SourcesModel::PausedRole).toBool()); // Wave 0 and 1 are not

    QCOMPARE(dump(model),
        (QStringList {u"Migration Hub Orchestrator [Starting]"_s,
            u" default · us-east-1 [Starting]"_s, u"  Wave 0 [Starting]"_s,
            u"  Wave 1 [Starting]"_s, u"  Wave 2 [Paused]"_s, u"EC2 Image Builder [Starting]"_s,
            u" default · us-east-1 [Starting]"_s, u"  Images [Starting]"_s,
            u"CodeCatalyst [Starting]"_s, u" ops · us-west-2 [Starting]"_s,
            u"  Builds [Starting]"_s}));
    QVERIFY(wave1.isValid());
    QCOMPARE(wave1.data(SourcesModel::WatchIdRole).toString(), u"m1"_s);

    // Everything goes.
    model.setWatches({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!wave1.isValid());
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 0);
    QVERIFY(!model.indexOfWatch(u"m1"_s).isValid());
}

void tst_SourcesModel::moveToAnotherGroup()
{
    SourcesModel model(nullptr);
    attachTester(model);
    model.setWatches(fleet);
    QList<Watch> next = fleet;
    next[2].profile = u"ops"_s; // m1 moves to "ops · us-east-1"
    next[2].region = u"us-east-1"_s;
    model.setWatches(next);
    QCOMPARE(model.indexOfWatch(u"m1"_s).parent().data().toString(), u"ops · us-east-1"_s);
    QCOMPARE(model.indexOfWatch(u"m1"_s).data(SourcesModel::WatchIdRole).toString(), u"m1"_s);
    QCOMPARE(dump(model).mid(0, 7),
        (QStringList {u"Migration Hub Orchestrator [Starting]"_s,
            u" default · us-east-1 [Starting]"_s, u"  Wave 2 [Starting]"_s,
            u" ops · eu-west-1 [Starting]"_s, u"  Europe [Starting]"_s,
            u" ops · us-east-1 [Starting]"_s, u"  Wave 1 [Starting]"_s}));
}

void tst_SourcesModel::renameMovesOnlyThatRow()
{
    SourcesModel model(nullptr);
    attachTester(model);
    model.setWatches(fleet);
    const QPersistentModelIndex wave2 = model.indexOfWatch(u"m2"_s);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QList<Watch> next = fleet;
    next[2].name = u"Wave 9"_s; // m1 sorts after Wave 2 now
    model.setWatches(next);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QVERIFY(wave2.isValid());
    QCOMPARE(wave2.row(), 0);
    QCOMPARE(model.indexOfWatch(u"m1"_s).row(), 1);
    QCOMPARE(model.indexOfWatch(u"m1"_s).data().toString(), u"Wave 9"_s);
}

void tst_SourcesModel::health_data()
{
    QTest::addColumn<QList<int>>("states"); // for m1 and m2 in the same group
    QTest::addColumn<int>("worst");

    using S = WatchHealth::State;
    QTest::newRow("ok ok") << QList<int> {int(S::Ok), int(S::Ok)} << int(S::Ok);
    QTest::newRow("ok starting") << QList<int> {int(S::Ok), int(S::Starting)} << int(S::Starting);
    QTest::newRow("degraded starting")
        << QList<int> {int(S::Starting), int(S::Degraded)} << int(S::Degraded);
    QTest::newRow("offline degraded")
        << QList<int> {int(S::Degraded), int(S::Offline)} << int(S::Offline);
    QTest::newRow("auth offline") << QList<int> {int(S::AuthError), int(S::Offline)}
                                  << int(S::AuthError);
    QTest::newRow("ok config") << QList<int> {int(S::Ok), int(S::ConfigError)}
                               << int(S::ConfigError);
}

void tst_SourcesModel::health()
{
    QFETCH(QList<int>, states);
    QFETCH(int, worst);
    SourcesModel model(nullptr);
    attachTester(model);
    model.setWatches(fleet);
    model.setHealth(u"m3"_s, healthOf(WatchHealth::State::Ok, {}, 4));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setHealth(u"m1"_s, healthOf(WatchHealth::State(states[0]), {}, 2));
    model.setHealth(u"m2"_s, healthOf(WatchHealth::State(states[1]), {}, 3));
    const QModelIndex m1 = model.indexOfWatch(u"m1"_s);
    const QModelIndex m2 = model.indexOfWatch(u"m2"_s);
    QCOMPARE(stateAt(m1), states[0]);
    QCOMPARE(stateAt(m2), states[1]);
    QCOMPARE(stateAt(m1.parent()), worst);
    // The service row also counts m3 (OK), which never outranks anything.
    QCOMPARE(stateAt(m1.parent().parent()), worst);
    QCOMPARE(m1.parent().siblingAtColumn(SourcesModel::WorkflowsColumn).data().toInt(), 5);
    QCOMPARE(m1.parent().parent().siblingAtColumn(SourcesModel::WorkflowsColumn).data().toInt(), 9);
    QCOMPARE(m1.parent().siblingAtColumn(SourcesModel::HealthColumn).data().toString(),
        WatchHealth::stateName(WatchHealth::State(worst)));

    QList<QModelIndex> rows;
    for (const QList<QVariant> &args : std::as_const(changed))
        rows.append(args.at(0).value<QModelIndex>());
    QVERIFY(rows.contains(m1));
    QVERIFY(rows.contains(m2));
    QVERIFY(rows.contains(m1.parent()));
    QVERIFY(rows.contains(m1.parent().parent()));

    // The same health again is no change.
    changed.clear();
    model.setHealth(u"m1"_s, healthOf(WatchHealth::State(states[0]), {}, 2));
    QCOMPARE(changed.count(), 0);

    // Health for a watch not shown yet is kept for when it comes.
    model.setHealth(u"later"_s, healthOf(WatchHealth::State::Offline));
    QCOMPARE(changed.count(), 0);
    QList<Watch> next = fleet;
    next.append(mho(u"later|Later||us-east-1"_s));
    model.setWatches(next);
    QCOMPARE(stateAt(model.indexOfWatch(u"later"_s)), int(WatchHealth::State::Offline));
}

void tst_SourcesModel::toolTips()
{
    SourcesModel model(nullptr);
    attachTester(model);
    model.setWatches(fleet);
    const QString error = u"An error occurred (ThrottlingException) when calling the "
                          "ListWorkflows operation: Rate exceeded <for this account>"_s;
    WatchHealth h = healthOf(WatchHealth::State::Degraded, error, 3);
    h.lastErrorCode = u"ThrottlingException"_s;
    h.lastSuccess = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    h.nextPoll = QDateTime::currentDateTimeUtc().addSecs(30);
    h.retrying = true;
    h.consecutiveFailures = 3;
    model.setHealth(u"m1"_s, h);
    model.setHealth(u"m2"_s, healthOf(WatchHealth::State::Ok));

    const QModelIndex m1 = model.indexOfWatch(u"m1"_s);
    QCOMPARE(m1.data(SourcesModel::LastErrorRole).toString(), error);
    const QString tip = plain(m1.data(Qt::ToolTipRole).toString());
    QVERIFY2(tip.contains(error), qPrintable(tip));
    QVERIFY2(tip.contains(u"Degraded"_s), qPrintable(tip));
    QVERIFY2(tip.contains(displayTime(h.lastSuccess)), qPrintable(tip));
    // A watch backing off says so, in seconds from now.
    QVERIFY2(tip.contains(u"retrying in 30 s"_s) || tip.contains(u"retrying in 29 s"_s),
        qPrintable(tip));
    QVERIFY2(tip.contains(u"after 3 failed poll"_s), qPrintable(tip));
    // On every column, so hovering the health shows it too.
    QCOMPARE(m1.siblingAtColumn(SourcesModel::HealthColumn).data(Qt::ToolTipRole),
        m1.data(Qt::ToolTipRole));

    const QString groupTip = plain(m1.parent().data(Qt::ToolTipRole).toString());
    QVERIFY2(groupTip.contains(u"2 watch"_s), qPrintable(groupTip));
    QVERIFY2(groupTip.contains(u"1 Degraded"_s), qPrintable(groupTip));
    QVERIFY2(groupTip.contains(u"1 OK"_s), qPrintable(groupTip));
    QVERIFY2(groupTip.contains(u"us-east-1"_s), qPrintable(groupTip));
}

void tst_SourcesModel::watchIds()
{
    SourcesModel model(nullptr);
    attachTester(model);
    model.setWatches(fleet);
    const QModelIndex m1 = model.indexOfWatch(u"m1"_s);
    QCOMPARE(m1.data(SourcesModel::WatchIdsRole).toStringList(), QStringList {u"m1"_s});
    QCOMPARE(m1.data(SourcesModel::RowKindRole).toInt(), int(SourcesModel::WatchRow));
    const QModelIndex group = m1.parent();
    QCOMPARE(group.data(SourcesModel::RowKindRole).toInt(), int(SourcesModel::GroupRow));
    QCOMPARE(
        group.data(SourcesModel::WatchIdsRole).toStringList(), (QStringList {u"m1"_s, u"m2"_s}));
    QVERIFY(group.data(SourcesModel::WatchIdRole).toString().isEmpty());
    const QModelIndex service = group.parent();
    QCOMPARE(
        service.data(SourcesModel::ServiceRole).toInt(), int(Service::MigrationHubOrchestrator));
    QCOMPARE(service.siblingAtColumn(SourcesModel::WorkflowsColumn)
                 .data(SourcesModel::WatchIdsRole)
                 .toStringList(),
        (QStringList {u"m1"_s, u"m2"_s, u"m3"_s}));
    QCOMPARE(model.watchAt(m1)->name, u"Wave 1"_s);
    QCOMPARE(model.watchAt(group), nullptr);
}

void tst_SourcesModel::followsPoller()
{
    test::SimFleet sim(3);
    SourcesModel model(sim.poller.get());
    attachTester(model);
    const Watch w = sim.watchFor(Service::MigrationHubOrchestrator);
    model.setWatches({w});
    sim.poller->addWatch(w);
    QVERIFY(test::waitFor([&] {
        return stateAt(model.indexOfWatch(w.id)) == int(WatchHealth::State::Ok)
            && model.health(w.id).workflowCount > 0;
    }));
    const QModelIndex row = model.indexOfWatch(w.id);
    QCOMPARE(row.siblingAtColumn(SourcesModel::WorkflowsColumn).data().toInt(),
        model.health(w.id).workflowCount);
    // The group names the region the poller resolved (the watch names none).
    QCOMPARE(row.parent().data().toString(),
        u"default · us-east-1 · %1"_s.arg(
            QUrl(w.endpointUrl).host() + u':' + QString::number(QUrl(w.endpointUrl).port())));
}

QTEST_GUILESS_MAIN(tst_SourcesModel)
#include "tst_sourcesmodel.moc"
