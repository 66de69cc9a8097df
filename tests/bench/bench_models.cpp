// Merging polls into the item models: a 10,000-workflow fleet with 20 steps each, 1 % of the
// workflows changed per poll, merged into the WorkflowTableModel (with the sorting filter
// proxy on top, as the dashboard has it), and the selected workflow into the StepTreeModel
// and TimelineModel. Prints the merge time (median and worst of 25 polls), the signals it
// caused (never a reset), the time a naive full reset of the same data takes through the
// same proxy, and the resident memory with the whole fleet loaded.
//
//   bench_models [--workflows N] [--steps N] [--polls N]
#include "steptreemodel.h"
#include "timelinemodel.h"
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include "support/residentmemory.h"
#include "syntheticfleet.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

// What a simple dashboard does: swap the data and reset.
class NaiveResetModel final : public QAbstractTableModel {
public:
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : WorkflowTableModel::ColumnCount;
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        const WorkflowSnapshot &w = m_rows.at(index.row());
        if (role == WorkflowTableModel::SortRole)
            return int(w.status);
        if (role == WorkflowTableModel::UnifiedStatusRole)
            return int(w.status);
        if (role == WorkflowTableModel::ServiceRole)
            return int(w.service);
        if (role == WorkflowTableModel::WatchIdRole)
            return w.watchId;
        if (role == WorkflowTableModel::WorkflowKeyRole)
            return w.key;
        if (role == Qt::DisplayRole)
            return w.name;
        return {};
    }
    void replaceAll(const QList<WorkflowSnapshot> &rows)
    {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }

private:
    QList<WorkflowSnapshot> m_rows;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption workflowsOption(u"workflows"_s, u"Fleet size."_s, u"n"_s, u"10000"_s);
    QCommandLineOption stepsOption(u"steps"_s, u"Steps per workflow."_s, u"n"_s, u"20"_s);
    QCommandLineOption pollsOption(u"polls"_s, u"Polls to merge."_s, u"n"_s, u"25"_s);
    parser.addOptions({workflowsOption, stepsOption, pollsOption});
    parser.process(app);
    const int workflows = std::max(100, parser.value(workflowsOption).toInt());
    const int steps = std::max(5, parser.value(stepsOption).toInt());
    const int polls = std::max(3, parser.value(pollsOption).toInt());

    const qint64 rssStart = test::residentKb();
    QRandomGenerator random(42);
    QList<WorkflowSnapshot> fleet;
    fleet.reserve(workflows);
    for (int w = 0; w < workflows; ++w)
        fleet.append(bench::makeWorkflow(w, steps, random));

    WorkflowTableModel table;
    WorkflowFilterProxy proxy;
    if (qEnvironmentVariableIsEmpty("BENCH_NO_PROXY")) {
        proxy.setSourceModel(&table);
        proxy.sort(WorkflowTableModel::StatusColumn);
    }
    StepTreeModel tree;
    TimelineModel timeline;

    QElapsedTimer timer;
    timer.start();
    table.mergeWatch(u"fleet"_s, fleet);
    const double firstLoadMs = double(timer.nsecsElapsed()) / 1e6;
    const WorkflowSnapshot *selected = table.workflow(fleet.at(workflows / 2).key);
    tree.setWorkflow(*selected);
    timeline.setWorkflow(*selected);
    const qint64 rssLoaded = test::residentKb();

    int resets = 0, dataChanged = 0, inserted = 0, removed = 0;
    QObject::connect(&table, &QAbstractItemModel::modelReset, [&] { ++resets; });
    QObject::connect(&table, &QAbstractItemModel::dataChanged, [&] { ++dataChanged; });
    QObject::connect(&table, &QAbstractItemModel::rowsInserted, [&] { ++inserted; });
    QObject::connect(&table, &QAbstractItemModel::rowsRemoved, [&] { ++removed; });

    const int changedPerPoll = std::max(1, workflows / 100);
    QList<double> mergeMs;
    for (int poll = 0; poll < polls; ++poll) {
        bench::changeSome(fleet, changedPerPoll, steps, random);
        timer.restart();
        table.mergeWatch(u"fleet"_s, fleet);
        const WorkflowSnapshot *current = table.workflow(selected->key);
        tree.setWorkflow(*current);
        timeline.setWorkflow(*current);
        mergeMs.append(double(timer.nsecsElapsed()) / 1e6);
    }
    const qint64 rssAfter = test::residentKb();

    NaiveResetModel naive;
    WorkflowFilterProxy naiveProxy;
    naiveProxy.setSourceModel(&naive);
    naiveProxy.sort(WorkflowTableModel::StatusColumn);
    naive.replaceAll(fleet);
    QList<double> resetMs;
    for (int poll = 0; poll < std::min(polls, 10); ++poll) {
        timer.restart();
        naive.replaceAll(fleet);
        resetMs.append(double(timer.nsecsElapsed()) / 1e6);
    }

    std::printf("bench_models: %d workflows x %d steps, %d changed per poll, %d polls\n", workflows,
        steps, changedPerPoll, polls);
    std::printf("  first load:        %8.1f ms\n", firstLoadMs);
    std::printf("  merge per poll:    %8.2f ms median, %.2f ms worst (target <= 5 ms)\n",
        median(mergeMs), *std::max_element(mergeMs.cbegin(), mergeMs.cend()));
    std::printf("  signals:           %d resets, %d dataChanged, %d inserts, %d removals\n", resets,
        dataChanged, inserted, removed);
    std::printf("  naive full reset:  %8.2f ms median (same data, same proxy)\n", median(resetMs));
    std::printf("  resident memory:   %lld MB at start, %lld MB loaded, %lld MB after the polls "
                "(target <= 150 MB)\n",
        rssStart / 1024, rssLoaded / 1024, rssAfter / 1024);
    return resets == 0 ? 0 : 2;
}
