'use strict';

// Read state stored on the server (feature "readState"): conversation:read, and lastReadId /
// unreadCount in GET /api/rooms and GET /api/dms.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, query, connectAs, waitFor, request, receivedOf, http, tokenFor, USERS, ROOMS } = require('../testlib/helpers');
const { ERRORS } = require('../src/constants');

async function get(server, name, path) {
  const res = await http(server, 'GET', path, { token: tokenFor(USERS[name]) });
  assert.equal(res.status, 200, path);
  return res.json;
}
const roomOf = async (server, name, roomId) => (await get(server, name, '/api/rooms')).find((r) => r.id === roomId);
const dmWith = async (server, name, otherId) => (await get(server, name, '/api/dms')).find((c) => c.user.id === otherId);
const newestIn = async (server, roomId) => (await get(server, 'ada', `/api/rooms/${roomId}/messages?limit=1`))[0].id;

/** Sends room messages as `socket` (already in the room) and returns their ids. */
async function sendAll(socket, roomId, texts) {
  const ids = [];
  for (const text of texts) {
    const ack = await request(socket, 'message:send', { roomId, text });
    assert.equal(ack.ok, true);
    ids.push(ack.id);
  }
  return ids;
}

describe('read state', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('GET /api/rooms and /api/dms: unreadCount counts the messages of others after lastReadId', async () => {
    for (const name of Object.keys(USERS)) {
      const me = USERS[name];
      let unreadSomewhere = false;
      for (const room of await get(server, name, '/api/rooms')) {
        if (!room.joined) {
          assert.equal(room.unreadCount, 0);
          assert.equal(room.lastReadId, null);
          continue;
        }
        assert.equal(typeof room.lastReadId, 'number', `${name} in room ${room.id}`);
        const history = await get(server, name, `/api/rooms/${room.id}/messages?limit=100`);
        const expected = history.filter((m) => m.id > room.lastReadId && m.sender.id !== me).length;
        assert.equal(room.unreadCount, expected, `${name} in room ${room.id}`);
        unreadSomewhere ||= expected > 0;
      }
      for (const conv of await get(server, name, '/api/dms')) {
        assert.equal(typeof conv.lastReadId, 'number');
        const history = await get(server, name, `/api/dms/${conv.user.id}?limit=100`);
        const expected = history.filter((m) => m.id > conv.lastReadId && m.sender.id === conv.user.id).length;
        assert.equal(conv.unreadCount, expected, `${name} with ${conv.user.id}`);
      }
      if (name !== 'grace') assert.ok(unreadSomewhere, `the demo leaves ${name} something unread`);
    }
  });

  it('messages from others raise unreadCount; conversation:read acks { ok, lastReadId } and tells the user\'s other sockets', async () => {
    const ada1 = await connectAs(server, 'ada'); // not in the room's channel: membership is what counts
    const ada2 = await connectAs(server, 'ada');
    const alan = await connectAs(server, 'alan');
    await request(alan, 'room:join', ROOMS.lounge);
    const before = await roomOf(server, 'ada', ROOMS.lounge);
    const alanBefore = await roomOf(server, 'alan', ROOMS.lounge);
    const [m1, m2, m3] = await sendAll(alan, ROOMS.lounge, ['unread 1', 'unread 2', 'unread 3']);
    assert.equal((await roomOf(server, 'ada', ROOMS.lounge)).unreadCount, before.unreadCount + 3);
    assert.equal((await roomOf(server, 'ada', ROOMS.lounge)).lastReadId, before.lastReadId);

    let other = waitFor(ada2, 'conversation:read');
    assert.deepEqual(await request(ada1, 'conversation:read', { roomId: ROOMS.lounge, messageId: m2 }), { ok: true, lastReadId: m2 });
    assert.deepEqual(await other, { roomId: ROOMS.lounge, lastReadId: m2 });
    const half = await roomOf(server, 'ada', ROOMS.lounge);
    assert.deepEqual([half.lastReadId, half.unreadCount], [m2, 1]);

    // Ids as decimal strings: accepted, and echoed to the other socket as sent.
    other = waitFor(ada2, 'conversation:read');
    assert.deepEqual(await request(ada1, 'conversation:read', { roomId: '4', messageId: String(m3) }), { ok: true, lastReadId: m3 });
    assert.deepEqual(await other, { roomId: '4', lastReadId: m3 });
    const room = await roomOf(server, 'ada', ROOMS.lounge);
    assert.equal(room.lastReadId, m3);
    assert.equal(room.unreadCount, 0);
    // Alan's read state is his own, and his own messages are never unread for him.
    assert.deepEqual(await roomOf(server, 'alan', ROOMS.lounge), { ...alanBefore, lastMessage: room.lastMessage });

    assert.deepEqual(receivedOf(ada1, 'conversation:read'), [], 'the reading socket has the ack');
    assert.deepEqual(receivedOf(alan, 'conversation:read'), [], 'other users are not told');
    assert.ok(m1 < m2);
    for (const s of [ada1, ada2, alan]) s.disconnect();
  });

  it('never moves backwards: an older or equal messageId keeps the marker and tells nobody', async () => {
    const ada1 = await connectAs(server, 'ada');
    const ada2 = await connectAs(server, 'ada');
    await request(ada1, 'room:join', ROOMS.algorithms);
    const newest = await newestIn(server, ROOMS.algorithms);
    await request(ada1, 'conversation:read', { roomId: ROOMS.algorithms, messageId: newest });
    const history = await get(server, 'ada', `/api/rooms/${ROOMS.algorithms}/messages?limit=10`);
    const older = history.at(-1).id;
    const seen = receivedOf(ada2, 'conversation:read').length;

    assert.deepEqual(await request(ada1, 'conversation:read', { roomId: ROOMS.algorithms, messageId: older }), { ok: true, lastReadId: newest });
    assert.deepEqual(await request(ada1, 'conversation:read', { roomId: ROOMS.algorithms, messageId: newest }), { ok: true, lastReadId: newest });
    assert.equal((await roomOf(server, 'ada', ROOMS.algorithms)).lastReadId, newest);
    assert.equal((await roomOf(server, 'ada', ROOMS.algorithms)).unreadCount, 0);

    // Barrier: a marker that does move; its notice arrives after any (wrong) earlier one.
    const alan = await connectAs(server, 'alan');
    await request(alan, 'room:join', ROOMS.algorithms);
    const [fresh] = await sendAll(alan, ROOMS.algorithms, ['one more']);
    const moved = waitFor(ada2, 'conversation:read', (e) => e.lastReadId === fresh);
    await request(ada1, 'conversation:read', { roomId: ROOMS.algorithms, messageId: fresh });
    await moved;
    assert.equal(receivedOf(ada2, 'conversation:read').length, seen + 1);
    for (const s of [ada1, ada2, alan]) s.disconnect();
  });

  it('DMs: conversation:read { userId, messageId }; unreadCount counts only the other user\'s messages', async () => {
    const ada1 = await connectAs(server, 'ada');
    const ada2 = await connectAs(server, 'ada');
    const alan = await connectAs(server, 'alan');
    const before = await dmWith(server, 'ada', USERS.alan);
    const a1 = await request(alan, 'dm:send', { recipientId: USERS.ada, text: 'dm unread 1' });
    const a2 = await request(alan, 'dm:send', { recipientId: USERS.ada, text: 'dm unread 2' });
    const mine = await request(ada1, 'dm:send', { recipientId: USERS.alan, text: 'my own' });
    let conv = await dmWith(server, 'ada', USERS.alan);
    assert.equal(conv.unreadCount, before.unreadCount + 2);
    assert.equal(conv.lastReadId, before.lastReadId);
    assert.deepEqual(conv.lastMessage.id, mine.id);
    const alanBefore = await dmWith(server, 'alan', USERS.ada);
    assert.ok(alanBefore.unreadCount >= 1, 'ada\'s DM is unread for alan');

    let other = waitFor(ada2, 'conversation:read');
    assert.deepEqual(await request(ada1, 'conversation:read', { userId: USERS.alan, messageId: a1.id }), { ok: true, lastReadId: a1.id });
    assert.deepEqual(await other, { userId: USERS.alan, lastReadId: a1.id });
    conv = await dmWith(server, 'ada', USERS.alan);
    assert.equal(conv.lastReadId, a1.id);
    assert.equal(conv.unreadCount, 1);

    // One's own DM is a message of the conversation too, and it is newer than a2.
    other = waitFor(ada2, 'conversation:read');
    assert.deepEqual(await request(ada1, 'conversation:read', { userId: '2', messageId: mine.id }), { ok: true, lastReadId: mine.id });
    assert.deepEqual(await other, { userId: '2', lastReadId: mine.id });
    assert.equal((await dmWith(server, 'ada', USERS.alan)).unreadCount, 0);
    assert.deepEqual(await dmWith(server, 'alan', USERS.ada), alanBefore, 'alan\'s read state is untouched');
    assert.ok(a2.id < mine.id);
    for (const s of [ada1, ada2, alan]) s.disconnect();
  });

  it('a membership starts read up to the room\'s newest message; later messages count', async () => {
    const alan = await connectAs(server, 'alan');
    const ada = await connectAs(server, 'ada');
    assert.equal((await roomOf(server, 'alan', ROOMS.chemistry)).joined, false);
    const newest = await newestIn(server, ROOMS.chemistry);
    assert.equal((await request(alan, 'room:join', ROOMS.chemistry)).newMember, true);
    let room = await roomOf(server, 'alan', ROOMS.chemistry);
    assert.equal(room.lastReadId, newest);
    assert.equal(room.unreadCount, 0);

    await request(ada, 'room:join', ROOMS.chemistry);
    const [id] = await sendAll(ada, ROOMS.chemistry, ['welcome, alan']);
    room = await roomOf(server, 'alan', ROOMS.chemistry);
    assert.equal(room.unreadCount, 1);

    // Leaving forgets the read state; the next membership starts at the newest message again.
    await request(alan, 'room:leave', ROOMS.chemistry);
    room = await roomOf(server, 'alan', ROOMS.chemistry);
    assert.deepEqual([room.joined, room.lastReadId, room.unreadCount], [false, null, 0]);
    assert.deepEqual(await request(alan, 'conversation:read', { roomId: ROOMS.chemistry, messageId: id }), { ok: false, error: ERRORS.NOT_MEMBER });
    await request(alan, 'room:join', ROOMS.chemistry);
    room = await roomOf(server, 'alan', ROOMS.chemistry);
    assert.deepEqual([room.joined, room.lastReadId, room.unreadCount], [true, id, 0]);
    alan.disconnect();
    ada.disconnect();
  });

  it('a room without messages: lastReadId is null until something is read', async () => {
    const [{ id: roomId }] = await query(server, "INSERT INTO rooms (name, description, created_at) VALUES ('Empty', 'nothing yet', ?) RETURNING id", Date.now());
    const alan = await connectAs(server, 'alan');
    const ada = await connectAs(server, 'ada');
    assert.equal((await request(alan, 'room:join', roomId)).newMember, true);
    let room = await roomOf(server, 'alan', roomId);
    assert.deepEqual([room.joined, room.lastReadId, room.unreadCount, room.lastMessage], [true, null, 0, null]);
    await request(ada, 'room:join', roomId);
    const [first] = await sendAll(ada, roomId, ['first', 'second']);
    room = await roomOf(server, 'alan', roomId);
    assert.deepEqual([room.lastReadId, room.unreadCount], [null, 2]);
    assert.deepEqual(await request(alan, 'conversation:read', { roomId, messageId: first }), { ok: true, lastReadId: first });
    room = await roomOf(server, 'alan', roomId);
    assert.deepEqual([room.lastReadId, room.unreadCount], [first, 1]);
    alan.disconnect();
    ada.disconnect();
  });

  describe('refusals: acked with an error, nothing stored, nobody told', () => {
    let ada1;
    let ada2;
    let grace;
    let roomMessage; // in Calculus
    let otherRoomMessage; // in Algorithms
    let dmWithGrace; // ada <-> grace
    let dmAlanLinus; // not ada's
    before(async () => {
      ada1 = await connectAs(server, 'ada');
      ada2 = await connectAs(server, 'ada');
      grace = await connectAs(server, 'grace');
      roomMessage = await newestIn(server, ROOMS.calculus);
      otherRoomMessage = await newestIn(server, ROOMS.algorithms);
      dmWithGrace = (await get(server, 'ada', `/api/dms/${USERS.grace}?limit=1`))[0].id;
      dmAlanLinus = (await get(server, 'alan', `/api/dms/${USERS.linus}?limit=1`))[0].id;
      // grace leaves Organic Chemistry, so she is not a member of it.
      await request(grace, 'room:leave', ROOMS.chemistry);
    });
    after(() => {
      for (const s of [ada1, ada2, grace]) s.disconnect();
    });

    const cases = () => [
      ['a string payload', 'hello', ERRORS.PAYLOAD_NOT_OBJECT],
      ['a null payload', null, ERRORS.PAYLOAD_NOT_OBJECT],
      ['an array payload', [ROOMS.calculus, roomMessage], ERRORS.PAYLOAD_NOT_OBJECT],
      ['a number payload', 3, ERRORS.PAYLOAD_NOT_OBJECT],
      ['neither roomId nor userId', { messageId: roomMessage }, ERRORS.READ_TARGET],
      ['both roomId and userId', { roomId: ROOMS.calculus, userId: USERS.alan, messageId: roomMessage }, ERRORS.READ_TARGET],
      ['a malformed roomId', { roomId: 'calculus', messageId: roomMessage }, ERRORS.INVALID_ROOM_ID],
      ['roomId 0', { roomId: 0, messageId: roomMessage }, ERRORS.INVALID_ROOM_ID],
      ['a fractional roomId', { roomId: 1.5, messageId: roomMessage }, ERRORS.INVALID_ROOM_ID],
      ['an unknown roomId', { roomId: 999, messageId: roomMessage }, ERRORS.UNKNOWN_ROOM],
      ['a malformed userId', { userId: 'alan', messageId: dmWithGrace }, ERRORS.INVALID_USER_ID],
      ['a negative userId', { userId: -2, messageId: dmWithGrace }, ERRORS.INVALID_USER_ID],
      ['an unknown userId', { userId: 999, messageId: dmWithGrace }, ERRORS.UNKNOWN_USER],
      ['one\'s own userId', { userId: USERS.ada, messageId: dmWithGrace }, ERRORS.READ_SELF],
      ['no messageId', { roomId: ROOMS.calculus }, ERRORS.INVALID_MESSAGE_ID],
      ['messageId 0', { roomId: ROOMS.calculus, messageId: 0 }, ERRORS.INVALID_MESSAGE_ID],
      ['a malformed messageId', { roomId: ROOMS.calculus, messageId: 'newest' }, ERRORS.INVALID_MESSAGE_ID],
      ['a fractional messageId', { userId: USERS.grace, messageId: 2.5 }, ERRORS.INVALID_MESSAGE_ID],
      ['a null messageId', { userId: USERS.grace, messageId: null }, ERRORS.INVALID_MESSAGE_ID],
      ['a message of another room', { roomId: ROOMS.calculus, messageId: otherRoomMessage }, ERRORS.UNKNOWN_MESSAGE],
      ['a message id that does not exist', { roomId: ROOMS.calculus, messageId: 987654 }, ERRORS.UNKNOWN_MESSAGE],
      ['a DM of another conversation', { userId: USERS.grace, messageId: dmAlanLinus }, ERRORS.UNKNOWN_MESSAGE],
      ['a DM id that does not exist', { userId: USERS.grace, messageId: 987654 }, ERRORS.UNKNOWN_MESSAGE],
    ];

    it('refuses each malformed or unauthorised marker with its error string', async () => {
      const roomsBefore = await get(server, 'ada', '/api/rooms');
      const dmsBefore = await get(server, 'ada', '/api/dms');
      for (const [name, payload, error] of cases()) {
        assert.deepEqual(await request(ada1, 'conversation:read', payload), { ok: false, error }, name);
      }
      assert.deepEqual(await get(server, 'ada', '/api/rooms'), roomsBefore);
      assert.deepEqual(await get(server, 'ada', '/api/dms'), dmsBefore);
      assert.deepEqual(receivedOf(ada2, 'conversation:read'), []);
    });

    it('refuses a room the user is not a member of, even with a message of that room', async () => {
      const chem = await newestIn(server, ROOMS.chemistry);
      assert.deepEqual(await request(grace, 'conversation:read', { roomId: ROOMS.chemistry, messageId: chem }), { ok: false, error: ERRORS.NOT_MEMBER });
      const room = await roomOf(server, 'grace', ROOMS.chemistry);
      assert.deepEqual([room.joined, room.lastReadId, room.unreadCount], [false, null, 0]);
    });

    it('bad payloads without an ack do not crash the server', async () => {
      ada1.emit('conversation:read');
      ada1.emit('conversation:read', null);
      ada1.emit('conversation:read', { roomId: {}, messageId: [] });
      ada1.emit('conversation:read', { userId: USERS.ada, messageId: 1 });
      const ok = await request(ada1, 'conversation:read', { userId: USERS.grace, messageId: dmWithGrace });
      assert.equal(ok.ok, true);
      assert.ok(ada1.connected);
    });
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});
