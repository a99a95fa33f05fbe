// The "message" field of the CLI's message:received / dm:received lines: the message as the
// client core reads it (Payload::message and its MessageDetails), in one stable shape whatever
// the server sent (ids as strings, the quote's sender as an id, times as ISO 8601 in UTC).
#include "chat/payload.h"
#include "clirunner.h"

#include <QDateTime>

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

QVariantMap CliRunner::messageFields(const QVariant &data)
{
    const auto message = Payload::message(data);
    if (!message)
        return {};
    QVariantMap fields { { QStringLiteral("id"), message->id },
        { QStringLiteral("senderId"), message->sender.id },
        { QStringLiteral("text"), message->text },
        { QStringLiteral("createdAt"), isoTime(message->createdAtMs) } };
    if (!message->roomId.isEmpty())
        fields.insert(QStringLiteral("roomId"), message->roomId);
    if (!message->recipientId.isEmpty())
        fields.insert(QStringLiteral("recipientId"), message->recipientId);
    if (!message->clientId.isEmpty())
        fields.insert(QStringLiteral("clientId"), message->clientId);
    const MessageDetails *details = message->details.get();
    if (!details)
        return fields;
    if (details->replyTo) {
        fields.insert(QStringLiteral("replyTo"),
            QVariantMap { { QStringLiteral("id"), details->replyTo->id },
                { QStringLiteral("senderId"), details->replyTo->senderId },
                { QStringLiteral("text"), details->replyTo->text },
                { QStringLiteral("deleted"), details->replyTo->deleted } });
    }
    if (!details->threadId.isEmpty())
        fields.insert(QStringLiteral("threadId"), details->threadId);
    if (details->thread) {
        fields.insert(QStringLiteral("thread"),
            QVariantMap { { QStringLiteral("replyCount"), details->thread->replyCount },
                { QStringLiteral("resolved"), details->thread->resolved } });
    }
    if (details->editedAtMs > 0)
        fields.insert(QStringLiteral("editedAt"), isoTime(details->editedAtMs));
    if (details->deleted)
        fields.insert(QStringLiteral("deleted"), true);
    if (!details->reactions.isEmpty()) {
        QVariantList reactions;
        for (const MessageDetails::Reaction &reaction : details->reactions)
            reactions.append(QVariantMap { { QStringLiteral("emoji"), reaction.emoji },
                { QStringLiteral("userIds"), reaction.userIds } });
        fields.insert(QStringLiteral("reactions"), reactions);
    }
    if (!details->mentions.isEmpty())
        fields.insert(QStringLiteral("mentions"), details->mentions);
    if (!details->attachments.isEmpty()) {
        QVariantList attachments;
        for (const FileInfo &file : details->attachments)
            attachments.append(file.toVariant());
        fields.insert(QStringLiteral("attachments"), attachments);
    }
    return fields;
}
