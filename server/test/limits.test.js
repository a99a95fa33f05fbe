'use strict';

// Limits against abuse (issue 16): send rate per socket, connections per user, room members,
// packet size; and their environment variables.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  startServer, connectAs, connect, tokenFor, waitFor, request, receivedOf, http, roomBarrier, USERS, ROOMS,
} = require('../testlib/helpers');
const { startProcess, INDEX } = require('../testlib/processes');
const { ERRORS, CONNECT_ERRORS } = require('../src/constants');
const { limitsFromEnv, tokenBucket, DEFAULT_LIMITS } = require('../src/limits');

describe('limits: send rate per socket (token bucket)', () => {
  let server;
  before(async () => {
    server = await startServer({ limits: { sendBurst: 3, sendPerSecond: 2 } });
  });
  after(() => server.close());

  it('a burst passes, the next send is refused with an error ack and not stored; tokens come back over time', async () => {
    const ada = await connectAs(server, 'ada');
    const grace = await connectAs(server, 'grace');
    await request(ada, 'room:join', ROOMS.lounge);
    await request(grace, 'room:join', ROOMS.lounge);
    for (let i = 0; i < 3; i += 1) {
      assert.equal((await request(ada, 'message:send', { roomId: ROOMS.lounge, text: `burst ${i}` })).ok, true);
    }
    assert.deepEqual(await request(ada, 'message:send', { roomId: ROOMS.lounge, text: 'one too many' }), {
      ok: false, error: ERRORS.RATE_LIMITED,
    });
    // DMs and edits draw on the same bucket.
    assert.deepEqual(await request(ada, 'dm:send', { recipientId: USERS.grace, text: 'flood' }), { ok: false, error: ERRORS.RATE_LIMITED });
    // A seed-style client (no ack) just does not get its message through.
    ada.emit('message:send', { roomId: ROOMS.lounge, text: 'seed-style flood' });
    // Another socket has its own bucket: its message is the barrier for everything above.
    await roomBarrier(grace, ROOMS.lounge, [ada, grace], 'from another socket');
    const texts = receivedOf(grace, 'message:received').map(([, m]) => m.text);
    assert.deepEqual(texts, ['burst 0', 'burst 1', 'burst 2', 'from another socket']);
    const history = await http(server, 'GET', `/api/rooms/${ROOMS.lounge}/messages?limit=4`, { token: tokenFor(USERS.ada) });
    assert.deepEqual(history.json.map((m) => m.text), ['from another socket', 'burst 2', 'burst 1', 'burst 0']);

    // 2 tokens a second: after 600 ms there is one again.
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal((await request(ada, 'message:send', { roomId: ROOMS.lounge, text: 'after a pause' })).ok, true);
    // Events that write nothing anyone reads are not counted (typing, joining, read markers).
    assert.equal((await request(ada, 'typing:start', { roomId: ROOMS.lounge })).ok, true);
    assert.equal((await request(ada, 'room:join', ROOMS.lounge)).ok, true);
    ada.disconnect();
    grace.disconnect();
  });

  it('the bucket itself: burst, refill, never above the burst', () => {
    let t = 0;
    const bucket = tokenBucket(2, 4, () => t);
    assert.deepEqual([bucket.take(), bucket.take(), bucket.take()], [true, true, false]);
    t += 250; // a quarter of a second: one token
    assert.deepEqual([bucket.take(), bucket.take()], [true, false]);
    t += 60_000; // a long pause refills to the burst, not beyond
    assert.deepEqual([bucket.take(), bucket.take(), bucket.take()], [true, true, false]);
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});

describe('limits: connections per user', () => {
  let server;
  before(async () => {
    server = await startServer({ limits: { maxConnectionsPerUser: 2 } });
  });
  after(() => server.close());

  it('refuses the extra connection with a clear connect_error (no authentication prefix); others are not affected', async () => {
    const first = await connectAs(server, 'linus');
    await connectAs(server, 'linus');
    await assert.rejects(connectAs(server, 'linus'), (error) => {
      assert.equal(error.message, CONNECT_ERRORS.TOO_MANY_CONNECTIONS);
      assert.doesNotMatch(error.message, /^Authentication error/);
      return true;
    });
    const ada = await connectAs(server, 'ada');
    assert.equal(ada.connected, true);

    // Once one of them has gone (and the server has handled its disconnect), there is room again.
    first.disconnect();
    let third;
    for (let i = 0; i < 50 && !third; i += 1) {
      third = await connectAs(server, 'linus').catch(() => null);
      if (!third) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(third?.connected, 'a connection is accepted again after one closed');
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});

describe('limits: room members', () => {
  let server;
  before(async () => {
    // Organic Chemistry has three demo members (ada, grace, linus).
    server = await startServer({ limits: { maxRoomMembers: 3 } });
  });
  after(() => server.close());

  it('a join that would make one member too many is refused; members still join; leaving makes room', async () => {
    const alan = await connectAs(server, 'alan');
    const ada = await connectAs(server, 'ada');
    await request(ada, 'room:join', ROOMS.chemistry);
    assert.deepEqual(await request(alan, 'room:join', ROOMS.chemistry), { ok: false, error: ERRORS.ROOM_FULL });
    // Not joined: alan cannot send there, and ada was not told anyone joined.
    assert.deepEqual(await request(alan, 'message:send', { roomId: ROOMS.chemistry, text: 'x' }), { ok: false, error: ERRORS.NOT_JOINED });
    await roomBarrier(ada, ROOMS.chemistry, [ada]);
    assert.deepEqual(receivedOf(ada, 'room:userJoined'), []);
    const rooms = await http(server, 'GET', '/api/rooms', { token: tokenFor(USERS.alan) });
    assert.deepEqual([rooms.json.find((r) => r.id === ROOMS.chemistry).joined, rooms.json.find((r) => r.id === ROOMS.chemistry).memberCount], [false, 3]);

    await request(ada, 'room:leave', ROOMS.chemistry);
    assert.deepEqual(await request(alan, 'room:join', ROOMS.chemistry), { ok: true, roomId: ROOMS.chemistry, newMember: true });
    alan.disconnect();
    ada.disconnect();
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});

describe('limits: packet size', () => {
  let server;
  before(async () => {
    server = await startServer({ limits: { maxPacketBytes: 20_000 } });
  });
  after(() => server.close());

  it('a packet above maxPacketBytes closes that connection only; a full-length message still fits', async () => {
    const ada = await connectAs(server, 'ada');
    await request(ada, 'room:join', ROOMS.lounge);
    // 4,000 characters of 3-byte UTF-8: 12 kB, within the limit.
    assert.equal((await request(ada, 'message:send', { roomId: ROOMS.lounge, text: '€'.repeat(4000) })).ok, true);
    const gone = waitFor(ada, 'disconnect');
    ada.emit('message:send', { roomId: ROOMS.lounge, text: 'big', padding: 'x'.repeat(30_000) });
    assert.equal(await gone, 'transport close');
    const again = await connect(server, tokenFor(USERS.ada));
    assert.equal((await request(again, 'room:join', ROOMS.lounge)).ok, true);
    again.disconnect();
  });
});

describe('limits: environment', () => {
  it('limitsFromEnv reads each variable and refuses what is no positive number', () => {
    assert.deepEqual(limitsFromEnv({}), DEFAULT_LIMITS);
    assert.deepEqual(limitsFromEnv({
      SEND_RATE_BURST: '10', SEND_RATE_PER_SECOND: '0.5', MAX_CONNECTIONS_PER_USER: '3', MAX_ROOM_MEMBERS: '200', MAX_PACKET_BYTES: '65536',
      MAX_FILE_BYTES: '1048576',
    }), { sendBurst: 10, sendPerSecond: 0.5, maxConnectionsPerUser: 3, maxRoomMembers: 200, maxPacketBytes: 65536, maxFileBytes: 1048576 });
    assert.equal(DEFAULT_LIMITS.maxFileBytes, 25 * 1024 * 1024);
    for (const [name, value] of [['SEND_RATE_BURST', 'abc'], ['SEND_RATE_PER_SECOND', '0'], ['MAX_ROOM_MEMBERS', '-1'], ['MAX_CONNECTIONS_PER_USER', '1.5'], ['MAX_FILE_BYTES', '25MB']]) {
      assert.throws(() => limitsFromEnv({ [name]: value }), new RegExp(`^Error: ${name} must be a positive number`));
    }
  });

  it('src/index.js exits 1 with the message for a bad limit', async () => {
    const proc = startProcess(process.execPath, [INDEX], {
      env: { PORT: '0', JWT_SECRET: 's', DB_PATH: ':memory:', MAX_ROOM_MEMBERS: 'lots', LOG_LEVEL: 'warn' },
    });
    assert.equal((await proc.exited).code, 1);
    assert.match(proc.stderr, /MAX_ROOM_MEMBERS must be a positive number \(got "lots"\)/);
  });
});
