#include "outboxrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

// Short keys, like MessageDetails: one entry, written when it is queued and again as each file
// is uploaded.
QByteArray OutboxAttachment::listToJson(const QList<OutboxAttachment> &attachments)
{
    if (attachments.isEmpty())
        return {};
    QJsonArray list;
    for (const OutboxAttachment &attachment : attachments) {
        QJsonObject item { { QStringLiteral("p"), attachment.localPath },
            { QStringLiteral("n"), attachment.name },
            { QStringLiteral("s"), double(attachment.size) } };
        if (attachment.isUploaded())
            item.insert(u"i", attachment.fileId);
        if (!attachment.mimeType.isEmpty())
            item.insert(u"m", attachment.mimeType);
        if (attachment.width > 0 && attachment.height > 0) {
            item.insert(u"w", attachment.width);
            item.insert(u"h", attachment.height);
        }
        list.append(item);
    }
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

QList<OutboxAttachment> OutboxAttachment::listFromJson(const QByteArray &json)
{
    QList<OutboxAttachment> attachments;
    if (json.isEmpty())
        return attachments;
    for (const QJsonValue &value : QJsonDocument::fromJson(json).array()) {
        const QJsonObject item = value.toObject();
        OutboxAttachment attachment;
        attachment.localPath = item.value(u"p").toString();
        attachment.name = item.value(u"n").toString();
        attachment.size = std::max<qint64>(0, qint64(item.value(u"s").toDouble()));
        attachment.fileId = item.value(u"i").toString();
        attachment.mimeType = item.value(u"m").toString();
        attachment.width = std::max(0, item.value(u"w").toInt());
        attachment.height = std::max(0, item.value(u"h").toInt());
        // Without a path an attachment that is not uploaded can never be: it is still kept, and
        // its upload fails the message with a sentence instead of dropping the file silently.
        attachments.append(attachment);
    }
    return attachments;
}
