// The workflow table export: what is shown (filtered, in the shown order) as CSV and JSON.

#include "tableexport.h"
#include "workflowfilterproxy.h"
#include "workflowtablemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw;

namespace {

WorkflowSnapshot workflow(const QString &id, const QString &name, UnifiedStatus status)
{
    WorkflowSnapshot w;
    w.watchId = u"w1"_s;
    w.watchName = u"Watch one"_s;
    w.service = Service::MigrationHubOrchestrator;
    w.id = id;
    w.key = workflowKey(w.watchId, id);
    w.name = name;
    w.status = status;
    w.rawStatus = status == UnifiedStatus::Failed ? u"FAILED"_s : u"IN_PROGRESS"_s;
    w.start = QDateTime(QDate(2026, 11, 21), QTime(10, 0), Qt::UTC);
    w.completedSteps = 3;
    w.totalSteps = 12;
    w.message = u"line one\nline \"two\", with comma"_s;
    return w;
}

} // namespace

class tst_TableExport : public QObject {
    Q_OBJECT

private slots:
    void init();
    void csvFollowsTheShownRows();
    void csvQuotesAndDefusesFormulas();
    void jsonHasTypedValues();
    void writeFileReportsErrors();

private:
    WorkflowTableModel m_table;
    WorkflowFilterProxy m_proxy;
};

void tst_TableExport::init()
{
    m_proxy.setSourceModel(&m_table);
    m_proxy.setStatusFilter({});
    m_table.mergeWatch(u"w1"_s,
        {workflow(u"mw-1"_s, u"Migrate web"_s, UnifiedStatus::Failed),
            workflow(u"mw-2"_s, u"=HYPERLINK(\"x\")"_s, UnifiedStatus::Running),
            workflow(u"mw-3"_s, u"Alpha"_s, UnifiedStatus::Running)});
    m_proxy.sort(WorkflowTableModel::NameColumn, Qt::AscendingOrder);
}

void tst_TableExport::csvFollowsTheShownRows()
{
    m_proxy.setStatusFilter({UnifiedStatus::Running});
    const QStringList lines = QString::fromUtf8(tableexport::toCsv(m_proxy, m_table))
                                  .split(u"\r\n"_s, Qt::SkipEmptyParts);
    // The header and the two running workflows, "=HYPERLINK" sorting before "Alpha".
    QCOMPARE(lines.size(), 1 + 2); // a quoted line break inside a message is not a row end
    QVERIFY(lines.first().startsWith(u"service,name,id,status,rawStatus"_s));
    const QString all = lines.join(u'\n');
    QVERIFY(!all.contains(u"mw-1"_s));
    QVERIFY(all.indexOf(u"mw-2"_s) < all.indexOf(u"mw-3"_s));
}

void tst_TableExport::csvQuotesAndDefusesFormulas()
{
    const QString csv = QString::fromUtf8(tableexport::toCsv(m_proxy, m_table));
    QVERIFY(csv.contains(u"\"line one\nline \"\"two\"\", with comma\""_s));
    QVERIFY(csv.contains(u"\"'=HYPERLINK(\"\"x\"\")\""_s));
    QVERIFY(csv.contains(u",3,12,2026-11-21T10:00:00.000Z,"_s));
}

void tst_TableExport::jsonHasTypedValues()
{
    const QJsonArray rows = QJsonDocument::fromJson(tableexport::toJson(m_proxy, m_table)).array();
    QCOMPARE(rows.size(), 3);
    const QJsonObject first = rows.at(0).toObject();
    QCOMPARE(first.value(u"name"_s).toString(), u"=HYPERLINK(\"x\")"_s); // JSON is not a formula
    QCOMPARE(first.value(u"totalSteps"_s).toInt(), 12);
    QCOMPARE(first.value(u"status"_s).toString(), u"running"_s);
    QCOMPARE(first.value(u"service"_s).toString(), u"migrationhuborchestrator"_s);
    QVERIFY(first.value(u"recordsProcessed"_s).isNull());
}

void tst_TableExport::writeFileReportsErrors()
{
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(u"out.csv"_s);
    QVERIFY(tableexport::writeFile(path, "a,b\r\n", &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("a,b\r\n"));
    QVERIFY(!tableexport::writeFile(dir.filePath(u"missing/dir/out.csv"_s), "x", &error));
    QVERIFY(error.contains(u"missing/dir/out.csv"_s));
}

QTEST_MAIN(tst_TableExport)
#include "tst_tableexport.moc"
