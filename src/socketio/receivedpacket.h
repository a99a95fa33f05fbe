#pragma once

#include "jsonvalue.h"
#include "packet.h"

#include <QString>

namespace SocketIo {

/// A packet as PacketDecoder hands it over. Unlike Packet (what we send), its data is a
/// JsonValue into the received frame: decoding builds no Qt containers, and readers take only
/// what they need. JsonValue::toVariant() gives Packet's form.
struct ReceivedPacket
{
    PacketType type = PacketType::Event;
    QString nsp = QStringLiteral("/");
    /// The acknowledgement id, or -1 when the packet does not expect (or is not) an ack.
    qint64 id = -1;
    /// Undefined when the packet had no payload (CONNECT, DISCONNECT, CONNECT_ERROR may not);
    /// the data of every Event and Ack is an array.
    JsonValue data;

    bool hasAckId() const { return id >= 0; }
};

} // namespace SocketIo
