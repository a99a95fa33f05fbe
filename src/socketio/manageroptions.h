#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkProxy>
#include <QPair>
#include <QSslCertificate>
#include <QString>
#include <QUrlQuery>

#include <chrono>
#include <optional>

namespace SocketIo {

/// The two Engine.IO transports.
enum class TransportKind
{
    WebSocket,
    Polling,
};

/// "websocket" or "polling", as in the protocol's `transport` query item.
inline QString transportName(TransportKind kind)
{
    return kind == TransportKind::Polling ? QStringLiteral("polling") : QStringLiteral("websocket");
}

/// Which transports a Manager may use.
enum class TransportPolicy
{
    /// WebSocket first; if it cannot be opened, HTTP long-polling (socket.io-client's
    /// `tryAllTransports`), upgraded to WebSocket when the server offers it and the probe works.
    Auto,
    WebSocketOnly,
    /// Long-polling and never an upgrade: for networks that break WebSocket after it opened.
    PollingOnly,
};

/// Connection settings, with socket.io-client's defaults.
struct ManagerOptions
{
    /// The Engine.IO endpoint path on the server.
    QString path = QStringLiteral("/socket.io/");
    /// Extra query items added after EIO=4&transport=….
    QUrlQuery query;
    /// Extra HTTP headers for the WebSocket handshake and every polling request.
    QList<QPair<QByteArray, QByteArray>> extraHeaders;

    TransportPolicy transports = TransportPolicy::Auto;
    /// With Auto, the transport to try first: what worked last time with this server (an
    /// application remembers Manager::workingTransport() between runs). Polling then still
    /// upgrades when it can.
    TransportKind firstTransport = TransportKind::WebSocket;
    /// The proxy for WebSocket and polling. Unset: the application's proxy settings
    /// (QNetworkProxy::applicationProxy(), or QNetworkProxyFactory's system configuration once
    /// enabled). QNetworkProxy::NoProxy connects directly.
    std::optional<QNetworkProxy> proxy;

    bool reconnection = true;
    /// -1 means unlimited.
    int reconnectionAttempts = -1;
    std::chrono::milliseconds reconnectionDelay { 1000 };
    std::chrono::milliseconds reconnectionDelayMax { 5000 };
    double randomizationFactor = 0.5;
    /// How long opening the transport and the Engine.IO handshake may take.
    std::chrono::milliseconds timeout { 20000 };

    /// Extra CA certificates trusted for wss:// in addition to the system's.
    QList<QSslCertificate> caCertificates;

    /// How many emits a socket keeps while not connected; beyond it emits fail with BufferFull.
    int sendBufferLimit = 1000;
    /// Attachments accepted in one binary packet.
    int maxAttachments = 10;
};

} // namespace SocketIo
