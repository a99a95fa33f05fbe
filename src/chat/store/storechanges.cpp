// MessageStore, the in-place half: edits, deletions, reactions and thread summaries of stored
// messages. Each is a read-modify-write of one row on the writer thread, so a change that arrives
// while the message's own insert is still queued finds it (jobs run in order).
#include "messagestore.h"
#include "storesql.h"

using namespace StoreSql;

void MessageStore::changeMessage(const ConversationKey &key, qint64 id, MessageChange change)
{
    if (id <= 0 || !isOpen())
        return;
    post([key, id, change = std::move(change)](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT text, details FROM messages WHERE key = ?"));
        query.addBindValue(messageKey(key, id));
        if (!run(query) || !query.next())
            return; // not stored: nothing to follow
        const QString oldText = query.value(0).toString();
        QString newText = oldText;
        MessageDetails details = MessageDetails::fromJson(query.value(1).toByteArray());
        change(newText, details);
        const QByteArray json = details.toJson();
        query.finish();
        // The text only when it changed: updating it rewrites the row's search index entry.
        query.prepare(newText == oldText
                ? QStringLiteral("UPDATE messages SET details = ? WHERE key = ?")
                : QStringLiteral("UPDATE messages SET details = ?, text = ? WHERE key = ?"));
        query.addBindValue(json.isEmpty() ? QVariant() : json);
        if (newText != oldText)
            query.addBindValue(text(newText));
        query.addBindValue(messageKey(key, id));
        run(query);
    });
}

void MessageStore::changeQuotes(
    const ConversationKey &key, qint64 quotedId, const QString &text, bool deleted)
{
    if (quotedId <= 0 || !isOpen())
        return;
    const QString quoted = deleted ? QString() : MessageDetails::quoteOf(text);
    post([key, quotedId, quoted, deleted](QSqlDatabase &db) {
        // Replies are newer than what they quote, and their details name it: a LIKE over the
        // rows above it with details, not a scan of the conversation's texts.
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "SELECT key, details FROM messages WHERE key > ? AND details LIKE ? AND conversation "
            "= (SELECT rowid FROM conversations WHERE direct = ? AND peer = ?)"));
        query.addBindValue(messageKey(key, quotedId));
        query.addBindValue(QStringLiteral("%\"i\":\"%1\"%").arg(quotedId));
        query.addBindValue(key.direct ? 1 : 0);
        query.addBindValue(key.id);
        if (!run(query))
            return;
        std::vector<std::pair<qint64, QByteArray>> updates;
        const QString id = QString::number(quotedId);
        while (query.next()) {
            MessageDetails details = MessageDetails::fromJson(query.value(1).toByteArray());
            if (!details.replyTo || details.replyTo->id != id)
                continue;
            details.replyTo->text = quoted;
            details.replyTo->deleted = deleted;
            updates.emplace_back(query.value(0).toLongLong(), details.toJson());
        }
        query.finish();
        query.prepare(QStringLiteral("UPDATE messages SET details = ? WHERE key = ?"));
        for (const auto &[rowKey, json] : updates) {
            query.addBindValue(json);
            query.addBindValue(rowKey);
            run(query);
        }
    });
}
