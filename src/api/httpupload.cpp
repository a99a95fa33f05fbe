#include "httpupload.h"

#include "logging.h"

#include <QNetworkProxyFactory>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

namespace {

bool isHttps(const QUrl &url)
{
    return url.scheme() == QLatin1String("https");
}

/// The proxy QNetworkAccessManager would take for `url` (the application proxy, or the system's
/// for it), as long as a socket can tunnel through it: HTTP CONNECT or SOCKS5.
QNetworkProxy proxyFor(const QUrl &url)
{
    const QList<QNetworkProxy> proxies =
        QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url));
    for (const QNetworkProxy &proxy : proxies) {
        if (proxy.type() == QNetworkProxy::NoProxy
            || proxy.capabilities().testFlag(QNetworkProxy::TunnelingCapability))
            return proxy;
    }
    return QNetworkProxy(QNetworkProxy::NoProxy);
}

/// "host" or "host:port" (brackets around an IPv6 address), as the Host header wants it.
QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = url.port(-1);
    if (port != -1 && port != (isHttps(url) ? 443 : 80))
        host += ':' + QByteArray::number(port);
    return host;
}

} // namespace

HttpUpload::HttpUpload(QObject *parent)
    : QObject(parent)
{
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this,
        [this] { finish(Failure::Timeout, QStringLiteral("The server did not answer in time")); });
    m_continueTimer.setSingleShot(true);
    m_continueTimer.setInterval(continueWait);
    connect(&m_continueTimer, &QTimer::timeout, this, [this] {
        if (m_phase != Phase::AwaitingContinue)
            return;
        qCDebug(lcTransfer) << "no 100 Continue: sending the body anyway";
        sendBody();
    });
}

HttpUpload::~HttpUpload()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void HttpUpload::start(const Request &request)
{
    m_request = request;
    m_file.setFileName(request.filePath);
    // Unbuffered: the chunks read are large already, a second buffer would only copy them.
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        const QString error = m_file.errorString();
        QTimer::singleShot(0, this, [this, error] { finish(Failure::LocalFile, error); });
        return;
    }
    m_fileSize = m_file.size();

    const QUrl &url = request.url;
    QTcpSocket *socket = isHttps(url) ? new QSslSocket(this) : new QTcpSocket(this);
    m_socket = socket;
    socket->setProxy(proxyFor(url));
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpUpload::onBytesWritten);
    connect(socket, &QTcpSocket::readyRead, this, &HttpUpload::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &HttpUpload::onClosed);
    connect(socket, &QTcpSocket::errorOccurred, this, &HttpUpload::onClosed);
    m_idleTimer.start(request.timeout);
    const quint16 port = quint16(url.port(isHttps(url) ? 443 : 80));
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        // The same TLS settings as QNetworkAccessManager's requests, which RestClient leaves at
        // the defaults: the system's CAs, peer verification, the host name checked.
        ssl->setSslConfiguration(QSslConfiguration::defaultConfiguration());
        connect(ssl, &QSslSocket::encrypted, this, &HttpUpload::onConnected);
        ssl->connectToHostEncrypted(url.host(), port);
    } else {
        connect(socket, &QTcpSocket::connected, this, &HttpUpload::onConnected);
        socket->connectToHost(url.host(), port);
    }
}

void HttpUpload::abort()
{
    finish(Failure::Aborted, QStringLiteral("Cancelled"));
}

void HttpUpload::onConnected()
{
    if (m_phase != Phase::Connecting)
        return;
    m_idleTimer.start(m_request.timeout);
    // No Nagle (as curl): the body goes out in large chunks anyway, and the small epilogue
    // after the last one must not wait for an acknowledgement. Only a connected socket takes it.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QByteArray target = m_request.url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (m_request.url.hasQuery())
        target += '?' + m_request.url.query(QUrl::FullyEncoded).toLatin1();
    const qint64 length = m_request.preamble.size() + m_fileSize + m_request.epilogue.size();
    QByteArray head = "POST " + target + " HTTP/1.1\r\nHost: " + hostHeader(m_request.url) + "\r\n";
    for (const auto &[name, value] : std::as_const(m_request.headers))
        head += name + ": " + value + "\r\n";
    // Expect: a refusal (401, 413) comes before the file is sent at all.
    head += "Content-Length: " + QByteArray::number(length)
        + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
    m_headBytes = head.size();
    m_phase = Phase::AwaitingContinue;
    m_socket->write(head);
    m_continueTimer.start();
}

void HttpUpload::sendBody()
{
    m_continueTimer.stop();
    m_phase = Phase::SendingBody;
    m_socket->write(m_request.preamble);
    fillSocket();
}

void HttpUpload::fillSocket()
{
    while (m_phase == Phase::SendingBody && m_socket->bytesToWrite() < sendAheadBytes) {
        const qint64 wanted = std::min(chunkBytes, m_fileSize - m_fileRead);
        if (wanted == 0) {
            m_socket->write(m_request.epilogue);
            m_phase = Phase::BodySent;
            m_file.close();
            return;
        }
        const QByteArray chunk = m_file.read(wanted);
        if (chunk.isEmpty()) {
            // A read error, or the file got shorter than the Content-Length already sent.
            finish(Failure::LocalFile,
                m_file.error() != QFileDevice::NoError
                    ? m_file.errorString()
                    : QStringLiteral("the file changed while it was being sent"));
            return;
        }
        m_fileRead += chunk.size();
        m_socket->write(chunk);
    }
}

void HttpUpload::onBytesWritten(qint64 bytes)
{
    if (m_finished)
        return;
    m_idleTimer.start(m_request.timeout);
    m_written += bytes;
    const qint64 fileSent =
        std::clamp<qint64>(m_written - m_headBytes - m_request.preamble.size(), 0, m_fileSize);
    if (fileSent != m_fileSent) {
        m_fileSent = fileSent;
        Q_EMIT progress(m_fileSent, m_fileSize);
        if (m_finished) // aborted from a slot
            return;
    }
    fillSocket();
}

void HttpUpload::onReadyRead()
{
    if (m_finished || !m_socket)
        return;
    m_idleTimer.start(m_request.timeout);
    HttpResponseParser::State state = m_parser.feed(m_socket->readAll());
    while (state == HttpResponseParser::State::Done && m_parser.isInterim()) {
        // 100 Continue: the body may go. Any other 1xx is information only.
        if (m_parser.status() == 100 && m_phase == Phase::AwaitingContinue)
            sendBody();
        if (m_finished)
            return;
        state = m_parser.startNext();
    }
    if (state == HttpResponseParser::State::Failed) {
        finish(Failure::Malformed, m_parser.errorString());
        return;
    }
    if (m_parser.hasHeaders() && m_phase != Phase::BodySent && m_phase != Phase::Done) {
        // A final answer before the whole body: the server wants no more of it.
        qCDebug(lcTransfer) << "the server answered" << m_parser.status() << "after" << m_fileSent
                            << "of" << m_fileSize << "bytes: sending stops";
        m_answeredEarly = true;
        m_continueTimer.stop();
        m_phase = Phase::Done;
    }
    if (state == HttpResponseParser::State::Done)
        finish(Failure::None);
}

void HttpUpload::onClosed()
{
    if (m_finished || !m_socket)
        return;
    // What arrived before the close (or the reset) may hold the whole answer.
    if (m_socket->bytesAvailable() > 0) {
        onReadyRead();
        if (m_finished)
            return;
    }
    const bool answerStarted =
        m_parser.state() != HttpResponseParser::State::StatusLine || m_phase == Phase::Done;
    if (m_parser.closed() == HttpResponseParser::State::Done) {
        finish(Failure::None); // a body that lasts until the close
        return;
    }
    if (answerStarted)
        finish(Failure::Network, m_parser.errorString());
    else if (m_socket->error() == QAbstractSocket::RemoteHostClosedError
        || m_socket->error() == QAbstractSocket::UnknownSocketError)
        finish(
            Failure::Network, QStringLiteral("The server closed the connection without answering"));
    else
        finish(Failure::Network, m_socket->errorString());
}

void HttpUpload::finish(Failure failure, const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_phase = Phase::Done;
    m_failure = failure;
    m_error = error;
    m_idleTimer.stop();
    m_continueTimer.stop();
    m_file.close();
    if (m_socket) {
        // Possibly inside one of the socket's signals: deleted from the event loop.
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    Q_EMIT finished();
}
