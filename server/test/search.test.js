'use strict';

// GET /api/search: full-text search (SQLite FTS5) over the rooms and DMs the caller may read.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { openDatabase, SCHEMA_VERSION } = require('../src/store/sqlite/db');
const { seedDemo } = require('../src/seed');
const { toMatchQuery } = require('../src/search');
const { FEATURES, ERRORS, QUERY_ERRORS, MAX_SEARCH_QUERY_LENGTH } = require('../src/constants');
const {
  startServer, connectAs, request, http, tokenFor, assertIso, assertPublicUser, dropSearchSchema, dropStudySchema, dropMentionsSchema, dropPresenceSchema, dropFilesSchema,
  BASE_TIME, USERS, ROOMS,
} = require('../testlib/helpers');

const search = (server, name, query) =>
  http(server, 'GET', `/api/search?${new URLSearchParams(query)}`, { token: tokenFor(USERS[name]) });
/** The results of a search that must succeed. */
async function found(server, name, query) {
  const res = await search(server, name, query);
  assert.equal(res.status, 200, `${JSON.stringify(query)}: ${res.text}`);
  assert.ok(Array.isArray(res.json));
  return res.json;
}
const texts = (results) => results.map((r) => r.text);
const key = (r) => `${r.kind} ${r.id}`;

describe('search (GET /api/search)', () => {
  let server;
  let store;
  const room = async (roomId, name, text, clientId) =>
    (await store.createMessage({ roomId, senderId: USERS[name], text, clientId })).message.id;
  const dm = async (from, to, text, clientId) =>
    (await store.createDirectMessage({ senderId: USERS[from], recipientId: USERS[to], text, clientId })).dm.id;

  before(async () => {
    server = await startServer();
    store = server.store;
  });
  after(() => server.close());

  it('is announced as the feature search', async () => {
    assert.ok(FEATURES.includes('search'));
    assert.ok((await http(server, 'GET', '/api/server')).json.features.includes('search'));
  });

  it('needs a token', async () => {
    const res = await http(server, 'GET', '/api/search?q=x');
    assert.equal(res.status, 401);
  });

  it('answers room messages and DMs in the shapes of the history routes, plus kind', async () => {
    const roomId = await room(ROOMS.lounge, 'alan', 'Shape check: axolotl', 'search-shape-1');
    const dmId = await dm('ada', 'grace', 'Shape check: axolotl in a DM');
    const results = await found(server, 'ada', { q: 'axolotl' });
    assert.deepEqual(results.map(key).sort(), [`dm ${dmId}`, `room ${roomId}`]);
    const r = results.find((x) => x.kind === 'room');
    assert.deepEqual(Object.keys(r).sort(), ['clientId', 'createdAt', 'id', 'kind', 'roomId', 'sender', 'text']);
    assert.equal(r.roomId, ROOMS.lounge);
    assert.equal(r.clientId, 'search-shape-1');
    assertPublicUser(r.sender, USERS.alan);
    assertIso(r.createdAt);
    const history = (await http(server, 'GET', `/api/rooms/${ROOMS.lounge}/messages?limit=1&before=${roomId + 1}`, { token: tokenFor(USERS.ada) })).json[0];
    assert.deepEqual(r, { kind: 'room', ...history });
    const d = results.find((x) => x.kind === 'dm');
    assert.deepEqual(Object.keys(d).sort(), ['createdAt', 'id', 'kind', 'recipientId', 'sender', 'text']);
    assert.equal(d.recipientId, USERS.grace);
    assertPublicUser(d.sender, USERS.ada);
    const dmHistory = (await http(server, 'GET', `/api/dms/${USERS.grace}?limit=1&before=${dmId + 1}`, { token: tokenFor(USERS.ada) })).json[0];
    assert.deepEqual(d, { kind: 'dm', ...dmHistory });
  });

  it('matches word prefixes: "deriv" finds "derivative" (and only words that start so)', async () => {
    const results = await found(server, 'ada', { q: 'deriv' });
    assert.ok(results.length >= 2, 'the demo Calculus room talks about derivatives');
    for (const r of results) assert.match(r.text, /(^|[^\p{L}\p{N}])deriv/iu, r.text);
    assert.ok(texts(results).some((t) => /derivative/.test(t)));
    // "antiderivative" contains "deriv" but no word starts with it.
    assert.ok(!texts(results).some((t) => /antiderivative/.test(t) && !/(^|[^\p{L}])deriv/iu.test(t)));
    assert.deepEqual(await found(server, 'ada', { q: 'erivative' }), [], 'prefixes, not infixes');
  });

  it('is case-insensitive', async () => {
    const lower = await found(server, 'ada', { q: 'derivative' });
    assert.ok(lower.length > 0);
    assert.deepEqual(await found(server, 'ada', { q: 'DERIVATIVE' }), lower);
    assert.deepEqual(await found(server, 'ada', { q: 'DeRiVaTiVe' }), lower);
  });

  it('is diacritics-insensitive both ways ("cafe" finds "Café", "muller" finds "Müller")', async () => {
    const cafe = await room(ROOMS.lounge, 'grace', 'Study group at Café Müller tonight');
    // The same words decomposed (e + U+0301, u + U+0308), as some keyboards and platforms send them.
    const nfd = await dm('alan', 'ada', 'Cafe\u0301 Mu\u0308ller again?');
    const fold = (t) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const q of ['cafe', 'Café', 'CAFÉ', 'muller', 'Müller', 'MÜLLER', 'Mu\u0308ller', 'cafe muller', 'caf', 'mül']) {
      const results = await found(server, 'ada', { q });
      assert.ok(results.some((r) => key(r) === `room ${cafe}`), q);
      assert.ok(results.some((r) => key(r) === `dm ${nfd}`), q);
      // Nothing else but the demo "cafeteria": every result has a word starting with each query word.
      for (const r of results) {
        for (const w of fold(q).split(' ')) assert.match(fold(r.text), new RegExp(`(^|[^a-z])${w}`), `${q}: ${r.text}`);
      }
    }
  });

  it('ranks by relevance: the word twice, or a shorter message, ranks higher; ties newest first', async () => {
    const once = await room(ROOMS.lounge, 'ada', 'a quokka was in the garden today');
    const twice = await room(ROOMS.lounge, 'ada', 'a quokka and a quokka in the garden');
    assert.deepEqual((await found(server, 'ada', { q: 'quokka' })).map((r) => r.id), [twice, once]);

    const long = await room(ROOMS.algorithms, 'alan', 'wombat seen near the river bank yesterday evening with friends');
    const short = await room(ROOMS.algorithms, 'alan', 'wombat seen');
    assert.deepEqual((await found(server, 'ada', { q: 'wombat' })).map((r) => r.id), [short, long]);

    const older = await room(ROOMS.lounge, 'ada', 'numbat sighting');
    const newer = await room(ROOMS.lounge, 'grace', 'numbat sighting');
    assert.deepEqual((await found(server, 'ada', { q: 'numbat' })).map((r) => r.id), [newer, older]);
  });

  it('merges room and DM results by rank and cuts the merged list to limit', async () => {
    const inRoom = await room(ROOMS.lounge, 'ada', 'tarsier');
    const inDm = await dm('ada', 'alan', 'tarsier tarsier, the tarsier is a tiny primate with huge eyes, look it up sometime');
    const all = await found(server, 'ada', { q: 'tarsier' });
    assert.deepEqual(all.map(key), [`room ${inRoom}`, `dm ${inDm}`], 'the short room message ranks first');
    assert.deepEqual((await found(server, 'ada', { q: 'tarsier', limit: 1 })).map(key), [`room ${inRoom}`]);
  });

  it('ANDs the words', async () => {
    const both = await room(ROOMS.lounge, 'ada', 'kinkajou and okapi');
    await room(ROOMS.lounge, 'ada', 'kinkajou alone');
    await room(ROOMS.lounge, 'ada', 'okapi alone');
    assert.deepEqual((await found(server, 'ada', { q: 'okapi kinkajou' })).map((r) => r.id), [both]);
    assert.deepEqual((await found(server, 'ada', { q: 'kinka, oka!' })).map((r) => r.id), [both]);
  });

  describe('authorisation', () => {
    let chem;
    let otherPair;
    let mine;
    before(async () => {
      chem = await room(ROOMS.chemistry, 'grace', 'the secret word is marmoset'); // Alan is no member of Chemistry
      otherPair = await dm('grace', 'linus', 'marmoset between Grace and Linus');
      mine = await dm('alan', 'grace', 'marmoset for Grace from Alan');
    });

    it('a room the caller is not a member of is never returned', async () => {
      assert.deepEqual((await found(server, 'alan', { q: 'marmoset' })).map(key), [`dm ${mine}`]);
      assert.ok((await found(server, 'ada', { q: 'marmoset' })).some((r) => key(r) === `room ${chem}`), 'Ada is a member');
      const res = await search(server, 'alan', { q: 'marmoset', roomId: ROOMS.chemistry });
      assert.equal(res.status, 403);
      assert.deepEqual(res.json, { error: ERRORS.NOT_MEMBER });
    });

    it('DMs between two other users are never returned', async () => {
      const ada = await found(server, 'ada', { q: 'marmoset' });
      assert.deepEqual(ada.map(key), [`room ${chem}`]);
      assert.deepEqual(await found(server, 'ada', { q: 'marmoset', userId: USERS.grace }), []);
      assert.deepEqual(await found(server, 'ada', { q: 'marmoset', userId: USERS.linus }), []);
      const grace = await found(server, 'grace', { q: 'marmoset' });
      assert.deepEqual(grace.map(key).sort(), [`dm ${mine}`, `dm ${otherPair}`, `room ${chem}`].sort());
      assert.deepEqual((await found(server, 'linus', { q: 'marmoset', userId: USERS.grace })).map(key), [`dm ${otherPair}`]);
    });

    it('follows membership: after leaving a room its messages are no longer found', async () => {
      const linus = await connectAs(server, 'linus');
      assert.ok((await found(server, 'linus', { q: 'marmoset' })).some((r) => key(r) === `room ${chem}`));
      assert.equal((await request(linus, 'room:leave', ROOMS.chemistry)).ok, true);
      assert.ok(!(await found(server, 'linus', { q: 'marmoset' })).some((r) => r.kind === 'room'));
      assert.equal((await search(server, 'linus', { q: 'marmoset', roomId: ROOMS.chemistry })).status, 403);
      assert.equal((await request(linus, 'room:join', ROOMS.chemistry)).ok, true);
      assert.ok((await found(server, 'linus', { q: 'marmoset' })).some((r) => key(r) === `room ${chem}`));
      linus.disconnect();
    });
  });

  describe('filters and paging', () => {
    const pangolins = [];
    let dmPangolin;
    before(async () => {
      for (let i = 0; i < 5; i += 1) pangolins.push(await room(ROOMS.algorithms, 'grace', 'pangolin report'));
      await room(ROOMS.lounge, 'grace', 'pangolin report');
      dmPangolin = await dm('linus', 'ada', 'pangolin report');
    });

    it('roomId keeps one room and no DMs; userId keeps one DM conversation and no rooms', async () => {
      const inRoom = await found(server, 'ada', { q: 'pangolin', roomId: ROOMS.algorithms });
      assert.deepEqual(inRoom.map((r) => r.id), [...pangolins].reverse(), 'equal rank: newest first');
      assert.ok(inRoom.every((r) => r.kind === 'room' && r.roomId === ROOMS.algorithms));
      assert.deepEqual((await found(server, 'ada', { q: 'pangolin', roomId: String(ROOMS.algorithms) })).length, 5);
      assert.deepEqual((await found(server, 'ada', { q: 'pangolin', userId: USERS.linus })).map(key), [`dm ${dmPangolin}`]);
      assert.deepEqual(await found(server, 'ada', { q: 'pangolin', userId: USERS.grace }), []);
      assert.deepEqual(await found(server, 'ada', { q: 'pangolin', userId: USERS.ada }), [], 'no conversation with oneself');
      assert.equal((await found(server, 'ada', { q: 'pangolin' })).length, 7);
    });

    it('before keeps only older messages (exclusive)', async () => {
      const page = await found(server, 'ada', { q: 'pangolin', roomId: ROOMS.algorithms, before: pangolins[3] });
      assert.deepEqual(page.map((r) => r.id), [pangolins[2], pangolins[1], pangolins[0]]);
      const limited = await found(server, 'ada', { q: 'pangolin', roomId: ROOMS.algorithms, before: pangolins[3], limit: 2 });
      assert.deepEqual(limited.map((r) => r.id), [pangolins[2], pangolins[1]]);
      const next = await found(server, 'ada', { q: 'pangolin', roomId: ROOMS.algorithms, before: pangolins[1], limit: 2 });
      assert.deepEqual(next.map((r) => r.id), [pangolins[0]]);
      assert.deepEqual(await found(server, 'ada', { q: 'pangolin', roomId: ROOMS.algorithms, before: pangolins[0] }), []);
      const dms = await found(server, 'ada', { q: 'pangolin', userId: USERS.linus, before: dmPangolin });
      assert.deepEqual(dms, []);
    });

    it('limit: 1 to 100, default 50', async () => {
      for (let i = 0; i < 55; i += 1) await room(ROOMS.lounge, 'alan', `capybara number ${i}`);
      assert.equal((await found(server, 'ada', { q: 'capybara' })).length, 50);
      assert.equal((await found(server, 'ada', { q: 'capybara', limit: 100 })).length, 55);
      assert.equal((await found(server, 'ada', { q: 'capybara', limit: 3 })).length, 3);
    });

    it('400 for bad parameters, 404 for an unknown room or user', async () => {
      const cases = [
        [{}, QUERY_ERRORS.SEARCH_QUERY_INVALID],
        ['q=a&q=b', QUERY_ERRORS.SEARCH_QUERY_INVALID],
        [{ q: 'x'.repeat(MAX_SEARCH_QUERY_LENGTH + 1) }, QUERY_ERRORS.SEARCH_QUERY_INVALID],
        [{ q: 'x', roomId: 'abc' }, ERRORS.INVALID_ROOM_ID],
        [{ q: 'x', roomId: '0' }, ERRORS.INVALID_ROOM_ID],
        [{ q: 'x', userId: '-2' }, ERRORS.INVALID_USER_ID],
        ['q=x&roomId=1&roomId=2', ERRORS.INVALID_ROOM_ID],
        [{ q: 'x', roomId: ROOMS.lounge, userId: USERS.alan }, QUERY_ERRORS.SEARCH_TARGET],
        [{ q: 'x', limit: '0' }, QUERY_ERRORS.LIMIT_INVALID],
        [{ q: 'x', limit: '101' }, QUERY_ERRORS.LIMIT_INVALID],
        [{ q: 'x', limit: 'ten' }, QUERY_ERRORS.LIMIT_INVALID],
        [{ q: 'x', before: 'x' }, QUERY_ERRORS.BEFORE_INVALID],
        ['q=x&before=5&before=6', QUERY_ERRORS.BEFORE_INVALID],
      ];
      for (const [query, error] of cases) {
        const qs = typeof query === 'string' ? query : new URLSearchParams(query).toString();
        const res = await http(server, 'GET', `/api/search?${qs}`, { token: tokenFor(USERS.ada) });
        assert.equal(res.status, 400, qs.slice(0, 80));
        assert.deepEqual(res.json, { error }, qs.slice(0, 80));
      }
      assert.deepEqual(await search(server, 'ada', { q: 'x', roomId: 99 }).then((r) => [r.status, r.json]), [404, { error: ERRORS.UNKNOWN_ROOM }]);
      assert.deepEqual(await search(server, 'ada', { q: 'x', userId: 99 }).then((r) => [r.status, r.json]), [404, { error: ERRORS.UNKNOWN_USER }]);
    });
  });

  it('hostile queries are words, never syntax: 200, never 500', async () => {
    const target = await room(ROOMS.lounge, 'ada', 'near the ocelot or a serval, and not the caracal');
    const hostile = ['"', '*', 'NEAR(', '-', 'a" OR "b', ')', '^', ':', '(', '""', '"ocelot', 'ocelot"', '*ocelot', 'ocelot*',
      '-ocelot', 'NOT ocelot', 'ocelot NOT caracal', 'ocelot OR zzz', 'ocelot AND', 'NEAR(ocelot serval, 2)', 'text:ocelot',
      '{text}: ocelot', '^ocelot', 'ocelot + serval', "ocelot' --", '\\', '\u0000ocelot', '\u0301', ' ', '',
      'x'.repeat(MAX_SEARCH_QUERY_LENGTH), 'a '.repeat(MAX_SEARCH_QUERY_LENGTH / 2), '"('.repeat(MAX_SEARCH_QUERY_LENGTH / 2),
      'é'.repeat(MAX_SEARCH_QUERY_LENGTH), '😀'.repeat(MAX_SEARCH_QUERY_LENGTH / 2)];
    for (const q of hostile) {
      const res = await search(server, 'ada', { q });
      assert.equal(res.status, 200, `${JSON.stringify(q.slice(0, 40))}: ${res.text}`);
      assert.ok(Array.isArray(res.json));
    }
    // No word: nothing to look for.
    for (const q of ['"', '*', '-', ')', '^', ':', '(', '""', '', ' ', '\u0301', '😀']) assert.deepEqual(await found(server, 'ada', { q }), [], q);
    // The operators are dropped or searched as words.
    const hits = async (q) => (await found(server, 'ada', { q })).some((r) => r.id === target);
    for (const q of ['"ocelot', 'ocelot"', '*ocelot', '-ocelot', '^ocelot', 'NEAR(ocelot serval)',
      'ocelot NOT caracal', 'ocelot AND', 'ocel*', '"ocelot serval"']) {
      // As FTS5 syntax 'ocelot NOT caracal' would exclude the message; as words it finds it.
      assert.ok(await hits(q), `${q} finds the message`);
    }
    assert.ok(!(await hits('ocelot OR zzz')), 'OR is a word, and the words are ANDed');
    assert.ok(!(await hits('text:ocelot')), 'no column filter: "text" is a word the message does not have');
    assert.equal(toMatchQuery('a" OR "b'), '"a"* "OR"* "b"*');
    assert.equal(toMatchQuery('NEAR('), '"NEAR"*');
    assert.equal(toMatchQuery('*-^:()"'), null);
  });

  it('finds a message sent over the socket right away, and follows edits and deletes', async () => {
    const ada = await connectAs(server, 'ada');
    await request(ada, 'room:join', ROOMS.lounge);
    const ack = await request(ada, 'message:send', { roomId: ROOMS.lounge, text: 'fresh from the socket: meerkat' });
    assert.deepEqual((await found(server, 'grace', { q: 'meerkat' })).map(key), [`room ${ack.id}`]);
    const dmAck = await request(ada, 'dm:send', { recipientId: USERS.grace, text: 'meerkat by DM' });
    assert.deepEqual((await found(server, 'grace', { q: 'meerkat' })).map(key).sort(), [`dm ${dmAck.id}`, `room ${ack.id}`]);
    ada.disconnect();
    // Edits and deletes through the store: the search follows them.
    await store.editMessage('room', ack.id, 'renamed to mongoose');
    assert.deepEqual((await found(server, 'grace', { q: 'meerkat' })).map(key), [`dm ${dmAck.id}`]);
    assert.deepEqual((await found(server, 'grace', { q: 'mongoose' })).map(key), [`room ${ack.id}`]);
    await store.deleteMessage('dm', dmAck.id);
    assert.deepEqual(await found(server, 'grace', { q: 'meerkat' }), []);
    if (store.kind !== 'sqlite') return;
    // SQLite: triggers keep the FTS index right even when rows change behind the store.
    store.raw.prepare('UPDATE messages SET text = ? WHERE id = ?').run('renamed to a mongoose and a dhole', ack.id);
    assert.deepEqual((await found(server, 'grace', { q: 'dhole' })).map(key), [`room ${ack.id}`]);
    store.raw.prepare('DELETE FROM messages WHERE id = ?').run(ack.id);
    assert.deepEqual(await found(server, 'grace', { q: 'mongoose' }), []);
    for (const t of ['messages_fts', 'direct_messages_fts']) store.raw.exec(`INSERT INTO ${t} (${t}) VALUES ('integrity-check')`);
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});

describe('search: upgrading a schema-version-2 database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyconnect-search-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('indexes the messages that exist, and the ones that come after', async () => {
    const file = path.join(dir, 'v2.db');
    // A version-2 database: the demo data, no search tables, and messages written without them.
    const old = openDatabase(file);
    await seedDemo(old, { baseTime: BASE_TIME });
    dropFilesSchema(old.raw);
    dropPresenceSchema(old.raw);
    dropMentionsSchema(old.raw);
    dropStudySchema(old.raw);
    dropSearchSchema(old.raw);
    old.raw.pragma('user_version = 2');
    // Raw SQL: the store's statements are those of the current schema, which this file no longer has.
    old.raw.prepare('INSERT INTO messages (room_id, sender_id, text, created_at) VALUES (?, ?, ?, ?)')
      .run(ROOMS.lounge, USERS.alan, 'written before search existed: fennec', Date.now());
    old.raw.prepare('INSERT INTO direct_messages (sender_id, recipient_id, text, created_at) VALUES (?, ?, ?, ?)')
      .run(USERS.grace, USERS.ada, 'a DM from before search: fennec', Date.now());
    const counts = ['messages', 'direct_messages'].map((t) => old.raw.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get().n);
    old.close();

    const server = await startServer({ dbPath: file, seedDemo: false });
    try {
      const db = server.store.raw;
      assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
      for (const [i, t] of ['messages', 'direct_messages'].entries()) {
        assert.equal(db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get().n, counts[i], 'data kept');
        db.exec(`INSERT INTO ${t}_fts (${t}_fts) VALUES ('integrity-check')`);
      }
      assert.equal((await found(server, 'ada', { q: 'fennec' })).length, 2);
      assert.ok((await found(server, 'ada', { q: 'deriv' })).length >= 2, 'the demo history is searchable');
      const ada = await connectAs(server, 'ada');
      await request(ada, 'room:join', ROOMS.lounge);
      const ack = await request(ada, 'message:send', { roomId: ROOMS.lounge, text: 'written after the upgrade: fennec' });
      const results = await found(server, 'ada', { q: 'fennec' });
      assert.equal(results.length, 3);
      assert.ok(results.some((r) => key(r) === `room ${ack.id}`));
      ada.disconnect();
      assert.deepEqual(server.logger.errors, []);
    } finally {
      await server.close();
    }
  });
});
