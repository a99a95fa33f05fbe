#include "conversationmanager.h"

#include "api/restclient.h"
#include "auth/jwtclaims.h"
#include "auth/session.h"
#include "historysync.h"
#include "logging.h"
#include "senderdirectory.h"
#include "serversettings.h"
#include "socketservice.h"

#include <QRegularExpression>

namespace {

const QString kRoomJoin = QStringLiteral("room:join");
const QString kRoomLeave = QStringLiteral("room:leave");
const QString kReadFeature = QStringLiteral("readState");

QString targetField(const ConversationKey &key)
{
    return key.direct ? QStringLiteral("recipientId") : QStringLiteral("roomId");
}

} // namespace

ConversationManager::ConversationManager(QObject *parent)
    : QObject(parent)
    , m_connection(new ChatConnection(this))
    , m_ownRest(new RestClient(this))
    , m_rest(m_ownRest)
    , m_senders(std::make_shared<SenderDirectory>())
    , m_rooms(new ConversationListModel(ConversationListModel::Order::Insertion, this))
    , m_directs(new ConversationListModel(ConversationListModel::Order::RecentFirst, this))
    , m_people(new PresenceModel(this))
    , m_store(new MessageStore(this))
{
    m_history = new HistorySync(
        [this](const ConversationKey &key, const QString &before, const QString &after, int limit,
            HistorySync::Reply reply) {
            if (key.direct)
                m_rest->fetchDirectMessages(key.id, before, after, limit, this, std::move(reply));
            else
                m_rest->fetchRoomMessages(key.id, before, after, limit, this, std::move(reply));
        },
        this);
    m_saver.setSingleShot(true);
    m_saver.setInterval(500);
    connect(&m_saver, &QTimer::timeout, this, &ConversationManager::keepConversations);
    connect(m_store, &MessageStore::statusChanged, this, &ConversationManager::offlineStoreChanged);
    // The open room's member list shows presence; others' changes do not rebuild it.
    connect(m_people, &PresenceModel::statusChanged, this, [this](const QString &userId) {
        if (m_current && !m_current->isDirect())
            m_current->notePresenceOf(userId);
    });
    m_outbox = new Outbox(
        [this](const Outbox::Entry &entry, Outbox::Done done) { transmit(entry, std::move(done)); },
        this);

    connect(m_outbox, &Outbox::added, this, [this](const Outbox::Entry &entry) {
        if (entry.action != Outbox::Action::Send) {
            notePendingChange(entry, true);
            return;
        }
        conversation(entry.target, true);
        if (MessageListModel *list = listFor(entry.target, entry.threadId))
            list->addPending(pendingCopy(entry), localPathsOf(entry));
    });
    connect(m_outbox, &Outbox::confirmed, this, &ConversationManager::onConfirmed);
    connect(m_outbox, &Outbox::actionAccepted, this, &ConversationManager::onActionAccepted);
    connect(
        m_outbox, &Outbox::failed, this, [this](const Outbox::Entry &entry, const QString &error) {
            if (entry.action != Outbox::Action::Send) {
                onActionFailed(entry, error);
                return;
            }
            if (MessageListModel *list = listFor(entry.target, entry.threadId))
                list->markFailed(entry.clientId, error);
            m_store->setOutboxFailed(entry.clientId, true, error);
            Q_EMIT messageFailed(entry.clientId, error);
        });
    connect(m_outbox, &Outbox::retried, this, [this](const Outbox::Entry &entry) {
        Conversation *target = conversation(entry.target);
        if (MessageListModel *list = listFor(entry.target, entry.threadId))
            list->markPending(entry.clientId);
        m_store->setOutboxFailed(entry.clientId, false, {});
        if (!entry.target.direct && !target->isMember())
            join(target);
    });
    connect(m_outbox, &Outbox::discarded, this, [this](const Outbox::Entry &entry) {
        if (entry.action != Outbox::Action::Send)
            notePendingChange(entry, false);
        else if (MessageListModel *list = listFor(entry.target, entry.threadId))
            list->removePending(entry.clientId);
        m_store->removeOutboxEntry(entry.clientId);
    });
    connect(m_outbox, &Outbox::sizeChanged, this, &ConversationManager::pendingCountChanged);
    setUpFileUploads();

    connect(m_connection, &ChatConnection::connected, this, &ConversationManager::onConnected);
    connect(
        m_connection, &ChatConnection::disconnected, this, &ConversationManager::onDisconnected);
    connect(
        m_connection, &ChatConnection::authenticationFailed, this, [this](const QString &reason) {
            if (m_session && m_session->state() == Session::SignedIn)
                m_session->tokenRefused(reason);
        });
    connect(m_connection, &ChatConnection::roomMessageReceived, this,
        &ConversationManager::onRoomMessage);
    connect(m_connection, &ChatConnection::directMessageReceived, this,
        &ConversationManager::onDirectMessage);
    connect(
        m_connection, &ChatConnection::userStatusChanged, this, &ConversationManager::onUserStatus);
    connect(
        m_connection, &ChatConnection::userJoinedRoom, this, &ConversationManager::onUserJoined);
    connect(m_connection, &ChatConnection::userLeftRoom, this, &ConversationManager::onUserLeft);
    connect(m_connection, &ChatConnection::typingChanged, this,
        [this](const ConversationKey &where, const Payload::User &user, bool typing) {
            if (Conversation *target = find(where))
                target->noteTyping(user.id, user.name, typing);
        });
    connect(
        m_connection, &ChatConnection::messageEdited, this, &ConversationManager::onMessageEdited);
    connect(m_connection, &ChatConnection::messageDeleted, this,
        &ConversationManager::onMessageDeleted);
    connect(m_connection, &ChatConnection::reactionsChanged, this,
        &ConversationManager::onReactionsChanged);
    connect(
        m_connection, &ChatConnection::threadChanged, this, &ConversationManager::onThreadChanged);
    connect(m_connection, &ChatConnection::pinsChanged, this, &ConversationManager::onPinsChanged);
    connect(m_connection, &ChatConnection::conversationRead, this,
        [this](const ConversationKey &where, const QString &lastReadId) {
            Conversation *target = find(where);
            if (target && lastReadId.toLongLong() >= target->lastReadId().toLongLong())
                target->setReadState(0, lastReadId);
        });
}

ConversationManager::~ConversationManager()
{
    keepConversations();
    m_store->close();
}

ConversationManager *ConversationManager::globalInstance()
{
    return SocketService::globalInstance()->manager();
}

ConversationManager *ConversationManager::create(QQmlEngine *, QJSEngine *)
{
    ConversationManager *manager = globalInstance();
    QJSEngine::setObjectOwnership(manager, QJSEngine::CppOwnership);
    return manager;
}

int ConversationManager::pendingCount() const
{
    return m_outbox->size();
}

void ConversationManager::setManagerOptions(const SocketIo::ManagerOptions &options)
{
    m_connection->setManagerOptions(options);
}

// ---------------------------------------------------------------------------------------------
// Session and connection

void ConversationManager::attachSession(Session *session)
{
    if (m_session)
        QObject::disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (!session)
        return;
    auto start = [this] {
        // One RestClient for the session and the chat: one token, one base URL.
        m_rest = m_session->restClient();
        setSelf(m_session->userId(), m_session->serverUrl());
        m_connection->open(m_session->serverUrl(), m_session->token(), m_session->userId());
    };
    connect(session, &Session::signedIn, this, start);
    connect(session, &Session::signedOut, this, [this] { m_connection->closeAndForget(); });
    connect(session, &Session::signedOutByUser, this, &ConversationManager::forgetStoredData);
    if (session->state() == Session::SignedIn)
        start();
}

void ConversationManager::connectWithToken(const QUrl &server, const QString &token)
{
    const auto claims = JwtClaims::parse(token);
    const QString userId = claims ? claims->userId : QString();
    m_rest = m_ownRest;
    m_rest->setBaseUrl(server);
    m_rest->setToken(token);
    setSelf(userId, server);
    m_connection->open(server, token, userId);
}

void ConversationManager::disconnectFromServer()
{
    m_connection->close();
}

void ConversationManager::setSelf(const QString &userId, const QUrl &server)
{
    if (m_selfId == userId && m_server == server)
        return;
    // Another user's data must not show under this one. What was queued before anyone signed in
    // (the CLI queues its sends first) is the new user's.
    if (!m_selfId.isEmpty())
        resetData();
    m_selfId = userId;
    m_server = server;
    // What was kept shows before the server answers; rooms joined before are live from the first
    // second.
    openStore();
    Q_EMIT currentUserIdChanged();
}

void ConversationManager::resetData()
{
    keepConversations();
    m_store->close();
    m_keptSenders.clear();
    m_outbox->clear();
    m_rooms->clear();
    m_directs->clear();
    m_people->clear();
    if (m_current) {
        m_current = nullptr;
        Q_EMIT currentConversationChanged();
    }
    qDeleteAll(m_conversations);
    m_conversations.clear();
    if (!m_features.isEmpty() || m_featuresKnown) {
        m_features.clear();
        m_featuresKnown = false;
        m_maxFileBytes = 0;
        m_maxAttachments = kDefaultMaxAttachments;
        Q_EMIT featuresChanged();
    }
    setSynced(false);
}

void ConversationManager::setRoomListAvailable(bool available)
{
    m_history->setAvailable(available);
    if (m_roomListAvailable == available)
        return;
    m_roomListAvailable = available;
    if (!available) {
        qCInfo(lcChat) << "the server has no REST API: rooms are joined by id, no history";
        // What the store kept stays readable.
        if (!m_store->isOpen()) {
            for (Conversation *each : std::as_const(m_conversations))
                each->messages()->setHistoryUnavailable();
        }
    }
    Q_EMIT roomListAvailableChanged();
}

void ConversationManager::setSynced(bool synced)
{
    if (m_synced == synced)
        return;
    m_synced = synced;
    Q_EMIT syncedChanged();
}

void ConversationManager::onConnected(bool reconnect)
{
    m_joinedOnSocket.clear();
    m_caughtUp.clear();
    // The server's room membership belongs to the socket: join again before sending anything.
    joinMemberRooms();
    m_outbox->setOnline(true);
    loadServerState(reconnect);
    // An offline start knew the user only from the token (an email): the name comes now.
    if (m_session)
        m_session->serverReachable();
    // After a reconnect, or on a first connect with messages kept from before: what was missed
    // is fetched once the server's features are known (loadServerState).
    if (reconnect) {
        for (Conversation *each : std::as_const(m_conversations))
            catchUp(each);
    }
}

void ConversationManager::onDisconnected()
{
    m_joinedOnSocket.clear();
    m_outbox->setOnline(false);
    for (Conversation *each : std::as_const(m_conversations))
        each->clearTyping();
}

void ConversationManager::loadServerState(bool reconnect)
{
    m_syncWaiting = 3;
    auto oneDone = [this] {
        if (--m_syncWaiting == 0)
            setSynced(true);
    };
    if (!reconnect) {
        m_rest->get(QStringLiteral("/api/server"), {}, this,
            [this](const RestError &error, const QVariant &body) { applyServerInfo(error, body); });
    }
    m_rest->fetchRooms(this, [this, oneDone](const RestError &error, const QVariant &body) {
        if (error.kind == RestError::Kind::NotFound)
            setRoomListAvailable(false);
        else if (!error.ok())
            qCWarning(lcChat) << "room list unavailable:" << error.message;
        else {
            setRoomListAvailable(true);
            mergeRooms(body.toList());
        }
        oneDone();
    });
    m_rest->fetchUsers(this, [this, oneDone](const RestError &error, const QVariant &body) {
        if (error.ok()) {
            for (const QVariant &value : body.toList()) {
                if (const auto user = Payload::user(value)) {
                    m_senders->intern(user->id, user->name, user->avatar, user->role);
                    keepSender(*user);
                    if (Conversation *direct = find(ConversationKey::directWith(user->id)))
                        direct->setDetails(user->name, user->role, user->avatar, 0);
                }
            }
            m_people->mergeServerList(body.toList());
            for (Conversation *each : std::as_const(m_conversations)) {
                if (each->isDirect())
                    each->setPeerOnline(m_people->statusOf(each->id()) == u"online");
            }
        }
        oneDone();
    });
    m_rest->fetchConversations(this, [this, oneDone](const RestError &error, const QVariant &body) {
        if (error.ok())
            mergeDirectConversations(body.toList());
        oneDone();
    });
}

void ConversationManager::mergeRooms(const QVariantList &rooms)
{
    for (const QVariant &value : rooms) {
        const QVariantMap map = value.toMap();
        const QString id = Payload::idString(map.value(QStringLiteral("id")));
        if (id.isEmpty())
            continue;
        Conversation *room = conversation(ConversationKey::room(id), true);
        room->setDetails(Payload::string(map, QStringLiteral("name")),
            Payload::string(map, QStringLiteral("description")), {},
            map.value(QStringLiteral("memberCount")).toInt());
        const QVariantMap last = map.value(QStringLiteral("lastMessage")).toMap();
        if (!last.isEmpty())
            room->noteMessage(
                m_senders->withMentionNames(Payload::string(last, QStringLiteral("text"))),
                Payload::timestampMs(last.value(QStringLiteral("createdAt"))), false);
        // The server knows the membership when it says so; otherwise what this client joined
        // (kept in the store).
        const QVariant joined = map.value(QStringLiteral("joined"));
        if (joined.isValid() && room->membership() != Conversation::Joining)
            room->setMembership(joined.toBool() ? Conversation::Member : Conversation::NotMember);
        // Otherwise the read state kept here stands.
        if (map.contains(QStringLiteral("unreadCount"))) {
            const QString lastRead = Payload::idString(map.value(QStringLiteral("lastReadId")));
            room->setReadState(map.value(QStringLiteral("unreadCount")).toInt(), lastRead,
                map.contains(QStringLiteral("mentionCount"))
                    ? map.value(QStringLiteral("mentionCount")).toInt()
                    : -1);
        }
        if (map.contains(QStringLiteral("pinnedCount"))
            && map.value(QStringLiteral("pinnedCount")).toInt() != room->pinnedCount())
            loadPins(room);
    }
    joinMemberRooms();
}

void ConversationManager::mergeDirectConversations(const QVariantList &conversations)
{
    for (const QVariant &value : conversations) {
        const QVariantMap map = value.toMap();
        const auto peer = Payload::user(map.value(QStringLiteral("user")));
        if (!peer)
            continue;
        Conversation *direct = conversation(ConversationKey::directWith(peer->id), true);
        direct->setDetails(peer->name, peer->role, peer->avatar, 0);
        const QVariantMap last = map.value(QStringLiteral("lastMessage")).toMap();
        if (!last.isEmpty())
            direct->noteMessage(
                m_senders->withMentionNames(Payload::string(last, QStringLiteral("text"))),
                Payload::timestampMs(last.value(QStringLiteral("createdAt"))), false);
        if (map.contains(QStringLiteral("unreadCount")))
            direct->setReadState(map.value(QStringLiteral("unreadCount")).toInt(),
                Payload::idString(map.value(QStringLiteral("lastReadId"))),
                map.contains(QStringLiteral("mentionCount"))
                    ? map.value(QStringLiteral("mentionCount")).toInt()
                    : -1);
    }
}

// ---------------------------------------------------------------------------------------------
// Membership

void ConversationManager::joinMemberRooms()
{
    for (Conversation *each : std::as_const(m_conversations)) {
        if (!each->isDirect() && each->membership() != Conversation::NotMember)
            emitJoin(each);
    }
}

void ConversationManager::emitJoin(Conversation *room)
{
    const QString roomId = room->id();
    if (!m_connection->isConnected() || m_joinedOnSocket.contains(roomId))
        return;
    m_joinedOnSocket.insert(roomId);
    qCDebug(lcChat) << "joining room" << roomId;
    QPointer<Conversation> guard(room);
    m_connection->emitWithAck(
        kRoomJoin, { roomId },
        [this, guard, roomId](const SocketIo::AckResult &result) {
            if (!guard)
                return;
            const SocketIo::JsonValue reply = result.args.value(0);
            if (result.ok() && !reply.value(u"ok").toBool(true)) {
                const QString error = reply.value(u"error").toString();
                qCWarning(lcChat) << "room" << roomId << "refused the join:" << error;
                guard->setMembership(Conversation::NotMember);
                m_joinedOnSocket.remove(roomId);
                if (m_joiningById == roomId) {
                    m_joiningById.clear();
                    m_joinByIdError = tr("Room %1 cannot be joined: %2").arg(roomId, error);
                    Q_EMIT joinByIdChanged();
                }
                Q_EMIT roomJoinFailed(roomId, error);
                return;
            }
            if (!result.ok() && result.error != SocketIo::Error::Timeout) {
                m_joinedOnSocket.remove(roomId);
                return; // the link dropped: joined again on the next connect
            }
            // Acked, or (a seed backend never acks) not refused in time: as good as it gets.
            guard->setMembership(Conversation::Member);
            m_rooms->add(guard);
            Q_EMIT roomJoinConfirmed(roomId);
            if (m_joiningById == roomId) {
                m_joiningById.clear();
                Q_EMIT joinByIdChanged();
                Q_EMIT joinedById(guard);
                open(guard);
            }
        },
        m_joinAckTimeout);
}

void ConversationManager::join(Conversation *room)
{
    if (!room || room->isDirect() || room->isMember())
        return;
    room->setMembership(Conversation::Joining);
    emitJoin(room);
}

void ConversationManager::leave(Conversation *room)
{
    if (!room || room->isDirect() || room->membership() == Conversation::NotMember)
        return;
    room->setMembership(Conversation::NotMember);
    m_joinedOnSocket.remove(room->id());
    if (m_connection->isConnected())
        m_connection->emitWithAck(
            kRoomLeave, { room->id() }, [](const SocketIo::AckResult &) {}, m_joinAckTimeout);
}

void ConversationManager::joinRoomById(const QString &text)
{
    const QString roomId = text.trimmed();
    m_joinByIdError.clear();
    static const QRegularExpression wholeNumber(QStringLiteral("^[1-9][0-9]{0,15}$"));
    if (!wholeNumber.match(roomId).hasMatch()) {
        m_joinByIdError = tr("A room id is a whole number, like 3.");
    } else if (Conversation *known = find(ConversationKey::room(roomId));
               known && known->isMember()) {
        Q_EMIT joinedById(known);
        open(known);
    } else if (!m_connection->isConnected()) {
        m_joinByIdError = tr("You are offline. Try again once StudyConnect is connected.");
    } else {
        // Listed only once the server agrees: a room that does not exist never shows up.
        m_joiningById = roomId;
        Conversation *room = conversation(ConversationKey::room(roomId), false);
        room->setMembership(Conversation::Joining);
        emitJoin(room);
    }
    Q_EMIT joinByIdChanged();
}

void ConversationManager::clearJoinByIdError()
{
    if (m_joinByIdError.isEmpty())
        return;
    m_joinByIdError.clear();
    Q_EMIT joinByIdChanged();
}

// ---------------------------------------------------------------------------------------------
// Conversations

Conversation *ConversationManager::conversation(const ConversationKey &key, bool list)
{
    Conversation *existing = m_conversations.value(key);
    if (!existing) {
        existing = new Conversation(key, newMessageModel(key), this);
        if (key.direct) {
            const int row = m_people->indexOf(key.id);
            const QVariantMap person = row >= 0 ? m_people->get(row) : QVariantMap();
            const QString senderName = m_senders->nameOf(key.id);
            existing->setDetails(
                senderName.isEmpty() ? person.value(QStringLiteral("name")).toString() : senderName,
                person.value(QStringLiteral("role")).toString(),
                person.value(QStringLiteral("avatar")).toString(), 0);
            existing->setPeerOnline(person.value(QStringLiteral("online")).toBool());
        }
        if (m_storeEnabled)
            followForStore(existing);
        connect(existing, &Conversation::ownTypingChanged, this, [this, existing](bool typing) {
            m_connection->emitVolatile(
                typing ? QStringLiteral("typing:start") : QStringLiteral("typing:stop"),
                { QVariantMap { { targetField(existing->conversationKey()), existing->id() } } });
        });
        connect(existing->messages(), &MessageListModel::countChanged, this, [this, existing] {
            if (existing == m_current)
                markCurrentRead();
        });
        m_conversations.insert(key, existing);
    }
    if (list && !(key.direct ? m_directs : m_rooms)->contains(existing)) {
        (key.direct ? m_directs : m_rooms)->add(existing);
        keepConversationLater(existing);
    }
    return existing;
}

MessageListModel *ConversationManager::newMessageModel(const ConversationKey &key)
{
    auto *model = new MessageListModel(key.id, key.direct, m_senders);
    model->setSelfId(m_selfId);
    if (!m_history->isAvailable() && !m_store->isOpen())
        model->setHistoryUnavailable();
    QPointer<ConversationManager> guard(this);
    model->setHistoryLoader([guard, key](const QString &before, int limit,
                                std::function<void(MessageListModel::HistoryPage)> done) {
        if (guard)
            guard->loadHistory(key, before, limit, std::move(done));
    });
    connect(model, &MessageListModel::retryRequested, this, &ConversationManager::retry);
    connect(model, &MessageListModel::discardRequested, this, &ConversationManager::discard);
    return model;
}

void ConversationManager::open(Conversation *target)
{
    if (!target)
        return;
    if (target != m_current) {
        if (m_current)
            m_current->stopTyping();
        (target->isDirect() ? m_directs : m_rooms)->add(target);
        m_current = target;
        target->placeReadMarker();
        loadMembers(target);
        Q_EMIT currentConversationChanged();
    }
    markCurrentRead();
    Q_EMIT conversationOpened(target);
}

void ConversationManager::openKey(const QString &key)
{
    const ConversationKey parsed = ConversationKey::fromString(key);
    if (parsed.isValid())
        open(conversation(parsed, true));
}

void ConversationManager::openDirect(const QString &userId)
{
    if (!userId.isEmpty() && userId != m_selfId)
        open(conversation(ConversationKey::directWith(userId), true));
}

void ConversationManager::openRelative(int step)
{
    std::vector<Conversation *> order;
    for (int row = 0; row < m_rooms->count(); ++row)
        order.push_back(m_rooms->at(row));
    for (int row = 0; row < m_directs->count(); ++row)
        order.push_back(m_directs->at(row));
    if (order.empty())
        return;
    const auto it = std::find(order.begin(), order.end(), m_current.data());
    const int size = int(order.size());
    const int index = it == order.end() ? (step > 0 ? 0 : size - 1)
                                        : ((int(it - order.begin()) + step) % size + size) % size;
    open(order[size_t(index)]);
}

QVariantList ConversationManager::switcherEntries()
{
    QVariantList entries;
    auto add = [&entries](Conversation *target, const QString &detail) {
        entries.append(
            QVariantMap { { QStringLiteral("conversation"), QVariant::fromValue(target) },
                { QStringLiteral("name"), target->name() }, { QStringLiteral("detail"), detail },
                { QStringLiteral("isRoom"), !target->isDirect() } });
    };
    for (int row = 0; row < m_rooms->count(); ++row) {
        Conversation *room = m_rooms->at(row);
        add(room, room->isMember() ? tr("room") : tr("room · not joined"));
    }
    QSet<Conversation *> added;
    for (int row = 0; row < m_people->count(); ++row) {
        const QVariantMap person = m_people->get(row);
        const QString id = person.value(QStringLiteral("id")).toString();
        if (id == m_selfId)
            continue;
        Conversation *direct = conversation(ConversationKey::directWith(id));
        added.insert(direct);
        add(direct, person.value(QStringLiteral("online")).toBool() ? tr("online") : tr("offline"));
    }
    for (int row = 0; row < m_directs->count(); ++row) {
        if (!added.contains(m_directs->at(row)))
            add(m_directs->at(row), tr("direct message"));
    }
    return entries;
}

void ConversationManager::setWindowActive(bool active)
{
    if (m_windowActive == active)
        return;
    m_windowActive = active;
    Q_EMIT windowActiveChanged();
    markCurrentRead();
}

void ConversationManager::markCurrentRead()
{
    if (!m_current || !m_windowActive)
        return;
    if (m_current->markRead())
        sendReadState(m_current);
}

void ConversationManager::sendReadState(Conversation *target)
{
    if (!hasFeature(kReadFeature) || !m_connection->isConnected())
        return;
    const QVariantMap payload {
        { target->isDirect() ? QStringLiteral("userId") : QStringLiteral("roomId"), target->id() },
        { QStringLiteral("messageId"), target->lastReadId() },
    };
    m_connection->emitWithAck(
        QStringLiteral("conversation:read"), { payload }, [](const SocketIo::AckResult &) {},
        m_ackTimeout);
}
