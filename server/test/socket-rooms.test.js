'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  startServer, connectAs, waitFor, request, receivedOf, http, tokenFor, assertIso, assertPublicUser, USERS, ROOMS,
} = require('../testlib/helpers');
const { MAX_TEXT_LENGTH, ERRORS } = require('../src/constants');

describe('rooms and room messages', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('room:join with a plain id (no ack, as the seed client sends it) notifies the others in the room', async () => {
    const ada = await connectAs(server, 'ada');
    const alan = await connectAs(server, 'alan');
    await request(ada, 'room:join', ROOMS.calculus);
    const joined = waitFor(ada, 'room:userJoined');
    alan.emit('room:join', ROOMS.calculus); // seed-style: no ack
    const event = await joined;
    assert.deepEqual(Object.keys(event).sort(), ['newMember', 'roomId', 'user']);
    assert.equal(event.roomId, ROOMS.calculus);
    assert.equal(event.newMember, false, 'alan is a demo member of Calculus');
    assertPublicUser(event.user, USERS.alan);
    // The joining socket itself is not told (socket.to excludes the sender).
    assert.deepEqual(receivedOf(alan, 'room:userJoined'), []);
    ada.disconnect();
    alan.disconnect();
  });

  it('room:join acks { ok, roomId, newMember } echoing the id as sent, and "3" and 3 are the same room', async () => {
    const ada = await connectAs(server, 'ada');
    const linus = await connectAs(server, 'linus');
    assert.deepEqual(await request(ada, 'room:join', '3'), { ok: true, roomId: '3', newMember: false });
    const joined = waitFor(ada, 'room:userJoined');
    assert.deepEqual(await request(linus, 'room:join', 3), { ok: true, roomId: 3, newMember: false });
    assert.equal((await joined).roomId, 3);
    // A message sent with the string id reaches the socket that joined with the number.
    const got = waitFor(linus, 'message:received');
    await request(ada, 'message:send', { roomId: '3', text: 'string id' });
    const msg = await got;
    assert.equal(msg.roomId, '3');
    assert.equal(msg.text, 'string id');
    ada.disconnect();
    linus.disconnect();
  });

  it('joining twice does not announce the user twice', async () => {
    const ada = await connectAs(server, 'ada');
    const grace = await connectAs(server, 'grace');
    await request(ada, 'room:join', ROOMS.lounge);
    await request(grace, 'room:join', ROOMS.lounge);
    await request(grace, 'room:join', ROOMS.lounge);
    // Barrier: a message from grace arrives after any (wrong) second room:userJoined.
    const got = waitFor(ada, 'message:received', (m) => m.text === 'barrier 1');
    await request(grace, 'message:send', { roomId: ROOMS.lounge, text: 'barrier 1' });
    await got;
    assert.equal(receivedOf(ada, 'room:userJoined').length, 1);
    ada.disconnect();
    grace.disconnect();
  });

  it('room:join refuses unknown and invalid room ids and does not join', async () => {
    const ada = await connectAs(server, 'ada');
    assert.deepEqual(await request(ada, 'room:join', 999), { ok: false, error: 'Unknown room' });
    for (const bad of [undefined, null, 0, -1, 1.5, 'abc', '', '1e3', { roomId: 1 }, [1], true]) {
      assert.deepEqual(await request(ada, 'room:join', bad), { ok: false, error: ERRORS.INVALID_ROOM_ID }, `roomId ${JSON.stringify(bad)}`);
    }
    assert.deepEqual(await request(ada, 'message:send', { roomId: 999, text: 'x' }), { ok: false, error: 'Unknown room' });
    ada.disconnect();
  });

  it('room:leave notifies { roomId, userId } and the socket stops receiving messages (grace is no longer a member)', async () => {
    const ada = await connectAs(server, 'ada');
    const grace = await connectAs(server, 'grace');
    await request(ada, 'room:join', ROOMS.chemistry);
    await request(grace, 'room:join', ROOMS.chemistry);
    const left = waitFor(ada, 'room:userLeft');
    assert.deepEqual(await request(grace, 'room:leave', ROOMS.chemistry), { ok: true, roomId: ROOMS.chemistry });
    assert.deepEqual(await left, { roomId: ROOMS.chemistry, userId: USERS.grace });
    assert.deepEqual(await request(grace, 'message:send', { roomId: ROOMS.chemistry, text: 'still here?' }), {
      ok: false,
      error: 'Join the room before sending',
    });
    const got = waitFor(ada, 'message:received', (m) => m.text === 'after leave');
    await request(ada, 'message:send', { roomId: ROOMS.chemistry, text: 'after leave' });
    await got;
    // Leaving again is acked and announces nothing.
    assert.deepEqual(await request(grace, 'room:leave', ROOMS.chemistry), { ok: true, roomId: ROOMS.chemistry });
    assert.deepEqual(receivedOf(grace, 'message:received').filter(([, m]) => m.roomId === ROOMS.chemistry), []);
    assert.deepEqual(await request(grace, 'room:leave', 999), { ok: false, error: 'Unknown room' });
    grace.emit('room:leave', ROOMS.chemistry); // seed-style without ack: must not crash anything
    ada.disconnect();
    grace.disconnect();
  });

  it('message:send is stored and broadcast to the whole room including the sender, then acked', async () => {
    const ada = await connectAs(server, 'ada');
    const alan = await connectAs(server, 'alan');
    const linus = await connectAs(server, 'linus'); // not in the room
    await request(ada, 'room:join', ROOMS.algorithms);
    await request(alan, 'room:join', ROOMS.algorithms);
    const atAda = waitFor(ada, 'message:received', (m) => m.text === 'Dijkstra or A*?');
    const atAlan = waitFor(alan, 'message:received', (m) => m.text === 'Dijkstra or A*?');
    const ack = await request(ada, 'message:send', { roomId: ROOMS.algorithms, text: 'Dijkstra or A*?' });
    const [m1, m2] = await Promise.all([atAda, atAlan]);
    assert.deepEqual(m1, m2);
    assert.deepEqual(Object.keys(m1).sort(), ['createdAt', 'id', 'roomId', 'sender', 'text']);
    assert.equal(typeof m1.id, 'number');
    assert.equal(m1.roomId, ROOMS.algorithms);
    assertPublicUser(m1.sender, USERS.ada);
    assertIso(m1.createdAt);
    assert.deepEqual(ack, { ok: true, id: m1.id, createdAt: m1.createdAt, duplicate: false });
    assert.deepEqual(receivedOf(linus, 'message:received'), []);
    // Persisted: the REST history has it first (newest first).
    const res = await http(server, 'GET', `/api/rooms/${ROOMS.algorithms}/messages?limit=1`, { token: tokenFor(USERS.linus) });
    assert.equal(res.json[0].id, m1.id);
    assert.equal(res.json[0].text, 'Dijkstra or A*?');
    ada.disconnect();
    alan.disconnect();
    linus.disconnect();
  });

  it('on the sender\'s connection the message:received echo arrives before the ack', async () => {
    const ada = await connectAs(server, 'ada');
    await request(ada, 'room:join', ROOMS.lounge);
    const ack = await request(ada, 'message:send', { roomId: ROOMS.lounge, text: 'echo first' });
    const echo = receivedOf(ada, 'message:received').find(([, m]) => m.text === 'echo first');
    assert.ok(echo, 'the echo was already received when the ack arrived');
    assert.equal(echo[1].id, ack.id);
    ada.disconnect();
  });

  it('a packet over maxHttpBufferSize (1e6 bytes) closes the connection; the server keeps running', async () => {
    const ada = await connectAs(server, 'ada');
    const gone = waitFor(ada, 'disconnect');
    ada.emit('message:send', { roomId: ROOMS.lounge, text: 'x'.repeat(1e6 + 10) });
    assert.equal(await gone, 'transport close');
    const again = await connectAs(server, 'ada');
    assert.deepEqual(await request(again, 'room:join', ROOMS.lounge), { ok: true, roomId: ROOMS.lounge, newMember: false });
    again.disconnect();
  });

  it('message:send without an ack (seed client) still works', async () => {
    const ada = await connectAs(server, 'ada');
    await request(ada, 'room:join', ROOMS.lounge);
    const got = waitFor(ada, 'message:received', (m) => m.text === 'no ack');
    ada.emit('message:send', { roomId: ROOMS.lounge, text: 'no ack' });
    assert.equal((await got).sender.id, USERS.ada);
    ada.disconnect();
  });

  it('joining a room via the socket makes the user a member and leaving ends it (memberCount)', async () => {
    const count = async () => {
      const res = await http(server, 'GET', '/api/rooms', { token: tokenFor(USERS.alan) });
      return res.json.find((r) => r.id === ROOMS.chemistry).memberCount;
    };
    // Demo members: ada, grace, linus; grace left in an earlier test, so ada and linus.
    assert.equal(await count(), 2);
    const alan = await connectAs(server, 'alan');
    await request(alan, 'room:join', ROOMS.chemistry);
    assert.equal(await count(), 3);
    await request(alan, 'room:join', ROOMS.chemistry);
    assert.equal(await count(), 3, 'joining twice counts once');
    await request(alan, 'room:leave', ROOMS.chemistry);
    assert.equal(await count(), 2, 'leaving ends the membership');
    alan.disconnect();
  });

  describe('validation: refused, acked with an error, never stored or broadcast', () => {
    let ada;
    let alan;
    before(async () => {
      ada = await connectAs(server, 'ada');
      alan = await connectAs(server, 'alan');
      await request(ada, 'room:join', ROOMS.calculus);
      await request(alan, 'room:join', ROOMS.calculus);
    });
    after(() => {
      ada.disconnect();
      alan.disconnect();
    });

    const lastId = async () => {
      const res = await http(server, 'GET', `/api/rooms/${ROOMS.calculus}/messages?limit=1`, { token: tokenFor(USERS.ada) });
      return res.json[0].id;
    };
    let n = 0;
    /** Sends the bad payload, checks the ack, then proves with a valid barrier message that nothing else arrived. */
    const refusedCase = (name, payload, error) =>
      it(name, async () => {
        const idBefore = await lastId();
        const countBefore = receivedOf(alan, 'message:received').length;
        assert.deepEqual(await request(ada, 'message:send', payload), { ok: false, error });
        const text = `barrier ${++n}`;
        const got = waitFor(alan, 'message:received', (m) => m.text === text);
        const ack = await request(ada, 'message:send', { roomId: ROOMS.calculus, text });
        await got;
        assert.equal(receivedOf(alan, 'message:received').length, countBefore + 1, 'only the barrier was broadcast');
        assert.equal(ack.id, (await lastId()));
        assert.ok(ack.id > idBefore);
        const res = await http(server, 'GET', `/api/rooms/${ROOMS.calculus}/messages?limit=2`, { token: tokenFor(USERS.ada) });
        assert.equal(res.json[1].id, idBefore, 'nothing was stored between');
      });

    refusedCase('a string payload', 'hello', ERRORS.PAYLOAD_NOT_OBJECT);
    refusedCase('a null payload', null, ERRORS.PAYLOAD_NOT_OBJECT);
    refusedCase('an array payload', [ROOMS.calculus, 'hi'], ERRORS.PAYLOAD_NOT_OBJECT);
    refusedCase('a missing roomId', { text: 'hi' }, ERRORS.INVALID_ROOM_ID);
    refusedCase('a non-integer roomId', { roomId: 'calculus', text: 'hi' }, ERRORS.INVALID_ROOM_ID);
    refusedCase('an unknown roomId', { roomId: 12345, text: 'hi' }, 'Unknown room');
    refusedCase('a missing text', { roomId: ROOMS.calculus }, ERRORS.TEXT_INVALID);
    refusedCase('a non-string text', { roomId: ROOMS.calculus, text: 42 }, ERRORS.TEXT_INVALID);
    refusedCase('an empty text', { roomId: ROOMS.calculus, text: '' }, ERRORS.TEXT_INVALID);
    refusedCase('a whitespace-only text', { roomId: ROOMS.calculus, text: ' \n\t ' }, ERRORS.TEXT_INVALID);
    refusedCase('a text over 4000 characters', { roomId: ROOMS.calculus, text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }, ERRORS.TEXT_INVALID);
    refusedCase('a clientId that is not a string', { roomId: ROOMS.calculus, text: 'hi', clientId: 7 }, ERRORS.CLIENT_ID_INVALID);
    refusedCase('a clientId over 64 characters', { roomId: ROOMS.calculus, text: 'hi', clientId: 'c'.repeat(65) }, ERRORS.CLIENT_ID_INVALID);
    refusedCase('a send to a room this socket has not joined', { roomId: ROOMS.chemistry, text: 'hi' }, 'Join the room before sending');

    it('the error string names the 4000 character limit', () => {
      assert.equal(ERRORS.TEXT_INVALID, 'Text must be a non-empty string of at most 4000 characters');
    });

    it('accepts exactly 4000 characters and keeps the text unchanged (no trimming)', async () => {
      const text = `  ${'y'.repeat(MAX_TEXT_LENGTH - 4)}  `;
      const got = waitFor(alan, 'message:received', (m) => m.text === text);
      const ack = await request(ada, 'message:send', { roomId: ROOMS.calculus, text });
      assert.equal(ack.ok, true);
      assert.equal((await got).text.length, MAX_TEXT_LENGTH);
    });

    it('a payload without an ack and without a valid body does not crash the server', async () => {
      ada.emit('message:send');
      ada.emit('message:send', 42);
      ada.emit('message:send', { roomId: {}, text: [] });
      ada.emit('room:join');
      ada.emit('dm:send', null);
      ada.emit('typing:start', 'x');
      const got = waitFor(alan, 'message:received', (m) => m.text === 'still alive');
      await request(ada, 'message:send', { roomId: ROOMS.calculus, text: 'still alive' });
      await got;
      assert.ok(ada.connected);
    });
  });

  describe('clientId idempotency', () => {
    it('the same clientId twice stores one message, acks the same id twice, broadcasts once', async () => {
      const ada = await connectAs(server, 'ada');
      const alan = await connectAs(server, 'alan');
      await request(ada, 'room:join', ROOMS.lounge);
      await request(alan, 'room:join', ROOMS.lounge);
      const payload = { roomId: ROOMS.lounge, text: 'exactly once', clientId: 'b7c6a1e0-0000-4000-8000-000000000001' };
      const got = waitFor(alan, 'message:received', (m) => m.text === 'exactly once');
      const first = await request(ada, 'message:send', payload);
      const event = await got;
      assert.equal(event.clientId, payload.clientId, 'clientId is echoed');
      assert.equal(first.duplicate, false);
      const second = await request(ada, 'message:send', payload);
      assert.deepEqual(second, { ok: true, id: first.id, createdAt: first.createdAt, duplicate: true });
      // Barrier, then count the broadcasts.
      const barrier = waitFor(alan, 'message:received', (m) => m.text === 'after retry');
      await request(ada, 'message:send', { roomId: ROOMS.lounge, text: 'after retry' });
      await barrier;
      assert.equal(receivedOf(alan, 'message:received').filter(([, m]) => m.text === 'exactly once').length, 1);
      assert.equal(receivedOf(ada, 'message:received').filter(([, m]) => m.text === 'exactly once').length, 1);
      const res = await http(server, 'GET', `/api/rooms/${ROOMS.lounge}/messages?limit=10`, { token: tokenFor(USERS.ada) });
      const stored = res.json.filter((m) => m.clientId === payload.clientId);
      assert.equal(stored.length, 1);
      assert.equal(stored[0].id, first.id);
      ada.disconnect();
      alan.disconnect();
    });

    it('the same clientId from another user is a different message', async () => {
      const ada = await connectAs(server, 'ada');
      const alan = await connectAs(server, 'alan');
      await request(ada, 'room:join', ROOMS.lounge);
      await request(alan, 'room:join', ROOMS.lounge);
      const a = await request(ada, 'message:send', { roomId: ROOMS.lounge, text: 'mine', clientId: 'shared-id' });
      const b = await request(alan, 'message:send', { roomId: ROOMS.lounge, text: 'mine too', clientId: 'shared-id' });
      assert.equal(a.ok && b.ok, true);
      assert.notEqual(a.id, b.id);
      assert.equal(b.duplicate, false);
      ada.disconnect();
      alan.disconnect();
    });

    it('a retry over a new connection (after a reconnect) is still deduplicated', async () => {
      const ada1 = await connectAs(server, 'ada');
      await request(ada1, 'room:join', ROOMS.lounge);
      const first = await request(ada1, 'message:send', { roomId: ROOMS.lounge, text: 'resent', clientId: 'retry-42' });
      ada1.disconnect();
      const ada2 = await connectAs(server, 'ada');
      await request(ada2, 'room:join', ROOMS.lounge);
      const second = await request(ada2, 'message:send', { roomId: ROOMS.lounge, text: 'resent', clientId: 'retry-42' });
      assert.equal(second.id, first.id);
      assert.equal(second.duplicate, true);
      ada2.disconnect();
    });
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});
