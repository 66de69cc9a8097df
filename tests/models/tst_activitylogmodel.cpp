// The activity log under QAbstractItemModelTester: entries appended and updated, written as
// JSON Lines in a temporary folder and read back, bad lines skipped, interrupted actions
// marked failed, ids unique across restarts, trimming and compaction, write errors reported.
#include "activitylogmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

#include <sys/stat.h>

using namespace sw;
using namespace Qt::StringLiterals;

using Result = ActivityEntry::Result;

namespace {

ActivityEntry retry(const QString &step)
{
    ActivityEntry e;
    e.time = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    e.service = Service::MigrationHubOrchestrator;
    e.watchId = u"watch-1"_s;
    e.workflowKey = u"watch-1/wf-A"_s;
    e.stepId = step;
    e.target = u"Migrate web tier › "_s + step;
    e.operation = u"RetryWorkflowStep"_s;
    e.result = Result::InProgress;
    e.attempts = 1;
    return e;
}

ActivityEntry outcome(Result result, const QString &code = {}, const QString &message = {})
{
    ActivityEntry e;
    e.result = result;
    e.errorCode = code;
    e.message = message;
    e.requestId = u"req-42"_s;
    e.attempts = 2;
    e.finished = QDateTime(QDate(2024, 5, 1), QTime(12, 0, 3), Qt::UTC);
    return e;
}

QList<QByteArray> fileLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

QByteArray line(qint64 id, const char *result, const char *extra = "")
{
    return "{\"id\":" + QByteArray::number(id)
        + ",\"time\":\"2024-05-01T12:00:00.000Z\",\"service\":\"codecatalyst\",\"operation\":"
          "\"StartWorkflowRun\",\"result\":\""
        + result + '"' + extra + "}\n";
}

// Attached before anything is loaded, and gone with the model.
void attachTester(QAbstractItemModel &model)
{
    new QAbstractItemModelTester(
        &model, QAbstractItemModelTester::FailureReportingMode::Fatal, &model);
}

} // namespace

class tst_ActivityLogModel : public QObject {
    Q_OBJECT

private slots:
    void appendAndUpdateInMemory();
    void persistedAndReloaded();
    void jsonLineRoundTrip();
    void laterLineReplacesEarlier();
    void corruptLineSkipped_data();
    void corruptLineSkipped();
    void unterminatedLastLine();
    void inProgressAtLoadBecomesFailed();
    void idsUniqueAcrossReload();
    void maxEntriesTrimsAndCompacts();
    void loadKeepsNewest();
    void unwritablePathReported();
    void unreadableFile();
    void specialFileIsNotRead_data();
    void specialFileIsNotRead();
    void longLogIsReadFromItsTail();
    void columns();
};

void tst_ActivityLogModel::appendAndUpdateInMemory()
{
    ActivityLogModel model(QString {});
    attachTester(model);
    QVERIFY(model.load());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy failed(&model, &ActivityLogModel::writeFailed);

    const qint64 first = model.append(retry(u"Validate"_s));
    const qint64 second = model.append(retry(u"Cutover"_s));
    QCOMPARE(first, 1);
    QCOMPARE(second, 2);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1); // appended at the bottom
    QCOMPARE(model.rowOfId(second), 1);
    QCOMPARE(model.entry(first)->result, Result::InProgress);

    QVERIFY(
        model.update(first, outcome(Result::Failed, u"ResourceNotFoundException"_s, u"gone"_s)));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    const ActivityEntry *e = model.entry(first);
    QCOMPARE(e->result, Result::Failed);
    QCOMPARE(e->errorCode, u"ResourceNotFoundException"_s);
    QCOMPARE(e->requestId, u"req-42"_s);
    QCOMPARE(e->attempts, 2);
    QCOMPARE(e->stepId, u"Validate"_s); // what was asked stays
    QCOMPARE(e->operation, u"RetryWorkflowStep"_s);

    QVERIFY(!model.update(99, outcome(Result::Succeeded)));
    QVERIFY(!model.entry(99));
    QCOMPARE(model.rowOfId(99), -1);
    QCOMPARE(failed.count(), 0);
}

void tst_ActivityLogModel::persistedAndReloaded()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"not/yet/there/activity.jsonl"_s);
    QList<ActivityEntry> written;
    {
        ActivityLogModel model(path);
        attachTester(model);
        QVERIFY(model.load());
        QCOMPARE(model.rowCount(), 0);
        const qint64 a = model.append(retry(u"Validate"_s));
        model.append(retry(u"Cutover"_s));
        QVERIFY(model.update(a, outcome(Result::Succeeded)));
        QCOMPARE(model.lastWriteError(), QString());
        written = model.entries();
        const QList<QByteArray> lines = fileLines(path);
        QCOMPARE(lines.size(), 3); // written as they happen
        QVERIFY(lines.at(0).startsWith(R"({"id":1,"time":"2024-05-01T12:00:00.000Z",)"));
        QVERIFY(lines.at(2).contains(R"("result":"Succeeded")"));
    }
    ActivityLogModel reloaded(path);
    attachTester(reloaded);
    QVERIFY(reloaded.load());
    QCOMPARE(reloaded.skippedLines(), 0);
    QCOMPARE(reloaded.rowCount(), 2);
    QCOMPARE(reloaded.entries().at(0), written.at(0));
    // The second was still in progress when the first model went away.
    QCOMPARE(reloaded.entries().at(1).result, Result::Failed);
}

void tst_ActivityLogModel::jsonLineRoundTrip()
{
    ActivityEntry e = retry(u"Step \"quoted\"\nnext line ünïcödé"_s);
    e.id = 7;
    e.service = Service::CodeCatalyst;
    e.result = Result::Refused;
    e.message = u"Not allowed in read-only mode"_s;
    e.finished = e.time.addSecs(1);
    const QByteArray json = ActivityLogModel::toJsonLine(e);
    QVERIFY(!json.contains('\n'));
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    QCOMPARE(o.value(u"operation"_s).toString(), u"RetryWorkflowStep"_s);
    QCOMPARE(o.value(u"service"_s).toString(), u"codecatalyst"_s);
    QCOMPARE(o.value(u"result"_s).toString(), u"Refused"_s);
    const std::optional<ActivityEntry> back = ActivityLogModel::fromJsonLine(json);
    QVERIFY(back);
    QCOMPARE(*back, e);
}

void tst_ActivityLogModel::laterLineReplacesEarlier()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"activity.jsonl"_s);
    writeFile(path,
        line(1, "InProgress") + line(2, "Succeeded")
            + line(1, "Failed", R"(,"errorCode":"ConflictException","message":"busy")"));
    ActivityLogModel model(path);
    attachTester(model);
    QVERIFY(model.load());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.entries().at(0).id, 1);
    QCOMPARE(model.entry(1)->result, Result::Failed);
    QCOMPARE(model.entry(1)->errorCode, u"ConflictException"_s);
    QCOMPARE(model.entry(1)->message, u"busy"_s);
}

void tst_ActivityLogModel::corruptLineSkipped_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::newRow("garbage") << QByteArray("this is not json\n");
    QTest::newRow("binary") << QByteArray("\x01\x02\xff\xfe{\n", 6);
    QTest::newRow("cut short") << QByteArray("{\"id\":9,\"time\":\"2024-05-01T12:0\n");
    QTest::newRow("array") << QByteArray("[1,2,3]\n");
    QTest::newRow("no id") << QByteArray(R"({"time":"2024-05-01T12:00:00Z",)"
                                         R"("service":"codecatalyst","result":"Failed"})"
                                         "\n");
    QTest::newRow("id zero") << line(0, "Failed");
    QTest::newRow("negative id") << line(-4, "Failed");
    QTest::newRow("id is text") << QByteArray(R"({"id":"5","time":"2024-05-01T12:00:00Z",)"
                                              R"("service":"codecatalyst","result":"Failed"})"
                                              "\n");
    QTest::newRow("unknown result") << line(5, "Exploded");
    // The id after it would overflow (undefined behaviour, found by UBSan).
    QTest::newRow("id at INT64_MAX") << line(std::numeric_limits<qint64>::max(), "Failed");
    QTest::newRow("id past 2^53") << line((qint64(1) << 53) + 1, "Failed");
    QTest::newRow("bad time") << QByteArray(R"({"id":5,"time":"yesterday",)"
                                            R"("service":"codecatalyst","result":"Failed"})"
                                            "\n");
    QTest::newRow("unknown service") << QByteArray(R"({"id":5,"time":"2024-05-01T12:00:00Z",)"
                                                   R"("service":"lambda","result":"Failed"})"
                                                   "\n");
}

void tst_ActivityLogModel::corruptLineSkipped()
{
    QFETCH(QByteArray, bad);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"activity.jsonl"_s);
    writeFile(path, line(1, "Succeeded") + "\n" + bad + line(2, "Failed"));
    ActivityLogModel model(path);
    attachTester(model);
    QVERIFY(model.load());
    QCOMPARE(model.skippedLines(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.entries().at(1).id, 2);
    QCOMPARE(model.append(retry(u"x"_s)), 3);
}

void tst_ActivityLogModel::specialFileIsNotRead_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("FIFO") << u"fifo"_s << u"is a FIFO, not a regular file"_s;
    QTest::newRow("symlink to /dev/zero") << u"zero"_s << u"is a device, not a regular file"_s;
}

void tst_ActivityLogModel::specialFileIsNotRead()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"activity.jsonl"_s);
    if (kind == u"fifo")
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    else
        QVERIFY(QFile::link(u"/dev/zero"_s, path));
    ActivityLogModel model(path);
    QElapsedTimer clock;
    clock.start();
    // A FIFO would block the read for ever, /dev/zero fill the memory.
    QVERIFY(!model.load());
    QVERIFY2(clock.elapsed() < 2000, QByteArray::number(clock.elapsed()));
    QVERIFY2(model.loadError().contains(expected), qPrintable(model.loadError()));
    QCOMPARE(model.rowCount(), 0);
}

void tst_ActivityLogModel::longLogIsReadFromItsTail()
{
    // Weeks of use: more than the read cap. The newest entries load; the cut first line is
    // dropped quietly, not counted as corrupt.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"activity.jsonl"_s);
    const QByteArray filler(900, 'x');
    QByteArray text;
    const qint64 count = ActivityLogModel::MaxReadBytes / 1000 + 5000;
    text.reserve(qsizetype(count * 1000));
    for (qint64 id = 1; id <= count; ++id)
        text += line(id, "Succeeded", (",\"message\":\"" + filler + '"').constData());
    QVERIFY(text.size() > ActivityLogModel::MaxReadBytes);
    writeFile(path, text);
    ActivityLogModel model(path);
    QVERIFY(model.load());
    QCOMPARE(model.skippedLines(), 0);
    QCOMPARE(model.rowCount(), ActivityLogModel::DefaultMaxEntries);
    QCOMPARE(model.entries().last().id, count);
    QCOMPARE(model.append(retry(u"x"_s)), count + 1);
}

void tst_ActivityLogModel::unterminatedLastLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"activity.jsonl"_s);
    writeFile(path, line(1, "Succeeded") + "{\"id\":2,\"ti"); // the app died mid-write
    {
        ActivityLogModel model(path);
        QVERIFY(model.load());
        QCOMPARE(model.skippedLines(), 1);
        QCOMPARE(model.append(retry(u"x"_s)), 2);
    }
    ActivityLogModel model(path);
    QVERIFY(model.load());
    QCOMPARE(model.skippedLines(), 1); // the new line did not merge into the broken one
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.entries().at(1).stepId, u"x"_s);
}

void tst_ActivityLogModel::inProgressAtLoadBecomesFailed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"activity.jsonl"_s);
    writeFile(path, line(1, "InProgress") + line(2, "Refused"));
    ActivityLogModel model(path);
    attachTester(model);
    QVERIFY(model.load());
    QCOMPARE(model.entry(1)->result, Result::Failed);
    QCOMPARE(model.entry(1)->message,
        u"Stepwatch was closed before the outcome arrived; check the workflow."_s);
    QCOMPARE(model.index(0, ActivityLogModel::ResultColumn).data().toString(), u"Failed"_s);
    QCOMPARE(model.entry(2)->result, Result::Refused);
}

void tst_ActivityLogModel::idsUniqueAcrossReload()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"activity.jsonl"_s);
    {
        ActivityLogModel model(path);
        QVERIFY(model.load());
        for (int i = 0; i < 3; ++i)
            model.append(retry(u"s"_s));
    }
    {
        // No explicit load(): append reads the file first rather than reuse id 1.
        ActivityLogModel model(path);
        attachTester(model);
        QCOMPARE(model.append(retry(u"t"_s)), 4);
        QCOMPARE(model.rowCount(), 4);
    }
    {
        // Trimmed entries still count: ids go on from the largest ever written. Five lines
        // are more than twice two, so the file is compacted to the two shown.
        ActivityLogModel model(path);
        model.setMaxEntries(2);
        QVERIFY(model.load());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.append(retry(u"u"_s)), 5);
        QCOMPARE(fileLines(path).size(), 2);
    }
    ActivityLogModel model(path);
    QVERIFY(model.load());
    QList<qint64> ids;
    for (const ActivityEntry &e : model.entries())
        ids << e.id;
    QCOMPARE(ids, (QList<qint64> {4, 5}));
    QCOMPARE(model.append(retry(u"v"_s)), 6);
}

void tst_ActivityLogModel::maxEntriesTrimsAndCompacts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"activity.jsonl"_s);
    ActivityLogModel model(path);
    attachTester(model);
    QCOMPARE(model.maxEntries(), ActivityLogModel::DefaultMaxEntries);
    model.setMaxEntries(3);
    QVERIFY(model.load());
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    for (int i = 1; i <= 6; ++i)
        model.append(retry(QString::number(i)));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(removed.count(), 3);
    QCOMPARE(model.entries().first().id, 4); // the oldest went
    QCOMPARE(fileLines(path).size(), 6); // not more than twice the limit yet

    model.append(retry(u"7"_s));
    const QList<QByteArray> lines = fileLines(path);
    QCOMPARE(lines.size(), 3); // rewritten with what is shown
    QVERIFY(lines.at(0).startsWith(R"({"id":5,)"));
    QVERIFY(model.update(7, outcome(Result::Succeeded)));
    QCOMPARE(fileLines(path).size(), 4);

    removed.clear();
    model.setMaxEntries(1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entries().first().id, 7);
    QVERIFY(!model.update(5, outcome(Result::Failed)));

    ActivityLogModel reloaded(path);
    reloaded.setMaxEntries(10);
    QVERIFY(reloaded.load());
    QCOMPARE(reloaded.rowCount(), 3);
    QCOMPARE(reloaded.entry(7)->result, Result::Succeeded);
}

void tst_ActivityLogModel::loadKeepsNewest()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"activity.jsonl"_s);
    QByteArray data;
    for (int id = 1; id <= 10; ++id)
        data += line(id, "Succeeded");
    writeFile(path, data);
    ActivityLogModel model(path);
    attachTester(model);
    model.setMaxEntries(4);
    QVERIFY(model.load());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.entries().first().id, 7);
    QCOMPARE(model.entries().last().id, 10);
}

void tst_ActivityLogModel::unwritablePathReported()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(u"blocker"_s);
    writeFile(blocker, "a regular file, not a folder\n");
    ActivityLogModel model(blocker + u"/logs/activity.jsonl"_s);
    attachTester(model);
    QVERIFY(model.load()); // nothing there to read
    QSignalSpy failed(&model, &ActivityLogModel::writeFailed);

    const qint64 id = model.append(retry(u"Validate"_s));
    QCOMPARE(failed.count(), 1);
    QVERIFY(!model.lastWriteError().isEmpty());
    QCOMPARE(failed.at(0).at(0).toString(), model.lastWriteError());
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.entry(id));

    QVERIFY(model.update(id, outcome(Result::Succeeded)));
    QCOMPARE(failed.count(), 2);
    QCOMPARE(model.entry(id)->result, Result::Succeeded);
    QCOMPARE(model.append(retry(u"Cutover"_s)), id + 1);
}

void tst_ActivityLogModel::unreadableFile()
{
    QTemporaryDir dir;
    ActivityLogModel model(dir.path()); // a folder where the file should be
    attachTester(model);
    QVERIFY(!model.load());
    QVERIFY(model.loadError().contains(u"activity log"_s));
    QCOMPARE(model.rowCount(), 0);
}

void tst_ActivityLogModel::columns()
{
    ActivityLogModel model(QString {});
    attachTester(model);
    ActivityEntry e = retry(u"Validate"_s);
    const qint64 id = model.append(e);
    model.update(id, outcome(Result::Failed, u"ThrottlingException"_s, u"Rate exceeded"_s));
    auto cell = [&model](int column, int role = Qt::DisplayRole) {
        return model.index(0, column).data(role);
    };
    QCOMPARE(model.columnCount(), int(ActivityLogModel::ColumnCount));
    QCOMPARE(model.headerData(ActivityLogModel::ErrorCodeColumn, Qt::Horizontal).toString(),
        u"Error code"_s);
    QCOMPARE(cell(ActivityLogModel::ServiceColumn).toString(), u"Migration Hub Orchestrator"_s);
    QCOMPARE(cell(ActivityLogModel::TargetColumn).toString(), u"Migrate web tier › Validate"_s);
    QCOMPARE(cell(ActivityLogModel::OperationColumn).toString(), u"RetryWorkflowStep"_s);
    QCOMPARE(cell(ActivityLogModel::ResultColumn).toString(), u"Failed"_s);
    QCOMPARE(cell(ActivityLogModel::ErrorCodeColumn).toString(), u"ThrottlingException"_s);
    QCOMPARE(cell(ActivityLogModel::MessageColumn).toString(), u"Rate exceeded"_s);
    QCOMPARE(cell(ActivityLogModel::RequestIdColumn).toString(), u"req-42"_s);
    QCOMPARE(cell(ActivityLogModel::TimeColumn, ActivityLogModel::TimeRole).toDateTime(), e.time);
    QCOMPARE(cell(ActivityLogModel::TimeColumn, ActivityLogModel::SortRole).toLongLong(),
        e.time.toMSecsSinceEpoch());
    QCOMPARE(cell(ActivityLogModel::MessageColumn, ActivityLogModel::ResultRole).toInt(),
        int(Result::Failed));
    QCOMPARE(cell(0, ActivityLogModel::EntryIdRole).toLongLong(), id);
    QCOMPARE(cell(0, ActivityLogModel::WorkflowKeyRole).toString(), u"watch-1/wf-A"_s);
    QCOMPARE(model.roleNames().value(ActivityLogModel::EntryIdRole), QByteArray("entryId"));
}

QTEST_GUILESS_MAIN(tst_ActivityLogModel)
#include "tst_activitylogmodel.moc"
