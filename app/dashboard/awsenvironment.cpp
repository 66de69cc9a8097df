#include "awsenvironment.h"

#include "aws/credentialsprovider.h"
#include "aws/sharedconfig.h"

using namespace Qt::StringLiterals;

namespace sw {

AwsEnvironment AwsEnvironment::inspect(const QProcessEnvironment &env)
{
    AwsEnvironment result;
    const aws::SharedConfig config = aws::SharedConfig::load(env);
    QStringList names = config.configFile().profiles().keys();
    names += config.credentialsFile().profiles().keys();
    names.removeDuplicates();
    names.sort(Qt::CaseInsensitive);
    result.profiles = names;

    const aws::ConfigSection &profile = config.profile();
    static const QStringList delegated = {u"credential_process"_s, u"sso_session"_s,
        u"sso_start_url"_s, u"role_arn"_s, u"web_identity_token_file"_s};
    for (const QString &key : delegated) {
        if (profile.contains(key)) {
            result.credentialsFound = true;
            return result;
        }
    }
    aws::CredentialsProvider provider(env, config);
    const aws::CredentialsResult found = provider.credentials();
    result.credentialsFound = found.isValid();
    if (!result.credentialsFound)
        result.problem = found.error;
    return result;
}

} // namespace sw
