#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace sw::aws {

/// One AWS partition as the endpoint rule sets' `aws.partition` function sees it: the
/// partition's "outputs" from botocore's data/partitions.json plus what picks it for a region.
/// The data is compiled in (botocore 1.43.x) so that the application needs no model files.
struct Partition {
    QString id; ///< also what `getAttr(PartitionResult, "name")` yields, e.g. "aws-us-gov"
    QString regionRegex; ///< e.g. "^cn\\-\\w+\\-\\d+$", as written in partitions.json
    QStringList regions; ///< explicitly listed regions, incl. pseudo ones like "aws-cn-global"
    QString dnsSuffix; ///< e.g. "amazonaws.com.cn"
    QString dualStackDnsSuffix; ///< e.g. "api.amazonwebservices.com.cn"
    bool supportsFIPS = false;
    bool supportsDualStack = false;
    QString implicitGlobalRegion; ///< e.g. "cn-northwest-1"

    /// regionRegex, compiled once when the table is built.
    QRegularExpression regionPattern;
};

/// Every partition, in partitions.json order; the first one is "aws".
const QList<Partition> &partitions();

/// What the rule engine's `aws.partition(region)` returns: the partition that lists the
/// region explicitly, else the first whose regionRegex matches, else "aws". It never fails,
/// so an unknown or empty region resolves in the aws partition, as it does in botocore.
const Partition &partitionForRegion(const QString &region);

/// The partition with this id, or nullptr.
const Partition *partitionById(const QString &id);

} // namespace sw::aws
