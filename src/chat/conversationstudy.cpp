// Conversation, the study half: replies, edits, deletions, reactions, threads and pins as the
// views ask for them, and what the composer is doing (replying, editing). The manager sends
// them through the outbox (studyactions.cpp); this half keeps the state the views bind to.
#include "conversation.h"
#include "conversationmanager.h"
#include "thread.h"

#include <QRegularExpression>

#include <algorithm>

namespace {

qint64 numericId(const QString &id)
{
    bool ok = false;
    const qint64 value = id.toLongLong(&ok);
    return ok && value > 0 ? value : 0;
}

} // namespace

bool Conversation::canReply() const
{
    return canWrite() && m_manager->hasFeature(QStringLiteral("replies"));
}

bool Conversation::canUseThreads() const
{
    return !isDirect() && canWrite() && m_manager->hasFeature(QStringLiteral("threads"));
}

bool Conversation::canEdit() const
{
    return canWrite() && m_manager->hasFeature(QStringLiteral("edit"));
}

bool Conversation::canDelete() const
{
    return canWrite() && m_manager->hasFeature(QStringLiteral("delete"));
}

bool Conversation::canModerate() const
{
    return !isDirect() && isMember() && m_manager->isTutor();
}

bool Conversation::canReact() const
{
    return canWrite() && m_manager->hasFeature(QStringLiteral("reactions"));
}

bool Conversation::canPin() const
{
    return hasPins() && canModerate();
}

bool Conversation::hasPins() const
{
    return !isDirect() && m_manager->hasFeature(QStringLiteral("pins"));
}

void Conversation::startReply(const QString &messageId)
{
    std::optional<QString> restore;
    if (!canReply() || !m_composerMode.startReply(*m_messages, messageId, &restore))
        return;
    if (restore)
        setDraft(*restore);
    Q_EMIT composerModeChanged();
}

void Conversation::startEdit(const QString &messageId)
{
    if (!canEdit())
        return;
    if (const auto source = m_composerMode.startEdit(*m_messages, messageId, m_draft)) {
        setDraft(decodeMentions(*source));
        Q_EMIT composerModeChanged();
    }
}

bool Conversation::editLastMessage()
{
    const int row = m_messages->lastOwnMessageRow();
    if (row < 0 || !canEdit())
        return false;
    startEdit(m_messages->index(row).data(MessageListModel::IdRole).toString());
    return !m_composerMode.editingId().isEmpty();
}

void Conversation::cancelComposerMode()
{
    if (m_composerMode.isPlain())
        return;
    if (const auto restore = m_composerMode.cancel())
        setDraft(*restore);
    Q_EMIT composerModeChanged();
}

void Conversation::deleteMessage(const QString &messageId)
{
    if (const qint64 id = numericId(messageId))
        m_manager->deleteMessage(this, id);
}

void Conversation::toggleReaction(const QString &messageId, const QString &emoji)
{
    const qint64 id = numericId(messageId);
    // A thread reply is loaded in the open thread only; everything else is in the timeline.
    const MessageListModel *copy =
        m_messages->rowOfNumericId(id) < 0 && m_openThread ? m_openThread->messages() : m_messages;
    // Reactions still on their way count as given (or taken back): two clicks while offline
    // are an add and a remove, not two adds.
    const bool mine =
        m_manager->reactionAfterPending(m_key, id, emoji, copy->hasOwnReaction(id, emoji));
    if (id > 0)
        m_manager->react(this, id, emoji, !mine);
}

void Conversation::setThreadResolved(const QString &rootId, bool resolved)
{
    if (const qint64 id = numericId(rootId))
        m_manager->resolveThread(this, id, resolved);
}

void Conversation::setPinned(const QString &messageId, bool pinned)
{
    if (const qint64 id = numericId(messageId))
        m_manager->pinMessage(this, id, pinned);
}

void Conversation::showThread(const QString &rootId)
{
    const qint64 id = numericId(rootId);
    if (id == 0 || !canUseThreads() || (m_openThread && m_openThread->rootNumericId() == id))
        return;
    Thread *previous = m_openThread;
    m_openThread = m_manager->createThread(this, id);
    Q_EMIT openThreadChanged();
    if (previous)
        previous->deleteLater();
}

void Conversation::closeThread()
{
    if (!m_openThread)
        return;
    Thread *previous = m_openThread;
    m_openThread = nullptr;
    Q_EMIT openThreadChanged();
    previous->deleteLater();
}

Thread *Conversation::thread(qint64 rootId) const
{
    return m_openThread && m_openThread->rootNumericId() == rootId ? m_openThread : nullptr;
}

void Conversation::sendInThread(qint64 rootId, const QString &text, qint64 replyTo)
{
    m_manager->sendMessage(this, encodeMentions(text), replyTo, rootId);
}

void Conversation::editInThread(qint64 id, const QString &text)
{
    m_manager->editMessage(this, id, encodeMentions(text));
}

MessageListModel *Conversation::pinnedMessages()
{
    if (!m_pinnedMessages && !isDirect()) {
        m_pinnedMessages = m_manager->newPinnedMessageModel(m_key);
        m_pinnedMessages->setParent(this);
        QQmlEngine::setObjectOwnership(m_pinnedMessages, QQmlEngine::CppOwnership);
    }
    return m_pinnedMessages;
}

void Conversation::loadPins()
{
    m_manager->loadPins(this);
}

void Conversation::setPins(const QStringList &pins)
{
    if (m_pins == pins)
        return;
    m_pins = pins;
    m_messages->setPinnedIds(pins);
    Q_EMIT pinsChanged();
}

void Conversation::setMuted(bool muted)
{
    if (m_muted == muted)
        return;
    m_muted = muted;
    Q_EMIT mutedChanged();
}

void Conversation::setActionError(const QString &error)
{
    if (m_actionError == error)
        return;
    m_actionError = error;
    Q_EMIT actionErrorChanged();
}

void Conversation::clearActionError()
{
    setActionError({});
}

void Conversation::setMembers(const QList<std::pair<QString, QString>> &members)
{
    m_members = members;
    Q_EMIT membersChanged();
}

void Conversation::notePresenceOf(const QString &userId)
{
    for (const auto &member : std::as_const(m_members)) {
        if (member.first == userId) {
            Q_EMIT membersChanged();
            return;
        }
    }
}

bool Conversation::canListMembers() const
{
    return !isDirect() && m_manager->hasFeature(QStringLiteral("roomMembers"));
}

QVariantList Conversation::members() const
{
    struct Listed
    {
        QString id, name, role;
        bool online = false;
    };
    QList<Listed> listed;
    listed.reserve(m_members.size());
    for (const auto &[userId, userName] : m_members) {
        listed.append({ userId, userName, m_manager->roleOf(userId),
            m_manager->people()->statusOf(userId) == QLatin1String("online") });
    }
    std::sort(listed.begin(), listed.end(), [](const Listed &a, const Listed &b) {
        if (a.online != b.online)
            return a.online;
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    const QString self = m_manager->currentUserId();
    QVariantList result;
    result.reserve(listed.size());
    for (const Listed &member : std::as_const(listed)) {
        result.append(QVariantMap { { QStringLiteral("userId"), member.id },
            { QStringLiteral("name"), member.name }, { QStringLiteral("role"), member.role },
            { QStringLiteral("online"), member.online },
            { QStringLiteral("isSelf"), member.id == self } });
    }
    return result;
}

QVariantList Conversation::mentionCandidates(const QString &prefix) const
{
    QList<std::pair<QString, QString>> people = m_members;
    if (isDirect())
        people = { { id(), name() } };
    else if (people.isEmpty())
        people = m_manager->knownPeople();
    const QString self = m_manager->currentUserId();
    QVariantList result;
    for (const auto &[userId, userName] : std::as_const(people)) {
        if (userId == self || userName.isEmpty())
            continue;
        // "al" finds "Alan Turing" and "Ada Albright": any word of the name.
        bool matches = prefix.isEmpty();
        for (const QString &word : userName.split(u' ', Qt::SkipEmptyParts))
            matches = matches || word.startsWith(prefix, Qt::CaseInsensitive);
        if (!matches)
            continue;
        result.append(QVariantMap {
            { QStringLiteral("userId"), userId }, { QStringLiteral("name"), userName } });
        if (result.size() == 8)
            break;
    }
    return result;
}

QString Conversation::mentionText(const QString &userId)
{
    QString userName;
    for (const QVariant &candidate : mentionCandidates({})) {
        const QVariantMap entry = candidate.toMap();
        if (entry.value(QStringLiteral("userId")).toString() == userId)
            userName = entry.value(QStringLiteral("name")).toString();
    }
    if (userName.isEmpty())
        userName = m_manager->nameOf(userId);
    if (userName.isEmpty())
        return {};
    const QString shown = u'@' + userName;
    m_mentionsInDraft.insert(shown, userId);
    return shown;
}

QString Conversation::encodeMentions(const QString &text) const
{
    QString result = text;
    // Longest first: "@Ada Lovelace" must win over "@Ada".
    QStringList shown = m_mentionsInDraft.keys();
    std::sort(shown.begin(), shown.end(),
        [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &mention : std::as_const(shown))
        result.replace(mention, QStringLiteral("<@%1>").arg(m_mentionsInDraft.value(mention)));
    return result;
}

QString Conversation::decodeMentions(const QString &text)
{
    static const QRegularExpression token(QStringLiteral("<@(\\d{1,15})>"));
    QString result;
    qsizetype copied = 0;
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString shown = mentionText(match.captured(1));
        if (shown.isEmpty())
            continue;
        result += QStringView(text).mid(copied, match.capturedStart() - copied);
        result += shown;
        copied = match.capturedEnd();
    }
    result += QStringView(text).mid(copied);
    return result;
}
