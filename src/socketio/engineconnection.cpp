#include "engineconnection.h"

#include "logging.h"
#include "pollingtransport.h"
#include "websockettransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrlQuery>

namespace SocketIo {

namespace {

// Engine.IO v4 packet types, as the first character of a text packet.
constexpr char16_t OpenPacket = u'0';
constexpr char16_t ClosePacket = u'1';
constexpr char16_t PingPacket = u'2';
constexpr char16_t PongPacket = u'3';
constexpr char16_t MessagePacket = u'4';
constexpr char16_t UpgradePacket = u'5';
constexpr char16_t NoopPacket = u'6';

const QString ProbeData = QStringLiteral("probe");

std::deque<EnginePacket> single(const QString &text)
{
    return { EnginePacket::fromText(text) };
}

void discard(EngineTransport *transport, QObject *owner, const QList<EnginePacket> &farewell = {})
{
    transport->disconnect(owner);
    transport->close(farewell);
    transport->deleteLater();
}

} // namespace

EngineConnection::EngineConnection(QObject *parent)
    : QObject(parent)
{
    m_openTimer.setSingleShot(true);
    connect(&m_openTimer, &QTimer::timeout, this, &EngineConnection::onOpenStageTimeout);
    m_pingTimer.setSingleShot(true);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcSocketIo) << "no ping from the server within pingInterval + pingTimeout";
        finish(QStringLiteral("ping timeout"), QString());
    });
}

EngineConnection::~EngineConnection()
{
    // Before the children go: a polling transport must not outlive a network access manager
    // this connection made itself.
    for (EngineTransport *transport : { m_probe, m_transport }) {
        if (transport) {
            transport->disconnect(this);
            delete transport;
        }
    }
}

void EngineConnection::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_sslConfiguration = configuration;
}

void EngineConnection::setProxy(const std::optional<QNetworkProxy> &proxy)
{
    m_proxy = proxy;
}

void EngineConnection::setNetworkAccessManager(QNetworkAccessManager *network)
{
    m_network = network;
}

void EngineConnection::setTransports(const QList<TransportKind> &order, bool upgrade)
{
    m_transports = order.isEmpty() ? QList<TransportKind> { TransportKind::WebSocket } : order;
    m_upgrade = upgrade;
}

QUrl EngineConnection::transportUrl(
    const QUrl &webSocketUrl, TransportKind kind, const QString &sid)
{
    QUrl url = webSocketUrl;
    if (kind == TransportKind::Polling) {
        const QString scheme = url.scheme().toLower();
        url.setScheme(scheme == QLatin1String("wss") || scheme == QLatin1String("https")
                ? QStringLiteral("https")
                : QStringLiteral("http"));
    }
    // Rebuilt item by item so that `transport` keeps its place after EIO.
    QUrlQuery query;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyEncoded);
    for (const auto &[name, value] : items) {
        if (name == QLatin1String("transport"))
            query.addQueryItem(name, transportName(kind));
        else
            query.addQueryItem(name, value);
    }
    if (!sid.isEmpty())
        query.addQueryItem(QStringLiteral("sid"), sid);
    url.setQuery(query);
    return url;
}

void EngineConnection::open(const QNetworkRequest &request, std::chrono::milliseconds timeout)
{
    if (m_state != State::Closed)
        return;
    m_state = State::Opening;
    m_handshake = Handshake();
    m_request = request;
    m_timeout = timeout;
    m_openDeadline = QDeadlineTimer(timeout);
    m_attempt = 0;
    m_writeBuffer.clear();
    m_inFlight = 0;
    m_upgrading = false;
    startTransport();
}

EngineTransport *EngineConnection::createTransport(TransportKind kind)
{
    if (kind == TransportKind::WebSocket)
        return new WebSocketTransport(m_sslConfiguration, m_proxy, this);
    if (!m_network) {
        auto *network = new QNetworkAccessManager(this);
        if (m_proxy)
            network->setProxy(*m_proxy);
        m_network = network;
    }
    return new PollingTransport(m_network, this);
}

void EngineConnection::startTransport()
{
    m_kind = m_transports.at(m_attempt);
    m_transport = createTransport(m_kind);
    connect(m_transport, &EngineTransport::textReceived, this, &EngineConnection::onTextPacket);
    connect(m_transport, &EngineTransport::binaryReceived, this, &EngineConnection::onBinaryPacket);
    connect(m_transport, &EngineTransport::drained, this, &EngineConnection::onDrained);
    connect(m_transport, &EngineTransport::closed, this, &EngineConnection::onTransportClosed);

    // A transport with another one after it gets half the time, so that a WebSocket that hangs
    // (a proxy that swallows the upgrade request) still leaves polling time to open.
    const bool last = m_attempt + 1 >= m_transports.size();
    auto stage = std::chrono::duration_cast<std::chrono::milliseconds>(
        m_openDeadline.remainingTimeAsDuration());
    if (!last)
        stage = std::min(stage, m_timeout / 2);
    m_openTimer.start(stage);

    QNetworkRequest request = m_request;
    request.setUrl(transportUrl(m_request.url(), m_kind, QString()));
    if (m_kind == TransportKind::Polling && !m_sslConfiguration.isNull())
        request.setSslConfiguration(m_sslConfiguration);
    // The URL's query may carry application data; never log it (it can hold credentials).
    qCDebug(lcSocketIo).noquote() << "opening" << transportName(m_kind)
                                  << request.url().toString(
                                         QUrl::RemoveQuery | QUrl::RemoveUserInfo);
    m_transport->open(request);
}

bool EngineConnection::fallBack(const QString &why)
{
    if (m_state != State::Opening || m_attempt + 1 >= m_transports.size())
        return false;
    const TransportKind failed = m_kind;
    if (m_transport) {
        discard(m_transport, this);
        m_transport = nullptr;
    }
    ++m_attempt;
    qCInfo(lcSocketIo).noquote() << transportName(failed) << "could not be opened:" << why
                                 << "; trying" << transportName(m_transports.at(m_attempt));
    startTransport();
    return true;
}

void EngineConnection::onOpenStageTimeout()
{
    if (m_state == State::Opening && !fallBack(QStringLiteral("timeout")))
        finish(QStringLiteral("transport error"), QStringLiteral("timeout"));
}

void EngineConnection::onTransportClosed(const QString &reason, const QString &description)
{
    m_transport->disconnect(this);
    m_transport->deleteLater();
    m_transport = nullptr;
    if (m_state == State::Opening) {
        const bool parseError = reason == QLatin1String("parse error");
        if (!parseError && fallBack(description.isEmpty() ? reason : description))
            return;
        // Whatever ended it, a connection that never opened failed.
        finish(parseError ? reason : QStringLiteral("transport error"), description);
        return;
    }
    finish(reason, description);
}

void EngineConnection::close()
{
    if (m_state == State::Closed)
        return;
    if (m_state == State::Open && m_transport) {
        // What was not written yet goes out with the close packet, as engine.io-client drains
        // its buffer before closing.
        QList<EnginePacket> farewell(m_writeBuffer.begin() + m_inFlight, m_writeBuffer.end());
        farewell.append(EnginePacket::fromText(QString(ClosePacket)));
        discard(m_transport, this, farewell);
        m_transport = nullptr;
    }
    finish(QStringLiteral("forced close"), QString());
}

bool EngineConnection::pingDeadlinePassed() const
{
    if (m_state != State::Open || !m_sinceLastPing.isValid())
        return false;
    const auto limit = m_handshake.pingInterval + m_handshake.pingTimeout;
    return m_sinceLastPing.elapsed() > limit.count();
}

bool EngineConnection::sendMessage(const QString &text)
{
    if (m_state != State::Open)
        return false;
    // Timers can be late after a laptop wakes up: check the heartbeat deadline before trusting the
    // link, as engine.io-client does, so the packet is kept for the next connection instead.
    if (pingDeadlinePassed()) {
        QMetaObject::invokeMethod(
            this, [this] { finish(QStringLiteral("ping timeout"), QString()); },
            Qt::QueuedConnection);
        return false;
    }
    QString frame;
    frame.reserve(text.size() + 1);
    frame.append(MessagePacket);
    frame.append(text);
    enqueue(EnginePacket::fromText(std::move(frame)));
    return true;
}

bool EngineConnection::sendBinary(const QByteArray &data)
{
    if (m_state != State::Open || pingDeadlinePassed())
        return false;
    enqueue(EnginePacket::fromBinary(data));
    return true;
}

bool EngineConnection::textFitsMaxPayload(const QString &text) const
{
    // The server measures UTF-8 bytes. Every UTF-16 unit encodes to at most 3 bytes, so only long
    // texts need the exact count.
    const qint64 limit = m_handshake.maxPayload;
    if (limit <= 0 || (text.size() + 1) * 3 <= limit)
        return true;
    return text.toUtf8().size() + 1 <= limit;
}

bool EngineConnection::binaryFitsMaxPayload(const QByteArray &data) const
{
    const qint64 limit = m_handshake.maxPayload;
    if (limit <= 0)
        return true;
    if (m_kind == TransportKind::Polling)
        return 1 + (data.size() + 2) / 3 * 4 <= limit; // `b` + base64
    return data.size() <= limit;
}

void EngineConnection::enqueue(EnginePacket &&packet)
{
    m_writeBuffer.push_back(std::move(packet));
    flush();
}

void EngineConnection::flush()
{
    // engine.io-client's flush(): nothing is written while a write is in flight or while the
    // transport is being swapped; packets wait in the buffer.
    while (m_state != State::Closed && m_transport && !m_upgrading && m_inFlight == 0
        && !m_writeBuffer.empty() && m_transport->isWritable()) {
        const qsizetype written = m_transport->write(m_writeBuffer);
        if (written <= 0 || !m_transport)
            return;
        if (m_transport->isWritable())
            m_writeBuffer.erase(m_writeBuffer.begin(), m_writeBuffer.begin() + written);
        else
            m_inFlight = written; // drained() follows
    }
}

void EngineConnection::onDrained()
{
    m_writeBuffer.erase(m_writeBuffer.begin(), m_writeBuffer.begin() + m_inFlight);
    m_inFlight = 0;
    flush();
}

void EngineConnection::onTextPacket(const QString &packet)
{
    if (packet.isEmpty()) {
        finish(QStringLiteral("parse error"), QStringLiteral("empty Engine.IO packet"));
        return;
    }
    const char16_t type = packet.front().unicode();
    if (m_state == State::Opening) {
        if (type != OpenPacket) {
            finish(QStringLiteral("parse error"),
                QStringLiteral("expected the Engine.IO open packet"));
            return;
        }
        handleOpenPacket(QStringView(packet).mid(1));
        return;
    }
    if (m_state != State::Open)
        return;

    switch (type) {
    case MessagePacket:
        Q_EMIT messageReceived(packet);
        return;
    case PingPacket:
        resetPingDeadline();
        // A ping may carry data; the pong echoes it.
        enqueue(EnginePacket::fromText(QString(PongPacket) + QStringView(packet).mid(1)));
        return;
    case ClosePacket:
        finish(
            QStringLiteral("transport close"), QStringLiteral("the server closed the connection"));
        return;
    case NoopPacket:
    case PongPacket:
    case UpgradePacket:
        return;
    default:
        finish(QStringLiteral("parse error"),
            QStringLiteral("unknown Engine.IO packet type '%1'").arg(QChar(type)));
    }
}

void EngineConnection::onBinaryPacket(const QByteArray &data)
{
    if (m_state != State::Open) {
        finish(
            QStringLiteral("parse error"), QStringLiteral("binary frame before the open packet"));
        return;
    }
    Q_EMIT binaryReceived(data);
}

void EngineConnection::handleOpenPacket(QStringView json)
{
    // socket.io-client 4.8.4 lets a JSON exception escape here; a bad open packet must only fail
    // this connection attempt.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    const QJsonObject object = document.object();
    const QString sid = object.value(QStringLiteral("sid")).toString();
    const qint64 pingInterval = object.value(QStringLiteral("pingInterval")).toInteger(-1);
    const qint64 pingTimeout = object.value(QStringLiteral("pingTimeout")).toInteger(-1);
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || sid.isEmpty()
        || pingInterval <= 0 || pingTimeout <= 0) {
        finish(QStringLiteral("parse error"), QStringLiteral("invalid Engine.IO open packet"));
        return;
    }
    m_handshake.sid = sid;
    m_handshake.pingInterval = std::chrono::milliseconds(pingInterval);
    m_handshake.pingTimeout = std::chrono::milliseconds(pingTimeout);
    m_handshake.maxPayload = object.value(QStringLiteral("maxPayload")).toInteger(1000000);
    const QJsonArray upgrades = object.value(QStringLiteral("upgrades")).toArray();
    for (const QJsonValue &upgrade : upgrades)
        m_handshake.upgrades.append(upgrade.toString());

    m_openTimer.stop();
    m_state = State::Open;
    m_transport->setSession(sid, m_handshake.maxPayload);
    resetPingDeadline();
    qCDebug(lcSocketIo).noquote() << "engine open over" << transportName(m_kind)
                                  << "; ping interval" << pingInterval << "timeout" << pingTimeout
                                  << "max payload" << m_handshake.maxPayload;
    Q_EMIT opened();
    if (m_state == State::Open && m_upgrade && m_kind == TransportKind::Polling
        && m_handshake.upgrades.contains(transportName(TransportKind::WebSocket)))
        probe();
}

void EngineConnection::probe()
{
    // engine.io-client's probe: open a WebSocket on the same session, ping it with "probe",
    // and only once it answers pause polling and switch.
    m_probe = new WebSocketTransport(m_sslConfiguration, m_proxy, this);
    connect(m_probe, &EngineTransport::opened, this,
        [this] { m_probe->write(single(QString(PingPacket) + ProbeData)); });
    connect(m_probe, &EngineTransport::textReceived, this, &EngineConnection::onProbePacket);
    connect(m_probe, &EngineTransport::binaryReceived, this,
        [this] { dropProbe(QStringLiteral("unexpected binary frame")); });
    connect(m_probe, &EngineTransport::closed, this,
        [this](const QString &reason, const QString &description) {
            dropProbe(description.isEmpty() ? reason : description);
        });
    QNetworkRequest request = m_request;
    request.setUrl(transportUrl(m_request.url(), TransportKind::WebSocket, m_handshake.sid));
    qCDebug(lcSocketIo) << "probing websocket";
    m_probe->open(request);
}

void EngineConnection::onProbePacket(const QString &packet)
{
    if (m_upgrading)
        return;
    if (packet != QString(PongPacket) + ProbeData) {
        dropProbe(QStringLiteral("probe error"));
        return;
    }
    m_upgrading = true;
    m_transport->pause([this] { completeUpgrade(); });
}

void EngineConnection::completeUpgrade()
{
    if (m_state != State::Open || !m_probe || !m_transport)
        return;
    discard(m_transport, this);
    m_transport = m_probe;
    m_probe = nullptr;
    m_transport->disconnect(this);
    connect(m_transport, &EngineTransport::textReceived, this, &EngineConnection::onTextPacket);
    connect(m_transport, &EngineTransport::binaryReceived, this, &EngineConnection::onBinaryPacket);
    connect(m_transport, &EngineTransport::drained, this, &EngineConnection::onDrained);
    connect(m_transport, &EngineTransport::closed, this, &EngineConnection::onTransportClosed);
    m_kind = TransportKind::WebSocket;
    m_transport->setSession(m_handshake.sid, m_handshake.maxPayload);
    m_transport->write(single(QString(UpgradePacket)));
    m_upgrading = false;
    qCInfo(lcSocketIo) << "upgraded from polling to websocket";
    Q_EMIT upgraded();
    flush();
}

void EngineConnection::dropProbe(const QString &why)
{
    if (!m_probe)
        return;
    qCInfo(lcSocketIo).noquote() << "websocket upgrade failed:" << why << "; staying on polling";
    discard(m_probe, this);
    m_probe = nullptr;
    if (m_upgrading) {
        m_upgrading = false;
        if (m_transport)
            m_transport->resume();
        flush();
    }
}

void EngineConnection::resetPingDeadline()
{
    m_sinceLastPing.start();
    m_pingTimer.start(m_handshake.pingInterval + m_handshake.pingTimeout);
}

void EngineConnection::finish(const QString &reason, const QString &description)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_openTimer.stop();
    m_pingTimer.stop();
    m_sinceLastPing.invalidate();
    for (EngineTransport **transport : { &m_probe, &m_transport }) {
        if (*transport) {
            discard(*transport, this);
            *transport = nullptr;
        }
    }
    m_writeBuffer.clear();
    m_inFlight = 0;
    m_upgrading = false;
    qCDebug(lcSocketIo).noquote() << "engine closed:" << reason << description;
    Q_EMIT closed(reason, description);
}

} // namespace SocketIo
