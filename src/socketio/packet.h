#pragma once

#include <QString>
#include <QVariant>

#include <algorithm>
#include <array>

namespace SocketIo {

/// Socket.IO v5 packet types, with their wire digits.
enum class PacketType : quint8
{
    Connect = 0,
    Disconnect = 1,
    Event = 2,
    Ack = 3,
    ConnectError = 4,
    BinaryEvent = 5,
    BinaryAck = 6,
};

/// Event names the protocol keeps for itself: a client never emits them, and the reference
/// parser refuses events that carry them.
inline bool isReservedEventName(QStringView name)
{
    static constexpr std::array<QStringView, 6> reserved = {
        u"connect",
        u"connect_error",
        u"disconnect",
        u"disconnecting",
        u"newListener",
        u"removeListener",
    };
    return std::find(reserved.begin(), reserved.end(), name) != reserved.end();
}

/// One decoded (or to-be-encoded) Socket.IO packet.
///
/// `data` holds the payload as Qt values: QVariantMap for JSON objects, QVariantList for arrays,
/// QString, qint64 (integral numbers), double, bool, and a null QVariant of type std::nullptr_t
/// for JSON null. Binary attachments appear as QByteArray wherever the sender put them; the codec
/// turns them into placeholders on the wire and back.
struct Packet
{
    PacketType type = PacketType::Event;
    QString nsp = QStringLiteral("/");
    /// The acknowledgement id, or -1 when the packet does not expect (or is not) an ack.
    qint64 id = -1;
    QVariant data;

    bool hasAckId() const { return id >= 0; }
};

} // namespace SocketIo
