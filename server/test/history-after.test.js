'use strict';

// ?after= on the history routes: a client catching up from the newest id it has stored.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, http, tokenFor, USERS, ROOMS } = require('../testlib/helpers');
const { QUERY_ERRORS, FEATURES } = require('../src/constants');

const ids = (page) => page.map((m) => m.id);
const ascending = (list) => list.every((id, i) => i === 0 || list[i - 1] < id);

/** Follows ?after= from `start` until a short page; returns every message, and checks the pages. */
async function catchUp(server, route, token, start, limit) {
  const seen = [];
  let cursor = start;
  for (let pages = 0; ; pages += 1) {
    assert.ok(pages < 100, 'catching up terminates');
    const res = await http(server, 'GET', `${route}?after=${cursor}&limit=${limit}`, { token });
    assert.equal(res.status, 200, res.text);
    assert.ok(res.json.length <= limit);
    assert.ok(ascending(ids(res.json)), 'oldest first');
    assert.ok(res.json.every((m) => m.id > cursor), 'after is exclusive');
    seen.push(...res.json);
    if (res.json.length < limit) return seen; // fewer than limit: caught up
    cursor = res.json.at(-1).id;
  }
}

describe('history ?after=', () => {
  let server;
  const ada = tokenFor(USERS.ada);
  const room = `/api/rooms/${ROOMS.lounge}/messages`;
  const dms = `/api/dms/${USERS.linus}`;
  let roomIds; // the 120 new lounge messages
  let dmIds; // the 120 new Ada-Linus DMs
  let roomStart; // the newest lounge id before them

  before(async () => {
    server = await startServer();
    const { store } = server;
    roomStart = (await http(server, 'GET', `${room}?limit=1`, { token: ada })).json[0].id;
    roomIds = [];
    dmIds = [];
    for (let i = 0; i < 120; i += 1) {
      // Messages of other conversations in between, so the ids of one conversation have gaps.
      await store.createMessage({ roomId: ROOMS.calculus, senderId: USERS.grace, text: `elsewhere ${i}` });
      roomIds.push((await store.createMessage({ roomId: ROOMS.lounge, senderId: i % 2 ? USERS.ada : USERS.alan, text: `lounge ${i}` })).message.id);
      await store.createDirectMessage({ senderId: USERS.grace, recipientId: USERS.alan, text: `other pair ${i}` });
      dmIds.push((await store.createDirectMessage({ senderId: i % 3 ? USERS.linus : USERS.ada, recipientId: i % 3 ? USERS.ada : USERS.linus, text: `dm ${i}` })).dm.id);
    }
  });
  after(() => server.close());

  it('is announced as the feature historyAfter', async () => {
    assert.ok(FEATURES.includes('historyAfter'));
    assert.ok((await http(server, 'GET', '/api/server')).json.features.includes('historyAfter'));
  });

  it('room: paging forward over 120 messages gives every id once, in order', async () => {
    for (const limit of [7, 50, 100]) {
      const seen = await catchUp(server, room, ada, roomStart, limit);
      assert.deepEqual(ids(seen), roomIds, `limit ${limit}`);
      assert.ok(seen.every((m) => m.roomId === ROOMS.lounge));
    }
  });

  it('room: the messages have the shape of the newest-first history', async () => {
    const newestFirst = (await http(server, 'GET', `${room}?limit=100`, { token: ada })).json;
    const forward = (await http(server, 'GET', `${room}?limit=100&after=${newestFirst.at(-1).id - 1}`, { token: ada })).json;
    assert.deepEqual(forward, [...newestFirst].reverse());
  });

  it('room: from the oldest id it gives the rest of the room; after the newest it is empty', async () => {
    const all = (await http(server, 'GET', `${room}?limit=100&before=${roomIds[0]}`, { token: ada })).json.reverse();
    assert.ok(all.length > 3, 'the demo lounge history');
    const rest = (await http(server, 'GET', `${room}?after=${all[0].id}&limit=3`, { token: ada })).json;
    assert.deepEqual(rest, all.slice(1, 4));
    assert.deepEqual((await http(server, 'GET', `${room}?after=${roomIds.at(-1)}`, { token: ada })).json, []);
  });

  it('DMs: paging forward over 120 messages gives every id once, in order, both directions', async () => {
    // dmIds[0] - 1 is the DM of the other pair sent just before it.
    for (const limit of [7, 50, 100]) {
      const seen = await catchUp(server, dms, ada, dmIds[0] - 1, limit);
      assert.deepEqual(ids(seen), dmIds, `limit ${limit}`);
      for (const m of seen) assert.deepEqual([m.sender.id, m.recipientId].sort(), [USERS.ada, USERS.linus].sort());
    }
    const linus = await catchUp(server, `/api/dms/${USERS.ada}`, tokenFor(USERS.linus), dmIds[0] - 1, 100);
    assert.deepEqual(ids(linus), dmIds, 'Linus sees the same conversation');
  });

  it('after and before together: the messages strictly between them, oldest first', async () => {
    const lo = roomIds[10];
    const hi = roomIds[20];
    const between = (await http(server, 'GET', `${room}?after=${lo}&before=${hi}`, { token: ada })).json;
    assert.deepEqual(ids(between), roomIds.slice(11, 20));
    const capped = (await http(server, 'GET', `${room}?after=${lo}&before=${hi}&limit=4`, { token: ada })).json;
    assert.deepEqual(ids(capped), roomIds.slice(11, 15), 'the limit keeps the oldest of the gap');
    const adjacent = (await http(server, 'GET', `${room}?after=${roomIds[3]}&before=${roomIds[4]}`, { token: ada })).json;
    assert.deepEqual(adjacent, [], 'no message strictly between two neighbours');
    const dmBetween = (await http(server, 'GET', `${dms}?after=${dmIds[5]}&before=${dmIds[9]}`, { token: ada })).json;
    assert.deepEqual(ids(dmBetween), dmIds.slice(6, 9));
  });

  it('without after nothing changes: newest first', async () => {
    const page = (await http(server, 'GET', `${room}?limit=5`, { token: ada })).json;
    assert.deepEqual(ids(page), roomIds.slice(-5).reverse());
    const dmPage = (await http(server, 'GET', `${dms}?limit=5&before=${dmIds[10]}`, { token: ada })).json;
    assert.deepEqual(ids(dmPage), dmIds.slice(5, 10).reverse());
  });

  it('400 for a malformed, repeated or empty-range after', async () => {
    for (const base of [room, dms]) {
      for (const [query, error] of [
        ['after=x', QUERY_ERRORS.AFTER_INVALID],
        ['after=-1', QUERY_ERRORS.AFTER_INVALID],
        ['after=0', QUERY_ERRORS.AFTER_INVALID],
        ['after=2.5', QUERY_ERRORS.AFTER_INVALID],
        ['after=', QUERY_ERRORS.AFTER_INVALID],
        ['after=1&after=2', QUERY_ERRORS.AFTER_INVALID],
        ['after=5&before=5', QUERY_ERRORS.AFTER_NOT_BEFORE],
        ['after=6&before=5', QUERY_ERRORS.AFTER_NOT_BEFORE],
        ['after=1&limit=101', QUERY_ERRORS.LIMIT_INVALID],
        ['after=1&before=x', QUERY_ERRORS.BEFORE_INVALID],
      ]) {
        const res = await http(server, 'GET', `${base}?${query}`, { token: ada });
        assert.equal(res.status, 400, `${base}?${query}`);
        assert.deepEqual(res.json, { error }, `${base}?${query}`);
      }
    }
    assert.equal((await http(server, 'GET', '/api/rooms/99/messages?after=1', { token: ada })).status, 404);
    assert.equal((await http(server, 'GET', '/api/dms/99?after=1', { token: ada })).status, 404);
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});
