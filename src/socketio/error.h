#pragma once

#include <QMetaType>
#include <QString>

namespace SocketIo {

/// Why an emit or an acknowledgement did not succeed. Every failure reaches the caller through
/// one of these: nothing is dropped silently.
enum class Error
{
    None,
    /// The ack did not arrive within the emit's timeout.
    Timeout,
    /// The connection dropped (or was closed) while the ack was pending.
    Disconnected,
    /// The event name is reserved (connect, connect_error, disconnect, disconnecting,
    /// newListener, removeListener).
    ReservedEventName,
    /// The send buffer is full while offline; the emit was not queued.
    BufferFull,
    /// A frame of the packet is larger than the server's maxPayload.
    PayloadTooLarge,
    /// A volatile emit made while not connected was dropped, as requested.
    DroppedVolatile,
};

QString errorString(Error error);

} // namespace SocketIo

Q_DECLARE_METATYPE(SocketIo::Error)
