#pragma once

#include <QByteArray>
#include <QString>

namespace SocketIo {

/// One Engine.IO v4 packet as a transport carries it. A text packet is its type digit followed
/// by its data (`4` + a Socket.IO packet, `2probe`, `1`); a binary packet is the raw bytes of a
/// message, which WebSocket sends as a binary frame and polling as a base64 `b` packet.
struct EnginePacket
{
    QString text;
    QByteArray binary;
    bool isBinary = false;

    static EnginePacket fromText(QString text) { return { std::move(text), {}, false }; }
    static EnginePacket fromBinary(QByteArray data) { return { {}, std::move(data), true }; }
};

} // namespace SocketIo
