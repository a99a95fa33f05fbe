#pragma once

#include "composermode.h"
#include "messagedetails.h"
#include "messagelistmodel.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>

class Conversation;

/// One question's thread in a room, shown beside the timeline: its root, its replies (their own
/// MessageListModel, paged from the server's thread route) and its own draft. Created by
/// Conversation::showThread(), which owns it while it is open.
class Thread : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Threads come from Conversation.openThread")

    Q_PROPERTY(Conversation *conversation READ conversation CONSTANT)
    Q_PROPERTY(QString rootId READ rootId CONSTANT)
    Q_PROPERTY(QString rootSenderName READ rootSenderName NOTIFY rootChanged)
    /// The root's text as shown (mentions as names; a placeholder when deleted).
    Q_PROPERTY(QString rootText READ rootText NOTIFY rootChanged)
    Q_PROPERTY(QDateTime rootCreatedAt READ rootCreatedAt NOTIFY rootChanged)
    Q_PROPERTY(int replyCount READ replyCount NOTIFY summaryChanged)
    Q_PROPERTY(bool resolved READ isResolved NOTIFY summaryChanged)
    /// The replies, newest first (row 0), like a conversation's messages.
    Q_PROPERTY(MessageListModel *messages READ messages CONSTANT)
    Q_PROPERTY(QString draft READ draft WRITE setDraft NOTIFY draftChanged)
    /// The user may mark it resolved: the root's author, or a tutor.
    Q_PROPERTY(bool canResolve READ canResolve NOTIFY rootChanged)
    /// The reply in the thread the panel's composer answers, and the own reply it edits (as the
    /// conversation's properties of the same names do for the main composer).
    Q_PROPERTY(QString replyToId READ replyToId NOTIFY composerModeChanged)
    Q_PROPERTY(QString replyToSenderName READ replyToSenderName NOTIFY composerModeChanged)
    Q_PROPERTY(QString replyToText READ replyToText NOTIFY composerModeChanged)
    Q_PROPERTY(QString editingId READ editingId NOTIFY composerModeChanged)

public:
    Thread(qint64 rootId, MessageListModel *messages, Conversation *conversation);

    Conversation *conversation() const { return m_conversation; }
    QString rootId() const { return QString::number(m_rootId); }
    qint64 rootNumericId() const { return m_rootId; }
    QString rootSenderName() const { return m_rootSenderName; }
    QString rootText() const { return m_rootText; }
    QDateTime rootCreatedAt() const { return m_rootCreatedAt; }
    int replyCount() const { return m_thread.replyCount; }
    bool isResolved() const { return m_thread.resolved; }
    MessageListModel *messages() const { return m_messages; }
    QString draft() const { return m_draft; }
    void setDraft(const QString &draft);
    bool canResolve() const { return m_canResolve; }

    QString replyToId() const { return m_composerMode.replyToId(); }
    QString replyToSenderName() const { return m_composerMode.replyToSenderName(); }
    QString replyToText() const { return m_composerMode.replyToText(); }
    QString editingId() const { return m_composerMode.editingId(); }

    /// Sends a reply into this thread (answering replyToId), or the edit of editingId; clears
    /// the draft. False when blank.
    Q_INVOKABLE bool send(const QString &text);
    Q_INVOKABLE void startReply(const QString &messageId);
    Q_INVOKABLE void startEdit(const QString &messageId);
    /// Up in the panel's empty composer: edits the user's newest reply here.
    Q_INVOKABLE bool editLastMessage();
    Q_INVOKABLE void cancelComposerMode();
    Q_INVOKABLE void setResolved(bool resolved);

    void setRoot(const QString &senderName, const QString &text, const QDateTime &createdAt,
        bool canResolve);
    void setSummary(const MessageDetails::Thread &thread);

Q_SIGNALS:
    void rootChanged();
    void summaryChanged();
    void draftChanged();
    void composerModeChanged();

private:
    Conversation *m_conversation;
    qint64 m_rootId;
    MessageListModel *m_messages;
    QString m_rootSenderName;
    QString m_rootText;
    QDateTime m_rootCreatedAt;
    MessageDetails::Thread m_thread;
    QString m_draft;
    bool m_canResolve = false;
    ComposerMode m_composerMode;
};
