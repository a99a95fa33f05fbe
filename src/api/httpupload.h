#pragma once

// Internal to src/api: the wire part of FileUpload. One POST with a body of a preamble, a file
// and an epilogue, over a QTcpSocket (or QSslSocket for https) in the caller's thread: the file
// is read in large chunks as the socket drains, so memory stays flat and no other thread is
// involved; the answer is read while sending, so a refusal in the middle of the body is seen.
#include "httpresponseparser.h"

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>

class QTcpSocket;

class HttpUpload : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        /// http or https; the path (and query) is the request target.
        QUrl url;
        /// Sent as they are after Host; Content-Length and Expect are added here.
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray preamble;
        QString filePath;
        QByteArray epilogue;
        /// With no progress in either direction for this long, the upload fails.
        std::chrono::milliseconds timeout { 15000 };
    };

    enum class Failure
    {
        None,
        /// Unreachable, TLS, a reset, or the connection closed before a whole answer.
        Network,
        Timeout,
        /// The answer is not HTTP or is over the parser's limits.
        Malformed,
        /// The file could not be read to its end.
        LocalFile,
        Aborted,
    };
    Q_ENUM(Failure)

    /// How long to wait for "100 Continue" before sending the body anyway (as curl does).
    static constexpr std::chrono::milliseconds continueWait { 1000 };
    /// The file is read this much at a time...
    static constexpr qint64 chunkBytes = 256 * 1024;
    /// ...while the socket holds less than this unsent.
    static constexpr qint64 sendAheadBytes = 1024 * 1024;

    explicit HttpUpload(QObject *parent = nullptr);
    ~HttpUpload() override;

    /// Opens the file and connects; finished() follows (from the event loop when the file
    /// cannot be opened).
    void start(const Request &request);
    /// Closes the connection; finished() follows at once with Failure::Aborted.
    void abort();

    bool isFinished() const { return m_finished; }
    Failure failure() const { return m_failure; }
    QString errorString() const { return m_error; }
    /// The final answer (valid when failure() is None, even when the body was cut short by it).
    const HttpResponseParser &response() const { return m_parser; }
    /// The file's bytes handed to the operating system so far.
    qint64 fileBytesSent() const { return m_fileSent; }
    qint64 fileSize() const { return m_fileSize; }
    /// The server answered before the whole body was sent.
    bool answeredEarly() const { return m_answeredEarly; }

Q_SIGNALS:
    void progress(qint64 fileBytesSent, qint64 fileSize);
    void finished();

private:
    enum class Phase
    {
        Connecting,
        AwaitingContinue,
        SendingBody,
        BodySent,
        Done,
    };

    void onConnected();
    void sendBody();
    void fillSocket();
    void onBytesWritten(qint64 bytes);
    void onReadyRead();
    void onClosed();
    void finish(Failure failure, const QString &error = {});

    Request m_request;
    QPointer<QTcpSocket> m_socket;
    QFile m_file;
    HttpResponseParser m_parser;
    QTimer m_idleTimer;
    QTimer m_continueTimer;
    Phase m_phase = Phase::Connecting;
    qint64 m_headBytes = 0;
    qint64 m_written = 0;
    qint64 m_fileRead = 0;
    qint64 m_fileSent = 0;
    qint64 m_fileSize = 0;
    Failure m_failure = Failure::None;
    QString m_error;
    bool m_finished = false;
    bool m_answeredEarly = false;
};
