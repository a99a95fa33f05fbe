'use strict';

// `node src/index.js` as users and the C++ tests run it: environment, messages, signals.

const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { startProcess, startBackend, INDEX } = require('../testlib/processes');
const { connect, http, waitFor, closed } = require('../testlib/helpers');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyconnect-cli-'));
const run = (env) => startProcess(process.execPath, [INDEX], { env: { PORT: '0', ...env } });
const cleanEnv = { JWT_SECRET: '', SEED_DEMO: '', REDIS_URL: '', DB_PATH: path.join(dir, 'plain.db'), LOG_LEVEL: 'warn' };

describe('src/index.js', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 1 with a clear message when JWT_SECRET is missing (and SEED_DEMO is not set)', async () => {
    const proc = run(cleanEnv);
    const { code } = await proc.exited;
    assert.equal(code, 1);
    assert.match(proc.stderr, /JWT_SECRET is not set/);
    assert.doesNotMatch(proc.stderr, /\n\s+at /, 'no stack trace');
  });

  it('rejects an invalid PORT', async () => {
    const proc = run({ ...cleanEnv, JWT_SECRET: 's', PORT: 'abc' });
    assert.equal((await proc.exited).code, 1);
    assert.match(proc.stderr, /PORT must be a number/);
  });

  it('prints the listening line, serves /healthz and stops cleanly on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT']) {
      const proc = await startBackend({ ...cleanEnv, JWT_SECRET: 'cli-secret' });
      assert.match(proc.lines.find((l) => l.startsWith('StudyConnect backend listening on')), /^StudyConnect backend listening on http:\/\/127\.0\.0\.1:\d+$/);
      assert.deepEqual((await http({ url: proc.url }, 'GET', '/healthz')).json, { ok: true });
      const { code } = await proc.stop(signal);
      assert.equal(code, 0, `${signal}: ${proc.stdout}${proc.stderr}`);
    }
  });

  it('reports a port that is already in use, without a stack trace', async () => {
    const blocker = net.createServer();
    await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address();
    try {
      const proc = run({ ...cleanEnv, JWT_SECRET: 's', PORT: String(port) });
      assert.equal((await proc.exited).code, 1);
      assert.match(proc.stderr, new RegExp(`port ${port} is already in use; set PORT=`));
      assert.doesNotMatch(proc.stderr, /\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('reports an unreachable REDIS_URL clearly', async () => {
    const blocker = net.createServer();
    await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address();
    blocker.close(); // now nothing listens there
    const proc = run({ ...cleanEnv, JWT_SECRET: 's', REDIS_URL: `redis://127.0.0.1:${port}` });
    assert.equal((await proc.exited).code, 1);
    assert.match(proc.stderr, /cannot connect to Redis at redis:\/\/127\.0\.0\.1:\d+/);
  });

  it('SEED_DEMO=1 without JWT_SECRET keeps a generated secret next to the database: tokens survive a restart', async () => {
    const env = { ...cleanEnv, SEED_DEMO: '1', DB_PATH: path.join(dir, 'demo', 'studyconnect.db') };
    const first = await startBackend(env);
    const login = await http({ url: first.url }, 'POST', '/api/auth/login', {
      body: { email: 'ada@studyconnect.test', password: 'studyconnect' },
    });
    assert.equal(login.status, 200);
    const secretFile = path.join(dir, 'demo', 'jwt-secret');
    assert.ok(fs.existsSync(secretFile));
    assert.equal(fs.statSync(secretFile).mode & 0o077, 0, 'the secret file is private');
    // A connected client is disconnected by the shutdown.
    const socket = await connect(first.url, login.json.token);
    const gone = closed(socket);
    assert.equal((await first.stop('SIGTERM')).code, 0);
    await gone;

    const second = await startBackend(env);
    const me = await http({ url: second.url }, 'GET', '/api/auth/me', { token: login.json.token });
    assert.equal(me.status, 200);
    assert.equal(me.json.email, 'ada@studyconnect.test');
    const s2 = await connect(second.url, login.json.token);
    const status = waitFor(s2, 'disconnect');
    assert.equal((await second.stop('SIGTERM')).code, 0);
    await status;
  });

  it('honours JWT_EXPIRES_IN (a plain number means seconds)', async () => {
    const proc = await startBackend({ ...cleanEnv, JWT_SECRET: 'x', SEED_DEMO: '1', JWT_EXPIRES_IN: '60', DB_PATH: ':memory:' });
    const login = await http({ url: proc.url }, 'POST', '/api/auth/login', { body: { email: 'alan@studyconnect.test', password: 'studyconnect' } });
    const payload = JSON.parse(Buffer.from(login.json.token.split('.')[1], 'base64url').toString());
    assert.equal(payload.exp - payload.iat, 60);
    assert.equal((await proc.stop()).code, 0);
    const bad = run({ ...cleanEnv, JWT_SECRET: 'x', JWT_EXPIRES_IN: 'soon' });
    assert.equal((await bad.exited).code, 1);
    assert.match(bad.stderr, /invalid JWT_EXPIRES_IN/);
  });
});
