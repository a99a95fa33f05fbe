#include "engineconnection.h"

#include "logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QWebSocket>

namespace SocketIo {

namespace {

// Engine.IO v4 packet types, as the first character of a text frame.
constexpr char16_t OpenPacket = u'0';
constexpr char16_t ClosePacket = u'1';
constexpr char16_t PingPacket = u'2';
constexpr char16_t PongPacket = u'3';
constexpr char16_t MessagePacket = u'4';
constexpr char16_t UpgradePacket = u'5';
constexpr char16_t NoopPacket = u'6';

// Incoming frames beyond this are refused by QWebSocket (the connection closes) rather than
// buffered without bound.
constexpr quint64 MaxIncomingMessageSize = 64 * 1024 * 1024;

} // namespace

EngineConnection::EngineConnection(QObject *parent)
    : QObject(parent)
{
    m_openTimer.setSingleShot(true);
    connect(&m_openTimer, &QTimer::timeout, this,
        [this] { finish(QStringLiteral("transport error"), QStringLiteral("timeout")); });
    m_pingTimer.setSingleShot(true);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcSocketIo) << "no ping from the server within pingInterval + pingTimeout";
        finish(QStringLiteral("ping timeout"), QString());
    });
}

EngineConnection::~EngineConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void EngineConnection::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_sslConfiguration = configuration;
}

void EngineConnection::open(const QNetworkRequest &request, std::chrono::milliseconds timeout)
{
    if (m_state != State::Closed)
        return;
    m_state = State::Opening;
    m_pendingError.clear();
    m_handshake = Handshake();

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(MaxIncomingMessageSize);
    if (!m_sslConfiguration.isNull())
        m_socket->setSslConfiguration(m_sslConfiguration);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &EngineConnection::onTextFrame);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &EngineConnection::onBinaryFrame);
    connect(m_socket, &QWebSocket::disconnected, this, &EngineConnection::onSocketDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        &EngineConnection::onSocketError);
    connect(m_socket, &QWebSocket::sslErrors, this, &EngineConnection::onSslErrors);

    // The URL's query may carry application data; never log it (it can hold credentials).
    qCDebug(lcSocketIo).noquote() << "opening"
                                  << request.url().toString(
                                         QUrl::RemoveQuery | QUrl::RemoveUserInfo);
    m_openTimer.start(timeout);
    m_socket->open(request);
}

void EngineConnection::close()
{
    if (m_state == State::Closed)
        return;
    if (m_state == State::Open && m_socket->isValid())
        m_socket->sendTextMessage(QString(ClosePacket));
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
    m_socket->sendTextMessage(frame);
    return true;
}

bool EngineConnection::sendBinary(const QByteArray &data)
{
    if (m_state != State::Open || pingDeadlinePassed())
        return false;
    m_socket->sendBinaryMessage(data);
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
    return m_handshake.maxPayload <= 0 || data.size() <= m_handshake.maxPayload;
}

void EngineConnection::onTextFrame(const QString &frame)
{
    if (frame.isEmpty()) {
        finish(QStringLiteral("parse error"), QStringLiteral("empty Engine.IO packet"));
        return;
    }
    const char16_t type = frame.front().unicode();
    if (m_state == State::Opening) {
        if (type != OpenPacket) {
            finish(QStringLiteral("parse error"),
                QStringLiteral("expected the Engine.IO open packet"));
            return;
        }
        handleOpenPacket(QStringView(frame).mid(1));
        return;
    }
    if (m_state != State::Open)
        return;

    switch (type) {
    case MessagePacket:
        Q_EMIT messageReceived(frame);
        return;
    case PingPacket:
        resetPingDeadline();
        // A ping may carry data ("probe" during upgrades); the pong echoes it.
        m_socket->sendTextMessage(QString(PongPacket) + QStringView(frame).mid(1));
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

void EngineConnection::onBinaryFrame(const QByteArray &frame)
{
    if (m_state != State::Open) {
        finish(
            QStringLiteral("parse error"), QStringLiteral("binary frame before the open packet"));
        return;
    }
    Q_EMIT binaryReceived(frame);
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

    m_openTimer.stop();
    m_state = State::Open;
    resetPingDeadline();
    qCDebug(lcSocketIo) << "engine open; ping interval" << pingInterval << "timeout" << pingTimeout
                        << "max payload" << m_handshake.maxPayload;
    Q_EMIT opened();
}

void EngineConnection::resetPingDeadline()
{
    m_sinceLastPing.start();
    m_pingTimer.start(m_handshake.pingInterval + m_handshake.pingTimeout);
}

void EngineConnection::onSocketDisconnected()
{
    if (m_state == State::Closed)
        return;
    QString description = m_pendingError;
    if (description.isEmpty() && m_socket->closeCode() != QWebSocketProtocol::CloseCodeNormal)
        description = m_socket->closeReason().isEmpty()
            ? QStringLiteral("close code %1").arg(int(m_socket->closeCode()))
            : m_socket->closeReason();
    // A connection that never opened failed: that is a transport error, not a close.
    const bool wasOpen = m_state == State::Open;
    finish(wasOpen && m_pendingError.isEmpty() ? QStringLiteral("transport close")
                                               : QStringLiteral("transport error"),
        description);
}

void EngineConnection::onSocketError(QAbstractSocket::SocketError error)
{
    // A peer that goes away closes the link, as a WebSocket close event does in the JavaScript
    // client; only failures are transport errors.
    if (error == QAbstractSocket::RemoteHostClosedError && m_state == State::Open)
        return;
    // The first error is the cause (an SSL handshake failure follows the certificate errors).
    if (m_pendingError.isEmpty())
        m_pendingError = m_socket->errorString();
    qCInfo(lcSocketIo).noquote() << "transport error:" << m_pendingError;
    // QWebSocket follows most errors with disconnected(); those that it does not (a refused
    // handshake) must still end the attempt.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_state != State::Closed)
                finish(QStringLiteral("transport error"), m_pendingError);
        },
        Qt::QueuedConnection);
}

void EngineConnection::onSslErrors(const QList<QSslError> &errors)
{
    // Never ignored: a certificate the system does not trust must be added as a CA by the user.
    QStringList texts;
    for (const QSslError &error : errors)
        texts << error.errorString();
    m_pendingError = QStringLiteral("TLS error: ") + texts.join(QStringLiteral("; "));
    qCWarning(lcSocketIo).noquote() << m_pendingError;
}

void EngineConnection::finish(const QString &reason, const QString &description)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_openTimer.stop();
    m_pingTimer.stop();
    m_sinceLastPing.invalidate();
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    qCDebug(lcSocketIo).noquote() << "engine closed:" << reason << description;
    Q_EMIT closed(reason, description);
}

} // namespace SocketIo
