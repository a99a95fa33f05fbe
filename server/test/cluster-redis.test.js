'use strict';

// Two backend processes sharing one database (a SQLite file, or PostgreSQL when the suite runs
// against it) and a Redis server: rooms, broadcasts and presence must work across them. Needs the redis-server binary (Debian package redis-server,
// installed by scripts/setup.sh); without it this test FAILS on purpose.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { tokenFor, waitFor, request, receivedOf, http, USERS, ROOMS } = require('../testlib/helpers');
const { startCluster } = require('../testlib/cluster');

describe('two processes with REDIS_URL (scale-out)', () => {
  let cluster;
  let a;
  let b;
  const join = (url, user) => cluster.join(url, user);

  before(async () => {
    // Started together: the demo seed must cope with two processes seeding one fresh file.
    cluster = await startCluster({ name: 'cluster', together: true });
    ({ a, b } = cluster);
  });

  after(async () => {
    if (cluster) await cluster.stop();
  });

  it('both processes seeded one consistent database', async () => {
    const ra = await http({ url: a.url }, 'GET', '/api/rooms', { token: tokenFor(USERS.ada) });
    const rb = await http({ url: b.url }, 'GET', '/api/rooms', { token: tokenFor(USERS.ada) });
    assert.equal(ra.status, 200);
    assert.deepEqual(ra.json, rb.json);
    assert.equal(ra.json.length, 4);
    const users = await http({ url: b.url }, 'GET', '/api/users', { token: tokenFor(USERS.ada) });
    assert.equal(users.json.length, 4);
  });

  let ada1; // on A
  let grace; // on A
  let alan; // on B

  it('user:status online crosses from B to a client on A', async () => {
    ada1 = await join(a.url, 'ada');
    grace = await join(a.url, 'grace');
    const online = waitFor(ada1, 'user:status', (s) => s.userId === USERS.alan);
    alan = await join(b.url, 'alan');
    assert.deepEqual(await online, { userId: USERS.alan, status: 'online' });
  });

  it('room:userJoined and message:received cross between the processes, both ways', async () => {
    await request(ada1, 'room:join', ROOMS.calculus);
    await request(grace, 'room:join', ROOMS.calculus);
    const joined = waitFor(ada1, 'room:userJoined', (e) => e.user.id === USERS.alan);
    await request(alan, 'room:join', ROOMS.calculus);
    assert.equal((await joined).roomId, ROOMS.calculus);

    const atAlan = waitFor(alan, 'message:received', (m) => m.text === 'from process A');
    const ack = await request(ada1, 'message:send', { roomId: ROOMS.calculus, text: 'from process A' });
    const m = await atAlan;
    assert.equal(m.id, ack.id);
    assert.equal(m.sender.id, USERS.ada);

    const atAda = waitFor(ada1, 'message:received', (x) => x.text === 'from process B');
    const atGrace = waitFor(grace, 'message:received', (x) => x.text === 'from process B');
    await request(alan, 'message:send', { roomId: ROOMS.calculus, text: 'from process B' });
    await Promise.all([atAda, atGrace]);

    // Stored once in the shared database, visible through either process.
    const hist = await http({ url: b.url }, 'GET', `/api/rooms/${ROOMS.calculus}/messages?limit=2`, { token: tokenFor(USERS.grace) });
    assert.deepEqual(hist.json.map((x) => x.text), ['from process B', 'from process A']);
  });

  it('dm:received and typing:update cross between the processes', async () => {
    const dm = waitFor(alan, 'dm:received', (x) => x.text === 'cross-process DM');
    const echo = waitFor(grace, 'dm:received', (x) => x.text === 'cross-process DM');
    await request(grace, 'dm:send', { recipientId: USERS.alan, text: 'cross-process DM' });
    const [got, mine] = await Promise.all([dm, echo]);
    assert.equal(got.sender.id, USERS.grace);
    assert.equal(mine.recipientId, USERS.alan);

    const typing = waitFor(ada1, 'typing:update', (t) => t.userId === USERS.alan);
    await request(alan, 'typing:start', { roomId: ROOMS.calculus });
    assert.equal((await typing).typing, true);
  });

  it('message:updated (with mentions) and message:reactions cross between the processes', async () => {
    const sent = await request(alan, 'message:send', { roomId: ROOMS.calculus, text: 'to be edited on B' });
    const updated = waitFor(ada1, 'message:updated', (u) => u.id === sent.id);
    const ack = await request(alan, 'message:edit', { kind: 'room', id: sent.id, text: 'edited on B for <@1>' });
    assert.deepEqual(await updated, {
      kind: 'room', id: sent.id, roomId: ROOMS.calculus, text: 'edited on B for <@1>', editedAt: ack.editedAt, mentions: [USERS.ada],
    });
    const reactions = waitFor(alan, 'message:reactions', (r) => r.id === sent.id);
    await request(ada1, 'reaction:add', { kind: 'room', messageId: sent.id, emoji: '👍' });
    assert.deepEqual((await reactions).reactions, [{ emoji: '👍', count: 1, userIds: [USERS.ada] }]);

    // A DM edited on A reaches the recipient on B.
    const dm = await request(grace, 'dm:send', { recipientId: USERS.alan, text: 'DM to edit' });
    const dmUpdated = waitFor(alan, 'message:updated', (u) => u.kind === 'dm' && u.id === dm.id);
    await request(grace, 'message:edit', { kind: 'dm', id: dm.id, text: 'DM edited on A, <@2>' });
    assert.deepEqual((await dmUpdated).mentions, [USERS.alan]);

    // Both processes count the mention from the shared database.
    for (const proc of [a, b]) {
      const rooms = (await http({ url: proc.url }, 'GET', '/api/rooms', { token: tokenFor(USERS.ada) })).json;
      assert.equal(rooms.find((r) => r.id === ROOMS.calculus).mentionCount, 1);
    }
  });

  it('a clientId retry through the other process is deduplicated (shared database)', async () => {
    const ada2 = await join(b.url, 'ada');
    await request(ada2, 'room:join', ROOMS.calculus);
    const payload = { roomId: ROOMS.calculus, text: 'sent twice', clientId: 'cluster-retry-1' };
    const first = await request(ada1, 'message:send', payload);
    const second = await request(ada2, 'message:send', payload);
    assert.equal(second.id, first.id);
    assert.equal(second.duplicate, true);
    // Leave ada2's socket open while the next test opens another one: no presence change here.
    const fromLine = b.lines.length;
    ada2.disconnect();
    await b.waitForLine(/presence: user 1 still connected on 1 socket\(s\)/, 8000, fromLine);
  });

  it('presence: offline only when the last socket leaves, counted across both processes', async () => {
    // ada has one socket on A (ada1) and now one on B.
    const ada2 = await join(b.url, 'ada');
    assert.equal(ada2.connected, true);
    const fromLine = a.lines.length;
    ada1.disconnect();
    // Process A logs its decision after asking process B (through Redis) for ada's sockets.
    await a.waitForLine(/presence: user 1 still connected on 1 socket\(s\)/, 8000, fromLine);
    // Barrier: anything A would have broadcast before this message reaches alan first.
    const barrier = waitFor(alan, 'message:received', (m) => m.text === 'presence barrier');
    await request(grace, 'message:send', { roomId: ROOMS.calculus, text: 'presence barrier' });
    await barrier;
    assert.deepEqual(receivedOf(alan, 'user:status').filter(([, s]) => s.userId === USERS.ada && s.status === 'offline'), []);
    const users = await http({ url: b.url }, 'GET', '/api/users', { token: tokenFor(USERS.alan) });
    assert.equal(users.json.find((u) => u.id === USERS.ada).status, 'online');

    // The last socket (on B) leaves: offline reaches alan on B and grace on A.
    const offB = waitFor(alan, 'user:status', (s) => s.userId === USERS.ada && s.status === 'offline');
    const offA = waitFor(grace, 'user:status', (s) => s.userId === USERS.ada && s.status === 'offline');
    ada2.disconnect();
    assert.deepEqual(await offB, { userId: USERS.ada, status: 'offline' });
    assert.deepEqual(await offA, { userId: USERS.ada, status: 'offline' });
    const after = await http({ url: a.url }, 'GET', '/api/users', { token: tokenFor(USERS.alan) });
    assert.equal(after.json.find((u) => u.id === USERS.ada).status, 'offline');
  });

  it('read markers and the end of a membership reach the user\'s sockets on the other process', async () => {
    const linusA = await join(a.url, 'linus');
    const linusB = await join(b.url, 'linus');
    for (const s of [linusA, linusB, grace]) await request(s, 'room:join', ROOMS.chemistry);
    const sent = await request(grace, 'message:send', { roomId: ROOMS.chemistry, text: 'unread for linus' });
    const rooms = async (proc) => (await http({ url: proc.url }, 'GET', '/api/rooms', { token: tokenFor(USERS.linus) })).json
      .find((r) => r.id === ROOMS.chemistry);
    assert.ok((await rooms(a)).unreadCount >= 1);

    // conversation:read on B: linus's socket on A is told; both processes serve the new marker.
    const told = waitFor(linusA, 'conversation:read');
    assert.deepEqual(await request(linusB, 'conversation:read', { roomId: ROOMS.chemistry, messageId: sent.id }), { ok: true, lastReadId: sent.id });
    assert.deepEqual(await told, { roomId: ROOMS.chemistry, lastReadId: sent.id });
    assert.deepEqual([(await rooms(a)).lastReadId, (await rooms(a)).unreadCount], [sent.id, 0]);

    // room:leave on A: grace (A) and linus's socket on B are told, and the socket on B leaves the room.
    const atGrace = waitFor(grace, 'room:userLeft');
    const atLinusB = waitFor(linusB, 'room:userLeft');
    await request(linusA, 'room:leave', ROOMS.chemistry);
    const left = { roomId: ROOMS.chemistry, userId: USERS.linus };
    assert.deepEqual(await atGrace, left);
    assert.deepEqual(await atLinusB, left);
    await request(grace, 'message:send', { roomId: ROOMS.chemistry, text: 'linus has left' });
    const barrier = waitFor(linusB, 'dm:received', (m) => m.text === 'leave barrier');
    await request(grace, 'dm:send', { recipientId: USERS.linus, text: 'leave barrier' });
    await barrier;
    assert.deepEqual(receivedOf(linusB, 'message:received').filter(([, m]) => m.text === 'linus has left'), []);
    assert.deepEqual(await request(linusB, 'message:send', { roomId: ROOMS.chemistry, text: 'x' }), { ok: false, error: 'Join the room before sending' });
    assert.equal((await rooms(b)).joined, false);

    // Close both, one after the other, so the next test starts with linus offline.
    const fromLine = a.lines.length;
    linusA.disconnect();
    await a.waitForLine(/presence: user 4 still connected on 1 socket\(s\)/, 8000, fromLine);
    const off = waitFor(alan, 'user:status', (st) => st.userId === USERS.linus && st.status === 'offline');
    linusB.disconnect();
    await off;
  });

  it('a process shutting down (SIGTERM) marks its users offline for clients of the other process', async () => {
    const linus = await join(a.url, 'linus');
    assert.equal(linus.connected, true);
    const off = waitFor(alan, 'user:status', (s) => s.userId === USERS.linus && s.status === 'offline');
    const exit = await a.stop('SIGTERM');
    assert.equal(exit.code, 0, a.stdout + a.stderr);
    await off;
    assert.doesNotMatch(a.stderr, /Error|at .*\.js/);
  });
});
