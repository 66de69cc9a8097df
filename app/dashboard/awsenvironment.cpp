#include "awsenvironment.h"

#include "aws/credentialsprovider.h"
#include "aws/sharedconfig.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace sw {

namespace {

// The context of these texts for the translators.
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(sw::AwsEnvironment)
};

// Whether a profile's credentials can be used, without running anything: a credential_process
// counts (it must not run here), every other kind is what the provider makes of it.
bool check(const QProcessEnvironment &env, const aws::SharedConfig &config, QString *what)
{
    if (config.profile().contains(u"credential_process"_s)) {
        *what = Texts::tr("credential_process");
        return true;
    }
    aws::CredentialsProvider provider(env, config);
    const aws::CredentialsResult found = provider.credentials();
    if (found.isValid()) {
        *what = found.source.isEmpty() ? Texts::tr("credentials") : found.source;
        return true;
    }
    *what = found.error;
    return false;
}

} // namespace

AwsEnvironment AwsEnvironment::inspect(const QProcessEnvironment &env)
{
    AwsEnvironment result;
    const aws::SharedConfig config = aws::SharedConfig::load(env);
    QStringList names = config.configFile().profiles().keys();
    names += config.credentialsFile().profiles().keys();
    names.removeDuplicates();
    names.sort(Qt::CaseInsensitive);
    result.profiles = names;

    QString what;
    result.defaultCredentials = check(env, config, &what);
    if (!result.defaultCredentials)
        result.problem = what;
    // Every profile there is, not only the default one: an operator often has none named
    // "default" and works with "ops" or "migration-admin".
    for (const QString &name : std::as_const(names)) {
        const aws::SharedConfig named = aws::SharedConfig::load(env, name);
        QString note;
        if (check(env, named, &note)) {
            result.usableProfiles << name;
            result.profileNotes << Texts::tr("%1: %2").arg(name, note);
        } else {
            result.profileNotes
                << Texts::tr("%1: not usable — %2").arg(name, note.section(u'\n', 0, 0));
        }
    }
    result.credentialsFound = result.defaultCredentials || !result.usableProfiles.isEmpty();
    return result;
}

QString AwsEnvironment::summary() const
{
    if (defaultCredentials)
        return {};
    if (!usableProfiles.isEmpty()) {
        return Texts::tr(
            "Your default AWS credentials were not found, but %n profile(s) can be used: "
            "%1. Choose one when you add a watch.",
            nullptr, int(usableProfiles.size()))
            .arg(usableProfiles.join(u", "_s));
    }
    if (!profiles.isEmpty()) {
        return Texts::tr(
            "Found %n AWS profile(s), but none with credentials Stepwatch can use yet. Set "
            "up keys with \"aws configure\", or try the demo, which needs none.",
            nullptr, int(profiles.size()));
    }
    return Texts::tr(
        "No AWS credentials were found on this computer. Set them up with \"aws "
        "configure\" (or \"aws configure sso\"), then add a watch — or try the demo, which "
        "needs none.");
}

QString AwsEnvironment::details() const
{
    QStringList parts;
    if (!problem.isEmpty())
        parts << problem;
    if (!profileNotes.isEmpty())
        parts << Texts::tr("Profiles:") + u"\n"_s + profileNotes.join(u'\n');
    return parts.join(u"\n\n"_s);
}

} // namespace sw
