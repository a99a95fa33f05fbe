// Conversation, the files half: the attachments of the composer's draft, checked as they are
// added, sent with the next message, and the cancel of a pending message's upload.
#include "attachmentfiles.h"
#include "conversation.h"
#include "conversationmanager.h"

#include <QFileInfo>

bool Conversation::canAttach() const
{
    return canWrite() && m_manager->hasFeature(QStringLiteral("files"));
}

QVariantList Conversation::draftAttachmentList() const
{
    QVariantList list;
    for (const OutboxAttachment &attachment : m_draftAttachments)
        list.append(QVariantMap { { QStringLiteral("name"), attachment.name },
            { QStringLiteral("size"), attachment.size },
            { QStringLiteral("sizeText"), FileInfo::sizeText(attachment.size) },
            { QStringLiteral("localPath"), attachment.localPath },
            { QStringLiteral("mimeType"), attachment.mimeType },
            { QStringLiteral("isImage"), AttachmentFiles::isImageType(attachment.mimeType) } });
    return list;
}

void Conversation::setDraftAttachments(const QList<OutboxAttachment> &attachments)
{
    if (m_draftAttachments == attachments)
        return;
    m_draftAttachments = attachments;
    Q_EMIT draftAttachmentsChanged();
}

QString Conversation::addAttachment(const QUrl &fileUrl)
{
    if (!m_manager->hasFeature(QStringLiteral("files")))
        return tr("This server does not take files.");
    if (!canWrite())
        return tr("Join the room to send files here.");
    if (!fileUrl.isLocalFile())
        return tr("Only files on this computer can be attached.");
    const int most = m_manager->maxAttachments();
    if (m_draftAttachments.size() >= most)
        return tr("A message can carry at most %n file(s).", "", most);
    const AttachmentFiles::Checked checked =
        AttachmentFiles::check(fileUrl.toLocalFile(), m_manager->maxFileBytes());
    if (!checked.error.isEmpty())
        return checked.error;
    for (const OutboxAttachment &attached : std::as_const(m_draftAttachments)) {
        // The server would keep one copy of a file sent twice in a message.
        if (attached.localPath == checked.attachment.localPath)
            return tr("“%1” is attached already.").arg(attached.name);
    }
    m_draftAttachments.append(checked.attachment);
    Q_EMIT draftAttachmentsChanged();
    return {};
}

void Conversation::removeAttachment(int index)
{
    if (index < 0 || index >= m_draftAttachments.size())
        return;
    m_draftAttachments.removeAt(index);
    Q_EMIT draftAttachmentsChanged();
}

void Conversation::cancelUpload(const QString &messageId)
{
    // Pending rows have no server id yet: the views pass the clientId, which is what the outbox
    // knows them by.
    if (!messageId.isEmpty() && m_messages->hasPending(messageId))
        m_manager->discard(messageId);
}
