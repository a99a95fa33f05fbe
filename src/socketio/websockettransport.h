#pragma once

#include "enginetransport.h"

#include <QAbstractSocket>
#include <QNetworkProxy>
#include <QSslConfiguration>

#include <optional>

class QWebSocket;

namespace SocketIo {

/// Engine.IO over one QWebSocket: one packet per frame, binary messages as binary frames.
class WebSocketTransport : public EngineTransport
{
    Q_OBJECT

public:
    explicit WebSocketTransport(const QSslConfiguration &ssl,
        const std::optional<QNetworkProxy> &proxy, QObject *parent = nullptr);
    ~WebSocketTransport() override;

    TransportKind kind() const override { return TransportKind::WebSocket; }
    void open(const QNetworkRequest &request) override;
    bool isWritable() const override { return m_open; }
    qsizetype write(const std::deque<EnginePacket> &packets) override;
    void close(const QList<EnginePacket> &farewell = {}) override;

private:
    void onConnected();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError> &errors);
    void send(const EnginePacket &packet);
    void finish(const QString &reason, const QString &description);

    QWebSocket *m_socket = nullptr;
    QSslConfiguration m_sslConfiguration;
    std::optional<QNetworkProxy> m_proxy;
    bool m_open = false;
    QString m_pendingError;
};

} // namespace SocketIo
