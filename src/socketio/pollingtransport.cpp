#include "pollingtransport.h"

#include "logging.h"
#include "pollingpayload.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace SocketIo {

namespace {

// engine.io-client's timestampRequests: a unique query item on every request, so that no cache
// between us and the server ever answers a poll.
QString cacheBuster()
{
    return QString::number(QRandomGenerator::global()->generate64(), 36);
}

// Qt's error texts for HTTP failures quote the whole URL, whose query may carry application
// data (an API key): keep only what comes before it.
QString withoutUrl(QString text, const QUrl &url)
{
    for (const QString &form :
        { url.toString(), url.toString(QUrl::FullyEncoded), url.toDisplayString() }) {
        if (!form.isEmpty())
            text.replace(form, url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
    }
    return text;
}

} // namespace

PollingTransport::PollingTransport(QNetworkAccessManager *network, QObject *parent)
    : EngineTransport(parent)
    , m_network(network)
{ }

PollingTransport::~PollingTransport()
{
    close();
}

void PollingTransport::open(const QNetworkRequest &request)
{
    Q_ASSERT(m_state == State::Closed);
    m_request = request;
    m_state = State::Opening;
    poll();
}

void PollingTransport::setSession(const QString &sid, qint64 maxPayload)
{
    m_sid = sid;
    m_maxPayload = maxPayload;
}

QNetworkRequest PollingTransport::request(bool post) const
{
    QNetworkRequest request = m_request;
    QUrl url = request.url();
    QUrlQuery query(url);
    if (!m_sid.isEmpty())
        query.addQueryItem(QStringLiteral("sid"), m_sid);
    query.addQueryItem(QStringLiteral("t"), cacheBuster());
    url.setQuery(query);
    request.setUrl(url);
    request.setRawHeader("Accept", "*/*");
    if (post)
        request.setRawHeader("Content-Type", "text/plain;charset=UTF-8");
    return request;
}

void PollingTransport::watch(QNetworkReply *reply)
{
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: a certificate the system does not trust must be added as a CA.
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        m_tlsError = QStringLiteral("TLS error: ") + texts.join(QStringLiteral("; "));
        qCWarning(lcSocketIo).noquote() << m_tlsError;
    });
}

void PollingTransport::poll()
{
    if (!m_network) {
        fail(QStringLiteral("transport error"), QStringLiteral("no network access manager"));
        return;
    }
    m_poll = m_network->get(request(false));
    watch(m_poll);
    connect(m_poll, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        if (std::max(received, total) > MaxResponseSize && m_poll)
            fail(QStringLiteral("transport error"),
                QStringLiteral("a polling response is larger than %1 bytes").arg(MaxResponseSize));
    });
    connect(m_poll, &QNetworkReply::finished, this, &PollingTransport::onPollFinished);
}

void PollingTransport::onPollFinished()
{
    QNetworkReply *reply = m_poll;
    m_poll = nullptr;
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError) {
        fail(QStringLiteral("transport error"), failureDescription(reply, "poll"));
        return;
    }

    QList<EnginePacket> packets;
    QString error;
    // Stricter than engine.io-client, which acts on the packets before a malformed one: a
    // payload that is not entirely valid says nothing reliable about any of its packets.
    if (!PollingPayload::decode(reply->readAll(), &packets, &error)) {
        fail(QStringLiteral("parse error"), error);
        return;
    }
    const QPointer<PollingTransport> self(this);
    for (const EnginePacket &packet : std::as_const(packets)) {
        if (packet.isBinary) {
            Q_EMIT binaryReceived(packet.binary);
        } else {
            const char16_t type = packet.text.front().unicode();
            // The first response, with the open packet, opens the transport.
            if (m_state == State::Opening && type == u'0') {
                m_state = State::Open;
                Q_EMIT opened();
                if (!self || m_state == State::Closed)
                    return;
            }
            if (type == u'1') {
                fail(QStringLiteral("transport close"),
                    QStringLiteral("transport closed by the server"));
                return;
            }
            Q_EMIT textReceived(packet.text);
        }
        // A handler may have closed (and scheduled the deletion of) this transport.
        if (!self || m_state == State::Closed)
            return;
    }
    if (m_state == State::Open)
        poll();
    else if (m_state == State::Pausing)
        checkPaused();
}

qsizetype PollingTransport::write(const std::deque<EnginePacket> &packets)
{
    if (!isWritable() || packets.empty())
        return 0;
    if (!m_network) {
        fail(QStringLiteral("transport error"), QStringLiteral("no network access manager"));
        return 0;
    }
    const qsizetype count = PollingPayload::countThatFit(packets, m_maxPayload);
    post(PollingPayload::encode(packets, 0, count));
    return count;
}

void PollingTransport::post(const QByteArray &body)
{
    m_post = m_network->post(request(true), body);
    watch(m_post);
    connect(m_post, &QNetworkReply::finished, this, &PollingTransport::onPostFinished);
}

void PollingTransport::onPostFinished()
{
    QNetworkReply *reply = m_post;
    m_post = nullptr;
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError) {
        fail(QStringLiteral("transport error"), failureDescription(reply, "post"));
        return;
    }
    const QPointer<PollingTransport> self(this);
    Q_EMIT drained();
    if (self && m_state == State::Pausing)
        checkPaused();
}

void PollingTransport::pause(std::function<void()> onPaused)
{
    m_state = State::Pausing;
    m_onPaused = std::move(onPaused);
    checkPaused();
}

void PollingTransport::checkPaused()
{
    // engine.io-client's pause(): the poll in flight and the write in flight must complete
    // first; the server answers the poll with a noop once it has seen the probe.
    if (m_state != State::Pausing || m_poll || m_post)
        return;
    m_state = State::Paused;
    const auto onPaused = std::move(m_onPaused);
    m_onPaused = {};
    if (onPaused)
        onPaused();
}

void PollingTransport::resume()
{
    if (m_state != State::Pausing && m_state != State::Paused)
        return;
    m_state = State::Open;
    m_onPaused = {};
    if (!m_poll)
        poll();
}

void PollingTransport::detach(QNetworkReply *reply, QObject *from)
{
    reply->disconnect(from);
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

void PollingTransport::close(const QList<EnginePacket> &farewell)
{
    if (m_state == State::Closed)
        return;
    const bool open = m_state != State::Opening;
    m_state = State::Closed;
    m_onPaused = {};

    if (!open || farewell.isEmpty() || !m_network) {
        for (QNetworkReply *reply : { m_poll.data(), m_post.data() }) {
            if (reply) {
                reply->disconnect(this);
                reply->abort();
                reply->deleteLater();
            }
        }
        m_poll = nullptr;
        m_post = nullptr;
        return;
    }

    // Closing politely, as engine.io-client does: the close packet goes in a POST, after the
    // POST in flight (the server refuses two at once), and the poll is left to complete (the
    // server answers it once it has closed; aborting it would be an error on its side).
    if (m_poll)
        detach(m_poll, this);
    const QNetworkRequest closeRequest = request(true);
    const QByteArray body = PollingPayload::encode(farewell);
    QNetworkAccessManager *network = m_network;
    auto sendFarewell = [network, closeRequest, body] {
        QNetworkReply *reply = network->post(closeRequest, body);
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    };
    if (m_post) {
        detach(m_post, this);
        connect(m_post, &QNetworkReply::finished, network, sendFarewell);
    } else {
        sendFarewell();
    }
    m_poll = nullptr;
    m_post = nullptr;
}

void PollingTransport::fail(const QString &reason, const QString &description)
{
    if (m_state == State::Closed)
        return;
    close();
    Q_EMIT closed(reason, description);
}

QString PollingTransport::failureDescription(QNetworkReply *reply, const char *what) const
{
    if (!m_tlsError.isEmpty())
        return m_tlsError;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 0 && status != 200) {
        // engine.io explains its refusals in a JSON body: {"code":1,"message":"Session ID
        // unknown"}; proxies give a reason phrase.
        const QJsonObject body = QJsonDocument::fromJson(reply->read(4096)).object();
        QString detail = body.value(QStringLiteral("message")).toString();
        if (detail.isEmpty())
            detail = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return QStringLiteral("%1 request refused: HTTP %2 %3")
            .arg(QLatin1String(what))
            .arg(status)
            .arg(detail)
            .trimmed();
    }
    return QStringLiteral("%1 request failed: %2")
        .arg(QLatin1String(what), withoutUrl(reply->errorString(), reply->url()));
}

} // namespace SocketIo
