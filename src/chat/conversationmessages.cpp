// ConversationManager, the message half: sending through the outbox, routing incoming messages
// and notices to their conversation, and the catch-up after a reconnect. The connection,
// membership and conversation list half is in conversationmanager.cpp.
#include "auth/session.h"
#include "conversationmanager.h"
#include "historysync.h"
#include "logging.h"
#include "senderdirectory.h"
#include "thread.h"

#include <QDateTime>

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

QString ConversationManager::send(Conversation *target, const QString &text)
{
    if (!target || text.trimmed().isEmpty())
        return {};
    // The server only accepts messages to rooms this socket joined.
    if (!target->isDirect() && !target->isMember())
        join(target);
    return m_outbox->enqueue(target->conversationKey(), text, nowMs());
}

void ConversationManager::retry(const QString &clientId)
{
    m_outbox->retry(clientId);
}

void ConversationManager::discard(const QString &clientId)
{
    m_outbox->discard(clientId);
}

void ConversationManager::transmit(const Outbox::Entry &entry, Outbox::Done done)
{
    if (entry.action != Outbox::Action::Send) {
        transmitAction(entry, std::move(done));
        return;
    }
    QVariantMap payload {
        { entry.target.direct ? QStringLiteral("recipientId") : QStringLiteral("roomId"),
            entry.target.id },
        { QStringLiteral("text"), entry.text },
        { QStringLiteral("clientId"), entry.clientId },
    };
    // Only when set: a plain message keeps the seed's shape.
    if (entry.replyTo > 0)
        payload.insert(QStringLiteral("replyTo"), entry.replyTo);
    if (entry.threadId > 0)
        payload.insert(QStringLiteral("threadId"), entry.threadId);
    if (!entry.attachments.isEmpty()) {
        // Every id is there: the outbox uploads the files before it sends.
        QVariantList fileIds;
        for (const OutboxAttachment &attachment : entry.attachments)
            fileIds.append(attachment.fileId);
        payload.insert(QStringLiteral("attachments"), fileIds);
    }
    m_connection->emitWithAck(
        entry.target.direct ? QStringLiteral("dm:send") : QStringLiteral("message:send"),
        { payload },
        [done = std::move(done)](const SocketIo::AckResult &result) { done(sendResultOf(result)); },
        m_ackTimeout);
}

Outbox::SendResult ConversationManager::sendResultOf(const SocketIo::AckResult &result)
{
    Outbox::SendResult outcome;
    using Outcome = Outbox::SendResult::Outcome;
    if (result.ok()) {
        const SocketIo::JsonValue reply = result.args.value(0);
        const SocketIo::JsonValue ok = reply.value(u"ok");
        if (!ok.isBool()) {
            outcome.outcome = Outcome::Unrecognised;
        } else if (ok.toBool()) {
            outcome.outcome = Outcome::Accepted;
            outcome.id = Payload::idString(reply.value(u"id"));
            outcome.createdAtMs = Payload::timestampMs(reply.value(u"createdAt"));
            outcome.reply = reply;
        } else {
            outcome.outcome = Outcome::Refused;
            outcome.error = reply.value(u"error").toString();
        }
    } else if (result.error == SocketIo::Error::Timeout
        || result.error == SocketIo::Error::Disconnected) {
        outcome.outcome = Outcome::NoAnswer;
    } else {
        outcome.outcome = Outcome::LocalError;
        outcome.error = SocketIo::errorString(result.error);
    }
    return outcome;
}

ChatMessage ConversationManager::pendingCopy(const Outbox::Entry &entry)
{
    ChatMessage local;
    local.clientId = entry.clientId;
    local.text = entry.text;
    local.createdAtMs = entry.createdAtMs;
    local.sender = m_selfId.isEmpty() ? 0 : m_senders->indexOf(m_selfId);
    local.state = ChatMessage::State::Pending;
    if (entry.replyTo > 0 || entry.threadId > 0) {
        local.details = std::make_shared<MessageDetails>();
        if (entry.threadId > 0)
            local.details->threadId = QString::number(entry.threadId);
        // The quote as the loaded original shows it, until the server's copy replaces this.
        const QString replyTo = QString::number(entry.replyTo);
        if (const Conversation *target = find(entry.target); target && entry.replyTo > 0) {
            // The original is in the timeline, or in the open thread for a reply inside it.
            const MessageListModel *list = target->messages();
            if (list->rowOfNumericId(entry.replyTo) < 0 && target->openThread())
                list = target->openThread()->messages();
            const int row = list->rowOfNumericId(entry.replyTo);
            MessageDetails::Quote quote;
            quote.id = replyTo;
            if (row >= 0) {
                const ChatMessage original = list->messageAt(row);
                quote.senderId = m_senders->at(original.sender).id;
                quote.senderName = m_senders->at(original.sender).name;
                quote.text = MessageDetails::quoteOf(original.text);
            }
            local.details->replyTo = quote;
        }
    }
    if (!entry.attachments.isEmpty()) {
        if (!local.details)
            local.details = std::make_shared<MessageDetails>();
        local.details->attachments = filesOf(entry.attachments);
    }
    return local;
}

MessageListModel *ConversationManager::listFor(const ConversationKey &key, qint64 threadId)
{
    Conversation *target = find(key);
    if (!target)
        return nullptr;
    if (threadId == 0)
        return target->messages();
    Thread *open = target->thread(threadId);
    return open ? open->messages() : nullptr;
}

void ConversationManager::onConfirmed(
    const Outbox::Entry &entry, const QString &id, qint64 createdAtMs, bool fromAck)
{
    if (entry.action != Outbox::Action::Send) {
        notePendingChange(entry, false);
        m_store->removeOutboxEntry(entry.clientId);
        Q_EMIT messageConfirmed(entry.clientId, QString::number(entry.messageId));
        return;
    }
    Conversation *target = conversation(entry.target, true);
    if (fromAck && entry.threadId > 0) {
        // A thread reply: its thread's view (when open) gets the server's copy.
        ChatMessage message = pendingCopy(entry);
        message.setId(id);
        message.createdAtMs = createdAtMs;
        if (MessageListModel *list = listFor(entry.target, entry.threadId))
            list->enqueue(std::move(message));
    } else if (fromAck) {
        // No echo carried it (yet): the server's copy replaces the pending row now.
        ChatMessage message = pendingCopy(entry);
        message.setId(id);
        message.createdAtMs = createdAtMs;
        message.state = ChatMessage::State::Sent;
        target->messages()->enqueue(std::move(message));
        Payload::Message kept;
        kept.id = id;
        kept.clientId = entry.clientId;
        kept.text = entry.text;
        kept.createdAtMs = createdAtMs;
        kept.sender.id = m_selfId;
        if (!entry.attachments.isEmpty()) {
            kept.details = std::make_shared<MessageDetails>();
            kept.details->attachments = filesOf(entry.attachments);
        }
        target->noteMessage(summaryOf(entry.text, kept.details.get()), createdAtMs, false);
        keepLiveMessage(entry.target, kept);
    }
    m_store->removeOutboxEntry(entry.clientId);
    Q_EMIT messageConfirmed(entry.clientId, id);
}

ChatMessage ConversationManager::toChatMessage(const Payload::Message &message)
{
    ChatMessage result;
    result.setId(message.id);
    result.clientId = message.clientId;
    result.text = message.text;
    result.createdAtMs = message.createdAtMs;
    result.sender = m_senders->intern(
        message.sender.id, message.sender.name, message.sender.avatar, message.sender.role);
    result.details = message.details;
    return result;
}

ChatMessage ConversationManager::adoptFetched(const Payload::Message &message)
{
    ChatMessage result = toChatMessage(message);
    // Stored before the link dropped: the pending copy is confirmed by this one.
    if (isSelf(message.sender.id))
        m_outbox->noteStored(message.clientId, message.id, message.createdAtMs);
    return result;
}

QString ConversationManager::senderNameOf(const Payload::User &sender) const
{
    return sender.name.isEmpty() ? m_senders->nameOf(sender.id) : sender.name;
}

void ConversationManager::onRoomMessage(const Payload::Message &message)
{
    addIncoming(conversation(ConversationKey::room(message.roomId), true), message);
}

void ConversationManager::onDirectMessage(const Payload::Message &message, const QString &peerId)
{
    Conversation *direct = conversation(ConversationKey::directWith(peerId), true);
    if (!isSelf(message.sender.id))
        direct->setDetails(message.sender.name, message.sender.role, message.sender.avatar, 0);
    addIncoming(direct, message);
}

void ConversationManager::addIncoming(Conversation *target, const Payload::Message &message)
{
    ChatMessage chatMessage = toChatMessage(message);
    const bool mine = isSelf(message.sender.id);
    // A server without REST tells us our own name only here, in the echo of what we sent.
    if (mine && m_session)
        m_session->noteOwnProfile({ { QStringLiteral("name"), message.sender.name },
            { QStringLiteral("role"), message.sender.role },
            { QStringLiteral("avatar"), message.sender.avatar } });
    // A server without REST lists nobody: the people we know are those we have heard from, with
    // the name their messages carry (presence alone only gives an id).
    if (!mine && !m_roomListAvailable && !message.sender.name.isEmpty()) {
        const int row = m_people->indexOf(message.sender.id);
        if (row < 0
            || m_people->get(row).value(QStringLiteral("name")).toString() != message.sender.name)
            m_people->upsertUser(QVariantMap { { QStringLiteral("id"), message.sender.id },
                { QStringLiteral("name"), message.sender.name },
                { QStringLiteral("avatar"), message.sender.avatar },
                { QStringLiteral("role"), message.sender.role } });
    }
    if (message.details && !message.details->threadId.isEmpty() && !target->isDirect()
        && hasFeature(QStringLiteral("threads"))) {
        addThreadReply(target, message);
        return;
    }
    if (mine) {
        const QString matched = m_outbox->noteEcho(target->conversationKey(), message.clientId,
            message.text, message.id, message.createdAtMs);
        if (!matched.isEmpty())
            chatMessage.clientId = matched;
    }
    const qint64 at = chatMessage.createdAtMs;
    target->messages()->enqueue(std::move(chatMessage));
    const bool beingRead = target == m_current && m_windowActive;
    const bool unread = !mine && !beingRead;
    const bool mentionsMe =
        message.details && !m_selfId.isEmpty() && message.details->mentions.contains(m_selfId);
    target->noteMessage(summaryOf(m_senders->withMentionNames(message.text,
                                      message.details ? &message.details->mentions : nullptr),
                            message.details.get()),
        at, unread, mentionsMe, senderNameOf(message.sender));
    keepLiveMessage(target->conversationKey(), message);
}

void ConversationManager::addThreadReply(Conversation *room, const Payload::Message &message)
{
    ChatMessage reply = toChatMessage(message);
    if (isSelf(message.sender.id)) {
        const QString matched = m_outbox->noteEcho(room->conversationKey(), message.clientId,
            message.text, message.id, message.createdAtMs);
        if (!matched.isEmpty())
            reply.clientId = matched;
    }
    // Out of the timeline, the unread count and the store; the root's summary follows from
    // thread:updated.
    if (Thread *open = room->thread(message.details->threadId.toLongLong()))
        open->messages()->enqueue(std::move(reply));
}

void ConversationManager::onUserJoined(
    const QString &roomId, const Payload::User &user, ChatConnection::Membership membership)
{
    m_senders->intern(user.id, user.name, user.avatar, user.role);
    m_people->upsertUser(
        QVariantMap { { QStringLiteral("id"), user.id }, { QStringLiteral("name"), user.name },
            { QStringLiteral("avatar"), user.avatar }, { QStringLiteral("role"), user.role } });
    if (isSelf(user.id)) {
        // Joined on another of our devices: a member room here too, live from now on.
        if (membership == ChatConnection::Membership::New)
            join(conversation(ConversationKey::room(roomId), true));
        return;
    }
    Conversation *room = find(ConversationKey::room(roomId));
    if (!room)
        return;
    // A member's client connecting is presence, not news; only a new membership gets a line.
    const bool firstSeen = room->firstJoinSeen(user.id);
    const bool newMember = membership == ChatConnection::Membership::New
        || (membership == ChatConnection::Membership::Unknown && firstSeen);
    if (newMember)
        addNotice(room, user.id, ChatMessage::Kind::Joined);
}

void ConversationManager::onUserLeft(const QString &roomId, const QString &userId)
{
    Conversation *room = find(ConversationKey::room(roomId));
    if (!room)
        return;
    if (isSelf(userId)) {
        // Left on another of our devices: the membership has ended everywhere.
        room->setMembership(Conversation::NotMember);
        return;
    }
    addNotice(room, userId, ChatMessage::Kind::Left);
}

void ConversationManager::addNotice(
    Conversation *room, const QString &userId, ChatMessage::Kind kind)
{
    ChatMessage notice;
    notice.kind = kind;
    notice.sender = m_senders->indexOf(userId);
    notice.createdAtMs = nowMs();
    room->messages()->enqueue(std::move(notice));
}

void ConversationManager::onUserStatus(const QString &userId, bool online)
{
    const QString name = m_senders->nameOf(userId);
    if (m_people->indexOf(userId) < 0 && !name.isEmpty())
        m_people->upsertUser(
            QVariantMap { { QStringLiteral("id"), userId }, { QStringLiteral("name"), name } });
    m_people->setStatus(
        userId, online ? QStringLiteral("online") : QStringLiteral("offline"), nowMs());
    if (Conversation *direct = find(ConversationKey::directWith(userId)))
        direct->setPeerOnline(online);
}

void ConversationManager::catchUp(Conversation *target)
{
    const ConversationKey key = target->conversationKey();
    MessageListModel *model = target->messages();
    bool numeric = false;
    qint64 knownNewest = model->newestId().toLongLong(&numeric);
    if (!numeric)
        knownNewest = 0;
    knownNewest = qMax(knownNewest, m_store->newestId(key));
    if (!m_history->isAvailable() || knownNewest == 0) {
        // Nothing shown or kept: history loads on demand, there is nothing to catch up with.
        m_caughtUp.insert(key);
        Q_EMIT missedMessagesMerged(key);
        return;
    }
    // A server that keeps read state counts what was missed itself (its room list, refreshed on
    // every connect); otherwise the missed messages from others are unread here.
    const bool countUnread = !hasFeature(QStringLiteral("readState"));
    QPointer<Conversation> guard(target);
    m_history->catchUp(key, knownNewest,
        [this, guard, countUnread, knownNewest](HistorySync::CatchUpResult result) {
            if (!guard)
                return;
            const ConversationKey where = guard->conversationKey();
            keepMessages(where, result.missed, !result.joinsKnown);
            if (result.joinsKnown && result.reachesNewest) {
                m_store->closeGapsAbove(where, knownNewest);
                m_caughtUp.insert(where);
            }
            const bool beingRead = guard == m_current && m_windowActive;
            for (const Payload::Message &message : result.missed) {
                ChatMessage chatMessage = adoptFetched(message);
                if (result.joinsKnown)
                    guard->messages()->enqueue(std::move(chatMessage));
                guard->noteMessage(summaryOf(message.text, message.details.get()),
                    message.createdAtMs, countUnread && !beingRead && !isSelf(message.sender.id),
                    false, senderNameOf(message.sender));
            }
            if (result.joinsKnown) {
                guard->messages()->flush();
            } else {
                // Messages are missing between what is shown and what came: shown together they
                // would hide the hole, so the timeline starts again from the newest, and the
                // store and the server fill it as the user scrolls.
                m_store->flush();
                guard->messages()->reload();
            }
            refreshChanged(guard);
            Q_EMIT missedMessagesMerged(where);
        });
}
