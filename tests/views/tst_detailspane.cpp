// DetailsPane: what it shows for a step and a workflow, JSON pretty-printed in a fixed-pitch
// font, the placeholder, what Copy and Ctrl+C put on the clipboard, the reason line (the failed
// or waiting step) and the freshness line, which never disturbs the operator's selection.
#include "detailspane.h"
#include "statusstyle.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QLabel>
#include <QLayout>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QToolButton>

#include <algorithm>

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

QVariantMap field(const QString &name, const QString &value)
{
    return {{u"name"_s, name}, {u"value"_s, value}};
}

// The character format of the first fragment of the document that contains `text`.
std::optional<QTextCharFormat> formatOf(const QTextDocument *doc, const QString &text)
{
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().text().contains(text))
                return it.fragment().charFormat();
        }
    }
    return std::nullopt;
}

const QString placeholder = u"Select a workflow or step to see its details."_s;

StepSnapshot step(StepKind kind, const QString &id, const QString &name, UnifiedStatus status,
    const QString &message = {})
{
    StepSnapshot s;
    s.kind = kind;
    s.id = id;
    s.parentId = kind == StepKind::MhoStep ? u"g"_s : QString();
    s.name = name;
    s.status = status;
    s.message = message;
    return s;
}

// An MHO workflow "Migrate db" in `status` with a group "g" (in the workflow's status) over
// `steps`, none when empty.
WorkflowSnapshot workflowWith(
    UnifiedStatus status, const QString &message, const QList<StepSnapshot> &steps)
{
    WorkflowSnapshot w;
    w.key = u"a/wf-1"_s;
    w.watchId = u"a"_s;
    w.id = u"wf-1"_s;
    w.name = u"Migrate db"_s;
    w.status = status;
    w.message = message;
    w.stepsLoaded = true;
    QList<StepSnapshot> all;
    if (!steps.isEmpty())
        all << step(StepKind::MhoStepGroup, u"g"_s, u"Group"_s, status);
    w.setSteps(all + steps);
    return w;
}

QLabel *labelNamed(const DetailsPane &pane, const QString &name)
{
    return pane.findChild<QLabel *>(name);
}

int countColour(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += image.pixelColor(x, y).rgb() == colour.rgb();
    }
    return n;
}

} // namespace

class tst_DetailsPane : public QObject {
    Q_OBJECT

private slots:
    void displayValue_data();
    void displayValue();
    void stepFields();
    void jsonPrettyPrinted();
    void workflowHasEveryField();
    void copyButton();
    void ctrlCWithoutSelectionCopiesAll();
    void ctrlCCopiesSelection();
    void clearShowsPlaceholder();
    void reason_data();
    void reason();
    void showStepClearsTheReason();
    void freshness();
    void clearClearsReasonAndFreshness();
    void freshnessKeepsTheSelection();
};

void tst_DetailsPane::displayValue_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("json");

    QTest::newRow("text") << u"Step failed: timeout"_s << u"Step failed: timeout"_s << false;
    QTest::newRow("number") << u"42"_s << u"42"_s << false;
    QTest::newRow("json string") << u"\"quoted\""_s << u"\"quoted\""_s << false;
    QTest::newRow("broken json") << u"{not json"_s << u"{not json"_s << false;
    QTest::newRow("braces in text") << u"{a} and {b}"_s << u"{a} and {b}"_s << false;
    QTest::newRow("object") << u"{\"a\":1,\"b\":\"x\"}"_s
                            << u"{\n    \"a\": 1,\n    \"b\": \"x\"\n}"_s << true;
    QTest::newRow("array, spaced") << u"  [1, 2]\n"_s << u"[\n    1,\n    2\n]"_s << true;
    QTest::newRow("empty object") << u"{}"_s << u"{\n}"_s << true;
}

void tst_DetailsPane::displayValue()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QFETCH(bool, json);

    bool isJson = !json;
    QCOMPARE(DetailsPane::displayValue(value, &isJson), expected);
    QCOMPARE(isJson, json);
}

void tst_DetailsPane::stepFields()
{
    DetailsPane pane;
    pane.showStep(u"Validate replication"_s,
        {field(u"Name"_s, u"Validate replication"_s), field(u"Status"_s, u"Failed"_s),
            field(u"Empty"_s, QString()), field(u"Message"_s, u"Replication lag too high"_s)});
    QCOMPARE(pane.title(), u"Validate replication"_s);
    QVERIFY(!pane.isEmpty());
    // Empty values are left out.
    QCOMPARE(pane.plainText(),
        u"Name: Validate replication\nStatus: Failed\nMessage: Replication lag too high"_s);
    const auto *view = pane.findChild<QTextEdit *>();
    QVERIFY(view);
    QVERIFY(view->isReadOnly());
    QVERIFY(view->textInteractionFlags() & Qt::TextSelectableByMouse);
    QVERIFY(view->toPlainText().contains(u"Replication lag too high"_s));
}

void tst_DetailsPane::jsonPrettyPrinted()
{
    DetailsPane pane;
    pane.showStep(u"Build"_s,
        {field(u"inputs"_s, u"{\"imageArn\":\"arn:aws:imagebuilder:x\",\"tags\":[\"a\",\"b\"]}"_s),
            field(u"message"_s, u"plain words"_s)});

    const QString text = pane.plainText();
    QVERIFY2(text.startsWith(u"inputs: {\n    \"imageArn\": \"arn:aws:imagebuilder:x\",\n"_s),
        qPrintable(text));
    QVERIFY(text.contains(u"    \"tags\": [\n        \"a\",\n        \"b\"\n    ]\n}"_s));
    QVERIFY(text.endsWith(u"\nmessage: plain words"_s));

    // On screen too: several lines, in the fixed-pitch font; the plain value is not.
    const auto *view = pane.findChild<QTextEdit *>();
    QVERIFY(view->toPlainText().contains(u"\"tags\": ["_s));
    QVERIFY(view->toPlainText().count(u'\n') >= 6);
    const auto json = formatOf(view->document(), u"imageArn"_s);
    const auto plain = formatOf(view->document(), u"plain words"_s);
    QVERIFY(json && plain);
    const QString fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
    QCOMPARE(json->fontFamilies().toStringList().value(0), fixed);
    QVERIFY(plain->fontFamilies().toStringList().value(0) != fixed);
}

void tst_DetailsPane::workflowHasEveryField()
{
    WorkflowSnapshot w;
    w.key = u"a/wf-1"_s;
    w.watchId = u"a"_s;
    w.watchName = u"Production"_s;
    w.service = Service::CustomerProfiles;
    w.id = u"wf-1"_s;
    w.name = u"Salesforce import"_s;
    w.arn = u"arn:aws:profile:eu-west-1:123456789012:workflow/wf-1"_s;
    w.rawStatus = u"FAILED"_s;
    w.status = UnifiedStatus::Failed;
    w.completedSteps = 3;
    w.totalSteps = 12;
    w.start = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    w.lastUpdate = QDateTime(QDate(2024, 5, 1), QTime(10, 5), Qt::UTC);
    w.end = QDateTime(QDate(2024, 5, 1), QTime(10, 6), Qt::UTC);
    w.message = u"Connector profile expired"_s;
    w.recordsProcessed = 1500;
    w.scope = u"my-domain"_s;
    w.details = {
        {u"RoleArn"_s, u"arn:aws:iam::123456789012:role/x"_s}, {u"Outputs"_s, u"{\"ok\":false}"_s}};

    DetailsPane pane;
    pane.showWorkflow(w);
    QCOMPARE(pane.title(), u"Salesforce import"_s);
    const QStringList lines = pane.plainText().split(u'\n');
    const QStringList expected {u"Name: Salesforce import"_s, u"Id: wf-1"_s,
        u"ARN: arn:aws:profile:eu-west-1:123456789012:workflow/wf-1"_s,
        u"Service: "_s + serviceDisplayName(Service::CustomerProfiles), u"Domain: my-domain"_s,
        u"Watch: Production"_s, u"Status: "_s + statusDisplayName(UnifiedStatus::Failed),
        u"Service status: FAILED"_s, u"Progress: 3 / 12"_s, u"Start: 2024-05-01T10:00:00Z"_s,
        u"Last update: 2024-05-01T10:05:00Z"_s, u"End: 2024-05-01T10:06:00Z"_s,
        u"Message: Connector profile expired"_s, u"Records processed: 1500"_s,
        u"RoleArn: arn:aws:iam::123456789012:role/x"_s, u"Outputs: {"_s, u"    \"ok\": false"_s,
        u"}"_s};
    QCOMPARE(lines, expected);
}

void tst_DetailsPane::copyButton()
{
    DetailsPane pane;
    auto *copy = pane.findChild<QToolButton *>();
    QVERIFY(copy);
    QVERIFY(!copy->isEnabled());
    pane.showStep(u"S"_s, {field(u"Name"_s, u"S"_s), field(u"Output"_s, u"[1]"_s)});
    QVERIFY(copy->isEnabled());
    QApplication::clipboard()->clear();
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), u"Name: S\nOutput: [\n    1\n]"_s);
}

void tst_DetailsPane::ctrlCWithoutSelectionCopiesAll()
{
    DetailsPane pane;
    pane.showStep(u"S"_s, {field(u"Name"_s, u"S"_s), field(u"Message"_s, u"boom"_s)});
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto *view = pane.findChild<QTextEdit *>();
    view->setFocus();
    QVERIFY(!view->textCursor().hasSelection());
    QApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), u"Name: S\nMessage: boom"_s);
}

void tst_DetailsPane::ctrlCCopiesSelection()
{
    DetailsPane pane;
    pane.showStep(u"S"_s, {field(u"Message"_s, u"the quick brown fox"_s)});
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto *view = pane.findChild<QTextEdit *>();
    view->setFocus();
    QTextCursor cursor = view->document()->find(u"quick"_s);
    QVERIFY(!cursor.isNull());
    view->setTextCursor(cursor);
    QApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), u"quick"_s);
}

void tst_DetailsPane::clearShowsPlaceholder()
{
    DetailsPane pane;
    QCOMPARE(pane.plainText(), placeholder);
    pane.showStep(u"S"_s, {field(u"Name"_s, u"S"_s)});
    QCOMPARE(pane.plainText(), u"Name: S"_s);

    pane.clear();
    QVERIFY(pane.isEmpty());
    QVERIFY(pane.title().isEmpty());
    QCOMPARE(pane.plainText(), placeholder);
    const auto *view = pane.findChild<QTextEdit *>();
    QVERIFY(view->toPlainText().isEmpty());
    QCOMPARE(view->placeholderText(), placeholder);
    QVERIFY(!pane.findChild<QToolButton *>()->isEnabled());

    // The placeholder is drawn: the empty pane differs from one showing nothing at all.
    pane.resize(400, 200);
    const QImage withPlaceholder = pane.grab().toImage();
    auto *edit = pane.findChild<QTextEdit *>();
    edit->setPlaceholderText(QString());
    const QImage blank = pane.grab().toImage();
    QVERIFY(withPlaceholder != blank);
}

void tst_DetailsPane::reason_data()
{
    QTest::addColumn<WorkflowSnapshot>("workflow");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("failed"); // shown in the Failed colour

    using U = UnifiedStatus;
    const StepKind S = StepKind::MhoStep;
    const auto done = step(S, u"s1"_s, u"Prepare"_s, U::Succeeded, u"All good"_s);
    const auto failedStep = step(S, u"s2"_s, u"Copy data"_s, U::Failed, u"Disk full on target"_s);
    const auto waiting =
        step(S, u"s3"_s, u"Approve cut-over"_s, U::NeedsAttention, u"Confirm in the console"_s);
    const auto running = step(S, u"s4"_s, u"Verify"_s, U::Running, u"Checking rows"_s);

    QTest::newRow("failed step and its message")
        << workflowWith(U::Failed, u"Step failed"_s, {done, failedStep, running})
        << u"Failed step: Copy data — Disk full on target"_s << true;
    QTest::newRow("failed step without a message")
        << workflowWith(U::Failed, {}, {step(S, u"s2"_s, u"Copy data"_s, U::Failed)})
        << u"Failed step: Copy data"_s << true;
    QTest::newRow("the failed step wins over an earlier waiting one")
        << workflowWith(U::Failed, {}, {waiting, failedStep})
        << u"Failed step: Copy data — Disk full on target"_s << true;
    QTest::newRow("a failed step of a workflow still running")
        << workflowWith(U::Running, {}, {failedStep, running})
        << u"Failed step: Copy data — Disk full on target"_s << true;
    QTest::newRow("waiting step") << workflowWith(U::NeedsAttention, {}, {done, waiting, running})
                                  << u"Waiting step: Approve cut-over — Confirm in the console"_s
                                  << false;
    QTest::newRow("no steps, failed, a message")
        << workflowWith(U::Failed, u"Connector profile expired"_s, {})
        << u"Connector profile expired"_s << true;
    QTest::newRow("no steps, needs attention, a message")
        << workflowWith(U::NeedsAttention, u"Waiting for approval"_s, {})
        << u"Waiting for approval"_s << false;
    QTest::newRow("a failed group alone is not a failed step")
        << workflowWith(U::Failed, u"Rolled back"_s, {done}) << u"Rolled back"_s << true;
    QTest::newRow("failed, no steps, no message")
        << workflowWith(U::Failed, {}, {}) << QString() << true;
    // CodeCatalyst: the runs are the steps, newest first; an old failed run is history.
    WorkflowSnapshot codeCatalyst = workflowWith(U::Succeeded, u"Latest run r-3"_s, {});
    codeCatalyst.service = Service::CodeCatalyst;
    codeCatalyst.setSteps({step(StepKind::CodeCatalystRun, u"r-3"_s, u"deploy"_s, U::Succeeded),
        step(StepKind::CodeCatalystRun, u"r-2"_s, u"deploy"_s, U::Failed),
        step(StepKind::CodeCatalystRun, u"r-1"_s, u"deploy"_s, U::Succeeded)});
    QTest::newRow("CodeCatalyst: the latest run succeeded, an older one failed")
        << codeCatalyst << QString() << false;
    QTest::newRow("running") << workflowWith(U::Running, u"Step 7 started"_s, {done, running})
                             << QString() << false;
    QTest::newRow("succeeded") << workflowWith(U::Succeeded, u"Done"_s, {done}) << QString()
                               << false;
}

void tst_DetailsPane::reason()
{
    QFETCH(WorkflowSnapshot, workflow);
    QFETCH(QString, reason);
    QFETCH(bool, failed);

    DetailsPane pane;
    pane.resize(500, 300);
    pane.showWorkflow(workflow);
    QCOMPARE(pane.title(), u"Migrate db"_s);
    // A succeeded workflow has no reason, and for CodeCatalyst only the latest run counts: an
    // older failed run is history, not why the workflow is where it is.
    QCOMPARE(pane.reasonText(), reason);
    QLabel *label = labelNamed(pane, u"DetailsReason"_s);
    QVERIFY(label);
    QCOMPARE(label->isVisibleTo(&pane), !reason.isEmpty());
    QCOMPARE(label->text(), reason);
    if (reason.isEmpty())
        return;
    // Under the title, above the fields.
    pane.layout()->activate();
    const QList<QLabel *> labels = pane.findChildren<QLabel *>();
    const auto title = std::find_if(labels.cbegin(), labels.cend(),
        [](const QLabel *l) { return l->objectName().isEmpty() && l->text() == u"Migrate db"_s; });
    QVERIFY(title != labels.cend());
    QVERIFY(label->geometry().top() > (*title)->geometry().bottom());
    QVERIFY(label->geometry().bottom() < pane.findChild<QTextEdit *>()->geometry().top());
    // A failure in the Failed colour; a waiting step in the ordinary text colour.
    const QColor red = style::statusColor(UnifiedStatus::Failed, pane.palette());
    const int redPixels = countColour(label->grab().toImage(), red);
    if (failed)
        QVERIFY2(redPixels > 0, qPrintable(QString::number(redPixels)));
    else
        QCOMPARE(redPixels, 0);
}

void tst_DetailsPane::showStepClearsTheReason()
{
    DetailsPane pane;
    pane.showWorkflow(workflowWith(UnifiedStatus::Failed, {},
        {step(StepKind::MhoStep, u"s2"_s, u"Copy data"_s, UnifiedStatus::Failed, u"boom"_s)}));
    QCOMPARE(pane.reasonText(), u"Failed step: Copy data — boom"_s);
    QVERIFY(!labelNamed(pane, u"DetailsReason"_s)->isHidden());
    // A step's own message is among its fields.
    pane.showStep(u"Copy data"_s, {field(u"Message"_s, u"boom"_s)});
    QCOMPARE(pane.reasonText(), QString());
    QVERIFY(labelNamed(pane, u"DetailsReason"_s)->isHidden());
}

void tst_DetailsPane::freshness()
{
    DetailsPane pane;
    pane.resize(500, 300);
    QLabel *label = labelNamed(pane, u"DetailsFreshness"_s);
    QVERIFY(label);
    QVERIFY(!label->isVisibleTo(&pane));
    QCOMPARE(pane.freshnessText(), QString());

    pane.setFreshness(u"As of 12:00:00 (5 s ago)"_s, false);
    QCOMPARE(pane.freshnessText(), u"As of 12:00:00 (5 s ago)"_s);
    QCOMPARE(label->text(), u"As of 12:00:00 (5 s ago)"_s);
    QVERIFY(label->isVisibleTo(&pane));
    QVERIFY(!pane.freshnessIsStale());
    const QColor warning(0xff, 0xf3, 0xcd); // the stale banner's background
    const QPoint corner(1, 1);
    QVERIFY(label->grab().toImage().pixelColor(corner) != warning);

    pane.setFreshness(u"As of 12:00:00 (3 min ago) — Offline since 12:00:05"_s, true);
    QVERIFY(pane.freshnessIsStale());
    QCOMPARE(label->text(), u"As of 12:00:00 (3 min ago) — Offline since 12:00:05"_s);
    QVERIFY(label->isVisibleTo(&pane));
    QCOMPARE(label->grab().toImage().pixelColor(corner), warning);

    // Live again, same text: no longer marked.
    pane.setFreshness(u"As of 12:00:00 (3 min ago) — Offline since 12:00:05"_s, false);
    QVERIFY(!pane.freshnessIsStale());
    QVERIFY(label->grab().toImage().pixelColor(corner) != warning);

    // An empty text hides the line.
    pane.setFreshness({}, false);
    QCOMPARE(pane.freshnessText(), QString());
    QVERIFY(!label->isVisibleTo(&pane));
}

void tst_DetailsPane::clearClearsReasonAndFreshness()
{
    DetailsPane pane;
    pane.showWorkflow(workflowWith(UnifiedStatus::Failed, u"Connector profile expired"_s, {}));
    pane.setFreshness(u"As of 12:00:00 (2 min ago)"_s, true);
    QCOMPARE(pane.reasonText(), u"Connector profile expired"_s);
    QVERIFY(pane.freshnessIsStale());

    pane.clear();
    QCOMPARE(pane.reasonText(), QString());
    QCOMPARE(pane.freshnessText(), QString());
    QVERIFY(!pane.freshnessIsStale());
    QVERIFY(labelNamed(pane, u"DetailsReason"_s)->isHidden());
    QVERIFY(labelNamed(pane, u"DetailsFreshness"_s)->isHidden());
    QCOMPARE(pane.plainText(), placeholder);
}

void tst_DetailsPane::freshnessKeepsTheSelection()
{
    const WorkflowSnapshot workflow = workflowWith(UnifiedStatus::Failed, {},
        {step(StepKind::MhoStep, u"s2"_s, u"Copy data"_s, UnifiedStatus::Failed, u"boom"_s)});
    DetailsPane pane;
    pane.resize(500, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.showWorkflow(workflow);
    pane.setFreshness(u"As of 12:00:00 (1 s ago)"_s, false);

    auto *view = pane.findChild<QTextEdit *>();
    QVERIFY(view);
    QTextCursor cursor = view->textCursor();
    cursor.select(QTextCursor::Document);
    view->setTextCursor(cursor);
    const QString selected = view->textCursor().selectedText();
    QVERIFY(selected.contains(u"Migrate db"_s));

    // Every second the line ages, and the data may turn stale and live again: the operator's
    // selection stays.
    pane.setFreshness(u"As of 12:00:00 (2 s ago)"_s, false);
    QVERIFY(view->textCursor().hasSelection());
    QCOMPARE(view->textCursor().selectedText(), selected);
    pane.setFreshness(u"As of 12:00:00 (2 min ago) — Offline"_s, true);
    QCOMPARE(view->textCursor().selectedText(), selected);
    pane.setFreshness(u"As of 12:02:01 (1 s ago)"_s, false);
    QCOMPARE(view->textCursor().selectedText(), selected);
    // So does the next poll showing the same workflow (with its reason line) again.
    pane.showWorkflow(workflow);
    QCOMPARE(view->textCursor().selectedText(), selected);
    QCOMPARE(pane.reasonText(), u"Failed step: Copy data — boom"_s);
}

QTEST_MAIN(tst_DetailsPane)
#include "tst_detailspane.moc"
