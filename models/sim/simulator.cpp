#include "simulator.h"

#include "codecatalystsim.h"
#include "customerprofilessim.h"
#include "imagebuildersim.h"
#include "migrationhuborchestratorsim.h"
#include "sigv4verifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace sw::sim {

namespace {

const QByteArray controlPrefix = QByteArrayLiteral("/_stepwatch/");

QJsonObject toJson(const QHash<QString, qint64> &counts)
{
    QJsonObject out;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        out.insert(it.key(), static_cast<double>(it.value()));
    return out;
}

} // namespace

Simulator::Simulator(const SimOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_clock(options.speed), m_faults(options.seed)
{
    m_clock.setRealTimestamps(options.realTimestamps);
    m_services.push_back(std::make_unique<MigrationHubOrchestratorSim>(options, m_clock));
    m_services.push_back(std::make_unique<CustomerProfilesSim>(options, m_clock));
    m_services.push_back(std::make_unique<ImageBuilderSim>(options, m_clock));
    m_services.push_back(std::make_unique<CodeCatalystSim>(options, m_clock));
}

Simulator::~Simulator() = default;

quint16 Simulator::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server) {
        m_server =
            new SimHttpServer([this](const SimRequest &request) { return handle(request); }, this);
    }
    m_server->setLimits(m_httpLimits);
    m_port = m_server->listen(address, port) ? m_server->serverPort() : 0;
    // Reachable from other machines: the control endpoints (faults, clock) need a token.
    const bool loopback = address.isLoopback() || address == QHostAddress(QHostAddress::LocalHost)
        || address == QHostAddress(QHostAddress::LocalHostIPv6);
    if (!loopback && m_controlToken.isEmpty()) {
        const quint64 a = QRandomGenerator::system()->generate64();
        const quint64 b = QRandomGenerator::system()->generate64();
        m_controlToken = QString::fromLatin1(QByteArray::number(a, 16).rightJustified(16, '0')
            + QByteArray::number(b, 16).rightJustified(16, '0'));
    }
    return m_port;
}

void Simulator::stop()
{
    if (!m_server)
        return;
    m_server->shutDown();
    // Later: a delayed reply may be on its way out of one of its callbacks right now.
    m_server->deleteLater();
    m_server = nullptr;
}

QString Simulator::url() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_port);
}

QByteArray Simulator::nextRequestId()
{
    // Deterministic and UUID-shaped, like AWS's: seed and sequence number in the hex digits.
    const QByteArray hex = QByteArray::number(m_options.seed, 16).rightJustified(12, '0').right(12)
        + QByteArray::number(++m_requestCounter, 16).rightJustified(20, '0').right(20);
    return hex.mid(0, 8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' + hex.mid(16, 4) + '-'
        + hex.mid(20, 12);
}

SimResponse Simulator::handle(const SimRequest &request)
{
    QString operation;
    SimResponse response = request.rawPath.startsWith(controlPrefix)
        ? control(request)
        : dispatch(request, &operation);
    response.setHeader(QByteArrayLiteral("x-amzn-RequestId"), nextRequestId());
    if (m_logger)
        m_logger(request, response, operation);
    return response;
}

std::optional<SimResponse> Simulator::checkAuth(
    const ServiceSimulator &service, const SimRequest &request) const
{
    if (service.auth() == ServiceSimulator::Auth::Bearer) {
        const QByteArray authorization = request.header("Authorization");
        if (!authorization.startsWith("Bearer ") || authorization.size() <= 7)
            return service.accessDenied(u"Missing or malformed bearer token."_s);
        if (m_credentials.verify && authorization.mid(7) != m_credentials.bearerToken.toUtf8())
            return service.accessDenied(u"The bearer token is not valid."_s);
        return std::nullopt;
    }
    const SigV4Check check = m_credentials.verify ? verifySigV4(request, service.signingName(),
                                 m_credentials.accessKeyId, m_credentials.secretAccessKey)
                                                  : checkSigV4Shape(request, service.signingName());
    if (check.ok)
        return std::nullopt;
    SimResponse denied = SimResponse::error(403, check.code, check.message);
    return denied;
}

SimResponse Simulator::dispatch(const SimRequest &request, QString *operation)
{
    ServiceSimulator *service = nullptr;
    for (const auto &candidate : m_services) {
        *operation = candidate->route(request);
        if (!operation->isEmpty()) {
            service = candidate.get();
            break;
        }
    }
    if (!service) {
        return SimResponse::error(404, u"UnknownOperationException"_s,
            u"No operation for %1 %2"_s.arg(
                QString::fromLatin1(request.method), QString::fromUtf8(request.rawPath)));
    }
    m_requestsPerOperation[service->serviceId() + u'.' + *operation] += 1;

    if (const auto denied = checkAuth(*service, request))
        return *denied;

    int delayMs = 0;
    std::optional<FaultKind> failure;
    FaultRule failureRule;
    for (const FaultRule &rule : m_faults.draw(*operation)) {
        m_faultsInjected[rule.kind == FaultKind::ServiceError ? rule.errorCode
                                                              : FaultPlan::kindName(rule.kind)] +=
            1;
        if (rule.kind == FaultKind::Latency) {
            delayMs += rule.delayMs;
        } else {
            failure = rule.kind;
            failureRule = rule;
        }
    }

    SimResponse response;
    if (failure == FaultKind::ServiceError) {
        response = SimResponse::error(failureRule.errorStatus, failureRule.errorCode,
            u"Injected by the simulator's fault plan."_s, service->errorMessageKey());
    } else if (failure == FaultKind::Throttle) {
        response = service->throttlingError();
    } else if (failure == FaultKind::Error500) {
        response = service->internalError();
    } else if (failure == FaultKind::Error503) {
        response = service->unavailableError();
    } else if (failure == FaultKind::Close) {
        response.closeConnection = true;
    } else {
        response = service->handle(*operation, request);
        if (failure == FaultKind::LostReply) {
            response.closeConnection = true; // acted on; the reply never arrives
        } else if (failure == FaultKind::Malformed && response.status == 200) {
            response.body = QByteArrayLiteral("<html><body>502 upstream hiccup</body></html>");
        } else if (failure == FaultKind::Truncated && response.status == 200) {
            response.body.truncate(response.body.size() / 2);
        }
    }
    response.delayMs = delayMs;
    return response;
}

SimResponse Simulator::control(const SimRequest &request)
{
    if (!m_controlToken.isEmpty()) {
        // Compared in full whatever the input, so the time taken tells nothing.
        const QByteArray given = request.header("X-Stepwatch-Control-Token");
        const QByteArray expected = m_controlToken.toLatin1();
        bool same = given.size() == expected.size();
        for (qsizetype i = 0; i < expected.size(); ++i)
            same &= i < given.size() && given[i] == expected[i];
        if (!same) {
            return SimResponse::error(403, u"AccessDeniedException"_s,
                u"The control endpoints of a simulator reachable from the network need the "
                "X-Stepwatch-Control-Token header with the token stepwatch-sim printed at "
                "start-up."_s);
        }
    }
    const QString what = QString::fromUtf8(request.rawPath.mid(controlPrefix.size()));
    if (what == u"counters" && request.method == "GET")
        return SimResponse::json(counters());
    if (what == u"inventory" && request.method == "GET")
        return SimResponse::json(inventory());
    if (what == u"faults" && request.method == "GET")
        return SimResponse::json({{u"spec"_s, m_faults.spec()}});
    if (what == u"faults" && (request.method == "PUT" || request.method == "POST")) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QString spec = body.contains(u"spec"_s) ? body.value(u"spec"_s).toString()
                                                      : QString::fromUtf8(request.body);
        if (const auto problem = m_faults.setSpec(spec))
            return SimResponse::error(400, u"ValidationException"_s, *problem);
        return SimResponse::json({{u"spec"_s, m_faults.spec()}});
    }
    if (what == u"clock/advance" && request.method == "POST") {
        bool ok = false;
        const qint64 ms = request.queryValue(u"ms"_s).toLongLong(&ok);
        // Forward only, and at most ten years at a time: the clock is milliseconds in a
        // qint64, and 2^63 - 1 of them used to overflow it.
        if (!ok || ms < 0 || ms > SimClock::MaxAdvanceMs) {
            return SimResponse::error(400, u"ValidationException"_s,
                u"ms must be a whole number of milliseconds from 0 to %1"_s.arg(
                    SimClock::MaxAdvanceMs));
        }
        m_clock.advance(ms);
        return SimResponse::json({{u"now"_s, m_clock.now().toString(Qt::ISODateWithMs)}});
    }
    return SimResponse::error(404, u"NotFound"_s,
        u"Unknown control endpoint; use GET counters, GET inventory, GET/PUT faults, "
        "POST clock/advance?ms=N"_s);
}

QJsonObject Simulator::counters() const
{
    QJsonObject out {{u"requests"_s, toJson(m_requestsPerOperation)},
        {u"faultsInjected"_s, toJson(m_faultsInjected)}};
    for (const auto &service : m_services) {
        const QJsonObject extra = service->counters();
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            out.insert(it.key(), it.value());
    }
    return out;
}

QJsonObject Simulator::inventory() const
{
    QJsonObject out;
    for (const auto &service : m_services)
        out.insert(service->serviceId(), service->inventory());
    return out;
}

} // namespace sw::sim
