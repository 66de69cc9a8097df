#include "partitions.h"

namespace sw::aws {

using namespace Qt::StringLiterals;

namespace {

Partition makePartition(const QString &id, const QString &regionRegex, const QStringList &regions,
    const QString &dnsSuffix, const QString &dualStackDnsSuffix, bool supportsFIPS,
    bool supportsDualStack, const QString &implicitGlobalRegion)
{
    Partition p;
    p.id = id;
    p.regionRegex = regionRegex;
    p.regions = regions;
    p.dnsSuffix = dnsSuffix;
    p.dualStackDnsSuffix = dualStackDnsSuffix;
    p.supportsFIPS = supportsFIPS;
    p.supportsDualStack = supportsDualStack;
    p.implicitGlobalRegion = implicitGlobalRegion;
    p.regionPattern = QRegularExpression(regionRegex);
    // Compiling here, while the table is built under the static's initialisation guard, means
    // later matches from any thread only read the compiled pattern.
    p.regionPattern.optimize();
    Q_ASSERT(p.regionPattern.isValid());
    return p;
}

QList<Partition> buildTable()
{
    // botocore/data/partitions.json (version 1.1) as shipped with botocore 1.43.11, in file
    // order. Older releases differ in ways that change URLs: the ISO partitions used to say
    // supportsDualStack false and repeat dnsSuffix as dualStackDnsSuffix, and aws-eusc was
    // missing. Only the explicitly listed names matter beyond the regexes (the "*-global"
    // pseudo regions), but the whole lists are kept so the table can be diffed against the file.
    QList<Partition> table;
    table << makePartition(u"aws"_s, u"^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$"_s,
        {u"af-south-1"_s, u"ap-east-1"_s, u"ap-east-2"_s, u"ap-northeast-1"_s, u"ap-northeast-2"_s,
            u"ap-northeast-3"_s, u"ap-south-1"_s, u"ap-south-2"_s, u"ap-southeast-1"_s,
            u"ap-southeast-2"_s, u"ap-southeast-3"_s, u"ap-southeast-4"_s, u"ap-southeast-5"_s,
            u"ap-southeast-6"_s, u"ap-southeast-7"_s, u"aws-global"_s, u"ca-central-1"_s,
            u"ca-west-1"_s, u"eu-central-1"_s, u"eu-central-2"_s, u"eu-north-1"_s, u"eu-south-1"_s,
            u"eu-south-2"_s, u"eu-west-1"_s, u"eu-west-2"_s, u"eu-west-3"_s, u"il-central-1"_s,
            u"me-central-1"_s, u"me-south-1"_s, u"mx-central-1"_s, u"sa-east-1"_s, u"us-east-1"_s,
            u"us-east-2"_s, u"us-west-1"_s, u"us-west-2"_s},
        u"amazonaws.com"_s, u"api.aws"_s, true, true, u"us-east-1"_s);
    table << makePartition(u"aws-cn"_s, u"^cn\\-\\w+\\-\\d+$"_s,
        {u"aws-cn-global"_s, u"cn-north-1"_s, u"cn-northwest-1"_s}, u"amazonaws.com.cn"_s,
        u"api.amazonwebservices.com.cn"_s, true, true, u"cn-northwest-1"_s);
    table << makePartition(u"aws-eusc"_s, u"^eusc\\-(de)\\-\\w+\\-\\d+$"_s, {u"eusc-de-east-1"_s},
        u"amazonaws.eu"_s, u"api.amazonwebservices.eu"_s, true, true, u"eusc-de-east-1"_s);
    table << makePartition(u"aws-iso"_s, u"^us\\-iso\\-\\w+\\-\\d+$"_s,
        {u"aws-iso-global"_s, u"us-iso-east-1"_s, u"us-iso-west-1"_s}, u"c2s.ic.gov"_s,
        u"api.aws.ic.gov"_s, true, true, u"us-iso-east-1"_s);
    table << makePartition(u"aws-iso-b"_s, u"^us\\-isob\\-\\w+\\-\\d+$"_s,
        {u"aws-iso-b-global"_s, u"us-isob-east-1"_s, u"us-isob-west-1"_s}, u"sc2s.sgov.gov"_s,
        u"api.aws.scloud"_s, true, true, u"us-isob-east-1"_s);
    table << makePartition(u"aws-iso-e"_s, u"^eu\\-isoe\\-\\w+\\-\\d+$"_s,
        {u"aws-iso-e-global"_s, u"eu-isoe-west-1"_s}, u"cloud.adc-e.uk"_s,
        u"api.cloud-aws.adc-e.uk"_s, true, true, u"eu-isoe-west-1"_s);
    table << makePartition(u"aws-iso-f"_s, u"^us\\-isof\\-\\w+\\-\\d+$"_s,
        {u"aws-iso-f-global"_s, u"us-isof-east-1"_s, u"us-isof-south-1"_s}, u"csp.hci.ic.gov"_s,
        u"api.aws.hci.ic.gov"_s, true, true, u"us-isof-south-1"_s);
    table << makePartition(u"aws-us-gov"_s, u"^us\\-gov\\-\\w+\\-\\d+$"_s,
        {u"aws-us-gov-global"_s, u"us-gov-east-1"_s, u"us-gov-west-1"_s}, u"amazonaws.com"_s,
        u"api.aws"_s, true, true, u"us-gov-west-1"_s);
    return table;
}

} // namespace

const QList<Partition> &partitions()
{
    static const QList<Partition> table = buildTable();
    return table;
}

const Partition &partitionForRegion(const QString &region)
{
    const QList<Partition> &table = partitions();
    if (!region.isEmpty()) {
        // Explicit names first across all partitions (the Smithy definition): pseudo regions
        // such as "aws-us-gov-global" match no regex, and a listed name must never be claimed
        // by an earlier partition's pattern.
        for (const Partition &p : table) {
            if (p.regions.contains(region))
                return p;
        }
        for (const Partition &p : table) {
            if (p.regionPattern.match(region).hasMatch())
                return p;
        }
    }
    return table.constFirst();
}

const Partition *partitionById(const QString &id)
{
    for (const Partition &p : partitions()) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

} // namespace sw::aws
