#pragma once

#include "attachmentdecoder.h"

#include <QHash>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QQuickAsyncImageProvider>
#include <QSet>
#include <QSize>
#include <QString>

#include <functional>

class FileDownload;
class QQmlEngine;
class RestClient;

/// The attachments' files on this computer: downloaded once into the cache folder
/// (CacheLocation/attachments/files/<file id>) through the app's RestClient, which sends the token
/// only to the server's own origin, and kept (a file id names immutable content). Also the local
/// files the user attached, which pending messages show before their upload ends. GUI thread,
/// except isAllowedLocalFile() and cacheFolder().
class AttachmentStore : public QObject
{
    Q_OBJECT

public:
    /// The file's path, or an empty path and `error` (a sentence for the user).
    using Callback = std::function<void(const QString &path, const QString &error)>;

    static AttachmentStore *instance();

    /// The RestClient downloads go through; the ConversationManager's unless set (tests).
    void setRestClient(RestClient *client);
    RestClient *restClient() const;
    /// Where downloaded attachments are kept (created when missing). Any thread.
    static QString cacheFolder();
    /// True for what the server's file ids look like ([A-Za-z0-9_-], at most 64): nothing else
    /// ever becomes a path or a URL.
    static bool isFileId(const QString &fileId);
    /// The cached copy's path (whether or not it exists yet); empty for a bad id.
    static QString cachedPath(const QString &fileId);

    /// Calls back with the file's local path: at once from the cache, else after the download.
    /// One download per file however many ask. `context` gone: no call.
    void fetch(const QString &fileId, QObject *context, Callback callback);
    /// The download of this file running now, or null (progress for the views).
    FileDownload *downloadOf(const QString &fileId) const;

    /// A local file the user attached (a draft, a pending message, a pasted picture): the only
    /// local files image://attachment/local/... serves.
    void allowLocalFile(const QString &path);
    bool isAllowedLocalFile(const QString &path) const;

Q_SIGNALS:
    /// A download started or ended (FileActions shows the progress).
    void downloadsChanged();

private:
    explicit AttachmentStore(QObject *parent = nullptr);
    void finishDownload(const QString &fileId);

    QPointer<RestClient> m_rest;
    struct Waiter
    {
        QPointer<QObject> context;
        Callback callback;
    };
    QHash<QString, FileDownload *> m_downloads;
    QHash<QString, QList<Waiter>> m_waiters;
    mutable QMutex m_localLock;
    QSet<QString> m_localFiles;
};

/// image://attachment/<file id>: an attachment's picture, downloaded (AttachmentStore) and
/// decoded on a worker thread at the size the Image asks for (its sourceSize).
/// image://attachment/local/<percent-encoded path>: a picture the user attached, before it is
/// uploaded. Anything else, or a picture that does not decode, fails with an errorString, and
/// the views show the file's card instead.
class AttachmentImageProvider : public QQuickAsyncImageProvider
{
public:
    AttachmentImageProvider();
    ~AttachmentImageProvider() override;
    QQuickImageResponse *requestImageResponse(
        const QString &id, const QSize &requestedSize) override;

    /// Registers the provider as "attachment" on the engine once.
    static void registerOn(QQmlEngine *engine);
};
