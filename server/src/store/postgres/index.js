'use strict';

/**
 * The PostgreSQL store (DATABASE_URL=postgres://…): the store interface of ../index.js over a pg
 * connection pool. Users, rooms, membership, read state, presence, meta and the demo seed are
 * here; messages and everything about them in ./messages.js.
 *
 * Where the SQLite store relies on its single writer (a transaction sees nothing change under it),
 * this one locks what a decision reads: the room row for the member limit and pins, the message
 * row for the reaction limit, an advisory lock per user for presence.
 */

const pg = require('pg');
const { migrate } = require('./schema');
const { messageQueries } = require('./messages');
const { fileQueries } = require('./files');
const { userWithPresence, membersFromRows, roomFromRow, messageFromRow, quoteFromRow } = require('../shape');
const { foldForIndex } = require('../../search');

// Advisory lock keys ('SCpr', 'SCsw', 'SCsd'): presence per user (with the user id as the second
// key), the sweep of dead processes (one process at a time), the demo seed.
const PRESENCE_LOCK = 0x53437072;
const SWEEP_LOCK = 0x53437377;
const SEED_LOCK = 0x53437364;

// int8 (COUNT(*), BIGINT ids and times) as a JavaScript number: every value here stays far below
// 2^53 (ids are counters, times are milliseconds).
const types = {
  getTypeParser: (oid, format) => (oid === 20 ? (value) => Number(value) : pg.types.getTypeParser(oid, format)),
};

/** `?` placeholders (tests' portable SQL) to PostgreSQL's $1, $2, … */
function numbered(sql) {
  let n = 0;
  return sql.replace(/\?/g, () => `$${(n += 1)}`);
}

async function openPostgresStore(connectionString, { poolSize = 20 } = {}) {
  const pool = new pg.Pool({ connectionString, types, max: poolSize, connectionTimeoutMillis: 10000 });
  // An idle client that loses its connection (the server restarted) must not crash the process;
  // the pool replaces it.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT' || error.code === 'ENOTFOUND' || error.code === '3D000'
      || error.code === '28P01' || error.code === '28000' || /timeout/i.test(error.message)) {
      const err = new Error(`cannot connect to PostgreSQL: ${error.message || error.code}`);
      err.code = 'POSTGRES_UNAVAILABLE';
      throw err;
    }
    throw error;
  }

  const q = async (sql, params) => (await pool.query(sql, params)).rows;
  /**
   * Runs fn(c) in a transaction (c.q as q); commits, or rolls back and rethrows. `first`: a
   * statement without parameters sent with the BEGIN, in the same round trip (a lock).
   */
  const tx = async (fn, first = null) => {
    const client = await pool.connect();
    const c = { q: async (sql, params) => (await client.query(sql, params)).rows };
    try {
      await client.query(first ? `BEGIN; ${first}` : 'BEGIN');
      const result = await fn(c);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  const db = { q, tx };
  // The presence lock of a user, as SQL text (an integer id inlined: sent with the BEGIN).
  const userLock = (userId) => `SELECT pg_advisory_xact_lock(${PRESENCE_LOCK}, ${Math.trunc(Number(userId)) % 2147483647})`;
  const lockUser = (c, userId) => c.q(userLock(userId));
  const socketCount = async (c, userId) => (await c.q('SELECT COUNT(*) AS n FROM presence_sockets WHERE user_id = $1', [userId]))[0].n;
  const setPresence = (c, userId, status, atMs) => c.q(`
    INSERT INTO user_presence (user_id, status, last_activity) VALUES ($1, $2, $3)
    ON CONFLICT (user_id) DO UPDATE SET status = EXCLUDED.status, last_activity = EXCLUDED.last_activity`, [userId, status, atMs]);
  const advanceRead = (c, userId, kind, conversationId, messageId) => c.q(`
    INSERT INTO read_state (user_id, kind, conversation_id, last_read_id) VALUES ($1, $2, $3, $4)
    ON CONFLICT (user_id, kind, conversation_id) DO UPDATE SET last_read_id = GREATEST(read_state.last_read_id, EXCLUDED.last_read_id)
    RETURNING last_read_id`, [userId, kind, conversationId, messageId]);

  const messages = messageQueries(db);

  return {
    kind: 'postgres',
    close: () => pool.end(),
    query: (sql, params = []) => q(numbered(sql), params),
    getMeta: async (key) => (await q('SELECT value FROM meta WHERE key = $1', [key]))[0]?.value,
    setMeta: (key, value) => q('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, String(value)]),

    /** The demo rows (seed.js demoRows) in one transaction, under a lock, unless seeded or not empty. */
    insertDemo: (demo) => tx(async (c) => {
      await c.q('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      if ((await c.q("SELECT 1 FROM meta WHERE key = 'demo_seed_version'")).length > 0) return 'already-seeded';
      if ((await c.q('SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM rooms) AS n'))[0].n > 0) return 'skipped-non-empty';
      const col = (rows, key) => rows.map((r) => r[key]);
      const { users, rooms, members, messages: msgs, dms } = demo;
      await c.q(`INSERT INTO users (id, email, password_hash, first_name, last_name, role)
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [col(users, 'id'), col(users, 'email'), col(users, 'passwordHash'), col(users, 'firstName'), col(users, 'lastName'), col(users, 'role')]);
      await c.q('INSERT INTO rooms (id, name, description, created_at) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[])',
        [col(rooms, 'id'), col(rooms, 'name'), col(rooms, 'description'), col(rooms, 'createdAt')]);
      await c.q('INSERT INTO room_members (room_id, user_id, joined_at) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])',
        [col(members, 'roomId'), col(members, 'userId'), col(members, 'joinedAt')]);
      await c.q(`INSERT INTO messages (id, room_id, sender_id, text, created_at, search)
        SELECT i, r, s, t, a, to_tsvector('simple', f) FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::bigint[], $6::text[])
          AS x(i, r, s, t, a, f)`,
      [col(msgs, 'id'), col(msgs, 'roomId'), col(msgs, 'senderId'), col(msgs, 'text'), col(msgs, 'createdAt'), msgs.map((m) => foldForIndex(m.text))]);
      await c.q(`INSERT INTO direct_messages (id, sender_id, recipient_id, text, created_at, search)
        SELECT i, s, r, t, a, to_tsvector('simple', f) FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::bigint[], $6::text[])
          AS x(i, s, r, t, a, f)`,
      [col(dms, 'id'), col(dms, 'senderId'), col(dms, 'recipientId'), col(dms, 'text'), col(dms, 'createdAt'), dms.map((d) => foldForIndex(d.text))]);
      await c.q(`INSERT INTO mentions (kind, message_id, user_id)
        SELECT k, m, u FROM unnest($1::text[], $2::bigint[], $3::bigint[]) WITH ORDINALITY AS x(k, m, u, o) ORDER BY o`,
      [col(demo.mentions, 'kind'), col(demo.mentions, 'messageId'), col(demo.mentions, 'userId')]);
      await c.q('INSERT INTO read_state (user_id, kind, conversation_id, last_read_id) SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[])',
        [col(demo.readStates, 'userId'), col(demo.readStates, 'kind'), col(demo.readStates, 'conversationId'), col(demo.readStates, 'lastReadId')]);
      for (const p of demo.presence) await setPresence(c, p.userId, p.status, p.lastActivity);
      for (const [key, value] of Object.entries(demo.meta)) {
        await c.q('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, String(value)]);
      }
      // The ids went in explicitly: the identity sequences continue after them.
      for (const table of ['users', 'rooms', 'messages', 'direct_messages']) {
        await c.q(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT MAX(id) FROM ${table}), 1))`);
      }
      return 'seeded';
    }),

    findUserById: async (id) => (await q('SELECT * FROM users WHERE id = $1', [id]))[0],
    findUserByEmail: async (email) => (await q('SELECT * FROM users WHERE lower(email) = lower($1)', [email]))[0],
    listUsers: async () => (await q(`SELECT u.*, p.status, p.last_activity
      FROM users u LEFT JOIN user_presence p ON p.user_id = u.id ORDER BY u.id`)).map(userWithPresence),
    roomMembers: async (roomId) => membersFromRows(await q(`SELECT u.*, p.status, p.last_activity
      FROM room_members m JOIN users u ON u.id = m.user_id LEFT JOIN user_presence p ON p.user_id = u.id WHERE m.room_id = $1`, [roomId])),

    presenceOf: async (userId) => (await q('SELECT status FROM user_presence WHERE user_id = $1', [userId]))[0]?.status ?? 'offline',
    setPresence: (userId, status, atMs = Date.now()) => setPresence(db, userId, status, atMs),
    resetPresence: () => tx(async (c) => {
      await c.q('DELETE FROM presence_sockets');
      await c.q("UPDATE user_presence SET status = 'offline' WHERE status <> 'offline'");
    }),
    // The user's advisory lock serializes the presence writes of one user across processes, so
    // each decision reads the rows as the previous one left them; `announce` runs before COMMIT,
    // while the lock is held, so the announcements leave in the order of the writes.
    // Three round trips each: BEGIN with the lock, one statement that decides and writes (a new
    // snapshot, taken after the lock), COMMIT.
    socketConnected: (userId, socketId, nodeId, maxConnections, announce, atMs = Date.now()) => tx(async (c) => {
      const [{ n: count }] = await c.q(`
        WITH c AS (SELECT COUNT(*) AS n FROM presence_sockets WHERE user_id = $1::bigint),
        ins AS (
          INSERT INTO presence_sockets (socket_id, user_id, node_id, connected_at)
          SELECT $2::text, $1::bigint, $3::text, $4::bigint WHERE (SELECT n FROM c) < $5::bigint
          ON CONFLICT (socket_id) DO UPDATE SET user_id = EXCLUDED.user_id, node_id = EXCLUDED.node_id, connected_at = EXCLUDED.connected_at),
        up AS (
          INSERT INTO user_presence (user_id, status, last_activity) SELECT $1::bigint, 'online', $4::bigint WHERE (SELECT n FROM c) < $5::bigint
          ON CONFLICT (user_id) DO UPDATE SET status = EXCLUDED.status, last_activity = EXCLUDED.last_activity)
        SELECT n FROM c`, [userId, socketId, nodeId, atMs, maxConnections]);
      if (count >= maxConnections) return { refused: true, count };
      announce?.('online');
      return { refused: false, count: count + 1 };
    }, userLock(userId)),
    socketDisconnected: (userId, socketId, announce, atMs = Date.now()) => tx(async (c) => {
      // The statement's snapshot still holds the deleted row: it is left out of the count.
      const [{ n: remaining }] = await c.q(`
        WITH gone AS (DELETE FROM presence_sockets WHERE socket_id = $2::text),
        c AS (SELECT COUNT(*) AS n FROM presence_sockets WHERE user_id = $1::bigint AND socket_id <> $2::text),
        off AS (
          INSERT INTO user_presence (user_id, status, last_activity) SELECT $1::bigint, 'offline', $3::bigint WHERE (SELECT n FROM c) = 0
          ON CONFLICT (user_id) DO UPDATE SET status = EXCLUDED.status, last_activity = EXCLUDED.last_activity)
        SELECT n FROM c`, [userId, socketId, atMs]);
      if (remaining === 0) announce?.('offline');
      return { remaining };
    }, userLock(userId)),
    nodeBeat: (nodeId, atMs = Date.now()) => q(`INSERT INTO presence_nodes (node_id, seen_at) VALUES ($1, $2)
      ON CONFLICT (node_id) DO UPDATE SET seen_at = EXCLUDED.seen_at`, [nodeId, atMs]),
    nodeGone: (nodeId) => q('DELETE FROM presence_nodes WHERE node_id = $1', [nodeId]),
    // One process sweeps at a time (the others skip); the users are locked in id order, so two
    // transactions never wait for each other's locks in a circle.
    sweepDeadNodes: (deadlineMs, announce, atMs = Date.now()) => tx(async (c) => {
      if (!(await c.q('SELECT pg_try_advisory_xact_lock($1) AS got', [SWEEP_LOCK]))[0].got) return [];
      const nodes = (await c.q(`
        SELECT node_id FROM presence_nodes WHERE seen_at < $1
        UNION SELECT DISTINCT node_id FROM presence_sockets s
        WHERE NOT EXISTS (SELECT 1 FROM presence_nodes n WHERE n.node_id = s.node_id) AND s.connected_at < $1`, [deadlineMs]))
        .map((r) => r.node_id);
      if (nodes.length === 0) return [];
      const users = (await c.q('SELECT DISTINCT user_id FROM presence_sockets WHERE node_id = ANY($1::text[]) ORDER BY user_id', [nodes]))
        .map((r) => r.user_id);
      for (const userId of users) await lockUser(c, userId);
      await c.q('DELETE FROM presence_sockets WHERE node_id = ANY($1::text[])', [nodes]);
      await c.q('DELETE FROM presence_nodes WHERE node_id = ANY($1::text[])', [nodes]);
      const offline = [];
      for (const userId of users) {
        if ((await socketCount(c, userId)) > 0) continue;
        await setPresence(c, userId, 'offline', atMs);
        announce?.(userId);
        offline.push(userId);
      }
      return offline;
    }),

    findRoom: async (id) => (await q('SELECT * FROM rooms WHERE id = $1', [id]))[0],
    listRooms: async (me) => {
      const rows = await q(`
        SELECT r.*, (SELECT COUNT(*) FROM room_members m WHERE m.room_id = r.id) AS member_count,
               (SELECT MAX(id) FROM messages WHERE room_id = r.id AND thread_id IS NULL) AS last_message_id,
               (SELECT COUNT(*) FROM room_pins p WHERE p.room_id = r.id) AS pinned_count,
               CASE WHEN mine.user_id IS NOT NULL THEN 1 ELSE 0 END AS joined,
               CASE WHEN mine.user_id IS NOT NULL THEN rs.last_read_id END AS last_read_id,
               CASE WHEN mine.user_id IS NOT NULL THEN (
                 SELECT COUNT(*) FROM messages x
                 WHERE x.room_id = r.id AND x.thread_id IS NULL AND x.id > COALESCE(rs.last_read_id, 0) AND x.sender_id <> $1)
               ELSE 0 END AS unread_count,
               CASE WHEN mine.user_id IS NOT NULL THEN (
                 SELECT COUNT(*) FROM mentions mn JOIN messages x ON x.id = mn.message_id
                 WHERE mn.user_id = $1 AND mn.kind = 'room' AND mn.message_id > COALESCE(rs.last_read_id, 0)
                   AND x.room_id = r.id AND x.thread_id IS NULL AND x.sender_id <> $1 AND x.deleted_at IS NULL)
               ELSE 0 END AS mention_count
        FROM rooms r
        LEFT JOIN room_members mine ON mine.room_id = r.id AND mine.user_id = $1
        LEFT JOIN read_state rs ON rs.user_id = $1 AND rs.kind = 'room' AND rs.conversation_id = r.id
        ORDER BY r.id`, [me]);
      // The last messages of all rooms in one query.
      const ids = rows.map((r) => r.last_message_id).filter((id) => id != null);
      const last = new Map();
      if (ids.length > 0) {
        const lastRows = await q(`SELECT m.*, u.first_name, u.last_name, u.role, u.avatar
          FROM messages m JOIN users u ON u.id = m.sender_id WHERE m.id = ANY($1::bigint[])`, [ids]);
        const quoted = new Map();
        const replyIds = lastRows.map((r) => r.reply_to).filter((id) => id != null);
        if (replyIds.length > 0) {
          for (const row of await q(`SELECT m.*, u.first_name, u.last_name, u.role, u.avatar
            FROM messages m JOIN users u ON u.id = m.sender_id WHERE m.id = ANY($1::bigint[])`, [replyIds])) quoted.set(row.id, quoteFromRow(row));
        }
        for (const row of lastRows) last.set(row.id, messageFromRow(row, (_, id) => quoted.get(id) ?? null));
      }
      return rows.map((r) => roomFromRow(r, r.last_message_id != null ? last.get(r.last_message_id) : null));
    },
    // The room row is locked, so two joins at once cannot both pass the member limit.
    addMember: (roomId, userId, maxMembers = Infinity, atMs = Date.now()) => tx(async (c) => {
      await c.q('SELECT 1 FROM rooms WHERE id = $1 FOR UPDATE', [roomId]);
      if ((await c.q('SELECT 1 FROM room_members WHERE room_id = $1 AND user_id = $2', [roomId, userId])).length > 0) return { newMember: false };
      if ((await c.q('SELECT COUNT(*) AS n FROM room_members WHERE room_id = $1', [roomId]))[0].n >= maxMembers) return { newMember: false, full: true };
      await c.q('INSERT INTO room_members (room_id, user_id, joined_at) VALUES ($1, $2, $3)', [roomId, userId, atMs]);
      const [{ id: newest }] = await c.q('SELECT MAX(id) AS id FROM messages WHERE room_id = $1', [roomId]);
      if (newest != null) await advanceRead(c, userId, 'room', roomId, newest);
      return { newMember: true };
    }),
    removeMember: (roomId, userId) => tx(async (c) => {
      const wasMember = (await c.q('DELETE FROM room_members WHERE room_id = $1 AND user_id = $2 RETURNING 1', [roomId, userId])).length > 0;
      await c.q("DELETE FROM read_state WHERE user_id = $1 AND kind = 'room' AND conversation_id = $2", [userId, roomId]);
      return { wasMember };
    }),
    isMember: async (roomId, userId) => (await q('SELECT 1 FROM room_members WHERE room_id = $1 AND user_id = $2', [roomId, userId])).length > 0,
    roomHasMessage: async (roomId, messageId) => (await q('SELECT 1 FROM messages WHERE id = $1 AND room_id = $2', [messageId, roomId])).length > 0,
    dmHasMessage: async (me, other, messageId) => (await q(`SELECT 1 FROM direct_messages
      WHERE id = $1 AND ((sender_id = $2 AND recipient_id = $3) OR (sender_id = $3 AND recipient_id = $2))`, [messageId, me, other])).length > 0,
    markRead: ({ userId, kind, conversationId, messageId }) => tx(async (c) => {
      const before = (await c.q('SELECT last_read_id FROM read_state WHERE user_id = $1 AND kind = $2 AND conversation_id = $3 FOR UPDATE',
        [userId, kind, conversationId]))[0]?.last_read_id ?? null;
      const [{ last_read_id: lastReadId }] = await advanceRead(c, userId, kind, conversationId, messageId);
      return { lastReadId, advanced: before === null || lastReadId > before };
    }),

    ...messages,
    ...fileQueries(db),
  };
}

module.exports = { openPostgresStore };
