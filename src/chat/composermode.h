#pragma once

#include <QString>

#include <optional>

class MessageListModel;

/// What a composer does besides writing a new message: answering one (reply) or changing one of
/// the user's own (edit), and the draft to give back when an edit ends. Conversation (the main
/// composer) and Thread (the thread panel's) each hold one and expose it as properties.
class ComposerMode
{
public:
    QString replyToId() const { return m_replyToId; }
    QString replyToSenderName() const { return m_replyToSenderName; }
    QString replyToText() const { return m_replyToText; }
    QString editingId() const { return m_editingId; }
    bool isPlain() const { return m_replyToId.isEmpty() && m_editingId.isEmpty(); }

    /// Answers the message `id` of `messages`. False when it is not loaded. When an edit was
    /// going on, `restoreDraft` gets the draft from before it.
    bool startReply(
        const MessageListModel &messages, const QString &id, std::optional<QString> *restoreDraft);
    /// Edits the user's own message `id`: its source text (mention tokens as in the store) for
    /// the draft, or nullopt when it is not loaded, not the user's, or deleted.
    std::optional<QString> startEdit(
        const MessageListModel &messages, const QString &id, const QString &draftNow);
    /// Back to writing a new message: the draft to restore when an edit ended.
    std::optional<QString> cancel();

    /// What a send is for; the mode is plain afterwards.
    struct Sending
    {
        qint64 replyTo = 0;
        qint64 editing = 0;
        /// The draft from before the edit (an edit was sent).
        QString draftAfterEdit;
    };
    Sending take();

private:
    QString m_replyToId;
    QString m_replyToSenderName;
    QString m_replyToText;
    QString m_editingId;
    QString m_draftBeforeEdit;
};
