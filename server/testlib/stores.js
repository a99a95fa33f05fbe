'use strict';

// Which store the suite runs against. By default SQLite (in memory in-process, a file in a
// temporary folder for child processes). With TEST_POSTGRES_URL set (scripts/test-postgres.sh
// sets it to a throwaway cluster), every server gets a fresh PostgreSQL database of its own, so
// tests stay as independent as they are with ':memory:'.

const path = require('node:path');

const ADMIN_URL = process.env.TEST_POSTGRES_URL || null;
const usingPostgres = () => ADMIN_URL != null;

let counter = 0;

/** Runs one statement as the cluster's superuser, on a connection of its own (closed after). */
async function admin(sql) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The URL of the admin database with another database name. */
function urlFor(database) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates an empty database; resolves with { url, drop() }. */
async function createDatabase() {
  counter += 1;
  const name = `sc_test_${process.pid}_${counter}`;
  await admin(`CREATE DATABASE ${name}`);
  return {
    url: urlFor(name),
    // The throwaway cluster goes as a whole afterwards; dropping keeps it small meanwhile.
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** createServer options for an in-process server: { options, drop() }. */
async function serverStoreOptions() {
  if (!usingPostgres()) return { options: { dbPath: ':memory:' }, drop: async () => {} };
  const db = await createDatabase();
  return { options: { databaseUrl: db.url }, drop: db.drop };
}

/** Environment for child-process backends sharing one store: { env, drop() }. */
async function backendStoreEnv(dir) {
  if (!usingPostgres()) return { env: { DB_PATH: path.join(dir, 'shared.db') }, drop: async () => {} };
  const db = await createDatabase();
  return { env: { DATABASE_URL: db.url }, drop: db.drop };
}

module.exports = { usingPostgres, serverStoreOptions, backendStoreEnv, createDatabase };
