#include "socketservice.h"

#include "api/restclient.h"
#include "auth/jwtclaims.h"
#include "auth/session.h"
#include "logging.h"
#include "socketio/manager.h"
#include "socketio/socket.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaMethod>
#include <QUuid>

#include <cmath>

using namespace std::chrono_literals;

namespace {

const QString kMessageReceived = QStringLiteral("message:received");
const QString kDmReceived = QStringLiteral("dm:received");
const QString kUserStatus = QStringLiteral("user:status");
const QString kUserJoined = QStringLiteral("room:userJoined");
const QString kUserLeft = QStringLiteral("room:userLeft");
// Pages of the REST catch-up after a reconnect; beyond this the rest is reachable as history.
constexpr int kMissedPageSize = 100;
constexpr int kMissedMaxPages = 10;

bool isAuthenticationError(const QString &message)
{
    return message.startsWith(QLatin1String("Authentication error"));
}

} // namespace

SocketService::SocketService(QObject *parent)
    : QObject(parent)
    , m_rest(new RestClient(this))
    , m_senders(std::make_shared<SenderDirectory>())
    , m_rooms(new RoomListModel(this))
    , m_presence(new PresenceModel(this))
    , m_conversations(new ConversationListModel(this))
{
    m_retryTicker.setInterval(250);
    connect(&m_retryTicker, &QTimer::timeout, this, &SocketService::updateRetryCountdown);
    m_reopenTimer.setSingleShot(true);
    connect(&m_reopenTimer, &QTimer::timeout, this, [this] {
        if (m_socket && !m_socket->isConnected())
            m_socket->open();
    });
}

SocketService::~SocketService()
{
    // The socket must not call back into a half-destroyed service.
    if (m_manager) {
        QObject::disconnect(m_manager, nullptr, this, nullptr);
        QObject::disconnect(m_socket, nullptr, this, nullptr);
        delete m_manager;
    }
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

// ---------------------------------------------------------------------------------------------
// State

void SocketService::setState(ConnectionState state)
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
    Q_EMIT connectionStateChanged(state);
}

void SocketService::setError(const QString &error)
{
    if (m_errorString == error)
        return;
    m_errorString = error;
    Q_EMIT errorStringChanged();
}

void SocketService::setRestAvailable(bool available)
{
    if (m_restAvailable == available)
        return;
    m_restAvailable = available;
    if (!available) {
        qCInfo(lcChat) << "the server has no REST API: rooms are joined by id, no history";
        for (MessageListModel *model : std::as_const(m_roomModels))
            model->setHistoryUnavailable();
        for (MessageListModel *model : std::as_const(m_directModels))
            model->setHistoryUnavailable();
    }
    Q_EMIT restAvailableChanged();
}

void SocketService::setServerUrl(const QUrl &url)
{
    if (m_serverUrl == url)
        return;
    m_serverUrl = url;
    m_rest->setBaseUrl(url);
    Q_EMIT serverUrlChanged();
}

void SocketService::setSelfId(const QString &id)
{
    if (m_selfId == id)
        return;
    // Another user's data must not show under this one.
    if (!m_selfId.isEmpty())
        resetData();
    m_selfId = id;
    for (MessageListModel *model : std::as_const(m_roomModels))
        model->setSelfId(id);
    for (MessageListModel *model : std::as_const(m_directModels))
        model->setSelfId(id);
    Q_EMIT currentUserIdChanged();
}

void SocketService::resetData()
{
    m_outbox.clear();
    m_joinedRooms.clear();
    m_rooms->clear();
    m_presence->clear();
    m_conversations->clear();
    qDeleteAll(m_roomModels);
    qDeleteAll(m_directModels);
    m_roomModels.clear();
    m_directModels.clear();
    m_everConnected = false;
    Q_EMIT pendingCountChanged();
}

int SocketService::unconfirmedCount() const
{
    return int(std::count_if(
        m_outbox.begin(), m_outbox.end(), [](const Outgoing &entry) { return !entry.failed; }));
}

bool SocketService::isConnected() const
{
    return m_socket && m_socket->isConnected();
}

// ---------------------------------------------------------------------------------------------
// Connection

void SocketService::attachSession(Session *session)
{
    if (m_session)
        QObject::disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (!session)
        return;
    connect(session, &Session::signedIn, this, [this] {
        setServerUrl(m_session->serverUrl());
        init(m_session->token());
    });
    connect(session, &Session::signedOut, this, [this](const QString &reason) {
        const bool authFailed = m_state == AuthFailed;
        teardownConnection();
        m_token.clear();
        m_rest->setToken({});
        if (!reason.isEmpty())
            setError(reason);
        setState(authFailed ? AuthFailed : Disconnected);
    });
    if (session->state() == Session::SignedIn) {
        setServerUrl(session->serverUrl());
        init(session->token());
    }
}

void SocketService::teardownConnection()
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
    for (Outgoing &entry : m_outbox)
        entry.inFlight = false;
}

void SocketService::init(const QString &token)
{
    teardownConnection();
    if (!m_serverUrl.isValid() || m_serverUrl.host().isEmpty()) {
        setError(tr("No server address set."));
        setState(Disconnected);
        return;
    }
    const auto claims = JwtClaims::parse(token);
    setSelfId(claims ? claims->userId : QString());
    m_token = token;
    m_rest->setBaseUrl(m_serverUrl);
    m_rest->setToken(token);
    setError({});

    m_manager = new SocketIo::Manager(m_serverUrl, m_managerOptions, this);
    m_socket = m_manager->socket();
    // Asked on every attempt, so a token refreshed by a new init() is never stale.
    m_socket->setAuthProvider([this] {
        return QVariantMap { { QStringLiteral("token"), m_token } };
    });
    connect(m_socket, &SocketIo::Socket::connected, this, &SocketService::onSocketConnected);
    connect(m_socket, &SocketIo::Socket::disconnected, this, &SocketService::onSocketDisconnected);
    connect(m_socket, &SocketIo::Socket::connectError, this,
        [this](const QString &message, const QVariant &) { onConnectError(message); });
    connect(m_socket, &SocketIo::Socket::eventReceived, this, &SocketService::dispatchEvent);
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
    setState(m_everConnected ? Reconnecting : Connecting);
    qCInfo(lcChat) << "connecting to" << m_serverUrl.host() << "as user" << m_selfId;
    m_socket->open();
}

void SocketService::disconnect()
{
    teardownConnection();
    setState(Disconnected);
}

void SocketService::retryNow()
{
    if (!m_manager) {
        if (!m_token.isEmpty())
            init(m_token);
        return;
    }
    if (m_state == Reconnecting && m_manager->msUntilReconnect() >= 0) {
        m_manager->reconnectNow();
    } else if (!m_socket->isConnected()) {
        m_reopenTimer.stop();
        m_socket->open();
    }
}

void SocketService::updateRetryCountdown()
{
    const int ms = m_manager ? m_manager->msUntilReconnect() : -1;
    const int seconds = ms > 0 ? int(std::ceil(ms / 1000.0)) : 0;
    if (seconds != m_nextRetryIn) {
        m_nextRetryIn = seconds;
        Q_EMIT reconnectChanged();
    }
}

void SocketService::onSocketConnected()
{
    const bool isReconnect = m_everConnected;
    m_everConnected = true;
    m_reopenTimer.stop();
    setError({});
    setState(Connected);
    qCInfo(lcChat) << (isReconnect ? "reconnected" : "connected");

    // The server's room membership belongs to the socket: join again before sending anything.
    for (const QString &roomId : std::as_const(m_joinedRooms))
        emitJoin(roomId);
    for (Outgoing &entry : m_outbox) {
        if (!entry.failed && !entry.inFlight)
            transmit(entry);
    }
    if (isReconnect) {
        for (auto it = m_roomModels.cbegin(); it != m_roomModels.cend(); ++it)
            fetchMissed(it.key(), false, 0, {}, kMissedMaxPages);
        for (auto it = m_directModels.cbegin(); it != m_directModels.cend(); ++it)
            fetchMissed(it.key(), true, 0, {}, kMissedMaxPages);
    } else {
        loadInitialData();
    }
    notifyListeners(QStringLiteral("connect"), {});
    Q_EMIT connected();
}

void SocketService::onSocketDisconnected(const QString &reason)
{
    qCInfo(lcChat) << "disconnected:" << reason;
    if (reason == QLatin1String("io client disconnect")) {
        setState(Disconnected);
    } else {
        setState(Reconnecting);
        if (reason == QLatin1String("io server disconnect")) {
            // socket.io-client gives up here; a chat client should not (servers restart). Try
            // again after a pause; the manager's backoff covers failures from then on.
            m_reopenTimer.start(int(m_managerOptions.reconnectionDelay.count()));
        }
    }
    notifyListeners(QStringLiteral("disconnect"), SocketIo::JsonValue::fromVariant(reason));
    Q_EMIT disconnected(reason);
}

void SocketService::onConnectError(const QString &message)
{
    qCInfo(lcChat) << "connect_error:" << message;
    setError(message);
    notifyListeners(QStringLiteral("connect_error"),
        SocketIo::JsonValue::fromVariant(
            QVariantMap { { QStringLiteral("message"), message } }));
    Q_EMIT connectError(message);
    if (isAuthenticationError(message)) {
        teardownConnection();
        setState(AuthFailed);
        Q_EMIT authenticationFailed(message);
        if (m_session && m_session->state() == Session::SignedIn)
            m_session->endSession(message);
    }
}

// ---------------------------------------------------------------------------------------------
// Listeners

SocketService::ListenerId SocketService::on(const QString &event, Listener listener)
{
    const ListenerId id = m_nextListenerId++;
    m_listeners.push_back({ id, event, std::move(listener), QJSValue() });
    return id;
}

void SocketService::on(const QString &event, const QJSValue &callback)
{
    if (!callback.isCallable()) {
        qCWarning(lcChat) << "SocketService.on(" << event << "): the callback is not a function";
        return;
    }
    m_listeners.push_back({ m_nextListenerId++, event, {}, callback });
}

void SocketService::off(ListenerId listener)
{
    std::erase_if(
        m_listeners, [listener](const ListenerEntry &entry) { return entry.id == listener; });
}

void SocketService::off(const QString &event, const QJSValue &callback)
{
    const bool all = callback.isUndefined() || callback.isNull();
    std::erase_if(m_listeners, [&](const ListenerEntry &entry) {
        return entry.event == event
            && (all || (!entry.js.isUndefined() && entry.js.strictlyEquals(callback)));
    });
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

// ---------------------------------------------------------------------------------------------
// Rooms and sending

void SocketService::joinRoom(const QVariant &roomIdValue)
{
    const QString roomId = Payload::idString(roomIdValue);
    if (roomId.isEmpty()) {
        qCWarning(lcChat) << "joinRoom: not a room id:" << roomIdValue;
        return;
    }
    m_rooms->setJoined(roomId, true);
    messagesModel(roomId, false);
    if (m_joinedRooms.contains(roomId))
        return;
    m_joinedRooms.append(roomId);
    if (isConnected())
        emitJoin(roomId);
}

void SocketService::leaveRoom(const QVariant &roomIdValue)
{
    const QString roomId = Payload::idString(roomIdValue);
    if (!m_joinedRooms.removeOne(roomId))
        return;
    m_rooms->setJoined(roomId, false);
    if (isConnected())
        m_socket->emitEvent(QStringLiteral("room:leave"), { roomId });
}

bool SocketService::isJoined(const QVariant &roomId) const
{
    return m_joinedRooms.contains(Payload::idString(roomId));
}

void SocketService::emitJoin(const QString &roomId)
{
    QPointer<SocketService> guard(this);
    m_socket->emitEventWithAck(QStringLiteral("room:join"), { roomId },
        [guard, roomId](const SocketIo::AckResult &result) {
            if (!guard)
                return;
            SocketService *self = guard.data();
            if (result.ok()) {
                self->m_serverAcks = true;
                const SocketIo::JsonValue reply = result.args.value(0);
                if (!reply.value(u"ok").toBool(true)) {
                    const QString error = reply.value(u"error").toString();
                    qCWarning(lcChat) << "room" << roomId << "refused the join:" << error;
                    self->m_joinedRooms.removeOne(roomId);
                    self->m_rooms->setJoined(roomId, false);
                    Q_EMIT self->roomJoinFailed(roomId, error);
                    return;
                }
                Q_EMIT self->roomJoinConfirmed(roomId);
            } else if (result.error == SocketIo::Error::Timeout && !self->m_serverAcks) {
                // A seed-style server never acks: not refused is as good as it gets.
                Q_EMIT self->roomJoinConfirmed(roomId);
            }
        },
        { m_joinAckTimeout, false });
}

void SocketService::sendTyping(const QVariant &conversationId, bool direct, bool typing)
{
    const QString id = Payload::idString(conversationId);
    if (id.isEmpty() || !m_socket || !isConnected())
        return;
    const QVariantMap payload { { direct ? QStringLiteral("recipientId") : QStringLiteral("roomId"),
        id } };
    m_socket->emitEvent(typing ? QStringLiteral("typing:start") : QStringLiteral("typing:stop"),
        { payload }, SocketIo::EmitOptions { std::chrono::milliseconds(0), true });
}

QString SocketService::sendMessage(const QVariant &roomIdValue, const QString &text)
{
    const QString roomId = Payload::idString(roomIdValue);
    if (roomId.isEmpty() || text.trimmed().isEmpty()) {
        qCWarning(lcChat) << "sendMessage: needs a room id and a non-blank text";
        return {};
    }
    // The server only accepts messages to rooms this socket joined.
    if (!m_joinedRooms.contains(roomId))
        joinRoom(roomId);
    return queue(false, roomId, text);
}

QString SocketService::sendDirectMessage(const QVariant &recipientIdValue, const QString &text)
{
    const QString recipientId = Payload::idString(recipientIdValue);
    if (recipientId.isEmpty() || text.trimmed().isEmpty()) {
        qCWarning(lcChat) << "sendDirectMessage: needs a recipient id and a non-blank text";
        return {};
    }
    m_conversations->ensure(recipientId, m_senders->nameOf(recipientId), {});
    return queue(true, recipientId, text);
}

QString SocketService::queue(bool direct, const QString &targetId, const QString &text)
{
    Outgoing entry;
    entry.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.direct = direct;
    entry.targetId = targetId;
    entry.text = text;
    entry.createdAtMs = QDateTime::currentMSecsSinceEpoch();

    ChatMessage local;
    local.clientId = entry.clientId;
    local.text = text;
    local.createdAtMs = entry.createdAtMs;
    local.sender = m_selfId.isEmpty() ? 0 : m_senders->indexOf(m_selfId);
    local.state = ChatMessage::State::Pending;
    messagesModel(targetId, direct)->addPending(std::move(local));

    m_outbox.push_back(std::move(entry));
    Q_EMIT pendingCountChanged();
    if (isConnected())
        transmit(m_outbox.back());
    else
        qCDebug(lcChat) << "offline: message" << m_outbox.back().clientId << "kept pending";
    return m_outbox.back().clientId;
}

void SocketService::transmit(Outgoing &entry)
{
    entry.inFlight = true;
    const quint64 attempt = ++entry.attempt;
    const QString clientId = entry.clientId;
    const QVariantMap payload {
        { entry.direct ? QStringLiteral("recipientId") : QStringLiteral("roomId"), entry.targetId },
        { QStringLiteral("text"), entry.text },
        { QStringLiteral("clientId"), clientId },
    };
    QPointer<SocketService> guard(this);
    m_socket->emitEventWithAck(
        entry.direct ? QStringLiteral("dm:send") : QStringLiteral("message:send"), { payload },
        [guard, clientId, attempt](const SocketIo::AckResult &result) {
            if (guard)
                guard->onSendAck(clientId, attempt, result);
        },
        { m_ackTimeout, false });
}

void SocketService::onSendAck(
    const QString &clientId, quint64 attempt, const SocketIo::AckResult &result)
{
    Outgoing *entry = findOutgoing(clientId);
    if (!entry)
        return; // confirmed by its echo already
    if (entry->attempt == attempt)
        entry->inFlight = false;
    if (result.ok()) {
        m_serverAcks = true;
        const SocketIo::JsonValue reply = result.args.value(0);
        const SocketIo::JsonValue ok = reply.value(u"ok");
        if (ok.isBool() && ok.toBool()) {
            confirm(clientId, Payload::idString(reply.value(u"id")),
                Payload::timestampMs(reply.value(u"createdAt")), true);
        } else if (ok.isBool()) {
            QString error = reply.value(u"error").toString();
            if (error.isEmpty())
                error = tr("The server refused the message.");
            fail(clientId, error);
        } else {
            qCWarning(lcChat) << "unexpected ack for" << clientId << "- waiting for the echo";
        }
        return;
    }
    switch (result.error) {
    case SocketIo::Error::Timeout:
    case SocketIo::Error::Disconnected:
    case SocketIo::Error::None:
        // Not refused: it stays Pending and goes again (same clientId) after a reconnect. A
        // seed-style server never acks and confirms by its echo instead.
        qCDebug(lcChat) << "no ack for" << clientId << ":" << SocketIo::errorString(result.error);
        return;
    default:
        fail(clientId, SocketIo::errorString(result.error));
        return;
    }
}

SocketService::Outgoing *SocketService::findOutgoing(const QString &clientId)
{
    for (Outgoing &entry : m_outbox) {
        if (entry.clientId == clientId)
            return &entry;
    }
    return nullptr;
}

SocketService::Outgoing *SocketService::matchEcho(
    bool direct, const QString &targetId, const QString &text)
{
    for (Outgoing &entry : m_outbox) {
        if (!entry.failed && entry.direct == direct && entry.targetId == targetId
            && entry.text == text)
            return &entry;
    }
    return nullptr;
}

void SocketService::confirm(QString clientId, QString id, qint64 createdAtMs, bool enqueueCopy)
{
    const auto it = std::find_if(m_outbox.begin(), m_outbox.end(),
        [&clientId](const Outgoing &entry) { return entry.clientId == clientId; });
    if (it == m_outbox.end())
        return;
    const Outgoing entry = std::move(*it);
    m_outbox.erase(it);
    if (enqueueCopy) {
        ChatMessage message;
        message.setId(id);
        message.clientId = clientId;
        message.text = entry.text;
        const qint64 at = createdAtMs > 0 ? createdAtMs : entry.createdAtMs;
        message.createdAtMs = at;
        message.sender = m_selfId.isEmpty() ? 0 : m_senders->indexOf(m_selfId);
        messagesModel(entry.targetId, entry.direct)->enqueue(std::move(message));
        if (entry.direct)
            m_conversations->noteMessage(entry.targetId, entry.text, at, false);
        else
            m_rooms->noteMessage(entry.targetId, entry.text, at, false);
    }
    qCDebug(lcChat) << "message" << clientId << "confirmed as" << id;
    Q_EMIT pendingCountChanged();
    Q_EMIT messageConfirmed(clientId, id);
}

void SocketService::fail(const QString &clientId, const QString &error)
{
    Outgoing *entry = findOutgoing(clientId);
    if (!entry)
        return;
    entry->failed = true;
    entry->inFlight = false;
    qCWarning(lcChat) << "message" << clientId << "refused:" << error;
    messagesModel(entry->targetId, entry->direct)->markFailed(clientId, error);
    Q_EMIT messageFailed(clientId, error);
}

void SocketService::retry(const QString &clientId)
{
    Outgoing *entry = findOutgoing(clientId);
    if (!entry || !entry->failed)
        return;
    entry->failed = false;
    messagesModel(entry->targetId, entry->direct)->markPending(clientId);
    if (!entry->direct && !m_joinedRooms.contains(entry->targetId))
        joinRoom(entry->targetId);
    entry = findOutgoing(clientId); // joinRoom may have created a model, never touches the outbox
    if (isConnected())
        transmit(*entry);
}

void SocketService::discard(const QString &clientId)
{
    const auto it = std::find_if(m_outbox.begin(), m_outbox.end(),
        [&clientId](const Outgoing &entry) { return entry.clientId == clientId; });
    if (it == m_outbox.end())
        return;
    MessageListModel *model = messagesModel(it->targetId, it->direct);
    m_outbox.erase(it);
    model->removePending(clientId);
    Q_EMIT pendingCountChanged();
}

// ---------------------------------------------------------------------------------------------
// Incoming events

void SocketService::dispatchEvent(const QString &event, const SocketIo::Arguments &args)
{
    const SocketIo::JsonValue data = args.value(0);
    if (event == kMessageReceived)
        onRoomMessage(data);
    else if (event == kDmReceived)
        onDirectMessage(data);
    else if (event == kUserStatus)
        onUserStatus(data);
    else if (event == kUserJoined)
        onUserJoined(data);
    else if (event == kUserLeft)
        onUserLeft(data);
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

ChatMessage SocketService::toChatMessage(const Payload::Message &message)
{
    ChatMessage result;
    result.setId(message.id);
    result.clientId = message.clientId;
    result.text = message.text;
    result.createdAtMs = message.createdAtMs;
    result.sender = m_senders->intern(
        message.sender.id, message.sender.name, message.sender.avatar, message.sender.role);
    return result;
}

void SocketService::onRoomMessage(const SocketIo::JsonValue &data)
{
    QString why;
    const auto parsed = Payload::message(data, &why);
    if (!parsed || parsed->roomId.isEmpty()) {
        qCWarning(lcChat) << "message:received ignored:"
                          << (parsed ? QStringLiteral("no roomId") : why);
        return;
    }
    ChatMessage message = toChatMessage(*parsed);
    const bool mine = isSelf(parsed->sender.id);
    if (mine) {
        Outgoing *entry = parsed->clientId.isEmpty()
            ? matchEcho(false, parsed->roomId, parsed->text)
            : findOutgoing(parsed->clientId);
        if (entry) {
            message.clientId = entry->clientId;
            confirm(entry->clientId, parsed->id, parsed->createdAtMs, false);
        }
    }
    const qint64 at = message.createdAtMs;
    messagesModel(parsed->roomId, false)->enqueue(std::move(message));
    m_rooms->noteMessage(parsed->roomId, parsed->text, at, !mine);
}

void SocketService::onDirectMessage(const SocketIo::JsonValue &data)
{
    QString why;
    const auto parsed = Payload::message(data, &why);
    if (!parsed) {
        qCWarning(lcChat) << "dm:received ignored:" << why;
        return;
    }
    const bool mine = isSelf(parsed->sender.id);
    const QString peer = mine ? parsed->recipientId : parsed->sender.id;
    if (peer.isEmpty()) {
        qCWarning(lcChat) << "dm:received ignored: own message without recipientId";
        return;
    }
    ChatMessage message = toChatMessage(*parsed);
    if (mine) {
        Outgoing *entry = parsed->clientId.isEmpty() ? matchEcho(true, peer, parsed->text)
                                                     : findOutgoing(parsed->clientId);
        if (entry) {
            message.clientId = entry->clientId;
            confirm(entry->clientId, parsed->id, parsed->createdAtMs, false);
        }
    }
    const qint64 at = message.createdAtMs;
    messagesModel(peer, true)->enqueue(std::move(message));
    if (mine)
        m_conversations->ensure(peer, m_senders->nameOf(peer), {});
    else
        m_conversations->ensure(peer, parsed->sender.name, parsed->sender.avatar);
    m_conversations->noteMessage(peer, parsed->text, at, !mine);
}

void SocketService::onUserStatus(const SocketIo::JsonValue &data)
{
    const QString userId = Payload::idString(data.value(u"userId"));
    const QString status = Payload::string(data, u"status");
    if (userId.isEmpty() || status.isEmpty()) {
        qCWarning(lcChat) << "user:status ignored: needs userId and status";
        return;
    }
    const QString name = m_senders->nameOf(userId);
    if (m_presence->indexOf(userId) < 0 && !name.isEmpty())
        m_presence->upsertUser(
            QVariantMap { { QStringLiteral("id"), userId }, { QStringLiteral("name"), name } });
    m_presence->setStatus(userId, status, QDateTime::currentMSecsSinceEpoch());
}

void SocketService::onUserJoined(const SocketIo::JsonValue &data)
{
    const QString roomId = Payload::idString(data.value(u"roomId"));
    const SocketIo::JsonValue userData = data.value(u"user");
    const auto user = Payload::user(userData);
    if (roomId.isEmpty() || !user) {
        qCWarning(lcChat) << "room:userJoined ignored: needs roomId and user";
        return;
    }
    m_presence->upsertUser(userData.toVariant());
    ChatMessage notice;
    notice.kind = ChatMessage::Kind::Joined;
    notice.sender = m_senders->intern(user->id, user->name, user->avatar, user->role);
    notice.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    messagesModel(roomId, false)->enqueue(std::move(notice));
}

void SocketService::onUserLeft(const SocketIo::JsonValue &data)
{
    const QString roomId = Payload::idString(data.value(u"roomId"));
    const QString userId = Payload::idString(data.value(u"userId"));
    if (roomId.isEmpty() || userId.isEmpty()) {
        qCWarning(lcChat) << "room:userLeft ignored: needs roomId and userId";
        return;
    }
    ChatMessage notice;
    notice.kind = ChatMessage::Kind::Left;
    notice.sender = m_senders->indexOf(userId);
    notice.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    messagesModel(roomId, false)->enqueue(std::move(notice));
}

// ---------------------------------------------------------------------------------------------
// Models and REST

MessageListModel *SocketService::messagesModel(const QString &id, bool direct)
{
    auto &models = direct ? m_directModels : m_roomModels;
    if (MessageListModel *existing = models.value(id))
        return existing;
    auto *model = new MessageListModel(id, direct, m_senders, this);
    model->setSelfId(m_selfId);
    if (!m_restAvailable)
        model->setHistoryUnavailable();
    QPointer<SocketService> guard(this);
    model->setHistoryLoader([guard, id, direct](const QString &before, int limit,
                                std::function<void(MessageListModel::HistoryPage)> done) {
        if (guard)
            guard->loadHistory(id, direct, before, limit, std::move(done));
    });
    connect(model, &MessageListModel::retryRequested, this, &SocketService::retry);
    connect(model, &MessageListModel::discardRequested, this, &SocketService::discard);
    models.insert(id, model);
    return model;
}

MessageListModel *SocketService::roomMessages(const QVariant &roomId)
{
    const QString id = Payload::idString(roomId);
    if (id.isEmpty())
        return nullptr;
    MessageListModel *model = messagesModel(id, false);
    QQmlEngine::setObjectOwnership(model, QQmlEngine::CppOwnership);
    return model;
}

MessageListModel *SocketService::directMessages(const QVariant &userId)
{
    const QString id = Payload::idString(userId);
    if (id.isEmpty())
        return nullptr;
    MessageListModel *model = messagesModel(id, true);
    QQmlEngine::setObjectOwnership(model, QQmlEngine::CppOwnership);
    return model;
}

void SocketService::startConversation(const QVariant &userId)
{
    const QString id = Payload::idString(userId);
    if (id.isEmpty())
        return;
    const int row = m_presence->indexOf(id);
    const QVariantMap user = row >= 0 ? m_presence->get(row) : QVariantMap();
    m_conversations->ensure(id, user.value(QStringLiteral("name")).toString(),
        user.value(QStringLiteral("avatar")).toString());
    messagesModel(id, true);
}

void SocketService::markRoomRead(const QVariant &roomId)
{
    m_rooms->markRead(Payload::idString(roomId));
}

void SocketService::markConversationRead(const QVariant &userId)
{
    m_conversations->markRead(Payload::idString(userId));
}

void SocketService::loadInitialData()
{
    m_rest->fetchRooms(this, [this](const RestError &error, const QVariant &body) {
        if (error.kind == RestError::Kind::NotFound) {
            setRestAvailable(false);
            return;
        }
        if (!error.ok()) {
            qCWarning(lcChat) << "room list unavailable:" << error.message;
            return;
        }
        setRestAvailable(true);
        m_rooms->mergeServerList(body.toList());
        for (const QString &roomId : std::as_const(m_joinedRooms))
            m_rooms->setJoined(roomId, true);
    });
    m_rest->fetchUsers(this, [this](const RestError &error, const QVariant &body) {
        if (error.ok()) {
            for (const QVariant &value : body.toList()) {
                if (const auto user = Payload::user(value))
                    m_senders->intern(user->id, user->name, user->avatar, user->role);
            }
            m_presence->mergeServerList(body.toList());
        }
    });
    m_rest->fetchConversations(this, [this](const RestError &error, const QVariant &body) {
        if (error.ok())
            m_conversations->mergeServerList(body.toList());
    });
}

ChatMessage SocketService::adoptFetched(
    const QVariant &value, bool direct, const QString &conversationId, bool *ok)
{
    QString why;
    const auto parsed = Payload::message(value, &why);
    *ok = parsed.has_value();
    if (!parsed) {
        qCWarning(lcChat) << "a message from the server was ignored:" << why;
        return {};
    }
    ChatMessage message = toChatMessage(*parsed);
    if (isSelf(parsed->sender.id) && !parsed->clientId.isEmpty()
        && findOutgoing(parsed->clientId)) {
        // Stored before the link dropped: the pending copy is confirmed by this one.
        confirm(parsed->clientId, parsed->id, parsed->createdAtMs, false);
    }
    Q_UNUSED(direct)
    Q_UNUSED(conversationId)
    return message;
}

void SocketService::loadHistory(const QString &id, bool direct, const QString &before, int limit,
    std::function<void(MessageListModel::HistoryPage)> done)
{
    if (!m_restAvailable || !m_rest->hasToken()) {
        MessageListModel::HistoryPage page;
        page.complete = !m_restAvailable;
        page.ok = m_restAvailable ? false : true;
        done(std::move(page));
        return;
    }
    auto handle = [this, id, direct, limit, done](const RestError &error, const QVariant &body) {
        MessageListModel::HistoryPage page;
        if (!error.ok()) {
            page.ok = false;
            // 404: the room or user is unknown, or (seed backend) there is no such route.
            page.complete = error.kind == RestError::Kind::NotFound;
            qCInfo(lcChat) << "history of" << id << "unavailable:" << error.message;
            done(std::move(page));
            return;
        }
        const QVariantList list = body.toList();
        page.messages.reserve(size_t(list.size()));
        for (const QVariant &value : list) {
            bool ok = false;
            ChatMessage message = adoptFetched(value, direct, id, &ok);
            if (ok)
                page.messages.push_back(std::move(message));
        }
        page.complete = list.size() < limit;
        done(std::move(page));
    };
    if (direct)
        m_rest->fetchDirectMessages(id, before, limit, this, handle);
    else
        m_rest->fetchRoomMessages(id, before, limit, this, handle);
}

void SocketService::fetchMissed(
    const QString &id, bool direct, qint64 knownNewest, const QString &before, int pagesLeft)
{
    if (!m_restAvailable)
        return;
    MessageListModel *model = messagesModel(id, direct);
    if (before.isEmpty() && model->rowCount() == 0) {
        // Nothing shown yet: history loads on demand, there is nothing to catch up with.
        Q_EMIT missedMessagesMerged(id, direct);
        return;
    }
    if (before.isEmpty()) {
        // The newest message we had when the catch-up started: everything above it is missed.
        bool numeric = false;
        knownNewest = model->newestId().toLongLong(&numeric);
        if (!numeric)
            knownNewest = 0;
    }
    auto handle = [this, id, direct, knownNewest, pagesLeft](
                      const RestError &error, const QVariant &body) {
        if (!error.ok()) {
            if (error.kind == RestError::Kind::NotFound)
                qCInfo(lcChat) << "no catch-up for" << id << ":" << error.message;
            else
                qCWarning(lcChat) << "catch-up of" << id << "failed:" << error.message;
            Q_EMIT missedMessagesMerged(id, direct);
            return;
        }
        const QVariantList list = body.toList();
        MessageListModel *target = messagesModel(id, direct);
        bool reachedKnown = knownNewest == 0; // nothing known: one page is the catch-up
        QString oldestInPage;
        int added = 0;
        for (const QVariant &value : list) {
            bool ok = false;
            ChatMessage message = adoptFetched(value, direct, id, &ok);
            if (!ok)
                continue;
            if (message.numericId > 0 && message.numericId <= knownNewest) {
                reachedKnown = true;
                continue;
            }
            oldestInPage = message.id();
            target->enqueue(std::move(message));
            ++added;
        }
        qCDebug(lcChat) << "catch-up of" << id << ":" << added << "messages";
        if (!reachedKnown && list.size() == kMissedPageSize && pagesLeft > 1
            && !oldestInPage.isEmpty()) {
            fetchMissed(id, direct, knownNewest, oldestInPage, pagesLeft - 1);
            return;
        }
        target->flush();
        Q_EMIT missedMessagesMerged(id, direct);
    };
    if (direct)
        m_rest->fetchDirectMessages(id, before, kMissedPageSize, this, handle);
    else
        m_rest->fetchRoomMessages(id, before, kMissedPageSize, this, handle);
}
