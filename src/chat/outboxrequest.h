#pragma once

#include "conversationkey.h"

#include <QString>

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
};
