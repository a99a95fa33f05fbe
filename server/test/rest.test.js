'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const jwt = require('jsonwebtoken');
const {
  startServer, connectAs, request, http, tokenFor, assertIso, assertPublicUser, SECRET, USERS, ROOMS,
} = require('../testlib/helpers');

describe('REST API', () => {
  let server;
  let token; // ada
  before(async () => {
    server = await startServer({ frontendUrl: 'http://localhost:3000' });
    token = tokenFor(USERS.ada);
  });
  after(() => server.close());

  describe('POST /api/auth/login', () => {
    it('returns { token, user } for valid credentials; the token carries the user id and works', async () => {
      const res = await http(server, 'POST', '/api/auth/login', { body: { email: 'ada@studyconnect.test', password: 'studyconnect' } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /application\/json/);
      assert.deepEqual(res.json.user, {
        id: 1, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@studyconnect.test', role: 'student', avatar: null,
      });
      const decoded = jwt.verify(res.json.token, SECRET);
      assert.equal(decoded.id, 1);
      assert.equal(decoded.exp - decoded.iat, 7 * 24 * 3600, 'default JWT_EXPIRES_IN is 7d');
      const me = await http(server, 'GET', '/api/auth/me', { token: res.json.token });
      assert.equal(me.status, 200);
      assert.equal(me.json.email, 'ada@studyconnect.test');
    });

    it('matches the email case-insensitively', async () => {
      const res = await http(server, 'POST', '/api/auth/login', { body: { email: 'Grace@StudyConnect.test', password: 'studyconnect' } });
      assert.equal(res.status, 200);
      assert.equal(res.json.user.role, 'tutor');
    });

    it('answers 401 with the same message for a wrong password and an unknown email', async () => {
      const wrong = await http(server, 'POST', '/api/auth/login', { body: { email: 'ada@studyconnect.test', password: 'nope' } });
      const unknown = await http(server, 'POST', '/api/auth/login', { body: { email: 'nobody@studyconnect.test', password: 'studyconnect' } });
      for (const res of [wrong, unknown]) {
        assert.equal(res.status, 401);
        assert.deepEqual(res.json, { error: 'Invalid email or password' });
      }
    });

    it('answers 400 for a malformed body', async () => {
      const cases = [
        { raw: '{"email": "ada@', headers: { 'content-type': 'application/json' } },
        { raw: 'email=ada&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        { raw: undefined },
        { body: [] },
        { body: 'ada' },
        { body: {} },
        { body: { email: 'ada@studyconnect.test' } },
        { body: { email: 1, password: 'studyconnect' } },
        { body: { email: 'ada@studyconnect.test', password: ['studyconnect'] } },
        { body: { email: '', password: 'x' } },
      ];
      for (const c of cases) {
        const res = await http(server, 'POST', '/api/auth/login', c);
        assert.equal(res.status, 400, JSON.stringify(c));
        assert.equal(typeof res.json.error, 'string');
        assert.doesNotMatch(res.text, /at .*\.js/, 'no stack trace');
      }
    });

    it('answers 413 for a body over 16 KB', async () => {
      const res = await http(server, 'POST', '/api/auth/login', { body: { email: 'ada@studyconnect.test', password: 'p'.repeat(17 * 1024) } });
      assert.equal(res.status, 413);
      assert.deepEqual(res.json, { error: 'Request body too large' });
    });
  });

  describe('authentication of the other routes', () => {
    const routes = ['/api/auth/me', '/api/rooms', '/api/rooms/1/messages', '/api/users', '/api/dms', '/api/dms/2'];
    const cases = [
      ['no Authorization header', undefined, {}, 'Authentication error: Token not provided'],
      ['a non-Bearer header', undefined, { authorization: 'Basic YWRhOng=' }, 'Authentication error: Token not provided'],
      ['a bad signature', tokenFor(1, {}, 'other'), {}, 'Authentication error: invalid signature'],
      ['an expired token', jwt.sign({ id: 1, exp: Math.floor(Date.now() / 1000) - 5 }, SECRET), {}, 'Authentication error: jwt expired'],
      ['a malformed token', 'abc.def', {}, 'Authentication error: jwt malformed'],
      ['an unknown user', tokenFor(999), {}, 'Authentication error: User not found'],
    ];
    for (const [name, tok, headers, error] of cases) {
      it(`401 { error } for ${name}`, async () => {
        for (const route of routes) {
          const res = await http(server, 'GET', route, { token: tok, headers });
          assert.equal(res.status, 401, route);
          assert.deepEqual(res.json, { error }, route);
          assert.equal(res.headers.get('www-authenticate'), 'Bearer');
        }
      });
    }
  });

  it('GET /api/auth/me returns the user with email', async () => {
    const res = await http(server, 'GET', '/api/auth/me', { token: tokenFor(USERS.linus) });
    assert.deepEqual(res.json, {
      id: 4, firstName: 'Linus', lastName: 'Torvalds', email: 'linus@studyconnect.test', role: 'student', avatar: null,
    });
  });

  it('GET /api/rooms lists the rooms with memberCount, lastMessage and the caller\'s joined, lastReadId, unreadCount', async () => {
    const res = await http(server, 'GET', '/api/rooms', { token });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.map((r) => r.name), ['Calculus I', 'Organic Chemistry', 'Algorithms', 'Study Lounge']);
    for (const room of res.json) {
      assert.deepEqual(Object.keys(room).sort(), [
        'description', 'id', 'joined', 'lastMessage', 'lastReadId', 'memberCount', 'mentionCount', 'name', 'pinnedCount', 'unreadCount',
      ]);
      assert.equal(room.joined, true, 'ada is a demo member of every room');
      assert.equal(typeof room.lastReadId, 'number');
      assert.equal(typeof room.unreadCount, 'number');
      assert.equal(typeof room.mentionCount, 'number');
      assert.equal(typeof room.id, 'number');
      assert.ok(room.description.length > 10);
      assert.deepEqual(Object.keys(room.lastMessage).sort(), ['createdAt', 'id', 'sender', 'text']);
      assertPublicUser(room.lastMessage.sender);
      assertIso(room.lastMessage.createdAt);
    }
    assert.equal(res.json[0].memberCount, 4);
    assert.equal(res.json[1].memberCount, 3);
    const history = await http(server, 'GET', `/api/rooms/${ROOMS.calculus}/messages?limit=1`, { token });
    assert.deepEqual(res.json[0].lastMessage, { id: history.json[0].id, text: history.json[0].text, sender: history.json[0].sender, createdAt: history.json[0].createdAt });
  });

  describe('GET /api/rooms/:id/messages', () => {
    it('returns the newest 50 first by default, each { id, roomId, sender, text, createdAt }', async () => {
      const res = await http(server, 'GET', `/api/rooms/${ROOMS.calculus}/messages`, { token });
      assert.equal(res.status, 200);
      const page = res.json;
      assert.equal(page.length, 38, 'the demo Calculus room has 38 messages, fewer than 50');
      for (let i = 1; i < page.length; i += 1) {
        assert.ok(page[i - 1].id > page[i].id, 'newest first');
        assert.ok(page[i - 1].createdAt >= page[i].createdAt);
      }
      for (const m of page) {
        // The seed's shape; `mentions` only on the demo message that names someone with <@id>.
        const mentions = m.text.includes('<@') ? ['mentions'] : [];
        assert.deepEqual(Object.keys(m).sort(), ['createdAt', 'id', ...mentions, 'roomId', 'sender', 'text']);
        assert.equal(m.roomId, ROOMS.calculus);
        assertPublicUser(m.sender);
        assertIso(m.createdAt);
      }
      assert.equal(page.at(-1).text, 'Welcome back everyone! Problem set 4 is up: limits and continuity, due Friday.');
      assert.equal(page.at(-1).sender.id, USERS.grace);
    });

    it('pages with before=<id> and limit=<n>', async () => {
      const all = (await http(server, 'GET', `/api/rooms/${ROOMS.algorithms}/messages?limit=100`, { token })).json;
      assert.ok(all.length > 30);
      const first = (await http(server, 'GET', `/api/rooms/${ROOMS.algorithms}/messages?limit=10`, { token })).json;
      assert.deepEqual(first, all.slice(0, 10));
      const second = (await http(server, 'GET', `/api/rooms/${ROOMS.algorithms}/messages?limit=10&before=${first.at(-1).id}`, { token })).json;
      assert.deepEqual(second, all.slice(10, 20));
      let pages = 0;
      const seen = [];
      let before = '';
      for (;;) {
        const page = (await http(server, 'GET', `/api/rooms/${ROOMS.algorithms}/messages?limit=7${before}`, { token })).json;
        if (page.length === 0) break;
        seen.push(...page);
        before = `&before=${page.at(-1).id}`;
        pages += 1;
        assert.ok(pages < 20);
      }
      assert.deepEqual(seen, all);
      const oldest = all.at(-1).id;
      assert.deepEqual((await http(server, 'GET', `/api/rooms/${ROOMS.algorithms}/messages?before=${oldest}`, { token })).json, []);
    });

    it('includes clientId when the message was sent with one', async () => {
      const ada = await connectAs(server, 'ada');
      await request(ada, 'room:join', ROOMS.lounge);
      const ack = await request(ada, 'message:send', { roomId: ROOMS.lounge, text: 'with client id', clientId: 'rest-1' });
      const res = await http(server, 'GET', `/api/rooms/${ROOMS.lounge}/messages?limit=1`, { token });
      assert.deepEqual(res.json[0], {
        id: ack.id, roomId: ROOMS.lounge, sender: { id: 1, firstName: 'Ada', lastName: 'Lovelace', role: 'student', avatar: null },
        text: 'with client id', createdAt: ack.createdAt, clientId: 'rest-1',
      });
      ada.disconnect();
    });

    it('404 for an unknown room, 400 for bad parameters', async () => {
      const unknown = await http(server, 'GET', '/api/rooms/99/messages', { token });
      assert.equal(unknown.status, 404);
      assert.deepEqual(unknown.json, { error: 'Unknown room' });
      for (const q of ['/api/rooms/abc/messages', '/api/rooms/1/messages?limit=0', '/api/rooms/1/messages?limit=101',
        '/api/rooms/1/messages?limit=abc', '/api/rooms/1/messages?before=-1', '/api/rooms/1/messages?before=x',
        '/api/rooms/1/messages?limit=5&limit=6', '/api/rooms/1/messages?limit=2.5']) {
        const res = await http(server, 'GET', q, { token });
        assert.equal(res.status, 400, q);
        assert.equal(typeof res.json.error, 'string', q);
      }
      assert.equal((await http(server, 'GET', '/api/rooms/1/messages?limit=100', { token })).status, 200);
    });
  });

  it('GET /api/users lists users with status and lastActivity', async () => {
    const res = await http(server, 'GET', '/api/users', { token });
    assert.equal(res.json.length, 4);
    for (const u of res.json) {
      assert.deepEqual(Object.keys(u).sort(), ['avatar', 'firstName', 'id', 'lastActivity', 'lastName', 'role', 'status']);
      assert.ok(['online', 'offline'].includes(u.status));
      assertIso(u.lastActivity);
    }
    assert.deepEqual(res.json.map((u) => `${u.firstName} ${u.lastName}`), ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Linus Torvalds']);
    assert.ok(!('email' in res.json[0]) && !('password_hash' in res.json[0]));
  });

  describe('direct message history', () => {
    it('GET /api/dms lists conversations newest first with the partner and the last message', async () => {
      const res = await http(server, 'GET', '/api/dms', { token });
      assert.equal(res.status, 200);
      assert.ok(res.json.length >= 2);
      for (const c of res.json) {
        assert.deepEqual(Object.keys(c).sort(), ['lastMessage', 'lastReadId', 'mentionCount', 'unreadCount', 'user']);
        assert.equal(typeof c.unreadCount, 'number');
        assert.equal(typeof c.mentionCount, 'number');
        assert.deepEqual(Object.keys(c.user).sort(), ['avatar', 'firstName', 'id', 'lastName', 'role', 'status']);
        assert.deepEqual(Object.keys(c.lastMessage).sort(), ['createdAt', 'id', 'senderId', 'text']);
        assert.notEqual(c.user.id, USERS.ada);
      }
      const ids = res.json.map((c) => c.lastMessage.id);
      assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
      // A new DM moves its conversation to the top.
      const linus = await connectAs(server, 'linus');
      const ack = await request(linus, 'dm:send', { recipientId: USERS.ada, text: 'new conversation' });
      const after = (await http(server, 'GET', '/api/dms', { token })).json;
      assert.equal(after[0].user.id, USERS.linus);
      assert.deepEqual(after[0].lastMessage, { id: ack.id, text: 'new conversation', senderId: USERS.linus, createdAt: ack.createdAt });
      assert.equal(after[0].user.status, 'online');
      linus.disconnect();
    });

    it('GET /api/dms/:userId returns both directions newest first and pages', async () => {
      const all = (await http(server, 'GET', `/api/dms/${USERS.alan}`, { token })).json;
      assert.equal(all.length, 8, 'the demo Ada-Alan conversation');
      for (const m of all) {
        assert.deepEqual(Object.keys(m).sort(), ['createdAt', 'id', 'recipientId', 'sender', 'text']);
        assert.ok((m.sender.id === USERS.ada && m.recipientId === USERS.alan) || (m.sender.id === USERS.alan && m.recipientId === USERS.ada));
      }
      assert.deepEqual(all.map((m) => m.id), all.map((m) => m.id).sort((a, b) => b - a));
      const page = (await http(server, 'GET', `/api/dms/${USERS.alan}?limit=3&before=${all[2].id}`, { token })).json;
      assert.deepEqual(page, all.slice(3, 6));
      const fromAlan = (await http(server, 'GET', `/api/dms/${USERS.ada}`, { token: tokenFor(USERS.alan) })).json;
      assert.deepEqual(fromAlan, all);
      assert.deepEqual((await http(server, 'GET', `/api/dms/${USERS.grace}`, { token: tokenFor(USERS.linus) })).json, []);
    });

    it('404 for an unknown user, 400 for bad parameters', async () => {
      assert.deepEqual(await http(server, 'GET', '/api/dms/77', { token }).then((r) => [r.status, r.json]), [404, { error: 'Unknown user' }]);
      for (const q of ['/api/dms/x', '/api/dms/2?limit=500', '/api/dms/2?before=0']) {
        assert.equal((await http(server, 'GET', q, { token })).status, 400, q);
      }
    });
  });

  it('GET /healthz needs no token', async () => {
    const res = await http(server, 'GET', '/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { ok: true });
  });

  it('unknown routes are 404 JSON (with or without a token)', async () => {
    for (const [method, path, tok] of [['GET', '/nope', undefined], ['GET', '/api/nope', token], ['DELETE', '/api/rooms', token], ['GET', '/', undefined]]) {
      const res = await http(server, method, path, { token: tok });
      assert.equal(res.status, 404, path);
      assert.deepEqual(res.json, { error: 'Not found' });
    }
  });

  it('sends CORS headers for FRONTEND_URL and answers preflight requests', async () => {
    const pre = await http(server, 'OPTIONS', '/api/rooms', { headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET' } });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'http://localhost:3000');
    assert.match(pre.headers.get('access-control-allow-headers'), /Authorization/);
    const res = await http(server, 'GET', '/healthz', { headers: { origin: 'http://localhost:3000' } });
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:3000');
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});
