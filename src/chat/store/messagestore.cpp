#include "messagestore.h"

#include "../logging.h"
#include "storeschema.h"
#include "storesql.h"
#include "storethread.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <atomic>
#include <limits>

using namespace StoreSql;

namespace {

/// The rowid of the conversation, created when missing (writer thread).
qint64 ensureConversation(QSqlDatabase &db, const ConversationKey &key)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO conversations (direct, peer, listed) VALUES (?, ?, "
                                 "0) ON CONFLICT DO NOTHING"));
    query.addBindValue(key.direct ? 1 : 0);
    query.addBindValue(key.id);
    run(query);
    query.prepare(QStringLiteral("SELECT rowid FROM conversations WHERE direct = ? AND peer = ?"));
    query.addBindValue(key.direct ? 1 : 0);
    query.addBindValue(key.id);
    if (!run(query) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

void prune(QSqlDatabase &db, qint64 conversation, int limit)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT key FROM messages WHERE conversation = ? ORDER BY key DESC LIMIT 1 OFFSET ?"));
    query.addBindValue(conversation);
    query.addBindValue(limit - 1);
    if (!run(query) || !query.next())
        return; // fewer than the limit
    const qint64 oldestKept = query.value(0).toLongLong();
    query.prepare(QStringLiteral("DELETE FROM messages WHERE conversation = ? AND key < ?"));
    query.addBindValue(conversation);
    query.addBindValue(oldestKept);
    run(query);
    if (query.numRowsAffected() > 0) {
        // What was deleted is still on the server: scrolling past the oldest asks for it again.
        query.prepare(QStringLiteral("UPDATE messages SET gap_below = 1 WHERE key = ?"));
        query.addBindValue(oldestKept);
        run(query);
    }
}

std::atomic<int> g_connectionSerial { 0 };

} // namespace

MessageStore::MessageStore(QObject *parent)
    : QObject(parent)
{ }

MessageStore::~MessageStore()
{
    close();
}

QString MessageStore::fileFor(const QUrl &server, const QString &userId, const QString &directory)
{
    const QString base = directory.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/stores")
        : directory;
    const QString serverName =
        server.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash).toString();
    // Readable enough to find by hand, unique by the hash.
    QString host = server.host();
    host.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.-]")), QStringLiteral("_"));
    const QByteArray hash =
        QCryptographicHash::hash((serverName + u'|' + userId).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(12);
    return base + u'/' + host + u'-' + QString::fromLatin1(hash) + QStringLiteral(".sqlite");
}

bool MessageStore::removeFiles(const QString &path)
{
    bool removed = true;
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        QFile file(path + suffix);
        if (file.exists() && !file.remove())
            removed = false;
    }
    return removed;
}

bool MessageStore::open(const QString &path)
{
    close();
    m_path = path;
    m_error.clear();
    const QFileInfo info(path);
    // A folder made here is private; one that exists is someone's choice (the CLI's --profile may
    // be any folder, even a shared one) and keeps its mode: the file itself is private anyway.
    if (!QFileInfo::exists(info.absolutePath())) {
        QDir().mkpath(info.absolutePath());
        QFile::setPermissions(info.absolutePath(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    if (!info.exists()) {
        // Created private before SQLite opens it; its -wal and -shm files get the same mode.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            fail(tr("Cannot create %1: %2").arg(path, file.errorString()));
            return false;
        }
        file.close();
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    const int serial = ++g_connectionSerial;
    m_connectionName = QStringLiteral("store-%1").arg(serial);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        bool ok = db.open() && StoreSchema::configureConnection(db, &error)
            && StoreSchema::migrate(db, &error);
        if (ok) {
            // A damaged file often opens fine and fails at its first real read.
            QSqlQuery probe(db);
            ok = probe.exec(QStringLiteral("SELECT count(*) FROM conversations")) && probe.next();
            if (!ok)
                error = probe.lastError().text();
        }
        if (!ok && error.isEmpty())
            error = db.lastError().text();
        if (!ok)
            db.close();
    }
    if (!error.isEmpty()) {
        QSqlDatabase::removeDatabase(m_connectionName);
        m_connectionName.clear();
        fail(error);
        return false;
    }

    QPointer<MessageStore> guard(this);
    auto onError = [guard](const QString &message) {
        QMetaObject::invokeMethod(
            guard, [guard, message] { guard->fail(message); }, Qt::QueuedConnection);
    };
    m_writer = std::make_unique<StoreThread>(
        path, QStringLiteral("store-%1-writer").arg(serial), true, onError);
    m_searcher = std::make_unique<StoreThread>(
        path, QStringLiteral("store-%1-search").arg(serial), false, onError);
    m_writer->start(QThread::LowPriority);
    m_searcher->start();
    m_status = Status::Open;
    qCInfo(lcChat) << "offline store:" << path;
    Q_EMIT statusChanged();
    return true;
}

void MessageStore::close()
{
    handOver();
    if (m_writer)
        m_writer->stop();
    if (m_searcher)
        m_searcher->stop();
    m_writer.reset();
    m_searcher.reset();
    if (!m_connectionName.isEmpty()) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
        m_connectionName.clear();
    }
    if (m_status == Status::Open) {
        m_status = Status::Closed;
        Q_EMIT statusChanged();
    }
}

void MessageStore::fail(const QString &error)
{
    qCWarning(lcChat) << "offline store unavailable:" << error;
    if (m_status == Status::Unavailable && m_error == error)
        return;
    m_error = error;
    m_status = Status::Unavailable;
    Q_EMIT statusChanged();
}

void MessageStore::post(
    std::function<void(QSqlDatabase &db)> job, std::function<void()> afterCommit)
{
    if (m_status != Status::Open || !m_writer) {
        if (afterCommit)
            afterCommit();
        return;
    }
    // Handed to the writer once per event-loop pass: a burst of live messages wakes it once and
    // becomes one transaction, instead of a wake-up and a commit per message competing with the
    // GUI thread for the CPU. Messages saved before this job are written before it.
    queueMessageBatches();
    m_queued.push_back({ std::move(job), std::move(afterCommit) });
    scheduleHandOver();
}

void MessageStore::scheduleHandOver()
{
    if (!m_handOverScheduled) {
        m_handOverScheduled = true;
        QMetaObject::invokeMethod(this, &MessageStore::handOver, Qt::QueuedConnection);
    }
}

void MessageStore::handOver()
{
    m_handOverScheduled = false;
    queueMessageBatches();
    if (m_queued.empty())
        return;
    if (m_status != Status::Open || !m_writer) {
        for (auto &entry : m_queued) {
            if (entry.afterCommit)
                entry.afterCommit();
        }
        m_queued.clear();
        return;
    }
    m_writer->post(std::move(m_queued));
    m_queued.clear();
}

void MessageStore::flush()
{
    handOver();
    if (m_writer)
        m_writer->waitForIdle();
}

// ---------------------------------------------------------------------------------------------
// Reads

std::vector<MessageStore::ConversationRow> MessageStore::conversations()
{
    std::vector<ConversationRow> rows;
    if (!isOpen())
        return rows;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral(
        "SELECT direct, peer, name, description, avatar, member_count, member, listed, "
        "unread_count, last_read_id, last_message_text, last_activity, draft, pins, mention_count, "
        "muted, draft_attachments "
        "FROM conversations "
        // Rooms in id order, as the server lists them.
        "ORDER BY direct, CAST(peer AS INTEGER), peer"));
    if (!run(query))
        return rows;
    while (query.next()) {
        ConversationRow row;
        row.key = conversationAt(query, 0, 1);
        row.name = query.value(2).toString();
        row.description = query.value(3).toString();
        row.avatar = query.value(4).toString();
        row.memberCount = query.value(5).toInt();
        row.member = query.value(6).toBool();
        row.listed = query.value(7).toBool();
        row.unreadCount = query.value(8).toInt();
        row.lastReadId = query.value(9).toString();
        row.lastMessageText = query.value(10).toString();
        row.lastActivityMs = query.value(11).toLongLong();
        row.draft = query.value(12).toString();
        row.pins = query.value(13).toString().split(u',', Qt::SkipEmptyParts);
        row.mentionCount = query.value(14).toInt();
        row.muted = query.value(15).toBool();
        row.draftAttachments = OutboxAttachment::listFromJson(query.value(16).toByteArray());
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<MessageStore::PersonRow> MessageStore::people()
{
    std::vector<PersonRow> rows;
    if (!isOpen())
        return rows;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT id, name, role, avatar FROM people"));
    if (!run(query))
        return rows;
    while (query.next())
        rows.push_back({ query.value(0).toString(), query.value(1).toString(),
            query.value(2).toString(), query.value(3).toString() });
    return rows;
}

std::vector<MessageStore::OutboxRow> MessageStore::outbox()
{
    std::vector<OutboxRow> rows;
    if (!isOpen())
        return rows;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT client_id, direct, peer, text, created_at, failed, error, "
                                 "action, message_id, reply_to, thread_id, attachments "
                                 "FROM outbox ORDER BY position"));
    if (!run(query))
        return rows;
    while (query.next()) {
        OutboxRow row;
        row.clientId = query.value(0).toString();
        row.target = conversationAt(query, 1, 2);
        row.text = query.value(3).toString();
        row.createdAtMs = query.value(4).toLongLong();
        row.failed = query.value(5).toBool();
        row.error = query.value(6).toString();
        row.action = OutboxRequest::Action(
            qBound(0, query.value(7).toInt(), int(OutboxRequest::kLastAction)));
        row.messageId = query.value(8).toLongLong();
        row.replyTo = query.value(9).toLongLong();
        row.threadId = query.value(10).toLongLong();
        row.attachments = OutboxAttachment::listFromJson(query.value(11).toByteArray());
        rows.push_back(std::move(row));
    }
    return rows;
}

MessageStore::Page MessageStore::olderMessages(
    const ConversationKey &key, qint64 beforeId, int limit, bool stopAtGaps)
{
    Page page;
    if (!isOpen()) {
        page.reachedGap = true;
        return page;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (beforeId > 0 && stopAtGaps) {
        // The message the page continues from: is its older neighbour known?
        query.prepare(QStringLiteral("SELECT gap_below FROM messages WHERE key = ?"));
        query.addBindValue(messageKey(key, beforeId));
        if (!run(query) || !query.next() || query.value(0).toBool()) {
            page.reachedGap = true;
            return page;
        }
    }
    query.prepare(QStringLiteral(
        "SELECT m.key, m.sender, m.created_at, m.text, m.client_id, m.gap_below, m.details "
        "FROM messages m "
        "JOIN conversations c ON c.rowid = m.conversation "
        "WHERE c.direct = ? AND c.peer = ? AND m.key < ? ORDER BY m.key DESC LIMIT ?"));
    query.addBindValue(key.direct ? 1 : 0);
    query.addBindValue(key.id);
    query.addBindValue(
        beforeId > 0 ? messageKey(key, beforeId) : std::numeric_limits<qint64>::max());
    query.addBindValue(limit);
    if (!run(query)) {
        page.reachedGap = true;
        return page;
    }
    bool lastHadGap = beforeId == 0; // nothing stored at all: ask the server
    while (query.next()) {
        MessageRow row;
        row.id = idOfKey(query.value(0).toLongLong());
        row.senderId = query.value(1).toString();
        row.createdAtMs = query.value(2).toLongLong();
        row.text = query.value(3).toString();
        row.clientId = query.value(4).toString();
        row.details = query.value(6).toByteArray();
        page.messages.push_back(std::move(row));
        lastHadGap = query.value(5).toBool();
        if (lastHadGap && stopAtGaps) {
            page.reachedGap = true;
            return page;
        }
    }
    if (!stopAtGaps)
        page.reachedBeginning = int(page.messages.size()) < limit;
    else if (int(page.messages.size()) < limit)
        (lastHadGap ? page.reachedGap : page.reachedBeginning) = true;
    return page;
}

qint64 MessageStore::newestId(const ConversationKey &key)
{
    if (!isOpen())
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral(
        "SELECT max(m.key) FROM messages m JOIN conversations c ON c.rowid = m.conversation "
        "WHERE c.direct = ? AND c.peer = ?"));
    query.addBindValue(key.direct ? 1 : 0);
    query.addBindValue(key.id);
    if (!run(query) || !query.next())
        return 0;
    return idOfKey(query.value(0).toLongLong());
}

qint64 MessageStore::messageCount()
{
    if (!isOpen())
        return 0;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM messages")) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

// ---------------------------------------------------------------------------------------------
// Writes

void MessageStore::saveConversation(const ConversationRow &row)
{
    post([row](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT INTO conversations (direct, peer, name, description, avatar, member_count, "
            "member, listed, unread_count, last_read_id, last_message_text, last_activity, draft, "
            "pins, mention_count, muted, draft_attachments) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (direct, peer) DO UPDATE "
            "SET name = excluded.name, description = excluded.description, "
            "avatar = excluded.avatar, member_count = excluded.member_count, "
            "member = excluded.member, listed = excluded.listed, "
            "unread_count = excluded.unread_count, last_read_id = excluded.last_read_id, "
            "last_message_text = excluded.last_message_text, "
            "last_activity = excluded.last_activity, draft = excluded.draft, "
            "pins = excluded.pins, mention_count = excluded.mention_count, "
            "muted = excluded.muted, draft_attachments = excluded.draft_attachments"));
        query.addBindValue(row.key.direct ? 1 : 0);
        query.addBindValue(text(row.key.id));
        query.addBindValue(text(row.name));
        query.addBindValue(text(row.description));
        query.addBindValue(text(row.avatar));
        query.addBindValue(row.memberCount);
        query.addBindValue(row.member ? 1 : 0);
        query.addBindValue(row.listed ? 1 : 0);
        query.addBindValue(row.unreadCount);
        query.addBindValue(text(row.lastReadId));
        query.addBindValue(text(row.lastMessageText));
        query.addBindValue(row.lastActivityMs);
        query.addBindValue(text(row.draft));
        query.addBindValue(text(row.pins.join(u',')));
        query.addBindValue(row.mentionCount);
        query.addBindValue(row.muted ? 1 : 0);
        const QByteArray attachments = OutboxAttachment::listToJson(row.draftAttachments);
        query.addBindValue(attachments.isEmpty() ? QVariant() : QString::fromUtf8(attachments));
        run(query);
    });
}

void MessageStore::savePeople(const std::vector<PersonRow> &people)
{
    if (people.empty())
        return;
    post([people](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT INTO people (id, name, role, avatar) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO "
            "UPDATE SET name = excluded.name, role = excluded.role, avatar = excluded.avatar"));
        for (const PersonRow &person : people) {
            query.addBindValue(text(person.id));
            query.addBindValue(text(person.name));
            query.addBindValue(text(person.role));
            query.addBindValue(text(person.avatar));
            run(query);
        }
    });
}

void MessageStore::saveMessages(const ConversationKey &key, std::vector<MessageRow> messages,
    bool oldestHasGapBelow, qint64 directlyAboveId)
{
    if ((messages.empty() && directlyAboveId == 0) || !isOpen())
        return;
    // Collected and written by one job per event-loop pass: live messages come one at a time,
    // and one prepared statement for all of them keeps the writer ahead of a burst.
    m_messageBatches.push_back({ key, std::move(messages), oldestHasGapBelow, directlyAboveId });
    scheduleHandOver();
}

void MessageStore::queueMessageBatches()
{
    if (m_messageBatches.empty())
        return;
    const int limit = m_messageLimit;
    m_queued.push_back({ [batches = std::move(m_messageBatches), limit](
                             QSqlDatabase &db) { writeMessages(db, batches, limit); },
        {} });
    m_messageBatches.clear();
}

void MessageStore::writeMessages(
    QSqlDatabase &db, const std::vector<MessageBatch> &batches, int limit)
{
    QSqlQuery insert(db);
    // An existing row keeps its text (edits come as their own update, and the search index
    // would be rewritten for nothing); what is now known about its neighbours changes, and its
    // details when the new copy has some (a fetched page is newer than the row).
    insert.prepare(QStringLiteral(
        "INSERT INTO messages (key, conversation, sender, created_at, text, client_id, "
        "gap_below, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE "
        "SET gap_below = min(gap_below, excluded.gap_below), "
        "details = coalesce(excluded.details, details)"));
    QSqlQuery closeGap(db);
    closeGap.prepare(QStringLiteral("UPDATE messages SET gap_below = 0 WHERE key = ?"));
    QHash<ConversationKey, qint64> conversations;
    for (const MessageBatch &batch : batches) {
        auto known = conversations.find(batch.key);
        if (known == conversations.end())
            known = conversations.insert(batch.key, ensureConversation(db, batch.key));
        const qint64 conversation = *known;
        if (conversation == 0)
            continue;
        // Oldest first: ascending keys fill B-tree pages; descending ones would leave them half
        // empty (a page split on the left each time).
        for (size_t i = batch.messages.size(); i-- > 0;) {
            const MessageRow &message = batch.messages[i];
            const bool oldest = i + 1 == batch.messages.size();
            insert.addBindValue(messageKey(batch.key, message.id));
            insert.addBindValue(conversation);
            insert.addBindValue(text(message.senderId));
            insert.addBindValue(message.createdAtMs);
            insert.addBindValue(text(message.text));
            insert.addBindValue(message.clientId.isEmpty() ? QVariant() : message.clientId);
            insert.addBindValue(oldest && batch.oldestHasGapBelow ? 1 : 0);
            insert.addBindValue(message.details.isEmpty() ? QVariant() : message.details);
            run(insert);
        }
        if (batch.directlyAboveId > 0) {
            closeGap.addBindValue(messageKey(batch.key, batch.directlyAboveId));
            run(closeGap);
        }
    }
    if (limit > 0) {
        for (const qint64 conversation : std::as_const(conversations))
            prune(db, conversation, limit);
    }
}

void MessageStore::closeGapsAbove(const ConversationKey &key, qint64 knownId)
{
    post([key, knownId](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "UPDATE messages SET gap_below = 0 WHERE gap_below = 1 AND key > ? AND conversation = "
            "(SELECT rowid FROM conversations WHERE direct = ? AND peer = ?)"));
        query.addBindValue(messageKey(key, knownId));
        query.addBindValue(key.direct ? 1 : 0);
        query.addBindValue(key.id);
        run(query);
    });
}

void MessageStore::saveOutboxEntry(const OutboxRow &entry, std::function<void()> stored)
{
    QPointer<MessageStore> guard(this);
    post(
        [entry](QSqlDatabase &db) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral(
                "INSERT INTO outbox (client_id, direct, peer, text, created_at, failed, error, "
                "action, message_id, reply_to, thread_id, attachments, position) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "(SELECT coalesce(max(position), 0) + 1 FROM outbox)) "
                "ON CONFLICT (client_id) DO NOTHING"));
            query.addBindValue(text(entry.clientId));
            query.addBindValue(entry.target.direct ? 1 : 0);
            query.addBindValue(text(entry.target.id));
            query.addBindValue(text(entry.text));
            query.addBindValue(entry.createdAtMs);
            query.addBindValue(entry.failed ? 1 : 0);
            query.addBindValue(text(entry.error));
            query.addBindValue(int(entry.action));
            query.addBindValue(entry.messageId);
            query.addBindValue(entry.replyTo);
            query.addBindValue(entry.threadId);
            const QByteArray attachments = OutboxAttachment::listToJson(entry.attachments);
            query.addBindValue(attachments.isEmpty() ? QVariant() : QString::fromUtf8(attachments));
            run(query);
        },
        [guard, stored = std::move(stored)] {
            // On the writer thread after the commit, or at once when the store cannot write.
            if (stored && guard)
                QMetaObject::invokeMethod(guard, stored, Qt::QueuedConnection);
        });
}

void MessageStore::removeOutboxEntry(const QString &clientId)
{
    post([clientId](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"));
        query.addBindValue(text(clientId));
        run(query);
    });
}

void MessageStore::setOutboxFailed(const QString &clientId, bool failed, const QString &error)
{
    post([clientId, failed, error](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("UPDATE outbox SET failed = ?, error = ? WHERE client_id = ?"));
        query.addBindValue(failed ? 1 : 0);
        query.addBindValue(text(error));
        query.addBindValue(text(clientId));
        run(query);
    });
}

void MessageStore::setOutboxAttachments(
    const QString &clientId, const QList<OutboxAttachment> &attachments)
{
    const QByteArray json = OutboxAttachment::listToJson(attachments);
    post([clientId, json](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE outbox SET attachments = ? WHERE client_id = ?"));
        query.addBindValue(json.isEmpty() ? QVariant() : QString::fromUtf8(json));
        query.addBindValue(text(clientId));
        run(query);
    });
}

void MessageStore::setMessageLimit(int limit)
{
    m_messageLimit = qMax(0, limit);
    if (m_messageLimit == 0)
        return;
    post([limit = m_messageLimit](QSqlDatabase &db) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT rowid FROM conversations")))
            return;
        std::vector<qint64> conversations;
        while (query.next())
            conversations.push_back(query.value(0).toLongLong());
        for (const qint64 conversation : conversations)
            prune(db, conversation, limit);
    });
}
