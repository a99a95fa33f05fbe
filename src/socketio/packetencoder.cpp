#include "packetencoder.h"

#include "jsonwriter.h"

#include <charconv>

namespace SocketIo {

namespace {

void appendNumber(QString &out, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out += QLatin1StringView(buffer, result.ptr - buffer);
}

bool isBinaryType(PacketType type)
{
    return type == PacketType::BinaryEvent || type == PacketType::BinaryAck;
}

void appendHeader(QString &text, const Packet &packet, PacketType type, qsizetype attachments)
{
    text += QChar(u'0' + int(type));
    if (isBinaryType(type)) {
        appendNumber(text, attachments);
        text += u'-';
    }
    if (!packet.nsp.isEmpty() && packet.nsp != u"/") {
        text += packet.nsp;
        text += u',';
    }
    if (packet.hasAckId())
        appendNumber(text, packet.id);
}

} // namespace

EncodedPacket PacketEncoder::encode(const Packet &packet)
{
    EncodedPacket encoded;
    const bool isEvent = packet.type == PacketType::Event || packet.type == PacketType::BinaryEvent;
    const bool isAck = packet.type == PacketType::Ack || packet.type == PacketType::BinaryAck;
    // The binary types follow from the data, so that a caller can neither announce attachments
    // that do not follow nor forget the ones that do. Written as the plain type first: binary
    // data is rare, and the header is rewritten only then.
    const PacketType plainType =
        isEvent ? PacketType::Event : (isAck ? PacketType::Ack : packet.type);

    QString &text = encoded.text;
    appendHeader(text, packet, plainType, 0);
    const qsizetype headerLength = text.size();

    // DISCONNECT never has a payload; null data is left out, as `null != obj.data` does.
    if (packet.type != PacketType::Disconnect && packet.data.isValid()
        && packet.data.typeId() != QMetaType::Nullptr)
        JsonWriter::write(packet.data, text, (isEvent || isAck) ? &encoded.attachments : nullptr);

    if (!encoded.attachments.isEmpty()) {
        QString header;
        appendHeader(header, packet, isEvent ? PacketType::BinaryEvent : PacketType::BinaryAck,
            encoded.attachments.size());
        text.replace(0, headerLength, header);
    }
    return encoded;
}

} // namespace SocketIo
