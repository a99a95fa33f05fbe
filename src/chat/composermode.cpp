#include "composermode.h"

#include "messagelistmodel.h"

bool ComposerMode::startReply(
    const MessageListModel &messages, const QString &id, std::optional<QString> *restoreDraft)
{
    const int row = messages.rowOfId(id);
    if (row < 0)
        return false;
    const QModelIndex index = messages.index(row);
    m_replyToId = id;
    m_replyToSenderName = index.data(MessageListModel::SenderNameRole).toString();
    m_replyToText = index.data(MessageListModel::TextRole).toString();
    if (!m_editingId.isEmpty()) {
        m_editingId.clear();
        *restoreDraft = std::exchange(m_draftBeforeEdit, QString());
    }
    return true;
}

std::optional<QString> ComposerMode::startEdit(
    const MessageListModel &messages, const QString &id, const QString &draftNow)
{
    const int row = messages.rowOfId(id);
    if (row < 0)
        return std::nullopt;
    const QModelIndex index = messages.index(row);
    if (!index.data(MessageListModel::IsMineRole).toBool()
        || index.data(MessageListModel::IsDeletedRole).toBool())
        return std::nullopt;
    // Editing another message after this one keeps the draft from before the first.
    if (m_editingId.isEmpty())
        m_draftBeforeEdit = draftNow;
    m_editingId = id;
    m_replyToId.clear();
    return index.data(MessageListModel::SourceTextRole).toString();
}

std::optional<QString> ComposerMode::cancel()
{
    m_replyToId.clear();
    if (m_editingId.isEmpty())
        return std::nullopt;
    m_editingId.clear();
    return std::exchange(m_draftBeforeEdit, QString());
}

ComposerMode::Sending ComposerMode::take()
{
    Sending sending;
    sending.replyTo = m_replyToId.toLongLong();
    sending.editing = m_editingId.toLongLong();
    if (sending.editing > 0)
        sending.draftAfterEdit = std::exchange(m_draftBeforeEdit, QString());
    m_replyToId.clear();
    m_editingId.clear();
    return sending;
}
