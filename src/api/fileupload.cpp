#include "fileupload.h"

#include "logging.h"
#include "replyerror.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace {

/// The multipart part's Content-Disposition. `filename*` (RFC 5987, UTF-8) carries the real name,
/// and busboy prefers it; the plain `filename` is an ASCII stand-in for servers that do not.
QByteArray contentDisposition(const QString &name)
{
    QByteArray ascii;
    for (const QChar character : name) {
        const char16_t code = character.unicode();
        ascii += code >= 0x20 && code < 0x7f && code != u'"' && code != u'\\' ? char(code) : '_';
    }
    return "form-data; name=\"file\"; filename=\"" + ascii + "\"; filename*=UTF-8''"
        + QUrl::toPercentEncoding(name);
}

} // namespace

FileUpload::FileUpload(const QString &localPath, QObject *parent)
    : QObject(parent)
    , m_localPath(localPath)
{ }

FileUpload::~FileUpload()
{
    if (m_reply) {
        // Gone with its owner: nobody waits for finished() any more.
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

RestError FileUpload::checkLocalFile(const QString &localPath, qint64 maxFileBytes)
{
    const QFileInfo info(localPath);
    const QString name = info.fileName();
    auto localError = [](const QString &message) {
        return RestError { RestError::Kind::LocalFile, 0, message };
    };
    if (!info.exists())
        return localError(QStringLiteral("“%1” does not exist").arg(name));
    if (info.isDir())
        return localError(QStringLiteral("“%1” is a folder, not a file").arg(name));
    QFile file(localPath);
    if (!file.open(QIODevice::ReadOnly))
        return localError(QStringLiteral("“%1” cannot be read: %2").arg(name, file.errorString()));
    if (maxFileBytes > 0 && file.size() > maxFileBytes)
        return { RestError::Kind::TooLarge, 0,
            QStringLiteral("“%1” is %2; the server takes files up to %3")
                .arg(name, FileInfo::sizeText(file.size()), FileInfo::sizeText(maxFileBytes)) };
    return {};
}

void FileUpload::start(QNetworkAccessManager *network, QNetworkRequest request)
{
    auto *multiPart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    auto *file = new QFile(m_localPath, multiPart);
    // Opened again: the file may have gone between checkLocalFile and now.
    // Unbuffered: QNetworkAccessManager reads it in 16 KiB chunks of its own.
    if (!file->open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        failSoon({ RestError::Kind::LocalFile, 0,
            QStringLiteral("“%1” cannot be read: %2")
                .arg(QFileInfo(m_localPath).fileName(), file->errorString()) });
        delete multiPart;
        return;
    }
    m_total = file->size();

    QHttpPart part;
    part.setRawHeader("Content-Disposition", contentDisposition(QFileInfo(m_localPath).fileName()));
    // The server sniffs the type from the bytes whatever is claimed here.
    part.setRawHeader("Content-Type", "application/octet-stream");
    part.setBodyDevice(file);
    multiPart->append(part);

    request.setRawHeader("Accept", "application/json");
    qCInfo(lcTransfer) << "uploading" << QFileInfo(m_localPath).fileName() << m_total << "bytes";
    m_reply = network->post(request, multiPart);
    // The multipart (and the file it reads) lives as long as the reply that sends it.
    multiPart->setParent(m_reply);
    connect(m_reply, &QNetworkReply::uploadProgress, this, &FileUpload::onUploadProgress);
    connect(m_reply, &QNetworkReply::finished, this, &FileUpload::onReplyFinished);
}

void FileUpload::failSoon(const RestError &error)
{
    qCInfo(lcTransfer) << "upload refused before sending:" << RestError::kindName(error.kind)
                       << error.message;
    QTimer::singleShot(0, this, [this, error] { finish(error); });
}

void FileUpload::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_reply)
        m_reply->abort(); // finished() follows, mapped to Cancelled
    else
        finish({ RestError::Kind::Cancelled, 0, QStringLiteral("Cancelled") });
}

void FileUpload::onUploadProgress(qint64 sent, qint64 total)
{
    if (total <= 0 || m_finished)
        return;
    // The body is the file plus a few hundred bytes of multipart framing: scaled to the file.
    const qint64 fileSent = qint64(double(sent) / double(total) * double(m_total));
    if (fileSent == m_sent)
        return;
    m_sent = fileSent;
    Q_EMIT progress(m_sent, m_total);
}

void FileUpload::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    // A reply that failed (aborted, reset) is closed: nothing to read.
    const QVariant body = reply->isOpen() ? ReplyError::parseJson(reply->readAll()) : QVariant();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status >= 400 || status == 0) {
        qCDebug(lcTransfer) << "upload reply error" << reply->error() << "status" << status
                            << "sent" << m_sent << "of" << m_total;
        finish(ReplyError::from(reply, body, m_aborted));
        return;
    }
    m_result = FileInfo::fromVariant(body);
    if (!m_result.isValid()) {
        finish({ RestError::Kind::Malformed, status,
            QStringLiteral("The server's answer to the upload is not a file") });
        return;
    }
    m_sent = m_total;
    finish({});
}

void FileUpload::finish(const RestError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (error.ok())
        qCInfo(lcTransfer) << "uploaded" << m_result.id << m_result.size << "bytes as"
                           << m_result.mimeType;
    else
        qCInfo(lcTransfer) << "upload failed:" << RestError::kindName(error.kind)
                           << error.httpStatus << error.message;
    Q_EMIT finished();
}
