// ConversationManager, the files half: messages with attachments go through the outbox like any
// other, which uploads their files first (AttachmentUploader over the session's RestClient), the
// store keeping each file id as it arrives; the pending row shows the files from this computer
// with the upload's progress.
#include "attachmentuploader.h"
#include "conversationmanager.h"
#include "thread.h"

QString ConversationManager::sendWithAttachments(Conversation *target, const QString &text,
    const QList<OutboxAttachment> &attachments, qint64 replyTo)
{
    if (!target || attachments.isEmpty() || attachments.size() > m_maxAttachments
        || !hasFeature(QStringLiteral("files")))
        return {};
    Outbox::Entry entry = sendEntry(target, text, replyTo);
    entry.attachments = attachments;
    return m_outbox->enqueue(std::move(entry));
}

void ConversationManager::setUpFileUploads()
{
    // m_rest is looked up for each file: it is the session's once one signs in.
    m_outbox->setUploader([this](const OutboxAttachment &attachment,
                              Outbox::UploadProgress progress, Outbox::UploadDone done) {
        return AttachmentUploader::start(
            m_rest, attachment, this, std::move(progress), std::move(done));
    });
    connect(m_outbox, &Outbox::uploadProgress, this,
        [this](const Outbox::Entry &entry, double progress) {
            if (MessageListModel *list = listFor(entry.target, entry.threadId))
                list->setUploadProgress(entry.clientId, progress);
        });
    // Kept at once: after a restart this file is not uploaded again.
    connect(m_outbox, &Outbox::attachmentUploaded, this, [this](const Outbox::Entry &entry) {
        m_store->setOutboxAttachments(entry.clientId, entry.attachments);
    });
}

QList<FileInfo> ConversationManager::filesOf(const QList<OutboxAttachment> &attachments)
{
    QList<FileInfo> files;
    files.reserve(attachments.size());
    for (const OutboxAttachment &attachment : attachments) {
        FileInfo file;
        file.id = attachment.fileId;
        file.name = attachment.name;
        file.size = attachment.size;
        file.mimeType = attachment.mimeType;
        file.width = attachment.width;
        file.height = attachment.height;
        files.append(file);
    }
    return files;
}

QStringList ConversationManager::localPathsOf(const Outbox::Entry &entry)
{
    QStringList paths;
    for (const OutboxAttachment &attachment : entry.attachments)
        paths.append(attachment.localPath);
    return paths;
}

QString ConversationManager::summaryOf(const QString &text, const MessageDetails *details)
{
    if (!text.trimmed().isEmpty() || !details || details->attachments.isEmpty())
        return text;
    const QList<FileInfo> &files = details->attachments;
    return files.size() == 1 ? QStringLiteral("📎 ") + files.constFirst().name
                             : tr("📎 %n file(s)", "", int(files.size()));
}
