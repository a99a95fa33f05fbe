#pragma once

#include <QPointer>
#include <QString>
#include <QVariantList>

#include <memory>

namespace SocketIo {

class Socket;

/// Handed to a handler of a server event; answers the server's acknowledgement, at most once.
/// Cheap to copy; sending after the socket is gone or reconnected does nothing.
class Acknowledger
{
public:
    Acknowledger() = default;
    Acknowledger(Socket *socket, qint64 id, quint64 connectionSerial);

    /// Whether the server asked for an acknowledgement of this event.
    bool isRequested() const { return m_id >= 0; }
    /// Sends the acknowledgement with these arguments (QByteArray values go as binary).
    void send(const QVariantList &args = {}) const;

private:
    QPointer<Socket> m_socket;
    qint64 m_id = -1;
    quint64 m_connectionSerial = 0;
    // Shared by copies, so that only the first send() of any copy answers.
    std::shared_ptr<bool> m_sent;
};

} // namespace SocketIo
