#pragma once

#include "arguments.h"
#include "error.h"

namespace SocketIo {

/// What an emit's acknowledgement callback receives: the server's ack arguments, or why none came.
struct AckResult
{
    Error error = Error::None;
    /// Read in place from the ack packet; empty on error.
    Arguments args;

    bool ok() const { return error == Error::None; }
};

} // namespace SocketIo
