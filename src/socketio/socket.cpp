#include "socket.h"

#include "logging.h"
#include "manager.h"

#include <QTimerEvent>

namespace SocketIo {

Socket::Socket(Manager *manager, const QString &nsp)
    : QObject(manager)
    , m_manager(manager)
    , m_nsp(nsp)
{ }

// Callbacks are not called once the socket is gone: their owners may be halfway destroyed.
Socket::~Socket() = default;

bool Socket::isReservedEventName(QStringView event)
{
    return SocketIo::isReservedEventName(event);
}

void Socket::open()
{
    if (m_connected)
        return;
    m_active = true;
    if (m_manager->isEngineOpen())
        sendConnect();
    else
        m_manager->open();
}

void Socket::close()
{
    const bool wasConnected = m_connected;
    if (wasConnected) {
        Packet packet;
        packet.type = PacketType::Disconnect;
        packet.nsp = m_nsp;
        m_manager->sendPacket(packet);
    }
    m_active = false;
    m_connectSent = false;
    if (wasConnected)
        onClose(QStringLiteral("io client disconnect"));
    m_manager->socketClosed(this);
}

Packet Socket::eventPacket(const QString &event, const QVariantList &args) const
{
    Packet packet;
    packet.nsp = m_nsp;
    QVariantList data;
    data.reserve(args.size() + 1);
    data.append(event);
    data.append(args);
    packet.data = std::move(data);
    return packet;
}

Error Socket::emitEvent(const QString &event, const QVariantList &args, const EmitOptions &options)
{
    if (isReservedEventName(event)) {
        qCWarning(lcSocketIo).noquote() << "refused to emit the reserved event name" << event;
        return Error::ReservedEventName;
    }
    Packet packet = eventPacket(event, args);
    return route(std::move(packet), options);
}

Error Socket::emitEventWithAck(const QString &event, const QVariantList &args, AckCallback callback,
    const EmitOptions &options)
{
    if (isReservedEventName(event)) {
        qCWarning(lcSocketIo).noquote() << "refused to emit the reserved event name" << event;
        if (callback)
            callback(AckResult { Error::ReservedEventName, {} });
        return Error::ReservedEventName;
    }
    Packet packet = eventPacket(event, args);
    packet.id = m_nextAckId++;

    // As in socket.io-client the timeout runs from the emit, buffered or not: the caller asked
    // for an answer within that time.
    PendingAck pending { std::move(callback), 0 };
    if (options.timeout.count() > 0) {
        pending.timerId = startTimer(options.timeout);
        m_ackTimers.insert(pending.timerId, packet.id);
    }
    const qint64 id = packet.id;
    m_pendingAcks.insert(id, std::move(pending));

    const Error result = route(std::move(packet), options);
    if (result != Error::None)
        failAck(id, result);
    return result;
}

Error Socket::route(Packet &&packet, const EmitOptions &options)
{
    if (m_connected) {
        const Error sent = m_manager->sendPacket(packet);
        if (sent != Error::Disconnected)
            return sent;
        // The link turned out to be dead (heartbeat deadline passed): keep the packet.
    }
    if (options.isVolatile)
        return Error::DroppedVolatile;
    if (int(m_sendBuffer.size()) >= m_manager->options().sendBufferLimit) {
        qCWarning(lcSocketIo) << "send buffer full (" << m_sendBuffer.size()
                              << "emits ), emit refused";
        return Error::BufferFull;
    }
    m_sendBuffer.push_back(std::move(packet));
    return Error::None;
}

Socket::HandlerId Socket::on(const QString &event, EventHandler handler)
{
    const HandlerId id = m_nextHandlerId++;
    m_handlers[event].append(Handler { id, std::move(handler) });
    return id;
}

void Socket::off(const QString &event)
{
    m_handlers.remove(event);
}

void Socket::off(HandlerId handler)
{
    for (auto it = m_handlers.begin(); it != m_handlers.end(); ++it) {
        auto &list = it.value();
        const auto removed = list.removeIf([handler](const Handler &h) { return h.id == handler; });
        if (removed > 0) {
            if (list.isEmpty())
                m_handlers.erase(it);
            return;
        }
    }
}

void Socket::onEngineOpen()
{
    m_connectSent = false;
    sendConnect();
}

void Socket::sendConnect()
{
    if (m_connectSent)
        return;
    QVariantMap auth;
    if (!m_pid.isEmpty()) {
        auth.insert(QStringLiteral("pid"), m_pid);
        auth.insert(QStringLiteral("offset"), m_lastOffset);
    }
    // Asked again on every attempt so that a refreshed token is used. The auth payload is never
    // logged: it carries the credentials.
    if (m_authProvider) {
        const QVariantMap provided = m_authProvider();
        for (auto it = provided.begin(); it != provided.end(); ++it)
            auth.insert(it.key(), it.value());
    }
    Packet packet;
    packet.type = PacketType::Connect;
    packet.nsp = m_nsp;
    if (!auth.isEmpty())
        packet.data = auth;
    m_connectSent = m_manager->sendPacket(packet) == Error::None;
    qCDebug(lcSocketIo).noquote() << "CONNECT sent to" << m_nsp
                                  << (m_pid.isEmpty() ? "" : "(recovering)");
}

void Socket::onOpenFailed(const QString &message)
{
    if (m_active && !m_connected)
        Q_EMIT connectError(message, QVariant());
}

void Socket::onEngineClosed(const QString &reason)
{
    m_connectSent = false;
    if (m_connected)
        onClose(reason);
}

void Socket::onClose(const QString &reason)
{
    m_connected = false;
    m_id.clear();
    failSentAcks();
    qCInfo(lcSocketIo).noquote() << "socket" << m_nsp << "disconnected:" << reason;
    Q_EMIT disconnected(reason);
}

void Socket::onPacket(ReceivedPacket &&packet)
{
    switch (packet.type) {
    case PacketType::Connect: {
        if (packet.data.value(u"sid").toStringView().isEmpty()) {
            Q_EMIT connectError(
                QStringLiteral("It seems you are trying to reach a Socket.IO server "
                               "in v2.x with a v3.x client, but they are not compatible"),
                QVariant());
            return;
        }
        onConnectPacket(packet.data);
        return;
    }
    case PacketType::Event:
    case PacketType::BinaryEvent:
        if (m_connected)
            onEventPacket(std::move(packet));
        else
            m_receiveBuffer.push_back(std::move(packet));
        return;
    case PacketType::Ack:
    case PacketType::BinaryAck:
        onAckPacket(std::move(packet));
        return;
    case PacketType::Disconnect:
        m_active = false;
        m_connectSent = false;
        if (m_connected)
            onClose(QStringLiteral("io server disconnect"));
        m_manager->socketClosed(this);
        return;
    case PacketType::ConnectError: {
        // A refusal by the server's middleware: the application must fix its auth and open()
        // again, so there is no automatic reconnection.
        m_active = false;
        m_connectSent = false;
        QString message;
        QVariant data;
        if (packet.data.isString()) {
            message = packet.data.toString();
        } else {
            message = packet.data.value(u"message").toString();
            data = packet.data.value(u"data").toVariant();
        }
        qCInfo(lcSocketIo).noquote() << "connection to" << m_nsp << "refused:" << message;
        m_manager->socketClosed(this);
        Q_EMIT connectError(message, data);
        return;
    }
    }
}

void Socket::onConnectPacket(const JsonValue &data)
{
    const QString pid = data.value(u"pid").toString();
    m_id = data.value(u"sid").toString();
    m_recovered = !pid.isEmpty() && pid == m_pid;
    if (!m_recovered)
        m_lastOffset.clear();
    m_pid = pid;
    m_connected = true;
    ++m_connectionSerial;
    qCInfo(lcSocketIo).noquote() << "socket" << m_nsp << "connected"
                                 << (m_recovered ? "(recovered)" : "");
    // As socket.io-client: replayed events first, then buffered emits, all before connected()
    // handlers can send anything, so that order is kept both ways.
    while (!m_receiveBuffer.empty() && m_connected) {
        ReceivedPacket packet = std::move(m_receiveBuffer.front());
        m_receiveBuffer.pop_front();
        onEventPacket(std::move(packet));
    }
    flushSendBuffer();
    if (m_connected)
        Q_EMIT connected();
}

void Socket::flushSendBuffer()
{
    while (!m_sendBuffer.empty() && m_connected) {
        Packet packet = std::move(m_sendBuffer.front());
        m_sendBuffer.pop_front();
        const qint64 id = packet.id;
        const QString event = packet.data.toList().value(0).toString();
        const Error result = m_manager->sendPacket(packet);
        if (result == Error::Disconnected) {
            m_sendBuffer.push_front(std::move(packet));
            return;
        }
        if (result != Error::None) {
            if (id >= 0 && m_pendingAcks.contains(id))
                failAck(id, result);
            else
                Q_EMIT emitFailed(event, result);
        }
    }
}

void Socket::onEventPacket(ReceivedPacket &&packet)
{
    if (packet.data.isEmpty())
        return;
    // A numeric event name (which the decoder lets through, as the reference does) reaches the
    // handlers of that number written out.
    const JsonValue name = packet.data.at(0);
    const QString event = name.isString() ? name.toString() : name.toVariant().toString();
    Arguments args(packet.data, 1);
    // With connection state recovery the server appends its offset to every event that has no ack
    // id; it is bookkeeping, not an argument.
    if (!m_pid.isEmpty() && !packet.hasAckId() && !args.isEmpty() && args.last().isString()) {
        m_lastOffset = args.last().toString();
        args.removeLast();
    }
    const Acknowledger ack(this, packet.id, m_connectionSerial);
    // Handlers may add or remove handlers: iterate over a copy.
    const QList<Handler> handlers = m_handlers.value(event);
    for (const Handler &handler : handlers)
        handler.handler(args, ack);
    Q_EMIT eventReceived(event, args);
}

void Socket::onAckPacket(ReceivedPacket &&packet)
{
    auto it = m_pendingAcks.find(packet.id);
    if (it == m_pendingAcks.end()) {
        qCDebug(lcSocketIo) << "ack" << packet.id << "matches no pending emit";
        return;
    }
    PendingAck pending = std::move(it.value());
    m_pendingAcks.erase(it);
    if (pending.timerId) {
        killTimer(pending.timerId);
        m_ackTimers.remove(pending.timerId);
    }
    if (pending.callback)
        pending.callback(AckResult { Error::None, Arguments(packet.data) });
}

void Socket::failAck(qint64 id, Error error)
{
    auto it = m_pendingAcks.find(id);
    if (it == m_pendingAcks.end())
        return;
    PendingAck pending = std::move(it.value());
    m_pendingAcks.erase(it);
    if (pending.timerId) {
        killTimer(pending.timerId);
        m_ackTimers.remove(pending.timerId);
    }
    if (pending.callback)
        pending.callback(AckResult { error, {} });
}

void Socket::failSentAcks()
{
    // Emits still in the buffer have not reached the server: they keep waiting for the next
    // connection. Those sent on the dead connection will never be answered.
    QList<qint64> sent;
    for (auto it = m_pendingAcks.cbegin(); it != m_pendingAcks.cend(); ++it) {
        const qint64 id = it.key();
        const bool buffered = std::any_of(m_sendBuffer.cbegin(), m_sendBuffer.cend(),
            [id](const Packet &p) { return p.id == id; });
        if (!buffered)
            sent.append(id);
    }
    std::sort(sent.begin(), sent.end());
    for (qint64 id : std::as_const(sent))
        failAck(id, Error::Disconnected);
}

void Socket::timerEvent(QTimerEvent *event)
{
    const auto it = m_ackTimers.find(event->timerId());
    if (it == m_ackTimers.end()) {
        QObject::timerEvent(event);
        return;
    }
    const qint64 id = it.value();
    // A timed-out emit still in the buffer must not be sent later.
    const auto buffered = std::find_if(
        m_sendBuffer.begin(), m_sendBuffer.end(), [id](const Packet &p) { return p.id == id; });
    if (buffered != m_sendBuffer.end())
        m_sendBuffer.erase(buffered);
    failAck(id, Error::Timeout);
}

void Socket::sendAck(qint64 id, const QVariantList &args, quint64 connectionSerial)
{
    if (!m_connected || connectionSerial != m_connectionSerial) {
        qCDebug(lcSocketIo) << "ack" << id << "not sent: its connection is gone";
        return;
    }
    Packet packet;
    packet.type = PacketType::Ack;
    packet.nsp = m_nsp;
    packet.id = id;
    packet.data = args;
    const Error result = m_manager->sendPacket(packet);
    if (result != Error::None)
        qCWarning(lcSocketIo).noquote() << "ack" << id << "not sent:" << errorString(result);
}

} // namespace SocketIo
