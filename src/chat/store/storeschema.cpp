#include "storeschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

// Version 1: conversations, people, messages and the outbox.
//
// messages.key is the message's server id times two, plus one for a direct message: room and DM
// ids are separate sequences on the server, so this is one integer key for both, ordered like the
// ids within a conversation, and the rowid the search index refers to (no second id index).
// gap_below: messages older than this one may exist on the server without being stored here
// (the oldest message of a fetched page, a live message that arrived before the catch-up ended).
const char kVersion1[] = R"sql(
CREATE TABLE conversations (
  rowid             INTEGER PRIMARY KEY,
  direct            INTEGER NOT NULL,
  peer              TEXT NOT NULL,
  name              TEXT NOT NULL DEFAULT '',
  description       TEXT NOT NULL DEFAULT '',
  avatar            TEXT NOT NULL DEFAULT '',
  member_count      INTEGER NOT NULL DEFAULT 0,
  member            INTEGER NOT NULL DEFAULT 0,
  listed            INTEGER NOT NULL DEFAULT 1,
  unread_count      INTEGER NOT NULL DEFAULT 0,
  last_read_id      TEXT NOT NULL DEFAULT '',
  last_message_text TEXT NOT NULL DEFAULT '',
  last_activity     INTEGER NOT NULL DEFAULT 0,
  draft             TEXT NOT NULL DEFAULT '',
  UNIQUE (direct, peer)
);
CREATE TABLE people (
  id     TEXT PRIMARY KEY,
  name   TEXT NOT NULL DEFAULT '',
  role   TEXT NOT NULL DEFAULT '',
  avatar TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE TABLE messages (
  key          INTEGER PRIMARY KEY,
  conversation INTEGER NOT NULL REFERENCES conversations(rowid) ON DELETE CASCADE,
  sender       TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  text         TEXT NOT NULL,
  client_id    TEXT,
  gap_below    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX messages_by_conversation ON messages (conversation, key);
CREATE TABLE outbox (
  client_id  TEXT PRIMARY KEY,
  direct     INTEGER NOT NULL,
  peer       TEXT NOT NULL,
  text       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  failed     INTEGER NOT NULL DEFAULT 0,
  error      TEXT NOT NULL DEFAULT '',
  position   INTEGER NOT NULL
);
)sql";

// Version 2: full-text search. unicode61 with remove_diacritics 2 folds case and accents
// ("cafe" finds "Café"); detail=column keeps the index small (no positions: queries here are
// words and prefixes, never phrases). The index follows the messages table through triggers.
const char kVersion2[] = R"sql(
CREATE VIRTUAL TABLE message_search USING fts5(
  text, content='messages', content_rowid='key',
  tokenize='unicode61 remove_diacritics 2', detail=column);
INSERT INTO message_search (rowid, text) SELECT key, text FROM messages;
CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN
  INSERT INTO message_search (rowid, text) VALUES (new.key, new.text);
END;
CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
  INSERT INTO message_search (message_search, rowid, text) VALUES ('delete', old.key, old.text);
END;
CREATE TRIGGER messages_search_update AFTER UPDATE OF text ON messages BEGIN
  INSERT INTO message_search (message_search, rowid, text) VALUES ('delete', old.key, old.text);
  INSERT INTO message_search (rowid, text) VALUES (new.key, new.text);
END;
)sql";

// Version 3: the study additions. details: MessageDetails as JSON (replies, thread summaries,
// edits, deletions, reactions, mentions), NULL for the common plain message; the outbox holds
// edits, deletions, reactions, resolves and pins besides messages; a room's pins; unread
// mentions; muted conversations.
const char kVersion3[] = R"sql(
ALTER TABLE messages ADD COLUMN details TEXT;
ALTER TABLE outbox ADD COLUMN action INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN message_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN reply_to INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN thread_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN pins TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN muted INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 4: files. outbox.attachments: the files a message takes along (OutboxAttachment JSON:
// local path, name, size, and the server's file id once uploaded), NULL for a message without;
// conversations.draft_attachments: the files attached in the composer, in the same JSON.
// Messages keep their attachments in messages.details (MessageDetails JSON).
const char kVersion4[] = R"sql(
ALTER TABLE outbox ADD COLUMN attachments TEXT;
ALTER TABLE conversations ADD COLUMN draft_attachments TEXT;
)sql";

const char *const kSteps[] = { kVersion1, kVersion2, kVersion3, kVersion4 };
constexpr int kStepCount = int(sizeof(kSteps) / sizeof(kSteps[0]));

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

/// QSqlQuery runs one statement at a time.
bool execScript(QSqlDatabase &db, const QString &script, QString *error)
{
    // Statements end with ";\n"; the triggers' inner statements end with ";\n" too, so a
    // trigger is put back together up to its END.
    const QStringList parts = script.split(QStringLiteral(";\n"), Qt::SkipEmptyParts);
    QString statement;
    for (const QString &part : parts) {
        if (part.trimmed().isEmpty())
            continue;
        statement += part + u';';
        const bool inTrigger = statement.contains(QLatin1String("CREATE TRIGGER"));
        if (inTrigger && !part.trimmed().startsWith(QLatin1String("END")))
            continue;
        if (!exec(db, statement, error))
            return false;
        statement.clear();
    }
    return true;
}

int userVersion(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

} // namespace

namespace StoreSchema {

int currentVersion()
{
    return kStepCount;
}

QString stepsUpTo(int version)
{
    QString script;
    for (int step = 0; step < version && step < kStepCount; ++step)
        script += QString::fromUtf8(kSteps[step]);
    return script;
}

bool configureConnection(QSqlDatabase &db, QString *error)
{
    // WAL: the GUI reads while the writer thread commits. synchronous=NORMAL: a commit survives
    // the app being killed (the OS has it); only a power cut can lose the last commits.
    return exec(db, QStringLiteral("PRAGMA busy_timeout = 5000"), error)
        && exec(db, QStringLiteral("PRAGMA journal_mode = WAL"), error)
        && exec(db, QStringLiteral("PRAGMA synchronous = NORMAL"), error)
        && exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), error);
}

bool migrate(QSqlDatabase &db, QString *error)
{
    const int version = userVersion(db, error);
    if (version < 0)
        return false;
    if (version > kStepCount) {
        *error = QStringLiteral("the file was written by a newer StudyConnect (schema %1, this "
                                "version knows %2)")
                     .arg(version)
                     .arg(kStepCount);
        return false;
    }
    if (version == kStepCount)
        return true;
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    for (int step = version; step < kStepCount; ++step) {
        if (!execScript(db, QString::fromUtf8(kSteps[step]), error)) {
            db.rollback();
            return false;
        }
    }
    if (!exec(db, QStringLiteral("PRAGMA user_version = %1").arg(kStepCount), error)
        || !db.commit()) {
        db.rollback();
        return false;
    }
    return true;
}

} // namespace StoreSchema
