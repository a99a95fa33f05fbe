'use strict';

// Two backend processes sharing Redis (socket.io's adapter) and one store (a SQLite file, or a
// PostgreSQL database when the suite runs against PostgreSQL): the scale-out tests' setting.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { connect, tokenFor, SECRET, USERS } = require('./helpers');
const { startBackend, startRedis, redisAvailable } = require('./processes');
const { backendStoreEnv } = require('./stores');

/**
 * Starts Redis and two backends seeded with the demo data. `env` adds to (or overrides) their
 * environment; `together` starts both at once (the seed must cope with two processes seeding one
 * fresh store). `redisUrlOfA(url)` may give process A another way to Redis (a slow link).
 * Returns { a, b, redis, join(url, user), stop() }; stop() disconnects the sockets join() made,
 * stops both processes and Redis, and drops the store.
 */
async function startCluster({ name, env = {}, together = false, redisUrlOfA = (url) => url }) {
  if (!redisAvailable()) {
    throw new Error('redis-server is not installed: install the Debian package redis-server (scripts/setup.sh does) to run the scale-out tests');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `studyconnect-${name}-`));
  const sockets = [];
  const cluster = { a: null, b: null, redis: null, storeEnv: null };
  cluster.join = async (url, user) => {
    const socket = await connect(url, tokenFor(USERS[user]));
    sockets.push(socket);
    return socket;
  };
  cluster.stop = async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all([cluster.a, cluster.b].filter(Boolean).map((p) => p.stop()));
    if (cluster.redis) await cluster.redis.stop();
    if (cluster.storeEnv) await cluster.storeEnv.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    cluster.redis = await startRedis();
    cluster.storeEnv = await backendStoreEnv(dir);
    const fullEnv = {
      ...cluster.storeEnv.env,
      REDIS_URL: cluster.redis.url,
      JWT_SECRET: SECRET,
      SEED_DEMO: '1',
      SEED_BASE_TIME: '2025-03-10T12:00:00.000Z',
      LOG_LEVEL: 'debug',
      ...env,
    };
    const envOfA = { ...fullEnv, REDIS_URL: await redisUrlOfA(fullEnv.REDIS_URL) };
    if (together) {
      [cluster.a, cluster.b] = await Promise.all([startBackend(envOfA), startBackend(fullEnv)]);
    } else {
      cluster.a = await startBackend(envOfA);
      cluster.b = await startBackend(fullEnv);
    }
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

module.exports = { startCluster };
