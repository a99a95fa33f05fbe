#pragma once

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <chrono>

class QNetworkRequest;
class QWebSocket;

namespace SocketIo {

/// One Engine.IO v4 connection over a WebSocket: the handshake, the server-driven heartbeat,
/// message and binary frames. It never reconnects; the Manager decides that.
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
        std::chrono::milliseconds pingInterval { 25000 };
        std::chrono::milliseconds pingTimeout { 20000 };
        qint64 maxPayload = 1000000;
    };

    explicit EngineConnection(QObject *parent = nullptr);
    ~EngineConnection() override;

    void setSslConfiguration(const QSslConfiguration &configuration);

    /// Opens the WebSocket at request.url() (already carrying EIO=4&transport=websocket) and waits
    /// for the open packet. `timeout` bounds both.
    void open(const QNetworkRequest &request, std::chrono::milliseconds timeout);
    /// Closes locally; emits closed("forced close") once.
    void close();

    State state() const { return m_state; }
    const Handshake &handshake() const { return m_handshake; }

    /// Sends an Engine.IO message packet (`4` + text). Returns false without sending when the
    /// connection is not open or the heartbeat deadline has passed (then closes with
    /// "ping timeout"). Frame sizes must already have been checked with fitsMaxPayload().
    bool sendMessage(const QString &text);
    bool sendBinary(const QByteArray &data);

    /// Whether a text message / binary frame of this size may be sent under maxPayload.
    bool textFitsMaxPayload(const QString &text) const;
    bool binaryFitsMaxPayload(const QByteArray &data) const;

Q_SIGNALS:
    void opened();
    /// An Engine.IO message: the whole frame, `4` then the payload from index 1. Not cut: the
    /// decoded packet shares the frame instead of copying it.
    void messageReceived(const QString &frame);
    void binaryReceived(const QByteArray &data);
    /// Once per open(): reason is one of "transport close", "transport error", "ping timeout",
    /// "parse error", "forced close"; description adds detail (the socket or SSL error text).
    void closed(const QString &reason, const QString &description);

private:
    void onTextFrame(const QString &frame);
    void onBinaryFrame(const QByteArray &frame);
    void onSocketDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError> &errors);
    void handleOpenPacket(QStringView json);
    void resetPingDeadline();
    bool pingDeadlinePassed() const;
    void finish(const QString &reason, const QString &description);

    QWebSocket *m_socket = nullptr;
    State m_state = State::Closed;
    Handshake m_handshake;
    QSslConfiguration m_sslConfiguration;
    QTimer m_openTimer;
    QTimer m_pingTimer;
    QElapsedTimer m_sinceLastPing;
    QString m_pendingError;
};

} // namespace SocketIo
