// The dashboard's responsiveness, on the offscreen platform unless a display is given:
//  1. time from process start to the first workflows on screen in demo mode (the simulator in
//     process, real HTTP on 127.0.0.1), target ≤ 1 s;
//  2. the longest GUI-thread stall while a 10,000-workflow fleet is merged into the main
//     window's table (sorted proxy, delegates, selected workflow's tree and timeline), target
//     ≤ 16 ms per poll: a 1 ms timer measures the gaps in the event loop while 1 % of the
//     fleet changes per poll, with a paint between polls.
//
//   bench_gui [--workflows N] [--polls N]

#include "dashboardmodels.h"
#include "mainwindow.h"
#include "syntheticfleet.h"
#include "workflowtablemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

/// Milliseconds since the kernel started this process (Linux), or -1.
double msSinceProcessStart()
{
#ifndef Q_OS_LINUX
    return -1;
#else
    QFile stat(u"/proc/self/stat"_s);
    QFile uptime(u"/proc/uptime"_s);
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    // Field 22 (starttime, clock ticks since boot) comes after the ")" closing the name.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble();
    const double up = uptime.readAll().split(' ').value(0).toDouble();
    return (up - startTicks / double(sysconf(_SC_CLK_TCK))) * 1000.0;
#endif
}

/// The longest time the event loop went without running a 1 ms timer, while `work` runs.
class StallMeter {
public:
    StallMeter()
    {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        m_worst = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    double stop()
    {
        tick();
        m_timer.stop();
        return double(m_worst) / 1e6;
    }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        m_worst = std::max(m_worst, now - m_last);
        m_last = now;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Nothing of the operator's settings, watches or AWS files is read or written.
    QTemporaryDir home;
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", home.path().toUtf8());
    qputenv("XDG_DATA_HOME", home.path().toUtf8());
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"stepwatch.*.debug=false"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption workflowsOption(u"workflows"_s, u"Fleet size."_s, u"n"_s, u"10000"_s);
    QCommandLineOption pollsOption(u"polls"_s, u"Polls to merge."_s, u"n"_s, u"25"_s);
    parser.addOptions({workflowsOption, pollsOption});
    parser.process(app);
    const int workflows = std::max(100, parser.value(workflowsOption).toInt());
    const int polls = std::max(3, parser.value(pollsOption).toInt());

    {
        MainWindow::Options options;
        options.demo = true;
        MainWindow window(options);
        window.show();
        bool shown = false;
        QObject::connect(&window, &MainWindow::firstDataShown, [&] { shown = true; });
        while (!shown)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        const double fromStart = msSinceProcessStart();
        std::printf("demo: first data on screen %.0f ms after process start (%.0f ms after "
                    "main()), %d workflows\n",
            fromStart, double(sinceMain.nsecsElapsed()) / 1e6,
            window.workflowTable()->model()->rowCount());
    }

    MainWindow::Options options;
    MainWindow window(options);
    window.resize(1440, 900);
    window.show();
    QTest::qWait(100);
    WorkflowTableModel *table = window.models()->workflows();
    QRandomGenerator random(42);
    constexpr int steps = 20;
    QList<WorkflowSnapshot> fleet;
    for (int w = 0; w < workflows; ++w)
        fleet.append(bench::makeWorkflow(w, steps, random));

    StallMeter meter;
    meter.start();
    QElapsedTimer timer;
    timer.start();
    table->mergeWatch(u"fleet"_s, fleet);
    const double firstMergeMs = double(timer.nsecsElapsed()) / 1e6;
    QTest::qWait(50);
    const double firstStall = meter.stop();
    window.selectWorkflow(fleet.at(workflows / 2).key);
    QTest::qWait(100);

    QList<double> stalls;
    for (int poll = 0; poll < polls; ++poll) {
        bench::changeSome(fleet, std::max(1, workflows / 100), steps, random);
        meter.start();
        // As the poller delivers it: a queued call, merged and painted in the event loop.
        QTimer::singleShot(0, table, [&] { table->mergeWatch(u"fleet"_s, fleet); });
        QTest::qWait(60);
        stalls.append(meter.stop());
        QTest::qWait(40);
    }
    std::sort(stalls.begin(), stalls.end());
    std::printf("fleet: %d workflows x %d steps, first load %.1f ms merge (stall %.1f ms)\n",
        workflows, steps, firstMergeMs, firstStall);
    std::printf("polls: %d, 1 %% changed each: longest GUI-thread stall median %.1f ms, worst "
                "%.1f ms (target 16)\n",
        polls, stalls.at(stalls.size() / 2), stalls.last());
    return 0;
}
