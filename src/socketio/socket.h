#pragma once

#include "acknowledger.h"
#include "ackresult.h"
#include "arguments.h"
#include "error.h"
#include "packet.h"
#include "receivedpacket.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QVariantMap>

#include <chrono>
#include <deque>
#include <functional>

namespace SocketIo {

class Manager;

/// How an emit is sent.
struct EmitOptions
{
    /// How long to wait for the ack; zero waits until the connection drops.
    std::chrono::milliseconds timeout { 0 };
    /// Dropped instead of buffered when not connected.
    bool isVolatile = false;
};

/// One Socket.IO namespace over a Manager's connection, as socket.io-client's Socket: the CONNECT
/// handshake with auth, events and acknowledgements, a send buffer while offline, and connection
/// state recovery.
class Socket : public QObject
{
    Q_OBJECT

public:
    /// Called on every connect attempt, so a refreshed token is sent each time.
    using AuthProvider = std::function<QVariantMap()>;
    /// The arguments are read in place from the received frame (see JsonValue); emits still take
    /// Qt values.
    using EventHandler = std::function<void(const Arguments &args, const Acknowledger &ack)>;
    using AckCallback = std::function<void(const AckResult &result)>;
    using HandlerId = quint64;

    using EmitOptions = SocketIo::EmitOptions;

    ~Socket() override;

    QString nsp() const { return m_nsp; }
    Manager *manager() const { return m_manager; }
    /// The session id given by the server's CONNECT reply; empty when not connected.
    QString id() const { return m_id; }
    bool isConnected() const { return m_connected; }
    /// True from open() until close() or a refusal, even while reconnecting.
    bool isActive() const { return m_active; }
    /// Whether the last connection resumed the previous session (connection state recovery).
    bool recovered() const { return m_recovered; }
    int bufferedCount() const { return int(m_sendBuffer.size()); }

    void setAuthProvider(AuthProvider provider) { m_authProvider = std::move(provider); }

    /// Connects the namespace, opening the manager's connection when needed.
    void open();
    /// Disconnects with reason "io client disconnect"; no automatic reconnection follows.
    void close();

    /// Emits an event. Returns Error::None when sent or buffered; otherwise why it was refused.
    Error emitEvent(
        const QString &event, const QVariantList &args = {}, const EmitOptions &options = {});
    /// Emits an event and calls `callback` exactly once: with the server's ack arguments, or with
    /// the error (Timeout, Disconnected, PayloadTooLarge...), including when refused right away.
    Error emitEventWithAck(const QString &event, const QVariantList &args, AckCallback callback,
        const EmitOptions &options = {});

    HandlerId on(const QString &event, EventHandler handler);
    /// Removes every handler of the event.
    void off(const QString &event);
    void off(HandlerId handler);

    static bool isReservedEventName(QStringView event);

Q_SIGNALS:
    void connected();
    /// reason: "io server disconnect", "io client disconnect", "ping timeout", "transport close",
    /// "transport error", "parse error".
    void disconnected(const QString &reason);
    /// The server refused the CONNECT (message and data from CONNECT_ERROR), or the transport
    /// could not be opened. After a refusal there is no automatic reconnection.
    void connectError(const QString &message, const QVariant &data);
    /// Every event, after the named handlers ran.
    void eventReceived(const QString &event, const SocketIo::Arguments &args);
    /// A buffered emit without an ack callback could not be sent when the buffer was flushed.
    void emitFailed(const QString &event, SocketIo::Error error);

private:
    friend class Manager;
    friend class Acknowledger;

    Socket(Manager *manager, const QString &nsp);

    struct PendingAck
    {
        AckCallback callback;
        int timerId = 0;
    };

    // Called by Manager.
    void onEngineOpen();
    void onEngineClosed(const QString &reason);
    void onPacket(ReceivedPacket &&packet);
    void onOpenFailed(const QString &message);

    void sendConnect();
    void onConnectPacket(const JsonValue &data);
    void onEventPacket(ReceivedPacket &&packet);
    void onAckPacket(ReceivedPacket &&packet);
    void onClose(const QString &reason);
    Packet eventPacket(const QString &event, const QVariantList &args) const;
    Error route(Packet &&packet, const EmitOptions &options);
    void flushSendBuffer();
    void failSentAcks();
    void failAck(qint64 id, Error error);
    void sendAck(qint64 id, const QVariantList &args, quint64 connectionSerial);
    void timerEvent(QTimerEvent *event) override;

    Manager *m_manager;
    QString m_nsp;
    QString m_id;
    bool m_connected = false;
    bool m_active = false;
    bool m_recovered = false;
    quint64 m_connectionSerial = 0;
    AuthProvider m_authProvider;
    QString m_pid;
    QString m_lastOffset;
    qint64 m_nextAckId = 0;
    QHash<qint64, PendingAck> m_pendingAcks;
    QHash<int, qint64> m_ackTimers;
    // Packets emitted while not connected, in emit order; an ack id marks those with a callback.
    std::deque<Packet> m_sendBuffer;
    // Events that arrive before the CONNECT reply (a recovered session's missed events are
    // replayed first), dispatched once connected.
    std::deque<ReceivedPacket> m_receiveBuffer;
    bool m_connectSent = false;
    struct Handler
    {
        HandlerId id;
        EventHandler handler;
    };
    QHash<QString, QList<Handler>> m_handlers;
    HandlerId m_nextHandlerId = 1;
};

} // namespace SocketIo
