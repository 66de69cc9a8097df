#include "shareddir.h"

#include <QDir>
#include <QFileInfo>

namespace sw::test {

QString sharedDir()
{
    // The environment wins so a test can be pointed at another copy without rebuilding.
    QString dir = qEnvironmentVariable("STEPWATCH_SHARED_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(STEPWATCH_SHARED_DIR);
    const QFileInfo info(dir + QStringLiteral("/aws-models"));
    return info.isDir() ? QDir::cleanPath(dir) : QString();
}

} // namespace sw::test
