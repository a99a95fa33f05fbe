#pragma once

#include "error.h"

#include <QVariantList>

namespace SocketIo {

/// What an emit's acknowledgement callback receives: the server's ack arguments, or why none came.
struct AckResult
{
    Error error = Error::None;
    QVariantList args;

    bool ok() const { return error == Error::None; }
};

} // namespace SocketIo
