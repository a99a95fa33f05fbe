#include "filedownload.h"

#include "logging.h"
#include "replyerror.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

#include <filesystem>
#include <system_error>

namespace {

/// A server's error body is a sentence; more than this is not one worth keeping.
constexpr qsizetype kMaxErrorBody = 64 * 1024;
constexpr qint64 kReadBufferBytes = 1024 * 1024;
constexpr qint64 kProgressIntervalMs = 50;

} // namespace

FileDownload::FileDownload(const QString &fileId, const QString &targetPath, QObject *parent)
    : QObject(parent)
    , m_fileId(fileId)
    , m_targetPath(targetPath)
{ }

FileDownload::~FileDownload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void FileDownload::start(QNetworkAccessManager *network, const QNetworkRequest &request)
{
    m_network = network;
    m_request = request;
    m_part.setFileName(partialPath());
    m_createdPart = !m_part.exists();
    // Opened (and created) before anything is asked of the server: a folder that does not exist
    // or cannot be written fails here, without network traffic.
    if (!m_part.open(QIODevice::ReadWrite)) {
        failSoon({ RestError::Kind::LocalFile, 0,
            QStringLiteral("Cannot write “%1”: %2").arg(partialPath(), m_part.errorString()) });
        return;
    }
    qint64 offset = 0;
    if (m_part.size() > 0) {
        // Only a .part this class wrote for the same file id is resumed: the ETag it kept makes
        // the server send the rest only if the file is still the same one.
        QFile meta(metaPath());
        if (meta.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> lines = meta.read(4096).split('\n');
            if (lines.size() >= 2 && QString::fromUtf8(lines.at(0)) == m_fileId
                && !lines.at(1).isEmpty()) {
                m_etag = QString::fromLatin1(lines.at(1));
                offset = m_part.size();
            }
        }
    }
    sendRequest(offset);
}

void FileDownload::failSoon(const RestError &error)
{
    qCInfo(lcTransfer) << "download refused before sending:" << RestError::kindName(error.kind)
                       << error.message;
    QTimer::singleShot(0, this, [this, error] { finish(error); });
}

void FileDownload::sendRequest(qint64 offset)
{
    if (!m_network) {
        finish({ RestError::Kind::Network, 0, QStringLiteral("The connection is gone") });
        return;
    }
    m_requestOffset = offset;
    m_headersAccepted = false;
    m_writing = false;
    m_errorBody.clear();
    QNetworkRequest request = m_request;
    // The bytes as stored: Content-Length and ranges count them, not a compressed form.
    request.setRawHeader("Accept-Encoding", "identity");
    if (offset > 0) {
        request.setRawHeader("Range", "bytes=" + QByteArray::number(offset) + '-');
        request.setRawHeader("If-Range", m_etag.toLatin1());
    }
    qCInfo(lcTransfer) << "downloading" << m_fileId << "from byte" << offset;
    m_reply = m_network->get(request);
    // What the network thread may hold ahead of the disk: without a limit a slow disk lets the
    // whole file pile up in memory.
    m_reply->setReadBufferSize(kReadBufferBytes);
    connect(m_reply, &QNetworkReply::readyRead, this, &FileDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &FileDownload::onReplyFinished);
}

bool FileDownload::acceptHeaders()
{
    m_headersAccepted = true;
    QNetworkReply *reply = m_reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    auto stop = [this, reply](RestError::Kind kind, const QString &message) {
        m_localError = { kind, reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            message };
        reply->abort();
        return false;
    };
    if (status == 206) {
        static const QRegularExpression contentRange(
            QStringLiteral("^bytes (\\d+)-(\\d+)/(\\d+)$"));
        const auto match =
            contentRange.match(QString::fromLatin1(reply->rawHeader("Content-Range")).trimmed());
        if (!match.hasMatch() || match.captured(1).toLongLong() != m_requestOffset)
            return stop(RestError::Kind::Malformed,
                QStringLiteral("The server sent another part of the file than asked for"));
        m_total = match.captured(3).toLongLong();
        m_resumedFrom = m_requestOffset;
    } else if (status == 200) {
        // The whole file: the first request, or the file changed since the .part was written
        // (If-Range did not match). Either way it starts over.
        m_resumedFrom = 0;
        bool known = false;
        const qint64 length = reply->rawHeader("Content-Length").toLongLong(&known);
        m_total = known ? length : -1;
        const QByteArray etag = reply->rawHeader("ETag");
        // A weak ETag cannot be used in If-Range.
        m_etag = etag.startsWith("W/") ? QString() : QString::fromLatin1(etag);
        if (!m_part.resize(0))
            return stop(RestError::Kind::LocalFile,
                QStringLiteral("Cannot write “%1”: %2").arg(partialPath(), m_part.errorString()));
        writeMeta();
    } else {
        // An error (its JSON body is kept for the message) or a redirect that was not followed.
        return true;
    }
    if (!m_part.seek(m_resumedFrom))
        return stop(RestError::Kind::LocalFile,
            QStringLiteral("Cannot write “%1”: %2").arg(partialPath(), m_part.errorString()));
    m_received = m_resumedFrom;
    m_writing = true;
    // The file's type, not that of an error answer.
    m_mimeType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    qCDebug(lcTransfer) << "status" << status << "for" << m_fileId << "size" << m_total
                        << "resumed from" << m_resumedFrom;
    Q_EMIT progress(m_received, m_total);
    return true;
}

void FileDownload::onReadyRead()
{
    if (!m_reply || (!m_headersAccepted && !acceptHeaders()))
        return;
    writeAvailable();
}

bool FileDownload::writeAvailable()
{
    QNetworkReply *reply = m_reply;
    // A reply that failed (timeout, reset) is closed: nothing more to read.
    if (!reply || !reply->isOpen())
        return false;
    const QByteArray bytes = reply->readAll();
    if (bytes.isEmpty())
        return true;
    if (!m_writing) {
        if (m_errorBody.size() < kMaxErrorBody)
            m_errorBody += bytes.left(kMaxErrorBody - m_errorBody.size());
        return true;
    }
    if (m_total >= 0 && m_received + bytes.size() > m_total) {
        m_localError = { RestError::Kind::Malformed, 0,
            QStringLiteral("The server sent more bytes than the file has") };
        reply->abort();
        return false;
    }
    if (m_part.write(bytes) != bytes.size()) {
        m_localError = { RestError::Kind::LocalFile, 0,
            QStringLiteral("Cannot write “%1”: %2").arg(partialPath(), m_part.errorString()) };
        reply->abort();
        return false;
    }
    const bool first = m_received == m_resumedFrom;
    m_received += bytes.size();
    // Every chunk would be thousands of signals for a large file: the first, then at most every
    // 50 ms, and the last.
    if (first || m_received == m_total || !m_progressClock.isValid()
        || m_progressClock.elapsed() >= kProgressIntervalMs) {
        m_progressClock.start();
        Q_EMIT progress(m_received, m_total);
    }
    return true;
}

void FileDownload::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (m_localError.ok() && !m_aborted && (m_headersAccepted || acceptHeaders()))
        writeAvailable();
    m_reply = nullptr;
    reply->deleteLater();
    if (!m_localError.ok()) {
        finish(m_localError);
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 416 && m_requestOffset > 0 && !m_restarted && !m_aborted) {
        // The .part is as long as the file or longer: it cannot be the start of this file.
        qCInfo(lcTransfer) << "range not satisfiable for" << m_fileId << "; starting over";
        m_restarted = true;
        m_part.resize(0);
        sendRequest(0);
        return;
    }
    if (reply->error() != QNetworkReply::NoError || status >= 400 || status == 0) {
        finish(ReplyError::from(reply, ReplyError::parseJson(m_errorBody), m_aborted));
        return;
    }
    if (status != 200 && status != 206) {
        finish({ RestError::Kind::Malformed, status,
            QStringLiteral("The server answered the download with HTTP status %1").arg(status) });
        return;
    }
    if (m_total >= 0 && m_received != m_total) {
        // Kept for a resume: what is there is the start of the file.
        finish({ RestError::Kind::Network, status,
            QStringLiteral("The download stopped after %1 of %2 bytes")
                .arg(m_received)
                .arg(m_total) });
        return;
    }
    if (!m_part.flush()) {
        finish({ RestError::Kind::LocalFile, 0,
            QStringLiteral("Cannot write “%1”: %2").arg(partialPath(), m_part.errorString()) });
        return;
    }
    m_part.close();
    // One step: whoever looks at the target sees the old file or the whole new one.
    std::error_code renameError;
    std::filesystem::rename(QFileInfo(partialPath()).filesystemFilePath(),
        QFileInfo(m_targetPath).filesystemFilePath(), renameError);
    if (renameError) {
        finish({ RestError::Kind::LocalFile, 0,
            QStringLiteral("Cannot save “%1”: %2")
                .arg(m_targetPath, QString::fromStdString(renameError.message())) });
        return;
    }
    removeMeta();
    if (m_total < 0) {
        // Without a Content-Length the last chunk was not known to be the last.
        m_total = m_received;
        Q_EMIT progress(m_received, m_total);
    }
    finish({});
}

void FileDownload::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_reply)
        m_reply->abort(); // finished() follows, mapped to Cancelled
    else
        finish({ RestError::Kind::Cancelled, 0, QStringLiteral("Cancelled") });
}

void FileDownload::writeMeta()
{
    if (m_etag.isEmpty()) {
        removeMeta();
        return;
    }
    QFile meta(metaPath());
    if (!meta.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || meta.write(m_fileId.toUtf8() + '\n' + m_etag.toLatin1() + '\n') < 0)
        qCInfo(lcTransfer) << "cannot keep the ETag beside" << partialPath()
                           << "(no resume):" << meta.errorString();
}

void FileDownload::removeMeta()
{
    QFile::remove(metaPath());
}

void FileDownload::finish(const RestError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (!error.ok() && m_createdPart && m_part.isOpen() && m_part.size() == 0) {
        // Nothing to resume: leave no empty .part behind in the user's folder.
        m_part.close();
        m_part.remove();
        removeMeta();
    }
    m_part.close();
    if (error.ok())
        qCInfo(lcTransfer) << "downloaded" << m_fileId << m_received << "bytes, resumed from"
                           << m_resumedFrom;
    else
        qCInfo(lcTransfer) << "download of" << m_fileId
                           << "failed:" << RestError::kindName(error.kind) << error.httpStatus
                           << error.message << "after" << m_received << "bytes";
    Q_EMIT finished();
}
