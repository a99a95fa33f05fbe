#include "packetdecoder.h"

#include "jsontape.h"

#include <utility>

namespace SocketIo {

namespace {

// Number.MAX_SAFE_INTEGER: a larger ack id cannot be represented exactly by the JS peer, so it
// could never match an ack we sent.
constexpr qint64 MaxAckId = (qint64(1) << 53) - 1;

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

// The data of an ACK without payload, shared by all of them.
JsonValue emptyArray()
{
    static const JsonValue empty = JsonValue::fromJson(QStringLiteral("[]"));
    return empty;
}

bool isPayloadValid(PacketType type, const JsonValue &payload)
{
    switch (type) {
    case PacketType::Connect:
        return payload.isObject();
    case PacketType::Disconnect:
        return false; // any payload at all is invalid
    case PacketType::ConnectError:
        return payload.isString() || payload.isObject();
    case PacketType::Event:
    case PacketType::BinaryEvent: {
        if (!payload.isArray() || payload.isEmpty())
            return false;
        const JsonValue name = payload.at(0);
        if (name.isNumber())
            return true;
        return name.isString() && !isReservedEventName(name.toStringView());
    }
    case PacketType::Ack:
    case PacketType::BinaryAck:
        return payload.isArray();
    }
    return false;
}

} // namespace

PacketDecoder::Result PacketDecoder::decodeText(QStringView frame)
{
    return decodeText(frame.toString());
}

PacketDecoder::Result PacketDecoder::decodeText(const QString &frame, qsizetype from)
{
    if (m_expectedAttachments > 0)
        return fail(QStringLiteral("got plaintext data when reconstructing a packet"));
    if (from < 0 || from >= frame.size())
        return fail(QStringLiteral("empty packet"));

    const char16_t typeDigit = frame.at(from).unicode();
    if (typeDigit < u'0' || typeDigit > u'6')
        return fail(QStringLiteral("unknown packet type"));
    const auto type = PacketType(typeDigit - u'0');
    const bool binary = type == PacketType::BinaryEvent || type == PacketType::BinaryAck;

    qsizetype i = from + 1;
    const qsizetype length = frame.size();
    int attachments = 0;
    if (binary) {
        // The reference accepts whatever Number() accepts here; the servers we talk to write
        // plain digits, and anything else is refused.
        qint64 count = 0;
        const qsizetype start = i;
        while (i < length && isDigit(frame.at(i))) {
            if (count <= m_maxAttachments)
                count = count * 10 + (frame.at(i).unicode() - u'0');
            ++i;
        }
        if (i == start || i == length || frame.at(i) != u'-' || count < 1)
            return fail(QStringLiteral("illegal attachments"));
        if (count > m_maxAttachments)
            return fail(QStringLiteral("too many attachments"));
        attachments = int(count);
        ++i;
    }

    ReceivedPacket packet;
    packet.type = type;
    if (i < length && frame.at(i) == u'/') {
        const qsizetype start = i;
        while (i < length && frame.at(i) != u',')
            ++i;
        packet.nsp = frame.mid(start, i - start);
        if (i < length)
            ++i; // ','
    }

    if (i < length && isDigit(frame.at(i))) {
        qint64 id = 0;
        while (i < length && isDigit(frame.at(i))) {
            id = id * 10 + (frame.at(i).unicode() - u'0');
            if (id > MaxAckId)
                return fail(QStringLiteral("bad ack id"));
            ++i;
        }
        packet.id = id;
    }

    if (i < length) {
        QString jsonError;
        auto tape = JsonTape::parse(frame, i, &jsonError);
        if (!tape)
            return fail(QStringLiteral("invalid payload (%1)").arg(jsonError));
        if (binary)
            m_tape = tape; // resolved in place once the attachments are in, before takePacket()
        packet.data = JsonValue::fromTape(std::move(tape));
        if (!isPayloadValid(type, packet.data))
            return fail(QStringLiteral("invalid payload"));
    } else {
        switch (type) {
        case PacketType::Connect:
        case PacketType::Disconnect:
        case PacketType::ConnectError:
            break;
        case PacketType::Ack:
            // The JS client calls the ack with no arguments: the same as an empty array.
            packet.data = emptyArray();
            break;
        case PacketType::Event:
        case PacketType::BinaryEvent:
        case PacketType::BinaryAck:
            // Stricter than the reference, which lets these through with undefined data: an
            // event needs a name, and attachments need a payload to sit in.
            return fail(QStringLiteral("invalid payload"));
        }
    }

    m_error.clear();
    m_packet = std::move(packet);
    if (binary) {
        m_expectedAttachments = attachments;
        m_attachments.clear();
        m_attachments.reserve(attachments);
        return Result::AwaitingAttachments;
    }
    return Result::Complete;
}

PacketDecoder::Result PacketDecoder::addAttachment(const QByteArray &attachment)
{
    if (m_expectedAttachments == 0)
        return fail(QStringLiteral("got binary data when not reconstructing a packet"));
    m_attachments.append(attachment);
    if (m_attachments.size() < m_expectedAttachments)
        return Result::AwaitingAttachments;
    return finishBinaryPacket();
}

PacketDecoder::Result PacketDecoder::finishBinaryPacket()
{
    const bool resolved = m_tape->resolvePlaceholders(m_attachments);
    m_tape.reset();
    if (!resolved)
        return fail(QStringLiteral("illegal attachments"));
    // As in the reference, a reassembled packet is an ordinary EVENT or ACK from here on.
    m_packet.type = m_packet.type == PacketType::BinaryEvent ? PacketType::Event : PacketType::Ack;
    m_attachments.clear();
    m_expectedAttachments = 0;
    return Result::Complete;
}

ReceivedPacket PacketDecoder::takePacket()
{
    return std::exchange(m_packet, ReceivedPacket());
}

void PacketDecoder::reset()
{
    m_packet = ReceivedPacket();
    m_tape.reset();
    m_attachments.clear();
    m_expectedAttachments = 0;
}

PacketDecoder::Result PacketDecoder::fail(const QString &reason)
{
    reset();
    m_error = reason;
    return Result::Error;
}

} // namespace SocketIo
