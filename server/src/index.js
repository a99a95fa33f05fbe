'use strict';

// Entry point: reads the environment, starts the server, handles signals. See server/README.md.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { createServer, createLogger, DEFAULT_DB_PATH } = require('./server');
const { limitsFromEnv } = require('./limits');

function fail(message) {
  console.error(`studyconnect-backend: ${message}`);
  process.exit(1);
}

/** With SEED_DEMO=1 and no JWT_SECRET: a secret kept next to the database, so tokens survive restarts. */
function demoSecret(dbPath, logger) {
  if (dbPath === ':memory:') {
    logger.warn('JWT_SECRET not set: using a random secret for this in-memory run');
    return crypto.randomBytes(32).toString('hex');
  }
  const file = path.join(path.dirname(path.resolve(dbPath)), 'jwt-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    logger.info(`JWT_SECRET not set: generated one for the demo in ${file}`);
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (!secret) fail(`${file} is empty; delete it or set JWT_SECRET`);
  return secret;
}

function main() {
  const env = process.env;
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['silent', 'error', 'warn', 'info', 'debug'].includes(logLevel)) {
    fail(`LOG_LEVEL must be one of silent, error, warn, info, debug (got ${JSON.stringify(logLevel)})`);
  }
  const logger = createLogger(logLevel);

  const portText = env.PORT ?? '5000';
  if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) > 65535) fail(`PORT must be a number from 0 to 65535 (got ${JSON.stringify(portText)})`);
  const port = Number(portText);
  const host = env.HOST || '127.0.0.1';
  const dbPath = env.DB_PATH || DEFAULT_DB_PATH;
  const seedDemo = env.SEED_DEMO === '1' || env.SEED_DEMO === 'true';
  const expires = env.JWT_EXPIRES_IN || '7d';
  const jwtExpiresIn = /^[0-9]+$/.test(expires) ? Number(expires) : expires; // plain number = seconds

  const timeoutText = env.PRESENCE_NODE_TIMEOUT_MS ?? '30000';
  if (!/^[0-9]{1,9}$/.test(timeoutText) || Number(timeoutText) < 300) {
    fail(`PRESENCE_NODE_TIMEOUT_MS must be a number of milliseconds, at least 300 (got ${JSON.stringify(timeoutText)})`);
  }

  let limits;
  try {
    limits = limitsFromEnv(env);
  } catch (error) {
    fail(error.message);
  }

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    fail('DATABASE_URL must be a PostgreSQL URL, postgres://user:password@host:5432/database');
  }

  const poolText = env.DATABASE_POOL_SIZE ?? '20';
  if (!/^[0-9]{1,4}$/.test(poolText) || Number(poolText) < 1) fail(`DATABASE_POOL_SIZE must be a number of connections, at least 1 (got ${JSON.stringify(poolText)})`);

  let jwtSecret = env.JWT_SECRET;
  if (!jwtSecret && databaseUrl) {
    // The demo keeps a generated secret next to the SQLite file; a shared database has no such place.
    fail('JWT_SECRET is not set. With DATABASE_URL every process needs the same JWT_SECRET: set it to a long random string.');
  }
  if (!jwtSecret) {
    if (!seedDemo) fail('JWT_SECRET is not set. Set JWT_SECRET to a long random string (or SEED_DEMO=1 for a demo that generates one).');
    jwtSecret = demoSecret(dbPath, logger);
  }

  process.on('unhandledRejection', (reason) => logger.error('Unhandled promise rejection:', reason));

  // Uploaded files: FILES_DIR, else the folder "files" next to the SQLite file (createServer's
  // default); with PostgreSQL, which has no such file, next to where it would be.
  let filesDir = env.FILES_DIR || undefined;
  if (!filesDir && databaseUrl) filesDir = path.join(path.dirname(path.resolve(DEFAULT_DB_PATH)), 'files');

  createServer({
    port,
    host,
    dbPath,
    jwtSecret,
    jwtExpiresIn,
    frontendUrl: env.FRONTEND_URL || 'http://localhost:3000',
    seedDemo,
    seedBaseTime: env.SEED_BASE_TIME || undefined,
    redisUrl: env.REDIS_URL || undefined,
    databaseUrl,
    databasePoolSize: Number(poolText),
    presenceNodeTimeoutMs: Number(timeoutText),
    limits,
    filesDir,
    logger,
  }).then(
    (server) => {
      const extras = [databaseUrl && 'PostgreSQL', env.REDIS_URL && 'Redis adapter enabled'].filter(Boolean);
      console.log(`StudyConnect backend listening on ${server.url}${extras.length ? ` (${extras.join(', ')})` : ''}`);
      let stopping = false;
      const stop = (signal) => {
        if (stopping) {
          console.error(`${signal} again: exiting immediately`);
          process.exit(1);
        }
        stopping = true;
        logger.info(`${signal} received, shutting down`);
        setTimeout(() => {
          console.error('shutdown took more than 10 s, exiting');
          process.exit(1);
        }, 10000).unref();
        server.close().then(
          () => process.exit(0),
          (error) => {
            console.error(`shutdown failed: ${error.message}`);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    },
    (error) => {
      if (error.code === 'EADDRINUSE') fail(`port ${port} is already in use; set PORT=... to another port`);
      if (error.code === 'EACCES') fail(`no permission to listen on ${host}:${port}; set PORT=... to a port above 1023`);
      if (error.code === 'EADDRNOTAVAIL') fail(`cannot bind to HOST=${host}: address not available on this machine`);
      if (error.code === 'REDIS_UNAVAILABLE') fail(`${error.message} (check REDIS_URL)`);
      if (error.code === 'POSTGRES_UNAVAILABLE') fail(`${error.message} (check DATABASE_URL)`);
      fail(error.message);
    },
  );
}

main();
