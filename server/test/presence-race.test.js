'use strict';

// The presence race of issue 16, across processes. Process A handles the disconnect of ada's
// last socket and announces "offline"; right after, her phone connects on process B, which
// announces "online". A's message goes through Redis; B's reaches B's own clients at once. When
// A's message is the slower one, B's clients see "online, offline" and keep showing ada offline
// while she is connected, until she reconnects. Here A reaches Redis over a slow link (every byte
// 300 ms late, as over a congested network or from a process stalled by a long GC pause), so A's
// message is always the slower one: the race is hit every time, not once in a thousand runs.
// Real processes, real Redis, real database (SQLite, or PostgreSQL in the PostgreSQL pass).

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { tokenFor, waitFor, request, receivedOf, http, USERS, ROOMS } = require('../testlib/helpers');
const { startCluster } = require('../testlib/cluster');
const { startSlowLink } = require('../testlib/slowlink');

const LINK_DELAY_MS = 300;

describe('presence across nodes: no stale "offline" delivered last', () => {
  let cluster;
  let slowLink;
  let a;
  let b;
  const join = (url, user) => cluster.join(url, user);
  const statusesOf = (observer, userId) => receivedOf(observer, 'user:status')
    .filter(([, s]) => s.userId === userId).map(([, s]) => s.status);

  before(async () => {
    cluster = await startCluster({
      name: 'presence',
      redisUrlOfA: async (url) => {
        slowLink = await startSlowLink(url, LINK_DELAY_MS);
        return slowLink.url;
      },
    });
    ({ a, b } = cluster);
  });

  after(async () => {
    if (cluster) await cluster.stop();
    if (slowLink) await slowLink.close();
  });

  /**
   * Resolves once everything process A broadcast so far has reached `observer` (on B): a room
   * message sent through A travels the same path (A's Redis connection, then B's) behind it.
   */
  async function throughA(sender, observer, text) {
    const arrived = waitFor(observer, 'message:received', (m) => m.text === text, 10000);
    await request(sender, 'message:send', { roomId: ROOMS.calculus, text });
    await arrived;
  }

  it('a socket that connects on B just after A announced the previous one offline keeps the user online', async () => {
    const alan = await join(b.url, 'alan'); // the observer, on B
    const grace = await join(a.url, 'grace'); // sends the barriers through A
    const ada1 = await join(a.url, 'ada');
    for (const socket of [alan, grace, ada1]) await request(socket, 'room:join', ROOMS.calculus);
    await throughA(grace, alan, 'before the race');
    assert.equal(statusesOf(alan, USERS.ada).at(-1), 'online');

    // ada's laptop drops: A decides she has no socket left and announces it (late, over the slow
    // link). Her phone then connects on B, which announces "online" to alan at once.
    const fromLine = a.lines.length;
    ada1.disconnect();
    await a.waitForLine(/presence: user 1 has no socket left/, 10000, fromLine);
    const ada2 = await join(b.url, 'ada');

    // Wait until A is done with ada (it checks again once its broadcast has left Redis), then
    // until all A broadcast has reached alan.
    await a.waitForLine(/presence: user 1 (is offline|is online again)/, 10000, fromLine);
    await throughA(grace, alan, 'after the race');

    const statuses = statusesOf(alan, USERS.ada);
    assert.ok(statuses.includes('offline'), `A announced offline: ${statuses.join(', ')}`);
    assert.equal(statuses.at(-1), 'online', `the last status alan saw for ada: ${statuses.join(', ')}`);
    for (const proc of [a, b]) {
      const users = await http({ url: proc.url }, 'GET', '/api/users', { token: tokenFor(USERS.alan) });
      assert.equal(users.json.find((u) => u.id === USERS.ada).status, 'online', `stored presence through ${proc.url}`);
    }

    // And the true last socket leaving still turns her offline, for everyone, and stays so.
    const offline = waitFor(alan, 'user:status', (s) => s.userId === USERS.ada && s.status === 'offline', 10000);
    ada2.disconnect();
    await offline;
    await throughA(grace, alan, 'after the last socket');
    assert.equal(statusesOf(alan, USERS.ada).at(-1), 'offline');
    const users = await http({ url: a.url }, 'GET', '/api/users', { token: tokenFor(USERS.alan) });
    assert.equal(users.json.find((u) => u.id === USERS.ada).status, 'offline');
  });
});
