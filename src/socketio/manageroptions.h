#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QString>
#include <QUrlQuery>

#include <chrono>

namespace SocketIo {

/// Connection settings, with socket.io-client's defaults.
struct ManagerOptions
{
    /// The Engine.IO endpoint path on the server.
    QString path = QStringLiteral("/socket.io/");
    /// Extra query items added after EIO=4&transport=websocket.
    QUrlQuery query;
    /// Extra HTTP headers for the WebSocket handshake.
    QList<QPair<QByteArray, QByteArray>> extraHeaders;

    bool reconnection = true;
    /// -1 means unlimited.
    int reconnectionAttempts = -1;
    std::chrono::milliseconds reconnectionDelay{1000};
    std::chrono::milliseconds reconnectionDelayMax{5000};
    double randomizationFactor = 0.5;
    /// How long opening the transport and the Engine.IO handshake may take.
    std::chrono::milliseconds timeout{20000};

    /// Extra CA certificates trusted for wss:// in addition to the system's.
    QList<QSslCertificate> caCertificates;

    /// How many emits a socket keeps while not connected; beyond it emits fail with BufferFull.
    int sendBufferLimit = 1000;
    /// Attachments accepted in one binary packet.
    int maxAttachments = 10;
};

} // namespace SocketIo
