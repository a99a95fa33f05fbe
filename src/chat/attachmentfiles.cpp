#include "attachmentfiles.h"

#include "api/fileupload.h"

#include <QFileInfo>
#include <QMimeDatabase>

namespace AttachmentFiles {

bool isImageType(const QString &mimeType)
{
    return mimeType == u"image/png" || mimeType == u"image/jpeg" || mimeType == u"image/gif"
        || mimeType == u"image/webp" || mimeType == u"image/bmp";
}

Checked check(const QString &localPath, qint64 maxFileBytes)
{
    Checked result;
    if (const RestError error = FileUpload::checkLocalFile(localPath, maxFileBytes); !error.ok()) {
        result.error = error.message;
        return result;
    }
    const QFileInfo info(localPath);
    OutboxAttachment &attachment = result.attachment;
    attachment.localPath = info.absoluteFilePath();
    attachment.name = info.fileName();
    attachment.size = info.size();
    // What the views show until the server says what it found (it sniffs the bytes itself).
    attachment.mimeType = QMimeDatabase().mimeTypeForFile(info).name();
    return result;
}

} // namespace AttachmentFiles
