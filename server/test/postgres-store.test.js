'use strict';

// What only the PostgreSQL store has: its versioned migrations, and concurrency that SQLite's
// single writer never sees (the rest of the suite runs against it as against SQLite). Runs when
// the suite runs against PostgreSQL (npm run test:postgres, scripts/test.sh); skipped otherwise.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const pg = require('pg');
const { usingPostgres, createDatabase } = require('../testlib/stores');
const { openStore } = require('../src/store');
const { SCHEMA_VERSION } = require('../src/store/postgres/schema');
const { seedDemo } = require('../src/seed');
const { BASE_TIME, USERS, ROOMS } = require('../testlib/helpers');

const skip = !usingPostgres() && 'runs against PostgreSQL only (npm run test:postgres)';

async function scalar(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Object.values((await client.query(sql)).rows[0])[0];
  } finally {
    await client.end();
  }
}

describe('PostgreSQL store', { skip }, () => {
  it('migrates a new database once, even when several processes open it at the same moment', async () => {
    const db = await createDatabase();
    try {
      const stores = await Promise.all([1, 2, 3].map(() => openStore({ databaseUrl: db.url })));
      assert.deepEqual(stores.map((s) => s.kind), ['postgres', 'postgres', 'postgres']);
      assert.equal(Number(await scalar(db.url, 'SELECT COUNT(*) FROM schema_migrations')), SCHEMA_VERSION);
      assert.equal(Number(await scalar(db.url, 'SELECT MAX(version) FROM schema_migrations')), SCHEMA_VERSION);
      // The demo seed, started by all three at once, goes in once.
      const results = await Promise.all(stores.map((s) => seedDemo(s, { baseTime: BASE_TIME })));
      assert.deepEqual(results.sort(), ['already-seeded', 'already-seeded', 'seeded']);
      assert.equal((await stores[0].listUsers()).length, 4);
      // The identity sequences continue after the demo's explicit ids.
      const { message } = await stores[1].createMessage({ roomId: ROOMS.lounge, senderId: USERS.ada, text: 'after the seed' });
      assert.equal(message.id, Number(await scalar(db.url, 'SELECT MAX(id) FROM messages')));
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await db.drop();
    }
  });

  it('refuses a database of a newer schema version, and leaves it alone', async () => {
    const db = await createDatabase();
    try {
      await (await openStore({ databaseUrl: db.url })).close();
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 0)', [SCHEMA_VERSION + 7]);
      await client.end();
      await assert.rejects(openStore({ databaseUrl: db.url }),
        new RegExp(`schema version ${SCHEMA_VERSION + 7}, newer than this server's ${SCHEMA_VERSION}`));
      assert.equal(Number(await scalar(db.url, 'SELECT MAX(version) FROM schema_migrations')), SCHEMA_VERSION + 7);
    } finally {
      await db.drop();
    }
  });

  it('upgrades a database of version 1 to files: the history kept, files and attachments work', async () => {
    const db = await createDatabase();
    try {
      const old = await openStore({ databaseUrl: db.url });
      await seedDemo(old, { baseTime: BASE_TIME });
      const page = await old.roomMessages(ROOMS.calculus, { limit: 50 });
      await old.close();
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query('DROP TABLE message_attachments; DROP TABLE files; DELETE FROM schema_migrations WHERE version > 1');
      await client.end();

      const store = await openStore({ databaseUrl: db.url });
      assert.equal(Number(await scalar(db.url, 'SELECT MAX(version) FROM schema_migrations')), SCHEMA_VERSION);
      assert.deepEqual(await store.roomMessages(ROOMS.calculus, { limit: 50 }), page);
      await store.createFile({ id: 'upgradeFile1', sha256: 'a'.repeat(64), name: 'n.txt', size: 1, mimeType: 'text/plain', uploaderId: USERS.ada });
      const { message } = await store.createMessage({ roomId: ROOMS.calculus, senderId: USERS.ada, text: '', attachments: ['upgradeFile1'] });
      assert.deepEqual(message.attachments, [{ id: 'upgradeFile1', name: 'n.txt', size: 1, mimeType: 'text/plain' }]);
      assert.equal(await store.canSeeFile('upgradeFile1', USERS.alan), true);
      await store.close();
    } finally {
      await db.drop();
    }
  });

  it('an unreachable server is a clear error', async () => {
    await assert.rejects(openStore({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' }), (error) => {
      assert.equal(error.code, 'POSTGRES_UNAVAILABLE');
      assert.match(error.message, /^cannot connect to PostgreSQL: /);
      return true;
    });
  });

  it('concurrent sends with one clientId store one message; concurrent joins and reactions respect the limits', async () => {
    const db = await createDatabase();
    const stores = await Promise.all([1, 2].map(() => openStore({ databaseUrl: db.url })));
    try {
      await seedDemo(stores[0], { baseTime: BASE_TIME });
      const send = (s) => s.createMessage({ roomId: ROOMS.lounge, senderId: USERS.ada, text: 'once', clientId: 'race-1' });
      const results = await Promise.all([send(stores[0]), send(stores[1]), send(stores[0]), send(stores[1])]);
      assert.equal(new Set(results.map((r) => r.message.id)).size, 1);
      assert.deepEqual(results.map((r) => r.duplicate).sort(), [false, true, true, true]);

      // Chemistry has three members (ada, grace, linus). Linus leaves; with a limit of three,
      // alan and linus then race for the one free place: one gets it, the other finds it full.
      await stores[0].removeMember(ROOMS.chemistry, USERS.linus);
      const joins = await Promise.all([
        stores[0].addMember(ROOMS.chemistry, USERS.alan, 3), stores[1].addMember(ROOMS.chemistry, USERS.linus, 3),
      ]);
      assert.deepEqual(joins.map((j) => j.newMember).sort(), [false, true]);
      assert.equal(joins.filter((j) => j.full).length, 1);

      const { message } = await stores[0].createMessage({ roomId: ROOMS.lounge, senderId: USERS.ada, text: 'react' });
      const adds = await Promise.all(['👍', '🎉', '❤️', '👀'].map((emoji, i) => stores[i % 2].addReaction('room', message.id, USERS.alan, emoji, 2)));
      assert.equal(adds.filter((a) => a.tooMany).length, 2, 'two of four distinct emoji at once pass a limit of two');
      assert.equal((await stores[0].reactionsOf('room', message.id)).length, 2);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await db.drop();
    }
  });

  it('presence: a connect and the disconnect of the previous socket at once, on two processes, leave the user online', async () => {
    const db = await createDatabase();
    const stores = await Promise.all([1, 2].map(() => openStore({ databaseUrl: db.url })));
    try {
      await seedDemo(stores[0], { baseTime: BASE_TIME });
      for (let i = 0; i < 20; i += 1) {
        const said = [];
        await stores[0].socketConnected(USERS.ada, `old-${i}`, 'node-a', 20, (s) => said.push(s));
        await Promise.all([
          stores[0].socketDisconnected(USERS.ada, `old-${i}`, (s) => said.push(s)),
          stores[1].socketConnected(USERS.ada, `new-${i}`, 'node-b', 20, (s) => said.push(s)),
        ]);
        assert.equal(await stores[0].presenceOf(USERS.ada), 'online', `round ${i}: ${said}`);
        assert.equal(said.at(-1), 'online', `round ${i}: the last announcement, ${said}`);
        await stores[1].socketDisconnected(USERS.ada, `new-${i}`);
        assert.equal(await stores[1].presenceOf(USERS.ada), 'offline');
      }
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await db.drop();
    }
  });
});

describe('the store the suite runs against', () => {
  it('is the one asked for', async () => {
    const { startServer } = require('../testlib/helpers');
    const server = await startServer();
    try {
      assert.equal(server.store.kind, usingPostgres() ? 'postgres' : 'sqlite');
    } finally {
      await server.close();
    }
  });
});
