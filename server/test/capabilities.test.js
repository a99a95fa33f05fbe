'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, http, tokenFor, USERS } = require('../testlib/helpers');
const { FEATURES } = require('../src/constants');
const { version } = require('../package.json');

describe('capabilities (GET /api/server)', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('answers { version, features, limits } without a token', async () => {
    const res = await http(server, 'GET', '/api/server');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /application\/json/);
    assert.deepEqual(Object.keys(res.json).sort(), ['features', 'limits', 'version']);
    assert.deepEqual(res.json.limits, { maxFileBytes: 25 * 1024 * 1024, maxAttachments: 10 });
    assert.equal(res.json.version, version);
    assert.match(res.json.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(res.json.features, [...FEATURES]);
  });

  it('announces every addition a client may switch on, each once', async () => {
    const { features } = (await http(server, 'GET', '/api/server')).json;
    for (const name of ['acks', 'clientId', 'history', 'roomList', 'typing', 'membership', 'readState']) {
      assert.ok(features.includes(name), name);
    }
    assert.ok(features.every((f) => typeof f === 'string' && /^[a-z][A-Za-z]*$/.test(f)));
    assert.equal(new Set(features).size, features.length);
  });

  it('ignores a token, even an invalid one (the route is public)', async () => {
    const good = await http(server, 'GET', '/api/server', { token: tokenFor(USERS.ada) });
    const bad = await http(server, 'GET', '/api/server', { token: 'not-a-jwt' });
    assert.equal(good.status, 200);
    assert.equal(bad.status, 200);
    assert.deepEqual(good.json, bad.json);
  });

  it('is GET only: other methods are the usual 404', async () => {
    const res = await http(server, 'POST', '/api/server', { body: {}, token: tokenFor(USERS.ada) });
    assert.equal(res.status, 404);
    assert.deepEqual(res.json, { error: 'Not found' });
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});
