#pragma once

#include "watch.h"

#include <QList>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

namespace sw {

namespace sim {
class Simulator;
}

/// The demo: the built-in simulator of the four services running in this process on
/// 127.0.0.1, one watch per service aimed at it, and an AWS environment of its own (made-up
/// keys and bearer token, no config files), so that the demo works on a machine without an
/// AWS account and never reads or sends the operator's real credentials. The simulator runs
/// at 60 simulated seconds per real second, so failures show up within a minute.
class DemoSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoSession)

public:
    static constexpr double Speed = 60.0;

    explicit DemoSession(int workflowsPerService = 10, QObject *parent = nullptr);
    ~DemoSession() override;

    /// Starts listening on a free loopback port. False with *error when it cannot.
    bool start(QString *error);
    QString url() const;
    /// One watch per service covering the simulator's first scope, polled as often as a
    /// real one would be.
    QList<Watch> watches() const;
    /// The environment the demo's AWS gateway reads: nothing of the real one.
    QProcessEnvironment environment() const;
    sim::Simulator *simulator() const { return m_simulator.get(); }

private:
    std::unique_ptr<sim::Simulator> m_simulator;
};

} // namespace sw
