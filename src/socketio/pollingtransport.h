#pragma once

#include "enginetransport.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

class QNetworkAccessManager;

namespace SocketIo {

/// Engine.IO over HTTP long-polling, as engine.io-client's polling transport: one GET
/// outstanding at a time that the server answers when it has packets, and one POST at a time
/// for what the client sends. Bodies are payloads (see PollingPayload).
///
/// The requests belong to the QNetworkAccessManager, not to the transport, so that the close
/// packet and the last poll of a closed transport may finish after it is gone.
class PollingTransport : public EngineTransport
{
    Q_OBJECT

public:
    explicit PollingTransport(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~PollingTransport() override;

    TransportKind kind() const override { return TransportKind::Polling; }
    void open(const QNetworkRequest &request) override;
    bool isWritable() const override { return m_state == State::Open && !m_post; }
    qsizetype write(const std::deque<EnginePacket> &packets) override;
    void setSession(const QString &sid, qint64 maxPayload) override;
    void pause(std::function<void()> onPaused) override;
    void resume() override;
    void close(const QList<EnginePacket> &farewell = {}) override;

    /// A response bigger than this is refused, as QWebSocket refuses frames above 64 MB.
    static constexpr qint64 MaxResponseSize = 64 * 1024 * 1024;

private:
    enum class State
    {
        Closed,
        Opening,
        Open,
        Pausing,
        Paused,
    };

    QNetworkRequest request(bool post) const;
    void poll();
    void onPollFinished();
    void onPostFinished();
    void checkPaused();
    void post(const QByteArray &body);
    QString failureDescription(QNetworkReply *reply, const char *what) const;
    void fail(const QString &reason, const QString &description);
    void watch(QNetworkReply *reply);
    static void detach(QNetworkReply *reply, QObject *from);

    QPointer<QNetworkAccessManager> m_network;
    QNetworkRequest m_request;
    QString m_sid;
    qint64 m_maxPayload = 0;
    State m_state = State::Closed;
    // Guarded: the replies belong to the network access manager, which may go first.
    QPointer<QNetworkReply> m_poll;
    QPointer<QNetworkReply> m_post;
    std::function<void()> m_onPaused;
    QString m_tlsError;
};

} // namespace SocketIo
