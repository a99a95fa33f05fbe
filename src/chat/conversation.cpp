#include "conversation.h"

#include "conversationmanager.h"
#include "thread.h"
#include "typingnotifier.h"

#include <QStringList>

#include <utility>

Conversation::Conversation(
    const ConversationKey &key, MessageListModel *messages, ConversationManager *manager)
    : QObject(manager)
    , m_key(key)
    , m_manager(manager)
    , m_messages(messages)
    , m_membership(key.direct ? Member : NotMember)
{
    m_messages->setParent(this);
    QQmlEngine::setObjectOwnership(this, QQmlEngine::CppOwnership);
    QQmlEngine::setObjectOwnership(m_messages, QQmlEngine::CppOwnership);
    m_clock.start();
    m_typingPrune.setInterval(1000);
    connect(&m_typingPrune, &QTimer::timeout, this, &Conversation::pruneTyping);
    connect(manager, &ConversationManager::featuresChanged, this, &Conversation::abilitiesChanged);
    connect(
        manager, &ConversationManager::currentUserIdChanged, this, &Conversation::abilitiesChanged);
    connect(this, &Conversation::membershipChanged, this, &Conversation::abilitiesChanged);
}

Conversation::~Conversation() = default;

QString Conversation::name() const
{
    if (!m_name.isEmpty())
        return m_name;
    return isDirect() ? tr("User %1").arg(m_key.id) : tr("Room %1").arg(m_key.id);
}

QDateTime Conversation::lastActivity() const
{
    return m_lastActivityMs > 0 ? QDateTime::fromMSecsSinceEpoch(m_lastActivityMs) : QDateTime();
}

void Conversation::setDraft(const QString &draft)
{
    if (m_draft == draft)
        return;
    m_draft = draft;
    if (!m_typingNotifier) {
        m_typingNotifier = new TypingNotifier(this);
        connect(m_typingNotifier, &TypingNotifier::typingStarted, this,
            [this] { Q_EMIT ownTypingChanged(true); });
        connect(m_typingNotifier, &TypingNotifier::typingStopped, this,
            [this] { Q_EMIT ownTypingChanged(false); });
    }
    m_typingNotifier->edited(draft.trimmed().isEmpty());
    Q_EMIT draftChanged();
}

void Conversation::stopTyping()
{
    if (m_typingNotifier)
        m_typingNotifier->stop();
}

bool Conversation::send(const QString &text)
{
    const bool editing = !m_composerMode.editingId().isEmpty();
    const bool withFiles = !m_draftAttachments.isEmpty() && !editing;
    if (text.trimmed().isEmpty() && !withFiles)
        return false;
    // Nothing is taken out of the draft unless it can go (the server stopped taking files, or
    // takes fewer per message than a draft kept from before holds).
    if (withFiles && (!canAttach() || m_draftAttachments.size() > m_manager->maxAttachments()))
        return false;
    stopTyping();
    const bool wasPlain = m_composerMode.isPlain();
    const ComposerMode::Sending sending = m_composerMode.take();
    if (sending.editing > 0) {
        // The composer was editing: the text replaces the message's, and the draft from before
        // the edit comes back.
        m_manager->editMessage(this, sending.editing, encodeMentions(text));
        m_draft = sending.draftAfterEdit;
        Q_EMIT draftChanged();
        Q_EMIT composerModeChanged();
        return true;
    }
    if (withFiles) {
        // Taken along and out of the draft: the outbox has them now (and the store, with it).
        const QList<OutboxAttachment> files = std::exchange(m_draftAttachments, {});
        m_manager->sendWithAttachments(this, encodeMentions(text), files, sending.replyTo);
        Q_EMIT draftAttachmentsChanged();
    } else {
        m_manager->sendMessage(this, encodeMentions(text), sending.replyTo, 0);
    }
    if (!wasPlain)
        Q_EMIT composerModeChanged();
    m_mentionsInDraft.clear();
    if (!m_draft.isEmpty()) {
        m_draft.clear();
        Q_EMIT draftChanged();
    }
    return true;
}

void Conversation::join()
{
    if (!isDirect())
        m_manager->join(this);
}

void Conversation::leave()
{
    if (!isDirect())
        m_manager->leave(this);
}

void Conversation::setDetails(
    const QString &name, const QString &description, const QString &avatar, int memberCount)
{
    // Keep what is known when a source has less (a room known by id, a sender without role).
    const QString newName = name.isEmpty() ? m_name : name;
    const QString newDescription = description.isEmpty() ? m_description : description;
    const QString newAvatar = avatar.isEmpty() ? m_avatar : avatar;
    const int newCount = memberCount > 0 ? memberCount : m_memberCount;
    if (newName == m_name && newDescription == m_description && newAvatar == m_avatar
        && newCount == m_memberCount)
        return;
    m_name = newName;
    m_description = newDescription;
    m_avatar = newAvatar;
    m_memberCount = newCount;
    Q_EMIT detailsChanged();
}

void Conversation::setPeerOnline(bool online)
{
    if (m_peerOnline == online)
        return;
    m_peerOnline = online;
    Q_EMIT peerOnlineChanged();
}

void Conversation::setMembership(Membership membership)
{
    if (isDirect() || m_membership == membership)
        return;
    m_membership = membership;
    Q_EMIT membershipChanged();
}

void Conversation::noteMessage(const QString &text, qint64 atMs, bool countsAsUnread,
    bool mentionsUser, const QString &senderName)
{
    if (countsAsUnread && mentionsUser)
        ++m_mentionCount;
    const bool newest = atMs >= m_lastActivityMs;
    if (newest) {
        m_lastActivityMs = atMs;
        m_lastMessageText = text;
        m_lastMessageSenderName = senderName;
    }
    if (countsAsUnread)
        ++m_unreadCount;
    if (newest || countsAsUnread)
        Q_EMIT summaryChanged();
}

void Conversation::setReadState(int unreadCount, const QString &lastReadId, int mentionCount)
{
    const int count = std::max(0, unreadCount);
    const int mentions = mentionCount < 0 ? (count == 0 ? 0 : m_mentionCount) : mentionCount;
    if (count == m_unreadCount && lastReadId == m_lastReadId && mentions == m_mentionCount)
        return;
    m_unreadCount = count;
    m_mentionCount = std::min(mentions, count);
    if (!lastReadId.isEmpty())
        m_lastReadId = lastReadId;
    Q_EMIT summaryChanged();
}

bool Conversation::markRead()
{
    const QString newest = m_messages->newestId();
    bool newestIsNumeric = false;
    const qint64 newestId = newest.toLongLong(&newestIsNumeric);
    const qint64 readId = m_lastReadId.toLongLong();
    const bool moved = newestIsNumeric && newestId > readId;
    if (!moved && m_unreadCount == 0 && m_mentionCount == 0)
        return false;
    if (moved)
        m_lastReadId = newest;
    m_unreadCount = 0;
    m_mentionCount = 0;
    Q_EMIT summaryChanged();
    return moved;
}

void Conversation::placeReadMarker()
{
    // Only when something is unread: a conversation read to the end shows no line.
    m_messages->setReadMarker(m_unreadCount > 0 ? m_lastReadId : QString());
}

void Conversation::noteTyping(const QString &userId, const QString &name, bool typing)
{
    if (userId.isEmpty())
        return;
    if (typing) {
        m_typing.insert(
            userId, { name.isEmpty() ? tr("Someone") : name, m_clock.elapsed() + kTypingExpiryMs });
        if (!m_typingPrune.isActive())
            m_typingPrune.start();
    } else if (!m_typing.remove(userId)) {
        return;
    }
    Q_EMIT typingChanged();
}

void Conversation::clearTyping()
{
    if (m_typing.isEmpty())
        return;
    m_typing.clear();
    m_typingPrune.stop();
    Q_EMIT typingChanged();
}

void Conversation::pruneTyping()
{
    const qint64 now = m_clock.elapsed();
    const auto removed =
        m_typing.removeIf([now](const auto &it) { return it.value().expiresAt <= now; });
    if (m_typing.isEmpty())
        m_typingPrune.stop();
    if (removed > 0)
        Q_EMIT typingChanged();
}

QString Conversation::typingText() const
{
    if (m_typing.isEmpty())
        return {};
    QStringList names;
    for (const Typist &typist : m_typing)
        names << typist.name;
    names.sort(Qt::CaseInsensitive);
    if (names.size() == 1)
        return tr("%1 is typing…").arg(names.first());
    if (names.size() == 2)
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    return tr("Several people are typing…");
}

bool Conversation::firstJoinSeen(const QString &userId)
{
    if (m_joinSeen.contains(userId))
        return false;
    m_joinSeen.insert(userId);
    return true;
}
