#include "websockettransport.h"

#include "logging.h"

#include <QNetworkRequest>
#include <QWebSocket>

namespace SocketIo {

namespace {

// Incoming frames beyond this are refused by QWebSocket (the connection closes) rather than
// buffered without bound.
constexpr quint64 MaxIncomingMessageSize = 64 * 1024 * 1024;

} // namespace

WebSocketTransport::WebSocketTransport(
    const QSslConfiguration &ssl, const std::optional<QNetworkProxy> &proxy, QObject *parent)
    : EngineTransport(parent)
    , m_sslConfiguration(ssl)
    , m_proxy(proxy)
{ }

WebSocketTransport::~WebSocketTransport()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void WebSocketTransport::open(const QNetworkRequest &request)
{
    Q_ASSERT(!m_socket);
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(MaxIncomingMessageSize);
    if (!m_sslConfiguration.isNull())
        m_socket->setSslConfiguration(m_sslConfiguration);
    if (m_proxy)
        m_socket->setProxy(*m_proxy);
    connect(m_socket, &QWebSocket::connected, this, &WebSocketTransport::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &EngineTransport::textReceived);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &EngineTransport::binaryReceived);
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketTransport::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        &WebSocketTransport::onError);
    connect(m_socket, &QWebSocket::sslErrors, this, &WebSocketTransport::onSslErrors);
    m_socket->open(request);
}

void WebSocketTransport::onConnected()
{
    m_open = true;
    Q_EMIT opened();
}

qsizetype WebSocketTransport::write(const std::deque<EnginePacket> &packets)
{
    if (!m_open)
        return 0;
    for (const EnginePacket &packet : packets)
        send(packet);
    return qsizetype(packets.size());
}

void WebSocketTransport::send(const EnginePacket &packet)
{
    if (packet.isBinary)
        m_socket->sendBinaryMessage(packet.binary);
    else
        m_socket->sendTextMessage(packet.text);
}

void WebSocketTransport::close(const QList<EnginePacket> &farewell)
{
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    if (m_open && socket->isValid()) {
        for (const EnginePacket &packet : farewell) {
            if (packet.isBinary)
                socket->sendBinaryMessage(packet.binary);
            else
                socket->sendTextMessage(packet.text);
        }
        socket->flush();
    }
    m_open = false;
    socket->abort();
    socket->deleteLater();
}

void WebSocketTransport::onDisconnected()
{
    if (!m_socket)
        return;
    QString description = m_pendingError;
    if (description.isEmpty() && m_socket->closeCode() != QWebSocketProtocol::CloseCodeNormal)
        description = m_socket->closeReason().isEmpty()
            ? QStringLiteral("close code %1").arg(int(m_socket->closeCode()))
            : m_socket->closeReason();
    // A proxy that refuses the tunnel (403 to CONNECT) makes QWebSocket disconnect without an
    // error of its own.
    if (description.isEmpty() && !m_open)
        description = QStringLiteral("closed before the WebSocket handshake completed");
    // A WebSocket that never opened failed: that is a transport error, not a close.
    finish(m_open && m_pendingError.isEmpty() ? QStringLiteral("transport close")
                                              : QStringLiteral("transport error"),
        description);
}

void WebSocketTransport::onError(QAbstractSocket::SocketError error)
{
    // A peer that goes away closes the link, as a WebSocket close event does in the JavaScript
    // client; only failures are transport errors.
    if (error == QAbstractSocket::RemoteHostClosedError && m_open)
        return;
    // The first error is the cause (an SSL handshake failure follows the certificate errors).
    if (m_pendingError.isEmpty())
        m_pendingError = m_socket->errorString();
    qCInfo(lcSocketIo).noquote() << "websocket error:" << m_pendingError;
    // QWebSocket follows most errors with disconnected(); those that it does not (a refused
    // handshake) must still end the transport.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_socket)
                finish(QStringLiteral("transport error"), m_pendingError);
        },
        Qt::QueuedConnection);
}

void WebSocketTransport::onSslErrors(const QList<QSslError> &errors)
{
    // Never ignored: a certificate the system does not trust must be added as a CA by the user.
    QStringList texts;
    for (const QSslError &error : errors)
        texts << error.errorString();
    m_pendingError = QStringLiteral("TLS error: ") + texts.join(QStringLiteral("; "));
    qCWarning(lcSocketIo).noquote() << m_pendingError;
}

void WebSocketTransport::finish(const QString &reason, const QString &description)
{
    close();
    Q_EMIT closed(reason, description);
}

} // namespace SocketIo
