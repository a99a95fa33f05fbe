'use strict';

// Two nodes behind one Redis and one database (PostgreSQL when the suite runs against it, as
// `npm run test:postgres` and scripts/test.sh do; a shared SQLite file otherwise). A client on
// each node; room messages and DMs cross between them; then one node is killed with SIGKILL in
// the middle of a stream of sends. Nothing the killed node acknowledged may be lost: every acked
// message is in the history served by the surviving node, once. The survivor keeps serving, and
// the killed node's users go offline for its clients once the node stops beating.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { tokenFor, waitFor, request, receivedOf, http, USERS, ROOMS } = require('../testlib/helpers');
const { startCluster } = require('../testlib/cluster');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every message of a conversation after `afterId`, paging forward through REST on `url`. */
async function historyAfter(url, route, token, afterId) {
  const all = [];
  let after = afterId;
  for (;;) {
    const res = await http({ url }, 'GET', `${route}?after=${after}&limit=100`, { token });
    assert.equal(res.status, 200, res.text);
    all.push(...res.json);
    if (res.json.length < 100) return all;
    after = res.json.at(-1).id;
  }
}

describe('two nodes (Redis + shared database): a node killed mid-stream loses nothing it acknowledged', () => {
  let cluster;
  let a;
  let b;
  const join = (url, user) => cluster.join(url, user);

  before(async () => {
    cluster = await startCluster({
      name: 'kill',
      env: {
        LOG_LEVEL: 'warn',
        // The stream below sends faster than a person; the limits are not what is tested here.
        SEND_RATE_BURST: '10000',
        SEND_RATE_PER_SECOND: '10000',
        // A dead node is noticed after 1.5 s instead of 30 s.
        PRESENCE_NODE_TIMEOUT_MS: '1500',
      },
    });
    ({ a, b } = cluster);
  });

  after(async () => {
    if (cluster) await cluster.stop();
  });

  it('room messages and DMs cross; after SIGKILL of node A every acked message is in the history from node B', async () => {
    const ada = await join(a.url, 'ada'); // on the node that will be killed
    const grace = await join(a.url, 'grace'); // ditto: goes offline with it
    const alan = await join(b.url, 'alan'); // on the survivor
    for (const s of [ada, grace, alan]) await request(s, 'room:join', ROOMS.lounge);
    const adaToken = tokenFor(USERS.ada);
    const start = (await http({ url: b.url }, 'GET', `/api/rooms/${ROOMS.lounge}/messages?limit=1`, { token: adaToken })).json[0].id;
    const dmStart = (await http({ url: b.url }, 'GET', `/api/dms/${USERS.alan}?limit=1`, { token: adaToken })).json[0]?.id ?? 0;

    // Crossing, both ways, room and DM.
    const atAlan = waitFor(alan, 'message:received', (m) => m.text === 'A to B');
    const fromA = await request(ada, 'message:send', { roomId: ROOMS.lounge, text: 'A to B' });
    assert.equal((await atAlan).id, fromA.id);
    const atAda = waitFor(ada, 'message:received', (m) => m.text === 'B to A');
    await request(alan, 'message:send', { roomId: ROOMS.lounge, text: 'B to A' });
    await atAda;
    const dmAtAlan = waitFor(alan, 'dm:received', (m) => m.text === 'DM A to B');
    await request(ada, 'dm:send', { recipientId: USERS.alan, text: 'DM A to B' });
    await dmAtAlan;
    const dmAtAda = waitFor(ada, 'dm:received', (m) => m.text === 'DM B to A');
    await request(alan, 'dm:send', { recipientId: USERS.ada, text: 'DM B to A' });
    await dmAtAda;

    // The stream: both nodes' clients send room messages and DMs without waiting for acks; A is
    // killed once ada has 60 acks, with sends still in flight.
    const acked = []; // { kind, id, text }
    const inFlight = [];
    let stopped = false;
    let killed = null;
    const pump = async (socket, who, recipientId) => {
      for (let i = 0; !stopped && i < 2000; i += 1) {
        const kind = i % 4 === 3 ? 'dm' : 'room';
        const text = `${who} ${kind} ${i}`;
        const clientId = `${who}-${i}`;
        const sent = kind === 'room'
          ? socket.timeout(3000).emitWithAck('message:send', { roomId: ROOMS.lounge, text, clientId })
          : socket.timeout(3000).emitWithAck('dm:send', { recipientId, text, clientId });
        inFlight.push(sent.then((ack) => {
          if (ack.ok) acked.push({ kind, id: ack.id, text, who });
          if (who === 'ada' && acked.filter((x) => x.who === 'ada').length === 60 && !killed) {
            a.child.kill('SIGKILL');
            killed = a.exited;
          }
        }, () => {})); // no ack: the node died before answering, and nothing was promised
        await sleep(2);
      }
    };
    const pumps = [pump(ada, 'ada', USERS.alan), pump(alan, 'alan', USERS.ada)];
    for (let i = 0; i < 500 && !killed; i += 1) await sleep(10);
    assert.ok(killed, 'node A was killed mid-stream');
    assert.equal((await killed).signal, 'SIGKILL');
    await sleep(300); // alan keeps sending to the survivor for a moment
    stopped = true;
    await Promise.all(pumps);
    await Promise.allSettled(inFlight);

    const byAda = acked.filter((x) => x.who === 'ada');
    const byAlan = acked.filter((x) => x.who === 'alan');
    assert.ok(byAda.length >= 60, `ada's acks: ${byAda.length}`);
    assert.ok(byAlan.length > 60, `alan's acks (he goes on after the kill): ${byAlan.length}`);

    // Every acked message, from the survivor's history, once, with its text.
    const rooms = await historyAfter(b.url, `/api/rooms/${ROOMS.lounge}/messages`, adaToken, start);
    const dms = await historyAfter(b.url, `/api/dms/${USERS.alan}`, adaToken, dmStart);
    const stored = new Map([...rooms.map((m) => [`room ${m.id}`, m.text]), ...dms.map((m) => [`dm ${m.id}`, m.text])]);
    assert.equal(stored.size, rooms.length + dms.length, 'no id twice');
    const lost = acked.filter((x) => stored.get(`${x.kind} ${x.id}`) !== x.text);
    assert.deepEqual(lost, [], `${acked.length} acked messages; lost: ${JSON.stringify(lost.slice(0, 5))}`);
    // And no message twice: each clientId was stored at most once.
    const texts = [...rooms, ...dms].map((m) => m.text);
    assert.equal(new Set(texts).size, texts.length);

    // The survivor keeps serving: a new socket of ada on B gets the room and alan's messages.
    const ada2 = await join(b.url, 'ada');
    await request(ada2, 'room:join', ROOMS.lounge);
    const again = waitFor(ada2, 'message:received', (m) => m.text === 'after the kill');
    await request(alan, 'message:send', { roomId: ROOMS.lounge, text: 'after the kill' });
    await again;

    // Grace was only on A: once A has missed its beats, B sweeps her socket and says so.
    // (It may have come already, while the histories were read.)
    const graceOffline = (s) => s.userId === USERS.grace && s.status === 'offline';
    if (!receivedOf(alan, 'user:status').some(([, s]) => graceOffline(s))) await waitFor(alan, 'user:status', graceOffline, 8000);
    const users = (await http({ url: b.url }, 'GET', '/api/users', { token: tokenFor(USERS.alan) })).json;
    assert.equal(users.find((u) => u.id === USERS.grace).status, 'offline');
    assert.equal(users.find((u) => u.id === USERS.ada).status, 'online', 'ada is still online through B');
    void grace;
  });
});
