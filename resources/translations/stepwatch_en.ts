<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>main</name>
    <message>
        <source>Stepwatch: a dashboard for AWS workflows (Migration Hub Orchestrator, Customer Profiles, EC2 Image Builder, CodeCatalyst).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start on the built-in simulator of the four services (no AWS account needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide and block every action that changes AWS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of the window once the first poll is shown, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window size for --screenshot, e.g. 1280x720 (default 1440x900).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log what the AWS layer does (never secrets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-size: give WIDTHxHEIGHT, e.g. 1280x720 (from 320x240 to 8000x8000)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::ActionController</name>
    <message numerus="yes">
        <source>Retrying %n step(s)…</source>
        <translation>
            <numerusform>Retrying %n step…</numerusform>
            <numerusform>Retrying %n steps…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stepwatch is in read-only mode: actions are switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workflow is no longer watched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Migration Hub Orchestrator steps can be retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step is not in the latest poll of &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step group cannot be retried; retry its failed steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A retry of &quot;%1&quot; is already in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only FAILED steps can be retried; &quot;%1&quot; is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The steps of &quot;%1&quot; have not been loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no FAILED steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every FAILED step of &quot;%1&quot; is already being retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only CodeCatalyst workflows can start a new run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workflow definition of &quot;%1&quot; is INVALID; fix it before starting a run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new run of &quot;%1&quot; is already being started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not confirmed: no poll within %n second(s) showed the change; check the workflow.</source>
        <translation>
            <numerusform>Not confirmed: no poll within %n second showed the change; check the workflow.</numerusform>
            <numerusform>Not confirmed: no poll within %n seconds showed the change; check the workflow.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by the next poll: run %1 is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by the next poll: the step is now %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watch of &quot;%1&quot; was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the chosen steps of &quot;%1&quot; is still FAILED.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry accepted; the step is now %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>being retried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::ActivityLogModel</name>
    <message numerus="yes">
        <source>%1 after %n request(s)</source>
        <translation>
            <numerusform>%1 after %n request</numerusform>
            <numerusform>%1 after %n requests</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the activity log %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepwatch was closed before the outcome arrived; check the workflow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · confirming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1, finished %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the activity log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the activity log %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rewrite the activity log %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::ActivityView</name>
    <message>
        <source>Copy request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::AwsEnvironment</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not usable — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your default AWS credentials were not found, but %n profile(s) can be used: %1. Choose one when you add a watch.</source>
        <translation>
            <numerusform>Your default AWS credentials were not found, but %n profile can be used: %1. Choose it when you add a watch.</numerusform>
            <numerusform>Your default AWS credentials were not found, but %n profiles can be used: %1. Choose one when you add a watch.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %n AWS profile(s), but none with credentials Stepwatch can use yet. Set up keys with &quot;aws configure&quot;, or try the demo, which needs none.</source>
        <translation>
            <numerusform>Found %n AWS profile, but without credentials Stepwatch can use yet. Set up keys with &quot;aws configure&quot;, or try the demo, which needs none.</numerusform>
            <numerusform>Found %n AWS profiles, but none with credentials Stepwatch can use yet. Set up keys with &quot;aws configure&quot;, or try the demo, which needs none.</numerusform>
        </translation>
    </message>
    <message>
        <source>No AWS credentials were found on this computer. Set them up with &quot;aws configure&quot; (or &quot;aws configure sso&quot;), then add a watch — or try the demo, which needs none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credential_process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credentials</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::AwsGateway</name>
    <message>
        <source>Unknown service %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::DemoSession</name>
    <message>
        <source>The built-in simulator could not listen on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo · %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::DetailsPane</name>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image build version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space / project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy all fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a workflow or step to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <comment>steps done / steps</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting run: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::FilterBar</name>
    <message numerus="yes">
        <source>Needs attention (%n)</source>
        <translation>
            <numerusform>Needs attention (%n)</numerusform>
            <numerusform>Needs attention (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter: name, id, status, message…  ( / )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter workflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the workflows of every status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only what needs a hand: failed workflows and those waiting for an operator, across all services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1 workflows; check several to combine them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::FleetSummary</name>
    <message numerus="yes">
        <source>%n failed</source>
        <comment>workflows in the fleet</comment>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <comment>workflows in the fleet</comment>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <comment>workflows in the fleet</comment>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s)</source>
        <comment>the whole fleet</comment>
        <translation>
            <numerusform>%n workflow</numerusform>
            <numerusform>%n workflows</numerusform>
        </translation>
    </message>
    <message>
        <source>No workflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · </source>
        <comment>separates the counts of the fleet summary</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::Freshness</name>
    <message>
        <source> since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not polled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throttled by AWS%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration error%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message>
        <source>never confirmed by a poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of %1 (%2 ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: polling is paused; its rows show the last poll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> since %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: waiting for the first answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is throttled by AWS%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is degraded%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is offline%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot sign in%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a configuration error%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::FreshnessBanner</name>
    <message>
        <source>Polling is paused (Space resumes it): every row shows its last poll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more watch(es).</source>
        <translation>
            <numerusform>… and %n more watch.</numerusform>
            <numerusform>… and %n more watches.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not live:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their rows are dimmed and show the data of the last poll that worked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::Item</name>
    <message>
        <source>%1 returned a page token it had returned before; the listing was stopped to avoid a loop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::MainWindow</name>
    <message numerus="yes">
        <source>Exported %n workflow(s) to %1</source>
        <translation>
            <numerusform>Exported %n workflow to %1</numerusform>
            <numerusform>Exported %n workflows to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;DEMO&lt;/b&gt; — a built-in simulator of the four services runs in this window at %1× speed; nothing here reaches AWS, and changes to watches are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order changed — re-sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polls changed rows while you were pointing at the table; their order is kept until you look away or click here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 succeeded: %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (request id %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add watch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow table as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow table as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeline as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter workflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Needs attention only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit timeline to &amp;width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read-only mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide and block every action that changes anything in AWS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a workflow &amp;fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a workflow &amp;needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a workflow &amp;succeeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Stepwatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some watches could not be read.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

The file was kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watches were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop watching %1? Its workflows leave the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export workflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the timeline to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Stepwatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stepwatch %1&lt;/h3&gt;&lt;p&gt;A desktop dashboard for AWS workflows: Migration Hub Orchestrator, Customer Profiles, EC2 Image Builder and CodeCatalyst.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepwatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepwatch — DEMO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started with --read-only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::MetricsChart</name>
    <message>
        <source>Records processed over time appear here for Customer Profiles workflows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records processed — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::ObservedTimes</name>
    <message>
        <source>Start and end are when Stepwatch saw the step change; the service does not report step times.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::PollingStatus</name>
    <message numerus="yes">
        <source>%n request(s) in the last minute</source>
        <translation>
            <numerusform>%n request in the last minute</numerusform>
            <numerusform>%n requests in the last minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next poll in %n s</source>
        <translation>
            <numerusform>Next poll in %n s</numerusform>
            <numerusform>Next poll in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Space pauses and resumes polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests sent to AWS in the last 60 seconds, all watches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The oldest data the table shows is older than twice its watch&apos;s polling interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>Retrying in %n s</numerusform>
            <numerusform>Retrying in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Throttled by AWS (%1): polling slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Throttled by AWS (%n watch(es)): polling slower</source>
        <translation>
            <numerusform>Throttled by AWS (%n watch): polling slower</numerusform>
            <numerusform>Throttled by AWS (%n watches): polling slower</numerusform>
        </translation>
    </message>
    <message>
        <source>Oldest data shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::ScreenshotTaker</name>
    <message>
        <source>no failed step appeared within %1 s; took the window as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::Service</name>
    <message>
        <source>Migration Hub Orchestrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MHO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EC2 Image Builder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image Builder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CodeCatalyst</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::SourcesModel</name>
    <message numerus="yes">
        <source>%n watch(es): %1</source>
        <translation>
            <numerusform>%n watch: %1</numerusform>
            <numerusform>%n watches: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile&apos;s region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the request budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>retrying in %n s</source>
        <translation>
            <numerusform>retrying in %n s</numerusform>
            <numerusform>retrying in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(after %n failed poll(s))</source>
        <translation>
            <numerusform>(after %n failed poll)</numerusform>
            <numerusform>(after %n failed polls)</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation>
            <numerusform>in %n s</numerusform>
            <numerusform>in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::SourcesPane</name>
    <message>
        <source>Add watch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit watch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a watch: a service, profile, region and scope to poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected watch (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected watch (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume polling the selected watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop polling the selected watch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::Status</name>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::StepTreeModel</name>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::TableExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::Theme</name>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::TimeFormat</name>
    <message numerus="yes">
        <source>in %n s</source>
        <translation>
            <numerusform>in %n s</numerusform>
            <numerusform>in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>in %n min</numerusform>
            <numerusform>in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n h</source>
        <translation>
            <numerusform>in %n h</numerusform>
            <numerusform>in %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n d</source>
        <translation>
            <numerusform>in %n d</numerusform>
            <numerusform>in %n d</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n d ago</numerusform>
            <numerusform>%n d ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min %1 s</source>
        <translation>
            <numerusform>%n min %1 s</numerusform>
            <numerusform>%n min %1 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h %1 min</source>
        <translation>
            <numerusform>%n h %1 min</numerusform>
            <numerusform>%n h %1 min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d %1 h</source>
        <translation>
            <numerusform>%n d %1 h</numerusform>
            <numerusform>%n d %1 h</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 local time (%2)
%3 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative (3 min ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::TimelineModel</name>
    <message>
        <source>%1 › %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::TimelinePainter</name>
    <message>
        <source>No step times are known yet: these steps had already started or finished when Stepwatch first saw them, and the service does not report step times. Their status is in the step tree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No step has started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End: running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End: not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a workflow to see its timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::TimelineView</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not encode the timeline as PNG.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::TrayNotifier</name>
    <message numerus="yes">
        <source>%n workflow(s) failed</source>
        <translation>
            <numerusform>%n workflow failed</numerusform>
            <numerusform>%n workflows failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s) need(s) attention</source>
        <translation>
            <numerusform>%n workflow needs attention</numerusform>
            <numerusform>%n workflows need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s) succeeded</source>
        <translation>
            <numerusform>%n workflow succeeded</numerusform>
            <numerusform>%n workflows succeeded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Pause polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Stepwatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepwatch — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>service · watch</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>status: workflow</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>between workflow names</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>between counts</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::Watch</name>
    <message>
        <source>The watch has no id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region &quot;%1&quot; is not a valid region name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the watch&apos;s endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; cannot be a profile name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 must be between %2 s and %3 s, not %4 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow execution id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id &quot;%1&quot; is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image build version ARN: required when no workflow execution ids are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image build version ARN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space and project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;service&quot; must be one of migrationhuborchestrator, customer-profiles, imagebuilder, codecatalyst, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value that is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;paused&quot; must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;ids&quot; must be a list of strings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::WatchDialog</name>
    <message>
        <source>Resolved from the region; e.g. http://127.0.0.1:4566</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Customer Profiles domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arn:aws:imagebuilder:region:account:image/name/1.0.0/1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CodeCatalyst space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project in that space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(default credentials)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default credentials are the environment variables, then the profile named by AWS_PROFILE or &quot;default&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile&apos;s region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: every workflow in the scope when empty. Separate ids with commas, spaces or new lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often running workflows are polled. Finished ones are polled rarely, and new ones are looked for every minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Domain name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image &amp;build version ARN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;pace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling &amp;interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow execution ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow execution ids; required when no image build version ARN is given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: only these workflows instead of every one in the scope.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::WatchHealth</name>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::WatchPoller</name>
    <message>
        <source>Not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::WatchStore</name>
    <message>
        <source>The file was kept as %1; a new one will be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It could not be moved aside, so Stepwatch will not save watches until %1 is fixed or removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Watches will not be saved until it can be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2 at byte %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not hold a &quot;watches&quot; list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has format version %2; this Stepwatch reads version %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its id &quot;%1&quot; is used by an earlier watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch %1 in %2 was skipped: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds watches that could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1 exists and was not read first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1 could not be read or moved aside, and would be overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: cannot create the folder for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: writing %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::WelcomePage</name>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a watch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a simulator of the four services inside Stepwatch and watches it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch workflows of your AWS account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Stepwatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepwatch keeps an eye on long-running AWS workflows: Migration Hub Orchestrator migrations, Customer Profiles imports, Image Builder pipelines and CodeCatalyst runs, side by side. See what runs, what failed and what waits for you, follow each step on a timeline, and retry or resume from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo runs a built-in simulator of the four services on this computer. It needs no AWS account and sends nothing to AWS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show where I looked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide where I looked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::WorkflowActions</name>
    <message>
        <source>&amp;Retry step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the selected FAILED Migration Hub Orchestrator step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;all failed steps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry every FAILED step of the selected workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;new run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new run of the selected CodeCatalyst workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll every watch now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop polling until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy workflow &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the id of the selected workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy A&amp;RN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the ARN of the selected workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;step id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the id of the selected step, run or execution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing every watch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume &amp;polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a workflow first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a FAILED step in the step tree first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying step &quot;%1&quot; (%2) of &quot;%3&quot; (%4)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retry %n FAILED step(s) of &quot;%1&quot; (%2)?

• %3</source>
        <translation>
            <numerusform>Retry %n FAILED step of &quot;%1&quot; (%2)?

• %3</numerusform>
            <numerusform>Retry %n FAILED steps of &quot;%1&quot; (%2)?

• %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry failed steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n step(s) of &quot;%1&quot;…</source>
        <translation>
            <numerusform>Retrying %n step of &quot;%1&quot;…</numerusform>
            <numerusform>Retrying %n steps of &quot;%1&quot;…</numerusform>
        </translation>
    </message>
    <message>
        <source>Start a new run of workflow &quot;%1&quot;?

Space: %2
Project: %3
Workflow id: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start new run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a new run of &quot;%1&quot;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::WorkflowTableModel</name>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason / message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sw::snapshots</name>
    <message>
        <source>Latest run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
