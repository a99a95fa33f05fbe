'use strict';

// Mentions (feature "mentions"): <@id> tokens in message texts, `mentions` in every message shape
// and in message:updated, mentionCount in GET /api/rooms and GET /api/dms; and the room members
// route (feature "roomMembers") that clients complete mentions from.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  roomBarrier, query, startServer, connectAs, waitFor, request, receivedOf, http, tokenFor, assertIso, assertPublicUser, USERS, ROOMS, studyGroup } = require('../testlib/helpers');
const { ERRORS, FEATURES, MAX_MENTIONS, MAX_TEXT_LENGTH } = require('../src/constants');
const { tokenIds } = require('../src/mentions');

const chem = ROOMS.chemistry; // members: ada, grace (tutor), linus; alan is not one
const { ada: ADA, alan: ALAN, grace: GRACE, linus: LINUS } = USERS;

async function get(server, name, path) {
  const res = await http(server, 'GET', path, { token: tokenFor(USERS[name]) });
  assert.equal(res.status, 200, `${path}: ${res.text}`);
  return res.json;
}
const roomOf = async (server, name, roomId) => (await get(server, name, '/api/rooms')).find((r) => r.id === roomId);
const dmWith = async (server, name, otherId) => (await get(server, name, '/api/dms')).find((c) => c.user.id === otherId);
// The order they were stored in: SQLite's rowid, PostgreSQL's seq column.
const storedMentions = async (server, kind, id) => (await query(server,
  `SELECT user_id FROM mentions WHERE kind = ? AND message_id = ? ORDER BY ${server.store.kind === 'postgres' ? 'seq' : 'rowid'}`, kind, id))
  .map((r) => r.user_id);

/** Adds users straight to the database (the demo has four), members of `roomId` when given. */
async function addUsers(server, names, roomId) {
  const ids = [];
  for (const [i, [first, last]] of names.entries()) {
    const [{ id }] = await query(server, "INSERT INTO users (email, password_hash, first_name, last_name, role) VALUES (?, 'x', ?, ?, 'student') RETURNING id",
      `extra-${Date.now()}-${i}-${Math.random()}@studyconnect.test`, first, last);
    if (roomId != null) await query(server, 'INSERT INTO room_members (room_id, user_id, joined_at) VALUES (?, ?, ?)', roomId, id, Date.now());
    ids.push(id);
  }
  return ids;
}

describe('mention tokens (parsing)', () => {
  it('are <@ID> with 1 to 15 decimal digits, deduplicated in order of first appearance', () => {
    assert.deepEqual(tokenIds('hi <@4> and <@2>, again <@4>'), [4, 2]);
    assert.deepEqual(tokenIds('<@007> is 7, <@123456789012345> fits'), [7, 123456789012345]);
    for (const text of ['<@>', '<@ 4>', '<@-4>', '<@4 >', '< @4>', '<@1234567890123456>', '<@4', '@4', '<@x4>', '<@4.5>', '<@٤>']) {
      assert.deepEqual(tokenIds(text), [], text);
    }
    assert.deepEqual(tokenIds('<@<@2>>'), [2], 'the inner token counts');
    assert.deepEqual(tokenIds('<@0>'), [0], 'parsed; no user has id 0, so it never counts');
  });

  it('a text of 10,000 tokens parses and resolves quickly', async () => {
    const text = Array.from({ length: 10000 }, (_, i) => `<@${i + 1}>`).join('');
    let started = performance.now();
    assert.equal(tokenIds(text).length, 10000);
    assert.equal(tokenIds('<@3>'.repeat(10000)).length, 1);
    assert.equal(tokenIds('<@'.repeat(10000) + '1>').length, 1);
    assert.ok(performance.now() - started < 500, `parsing took ${performance.now() - started} ms`);

    const server = await startServer();
    try {
      started = performance.now();
      assert.deepEqual(await server.store.resolveMentions({ kind: 'room', text, senderId: ADA, roomId: chem }), [GRACE, LINUS]);
      assert.deepEqual(await server.store.resolveMentions({ kind: 'dm', text, senderId: ADA, recipientId: ALAN }), [ALAN]);
      assert.ok(performance.now() - started < 500, `resolving took ${performance.now() - started} ms`);
    } finally {
      await server.close();
    }
  });
});

describe('mentions in messages', () => {
  let server;
  let ada;
  let ada2; // ada's second device, in no room
  let grace;
  let linus;
  let alan;
  before(async () => {
    server = await startServer();
    ({ ada, grace, linus, alan } = await studyGroup(server, chem));
    ada2 = await connectAs(server, 'ada');
  });
  after(() => server.close());

  it('are announced: mentions and roomMembers', async () => {
    assert.ok(FEATURES.includes('mentions'));
    assert.ok(FEATURES.includes('roomMembers'));
    const { features } = (await http(server, 'GET', '/api/server')).json;
    assert.ok(features.includes('mentions') && features.includes('roomMembers'));
  });

  it('message:send: members count, in order of first appearance, deduplicated; unknown users, non-members and the sender do not', async () => {
    const text = 'ping <@4> <@2> <@1> <@999999> <@3> <@4> <@0>';
    const got = [ada, grace, linus].map((s) => waitFor(s, 'message:received', (m) => m.text === text));
    const ack = await request(ada, 'message:send', { roomId: chem, text, clientId: 'm1' });
    assert.deepEqual(ack, { ok: true, id: ack.id, createdAt: ack.createdAt, duplicate: false }, 'the ack is unchanged');
    for (const m of await Promise.all(got)) {
      assert.deepEqual(m, { id: ack.id, roomId: chem, sender: m.sender, text, createdAt: ack.createdAt, clientId: 'm1', mentions: [LINUS, GRACE] });
    }
    assert.deepEqual(await storedMentions(server, 'room', ack.id), [LINUS, GRACE]);
    const history = await get(server, 'grace', `/api/rooms/${chem}/messages?limit=1`);
    assert.equal(history[0].text, text, 'the text is stored unchanged');
    assert.deepEqual(history[0].mentions, [LINUS, GRACE]);
    // A plain message keeps the seed's shape: no `mentions` at all.
    const plain = waitFor(linus, 'message:received', (m) => m.text === 'no one <@2> here');
    await request(ada, 'message:send', { roomId: chem, text: 'no one <@2> here' });
    assert.equal('mentions' in (await plain), false);
    assert.equal('mentions' in (await get(server, 'ada', `/api/rooms/${chem}/messages?limit=1`))[0], false);
    // Outsiders named in a room get nothing: mentions do not widen who receives a message.
    await roomBarrier(grace, chem, [ada, linus]);
    assert.deepEqual(receivedOf(alan, 'message:received'), []);
    assert.deepEqual(receivedOf(ada2, 'message:received'), []);
  });

  it('a clientId retry stores no new mentions, even with another text', async () => {
    const first = await request(linus, 'message:send', { roomId: chem, text: 'hey <@1>', clientId: 'retry-m' });
    const retry = await request(linus, 'message:send', { roomId: chem, text: 'hey <@3>', clientId: 'retry-m' });
    assert.deepEqual([retry.id, retry.duplicate], [first.id, true]);
    assert.deepEqual(await storedMentions(server, 'room', first.id), [ADA]);
    assert.equal((await query(server, "SELECT COUNT(*) AS n FROM mentions WHERE kind = 'room' AND message_id > ?", first.id))[0].n, 0);
  });

  it('refused sends store no mentions: too long, wrong types, not joined', async () => {
    const count = async () => (await query(server, 'SELECT COUNT(*) AS n FROM mentions'))[0].n;
    const before = await count();
    const tooLong = '<@4>'.repeat(MAX_TEXT_LENGTH / 4 + 1);
    for (const [socket, event, payload, error] of [
      [ada, 'message:send', { roomId: chem, text: tooLong }, ERRORS.TEXT_INVALID],
      [ada, 'message:send', { roomId: chem, text: ['<@4>'] }, ERRORS.TEXT_INVALID],
      [ada, 'message:send', { roomId: chem, text: { mentions: [4] } }, ERRORS.TEXT_INVALID],
      [alan, 'message:send', { roomId: chem, text: '<@1>' }, ERRORS.NOT_JOINED],
      [ada, 'dm:send', { recipientId: LINUS, text: tooLong }, ERRORS.TEXT_INVALID],
      [ada, 'dm:send', { recipientId: ADA, text: '<@1>' }, ERRORS.DM_TO_SELF],
      [ada, 'dm:send', { recipientId: 999999, text: '<@999999>' }, ERRORS.UNKNOWN_RECIPIENT],
    ]) {
      assert.deepEqual(await request(socket, event, payload), { ok: false, error }, `${event} ${JSON.stringify(payload).slice(0, 60)}`);
    }
    assert.equal(await count(), before);
  });

  it('a text of tokens only, 4,000 characters long, is sent and broadcast quickly', async () => {
    const distinct = [];
    for (let id = 1; distinct.join('').length + `<@${id}>`.length <= MAX_TEXT_LENGTH; id += 1) distinct.push(`<@${id}>`);
    for (const text of ['<@4>'.repeat(MAX_TEXT_LENGTH / 4), distinct.join('')]) {
      assert.ok(text.length <= MAX_TEXT_LENGTH && text.length > MAX_TEXT_LENGTH - 10);
      const started = performance.now();
      const got = waitFor(linus, 'message:received', (m) => m.text === text);
      const ack = await request(ada, 'message:send', { roomId: chem, text });
      assert.equal(ack.ok, true);
      assert.deepEqual((await got).mentions, text === distinct.join('') ? [GRACE, LINUS] : [LINUS]);
      const edited = await request(ada, 'message:edit', { kind: 'room', id: ack.id, text: `${text.slice(4)}<@3>` });
      assert.equal(edited.ok, true);
      assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
    }
  });

  it('dm:send: only the recipient counts; delivery (every socket of the recipient) and echo carry mentions', async () => {
    const text = '<@3> <@1> <@2> <@999999> <@2>';
    const delivered = waitFor(alan, 'dm:received', (m) => m.text === text);
    const echo = waitFor(ada, 'dm:received', (m) => m.text === text);
    const ack = await request(ada, 'dm:send', { recipientId: String(ALAN), text, clientId: 'dm-m1' });
    const d = await delivered;
    assert.deepEqual(d, { id: ack.id, sender: d.sender, text, createdAt: ack.createdAt, clientId: 'dm-m1', mentions: [ALAN] });
    assert.deepEqual(await echo, { ...d, recipientId: String(ALAN) });
    const history = await get(server, 'alan', `/api/dms/${ADA}?limit=1`);
    assert.deepEqual(history[0].mentions, [ALAN]);
    // Naming the sender or a third user in a DM is no mention, and the third user receives nothing.
    const other = waitFor(alan, 'dm:received', (m) => m.text === 'about <@3> and <@1>');
    await request(ada, 'dm:send', { recipientId: ALAN, text: 'about <@3> and <@1>' });
    assert.equal('mentions' in (await other), false);
    await roomBarrier(ada, chem, [grace]);
    assert.deepEqual(receivedOf(grace, 'dm:received'), []);
    assert.deepEqual(receivedOf(ada2, 'dm:received'), [], 'the echo goes to the sending socket only');
  });

  it('thread replies, the thread route, pins and search carry mentions', async () => {
    const root = await request(grace, 'message:send', { roomId: chem, text: 'thread about ozonolysis <@1>' });
    const got = waitFor(ada, 'message:received', (m) => m.text === 'reply on ozonolysis <@3> <@4>');
    const reply = await request(ada, 'message:send', { roomId: chem, text: 'reply on ozonolysis <@3> <@4>', threadId: root.id });
    const m = await got;
    assert.deepEqual([m.threadId, m.mentions], [root.id, [GRACE, LINUS]]);
    const thread = await get(server, 'linus', `/api/rooms/${chem}/threads/${root.id}`);
    assert.deepEqual(thread.map((x) => [x.id, x.mentions]), [[reply.id, [GRACE, LINUS]]]);
    await request(grace, 'message:pin', { roomId: chem, messageId: root.id });
    const pins = await get(server, 'ada', `/api/rooms/${chem}/pins`);
    assert.deepEqual(pins.find((p) => p.id === root.id).mentions, [ADA]);
    const found = await get(server, 'ada', '/api/search?q=ozonolysis');
    assert.deepEqual(found.map((x) => [x.kind, x.id, x.mentions]).sort(), [['room', reply.id, [GRACE, LINUS]], ['room', root.id, [ADA]]].sort());
    const dm = await request(linus, 'dm:send', { recipientId: ADA, text: 'ozonolysis notes for <@1>' });
    const dms = await get(server, 'ada', `/api/search?q=ozonolysis&userId=${LINUS}`);
    assert.deepEqual(dms.map((x) => [x.kind, x.id, x.mentions]), [['dm', dm.id, [ADA]]]);
  });

  it('message:edit recomputes them: message:updated carries the new list, [] when the edit removed all', async () => {
    const sent = await request(ada, 'message:send', { roomId: chem, text: 'first draft' });
    const u1 = waitFor(linus, 'message:updated', (u) => u.id === sent.id);
    const ack = await request(ada, 'message:edit', { kind: 'room', id: sent.id, text: 'now <@4>, <@2> and <@3>' });
    assert.deepEqual(ack, { ok: true, id: sent.id, editedAt: ack.editedAt }, 'the ack is unchanged');
    assert.deepEqual(await u1, { kind: 'room', id: sent.id, roomId: chem, text: 'now <@4>, <@2> and <@3>', editedAt: ack.editedAt, mentions: [LINUS, GRACE] });
    assert.deepEqual((await get(server, 'ada', `/api/rooms/${chem}/messages?limit=1`))[0].mentions, [LINUS, GRACE]);

    const u2 = waitFor(grace, 'message:updated', (u) => u.id === sent.id && u.text === 'now <@3> and <@4>');
    await request(ada, 'message:edit', { kind: 'room', id: sent.id, text: 'now <@3> and <@4>' });
    assert.deepEqual((await u2).mentions, [GRACE, LINUS], 'the order follows the new text');
    assert.deepEqual(await storedMentions(server, 'room', sent.id), [GRACE, LINUS]);

    const u3 = waitFor(grace, 'message:updated', (u) => u.id === sent.id && u.text === 'nobody');
    await request(ada, 'message:edit', { kind: 'room', id: sent.id, text: 'nobody' });
    assert.deepEqual((await u3).mentions, []);
    assert.equal('mentions' in (await get(server, 'ada', `/api/rooms/${chem}/messages?limit=1`))[0], false);
    assert.deepEqual(await storedMentions(server, 'room', sent.id), []);

    // The same text again: acked, nothing announced, nothing changed.
    await request(ada, 'message:edit', { kind: 'room', id: sent.id, text: 'nobody' });
    await roomBarrier(grace, chem, [ada, grace, linus]);
    assert.equal(receivedOf(linus, 'message:updated').filter(([, u]) => u.id === sent.id).length, 3);
    assert.deepEqual(receivedOf(alan, 'message:updated').filter(([, u]) => u.id === sent.id), [], 'a non-member hears nothing');
    assert.deepEqual(receivedOf(ada2, 'message:updated').filter(([, u]) => u.id === sent.id), [], 'a socket not in the room hears nothing');
  });

  it('a DM edit: message:updated with mentions to every socket of both users, nobody else', async () => {
    const sent = await request(alan, 'dm:send', { recipientId: ADA, text: 'hi' });
    const events = [ada, ada2, alan].map((s) => waitFor(s, 'message:updated', (u) => u.id === sent.id));
    const ack = await request(alan, 'message:edit', { kind: 'dm', id: sent.id, text: 'hi <@1>, tell <@3>' });
    for (const u of await Promise.all(events)) {
      assert.deepEqual(u, { kind: 'dm', id: sent.id, senderId: ALAN, recipientId: ADA, text: 'hi <@1>, tell <@3>', editedAt: ack.editedAt, mentions: [ADA] });
    }
    await roomBarrier(ada, chem, [grace, linus]);
    assert.deepEqual(receivedOf(grace, 'message:updated').filter(([, u]) => u.kind === 'dm'), [], 'naming grace does not tell her');
    assert.deepEqual(receivedOf(linus, 'message:updated').filter(([, u]) => u.kind === 'dm'), []);
  });

  it('refused edits change no mentions: wrong types, too long, unknown id, someone else\'s message, a DM between others, not a member', async () => {
    const graces = await request(grace, 'message:send', { roomId: chem, text: 'grace mentions <@4>' });
    const othersDm = await request(grace, 'dm:send', { recipientId: LINUS, text: 'grace to <@4>' });
    const toAda = await request(grace, 'dm:send', { recipientId: ADA, text: 'to <@1>' });
    const cases = [
      [ada, null, ERRORS.PAYLOAD_NOT_OBJECT],
      [ada, { kind: 'room', id: graces.id, text: ['<@1>'] }, ERRORS.TEXT_INVALID],
      [ada, { kind: 'room', id: graces.id, text: '<@1>'.repeat(MAX_TEXT_LENGTH / 4 + 1) }, ERRORS.TEXT_INVALID],
      [ada, { kind: 'room', id: '12abc', text: '<@1>' }, ERRORS.ID_INVALID],
      [ada, { kind: 'room', id: 999999, text: '<@1>' }, ERRORS.UNKNOWN_MESSAGE],
      [ada, { kind: 'room', id: graces.id, text: '<@1>' }, ERRORS.EDIT_FORBIDDEN],
      [ada, { kind: 'dm', id: othersDm.id, text: '<@1>' }, ERRORS.UNKNOWN_MESSAGE],
      [ada, { kind: 'dm', id: toAda.id, text: 'x' }, ERRORS.EDIT_FORBIDDEN],
      [alan, { kind: 'room', id: graces.id, text: '<@2>' }, ERRORS.NOT_MEMBER],
    ];
    for (const [socket, payload, error] of cases) {
      assert.deepEqual(await request(socket, 'message:edit', payload), { ok: false, error }, JSON.stringify(payload)?.slice(0, 80));
    }
    assert.deepEqual(await storedMentions(server, 'room', graces.id), [LINUS]);
    assert.deepEqual(await storedMentions(server, 'dm', othersDm.id), [LINUS]);
    assert.deepEqual(await storedMentions(server, 'dm', toAda.id), [ADA]);
  });

  it('message:delete clears them: the deleted message has no mentions anywhere', async () => {
    const sent = await request(linus, 'message:send', { roomId: chem, text: 'oops <@1> <@3>' });
    const dm = await request(linus, 'dm:send', { recipientId: ADA, text: 'oops <@1>' });
    await request(linus, 'message:delete', { kind: 'room', id: sent.id });
    await request(linus, 'message:delete', { kind: 'dm', id: dm.id });
    assert.deepEqual(await storedMentions(server, 'room', sent.id), []);
    assert.deepEqual(await storedMentions(server, 'dm', dm.id), []);
    const history = (await get(server, 'ada', `/api/rooms/${chem}/messages?limit=5`)).find((m) => m.id === sent.id);
    assert.deepEqual(Object.keys(history).sort(), ['createdAt', 'deleted', 'deletedAt', 'id', 'roomId', 'sender']);
    const dms = (await get(server, 'ada', `/api/dms/${LINUS}?limit=5`)).find((m) => m.id === dm.id);
    assert.equal('mentions' in dms, false);
    assert.deepEqual(server.logger.errors, []);
  });
});

describe('at most 20 mentions per message', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('the first 20 users who count, in order of appearance; duplicates and those who do not count take no place', async () => {
    const lounge = ROOMS.lounge;
    const members = await addUsers(server, Array.from({ length: 25 }, (_, i) => [`Member${i}`, 'Extra']), lounge);
    const [outsider] = await addUsers(server, [['Out', 'Sider']], null);
    const ada = await connectAs(server, 'ada');
    const alan = await connectAs(server, 'alan');
    for (const s of [ada, alan]) await request(s, 'room:join', lounge);
    // Reversed, with noise before each: a repeat, an outsider, the sender, an unknown id.
    const named = [...members].reverse();
    const text = named.map((id) => `<@${id}> <@${named[0]}> <@${outsider}> <@${ADA}> <@999999>`).join(' ');
    const got = waitFor(alan, 'message:received', (m) => m.text === text);
    const ack = await request(ada, 'message:send', { roomId: lounge, text });
    assert.equal(MAX_MENTIONS, 20);
    assert.deepEqual((await got).mentions, named.slice(0, MAX_MENTIONS));
    assert.deepEqual(await storedMentions(server, 'room', ack.id), named.slice(0, MAX_MENTIONS));
    // An edit is capped the same way.
    const edited = waitFor(alan, 'message:updated', (u) => u.id === ack.id);
    await request(ada, 'message:edit', { kind: 'room', id: ack.id, text: `<@${ALAN}> ${members.map((id) => `<@${id}>`).join('')}` });
    assert.deepEqual((await edited).mentions, [ALAN, ...members.slice(0, MAX_MENTIONS - 1)]);
    assert.deepEqual(server.logger.errors, []);
  });
});

describe('mentionCount', () => {
  let server;
  let ada;
  let grace;
  let linus;
  let alan;
  before(async () => {
    server = await startServer();
    ({ ada, grace, linus, alan } = await studyGroup(server, chem));
  });
  after(() => server.close());

  const count = async (name, roomId) => (await roomOf(server, name, roomId)).mentionCount;

  it('is a number for every room and DM; the demo leaves ada and alan an unread mention', async () => {
    for (const name of Object.keys(USERS)) {
      for (const room of await get(server, name, '/api/rooms')) assert.equal(typeof room.mentionCount, 'number');
      for (const conv of await get(server, name, '/api/dms')) assert.equal(typeof conv.mentionCount, 'number');
    }
    const counts = async (name) => (await get(server, name, '/api/rooms')).map((r) => r.mentionCount);
    assert.deepEqual(await counts('ada'), [0, 0, 1, 1]);
    assert.deepEqual(await counts('alan'), [0, 0, 1, 0]);
    assert.deepEqual(await counts('linus'), [0, 0, 0, 0], 'mentioned in Calculus, but read since');
    assert.deepEqual(await counts('grace'), [0, 0, 0, 0]);
  });

  it('rooms: messages above lastReadId that mention me; not my own, not deleted, not thread replies; 0 after conversation:read', async () => {
    const newest = (await get(server, 'linus', `/api/rooms/${chem}/messages?limit=1`))[0].id;
    await request(linus, 'conversation:read', { roomId: chem, messageId: newest });
    assert.equal(await count('linus', chem), 0);

    const one = await request(ada, 'message:send', { roomId: chem, text: '<@4> one' });
    await request(grace, 'message:send', { roomId: chem, text: 'two, <@4> <@4>' });
    await request(grace, 'message:send', { roomId: chem, text: 'plain' });
    await request(linus, 'message:send', { roomId: chem, text: 'my own <@4>' });
    await request(ada, 'message:send', { roomId: chem, text: 'in a thread <@4>', threadId: one.id });
    const gone = await request(ada, 'message:send', { roomId: chem, text: 'deleted <@4>' });
    await request(ada, 'message:delete', { kind: 'room', id: gone.id });
    let room = await roomOf(server, 'linus', chem);
    assert.deepEqual([room.unreadCount, room.mentionCount], [4, 2], 'one, two, plain and the deleted one are unread');

    const later = await request(grace, 'message:send', { roomId: chem, text: 'about to be edited' });
    await request(grace, 'message:edit', { kind: 'room', id: later.id, text: 'edited to name <@4>' });
    assert.equal(await count('linus', chem), 3);
    await request(grace, 'message:edit', { kind: 'room', id: later.id, text: 'edited again, nobody' });
    assert.equal(await count('linus', chem), 2);
    assert.equal(await count('ada', chem), 0, 'the others are not mentioned');

    await request(linus, 'conversation:read', { roomId: chem, messageId: one.id });
    assert.equal(await count('linus', chem), 1, 'read up to the first mention');
    await request(linus, 'conversation:read', { roomId: chem, messageId: later.id });
    room = await roomOf(server, 'linus', chem);
    assert.deepEqual([room.unreadCount, room.mentionCount], [0, 0]);
  });

  it('is 0 for rooms the user is not a member of, also after being mentioned there and leaving', async () => {
    const lounge = ROOMS.lounge;
    await request(alan, 'room:join', lounge);
    await request(ada, 'room:join', lounge);
    await request(ada, 'message:send', { roomId: lounge, text: 'hello <@2>' });
    assert.equal(await count('alan', lounge), 1);
    await request(alan, 'room:leave', lounge);
    assert.equal(await count('alan', lounge), 0);
    await request(alan, 'room:join', lounge);
    assert.equal(await count('alan', lounge), 0, 'a new membership starts read');
    await request(ada, 'message:send', { roomId: chem, text: 'alan is no member here <@2>' });
    assert.equal(await count('alan', chem), 0);
  });

  it('DMs: messages from the other user above lastReadId that mention me; 0 after conversation:read', async () => {
    const c = async (name, other) => (await dmWith(server, name, other)).mentionCount;
    const first = await request(ada, 'dm:send', { recipientId: LINUS, text: '<@4> first' });
    await request(ada, 'dm:send', { recipientId: LINUS, text: 'plain' });
    await request(linus, 'dm:send', { recipientId: ADA, text: 'my own <@4>, and you <@1>' });
    const gone = await request(ada, 'dm:send', { recipientId: LINUS, text: '<@4> deleted' });
    await request(ada, 'message:delete', { kind: 'dm', id: gone.id });
    const conv = await dmWith(server, 'linus', ADA);
    assert.deepEqual([conv.lastReadId, conv.unreadCount, conv.mentionCount], [null, 3, 1]);
    assert.equal(await c('ada', LINUS), 1, 'linus mentioned ada once');
    await request(linus, 'conversation:read', { userId: ADA, messageId: first.id });
    assert.equal(await c('linus', ADA), 0);
    const edited = await request(ada, 'dm:send', { recipientId: LINUS, text: 'soon a mention' });
    await request(ada, 'message:edit', { kind: 'dm', id: edited.id, text: 'now <@4>' });
    assert.equal(await c('linus', ADA), 1);
    await request(linus, 'conversation:read', { userId: ADA, messageId: edited.id });
    assert.equal(await c('linus', ADA), 0);
    assert.deepEqual(server.logger.errors, []);
  });
});

describe('GET /api/rooms/:id/members', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const members = (name, roomId) => http(server, 'GET', `/api/rooms/${roomId}/members`, { token: tokenFor(USERS[name]) });

  it('lists the members in the shape of GET /api/users plus online, sorted by name', async () => {
    const grace = await connectAs(server, 'grace');
    const res = await members('ada', chem);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.map((u) => u.id), [ADA, GRACE, LINUS]);
    const users = await get(server, 'ada', '/api/users');
    for (const m of res.json) {
      assert.deepEqual(Object.keys(m).sort(), ['avatar', 'firstName', 'id', 'lastActivity', 'lastName', 'online', 'role', 'status']);
      const { online, ...asUser } = m;
      assert.deepEqual(asUser, users.find((u) => u.id === m.id));
      assert.equal(online, m.status === 'online');
      const { status, lastActivity, ...pub } = asUser;
      assertPublicUser(pub, m.id);
      assertIso(lastActivity);
    }
    assert.deepEqual(res.json.map((m) => [m.id, m.online]), [[ADA, false], [GRACE, true], [LINUS, false]]);
    assert.equal(res.json.find((m) => m.id === GRACE).role, 'tutor');
    // Presence follows: grace leaves, linus comes.
    const off = waitFor(await connectAs(server, 'linus'), 'user:status', (s) => s.userId === GRACE && s.status === 'offline');
    grace.disconnect();
    await off;
    assert.deepEqual((await members('ada', chem)).json.map((m) => [m.id, m.online]), [[ADA, false], [GRACE, false], [LINUS, true]]);
  });

  it('follows room:join and room:leave, and sorts by first name, then last name, ignoring case and accents', async () => {
    const lounge = ROOMS.lounge;
    const extra = await addUsers(server, [['émile', 'Zola'], ['Bob', 'Brown'], ['Bob', 'adams'], ['zoe', 'Ng']], lounge);
    const names = (await members('ada', lounge)).json.map((m) => `${m.firstName} ${m.lastName}`);
    assert.deepEqual(names, ['Ada Lovelace', 'Alan Turing', 'Bob adams', 'Bob Brown', 'émile Zola', 'Grace Hopper', 'Linus Torvalds', 'zoe Ng']);
    assert.equal(extra.length, 4);
    const alan = await connectAs(server, 'alan');
    await request(alan, 'room:leave', lounge);
    assert.ok(!(await members('ada', lounge)).json.some((m) => m.id === ALAN));
    await request(alan, 'room:join', lounge);
    assert.ok((await members('ada', lounge)).json.some((m) => m.id === ALAN && m.online));
    alan.disconnect();
  });

  it('400 for a malformed id, 404 for an unknown room, 403 for a non-member, 401 without a token', async () => {
    for (const bad of ['abc', '0', '-1', '1.5', '1e3', '99999999999999999']) {
      assert.deepEqual(await members('ada', bad).then((r) => [r.status, r.json]), [400, { error: 'Room id must be a positive integer' }], bad);
    }
    assert.deepEqual(await members('ada', 999999).then((r) => [r.status, r.json]), [404, { error: ERRORS.UNKNOWN_ROOM }]);
    assert.deepEqual(await members('alan', chem).then((r) => [r.status, r.json]), [403, { error: ERRORS.NOT_MEMBER }]);
    assert.equal((await http(server, 'GET', `/api/rooms/${chem}/members`)).status, 401);
    assert.equal((await http(server, 'GET', `/api/rooms/${chem}/members?x=1&x=2`, { token: tokenFor(ADA) })).status, 200, 'no parameters to refuse');
    assert.deepEqual(server.logger.errors, []);
  });
});
