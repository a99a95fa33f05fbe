#pragma once

#include "outboxrequest.h"

#include <QString>

/// Local files on their way to becoming attachments: the check before one is attached.
namespace AttachmentFiles {

/// An image type the views show as a picture (png, jpeg, gif, webp, bmp).
bool isImageType(const QString &mimeType);

struct Checked
{
    /// Set when the file can be attached: absolute path, name, size, the type sniffed here.
    OutboxAttachment attachment;
    /// Why it cannot; empty when it can.
    QString error;
};
/// Whether the file at `localPath` can be sent: it exists, is a regular file, can be read, and
/// is at most `maxFileBytes` long (0: no limit known) — the same check the upload makes.
Checked check(const QString &localPath, qint64 maxFileBytes);

} // namespace AttachmentFiles
