// MessageListModel, the in-place half: edits, deletions, reactions, thread summaries, pins and
// pending changes of messages already loaded. Each touches one row and emits one dataChanged for
// the roles it changed; nothing here resets the model or moves a row.
#include "messagelistmodel.h"

int MessageListModel::rowOfNumericId(qint64 id) const
{
    if (id <= 0)
        return -1;
    const qsizetype index = indexOfNumericId(id);
    if (index < 0)
        return -1;
    return int(m_pending.size()) + int(m_messages.size() - 1 - size_t(index));
}

int MessageListModel::lastOwnMessageRow() const
{
    if (!m_hasSelf)
        return -1;
    const int pending = int(m_pending.size());
    // The newest few hundred rows are plenty: "Up" edits a message the user just wrote.
    const size_t limit = std::min<size_t>(m_messages.size(), 500);
    for (size_t back = 0; back < limit; ++back) {
        const StoredMessage &message = m_messages[m_messages.size() - 1 - back];
        const MessageDetails *details = message.details();
        if (message.sender == m_selfIndex && message.kind == ChatMessage::Kind::Message
            && message.numericId > 0 && !(details && details->deleted))
            return pending + int(back);
    }
    return -1;
}

bool MessageListModel::changeMessage(
    qint64 id, const QList<int> &roles, const std::function<void(StoredMessage &message)> &change)
{
    if (id <= 0)
        return false;
    // Not inserted yet (this pass's live messages): changed where it waits.
    for (StoredMessage &waiting : m_incoming) {
        if (waiting.numericId == id) {
            change(waiting);
            return true;
        }
    }
    const qsizetype index = indexOfNumericId(id);
    if (index < 0)
        return false;
    change(m_messages[size_t(index)]);
    const int row = int(m_pending.size()) + int(m_messages.size() - 1 - size_t(index));
    Q_EMIT dataChanged(this->index(row), this->index(row), roles);
    return true;
}

void MessageListModel::applyEdit(
    qint64 id, const QString &text, qint64 editedAtMs, const QStringList *mentions)
{
    changeMessage(id,
        { TextRole, Qt::DisplayRole, SourceTextRole, IsEditedRole, EditedAtRole, MentionsMeRole },
        [&](StoredMessage &message) {
            message.setText(text, m_texts);
            MessageDetails &details = message.editDetails();
            details.editedAtMs = editedAtMs;
            if (mentions)
                details.mentions = *mentions;
        });
    updateQuotes(id, text, false);
}

void MessageListModel::applyDelete(qint64 id)
{
    changeMessage(id,
        { TextRole, Qt::DisplayRole, SourceTextRole, IsDeletedRole, IsEditedRole, ReactionsRole,
            ReplyToIdRole, MentionsMeRole, IsPinnedRole },
        [&](StoredMessage &message) {
            message.setText({}, m_texts);
            MessageDetails &details = message.editDetails();
            // What the server keeps of a deleted message: its place, its thread.
            details.deleted = true;
            details.replyTo.reset();
            details.reactions.clear();
            details.mentions.clear();
            details.editedAtMs = 0;
            m_pinned.remove(id);
        });
    updateQuotes(id, {}, true);
}

void MessageListModel::setReactions(qint64 id, const QList<MessageDetails::Reaction> &reactions)
{
    changeMessage(id, { ReactionsRole },
        [&](StoredMessage &message) { message.editDetails().reactions = reactions; });
}

bool MessageListModel::refresh(qint64 id, const QString &text, const MessageDetails &details)
{
    const qsizetype index = indexOfNumericId(id);
    if (index < 0)
        return false;
    const StoredMessage &row = m_messages[size_t(index)];
    const MessageDetails none;
    const MessageDetails &now = row.details() ? *row.details() : none;
    if (row.text() == text && now.toJson() == details.toJson())
        return false;
    const bool quoteChanged = row.text() != text || now.deleted != details.deleted;
    changeMessage(id,
        { TextRole, Qt::DisplayRole, SourceTextRole, IsEditedRole, EditedAtRole, IsDeletedRole,
            ReplyToTextRole, ThreadReplyCountRole, ThreadLastReplyAtRole, ThreadResolvedRole,
            ReactionsRole, MentionsMeRole, AttachmentsRole },
        [&](StoredMessage &message) {
            message.setText(text, m_texts);
            message.editDetails() = details;
        });
    if (quoteChanged)
        updateQuotes(id, text, details.deleted);
    return true;
}

void MessageListModel::setThread(qint64 rootId, const MessageDetails::Thread &thread)
{
    changeMessage(rootId, { ThreadReplyCountRole, ThreadLastReplyAtRole, ThreadResolvedRole },
        [&](StoredMessage &message) { message.editDetails().thread = thread; });
}

void MessageListModel::updateQuotes(qint64 quotedId, const QString &text, bool deleted)
{
    const QString quoted = deleted ? QString() : MessageDetails::quoteOf(text);
    const QList<qint64> replies = m_quotedBy.values(quotedId);
    for (const qint64 replyId : replies) {
        changeMessage(replyId, { ReplyToTextRole }, [&](StoredMessage &message) {
            MessageDetails &details = message.editDetails();
            if (!details.replyTo)
                return;
            details.replyTo->text = quoted;
            details.replyTo->deleted = deleted;
        });
    }
}

void MessageListModel::setPinnedIds(const QStringList &ids)
{
    QSet<qint64> pinned;
    for (const QString &id : ids) {
        if (const qint64 number = id.toLongLong(); number > 0)
            pinned.insert(number);
    }
    if (pinned == m_pinned)
        return;
    QSet<qint64> changed = pinned;
    changed.unite(m_pinned);
    for (qint64 id : std::as_const(pinned)) {
        if (m_pinned.contains(id))
            changed.remove(id);
    }
    m_pinned = std::move(pinned);
    for (qint64 id : std::as_const(changed)) {
        if (const int row = rowOfNumericId(id); row >= 0)
            Q_EMIT dataChanged(index(row), index(row), { IsPinnedRole });
    }
}

void MessageListModel::setChangePending(qint64 id, bool pending)
{
    if (id <= 0)
        return;
    int &count = m_changesPending[id];
    const bool before = count > 0;
    count = std::max(0, count + (pending ? 1 : -1));
    if (count == 0)
        m_changesPending.remove(id);
    if (before == pending)
        return;
    if (const int row = rowOfNumericId(id); row >= 0)
        Q_EMIT dataChanged(index(row), index(row), { ChangePendingRole });
}

QString MessageListModel::displayText(const QString &text, const MessageDetails *details) const
{
    return m_senders->withMentionNames(text, details ? &details->mentions : nullptr);
}

bool MessageListModel::hasOwnReaction(qint64 id, const QString &emoji) const
{
    const qsizetype index = indexOfNumericId(id);
    if (index < 0 || !m_hasSelf)
        return false;
    const MessageDetails *details = m_messages[size_t(index)].details();
    if (!details)
        return false;
    const QString self = m_senders->at(m_selfIndex).id;
    for (const MessageDetails::Reaction &reaction : details->reactions) {
        if (reaction.emoji == emoji)
            return reaction.userIds.contains(self);
    }
    return false;
}

QVariantList MessageListModel::reactionList(const MessageDetails &details) const
{
    QVariantList list;
    const QString self = m_hasSelf ? m_senders->at(m_selfIndex).id : QString();
    for (const MessageDetails::Reaction &reaction : details.reactions) {
        QStringList names;
        for (const QString &userId : reaction.userIds) {
            const QString name = m_senders->nameOf(userId);
            names.append(userId == self ? tr("you")
                    : name.isEmpty()    ? tr("user %1").arg(userId)
                                        : name);
        }
        list.append(QVariantMap {
            { QStringLiteral("emoji"), reaction.emoji },
            { QStringLiteral("count"), int(reaction.userIds.size()) },
            { QStringLiteral("mine"), !self.isEmpty() && reaction.userIds.contains(self) },
            { QStringLiteral("names"), names.join(QStringLiteral(", ")) },
        });
    }
    return list;
}
