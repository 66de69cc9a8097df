#include "credentialsprovider.h"

#include "credentialprocess.h"
#include "jsonreader.h"
#include "redact.h"
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace sw::aws {

namespace {

Q_LOGGING_CATEGORY(lcCredentials, "stepwatch.aws.credentials")

const QString SupportedHint = u"; use credential_process or static keys"_s;

CredentialsResult failure(const QString &error, const QString &source = {})
{
    return {Credentials(), source, error};
}

QString describeFile(const ConfigFile &file, const QString &section)
{
    if (file.fileName().isEmpty())
        return u"(no path: neither its variable nor HOME is set)"_s;
    if (!file.exists())
        return file.fileName() + u" (not found)"_s;
    return u"%1 (no aws_access_key_id in %2)"_s.arg(file.fileName(), section);
}

QString timestamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODate);
}

// Enough to say what went wrong without flooding a dialog, and never a secret: a helper that
// fails may dump its whole JSON, keys included, or a shell trace with the keys, to stderr. So
// only its first non-empty line, cut short, printable, with anything secret-like redacted.
QString stderrExcerpt(const QByteArray &bytes)
{
    QString line;
    for (const QString &candidate : QString::fromUtf8(bytes).split(u'\n')) {
        line = candidate.trimmed();
        if (!line.isEmpty())
            break;
    }
    constexpr qsizetype Limit = 200;
    QString text = redactSecretsInText(sanitizeForDisplay(line, 4 * Limit));
    if (text.size() > Limit)
        text = text.left(Limit) + u"..."_s;
    return text;
}

// A CR or LF in a key or token would end the header it is sent in and start another: an
// injected header. No credential has any control character.
std::optional<QString> fieldWithControlCharacter(const Credentials &credentials)
{
    const std::pair<const char *, const QString *> fields[] = {
        {"access key id", &credentials.accessKeyId},
        {"secret access key", &credentials.secretAccessKey},
        {"session token", &credentials.sessionToken},
    };
    for (const auto &[name, value] : fields) {
        if (hasControlCharacter(*value))
            return QString::fromLatin1(name);
    }
    return std::nullopt;
}

} // namespace

CredentialsProvider::CredentialsProvider(const QProcessEnvironment &env, const SharedConfig &config)
    : m_env(env), m_config(config)
{
}

CredentialsProvider::CredentialsProvider(const SharedConfig &config)
    : CredentialsProvider(config.environment(), config)
{
}

std::unique_ptr<CredentialsProvider> CredentialsProvider::fromStatic(
    const Credentials &credentials, const QString &source)
{
    std::unique_ptr<CredentialsProvider> provider(new CredentialsProvider());
    provider->m_static = credentials.isValid()
        ? CredentialsResult {credentials, source, {}}
        : failure(u"The %1 credentials are incomplete"_s.arg(source), source);
    return provider;
}

void CredentialsProvider::setClock(std::function<QDateTime()> clock)
{
    QMutexLocker lock(&m_mutex);
    m_clock = std::move(clock);
}

void CredentialsProvider::setProcessTimeout(int milliseconds)
{
    QMutexLocker lock(&m_mutex);
    m_timeoutMs = milliseconds;
}

int CredentialsProvider::processTimeout() const
{
    QMutexLocker lock(&m_mutex);
    return m_timeoutMs;
}

void CredentialsProvider::invalidate()
{
    QMutexLocker lock(&m_mutex);
    m_cached.reset();
}

CredentialsResult CredentialsProvider::credentials()
{
    QMutexLocker lock(&m_mutex);
    if (m_static)
        return *m_static;
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    if (m_cached) {
        const QDateTime expiration = m_cached->credentials.expiration;
        if (!expiration.isValid() || now.secsTo(expiration) > AdvisoryRefreshSeconds)
            return *m_cached;
    }
    // One lookup at a time, and whoever asks meanwhile gets its outcome, failure included: a
    // burst of calls must not run a failing (or slow) credential_process once each, in turn.
    if (m_resolving) {
        const quint64 round = m_round;
        while (m_resolving && m_round == round)
            m_resolved.wait(&m_mutex);
        return m_lastOutcome;
    }
    m_resolving = true;
    const int timeoutMs = m_timeoutMs;
    lock.unlock();
    // Resolving again rather than re-running one provider: with the same environment and
    // files the chain lands on the same source, and a fixed config is picked up too.
    CredentialsResult fresh = resolve(timeoutMs);
    lock.relock();
    m_lastOutcome = settle(std::move(fresh), now);
    m_resolving = false;
    ++m_round;
    m_resolved.wakeAll();
    return m_lastOutcome;
}

CredentialsResult CredentialsProvider::settle(CredentialsResult fresh, const QDateTime &now)
{
    auto expired = [&](const CredentialsResult &r) {
        return r.credentials.expiration.isValid() && r.credentials.expiration <= now;
    };
    if (fresh.isValid() && !expired(fresh)) {
        qCDebug(lcCredentials, "credentials from %s for profile '%s'", qUtf8Printable(fresh.source),
            qUtf8Printable(m_config.profileName()));
        m_cached = fresh;
        return fresh;
    }
    const qint64 remaining = m_cached && m_cached->credentials.expiration.isValid()
        ? now.secsTo(m_cached->credentials.expiration)
        : 0;
    if (m_cached && remaining > MandatoryRefreshSeconds) {
        // botocore's advisory window: a failed early refresh is not fatal while the old
        // credentials still have more than the mandatory margin left.
        const QString why = fresh.isValid() ? u"they had already expired"_s : fresh.error;
        qCWarning(lcCredentials,
            "Refreshing credentials failed; using the current ones, valid for %lld more "
            "seconds: %s",
            qlonglong(remaining), qUtf8Printable(why));
        return *m_cached;
    }
    m_cached.reset();
    if (fresh.isValid()) {
        return failure(u"The credentials from %1 for profile '%2' expired at %3"_s.arg(fresh.source,
                           m_config.profileName(), timestamp(fresh.credentials.expiration)),
            fresh.source);
    }
    return fresh;
}

CredentialsResult CredentialsProvider::resolve(int timeoutMs) const
{
    CredentialsResult found = resolveChain(timeoutMs);
    if (!found.isValid())
        return found;
    if (const std::optional<QString> field = fieldWithControlCharacter(found.credentials)) {
        return failure(
            u"The %1 from %2 for profile '%3' contains a control character (a line "
            "break?); it was not used"_s.arg(*field, found.source, m_config.profileName()),
            found.source);
    }
    return found;
}

CredentialsResult CredentialsProvider::resolveChain(int timeoutMs) const
{
    if (m_config.hasError())
        return failure(m_config.error());
    // botocore drops the environment provider only for an explicit profile (--profile):
    // with AWS_PROFILE set, keys in the environment still win.
    if (!m_config.isProfileExplicit()) {
        if (auto env = fromEnvironment())
            return *env;
    }
    if (auto unsupported = unsupportedKind())
        return *unsupported;
    if (auto file = fromProfileKeys(m_config.credentialsFileProfile(),
            m_config.credentialsFilePath(), u"shared-credentials-file"_s))
        return *file;
    if (const QString command = m_config.value(u"credential_process"_s); !command.isEmpty())
        return fromProcess(command, timeoutMs);
    if (auto file = fromProfileKeys(
            m_config.configFileProfile(), m_config.configFilePath(), u"config-file"_s))
        return *file;
    return failure(notFoundMessage());
}

std::optional<CredentialsResult> CredentialsProvider::fromEnvironment() const
{
    const QString source = u"environment"_s;
    const QString accessKey = m_env.value(u"AWS_ACCESS_KEY_ID"_s);
    const QString secretKey = m_env.value(u"AWS_SECRET_ACCESS_KEY"_s);
    if (accessKey.isEmpty() && secretKey.isEmpty())
        return std::nullopt;
    if (secretKey.isEmpty())
        return failure(u"AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"_s, source);
    if (accessKey.isEmpty())
        return failure(u"AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"_s, source);

    Credentials credentials;
    credentials.accessKeyId = accessKey;
    credentials.secretAccessKey = secretKey;
    credentials.sessionToken = m_env.value(u"AWS_SESSION_TOKEN"_s);
    if (credentials.sessionToken.isEmpty()) // the pre-STS name, still honoured by botocore
        credentials.sessionToken = m_env.value(u"AWS_SECURITY_TOKEN"_s);
    if (const QString expiry = m_env.value(u"AWS_CREDENTIAL_EXPIRATION"_s); !expiry.isEmpty()) {
        credentials.expiration = parseIsoTimestamp(expiry);
        if (!credentials.expiration.isValid()) {
            return failure(
                u"AWS_CREDENTIAL_EXPIRATION is not an ISO-8601 timestamp: %1"_s.arg(expiry),
                source);
        }
    }
    return CredentialsResult {credentials, source, {}};
}

std::optional<CredentialsResult> CredentialsProvider::unsupportedKind() const
{
    const ConfigSection &profile = m_config.profile();
    const QString name = m_config.profileName();
    auto unsupported = [&](const QString &what) {
        return failure(u"profile '%1' uses %2, which stepwatch does not support"_s.arg(name, what)
            + SupportedHint);
    };

    // Same order as botocore's chain: assume-role, then web identity, SSO, login.
    const bool webIdentityInProfile = profile.contains(u"web_identity_token_file"_s);
    if (profile.contains(u"role_arn"_s) && !webIdentityInProfile) {
        QString how = u"role_arn (assume role"_s;
        const QString sourceProfile = profile.value(u"source_profile"_s);
        const QString credentialSource = profile.value(u"credential_source"_s);
        if (!sourceProfile.isEmpty())
            how += u" with source_profile '%1'"_s.arg(sourceProfile);
        else if (!credentialSource.isEmpty())
            how += u" with credential_source %1"_s.arg(credentialSource);
        return unsupported(how + u')');
    }
    if (webIdentityInProfile)
        return unsupported(u"web_identity_token_file (assume role with web identity)"_s);
    // botocore ignores these variables when --profile is given, like the key variables.
    if (!m_config.isProfileExplicit() && !m_env.value(u"AWS_WEB_IDENTITY_TOKEN_FILE"_s).isEmpty()) {
        return failure(u"AWS_WEB_IDENTITY_TOKEN_FILE is set (assume role with web identity), "
                       "which stepwatch does not support; unset it and use credential_process "
                       "or static keys"_s);
    }
    // Only an account and role make botocore use SSO role credentials; a profile with just
    // sso_session (e.g. for CodeCatalyst's bearer token) falls through to the next source.
    const QStringList ssoKeys = {u"sso_account_id"_s, u"sso_role_name"_s};
    QStringList present;
    for (const QString &key : ssoKeys) {
        if (profile.contains(key))
            present.append(key);
    }
    if (!present.isEmpty()) {
        QString via;
        if (const QString s = profile.value(u"sso_session"_s); !s.isEmpty())
            via = u" via sso_session '%1'"_s.arg(s);
        else if (profile.contains(u"sso_start_url"_s))
            via = u" via sso_start_url"_s;
        return failure(
            u"profile '%1' uses %2 (IAM Identity Center role credentials%3), which stepwatch "
            "does not support; use credential_process (for example `credential_process = aws "
            "configure export-credentials --profile %1 --format process` in another profile) "
            "or static keys"_s.arg(name, present.join(u'/'), via));
    }
    if (profile.contains(u"login_session"_s))
        return unsupported(u"login_session (aws login console credentials)"_s);
    return std::nullopt;
}

std::optional<CredentialsResult> CredentialsProvider::fromProfileKeys(
    const ConfigSection &section, const QString &file, const QString &source) const
{
    const QString accessKey = section.value(u"aws_access_key_id"_s);
    const QString secretKey = section.value(u"aws_secret_access_key"_s);
    if (accessKey.isEmpty() && secretKey.isEmpty())
        return std::nullopt;
    const QString name = m_config.profileName();
    if (secretKey.isEmpty()) {
        return failure(
            u"profile '%1' in %2 has aws_access_key_id but no aws_secret_access_key"_s.arg(
                name, file),
            source);
    }
    if (accessKey.isEmpty()) {
        return failure(
            u"profile '%1' in %2 has aws_secret_access_key but no aws_access_key_id"_s.arg(
                name, file),
            source);
    }
    Credentials credentials;
    credentials.accessKeyId = accessKey;
    credentials.secretAccessKey = secretKey;
    credentials.sessionToken = section.value(u"aws_session_token"_s);
    if (credentials.sessionToken.isEmpty())
        credentials.sessionToken = section.value(u"aws_security_token"_s);
    return CredentialsResult {credentials, source, {}};
}

CredentialsResult CredentialsProvider::fromProcess(const QString &command, int timeoutMs) const
{
    const QString source = u"credential_process"_s;
    const QString prefix = u"credential_process for profile '%1'"_s.arg(m_config.profileName());
    auto fail = [&](const QString &problem) {
        return failure(prefix + u": "_s + problem, source);
    };

#ifdef Q_OS_WIN
    // botocore has its own Windows splitter; Qt's follows the same MSVC quoting rules.
    QStringList words = QProcess::splitCommand(command);
#else
    const std::optional<QStringList> split = splitShellWords(command);
    if (!split)
        return fail(u"the command has an unterminated quote or a trailing backslash"_s);
    QStringList words = *split;
#endif
    if (words.isEmpty())
        return fail(u"the command is empty"_s);

    const QString program = words.takeFirst();
    QString executable = program;
    if (!program.contains(u'/') && !program.contains(u'\\')) {
        // Search the given environment's PATH, not the one stepwatch happens to run with.
        const QStringList path =
            m_env.value(u"PATH"_s).split(QDir::listSeparator(), Qt::SkipEmptyParts);
        executable = path.isEmpty() ? QString() : QStandardPaths::findExecutable(program, path);
        if (executable.isEmpty())
            return fail(u"could not find '%1' on PATH"_s.arg(program));
    }

    const CappedProcessRun run = runCappedProcess(executable, words, m_env, timeoutMs);
    if (!run.startError.isEmpty())
        return fail(u"could not start '%1': %2"_s.arg(program, run.startError));
    if (run.timedOut) {
        return fail(
            u"'%1' did not finish within %2 seconds"_s.arg(program).arg(timeoutMs / 1000.0));
    }
    if (!run.overflowed.isEmpty()) {
        return fail(u"'%1' wrote more to its %2 than any credentials need (%3 KiB at most); it "
                    "was stopped"_s.arg(program, run.overflowed)
                        .arg(run.overflowed == u"standard output" ? 1024 : 64));
    }
    const QString errorText = stderrExcerpt(run.standardError);
    const QString stderrSuffix = errorText.isEmpty() ? QString() : u": "_s + errorText;
    if (run.crashed)
        return fail(u"'%1' crashed%2"_s.arg(program, stderrSuffix));
    if (run.exitCode != 0)
        return fail(
            u"'%1' exited with code %2%3"_s.arg(program).arg(run.exitCode).arg(stderrSuffix));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(run.standardOutput, &parseError);
    if (!document.isObject()) {
        const QString why = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                         : u"not an object"_s;
        return fail(u"the output is not a JSON object (%1)"_s.arg(why));
    }
    const QJsonObject json = document.object();
    const QJsonValue version = json.value(u"Version"_s);
    if (version.isUndefined())
        return fail(u"the output has no Version; supported versions: 1"_s);
    if (!version.isDouble() || version.toDouble() != 1.0) {
        const QString shown =
            version.isDouble() ? QString::number(version.toDouble()) : u"(not a number)"_s;
        return fail(u"unsupported Version %1; supported versions: 1"_s.arg(shown));
    }

    auto stringField = [&](const QString &key) {
        return json.value(key).toString();
    };
    Credentials credentials;
    credentials.accessKeyId = stringField(u"AccessKeyId"_s);
    credentials.secretAccessKey = stringField(u"SecretAccessKey"_s);
    credentials.sessionToken = stringField(u"SessionToken"_s);
    for (const auto &[key, value] : {std::pair {u"AccessKeyId"_s, credentials.accessKeyId},
             std::pair {u"SecretAccessKey"_s, credentials.secretAccessKey}}) {
        if (value.isEmpty())
            return fail(u"missing required key in the output: %1"_s.arg(key));
    }
    if (const QJsonValue expiry = json.value(u"Expiration"_s);
        !expiry.isUndefined() && !expiry.isNull()) {
        credentials.expiration = parseIsoTimestamp(expiry.toString());
        if (!credentials.expiration.isValid())
            return fail(u"Expiration is not an ISO-8601 timestamp"_s);
    }
    return {credentials, source, {}};
}

QString CredentialsProvider::notFoundMessage() const
{
    const QString name = m_config.profileName();
    const QString configSection = name == u"default" ? u"[default]"_s : u"[profile %1]"_s.arg(name);
    QStringList places;
    places.append(u"environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (%1)"_s.arg(
        m_config.isProfileExplicit() ? u"skipped because a profile was named explicitly"_s
                                     : u"not set"_s));
    places.append(u"shared credentials file "_s
        + describeFile(m_config.credentialsFile(), u'[' + name + u']'));
    places.append(u"credential_process in profile '%1' (not set)"_s.arg(name));
    places.append(u"config file "_s + describeFile(m_config.configFile(), configSection));
    return u"Unable to locate credentials for profile '%1'. Looked in:\n  - %2\n"
           "Configure static keys or credential_process for the profile (aws configure), or set "
           "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. Container and instance-metadata "
           "credentials are not supported."_s.arg(name, places.join(u"\n  - "_s));
}

} // namespace sw::aws
