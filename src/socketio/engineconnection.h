#pragma once

#include "enginepacket.h"
#include "manageroptions.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <deque>
#include <optional>

class QNetworkAccessManager;

namespace SocketIo {

class EngineTransport;

/// One Engine.IO v4 connection, as engine.io-client's Socket: the handshake, the server-driven
/// heartbeat, the write buffer, and the transport beneath (WebSocket or long-polling), including
/// the fallback from one to the other while opening and the upgrade from polling to WebSocket.
/// It never reconnects; the Manager decides that.
class EngineConnection : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Closed,
        Opening,
        Open
    };
    Q_ENUM(State)

    /// The server's open packet.
    struct Handshake
    {
        QString sid;
        QStringList upgrades;
        std::chrono::milliseconds pingInterval { 25000 };
        std::chrono::milliseconds pingTimeout { 20000 };
        qint64 maxPayload = 1000000;
    };

    explicit EngineConnection(QObject *parent = nullptr);
    ~EngineConnection() override;

    void setSslConfiguration(const QSslConfiguration &configuration);
    /// Unset: the application's proxy settings.
    void setProxy(const std::optional<QNetworkProxy> &proxy);
    /// The network access manager that polling requests belong to; it must outlive the
    /// connection's last requests (the close packet). Without one the connection makes its own.
    void setNetworkAccessManager(QNetworkAccessManager *network);
    /// The transports to try while opening, in order (engine.io-client's `transports` with
    /// `tryAllTransports`), and whether an open polling connection upgrades to WebSocket when
    /// the server offers it. Default: WebSocket only.
    void setTransports(const QList<TransportKind> &order, bool upgrade);

    /// Opens at request.url(), the WebSocket URL (ws or wss, EIO=4&transport=websocket and the
    /// application's query); polling uses the same URL over http(s) with transport=polling.
    /// `timeout` bounds opening and the handshake, all transports tried included.
    void open(const QNetworkRequest &request, std::chrono::milliseconds timeout);
    /// Closes locally; emits closed("forced close") once.
    void close();

    State state() const { return m_state; }
    const Handshake &handshake() const { return m_handshake; }
    /// The transport in use (while open) or being tried (while opening).
    TransportKind transport() const { return m_kind; }

    /// Sends an Engine.IO message packet (`4` + text). Returns false without sending when the
    /// connection is not open or the heartbeat deadline has passed (then closes with
    /// "ping timeout"). Sizes must already have been checked with the fits…() functions.
    bool sendMessage(const QString &text);
    bool sendBinary(const QByteArray &data);

    /// Whether a text message / binary message of this size may be sent under maxPayload, as
    /// the current transport encodes it (polling sends binary as base64).
    bool textFitsMaxPayload(const QString &text) const;
    bool binaryFitsMaxPayload(const QByteArray &data) const;

    /// The URL of a transport from the WebSocket URL given to open(): scheme and `transport`.
    static QUrl transportUrl(const QUrl &webSocketUrl, TransportKind kind, const QString &sid);

Q_SIGNALS:
    void opened();
    /// The connection moved from polling to WebSocket.
    void upgraded();
    /// An Engine.IO message: the whole packet, `4` then the payload from index 1. Not cut: the
    /// decoded packet shares the text instead of copying it.
    void messageReceived(const QString &frame);
    void binaryReceived(const QByteArray &data);
    /// Once per open(): reason is one of "transport close", "transport error", "ping timeout",
    /// "parse error", "forced close"; description adds detail (the socket or SSL error text).
    void closed(const QString &reason, const QString &description);

private:
    void startTransport();
    EngineTransport *createTransport(TransportKind kind);
    void onTransportOpened();
    void onTransportClosed(const QString &reason, const QString &description);
    void onOpenStageTimeout();
    bool fallBack(const QString &why);
    void onTextPacket(const QString &packet);
    void onBinaryPacket(const QByteArray &data);
    void handleOpenPacket(QStringView json);
    void enqueue(EnginePacket &&packet);
    void flush();
    void onDrained();
    void probe();
    void onProbePacket(const QString &packet);
    void completeUpgrade();
    void dropProbe(const QString &why);
    void resetPingDeadline();
    bool pingDeadlinePassed() const;
    void finish(const QString &reason, const QString &description);

    State m_state = State::Closed;
    Handshake m_handshake;
    QNetworkRequest m_request;
    QSslConfiguration m_sslConfiguration;
    std::optional<QNetworkProxy> m_proxy;
    QPointer<QNetworkAccessManager> m_network;
    QList<TransportKind> m_transports { TransportKind::WebSocket };
    bool m_upgrade = false;
    qsizetype m_attempt = 0;
    TransportKind m_kind = TransportKind::WebSocket;
    EngineTransport *m_transport = nullptr;
    EngineTransport *m_probe = nullptr;
    bool m_upgrading = false;
    // engine.io-client's writeBuffer and prevBufferLen: packets not yet written, the first
    // m_inFlight of which are in a write that has not completed.
    std::deque<EnginePacket> m_writeBuffer;
    qsizetype m_inFlight = 0;
    std::chrono::milliseconds m_timeout { 20000 };
    QDeadlineTimer m_openDeadline;
    QTimer m_openTimer;
    QTimer m_pingTimer;
    QElapsedTimer m_sinceLastPing;
};

} // namespace SocketIo
