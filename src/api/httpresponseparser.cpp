#include "httpresponseparser.h"

HttpResponseParser::State HttpResponseParser::feed(QByteArrayView bytes)
{
    if (m_state == State::Failed)
        return m_state;
    m_buffer.append(bytes);
    process();
    return m_state;
}

HttpResponseParser::State HttpResponseParser::closed()
{
    if (m_state == State::Body && m_framing == Framing::UntilClose)
        m_state = State::Done;
    else if (m_state != State::Done && m_state != State::Failed)
        fail(m_state == State::Body ? QStringLiteral("The connection closed in the middle of the "
                                                     "server's answer")
                                    : QStringLiteral("The server closed the connection without "
                                                     "a complete answer"));
    return m_state;
}

HttpResponseParser::State HttpResponseParser::startNext()
{
    if (m_state != State::Done)
        return m_state;
    m_state = State::StatusLine;
    m_headerBytes = 0;
    m_status = 0;
    m_headers.clear();
    m_framing = Framing::None;
    m_remaining = 0;
    m_chunkStep = ChunkStep::Size;
    m_body.clear();
    process();
    return m_state;
}

QByteArray HttpResponseParser::header(QByteArrayView name) const
{
    QByteArray joined;
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!joined.isEmpty())
            joined += ", ";
        joined += value;
    }
    return joined;
}

void HttpResponseParser::fail(const QString &message)
{
    m_state = State::Failed;
    m_error = message;
    m_buffer.clear();
    m_body.clear();
}

bool HttpResponseParser::takeLine(QByteArray *line)
{
    const qsizetype end = m_buffer.indexOf('\n');
    // The status line and headers count as one block against the limit, terminator or not.
    if (m_headerBytes + (end < 0 ? m_buffer.size() : end + 1) > maxHeaderBytes) {
        fail(QStringLiteral("The server's answer has more than %1 KiB of headers")
                 .arg(maxHeaderBytes / 1024));
        return false;
    }
    if (end < 0)
        return false;
    m_headerBytes += end + 1;
    *line = m_buffer.left(end);
    if (line->endsWith('\r'))
        line->chop(1);
    m_buffer.remove(0, end + 1);
    return true;
}

void HttpResponseParser::process()
{
    QByteArray line;
    while (m_state == State::StatusLine || m_state == State::Headers) {
        if (!takeLine(&line))
            return;
        if (m_state == State::StatusLine) {
            if (!parseStatusLine(line))
                return;
            m_state = State::Headers;
        } else if (!line.isEmpty()) {
            if (!parseHeaderLine(line))
                return;
        } else if (!beginBody()) {
            return;
        }
    }
    if (m_state != State::Body)
        return;
    switch (m_framing) {
    case Framing::None:
        m_state = State::Done;
        break;
    case Framing::Length: {
        const qsizetype take = qsizetype(std::min<qint64>(m_remaining, m_buffer.size()));
        if (!appendBody(QByteArrayView(m_buffer).first(take)))
            return;
        m_buffer.remove(0, take);
        m_remaining -= take;
        if (m_remaining == 0)
            m_state = State::Done;
        break;
    }
    case Framing::UntilClose:
        if (appendBody(m_buffer))
            m_buffer.clear();
        break;
    case Framing::Chunked:
        readChunked();
        break;
    }
}

bool HttpResponseParser::parseStatusLine(const QByteArray &line)
{
    // "HTTP/1.1 413 Payload Too Large"; the reason phrase may be empty.
    bool ok = false;
    const int status = line.size() >= 12 ? line.mid(9, 3).toInt(&ok) : 0;
    if (!line.startsWith("HTTP/1.") || line.at(8) != ' ' || !ok || status < 100 || status > 999
        || (line.size() > 12 && line.at(12) != ' ')) {
        fail(QStringLiteral("The server's answer is not HTTP"));
        return false;
    }
    m_status = status;
    return true;
}

bool HttpResponseParser::parseHeaderLine(const QByteArray &line)
{
    const qsizetype colon = line.indexOf(':');
    // No obsolete line folding: a line starting with a space is as malformed as one without ":".
    if (colon <= 0 || line.front() == ' ' || line.front() == '\t') {
        fail(QStringLiteral("The server's answer has a malformed header"));
        return false;
    }
    m_headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    return true;
}

bool HttpResponseParser::beginBody()
{
    m_state = State::Body;
    const QByteArray encoding = header("Transfer-Encoding").toLower();
    const QByteArray length = header("Content-Length");
    if (isInterim() || m_status == 204 || m_status == 304) {
        m_framing = Framing::None;
    } else if (!encoding.isEmpty()) {
        // Chunked must be the last coding; anything else cannot be read here.
        if (!encoding.endsWith("chunked") || encoding.contains(',')) {
            fail(QStringLiteral("The server's answer uses an unknown transfer encoding"));
            return false;
        }
        m_framing = Framing::Chunked;
    } else if (!length.isEmpty()) {
        bool ok = false;
        const qint64 value = length.toLongLong(&ok);
        // Two different lengths joined by ", " do not parse as a number: refused as well.
        if (!ok || value < 0) {
            fail(QStringLiteral("The server's answer has an invalid Content-Length"));
            return false;
        }
        if (value > maxBodyBytes) {
            fail(QStringLiteral("The server's answer is larger than %1 KiB")
                     .arg(maxBodyBytes / 1024));
            return false;
        }
        m_framing = value == 0 ? Framing::None : Framing::Length;
        m_remaining = value;
    } else {
        m_framing = Framing::UntilClose;
    }
    return true;
}

bool HttpResponseParser::appendBody(QByteArrayView bytes)
{
    if (m_body.size() + bytes.size() > maxBodyBytes) {
        fail(QStringLiteral("The server's answer is larger than %1 KiB").arg(maxBodyBytes / 1024));
        return false;
    }
    m_body.append(bytes);
    return true;
}

void HttpResponseParser::readChunked()
{
    QByteArray line;
    while (m_state == State::Body) {
        switch (m_chunkStep) {
        case ChunkStep::Size: {
            // Chunk size lines and trailers count against the header limit too.
            if (!takeLine(&line))
                return;
            // A chunk extension (";name=value") is ignored.
            const qsizetype extension = line.indexOf(';');
            if (extension >= 0)
                line.truncate(extension);
            bool ok = false;
            const qint64 size = line.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                fail(QStringLiteral("The server's answer has a malformed chunk"));
                return;
            }
            if (m_body.size() + size > maxBodyBytes) {
                fail(QStringLiteral("The server's answer is larger than %1 KiB")
                         .arg(maxBodyBytes / 1024));
                return;
            }
            m_remaining = size;
            m_chunkStep = size == 0 ? ChunkStep::Trailers : ChunkStep::Data;
            break;
        }
        case ChunkStep::Data: {
            const qsizetype take = qsizetype(std::min<qint64>(m_remaining, m_buffer.size()));
            if (!appendBody(QByteArrayView(m_buffer).first(take)))
                return;
            m_buffer.remove(0, take);
            m_remaining -= take;
            if (m_remaining > 0)
                return;
            m_chunkStep = ChunkStep::DataEnd;
            break;
        }
        case ChunkStep::DataEnd:
            if (!takeLine(&line))
                return;
            if (!line.isEmpty()) {
                fail(QStringLiteral("The server's answer has a malformed chunk"));
                return;
            }
            m_chunkStep = ChunkStep::Size;
            break;
        case ChunkStep::Trailers:
            if (!takeLine(&line))
                return;
            if (line.isEmpty())
                m_state = State::Done;
            break;
        }
    }
}
