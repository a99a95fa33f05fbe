#pragma once

#include "resterror.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

/// One file coming from GET /api/files/:id into `targetPath`, made by RestClient::downloadFile.
///
/// The bytes go to `targetPath + ".part"`; once all of them are there (as many as the server's
/// Content-Length or Content-Range said) the .part is renamed over the target in one step, so the
/// target is either untouched or complete. Beside the .part a small `.part.meta` keeps the file id
/// and the server's ETag: a later download of the same id to the same target resumes with
/// `Range: bytes=N-` and `If-Range: <etag>` (a 200 instead of 206 means the file changed and it
/// starts over). abort() and a failure keep both for that; nothing the user owns is removed.
class FileDownload : public QObject
{
    Q_OBJECT

public:
    ~FileDownload() override;

    /// Stops the download, keeping the .part for a later resume; finished() follows with a
    /// Cancelled error. Nothing after finished().
    void abort();
    bool isFinished() const { return m_finished; }
    /// None on success.
    RestError error() const { return m_error; }
    QString fileId() const { return m_fileId; }
    QString targetPath() const { return m_targetPath; }
    /// Where the bytes are written until the download is complete: targetPath() + ".part".
    QString partialPath() const { return m_targetPath + QStringLiteral(".part"); }
    /// Bytes of the file on disk so far (counting a resumed .part) and its size (-1 until known).
    qint64 bytesReceived() const { return m_received; }
    qint64 bytesTotal() const { return m_total; }
    /// Where the transfer started: the size of the .part it resumed, 0 when from the start.
    qint64 resumedFrom() const { return m_resumedFrom; }
    /// The server's Content-Type (sniffed by it), once known.
    QString mimeType() const { return m_mimeType; }

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished();

private:
    friend class RestClient;
    FileDownload(const QString &fileId, const QString &targetPath, QObject *parent);
    /// `request` has the file's URL and the token (RestClient::fileRequest).
    void start(QNetworkAccessManager *network, const QNetworkRequest &request);
    void failSoon(const RestError &error);
    /// GET from `offset` (a Range request when above 0).
    void sendRequest(qint64 offset);
    /// The response's status and headers, once: where to write, how much to expect. False when
    /// the reply was stopped for a bad answer.
    bool acceptHeaders();
    void onReadyRead();
    void onReplyFinished();
    bool writeAvailable();
    void finish(const RestError &error);
    QString metaPath() const { return partialPath() + QStringLiteral(".meta"); }
    void writeMeta();
    void removeMeta();

    QString m_fileId;
    QString m_targetPath;
    QPointer<QNetworkAccessManager> m_network;
    QNetworkRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QFile m_part;
    QString m_etag;
    QString m_mimeType;
    QByteArray m_errorBody;
    QElapsedTimer m_progressClock;
    RestError m_error;
    /// Set when the reply had to be stopped for something found on this side.
    RestError m_localError;
    qint64 m_requestOffset = 0;
    qint64 m_resumedFrom = 0;
    qint64 m_received = 0;
    qint64 m_total = -1;
    bool m_headersAccepted = false;
    bool m_writing = false;
    bool m_restarted = false;
    /// The .part did not exist before: an empty one is removed again on failure.
    bool m_createdPart = false;
    bool m_finished = false;
    bool m_aborted = false;
};
