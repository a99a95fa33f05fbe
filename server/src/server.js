'use strict';

const http = require('node:http');
const path = require('node:path');
const jwt = require('jsonwebtoken');
const { Server } = require('socket.io');
const { openDatabase } = require('./db');
const { seedDemo: runSeed } = require('./seed');
const { createApp } = require('./rest');
const { setupSocket } = require('./socket');
const { MAX_HTTP_BUFFER_SIZE } = require('./constants');

const DEFAULT_DB_PATH = path.join(__dirname, '..', 'data', 'studyconnect.db');

const noop = () => {};
const SILENT_LOGGER = Object.freeze({ debug: noop, info: noop, warn: noop, error: noop });

/** console-backed logger; level: 'silent' | 'error' | 'warn' | 'info' | 'debug'. */
function createLogger(level = 'info') {
  const order = ['silent', 'error', 'warn', 'info', 'debug'];
  const max = Math.max(0, order.indexOf(level));
  const at = (name, fn) => (order.indexOf(name) <= max ? fn : noop);
  return {
    debug: at('debug', (...a) => console.log(...a)),
    info: at('info', (...a) => console.log(...a)),
    warn: at('warn', (...a) => console.warn(...a)),
    error: at('error', (...a) => console.error(...a)),
  };
}

async function connectRedisAdapter(redisUrl, logger) {
  const { createClient } = require('redis');
  const { createAdapter } = require('@socket.io/redis-adapter');
  let started = false;
  const options = {
    url: redisUrl,
    socket: {
      connectTimeout: 5000,
      // At startup give up quickly with a clear error; once running, keep reconnecting.
      reconnectStrategy: (retries, cause) => (!started && retries >= 3 ? cause : Math.min(100 * (retries + 1), 2000)),
    },
  };
  const pubClient = createClient(options);
  const subClient = pubClient.duplicate();
  for (const [name, client] of [['pub', pubClient], ['sub', subClient]]) {
    client.on('error', (error) => {
      if (started) logger.error(`redis (${name}): ${error.message}`);
    });
  }
  try {
    await Promise.all([pubClient.connect(), subClient.connect()]);
  } catch (error) {
    await Promise.allSettled([pubClient.disconnect(), subClient.disconnect()]);
    const err = new Error(`cannot connect to Redis at ${redisUrl}: ${error.message || error.code || error}`);
    err.code = 'REDIS_UNAVAILABLE';
    throw err;
  }
  started = true;
  return {
    adapter: createAdapter(pubClient, subClient, { requestsTimeout: 3000 }),
    close: async () => {
      // QUIT politely, but do not hang when Redis is gone (a reconnecting client queues commands).
      await Promise.allSettled(
        [pubClient, subClient].map((client) =>
          Promise.race([
            client.quit(),
            new Promise((resolve) => setTimeout(resolve, 1000).unref()),
          ]).finally(() => (client.isOpen ? client.disconnect() : undefined)),
        ),
      );
    },
  };
}

function listen(httpServer, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      httpServer.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      httpServer.off('error', onError);
      resolve();
    };
    httpServer.once('error', onError);
    httpServer.once('listening', onListening);
    httpServer.listen(port, host);
  });
}

/**
 * Starts the StudyConnect backend.
 *
 * options:
 *   port          TCP port, 0 = any free port (default 5000)
 *   host          bind address (default '127.0.0.1')
 *   dbPath        SQLite file or ':memory:' (default server/data/studyconnect.db)
 *   jwtSecret     HMAC secret for tokens (required)
 *   jwtExpiresIn  token lifetime: seconds (number) or a string like '7d' (default '7d')
 *   frontendUrl   CORS origin (default 'http://localhost:3000', as in the seed)
 *   seedDemo      seed the demo users/rooms/messages once (default false)
 *   seedBaseTime  Date | ISO string | ms: "now" of the demo history (default: time of first seed)
 *   redisUrl      enables @socket.io/redis-adapter (default none)
 *   logger        { debug, info, warn, error } (default: console at level 'info'); or logLevel
 *
 * Resolves to { app, httpServer, io, store, port, host, url, close() }.
 */
async function createServer(options = {}) {
  const {
    port = 5000,
    host = '127.0.0.1',
    dbPath = DEFAULT_DB_PATH,
    jwtSecret,
    jwtExpiresIn = '7d',
    frontendUrl = 'http://localhost:3000',
    seedDemo = false,
    seedBaseTime,
    redisUrl,
  } = options;
  const logger = options.logger || createLogger(options.logLevel || 'info');

  if (typeof jwtSecret !== 'string' || jwtSecret.length === 0) throw new Error('createServer: jwtSecret is required');
  try {
    jwt.sign({ id: 0 }, jwtSecret, { expiresIn: jwtExpiresIn });
  } catch (error) {
    throw new Error(`invalid JWT_EXPIRES_IN value ${JSON.stringify(jwtExpiresIn)}: ${error.message}`);
  }

  const store = openDatabase(dbPath);
  let redis = null;
  try {
    if (seedDemo) {
      const result = runSeed(store, { baseTime: seedBaseTime, logger });
      logger.info(`demo data: ${result}`);
    }
    // A single process owns presence; with Redis, other processes may have users online.
    if (!redisUrl) store.resetPresence();
    if (redisUrl) redis = await connectRedisAdapter(redisUrl, logger);
  } catch (error) {
    store.close();
    throw error;
  }

  let closing = false;
  const app = createApp({ store, jwtSecret, jwtExpiresIn, frontendUrl, logger });
  const httpServer = http.createServer(app);
  const io = new Server(httpServer, {
    cors: { origin: frontendUrl, methods: ['GET', 'POST'], credentials: true },
    maxHttpBufferSize: MAX_HTTP_BUFFER_SIZE,
  });
  if (redis) io.adapter(redis.adapter);
  const sockets = setupSocket(io, { store, jwtSecret, logger, isClosing: () => closing });

  try {
    await listen(httpServer, port, host);
  } catch (error) {
    io.close();
    if (redis) await redis.close();
    store.close();
    throw error;
  }

  const actualPort = httpServer.address().port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closed = null;
  const close = () => {
    if (closed) return closed;
    closing = true;
    closed = (async () => {
      // Disconnect our sockets first, while the adapter and database are still up, so presence
      // is updated and "offline" reaches clients on other processes.
      io.local.disconnectSockets(true);
      await sockets.drain();
      const force = setTimeout(() => httpServer.closeAllConnections(), 2000);
      await new Promise((resolve) => {
        io.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      clearTimeout(force);
      if (redis) await redis.close();
      store.close();
    })();
    return closed;
  };

  return { app, httpServer, io, store, port: actualPort, host, url: `http://${urlHost}:${actualPort}`, close };
}

module.exports = { createServer, createLogger, SILENT_LOGGER, DEFAULT_DB_PATH };
