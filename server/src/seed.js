'use strict';

const bcrypt = require('bcryptjs');
const { PASSWORD, USERS, ROOMS, DMS } = require('./demo-data');
const { mentionCandidates, pickMentions } = require('./mentions');

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
 * Every row of the demo, ready for a store's insertDemo (pure, deterministic for a base time):
 * users with their password hashes, rooms, memberships, messages, DMs, their mentions, the read
 * state and the presence.
 */
function demoRows(baseMs, hashes) {
  const { messages, dms } = buildDemo(baseMs);
  const createdAt = baseMs - 14 * 24 * HOUR;
  const users = USERS.map((u, i) => ({ ...u, passwordHash: hashes[i] }));
  const rooms = ROOMS.map((room) => ({ id: room.id, name: room.name, description: room.description, createdAt }));
  const members = ROOMS.flatMap((room) => room.members.map((userId) => ({ roomId: room.id, userId, joinedAt: createdAt })));

  // The <@id> tokens of the demo texts, counted as a store counts them when a message is sent
  // (room: the members; DM: the recipient).
  const mentions = [];
  const membersOf = new Map(ROOMS.map((room) => [room.id, new Set(room.members)]));
  for (const m of messages) {
    for (const userId of pickMentions(mentionCandidates(m.text, m.senderId), membersOf.get(m.roomId))) {
      mentions.push({ kind: 'room', messageId: m.id, userId });
    }
  }
  for (const d of dms) {
    for (const userId of pickMentions(mentionCandidates(d.text, d.senderId), new Set([d.recipientId]))) {
      mentions.push({ kind: 'dm', messageId: d.id, userId });
    }
  }

  // Read state: everyone has read a conversation up to their own last message in it, so the
  // demo shows a few unread messages per room and DM rather than none or the whole history.
  const lastOwn = new Map();
  for (const m of messages) lastOwn.set(`room ${m.roomId} ${m.senderId}`, { userId: m.senderId, kind: 'room', conversationId: m.roomId, lastReadId: m.id });
  for (const d of dms) lastOwn.set(`dm ${d.recipientId} ${d.senderId}`, { userId: d.senderId, kind: 'dm', conversationId: d.recipientId, lastReadId: d.id });

  // Everyone starts offline; lastActivity = their last demo message.
  const lastActivity = new Map();
  for (const m of [...messages, ...dms]) lastActivity.set(m.senderId, Math.max(lastActivity.get(m.senderId) ?? 0, m.createdAt));
  const presence = USERS.map((u) => ({ userId: u.id, status: 'offline', lastActivity: lastActivity.get(u.id) ?? createdAt }));

  const meta = { demo_seed_version: DEMO_SEED_VERSION, demo_base_time: new Date(baseMs).toISOString() };
  return { users, rooms, members, messages, dms, mentions, readStates: [...lastOwn.values()], presence, meta };
}

/**
 * Seeds demo users, rooms, messages and DMs once. Idempotent: a database that was already seeded
 * (meta key demo_seed_version) is left alone; a database that already holds other data is not
 * touched either. Safe when two processes start at the same time on one database: the store
 * checks both again inside its write transaction. Works with the async store and with the
 * synchronous SQLite core alike. Resolves to 'seeded' | 'already-seeded' | 'skipped-non-empty'.
 */
async function seedDemo(store, { baseTime, logger } = {}) {
  if ((await store.getMeta('demo_seed_version')) != null) return 'already-seeded';
  const baseMs = baseTime != null ? new Date(baseTime).getTime() : Math.floor(Date.now() / MINUTE) * MINUTE;
  if (!Number.isFinite(baseMs)) throw new Error(`invalid demo seed base time: ${baseTime}`);
  // bcrypt outside the write transaction (it is slow on purpose); only on the first seed.
  const hashes = USERS.map(() => bcrypt.hashSync(PASSWORD, DEMO_BCRYPT_ROUNDS));
  const result = await store.insertDemo(demoRows(baseMs, hashes));
  if (logger && result === 'skipped-non-empty') {
    logger.warn('SEED_DEMO: the database already holds users or rooms; demo data not added');
  }
  return result;
}

module.exports = { seedDemo, buildDemo, demoRows, prng, DEMO_SEED_VERSION };
