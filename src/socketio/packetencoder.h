#pragma once

#include "packet.h"

#include <QByteArrayList>
#include <QString>

namespace SocketIo {

/// What goes on the wire for one packet: a text frame, then one binary frame per attachment.
struct EncodedPacket
{
    QString text;
    QByteArrayList attachments;
};

/// Encodes Socket.IO v5 packets. An EVENT or ACK whose data holds a QByteArray anywhere is sent
/// as BINARY_EVENT / BINARY_ACK with placeholders, attachments numbered in depth-first order.
class PacketEncoder
{
public:
    static EncodedPacket encode(const Packet &packet);
};

} // namespace SocketIo
