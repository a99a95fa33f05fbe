#pragma once

#include "messagedetails.h"

#include <QString>

#include <memory>
#include <vector>

/// One line of a conversation as the service builds it and hands it to a MessageListModel (which
/// stores it as a StoredMessage). Sender details live once in a SenderDirectory and are referenced
/// by index; the time is milliseconds since the epoch; numeric ids (the usual case) take no
/// allocation.
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
    /// Replies, threads, edits, reactions...: null for the common plain message.
    std::shared_ptr<MessageDetails> details;

    bool hasId() const { return numericId > 0 || !textId.isEmpty(); }
    QString id() const { return numericId > 0 ? QString::number(numericId) : textId; }
    void setId(const QString &id);
};

/// Where one MessageListModel keeps the texts of its messages: a bump allocator over blocks that
/// grow with the room (256 bytes to 64 KiB), freed only with the model. One malloc block per text
/// would cost its 8-byte header and 16-byte rounding on every message, and scatter the texts
/// between the freed payloads of the ingest path (fragmentation the RSS shows). The price: a text
/// whose message is dropped (a duplicate live event, a pending row replaced by its echo) stays
/// until the model goes; that is bounded by the user's own sends and rare re-deliveries, since
/// history pages and catch-up skip known ids before anything is stored.
class TextPool
{
public:
    char *allocate(quint32 bytes);

private:
    std::vector<std::unique_ptr<char[]>> m_blocks;
    char *m_next = nullptr;
    size_t m_left = 0;
    size_t m_blockSize = 0;
};

/// A ChatMessage as MessageListModel keeps it: a busy room holds tens of thousands, so the common
/// message is 48 bytes plus its text in the model's TextPool. The text is kept as Latin-1
/// when every character fits (most chat text is ASCII: half of UTF-16), else as UTF-8, and as
/// UTF-16 only when it is not valid UTF-16 (a lone surrogate would not survive UTF-8), so text()
/// always gives back the very QString that came in. The rare strings (a non-numeric id, our own
/// clientId) share one optional side allocation instead of costing 24 bytes each on every message.
class StoredMessage
{
public:
    /// The text goes into `texts`, which must outlive this message.
    StoredMessage(ChatMessage &&message, TextPool &texts);

    QString text() const;
    QString textId() const { return m_rare ? m_rare->textId : QString(); }
    QString clientId() const { return m_rare ? m_rare->clientId : QString(); }
    bool hasClientId() const { return m_rare && !m_rare->clientId.isEmpty(); }
    /// Null when the message has no study details.
    const MessageDetails *details() const { return m_rare ? m_rare->details.get() : nullptr; }
    /// The details to change in place (created when missing; never shared with a copy).
    MessageDetails &editDetails();
    /// Replaces the text (an edit; a delete empties it). The old text stays in the pool.
    void setText(const QString &text, TextPool &texts);
    bool hasId() const { return numericId > 0 || (m_rare && !m_rare->textId.isEmpty()); }
    QString id() const { return numericId > 0 ? QString::number(numericId) : textId(); }
    ChatMessage toChatMessage() const;

    qint64 numericId = 0;
    qint64 createdAtMs = 0;
    quint32 sender = 0;
    ChatMessage::Kind kind = ChatMessage::Kind::Message;
    ChatMessage::State state = ChatMessage::State::Sent;

private:
    struct Rare
    {
        QString textId;
        QString clientId;
        std::shared_ptr<MessageDetails> details;
    };
    enum class Encoding : quint8
    {
        Latin1,
        Utf8,
        Utf16
    };
    // Not a QByteArray: its 16-byte header and 24-byte handle would be a third of a short line.
    // Owned by the model's TextPool.
    const char *m_text = nullptr;
    std::unique_ptr<Rare> m_rare;
    quint32 m_textBytes = 0;
    Encoding m_encoding = Encoding::Latin1;
};
