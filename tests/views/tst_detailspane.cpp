// DetailsPane: what it shows for a step and a workflow, JSON pretty-printed in a fixed-pitch
// font, the placeholder, and what Copy and Ctrl+C put on the clipboard.
#include "detailspane.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QToolButton>

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

QTEST_MAIN(tst_DetailsPane)
#include "tst_detailspane.moc"
