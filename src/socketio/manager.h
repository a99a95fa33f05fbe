#pragma once

#include "backoff.h"
#include "error.h"
#include "manageroptions.h"
#include "packet.h"
#include "packetdecoder.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace SocketIo {

class EngineConnection;
class Socket;
struct EncodedPacket;

/// Owns the Engine.IO connection to one server and reconnects it with backoff, as
/// socket.io-client's Manager does. Sockets (namespaces) are multiplexed over it.
class Manager : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Closed,
        Opening,
        Open,
        Reconnecting
    };
    Q_ENUM(State)

    /// `url` is the server's base: http, https, ws or wss, with or without a path of its own.
    explicit Manager(
        const QUrl &url, const ManagerOptions &options = {}, QObject *parent = nullptr);
    ~Manager() override;

    /// The socket for a namespace, created on first use and owned by the manager.
    Socket *socket(const QString &nsp = QStringLiteral("/"));

    /// Opens the connection if it is not open or opening. Sockets call this from open().
    void open();
    /// Closes the connection and stops reconnecting.
    void close();

    State state() const { return m_state; }
    const ManagerOptions &options() const { return m_options; }
    QUrl url() const { return m_url; }
    /// The WebSocket URL: the base URL with its scheme mapped to ws/wss, the path, EIO=4,
    /// transport=websocket and the extra query.
    QUrl engineUrl() const;
    /// The transport of the open connection; none while not open.
    std::optional<TransportKind> transport() const;
    /// The transport the last connection opened with or upgraded to (options().firstTransport
    /// before any): what an application remembers for this server as the next firstTransport.
    TransportKind workingTransport() const { return m_workingTransport; }
    /// The attempt number of the reconnection in progress (0 when none).
    int reconnectAttempt() const { return m_backoff.attempts(); }
    /// Milliseconds until the scheduled reconnection attempt, or -1 when none is scheduled.
    int msUntilReconnect() const;
    /// Skips the rest of the backoff delay and tries now.
    void reconnectNow();

    void setRandomSource(Backoff::RandomSource source)
    {
        m_backoff.setRandomSource(std::move(source));
    }

    // For Socket: send a packet over the open engine. Returns the failure, or Error::None.
    Error sendPacket(const Packet &packet);
    bool isEngineOpen() const;
    // For Socket: the socket has closed itself; close the engine when none is left.
    void socketClosed(Socket *socket);

Q_SIGNALS:
    void stateChanged(SocketIo::Manager::State state);
    /// The connection opened over a transport, or upgraded from polling to WebSocket.
    void transportChanged(SocketIo::TransportKind transport);
    /// The Engine.IO connection is open (sockets then send their CONNECT).
    void opened();
    /// Opening failed: the server is unreachable, TLS was refused, or the handshake timed out.
    void openFailed(const QString &message);
    /// The engine connection closed; reason as in socket.io-client.
    void engineClosed(const QString &reason, const QString &description);
    void reconnectScheduled(int attempt, int delayMs);
    void reconnectAttemptStarted(int attempt);
    void reconnected(int attempt);
    /// reconnectionAttempts were used up; the manager stays closed.
    void reconnectFailed();

private:
    void setState(State state);
    void startEngine();
    void onEngineOpened();
    void onEngineUpgraded();
    void onEngineClosed(const QString &reason, const QString &description);
    void onEngineMessage(const QString &frame);
    void onEngineBinary(const QByteArray &data);
    void handleDecoderResult(PacketDecoder::Result result);
    void dispatch(ReceivedPacket &&packet);
    void closeForParseError(const QString &why);
    void scheduleReconnect();
    void attemptReconnect();

    QUrl m_url;
    ManagerOptions m_options;
    State m_state = State::Closed;
    EngineConnection *m_engine = nullptr;
    // Polling requests belong to it, so that the close packet outlives its connection.
    QNetworkAccessManager *m_network = nullptr;
    TransportKind m_workingTransport = TransportKind::WebSocket;
    PacketDecoder m_decoder;
    Backoff m_backoff;
    QTimer m_reconnectTimer;
    bool m_reconnecting = false;
    bool m_skipReconnect = false;
    QHash<QString, QPointer<Socket>> m_sockets;
};

} // namespace SocketIo
