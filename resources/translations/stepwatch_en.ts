<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>sw::ActionController</name>
    <message numerus="yes">
        <source>Retrying %n step(s)…</source>
        <translation>
            <numerusform>Retrying %n step…</numerusform>
            <numerusform>Retrying %n steps…</numerusform>
        </translation>
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
</context>
<context>
    <name>sw::WorkflowActions</name>
    <message numerus="yes">
        <source>Retry %n FAILED step(s) of &quot;%1&quot;?

• %2</source>
        <translation>
            <numerusform>Retry %n FAILED step of &quot;%1&quot;?

• %2</numerusform>
            <numerusform>Retry %n FAILED steps of &quot;%1&quot;?

• %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n step(s)…</source>
        <translation>
            <numerusform>Retrying %n step…</numerusform>
            <numerusform>Retrying %n steps…</numerusform>
        </translation>
    </message>
</context>
</TS>
