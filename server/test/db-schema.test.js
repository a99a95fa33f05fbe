'use strict';

// The versioned schema (SQLite user_version) and its migrations.

const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Database = require('better-sqlite3');
const { openDatabase, SCHEMA_VERSION } = require('../src/db');
const { seedDemo } = require('../src/seed');
const { BASE_TIME, dropSearchSchema, dropStudySchema } = require('../testlib/helpers');

describe('database schema', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyconnect-schema-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a new database is created at the current version, with the read_state and search tables', () => {
    const store = openDatabase(':memory:');
    assert.equal(SCHEMA_VERSION, 4);
    assert.equal(store.raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    const columns = store.raw.prepare('PRAGMA table_info(read_state)').all().map((c) => c.name);
    assert.deepEqual(columns, ['user_id', 'kind', 'conversation_id', 'last_read_id']);
    const search = store.raw.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%_fts%' AND type IN ('table', 'trigger') ORDER BY name").all();
    for (const name of ['messages_fts', 'direct_messages_fts', 'messages_fts_insert', 'direct_messages_fts_update']) {
      assert.ok(search.some((r) => r.name === name), name);
    }
    store.close();
  });

  it('upgrades a database of the unversioned first release: memberships and DMs start fully read', () => {
    const file = path.join(dir, 'v0.db');
    // A first-release database: the demo data, then no read_state and user_version 0.
    const old = openDatabase(file);
    seedDemo(old, { baseTime: BASE_TIME });
    dropStudySchema(old.raw);
    dropSearchSchema(old.raw);
    old.raw.exec('DROP TABLE read_state');
    old.raw.pragma('user_version = 0');
    const messagesBefore = old.raw.prepare('SELECT COUNT(*) AS n FROM messages').get().n;
    old.close();

    const store = openDatabase(file);
    const db = store.raw;
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(db.prepare('SELECT COUNT(*) AS n FROM messages').get().n, messagesBefore, 'data kept');
    const rooms = db.prepare("SELECT * FROM read_state WHERE kind = 'room' ORDER BY user_id, conversation_id").all();
    const members = db.prepare(`
      SELECT m.user_id, m.room_id, (SELECT MAX(id) FROM messages WHERE room_id = m.room_id) AS newest
      FROM room_members m ORDER BY m.user_id, m.room_id`).all();
    assert.equal(rooms.length, members.length);
    assert.deepEqual(rooms.map((r) => [r.user_id, r.conversation_id, r.last_read_id]), members.map((m) => [m.user_id, m.room_id, m.newest]));
    const dms = db.prepare("SELECT * FROM read_state WHERE kind = 'dm'").all();
    assert.equal(dms.length, 6, 'three demo conversations, two sides each');
    for (const r of dms) {
      const newest = db.prepare(`
        SELECT MAX(id) AS id FROM direct_messages
        WHERE (sender_id = ? AND recipient_id = ?) OR (sender_id = ? AND recipient_id = ?)`)
        .get(r.user_id, r.conversation_id, r.conversation_id, r.user_id).id;
      assert.equal(r.last_read_id, newest);
    }
    for (const userId of [1, 2, 3, 4]) {
      assert.ok(store.listRooms(userId).every((room) => room.unreadCount === 0), `user ${userId}: no unread room messages`);
      assert.ok(store.conversations(userId).every((conv) => conv.unreadCount === 0), `user ${userId}: no unread DMs`);
    }
    store.close();
    // Opening again changes nothing.
    const again = openDatabase(file);
    assert.equal(again.raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(again.raw.prepare('SELECT COUNT(*) AS n FROM read_state').get().n, rooms.length + dms.length);
    again.close();
  });

  it('refuses a database of a newer schema version, and leaves it alone', () => {
    const file = path.join(dir, 'future.db');
    openDatabase(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 7}`);
    db.close();
    assert.throws(() => openDatabase(file), new RegExp(`schema version ${SCHEMA_VERSION + 7}, newer than this server's ${SCHEMA_VERSION}`));
    const check = new Database(file);
    assert.equal(check.pragma('user_version', { simple: true }), SCHEMA_VERSION + 7);
    check.close();
  });

  it('the demo seed gives everyone the read state "read up to my own last message"', () => {
    const store = openDatabase(':memory:');
    seedDemo(store, { baseTime: BASE_TIME });
    const rows = store.raw.prepare('SELECT * FROM read_state ORDER BY user_id, kind, conversation_id').all();
    assert.ok(rows.length > 0);
    for (const r of rows) {
      const ownLast = r.kind === 'room'
        ? store.raw.prepare('SELECT MAX(id) AS id FROM messages WHERE room_id = ? AND sender_id = ?').get(r.conversation_id, r.user_id).id
        : store.raw.prepare('SELECT MAX(id) AS id FROM direct_messages WHERE recipient_id = ? AND sender_id = ?').get(r.conversation_id, r.user_id).id;
      assert.equal(r.last_read_id, ownLast, JSON.stringify(r));
    }
    // Ada, for example: a few unread messages, not none and not the whole history.
    const unread = store.listRooms(1).map((room) => room.unreadCount);
    assert.ok(unread.every((n) => n > 0 && n < 10), JSON.stringify(unread));
    store.close();
  });
});
