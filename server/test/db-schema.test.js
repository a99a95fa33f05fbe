'use strict';

// The versioned schema (SQLite user_version) and its migrations.

const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Database = require('better-sqlite3');
const { openDatabase, SCHEMA_VERSION } = require('../src/store/sqlite/db');
const { seedDemo } = require('../src/seed');
const {
  BASE_TIME, dropSearchSchema, dropStudySchema, dropMentionsSchema, dropPresenceSchema, dropFilesSchema,
} = require('../testlib/helpers');

describe('database schema', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyconnect-schema-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a new database is created at the current version, with the read_state and search tables', async () => {
    const store = openDatabase(':memory:');
    assert.equal(SCHEMA_VERSION, 7);
    assert.equal(store.raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    const columns = store.raw.prepare('PRAGMA table_info(read_state)').all().map((c) => c.name);
    assert.deepEqual(columns, ['user_id', 'kind', 'conversation_id', 'last_read_id']);
    const search = store.raw.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%_fts%' AND type IN ('table', 'trigger') ORDER BY name").all();
    for (const name of ['messages_fts', 'direct_messages_fts', 'messages_fts_insert', 'direct_messages_fts_update']) {
      assert.ok(search.some((r) => r.name === name), name);
    }
    store.close();
  });

  it('upgrades a database of the unversioned first release: memberships and DMs start fully read', async () => {
    const file = path.join(dir, 'v0.db');
    // A first-release database: the demo data, then no read_state and user_version 0.
    const old = openDatabase(file);
    await seedDemo(old, { baseTime: BASE_TIME });
    dropFilesSchema(old.raw);
    dropPresenceSchema(old.raw);
    dropMentionsSchema(old.raw);
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

  it('upgrades a database of schema 4 with study data: everything is kept, and mentions are backfilled from the texts', async () => {
    const file = path.join(dir, 'v4.db');
    const old = openDatabase(file);
    await seedDemo(old, { baseTime: BASE_TIME });
    // Study data of every kind, written through the store; chemistry's members are ada, grace
    // and linus (alan is not one).
    const chem = 2;
    const send = (senderId, text, more = {}) => old.createMessage({ roomId: chem, senderId, text, ...more }).message.id;
    const root = send(1, 'root <@4> <@2> <@1> <@999> <@3> <@4>'); // linus, grace: alan is no member, 1 the sender
    const reply = send(4, 'reply <@1>', { replyTo: root, threadId: root });
    const edited = send(3, 'before the edit <@4>');
    old.editMessage('room', edited, 'after the edit <@1>');
    const deleted = send(1, 'deleted <@4>');
    old.deleteMessage('room', deleted);
    old.addReaction('room', root, 4, '👍', 20);
    old.pin(chem, reply, 3, 50);
    old.resolveThread(root, true);
    const dm = old.createDirectMessage({ senderId: 2, recipientId: 1, text: 'dm <@1> <@3> <@2>' }).dm.id; // ada only
    old.createDirectMessage({ senderId: 1, recipientId: 2, text: 'dm reply, nobody', replyTo: dm });
    old.addReaction('dm', dm, 1, '❤️', 20);
    old.markRead({ userId: 1, kind: 'room', conversationId: chem, messageId: root - 1 });

    const tables = ['users', 'rooms', 'room_members', 'messages', 'direct_messages', 'reactions', 'room_pins', 'read_state', 'user_presence', 'meta'];
    const dump = (db) => Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
    const views = (store) => ({
      rooms: [1, 2, 3, 4].map((u) => store.listRooms(u)),
      dms: [1, 2, 3, 4].map((u) => store.conversations(u)),
      history: [1, 2, 3, 4].map((r) => store.roomMessages(r, { limit: 100 })),
      thread: store.threadMessages(root, { limit: 100 }),
      pins: store.pinnedMessages(chem),
      dmHistory: store.directMessages(1, 2, { limit: 100 }),
      search: store.search(1, { match: '"root"* OR "reply"* OR "dm"* OR "edit"*', limit: 100 }),
    });
    const mentionsOf = (db) => db.prepare('SELECT kind, message_id, user_id FROM mentions ORDER BY kind, message_id, rowid').all()
      .map((r) => `${r.kind} ${r.message_id} ${r.user_id}`);
    const before = { dump: dump(old.raw), views: views(old), mentions: mentionsOf(old.raw) };
    dropFilesSchema(old.raw);
    dropPresenceSchema(old.raw);
    dropMentionsSchema(old.raw);
    old.raw.pragma('user_version = 4');
    old.close();

    const store = openDatabase(file);
    assert.equal(store.raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.deepEqual(dump(store.raw), before.dump, 'every row of every table kept');
    assert.deepEqual(mentionsOf(store.raw), before.mentions, 'the backfill finds what the server had stored');
    assert.deepEqual(views(store), before.views, 'history, threads, pins, search, lists (mentionCount too) are served as before');
    const of = (kind, id) => store.raw.prepare('SELECT user_id FROM mentions WHERE kind = ? AND message_id = ? ORDER BY rowid')
      .all(kind, id).map((r) => r.user_id);
    assert.deepEqual([of('room', root), of('room', reply), of('room', edited), of('room', deleted), of('dm', dm)],
      [[4, 3], [1], [1], [], [1]]);
    assert.deepEqual(of('room', 6), [4], 'the demo mentions too');
    assert.equal(store.listRooms(1).find((r) => r.id === chem).mentionCount, 1, 'ada: the edited message; the thread reply does not count');
    assert.equal(store.conversations(1).find((c) => c.user.id === 2).mentionCount, 1);
    store.close();
  });

  it('upgrades a database of schema 5 to presence per socket: data kept, everyone offline, the socket rows work', async () => {
    const file = path.join(dir, 'v5.db');
    const old = openDatabase(file);
    await seedDemo(old, { baseTime: BASE_TIME });
    old.setPresence(1, 'online');
    dropFilesSchema(old.raw);
    dropPresenceSchema(old.raw);
    old.raw.pragma('user_version = 5');
    const messages = old.raw.prepare('SELECT COUNT(*) AS n FROM messages').get().n;
    old.close();

    const store = openDatabase(file);
    assert.equal(store.raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(store.raw.prepare('SELECT COUNT(*) AS n FROM messages').get().n, messages);
    // A single process resets presence at startup; the tables it needs exist now.
    store.resetPresence();
    assert.equal(store.presenceOf(1), 'offline');
    const said = [];
    assert.deepEqual(store.socketConnected(1, 'socket-a', 'node-1', 2, (s) => said.push(s)), { refused: false, count: 1 });
    store.socketConnected(1, 'socket-b', 'node-2', 2, (s) => said.push(s));
    assert.deepEqual(store.socketConnected(1, 'socket-c', 'node-2', 2, (s) => said.push(s)), { refused: true, count: 2 });
    assert.deepEqual(store.socketDisconnected(1, 'socket-a', (s) => said.push(s)), { remaining: 1 });
    assert.equal(store.presenceOf(1), 'online');
    assert.deepEqual(store.socketDisconnected(1, 'socket-b', (s) => said.push(s)), { remaining: 0 });
    assert.deepEqual(said, ['online', 'online', 'offline']);
    assert.equal(store.presenceOf(1), 'offline');
    store.close();
  });

  it('upgrades a database of schema 6 to files: history kept without attachments, files and attachments work', async () => {
    const file = path.join(dir, 'v6.db');
    const old = openDatabase(file);
    await seedDemo(old, { baseTime: BASE_TIME });
    const page = old.roomMessages(1, { limit: 50 }); // before the drop: this store's statements need the tables
    dropFilesSchema(old.raw);
    old.raw.pragma('user_version = 6');
    old.close();

    const store = openDatabase(file);
    assert.equal(store.raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.deepEqual(store.roomMessages(1, { limit: 50 }), page, 'the history as before, no attachments field');
    const row = store.createFile({ id: 'upgradeFile1', sha256: 'a'.repeat(64), name: 'n.txt', size: 1, mimeType: 'text/plain', uploaderId: 1 });
    assert.equal(row.uploader_id, 1);
    const { message } = store.createMessage({ roomId: 1, senderId: 1, text: '', attachments: ['upgradeFile1'] });
    assert.deepEqual(message.attachments, [{ id: 'upgradeFile1', name: 'n.txt', size: 1, mimeType: 'text/plain' }]);
    assert.equal(store.canSeeFile('upgradeFile1', 2), true, 'Alan is a member of room 1');
    assert.equal(store.canSeeFile('upgradeFile1', 3), true);
    store.close();
  });

  it('refuses a database of a newer schema version, and leaves it alone', async () => {
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

  it('the demo seed gives everyone the read state "read up to my own last message"', async () => {
    const store = openDatabase(':memory:');
    await seedDemo(store, { baseTime: BASE_TIME });
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
