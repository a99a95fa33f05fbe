#pragma once

#include "conversationlistmodel.h"
#include "messagelistmodel.h"
#include "payload.h"
#include "presencemodel.h"
#include "roomlistmodel.h"
#include "socketio/ackresult.h"
#include "socketio/arguments.h"
#include "socketio/jsonvalue.h"
#include "socketio/manageroptions.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJSValue>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

class RestClient;
class Session;
namespace SocketIo {
class Manager;
class Socket;
} // namespace SocketIo

/// The app's one connection to StudyConnect, with the API of the browser client's
/// socketService.js (init, isConnected, joinRoom, leaveRoom, sendMessage, sendDirectMessage, on,
/// off, disconnect) and none of its silent losses:
///  - a send made while offline is kept Pending and delivered once connected;
///  - every send carries a clientId, so re-sending after a reconnect is idempotent;
///  - joined rooms are re-joined after every reconnect, and messages missed meanwhile are fetched
///    over REST and merged without duplicates;
///  - a message is confirmed by the server's ack, or (seed backends never ack) by its own
///    message:received / dm:received echo, matched by clientId or else by target and text;
///  - it becomes Failed only when the server explicitly refuses it; retry/discard from the model.
///
/// It also fills the models the UI binds to: rooms, presence, conversations, and one
/// MessageListModel per room and per direct conversation. Ids are compared as strings.
class SocketService : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(ConnectionState connectionState READ connectionState NOTIFY connectionStateChanged)
    /// The number of the reconnection attempt in progress or scheduled (0 when connected).
    Q_PROPERTY(int reconnectAttempt READ reconnectAttempt NOTIFY reconnectChanged)
    /// Seconds until the next reconnection attempt (0 when none is scheduled).
    Q_PROPERTY(int nextRetryIn READ nextRetryIn NOTIFY reconnectChanged)
    Q_PROPERTY(QUrl serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    /// The signed-in user's id, from the token's `id` claim.
    Q_PROPERTY(QString currentUserId READ currentUserId NOTIFY currentUserIdChanged)
    /// Why the last connection attempt failed (connect_error message); empty when connected.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    /// False when the server has no REST API (the seed's backend): no room list, no history.
    Q_PROPERTY(bool restAvailable READ restAvailable NOTIFY restAvailableChanged)
    /// Own messages not yet confirmed by the server (Pending and Failed).
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(RoomListModel *rooms READ rooms CONSTANT)
    Q_PROPERTY(PresenceModel *presence READ presence CONSTANT)
    Q_PROPERTY(ConversationListModel *conversations READ conversations CONSTANT)

public:
    enum ConnectionState
    {
        Disconnected,
        Connecting,
        Connected,
        Reconnecting,
        AuthFailed
    };
    Q_ENUM(ConnectionState)

    /// C++ listeners read the event's data in place; JS listeners get its toVariant().
    using Listener = std::function<void(const SocketIo::JsonValue &data)>;
    using ListenerId = quint64;

    /// No default argument on purpose: a default-constructible type would make Qt 6.4 create its
    /// own QML singleton instead of calling create().
    explicit SocketService(QObject *parent);
    ~SocketService() override;

    /// The instance the app and the QML singleton share, attached to Session::globalInstance().
    static SocketService *globalInstance();
    static SocketService *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    // --- the seed's API ---
    /// Connects with this token (a new connection if one exists). The server URL must be set.
    Q_INVOKABLE void init(const QString &token);
    Q_INVOKABLE bool isConnected() const;
    /// Joins now when connected, else on connect; re-joined after every reconnect.
    Q_INVOKABLE void joinRoom(const QVariant &roomId);
    Q_INVOKABLE void leaveRoom(const QVariant &roomId);
    /// Returns the message's clientId (empty when the text is blank). Joins the room if needed.
    Q_INVOKABLE QString sendMessage(const QVariant &roomId, const QString &text);
    Q_INVOKABLE QString sendDirectMessage(const QVariant &recipientId, const QString &text);
    /// Calls the JS function with each event's data (first argument), until off().
    /// Also "connect", "disconnect" (data: reason) and "connect_error" (data: {message}).
    Q_INVOKABLE void on(const QString &event, const QJSValue &callback);
    /// Without a callback: removes every listener of the event (C++ ones too).
    Q_INVOKABLE void off(const QString &event, const QJSValue &callback = QJSValue());
    ListenerId on(const QString &event, Listener listener);
    void off(ListenerId listener);
    /// Closes the connection; pending messages stay queued for the next init().
    Q_INVOKABLE void disconnect();

    // --- beyond the seed ---
    Q_INVOKABLE void retryNow();
    /// The model of a room's messages, owned by the service (stays valid until it is destroyed).
    Q_INVOKABLE MessageListModel *roomMessages(const QVariant &roomId);
    /// The model of the direct conversation with this user.
    Q_INVOKABLE MessageListModel *directMessages(const QVariant &userId);
    /// Shows a conversation with this user in `conversations` before any message is exchanged.
    Q_INVOKABLE void startConversation(const QVariant &userId);
    Q_INVOKABLE void markRoomRead(const QVariant &roomId);
    Q_INVOKABLE void markConversationRead(const QVariant &userId);
    Q_INVOKABLE bool isJoined(const QVariant &roomId) const;
    Q_INVOKABLE void retry(const QString &clientId);
    Q_INVOKABLE void discard(const QString &clientId);
    /// Tells the others in a room (or the DM peer when `direct`) that the user started or stopped
    /// typing. Volatile: a notice that cannot go out now is stale later, so it is dropped offline.
    Q_INVOKABLE void sendTyping(const QVariant &conversationId, bool direct, bool typing);

    ConnectionState connectionState() const { return m_state; }
    int reconnectAttempt() const { return m_reconnectAttempt; }
    int nextRetryIn() const { return m_nextRetryIn; }
    QUrl serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QUrl &url);
    QString currentUserId() const { return m_selfId; }
    QString errorString() const { return m_errorString; }
    bool restAvailable() const { return m_restAvailable; }
    int pendingCount() const { return int(m_outbox.size()); }
    /// Own messages that are still Pending (not Failed).
    int unconfirmedCount() const;
    RoomListModel *rooms() const { return m_rooms; }
    PresenceModel *presence() const { return m_presence; }
    ConversationListModel *conversations() const { return m_conversations; }
    QStringList joinedRooms() const { return m_joinedRooms; }

    /// Connects to a Session: signing in connects, signing out disconnects, and a refused token
    /// ends the session with the server's reason.
    void attachSession(Session *session);
    /// Reconnection and timeouts (tests use short ones).
    void setManagerOptions(const SocketIo::ManagerOptions &options) { m_managerOptions = options; }
    void setAckTimeout(std::chrono::milliseconds timeout) { m_ackTimeout = timeout; }
    /// The entry point of every server event, as the socket delivers it (also used by the
    /// benchmarks to feed decoded events without a network).
    void dispatchEvent(const QString &event, const SocketIo::Arguments &args);

Q_SIGNALS:
    void connectionStateChanged(SocketService::ConnectionState state);
    void reconnectChanged();
    void serverUrlChanged();
    void currentUserIdChanged();
    void errorStringChanged();
    void restAvailableChanged();
    void pendingCountChanged();
    void connected();
    void disconnected(const QString &reason);
    void connectError(const QString &message);
    /// The server refused the token (connect_error "Authentication error: ...").
    void authenticationFailed(const QString &reason);
    /// Every server event, after the models were updated (data in its Qt form: made only when
    /// something is connected).
    void eventReceived(const QString &event, const QVariant &data);
    void messageConfirmed(const QString &clientId, const QString &id);
    void messageFailed(const QString &clientId, const QString &error);
    /// The server acknowledged room:join, or (a server that never acks) did not refuse it in time.
    void roomJoinConfirmed(const QString &roomId);
    void roomJoinFailed(const QString &roomId, const QString &error);
    /// The REST catch-up after a reconnect finished for this room or conversation.
    void missedMessagesMerged(const QString &conversationId, bool isDirect);

private:
    struct Outgoing
    {
        QString clientId;
        bool direct = false;
        /// The room id, or the recipient's id.
        QString targetId;
        QString text;
        qint64 createdAtMs = 0;
        bool inFlight = false;
        bool failed = false;
        quint64 attempt = 0;
    };
    struct ListenerEntry
    {
        ListenerId id;
        QString event;
        Listener cpp;
        QJSValue js;
    };

    void setState(ConnectionState state);
    void setError(const QString &error);
    void setRestAvailable(bool available);
    void setSelfId(const QString &id);
    void teardownConnection();
    void resetData();

    void onSocketConnected();
    void onSocketDisconnected(const QString &reason);
    void onConnectError(const QString &message);
    void updateRetryCountdown();

    void onRoomMessage(const SocketIo::JsonValue &data);
    void onDirectMessage(const SocketIo::JsonValue &data);
    void onUserStatus(const SocketIo::JsonValue &data);
    void onUserJoined(const SocketIo::JsonValue &data);
    void onUserLeft(const SocketIo::JsonValue &data);
    /// `variant`, when given, is data's Qt form already made.
    void notifyListeners(
        const QString &event, const SocketIo::JsonValue &data, const QVariant *variant = nullptr);

    MessageListModel *messagesModel(const QString &id, bool direct);
    ChatMessage toChatMessage(const Payload::Message &message);
    bool isSelf(const QString &userId) const { return !m_selfId.isEmpty() && userId == m_selfId; }

    QString queue(bool direct, const QString &targetId, const QString &text);
    void transmit(Outgoing &entry);
    void emitJoin(const QString &roomId);
    void onSendAck(const QString &clientId, quint64 attempt, const SocketIo::AckResult &result);
    Outgoing *findOutgoing(const QString &clientId);
    /// The oldest unconfirmed send that an echo without clientId may stand for.
    Outgoing *matchEcho(bool direct, const QString &targetId, const QString &text);
    /// Confirms an outbox entry: gone from the outbox, replaced in its model by the server's copy.
    /// By value: callers pass strings that live in the entry being removed.
    void confirm(QString clientId, QString id, qint64 createdAtMs, bool enqueueCopy);
    void fail(const QString &clientId, const QString &error);

    void loadInitialData();
    void fetchMissed(
        const QString &id, bool direct, qint64 knownNewest, const QString &before, int pagesLeft);
    void loadHistory(const QString &id, bool direct, const QString &before, int limit,
        std::function<void(MessageListModel::HistoryPage)> done);
    /// A message from a REST page: interned, and confirming our own pending send by clientId.
    ChatMessage adoptFetched(
        const QVariant &value, bool direct, const QString &conversationId, bool *ok);

    QUrl m_serverUrl;
    QString m_token;
    QString m_selfId;
    SocketIo::ManagerOptions m_managerOptions;
    std::chrono::milliseconds m_ackTimeout { 10000 };
    std::chrono::milliseconds m_joinAckTimeout { 3000 };
    SocketIo::Manager *m_manager = nullptr;
    SocketIo::Socket *m_socket = nullptr;
    RestClient *m_rest;
    QPointer<Session> m_session;
    QPointer<QJSEngine> m_jsEngine;

    ConnectionState m_state = Disconnected;
    int m_reconnectAttempt = 0;
    int m_nextRetryIn = 0;
    QTimer m_retryTicker;
    QTimer m_reopenTimer;
    QString m_errorString;
    bool m_restAvailable = true;
    bool m_everConnected = false;
    /// Set once the server answered any ack: a server that never does is seed-style.
    bool m_serverAcks = false;

    std::shared_ptr<SenderDirectory> m_senders;
    RoomListModel *m_rooms;
    PresenceModel *m_presence;
    ConversationListModel *m_conversations;
    QHash<QString, MessageListModel *> m_roomModels;
    QHash<QString, MessageListModel *> m_directModels;
    QStringList m_joinedRooms;
    std::vector<Outgoing> m_outbox;
    std::vector<ListenerEntry> m_listeners;
    ListenerId m_nextListenerId = 1;
};
