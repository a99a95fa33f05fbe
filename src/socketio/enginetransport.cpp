#include "enginetransport.h"

namespace SocketIo {

void EngineTransport::setSession(const QString &, qint64) { }

void EngineTransport::pause(std::function<void()> onPaused)
{
    onPaused();
}

void EngineTransport::resume() { }

} // namespace SocketIo
