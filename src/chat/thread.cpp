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
    m_conversation->sendInThread(m_rootId, text);
    setDraft({});
    return true;
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
