'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  startServer, connectAs, waitFor, request, receivedOf, closed, http, tokenFor, assertIso, assertPublicUser, USERS, ROOMS,
} = require('../testlib/helpers');
const { ERRORS, MAX_TEXT_LENGTH } = require('../src/constants');

describe('direct messages', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('dm:send delivers { id, sender, text, createdAt } to the recipient and the same plus recipientId to the sending socket', async () => {
    const ada = await connectAs(server, 'ada');
    const ada2 = await connectAs(server, 'ada'); // another window of the sender: not echoed (seed behaviour)
    const grace = await connectAs(server, 'grace');
    const grace2 = await connectAs(server, 'grace'); // every socket of the recipient gets it
    const atGrace = waitFor(grace, 'dm:received');
    const atGrace2 = waitFor(grace2, 'dm:received');
    const echo = waitFor(ada, 'dm:received');
    const ack = await request(ada, 'dm:send', { recipientId: USERS.grace, text: 'Office hours today?' });
    const [m, m2, e] = await Promise.all([atGrace, atGrace2, echo]);
    assert.deepEqual(Object.keys(m).sort(), ['createdAt', 'id', 'sender', 'text']);
    assert.deepEqual(m, m2);
    assertPublicUser(m.sender, USERS.ada);
    assert.equal(m.text, 'Office hours today?');
    assertIso(m.createdAt);
    assert.deepEqual(e, { ...m, recipientId: USERS.grace });
    assert.deepEqual(ack, { ok: true, id: m.id, createdAt: m.createdAt, duplicate: false });
    // Barrier on ada2: a DM to ada2's user arrives after any (wrong) echo would have.
    const barrier = waitFor(ada2, 'dm:received', (x) => x.text === 'barrier');
    await request(grace, 'dm:send', { recipientId: USERS.ada, text: 'barrier' });
    await barrier;
    assert.equal(receivedOf(ada2, 'dm:received').length, 1);
    for (const s of [ada, ada2, grace, grace2]) s.disconnect();
  });

  it('echoes recipientId as sent ("4" stays a string) and stores the DM (REST history, newest first)', async () => {
    const alan = await connectAs(server, 'alan');
    const echo = waitFor(alan, 'dm:received');
    const ack = await request(alan, 'dm:send', { recipientId: '4', text: 'Pushed the union-find fix' });
    assert.equal((await echo).recipientId, '4');
    const res = await http(server, 'GET', `/api/dms/${USERS.alan}?limit=1`, { token: tokenFor(USERS.linus) });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json[0], {
      id: ack.id,
      sender: { id: 2, firstName: 'Alan', lastName: 'Turing', role: 'student', avatar: null },
      recipientId: USERS.linus,
      text: 'Pushed the union-find fix',
      createdAt: ack.createdAt,
    });
    alan.disconnect();
  });

  it('a seed-style dm:send without an ack works', async () => {
    const ada = await connectAs(server, 'ada');
    const echo = waitFor(ada, 'dm:received');
    ada.emit('dm:send', { recipientId: USERS.alan, text: 'no ack dm' });
    assert.equal((await echo).text, 'no ack dm');
    ada.disconnect();
  });

  it('clientId makes a retried dm:send idempotent and is echoed', async () => {
    const ada = await connectAs(server, 'ada');
    const linus = await connectAs(server, 'linus');
    const payload = { recipientId: USERS.linus, text: 'only once please', clientId: 'dm-retry-1' };
    const got = waitFor(linus, 'dm:received');
    const first = await request(ada, 'dm:send', payload);
    assert.equal((await got).clientId, 'dm-retry-1');
    const second = await request(ada, 'dm:send', payload);
    assert.deepEqual(second, { ok: true, id: first.id, createdAt: first.createdAt, duplicate: true });
    const barrier = waitFor(linus, 'dm:received', (m) => m.text === 'barrier');
    await request(ada, 'dm:send', { recipientId: USERS.linus, text: 'barrier' });
    await barrier;
    assert.equal(receivedOf(linus, 'dm:received').filter(([, m]) => m.text === 'only once please').length, 1);
    assert.equal(receivedOf(ada, 'dm:received').filter(([, m]) => m.text === 'only once please').length, 1);
    const res = await http(server, 'GET', `/api/dms/${USERS.linus}?limit=10`, { token: tokenFor(USERS.ada) });
    assert.equal(res.json.filter((m) => m.text === 'only once please').length, 1);
    assert.equal(res.json.find((m) => m.text === 'only once please').clientId, 'dm-retry-1');
    ada.disconnect();
    linus.disconnect();
  });

  describe('validation', () => {
    let ada;
    let alan;
    before(async () => {
      ada = await connectAs(server, 'ada');
      alan = await connectAs(server, 'alan');
    });
    after(() => {
      ada.disconnect();
      alan.disconnect();
    });
    let n = 0;
    const refusedCase = (name, payload, error) =>
      it(name, async () => {
        const before = (await http(server, 'GET', `/api/dms/${USERS.alan}?limit=1`, { token: tokenFor(USERS.ada) })).json[0];
        assert.deepEqual(await request(ada, 'dm:send', payload), { ok: false, error });
        const text = `dm barrier ${++n}`;
        const got = waitFor(alan, 'dm:received', (m) => m.text === text);
        await request(ada, 'dm:send', { recipientId: USERS.alan, text });
        await got;
        const page = (await http(server, 'GET', `/api/dms/${USERS.alan}?limit=2`, { token: tokenFor(USERS.ada) })).json;
        assert.equal(page[0].text, text);
        assert.deepEqual(page[1], before, 'nothing stored in between');
        assert.equal(receivedOf(alan, 'dm:received').filter(([, m]) => !m.text.startsWith('dm barrier')).length, 0);
      });

    refusedCase('a non-object payload', 'hi alan', ERRORS.PAYLOAD_NOT_OBJECT);
    refusedCase('a missing recipientId', { text: 'hi' }, ERRORS.INVALID_RECIPIENT_ID);
    refusedCase('a non-integer recipientId', { recipientId: 2.5, text: 'hi' }, ERRORS.INVALID_RECIPIENT_ID);
    refusedCase('a recipientId that is an object', { recipientId: { id: 2 }, text: 'hi' }, ERRORS.INVALID_RECIPIENT_ID);
    refusedCase('an unknown recipient', { recipientId: 4242, text: 'hi' }, 'Unknown recipient');
    refusedCase('a DM to yourself', { recipientId: USERS.ada, text: 'hi me' }, ERRORS.DM_TO_SELF);
    refusedCase('an empty text', { recipientId: USERS.alan, text: '   ' }, ERRORS.TEXT_INVALID);
    refusedCase('a non-string text', { recipientId: USERS.alan, text: { t: 1 } }, ERRORS.TEXT_INVALID);
    refusedCase('an over-long text', { recipientId: USERS.alan, text: 'z'.repeat(MAX_TEXT_LENGTH + 1) }, ERRORS.TEXT_INVALID);
    refusedCase('an empty clientId', { recipientId: USERS.alan, text: 'hi', clientId: '' }, ERRORS.CLIENT_ID_INVALID);
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});

describe('presence', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const statusOf = async (id) => {
    const res = await http(server, 'GET', '/api/users', { token: tokenFor(USERS.grace) });
    return res.json.find((u) => u.id === id);
  };

  it('broadcasts user:status online to the others on connect, and stores it', async () => {
    const grace = await connectAs(server, 'grace');
    const online = waitFor(grace, 'user:status', (s) => s.userId === USERS.linus);
    const linus = await connectAs(server, 'linus');
    assert.deepEqual(await online, { userId: USERS.linus, status: 'online' });
    const stored = await statusOf(USERS.linus);
    assert.equal(stored.status, 'online');
    assertIso(stored.lastActivity);
    // Not sent back to the connecting socket itself.
    const barrier = waitFor(linus, 'message:received', (m) => m.text === 'p-barrier');
    await request(linus, 'room:join', ROOMS.lounge);
    await request(linus, 'message:send', { roomId: ROOMS.lounge, text: 'p-barrier' });
    await barrier;
    assert.deepEqual(receivedOf(linus, 'user:status').filter(([, s]) => s.userId === USERS.linus), []);
    linus.disconnect();
    await waitFor(grace, 'user:status', (s) => s.userId === USERS.linus && s.status === 'offline');
    grace.disconnect();
  });

  it('goes offline only when the last of two sockets closes', async () => {
    const grace = await connectAs(server, 'grace');
    const first = await connectAs(server, 'alan');
    const second = await connectAs(server, 'alan');
    assert.equal((await statusOf(USERS.alan)).status, 'online');

    first.disconnect();
    // Wait (no sleep) until the server has processed that disconnect; its presence work finishes
    // within the same turn (local fetchSockets), so any offline broadcast is already on the wire.
    const deadline = Date.now() + 2000;
    while (server.io.of('/').adapter.rooms.get(`user:${USERS.alan}`)?.size !== 1) {
      assert.ok(Date.now() < deadline, 'server did not notice the first disconnect');
      await new Promise((r) => setTimeout(r, 5));
    }
    // Barrier: a message sent after that arrives at grace after any (wrong) offline notice.
    await request(second, 'room:join', ROOMS.lounge);
    await request(grace, 'room:join', ROOMS.lounge);
    const barrier = waitFor(grace, 'message:received', (m) => m.text === 'still online');
    await request(second, 'message:send', { roomId: ROOMS.lounge, text: 'still online' });
    await barrier;
    assert.deepEqual(receivedOf(grace, 'user:status').filter(([, s]) => s.userId === USERS.alan && s.status === 'offline'), []);
    assert.equal((await statusOf(USERS.alan)).status, 'online');

    const offline = waitFor(grace, 'user:status', (s) => s.userId === USERS.alan && s.status === 'offline');
    second.disconnect();
    assert.deepEqual(await offline, { userId: USERS.alan, status: 'offline' });
    assert.equal((await statusOf(USERS.alan)).status, 'offline');
    assert.equal(receivedOf(grace, 'user:status').filter(([, s]) => s.userId === USERS.alan && s.status === 'offline').length, 1);
    grace.disconnect();
  });

  it('the personal room user:<id> receives DMs on every socket of the user', async () => {
    const a1 = await connectAs(server, 'ada');
    const a2 = await connectAs(server, 'ada');
    const linus = await connectAs(server, 'linus');
    const got = Promise.all([waitFor(a1, 'dm:received'), waitFor(a2, 'dm:received')]);
    await request(linus, 'dm:send', { recipientId: USERS.ada, text: 'both tabs' });
    const [x, y] = await got;
    assert.deepEqual(x, y);
    for (const s of [a1, a2, linus]) s.disconnect();
    await Promise.all([a1, a2, linus].map(closed));
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});

describe('typing notices (our addition)', () => {
  let server;
  let ada;
  let alan;
  let linus;
  before(async () => {
    server = await startServer();
    ada = await connectAs(server, 'ada');
    alan = await connectAs(server, 'alan');
    linus = await connectAs(server, 'linus');
    await request(ada, 'room:join', ROOMS.algorithms);
    await request(alan, 'room:join', ROOMS.algorithms);
  });
  after(() => server.close());

  it('room typing is relayed as typing:update { roomId, userId, user, typing } to the others in the room only', async () => {
    const start = waitFor(alan, 'typing:update');
    assert.deepEqual(await request(ada, 'typing:start', { roomId: ROOMS.algorithms }), { ok: true });
    const event = await start;
    assert.deepEqual(Object.keys(event).sort(), ['roomId', 'typing', 'user', 'userId']);
    assert.equal(event.roomId, ROOMS.algorithms);
    assert.equal(event.userId, USERS.ada);
    assertPublicUser(event.user, USERS.ada);
    assert.equal(event.typing, true);
    const stop = waitFor(alan, 'typing:update');
    ada.emit('typing:stop', { roomId: ROOMS.algorithms }); // without ack
    assert.equal((await stop).typing, false);
    // Barrier: neither the sender nor a socket outside the room got anything.
    const barrier = Promise.all([waitFor(ada, 'dm:received'), waitFor(linus, 'dm:received')]);
    await request(alan, 'dm:send', { recipientId: USERS.ada, text: 't1' });
    await request(alan, 'dm:send', { recipientId: USERS.linus, text: 't2' });
    await barrier;
    assert.deepEqual(receivedOf(ada, 'typing:update'), []);
    assert.deepEqual(receivedOf(linus, 'typing:update'), []);
  });

  it('DM typing is relayed to the recipient as { recipientId, userId, user, typing }', async () => {
    const got = waitFor(linus, 'typing:update');
    assert.deepEqual(await request(ada, 'typing:start', { recipientId: USERS.linus }), { ok: true });
    const event = await got;
    assert.deepEqual(event, {
      recipientId: USERS.linus,
      userId: USERS.ada,
      user: { id: 1, firstName: 'Ada', lastName: 'Lovelace', role: 'student', avatar: null },
      typing: true,
    });
  });

  it('refuses typing in a room the socket has not joined, unknown targets and bad payloads', async () => {
    assert.deepEqual(await request(linus, 'typing:start', { roomId: ROOMS.algorithms }), { ok: false, error: 'Join the room before sending' });
    assert.deepEqual(await request(linus, 'typing:start', { roomId: 777 }), { ok: false, error: 'Unknown room' });
    assert.deepEqual(await request(linus, 'typing:start', { recipientId: 777 }), { ok: false, error: 'Unknown recipient' });
    assert.deepEqual(await request(linus, 'typing:start', {}), { ok: false, error: ERRORS.TYPING_TARGET });
    assert.deepEqual(await request(linus, 'typing:start', { roomId: 1, recipientId: 2 }), { ok: false, error: ERRORS.TYPING_TARGET });
    assert.deepEqual(await request(linus, 'typing:stop', 'x'), { ok: false, error: ERRORS.PAYLOAD_NOT_OBJECT });
    const barrier = waitFor(alan, 'dm:received');
    await request(linus, 'dm:send', { recipientId: USERS.alan, text: 'b' });
    await barrier;
    assert.deepEqual(receivedOf(alan, 'typing:update').filter(([, t]) => t.userId === USERS.linus), []);
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});
