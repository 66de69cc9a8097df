#include "awsreply.h"

#include "redact.h"
#include "requestserializer.h"
#include "retrypolicy.h"
#include "sigv4signer.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QThreadPool>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace sw::aws {

namespace {

// A page of these APIs is a few hundred KB at most; anything far larger is a broken or
// hostile server, and reading it would only cost memory.
constexpr qint64 maxResponseBytes = 32 * 1024 * 1024;
// What Qt may hold for us unread: with it full, Qt stops reading the socket, so the cap above
// is crossed by at most this much before the reply is dropped.
constexpr qint64 readBufferBytes = 256 * 1024;

// Credential lookups have threads of their own: one may wait a minute for a credential_process,
// and must hold up neither the global pool (two threads here) nor another profile's lookup.
// Never destroyed, so a lookup still running at exit does not hold the exit up.
QThreadPool *credentialsPool()
{
    static QThreadPool *const pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(8);
        p->setExpiryTimeout(60 * 1000);
        return p;
    }();
    return pool;
}

AwsError makeError(ErrorKind kind, QString message)
{
    AwsError e;
    e.kind = kind;
    e.message = std::move(message);
    return e;
}

ErrorKind classifyNetworkError(QNetworkReply::NetworkError code)
{
    switch (code) {
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        return ErrorKind::Tls;
    case QNetworkReply::TimeoutError:
        return ErrorKind::Timeout;
    default:
        return ErrorKind::Network;
    }
}

} // namespace

AwsReply::AwsReply(QNetworkAccessManager *network, std::shared_ptr<RetryQuota> quota,
    ServiceConfig config, const OperationSpec &operation, QJsonObject params, CallOptions options,
    DebugSink debug, QObject *parent)
    : QObject(parent), m_network(network), m_quota(std::move(quota)), m_config(std::move(config)),
      m_operation(operation), m_params(withIdempotencyToken(operation, std::move(params))),
      m_options(options), m_debug(std::move(debug))
{
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &AwsReply::onDeadline);
    // A manager destroyed under us deletes its replies without a finished signal; the call
    // must still end, visibly.
    if (network) {
        connect(network, &QObject::destroyed, this, [this] {
            m_reply = nullptr;
            finish(makeError(ErrorKind::Aborted,
                tr("The %1 call was cancelled: the network manager was closed.")
                    .arg(m_operation.name)));
        });
    }
    // Deferred so that the caller can connect to finished() even when validation fails.
    QMetaObject::invokeMethod(this, &AwsReply::start, Qt::QueuedConnection);
}

AwsReply::~AwsReply()
{
    dropReply();
}

void AwsReply::dropReply()
{
    if (m_deadline)
        m_deadline->stop();
    m_body.clear();
    if (!m_reply)
        return;
    m_abortedByUs = true;
    m_reply->disconnect(this);
    m_reply->abort();
    m_reply->deleteLater();
    m_reply = nullptr;
}

void AwsReply::abort()
{
    if (m_finished)
        return;
    dropReply();
    finish(makeError(ErrorKind::Aborted, tr("The %1 call was cancelled.").arg(m_operation.name)));
}

void AwsReply::start()
{
    if (m_finished)
        return;
    const QList<ValidationIssue> issues = validateParams(m_operation, m_params);
    if (!issues.isEmpty()) {
        finish(makeError(ErrorKind::Validation, describeValidationIssues(issues)));
        return;
    }
    if (m_options.paginate && m_operation.paginator) {
        m_merger.emplace(
            *m_operation.paginator, m_options.maxPages, PageTokenCheck::forOperation(m_operation));
        m_merger->setStartingToken(m_params.value(m_operation.paginator->inputToken).toString());
    }
    startPage();
}

void AwsReply::startPage()
{
    m_request = serializeRequest(
        m_operation, m_params, m_config.endpoint.path(QUrl::FullyEncoded).toUtf8());
    m_request.scheme = m_config.endpoint.scheme().toLatin1();
    QByteArray host = m_config.endpoint.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 literal
    const int port = m_config.endpoint.port();
    const bool defaultPort = port < 0 || (m_request.scheme == "https" && port == 443)
        || (m_request.scheme == "http" && port == 80);
    if (!defaultPort)
        host += ':' + QByteArray::number(port);
    m_request.host = host;
    m_attempt = 0;
    m_quotaSpent = 0;
    sendAttempt();
}

void AwsReply::sendAttempt()
{
    ++m_attempt;
    ++m_totalAttempts;
    const bool bearer = m_config.service->auth == AuthScheme::Bearer;
    if (bearer ? !m_config.bearerToken : !m_config.credentials) {
        finish(makeError(ErrorKind::Credentials,
            bearer ? tr("No bearer token source is configured.")
                   : tr("No credentials source is configured.")));
        return;
    }
    // Looked up on a worker thread: a credential_process may run for up to a minute and a
    // token cache is a file, and neither may hold the thread this reply lives on (the GUI's).
    // Cached credentials come back at once.
    QPointer<AwsReply> self(this);
    const int attempt = m_totalAttempts;
    std::function<CredentialsResult()> credentials = bearer ? nullptr : m_config.credentials;
    std::function<BearerTokenResult()> bearerToken = bearer ? m_config.bearerToken : nullptr;
    credentialsPool()->start([self, attempt, credentials = std::move(credentials),
                                 bearerToken = std::move(bearerToken)] {
        Authorization found;
        if (bearerToken)
            found.bearer = bearerToken();
        else
            found.credentials = credentials();
        // Posted to the application object, which outlives any reply; the guard is then
        // checked on the thread that owns the reply.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, attempt, found = std::move(found)] {
                if (self)
                    self->sendAuthorized(attempt, found);
            },
            Qt::QueuedConnection);
    });
}

bool AwsReply::authorize(HttpRequest &request, const Authorization &found, AwsError &error)
{
    if (m_config.service->auth == AuthScheme::Bearer) {
        if (!found.bearer.error.isEmpty()) {
            error = makeError(ErrorKind::Credentials, found.bearer.error);
            return false;
        }
        request.setHeader("Authorization", "Bearer " + found.bearer.token.toUtf8());
        return true;
    }
    const CredentialsResult &creds = found.credentials;
    if (!creds.error.isEmpty() || !creds.credentials.isValid()) {
        error = makeError(ErrorKind::Credentials,
            creds.error.isEmpty() ? tr("Unable to locate credentials.") : creds.error);
        return false;
    }
    SigningParams params;
    params.region = m_config.region;
    params.service = m_config.service->signingName;
    params.time = QDateTime::currentDateTimeUtc();
    m_config.signer->sign(request, creds.credentials, params);
    return true;
}

void AwsReply::sendAuthorized(int attempt, const Authorization &found)
{
    // Aborted, or finished some other way, while the lookup ran.
    if (m_finished || attempt != m_totalAttempts)
        return;
    HttpRequest request = m_request;
    request.setHeader("Host", request.host);
    AwsError authError;
    if (!authorize(request, found, authError)) {
        finish(authError);
        return;
    }
    // The last line of defence against header injection: whatever a value came from (a
    // token, a parameter bound to a header), a control character in it is never sent.
    for (const auto &[name, value] : std::as_const(request.headers)) {
        if (hasControlCharacter(value) || hasControlCharacter(name)) {
            finish(makeError(name.compare("Authorization", Qt::CaseInsensitive) == 0
                    ? ErrorKind::Credentials
                    : ErrorKind::Validation,
                tr("The %1 header of %2 would contain a control character; nothing was sent.")
                    .arg(sanitizeForDisplay(QString::fromLatin1(name), 64), m_operation.name)));
            return;
        }
    }

    const QByteArray url = request.url();
    QNetworkRequest qrequest(QUrl::fromEncoded(url, QUrl::StrictMode));
    for (const auto &[name, value] : std::as_const(request.headers))
        qrequest.setRawHeader(name, value);
    qrequest.setHeader(QNetworkRequest::UserAgentHeader, m_config.userAgent);
    qrequest.setTransferTimeout(m_config.timeoutMs);
    // These APIs set no cookies; the jar would only cost a lookup and a store per request.
    qrequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    qrequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    // The SDKs never follow redirects for these APIs; a redirect is an answer to report.
    qrequest.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Plain bytes, as botocore asks for them: a compressed body would be inflated by Qt
    // without any limit (a gzip bomb), and a broken one reported as an empty success.
    qrequest.setRawHeader("Accept-Encoding", "identity");

    if (m_debug) {
        debug(u"%1 %2 (attempt %3 of %4)"_s
                  .arg(QString::fromLatin1(request.method), QString::fromUtf8(url))
                  .arg(m_attempt)
                  .arg(m_config.retry.maxAttempts));
        for (const auto &[name, value] : std::as_const(request.headers))
            debug(u"  > %1: %2"_s.arg(
                QString::fromLatin1(name), QString::fromUtf8(redactHeaderValue(name, value))));
        if (!request.body.isEmpty())
            debug(u"  > body: %1"_s.arg(QString::fromUtf8(redactJsonBody(request.body))));
    }

    m_abortedByUs = false;
    m_attemptClock.start();
    if (!m_network) {
        finish(makeError(
            ErrorKind::Aborted, tr("No network manager to send %1.").arg(m_operation.name)));
        return;
    }
    m_body.clear();
    m_reply = m_network->sendCustomRequest(qrequest, request.method, request.body);
    m_reply->setReadBufferSize(readBufferBytes);
    connect(m_reply, &QNetworkReply::finished, this, &AwsReply::onNetworkFinished);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &AwsReply::checkDeclaredLength);
    connect(m_reply, &QIODevice::readyRead, this, &AwsReply::readAvailable);
    // Qt's transfer timeout fires only when no byte comes at all; a server that trickles one
    // byte a second would hold the attempt (and the watch behind it) for ever.
    if (m_config.attemptTimeoutMs > 0)
        m_deadline->start(m_config.attemptTimeoutMs);
}

void AwsReply::checkDeclaredLength()
{
    if (!m_reply)
        return;
    bool ok = false;
    const qint64 declared = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
    if (ok && declared > maxResponseBytes)
        tooLarge(declared, true);
}

void AwsReply::readAvailable()
{
    if (!m_reply)
        return;
    m_body += m_reply->readAll();
    if (m_body.size() > maxResponseBytes)
        tooLarge(m_body.size(), false);
}

void AwsReply::tooLarge(qint64 bytes, bool declared)
{
    dropReply();
    AwsError e = makeError(ErrorKind::Malformed,
        declared ? tr("The response to %1 announced %2 MB, more than the %3 MB any answer of "
                      "this API needs; it was not read.")
                       .arg(m_operation.name)
                       .arg(bytes / (1024 * 1024))
                       .arg(maxResponseBytes / (1024 * 1024))
                 : tr("The response to %1 exceeded %2 MB and was dropped.")
                       .arg(m_operation.name)
                       .arg(maxResponseBytes / (1024 * 1024)));
    e.requestId = m_requestId;
    finish(e);
}

void AwsReply::onDeadline()
{
    if (!m_reply || m_finished)
        return;
    dropReply();
    handleFailure(makeError(ErrorKind::Timeout,
        tr("No complete response from %1 within %2 s (the attempt's deadline).")
            .arg(m_config.endpoint.host())
            .arg(m_config.attemptTimeoutMs / 1000.0)));
}

void AwsReply::onNetworkFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    m_deadline->stop();
    if (!reply)
        return;
    reply->deleteLater();

    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    // An aborted reply (our timeout) is closed, and reading it would only warn.
    QByteArray body = std::exchange(m_body, {});
    if (reply->isOpen())
        body += reply->readAll();
    if (body.size() > maxResponseBytes) {
        tooLarge(body.size(), false);
        return;
    }
    const auto headers = reply->rawHeaderPairs();
    m_requestId =
        sanitizeForDisplay(QString::fromLatin1(reply->rawHeader("x-amzn-RequestId")), 128);

    if (m_debug) {
        debug(u"  < HTTP %1 in %2 ms, request id %3"_s.arg(status)
                  .arg(m_attemptClock.elapsed())
                  .arg(m_requestId.isEmpty() ? u"(none)"_s : m_requestId));
        if (!body.isEmpty())
            debug(u"  < body: %1"_s.arg(QString::fromUtf8(redactJsonBody(body))));
    }

    // Qt's error decides first: headers may have arrived (status 200) and the body then
    // broken off, timed out or been reset, and an empty body must never pass for success.
    const QNetworkReply::NetworkError code = reply->error();
    const bool transportFailure = (code > QNetworkReply::NoError && code < 200)
        || code == QNetworkReply::ProtocolFailure || status == 0;
    if (transportFailure) {
        ErrorKind kind = classifyNetworkError(code);
        if (code == QNetworkReply::OperationCanceledError && !m_abortedByUs)
            kind = ErrorKind::Timeout; // Qt reports the transfer timeout as a cancel
        AwsError e = makeError(kind,
            kind == ErrorKind::Timeout
                ? tr("No complete response from %1 within %2 s.")
                      .arg(m_config.endpoint.host())
                      .arg(m_config.timeoutMs / 1000.0)
                : tr("Could not reach %1: %2")
                      .arg(m_config.endpoint.toDisplayString(), reply->errorString()));
        e.httpStatus = status;
        handleFailure(e);
        return;
    }

    if (status < 200 || status >= 300) {
        handleFailure(parseErrorResponse(status, headers, body));
        return;
    }
    // A success status is not a success if Qt could not read the body (a broken stream, a
    // content error): every Qt error is an error.
    if (code != QNetworkReply::NoError) {
        AwsError e = makeError(ErrorKind::Malformed,
            tr("The %1 response could not be read: %2")
                .arg(m_operation.name, sanitizeForDisplay(reply->errorString())));
        e.httpStatus = status;
        e.requestId = m_requestId;
        handleFailure(e);
        return;
    }
    const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity") {
        AwsError e = makeError(ErrorKind::Malformed,
            tr("The %1 response is encoded as \"%2\", though plain bytes were asked for.")
                .arg(m_operation.name, sanitizeForDisplay(QString::fromLatin1(encoding.left(32)))));
        e.httpStatus = status;
        e.requestId = m_requestId;
        finish(e);
        return;
    }
    // Every output here has members: an empty body is no answer at all.
    if (body.trimmed().isEmpty() && !m_operation.emptyOutput) {
        AwsError e = makeError(
            ErrorKind::Malformed, tr("The %1 response has no body.").arg(m_operation.name));
        e.httpStatus = status;
        e.requestId = m_requestId;
        finish(e);
        return;
    }

    QJsonObject page;
    if (!body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            AwsError e = makeError(ErrorKind::Malformed,
                parseError.error != QJsonParseError::NoError
                    ? tr("The %1 response is not valid JSON (%2 at byte %3).")
                          .arg(m_operation.name, parseError.errorString())
                          .arg(parseError.offset)
                    : tr("The %1 response is not a JSON object.").arg(m_operation.name));
            e.httpStatus = status;
            e.requestId = m_requestId;
            finish(e);
            return;
        }
        page = doc.object();
    }
    m_quota->release(m_quotaSpent);
    ++m_pages;

    if (!m_merger) {
        m_result = page;
        finish();
        return;
    }
    switch (m_merger->addPage(page)) {
    case PageMerger::Next::Done:
        m_result = m_merger->merged();
        finish();
        return;
    case PageMerger::Next::More:
        m_params.insert(m_operation.paginator->inputToken, m_merger->nextToken());
        startPage();
        return;
    case PageMerger::Next::RepeatedToken:
        finish(makeError(ErrorKind::Pagination,
            tr("%1 returned page token \"%2\" a second time after %3 pages; "
               "stopped instead of looping.")
                .arg(m_operation.name, m_merger->nextToken().left(64))
                .arg(m_merger->pageCount())));
        return;
    case PageMerger::Next::TokenTooLong:
        finish(makeError(ErrorKind::Malformed,
            tr("%1 returned a page token of %2 characters, more than the %3 the service "
               "accepts; the response is malformed.")
                .arg(m_operation.name)
                .arg(m_merger->nextToken().size())
                .arg(m_merger->tokens().maxLength().value_or(0))));
        return;
    case PageMerger::Next::TooManyItems:
        finish(makeError(ErrorKind::Pagination,
            tr("%1 returned more than %2 items over %3 pages; stopped.")
                .arg(m_operation.name)
                .arg(PageMerger::DefaultMaxItems)
                .arg(m_merger->pageCount())));
        return;
    case PageMerger::Next::TooManyPages:
        finish(makeError(ErrorKind::Pagination,
            tr("%1 returned more than %2 pages; stopped.")
                .arg(m_operation.name)
                .arg(m_options.maxPages)));
        return;
    }
}

void AwsReply::handleFailure(AwsError error)
{
    if (error.requestId.isEmpty())
        error.requestId = m_requestId;
    if (isThrottlingError(error))
        ++m_throttledAttempts;
    const bool retryable = isRetryableError(error);
    if (!retryable || m_attempt >= m_config.retry.maxAttempts) {
        finish(error);
        return;
    }
    const bool afterTimeout = error.kind == ErrorKind::Timeout;
    if (!m_quota->acquire(afterTimeout)) {
        debug(u"  retry quota exhausted; not retrying"_s);
        finish(error);
        return;
    }
    m_quotaSpent += afterTimeout ? RetryQuota::timeoutRetryCost : RetryQuota::retryCost;
    const int delay =
        m_config.retry.backoffMs(m_attempt + 1, QRandomGenerator::global()->generateDouble());
    debug(u"  retrying after %1 ms: %2"_s.arg(delay).arg(
        error.code.isEmpty() ? error.message : error.code));
    QTimer::singleShot(delay, this, [this] {
        if (!m_finished)
            sendAttempt();
    });
}

void AwsReply::finish(AwsError error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = std::move(error);
    if (m_error.isError()) {
        m_result = {};
        debug(u"  failed: %1"_s.arg(m_error.describe(m_operation.name)));
    }
    // Queued, so finished() never fires inside the caller's own call into us.
    QMetaObject::invokeMethod(this, &AwsReply::finished, Qt::QueuedConnection);
}

void AwsReply::debug(const QString &line) const
{
    // A debug line carries what the server sent (a request id, a body): nothing of it may
    // reach the terminal as an escape sequence.
    if (m_debug)
        m_debug(sanitizeForDisplay(line, 1 << 20));
}

} // namespace sw::aws
