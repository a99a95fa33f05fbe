#include "packetdecoder.h"

#include "jsonreader.h"

#include <QVariantList>
#include <QVariantMap>

#include <array>

namespace SocketIo {

namespace {

// Number.MAX_SAFE_INTEGER: a larger ack id cannot be represented exactly by the JS peer, so it
// could never match an ack we sent.
constexpr qint64 MaxAckId = (qint64(1) << 53) - 1;

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isNumber(const QVariant &value)
{
    return value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Double;
}

bool isPayloadValid(PacketType type, const QVariant &payload)
{
    switch (type) {
    case PacketType::Connect:
        return payload.typeId() == QMetaType::QVariantMap;
    case PacketType::Disconnect:
        return false; // any payload at all is invalid
    case PacketType::ConnectError:
        return payload.typeId() == QMetaType::QString || payload.typeId() == QMetaType::QVariantMap;
    case PacketType::Event:
    case PacketType::BinaryEvent: {
        if (payload.typeId() != QMetaType::QVariantList)
            return false;
        const auto &list = *static_cast<const QVariantList *>(payload.constData());
        if (list.isEmpty())
            return false;
        const QVariant &name = list.first();
        if (isNumber(name))
            return true;
        return name.typeId() == QMetaType::QString
            && !isReservedEventName(QStringView(*static_cast<const QString *>(name.constData())));
    }
    case PacketType::Ack:
    case PacketType::BinaryAck:
        return payload.typeId() == QMetaType::QVariantList;
    }
    return false;
}

// Replaces {"_placeholder":true,"num":N} objects with attachment N, like reconstructPacket().
bool reconstruct(QVariant &value, const QByteArrayList &attachments)
{
    if (value.typeId() == QMetaType::QVariantList) {
        auto &list = *static_cast<QVariantList *>(value.data());
        for (QVariant &item : list) {
            if (!reconstruct(item, attachments))
                return false;
        }
        return true;
    }
    if (value.typeId() != QMetaType::QVariantMap)
        return true;
    auto &map = *static_cast<QVariantMap *>(value.data());
    const auto placeholder = map.constFind(QStringLiteral("_placeholder"));
    if (placeholder != map.cend() && placeholder->typeId() == QMetaType::Bool
        && placeholder->toBool()) {
        const QVariant num = map.value(QStringLiteral("num"));
        qint64 index = -1;
        if (num.typeId() == QMetaType::LongLong) {
            index = num.toLongLong();
        } else if (num.typeId() == QMetaType::Double) {
            const double d = num.toDouble();
            if (d >= 0 && d < double(attachments.size()) && d == double(qint64(d)))
                index = qint64(d);
        }
        if (index < 0 || index >= attachments.size())
            return false;
        value = attachments.at(index);
        return true;
    }
    for (QVariant &item : map) {
        if (!reconstruct(item, attachments))
            return false;
    }
    return true;
}

} // namespace

PacketDecoder::Result PacketDecoder::decodeText(QStringView frame)
{
    if (m_expectedAttachments > 0)
        return fail(QStringLiteral("got plaintext data when reconstructing a packet"));
    if (frame.isEmpty())
        return fail(QStringLiteral("empty packet"));

    const char16_t typeDigit = frame.at(0).unicode();
    if (typeDigit < u'0' || typeDigit > u'6')
        return fail(QStringLiteral("unknown packet type"));
    const auto type = PacketType(typeDigit - u'0');
    const bool binary = type == PacketType::BinaryEvent || type == PacketType::BinaryAck;

    qsizetype i = 1;
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

    Packet packet;
    packet.type = type;
    if (i < length && frame.at(i) == u'/') {
        const qsizetype start = i;
        while (i < length && frame.at(i) != u',')
            ++i;
        packet.nsp = frame.mid(start, i - start).toString();
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
        if (!JsonReader::parse(frame.mid(i), &packet.data, &jsonError))
            return fail(QStringLiteral("invalid payload (%1)").arg(jsonError));
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
            packet.data = QVariantList();
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
    if (!reconstruct(m_packet.data, m_attachments))
        return fail(QStringLiteral("illegal attachments"));
    // As in the reference, a reassembled packet is an ordinary EVENT or ACK from here on.
    m_packet.type = m_packet.type == PacketType::BinaryEvent ? PacketType::Event : PacketType::Ack;
    m_attachments.clear();
    m_expectedAttachments = 0;
    return Result::Complete;
}

Packet PacketDecoder::takePacket()
{
    return std::exchange(m_packet, Packet());
}

void PacketDecoder::reset()
{
    m_packet = Packet();
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
