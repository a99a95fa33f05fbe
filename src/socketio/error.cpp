#include "error.h"

namespace SocketIo {

QString errorString(Error error)
{
    switch (error) {
    case Error::None:
        return QStringLiteral("No error");
    case Error::Timeout:
        return QStringLiteral("The server did not acknowledge in time");
    case Error::Disconnected:
        return QStringLiteral("The connection was lost before the server acknowledged");
    case Error::ReservedEventName:
        return QStringLiteral("The event name is reserved by Socket.IO and cannot be emitted");
    case Error::BufferFull:
        return QStringLiteral("Too many messages are waiting to be sent while offline");
    case Error::PayloadTooLarge:
        return QStringLiteral("The message is larger than the server accepts");
    case Error::DroppedVolatile:
        return QStringLiteral("The message was dropped because the connection is not ready");
    }
    return QStringLiteral("Unknown error");
}

} // namespace SocketIo
