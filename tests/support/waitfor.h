#pragma once

#include <QElapsedTimer>
#include <QTest>

namespace sw::test {

/// Waits until pred() holds, processing events; false on timeout.
template<class Pred>
bool waitFor(Pred pred, int timeoutMs = 10000)
{
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QTest::qWait(10);
    }
    return true;
}

} // namespace sw::test
