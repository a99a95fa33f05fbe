'use strict';

/**
 * The store: everything the server keeps, behind one interface with two implementations.
 *
 * - SQLite (./sqlite): the embedded default, one file (or ':memory:'); several processes may share
 *   the file on one machine.
 * - PostgreSQL (./postgres): DATABASE_URL=postgres://…, for several processes on several machines.
 *
 * Both have versioned migrations, full-text search (FTS5; tsvector with a GIN index), idempotent
 * sends (a unique (sender, clientId) index), mentions, reactions, pins, threads, read state and
 * presence per socket, with the same semantics: the whole server test suite runs against each.
 *
 * Every method returns a promise. Rows and shapes are the same from both (src/store/shape.js).
 *
 *   kind                        'sqlite' | 'postgres'
 *   close()
 *   getMeta(key) / setMeta(key, value)
 *   insertDemo(rows)            the demo (seed.js demoRows) once: 'seeded' | 'already-seeded' | 'skipped-non-empty'
 *   query(sql, params)          tests and diagnostics only: one statement with ? placeholders, its rows
 *   resolveMentions({ kind, text, senderId, roomId | recipientId })   the ids a text would mention
 *   findUserById(id) / findUserByEmail(email)   the users row, or undefined
 *   listUsers() / roomMembers(roomId)
 *   presenceOf(userId) / setPresence(userId, status, atMs?) / resetPresence()
 *   socketConnected(userId, socketId, nodeId, maxConnections, announce) -> { refused, count };
 *                               announce('online') inside the transaction
 *   socketDisconnected(userId, socketId, announce)           -> { remaining }; announce('offline') when 0
 *   nodeBeat(nodeId) / nodeGone(nodeId) / sweepDeadNodes(deadlineMs, announce(userId)) -> [userId]
 *   findRoom(id) / listRooms(me)
 *   addMember(roomId, userId, maxMembers) -> { newMember, full? } / removeMember(roomId, userId) -> { wasMember }
 *   isMember / roomHasMessage / dmHasMessage / markRead({ userId, kind, conversationId, messageId })
 *   createMessage({ roomId, senderId, text, clientId, replyTo, threadId }) -> { message, duplicate, thread }
 *   createDirectMessage({ senderId, recipientId, text, clientId, replyTo }) -> { dm, duplicate }
 *   roomMessages / threadMessages / directMessages (paging { before, after, limit })
 *   search(me, { words, roomId, otherId, before, limit })   words: search.js searchWords
 *   messageRow(kind, id) / messageView(kind, id) / quoteOf(kind, id)
 *   editMessage / deleteMessage / reactionsOf / addReaction / removeReaction / resolveThread
 *   pin / unpin / pinIds / pinnedMessages / conversations(me)
 *   createFile({ id, sha256, name, size, mimeType, width, height, uploaderId }) -> files row
 *   findFile(id) / filesOwnedBy(userId, ids) -> [id] / canSeeFile(fileId, userId) -> boolean
 *   (createMessage / createDirectMessage take `attachments: [fileId]`, checked by the caller)
 */

const { openSqliteStore, METHODS } = require('./sqlite');

/** Opens the store: PostgreSQL when databaseUrl is given, SQLite at dbPath otherwise. */
async function openStore({ dbPath, databaseUrl, databasePoolSize }) {
  if (!databaseUrl) return openSqliteStore(dbPath);
  // Required only here: a SQLite-only installation never loads pg.
  const { openPostgresStore } = require('./postgres');
  const store = await openPostgresStore(databaseUrl, { poolSize: databasePoolSize });
  const missing = METHODS.filter((name) => typeof store[name] !== 'function');
  if (missing.length > 0) {
    await store.close();
    throw new Error(`PostgreSQL store: missing methods ${missing.join(', ')}`);
  }
  return store;
}

module.exports = { openStore };
