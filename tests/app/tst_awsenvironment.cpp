// What the first-run page and the watch dialog learn from the operator's real AWS files.

#include "awsenvironment.h"
#include "support/temphome.h"

#include <QFileInfo>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sw;

class tst_AwsEnvironment : public QObject {
    Q_OBJECT

private slots:
    void nothingConfigured();
    void profilesFromBothFiles();
    void environmentKeys();
    void credentialProcessIsNotRun();
    void everyProfileIsChecked();
    void summaryIsShortWithDetailsApart();
};

void tst_AwsEnvironment::nothingConfigured()
{
    test::TempHome home;
    const AwsEnvironment aws = AwsEnvironment::inspect(home.env());
    QVERIFY(aws.profiles.isEmpty());
    QVERIFY(!aws.credentialsFound);
    // The AWS CLI's list of places, so the operator knows what to set up.
    QVERIFY2(aws.problem.contains(u"Looked in"_s), qPrintable(aws.problem));
    QVERIFY(aws.problem.contains(u"AWS_ACCESS_KEY_ID"_s));
    QVERIFY(aws.problem.contains(u"credentials file"_s));
}

void tst_AwsEnvironment::profilesFromBothFiles()
{
    test::TempHome home;
    home.config(u"[default]\nregion = eu-west-1\n[profile ops]\nregion = us-east-1\n"
                "[sso-session corp]\nsso_region = us-east-1\n"_s);
    home.credentials(u"[default]\naws_access_key_id = AKIDEXAMPLE\n"
                     "aws_secret_access_key = secret\n[Build]\naws_access_key_id = A\n"
                     "aws_secret_access_key = B\n"_s);
    const AwsEnvironment aws = AwsEnvironment::inspect(home.env());
    QCOMPARE(aws.profiles, (QStringList {u"Build"_s, u"default"_s, u"ops"_s}));
    QVERIFY(aws.credentialsFound);
    QVERIFY(aws.problem.isEmpty());
}

void tst_AwsEnvironment::environmentKeys()
{
    test::TempHome home;
    const AwsEnvironment aws = AwsEnvironment::inspect(
        home.env({u"AWS_ACCESS_KEY_ID=AKIDEXAMPLE"_s, u"AWS_SECRET_ACCESS_KEY=secret"_s}));
    QVERIFY(aws.credentialsFound);
    const AwsEnvironment half =
        AwsEnvironment::inspect(home.env({u"AWS_ACCESS_KEY_ID=AKIDEXAMPLE"_s}));
    QVERIFY(!half.credentialsFound);
    QVERIFY(half.problem.contains(u"AWS_SECRET_ACCESS_KEY"_s));
}

void tst_AwsEnvironment::credentialProcessIsNotRun()
{
    test::TempHome home;
    const QString script = home.script(u"bin/creds"_s, u"touch %DIR%/ran\nexit 1\n"_s);
    home.config(u"[default]\ncredential_process = "_s + script + u'\n');
    const AwsEnvironment aws = AwsEnvironment::inspect(home.env());
    QVERIFY(aws.credentialsFound);
    QVERIFY(!QFileInfo::exists(home.path() + u"/ran"_s));
}

// The default profile is only one of many: an operator with keys only under "ops" is told to
// use it, not that there are no credentials.
void tst_AwsEnvironment::everyProfileIsChecked()
{
    test::TempHome home;
    home.config(u"[profile ops]\nregion = us-east-1\n"
                "[profile corp]\nsso_session = corp\nsso_account_id = 111122223333\n"
                "sso_role_name = Admin\n[sso-session corp]\nsso_region = us-east-1\n"
                "sso_start_url = https://corp.awsapps.com/start\n"_s);
    home.credentials(u"[ops]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = s\n"_s);
    const AwsEnvironment aws = AwsEnvironment::inspect(home.env());
    QVERIFY(!aws.defaultCredentials);
    QVERIFY(aws.credentialsFound);
    QCOMPARE(aws.usableProfiles, QStringList {u"ops"_s});
    QVERIFY2(aws.summary().contains(u"ops"_s), qPrintable(aws.summary()));
    QVERIFY(aws.details().contains(u"corp: not usable"_s));
    QVERIFY(aws.details().contains(u"ops: "_s));
}

void tst_AwsEnvironment::summaryIsShortWithDetailsApart()
{
    test::TempHome home;
    const AwsEnvironment none = AwsEnvironment::inspect(home.env());
    // Two sentences a first-time user reads, and what to do; the list of places is apart.
    QVERIFY2(none.summary().contains(u"aws configure"_s), qPrintable(none.summary()));
    QVERIFY(none.summary().contains(u"demo"_s));
    QVERIFY(!none.summary().contains(u"Looked in"_s));
    QVERIFY(none.summary().size() < 250);
    QVERIFY2(none.details().contains(u"Looked in"_s), qPrintable(none.details()));

    const AwsEnvironment keys = AwsEnvironment::inspect(
        home.env({u"AWS_ACCESS_KEY_ID=AKIDEXAMPLE"_s, u"AWS_SECRET_ACCESS_KEY=secret"_s}));
    QVERIFY(keys.defaultCredentials);
    QVERIFY(keys.summary().isEmpty());
}

QTEST_MAIN(tst_AwsEnvironment)
#include "tst_awsenvironment.moc"
