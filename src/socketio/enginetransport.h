#pragma once

#include "enginepacket.h"
#include "manageroptions.h"

#include <QList>
#include <QObject>

#include <deque>
#include <functional>

class QNetworkRequest;

namespace SocketIo {

/// What carries Engine.IO packets for an EngineConnection: a WebSocket or HTTP long-polling, as
/// engine.io-client's Transport. A transport knows framing and its own I/O, nothing of the
/// handshake, the heartbeat or the write buffer, which the connection keeps.
class EngineTransport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual TransportKind kind() const = 0;

    /// Starts opening at request.url(), whose query already carries EIO, transport and, for an
    /// upgrade, the sid. opened() or closed() follows.
    virtual void open(const QNetworkRequest &request) = 0;
    /// Open and not busy writing: write() may be called.
    virtual bool isWritable() const = 0;
    /// Writes packets from the front of `packets` and returns how many it took. A transport that
    /// writes asynchronously (polling) is not writable until drained(); one that writes at once
    /// (WebSocket) stays writable and emits nothing.
    virtual qsizetype write(const std::deque<EnginePacket> &packets) = 0;
    /// Told by the connection once the server's open packet has been read.
    virtual void setSession(const QString &sid, qint64 maxPayload);
    /// Stops reading and calls `onPaused` once nothing is in flight (polling, before an
    /// upgrade). Transports that need no pause call it at once.
    virtual void pause(std::function<void()> onPaused);
    /// Undoes pause() after a failed upgrade.
    virtual void resume();
    /// Closes without any further signal. `farewell` (the close packet, with anything the
    /// connection still had to send) is sent when the transport is open; otherwise what is in
    /// flight is aborted.
    virtual void close(const QList<EnginePacket> &farewell = {}) = 0;

Q_SIGNALS:
    /// The transport is open: the WebSocket handshake completed, or the first polling response
    /// started with the open packet.
    void opened();
    /// A text packet: the type digit and its data.
    void textReceived(const QString &packet);
    void binaryReceived(const QByteArray &data);
    /// An asynchronous write completed; the transport is writable again.
    void drained();
    /// The transport is gone. reason: "transport close" (the server closed it), "transport
    /// error" (I/O failed or was refused) or "parse error" (a malformed payload).
    void closed(const QString &reason, const QString &description);
};

} // namespace SocketIo
