<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>main</name>
    <message>
        <source>Stepwatch: a dashboard for AWS workflows (Migration Hub Orchestrator, Customer Profiles, EC2 Image Builder, CodeCatalyst).</source>
        <translation>Stepwatch: ein Dashboard für AWS-Workflows (Migration Hub Orchestrator, Customer Profiles, EC2 Image Builder, CodeCatalyst).</translation>
    </message>
    <message>
        <source>Start on the built-in simulator of the four services (no AWS account needed).</source>
        <translation>Mit dem eingebauten Simulator der vier Dienste starten (kein AWS-Konto nötig).</translation>
    </message>
    <message>
        <source>Hide and block every action that changes AWS.</source>
        <translation>Jede Aktion, die etwas in AWS ändert, ausblenden und sperren.</translation>
    </message>
    <message>
        <source>Save a PNG of the window once the first poll is shown, then exit.</source>
        <translation>Ein PNG des Fensters speichern, sobald die erste Abfrage angezeigt wird, dann beenden.</translation>
    </message>
    <message>
        <source>Log what the AWS layer does (never secrets).</source>
        <translation>Protokollieren, was die AWS-Schicht tut (niemals Geheimnisse).</translation>
    </message>
    <message>
        <source>The window size for --screenshot, e.g. 1280x720 (default 1440x900).</source>
        <translation>Die Fenstergröße für --screenshot, z. B. 1280x720 (Standard 1440x900).</translation>
    </message>
    <message>
        <source>--screenshot-size: give WIDTHxHEIGHT, e.g. 1280x720 (from 320x240 to 8000x8000)</source>
        <translation>--screenshot-size: BREITExHÖHE angeben, z. B. 1280x720 (von 320x240 bis 8000x8000)</translation>
    </message>
</context>
<context>
    <name>sw::ActionController</name>
    <message>
        <source>Stepwatch is in read-only mode: actions are switched off.</source>
        <translation>Stepwatch ist im Nur-Lesen-Modus: Aktionen sind abgeschaltet.</translation>
    </message>
    <message>
        <source>The workflow is no longer watched.</source>
        <translation>Der Workflow wird nicht mehr überwacht.</translation>
    </message>
    <message>
        <source>Only Migration Hub Orchestrator steps can be retried.</source>
        <translation>Nur Schritte von Migration Hub Orchestrator können erneut ausgeführt werden.</translation>
    </message>
    <message>
        <source>The step is not in the latest poll of &quot;%1&quot;.</source>
        <translation>Der Schritt ist nicht in der letzten Abfrage von „%1“ enthalten.</translation>
    </message>
    <message>
        <source>A step group cannot be retried; retry its failed steps.</source>
        <translation>Eine Schrittgruppe kann nicht erneut ausgeführt werden; führen Sie ihre fehlgeschlagenen Schritte erneut aus.</translation>
    </message>
    <message>
        <source>Only FAILED steps can be retried; &quot;%1&quot; is %2.</source>
        <translation>Nur FAILED-Schritte können erneut ausgeführt werden; „%1“ ist %2.</translation>
    </message>
    <message>
        <source>A retry of &quot;%1&quot; is already in progress.</source>
        <translation>„%1“ wird bereits erneut ausgeführt.</translation>
    </message>
    <message>
        <source>The steps of &quot;%1&quot; have not been loaded yet.</source>
        <translation>Die Schritte von „%1“ wurden noch nicht geladen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no FAILED steps.</source>
        <translation>„%1“ hat keine FAILED-Schritte.</translation>
    </message>
    <message>
        <source>Every FAILED step of &quot;%1&quot; is already being retried.</source>
        <translation>Jeder FAILED-Schritt von „%1“ wird bereits erneut ausgeführt.</translation>
    </message>
    <message>
        <source>Only CodeCatalyst workflows can start a new run.</source>
        <translation>Nur CodeCatalyst-Workflows können einen neuen Lauf starten.</translation>
    </message>
    <message>
        <source>The workflow definition of &quot;%1&quot; is INVALID; fix it before starting a run.</source>
        <translation>Die Workflow-Definition von „%1“ ist INVALID; korrigieren Sie sie, bevor Sie einen Lauf starten.</translation>
    </message>
    <message>
        <source>A new run of &quot;%1&quot; is already being started.</source>
        <translation>Ein neuer Lauf von „%1“ wird bereits gestartet.</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>Wird erneut ausgeführt…</translation>
    </message>
    <message>
        <source>Starting a run…</source>
        <translation>Lauf wird gestartet…</translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n step(s)…</source>
        <translation>
            <numerusform>%n Schritt wird erneut ausgeführt…</numerusform>
            <numerusform>%n Schritte werden erneut ausgeführt…</numerusform>
        </translation>
    </message>
    <message>
        <source>The watch of &quot;%1&quot; was removed.</source>
        <translation>Die Überwachung von „%1“ wurde entfernt.</translation>
    </message>
    <message>
        <source>Retry accepted; the step is now %1.</source>
        <translation>Wiederholung angenommen; der Schritt ist jetzt %1.</translation>
    </message>
    <message>
        <source>being retried</source>
        <translation>in erneuter Ausführung</translation>
    </message>
    <message>
        <source>Run %1 started.</source>
        <translation>Lauf %1 gestartet.</translation>
    </message>
    <message numerus="yes">
        <source>Not confirmed: no poll within %n second(s) showed the change; check the workflow.</source>
        <translation>
            <numerusform>Nicht bestätigt: Keine Abfrage innerhalb von %n Sekunde hat die Änderung gezeigt; prüfen Sie den Workflow.</numerusform>
            <numerusform>Nicht bestätigt: Keine Abfrage innerhalb von %n Sekunden hat die Änderung gezeigt; prüfen Sie den Workflow.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirming…</source>
        <translation>Wird bestätigt…</translation>
    </message>
    <message>
        <source>Confirmed by the next poll: run %1 is %2.</source>
        <translation>Von der nächsten Abfrage bestätigt: Lauf %1 ist %2.</translation>
    </message>
    <message>
        <source>Confirmed by the next poll: the step is now %1.</source>
        <translation>Von der nächsten Abfrage bestätigt: Der Schritt ist jetzt %1.</translation>
    </message>
    <message>
        <source>None of the chosen steps of &quot;%1&quot; is still FAILED.</source>
        <translation>Keiner der ausgewählten Schritte von „%1“ ist noch FAILED.</translation>
    </message>
</context>
<context>
    <name>sw::ActivityLogModel</name>
    <message>
        <source>Cannot read the activity log %1: %2</source>
        <translation>Das Aktivitätsprotokoll %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Stepwatch was closed before the outcome arrived; check the workflow.</source>
        <translation>Stepwatch wurde geschlossen, bevor das Ergebnis eintraf; prüfen Sie den Workflow.</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Started %1, finished %2</source>
        <translation>Gestartet %1, beendet %2</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Gestartet %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 after %n request(s)</source>
        <translation>
            <numerusform>%1 nach %n Anfrage</numerusform>
            <numerusform>%1 nach %n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Fehlercode</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the activity log.</source>
        <translation>Der Ordner %1 für das Aktivitätsprotokoll kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write the activity log %1: %2</source>
        <translation>Das Aktivitätsprotokoll %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot rewrite the activity log %1: %2</source>
        <translation>Das Aktivitätsprotokoll %1 kann nicht neu geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 · confirming…</source>
        <translation>%1 · wird bestätigt…</translation>
    </message>
    <message>
        <source>%1 · confirmed</source>
        <translation>%1 · bestätigt</translation>
    </message>
    <message>
        <source>%1 · not confirmed</source>
        <translation>%1 · nicht bestätigt</translation>
    </message>
</context>
<context>
    <name>sw::ActivityView</name>
    <message>
        <source>Copy request id</source>
        <translation>Anfrage-ID kopieren</translation>
    </message>
    <message>
        <source>Copy row</source>
        <translation>Zeile kopieren</translation>
    </message>
</context>
<context>
    <name>sw::AwsEnvironment</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not usable — %2</source>
        <translation>%1: nicht verwendbar — %2</translation>
    </message>
    <message numerus="yes">
        <source>Your default AWS credentials were not found, but %n profile(s) can be used: %1. Choose one when you add a watch.</source>
        <translation>
            <numerusform>Ihre AWS-Standard-Anmeldedaten wurden nicht gefunden, aber %n Profil kann verwendet werden: %1. Wählen Sie es aus, wenn Sie eine Überwachung hinzufügen.</numerusform>
            <numerusform>Ihre AWS-Standard-Anmeldedaten wurden nicht gefunden, aber %n Profile können verwendet werden: %1. Wählen Sie eines davon aus, wenn Sie eine Überwachung hinzufügen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %n AWS profile(s), but none with credentials Stepwatch can use yet. Set up keys with &quot;aws configure&quot;, or try the demo, which needs none.</source>
        <translation>
            <numerusform>%n AWS-Profil gefunden, aber noch ohne Anmeldedaten, die Stepwatch verwenden kann. Richten Sie Schlüssel mit &quot;aws configure&quot; ein, oder probieren Sie die Demo aus, die keine benötigt.</numerusform>
            <numerusform>%n AWS-Profile gefunden, aber noch keines mit Anmeldedaten, die Stepwatch verwenden kann. Richten Sie Schlüssel mit &quot;aws configure&quot; ein, oder probieren Sie die Demo aus, die keine benötigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>No AWS credentials were found on this computer. Set them up with &quot;aws configure&quot; (or &quot;aws configure sso&quot;), then add a watch — or try the demo, which needs none.</source>
        <translation>Auf diesem Computer wurden keine AWS-Anmeldedaten gefunden. Richten Sie sie mit &quot;aws configure&quot; (oder &quot;aws configure sso&quot;) ein und fügen Sie dann eine Überwachung hinzu — oder probieren Sie die Demo aus, die keine benötigt.</translation>
    </message>
    <message>
        <source>Profiles:</source>
        <translation>Profile:</translation>
    </message>
    <message>
        <source>credential_process</source>
        <translation>credential_process</translation>
    </message>
    <message>
        <source>credentials</source>
        <translation>Anmeldedaten</translation>
    </message>
</context>
<context>
    <name>sw::AwsGateway</name>
    <message>
        <source>Unknown service %1.</source>
        <translation>Unbekannter Dienst %1.</translation>
    </message>
</context>
<context>
    <name>sw::DemoSession</name>
    <message>
        <source>The built-in simulator could not listen on 127.0.0.1.</source>
        <translation>Der eingebaute Simulator konnte nicht auf 127.0.0.1 lauschen.</translation>
    </message>
    <message>
        <source>Demo · %1</source>
        <translation>Demo · %1</translation>
    </message>
</context>
<context>
    <name>sw::DetailsPane</name>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Image build version</source>
        <translation>Image-Build-Version</translation>
    </message>
    <message>
        <source>Space / project</source>
        <translation>Space / Projekt</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Geltungsbereich</translation>
    </message>
    <message>
        <source>Copy all fields</source>
        <translation>Alle Felder kopieren</translation>
    </message>
    <message>
        <source>Select a workflow or step to see its details.</source>
        <translation>Wählen Sie einen Workflow oder Schritt aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>ARN</source>
        <translation>ARN</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Service status</source>
        <translation>Dienststatus</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <comment>steps done / steps</comment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Records processed</source>
        <translation>Verarbeitete Datensätze</translation>
    </message>
    <message>
        <source>Failed step: %1</source>
        <translation>Fehlgeschlagener Schritt: %1</translation>
    </message>
    <message>
        <source>Waiting step: %1</source>
        <translation>Wartender Schritt: %1</translation>
    </message>
    <message>
        <source>Failed run: %1</source>
        <translation>Fehlgeschlagener Lauf: %1</translation>
    </message>
    <message>
        <source>Waiting run: %1</source>
        <translation>Wartender Lauf: %1</translation>
    </message>
</context>
<context>
    <name>sw::FilterBar</name>
    <message>
        <source>Filter: name, id, status, message…  ( / )</source>
        <translation>Filter: Name, ID, Status, Meldung…  ( / )</translation>
    </message>
    <message>
        <source>Filter workflows</source>
        <translation>Workflows filtern</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Show the workflows of every status</source>
        <translation>Workflows jedes Status anzeigen</translation>
    </message>
    <message>
        <source>Show only what needs a hand: failed workflows and those waiting for an operator, across all services</source>
        <translation>Nur zeigen, was Eingreifen erfordert: fehlgeschlagene Workflows und solche, die auf einen Operator warten, über alle Dienste hinweg</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Show %1 workflows; check several to combine them</source>
        <translation>Workflows anzeigen: %1; mehrere auswählen, um sie zu kombinieren</translation>
    </message>
    <message>
        <source>Services:</source>
        <translation>Dienste:</translation>
    </message>
    <message numerus="yes">
        <source>Needs attention (%n)</source>
        <translation>
            <numerusform>Aufmerksamkeit nötig (%n)</numerusform>
            <numerusform>Aufmerksamkeit nötig (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::FleetSummary</name>
    <message>
        <source>No workflows</source>
        <translation>Keine Workflows</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <comment>workflows in the fleet</comment>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <comment>workflows in the fleet</comment>
        <translation>
            <numerusform>%n benötigt Aufmerksamkeit</numerusform>
            <numerusform>%n benötigen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <comment>workflows in the fleet</comment>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s)</source>
        <comment>the whole fleet</comment>
        <translation>
            <numerusform>%n Workflow</numerusform>
            <numerusform>%n Workflows</numerusform>
        </translation>
    </message>
    <message>
        <source> · </source>
        <comment>separates the counts of the fleet summary</comment>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>sw::Freshness</name>
    <message>
        <source> since %1</source>
        <translation> seit %1</translation>
    </message>
    <message>
        <source>Polling paused</source>
        <translation>Abfrage pausiert</translation>
    </message>
    <message>
        <source>Not polled yet</source>
        <translation>Noch nicht abgefragt</translation>
    </message>
    <message>
        <source>Throttled by AWS%1</source>
        <translation>Von AWS gedrosselt%1</translation>
    </message>
    <message>
        <source>Degraded%1</source>
        <translation>Beeinträchtigt%1</translation>
    </message>
    <message>
        <source>Offline%1</source>
        <translation>Offline%1</translation>
    </message>
    <message>
        <source>Sign-in failed%1</source>
        <translation>Anmeldung fehlgeschlagen%1</translation>
    </message>
    <message>
        <source>Configuration error%1</source>
        <translation>Konfigurationsfehler%1</translation>
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
        <translation>nie durch eine Abfrage bestätigt</translation>
    </message>
    <message>
        <source>as of %1 (%2 ago)</source>
        <translation>Stand %1 (vor %2)</translation>
    </message>
    <message>
        <source>%1: polling is paused; its rows show the last poll.</source>
        <translation>%1: Die Abfrage ist pausiert; ihre Zeilen zeigen die letzte Abfrage.</translation>
    </message>
    <message>
        <source> since %1 (%2)</source>
        <translation> seit %1 (%2)</translation>
    </message>
    <message>
        <source>%1: waiting for the first answer.</source>
        <translation>%1: wartet auf die erste Antwort.</translation>
    </message>
    <message>
        <source>%1 is throttled by AWS%2</source>
        <translation>%1 wird%2 von AWS gedrosselt</translation>
    </message>
    <message>
        <source>%1 is degraded%2</source>
        <translation>%1 ist%2 beeinträchtigt</translation>
    </message>
    <message>
        <source>%1 is offline%2</source>
        <translation>%1 ist%2 offline</translation>
    </message>
    <message>
        <source>%1 cannot sign in%2</source>
        <translation>%1 kann sich%2 nicht anmelden</translation>
    </message>
    <message>
        <source>%1 has a configuration error%2</source>
        <translation>%1 hat%2 einen Konfigurationsfehler</translation>
    </message>
</context>
<context>
    <name>sw::FreshnessBanner</name>
    <message>
        <source>Polling is paused (Space resumes it): every row shows its last poll.</source>
        <translation>Die Abfrage ist pausiert (die Leertaste setzt sie fort): Jede Zeile zeigt ihre letzte Abfrage.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more watch(es).</source>
        <translation>
            <numerusform>… und %n weitere Überwachung.</numerusform>
            <numerusform>… und %n weitere Überwachungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not live:</source>
        <translation>Nicht aktuell:</translation>
    </message>
    <message>
        <source>Their rows are dimmed and show the data of the last poll that worked.</source>
        <translation>Ihre Zeilen sind abgeblendet und zeigen die Daten der letzten erfolgreichen Abfrage.</translation>
    </message>
</context>
<context>
    <name>sw::Item</name>
    <message>
        <source>%1 returned a page token it had returned before; the listing was stopped to avoid a loop.</source>
        <translation>%1 hat ein Seiten-Token zurückgegeben, das bereits zuvor zurückgegeben wurde; die Auflistung wurde angehalten, um eine Schleife zu vermeiden.</translation>
    </message>
</context>
<context>
    <name>sw::MainWindow</name>
    <message>
        <source>&lt;b&gt;DEMO&lt;/b&gt; — a built-in simulator of the four services runs in this window at %1× speed; nothing here reaches AWS, and changes to watches are not saved.</source>
        <translation>&lt;b&gt;DEMO&lt;/b&gt; — in diesem Fenster läuft ein eingebauter Simulator der vier Dienste mit %1-facher Geschwindigkeit; nichts davon erreicht AWS, und Änderungen an Überwachungen werden nicht gespeichert.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>%1 succeeded: %2. %3</source>
        <translation>%1 erfolgreich: %2. %3</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source> (request id %1)</source>
        <translation> (Anfrage-ID %1)</translation>
    </message>
    <message>
        <source>Stepwatch</source>
        <translation>Stepwatch</translation>
    </message>
    <message>
        <source>Stepwatch — DEMO</source>
        <translation>Stepwatch — DEMO</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (Nur-Lesen)</translation>
    </message>
    <message>
        <source>Started with --read-only</source>
        <translation>Mit --read-only gestartet</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Add watch…</source>
        <translation>Überwachung &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Workflow table as &amp;CSV…</source>
        <translation>Workflow-Tabelle als &amp;CSV…</translation>
    </message>
    <message>
        <source>Workflow table as &amp;JSON…</source>
        <translation>Workflow-Tabelle als &amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Timeline as PNG…</source>
        <translation>&amp;Zeitachse als PNG…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>A&amp;ktionen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Filter workflows</source>
        <translation>Workflows &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Needs attention only</source>
        <translation>&amp;Nur „Aufmerksamkeit nötig“</translation>
    </message>
    <message>
        <source>&amp;Times</source>
        <translation>&amp;Zeiten</translation>
    </message>
    <message>
        <source>Fit timeline to &amp;width</source>
        <translation>Zeitachse an &amp;Breite anpassen</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Read-only mode</source>
        <translation>&amp;Nur-Lesen-Modus</translation>
    </message>
    <message>
        <source>Hide and block every action that changes anything in AWS</source>
        <translation>Jede Aktion, die etwas in AWS ändert, ausblenden und sperren</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>When a workflow &amp;fails</source>
        <translation>Wenn ein Workflow &amp;fehlschlägt</translation>
    </message>
    <message>
        <source>When a workflow &amp;needs attention</source>
        <translation>Wenn ein Workflow &amp;Aufmerksamkeit benötigt</translation>
    </message>
    <message>
        <source>When a workflow &amp;succeeds</source>
        <translation>Wenn ein Workflow &amp;erfolgreich ist</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Stepwatch</source>
        <translation>Ü&amp;ber Stepwatch</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Watches</source>
        <translation>Überwachungen</translation>
    </message>
    <message>
        <source>Some watches could not be read.

%1</source>
        <translation>Einige Überwachungen konnten nicht gelesen werden.

%1</translation>
    </message>
    <message>
        <source>

The file was kept as %1.</source>
        <translation>

Die Datei wurde als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>The watches were not saved: %1</source>
        <translation>Die Überwachungen wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Watching %1.</source>
        <translation>%1 wird überwacht.</translation>
    </message>
    <message>
        <source>Remove watch</source>
        <translation>Überwachung entfernen</translation>
    </message>
    <message>
        <source>Stop watching %1? Its workflows leave the table.</source>
        <translation>Die Überwachung %1 beenden? Ihre Workflows verschwinden aus der Tabelle.</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export workflows</source>
        <translation>Workflows exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n workflow(s) to %1</source>
        <translation>
            <numerusform>%n Workflow nach %1 exportiert</numerusform>
            <numerusform>%n Workflows nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>Zeitachse exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Exported the timeline to %1</source>
        <translation>Zeitachse nach %1 exportiert</translation>
    </message>
    <message>
        <source>About Stepwatch</source>
        <translation>Über Stepwatch</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stepwatch %1&lt;/h3&gt;&lt;p&gt;A desktop dashboard for AWS workflows: Migration Hub Orchestrator, Customer Profiles, EC2 Image Builder and CodeCatalyst.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Stepwatch %1&lt;/h3&gt;&lt;p&gt;Ein Desktop-Dashboard für AWS-Workflows: Migration Hub Orchestrator, Customer Profiles, EC2 Image Builder und CodeCatalyst.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Order changed — re-sort</source>
        <translation>Reihenfolge geändert — neu sortieren</translation>
    </message>
    <message>
        <source>Polls changed rows while you were pointing at the table; their order is kept until you look away or click here.</source>
        <translation>Abfragen haben Zeilen geändert, während Sie auf die Tabelle gezeigt haben; ihre Reihenfolge bleibt erhalten, bis Sie den Mauszeiger wegbewegen oder hier klicken.</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>&amp;Design</translation>
    </message>
</context>
<context>
    <name>sw::MetricsChart</name>
    <message>
        <source>Records processed over time appear here for Customer Profiles workflows.</source>
        <translation>Für Workflows von Customer Profiles erscheinen hier die verarbeiteten Datensätze im Zeitverlauf.</translation>
    </message>
    <message>
        <source>Records processed</source>
        <translation>Verarbeitete Datensätze</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Records processed — %1</source>
        <translation>Verarbeitete Datensätze — %1</translation>
    </message>
</context>
<context>
    <name>sw::ObservedTimes</name>
    <message>
        <source>Start and end are when Stepwatch saw the step change; the service does not report step times.</source>
        <translation>Start und Ende geben an, wann Stepwatch die Änderung des Schritts bemerkt hat; der Dienst meldet keine Schrittzeiten.</translation>
    </message>
</context>
<context>
    <name>sw::PollingStatus</name>
    <message>
        <source>Space pauses and resumes polling</source>
        <translation>Die Leertaste pausiert die Abfrage und setzt sie fort</translation>
    </message>
    <message>
        <source>Requests sent to AWS in the last 60 seconds, all watches</source>
        <translation>In den letzten 60 Sekunden an AWS gesendete Anfragen, alle Überwachungen</translation>
    </message>
    <message>
        <source>Polling paused</source>
        <translation>Abfrage pausiert</translation>
    </message>
    <message>
        <source>Polling</source>
        <translation>Abfrage aktiv</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in the last minute</source>
        <translation>
            <numerusform>%n Anfrage in der letzten Minute</numerusform>
            <numerusform>%n Anfragen in der letzten Minute</numerusform>
        </translation>
    </message>
    <message>
        <source>Polling now</source>
        <translation>Wird jetzt abgefragt</translation>
    </message>
    <message numerus="yes">
        <source>Next poll in %n s</source>
        <translation>
            <numerusform>Nächste Abfrage in %n s</numerusform>
            <numerusform>Nächste Abfrage in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Throttled by AWS (%1): polling slower</source>
        <translation>Von AWS gedrosselt (%1): Abfrage verlangsamt</translation>
    </message>
    <message>
        <source>The oldest data the table shows is older than twice its watch&apos;s polling interval</source>
        <translation>Die ältesten Daten in der Tabelle sind älter als das doppelte Abfrageintervall ihrer Überwachung</translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>Neuer Versuch in %n s</numerusform>
            <numerusform>Neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Throttled by AWS (%n watch(es)): polling slower</source>
        <translation>
            <numerusform>Von AWS gedrosselt (%n Überwachung): Abfrage verlangsamt</numerusform>
            <numerusform>Von AWS gedrosselt (%n Überwachungen): Abfrage verlangsamt</numerusform>
        </translation>
    </message>
    <message>
        <source>Oldest data shown: %1</source>
        <translation>Älteste angezeigte Daten: %1</translation>
    </message>
</context>
<context>
    <name>sw::ScreenshotTaker</name>
    <message>
        <source>no failed step appeared within %1 s; took the window as it was</source>
        <translation>innerhalb von %1 s erschien kein fehlgeschlagener Schritt; Fenster wurde im aktuellen Zustand aufgenommen</translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1</source>
        <translation>Der Screenshot konnte nicht nach %1 geschrieben werden</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Saved %1 (%2)</source>
        <translation>%1 gespeichert (%2)</translation>
    </message>
</context>
<context>
    <name>sw::Service</name>
    <message>
        <source>Migration Hub Orchestrator</source>
        <translation>Migration Hub Orchestrator</translation>
    </message>
    <message>
        <source>Customer Profiles</source>
        <translation>Customer Profiles</translation>
    </message>
    <message>
        <source>EC2 Image Builder</source>
        <translation>EC2 Image Builder</translation>
    </message>
    <message>
        <source>CodeCatalyst</source>
        <translation>CodeCatalyst</translation>
    </message>
    <message>
        <source>MHO</source>
        <translation>MHO</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profiles</translation>
    </message>
    <message>
        <source>Image Builder</source>
        <translation>Image Builder</translation>
    </message>
</context>
<context>
    <name>sw::SourcesModel</name>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>profile&apos;s region</source>
        <translation>Region des Profils</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation>%1 (pausiert)</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Letzter Erfolg</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Next poll</source>
        <translation>Nächste Abfrage</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 paused</source>
        <translation>%1 pausiert</translation>
    </message>
    <message numerus="yes">
        <source>%n watch(es): %1</source>
        <translation>
            <numerusform>%n Überwachung: %1</numerusform>
            <numerusform>%n Überwachungen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>default credentials</source>
        <translation>Standard-Anmeldedaten</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>the profile&apos;s</source>
        <translation>die des Profils</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>waiting for the request budget</source>
        <translation>wartet auf das Anfragebudget</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>läuft gerade</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>nicht geplant</translation>
    </message>
    <message numerus="yes">
        <source>retrying in %n s</source>
        <translation>
            <numerusform>neuer Versuch in %n s</numerusform>
            <numerusform>neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(after %n failed poll(s))</source>
        <translation>
            <numerusform>(nach %n fehlgeschlagenen Abfrage)</numerusform>
            <numerusform>(nach %n fehlgeschlagenen Abfragen)</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message numerus="yes">
        <source>in %n s</source>
        <translation>
            <numerusform>in %n s</numerusform>
            <numerusform>in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
</context>
<context>
    <name>sw::SourcesPane</name>
    <message>
        <source>Add watch…</source>
        <translation>Überwachung hinzufügen…</translation>
    </message>
    <message>
        <source>Edit watch…</source>
        <translation>Überwachung bearbeiten…</translation>
    </message>
    <message>
        <source>Remove watch</source>
        <translation>Überwachung entfernen</translation>
    </message>
    <message>
        <source>Pause watch</source>
        <translation>Überwachung pausieren</translation>
    </message>
    <message>
        <source>Add a watch: a service, profile, region and scope to poll</source>
        <translation>Überwachung hinzufügen: Dienst, Profil, Region und Geltungsbereich für die Abfrage</translation>
    </message>
    <message>
        <source>Edit the selected watch (Enter)</source>
        <translation>Ausgewählte Überwachung bearbeiten (Eingabetaste)</translation>
    </message>
    <message>
        <source>Remove the selected watch (Delete)</source>
        <translation>Ausgewählte Überwachung entfernen (Entf)</translation>
    </message>
    <message>
        <source>Resume watch</source>
        <translation>Überwachung fortsetzen</translation>
    </message>
    <message>
        <source>Resume polling the selected watch</source>
        <translation>Abfrage der ausgewählten Überwachung fortsetzen</translation>
    </message>
    <message>
        <source>Stop polling the selected watch</source>
        <translation>Abfrage der ausgewählten Überwachung anhalten</translation>
    </message>
</context>
<context>
    <name>sw::Status</name>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Aufmerksamkeit nötig</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
</context>
<context>
    <name>sw::StepTreeModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Service status</source>
        <translation>Dienststatus</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Pending action</source>
        <translation>Ausstehende Aktion</translation>
    </message>
    <message>
        <source>Parent id</source>
        <translation>Übergeordnete ID</translation>
    </message>
</context>
<context>
    <name>sw::TableExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>sw::Theme</name>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
</context>
<context>
    <name>sw::TimeFormat</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
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
            <numerusform>vor %n s</numerusform>
            <numerusform>vor %n s</numerusform>
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
            <numerusform>vor %n min</numerusform>
            <numerusform>vor %n min</numerusform>
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
            <numerusform>vor %n h</numerusform>
            <numerusform>vor %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n d</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>%1 local time (%2)
%3 UTC</source>
        <translation>%1 Ortszeit (%2)
%3 UTC</translation>
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
        <source>Relative (3 min ago)</source>
        <translation>Relativ (vor 3 min)</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
</context>
<context>
    <name>sw::TimelineModel</name>
    <message>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>sw::TimelinePainter</name>
    <message>
        <source>Group: %1</source>
        <translation>Gruppe: %1</translation>
    </message>
    <message>
        <source>Status: %1 (%2)</source>
        <translation>Status: %1 (%2)</translation>
    </message>
    <message>
        <source>Start: %1</source>
        <translation>Start: %1</translation>
    </message>
    <message>
        <source>End: %1</source>
        <translation>Ende: %1</translation>
    </message>
    <message>
        <source>End: running</source>
        <translation>Ende: läuft noch</translation>
    </message>
    <message>
        <source>End: not reported</source>
        <translation>Ende: nicht gemeldet</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Dauer: %1</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Select a workflow to see its timeline.</source>
        <translation>Wählen Sie einen Workflow aus, um seine Zeitachse zu sehen.</translation>
    </message>
    <message>
        <source>No step has started yet.</source>
        <translation>Noch kein Schritt hat begonnen.</translation>
    </message>
    <message>
        <source>Step (UTC)</source>
        <translation>Schritt (UTC)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>No step times are known yet: these steps had already started or finished when Stepwatch first saw them, and the service does not report step times. Their status is in the step tree.</source>
        <translation>Noch sind keine Schrittzeiten bekannt: Diese Schritte hatten bereits begonnen oder waren beendet, als Stepwatch sie zum ersten Mal sah, und der Dienst meldet keine Schrittzeiten. Ihr Status steht im Schrittbaum.</translation>
    </message>
    <message>
        <source>No steps.</source>
        <translation>Keine Schritte.</translation>
    </message>
</context>
<context>
    <name>sw::TimelineView</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not encode the timeline as PNG.</source>
        <translation>Die Zeitachse konnte nicht als PNG kodiert werden.</translation>
    </message>
</context>
<context>
    <name>sw::TrayNotifier</name>
    <message>
        <source>Pause polling</source>
        <translation>Abfrage pausieren</translation>
    </message>
    <message>
        <source>Show Stepwatch</source>
        <translation>Stepwatch anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Stepwatch — %1</source>
        <translation>Stepwatch — %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>service · watch</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>status: workflow</comment>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s) failed</source>
        <translation>
            <numerusform>%n Workflow fehlgeschlagen</numerusform>
            <numerusform>%n Workflows fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s) need(s) attention</source>
        <translation>
            <numerusform>%n Workflow benötigt Aufmerksamkeit</numerusform>
            <numerusform>%n Workflows benötigen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workflow(s) succeeded</source>
        <translation>
            <numerusform>%n Workflow erfolgreich</numerusform>
            <numerusform>%n Workflows erfolgreich</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between workflow names</comment>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between counts</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>sw::Watch</name>
    <message>
        <source>The watch has no id.</source>
        <translation>Die Überwachung hat keine ID.</translation>
    </message>
    <message>
        <source>Region &quot;%1&quot; is not a valid region name.</source>
        <translation>Region „%1“ ist kein gültiger Regionsname.</translation>
    </message>
    <message>
        <source>the watch&apos;s endpoint URL</source>
        <translation>Endpunkt-URL der Überwachung</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; cannot be a profile name.</source>
        <translation>„%1“ ist kein zulässiger Profilname.</translation>
    </message>
    <message>
        <source>The %1 must be between %2 s and %3 s, not %4 s.</source>
        <translation>Der Wert für %1 muss zwischen %2 s und %3 s liegen, nicht bei %4 s.</translation>
    </message>
    <message>
        <source>%1: must not be empty.</source>
        <translation>%1: darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Workflow execution id</source>
        <translation>Workflow-Ausführungs-ID</translation>
    </message>
    <message>
        <source>Workflow id</source>
        <translation>Workflow-ID</translation>
    </message>
    <message>
        <source>Id &quot;%1&quot; is listed twice.</source>
        <translation>ID „%1“ ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Image build version ARN: required when no workflow execution ids are listed.</source>
        <translation>ARN der Image-Build-Version: erforderlich, wenn keine Workflow-Ausführungs-IDs aufgeführt sind.</translation>
    </message>
    <message>
        <source>Image build version ARN</source>
        <translation>ARN der Image-Build-Version</translation>
    </message>
    <message>
        <source>Space and project</source>
        <translation>Space und Projekt</translation>
    </message>
    <message>
        <source>&quot;service&quot; must be one of migrationhuborchestrator, customer-profiles, imagebuilder, codecatalyst, not %1.</source>
        <translation>&quot;service&quot; muss einer der Werte migrationhuborchestrator, customer-profiles, imagebuilder, codecatalyst sein, nicht %1.</translation>
    </message>
    <message>
        <source>a value that is not a string</source>
        <translation>ein Wert, der keine Zeichenkette ist</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string.</source>
        <translation>&quot;%1&quot; muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>&quot;id&quot; is missing.</source>
        <translation>&quot;id&quot; fehlt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number of seconds.</source>
        <translation>&quot;%1&quot; muss eine ganze Zahl von Sekunden sein.</translation>
    </message>
    <message>
        <source>&quot;paused&quot; must be true or false.</source>
        <translation>&quot;paused&quot; muss true oder false sein.</translation>
    </message>
    <message>
        <source>&quot;ids&quot; must be a list of strings.</source>
        <translation>&quot;ids&quot; muss eine Liste von Zeichenketten sein.</translation>
    </message>
</context>
<context>
    <name>sw::WatchDialog</name>
    <message>
        <source>Resolved from the region; e.g. http://127.0.0.1:4566</source>
        <translation>Wird aus der Region ermittelt; z. B. http://127.0.0.1:4566</translation>
    </message>
    <message>
        <source>The Customer Profiles domain</source>
        <translation>Die Domäne von Customer Profiles</translation>
    </message>
    <message>
        <source>arn:aws:imagebuilder:region:account:image/name/1.0.0/1</source>
        <translation>arn:aws:imagebuilder:region:account:image/name/1.0.0/1</translation>
    </message>
    <message>
        <source>The CodeCatalyst space</source>
        <translation>Der CodeCatalyst-Space</translation>
    </message>
    <message>
        <source>The project in that space</source>
        <translation>Das Projekt in diesem Space</translation>
    </message>
    <message>
        <source>Add watch</source>
        <translation>Überwachung hinzufügen</translation>
    </message>
    <message>
        <source>(default credentials)</source>
        <translation>(Standard-Anmeldedaten)</translation>
    </message>
    <message>
        <source>The default credentials are the environment variables, then the profile named by AWS_PROFILE or &quot;default&quot;.</source>
        <translation>Die Standard-Anmeldedaten sind die Umgebungsvariablen, danach das Profil, das AWS_PROFILE nennt, oder &quot;default&quot;.</translation>
    </message>
    <message>
        <source>The profile&apos;s region</source>
        <translation>Region des Profils</translation>
    </message>
    <message>
        <source>Optional: every workflow in the scope when empty. Separate ids with commas, spaces or new lines.</source>
        <translation>Optional: Wenn leer, jeder Workflow im Geltungsbereich. IDs durch Kommas, Leerzeichen oder Zeilenumbrüche trennen.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How often running workflows are polled. Finished ones are polled rarely, and new ones are looked for every minute.</source>
        <translation>Wie oft laufende Workflows abgefragt werden. Beendete werden selten abgefragt, und nach neuen wird jede Minute gesucht.</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>&amp;Domain name:</source>
        <translation>Do&amp;mänenname:</translation>
    </message>
    <message>
        <source>Image &amp;build version ARN:</source>
        <translation>ARN der Image-&amp;Build-Version:</translation>
    </message>
    <message>
        <source>S&amp;pace:</source>
        <translation>Sp&amp;ace:</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>Pro&amp;jekt:</translation>
    </message>
    <message>
        <source>Polling &amp;interval:</source>
        <translation>Abfrage&amp;intervall:</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>&amp;Endpoint URL:</source>
        <translation>&amp;Endpunkt-URL:</translation>
    </message>
    <message>
        <source>Edit watch</source>
        <translation>Überwachung bearbeiten</translation>
    </message>
    <message>
        <source>Workflow execution ids</source>
        <translation>Workflow-Ausführungs-IDs</translation>
    </message>
    <message>
        <source>Workflow ids</source>
        <translation>Workflow-IDs</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Workflow execution ids; required when no image build version ARN is given.</source>
        <translation>Workflow-Ausführungs-IDs; erforderlich, wenn kein ARN einer Image-Build-Version angegeben ist.</translation>
    </message>
    <message>
        <source>Optional: only these workflows instead of every one in the scope.</source>
        <translation>Optional: nur diese Workflows statt aller im Geltungsbereich.</translation>
    </message>
</context>
<context>
    <name>sw::WatchHealth</name>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Authentication error</source>
        <translation>Authentifizierungsfehler</translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation>Konfigurationsfehler</translation>
    </message>
</context>
<context>
    <name>sw::WatchPoller</name>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
</context>
<context>
    <name>sw::WatchStore</name>
    <message>
        <source>The file was kept as %1; a new one will be written.</source>
        <translation>Die Datei wurde als %1 aufbewahrt; eine neue wird geschrieben.</translation>
    </message>
    <message>
        <source>It could not be moved aside, so Stepwatch will not save watches until %1 is fixed or removed.</source>
        <translation>Sie konnte nicht beiseitegelegt werden, daher speichert Stepwatch keine Überwachungen, bis %1 repariert oder entfernt ist.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Watches will not be saved until it can be read.</source>
        <translation>%1 kann nicht gelesen werden: %2. Überwachungen werden nicht gespeichert, bis die Datei gelesen werden kann.</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2 at byte %3).</source>
        <translation>%1 ist kein gültiges JSON (%2 bei Byte %3).</translation>
    </message>
    <message>
        <source>%1 does not hold a &quot;watches&quot; list.</source>
        <translation>%1 enthält keine &quot;watches&quot;-Liste.</translation>
    </message>
    <message>
        <source>%1 has format version %2; this Stepwatch reads version %3.</source>
        <translation>%1 hat die Formatversion %2; dieses Stepwatch liest Version %3.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>it is not an object</source>
        <translation>sie ist kein Objekt</translation>
    </message>
    <message>
        <source>its id &quot;%1&quot; is used by an earlier watch</source>
        <translation>ihre ID „%1“ wird bereits von einer früheren Überwachung verwendet</translation>
    </message>
    <message>
        <source>Watch %1 in %2 was skipped: %3</source>
        <translation>Überwachung %1 in %2 wurde übersprungen: %3</translation>
    </message>
    <message>
        <source>%1 holds watches that could not be read.</source>
        <translation>%1 enthält Überwachungen, die nicht gelesen werden konnten.</translation>
    </message>
    <message>
        <source>Not saved: %1 exists and was not read first.</source>
        <translation>Nicht gespeichert: %1 existiert und wurde nicht zuvor gelesen.</translation>
    </message>
    <message>
        <source>Not saved: %1 could not be read or moved aside, and would be overwritten.</source>
        <translation>Nicht gespeichert: %1 konnte weder gelesen noch beiseitegelegt werden und würde überschrieben.</translation>
    </message>
    <message>
        <source>Not saved: cannot create the folder for %1.</source>
        <translation>Nicht gespeichert: Der Ordner für %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Not saved: cannot write %1: %2</source>
        <translation>Nicht gespeichert: %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Not saved: writing %1 failed: %2</source>
        <translation>Nicht gespeichert: Schreiben von %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>sw::WelcomePage</name>
    <message>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <source>Add a watch…</source>
        <translation>Überwachung hinzufügen…</translation>
    </message>
    <message>
        <source>Starts a simulator of the four services inside Stepwatch and watches it.</source>
        <translation>Startet einen Simulator der vier Dienste innerhalb von Stepwatch und überwacht ihn.</translation>
    </message>
    <message>
        <source>Watch workflows of your AWS account.</source>
        <translation>Workflows Ihres AWS-Kontos überwachen.</translation>
    </message>
    <message>
        <source>Welcome to Stepwatch</source>
        <translation>Willkommen bei Stepwatch</translation>
    </message>
    <message>
        <source>Stepwatch keeps an eye on long-running AWS workflows: Migration Hub Orchestrator migrations, Customer Profiles imports, Image Builder pipelines and CodeCatalyst runs, side by side. See what runs, what failed and what waits for you, follow each step on a timeline, and retry or resume from here.</source>
        <translation>Stepwatch behält lang laufende AWS-Workflows im Blick: Migrationen mit Migration Hub Orchestrator, Importe in Customer Profiles, Pipelines in Image Builder und Läufe in CodeCatalyst, nebeneinander. Sehen Sie, was läuft, was fehlgeschlagen ist und was auf Sie wartet, verfolgen Sie jeden Schritt auf einer Zeitachse, und führen Sie Schritte direkt von hier aus erneut aus oder setzen Sie sie fort.</translation>
    </message>
    <message>
        <source>The demo runs a built-in simulator of the four services on this computer. It needs no AWS account and sends nothing to AWS.</source>
        <translation>Die Demo führt einen eingebauten Simulator der vier Dienste auf diesem Computer aus. Sie benötigt kein AWS-Konto und sendet nichts an AWS.</translation>
    </message>
    <message>
        <source>Show where I looked</source>
        <translation>Durchsuchte Orte anzeigen</translation>
    </message>
    <message>
        <source>Hide where I looked</source>
        <translation>Durchsuchte Orte ausblenden</translation>
    </message>
</context>
<context>
    <name>sw::WorkflowActions</name>
    <message>
        <source>&amp;Retry step</source>
        <translation>Schritt &amp;erneut ausführen</translation>
    </message>
    <message>
        <source>Retry the selected FAILED Migration Hub Orchestrator step</source>
        <translation>Den ausgewählten FAILED-Schritt von Migration Hub Orchestrator erneut ausführen</translation>
    </message>
    <message>
        <source>Retry &amp;all failed steps…</source>
        <translation>&amp;Alle fehlgeschlagenen Schritte erneut ausführen…</translation>
    </message>
    <message>
        <source>Retry every FAILED step of the selected workflow</source>
        <translation>Jeden FAILED-Schritt des ausgewählten Workflows erneut ausführen</translation>
    </message>
    <message>
        <source>Start &amp;new run…</source>
        <translation>&amp;Neuen Lauf starten…</translation>
    </message>
    <message>
        <source>Start a new run of the selected CodeCatalyst workflow</source>
        <translation>Einen neuen Lauf des ausgewählten CodeCatalyst-Workflows starten</translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Poll every watch now</source>
        <translation>Alle Überwachungen jetzt abfragen</translation>
    </message>
    <message>
        <source>&amp;Pause polling</source>
        <translation>Abfrage &amp;pausieren</translation>
    </message>
    <message>
        <source>Stop polling until resumed</source>
        <translation>Abfrage anhalten, bis sie fortgesetzt wird</translation>
    </message>
    <message>
        <source>Copy workflow &amp;id</source>
        <translation>Workflow-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Copy the id of the selected workflow</source>
        <translation>ID des ausgewählten Workflows kopieren</translation>
    </message>
    <message>
        <source>Copy A&amp;RN</source>
        <translation>A&amp;RN kopieren</translation>
    </message>
    <message>
        <source>Copy the ARN of the selected workflow</source>
        <translation>ARN des ausgewählten Workflows kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;step id</source>
        <translation>&amp;Schritt-ID kopieren</translation>
    </message>
    <message>
        <source>Copy the id of the selected step, run or execution</source>
        <translation>ID des ausgewählten Schritts, Laufs oder der ausgewählten Ausführung kopieren</translation>
    </message>
    <message>
        <source>Refreshing every watch…</source>
        <translation>Alle Überwachungen werden aktualisiert…</translation>
    </message>
    <message>
        <source>Resume &amp;polling</source>
        <translation>Abfrage &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Polling paused.</source>
        <translation>Abfrage pausiert.</translation>
    </message>
    <message>
        <source>Polling resumed.</source>
        <translation>Abfrage fortgesetzt.</translation>
    </message>
    <message>
        <source>Select a workflow first.</source>
        <translation>Wählen Sie zuerst einen Workflow aus.</translation>
    </message>
    <message>
        <source>Select a FAILED step in the step tree first.</source>
        <translation>Wählen Sie zuerst einen FAILED-Schritt im Schrittbaum aus.</translation>
    </message>
    <message>
        <source>Retry failed steps</source>
        <translation>Fehlgeschlagene Schritte erneut ausführen</translation>
    </message>
    <message>
        <source>Start a new run of workflow &quot;%1&quot;?

Space: %2
Project: %3
Workflow id: %4</source>
        <translation>Einen neuen Lauf des Workflows „%1“ starten?

Space: %2
Projekt: %3
Workflow-ID: %4</translation>
    </message>
    <message>
        <source>Start new run</source>
        <translation>Neuen Lauf starten</translation>
    </message>
    <message>
        <source>Starting a new run of &quot;%1&quot;…</source>
        <translation>Ein neuer Lauf von „%1“ wird gestartet…</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Retrying step &quot;%1&quot; (%2) of &quot;%3&quot; (%4)…</source>
        <translation>Schritt „%1“ (%2) von „%3“ (%4) wird erneut ausgeführt…</translation>
    </message>
    <message numerus="yes">
        <source>Retry %n FAILED step(s) of &quot;%1&quot; (%2)?

• %3</source>
        <translation>
            <numerusform>%n FAILED-Schritt von „%1“ (%2) erneut ausführen?

• %3</numerusform>
            <numerusform>%n FAILED-Schritte von „%1“ (%2) erneut ausführen?

• %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n step(s) of &quot;%1&quot;…</source>
        <translation>
            <numerusform>%n Schritt von „%1“ wird erneut ausgeführt…</numerusform>
            <numerusform>%n Schritte von „%1“ werden erneut ausgeführt…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::WorkflowTableModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Service status</source>
        <translation>Dienststatus</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Überwachung</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason / message</source>
        <translation>Grund / Meldung</translation>
    </message>
</context>
<context>
    <name>sw::snapshots</name>
    <message>
        <source>Latest run %1</source>
        <translation>Letzter Lauf %1</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>Noch keine Läufe</translation>
    </message>
</context>
</TS>
