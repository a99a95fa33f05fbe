'use strict';

/**
 * The SQLite store's core: opens (creating when needed) the database and holds its queries,
 * synchronous (better-sqlite3). ./index.js turns it into the async store interface that the
 * server uses; tests of SQLite itself (migrations) use this one directly.
 */

const fs = require('node:fs');
const path = require('node:path');
const Database = require('better-sqlite3');
const { mentionStore } = require('./mentions');
const { fileStore } = require('./files');
const { migrate, retryWhileBusy, BUSY_TIMEOUT_MS, SCHEMA_VERSION } = require('./schema');
const {
  iso, userWithPresence, membersFromRows, quoteFromRow, threadSummary, messageFromRow: shapeMessage,
  dmFromRow: shapeDm, groupReactions, decorateWith, roomFromRow, conversationFromRow, mergeRanked,
} = require('../shape');

/**
 * Opens (creating when needed) the SQLite database and returns a small data-access object.
 * All methods are synchronous (better-sqlite3); callers wrap them in error handling.
 */
function openDatabase(dbPath) {
  if (dbPath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  const db = new Database(dbPath);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Switching to WAL needs an exclusive lock and SQLite does not call the busy handler for it,
  // so two processes opening one new file at once (the Redis scale-out) would see "database is
  // locked" here. Retry instead.
  if (dbPath !== ':memory:') retryWhileBusy(() => db.pragma('journal_mode = WAL'));
  db.pragma('foreign_keys = ON');
  migrate(db);

  const st = {
    userById: db.prepare('SELECT * FROM users WHERE id = ?'),
    userByEmail: db.prepare('SELECT * FROM users WHERE email = ?'),
    usersWithPresence: db.prepare(`
      SELECT u.*, p.status AS status, p.last_activity AS last_activity
      FROM users u LEFT JOIN user_presence p ON p.user_id = u.id ORDER BY u.id`),
    roomMembers: db.prepare(`
      SELECT u.*, p.status AS status, p.last_activity AS last_activity
      FROM room_members m JOIN users u ON u.id = m.user_id LEFT JOIN user_presence p ON p.user_id = u.id
      WHERE m.room_id = ?`),
    presenceUpsert: db.prepare(`
      INSERT INTO user_presence (user_id, status, last_activity) VALUES (?, ?, ?)
      ON CONFLICT(user_id) DO UPDATE SET status = excluded.status, last_activity = excluded.last_activity`),
    presenceOf: db.prepare('SELECT status FROM user_presence WHERE user_id = ?'),
    presenceResetAll: db.prepare(`UPDATE user_presence SET status = 'offline' WHERE status <> 'offline'`),
    socketAdd: db.prepare('INSERT OR REPLACE INTO presence_sockets (socket_id, user_id, node_id, connected_at) VALUES (?, ?, ?, ?)'),
    socketRemove: db.prepare('DELETE FROM presence_sockets WHERE socket_id = ?'),
    socketCount: db.prepare('SELECT COUNT(*) AS n FROM presence_sockets WHERE user_id = ?'),
    socketsResetAll: db.prepare('DELETE FROM presence_sockets'),
    nodeBeat: db.prepare('INSERT INTO presence_nodes (node_id, seen_at) VALUES (?, ?) ON CONFLICT(node_id) DO UPDATE SET seen_at = excluded.seen_at'),
    nodeRemove: db.prepare('DELETE FROM presence_nodes WHERE node_id = ?'),
    deadNodes: db.prepare('SELECT node_id FROM presence_nodes WHERE seen_at < ?'),
    // Sockets of processes that never beat at all (they died before their first beat).
    orphanNodes: db.prepare('SELECT DISTINCT node_id FROM presence_sockets WHERE node_id NOT IN (SELECT node_id FROM presence_nodes) AND connected_at < ?'),
    usersOfNode: db.prepare('SELECT DISTINCT user_id FROM presence_sockets WHERE node_id = ?'),
    socketsOfNodeRemove: db.prepare('DELETE FROM presence_sockets WHERE node_id = ?'),
    roomById: db.prepare('SELECT * FROM rooms WHERE id = ?'),
    rooms: db.prepare(`
      SELECT r.*, (SELECT COUNT(*) FROM room_members m WHERE m.room_id = r.id) AS member_count,
             (SELECT MAX(id) FROM messages WHERE room_id = r.id AND thread_id IS NULL) AS last_message_id,
             (SELECT COUNT(*) FROM room_pins p WHERE p.room_id = r.id) AS pinned_count,
             mine.user_id IS NOT NULL AS joined,
             CASE WHEN mine.user_id IS NOT NULL THEN rs.last_read_id END AS last_read_id,
             CASE WHEN mine.user_id IS NOT NULL THEN (
               SELECT COUNT(*) FROM messages x
               WHERE x.room_id = r.id AND x.thread_id IS NULL AND x.id > COALESCE(rs.last_read_id, 0) AND x.sender_id <> @me)
             ELSE 0 END AS unread_count,
             -- The unread messages that mention me, found from my mentions (index mentions_user).
             CASE WHEN mine.user_id IS NOT NULL THEN (
               SELECT COUNT(*) FROM mentions mn JOIN messages x ON x.id = mn.message_id
               WHERE mn.user_id = @me AND mn.kind = 'room' AND mn.message_id > COALESCE(rs.last_read_id, 0)
                 AND x.room_id = r.id AND x.thread_id IS NULL AND x.sender_id <> @me AND x.deleted_at IS NULL)
             ELSE 0 END AS mention_count
      FROM rooms r
      LEFT JOIN room_members mine ON mine.room_id = r.id AND mine.user_id = @me
      LEFT JOIN read_state rs ON rs.user_id = @me AND rs.kind = 'room' AND rs.conversation_id = r.id
      ORDER BY r.id`),
    addMember: db.prepare('INSERT OR IGNORE INTO room_members (room_id, user_id, joined_at) VALUES (?, ?, ?)'),
    removeMember: db.prepare('DELETE FROM room_members WHERE room_id = ? AND user_id = ?'),
    isMember: db.prepare('SELECT 1 FROM room_members WHERE room_id = ? AND user_id = ?'),
    memberCount: db.prepare('SELECT COUNT(*) AS n FROM room_members WHERE room_id = ?'),
    newestRoomMessage: db.prepare('SELECT MAX(id) AS id FROM messages WHERE room_id = ?'),
    roomHasMessage: db.prepare('SELECT 1 FROM messages WHERE id = ? AND room_id = ?'),
    dmHasMessage: db.prepare(`
      SELECT 1 FROM direct_messages
      WHERE id = @id AND ((sender_id = @me AND recipient_id = @other) OR (sender_id = @other AND recipient_id = @me))`),
    readStateOf: db.prepare('SELECT last_read_id FROM read_state WHERE user_id = ? AND kind = ? AND conversation_id = ?'),
    readStateAdvance: db.prepare(`
      INSERT INTO read_state (user_id, kind, conversation_id, last_read_id) VALUES (?, ?, ?, ?)
      ON CONFLICT(user_id, kind, conversation_id) DO UPDATE SET last_read_id = MAX(last_read_id, excluded.last_read_id)`),
    readStateDelete: db.prepare('DELETE FROM read_state WHERE user_id = ? AND kind = ? AND conversation_id = ?'),
    insertMessage: db.prepare(`
      INSERT INTO messages (room_id, sender_id, text, client_id, created_at, reply_to, thread_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    messageById: db.prepare(`
      SELECT m.*, u.first_name, u.last_name, u.role, u.avatar
      FROM messages m JOIN users u ON u.id = m.sender_id WHERE m.id = ?`),
    messageByClientId: db.prepare('SELECT * FROM messages WHERE sender_id = ? AND client_id = ?'),
    // The main timeline: thread replies are left out (thread_id IS NULL matches the partial index
    // messages_room_main, so this stays a range scan of that index).
    roomMessages: db.prepare(`
      SELECT m.*, u.first_name, u.last_name, u.role, u.avatar
      FROM messages m JOIN users u ON u.id = m.sender_id
      WHERE m.room_id = ? AND m.thread_id IS NULL AND m.id < ? ORDER BY m.id DESC LIMIT ?`),
    roomMessagesAfter: db.prepare(`
      SELECT m.*, u.first_name, u.last_name, u.role, u.avatar
      FROM messages m JOIN users u ON u.id = m.sender_id
      WHERE m.room_id = ? AND m.thread_id IS NULL AND m.id > ? AND m.id < ? ORDER BY m.id ASC LIMIT ?`),
    threadMessages: db.prepare(`
      SELECT m.*, u.first_name, u.last_name, u.role, u.avatar
      FROM messages m JOIN users u ON u.id = m.sender_id
      WHERE m.thread_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?`),
    threadMessagesAfter: db.prepare(`
      SELECT m.*, u.first_name, u.last_name, u.role, u.avatar
      FROM messages m JOIN users u ON u.id = m.sender_id
      WHERE m.thread_id = ? AND m.id > ? AND m.id < ? ORDER BY m.id ASC LIMIT ?`),
    threadReplyAdded: db.prepare(`
      UPDATE messages SET thread_reply_count = thread_reply_count + 1, thread_last_reply_at = ? WHERE id = ?`),
    threadResolve: db.prepare('UPDATE messages SET thread_resolved = ? WHERE id = ?'),
    roomMessageRaw: db.prepare('SELECT * FROM messages WHERE id = ?'),
    dmRaw: db.prepare('SELECT * FROM direct_messages WHERE id = ?'),
    dmById: db.prepare(`
      SELECT d.*, u.first_name, u.last_name, u.role, u.avatar
      FROM direct_messages d JOIN users u ON u.id = d.sender_id WHERE d.id = ?`),
    editMessage: db.prepare('UPDATE messages SET text = ?, edited_at = ? WHERE id = ?'),
    editDm: db.prepare('UPDATE direct_messages SET text = ?, edited_at = ? WHERE id = ?'),
    // The text goes (the FTS update trigger drops it from the index); the row stays, so replies,
    // threads and read markers still point at something.
    deleteMessage: db.prepare("UPDATE messages SET text = '', deleted_at = ? WHERE id = ?"),
    deleteDm: db.prepare("UPDATE direct_messages SET text = '', deleted_at = ? WHERE id = ?"),
    reactionsDelete: db.prepare('DELETE FROM reactions WHERE kind = ? AND message_id = ?'),
    reactionsOf: db.prepare(`
      SELECT message_id, emoji, user_id FROM reactions
      WHERE kind = ? AND message_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`),
    reactionEmojiCount: db.prepare('SELECT COUNT(DISTINCT emoji) AS n FROM reactions WHERE kind = ? AND message_id = ?'),
    reactionHasEmoji: db.prepare('SELECT 1 FROM reactions WHERE kind = ? AND message_id = ? AND emoji = ?'),
    reactionAdd: db.prepare('INSERT OR IGNORE INTO reactions (kind, message_id, user_id, emoji) VALUES (?, ?, ?, ?)'),
    reactionRemove: db.prepare('DELETE FROM reactions WHERE kind = ? AND message_id = ? AND user_id = ? AND emoji = ?'),
    pinAdd: db.prepare('INSERT OR IGNORE INTO room_pins (room_id, message_id, pinned_by, pinned_at) VALUES (?, ?, ?, ?)'),
    pinRemove: db.prepare('DELETE FROM room_pins WHERE room_id = ? AND message_id = ?'),
    pinCount: db.prepare('SELECT COUNT(*) AS n FROM room_pins WHERE room_id = ?'),
    pinIds: db.prepare('SELECT message_id FROM room_pins WHERE room_id = ? ORDER BY rowid'),
    pinnedMessages: db.prepare(`
      SELECT m.*, u.first_name, u.last_name, u.role, u.avatar
      FROM room_pins p JOIN messages m ON m.id = p.message_id JOIN users u ON u.id = m.sender_id
      WHERE p.room_id = ? ORDER BY p.rowid`),
    insertDm: db.prepare(
      'INSERT INTO direct_messages (sender_id, recipient_id, text, client_id, created_at, reply_to) VALUES (?, ?, ?, ?, ?, ?)'),
    dmByClientId: db.prepare('SELECT * FROM direct_messages WHERE sender_id = ? AND client_id = ?'),
    dmsBetween: db.prepare(`
      SELECT d.*, u.first_name, u.last_name, u.role, u.avatar
      FROM direct_messages d JOIN users u ON u.id = d.sender_id
      WHERE ((d.sender_id = @me AND d.recipient_id = @other) OR (d.sender_id = @other AND d.recipient_id = @me))
        AND d.id < @before
      ORDER BY d.id DESC LIMIT @limit`),
    dmsBetweenAfter: db.prepare(`
      SELECT d.*, u.first_name, u.last_name, u.role, u.avatar
      FROM direct_messages d JOIN users u ON u.id = d.sender_id
      WHERE ((d.sender_id = @me AND d.recipient_id = @other) OR (d.sender_id = @other AND d.recipient_id = @me))
        AND d.id > @after AND d.id < @before
      ORDER BY d.id ASC LIMIT @limit`),
    conversations: db.prepare(`
      SELECT c.*, rs.last_read_id AS last_read_id,
             (SELECT COUNT(*) FROM direct_messages x
              WHERE x.sender_id = c.other_id AND x.recipient_id = @me AND x.id > COALESCE(rs.last_read_id, 0)) AS unread_count,
             (SELECT COUNT(*) FROM mentions mn JOIN direct_messages x ON x.id = mn.message_id
              WHERE mn.user_id = @me AND mn.kind = 'dm' AND mn.message_id > COALESCE(rs.last_read_id, 0)
                AND x.sender_id = c.other_id AND x.recipient_id = @me AND x.deleted_at IS NULL) AS mention_count
      FROM (
        SELECT d.*, CASE WHEN d.sender_id = @me THEN d.recipient_id ELSE d.sender_id END AS other_id
        FROM direct_messages d
        WHERE d.id IN (
          SELECT MAX(id) FROM direct_messages
          WHERE sender_id = @me OR recipient_id = @me
          GROUP BY CASE WHEN sender_id = @me THEN recipient_id ELSE sender_id END)) c
      LEFT JOIN read_state rs ON rs.user_id = @me AND rs.kind = 'dm' AND rs.conversation_id = c.other_id
      ORDER BY c.id DESC`),
    // Search. The FTS index drives (CROSS JOIN keeps SQLite from starting anywhere else): each
    // match is looked up by primary key, then filtered by what the caller may read, so the cost
    // follows the number of matches, never the number of messages. ORDER BY rank is bm25 (lower
    // is better); ties newest first.
    searchRoomMessages: db.prepare(`
      SELECT m.*, u.first_name, u.last_name, u.role, u.avatar, messages_fts.rank AS rank
      FROM messages_fts
      CROSS JOIN messages m ON m.id = messages_fts.rowid
      CROSS JOIN room_members rm ON rm.room_id = m.room_id AND rm.user_id = @me
      CROSS JOIN users u ON u.id = m.sender_id
      WHERE messages_fts MATCH @match AND messages_fts.rowid < @before AND m.deleted_at IS NULL
        AND (@roomId IS NULL OR m.room_id = @roomId)
      ORDER BY messages_fts.rank, m.id DESC LIMIT @limit`),
    searchDms: db.prepare(`
      SELECT d.*, u.first_name, u.last_name, u.role, u.avatar, direct_messages_fts.rank AS rank
      FROM direct_messages_fts
      CROSS JOIN direct_messages d ON d.id = direct_messages_fts.rowid
      CROSS JOIN users u ON u.id = d.sender_id
      WHERE direct_messages_fts MATCH @match AND direct_messages_fts.rowid < @before AND d.deleted_at IS NULL
        AND (d.sender_id = @me OR d.recipient_id = @me)
        AND (@other IS NULL OR (d.sender_id = @other AND d.recipient_id = @me) OR (d.sender_id = @me AND d.recipient_id = @other))
      ORDER BY direct_messages_fts.rank, d.id DESC LIMIT @limit`),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
  };

  /** The quoted message of a reply: its sender and the start of its text (null once deleted). */
  const quoteOf = (kind, id) => {
    const row = (kind === 'room' ? st.messageById : st.dmById).get(id);
    return row ? quoteFromRow(row) : null;
  };
  const messageFromRow = (row) => shapeMessage(row, quoteOf);
  const dmFromRow = (row) => shapeDm(row, quoteOf);

  /** Map messageId -> [{ emoji, count, userIds }] for the given messages, emoji in order of first use. */
  const reactionsFor = (kind, ids) => (ids.length === 0 ? new Map() : groupReactions(st.reactionsOf.all(kind, JSON.stringify(ids))));
  const reactionsOf = (kind, id) => reactionsFor(kind, [id]).get(id) ?? [];

  const mentions = mentionStore(db);
  const files = fileStore(db);

  /** Adds `reactions`, `mentions` and `attachments` to the messages that have any (one query each per page). */
  const decorate = (kind, messages) => {
    const ids = messages.filter((m) => !m.deleted).map((m) => m.id);
    return decorateWith(messages, reactionsFor(kind, ids), mentions.forMessages(kind, ids), files.forMessages(kind, ids));
  };

  // Immediate, as sweep: the count is read before the insert.
  const socketConnected = db.transaction((userId, socketId, nodeId, maxConnections, announce, atMs = Date.now()) => {
    const count = st.socketCount.get(userId).n;
    if (count >= maxConnections) return { refused: true, count };
    st.socketAdd.run(socketId, userId, nodeId, atMs);
    st.presenceUpsert.run(userId, 'online', atMs);
    announce?.('online');
    return { refused: false, count: count + 1 };
  });
  // Immediate, as sweep: the member count is read before the insert.
  const addMember = db.transaction((roomId, userId, maxMembers = Infinity, atMs = Date.now()) => {
    if (st.isMember.get(roomId, userId)) return { newMember: false };
    if (st.memberCount.get(roomId).n >= maxMembers) return { newMember: false, full: true };
    st.addMember.run(roomId, userId, atMs);
    const newest = st.newestRoomMessage.get(roomId).id;
    if (newest != null) st.readStateAdvance.run(userId, 'room', roomId, newest);
    return { newMember: true };
  });
  // Immediate: it reads before it writes, and another process may write in between.
  const sweep = db.transaction((deadlineMs, announce, atMs = Date.now()) => {
    const nodes = [...st.deadNodes.all(deadlineMs), ...st.orphanNodes.all(deadlineMs)].map((r) => r.node_id);
    const offline = [];
    for (const nodeId of nodes) {
      const users = st.usersOfNode.all(nodeId).map((r) => r.user_id);
      st.socketsOfNodeRemove.run(nodeId);
      st.nodeRemove.run(nodeId);
      for (const userId of users) {
        if (st.socketCount.get(userId).n > 0) continue;
        st.presenceUpsert.run(userId, 'offline', atMs);
        announce?.(userId);
        offline.push(userId);
      }
    }
    return offline;
  });

  /** The demo rows (seed.js demoRows) in one write transaction, unless already seeded or not empty. */
  const insertDemo = db.transaction((demo) => {
    if (st.getMeta.get('demo_seed_version')) return 'already-seeded';
    if (db.prepare('SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM rooms) AS n').get().n > 0) return 'skipped-non-empty';
    const insUser = db.prepare(
      'INSERT INTO users (id, email, password_hash, first_name, last_name, role, avatar) VALUES (?, ?, ?, ?, ?, ?, NULL)');
    for (const u of demo.users) insUser.run(u.id, u.email, u.passwordHash, u.firstName, u.lastName, u.role);
    const insRoom = db.prepare('INSERT INTO rooms (id, name, description, created_at) VALUES (?, ?, ?, ?)');
    for (const r of demo.rooms) insRoom.run(r.id, r.name, r.description, r.createdAt);
    const insMember = db.prepare('INSERT INTO room_members (room_id, user_id, joined_at) VALUES (?, ?, ?)');
    for (const m of demo.members) insMember.run(m.roomId, m.userId, m.joinedAt);
    const insMsg = db.prepare('INSERT INTO messages (id, room_id, sender_id, text, client_id, created_at) VALUES (?, ?, ?, ?, NULL, ?)');
    for (const m of demo.messages) insMsg.run(m.id, m.roomId, m.senderId, m.text, m.createdAt);
    const insDm = db.prepare(
      'INSERT INTO direct_messages (id, sender_id, recipient_id, text, client_id, created_at) VALUES (?, ?, ?, ?, NULL, ?)');
    for (const d of demo.dms) insDm.run(d.id, d.senderId, d.recipientId, d.text, d.createdAt);
    const insMention = db.prepare('INSERT INTO mentions (kind, message_id, user_id) VALUES (?, ?, ?)');
    for (const m of demo.mentions) insMention.run(m.kind, m.messageId, m.userId);
    const insRead = db.prepare('INSERT INTO read_state (user_id, kind, conversation_id, last_read_id) VALUES (?, ?, ?, ?)');
    for (const r of demo.readStates) insRead.run(r.userId, r.kind, r.conversationId, r.lastReadId);
    for (const p of demo.presence) st.presenceUpsert.run(p.userId, p.status, p.lastActivity);
    for (const [key, value] of Object.entries(demo.meta)) st.setMeta.run(key, String(value));
    return 'seeded';
  });

  return {
    kind: 'sqlite',
    raw: db,
    close: () => db.close(),
    insertDemo: (demo) => insertDemo.immediate(demo),
    /** For tests and diagnostics: runs one statement (`?` placeholders); resolves to its rows ([] for none). */
    query: (sql, params = []) => {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params);
      statement.run(...params);
      return [];
    },
    /** The users a message text would mention (kind 'room' with roomId, or 'dm' with recipientId). */
    resolveMentions: (args) => mentions.resolve(args),
    getMeta: (key) => st.getMeta.get(key)?.value,
    setMeta: (key, value) => st.setMeta.run(key, String(value)),

    findUserById: (id) => st.userById.get(id),
    findUserByEmail: (email) => st.userByEmail.get(email),
    listUsers: () => st.usersWithPresence.all().map(userWithPresence),
    /**
     * A room's members in the shape of listUsers plus `online`, sorted by name (first name, then
     * last name, ignoring case and accents; ties by id) as a completion list shows them.
     */
    roomMembers: (roomId) => membersFromRows(st.roomMembers.all(roomId)),
    presenceOf: (userId) => st.presenceOf.get(userId)?.status ?? 'offline',
    setPresence: (userId, status, atMs = Date.now()) => st.presenceUpsert.run(userId, status, atMs),
    /** One process owns presence (no Redis): nobody is connected before it starts. */
    resetPresence: db.transaction(() => {
      st.socketsResetAll.run();
      st.presenceResetAll.run();
    }),
    /**
     * Presence per socket (schema 6). socketConnected stores the socket and the user online,
     * unless the user already has `maxConnections` sockets (then { refused: true, count }).
     * `announce` runs inside the transaction, so the announcements of one user leave in the order
     * of the writes, whichever process makes them.
     */
    socketConnected: (...args) => socketConnected.immediate(...args),
    /**
     * Forgets the socket; the user goes offline only when it was their last socket, decided
     * from the rows in the same transaction (never from a count taken before). Returns
     * { remaining }.
     */
    socketDisconnected: db.transaction((userId, socketId, announce, atMs = Date.now()) => {
      st.socketRemove.run(socketId);
      const remaining = st.socketCount.get(userId).n;
      if (remaining === 0) {
        st.presenceUpsert.run(userId, 'offline', atMs);
        announce?.('offline');
      }
      return { remaining };
    }),
    /** Records that this process is alive. */
    nodeBeat: (nodeId, atMs = Date.now()) => st.nodeBeat.run(nodeId, atMs),
    /** A process that stops cleanly (its sockets are already gone) leaves the node table. */
    nodeGone: (nodeId) => st.nodeRemove.run(nodeId),
    /**
     * Removes the sockets of processes that have not beaten since `deadlineMs` and turns their
     * users offline when they have no socket left; `announce(userId)` runs for each of those in
     * the transaction. Returns the ids of the users that went offline.
     */
    sweepDeadNodes: (...args) => sweep.immediate(...args),

    findRoom: (id) => st.roomById.get(id),
    /** The rooms as `me` sees them: joined, lastReadId and unreadCount are per user. */
    listRooms: (me) =>
      st.rooms.all({ me }).map((r) => roomFromRow(r, r.last_message_id != null ? messageFromRow(st.messageById.get(r.last_message_id)) : null)),

    /**
     * Makes the user a member. A membership created here starts read up to the room's newest
     * message, so joining a room with history does not make the history unread.
     * Returns { newMember }: false when the user already was a member.
     */
    addMember: (...args) => addMember.immediate(...args),
    /** Ends the membership and forgets its read state. Returns { wasMember }. */
    removeMember: db.transaction((roomId, userId) => {
      const wasMember = st.removeMember.run(roomId, userId).changes > 0;
      st.readStateDelete.run(userId, 'room', roomId);
      return { wasMember };
    }),
    isMember: (roomId, userId) => st.isMember.get(roomId, userId) !== undefined,
    roomHasMessage: (roomId, messageId) => st.roomHasMessage.get(messageId, roomId) !== undefined,
    dmHasMessage: (me, other, messageId) => st.dmHasMessage.get({ id: messageId, me, other }) !== undefined,

    /**
     * Moves the read marker of (user, kind 'room' | 'dm', conversation) to messageId, never
     * backwards. Returns { lastReadId, advanced }: the stored value afterwards, and whether it moved.
     */
    markRead: db.transaction(({ userId, kind, conversationId, messageId }) => {
      const before = st.readStateOf.get(userId, kind, conversationId)?.last_read_id ?? null;
      st.readStateAdvance.run(userId, kind, conversationId, messageId);
      const lastReadId = st.readStateOf.get(userId, kind, conversationId).last_read_id;
      return { lastReadId, advanced: before === null || lastReadId > before };
    }),

    /**
     * Stores a room message. With a clientId already used by this sender, returns the stored
     * message instead and duplicate = true (nothing is inserted).
     */
    createMessage: db.transaction(({
      roomId, senderId, text, clientId = null, replyTo = null, threadId = null, attachments = [], atMs = Date.now(),
    }) => {
      if (clientId != null) {
        const existing = st.messageByClientId.get(senderId, clientId);
        if (existing) return { message: messageFromRow(st.messageById.get(existing.id)), duplicate: true };
      }
      const info = st.insertMessage.run(roomId, senderId, text, clientId, atMs, replyTo, threadId);
      const id = Number(info.lastInsertRowid);
      const mentioned = mentions.resolve({ kind: 'room', text, senderId, roomId });
      mentions.set('room', id, mentioned);
      files.attach('room', id, attachments);
      let thread = null;
      if (threadId != null) {
        st.threadReplyAdded.run(atMs, threadId);
        thread = threadSummary(st.roomMessageRaw.get(threadId));
      }
      const message = messageFromRow(st.messageById.get(id));
      if (mentioned.length > 0) message.mentions = mentioned;
      if (attachments.length > 0) message.attachments = files.forMessages('room', [id]).get(id);
      return { message, duplicate: false, thread };
    }),
    /**
     * A page of a room's history. Without `after`: the newest messages below `before`, newest
     * first (paging back). With `after`: the oldest messages above `after` (and below `before`),
     * oldest first, so a client catching up pages forward without gaps.
     */
    roomMessages: (roomId, { before = Number.MAX_SAFE_INTEGER, after, limit }) =>
      decorate('room', (after === undefined
        ? st.roomMessages.all(roomId, before, limit)
        : st.roomMessagesAfter.all(roomId, after, before, limit)).map(messageFromRow)),
    /** A page of a thread's replies (the root not included), ordered as roomMessages. */
    threadMessages: (rootId, { before = Number.MAX_SAFE_INTEGER, after, limit }) =>
      decorate('room', (after === undefined
        ? st.threadMessages.all(rootId, before, limit)
        : st.threadMessagesAfter.all(rootId, after, before, limit)).map(messageFromRow)),

    createDirectMessage: db.transaction(({
      senderId, recipientId, text, clientId = null, replyTo = null, attachments = [], atMs = Date.now(),
    }) => {
      if (clientId != null) {
        const existing = st.dmByClientId.get(senderId, clientId);
        if (existing) return { dm: { ...existing, createdAt: iso(existing.created_at) }, duplicate: true };
      }
      const info = st.insertDm.run(senderId, recipientId, text, clientId, atMs, replyTo);
      const dm = { id: Number(info.lastInsertRowid), recipient_id: recipientId, createdAt: iso(atMs) };
      if (replyTo != null) dm.replyTo = quoteOf('dm', replyTo);
      const mentioned = mentions.resolve({ kind: 'dm', text, senderId, recipientId });
      mentions.set('dm', dm.id, mentioned);
      if (mentioned.length > 0) dm.mentions = mentioned;
      files.attach('dm', dm.id, attachments);
      if (attachments.length > 0) dm.attachments = files.forMessages('dm', [dm.id]).get(dm.id);
      return { dm, duplicate: false };
    }),
    /** A page of a DM conversation, ordered as roomMessages. */
    directMessages: (me, other, { before = Number.MAX_SAFE_INTEGER, after, limit }) =>
      decorate('dm', (after === undefined
        ? st.dmsBetween.all({ me, other, before, limit })
        : st.dmsBetweenAfter.all({ me, other, after, before, limit })).map(dmFromRow)),
    /**
     * Full-text search over what `me` may read: messages of the rooms `me` is a member of, and
     * the DMs `me` sent or received. `match` is an FTS5 expression (search.js toMatchQuery).
     * `roomId` keeps one room (no DMs), `otherId` one DM conversation (no rooms); `before` is an
     * exclusive message id. Each kind is ranked by its own index; the two lists are merged by rank
     * (ties newest first) and cut to `limit`.
     */
    search: (me, { match, roomId = null, otherId = null, before = Number.MAX_SAFE_INTEGER, limit }) => {
      const rooms = otherId != null ? [] : st.searchRoomMessages.all({ me, match, roomId, before, limit })
        .map((row) => ({ rank: row.rank, at: row.created_at, result: { kind: 'room', ...messageFromRow(row) } }));
      const dms = roomId != null ? [] : st.searchDms.all({ me, match, other: otherId, before, limit })
        .map((row) => ({ rank: row.rank, at: row.created_at, result: { kind: 'dm', ...dmFromRow(row) } }));
      const results = mergeRanked([...rooms, ...dms], limit);
      decorate('room', results.filter((r) => r.kind === 'room'));
      decorate('dm', results.filter((r) => r.kind === 'dm'));
      return results;
    },
    /**
     * The stored row of a message (kind 'room' | 'dm'), without the sender's profile, for
     * authorisation: undefined when there is none.
     */
    messageRow: (kind, id) => (kind === 'room' ? st.roomMessageRaw : st.dmRaw).get(id),
    /** The message as history shows it (with reactions). */
    messageView: (kind, id) => {
      const row = (kind === 'room' ? st.messageById : st.dmById).get(id);
      if (!row) return undefined;
      return decorate(kind, [(kind === 'room' ? messageFromRow : dmFromRow)(row)])[0];
    },
    quoteOf,
    /**
     * Replaces the text and recomputes the mentions (membership as it is now); returns
     * { editedAt, mentions } ([] when the new text mentions nobody).
     */
    editMessage: db.transaction((kind, id, text, atMs = Date.now()) => {
      (kind === 'room' ? st.editMessage : st.editDm).run(text, atMs, id);
      const row = (kind === 'room' ? st.roomMessageRaw : st.dmRaw).get(id);
      const mentioned = mentions.resolve({
        kind, text, senderId: row.sender_id, roomId: row.room_id, recipientId: row.recipient_id,
      });
      mentions.set(kind, id, mentioned);
      return { editedAt: iso(atMs), mentions: mentioned };
    }),
    /**
     * Deletes a message's text, its reactions and (rooms) its pin, keeping the row. Returns
     * { deletedAt, unpinned }.
     */
    deleteMessage: db.transaction((kind, id, atMs = Date.now()) => {
      (kind === 'room' ? st.deleteMessage : st.deleteDm).run(atMs, id);
      st.reactionsDelete.run(kind, id);
      mentions.set(kind, id, []);
      files.detach(kind, id);
      let unpinned = false;
      if (kind === 'room') unpinned = st.pinRemove.run(st.roomMessageRaw.get(id).room_id, id).changes > 0;
      return { deletedAt: iso(atMs), unpinned };
    }),
    reactionsOf,
    /**
     * Adds the user's reaction. Returns { changed, reactions }, or { tooMany: true } when the
     * emoji would be one more than `maxEmoji` distinct ones on the message.
     */
    addReaction: db.transaction((kind, messageId, userId, emoji, maxEmoji) => {
      if (!st.reactionHasEmoji.get(kind, messageId, emoji) && st.reactionEmojiCount.get(kind, messageId).n >= maxEmoji) {
        return { tooMany: true };
      }
      const changed = st.reactionAdd.run(kind, messageId, userId, emoji).changes > 0;
      return { changed, reactions: reactionsOf(kind, messageId) };
    }),
    removeReaction: db.transaction((kind, messageId, userId, emoji) => {
      const changed = st.reactionRemove.run(kind, messageId, userId, emoji).changes > 0;
      return { changed, reactions: reactionsOf(kind, messageId) };
    }),
    /** Sets a thread's resolved flag; returns { changed, thread } (the root's summary afterwards). */
    resolveThread: db.transaction((rootId, resolved) => {
      const before = st.roomMessageRaw.get(rootId).thread_resolved === 1;
      if (before !== resolved) st.threadResolve.run(resolved ? 1 : 0, rootId);
      return { changed: before !== resolved, thread: threadSummary(st.roomMessageRaw.get(rootId)) };
    }),
    /** Pins a message. Returns { changed, pins }, or { tooMany: true } past `maxPins`. */
    pin: db.transaction((roomId, messageId, userId, maxPins, atMs = Date.now()) => {
      const pinned = st.pinIds.all(roomId).some((r) => r.message_id === messageId);
      if (!pinned && st.pinCount.get(roomId).n >= maxPins) return { tooMany: true };
      const changed = !pinned && st.pinAdd.run(roomId, messageId, userId, atMs).changes > 0;
      return { changed, pins: st.pinIds.all(roomId).map((r) => r.message_id) };
    }),
    unpin: db.transaction((roomId, messageId) => {
      const changed = st.pinRemove.run(roomId, messageId).changes > 0;
      return { changed, pins: st.pinIds.all(roomId).map((r) => r.message_id) };
    }),
    pinIds: (roomId) => st.pinIds.all(roomId).map((r) => r.message_id),
    /** The pinned messages of a room, in the order they were pinned. */
    pinnedMessages: (roomId) => decorate('room', st.pinnedMessages.all(roomId).map(messageFromRow)),
    /** Records an uploaded file ({ id, sha256, name, size, mimeType, width, height, uploaderId }); returns its row. */
    createFile: (file) => files.create(file),
    /** The files row, or undefined. */
    findFile: (id) => files.find(id),
    /** The ids among `ids` that `userId` uploaded. */
    filesOwnedBy: (userId, ids) => files.ownedBy(userId, ids),
    /** Whether `userId` may fetch the file: its uploader, or someone who can see a message carrying it. */
    canSeeFile: (fileId, userId) => files.canSee(fileId, userId),
    conversations: (me) =>
      st.conversations.all({ me }).map((r) => conversationFromRow(r, st.userById.get(r.other_id), st.presenceOf.get(r.other_id)?.status)),
  };
}

module.exports = { openDatabase, SCHEMA_VERSION };
