'use strict';

// The presence race of issue 16: a disconnect handler that counts the user's sockets, and then
// writes "offline", can write it after another socket of the same user (on another node) has
// written "online". The user is then connected but shown offline to everyone, until they
// reconnect. A node that answers the adapter's requests slowly (a long GC pause, a busy event
// loop) makes the window as wide as the adapter's request timeout; here a Redis client that
// subscribes to the request channel and never answers plays that node, so the race is hit every
// time rather than once in a thousand runs. Real processes, real Redis, real database.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { createClient } = require('redis');
const { tokenFor, waitFor, request, receivedOf, http, USERS, ROOMS } = require('../testlib/helpers');
const { startCluster } = require('../testlib/cluster');

describe('presence across nodes: no stale "offline" written last', () => {
  let cluster;
  let a;
  let b;
  let stalled;
  const join = (url, user) => cluster.join(url, user);

  before(async () => {
    cluster = await startCluster({ name: 'presence' });
    ({ a, b } = cluster);
    // The stalled node: subscribed to socket.io's request channel (so the adapter counts it as a
    // server and waits for its answer), never answering.
    stalled = createClient({ url: cluster.redis.url });
    await stalled.connect();
    await stalled.subscribe('socket.io-request#/#', () => {});
  });

  after(async () => {
    if (stalled) await stalled.quit().catch(() => {});
    if (cluster) await cluster.stop();
  });

  it('a socket that connects on B while A handles the disconnect of the previous one keeps the user online', async () => {
    const alan = await join(b.url, 'alan'); // the observer
    const ada1 = await join(a.url, 'ada');
    await request(ada1, 'room:join', ROOMS.calculus);
    await request(alan, 'room:join', ROOMS.calculus);

    // ada's laptop drops (A starts its disconnect work) and her phone connects on B at once.
    const fromLine = a.lines.length;
    const online = waitFor(alan, 'user:status', (s) => s.userId === USERS.ada && s.status === 'online');
    ada1.disconnect();
    const ada2 = await join(b.url, 'ada');
    await online;

    // A has decided about ada (whatever it decided) once it logs it.
    await a.waitForLine(/presence: user 1 (is offline|still connected)/, 10000, fromLine);
    // Barrier: whatever A broadcast before this message has reached alan first.
    const barrier = waitFor(alan, 'message:received', (m) => m.text === 'presence race barrier');
    await request(ada2, 'room:join', ROOMS.calculus);
    await request(ada2, 'message:send', { roomId: ROOMS.calculus, text: 'presence race barrier' });
    await barrier;

    const statuses = receivedOf(alan, 'user:status').filter(([, s]) => s.userId === USERS.ada).map(([, s]) => s.status);
    assert.equal(statuses.at(-1), 'online', `the last status alan saw for ada: ${statuses.join(', ')}`);
    for (const proc of [a, b]) {
      const users = await http({ url: proc.url }, 'GET', '/api/users', { token: tokenFor(USERS.alan) });
      assert.equal(users.json.find((u) => u.id === USERS.ada).status, 'online', `stored presence through ${proc.url}`);
    }

    // And the true last socket leaving still turns her offline, for everyone.
    const offline = waitFor(alan, 'user:status', (s) => s.userId === USERS.ada && s.status === 'offline');
    ada2.disconnect();
    await offline;
    const users = await http({ url: a.url }, 'GET', '/api/users', { token: tokenFor(USERS.alan) });
    assert.equal(users.json.find((u) => u.id === USERS.ada).status, 'offline');
  });
});
