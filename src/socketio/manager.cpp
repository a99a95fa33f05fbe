#include "manager.h"

#include "engineconnection.h"
#include "logging.h"
#include "packetencoder.h"
#include "socket.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace SocketIo {

Manager::Manager(const QUrl &url, const ManagerOptions &options, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_options(options)
    , m_workingTransport(options.firstTransport)
    , m_backoff(
          options.reconnectionDelay, options.reconnectionDelayMax, options.randomizationFactor)
{
    m_decoder.setMaxAttachments(options.maxAttachments);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &Manager::attemptReconnect);
}

void Manager::attemptReconnect()
{
    if (m_skipReconnect || m_engine)
        return;
    qCInfo(lcSocketIo) << "reconnection attempt" << m_backoff.attempts();
    Q_EMIT reconnectAttemptStarted(m_backoff.attempts());
    startEngine();
}

Manager::~Manager()
{
    m_skipReconnect = true;
    if (m_engine) {
        m_engine->disconnect(this);
        delete m_engine;
    }
}

Socket *Manager::socket(const QString &nsp)
{
    const QString name = nsp.isEmpty() ? QStringLiteral("/") : nsp;
    QPointer<Socket> &socket = m_sockets[name];
    if (!socket)
        socket = new Socket(this, name);
    return socket;
}

QUrl Manager::engineUrl() const
{
    QUrl url = m_url;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http"))
        url.setScheme(QStringLiteral("ws"));
    else if (scheme == QLatin1String("https"))
        url.setScheme(QStringLiteral("wss"));

    // A base URL with a path of its own (a server behind a reverse proxy at /studyconnect) keeps
    // it in front of the Engine.IO path.
    QString prefix = url.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    QString path = m_options.path.isEmpty() ? QStringLiteral("/socket.io/") : m_options.path;
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    if (!path.endsWith(u'/'))
        path.append(u'/');
    url.setPath(prefix + path);

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("EIO"), QStringLiteral("4"));
    query.addQueryItem(QStringLiteral("transport"), QStringLiteral("websocket"));
    const auto extra = m_options.query.queryItems(QUrl::FullyEncoded);
    for (const auto &item : extra)
        query.addQueryItem(item.first, item.second);
    url.setQuery(query);
    url.setFragment(QString());
    return url;
}

int Manager::msUntilReconnect() const
{
    return m_reconnectTimer.isActive() ? m_reconnectTimer.remainingTime() : -1;
}

void Manager::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Manager::open()
{
    // While a reconnection is scheduled, its timer opens the connection.
    if (m_engine || m_reconnecting)
        return;
    m_skipReconnect = false;
    setState(State::Opening);
    startEngine();
}

void Manager::close()
{
    m_skipReconnect = true;
    m_reconnecting = false;
    m_reconnectTimer.stop();
    m_backoff.reset();
    if (m_engine)
        m_engine->close(); // onEngineClosed() follows synchronously
    setState(State::Closed);
}

void Manager::reconnectNow()
{
    if (m_reconnectTimer.isActive()) {
        m_reconnectTimer.stop();
        attemptReconnect();
        return;
    }
    if (!m_engine && m_state == State::Closed) {
        m_backoff.reset();
        open();
    }
}

void Manager::startEngine()
{
    Q_ASSERT(!m_engine);
    m_decoder.reset();
    m_engine = new EngineConnection(this);
    connect(m_engine, &EngineConnection::opened, this, &Manager::onEngineOpened);
    connect(m_engine, &EngineConnection::upgraded, this, &Manager::onEngineUpgraded);
    connect(m_engine, &EngineConnection::closed, this, &Manager::onEngineClosed);
    connect(m_engine, &EngineConnection::messageReceived, this, &Manager::onEngineMessage);
    connect(m_engine, &EngineConnection::binaryReceived, this, &Manager::onEngineBinary);

    if (m_url.scheme() == QLatin1String("https") || m_url.scheme() == QLatin1String("wss")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_options.caCertificates.isEmpty())
            ssl.addCaCertificates(m_options.caCertificates);
        m_engine->setSslConfiguration(ssl);
    }

    switch (m_options.transports) {
    case TransportPolicy::Auto:
        // Whatever worked last goes first: after a fallback to polling, reconnections start
        // there (and still upgrade) instead of waiting for the WebSocket to fail again.
        m_engine->setTransports(m_workingTransport == TransportKind::Polling
                ? QList { TransportKind::Polling, TransportKind::WebSocket }
                : QList { TransportKind::WebSocket, TransportKind::Polling },
            true);
        break;
    case TransportPolicy::WebSocketOnly:
        m_engine->setTransports({ TransportKind::WebSocket }, false);
        break;
    case TransportPolicy::PollingOnly:
        m_engine->setTransports({ TransportKind::Polling }, false);
        break;
    }
    if (m_options.transports != TransportPolicy::WebSocketOnly) {
        if (!m_network) {
            m_network = new QNetworkAccessManager(this);
            if (m_options.proxy)
                m_network->setProxy(*m_options.proxy);
        }
        m_engine->setNetworkAccessManager(m_network);
    }
    m_engine->setProxy(m_options.proxy);

    QNetworkRequest request(engineUrl());
    for (const auto &header : std::as_const(m_options.extraHeaders))
        request.setRawHeader(header.first, header.second);
    m_engine->open(request, m_options.timeout);
}

std::optional<TransportKind> Manager::transport() const
{
    if (!isEngineOpen())
        return std::nullopt;
    return m_engine->transport();
}

void Manager::onEngineUpgraded()
{
    m_workingTransport = TransportKind::WebSocket;
    Q_EMIT transportChanged(TransportKind::WebSocket);
}

void Manager::onEngineOpened()
{
    m_workingTransport = m_engine->transport();
    qCInfo(lcSocketIo).noquote() << "connected over" << transportName(m_workingTransport);
    Q_EMIT transportChanged(m_workingTransport);
    setState(State::Open);
    const bool wasReconnecting = m_reconnecting;
    const int attempt = m_backoff.attempts();
    m_reconnecting = false;
    m_backoff.reset();
    Q_EMIT opened();
    for (const QPointer<Socket> &socket : std::as_const(m_sockets)) {
        if (socket && socket->isActive())
            socket->onEngineOpen();
    }
    if (wasReconnecting)
        Q_EMIT reconnected(attempt);
}

void Manager::onEngineClosed(const QString &reason, const QString &description)
{
    const bool wasOpen = m_state == State::Open;
    m_engine->disconnect(this);
    m_engine->deleteLater();
    m_engine = nullptr;
    m_decoder.reset();

    if (!wasOpen) {
        // The attempt failed before the handshake completed: unreachable, refused, TLS, timeout.
        const QString message = description.isEmpty() ? reason : description;
        qCInfo(lcSocketIo).noquote() << "could not connect:" << message;
        m_reconnecting = false;
        setState(State::Closed);
        Q_EMIT openFailed(message);
        for (const QPointer<Socket> &socket : std::as_const(m_sockets)) {
            if (socket && socket->isActive())
                socket->onOpenFailed(message);
        }
        if (m_options.reconnection && !m_skipReconnect)
            scheduleReconnect();
        return;
    }

    qCInfo(lcSocketIo).noquote() << "connection closed:" << reason << description;
    m_backoff.reset();
    setState(State::Closed);
    Q_EMIT engineClosed(reason, description);
    // A local close is reported to sockets as the client's own disconnect.
    const QString socketReason =
        reason == QLatin1String("forced close") ? QStringLiteral("io client disconnect") : reason;
    for (const QPointer<Socket> &socket : std::as_const(m_sockets)) {
        if (socket)
            socket->onEngineClosed(socketReason);
    }
    if (m_options.reconnection && !m_skipReconnect)
        scheduleReconnect();
}

void Manager::scheduleReconnect()
{
    if (m_reconnecting || m_skipReconnect)
        return;
    if (m_options.reconnectionAttempts >= 0
        && m_backoff.attempts() >= m_options.reconnectionAttempts) {
        qCInfo(lcSocketIo) << "giving up after" << m_backoff.attempts() << "reconnection attempts";
        m_backoff.reset();
        setState(State::Closed);
        Q_EMIT reconnectFailed();
        return;
    }
    const auto delay = m_backoff.nextDelay();
    m_reconnecting = true;
    setState(State::Reconnecting);
    qCInfo(lcSocketIo) << "reconnecting in" << delay.count() << "ms, attempt"
                       << m_backoff.attempts();
    m_reconnectTimer.start(delay);
    Q_EMIT reconnectScheduled(m_backoff.attempts(), int(delay.count()));
}

void Manager::onEngineMessage(const QString &frame)
{
    handleDecoderResult(m_decoder.decodeText(frame, 1)); // past the Engine.IO type
}

void Manager::onEngineBinary(const QByteArray &data)
{
    handleDecoderResult(m_decoder.addAttachment(data));
}

void Manager::handleDecoderResult(PacketDecoder::Result result)
{
    switch (result) {
    case PacketDecoder::Result::Complete:
        dispatch(m_decoder.takePacket());
        break;
    case PacketDecoder::Result::AwaitingAttachments:
        break;
    case PacketDecoder::Result::Error:
        closeForParseError(m_decoder.errorString());
        break;
    }
}

void Manager::dispatch(ReceivedPacket &&packet)
{
    const auto socket = m_sockets.value(packet.nsp);
    if (!socket || !socket->isActive()) {
        qCDebug(lcSocketIo).noquote() << "packet for inactive namespace" << packet.nsp << "ignored";
        return;
    }
    socket->onPacket(std::move(packet));
}

void Manager::closeForParseError(const QString &why)
{
    qCWarning(lcSocketIo).noquote() << "malformed packet from the server, closing:" << why;
    if (!m_engine)
        return;
    // The engine must not report this close as its own: detach it, then report "parse error".
    EngineConnection *engine = m_engine;
    engine->disconnect(this);
    connect(
        engine, &EngineConnection::closed, this,
        [this, engine, why](const QString &, const QString &) {
            engine->disconnect(this);
            // Reuse the common path with the engine re-installed, reason "parse error".
            m_engine = engine;
            onEngineClosed(QStringLiteral("parse error"), why);
        },
        Qt::SingleShotConnection);
    engine->close();
}

bool Manager::isEngineOpen() const
{
    return m_engine && m_engine->state() == EngineConnection::State::Open;
}

Error Manager::sendPacket(const Packet &packet)
{
    if (!isEngineOpen())
        return Error::Disconnected;
    const EncodedPacket encoded = PacketEncoder::encode(packet);
    if (!m_engine->textFitsMaxPayload(encoded.text))
        return Error::PayloadTooLarge;
    for (const QByteArray &attachment : encoded.attachments) {
        if (!m_engine->binaryFitsMaxPayload(attachment))
            return Error::PayloadTooLarge;
    }
    if (!m_engine->sendMessage(encoded.text))
        return Error::Disconnected;
    for (const QByteArray &attachment : encoded.attachments)
        m_engine->sendBinary(attachment);
    return Error::None;
}

void Manager::socketClosed(Socket *)
{
    for (const QPointer<Socket> &socket : std::as_const(m_sockets)) {
        if (socket && socket->isActive())
            return;
    }
    close();
}

} // namespace SocketIo
