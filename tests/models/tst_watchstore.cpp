// WatchStore against real files in a temporary folder: what it reads, what it writes, and
// that nothing the operator wrote is ever overwritten.
#include "watchstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace sw;
using namespace Qt::StringLiterals;

namespace {

QList<Watch> sampleWatches()
{
    Watch mho;
    mho.id = u"mho-1"_s;
    mho.name = u"Migrations"_s;
    mho.region = u"us-east-1"_s;
    mho.ids = {u"wf-1"_s, u"wf-2"_s};

    Watch profiles;
    profiles.id = u"cp-1"_s;
    profiles.service = Service::CustomerProfiles;
    profiles.profile = u"ops"_s;
    profiles.domainName = u"my-domain"_s;
    profiles.paused = true;

    Watch catalyst;
    catalyst.id = u"cc-1"_s;
    catalyst.service = Service::CodeCatalyst;
    catalyst.spaceName = u"space"_s;
    catalyst.projectName = u"project"_s;
    catalyst.endpointUrl = u"http://127.0.0.1:4566"_s;
    catalyst.intervalSeconds = 30;
    catalyst.terminalIntervalSeconds = 3600;
    catalyst.discoveryIntervalSeconds = 120;
    return {mho, profiles, catalyst};
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray fileWith(const QJsonArray &entries, int version = 1)
{
    return QJsonDocument(QJsonObject {{u"version"_s, version}, {u"watches"_s, entries}}).toJson();
}

QJsonObject entry(const QString &id, const QString &name = {})
{
    QJsonObject o {{u"id"_s, id}, {u"service"_s, u"migrationhuborchestrator"_s}};
    if (!name.isEmpty())
        o.insert(u"name"_s, name);
    return o;
}

bool anyContains(const QStringList &lines, const QString &text)
{
    return std::any_of(
        lines.cbegin(), lines.cend(), [&](const QString &line) { return line.contains(text); });
}

} // namespace

class tst_WatchStore : public QObject {
    Q_OBJECT

private slots:
    void defaultPath();
    void missingFileIsEmpty();
    void saveLoadRoundTrip();
    void savedFileIsReadableJson();
    void brokenFileIsSetAside_data();
    void brokenFileIsSetAside();
    void invalidEntryIsSkipped_data();
    void invalidEntryIsSkipped();
    void duplicateIdIsSkipped();
    void otherVersionIsNotOverwritten_data();
    void otherVersionIsNotOverwritten();
    void unreadableFileIsNotOverwritten();
    void unopenablePathBlocksSave();
    void specialFileIsNotRead_data();
    void specialFileIsNotRead();
    void saveCreatesMissingFolder();
    void saveFailsWhenParentIsAFile();

private:
    QTemporaryDir m_dir;
};

void tst_WatchStore::defaultPath()
{
    QStandardPaths::setTestModeEnabled(true);
    const WatchStore store;
    QCOMPARE(store.path(), WatchStore::defaultPath());
    QVERIFY(store.path().endsWith(u"/watches.json"_s));
    QVERIFY(QFileInfo(store.path()).isAbsolute());
    QCOMPARE(WatchStore(u"/elsewhere/w.json"_s).path(), u"/elsewhere/w.json"_s);
}

void tst_WatchStore::missingFileIsEmpty()
{
    QVERIFY(m_dir.isValid());
    WatchStore store(m_dir.filePath(u"missing/watches.json"_s));
    QVERIFY(store.load().isEmpty());
    QVERIFY(store.loadProblems().isEmpty());
    QVERIFY(store.setAsidePath().isEmpty());
    QVERIFY(!QFile::exists(store.path())); // loading creates nothing
}

void tst_WatchStore::saveLoadRoundTrip()
{
    const QString path = m_dir.filePath(u"roundtrip.json"_s);
    const QList<Watch> watches = sampleWatches();
    WatchStore store(path);
    QVERIFY2(store.save(watches), qPrintable(store.error()));
    QVERIFY(store.error().isEmpty());

    WatchStore other(path);
    const QList<Watch> read = other.load();
    QVERIFY2(other.loadProblems().isEmpty(), qPrintable(other.loadProblems().join(u'\n')));
    QCOMPARE(read.size(), watches.size());
    for (qsizetype i = 0; i < read.size(); ++i) {
        QVERIFY2(read.at(i) == watches.at(i), qPrintable(watches.at(i).id));
        QCOMPARE(read.at(i).service, watches.at(i).service);
        QCOMPARE(read.at(i).ids, watches.at(i).ids);
    }
    // Saving again over a good file replaces it.
    QVERIFY(other.save(read.mid(1)));
    QCOMPARE(WatchStore(path).load().size(), watches.size() - 1);
    // An empty list is saved as an empty list, and read back as one.
    QVERIFY(other.save({}));
    WatchStore empty(path);
    QVERIFY(empty.load().isEmpty());
    QVERIFY(empty.loadProblems().isEmpty());
}

void tst_WatchStore::savedFileIsReadableJson()
{
    const QString path = m_dir.filePath(u"readable.json"_s);
    WatchStore store(path);
    QVERIFY(store.save(sampleWatches()));
    const QByteArray bytes = readAll(path);
    // Indented, one member a line, so an operator can edit it by hand.
    QVERIFY2(bytes.contains("\"version\": 1"), bytes.constData());
    QVERIFY(bytes.contains("\n    \"watches\": ["));
    QVERIFY(bytes.count('\n') > 20);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(bytes, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    QCOMPARE(root.value(u"watches"_s).toArray().size(), 3);
    QCOMPARE(root.value(u"watches"_s).toArray().at(1).toObject().value(u"domainName"_s),
        QJsonValue(u"my-domain"_s));
    // QSaveFile leaves no temporary file behind.
    QCOMPARE(QDir(m_dir.path()).entryList({u"readable.json*"_s}, QDir::Files).size(), 1);
}

void tst_WatchStore::brokenFileIsSetAside_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("not JSON") << QByteArray("{ \"version\": 1, \"watches\": [ oops");
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("a list at the top") << QByteArray("[1, 2, 3]");
    QTest::newRow("no watches list") << QByteArray("{\"version\": 1}");
    QTest::newRow("watches not a list") << QByteArray("{\"version\": 1, \"watches\": {}}");
}

void tst_WatchStore::brokenFileIsSetAside()
{
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"watches.json"_s);
    writeBytes(path, bytes);

    WatchStore store(path);
    QVERIFY(store.load().isEmpty());
    const QStringList problems = store.loadProblems();
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.first().contains(QDir::toNativeSeparators(path)),
        qPrintable(problems.join(u'\n')));

    const QString aside = store.setAsidePath();
    const QRegularExpression pattern(
        u"^"_s + QRegularExpression::escape(path) + uR"(\.broken-\d{8}-\d{6}$)"_s);
    QVERIFY2(pattern.match(aside).hasMatch(), qPrintable(aside));
    QVERIFY(QFile::exists(aside));
    QCOMPARE(readAll(aside), bytes);
    QVERIFY(!QFile::exists(path));
    QVERIFY2(
        anyContains(problems, QDir::toNativeSeparators(aside)), qPrintable(problems.join(u'\n')));

    // The way is clear for a new file, and the broken one stays as it was.
    QVERIFY2(store.save(sampleWatches()), qPrintable(store.error()));
    QCOMPARE(WatchStore(path).load().size(), 3);
    QCOMPARE(readAll(aside), bytes);
}

void tst_WatchStore::invalidEntryIsSkipped_data()
{
    QTest::addColumn<QJsonValue>("bad");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown service")
        << QJsonValue(QJsonObject {{u"id"_s, u"b"_s}, {u"service"_s, u"lambda"_s}}) << u"lambda"_s;
    QTest::newRow("no id") << QJsonValue(QJsonObject {{u"service"_s, u"codecatalyst"_s}})
                           << u"\"id\""_s;
    QTest::newRow("interval a string") << QJsonValue(QJsonObject {
        {u"id"_s, u"b"_s}, {u"service"_s, u"codecatalyst"_s}, {u"intervalSeconds"_s, u"5"_s}})
                                       << u"intervalSeconds"_s;
    QTest::newRow("not an object") << QJsonValue(42) << u"not an object"_s;
    // Converted to int before the range check, this was undefined behaviour (UBSan).
    QTest::newRow("interval 1e300") << QJsonValue(QJsonObject {
        {u"id"_s, u"b"_s}, {u"service"_s, u"codecatalyst"_s}, {u"intervalSeconds"_s, 1e300}})
                                    << u"intervalSeconds"_s;
    QTest::newRow("interval -1e300") << QJsonValue(QJsonObject {{u"id"_s, u"b"_s},
        {u"service"_s, u"codecatalyst"_s}, {u"discoveryIntervalSeconds"_s, -1e300}})
                                     << u"discoveryIntervalSeconds"_s;
}

void tst_WatchStore::invalidEntryIsSkipped()
{
    QFETCH(QJsonValue, bad);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"watches.json"_s);
    const QByteArray original = fileWith({entry(u"a"_s), bad, entry(u"c"_s)});
    writeBytes(path, original);

    WatchStore store(path);
    const QList<Watch> read = store.load();
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.at(0).id, u"a"_s);
    QCOMPARE(read.at(1).id, u"c"_s);
    const QStringList problems = store.loadProblems();
    // Reported by its position (1-based, as people count) and the file, with the reason.
    const QString shown = QDir::toNativeSeparators(path);
    const bool reported = std::any_of(problems.cbegin(), problems.cend(), [&](const QString &p) {
        return p.contains(u"Watch 2 "_s) && p.contains(shown) && p.contains(reason);
    });
    QVERIFY2(reported, qPrintable(problems.join(u'\n')));
    QVERIFY(!anyContains(problems, u"Watch 1 "_s));
    QVERIFY(!anyContains(problems, u"Watch 3 "_s));

    // The whole original is kept, since the next save writes only the readable watches.
    QVERIFY(!store.setAsidePath().isEmpty());
    QCOMPARE(readAll(store.setAsidePath()), original);
    QVERIFY(store.save(read));
    WatchStore again(path);
    QCOMPARE(again.load().size(), 2);
    QVERIFY(again.loadProblems().isEmpty());
    QCOMPARE(readAll(store.setAsidePath()), original);
}

void tst_WatchStore::duplicateIdIsSkipped()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"watches.json"_s);
    const QByteArray original =
        fileWith({entry(u"same"_s, u"first"_s), entry(u"other"_s), entry(u"same"_s, u"second"_s)});
    writeBytes(path, original);

    WatchStore store(path);
    const QList<Watch> read = store.load();
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.at(0).name, u"first"_s); // the first one wins
    QCOMPARE(read.at(1).id, u"other"_s);
    const QStringList problems = store.loadProblems();
    const bool reported = std::any_of(problems.cbegin(), problems.cend(),
        [](const QString &p) { return p.contains(u"Watch 3 "_s) && p.contains(u"\"same\""_s); });
    QVERIFY2(reported, qPrintable(problems.join(u'\n')));
    QCOMPARE(readAll(store.setAsidePath()), original);
}

void tst_WatchStore::otherVersionIsNotOverwritten_data()
{
    QTest::addColumn<QJsonValue>("version");
    QTest::addColumn<QString>("shown");
    QTest::newRow("version 2") << QJsonValue(2) << u"version 2"_s;
    QTest::newRow("version 0") << QJsonValue(0) << u"version 0"_s;
    QTest::newRow("version a string") << QJsonValue(u"1"_s) << u"(none)"_s;
    QTest::newRow("no version") << QJsonValue(QJsonValue::Undefined) << u"(none)"_s;
}

void tst_WatchStore::otherVersionIsNotOverwritten()
{
    QFETCH(QJsonValue, version);
    QFETCH(QString, shown);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"watches.json"_s);
    QJsonObject root {
        {u"watches"_s, QJsonArray {entry(u"a"_s)}}, {u"newFeature"_s, QJsonObject {{u"x"_s, 1}}}};
    if (!version.isUndefined())
        root.insert(u"version"_s, version);
    const QByteArray original = QJsonDocument(root).toJson();
    writeBytes(path, original);

    WatchStore store(path);
    // Not read partially: saving what was understood would lose the rest.
    QVERIFY(store.load().isEmpty());
    QVERIFY2(
        anyContains(store.loadProblems(), shown), qPrintable(store.loadProblems().join(u'\n')));
    QVERIFY(!store.setAsidePath().isEmpty());
    QCOMPARE(readAll(store.setAsidePath()), original);

    QVERIFY(store.save(sampleWatches()));
    QCOMPARE(readAll(store.setAsidePath()), original);
    const QJsonObject written = QJsonDocument::fromJson(readAll(path)).object();
    QCOMPARE(written.value(u"version"_s).toInt(), 1);
}

void tst_WatchStore::unreadableFileIsNotOverwritten()
{
#ifdef Q_OS_UNIX
    if (::geteuid() == 0)
        QSKIP("running as root, which can read a file with mode 000");
#else
    QSKIP("file modes are POSIX");
#endif
    QTemporaryDir dir;
    const QString path = dir.filePath(u"watches.json"_s);
    const QByteArray original = fileWith({entry(u"a"_s)});
    writeBytes(path, original);
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));

    WatchStore store(path);
    QVERIFY(store.load().isEmpty());
    QVERIFY2(anyContains(store.loadProblems(), QDir::toNativeSeparators(path)),
        qPrintable(store.loadProblems().join(u'\n')));
    // A permissions problem is the operator's to fix; the file is not moved.
    QVERIFY(store.setAsidePath().isEmpty());
    QVERIFY(!store.save(sampleWatches()));
    QVERIFY(store.error().contains(QDir::toNativeSeparators(path)));

    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(readAll(path), original);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 1);
}

// The same refusal as root, where a mode-000 file stays readable: a path that exists but
// cannot be opened as a file.
void tst_WatchStore::unopenablePathBlocksSave()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"watches.json"_s);
    QVERIFY(QDir().mkpath(path));
    writeBytes(path + u"/keep.txt"_s, "operator's");

    WatchStore store(path);
    QVERIFY(store.load().isEmpty());
    QVERIFY(!store.loadProblems().isEmpty());
    QVERIFY(!store.save(sampleWatches()));
    QVERIFY(!store.error().isEmpty());
    QVERIFY(QFileInfo(path).isDir());
    QCOMPARE(readAll(path + u"/keep.txt"_s), QByteArray("operator's"));
}

void tst_WatchStore::specialFileIsNotRead_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("FIFO") << u"fifo"_s << u"is a FIFO, not a regular file"_s;
    QTest::newRow("symlink to /dev/zero") << u"zero"_s << u"is a device, not a regular file"_s;
    QTest::newRow("9 MB") << u"big"_s << u"more than the 8 MB it may be"_s;
}

void tst_WatchStore::specialFileIsNotRead()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"watches.json"_s);
    if (kind == u"fifo")
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    else if (kind == u"zero")
        QVERIFY(QFile::link(u"/dev/zero"_s, path));
    else
        writeBytes(path, QByteArray(9 * 1024 * 1024, ' '));
    QElapsedTimer clock;
    clock.start();
    WatchStore store(path);
    QVERIFY(store.load().isEmpty());
    QVERIFY2(clock.elapsed() < 2000, QByteArray::number(clock.elapsed()));
    QVERIFY2(
        anyContains(store.loadProblems(), expected), qPrintable(store.loadProblems().join(u'\n')));
    // Not ours: neither moved aside nor overwritten.
    QVERIFY(store.setAsidePath().isEmpty());
    QVERIFY(!store.save(sampleWatches()));
}

void tst_WatchStore::saveCreatesMissingFolder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config/stepwatch/deeper/watches.json"_s);
    WatchStore store(path);
    QVERIFY(store.load().isEmpty());
    QVERIFY2(store.save(sampleWatches()), qPrintable(store.error()));
    QVERIFY(QFileInfo(path).isFile());
    QCOMPARE(WatchStore(path).load().size(), 3);
}

void tst_WatchStore::saveFailsWhenParentIsAFile()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(u"config"_s);
    writeBytes(blocker, "not a folder");
    WatchStore store(blocker + u"/watches.json"_s);
    QVERIFY(store.load().isEmpty());
    QVERIFY(!store.save(sampleWatches()));
    QVERIFY(!store.error().isEmpty());
    QVERIFY2(
        store.error().contains(QDir::toNativeSeparators(store.path())), qPrintable(store.error()));
    QCOMPARE(readAll(blocker), QByteArray("not a folder"));
}

QTEST_GUILESS_MAIN(tst_WatchStore)
#include "tst_watchstore.moc"
