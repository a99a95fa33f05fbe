#include "attachmentimages.h"

#include "api/filedownload.h"
#include "api/restclient.h"
#include "chat/conversationmanager.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>
#include <QQmlEngine>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThreadPool>
#include <QUrl>

#include <atomic>

namespace {

const QString ProviderName = QStringLiteral("attachment");
const QString LocalPrefix = QStringLiteral("local/");

/// The decoders' threads, shared by every engine's provider and alive until the application
/// ends: a response may still be decoding when its engine goes. Made on the GUI thread
/// (registerOn()), the application's.
QThreadPool *decoderPool()
{
    static QThreadPool *pool = [] {
        auto *threads = new QThreadPool(QCoreApplication::instance());
        // Two at once: each may hold a whole picture while it is scaled down.
        threads->setMaxThreadCount(2);
        return threads;
    }();
    return pool;
}

/// One picture for one Image: finished() once, from whichever thread settles it.
class AttachmentResponse : public QQuickImageResponse
{
public:
    QQuickTextureFactory *textureFactory() const override
    {
        QMutexLocker locker(&m_lock);
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }
    QString errorString() const override
    {
        QMutexLocker locker(&m_lock);
        return m_error;
    }
    // The engine still waits for finished(), which the work under way emits.
    void cancel() override { m_cancelled = true; }
    bool isCancelled() const { return m_cancelled; }

    void finish(const QImage &image, const QString &error)
    {
        {
            QMutexLocker locker(&m_lock);
            m_image = image;
            m_error = error;
        }
        Q_EMIT finished();
    }
    /// Decodes `path` on a worker thread, then finishes.
    void decode(const QString &path, const QSize &requestedSize)
    {
        decoderPool()->start([this, path, requestedSize] {
            if (isCancelled()) {
                finish({}, QStringLiteral("cancelled"));
                return;
            }
            QString error;
            const QImage image = AttachmentDecoder::decode(path, requestedSize, &error);
            finish(image, error);
        });
    }

private:
    mutable QMutex m_lock;
    QImage m_image;
    QString m_error;
    std::atomic_bool m_cancelled { false };
};

} // namespace

AttachmentStore *AttachmentStore::instance()
{
    static AttachmentStore *store = new AttachmentStore(QCoreApplication::instance());
    return store;
}

AttachmentStore::AttachmentStore(QObject *parent)
    : QObject(parent)
{ }

void AttachmentStore::setRestClient(RestClient *client)
{
    m_rest = client;
}

RestClient *AttachmentStore::restClient() const
{
    return m_rest ? m_rest.data() : ConversationManager::globalInstance()->restClient();
}

QString AttachmentStore::cacheFolder()
{
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/attachments";
    QDir().mkpath(folder);
    return folder;
}

bool AttachmentStore::isFileId(const QString &fileId)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return pattern.match(fileId).hasMatch();
}

QString AttachmentStore::cachedPath(const QString &fileId)
{
    if (!isFileId(fileId))
        return {};
    // In a folder of their own: an id may be any word, "open" or "pasted" too.
    const QString folder = cacheFolder() + u"/files";
    QDir().mkpath(folder);
    return folder + u'/' + fileId;
}

void AttachmentStore::fetch(const QString &fileId, QObject *context, Callback callback)
{
    const QString path = cachedPath(fileId);
    if (path.isEmpty()) {
        callback({}, tr("This is not a file of the server."));
        return;
    }
    if (QFileInfo::exists(path)) {
        callback(path, {});
        return;
    }
    m_waiters[fileId].append({ context, std::move(callback) });
    if (m_downloads.contains(fileId))
        return;
    RestClient *rest = restClient();
    if (!rest || !rest->hasToken()) {
        finishDownload(fileId);
        return;
    }
    FileDownload *download = rest->downloadFile(fileId, path, this);
    m_downloads.insert(fileId, download);
    connect(download, &FileDownload::finished, this, [this, fileId] { finishDownload(fileId); });
    Q_EMIT downloadsChanged();
}

FileDownload *AttachmentStore::downloadOf(const QString &fileId) const
{
    return m_downloads.value(fileId);
}

void AttachmentStore::finishDownload(const QString &fileId)
{
    FileDownload *download = m_downloads.take(fileId);
    QString path;
    QString error;
    if (!download) {
        error = tr("Sign in to download files.");
    } else if (!download->error().ok()) {
        error = download->error().message;
        qCInfo(lcDesktop) << "attachment download failed:" << error;
    } else {
        path = download->targetPath();
    }
    const QList<Waiter> waiters = m_waiters.take(fileId);
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.callback(path, error);
    }
    if (download) {
        download->deleteLater();
        Q_EMIT downloadsChanged();
    }
}

void AttachmentStore::allowLocalFile(const QString &path)
{
    QMutexLocker locker(&m_localLock);
    m_localFiles.insert(QFileInfo(path).absoluteFilePath());
}

bool AttachmentStore::isAllowedLocalFile(const QString &path) const
{
    QMutexLocker locker(&m_localLock);
    return m_localFiles.contains(QFileInfo(path).absoluteFilePath());
}

AttachmentImageProvider::AttachmentImageProvider() = default;
AttachmentImageProvider::~AttachmentImageProvider() = default;

void AttachmentImageProvider::registerOn(QQmlEngine *engine)
{
    // Made on the GUI thread, where the downloads run and the application lives.
    AttachmentStore::instance();
    decoderPool();
    if (engine && !engine->imageProvider(ProviderName))
        engine->addImageProvider(ProviderName, new AttachmentImageProvider);
}

QQuickImageResponse *AttachmentImageProvider::requestImageResponse(
    const QString &id, const QSize &requestedSize)
{
    // Called on Qt Quick's image loading thread.
    auto *response = new AttachmentResponse;
    AttachmentStore *store = AttachmentStore::instance();
    if (id.startsWith(LocalPrefix)) {
        const QString path = QUrl::fromPercentEncoding(id.mid(LocalPrefix.size()).toUtf8());
        if (store->isAllowedLocalFile(path))
            response->decode(path, requestedSize);
        else
            response->finish({}, QStringLiteral("not a file the user attached"));
        return response;
    }
    if (!AttachmentStore::isFileId(id)) {
        response->finish({}, QStringLiteral("not a file id"));
        return response;
    }
    const QString cached = AttachmentStore::cachedPath(id);
    if (QFileInfo::exists(cached)) {
        response->decode(cached, requestedSize);
        return response;
    }
    // Downloads run on the GUI thread, with the app's RestClient. The response lives until it
    // emits finished(), even when cancelled, so the pointer stays good until then.
    QMetaObject::invokeMethod(
        store,
        [store, response, id, requestedSize] {
            if (response->isCancelled()) {
                response->finish({}, QStringLiteral("cancelled"));
                return;
            }
            store->fetch(
                id, store, [response, requestedSize](const QString &path, const QString &error) {
                    if (path.isEmpty())
                        response->finish({}, error);
                    else
                        response->decode(path, requestedSize);
                });
        },
        Qt::QueuedConnection);
    return response;
}
