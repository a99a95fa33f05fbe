#pragma once

// Internal to src/api: reads one HTTP/1.1 response after another from the bytes of a connection,
// for HttpUpload. Bounded: a server cannot make it hold more than maxHeaderBytes of status line
// and headers, nor more than maxBodyBytes of body.
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

class HttpResponseParser
{
public:
    static constexpr qsizetype maxHeaderBytes = 64 * 1024;
    static constexpr qsizetype maxBodyBytes = 1024 * 1024;

    enum class State
    {
        StatusLine,
        Headers,
        Body,
        /// A whole response is there: status(), header(), body().
        Done,
        /// Not HTTP, or over a limit: errorString() says what.
        Failed,
    };

    /// Takes the next bytes of the connection. Bytes after a finished response wait for
    /// startNext(). Returns state().
    State feed(QByteArrayView bytes);
    /// The connection closed: a body read until the close is complete, anything else unfinished
    /// fails.
    State closed();
    /// After an interim (1xx) response: reads the next one from the bytes already fed.
    State startNext();

    State state() const { return m_state; }
    /// The status line and headers have arrived (the body may still be coming).
    bool hasHeaders() const { return m_state == State::Body || m_state == State::Done; }
    bool isInterim() const { return m_status >= 100 && m_status < 200; }
    int status() const { return m_status; }
    /// The values of a header (name in any case) joined by ", "; empty when absent.
    QByteArray header(QByteArrayView name) const;
    QByteArray body() const { return m_body; }
    QString errorString() const { return m_error; }

private:
    enum class Framing
    {
        None,
        Length,
        Chunked,
        UntilClose,
    };
    enum class ChunkStep
    {
        Size,
        Data,
        DataEnd,
        Trailers,
    };

    void process();
    bool takeLine(QByteArray *line);
    bool parseStatusLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line);
    bool beginBody();
    void readChunked();
    bool appendBody(QByteArrayView bytes);
    void fail(const QString &message);

    State m_state = State::StatusLine;
    QByteArray m_buffer;
    qsizetype m_headerBytes = 0;
    int m_status = 0;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    Framing m_framing = Framing::None;
    qint64 m_remaining = 0;
    ChunkStep m_chunkStep = ChunkStep::Size;
    QByteArray m_body;
    QString m_error;
};
