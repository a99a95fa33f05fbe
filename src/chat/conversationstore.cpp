// ConversationManager, the offline half: what is kept in the MessageStore between runs, restored
// at start before the server answers, and history read from it before the server is asked. The
// connection half is in conversationmanager.cpp, the message half in conversationmessages.cpp.
#include "auth/session.h"
#include "conversationmanager.h"
#include "historysync.h"
#include "logging.h"
#include "senderdirectory.h"
#include "serversettings.h"

#include <QSettings>

void ConversationManager::setOfflineStore(bool enabled, const QString &directory)
{
    if (enabled && !m_storeEnabled) {
        for (Conversation *each : std::as_const(m_conversations))
            followForStore(each);
    }
    m_storeEnabled = enabled;
    m_storeDirectory = directory;
    if (enabled) {
        // A message is on disk before it is sent: after a crash it goes at the next start, with
        // the same clientId, and the server keeps it once.
        m_outbox->setKeeper([this](const Outbox::Entry &entry, std::function<void()> kept) {
            keepOutboxEntry(entry, std::move(kept));
        });
        if (!m_selfId.isEmpty() && m_store->status() != MessageStore::Status::Open)
            openStore();
    } else {
        m_outbox->setKeeper({});
        keepConversations();
        m_store->close();
    }
}

void ConversationManager::setStoredMessageLimit(int limit)
{
    m_store->setMessageLimit(limit);
}

void ConversationManager::flushStore()
{
    keepConversations();
    m_store->flush();
}

QString ConversationManager::offlineStoreError() const
{
    return m_store->status() == MessageStore::Status::Unavailable ? m_store->errorString()
                                                                  : QString();
}

void ConversationManager::clearNotice()
{
    if (m_notice.isEmpty())
        return;
    m_notice.clear();
    Q_EMIT noticeChanged();
}

QString ConversationManager::pendingOnQuitText() const
{
    const int waiting = m_outbox->pendingCount();
    if (waiting == 0)
        return {};
    if (m_store->isOpen())
        return tr("%n message(s) will be sent when you next open StudyConnect.", "", waiting);
    return tr("%n message(s) could not be sent and are lost.", "", waiting);
}

void ConversationManager::openStore()
{
    if (!m_storeEnabled || m_selfId.isEmpty() || m_server.isEmpty())
        return;
    // Success or failure, statusChanged tells the views (offlineStoreChanged).
    if (m_store->open(MessageStore::fileFor(m_server, m_selfId, m_storeDirectory)))
        restoreFromStore();
}

void ConversationManager::restoreFromStore()
{
    m_restoring = true;
    // What the server announced last time, until it answers again: an edit or a reaction made
    // before the first connection is kept in the outbox like a message.
    if (m_features.isEmpty()) {
        const QStringList remembered =
            QSettings()
                .value(serverSettingsKey(m_server, QStringLiteral("features")))
                .toStringList();
        if (!remembered.isEmpty()) {
            m_features = QSet<QString>(remembered.begin(), remembered.end());
            applyLimits(
                QSettings().value(serverSettingsKey(m_server, QStringLiteral("limits"))).toMap());
            Q_EMIT featuresChanged();
        }
    }
    for (const MessageStore::PersonRow &person : m_store->people()) {
        m_senders->intern(person.id, person.name, person.avatar, person.role);
        m_keptSenders.insert(person.id, person.name);
        // Offline, the server cannot tell the session who we are; the store can.
        if (person.id == m_selfId && m_session)
            m_session->noteOwnProfile(
                { { QStringLiteral("name"), person.name }, { QStringLiteral("role"), person.role },
                    { QStringLiteral("avatar"), person.avatar } });
        if (person.id != m_selfId)
            m_people->upsertUser(QVariantMap { { QStringLiteral("id"), person.id },
                { QStringLiteral("name"), person.name }, { QStringLiteral("role"), person.role },
                { QStringLiteral("avatar"), person.avatar } });
    }
    int conversations = 0;
    for (const MessageStore::ConversationRow &row : m_store->conversations()) {
        Conversation *kept = conversation(row.key, row.listed);
        kept->setDetails(row.name, row.description, row.avatar, row.memberCount);
        if (!row.key.direct && row.member)
            kept->setMembership(Conversation::Member);
        kept->setReadState(row.unreadCount, row.lastReadId, row.mentionCount);
        if (row.lastActivityMs > 0)
            kept->noteMessage(row.lastMessageText, row.lastActivityMs, false);
        kept->setDraft(row.draft);
        kept->setDraftAttachments(row.draftAttachments);
        kept->setPins(row.pins);
        kept->setMuted(row.muted);
        ++conversations;
    }
    int waiting = 0;
    for (const MessageStore::OutboxRow &row : m_store->outbox()) {
        // The request as kept; the sending state starts afresh, except a refusal, which stands.
        Outbox::Entry entry;
        static_cast<OutboxRequest &>(entry) = row;
        entry.failed = row.failed;
        // A message to a room must follow a join on this socket; the membership itself may not
        // have been saved yet when the app died.
        if (!row.target.direct && !row.failed) {
            Conversation *room = conversation(row.target, true);
            if (room->membership() == Conversation::NotMember)
                room->setMembership(Conversation::Joining);
        }
        m_outbox->restore(entry);
        if (row.failed && entry.action == Outbox::Action::Send) {
            if (MessageListModel *list = listFor(row.target, row.threadId))
                list->markFailed(row.clientId, row.error);
        }
        ++waiting;
    }
    m_restoring = false;
    qCInfo(lcChat) << "restored" << conversations << "conversations and" << waiting
                   << "unsent messages from the offline store";
}

void ConversationManager::forgetStoredData()
{
    const int discarded = m_outbox->size();
    const QString path = m_storeEnabled && !m_selfId.isEmpty()
        ? MessageStore::fileFor(m_server, m_selfId, m_storeDirectory)
        : QString();
    m_unsaved.clear();
    m_saver.stop();
    m_store->close();
    resetData();
    m_selfId.clear();
    m_server.clear();
    Q_EMIT currentUserIdChanged();
    if (path.isEmpty())
        return;
    if (MessageStore::removeFiles(path)) {
        m_notice = discarded > 0
            ? tr("Signed out. The messages kept on this computer for this account were deleted, "
                 "with %n unsent message(s).",
                "", discarded)
            : tr("Signed out. The messages kept on this computer for this account were deleted.");
    } else {
        m_notice = tr("Signed out, but the messages kept on this computer could not be deleted "
                      "(%1).")
                       .arg(path);
    }
    qCInfo(lcChat) << "signed out: offline store removed";
    Q_EMIT noticeChanged();
}

void ConversationManager::followForStore(Conversation *target)
{
    // Only with a store: a busy room changes its summary with every message.
    for (const auto changed : { &Conversation::detailsChanged, &Conversation::membershipChanged,
             &Conversation::summaryChanged, &Conversation::draftChanged,
             &Conversation::draftAttachmentsChanged, &Conversation::mutedChanged })
        connect(target, changed, this, [this, target] { keepConversationLater(target); });
}

void ConversationManager::keepConversationLater(Conversation *target)
{
    if (m_restoring || !m_store->isOpen())
        return;
    m_unsaved.insert(target->conversationKey());
    if (!m_saver.isActive())
        m_saver.start();
}

void ConversationManager::keepConversations()
{
    m_saver.stop();
    for (const ConversationKey &key : std::as_const(m_unsaved)) {
        const Conversation *target = find(key);
        if (!target)
            continue;
        MessageStore::ConversationRow row;
        row.key = key;
        row.name = target->name();
        row.description = target->description();
        row.avatar = target->avatar();
        row.memberCount = target->memberCount();
        row.member = target->membership() != Conversation::NotMember;
        row.listed = (key.direct ? m_directs : m_rooms)->contains(target);
        row.unreadCount = target->unreadCount();
        row.lastReadId = target->lastReadId();
        row.lastMessageText = target->lastMessageText();
        row.lastActivityMs = target->lastActivityMs();
        row.draft = target->draft();
        row.draftAttachments = target->draftAttachments();
        row.pins = target->pins();
        row.mentionCount = target->mentionCount();
        row.muted = target->isMuted();
        m_store->saveConversation(row);
    }
    m_unsaved.clear();
}

void ConversationManager::keepMessages(const ConversationKey &key,
    const std::vector<Payload::Message> &newestFirst, bool oldestHasGapBelow,
    qint64 directlyAboveId)
{
    if (!m_store->isOpen())
        return;
    std::vector<MessageStore::MessageRow> rows;
    rows.reserve(newestFirst.size());
    for (const Payload::Message &message : newestFirst) {
        bool numeric = false;
        const qint64 id = message.id.toLongLong(&numeric);
        if (!numeric || id <= 0)
            continue; // only numeric ids are kept (every server we know has them)
        // Thread replies are not kept: the thread view pages them from the server.
        if (message.details && !message.details->threadId.isEmpty())
            continue;
        keepSender(message.sender);
        rows.push_back({ id, message.sender.id, message.createdAtMs, message.text,
            isSelf(message.sender.id) ? message.clientId : QString(),
            message.details ? message.details->toJson() : QByteArray() });
    }
    m_store->saveMessages(key, std::move(rows), oldestHasGapBelow, directlyAboveId);
}

void ConversationManager::keepLiveMessage(
    const ConversationKey &key, const Payload::Message &message)
{
    // Checked first: without a store a live message costs nothing here (the ingest hot path).
    if (!m_store->isOpen())
        return;
    // It joins up with what is kept once this conversation's catch-up has ended on this
    // connection (or the server has no history to catch up from).
    const bool joinsUp = m_caughtUp.contains(key) || !m_history->isAvailable();
    keepMessages(key, { message }, !joinsUp);
}

void ConversationManager::keepSender(const Payload::User &sender)
{
    if (!m_store->isOpen() || sender.id.isEmpty() || sender.name.isEmpty())
        return;
    auto it = m_keptSenders.find(sender.id);
    if (it != m_keptSenders.end() && *it == sender.name)
        return;
    m_keptSenders.insert(sender.id, sender.name);
    m_store->savePeople({ { sender.id, sender.name, sender.role, sender.avatar } });
}

void ConversationManager::keepOutboxEntry(const Outbox::Entry &entry, std::function<void()> kept)
{
    // Kept before it is first sent: never failed yet.
    m_store->saveOutboxEntry({ entry, false, {} }, std::move(kept));
}

ChatMessage ConversationManager::fromStored(const MessageStore::MessageRow &row)
{
    ChatMessage message;
    message.numericId = row.id;
    message.clientId = row.clientId;
    message.text = row.text;
    message.createdAtMs = row.createdAtMs;
    message.sender = m_senders->indexOf(row.senderId);
    if (!row.details.isEmpty()) {
        auto details = std::make_shared<MessageDetails>(MessageDetails::fromJson(row.details));
        if (!details->isEmpty())
            message.details = std::move(details);
    }
    // Kept after the server had it, but the outbox entry was not yet removed (a crash between).
    if (!row.clientId.isEmpty() && isSelf(row.senderId))
        m_outbox->noteStored(row.clientId, QString::number(row.id), row.createdAtMs);
    return message;
}

void ConversationManager::loadHistory(const ConversationKey &key, const QString &beforeId,
    int limit, std::function<void(MessageListModel::HistoryPage page)> done)
{
    bool numeric = beforeId.isEmpty();
    const qint64 before = beforeId.isEmpty() ? 0 : beforeId.toLongLong(&numeric);
    if (!m_store->isOpen() || !numeric) {
        loadServerHistory(key, beforeId, limit, {}, std::move(done));
        return;
    }
    // A server without history (the seed's backend) cannot fill gaps: all that is kept is shown.
    const bool serverHasHistory = m_history->isAvailable();
    const MessageStore::Page kept = m_store->olderMessages(key, before, limit, serverHasHistory);
    MessageListModel::HistoryPage page;
    page.messages.reserve(kept.messages.size());
    for (const MessageStore::MessageRow &row : kept.messages)
        page.messages.push_back(fromStored(row));
    if (!kept.reachedGap || !serverHasHistory
        || (!m_connection->isConnected() && !page.messages.empty())) {
        // Offline, what is kept is shown; the rest comes when the view asks again online.
        page.complete = kept.reachedBeginning || (!serverHasHistory && !kept.reachedGap);
        done(std::move(page));
        return;
    }
    const QString serverBefore =
        page.messages.empty() ? beforeId : QString::number(page.messages.back().numericId);
    const int wanted = qMax(limit - int(page.messages.size()), limit / 2);
    loadServerHistory(key, serverBefore, wanted, std::move(page), std::move(done));
}

void ConversationManager::loadServerHistory(const ConversationKey &key, const QString &beforeId,
    int limit, MessageListModel::HistoryPage fromStore,
    std::function<void(MessageListModel::HistoryPage page)> done)
{
    QPointer<ConversationManager> guard(this);
    auto start = std::make_shared<MessageListModel::HistoryPage>(std::move(fromStore));
    m_history->loadPage(key, beforeId, limit,
        [guard, key, beforeId, start, done = std::move(done)](HistorySync::Page fetched) {
            if (!guard)
                return;
            MessageListModel::HistoryPage page = std::move(*start);
            if (!fetched.ok) {
                // What the store gave is still good; without it the page failed.
                page.ok = !page.messages.empty();
                page.complete = fetched.complete && page.messages.empty();
                done(std::move(page));
                return;
            }
            bool numeric = false;
            const qint64 above = beforeId.toLongLong(&numeric);
            guard->keepMessages(key, fetched.messages, !fetched.complete, numeric ? above : 0);
            // The newest page: live messages from now on join up with it.
            if (beforeId.isEmpty())
                guard->m_caughtUp.insert(key);
            page.messages.reserve(page.messages.size() + fetched.messages.size());
            for (const Payload::Message &message : fetched.messages)
                page.messages.push_back(guard->adoptFetched(message));
            page.complete = fetched.complete;
            done(std::move(page));
        });
}
