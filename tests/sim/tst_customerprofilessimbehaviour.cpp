// The simulated Customer Profiles service over simulated time: records that grow, AppFlow
// workflows that move through their statuses in order, and 50,000 workflows.

#include "customerprofilessimtestsupport.h"
#include "support/residentmemory.h"

#include "sim/simulator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw::sim;
using namespace sw::test::customerprofiles;
using sw::test::jsonOf;

namespace {

const QSet<QString> terminal = {u"COMPLETE"_s, u"FAILED"_s, u"CANCELLED"_s};

} // namespace

class TestCustomerProfilesSimBehaviour : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recordsGrowOverTime();
    void workflowsEvolveInOrder();
    void allStatusesAcrossSeeds();
    void scale();
};

void TestCustomerProfilesSimBehaviour::recordsGrowOverTime()
{
    Simulator sim(SimOptions {13, 1.0, 40});
    QList<QPair<QString, QString>> running;
    for (const QString &domain : domainsOf(sim)) {
        for (const QJsonValue &item : listAll(sim, domain, 100, R"({"Status":"IN_PROGRESS"})"))
            running.append({domain, item[u"WorkflowId"_s].toString()});
    }
    QVERIFY(!running.isEmpty());
    const QString path = workflowPath(running.first().first, running.first().second);
    // A batch's own count grows while it runs (not only when a batch completes), never drops,
    // and the workflow's total is the sum of its batches.
    QHash<QString, double> records; // per flow
    QHash<QString, QString> status;
    int grewWhileRunning = 0;
    double lastUpdated = 0;
    for (int i = 0; i < 200; ++i) {
        const QJsonObject wf = jsonOf(call(sim, "GET", path));
        const QJsonArray items = jsonOf(call(sim, "GET", path + u"/steps"_s))[u"Items"_s].toArray();
        double sum = 0;
        for (const QJsonValue &item : items) {
            const QJsonObject s = item[u"AppflowIntegration"_s].toObject();
            const QString flow = s[u"FlowName"_s].toString();
            const double r = s[u"RecordsProcessed"_s].toDouble();
            QVERIFY(r >= records.value(flow));
            if (status.value(flow) == u"IN_PROGRESS" && s[u"Status"_s].toString() == u"IN_PROGRESS"
                && r > records.value(flow))
                ++grewWhileRunning;
            records[flow] = r;
            status[flow] = s[u"Status"_s].toString();
            sum += r;
        }
        QCOMPARE(wf[u"Metrics"_s][u"AppflowIntegration"_s][u"RecordsProcessed"_s].toDouble(), sum);
        QVERIFY(wf[u"LastUpdatedAt"_s].toDouble() >= lastUpdated);
        lastUpdated = wf[u"LastUpdatedAt"_s].toDouble();
        if (terminal.contains(wf[u"Status"_s].toString()))
            break;
        sim.clock().advance(20000);
    }
    QVERIFY2(grewWhileRunning >= 3, qPrintable(QString::number(grewWhileRunning)));
}

void TestCustomerProfilesSimBehaviour::workflowsEvolveInOrder()
{
    Simulator sim(SimOptions {14, 1.0, 30});
    const auto workflows = everyWorkflow(sim);
    const QHash<QString, QSet<QString>> next = {{u"NOT_STARTED"_s, {u"SPLIT"_s}},
        {u"SPLIT"_s, {u"IN_PROGRESS"_s}},
        {u"IN_PROGRESS"_s, {u"RETRY"_s, u"COMPLETE"_s, u"FAILED"_s, u"CANCELLED"_s}},
        {u"RETRY"_s, {u"IN_PROGRESS"_s, u"FAILED"_s, u"CANCELLED"_s}}};
    QHash<QString, QString> last;
    QSet<QString> transitions;
    for (int round = 0; round < 8 * 60; ++round) { // 4 simulated hours in 30 s steps
        for (const auto &[domain, id] : workflows) {
            const QJsonObject wf = jsonOf(call(sim, "GET", workflowPath(domain, id)));
            const QString status = wf[u"Status"_s].toString();
            const QString before = last.value(id, status);
            if (before != status) {
                QVERIFY2(
                    next.value(before).contains(status), qPrintable(before + u" -> "_s + status));
                transitions.insert(before + u"->"_s + status);
            }
            last[id] = status;
            if (round % 20 != 0)
                continue;
            // Batches run one after another: done ones, at most one active, then waiting ones.
            const QJsonArray items =
                jsonOf(call(sim, "GET", workflowPath(domain, id) + u"/steps"_s))[u"Items"_s]
                    .toArray();
            QString shape;
            for (const QJsonValue &item : items) {
                const QString s = item[u"AppflowIntegration"_s][u"Status"_s].toString();
                shape += s == u"COMPLETE" ? u'C'
                    : s == u"NOT_STARTED" ? u'N'
                    : s == u"CANCELLED"   ? u'X'
                                          : u'A';
            }
            static const QRegularExpression order(u"^C*(A?N*|X+)$"_s);
            QVERIFY2(order.match(shape).hasMatch(), qPrintable(shape));
        }
        sim.clock().advance(30000);
    }
    for (const QString &status : std::as_const(last))
        QVERIFY2(terminal.contains(status), qPrintable(status));
    for (const QString &t : {u"NOT_STARTED->SPLIT"_s, u"SPLIT->IN_PROGRESS"_s,
             u"IN_PROGRESS->RETRY"_s, u"RETRY->IN_PROGRESS"_s, u"IN_PROGRESS->COMPLETE"_s})
        QVERIFY2(transitions.contains(t), qPrintable(t));
}

void TestCustomerProfilesSimBehaviour::allStatusesAcrossSeeds()
{
    QSet<QString> seen;
    for (quint64 seed = 1; seed <= 5; ++seed) {
        Simulator sim(SimOptions {seed, 1.0, 10});
        QSet<QString> here;
        for (const QString &domain : domainsOf(sim)) {
            for (const QJsonValue &item : listAll(sim, domain, 100))
                here.insert(item[u"Status"_s].toString());
        }
        qInfo("seed %llu: %lld statuses", seed, qint64(here.size()));
        seen += here;
    }
    QCOMPARE(seen, QSet<QString>(allStatuses.begin(), allStatuses.end()));
}

void TestCustomerProfilesSimBehaviour::scale()
{
    QElapsedTimer timer;
    timer.start();
    Simulator sim(SimOptions {15, 1.0, 50000});
    const qint64 built = timer.restart();
    const QStringList domains = domainsOf(sim); // the inventory is not free at this size
    qsizetype total = 0;
    int pages = 0;
    QSet<QString> ids;
    for (const QString &domain : domains) {
        int p = 0;
        const QJsonArray all = listAll(sim, domain, 100, "{}", &p);
        pages += p;
        total += all.size();
        for (const QJsonValue &item : all)
            ids.insert(item[u"WorkflowId"_s].toString());
    }
    const qint64 listed = timer.restart();
    QCOMPARE(total, 50000);
    QCOMPARE(ids.size(), 50000);

    const QString domain = domains.first();
    const SimResponse failed = call(sim, "POST",
        u"/domains/%1/workflows?max-results=100"_s.arg(domain), R"({"Status":"FAILED"})");
    QCOMPARE(failed.status, 200);
    const qint64 filtered = timer.restart();
    int fetched = 0;
    for (const QString &id : ids) {
        if (fetched == 2000)
            break;
        for (const QString &d : domains) {
            const SimResponse r = call(sim, "GET", workflowPath(d, id) + u"/steps"_s);
            if (r.status == 200) {
                ++fetched;
                break;
            }
        }
    }
    QCOMPARE(fetched, 2000);
    qInfo("50,000 workflows: built in %lld ms; listed in %d pages in %lld ms; status filter %lld "
          "ms; 2,000 GetWorkflowSteps in %lld ms; RSS %s",
        built, pages, listed, filtered, timer.elapsed(),
        (QByteArray::number(sw::test::residentKb()) + " kB").constData());
}

QTEST_GUILESS_MAIN(TestCustomerProfilesSimBehaviour)
#include "tst_customerprofilessimbehaviour.moc"
