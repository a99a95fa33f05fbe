#pragma once

#include "fileinfo.h"
#include "resterror.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>

class HttpUpload;

/// One file going to POST /api/files, made by RestClient::uploadFile. The file is streamed from
/// disk as multipart/form-data with a known Content-Length (HttpUpload, in this thread), never
/// read whole into memory. The request asks "Expect: 100-continue": a refusal (401, 413) comes
/// before the file is sent, and one in the middle of it stops the sending.
/// A file that is missing, unreadable or over the server's limit fails before anything is sent;
/// finished() then comes from the event loop, so a caller connecting after uploadFile() sees it.
class FileUpload : public QObject
{
    Q_OBJECT

public:
    ~FileUpload() override;

    /// Stops the upload; finished() follows with a Cancelled error. Nothing after finished().
    void abort();
    bool isFinished() const { return m_finished; }
    /// None on success.
    RestError error() const { return m_error; }
    /// The file as the server stored it (valid once finished without an error).
    FileInfo result() const { return m_result; }
    QString localPath() const { return m_localPath; }
    /// Bytes of the file sent so far and its size; the multipart framing is not counted.
    qint64 bytesSent() const { return m_sent; }
    qint64 bytesTotal() const { return m_total; }

    /// Why `localPath` cannot be uploaded (missing, a folder, unreadable, over `maxFileBytes`
    /// when that is above 0), as a sentence for the user; none when it can.
    static RestError checkLocalFile(const QString &localPath, qint64 maxFileBytes);

Q_SIGNALS:
    void progress(qint64 sent, qint64 total);
    void finished();

private:
    friend class RestClient;
    FileUpload(const QString &localPath, QObject *parent);
    /// Posts the file to `url`, with the bearer `token` unless it is empty (RestClient sends it
    /// only to its own origin). No redirect is followed.
    void start(const QUrl &url, const QString &token, std::chrono::milliseconds timeout);
    /// Fails from the event loop: the caller has not connected to finished() yet.
    void failSoon(const RestError &error);
    void onHttpFinished();
    void finish(const RestError &error);

    QString m_localPath;
    QPointer<HttpUpload> m_http;
    RestError m_error;
    FileInfo m_result;
    qint64 m_sent = 0;
    qint64 m_total = 0;
    bool m_finished = false;
};
