#pragma once

#include "conversationkey.h"

#include <QByteArray>
#include <QList>
#include <QString>

/// A file a message takes along: where it is on this computer, and once uploaded the id the
/// server gave it (with what the server found out about it). Kept on disk with its entry, so
/// that a file uploaded before a restart is not uploaded again.
struct OutboxAttachment
{
    /// Absolute path of the local file.
    QString localPath;
    /// The file's name as shown (the server's cleaned name once uploaded).
    QString name;
    qint64 size = 0;
    /// Empty until uploaded.
    QString fileId;
    /// Known locally (sniffed from the first bytes), replaced by the server's after the upload.
    QString mimeType;
    int width = 0;
    int height = 0;

    bool isUploaded() const { return !fileId.isEmpty(); }
    bool operator==(const OutboxAttachment &other) const = default;

    /// Compact JSON for the offline store; empty for an empty list.
    static QByteArray listToJson(const QList<OutboxAttachment> &attachments);
    /// Reads what listToJson() wrote; a damaged value gives what could be read, never a crash.
    static QList<OutboxAttachment> listFromJson(const QByteArray &json);
};

/// What one outbox entry asks of the server: the part of an entry that outlives the app, which
/// the offline store keeps as it is. It stands apart from Outbox (a QObject that sends, with
/// in-flight state that means nothing after a restart) so that the store can keep it without
/// depending on Outbox, and neither side copies it field by field.
struct OutboxRequest
{
    /// Only Send makes a message (with an echo to match); the others change an existing one and
    /// are confirmed by their ack alone. All of them are safe to repeat after a lost ack (the
    /// server treats a repeat as a no-op). Kept on disk as numbers: add new ones at the end.
    enum class Action : quint8
    {
        Send,
        Edit,
        Delete,
        AddReaction,
        RemoveReaction,
        ResolveThread,
        ReopenThread,
        Pin,
        Unpin,
    };
    /// The highest Action, to check a number read back from disk.
    static constexpr Action kLastAction = Action::Unpin;

    QString clientId;
    ConversationKey target;
    /// Send and Edit: the text; AddReaction and RemoveReaction: the emoji.
    QString text;
    Action action = Action::Send;
    /// The message changed (every action but Send), or the thread's root (ResolveThread,
    /// ReopenThread).
    qint64 messageId = 0;
    /// Send: the message answered (0: none), and the thread the message goes into (0: the main
    /// timeline).
    qint64 replyTo = 0;
    qint64 threadId = 0;
    qint64 createdAtMs = 0;
    /// Send: the files the message carries, uploaded (in this order) before it is sent.
    QList<OutboxAttachment> attachments;

    /// Every attachment has its file id: the message can be sent.
    bool attachmentsUploaded() const
    {
        for (const OutboxAttachment &attachment : attachments) {
            if (!attachment.isUploaded())
                return false;
        }
        return true;
    }
};
