// MessageListModel, the files half: the attachments a row shows, and the upload of our own
// pending message's files.
#include "attachmentfiles.h"
#include "messagelistmodel.h"

QVariantList MessageListModel::attachmentList(const StoredMessage &message) const
{
    const MessageDetails *details = message.details();
    if (!details || details->attachments.isEmpty() || details->deleted)
        return {};
    const bool pending = message.state != ChatMessage::State::Sent && message.hasClientId();
    const QStringList localPaths =
        pending ? m_pendingFiles.value(message.clientId()).localPaths : QStringList();
    QVariantList list;
    list.reserve(details->attachments.size());
    for (qsizetype i = 0; i < details->attachments.size(); ++i) {
        const FileInfo &file = details->attachments.at(i);
        const QString localPath = localPaths.value(i);
        // A local file has no size in pixels before the server looked at it: its type decides.
        const bool isImage =
            file.isImage() || (!localPath.isEmpty() && AttachmentFiles::isImageType(file.mimeType));
        list.append(QVariantMap { { QStringLiteral("id"), file.id },
            { QStringLiteral("name"), file.name }, { QStringLiteral("size"), file.size },
            { QStringLiteral("sizeText"), FileInfo::sizeText(file.size) },
            { QStringLiteral("mimeType"), file.mimeType }, { QStringLiteral("width"), file.width },
            { QStringLiteral("height"), file.height }, { QStringLiteral("isImage"), isImage },
            { QStringLiteral("localPath"), localPath } });
    }
    return list;
}

double MessageListModel::uploadProgressOf(const StoredMessage &message) const
{
    if (message.state == ChatMessage::State::Sent || !message.hasClientId())
        return -1;
    const auto it = m_pendingFiles.constFind(message.clientId());
    return it == m_pendingFiles.cend() ? -1 : it->progress;
}

void MessageListModel::setUploadProgress(const QString &clientId, double progress)
{
    const auto it = m_pendingFiles.find(clientId);
    const int i = pendingIndex(clientId);
    if (it == m_pendingFiles.end() || i < 0 || qFuzzyCompare(it->progress + 2, progress + 2))
        return;
    it->progress = progress;
    const int row = int(m_pending.size()) - 1 - i;
    Q_EMIT dataChanged(index(row), index(row), { UploadProgressRole });
}
