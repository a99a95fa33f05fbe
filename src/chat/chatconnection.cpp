#include "chatconnection.h"

#include "logging.h"
#include "serversettings.h"
#include "socketio/manager.h"
#include "socketio/socket.h"

#include <QMetaMethod>
#include <QSettings>

#include <cmath>

namespace {

bool isAuthenticationError(const QString &message)
{
    return message.startsWith(QLatin1String("Authentication error"));
}

// The transport that worked last with a server, kept between runs (nothing secret), so that on a
// network without WebSocket the next start goes straight to polling instead of waiting for the
// WebSocket to fail; polling still upgrades when the network lets it.
QString transportKey(const QUrl &server)
{
    return serverSettingsKey(server, QStringLiteral("transport"));
}

} // namespace

ChatConnection::ChatConnection(QObject *parent)
    : QObject(parent)
{
    m_retryTicker.setInterval(250);
    connect(&m_retryTicker, &QTimer::timeout, this, &ChatConnection::updateRetryCountdown);
    m_reopenTimer.setSingleShot(true);
    connect(&m_reopenTimer, &QTimer::timeout, this, [this] {
        if (m_socket && !m_socket->isConnected())
            m_socket->open();
    });
}

ChatConnection::~ChatConnection()
{
    // The socket must not call back into a half-destroyed connection.
    if (m_manager) {
        QObject::disconnect(m_manager, nullptr, this, nullptr);
        QObject::disconnect(m_socket, nullptr, this, nullptr);
        delete m_manager;
    }
}

bool ChatConnection::isConnected() const
{
    return m_socket && m_socket->isConnected();
}

void ChatConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (state == Reconnecting)
        m_retryTicker.start();
    else
        m_retryTicker.stop();
    if (state == Connected && (m_reconnectAttempt != 0 || m_nextRetryIn != 0)) {
        m_reconnectAttempt = 0;
        m_nextRetryIn = 0;
        Q_EMIT reconnectChanged();
    }
    Q_EMIT stateChanged(state);
}

void ChatConnection::setError(const QString &error)
{
    if (m_errorString == error)
        return;
    m_errorString = error;
    Q_EMIT errorStringChanged();
}

void ChatConnection::teardown()
{
    m_reopenTimer.stop();
    if (!m_manager)
        return;
    // May run inside one of the manager's own signals: detach now, delete later.
    QObject::disconnect(m_manager, nullptr, this, nullptr);
    QObject::disconnect(m_socket, nullptr, this, nullptr);
    m_socket->close();
    m_manager->close();
    m_manager->deleteLater();
    m_manager = nullptr;
    m_socket = nullptr;
    setTransport(NoTransport);
}

void ChatConnection::setTransport(Transport transport)
{
    if (m_transport == transport)
        return;
    m_transport = transport;
    Q_EMIT transportChanged();
}

void ChatConnection::open(const QUrl &server, const QString &token, const QString &selfId)
{
    const bool wasConnectedBefore = m_everConnected && m_selfId == selfId;
    teardown();
    if (!server.isValid() || server.host().isEmpty()) {
        setError(tr("No server address set."));
        setState(Disconnected);
        return;
    }
    if (m_selfId != selfId && m_everConnected) {
        m_everConnected = false;
        Q_EMIT everConnectedChanged();
    }
    m_server = server;
    m_token = token;
    m_selfId = selfId;
    setError({});

    SocketIo::ManagerOptions options = m_options;
    if (QSettings().value(transportKey(server)).toString()
        == SocketIo::transportName(SocketIo::TransportKind::Polling))
        options.firstTransport = SocketIo::TransportKind::Polling;
    m_manager = new SocketIo::Manager(server, options, this);
    m_socket = m_manager->socket();
    connect(m_manager, &SocketIo::Manager::transportChanged, this,
        [this, server](SocketIo::TransportKind kind) {
            if (m_options.transports == SocketIo::TransportPolicy::Auto)
                QSettings().setValue(transportKey(server), SocketIo::transportName(kind));
            setTransport(kind == SocketIo::TransportKind::Polling ? Polling : WebSocket);
        });
    // Asked on every attempt, so a token refreshed by a new open() is never stale.
    m_socket->setAuthProvider([this] {
        return QVariantMap { { QStringLiteral("token"), m_token } };
    });
    connect(m_socket, &SocketIo::Socket::connected, this, &ChatConnection::onConnected);
    connect(m_socket, &SocketIo::Socket::disconnected, this, &ChatConnection::onDisconnected);
    connect(m_socket, &SocketIo::Socket::connectError, this,
        [this](const QString &message, const QVariant &) { onConnectError(message); });
    connect(m_socket, &SocketIo::Socket::eventReceived, this, &ChatConnection::dispatchEvent);
    connect(m_manager, &SocketIo::Manager::reconnectScheduled, this, [this](int attempt, int) {
        if (m_state == AuthFailed)
            return;
        m_reconnectAttempt = attempt;
        setState(Reconnecting);
        updateRetryCountdown();
        Q_EMIT reconnectChanged();
    });
    connect(m_manager, &SocketIo::Manager::reconnectAttemptStarted, this, [this](int attempt) {
        m_reconnectAttempt = attempt;
        updateRetryCountdown();
        Q_EMIT reconnectChanged();
    });
    setState(wasConnectedBefore ? Reconnecting : Connecting);
    qCInfo(lcChat) << "connecting to" << server.host() << "as user" << selfId;
    m_socket->open();
}

void ChatConnection::close()
{
    teardown();
    setState(m_state == AuthFailed ? AuthFailed : Disconnected);
}

void ChatConnection::closeAndForget()
{
    close();
    m_token.clear();
}

void ChatConnection::retryNow()
{
    if (!m_manager) {
        if (!m_token.isEmpty() && m_state != AuthFailed)
            open(m_server, m_token, m_selfId);
        return;
    }
    if (m_state == Reconnecting && m_manager->msUntilReconnect() >= 0) {
        m_manager->reconnectNow();
    } else if (!m_socket->isConnected()) {
        m_reopenTimer.stop();
        m_socket->open();
    }
}

void ChatConnection::reopen()
{
    if (m_token.isEmpty() || m_state == AuthFailed)
        return;
    if (isConnected()) {
        teardown();
        setState(Reconnecting);
        qCInfo(lcChat) << "reconnecting with new network settings";
        Q_EMIT disconnected(OtherReason, QStringLiteral("network settings changed"));
    }
    open(m_server, m_token, m_selfId);
}

void ChatConnection::updateRetryCountdown()
{
    const int ms = m_manager ? m_manager->msUntilReconnect() : -1;
    const int seconds = ms > 0 ? int(std::ceil(ms / 1000.0)) : 0;
    if (seconds != m_nextRetryIn) {
        m_nextRetryIn = seconds;
        Q_EMIT reconnectChanged();
    }
}

void ChatConnection::onConnected()
{
    const bool reconnect = m_everConnected;
    m_reopenTimer.stop();
    setError({});
    setState(Connected);
    if (!m_everConnected) {
        m_everConnected = true;
        Q_EMIT everConnectedChanged();
    }
    qCInfo(lcChat) << (reconnect ? "reconnected" : "connected");
    Q_EMIT connected(reconnect);
}

ChatConnection::DisconnectReason ChatConnection::reasonFromString(const QString &reason)
{
    // The reasons of socket.io-client, as SocketIo::Socket reports them.
    static const QHash<QString, DisconnectReason> reasons {
        { QStringLiteral("io client disconnect"), ClientDisconnect },
        { QStringLiteral("io server disconnect"), ServerDisconnect },
        { QStringLiteral("transport close"), TransportClose },
        { QStringLiteral("transport error"), TransportError },
        { QStringLiteral("ping timeout"), PingTimeout },
        { QStringLiteral("parse error"), ParseError },
    };
    return reasons.value(reason, OtherReason);
}

void ChatConnection::onDisconnected(const QString &description)
{
    qCInfo(lcChat) << "disconnected:" << description;
    setTransport(NoTransport);
    const DisconnectReason reason = reasonFromString(description);
    if (reason == ClientDisconnect) {
        setState(Disconnected);
    } else {
        setState(Reconnecting);
        if (reason == ServerDisconnect) {
            // socket.io-client gives up here; a chat client should not (servers restart). Try
            // again after a pause; the manager's backoff covers failures from then on.
            m_reopenTimer.start(int(m_options.reconnectionDelay.count()));
        }
    }
    Q_EMIT disconnected(reason, description);
}

void ChatConnection::onConnectError(const QString &message)
{
    qCInfo(lcChat) << "connect_error:" << message;
    setError(message);
    Q_EMIT connectError(message);
    if (isAuthenticationError(message)) {
        teardown();
        setState(AuthFailed);
        Q_EMIT authenticationFailed(message);
    }
}

void ChatConnection::emitWithAck(const QString &event, const QVariantList &args,
    AckCallback callback, std::chrono::milliseconds timeout)
{
    if (!m_socket) {
        callback({ SocketIo::Error::Disconnected, {} });
        return;
    }
    QPointer<ChatConnection> guard(this);
    m_socket->emitEventWithAck(event, args,
        [guard, callback = std::move(callback)](const SocketIo::AckResult &result) {
            if (guard && result.ok())
                guard->m_serverAcks = true;
            callback(result);
        },
        { timeout, false });
}

void ChatConnection::emitVolatile(const QString &event, const QVariantList &args)
{
    if (m_socket && m_socket->isConnected())
        m_socket->emitEvent(
            event, args, SocketIo::EmitOptions { std::chrono::milliseconds(0), true });
}

// ---------------------------------------------------------------------------------------------
// Server events

void ChatConnection::dispatchEvent(const QString &event, const SocketIo::Arguments &args)
{
    using Reader = void (ChatConnection::*)(const SocketIo::JsonValue &);
    static const QString roomMessage = QStringLiteral("message:received");
    static const QHash<QString, Reader> readers {
        { QStringLiteral("dm:received"), &ChatConnection::readDirectMessage },
        { QStringLiteral("user:status"), &ChatConnection::readUserStatus },
        { QStringLiteral("room:userJoined"), &ChatConnection::readUserJoined },
        { QStringLiteral("room:userLeft"), &ChatConnection::readUserLeft },
        { QStringLiteral("typing:update"), &ChatConnection::readTyping },
        { QStringLiteral("conversation:read"), &ChatConnection::readConversationRead },
        { QStringLiteral("message:updated"), &ChatConnection::readMessageUpdated },
        { QStringLiteral("message:deleted"), &ChatConnection::readMessageDeleted },
        { QStringLiteral("message:reactions"), &ChatConnection::readReactions },
        { QStringLiteral("thread:updated"), &ChatConnection::readThreadUpdated },
        { QStringLiteral("room:pins"), &ChatConnection::readRoomPins },
    };
    // By far the most frequent event: one compare instead of hashing its name.
    if (event == roomMessage)
        readRoomMessage(args.value(0));
    else if (const Reader reader = readers.value(event))
        (this->*reader)(args.value(0));
    static const QMetaMethod eventReceivedSignal =
        QMetaMethod::fromSignal(&ChatConnection::eventReceived);
    if (isSignalConnected(eventReceivedSignal))
        Q_EMIT eventReceived(event, args);
}

void ChatConnection::readRoomMessage(const SocketIo::JsonValue &data)
{
    QString why;
    const auto message = Payload::message(data, &why);
    if (!message || message->roomId.isEmpty()) {
        qCWarning(lcChat) << "message:received ignored:"
                          << (message ? QStringLiteral("no roomId") : why);
        return;
    }
    Q_EMIT roomMessageReceived(*message);
}

void ChatConnection::readDirectMessage(const SocketIo::JsonValue &data)
{
    QString why;
    const auto message = Payload::message(data, &why);
    if (!message) {
        qCWarning(lcChat) << "dm:received ignored:" << why;
        return;
    }
    const bool mine = !m_selfId.isEmpty() && message->sender.id == m_selfId;
    const QString peer = mine ? message->recipientId : message->sender.id;
    if (peer.isEmpty()) {
        qCWarning(lcChat) << "dm:received ignored: own message without recipientId";
        return;
    }
    Q_EMIT directMessageReceived(*message, peer);
}

void ChatConnection::readUserStatus(const SocketIo::JsonValue &data)
{
    const QString userId = Payload::idString(data.value(u"userId"));
    const QString status = Payload::string(data, u"status");
    if (userId.isEmpty() || status.isEmpty()) {
        qCWarning(lcChat) << "user:status ignored: needs userId and status";
        return;
    }
    Q_EMIT userStatusChanged(userId, status == u"online");
}

void ChatConnection::readUserJoined(const SocketIo::JsonValue &data)
{
    const QString roomId = Payload::idString(data.value(u"roomId"));
    const auto user = Payload::user(data.value(u"user"));
    if (roomId.isEmpty() || !user) {
        qCWarning(lcChat) << "room:userJoined ignored: needs roomId and user";
        return;
    }
    const SocketIo::JsonValue flag = data.value(u"newMember");
    const Membership membership = !flag.isBool() ? Membership::Unknown
        : flag.toBool()                          ? Membership::New
                                                 : Membership::Existing;
    Q_EMIT userJoinedRoom(roomId, *user, membership);
}

void ChatConnection::readUserLeft(const SocketIo::JsonValue &data)
{
    const QString roomId = Payload::idString(data.value(u"roomId"));
    const QString userId = Payload::idString(data.value(u"userId"));
    if (roomId.isEmpty() || userId.isEmpty()) {
        qCWarning(lcChat) << "room:userLeft ignored: needs roomId and userId";
        return;
    }
    Q_EMIT userLeftRoom(roomId, userId);
}

void ChatConnection::readTyping(const SocketIo::JsonValue &data)
{
    const QString roomId = Payload::idString(data.value(u"roomId"));
    Payload::User user;
    if (const auto sent = Payload::user(data.value(u"user")))
        user = *sent;
    else
        user.id = Payload::idString(data.value(u"userId"));
    if (user.id.isEmpty() || user.id == m_selfId)
        return; // nobody, or our own other client
    // A DM notice is addressed to us; the conversation is the one with its sender.
    const ConversationKey where =
        roomId.isEmpty() ? ConversationKey::directWith(user.id) : ConversationKey::room(roomId);
    Q_EMIT typingChanged(where, user, data.value(u"typing").toBool(false));
}

void ChatConnection::readConversationRead(const SocketIo::JsonValue &data)
{
    const QString roomId = Payload::idString(data.value(u"roomId"));
    const QString userId = Payload::idString(data.value(u"userId"));
    const QString lastReadId = Payload::idString(data.value(u"lastReadId"));
    if ((roomId.isEmpty() == userId.isEmpty()) || lastReadId.isEmpty()) {
        qCWarning(lcChat) << "conversation:read ignored: needs roomId or userId, and lastReadId";
        return;
    }
    Q_EMIT conversationRead(
        roomId.isEmpty() ? ConversationKey::directWith(userId) : ConversationKey::room(roomId),
        lastReadId);
}

std::optional<MessageRef> ChatConnection::messageRef(
    const SocketIo::JsonValue &data, const char *event) const
{
    MessageRef ref;
    ref.id = Payload::idString(data.value(u"id")).toLongLong();
    ref.threadId = Payload::idString(data.value(u"threadId")).toLongLong();
    const QString kind = Payload::string(data, u"kind");
    if (kind == u"room") {
        ref.where = ConversationKey::room(Payload::idString(data.value(u"roomId")));
    } else if (kind == u"dm") {
        const QString senderId = Payload::idString(data.value(u"senderId"));
        const QString recipientId = Payload::idString(data.value(u"recipientId"));
        // The conversation is with whoever of the two is not us.
        ref.where = ConversationKey::directWith(senderId == m_selfId ? recipientId : senderId);
    }
    if (ref.id <= 0 || !ref.where.isValid()) {
        qCWarning(lcChat) << event << "ignored: needs kind, a numeric id and its conversation";
        return std::nullopt;
    }
    return ref;
}

void ChatConnection::readMessageUpdated(const SocketIo::JsonValue &data)
{
    const auto ref = messageRef(data, "message:updated");
    const SocketIo::JsonValue text = data.value(u"text");
    if (!ref || !text.isString()) {
        if (ref)
            qCWarning(lcChat) << "message:updated ignored: no text";
        return;
    }
    Q_EMIT messageEdited(*ref, text.toString(), Payload::timestampMs(data.value(u"editedAt")),
        Payload::idList(data.value(u"mentions")));
}

void ChatConnection::readMessageDeleted(const SocketIo::JsonValue &data)
{
    if (const auto ref = messageRef(data, "message:deleted"))
        Q_EMIT messageDeleted(*ref);
}

void ChatConnection::readReactions(const SocketIo::JsonValue &data)
{
    if (const auto ref = messageRef(data, "message:reactions"))
        Q_EMIT reactionsChanged(*ref, Payload::reactions(data.value(u"reactions")));
}

void ChatConnection::readThreadUpdated(const SocketIo::JsonValue &data)
{
    const QString roomId = Payload::idString(data.value(u"roomId"));
    const qint64 rootId = Payload::idString(data.value(u"threadId")).toLongLong();
    const auto thread = Payload::thread(data);
    if (roomId.isEmpty() || rootId <= 0 || !thread) {
        qCWarning(lcChat) << "thread:updated ignored: needs roomId and threadId";
        return;
    }
    Q_EMIT threadChanged(roomId, rootId, *thread);
}

void ChatConnection::readRoomPins(const SocketIo::JsonValue &data)
{
    const QString roomId = Payload::idString(data.value(u"roomId"));
    if (roomId.isEmpty() || !data.value(u"pins").isArray()) {
        qCWarning(lcChat) << "room:pins ignored: needs roomId and pins";
        return;
    }
    Q_EMIT pinsChanged(roomId, Payload::idList(data.value(u"pins")));
}
