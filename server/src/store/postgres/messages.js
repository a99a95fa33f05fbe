'use strict';

/**
 * The PostgreSQL store's messages: room messages and DMs, history pages, threads, search, edits,
 * deletes, reactions, pins, mentions and the DM conversation list. The same semantics as the
 * SQLite core (src/store/sqlite/db.js); the comments there say why things are as they are, the
 * ones here say what PostgreSQL needs done differently.
 *
 * `db` is { q(sql, params) -> rows, tx(fn(c)) } (./index.js); inside a transaction `c` has the
 * same q, so the helpers below take whichever runner they are given.
 */

const {
  iso, quoteFromRow, threadSummary, messageFromRow, dmFromRow, groupReactions, groupMentions, decorateWith,
  conversationFromRow, mergeRanked,
} = require('../shape');
const { mentionCandidates, pickMentions } = require('../../mentions');
const { foldForIndex, tsQuery } = require('../../search');
const { attachmentsFor, attachFiles, detachFiles } = require('./files');

// Every column but `search` (a tsvector the shapes never need).
const MSG = `m.id, m.room_id, m.sender_id, m.text, m.client_id, m.created_at, m.reply_to, m.thread_id, m.edited_at,
  m.deleted_at, m.thread_reply_count, m.thread_last_reply_at, m.thread_resolved`;
const DM = 'd.id, d.sender_id, d.recipient_id, d.text, d.client_id, d.created_at, d.reply_to, d.edited_at, d.deleted_at';
const SENDER = 'u.first_name, u.last_name, u.role, u.avatar';
const MSG_FROM = `SELECT ${MSG}, ${SENDER} FROM messages m JOIN users u ON u.id = m.sender_id`;
const MSG_COLUMNS = MSG.replaceAll('m.', '');
const DM_FROM = `SELECT ${DM}, ${SENDER} FROM direct_messages d JOIN users u ON u.id = d.sender_id`;
const TABLE = { room: 'messages', dm: 'direct_messages' };

// Paging: "no bound" as the SQLite store has it.
const NO_BOUND = Number.MAX_SAFE_INTEGER;

function messageQueries(db) {
  /** The quotes of the replies among `rows`, in one query: Map id -> quote. */
  async function quotesFor(r, kind, rows) {
    const ids = [...new Set(rows.map((row) => row.reply_to).filter((id) => id != null))];
    if (ids.length === 0) return new Map();
    const from = kind === 'room' ? `${MSG_FROM} WHERE m.id = ANY($1::bigint[])` : `${DM_FROM} WHERE d.id = ANY($1::bigint[])`;
    return new Map((await r.q(from, [ids])).map((row) => [row.id, quoteFromRow(row)]));
  }

  /** Rows (joined with their sender) shaped as the protocol's messages, with quotes. */
  async function shape(r, kind, rows) {
    const quotes = await quotesFor(r, kind, rows);
    const quoteOf = (_, id) => quotes.get(id) ?? null;
    return rows.map((row) => (kind === 'room' ? messageFromRow(row, quoteOf) : dmFromRow(row, quoteOf)));
  }

  async function reactionsFor(r, kind, ids) {
    if (ids.length === 0) return new Map();
    return groupReactions(await r.q(
      'SELECT message_id, emoji, user_id FROM reactions WHERE kind = $1 AND message_id = ANY($2::bigint[]) ORDER BY seq', [kind, ids]));
  }
  const reactionsOf = async (r, kind, id) => (await reactionsFor(r, kind, [id])).get(id) ?? [];

  async function mentionsFor(r, kind, ids) {
    if (ids.length === 0) return new Map();
    return groupMentions(await r.q(
      'SELECT message_id, user_id FROM mentions WHERE kind = $1 AND message_id = ANY($2::bigint[]) ORDER BY seq', [kind, ids]));
  }

  async function decorate(r, kind, messages) {
    const ids = messages.filter((m) => !m.deleted).map((m) => m.id);
    return decorateWith(messages, await reactionsFor(r, kind, ids), await mentionsFor(r, kind, ids), await attachmentsFor(r, kind, ids));
  }

  const page = async (r, kind, rows) => decorate(r, kind, await shape(r, kind, rows));

  /** The users a text mentions (see src/mentions.js): one query for all the candidates. */
  async function resolveMentions(r, { kind, text, senderId, roomId, recipientId }) {
    const candidates = mentionCandidates(text, senderId);
    if (candidates.length === 0) return [];
    let counted;
    if (kind === 'dm') counted = new Set([recipientId]);
    else {
      counted = new Set((await r.q(
        'SELECT user_id AS id FROM room_members WHERE room_id = $1 AND user_id = ANY($2::bigint[])', [roomId, candidates])).map((x) => x.id));
    }
    return pickMentions(candidates, counted);
  }

  /** Replaces the stored mentions of a message (`fresh`: a new one, it has none); seq follows the order of `userIds`. */
  async function setMentions(r, kind, messageId, userIds, { fresh = false } = {}) {
    if (!fresh) await r.q('DELETE FROM mentions WHERE kind = $1 AND message_id = $2', [kind, messageId]);
    if (userIds.length === 0) return;
    await r.q(`INSERT INTO mentions (kind, message_id, user_id)
      SELECT $1, $2, t.u FROM unnest($3::bigint[]) WITH ORDINALITY AS t(u, o) ORDER BY t.o`, [kind, messageId, userIds]);
  }

  const rowOf = async (r, kind, id) => {
    const cols = kind === 'room' ? MSG.replaceAll('m.', '') : DM.replaceAll('d.', '');
    return (await r.q(`SELECT ${cols} FROM ${TABLE[kind]} WHERE id = $1`, [id]))[0];
  };
  const viewRow = async (r, kind, id) =>
    (await r.q(kind === 'room' ? `${MSG_FROM} WHERE m.id = $1` : `${DM_FROM} WHERE d.id = $1`, [id]))[0];

  return {
    resolveMentions: (args) => resolveMentions(db, args),
    messageRow: (kind, id) => rowOf(db, kind, id),
    messageView: async (kind, id) => {
      const row = await viewRow(db, kind, id);
      return row ? (await page(db, kind, [row]))[0] : undefined;
    },
    quoteOf: async (kind, id) => {
      const row = await viewRow(db, kind, id);
      return row ? quoteFromRow(row) : null;
    },
    reactionsOf: (kind, id) => reactionsOf(db, kind, id),

    createMessage: ({
      roomId, senderId, text, clientId = null, replyTo = null, threadId = null, attachments = [], atMs = Date.now(),
    }) => {
      const run = async (c) => {
        // The row comes back joined with its sender: one round trip. A clientId used before
        // inserts nothing (a retry racing the first send waits on the unique index, then does).
        const [row] = await c.q(`
          WITH ins AS (
            INSERT INTO messages (room_id, sender_id, text, client_id, created_at, reply_to, thread_id, search)
            VALUES ($1, $2, $3, $4, $5, $6, $7, to_tsvector('simple', $8))
            ON CONFLICT (sender_id, client_id) DO NOTHING RETURNING ${MSG_COLUMNS})
          SELECT ins.*, ${SENDER} FROM ins JOIN users u ON u.id = ins.sender_id`,
        [roomId, senderId, text, clientId, atMs, replyTo, threadId, foldForIndex(text)]);
        if (!row) {
          const [existing] = await c.q(`${MSG_FROM} WHERE m.sender_id = $1 AND m.client_id = $2`, [senderId, clientId]);
          return { message: (await shape(c, 'room', [existing]))[0], duplicate: true };
        }
        const mentioned = await resolveMentions(c, { kind: 'room', text, senderId, roomId });
        await setMentions(c, 'room', row.id, mentioned, { fresh: true });
        await attachFiles(c, 'room', row.id, attachments);
        let thread = null;
        if (threadId != null) {
          const [root] = await c.q(`UPDATE messages SET thread_reply_count = thread_reply_count + 1, thread_last_reply_at = $1
            WHERE id = $2 RETURNING thread_reply_count, thread_last_reply_at, thread_resolved`, [atMs, threadId]);
          thread = threadSummary(root);
        }
        const [message] = await shape(c, 'room', [row]);
        if (mentioned.length > 0) message.mentions = mentioned;
        if (attachments.length > 0) message.attachments = (await attachmentsFor(c, 'room', [row.id])).get(row.id);
        return { message, duplicate: false, thread };
      };
      // A message that writes nothing else (no mention token, no thread) is one statement,
      // atomic by itself: no transaction, no connection held across round trips. The common case.
      const alone = threadId == null && attachments.length === 0 && mentionCandidates(text, senderId).length === 0;
      return alone ? run(db) : db.tx(run);
    },

    roomMessages: async (roomId, { before = NO_BOUND, after, limit }) => page(db, 'room', after === undefined
      ? await db.q(`${MSG_FROM} WHERE m.room_id = $1 AND m.thread_id IS NULL AND m.id < $2 ORDER BY m.id DESC LIMIT $3`, [roomId, before, limit])
      : await db.q(`${MSG_FROM} WHERE m.room_id = $1 AND m.thread_id IS NULL AND m.id > $2 AND m.id < $3 ORDER BY m.id ASC LIMIT $4`,
        [roomId, after, before, limit])),
    threadMessages: async (rootId, { before = NO_BOUND, after, limit }) => page(db, 'room', after === undefined
      ? await db.q(`${MSG_FROM} WHERE m.thread_id = $1 AND m.id < $2 ORDER BY m.id DESC LIMIT $3`, [rootId, before, limit])
      : await db.q(`${MSG_FROM} WHERE m.thread_id = $1 AND m.id > $2 AND m.id < $3 ORDER BY m.id ASC LIMIT $4`, [rootId, after, before, limit])),

    createDirectMessage: ({ senderId, recipientId, text, clientId = null, replyTo = null, attachments = [], atMs = Date.now() }) => {
      const run = async (c) => {
        const inserted = await c.q(`
          INSERT INTO direct_messages (sender_id, recipient_id, text, client_id, created_at, reply_to, search)
          VALUES ($1, $2, $3, $4, $5, $6, to_tsvector('simple', $7))
          ON CONFLICT (sender_id, client_id) DO NOTHING RETURNING id`,
        [senderId, recipientId, text, clientId, atMs, replyTo, foldForIndex(text)]);
        if (inserted.length === 0) {
          const [row] = await c.q(`SELECT ${DM.replaceAll('d.', '')} FROM direct_messages WHERE sender_id = $1 AND client_id = $2`, [senderId, clientId]);
          return { dm: { ...row, createdAt: iso(row.created_at) }, duplicate: true };
        }
        const dm = { id: inserted[0].id, recipient_id: recipientId, createdAt: iso(atMs) };
        if (replyTo != null) {
          const quoted = await viewRow(c, 'dm', replyTo);
          dm.replyTo = quoted ? quoteFromRow(quoted) : null;
        }
        const mentioned = await resolveMentions(c, { kind: 'dm', text, senderId, recipientId });
        await setMentions(c, 'dm', dm.id, mentioned, { fresh: true });
        if (mentioned.length > 0) dm.mentions = mentioned;
        await attachFiles(c, 'dm', dm.id, attachments);
        if (attachments.length > 0) dm.attachments = (await attachmentsFor(c, 'dm', [dm.id])).get(dm.id);
        return { dm, duplicate: false };
      };
      // As createMessage: a DM without mentions or attachments is one statement, no transaction.
      return attachments.length === 0 && mentionCandidates(text, senderId).length === 0 ? run(db) : db.tx(run);
    },
    directMessages: async (me, other, { before = NO_BOUND, after, limit }) => page(db, 'dm', after === undefined
      ? await db.q(`${DM_FROM} WHERE ((d.sender_id = $1 AND d.recipient_id = $2) OR (d.sender_id = $2 AND d.recipient_id = $1))
          AND d.id < $3 ORDER BY d.id DESC LIMIT $4`, [me, other, before, limit])
      : await db.q(`${DM_FROM} WHERE ((d.sender_id = $1 AND d.recipient_id = $2) OR (d.sender_id = $2 AND d.recipient_id = $1))
          AND d.id > $3 AND d.id < $4 ORDER BY d.id ASC LIMIT $5`, [me, other, after, before, limit])),

    /**
     * Full-text search over what `me` may read (see the SQLite core). The GIN index finds the
     * matches; ts_rank with normalization 1 (divided by 1 + the log of the length) ranks them, so
     * a word twice or a shorter message ranks higher, as bm25 does. Negated, it merges with the
     * same rule as SQLite's rank (lower is better; ties newest first).
     */
    search: async (me, { words, roomId = null, otherId = null, before = NO_BOUND, limit }) => {
      const query = tsQuery(words);
      if (query == null) return [];
      const rooms = otherId != null ? [] : (await db.q(`
        SELECT ${MSG}, ${SENDER}, ts_rank(m.search, q, 1) AS score
        FROM to_tsquery('simple', $2) q
        JOIN messages m ON m.search @@ q
        JOIN room_members rm ON rm.room_id = m.room_id AND rm.user_id = $1
        JOIN users u ON u.id = m.sender_id
        WHERE m.id < $3 AND m.deleted_at IS NULL AND ($4::bigint IS NULL OR m.room_id = $4)
        ORDER BY score DESC, m.id DESC LIMIT $5`, [me, query, before, roomId, limit]))
        .map((row) => ({ rank: -row.score, at: row.created_at, result: { id: row.id, row, kind: 'room' } }));
      const dms = roomId != null ? [] : (await db.q(`
        SELECT ${DM}, ${SENDER}, ts_rank(d.search, q, 1) AS score
        FROM to_tsquery('simple', $2) q
        JOIN direct_messages d ON d.search @@ q
        JOIN users u ON u.id = d.sender_id
        WHERE d.id < $3 AND d.deleted_at IS NULL AND (d.sender_id = $1 OR d.recipient_id = $1)
          AND ($4::bigint IS NULL OR (d.sender_id = $4 AND d.recipient_id = $1) OR (d.sender_id = $1 AND d.recipient_id = $4))
        ORDER BY score DESC, d.id DESC LIMIT $5`, [me, query, before, otherId, limit]))
        .map((row) => ({ rank: -row.score, at: row.created_at, result: { id: row.id, row, kind: 'dm' } }));
      // Shaped after the merge: only the hits that are kept cost their quotes and reactions.
      const kept = mergeRanked([...rooms, ...dms], limit);
      const out = [];
      for (const hit of kept) {
        const [message] = await shape(db, hit.kind, [hit.row]);
        out.push({ kind: hit.kind, ...message });
      }
      await decorate(db, 'room', out.filter((r) => r.kind === 'room'));
      await decorate(db, 'dm', out.filter((r) => r.kind === 'dm'));
      return out;
    },

    editMessage: (kind, id, text, atMs = Date.now()) => db.tx(async (c) => {
      const [row] = await c.q(`UPDATE ${TABLE[kind]} SET text = $1, edited_at = $2, search = to_tsvector('simple', $3)
        WHERE id = $4 RETURNING *`, [text, atMs, foldForIndex(text), id]);
      const mentioned = await resolveMentions(c, {
        kind, text, senderId: row.sender_id, roomId: row.room_id, recipientId: row.recipient_id,
      });
      await setMentions(c, kind, id, mentioned);
      return { editedAt: iso(atMs), mentions: mentioned };
    }),
    deleteMessage: (kind, id, atMs = Date.now()) => db.tx(async (c) => {
      const [row] = await c.q(`UPDATE ${TABLE[kind]} SET text = '', deleted_at = $1, search = ''::tsvector WHERE id = $2 RETURNING *`, [atMs, id]);
      await c.q('DELETE FROM reactions WHERE kind = $1 AND message_id = $2', [kind, id]);
      await setMentions(c, kind, id, []);
      await detachFiles(c, kind, id);
      let unpinned = false;
      if (kind === 'room') unpinned = (await c.q('DELETE FROM room_pins WHERE room_id = $1 AND message_id = $2 RETURNING 1', [row.room_id, id])).length > 0;
      return { deletedAt: iso(atMs), unpinned };
    }),

    // The message row is locked first, so two reactions at once cannot both pass the limit.
    addReaction: (kind, messageId, userId, emoji, maxEmoji) => db.tx(async (c) => {
      await c.q(`SELECT 1 FROM ${TABLE[kind]} WHERE id = $1 FOR UPDATE`, [messageId]);
      const [counts] = await c.q(`SELECT COUNT(DISTINCT emoji) AS n, COUNT(*) FILTER (WHERE emoji = $3) AS mine
        FROM reactions WHERE kind = $1 AND message_id = $2`, [kind, messageId, emoji]);
      if (counts.mine === 0 && counts.n >= maxEmoji) return { tooMany: true };
      const changed = (await c.q(`INSERT INTO reactions (kind, message_id, user_id, emoji) VALUES ($1, $2, $3, $4)
        ON CONFLICT DO NOTHING RETURNING 1`, [kind, messageId, userId, emoji])).length > 0;
      return { changed, reactions: await reactionsOf(c, kind, messageId) };
    }),
    removeReaction: (kind, messageId, userId, emoji) => db.tx(async (c) => {
      const changed = (await c.q('DELETE FROM reactions WHERE kind = $1 AND message_id = $2 AND user_id = $3 AND emoji = $4 RETURNING 1',
        [kind, messageId, userId, emoji])).length > 0;
      return { changed, reactions: await reactionsOf(c, kind, messageId) };
    }),
    resolveThread: (rootId, resolved) => db.tx(async (c) => {
      const [root] = await c.q('SELECT thread_resolved FROM messages WHERE id = $1 FOR UPDATE', [rootId]);
      const before = root.thread_resolved === 1;
      const [after] = await c.q(`UPDATE messages SET thread_resolved = $1 WHERE id = $2
        RETURNING thread_reply_count, thread_last_reply_at, thread_resolved`, [resolved ? 1 : 0, rootId]);
      return { changed: before !== resolved, thread: threadSummary(after) };
    }),

    // The room row is locked first, so two pins at once cannot both pass the limit.
    pin: (roomId, messageId, userId, maxPins, atMs = Date.now()) => db.tx(async (c) => {
      await c.q('SELECT 1 FROM rooms WHERE id = $1 FOR UPDATE', [roomId]);
      const pins = async () => (await c.q('SELECT message_id FROM room_pins WHERE room_id = $1 ORDER BY seq', [roomId])).map((r) => r.message_id);
      const current = await pins();
      if (current.includes(messageId)) return { changed: false, pins: current };
      if (current.length >= maxPins) return { tooMany: true };
      await c.q('INSERT INTO room_pins (room_id, message_id, pinned_by, pinned_at) VALUES ($1, $2, $3, $4)', [roomId, messageId, userId, atMs]);
      return { changed: true, pins: await pins() };
    }),
    unpin: (roomId, messageId) => db.tx(async (c) => {
      const changed = (await c.q('DELETE FROM room_pins WHERE room_id = $1 AND message_id = $2 RETURNING 1', [roomId, messageId])).length > 0;
      return { changed, pins: (await c.q('SELECT message_id FROM room_pins WHERE room_id = $1 ORDER BY seq', [roomId])).map((r) => r.message_id) };
    }),
    pinIds: async (roomId) => (await db.q('SELECT message_id FROM room_pins WHERE room_id = $1 ORDER BY seq', [roomId])).map((r) => r.message_id),
    pinnedMessages: async (roomId) => page(db, 'room', await db.q(`
      SELECT ${MSG}, ${SENDER} FROM room_pins p JOIN messages m ON m.id = p.message_id JOIN users u ON u.id = m.sender_id
      WHERE p.room_id = $1 ORDER BY p.seq`, [roomId])),

    conversations: async (me) => {
      const rows = await db.q(`
        SELECT c.*, rs.last_read_id AS last_read_id,
               (SELECT COUNT(*) FROM direct_messages x
                WHERE x.sender_id = c.other_id AND x.recipient_id = $1 AND x.id > COALESCE(rs.last_read_id, 0)) AS unread_count,
               (SELECT COUNT(*) FROM mentions mn JOIN direct_messages x ON x.id = mn.message_id
                WHERE mn.user_id = $1 AND mn.kind = 'dm' AND mn.message_id > COALESCE(rs.last_read_id, 0)
                  AND x.sender_id = c.other_id AND x.recipient_id = $1 AND x.deleted_at IS NULL) AS mention_count,
               ${SENDER.replaceAll('u.', 'o.')}, o.id AS o_id, p.status AS other_status
        FROM (
          SELECT ${DM}, CASE WHEN d.sender_id = $1 THEN d.recipient_id ELSE d.sender_id END AS other_id
          FROM direct_messages d
          WHERE d.id IN (
            SELECT MAX(id) FROM direct_messages
            WHERE sender_id = $1 OR recipient_id = $1
            GROUP BY CASE WHEN sender_id = $1 THEN recipient_id ELSE sender_id END)) c
        JOIN users o ON o.id = c.other_id
        LEFT JOIN user_presence p ON p.user_id = c.other_id
        LEFT JOIN read_state rs ON rs.user_id = $1 AND rs.kind = 'dm' AND rs.conversation_id = c.other_id
        ORDER BY c.id DESC`, [me]);
      return rows.map((r) => conversationFromRow(r, { ...r, id: r.o_id }, r.other_status));
    },
  };
}

module.exports = { messageQueries, MSG_FROM, MSG };
