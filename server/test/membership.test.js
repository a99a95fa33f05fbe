'use strict';

// Real membership (feature "membership"): GET /api/rooms says which rooms the caller is in,
// room:join tells whether it created the membership (newMember), room:leave ends it.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  startServer, connectAs, waitFor, request, receivedOf, http, tokenFor, assertPublicUser, USERS, ROOMS,
} = require('../testlib/helpers');
const { ERRORS } = require('../src/constants');

/** GET /api/rooms as `name`, as a Map id -> room. */
async function roomsOf(server, name) {
  const res = await http(server, 'GET', '/api/rooms', { token: tokenFor(USERS[name]) });
  assert.equal(res.status, 200);
  return new Map(res.json.map((r) => [r.id, r]));
}

/** Proves that everything `to` would have got from `from` before now has arrived: a DM from `from`. */
async function barrier(from, to, toId, text) {
  const got = waitFor(to, 'dm:received', (m) => m.text === text);
  await request(from, 'dm:send', { recipientId: toId, text });
  await got;
}

describe('membership', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('GET /api/rooms gives joined per room for the caller', async () => {
    const ada = await roomsOf(server, 'ada');
    const alan = await roomsOf(server, 'alan');
    assert.deepEqual([...ada.values()].map((r) => r.joined), [true, true, true, true]);
    assert.deepEqual([...alan.values()].map((r) => [r.id, r.joined]), [
      [ROOMS.calculus, true], [ROOMS.chemistry, false], [ROOMS.algorithms, true], [ROOMS.lounge, true],
    ]);
    // The room itself is the same for everyone.
    assert.equal(ada.get(ROOMS.chemistry).memberCount, alan.get(ROOMS.chemistry).memberCount);
  });

  it('the first join creates the membership: newMember true in the ack, for the room and for the joiner\'s other sockets', async () => {
    const ada = await connectAs(server, 'ada');
    const alan1 = await connectAs(server, 'alan');
    const alan2 = await connectAs(server, 'alan'); // another device, not in the room
    const linus = await connectAs(server, 'linus'); // a member, but not in the room right now
    await request(ada, 'room:join', ROOMS.chemistry);
    const before = await roomsOf(server, 'alan');

    const atAda = waitFor(ada, 'room:userJoined', (e) => e.user.id === USERS.alan);
    const atAlan2 = waitFor(alan2, 'room:userJoined');
    assert.deepEqual(await request(alan1, 'room:join', ROOMS.chemistry), { ok: true, roomId: ROOMS.chemistry, newMember: true });
    const event = await atAda;
    assert.deepEqual(Object.keys(event).sort(), ['newMember', 'roomId', 'user']);
    assert.equal(event.roomId, ROOMS.chemistry);
    assert.equal(event.newMember, true);
    assertPublicUser(event.user, USERS.alan);
    assert.deepEqual(await atAlan2, event, 'the other device learns about the new membership');

    const after = await roomsOf(server, 'alan');
    assert.equal(after.get(ROOMS.chemistry).joined, true);
    assert.equal(after.get(ROOMS.chemistry).memberCount, before.get(ROOMS.chemistry).memberCount + 1);

    await barrier(ada, alan1, USERS.alan, 'join barrier 1');
    await barrier(ada, linus, USERS.linus, 'join barrier 2');
    assert.deepEqual(receivedOf(alan1, 'room:userJoined'), [], 'the joining socket is not told');
    assert.deepEqual(receivedOf(linus, 'room:userJoined'), [], 'sockets outside the room are not told');
    for (const s of [ada, alan1, alan2, linus]) s.disconnect();
  });

  it('a member joining again (another socket, a reconnect) gets newMember false, and the room is told as before', async () => {
    const ada = await connectAs(server, 'ada');
    await request(ada, 'room:join', ROOMS.chemistry);
    const alan = await connectAs(server, 'alan'); // a new connection: alan became a member in the test above

    const atAda = waitFor(ada, 'room:userJoined', (e) => e.user.id === USERS.alan);
    assert.deepEqual(await request(alan, 'room:join', String(ROOMS.chemistry)), {
      ok: true, roomId: String(ROOMS.chemistry), newMember: false,
    });
    const event = await atAda;
    assert.equal(event.roomId, String(ROOMS.chemistry));
    assert.equal(event.newMember, false);
    assertPublicUser(event.user, USERS.alan);

    // The same socket once more: acked, nobody is told.
    assert.deepEqual(await request(alan, 'room:join', ROOMS.chemistry), { ok: true, roomId: ROOMS.chemistry, newMember: false });
    await barrier(alan, ada, USERS.ada, 'rejoin barrier');
    assert.equal(receivedOf(ada, 'room:userJoined').length, 1);
    ada.disconnect();
    alan.disconnect();
  });

  it('room:leave ends the membership: the room and the leaver\'s other sockets are told, every socket of the user leaves', async () => {
    const ada = await connectAs(server, 'ada');
    const alan1 = await connectAs(server, 'alan');
    const alan2 = await connectAs(server, 'alan');
    const alan3 = await connectAs(server, 'alan'); // not in the room
    for (const s of [ada, alan1, alan2]) await request(s, 'room:join', ROOMS.chemistry);
    const before = (await roomsOf(server, 'ada')).get(ROOMS.chemistry).memberCount;

    const atAda = waitFor(ada, 'room:userLeft');
    const atAlan2 = waitFor(alan2, 'room:userLeft');
    const atAlan3 = waitFor(alan3, 'room:userLeft');
    assert.deepEqual(await request(alan1, 'room:leave', ROOMS.chemistry), { ok: true, roomId: ROOMS.chemistry });
    const expected = { roomId: ROOMS.chemistry, userId: USERS.alan };
    assert.deepEqual(await atAda, expected);
    assert.deepEqual(await atAlan2, expected);
    assert.deepEqual(await atAlan3, expected);

    // alan2 was taken out of the room too: no messages, no sending.
    await request(ada, 'message:send', { roomId: ROOMS.chemistry, text: 'after alan left' });
    await barrier(ada, alan2, USERS.alan, 'leave barrier');
    assert.deepEqual(receivedOf(alan2, 'message:received'), []);
    assert.deepEqual(receivedOf(alan1, 'message:received'), []);
    assert.equal(receivedOf(alan2, 'room:userLeft').length, 1, 'once, although alan2 is in both the room and user:2');
    assert.deepEqual(receivedOf(alan1, 'room:userLeft'), [], 'the leaving socket has the ack');
    assert.deepEqual(await request(alan2, 'message:send', { roomId: ROOMS.chemistry, text: 'x' }), { ok: false, error: ERRORS.NOT_JOINED });
    assert.deepEqual(await request(alan2, 'typing:start', { roomId: ROOMS.chemistry }), { ok: false, error: ERRORS.NOT_JOINED });

    const room = (await roomsOf(server, 'alan')).get(ROOMS.chemistry);
    assert.equal(room.joined, false);
    assert.equal(room.memberCount, before - 1);
    assert.equal(room.unreadCount, 0);
    assert.equal(room.lastReadId, null);
    for (const s of [ada, alan1, alan2, alan3]) s.disconnect();
  });

  it('a left room stays left after a reconnect, and joining it again is a new membership', async () => {
    const alan = await connectAs(server, 'alan');
    assert.equal((await roomsOf(server, 'alan')).get(ROOMS.chemistry).joined, false);
    assert.deepEqual(await request(alan, 'room:join', ROOMS.chemistry), { ok: true, roomId: ROOMS.chemistry, newMember: true });
    assert.equal((await roomsOf(server, 'alan')).get(ROOMS.chemistry).joined, true);
    await request(alan, 'room:leave', ROOMS.chemistry);
    alan.disconnect();
  });

  it('leaving a room one is not a member of is acked and announces nothing', async () => {
    const ada = await connectAs(server, 'ada');
    const alan = await connectAs(server, 'alan');
    await request(ada, 'room:join', ROOMS.chemistry);
    assert.equal((await roomsOf(server, 'alan')).get(ROOMS.chemistry).joined, false);
    assert.deepEqual(await request(alan, 'room:leave', '2'), { ok: true, roomId: '2' });
    await barrier(alan, ada, USERS.ada, 'no-op leave barrier');
    assert.deepEqual(receivedOf(ada, 'room:userLeft'), []);
    ada.disconnect();
    alan.disconnect();
  });

  it('a seed-style room:leave without an ack ends the membership too', async () => {
    const linus = await connectAs(server, 'linus');
    assert.equal((await roomsOf(server, 'linus')).get(ROOMS.lounge).joined, true);
    linus.emit('room:leave', ROOMS.lounge);
    // Events of one connection are handled in order: once this is acked, the leave was handled.
    await request(linus, 'room:join', ROOMS.calculus);
    assert.equal((await roomsOf(server, 'linus')).get(ROOMS.lounge).joined, false);
    await request(linus, 'room:join', ROOMS.lounge); // back, for the other tests
    linus.disconnect();
  });

  it('room:leave refuses malformed and unknown ids and changes nothing', async () => {
    const ada = await connectAs(server, 'ada');
    for (const bad of [undefined, null, 0, -2, 'x', 2.5, { roomId: 1 }]) {
      assert.deepEqual(await request(ada, 'room:leave', bad), { ok: false, error: ERRORS.INVALID_ROOM_ID }, JSON.stringify(bad));
    }
    assert.deepEqual(await request(ada, 'room:leave', 4242), { ok: false, error: ERRORS.UNKNOWN_ROOM });
    assert.deepEqual([...(await roomsOf(server, 'ada')).values()].map((r) => r.joined), [true, true, true, true]);
    ada.disconnect();
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});
