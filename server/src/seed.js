'use strict';

const bcrypt = require('bcryptjs');
const { PASSWORD, USERS, ROOMS, DMS } = require('./demo-data');
const { backfillMentions } = require('./mentions');

const DEMO_SEED_VERSION = '1';
const DEMO_BCRYPT_ROUNDS = 10;
const HOUR = 3600e3;
const MINUTE = 60e3;

/** mulberry32: a tiny deterministic PRNG, so every fresh database gets identical demo data. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Timestamps for `count` messages ending shortly before `endMs`, spread over a few days:
 * short gaps inside a study session, 10-22 hour gaps between sessions.
 */
function timeline(count, endMs, rand) {
  const times = new Array(count);
  let t = endMs;
  for (let i = count - 1; i >= 0; i -= 1) {
    times[i] = t;
    const sessionBreak = i % 6 === 0;
    const gap = sessionBreak ? (10 + rand() * 12) * HOUR : (0.5 + rand() * 11.5) * MINUTE;
    t -= Math.round(gap / 1000) * 1000; // whole seconds
  }
  return times;
}

/** Demo rows (pure, deterministic for a given base time). Exported for tests. */
function buildDemo(baseMs) {
  const rand = prng(0x5c0ffee);
  const messages = [];
  let id = 1;
  ROOMS.forEach((room, r) => {
    const times = timeline(room.messages.length, baseMs - (20 + r * 37) * MINUTE, rand);
    room.messages.forEach(([senderId, text], i) => {
      messages.push({ id: id++, roomId: room.id, senderId, text, createdAt: times[i] });
    });
  });
  const dms = [];
  id = 1;
  DMS.forEach((conv, c) => {
    const times = timeline(conv.messages.length, baseMs - (3 + c * 5) * HOUR, rand);
    conv.messages.forEach(([senderId, text], i) => {
      const recipientId = senderId === conv.a ? conv.b : conv.a;
      dms.push({ id: id++, senderId, recipientId, text, createdAt: times[i] });
    });
  });
  return { messages, dms };
}

/**
 * Seeds demo users, rooms, messages and DMs once. Idempotent: a database that was already seeded
 * (meta key demo_seed_version) is left alone; a database that already holds other data is not
 * touched either. Safe when two processes start at the same time on one database file.
 * Returns 'seeded' | 'already-seeded' | 'skipped-non-empty'.
 */
function seedDemo(store, { baseTime, logger } = {}) {
  const db = store.raw;
  const alreadySeeded = () => store.getMeta('demo_seed_version') != null;
  if (alreadySeeded()) return 'already-seeded';

  // bcrypt outside the write transaction (it is slow on purpose); only on the first seed.
  const hashes = USERS.map(() => bcrypt.hashSync(PASSWORD, DEMO_BCRYPT_ROUNDS));

  const run = db.transaction(() => {
    if (alreadySeeded()) return 'already-seeded';
    const nonEmpty = db.prepare('SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM rooms) AS n').get().n;
    if (nonEmpty > 0) return 'skipped-non-empty';

    const baseMs = baseTime != null ? new Date(baseTime).getTime() : Math.floor(Date.now() / MINUTE) * MINUTE;
    if (!Number.isFinite(baseMs)) throw new Error(`invalid demo seed base time: ${baseTime}`);
    const { messages, dms } = buildDemo(baseMs);

    const insUser = db.prepare(
      'INSERT INTO users (id, email, password_hash, first_name, last_name, role, avatar) VALUES (?, ?, ?, ?, ?, ?, NULL)');
    USERS.forEach((u, i) => insUser.run(u.id, u.email, hashes[i], u.firstName, u.lastName, u.role));

    const insRoom = db.prepare('INSERT INTO rooms (id, name, description, created_at) VALUES (?, ?, ?, ?)');
    const insMember = db.prepare('INSERT INTO room_members (room_id, user_id, joined_at) VALUES (?, ?, ?)');
    const createdAt = baseMs - 14 * 24 * HOUR;
    for (const room of ROOMS) {
      insRoom.run(room.id, room.name, room.description, createdAt);
      for (const userId of room.members) insMember.run(room.id, userId, createdAt);
    }

    const insMsg = db.prepare('INSERT INTO messages (id, room_id, sender_id, text, client_id, created_at) VALUES (?, ?, ?, ?, NULL, ?)');
    for (const m of messages) insMsg.run(m.id, m.roomId, m.senderId, m.text, m.createdAt);
    const insDm = db.prepare(
      'INSERT INTO direct_messages (id, sender_id, recipient_id, text, client_id, created_at) VALUES (?, ?, ?, ?, NULL, ?)');
    for (const d of dms) insDm.run(d.id, d.senderId, d.recipientId, d.text, d.createdAt);
    // The rows went in without the store, so their <@id> tokens are turned into mentions here.
    backfillMentions(db);

    // Read state: everyone has read a conversation up to their own last message in it, so the
    // demo shows a few unread messages per room and DM rather than none or the whole history.
    const insRead = db.prepare('INSERT INTO read_state (user_id, kind, conversation_id, last_read_id) VALUES (?, ?, ?, ?)');
    const lastOwn = new Map();
    for (const m of messages) lastOwn.set(`room ${m.roomId} ${m.senderId}`, [m.senderId, 'room', m.roomId, m.id]);
    for (const d of dms) lastOwn.set(`dm ${d.recipientId} ${d.senderId}`, [d.senderId, 'dm', d.recipientId, d.id]);
    for (const row of lastOwn.values()) insRead.run(...row);

    // Everyone starts offline; lastActivity = their last demo message.
    const lastActivity = new Map();
    for (const m of [...messages, ...dms]) {
      lastActivity.set(m.senderId, Math.max(lastActivity.get(m.senderId) ?? 0, m.createdAt));
    }
    for (const u of USERS) store.setPresence(u.id, 'offline', lastActivity.get(u.id) ?? createdAt);

    store.setMeta('demo_seed_version', DEMO_SEED_VERSION);
    store.setMeta('demo_base_time', new Date(baseMs).toISOString());
    return 'seeded';
  });
  const result = run.immediate();
  if (logger && result === 'skipped-non-empty') {
    logger.warn('SEED_DEMO: the database already holds users or rooms; demo data not added');
  }
  return result;
}

module.exports = { seedDemo, buildDemo, prng, DEMO_SEED_VERSION };
