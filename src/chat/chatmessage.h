#pragma once

#include <QString>

/// One line of a conversation as the models store it: kept small because a busy room holds
/// tens of thousands. Sender details live once in a SenderDirectory and are referenced by index;
/// the time is milliseconds since the epoch; numeric ids (the usual case) take no allocation.
struct ChatMessage
{
    enum class Kind : quint8
    {
        Message,
        /// "<sender> joined": a local notice from room:userJoined.
        Joined,
        /// "<sender> left": a local notice from room:userLeft.
        Left,
    };
    enum class State : quint8
    {
        Pending,
        Sent,
        Failed
    };

    /// The server id when it is a decimal integer (> 0), else 0 and the id is in textId.
    qint64 numericId = 0;
    /// The server id when it is not a decimal integer; also empty for pending messages and notices.
    QString textId;
    /// Set on our own messages only (the idempotency key of a send).
    QString clientId;
    QString text;
    qint64 createdAtMs = 0;
    quint32 sender = 0;
    Kind kind = Kind::Message;
    State state = State::Sent;

    bool hasId() const { return numericId > 0 || !textId.isEmpty(); }
    QString id() const { return numericId > 0 ? QString::number(numericId) : textId; }
    void setId(const QString &id);
    /// Whether `other` is known to be newer by id; ids that are not both numeric do not compare
    /// and arrival order decides.
    static bool idNewer(const ChatMessage &a, const ChatMessage &b)
    {
        return a.numericId > 0 && b.numericId > 0 && a.numericId > b.numericId;
    }
};
