#include "chatmessage.h"

#include <algorithm>
#include <cstring>

void ChatMessage::setId(const QString &id)
{
    bool numeric = false;
    const qint64 value = id.toLongLong(&numeric);
    // "007" is not the integer 7 as far as the server is concerned: keep it as text.
    if (numeric && value > 0 && QString::number(value) == id) {
        numericId = value;
        textId.clear();
    } else {
        numericId = 0;
        textId = id;
    }
}

char *TextPool::allocate(quint32 bytes)
{
    // A long post gets a block of its own rather than leaving the rest of the current one unused.
    constexpr size_t kOwnBlock = 4096;
    if (bytes > kOwnBlock) {
        m_blocks.emplace_back(new char[bytes]);
        return m_blocks.back().get();
    }
    if (bytes > m_left) {
        m_blockSize = std::clamp<size_t>(m_blockSize * 2, 256, 64 * 1024);
        m_blockSize = std::max<size_t>(m_blockSize, bytes);
        m_blocks.emplace_back(new char[m_blockSize]);
        m_next = m_blocks.back().get();
        m_left = m_blockSize;
    }
    char *result = m_next;
    m_next += bytes;
    m_left -= bytes;
    return result;
}

StoredMessage::StoredMessage(ChatMessage &&message, TextPool &texts)
    : numericId(message.numericId)
    , createdAtMs(message.createdAtMs)
    , sender(message.sender)
    , kind(message.kind)
    , state(message.state)
{
    if (!message.textId.isEmpty() || !message.clientId.isEmpty() || message.details) {
        m_rare.reset(new Rare {
            std::move(message.textId), std::move(message.clientId), std::move(message.details) });
    }
    setText(message.text, texts);
}

MessageDetails &StoredMessage::editDetails()
{
    if (!m_rare)
        m_rare.reset(new Rare);
    if (!m_rare->details)
        m_rare->details = std::make_shared<MessageDetails>();
    else if (m_rare->details.use_count() > 1) // a ChatMessage copy shares it: copy on write
        m_rare->details = std::make_shared<MessageDetails>(*m_rare->details);
    return *m_rare->details;
}

void StoredMessage::setText(const QString &text, TextPool &texts)
{
    m_text = nullptr;
    m_textBytes = 0;
    m_encoding = Encoding::Latin1;
    if (text.isEmpty())
        return;
    const bool latin1 =
        std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x100; });
    if (latin1) {
        m_encoding = Encoding::Latin1;
        m_textBytes = quint32(text.size());
        char *block = texts.allocate(m_textBytes);
        // Straight into the pool: no intermediate QByteArray on the ingest path.
        std::transform(
            text.cbegin(), text.cend(), block, [](QChar c) { return char(quint8(c.unicode())); });
        m_text = block;
    } else if (QStringView(text).isValidUtf16()) {
        m_encoding = Encoding::Utf8;
        const QByteArray bytes = text.toUtf8();
        m_textBytes = quint32(bytes.size());
        char *block = texts.allocate(m_textBytes);
        std::memcpy(block, bytes.constData(), m_textBytes);
        m_text = block;
    } else {
        m_encoding = Encoding::Utf16;
        m_textBytes = quint32(text.size() * qsizetype(sizeof(QChar)));
        char *block = texts.allocate(m_textBytes);
        std::memcpy(block, text.constData(), m_textBytes);
        m_text = block;
    }
}

// The whole point: the common message must stay this small (see the class comment).
static_assert(sizeof(StoredMessage) <= 48);

QString StoredMessage::text() const
{
    if (!m_text)
        return {};
    switch (m_encoding) {
    case Encoding::Latin1:
        return QString::fromLatin1(m_text, qsizetype(m_textBytes));
    case Encoding::Utf8:
        return QString::fromUtf8(m_text, qsizetype(m_textBytes));
    case Encoding::Utf16:
        break;
    }
    QString result(qsizetype(m_textBytes / sizeof(QChar)), Qt::Uninitialized);
    std::memcpy(result.data(), m_text, m_textBytes);
    return result;
}

ChatMessage StoredMessage::toChatMessage() const
{
    ChatMessage result;
    result.numericId = numericId;
    result.textId = textId();
    result.clientId = clientId();
    result.text = text();
    result.createdAtMs = createdAtMs;
    result.sender = sender;
    result.kind = kind;
    result.state = state;
    if (m_rare)
        result.details = m_rare->details;
    return result;
}
