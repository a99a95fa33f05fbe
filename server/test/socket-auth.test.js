'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const jwt = require('jsonwebtoken');
const { startServer, connect, tokenFor, SECRET, USERS, assertPublicUser, request, ROOMS } = require('../testlib/helpers');

describe('socket authentication (seed contract)', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const refused = async (token, message, options) => {
    await assert.rejects(connect(server, token, options), (error) => {
      assert.equal(error.message, message);
      return true;
    });
  };

  it('accepts a valid token whose payload has the user id', async () => {
    const socket = await connect(server, tokenFor(USERS.ada));
    assert.ok(socket.connected);
    socket.disconnect();
  });

  it('accepts the id as a string too (payload { id: "2" })', async () => {
    const socket = await connect(server, jwt.sign({ id: '2' }, SECRET));
    assert.ok(socket.connected);
    socket.disconnect();
  });

  it('refuses a missing token', () => refused(undefined, 'Authentication error: Token not provided'));
  it('refuses an empty token', () => refused('', 'Authentication error: Token not provided'));
  it('refuses a token signed with another secret', () =>
    refused(tokenFor(USERS.ada, {}, 'another-secret'), 'Authentication error: invalid signature'));
  it('refuses an expired token', () =>
    refused(jwt.sign({ id: USERS.ada, exp: Math.floor(Date.now() / 1000) - 60 }, SECRET), 'Authentication error: jwt expired'));
  it('refuses a malformed token', () => refused('not-a-jwt', 'Authentication error: jwt malformed'));
  it('refuses a token for a user that does not exist', () => refused(tokenFor(9999), 'Authentication error: User not found'));
  it('refuses a token without an id', () => refused(jwt.sign({ sub: 'x' }, SECRET), 'Authentication error: User not found'));
  it('refuses an unsigned (alg none) token', () =>
    refused(jwt.sign({ id: USERS.ada }, null, { algorithm: 'none' }), 'Authentication error: jwt signature is required'));

  it('works over HTTP long-polling as well as WebSocket', async () => {
    const socket = await connect(server, tokenFor(USERS.alan), { transports: ['polling'] });
    const ack = await request(socket, 'room:join', ROOMS.lounge);
    assert.deepEqual(ack, { ok: true, roomId: ROOMS.lounge, newMember: false });
    socket.disconnect();
  });

  it('a login token from REST works on the socket, and the user is attached as { id, firstName, lastName, role, avatar }', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'grace@studyconnect.test', password: 'studyconnect' }),
    });
    const { token } = await res.json();
    const a = await connect(server, token);
    const b = await connect(server, tokenFor(USERS.linus));
    await request(b, 'room:join', ROOMS.algorithms);
    const joined = new Promise((resolve) => b.once('room:userJoined', resolve));
    await request(a, 'room:join', ROOMS.algorithms);
    const event = await joined;
    assertPublicUser(event.user, USERS.grace);
    assert.deepEqual(event.user, { id: 3, firstName: 'Grace', lastName: 'Hopper', role: 'tutor', avatar: null });
    a.disconnect();
    b.disconnect();
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});
