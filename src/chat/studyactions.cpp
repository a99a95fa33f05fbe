// ConversationManager, the study half: replies, thread replies, edits, deletions, reactions,
// resolved marks and pins. What the user asks goes through the outbox like a message (kept on
// disk first, sent when online, repeated after a lost ack: the server treats a repeat as a
// no-op), and what the server announces (its events and acks) changes the loaded rows in place
// and the stored copies. The message half is conversationmessages.cpp.
#include "api/restclient.h"
#include "conversationmanager.h"
#include "historysync.h"
#include "logging.h"
#include "senderdirectory.h"
#include "thread.h"

#include <QDateTime>

namespace {

QString kindOf(const ConversationKey &key)
{
    return key.direct ? QStringLiteral("dm") : QStringLiteral("room");
}

/// The REST path of one of the room's lists ("pins" gives /api/rooms/4/pins). The id comes
/// from the server, so it is encoded rather than trusted to be a plain number.
QString roomPath(const Conversation *room, const QString &list)
{
    return QStringLiteral("/api/rooms/") + QString::fromUtf8(QUrl::toPercentEncoding(room->id()))
        + u'/' + list;
}

} // namespace

bool ConversationManager::isTutor() const
{
    if (m_selfId.isEmpty())
        return false;
    return m_senders->at(m_senders->indexOf(m_selfId)).role == u"tutor";
}

QString ConversationManager::sendMessage(
    Conversation *target, const QString &text, qint64 replyTo, qint64 threadId)
{
    if (!target || text.trimmed().isEmpty())
        return {};
    if (threadId > 0 && (target->isDirect() || !hasFeature(QStringLiteral("threads"))))
        return {};
    Outbox::Entry entry = sendEntry(target, text, replyTo);
    entry.threadId = threadId;
    return m_outbox->enqueue(std::move(entry));
}

Outbox::Entry ConversationManager::sendEntry(
    Conversation *target, const QString &text, qint64 replyTo)
{
    if (!target->isDirect() && !target->isMember())
        join(target);
    Outbox::Entry entry;
    entry.target = target->conversationKey();
    entry.text = text;
    entry.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    // A server without replies would refuse nothing and drop the field; the message still goes.
    entry.replyTo = hasFeature(QStringLiteral("replies")) ? replyTo : 0;
    return entry;
}

QString ConversationManager::enqueueAction(
    Conversation *target, Outbox::Action action, qint64 messageId, const QString &text)
{
    Outbox::Entry entry;
    entry.target = target->conversationKey();
    entry.action = action;
    entry.messageId = messageId;
    entry.text = text;
    entry.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    return m_outbox->enqueue(std::move(entry));
}

QString ConversationManager::editMessage(Conversation *target, qint64 id, const QString &text)
{
    if (!target || id <= 0 || text.trimmed().isEmpty() || !hasFeature(QStringLiteral("edit")))
        return {};
    return enqueueAction(target, Outbox::Action::Edit, id, text);
}

QString ConversationManager::deleteMessage(Conversation *target, qint64 id)
{
    if (!target || id <= 0 || !hasFeature(QStringLiteral("delete")))
        return {};
    return enqueueAction(target, Outbox::Action::Delete, id);
}

QString ConversationManager::react(Conversation *target, qint64 id, const QString &emoji, bool add)
{
    if (!target || id <= 0 || emoji.isEmpty() || !hasFeature(QStringLiteral("reactions")))
        return {};
    return enqueueAction(
        target, add ? Outbox::Action::AddReaction : Outbox::Action::RemoveReaction, id, emoji);
}

bool ConversationManager::reactionAfterPending(
    const ConversationKey &key, qint64 id, const QString &emoji, bool shown) const
{
    bool given = shown;
    for (const Outbox::Entry &entry : m_outbox->entries()) {
        if (entry.target == key && entry.messageId == id && entry.text == emoji && !entry.failed) {
            if (entry.action == Outbox::Action::AddReaction)
                given = true;
            else if (entry.action == Outbox::Action::RemoveReaction)
                given = false;
        }
    }
    return given;
}

QString ConversationManager::resolveThread(Conversation *target, qint64 rootId, bool resolved)
{
    if (!target || target->isDirect() || rootId <= 0 || !hasFeature(QStringLiteral("threads")))
        return {};
    return enqueueAction(
        target, resolved ? Outbox::Action::ResolveThread : Outbox::Action::ReopenThread, rootId);
}

QString ConversationManager::pinMessage(Conversation *target, qint64 id, bool pinned)
{
    if (!target || target->isDirect() || id <= 0 || !hasFeature(QStringLiteral("pins")))
        return {};
    return enqueueAction(target, pinned ? Outbox::Action::Pin : Outbox::Action::Unpin, id);
}

void ConversationManager::transmitAction(const Outbox::Entry &entry, Outbox::Done done)
{
    using Action = Outbox::Action;
    const QString kind = kindOf(entry.target);
    QString event;
    QVariantMap payload;
    switch (entry.action) {
    case Action::Send:
        Q_UNREACHABLE();
        return;
    case Action::Edit:
        event = QStringLiteral("message:edit");
        payload = { { QStringLiteral("kind"), kind }, { QStringLiteral("id"), entry.messageId },
            { QStringLiteral("text"), entry.text } };
        break;
    case Action::Delete:
        event = QStringLiteral("message:delete");
        payload = { { QStringLiteral("kind"), kind }, { QStringLiteral("id"), entry.messageId } };
        break;
    case Action::AddReaction:
    case Action::RemoveReaction:
        event = entry.action == Action::AddReaction ? QStringLiteral("reaction:add")
                                                    : QStringLiteral("reaction:remove");
        payload = { { QStringLiteral("kind"), kind },
            { QStringLiteral("messageId"), entry.messageId },
            { QStringLiteral("emoji"), entry.text } };
        break;
    case Action::ResolveThread:
    case Action::ReopenThread:
        event = QStringLiteral("thread:resolve");
        payload = { { QStringLiteral("threadId"), entry.messageId },
            { QStringLiteral("resolved"), entry.action == Action::ResolveThread } };
        break;
    case Action::Pin:
    case Action::Unpin:
        event = entry.action == Action::Pin ? QStringLiteral("message:pin")
                                            : QStringLiteral("message:unpin");
        payload = { { QStringLiteral("roomId"), entry.target.id },
            { QStringLiteral("messageId"), entry.messageId } };
        break;
    }
    m_connection->emitWithAck(
        event, { payload },
        [done = std::move(done)](const SocketIo::AckResult &result) { done(sendResultOf(result)); },
        m_ackTimeout);
}

// ---------------------------------------------------------------------------------------------
// What the server says: acks of our actions and the events of everyone's

void ConversationManager::onActionAccepted(
    const Outbox::Entry &entry, const SocketIo::JsonValue &reply)
{
    using Action = Outbox::Action;
    const MessageRef ref { entry.target, entry.messageId, 0 };
    switch (entry.action) {
    case Action::Send:
        break;
    case Action::Edit:
        applyEdit(ref, entry.text, Payload::timestampMs(reply.value(u"editedAt")), nullptr);
        break;
    case Action::Delete:
        onMessageDeleted(ref);
        break;
    case Action::AddReaction:
    case Action::RemoveReaction:
        if (reply.value(u"reactions").isArray())
            onReactionsChanged(ref, Payload::reactions(reply.value(u"reactions")));
        break;
    case Action::ResolveThread:
    case Action::ReopenThread:
        if (const auto thread = Payload::thread(reply))
            onThreadChanged(entry.target.id, entry.messageId, *thread);
        break;
    case Action::Pin:
    case Action::Unpin:
        if (reply.value(u"pins").isArray())
            onPinsChanged(entry.target.id, Payload::idList(reply.value(u"pins")));
        break;
    }
}

void ConversationManager::onActionFailed(const Outbox::Entry &entry, const QString &error)
{
    // A refused change cannot be sent again as it is (not the author, deleted meanwhile, too
    // many reactions): it is dropped, and the conversation says why.
    if (Conversation *target = find(entry.target))
        target->setActionError(error);
    m_outbox->discard(entry.clientId);
    Q_EMIT messageFailed(entry.clientId, error);
}

void ConversationManager::notePendingChange(const Outbox::Entry &entry, bool pending)
{
    Conversation *target = find(entry.target);
    if (!target || entry.action == Outbox::Action::Send)
        return;
    target->messages()->setChangePending(entry.messageId, pending);
    if (Thread *open = target->openThread())
        open->messages()->setChangePending(entry.messageId, pending);
}

void ConversationManager::forEachCopy(
    const MessageRef &ref, const std::function<void(MessageListModel *model)> &change)
{
    Conversation *target = find(ref.where);
    if (!target)
        return;
    // A thread reply is in its thread's view; a root is in the timeline and heads its thread.
    if (ref.threadId == 0)
        change(target->messages());
    if (Thread *open = target->openThread(); open && open->rootNumericId() == ref.threadId)
        change(open->messages());
    if (MessageListModel *pinned = target->existingPinnedMessages())
        change(pinned);
}

void ConversationManager::applyEdit(
    const MessageRef &ref, const QString &text, qint64 editedAtMs, const QStringList *mentions)
{
    // Without the server's list (an ack), the mentions of the loaded rows stay.
    forEachCopy(ref,
        [&](MessageListModel *model) { model->applyEdit(ref.id, text, editedAtMs, mentions); });
    if (ref.threadId == 0 && m_store->isOpen()) {
        const bool hasMentions = mentions != nullptr;
        const QStringList newMentions = mentions ? *mentions : QStringList();
        m_store->changeMessage(ref.where, ref.id,
            [text, editedAtMs, hasMentions, newMentions](QString &stored, MessageDetails &details) {
                stored = text;
                details.editedAtMs = editedAtMs;
                if (hasMentions)
                    details.mentions = newMentions;
            });
        m_store->changeQuotes(ref.where, ref.id, text, false);
    }
    refreshThreadRoot(ref);
}

void ConversationManager::onMessageEdited(
    const MessageRef &ref, const QString &text, qint64 editedAtMs, const QStringList &mentions)
{
    applyEdit(ref, text, editedAtMs, &mentions);
}

void ConversationManager::onMessageDeleted(const MessageRef &ref)
{
    forEachCopy(ref, [&](MessageListModel *model) { model->applyDelete(ref.id); });
    if (ref.threadId == 0 && m_store->isOpen()) {
        m_store->changeMessage(ref.where, ref.id, [](QString &text, MessageDetails &details) {
            text.clear();
            details.deleted = true;
            details.replyTo.reset();
            details.reactions.clear();
            details.mentions.clear();
            details.editedAtMs = 0;
        });
        m_store->changeQuotes(ref.where, ref.id, {}, true);
    }
    refreshThreadRoot(ref);
}

void ConversationManager::onReactionsChanged(
    const MessageRef &ref, const QList<MessageDetails::Reaction> &reactions)
{
    forEachCopy(ref, [&](MessageListModel *model) { model->setReactions(ref.id, reactions); });
    if (ref.threadId == 0 && m_store->isOpen()) {
        m_store->changeMessage(ref.where, ref.id,
            [reactions](QString &, MessageDetails &details) { details.reactions = reactions; });
    }
}

void ConversationManager::onThreadChanged(
    const QString &roomId, qint64 rootId, const MessageDetails::Thread &thread)
{
    const MessageRef ref { ConversationKey::room(roomId), rootId, 0 };
    forEachCopy(ref, [&](MessageListModel *model) { model->setThread(rootId, thread); });
    if (Conversation *room = find(ref.where)) {
        if (Thread *open = room->thread(rootId))
            open->setSummary(thread);
    }
    if (m_store->isOpen()) {
        m_store->changeMessage(ref.where, rootId,
            [thread](QString &, MessageDetails &details) { details.thread = thread; });
    }
}

void ConversationManager::onPinsChanged(const QString &roomId, const QStringList &pinnedIds)
{
    Conversation *room = find(ConversationKey::room(roomId));
    if (!room)
        return;
    const bool changed = room->pins() != pinnedIds;
    room->setPins(pinnedIds);
    if (changed) {
        keepConversationLater(room);
        // The list in the header follows, when it shows something or has something to show.
        const MessageListModel *shown = room->existingPinnedMessages();
        if ((shown && shown->count() > 0) || !pinnedIds.isEmpty())
            loadPins(room);
    }
}

void ConversationManager::refreshThreadRoot(const MessageRef &ref)
{
    Conversation *room = ref.where.direct ? nullptr : find(ref.where);
    Thread *open = room ? room->thread(ref.id) : nullptr;
    if (!open)
        return;
    const int row = room->messages()->rowOfNumericId(ref.id);
    if (row < 0)
        return;
    const QModelIndex index = room->messages()->index(row);
    open->setRoot(index.data(MessageListModel::SenderNameRole).toString(),
        index.data(MessageListModel::TextRole).toString(),
        index.data(MessageListModel::CreatedAtRole).toDateTime(),
        index.data(MessageListModel::IsMineRole).toBool() || room->canModerate());
}

void ConversationManager::refreshChanged(Conversation *target)
{
    // Only where rows are loaded (the views show them), and only from a server that has changes
    // to miss: one page, the newest, where changes happen most.
    if (!target || target->messages()->count() == 0 || !m_history->isAvailable()
        || !(hasFeature(QStringLiteral("edit")) || hasFeature(QStringLiteral("delete"))
            || hasFeature(QStringLiteral("reactions"))))
        return;
    QPointer<Conversation> guard(target);
    m_history->loadPage(target->conversationKey(), {}, MessageListModel::kPageSize,
        [this, guard](HistorySync::Page page) {
            if (!guard || !page.ok)
                return;
            for (const Payload::Message &message : page.messages) {
                const qint64 id = message.id.toLongLong();
                const MessageDetails none;
                const MessageDetails &details = message.details ? *message.details : none;
                if (guard->messages()->refresh(id, message.text, details)) {
                    keepMessages(guard->conversationKey(), { message }, false);
                    m_store->changeMessage(guard->conversationKey(), id,
                        [message, details](QString &text, MessageDetails &stored) {
                            text = message.text;
                            stored = details;
                        });
                }
            }
        });
}

// ---------------------------------------------------------------------------------------------
// Threads and pins: their own lists

Thread *ConversationManager::createThread(Conversation *room, qint64 rootId)
{
    auto *model = new MessageListModel(room->id(), false, m_senders);
    model->setSelfId(m_selfId);
    QPointer<ConversationManager> guard(this);
    const QString path = roomPath(room, QStringLiteral("threads/%1").arg(rootId));
    model->setHistoryLoader([guard, path, model](const QString &before, int limit,
                                std::function<void(MessageListModel::HistoryPage)> done) {
        if (!guard)
            return;
        QUrlQuery query;
        if (!before.isEmpty())
            query.addQueryItem(QStringLiteral("before"), before);
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        guard->m_rest->get(path, query, model,
            [guard, limit, done = std::move(done)](const RestError &error, const QVariant &body) {
                MessageListModel::HistoryPage page;
                if (!guard || !error.ok()) {
                    page.ok = false;
                    page.complete = !guard || error.kind == RestError::Kind::NotFound;
                    done(std::move(page));
                    return;
                }
                int count = 0;
                for (const Payload::Message &message : HistorySync::readMessages(body, &count))
                    page.messages.push_back(guard->adoptFetched(message));
                page.complete = count < limit;
                done(std::move(page));
            });
    });
    connect(model, &MessageListModel::retryRequested, this, &ConversationManager::retry);
    connect(model, &MessageListModel::discardRequested, this, &ConversationManager::discard);
    auto *thread = new Thread(rootId, model, room);
    // Our own replies to it that are still on their way.
    for (const Outbox::Entry &entry : m_outbox->entries()) {
        if (entry.action == Outbox::Action::Send && entry.threadId == rootId
            && entry.target == room->conversationKey())
            model->addPending(pendingCopy(entry));
    }
    const int row = room->messages()->rowOfNumericId(rootId);
    if (row >= 0) {
        const QModelIndex index = room->messages()->index(row);
        thread->setSummary({ index.data(MessageListModel::ThreadReplyCountRole).toInt(), 0,
            index.data(MessageListModel::ThreadResolvedRole).toBool() });
        thread->setRoot(index.data(MessageListModel::SenderNameRole).toString(),
            index.data(MessageListModel::TextRole).toString(),
            index.data(MessageListModel::CreatedAtRole).toDateTime(),
            index.data(MessageListModel::IsMineRole).toBool() || room->canModerate());
    } else {
        thread->setRoot({}, {}, {}, room->canModerate());
    }
    return thread;
}

MessageListModel *ConversationManager::newPinnedMessageModel(const ConversationKey &key)
{
    auto *model = new MessageListModel(key.id, key.direct, m_senders);
    model->setSelfId(m_selfId);
    model->setHistoryUnavailable();
    return model;
}

void ConversationManager::loadPins(Conversation *room)
{
    if (!room || room->isDirect() || !hasFeature(QStringLiteral("pins")))
        return;
    QPointer<Conversation> guard(room);
    const QString path = roomPath(room, QStringLiteral("pins"));
    m_rest->get(path, {}, room, [this, guard](const RestError &error, const QVariant &body) {
        if (!guard || !error.ok())
            return;
        int count = 0;
        MessageListModel *model = guard->pinnedMessages();
        model->reload();
        // The route lists them in pin order; the room's list of ids follows what it says.
        QStringList ids;
        for (const Payload::Message &message : HistorySync::readMessages(body, &count)) {
            ids.append(message.id);
            model->enqueue(toChatMessage(message));
        }
        model->flush();
        guard->setPins(ids);
        keepConversationLater(guard);
    });
}

// ---------------------------------------------------------------------------------------------
// Mentions: who can be named

void ConversationManager::loadMembers(Conversation *room)
{
    if (!room || room->isDirect() || !hasFeature(QStringLiteral("roomMembers")))
        return;
    QPointer<Conversation> guard(room);
    const QString path = roomPath(room, QStringLiteral("members"));
    m_rest->get(path, {}, room, [this, guard](const RestError &error, const QVariant &body) {
        if (!guard || !error.ok())
            return;
        QList<std::pair<QString, QString>> members;
        for (const QVariant &value : body.toList()) {
            if (const auto member = Payload::user(value)) {
                m_senders->intern(member->id, member->name, member->avatar, member->role);
                members.append({ member->id, member->name });
            }
        }
        guard->setMembers(members);
    });
}

QString ConversationManager::roleOf(const QString &userId) const
{
    return m_senders->roleOf(userId);
}

QList<std::pair<QString, QString>> ConversationManager::knownPeople() const
{
    QList<std::pair<QString, QString>> people;
    for (int row = 0; row < m_people->rowCount(); ++row) {
        const QVariantMap person = m_people->get(row);
        people.append({ person.value(QStringLiteral("id")).toString(),
            person.value(QStringLiteral("name")).toString() });
    }
    return people;
}

QString ConversationManager::nameOf(const QString &userId) const
{
    return m_senders->nameOf(userId);
}
