#include "fileupload.h"

#include "httpupload.h"
#include "logging.h"
#include "replyerror.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
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

/// A boundary that cannot be guessed, so no file can end the part early by containing it.
QByteArray randomBoundary()
{
    QByteArray boundary = "----StudyConnect";
    for (int i = 0; i < 4; ++i)
        boundary += QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    return boundary;
}

} // namespace

FileUpload::FileUpload(const QString &localPath, QObject *parent)
    : QObject(parent)
    , m_localPath(localPath)
{ }

FileUpload::~FileUpload()
{
    // Gone with its owner: nobody waits for finished() any more.
    if (m_http)
        m_http->disconnect(this);
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

void FileUpload::start(const QUrl &url, const QString &token, std::chrono::milliseconds timeout)
{
    const QString name = QFileInfo(m_localPath).fileName();
    const QByteArray boundary = randomBoundary();
    HttpUpload::Request request;
    request.url = url;
    if (!token.isEmpty())
        request.headers.append(
            std::pair<QByteArray, QByteArray>("Authorization", "Bearer " + token.toUtf8()));
    request.headers.append(std::pair<QByteArray, QByteArray>("Accept", "application/json"));
    request.headers.append(std::pair<QByteArray, QByteArray>(
        "Content-Type", "multipart/form-data; boundary=" + boundary));
    // The server sniffs the type from the bytes whatever is claimed here.
    request.preamble = "--" + boundary + "\r\nContent-Disposition: " + contentDisposition(name)
        + "\r\nContent-Type: application/octet-stream\r\n\r\n";
    request.epilogue = "\r\n--" + boundary + "--\r\n";
    request.filePath = m_localPath;
    request.timeout = timeout;

    // A child: gone with this upload, its socket with it.
    m_http = new HttpUpload(this);
    connect(m_http, &HttpUpload::progress, this, [this](qint64 sent, qint64 total) {
        m_sent = sent;
        m_total = total;
        Q_EMIT progress(sent, total);
    });
    connect(m_http, &HttpUpload::finished, this, &FileUpload::onHttpFinished);
    m_http->start(request);
    // The size the file has now (checkLocalFile saw it a moment ago; it may have changed).
    m_total = m_http->fileSize();
    qCInfo(lcTransfer) << "uploading" << name << m_total << "bytes";
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
    if (m_http)
        m_http->abort(); // finished() follows at once, as Cancelled
    else
        finish({ RestError::Kind::Cancelled, 0, QStringLiteral("Cancelled") });
}

void FileUpload::onHttpFinished()
{
    HttpUpload *http = m_http;
    if (!http)
        return;
    m_http = nullptr;
    http->deleteLater();
    const QString name = QFileInfo(m_localPath).fileName();
    switch (http->failure()) {
    case HttpUpload::Failure::None:
        break;
    case HttpUpload::Failure::Aborted:
        finish({ RestError::Kind::Cancelled, 0, QStringLiteral("Cancelled") });
        return;
    case HttpUpload::Failure::LocalFile:
        finish({ RestError::Kind::LocalFile, 0,
            QStringLiteral("“%1” cannot be read: %2").arg(name, http->errorString()) });
        return;
    case HttpUpload::Failure::Malformed:
        finish({ RestError::Kind::Malformed, 0, http->errorString() });
        return;
    case HttpUpload::Failure::Network:
    case HttpUpload::Failure::Timeout:
        qCDebug(lcTransfer) << "upload failed on the connection:" << http->failure() << "sent"
                            << m_sent << "of" << m_total;
        finish({ RestError::Kind::Network, 0, http->errorString() });
        return;
    }

    const HttpResponseParser &response = http->response();
    const int status = response.status();
    const QVariant body = ReplyError::parseJson(response.body());
    if (status >= 300 && status < 400) {
        // Not followed: the file and the token stay with the server's own origin.
        finish({ RestError::Kind::Http, status,
            QStringLiteral("The server redirected the upload; it was not followed") });
        return;
    }
    if (status >= 400) {
        qCDebug(lcTransfer) << "upload refused with" << status << "after" << m_sent << "of"
                            << m_total << "bytes" << (http->answeredEarly() ? "(early)" : "");
        finish(ReplyError::fromStatus(status, body));
        return;
    }
    m_result = FileInfo::fromVariant(body);
    if (http->answeredEarly() || !m_result.isValid()) {
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
