#include "messagedetails.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

QString MessageDetails::quoteOf(const QString &original)
{
    qsizetype length = std::min(original.size(), kQuoteLength);
    if (length == kQuoteLength && original.at(length - 1).isHighSurrogate())
        --length;
    return original.left(length);
}

// The store's JSON uses short keys: it is written once per message that has details and read
// with every page.
QByteArray MessageDetails::toJson() const
{
    if (isEmpty())
        return {};
    QJsonObject object;
    if (replyTo) {
        object.insert(u"r",
            QJsonObject { { QStringLiteral("i"), replyTo->id },
                { QStringLiteral("s"), replyTo->senderId },
                { QStringLiteral("n"), replyTo->senderName },
                { QStringLiteral("t"), replyTo->text },
                { QStringLiteral("d"), replyTo->deleted } });
    }
    if (!threadId.isEmpty())
        object.insert(u"th", threadId);
    if (thread) {
        object.insert(u"tr",
            QJsonObject { { QStringLiteral("c"), thread->replyCount },
                { QStringLiteral("l"), double(thread->lastReplyAtMs) },
                { QStringLiteral("x"), thread->resolved } });
    }
    if (editedAtMs > 0)
        object.insert(u"e", double(editedAtMs));
    if (deleted)
        object.insert(u"d", true);
    if (!reactions.isEmpty()) {
        QJsonArray list;
        for (const Reaction &reaction : reactions)
            list.append(QJsonObject { { QStringLiteral("e"), reaction.emoji },
                { QStringLiteral("u"), QJsonArray::fromStringList(reaction.userIds) } });
        object.insert(u"rx", list);
    }
    if (!mentions.isEmpty())
        object.insert(u"m", QJsonArray::fromStringList(mentions));
    if (!attachments.isEmpty()) {
        QJsonArray list;
        for (const FileInfo &file : attachments) {
            QJsonObject item { { QStringLiteral("i"), file.id }, { QStringLiteral("n"), file.name },
                { QStringLiteral("s"), double(file.size) },
                { QStringLiteral("m"), file.mimeType } };
            if (file.width > 0 && file.height > 0) {
                item.insert(u"w", file.width);
                item.insert(u"h", file.height);
            }
            list.append(item);
        }
        object.insert(u"a", list);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray()) {
        if (item.isString())
            result.append(item.toString());
    }
    return result;
}

} // namespace

MessageDetails MessageDetails::fromJson(const QByteArray &json)
{
    MessageDetails details;
    if (json.isEmpty())
        return details;
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    if (object.contains(u"r")) {
        const QJsonObject quote = object.value(u"r").toObject();
        details.replyTo = Quote { quote.value(u"i").toString(), quote.value(u"s").toString(),
            quote.value(u"n").toString(), quote.value(u"t").toString(),
            quote.value(u"d").toBool() };
    }
    details.threadId = object.value(u"th").toString();
    if (object.contains(u"tr")) {
        const QJsonObject thread = object.value(u"tr").toObject();
        details.thread = Thread { thread.value(u"c").toInt(), qint64(thread.value(u"l").toDouble()),
            thread.value(u"x").toBool() };
    }
    details.editedAtMs = qint64(object.value(u"e").toDouble());
    details.deleted = object.value(u"d").toBool();
    for (const QJsonValue &item : object.value(u"rx").toArray()) {
        const QJsonObject reaction = item.toObject();
        const QString emoji = reaction.value(u"e").toString();
        const QStringList users = strings(reaction.value(u"u"));
        if (!emoji.isEmpty() && !users.isEmpty())
            details.reactions.append({ emoji, users });
    }
    details.mentions = strings(object.value(u"m"));
    for (const QJsonValue &item : object.value(u"a").toArray()) {
        const QJsonObject file = item.toObject();
        FileInfo info;
        info.id = file.value(u"i").toString();
        info.name = file.value(u"n").toString();
        info.size = std::max<qint64>(0, qint64(file.value(u"s").toDouble()));
        info.mimeType = file.value(u"m").toString();
        info.width = std::max(0, file.value(u"w").toInt());
        info.height = std::max(0, file.value(u"h").toInt());
        // Only what a message can carry: a file the server gave an id.
        if (info.isValid())
            details.attachments.append(info);
    }
    return details;
}
