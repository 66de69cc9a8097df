// Watch: what validate() says about each field, and the JSON a watch is saved as.
#include "watch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace sw;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(sw::Watch)

namespace {

const QString mhoId = u"migration-workflow-1"_s;
const QString profilesId = u"0123456789abcdef0123456789abcdef"_s;
const QString imageArn = u"arn:aws:imagebuilder:us-east-1:123456789012:image/my-image/1.0.0/3"_s;
const QString executionId = u"wf-12345678-abcd-4ef0-9abc-0123456789ab"_s;
const QString catalystId = u"0f1e2d3c-4b5a-4987-8a6b-5c4d3e2f1a0b"_s;

// A watch of `service` that validate() accepts, with every scope field its service needs.
Watch validWatch(Service service)
{
    Watch w;
    w.id = u"w1"_s;
    w.service = service;
    w.region = u"us-east-1"_s;
    switch (service) {
    case Service::MigrationHubOrchestrator:
        w.ids = {mhoId};
        break;
    case Service::CustomerProfiles:
        w.domainName = u"my-domain"_s;
        w.ids = {profilesId};
        break;
    case Service::ImageBuilder:
        w.imageBuildVersionArn = imageArn;
        break;
    case Service::CodeCatalyst:
        w.spaceName = u"my-space"_s;
        w.projectName = u"my-project"_s;
        w.ids = {catalystId};
        break;
    }
    return w;
}

// Every field set to something other than its default.
Watch fullWatch(Service service)
{
    Watch w = validWatch(service);
    w.id = Watch::newId();
    w.name = u"Production · night runs"_s;
    w.profile = u"ops-admin"_s;
    w.region = u"eu-west-1"_s;
    w.endpointUrl = u"http://127.0.0.1:4566"_s;
    w.domainName = u"my-domain"_s;
    w.imageBuildVersionArn = imageArn;
    w.spaceName = u"my-space"_s;
    w.projectName = u"my-project"_s;
    w.ids = {u"first"_s, u"second"_s};
    w.intervalSeconds = 7;
    w.terminalIntervalSeconds = 901;
    w.discoveryIntervalSeconds = 45;
    w.paused = true;
    return w;
}

QString serviceRowName(Service service)
{
    return serviceId(service);
}

} // namespace

class tst_Watch : public QObject {
    Q_OBJECT

private slots:
    void validWatchHasNoErrors_data();
    void validWatchHasNoErrors();
    void invalidFieldIsNamed_data();
    void invalidFieldIsNamed();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void defaultsRoundTrip();
    void fromJsonErrors_data();
    void fromJsonErrors();
    void unknownMembersIgnored();
    void noSecretInJson_data();
    void noSecretInJson();
    void displayName_data();
    void displayName();
    void discovers();
    void newId();
};

void tst_Watch::validWatchHasNoErrors_data()
{
    QTest::addColumn<Watch>("watch");
    for (int i = 0; i < ServiceCount; ++i) {
        const auto service = Service(i);
        const QString name = serviceRowName(service);
        QTest::newRow(qPrintable(name)) << validWatch(service);

        Watch discovering = validWatch(service);
        discovering.ids.clear();
        QTest::newRow(qPrintable(name + u" discovering"_s)) << discovering;

        Watch elsewhere = validWatch(service);
        elsewhere.profile = u"dev"_s;
        elsewhere.region.clear();
        elsewhere.endpointUrl = u"https://example.com:8443/base"_s;
        elsewhere.intervalSeconds = 1;
        elsewhere.terminalIntervalSeconds = 86400;
        QTest::newRow(qPrintable(name + u" profile, https endpoint, extreme intervals"_s))
            << elsewhere;
    }
    Watch loopback = validWatch(Service::MigrationHubOrchestrator);
    loopback.endpointUrl = u"http://127.0.0.1:8080"_s;
    QTest::newRow("plain http to 127.0.0.1") << loopback;
    loopback.endpointUrl = u"http://localhost:8080"_s;
    QTest::newRow("plain http to localhost") << loopback;

    Watch idsOnly = validWatch(Service::ImageBuilder);
    idsOnly.imageBuildVersionArn.clear();
    idsOnly.ids = {executionId};
    QTest::newRow("imagebuilder execution ids without ARN") << idsOnly;
}

void tst_Watch::validWatchHasNoErrors()
{
    QFETCH(Watch, watch);
    const QStringList errors = watch.validate();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
}

void tst_Watch::invalidFieldIsNamed_data()
{
    QTest::addColumn<Watch>("watch");
    // Every fragment must appear in one error line: the field, and the value or the rule.
    QTest::addColumn<QStringList>("fragments");

    using S = Service;
    auto row = [](const char *name, Watch w, QStringList fragments) {
        QTest::newRow(name) << w << fragments;
    };
    Watch w = validWatch(S::MigrationHubOrchestrator);

    w.id.clear();
    row("no id", w, {u"id"_s});
    w = validWatch(S::MigrationHubOrchestrator);
    w.region = u"us east 1"_s;
    row("region with spaces", w, {u"Region"_s, u"\"us east 1\""_s});
    w = validWatch(S::MigrationHubOrchestrator);
    w.endpointUrl = u"ftp://example.com/"_s;
    row("endpoint ftp", w, {u"endpoint URL"_s, u"ftp://example.com/"_s, u"https or http"_s});
    w.endpointUrl = u"example.com"_s;
    row("endpoint without scheme", w, {u"endpoint URL"_s, u"example.com"_s, u"scheme"_s});
    w.endpointUrl = u"http://example.com"_s;
    row("endpoint plain http remote", w, {u"endpoint URL"_s, u"http://"_s, u"example.com"_s});
    w.endpointUrl = u"http://10.0.0.5:4566"_s;
    row("endpoint plain http private", w, {u"endpoint URL"_s, u"http://"_s, u"10.0.0.5"_s});
    w = validWatch(S::MigrationHubOrchestrator);
    w.profile = u"[dev]"_s;
    row("profile with brackets", w, {u"Profile"_s, u"\"[dev]\""_s});
    w.profile = u"dev "_s;
    row("profile with trailing space", w, {u"Profile"_s, u"\"dev \""_s});

    const struct {
        const char *row;
        int Watch::*field;
        int value;
        const char *label;
    } intervals[] = {
        {"interval 0", &Watch::intervalSeconds, 0, "The interval "},
        {"interval 86401", &Watch::intervalSeconds, 86401, "The interval "},
        {"interval negative", &Watch::intervalSeconds, -5, "The interval "},
        {"terminal interval 0", &Watch::terminalIntervalSeconds, 0, "The terminal interval "},
        {"terminal interval 86401", &Watch::terminalIntervalSeconds, 86401,
            "The terminal interval "},
        {"discovery interval 0", &Watch::discoveryIntervalSeconds, 0, "The discovery interval "},
        {"discovery interval 86401", &Watch::discoveryIntervalSeconds, 86401,
            "The discovery interval "},
    };
    for (const auto &i : intervals) {
        w = validWatch(S::MigrationHubOrchestrator);
        w.*i.field = i.value;
        row(i.row, w,
            {QString::fromLatin1(i.label), u"not %1 s"_s.arg(i.value), u"1 s"_s, u"86400 s"_s});
    }

    w = validWatch(S::MigrationHubOrchestrator);
    w.ids = {mhoId, u"other"_s, mhoId};
    row("duplicate ids", w, {u"Id \"%1\""_s.arg(mhoId), u"twice"_s});
    w.ids = {u"wf_1!"_s};
    row("mho id with illegal characters", w, {u"Workflow id"_s, u"wf_1!"_s, u"pattern"_s});
    w.ids = {QString(101, u'a')};
    row("mho id of 101 characters", w, {u"Workflow id"_s, u"101"_s, u"max length: 100"_s});
    w.ids = {QString()};
    row("mho empty id", w, {u"Workflow id"_s});

    w = validWatch(S::CustomerProfiles);
    w.domainName.clear();
    row("profiles missing domain", w, {u"Domain"_s, u"DomainName"_s});
    w.domainName = u"my.domain"_s;
    row("profiles domain with a dot", w, {u"Domain"_s, u"my.domain"_s});
    w = validWatch(S::CustomerProfiles);
    w.ids = {u"0123456789ABCDEF0123456789ABCDEF"_s};
    row("profiles workflow id upper case", w,
        {u"Workflow id"_s, u"0123456789ABCDEF0123456789ABCDEF"_s, u"[a-f0-9]{32}"_s});
    w.ids = {u"0123456789abcdef"_s};
    row("profiles workflow id too short", w,
        {u"Workflow id"_s, u"0123456789abcdef"_s, u"[a-f0-9]{32}"_s});
    w.ids = {QString()};
    row("profiles empty workflow id", w, {u"Workflow id"_s});

    w = validWatch(S::ImageBuilder);
    w.imageBuildVersionArn.clear();
    row("imagebuilder ARN missing without ids", w, {u"Image build version ARN"_s});
    w.imageBuildVersionArn = u"arn:aws:imagebuilder:us-east-1:123456789012:image/my-image"_s;
    row("imagebuilder ARN without version", w, {u"Image build version ARN"_s, u"image/my-image"_s});
    w = validWatch(S::ImageBuilder);
    w.ids = {u"wf-123"_s};
    row("imagebuilder execution id short", w, {u"Workflow execution id"_s, u"wf-123"_s});
    w.ids = {executionId.mid(3)};
    row("imagebuilder execution id without wf-", w,
        {u"Workflow execution id"_s, executionId.mid(3)});
    w.ids = {QString()};
    row("imagebuilder empty execution id", w, {u"Workflow execution id"_s});

    w = validWatch(S::CodeCatalyst);
    w.spaceName.clear();
    row("codecatalyst missing space", w, {u"Space and project"_s, u"spaceName"_s});
    w = validWatch(S::CodeCatalyst);
    w.projectName.clear();
    row("codecatalyst missing project", w, {u"Space and project"_s, u"projectName"_s});
    w = validWatch(S::CodeCatalyst);
    w.ids.clear(); // every discovered workflow's runs are listed with this space name
    w.spaceName = u"ab"_s;
    row("codecatalyst space too short for ListWorkflowRuns", w,
        {u"spaceName"_s, u"min length: 3"_s});
    w = validWatch(S::CodeCatalyst);
    w.ids = {u"not-a-uuid"_s};
    row("codecatalyst workflow id not a uuid", w, {u"Workflow id"_s, u"not-a-uuid"_s});
    w.ids = {QString()};
    row("codecatalyst empty workflow id", w, {u"Workflow id"_s});
}

void tst_Watch::invalidFieldIsNamed()
{
    QFETCH(Watch, watch);
    QFETCH(QStringList, fragments);
    const QStringList errors = watch.validate();
    QVERIFY2(!errors.isEmpty(), "validate() accepted the watch");
    const bool named = std::any_of(errors.cbegin(), errors.cend(), [&](const QString &error) {
        return std::all_of(fragments.cbegin(), fragments.cend(),
            [&](const QString &f) { return error.contains(f); });
    });
    QVERIFY2(named,
        qPrintable(u"no error holds all of [%1]:\n%2"_s.arg(
            fragments.join(u" | "_s), errors.join(u'\n'))));
    // Only the one broken field is reported, once: the rest of the watch is valid.
    QVERIFY2(errors.size() == 1, qPrintable(errors.join(u'\n')));
}

void tst_Watch::jsonRoundTrip_data()
{
    QTest::addColumn<Watch>("watch");
    for (int i = 0; i < ServiceCount; ++i) {
        const auto service = Service(i);
        QTest::newRow(qPrintable(serviceRowName(service))) << fullWatch(service);
    }
}

void tst_Watch::jsonRoundTrip()
{
    QFETCH(Watch, watch);
    // Through the bytes the file holds, not just the object.
    const QByteArray bytes = QJsonDocument(watch.toJson()).toJson();
    QString error;
    const std::optional<Watch> read =
        Watch::fromJson(QJsonDocument::fromJson(bytes).object(), &error);
    QVERIFY2(read.has_value(), qPrintable(error));
    QCOMPARE(read->id, watch.id);
    QCOMPARE(read->name, watch.name);
    QCOMPARE(read->service, watch.service);
    QCOMPARE(read->profile, watch.profile);
    QCOMPARE(read->region, watch.region);
    QCOMPARE(read->endpointUrl, watch.endpointUrl);
    QCOMPARE(read->domainName, watch.domainName);
    QCOMPARE(read->imageBuildVersionArn, watch.imageBuildVersionArn);
    QCOMPARE(read->spaceName, watch.spaceName);
    QCOMPARE(read->projectName, watch.projectName);
    QCOMPARE(read->ids, watch.ids);
    QCOMPARE(read->intervalSeconds, watch.intervalSeconds);
    QCOMPARE(read->terminalIntervalSeconds, watch.terminalIntervalSeconds);
    QCOMPARE(read->discoveryIntervalSeconds, watch.discoveryIntervalSeconds);
    QCOMPARE(read->paused, watch.paused);
    QVERIFY(*read == watch);
    QCOMPARE(read->toJson().value(u"service"_s).toString(), serviceId(watch.service));
}

void tst_Watch::defaultsRoundTrip()
{
    Watch w;
    w.id = u"only-id"_s;
    const QJsonObject json = w.toJson();
    // Empty strings and an empty id list are left out of the file.
    QVERIFY(!json.contains(u"name"_s));
    QVERIFY(!json.contains(u"ids"_s));
    QString error;
    const std::optional<Watch> read = Watch::fromJson(json, &error);
    QVERIFY2(read.has_value(), qPrintable(error));
    QCOMPARE(read->intervalSeconds, 5);
    QCOMPARE(read->terminalIntervalSeconds, 300);
    QCOMPARE(read->discoveryIntervalSeconds, 60);
    QCOMPARE(read->paused, false);
    QVERIFY(read->ids.isEmpty());
    QVERIFY(*read == w);

    // Only id and service are required in a hand-written file.
    const std::optional<Watch> minimal =
        Watch::fromJson({{u"id"_s, u"x"_s}, {u"service"_s, u"codecatalyst"_s}}, &error);
    QVERIFY2(minimal.has_value(), qPrintable(error));
    QCOMPARE(minimal->service, Service::CodeCatalyst);
    QCOMPARE(minimal->intervalSeconds, 5);
}

void tst_Watch::fromJsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("named"); // the member the error must name

    const QByteArray base = R"("id": "w1", "service": "migrationhuborchestrator")";
    auto row = [&](const char *name, const QByteArray &members, const QString &named) {
        QTest::newRow(name) << QByteArray("{" + members + "}") << named;
    };
    row("unknown service", R"("id": "w1", "service": "lambda")", u"\"lambda\""_s);
    row("service upper case", R"("id": "w1", "service": "CODECATALYST")", u"service"_s);
    row("service missing", R"("id": "w1")", u"service"_s);
    row("service a number", R"("id": "w1", "service": 3)", u"service"_s);
    row("id a number", R"("id": 5, "service": "codecatalyst")", u"\"id\""_s);
    row("id missing", R"("service": "codecatalyst")", u"\"id\""_s);
    row("id empty", R"("id": "", "service": "codecatalyst")", u"\"id\""_s);
    row("name a number", base + R"(, "name": 1)", u"\"name\""_s);
    row("region a list", base + R"(, "region": ["us-east-1"])", u"\"region\""_s);
    row("ids a string", base + R"(, "ids": "a")", u"\"ids\""_s);
    row("ids of numbers", base + R"(, "ids": [1, 2])", u"\"ids\""_s);
    row("ids mixed", base + R"(, "ids": ["a", null])", u"\"ids\""_s);
    row("ids an object", base + R"(, "ids": {"a": "b"})", u"\"ids\""_s);
    row("interval a string", base + R"(, "intervalSeconds": "5")", u"\"intervalSeconds\""_s);
    row("interval fractional", base + R"(, "intervalSeconds": 1.5)", u"\"intervalSeconds\""_s);
    row("interval negative", base + R"(, "intervalSeconds": -1)", u"\"intervalSeconds\""_s);
    row("terminal interval a bool", base + R"(, "terminalIntervalSeconds": true)",
        u"\"terminalIntervalSeconds\""_s);
    row("discovery interval too large", base + R"(, "discoveryIntervalSeconds": 1e12)",
        u"\"discoveryIntervalSeconds\""_s);
    row("paused a string", base + R"(, "paused": "yes")", u"\"paused\""_s);
    row("paused a number", base + R"(, "paused": 1)", u"\"paused\""_s);
}

void tst_Watch::fromJsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, named);
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(json, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);

    QString error;
    QVERIFY(!Watch::fromJson(object, &error).has_value());
    QVERIFY2(error.contains(named), qPrintable(error));
    // The error pointer is optional.
    QVERIFY(!Watch::fromJson(object, nullptr).has_value());
}

void tst_Watch::unknownMembersIgnored()
{
    const QJsonObject json {{u"id"_s, u"w1"_s}, {u"service"_s, u"customer-profiles"_s},
        {u"domainName"_s, u"d"_s}, {u"colour"_s, u"red"_s}, {u"futureOption"_s, QJsonObject {}},
        {u"secretAccessKey"_s, u"wJalrXUtnFEMI"_s}};
    QString error;
    const std::optional<Watch> read = Watch::fromJson(json, &error);
    QVERIFY2(read.has_value(), qPrintable(error));
    QCOMPARE(read->domainName, u"d"_s);
    const QJsonObject written = read->toJson();
    QVERIFY(!written.contains(u"colour"_s));
    QVERIFY(!written.contains(u"futureOption"_s));
    QVERIFY(!written.contains(u"secretAccessKey"_s));
    QVERIFY(!QJsonDocument(written).toJson().contains("wJalrXUtnFEMI"));
}

void tst_Watch::noSecretInJson_data()
{
    jsonRoundTrip_data();
}

void tst_Watch::noSecretInJson()
{
    QFETCH(Watch, watch);
    const QJsonObject json = watch.toJson();
    QVERIFY(json.size() >= 14); // every member is there, so every key was checked
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QString key = it.key().toLower();
        for (const QString &secret :
            {u"secret"_s, u"token"_s, u"password"_s, u"accesskey"_s, u"credential"_s}) {
            QVERIFY2(!key.contains(secret), qPrintable(it.key()));
        }
    }
}

void tst_Watch::displayName_data()
{
    QTest::addColumn<Watch>("watch");
    QTest::addColumn<QString>("expected");

    using S = Service;
    auto make = [](S service, const QString &name, const QString &profile, const QString &region) {
        Watch w;
        w.id = u"w"_s;
        w.service = service;
        w.name = name;
        w.profile = profile;
        w.region = region;
        return w;
    };
    const QString mho = u"Migration Hub Orchestrator"_s;
    QTest::newRow("mho region") << make(S::MigrationHubOrchestrator, {}, {}, u"us-east-1"_s)
                                << mho + u" · us-east-1"_s;
    QTest::newRow("mho region profile") << make(S::MigrationHubOrchestrator, {}, u"dev"_s,
        u"us-east-1"_s) << mho + u" · us-east-1 (dev)"_s;
    QTest::newRow("mho nothing") << make(S::MigrationHubOrchestrator, {}, {}, {}) << mho;
    QTest::newRow("mho profile only")
        << make(S::MigrationHubOrchestrator, {}, u"dev"_s, {}) << mho + u" (dev)"_s;
    QTest::newRow("mho named") << make(S::MigrationHubOrchestrator, u"  Prod moves "_s, u"dev"_s,
        u"us-east-1"_s) << u"Prod moves"_s;
    QTest::newRow("mho blank name") << make(S::MigrationHubOrchestrator, u"   "_s, {},
        u"us-east-1"_s) << mho + u" · us-east-1"_s;

    Watch w = make(S::CustomerProfiles, {}, {}, u"eu-west-1"_s);
    QTest::newRow("profiles no domain") << w << u"Customer Profiles · eu-west-1"_s;
    w.domainName = u"my-domain"_s;
    QTest::newRow("profiles domain") << w << u"Customer Profiles · my-domain"_s;
    w.profile = u"ops"_s;
    QTest::newRow("profiles domain profile") << w << u"Customer Profiles · my-domain (ops)"_s;
    w.name = u"Customer imports"_s;
    QTest::newRow("profiles named") << w << u"Customer imports"_s;

    w = make(S::ImageBuilder, {}, {}, u"us-west-2"_s);
    QTest::newRow("imagebuilder no ARN") << w << u"EC2 Image Builder · us-west-2"_s;
    w.imageBuildVersionArn = imageArn;
    QTest::newRow("imagebuilder ARN") << w << u"EC2 Image Builder · my-image/1.0.0/3"_s;
    w.profile = u"build"_s;
    QTest::newRow("imagebuilder ARN profile")
        << w << u"EC2 Image Builder · my-image/1.0.0/3 (build)"_s;
    w.name = u"Golden AMI"_s;
    QTest::newRow("imagebuilder named") << w << u"Golden AMI"_s;

    w = make(S::CodeCatalyst, {}, {}, {});
    QTest::newRow("codecatalyst nothing") << w << u"CodeCatalyst"_s;
    w.spaceName = u"my-space"_s;
    w.projectName = u"my-project"_s;
    QTest::newRow("codecatalyst space project") << w << u"CodeCatalyst · my-space/my-project"_s;
    w.profile = u"codecatalyst"_s;
    QTest::newRow("codecatalyst space project profile")
        << w << u"CodeCatalyst · my-space/my-project (codecatalyst)"_s;
    w.name = u"CI"_s;
    QTest::newRow("codecatalyst named") << w << u"CI"_s;
}

void tst_Watch::displayName()
{
    QFETCH(Watch, watch);
    QFETCH(QString, expected);
    QCOMPARE(watch.displayName(), expected);
}

void tst_Watch::discovers()
{
    Watch w = validWatch(Service::MigrationHubOrchestrator);
    w.ids.clear();
    QVERIFY(w.discovers());
    w.ids = {mhoId};
    QVERIFY(!w.discovers());
}

void tst_Watch::newId()
{
    QSet<QString> seen;
    for (int i = 0; i < 2000; ++i) {
        const QString id = Watch::newId();
        QVERIFY(!id.isEmpty());
        QVERIFY2(!id.contains(u'/'), qPrintable(id)); // it is part of every workflow key
        QVERIFY2(!id.contains(u' '), qPrintable(id));
        QVERIFY(id.size() <= 40);
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 2000);
    // A new id makes a valid watch.
    Watch w = validWatch(Service::CodeCatalyst);
    w.id = Watch::newId();
    QVERIFY(w.validate().isEmpty());
}

QTEST_GUILESS_MAIN(tst_Watch)
#include "tst_watch.moc"
