#pragma once

#include "socketio/arguments.h"
#include "socketio/jsonvalue.h"

#include <QJSValue>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QUrl>

#include <functional>
#include <vector>

class ChatConnection;
class ConversationManager;
class MessageListModel;
class Session;

/// The seed's browser SocketService (socketService.js) in C++: init, isConnected, joinRoom,
/// leaveRoom, sendMessage, sendDirectMessage, on, off, disconnect. A thin facade: the work is
/// done by ConversationManager (conversations, outbox, history) over ChatConnection (the link),
/// which it owns. Unlike the original it loses nothing: sends made offline wait in the outbox,
/// joined rooms are re-joined after every reconnect and missed messages are fetched.
class SocketService : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    /// C++ listeners read the event's data in place; JS listeners get its toVariant().
    using Listener = std::function<void(const SocketIo::JsonValue &data)>;
    using ListenerId = quint64;

    /// No default argument on purpose: a default-constructible type would make Qt 6.4 create its
    /// own QML singleton instead of calling create().
    explicit SocketService(QObject *parent);
    ~SocketService() override;

    /// The instance the app and the QML singletons share, attached to Session::globalInstance().
    static SocketService *globalInstance();
    static SocketService *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    // --- the seed's API ---
    /// Connects with this token (a new connection if one exists). The server URL must be set.
    Q_INVOKABLE void init(const QString &token);
    Q_INVOKABLE bool isConnected() const;
    /// Joins now when connected, else on connect; re-joined after every reconnect and start.
    Q_INVOKABLE void joinRoom(const QVariant &roomId);
    /// Ends the membership.
    Q_INVOKABLE void leaveRoom(const QVariant &roomId);
    /// Returns the message's clientId (empty when the text is blank). Joins the room if needed.
    Q_INVOKABLE QString sendMessage(const QVariant &roomId, const QString &text);
    Q_INVOKABLE QString sendDirectMessage(const QVariant &recipientId, const QString &text);
    /// Calls the JS function with each event's data (first argument), until off().
    /// Also "connect", "disconnect" (data: reason) and "connect_error" (data: {message}).
    Q_INVOKABLE void on(const QString &event, const QJSValue &callback);
    /// Without a callback: removes every JS listener of the event.
    Q_INVOKABLE void off(const QString &event, const QJSValue &callback = QJSValue());
    ListenerId on(const QString &event, Listener listener);
    void off(ListenerId listener);
    /// Closes the connection; pending messages stay queued for the next init().
    Q_INVOKABLE void disconnect();

    // --- C++ ---
    void setServerUrl(const QUrl &url) { m_serverUrl = url; }
    QUrl serverUrl() const { return m_serverUrl; }
    void attachSession(Session *session);
    ConversationManager *manager() const { return m_manager; }
    ChatConnection *connection() const;
    bool isJoined(const QString &roomId) const;
    /// The messages of a room or a direct conversation (created when missing).
    MessageListModel *roomMessages(const QVariant &roomId);
    MessageListModel *directMessages(const QVariant &userId);

Q_SIGNALS:
    void connected();
    void disconnected(const QString &reason);
    void connectError(const QString &message);
    /// Every server event in its Qt form (made only when something is connected here).
    void eventReceived(const QString &event, const QVariant &data);

protected:
    void connectNotify(const QMetaMethod &signal) override;

private:
    struct ListenerEntry
    {
        ListenerId id;
        QString event;
        Listener cpp;
        QJSValue js;
    };
    /// Raw events are followed only while someone listens: the ingest path pays nothing otherwise.
    void followRawEvents();
    void onEvent(const QString &event, const SocketIo::Arguments &args);
    /// `variant`, when given, is data's Qt form already made.
    void notifyListeners(
        const QString &event, const SocketIo::JsonValue &data, const QVariant *variant = nullptr);

    ConversationManager *m_manager;
    QUrl m_serverUrl;
    QPointer<QJSEngine> m_jsEngine;
    std::vector<ListenerEntry> m_listeners;
    bool m_followingRawEvents = false;
    ListenerId m_nextListenerId = 1;
};
