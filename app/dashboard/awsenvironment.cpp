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
    // The one source that must not run here; every other one the provider checks (and
    // refuses the kinds it does not support, as the poller would).
    if (profile.contains(u"credential_process"_s)) {
        result.credentialsFound = true;
        return result;
    }
    aws::CredentialsProvider provider(env, config);
    const aws::CredentialsResult found = provider.credentials();
    result.credentialsFound = found.isValid();
    if (!result.credentialsFound)
        result.problem = found.error;
    return result;
}

} // namespace sw
