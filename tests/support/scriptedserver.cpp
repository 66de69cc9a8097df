#include "scriptedserver.h"

#include "sim/simhttpserver.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace sw::test {

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

bool RecordedRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QJsonObject RecordedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

ScriptedResponse ScriptedResponse::json(const QJsonObject &body, int status)
{
    ScriptedResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

ScriptedResponse ScriptedResponse::awsError(
    int status, const QString &code, const QString &message, const QString &messageKey)
{
    ScriptedResponse r = json({{messageKey, message}}, status);
    r.headers.append(
        qMakePair(QByteArray("x-amzn-ErrorType"), code.toUtf8() + ":http://internal.amazon.com/"));
    return r;
}

ScriptedServer::ScriptedServer(QObject *parent) : QObject(parent)
{
    m_server = new sim::SimHttpServer(
        [this](const sim::SimRequest &in) {
            const RecordedRequest recorded {
                in.method, in.rawPath, in.rawQuery, in.headers, in.body};
            requests.append(recorded);
            const ScriptedResponse r = next(recorded);
            sim::SimResponse out;
            out.status = r.status;
            out.headers = r.headers;
            out.body = r.body;
            out.delayMs = r.delayMs;
            out.closeConnection = r.closeConnection;
            out.cutBody = r.cutBody;
            bool hasType = false;
            for (const auto &h : std::as_const(out.headers))
                hasType = hasType || h.first.compare("content-type", Qt::CaseInsensitive) == 0;
            if (!hasType)
                out.headers.append(
                    qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            return out;
        },
        this);
}

ScriptedServer::~ScriptedServer() = default;

bool ScriptedServer::start()
{
    m_port = m_server->listen(QHostAddress::LocalHost, 0) ? m_server->serverPort() : 0;
    return m_port != 0;
}

QByteArray ScriptedServer::url() const
{
    return "http://127.0.0.1:" + QByteArray::number(m_port);
}

ScriptedResponse ScriptedServer::next(const RecordedRequest &request)
{
    ScriptedResponse r;
    if (!m_queue.isEmpty())
        r = m_queue.dequeue();
    else if (m_handler)
        r = m_handler(request);
    else
        r = ScriptedResponse::awsError(
            500, u"InternalServerException"_s, u"no scripted response left"_s);
    // Every AWS response carries a request id; a scripted one may set its own.
    bool hasId = false;
    for (const auto &h : std::as_const(r.headers))
        hasId = hasId || h.first.compare("x-amzn-RequestId", Qt::CaseInsensitive) == 0;
    if (!hasId)
        r.headers.append(qMakePair(
            QByteArray("x-amzn-RequestId"), "req-" + QByteArray::number(++m_requestCounter)));
    return r;
}

} // namespace sw::test
