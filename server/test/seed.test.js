'use strict';

const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const Database = require('better-sqlite3');
const { buildDemo } = require('../src/seed');
const { ROOMS, DMS, USERS } = require('../src/demo-data');
const { usingPostgres, createDatabase } = require('../testlib/stores');
const { startServer, query, http, tokenFor, connectAs, request, BASE_TIME } = require('../testlib/helpers');

const DAY = 24 * 3600e3;

describe('demo data (SEED_DEMO=1)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyconnect-seed-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is deterministic: the same ids, texts and timestamps for the same base time', () => {
    const base = Date.parse(BASE_TIME);
    assert.deepEqual(buildDemo(base), buildDemo(base));
  });

  it('has 4 users, 4 rooms with 30-80 messages each spread over several days, and DM conversations', () => {
    assert.deepEqual(USERS.map((u) => u.email), [
      'ada@studyconnect.test', 'alan@studyconnect.test', 'grace@studyconnect.test', 'linus@studyconnect.test',
    ]);
    assert.deepEqual(ROOMS.map((r) => r.name), ['Calculus I', 'Organic Chemistry', 'Algorithms', 'Study Lounge']);
    const base = Date.parse(BASE_TIME);
    const { messages, dms } = buildDemo(base);
    for (const room of ROOMS) {
      const ms = messages.filter((m) => m.roomId === room.id);
      assert.ok(ms.length >= 30 && ms.length <= 80, `${room.name}: ${ms.length} messages`);
      for (let i = 1; i < ms.length; i += 1) {
        assert.ok(ms[i].createdAt > ms[i - 1].createdAt, 'time grows with id');
        assert.ok(ms[i].id > ms[i - 1].id);
      }
      assert.ok(ms.at(-1).createdAt < base);
      const span = ms.at(-1).createdAt - ms[0].createdAt;
      assert.ok(span > 2 * DAY && span < 7 * DAY, `${room.name} spans ${(span / DAY).toFixed(1)} days`);
      for (const m of ms) assert.ok(room.members.includes(m.senderId), 'senders are members');
    }
    assert.ok(DMS.length >= 2);
    assert.ok(dms.length >= 10);
    assert.ok(dms.every((d) => d.createdAt < base && d.senderId !== d.recipientId));
  });

  it('seeds once: a restart on the same file keeps the ids, adds nothing, and keeps live messages', async () => {
    const dbPath = path.join(dir, 'nested', 'folder', 'studyconnect.db'); // the folder is created
    // The same database twice: a file, or one PostgreSQL database when the suite runs against it.
    const where = usingPostgres() ? { databaseUrl: (await createDatabase()).url } : { dbPath };
    const first = await startServer({ ...where, seedBaseTime: undefined });
    const rooms1 = (await http(first, 'GET', '/api/rooms', { token: tokenFor(1) })).json;
    const history1 = (await http(first, 'GET', '/api/rooms/1/messages?limit=100', { token: tokenFor(1) })).json;
    // Without SEED_BASE_TIME the history ends shortly before "now".
    assert.ok(Date.now() - Date.parse(history1[0].createdAt) < DAY);
    const ada = await connectAs(first, 'ada');
    await request(ada, 'room:join', 1);
    const live = await request(ada, 'message:send', { roomId: 1, text: 'survives a restart' });
    ada.disconnect();
    await first.close();

    const second = await startServer({ ...where, seedBaseTime: '2020-01-01T00:00:00Z' }); // ignored: already seeded
    const rooms2 = (await http(second, 'GET', '/api/rooms', { token: tokenFor(1) })).json;
    const history2 = (await http(second, 'GET', '/api/rooms/1/messages?limit=100', { token: tokenFor(1) })).json;
    assert.deepEqual(history2.slice(1), history1);
    assert.equal(history2[0].id, live.id);
    assert.deepEqual(rooms2.map((r) => [r.id, r.name, r.memberCount]), rooms1.map((r) => [r.id, r.name, r.memberCount]));
    assert.equal((await http(second, 'GET', '/api/users', { token: tokenFor(1) })).json.length, 4);
    const login = await http(second, 'POST', '/api/auth/login', { body: { email: 'linus@studyconnect.test', password: 'studyconnect' } });
    assert.equal(login.status, 200);
    await second.close();
  });

  it('gives a fresh database the same ids every time', async () => {
    const one = await startServer();
    const two = await startServer();
    const ids = async (s) => (await http(s, 'GET', '/api/rooms/4/messages?limit=100', { token: tokenFor(1) })).json;
    assert.deepEqual(await ids(one), await ids(two));
    assert.deepEqual((await ids(one)).at(-1).id, ROOMS.slice(0, 3).reduce((n, r) => n + r.messages.length, 0) + 1);
    await one.close();
    await two.close();
  });

  it('opens a file that another process is writing: waits for it instead of "database is locked"', async () => {
    // Two processes of the Redis scale-out start together on one new file. Switching it to WAL
    // needs an exclusive lock, and SQLite does not wait for that by itself.
    const file = path.join(dir, 'busy.db');
    const holder = new Database(file);
    holder.exec('CREATE TABLE held (x)');
    holder.exec('BEGIN IMMEDIATE'); // a write lock, as a process in the middle of its schema has
    const script = `
      const { openDatabase } = require(${JSON.stringify(path.join(__dirname, '..', 'src', 'store', 'sqlite', 'db'))});
      openDatabase(process.argv[1]).close();`;
    const child = spawn(process.execPath, ['-e', script, file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 700));
    holder.exec('COMMIT');
    holder.close();
    assert.equal(await exited, 0, stderr);
  });

  it('stores bcrypt hashes (cost 10), never the password', async () => {
    const server = await startServer();
    const rows = await query(server, 'SELECT password_hash FROM users');
    assert.equal(rows.length, 4);
    for (const { password_hash: hash } of rows) assert.match(hash, /^\$2[aby]\$10\$.{53}$/);
    await server.close();
  });

  it('without seedDemo the database starts empty', async () => {
    const server = await startServer({ seedDemo: false });
    assert.deepEqual((await http(server, 'GET', '/api/rooms', { token: tokenFor(1) })).status, 401); // no users at all
    await server.close();
  });
});
