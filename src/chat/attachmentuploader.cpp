#include "attachmentuploader.h"

#include "api/fileinfo.h"
#include "api/fileupload.h"
#include "api/restclient.h"
#include "logging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>

#include <memory>

Outbox::UploadAbort AttachmentUploader::start(RestClient *rest, const OutboxAttachment &attachment,
    QObject *context, Outbox::UploadProgress progress, Outbox::UploadDone done)
{
    using Outcome = Outbox::UploadResult::Outcome;
    const QFileInfo local(attachment.localPath);
    if (attachment.localPath.isEmpty() || !local.isFile() || !local.isReadable()) {
        // Moved or deleted since it was attached: a sentence, not an endless retry.
        done({ Outcome::LocalError, {},
            QCoreApplication::translate("AttachmentUploader",
                "“%1” is no longer on this computer, so the message cannot be sent.")
                .arg(attachment.name) });
        return {};
    }
    FileUpload *upload = rest->uploadFile(attachment.localPath, context);
    QPointer<FileUpload> guard(upload);
    auto reported = std::make_shared<bool>(false);
    auto finish = [guard, reported, done = std::move(done), name = attachment.name] {
        if (*reported || !guard)
            return;
        *reported = true;
        const Outbox::UploadResult result = resultOf(guard->error(), guard->result(), name);
        guard->deleteLater();
        done(result);
    };
    QObject::connect(upload, &FileUpload::progress, context,
        [progress = std::move(progress)](qint64 sent, qint64 total) { progress(sent, total); });
    QObject::connect(upload, &FileUpload::finished, context, finish);
    // A check that fails before anything is sent (the size limit) may have finished already.
    if (upload->isFinished())
        QMetaObject::invokeMethod(context, finish, Qt::QueuedConnection);
    return [guard] {
        if (guard && !guard->isFinished())
            guard->abort();
    };
}

Outbox::UploadResult AttachmentUploader::resultOf(
    const RestError &error, const FileInfo &file, const QString &name)
{
    using Outcome = Outbox::UploadResult::Outcome;
    Outbox::UploadResult result;
    if (error.ok()) {
        result.outcome = Outcome::Uploaded;
        result.uploaded.fileId = file.id;
        result.uploaded.name = file.name;
        result.uploaded.size = file.size;
        result.uploaded.mimeType = file.mimeType;
        result.uploaded.width = file.width;
        result.uploaded.height = file.height;
        return result;
    }
    result.error = error.message;
    const int status = error.httpStatus;
    if (error.kind == RestError::Kind::Cancelled) {
        result.outcome = Outcome::Cancelled;
    } else if (error.kind == RestError::Kind::Network || error.kind == RestError::Kind::Unauthorized
        || status == 408 || status == 429 || (status >= 500 && status != 507)) {
        // Not a verdict on the file: it goes again on the next connect (a lapsed token is
        // renewed by then).
        result.outcome = Outcome::NoAnswer;
    } else {
        result.outcome = Outcome::Refused;
        if (result.error.isEmpty())
            result.error = error.kind == RestError::Kind::NotFound
                ? QCoreApplication::translate(
                    "AttachmentUploader", "This server does not take files.")
                : QCoreApplication::translate("AttachmentUploader", "The server refused “%1”.")
                      .arg(name);
    }
    if (result.outcome != Outcome::Uploaded)
        qCDebug(lcChat) << "upload of a file ended:" << RestError::kindName(error.kind) << status;
    return result;
}
