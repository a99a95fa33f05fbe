#pragma once

#include "outbox.h"

class QObject;
class RestClient;
struct FileInfo;
struct RestError;

/// The outbox's Uploader over the REST API: one file through RestClient::uploadFile (streamed,
/// never read whole), its progress, and what the answer means for the message, so that Outbox
/// itself knows nothing of HTTP.
class AttachmentUploader
{
public:
    /// Uploads the attachment's file. `progress` and `done` run on `context`'s thread and never
    /// after it is gone; a file that is no longer there is reported at once. The returned
    /// function aborts the upload.
    static Outbox::UploadAbort start(RestClient *rest, const OutboxAttachment &attachment,
        QObject *context, Outbox::UploadProgress progress, Outbox::UploadDone done);

    /// What a finished upload means: a refusal (413, 400, 403, no room) fails the message with
    /// the server's sentence; the network, a lapsed token or a busy server leave it pending.
    static Outbox::UploadResult resultOf(
        const RestError &error, const FileInfo &file, const QString &name);
};
