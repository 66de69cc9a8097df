// The text tables of the simulated Migration Hub Orchestrator: templates, applications,
// step-group names and step kinds.

#include "migrationhuborchestratortables.h"

#include <QList>

namespace sw::sim::mho {

const std::array<Template, 4> templates {{
    {u"tmpl-rehost-ec2", u"Rehost applications on Amazon EC2", u"rehost",
        u"AWS Application Migration Service", u"https://console.aws.amazon.com/mgn/home?region=%1"},
    {u"tmpl-sap-netweaver", u"Migrate SAP NetWeaver applications to AWS", u"replatform",
        u"AWS Launch Wizard", u"https://console.aws.amazon.com/launchwizard/home?region=%1"},
    {u"tmpl-sql-server-rds", u"Replatform SQL Server databases to Amazon RDS", u"replatform",
        u"AWS Database Migration Service", u"https://console.aws.amazon.com/dms/v2/home?region=%1"},
    {u"tmpl-vm-import", u"Import virtual machines to Amazon EC2", u"relocate", u"VM Import/Export",
        u"https://docs.aws.amazon.com/vm-import/latest/userguide/"},
}};

// Names stay within the adsApplicationConfigurationName pattern, so each can be filtered on.
const std::array<Application, 20> applications {{{u"Oracle ERP", 0}, {u"SAP HANA", 1},
    {u"SAP BW", 1}, {u"Payroll", 2}, {u"Customer portal", 0}, {u"Data warehouse", 2},
    {u"Exchange 2016", 3}, {u"SharePoint farm", 3}, {u"Jira and Confluence", 0},
    {u"Billing engine", 0}, {u"CRM", 2}, {u"Warehouse management", 0}, {u"HR self-service", 3},
    {u"Document archive", 3}, {u"Trading gateway", 0}, {u"Claims processing", 2}, {u"Intranet", 3},
    {u"Ticketing", 0}, {u"Fleet telematics", 0}, {u"Batch scheduler", 3}}};

const std::array<QStringView, 5> groupNames {u"Validate source environment",
    u"Prepare target environment", u"Replicate servers", u"Cutover", u"Post-migration validation"};

namespace {

// Six step kinds per group kind, in run order, one per line:
//   name|description|script (none: a MANUAL step)|problem|A (targets all servers) or 1
// `problem` is the failure message of an automated step and the attention message of a manual
// one; %1 is a server name.
constexpr QStringView stepTable =
    uR"(Verify source server inventory|Confirms every server reports to the discovery agent.|validate/verify_inventory.py|Discovery agent on %1 has not reported for 26 hours|A
Check replication prerequisites|Checks ports 443 and 1500, free disk and OS support.|validate/check_prereqs.py|Port 1500 from %1 to the replication subnet is blocked by a firewall rule|A
Validate source credentials|Logs in to each source server with the stored secret.|validate/check_credentials.ps1|Credentials for %1 were rejected: Access is denied (0x80070005)|A
Confirm change window|The application owner confirms the agreed change window.||Waiting for the application owner to confirm the change window|1
Snapshot source volumes|Takes crash-consistent snapshots of all source volumes.|validate/snapshot_volumes.py|VSS snapshot of C: on %1 timed out after 900 seconds|A
Record baseline metrics|Captures CPU, memory and latency baselines.|validate/baseline_metrics.py|CloudWatch agent could not be started on %1|A
Create target subnets|Creates the application subnets in the landing-zone VPC.|prepare/create_subnets.py|Subnet CIDR 10.42.8.0/24 overlaps an existing subnet in vpc-0a1b2c3d4e5f60718|1
Configure security groups|Creates security groups from the source firewall rules.|prepare/security_groups.py|Rule limit of 60 inbound rules per security group exceeded for %1|1
Approve target instance sizing|Review and approve the right-sizing recommendations.||Right-sizing recommendations are ready and need sign-off|1
Create launch templates|Creates an EC2 launch template for every source server.|prepare/launch_templates.py|Instance type r5.4xlarge is not offered in the Availability Zone chosen for %1|A
Set up replication IAM roles|Creates the roles the replication servers assume.|prepare/iam_roles.py|iam:PassRole was denied for role MGNReplicationServerRole|1
Create KMS keys|Creates customer-managed KMS keys for EBS encryption.|prepare/kms_keys.py|The key policy of alias/mho-ebs does not allow the replication role to use it|1
Install replication agents|Installs the AWS Replication Agent on every server.|replicate/install_agent.py|Replication agent installer exited with code 1603 on %1|A
Start data replication|Starts block-level replication to the staging area.|replicate/start_replication.py|Replication agent on %1 lost connection to the staging area|A
Wait for initial sync|Waits until every server has completed its initial sync.|replicate/wait_sync.py|Initial sync of %1 stalled at 87%: the staging disk is full|A
Launch test instances|Launches test instances from the replicated volumes.|replicate/launch_test.py|Test instance for %1 failed the instance reachability check|A
Run smoke tests|Run the smoke tests against the test instances, then confirm.||Test instances are up; confirm that the smoke tests passed|A
Mark ready for cutover|Marks every server as ready for cutover.|replicate/mark_ready.py|%1 has a replication lag of 42 minutes; cannot mark it ready|A
Stop application services|Stop the application on the source servers.||Stop the application services on the source servers, then confirm|1
Final data sync|Replicates the last changes before cutover.|cutover/final_sync.py|Final sync of %1 failed: the source disk changed size during replication|A
Launch cutover instances|Launches the production instances.|cutover/launch.py|Cutover instance for %1 could not be launched: InsufficientInstanceCapacity|A
Cutover DNS|Points the application's DNS records at the new instances.|cutover/update_dns.py|Route 53 rejected the change for %1.corp.example: InvalidChangeBatch|1
Finalize cutover|Finalizes cutover and stops replication.|cutover/finalize.py|Could not finalize cutover for %1: the source server is still replicating|A
Archive source servers|Archives the source servers in AWS MGN.|cutover/archive.py|Archiving %1 failed: it is still part of an active wave|A
Verify application health checks|Calls the health endpoint of every instance.|post/health_checks.py|Health check https://%1.corp.example/health returned HTTP 503|A
Validate data integrity|Compares row counts and checksums of source and target.|post/data_integrity.py|Row counts differ between source and target for 3 tables on %1|A
Enable AWS Backup|Assigns the instances to the application's backup plan.|post/enable_backup.py|AWS Backup could not assign %1: the role lacks backup:CreateBackupSelection|A
Application owner sign-off|The application owner confirms the application works.||Waiting for the application owner's sign-off|1
Update CMDB records|Updates the configuration management database.|post/update_cmdb.py|CMDB API returned 401 Unauthorized while updating %1|A
Schedule source decommission|Schedule the decommissioning of the source servers.||Confirm the decommission date with the data-centre team|1)";

} // namespace

QString StepKind::problemOn(const QString &server) const
{
    return problem.contains(u"%1") ? problem.toString().arg(server) : problem.toString();
}

const std::vector<StepKind> &stepKinds()
{
    static const std::vector<StepKind> kinds = [] {
        std::vector<StepKind> out;
        for (QStringView line : stepTable.split(u'\n')) {
            const QList<QStringView> f = line.split(u'|');
            out.push_back({f[0], f[1], f[2], f[3], f[2].isEmpty(), f[4] == u"A"});
        }
        return out;
    }();
    return kinds;
}

} // namespace sw::sim::mho
