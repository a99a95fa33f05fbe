#pragma once

#include "conversationkey.h"
#include "payload.h"
#include "socketio/ackresult.h"
#include "socketio/arguments.h"
#include "socketio/manageroptions.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>

namespace SocketIo {
class Manager;
class Socket;
} // namespace SocketIo

/// The one link to the StudyConnect server: owns the Socket.IO Manager and Socket, keeps the
/// connection state and the retry countdown, and turns every server event it knows into one typed
/// signal with its payload already read (bad payloads are logged and dropped here). It knows the
/// event names; nothing above it does.
///
///   state         entered when                                 signals
///   Disconnected  close(), a local disconnect, before open()   stateChanged, disconnected
///   Connecting    open() before the first connect              stateChanged
///   Connected     the namespace CONNECT succeeded               stateChanged, connected
///   Reconnecting  the link dropped, or open() after a connect  stateChanged, disconnected,
///                 (a countdown runs: retryIn, attempt)         reconnectChanged
///   AuthFailed    connect_error "Authentication error: ..."    stateChanged, authenticationFailed
class ChatConnection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use ConversationManager.connection")

    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    /// The number of the reconnection attempt in progress or scheduled (0 when connected).
    Q_PROPERTY(int reconnectAttempt READ reconnectAttempt NOTIFY reconnectChanged)
    /// Seconds until the next reconnection attempt (0 when none is scheduled).
    Q_PROPERTY(int nextRetryIn READ nextRetryIn NOTIFY reconnectChanged)
    /// Why the last connection attempt failed (connect_error message); empty when connected.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    /// Connected at least once since open(): the views tell "connecting" from "reconnecting".
    Q_PROPERTY(bool everConnected READ everConnected NOTIFY everConnectedChanged)
    /// What carries the link while it is up (NoTransport otherwise): Polling under the Auto
    /// policy means this network (a proxy, a firewall) lets no WebSocket through, which the
    /// views may say.
    Q_PROPERTY(Transport transport READ transport NOTIFY transportChanged)

public:
    enum State
    {
        Disconnected,
        Connecting,
        Connected,
        Reconnecting,
        AuthFailed
    };
    Q_ENUM(State)

    /// Why the link went down: socket.io-client's closed set of reasons.
    enum DisconnectReason
    {
        ClientDisconnect,
        ServerDisconnect,
        TransportClose,
        TransportError,
        PingTimeout,
        ParseError,
        OtherReason
    };
    Q_ENUM(DisconnectReason)

    /// The Engine.IO transport in use; a closed set the views compare, never a string.
    enum Transport
    {
        NoTransport,
        WebSocket,
        Polling
    };
    Q_ENUM(Transport)

    /// Whether a room:userJoined is a new membership (the reference backend says so; a seed
    /// backend sends the event on every join and cannot tell).
    enum class Membership
    {
        New,
        Existing,
        Unknown
    };

    explicit ChatConnection(QObject *parent = nullptr);
    ~ChatConnection() override;

    /// Connects with this token (a new connection if one exists) as the user `selfId` (the
    /// token's `id` claim, which the session has read).
    void open(const QUrl &server, const QString &token, const QString &selfId);
    /// Closes the link; nothing reconnects until open() or retryNow().
    void close();
    /// Closes the link and forgets the token (signed out): retryNow() does nothing then.
    void closeAndForget();
    /// Skips the reconnection countdown; after close(), opens the link again.
    void retryNow();
    /// Opens a new link with the current options (setManagerOptions()) and token, connected or
    /// not: network settings changed. A link that was up reports `disconnected` first, so the
    /// outbox and the room joins start over as after any reconnect. Nothing after closeAndForget()
    /// or an authentication failure.
    void reopen();

    State state() const { return m_state; }
    bool isConnected() const;
    int reconnectAttempt() const { return m_reconnectAttempt; }
    int nextRetryIn() const { return m_nextRetryIn; }
    QString errorString() const { return m_errorString; }
    bool everConnected() const { return m_everConnected; }
    Transport transport() const { return m_transport; }
    /// The transport policy the next open() uses (setManagerOptions()).
    SocketIo::TransportPolicy transportPolicy() const { return m_options.transports; }
    /// Once any ack came back: the server acks (a seed backend never does).
    bool serverAcks() const { return m_serverAcks; }

    void setManagerOptions(const SocketIo::ManagerOptions &options) { m_options = options; }

    using AckCallback = std::function<void(const SocketIo::AckResult &result)>;
    /// Emits with an ack; the callback runs exactly once (with Timeout/Disconnected at worst).
    void emitWithAck(const QString &event, const QVariantList &args, AckCallback callback,
        std::chrono::milliseconds timeout);
    /// Emits now or never: dropped while offline (typing notices).
    void emitVolatile(const QString &event, const QVariantList &args);

    static DisconnectReason reasonFromString(const QString &reason);

    /// The entry point of every server event, as the socket delivers it (also used by the
    /// benchmarks to feed decoded events without a network).
    void dispatchEvent(const QString &event, const SocketIo::Arguments &args);

Q_SIGNALS:
    void stateChanged(ChatConnection::State state);
    void reconnectChanged();
    void errorStringChanged();
    void everConnectedChanged();
    void transportChanged();
    /// `reconnect` when connected before since open().
    void connected(bool reconnect);
    void disconnected(ChatConnection::DisconnectReason reason, const QString &description);
    void connectError(const QString &message);
    void authenticationFailed(const QString &reason);

    // --- one signal per server event ---
    void roomMessageReceived(const Payload::Message &message);
    /// `peerId` is the other user: the sender, or the recipient of our own echo.
    void directMessageReceived(const Payload::Message &message, const QString &peerId);
    void userStatusChanged(const QString &userId, bool online);
    void userJoinedRoom(
        const QString &roomId, const Payload::User &user, ChatConnection::Membership membership);
    void userLeftRoom(const QString &roomId, const QString &userId);
    void typingChanged(const ConversationKey &where, const Payload::User &user, bool typing);
    /// Another of our clients read up to `lastReadId` (reference backend).
    void conversationRead(const ConversationKey &where, const QString &lastReadId);
    /// message:updated: the author edited it (feature edit).
    void messageEdited(const MessageRef &message, const QString &text, qint64 editedAtMs,
        const QStringList &mentions);
    /// message:deleted (feature delete).
    void messageDeleted(const MessageRef &message);
    /// message:reactions: the whole new list (feature reactions).
    void reactionsChanged(
        const MessageRef &message, const QList<MessageDetails::Reaction> &reactions);
    /// thread:updated: a new reply, or resolved/reopened (feature threads).
    void threadChanged(const QString &roomId, qint64 rootId, const MessageDetails::Thread &thread);
    /// room:pins: the room's pinned message ids, in pin order (feature pins).
    void pinsChanged(const QString &roomId, const QStringList &pinnedIds);
    /// Every event, after the typed signals (for the seed API's on()); connected only on demand.
    void eventReceived(const QString &event, const SocketIo::Arguments &args);

private:
    void setState(State state);
    void setError(const QString &error);
    void teardown();
    void onConnected();
    void onDisconnected(const QString &reason);
    void onConnectError(const QString &message);
    void updateRetryCountdown();
    void setTransport(Transport transport);

    void readRoomMessage(const SocketIo::JsonValue &data);
    void readDirectMessage(const SocketIo::JsonValue &data);
    void readUserStatus(const SocketIo::JsonValue &data);
    void readUserJoined(const SocketIo::JsonValue &data);
    void readUserLeft(const SocketIo::JsonValue &data);
    void readTyping(const SocketIo::JsonValue &data);
    void readConversationRead(const SocketIo::JsonValue &data);
    void readMessageUpdated(const SocketIo::JsonValue &data);
    void readMessageDeleted(const SocketIo::JsonValue &data);
    void readReactions(const SocketIo::JsonValue &data);
    void readThreadUpdated(const SocketIo::JsonValue &data);
    void readRoomPins(const SocketIo::JsonValue &data);
    /// The message a study event is about; nullopt (logged) when the payload does not say.
    std::optional<MessageRef> messageRef(const SocketIo::JsonValue &data, const char *event) const;

    SocketIo::ManagerOptions m_options;
    SocketIo::Manager *m_manager = nullptr;
    SocketIo::Socket *m_socket = nullptr;
    QUrl m_server;
    QString m_token;
    /// Our own user id, from the token, to find our own DM echoes' peer.
    QString m_selfId;
    State m_state = Disconnected;
    int m_reconnectAttempt = 0;
    int m_nextRetryIn = 0;
    QTimer m_retryTicker;
    QTimer m_reopenTimer;
    QString m_errorString;
    bool m_everConnected = false;
    bool m_serverAcks = false;
    Transport m_transport = NoTransport;
};
