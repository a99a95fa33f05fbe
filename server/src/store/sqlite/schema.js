'use strict';

/**
 * The database schema: its versioned migrations (SQLite user_version) and the busy-retry that lets
 * several processes open one file at once. db.js opens the database and holds the queries.
 */

const { migrateMentions } = require('./mentions');
const { migrateFiles } = require('./files');

// Schema version 1: the tables of the first release. IF NOT EXISTS, because databases created
// before the schema was versioned (user_version 0) already have them.
const SCHEMA_V1 = `
CREATE TABLE IF NOT EXISTS users (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  first_name    TEXT NOT NULL,
  last_name     TEXT NOT NULL,
  role          TEXT NOT NULL DEFAULT 'student',
  avatar        TEXT
);
CREATE TABLE IF NOT EXISTS rooms (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS room_members (
  room_id   INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
  user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (room_id, user_id)
);
CREATE TABLE IF NOT EXISTS messages (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  room_id    INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
  sender_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  text       TEXT NOT NULL,
  client_id  TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_room_id ON messages (room_id, id);
CREATE UNIQUE INDEX IF NOT EXISTS messages_sender_client ON messages (sender_id, client_id);
CREATE TABLE IF NOT EXISTS direct_messages (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  sender_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  recipient_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  text         TEXT NOT NULL,
  client_id    TEXT,
  created_at   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS dms_pair ON direct_messages (sender_id, recipient_id, id);
CREATE INDEX IF NOT EXISTS dms_pair_rev ON direct_messages (recipient_id, sender_id, id);
CREATE UNIQUE INDEX IF NOT EXISTS dms_sender_client ON direct_messages (sender_id, client_id);
CREATE TABLE IF NOT EXISTS user_presence (
  user_id       INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  status        TEXT NOT NULL,
  last_activity INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

/**
 * Versioned schema: MIGRATIONS[n] takes a database from version n to n + 1, and the version is
 * kept in SQLite's user_version. Append new steps; never edit a released one.
 */
const MIGRATIONS = [
  // 0 -> 1: the first release's tables.
  (db) => db.exec(SCHEMA_V1),
  // 1 -> 2: read state, the newest message a user has read in a room (kind 'room',
  // conversation_id = room id) or in a DM conversation (kind 'dm', conversation_id = the other
  // user's id). Existing memberships and conversations start fully read, so upgrading a server
  // does not turn its whole history into unread messages.
  (db) => {
    db.exec(`
CREATE TABLE read_state (
  user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind IN ('room', 'dm')),
  conversation_id INTEGER NOT NULL,
  last_read_id    INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind, conversation_id)
);
INSERT INTO read_state (user_id, kind, conversation_id, last_read_id)
  SELECT m.user_id, 'room', m.room_id, (SELECT MAX(id) FROM messages WHERE room_id = m.room_id)
  FROM room_members m
  WHERE EXISTS (SELECT 1 FROM messages WHERE room_id = m.room_id);
INSERT INTO read_state (user_id, kind, conversation_id, last_read_id)
  SELECT me, 'dm', other, MAX(id) FROM (
    SELECT sender_id AS me, recipient_id AS other, id FROM direct_messages
    UNION ALL
    SELECT recipient_id AS me, sender_id AS other, id FROM direct_messages)
  GROUP BY me, other;
`);
  },
  // 2 -> 3: full-text search. FTS5 indexes of the message texts that store no copy of the text
  // (external content: the rows stay in messages / direct_messages, the rowid is the message id).
  // unicode61 with remove_diacritics 2 folds case and diacritics, so "cafe" finds "Café". Every
  // search word is a prefix term, and a 1- or 2-character prefix would otherwise merge the
  // doclists of thousands of terms per query (a 500-character query of single letters took over
  // a second on a million messages); prefix='1 2' stores those prefixes' doclists ready, for
  // about 2.4 times the index size. Triggers keep the indexes in step with every insert, delete
  // (also by ON DELETE CASCADE) and update, and 'rebuild' indexes the rows that exist already.
  (db) => {
    for (const table of ['messages', 'direct_messages']) {
      db.exec(`
CREATE VIRTUAL TABLE ${table}_fts USING fts5(
  text, content='${table}', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2');
CREATE TRIGGER ${table}_fts_insert AFTER INSERT ON ${table} BEGIN
  INSERT INTO ${table}_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER ${table}_fts_delete AFTER DELETE ON ${table} BEGIN
  INSERT INTO ${table}_fts (${table}_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER ${table}_fts_update AFTER UPDATE OF id, text ON ${table} BEGIN
  INSERT INTO ${table}_fts (${table}_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO ${table}_fts (rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO ${table}_fts (${table}_fts) VALUES ('rebuild');
`);
    }
  },
  // 3 -> 4: study conversations (replies, threads, edit, delete, reactions, pins).
  // - reply_to: the quoted message of the same conversation. thread_id: the root of the thread a
  //   room message belongs to (NULL: the main timeline). No foreign keys on either: messages are
  //   never deleted one by one (a deleted message keeps its row with text '' and deleted_at), so
  //   they always point at a row; a room's messages only go all together (ON DELETE CASCADE).
  // - The thread summary is stored on the root (reply count, time of the last reply, resolved)
  //   and kept in step by the send transaction, so a history page shows it without a COUNT per row.
  // - The main timeline reads the partial index messages_room_main (room_id, id) WHERE thread_id
  //   IS NULL: still one index range scan, however many thread replies the room has.
  // - reactions: one row per (message, emoji, user); kind says which table message_id is in, so
  //   it cannot be a foreign key. The rowid gives the order of first use.
  (db) => {
    db.exec(`
ALTER TABLE messages ADD COLUMN reply_to INTEGER;
ALTER TABLE messages ADD COLUMN thread_id INTEGER;
ALTER TABLE messages ADD COLUMN edited_at INTEGER;
ALTER TABLE messages ADD COLUMN deleted_at INTEGER;
ALTER TABLE messages ADD COLUMN thread_reply_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN thread_last_reply_at INTEGER;
ALTER TABLE messages ADD COLUMN thread_resolved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE direct_messages ADD COLUMN reply_to INTEGER;
ALTER TABLE direct_messages ADD COLUMN edited_at INTEGER;
ALTER TABLE direct_messages ADD COLUMN deleted_at INTEGER;
CREATE INDEX messages_room_main ON messages (room_id, id) WHERE thread_id IS NULL;
CREATE INDEX messages_thread ON messages (thread_id, id) WHERE thread_id IS NOT NULL;
CREATE TABLE reactions (
  kind       TEXT NOT NULL CHECK (kind IN ('room', 'dm')),
  message_id INTEGER NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  emoji      TEXT NOT NULL,
  PRIMARY KEY (kind, message_id, emoji, user_id)
);
CREATE TABLE room_pins (
  room_id    INTEGER NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
  message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  pinned_by  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  pinned_at  INTEGER NOT NULL,
  PRIMARY KEY (room_id, message_id)
);
`);
  },
  // 4 -> 5: mentions (<@id> tokens), backfilled from the texts already stored (see mentions.js).
  migrateMentions,
  // 5 -> 6: presence per socket. A user is online while they have a row here; the row goes when
  // that socket disconnects, and the user goes offline in the same transaction only when it was
  // their last one. So no decision rests on a count taken earlier (the race of issue 16).
  // presence_nodes: each server process beats here; the rows of a process that died without
  // disconnecting its sockets (SIGKILL, power loss) are swept by the others once it stops beating.
  (db) => {
    db.exec(`
CREATE TABLE presence_sockets (
  socket_id    TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  node_id      TEXT NOT NULL,
  connected_at INTEGER NOT NULL
);
CREATE INDEX presence_sockets_user ON presence_sockets (user_id);
CREATE INDEX presence_sockets_node ON presence_sockets (node_id);
CREATE TABLE presence_nodes (
  node_id TEXT PRIMARY KEY,
  seen_at INTEGER NOT NULL
);
`);
  },
  // 6 -> 7: files and the attachments of messages (see files.js).
  migrateFiles,
];
const SCHEMA_VERSION = MIGRATIONS.length;

const BUSY_TIMEOUT_MS = 5000;


/** Runs fn, retrying for up to BUSY_TIMEOUT_MS while SQLite reports the file busy or locked. */
function retryWhileBusy(fn) {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return fn();
    } catch (error) {
      const busy = error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED';
      if (!busy || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, 10 + Math.floor(Math.random() * 20)); // a synchronous sleep
    }
  }
}

/**
 * Brings the database to SCHEMA_VERSION in one write transaction, so two processes starting on one
 * file migrate it once: the second waits for the first and then finds nothing to do.
 */
function migrate(db) {
  const run = db.transaction(() => {
    const version = db.pragma('user_version', { simple: true });
    if (version > SCHEMA_VERSION) {
      throw new Error(`the database has schema version ${version}, newer than this server's ${SCHEMA_VERSION}`);
    }
    for (let v = version; v < SCHEMA_VERSION; v += 1) MIGRATIONS[v](db);
    if (version !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  retryWhileBusy(() => run.immediate());
}

module.exports = { migrate, retryWhileBusy, BUSY_TIMEOUT_MS, SCHEMA_VERSION };
