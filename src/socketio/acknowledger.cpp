#include "acknowledger.h"

#include "socket.h"

namespace SocketIo {

Acknowledger::Acknowledger(Socket *socket, qint64 id, quint64 connectionSerial)
    : m_socket(socket)
    , m_id(id)
    , m_connectionSerial(connectionSerial)
    , m_sent(std::make_shared<bool>(false))
{ }

void Acknowledger::send(const QVariantList &args) const
{
    if (!isRequested() || !m_socket || *m_sent)
        return;
    *m_sent = true;
    m_socket->sendAck(m_id, args, m_connectionSerial);
}

} // namespace SocketIo
