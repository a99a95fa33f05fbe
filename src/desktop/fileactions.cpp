#include "fileactions.h"

#include "api/filedownload.h"
#include "api/fileinfo.h"
#include "attachmentimages.h"
#include "logging.h"

#include <QClipboard>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QImageIOHandler>
#include <QImageReader>
#include <QMimeData>
#include <QStandardPaths>

FileActions::FileActions(QObject *parent)
    : QObject(parent)
{ }

FileActions *FileActions::create(QQmlEngine *engine, QJSEngine *)
{
    AttachmentImageProvider::registerOn(engine);
    return new FileActions(nullptr);
}

QUrl FileActions::imageSource(const QString &fileId) const
{
    if (!AttachmentStore::isFileId(fileId))
        return {};
    return QUrl(QStringLiteral("image://attachment/") + fileId);
}

QUrl FileActions::localImageSource(const QString &localPath) const
{
    if (localPath.isEmpty() || !QFileInfo(localPath).isFile())
        return {};
    AttachmentStore::instance()->allowLocalFile(localPath);
    return QUrl(QStringLiteral("image://attachment/local/")
        + QString::fromLatin1(QUrl::toPercentEncoding(QFileInfo(localPath).absoluteFilePath())));
}

QSize FileActions::localImageSize(const QString &localPath) const
{
    QImageReader reader(localPath);
    reader.setDecideFormatFromContent(true);
    const QSize stored = reader.size();
    if (!stored.isValid())
        return {};
    return reader.transformation().testFlag(QImageIOHandler::TransformationRotate90)
        ? stored.transposed()
        : stored;
}

QString FileActions::safeFileName(const QString &name)
{
    QString cleaned = FileInfo::cleanName(name);
    // Never a name that means something to the file system.
    if (cleaned.isEmpty() || cleaned == u"." || cleaned == u"..")
        cleaned = QStringLiteral("file");
    return cleaned;
}

QUrl FileActions::suggestedSaveUrl(const QString &name) const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    return QUrl::fromLocalFile(folder + u'/' + safeFileName(name));
}

void FileActions::clearError()
{
    setError({});
}

void FileActions::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

void FileActions::setProgress(qreal progress)
{
    if (qFuzzyCompare(progress + 2, m_progress + 2))
        return;
    m_progress = progress;
    Q_EMIT progressChanged();
}

void FileActions::fetch(const QString &fileId, std::function<void(const QString &path)> done)
{
    setError({});
    ++m_running;
    m_activeFileId = fileId;
    setProgress(-1);
    Q_EMIT busyChanged();
    AttachmentStore *store = AttachmentStore::instance();
    store->fetch(fileId, this,
        [this, fileId, done = std::move(done)](const QString &path, const QString &error) {
            --m_running;
            if (m_running == 0)
                m_activeFileId.clear();
            Q_EMIT busyChanged();
            if (path.isEmpty()) {
                setError(error.isEmpty() ? tr("The file could not be downloaded.") : error);
                return;
            }
            setProgress(1);
            done(path);
        });
    // A download started (the cached copy answers at once): follow its progress.
    if (FileDownload *download = store->downloadOf(fileId)) {
        connect(download, &FileDownload::progress, this, [this, fileId](qint64 got, qint64 total) {
            if (fileId == m_activeFileId)
                setProgress(total > 0 ? qreal(got) / qreal(total) : -1);
        });
    }
}

void FileActions::saveAs(const QString &fileId, const QString &name, const QUrl &target)
{
    const QString targetPath = target.toLocalFile();
    if (targetPath.isEmpty()) {
        setError(tr("Choose a folder on this computer to save “%1”.").arg(safeFileName(name)));
        return;
    }
    fetch(fileId, [this, targetPath, name](const QString &path) {
        // The dialog asked before replacing a file; QFile::copy never replaces one.
        if (QFileInfo::exists(targetPath) && !QFile::remove(targetPath)) {
            setError(tr("“%1” could not be replaced.").arg(QFileInfo(targetPath).fileName()));
            return;
        }
        QFile source(path);
        if (!source.copy(targetPath)) {
            setError(
                tr("“%1” could not be saved: %2").arg(safeFileName(name), source.errorString()));
            return;
        }
        qCInfo(lcDesktop) << "attachment saved";
        Q_EMIT saved(targetPath);
    });
}

void FileActions::open(const QString &fileId, const QString &name)
{
    fetch(fileId, [this, fileId, name](const QString &path) {
        // The desktop picks the application by the name's extension: a copy under the real
        // (cleaned) name, in a folder of its own. Never executable, whatever the name says.
        const QString folder = AttachmentStore::cacheFolder() + u"/open/" + fileId;
        const QString copy = folder + u'/' + safeFileName(name);
        if (!QFileInfo::exists(copy)) {
            QDir().mkpath(folder);
            if (!QFile::copy(path, copy)) {
                setError(tr("“%1” could not be opened.").arg(safeFileName(name)));
                return;
            }
        }
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(copy))) {
            qCWarning(lcDesktop) << "no application opened an attachment";
            setError(tr("No application on this computer opened “%1”. Save it and open it from "
                        "the file manager.")
                         .arg(safeFileName(name)));
            return;
        }
        Q_EMIT opened(copy);
    });
}

bool FileActions::clipboardHasImage() const
{
    const QClipboard *clipboard = QGuiApplication::clipboard();
    const QMimeData *data = clipboard ? clipboard->mimeData() : nullptr;
    return data && data->hasImage() && !data->hasText();
}

QUrl FileActions::saveClipboardImage()
{
    if (!clipboardHasImage())
        return {};
    const QImage image =
        qvariant_cast<QImage>(QGuiApplication::clipboard()->mimeData()->imageData());
    if (image.isNull())
        return {};
    const QString folder = AttachmentStore::cacheFolder() + u"/pasted";
    QDir().mkpath(folder);
    const QString path = folder + u'/'
        + tr("Pasted picture %1.png")
              .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd hh.mm.ss")));
    if (!image.save(path, "PNG")) {
        setError(tr("The pasted picture could not be kept for sending."));
        return {};
    }
    AttachmentStore::instance()->allowLocalFile(path);
    return QUrl::fromLocalFile(path);
}
