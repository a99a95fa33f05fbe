#include "socketservice.h"

#include "auth/session.h"
#include "chatconnection.h"
#include "conversationmanager.h"
#include "logging.h"
#include "payload.h"

#include <QCoreApplication>
#include <QMetaMethod>

SocketService::SocketService(QObject *parent)
    : QObject(parent)
    , m_manager(new ConversationManager(this))
{
    ChatConnection *link = m_manager->connection();
    connect(link, &ChatConnection::connected, this, [this] {
        notifyListeners(QStringLiteral("connect"), {});
        Q_EMIT connected();
    });
    connect(link, &ChatConnection::disconnected, this,
        [this](ChatConnection::DisconnectReason, const QString &description) {
            notifyListeners(
                QStringLiteral("disconnect"), SocketIo::JsonValue::fromVariant(description));
            Q_EMIT disconnected(description);
        });
    connect(link, &ChatConnection::connectError, this, [this](const QString &message) {
        notifyListeners(QStringLiteral("connect_error"),
            SocketIo::JsonValue::fromVariant(
                QVariantMap { { QStringLiteral("message"), message } }));
        Q_EMIT connectError(message);
    });
}

SocketService::~SocketService() = default;

void SocketService::followRawEvents()
{
    if (m_followingRawEvents)
        return;
    m_followingRawEvents = true;
    connect(m_manager->connection(), &ChatConnection::eventReceived, this, &SocketService::onEvent);
}

void SocketService::connectNotify(const QMetaMethod &signal)
{
    if (signal == QMetaMethod::fromSignal(&SocketService::eventReceived))
        followRawEvents();
    QObject::connectNotify(signal);
}

SocketService *SocketService::globalInstance()
{
    static QPointer<SocketService> instance;
    if (!instance) {
        instance = new SocketService(QCoreApplication::instance());
        instance->attachSession(Session::globalInstance());
    }
    return instance;
}

SocketService *SocketService::create(QQmlEngine *, QJSEngine *jsEngine)
{
    SocketService *service = globalInstance();
    service->m_jsEngine = jsEngine;
    QJSEngine::setObjectOwnership(service, QJSEngine::CppOwnership);
    return service;
}

ChatConnection *SocketService::connection() const
{
    return m_manager->connection();
}

void SocketService::attachSession(Session *session)
{
    m_manager->attachSession(session);
}

void SocketService::init(const QString &token)
{
    m_manager->connectWithToken(m_serverUrl, token);
}

bool SocketService::isConnected() const
{
    return m_manager->connection()->isConnected();
}

void SocketService::disconnect()
{
    m_manager->disconnectFromServer();
}

void SocketService::joinRoom(const QVariant &roomIdValue)
{
    const QString roomId = Payload::idString(roomIdValue);
    if (roomId.isEmpty()) {
        qCWarning(lcChat) << "joinRoom: not a room id:" << roomIdValue;
        return;
    }
    m_manager->join(m_manager->conversation(ConversationKey::room(roomId), true));
}

void SocketService::leaveRoom(const QVariant &roomIdValue)
{
    const QString roomId = Payload::idString(roomIdValue);
    if (Conversation *room = m_manager->find(ConversationKey::room(roomId)))
        m_manager->leave(room);
}

bool SocketService::isJoined(const QString &roomId) const
{
    const Conversation *room = m_manager->find(ConversationKey::room(roomId));
    return room && room->isMember();
}

QString SocketService::sendMessage(const QVariant &roomIdValue, const QString &text)
{
    const QString roomId = Payload::idString(roomIdValue);
    if (roomId.isEmpty() || text.trimmed().isEmpty()) {
        qCWarning(lcChat) << "sendMessage: needs a room id and a non-blank text";
        return {};
    }
    return m_manager->send(m_manager->conversation(ConversationKey::room(roomId), true), text);
}

QString SocketService::sendDirectMessage(const QVariant &recipientIdValue, const QString &text)
{
    const QString recipientId = Payload::idString(recipientIdValue);
    if (recipientId.isEmpty() || text.trimmed().isEmpty()) {
        qCWarning(lcChat) << "sendDirectMessage: needs a recipient id and a non-blank text";
        return {};
    }
    return m_manager->send(
        m_manager->conversation(ConversationKey::directWith(recipientId), true), text);
}

MessageListModel *SocketService::roomMessages(const QVariant &roomId)
{
    return m_manager->conversation(ConversationKey::room(Payload::idString(roomId)))->messages();
}

MessageListModel *SocketService::directMessages(const QVariant &userId)
{
    return m_manager->conversation(ConversationKey::directWith(Payload::idString(userId)))
        ->messages();
}

// ---------------------------------------------------------------------------------------------
// Listeners

SocketService::ListenerId SocketService::on(const QString &event, Listener listener)
{
    const ListenerId id = m_nextListenerId++;
    m_listeners.push_back({ id, event, std::move(listener), QJSValue() });
    followRawEvents();
    return id;
}

void SocketService::on(const QString &event, const QJSValue &callback)
{
    if (!callback.isCallable()) {
        qCWarning(lcChat) << "SocketService.on(" << event << "): the callback is not a function";
        return;
    }
    m_listeners.push_back({ m_nextListenerId++, event, {}, callback });
    followRawEvents();
}

void SocketService::off(ListenerId listener)
{
    std::erase_if(
        m_listeners, [listener](const ListenerEntry &entry) { return entry.id == listener; });
}

void SocketService::off(const QString &event, const QJSValue &callback)
{
    const bool all = callback.isUndefined() || callback.isNull();
    // Only JS listeners: C++ code removes its own by id.
    std::erase_if(m_listeners, [&](const ListenerEntry &entry) {
        return entry.event == event && !entry.cpp && (all || entry.js.strictlyEquals(callback));
    });
}

void SocketService::onEvent(const QString &event, const SocketIo::Arguments &args)
{
    const SocketIo::JsonValue data = args.value(0);
    // The Qt form costs a map node and a QString per field: only for someone who asks for it.
    static const QMetaMethod eventReceivedSignal =
        QMetaMethod::fromSignal(&SocketService::eventReceived);
    if (isSignalConnected(eventReceivedSignal)) {
        const QVariant variant = data.toVariant();
        notifyListeners(event, data, &variant);
        Q_EMIT eventReceived(event, variant);
    } else {
        notifyListeners(event, data);
    }
}

void SocketService::notifyListeners(
    const QString &event, const SocketIo::JsonValue &data, const QVariant *variant)
{
    if (m_listeners.empty())
        return;
    // Listeners may call on()/off(): work on the ids that exist now.
    std::vector<ListenerId> ids;
    for (const ListenerEntry &entry : m_listeners) {
        if (entry.event == event)
            ids.push_back(entry.id);
    }
    QVariant jsData;
    for (ListenerId id : ids) {
        const auto it = std::find_if(m_listeners.begin(), m_listeners.end(),
            [id](const ListenerEntry &entry) { return entry.id == id; });
        if (it == m_listeners.end())
            continue;
        if (it->cpp) {
            const Listener listener = it->cpp;
            listener(data);
            continue;
        }
        QJSValue function = it->js;
        QJSEngine *engine = m_jsEngine ? m_jsEngine.data() : qjsEngine(this);
        if (!engine) {
            qCWarning(lcChat) << "no JS engine to call the listener of" << event;
            continue;
        }
        // Made once, for the first JS listener.
        if (!variant) {
            jsData = data.toVariant();
            variant = &jsData;
        }
        const QJSValue result = function.call({ engine->toScriptValue(*variant) });
        if (result.isError())
            qCWarning(lcChat) << "listener of" << event << "threw:" << result.toString();
    }
}
