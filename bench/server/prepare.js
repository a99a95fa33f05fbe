'use strict';

// Makes the load test's users and rooms in a backend's store (DB_PATH or DATABASE_URL, as the
// backend gets them), and the token files artillery reads: users 1..USERS, each a member-to-be
// of room (i % ROOMS) + 1. Run once per store, before the backends start.
//
//   node prepare.js USERS ROOMS PARTS OUTDIR      (JWT_SECRET, and DB_PATH or DATABASE_URL)

const fs = require('node:fs');
const path = require('node:path');
const jwt = require('../../server/node_modules/jsonwebtoken');
const { openStore } = require('../../server/src/store');

async function main() {
  const [users, rooms, parts] = process.argv.slice(2, 5).map(Number);
  const outDir = process.argv[5];
  const secret = process.env.JWT_SECRET;
  if (!(users > 0 && rooms > 0 && parts > 0) || !outDir || !secret) {
    throw new Error('usage: JWT_SECRET=… DB_PATH=…|DATABASE_URL=… node prepare.js USERS ROOMS PARTS OUTDIR');
  }
  const store = await openStore({ dbPath: process.env.DB_PATH, databaseUrl: process.env.DATABASE_URL });
  const now = Date.now();
  // One statement each, in SQL both stores take (through the store's diagnostic query): a
  // recursive count, no per-row round trip. The password hash is never used (the load test signs
  // its tokens itself).
  const count = (n) => `WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < ${Math.floor(n)})`;
  await store.query(`${count(rooms)} INSERT INTO rooms (id, name, description, created_at)
    SELECT i, 'Load room ' || i, '', ${now} FROM g`);
  await store.query(`${count(users)} INSERT INTO users (id, email, password_hash, first_name, last_name, role)
    SELECT i, 'load' || i || '@studyconnect.test', 'x', 'User' || i, 'Load', 'student' FROM g`);
  if (store.kind === 'postgres') {
    for (const table of ['users', 'rooms']) await store.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), ${table === 'users' ? users : rooms})`);
  }
  await store.close();
  writeTokens(users, rooms, parts, outDir, secret);
}

function writeTokens(users, rooms, parts, outDir, secret) {
  fs.mkdirSync(outDir, { recursive: true });
  for (let p = 0; p < parts; p += 1) {
    const lines = ['userId,token,roomId'];
    for (let i = p + 1; i <= users; i += parts) {
      lines.push(`${i},${jwt.sign({ id: i }, secret, { expiresIn: '2h' })},${((i - 1) % rooms) + 1}`);
    }
    fs.writeFileSync(path.join(outDir, `tokens-${p + 1}.csv`), `${lines.join('\n')}\n`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`prepare: ${error.message}`);
    process.exit(1);
  });
}

module.exports = { writeTokens };
