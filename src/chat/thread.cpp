#include "thread.h"

#include "conversation.h"

Thread::Thread(qint64 rootId, MessageListModel *messages, Conversation *conversation)
    : QObject(conversation)
    , m_conversation(conversation)
    , m_rootId(rootId)
    , m_messages(messages)
{
    m_messages->setParent(this);
    QQmlEngine::setObjectOwnership(this, QQmlEngine::CppOwnership);
    QQmlEngine::setObjectOwnership(m_messages, QQmlEngine::CppOwnership);
}

void Thread::setDraft(const QString &draft)
{
    if (m_draft == draft)
        return;
    m_draft = draft;
    Q_EMIT draftChanged();
}

bool Thread::send(const QString &text)
{
    if (text.trimmed().isEmpty())
        return false;
    const bool wasPlain = m_composerMode.isPlain();
    const ComposerMode::Sending sending = m_composerMode.take();
    if (sending.editing > 0) {
        m_conversation->editInThread(sending.editing, text);
        setDraft(sending.draftAfterEdit);
    } else {
        m_conversation->sendInThread(m_rootId, text, sending.replyTo);
        setDraft({});
    }
    if (!wasPlain)
        Q_EMIT composerModeChanged();
    return true;
}

void Thread::startReply(const QString &messageId)
{
    std::optional<QString> restore;
    if (!m_conversation->canReply() || !m_composerMode.startReply(*m_messages, messageId, &restore))
        return;
    if (restore)
        setDraft(*restore);
    Q_EMIT composerModeChanged();
}

void Thread::startEdit(const QString &messageId)
{
    if (!m_conversation->canEdit())
        return;
    if (const auto source = m_composerMode.startEdit(*m_messages, messageId, m_draft)) {
        setDraft(m_conversation->decodeMentions(*source));
        Q_EMIT composerModeChanged();
    }
}

bool Thread::editLastMessage()
{
    const int row = m_messages->lastOwnMessageRow();
    if (row < 0)
        return false;
    startEdit(m_messages->index(row).data(MessageListModel::IdRole).toString());
    return !m_composerMode.editingId().isEmpty();
}

void Thread::cancelComposerMode()
{
    if (m_composerMode.isPlain())
        return;
    if (const auto restore = m_composerMode.cancel())
        setDraft(*restore);
    Q_EMIT composerModeChanged();
}

void Thread::setResolved(bool resolved)
{
    m_conversation->setThreadResolved(rootId(), resolved);
}

void Thread::setRoot(
    const QString &senderName, const QString &text, const QDateTime &createdAt, bool canResolve)
{
    if (m_rootSenderName == senderName && m_rootText == text && m_rootCreatedAt == createdAt
        && m_canResolve == canResolve)
        return;
    m_rootSenderName = senderName;
    m_rootText = text;
    m_rootCreatedAt = createdAt;
    m_canResolve = canResolve;
    Q_EMIT rootChanged();
}

void Thread::setSummary(const MessageDetails::Thread &thread)
{
    if (m_thread.replyCount == thread.replyCount && m_thread.resolved == thread.resolved
        && m_thread.lastReplyAtMs == thread.lastReplyAtMs)
        return;
    m_thread = thread;
    Q_EMIT summaryChanged();
}
