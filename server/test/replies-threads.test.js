'use strict';

// Study conversations: replies (rooms and DMs) and threads (rooms).

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { usingPostgres } = require('../testlib/stores');
const {
  roomBarrier, startServer, connectAs, waitFor, request, receivedOf, http, tokenFor, assertIso, assertPublicUser, USERS, ROOMS, studyGroup,
} = require('../testlib/helpers');
const { ERRORS, FEATURES, QUOTE_LENGTH } = require('../src/constants');

const BAD_IDS = [0, -1, 1.5, 'abc', '', '1e3', { id: 1 }, [1], true];

describe('replies', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('are announced as features', () => {
    for (const f of ['replies', 'threads', 'edit', 'delete', 'reactions', 'pins', 'mentions', 'roomMembers']) assert.ok(FEATURES.includes(f), f);
  });

  it('message:send with replyTo: message:received, history and search carry replyTo { id, sender, text }', async () => {
    const ada = await connectAs(server, 'ada');
    const alan = await connectAs(server, 'alan');
    await request(ada, 'room:join', ROOMS.algorithms);
    await request(alan, 'room:join', ROOMS.algorithms);
    const original = await request(alan, 'message:send', { roomId: ROOMS.algorithms, text: 'Is quicksort stable?' });
    const got = waitFor(alan, 'message:received', (m) => m.text === 'No, mergesort is (walrus).');
    const ack = await request(ada, 'message:send', { roomId: ROOMS.algorithms, text: 'No, mergesort is (walrus).', replyTo: String(original.id) });
    assert.deepEqual(ack, { ok: true, id: ack.id, createdAt: ack.createdAt, duplicate: false });
    const m = await got;
    assert.deepEqual(Object.keys(m).sort(), ['createdAt', 'id', 'replyTo', 'roomId', 'sender', 'text']);
    assert.deepEqual(Object.keys(m.replyTo).sort(), ['id', 'sender', 'text']);
    assert.equal(m.replyTo.id, original.id);
    assertPublicUser(m.replyTo.sender, USERS.alan);
    assert.equal(m.replyTo.text, 'Is quicksort stable?');
    const history = (await http(server, 'GET', `/api/rooms/${ROOMS.algorithms}/messages?limit=2`, { token: tokenFor(USERS.linus) })).json;
    assert.deepEqual(history[0].replyTo, m.replyTo);
    assert.equal(history[1].replyTo, undefined, 'a message that replies to nothing has no replyTo');
    const found = (await http(server, 'GET', '/api/search?q=walrus', { token: tokenFor(USERS.ada) })).json;
    assert.deepEqual(found[0].replyTo, m.replyTo);
    ada.disconnect();
    alan.disconnect();
  });

  it('replyTo.text is the first 200 characters, never half a surrogate pair, and null once the original is deleted', async () => {
    const ada = await connectAs(server, 'ada');
    await request(ada, 'room:join', ROOMS.lounge);
    const long = `${'x'.repeat(QUOTE_LENGTH - 1)}😀 and more`;
    const a = await request(ada, 'message:send', { roomId: ROOMS.lounge, text: long });
    const b = await request(ada, 'message:send', { roomId: ROOMS.lounge, text: 'y'.repeat(300) });
    const r1 = waitFor(ada, 'message:received', (m) => m.text === 'reply 1');
    await request(ada, 'message:send', { roomId: ROOMS.lounge, text: 'reply 1', replyTo: a.id });
    assert.equal((await r1).replyTo.text, 'x'.repeat(QUOTE_LENGTH - 1));
    const r2 = waitFor(ada, 'message:received', (m) => m.text === 'reply 2');
    const reply2 = await request(ada, 'message:send', { roomId: ROOMS.lounge, text: 'reply 2', replyTo: b.id });
    assert.equal((await r2).replyTo.text, 'y'.repeat(QUOTE_LENGTH));
    await request(ada, 'message:delete', { kind: 'room', id: b.id });
    const history = (await http(server, 'GET', `/api/rooms/${ROOMS.lounge}/messages?limit=5`, { token: tokenFor(USERS.ada) })).json;
    const stored = history.find((m) => m.id === reply2.id);
    assert.equal(stored.replyTo.id, b.id);
    assert.equal(stored.replyTo.text, null);
    assertPublicUser(stored.replyTo.sender, USERS.ada);
    ada.disconnect();
  });

  it('message:send refuses a malformed replyTo, and one that is not a message of the room; nothing is stored', async () => {
    const ada = await connectAs(server, 'ada');
    await request(ada, 'room:join', ROOMS.calculus);
    for (const bad of BAD_IDS) {
      assert.deepEqual(await request(ada, 'message:send', { roomId: ROOMS.calculus, text: 'x', replyTo: bad }),
        { ok: false, error: ERRORS.REPLY_TO_INVALID }, JSON.stringify(bad));
    }
    const chem = (await http(server, 'GET', `/api/rooms/${ROOMS.chemistry}/messages?limit=1`, { token: tokenFor(USERS.ada) })).json[0];
    for (const replyTo of [999999, chem.id]) {
      assert.deepEqual(await request(ada, 'message:send', { roomId: ROOMS.calculus, text: 'x', replyTo }),
        { ok: false, error: ERRORS.UNKNOWN_REPLY_TO });
    }
    // null is "no reply", as for clientId.
    assert.equal((await request(ada, 'message:send', { roomId: ROOMS.calculus, text: 'plain', replyTo: null })).ok, true);
    const history = (await http(server, 'GET', `/api/rooms/${ROOMS.calculus}/messages?limit=1`, { token: tokenFor(USERS.ada) })).json;
    assert.equal(history[0].text, 'plain');
    ada.disconnect();
  });

  it('dm:send with replyTo: both sides get it, GET /api/dms/:userId has it; DMs of others and threads are refused', async () => {
    const ada = await connectAs(server, 'ada');
    const alan = await connectAs(server, 'alan');
    const grace = await connectAs(server, 'grace');
    const linus = await connectAs(server, 'linus');
    const first = await request(ada, 'dm:send', { recipientId: USERS.alan, text: 'Lunch at noon?' });
    const atAda = waitFor(ada, 'dm:received', (m) => m.text === 'Sure');
    const echo = waitFor(alan, 'dm:received', (m) => m.text === 'Sure');
    await request(alan, 'dm:send', { recipientId: USERS.ada, text: 'Sure', replyTo: first.id });
    const [delivered, echoed] = await Promise.all([atAda, echo]);
    assert.deepEqual(Object.keys(delivered).sort(), ['createdAt', 'id', 'replyTo', 'sender', 'text']);
    assert.deepEqual(delivered.replyTo, { id: first.id, sender: delivered.replyTo.sender, text: 'Lunch at noon?' });
    assertPublicUser(delivered.replyTo.sender, USERS.ada);
    assert.deepEqual(echoed.replyTo, delivered.replyTo);
    const history = (await http(server, 'GET', `/api/dms/${USERS.alan}?limit=1`, { token: tokenFor(USERS.ada) })).json;
    assert.deepEqual(history[0].replyTo, delivered.replyTo);

    const others = await request(grace, 'dm:send', { recipientId: USERS.linus, text: 'between us' });
    assert.deepEqual(await request(ada, 'dm:send', { recipientId: USERS.alan, text: 'x', replyTo: others.id }),
      { ok: false, error: ERRORS.UNKNOWN_REPLY_TO }, 'a DM between two others');
    assert.deepEqual(await request(ada, 'dm:send', { recipientId: USERS.grace, text: 'x', replyTo: first.id }),
      { ok: false, error: ERRORS.UNKNOWN_REPLY_TO }, 'a DM of another of my conversations');
    assert.deepEqual(await request(ada, 'dm:send', { recipientId: USERS.alan, text: 'x', replyTo: 'first' }),
      { ok: false, error: ERRORS.REPLY_TO_INVALID });
    assert.deepEqual(await request(ada, 'dm:send', { recipientId: USERS.alan, text: 'x', threadId: first.id }),
      { ok: false, error: ERRORS.DM_NO_THREADS });
    for (const s of [ada, alan, grace, linus]) s.disconnect();
  });
});

describe('threads', () => {
  let server;
  let ada;
  let linus; // a student member of Chemistry
  let grace;
  let outsider; // alan, no member of Chemistry
  let root;
  const chem = ROOMS.chemistry;
  before(async () => {
    server = await startServer();
    ({ ada, grace, linus, alan: outsider } = await studyGroup(server, chem));
    root = await request(ada, 'message:send', { roomId: chem, text: 'Why is benzene so stable?' });
  });
  after(() => server.close());

  it('a reply with threadId goes to the room as message:received with threadId, then thread:updated; the ack has threadId', async () => {
    const received = waitFor(grace, 'message:received', (m) => m.text === 'Aromaticity: 6 pi electrons.');
    const updated = waitFor(ada, 'thread:updated');
    const ack = await request(grace, 'message:send', { roomId: chem, text: 'Aromaticity: 6 pi electrons.', threadId: root.id, clientId: 't1' });
    assert.deepEqual(ack, { ok: true, id: ack.id, createdAt: ack.createdAt, duplicate: false, threadId: root.id });
    const m = await received;
    assert.deepEqual(Object.keys(m).sort(), ['clientId', 'createdAt', 'id', 'roomId', 'sender', 'text', 'threadId']);
    assert.equal(m.threadId, root.id);
    const u = await updated;
    assert.deepEqual(u, { roomId: chem, threadId: root.id, replyCount: 1, lastReplyAt: m.createdAt, resolved: false });
    // A retry by clientId is not a second reply.
    const again = await request(grace, 'message:send', { roomId: chem, text: 'Aromaticity: 6 pi electrons.', threadId: root.id, clientId: 't1' });
    assert.deepEqual(again, { ok: true, id: ack.id, createdAt: ack.createdAt, duplicate: true, threadId: root.id });
    await roomBarrier(ada, chem, [ada, grace]);
    assert.equal(receivedOf(ada, 'thread:updated').length, 1);
    assert.deepEqual(receivedOf(outsider, 'message:received', 'thread:updated'), [], 'a non-member receives nothing');
  });

  it('the main timeline leaves thread replies out; the root carries thread { replyCount, lastReplyAt, resolved }', async () => {
    const token = tokenFor(USERS.ada);
    const main = (await http(server, 'GET', `/api/rooms/${chem}/messages?limit=100`, { token })).json;
    assert.ok(main.every((m) => m.threadId === undefined));
    const r = main.find((m) => m.id === root.id);
    assert.deepEqual(Object.keys(r.thread).sort(), ['lastReplyAt', 'replyCount', 'resolved']);
    assert.equal(r.thread.replyCount, 1);
    assertIso(r.thread.lastReplyAt);
    assert.equal(r.thread.resolved, false);
    const after = (await http(server, 'GET', `/api/rooms/${chem}/messages?after=${root.id}`, { token })).json;
    assert.ok(after.every((m) => m.threadId === undefined), 'also when catching up');
    const rooms = (await http(server, 'GET', '/api/rooms', { token })).json;
    assert.notEqual(rooms.find((x) => x.id === chem).lastMessage.text, 'Aromaticity: 6 pi electrons.', 'lastMessage is of the main timeline');
  });

  it('GET /api/rooms/:id/threads/:rootId pages the replies like the history; 404 for what is no root of the room', async () => {
    const token = tokenFor(USERS.linus);
    for (let i = 0; i < 3; i += 1) await request(linus, 'message:send', { roomId: chem, text: `reply ${i}`, threadId: root.id });
    const all = (await http(server, 'GET', `/api/rooms/${chem}/threads/${root.id}`, { token })).json;
    assert.deepEqual(all.map((m) => m.text), ['reply 2', 'reply 1', 'reply 0', 'Aromaticity: 6 pi electrons.']);
    assert.ok(all.every((m) => m.threadId === root.id && m.roomId === chem));
    const page = (await http(server, 'GET', `/api/rooms/${chem}/threads/${root.id}?limit=2&before=${all[1].id}`, { token })).json;
    assert.deepEqual(page.map((m) => m.id), [all[2].id, all[3].id]);
    const forward = (await http(server, 'GET', `/api/rooms/${chem}/threads/${root.id}?after=${all[3].id}`, { token })).json;
    assert.deepEqual(forward.map((m) => m.id), [all[2].id, all[1].id, all[0].id]);
    for (const path of [`/api/rooms/${chem}/threads/999999`, `/api/rooms/${chem}/threads/${all[0].id}`, `/api/rooms/${ROOMS.calculus}/threads/${root.id}`]) {
      const res = await http(server, 'GET', path, { token });
      assert.equal(res.status, 404, path);
      assert.deepEqual(res.json, { error: ERRORS.UNKNOWN_THREAD });
    }
    assert.equal((await http(server, 'GET', `/api/rooms/999/threads/${root.id}`, { token })).status, 404);
    assert.equal((await http(server, 'GET', `/api/rooms/${chem}/threads/abc`, { token })).status, 400);
    assert.equal((await http(server, 'GET', `/api/rooms/${chem}/threads/${root.id}?limit=0`, { token })).status, 400);
  });

  it('a reply to a reply goes to the root\'s thread, and so does a threadId naming a reply', async () => {
    const thread = (await http(server, 'GET', `/api/rooms/${chem}/threads/${root.id}?limit=1`, { token: tokenFor(USERS.ada) })).json;
    const inner = thread[0].id;
    const a = await request(ada, 'message:send', { roomId: chem, text: 'via replyTo', replyTo: inner });
    assert.equal(a.threadId, root.id);
    const b = await request(ada, 'message:send', { roomId: chem, text: 'via threadId', threadId: inner });
    assert.equal(b.threadId, root.id);
    const c = await request(ada, 'message:send', { roomId: chem, text: 'quoting the root', threadId: root.id, replyTo: root.id });
    assert.equal(c.threadId, root.id);
    // A reply to a main-timeline message stays in the main timeline.
    const d = await request(ada, 'message:send', { roomId: chem, text: 'main reply', replyTo: root.id });
    assert.equal(d.threadId, undefined);
  });

  it('message:send refuses a bad threadId, one of another room, and a replyTo outside the thread', async () => {
    for (const bad of BAD_IDS) {
      assert.deepEqual(await request(ada, 'message:send', { roomId: chem, text: 'x', threadId: bad }),
        { ok: false, error: ERRORS.THREAD_ID_INVALID }, JSON.stringify(bad));
    }
    const calc = (await http(server, 'GET', `/api/rooms/${ROOMS.calculus}/messages?limit=1`, { token: tokenFor(USERS.ada) })).json[0];
    for (const threadId of [999999, calc.id]) {
      assert.deepEqual(await request(ada, 'message:send', { roomId: chem, text: 'x', threadId }), { ok: false, error: ERRORS.UNKNOWN_THREAD });
    }
    const other = await request(ada, 'message:send', { roomId: chem, text: 'another root' });
    assert.deepEqual(await request(ada, 'message:send', { roomId: chem, text: 'x', threadId: root.id, replyTo: other.id }),
      { ok: false, error: ERRORS.THREAD_MISMATCH });
  });

  it('thread:resolve by the root\'s author or a tutor broadcasts thread:updated to the room; others are refused', async () => {
    const bad = [
      [null, ERRORS.PAYLOAD_NOT_OBJECT],
      [{ threadId: 'x', resolved: true }, ERRORS.THREAD_ID_INVALID],
      [{ threadId: root.id, resolved: 'yes' }, ERRORS.RESOLVED_INVALID],
      [{ threadId: root.id }, ERRORS.RESOLVED_INVALID],
      [{ threadId: 999999, resolved: true }, ERRORS.UNKNOWN_THREAD],
    ];
    for (const [payload, error] of bad) assert.deepEqual(await request(ada, 'thread:resolve', payload), { ok: false, error }, JSON.stringify(payload));
    const reply = (await http(server, 'GET', `/api/rooms/${chem}/threads/${root.id}?limit=1`, { token: tokenFor(USERS.ada) })).json[0];
    assert.deepEqual(await request(ada, 'thread:resolve', { threadId: reply.id, resolved: true }), { ok: false, error: ERRORS.UNKNOWN_THREAD });
    assert.deepEqual(await request(linus, 'thread:resolve', { threadId: root.id, resolved: true }), { ok: false, error: ERRORS.RESOLVE_FORBIDDEN });
    assert.deepEqual(await request(outsider, 'thread:resolve', { threadId: root.id, resolved: true }), { ok: false, error: ERRORS.NOT_MEMBER });

    const updated = waitFor(linus, 'thread:updated', (u) => u.resolved === true);
    const ack = await request(ada, 'thread:resolve', { threadId: String(root.id), resolved: true });
    const u = await updated;
    assert.deepEqual(ack, { ok: true, ...u });
    assert.equal(u.roomId, chem);
    assert.equal(u.threadId, root.id);
    assert.equal(u.resolved, true);
    // Resolving again changes nothing and announces nothing.
    const count = receivedOf(linus, 'thread:updated').length;
    assert.equal((await request(ada, 'thread:resolve', { threadId: root.id, resolved: true })).resolved, true);
    const reopened = waitFor(linus, 'thread:updated', (x) => x.resolved === false);
    assert.equal((await request(grace, 'thread:resolve', { threadId: root.id, resolved: false })).ok, true, 'a tutor');
    await reopened;
    assert.equal(receivedOf(linus, 'thread:updated').length, count + 1);
    assert.deepEqual(receivedOf(outsider, 'thread:updated'), []);
    const main = (await http(server, 'GET', `/api/rooms/${chem}/messages?limit=100`, { token: tokenFor(USERS.ada) })).json;
    assert.equal(main.find((m) => m.id === root.id).thread.resolved, false);
  });

  it('a seed-shaped message:send (no new fields) is received exactly as before', async () => {
    const got = waitFor(linus, 'message:received', (m) => m.text === 'plain old message');
    linus.emit('message:send', { roomId: chem, text: 'plain old message' });
    assert.deepEqual(Object.keys(await got).sort(), ['createdAt', 'id', 'roomId', 'sender', 'text']);
  });

  it('the main timeline query is a range scan of the partial index (SQLite query plan)', { skip: usingPostgres() && 'a SQLite query plan' }, () => {
    const plan = server.store.raw.prepare(`EXPLAIN QUERY PLAN
      SELECT m.* FROM messages m WHERE m.room_id = 1 AND m.thread_id IS NULL AND m.id < 100 ORDER BY m.id DESC LIMIT 50`).all();
    assert.match(plan[0].detail, /USING INDEX messages_room_main \(room_id=\? AND id<\?\)/);
    assert.deepEqual(server.logger.errors, []);
  });
});
