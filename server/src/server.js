'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const jwt = require('jsonwebtoken');
const { Server } = require('socket.io');
const { openStore } = require('./store');
const { seedDemo: runSeed } = require('./seed');
const { createApp } = require('./rest');
const { setupSocket } = require('./socket');
const { presenceSettler } = require('./presence');
const { DEFAULT_LIMITS } = require('./limits');
const { openFiles } = require('./files');

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
    // Redis runs one connection's commands in order and hands a PUBLISH to every subscriber
    // before it answers the next command: when this PING is answered, every message this
    // process broadcast before it has left Redis for the other processes.
    broadcastsDelivered: () => pubClient.ping(),
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
 *   databaseUrl   postgres://… : PostgreSQL instead of SQLite (dbPath is then not used)
 *   databasePoolSize  PostgreSQL connections this process keeps at most (default 20)
 *   jwtSecret     HMAC secret for tokens (required)
 *   jwtExpiresIn  token lifetime: seconds (number) or a string like '7d' (default '7d')
 *   frontendUrl   CORS origin (default 'http://localhost:3000', as in the seed)
 *   seedDemo      seed the demo users/rooms/messages once (default false)
 *   seedBaseTime  Date | ISO string | ms: "now" of the demo history (default: time of first seed)
 *   redisUrl      enables @socket.io/redis-adapter (default none)
 *   limits        { sendBurst, sendPerSecond, maxConnectionsPerUser, maxRoomMembers,
 *                 maxPacketBytes, maxFileBytes }: any of them, the rest from DEFAULT_LIMITS (src/limits.js)
 *   filesDir      where uploaded files are kept (default: the folder "files" next to the SQLite
 *                 file; with ':memory:' or PostgreSQL a temporary folder removed by close())
 *   presenceNodeTimeoutMs  a process silent this long is taken for dead and its users' sockets
 *                 are swept (default 30000; it beats every third of that)
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
    databaseUrl,
    databasePoolSize,
    presenceNodeTimeoutMs = 30000,
  } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const logger = options.logger || createLogger(options.logLevel || 'info');

  if (typeof jwtSecret !== 'string' || jwtSecret.length === 0) throw new Error('createServer: jwtSecret is required');
  try {
    jwt.sign({ id: 0 }, jwtSecret, { expiresIn: jwtExpiresIn });
  } catch (error) {
    throw new Error(`invalid JWT_EXPIRES_IN value ${JSON.stringify(jwtExpiresIn)}: ${error.message}`);
  }

  const store = await openStore({ dbPath, databaseUrl, databasePoolSize });
  let redis = null;
  let files = null;
  // Without a folder of their own, the files are as short-lived as an in-memory database.
  let tempFilesDir = null;
  let filesDir = options.filesDir;
  if (!filesDir && !databaseUrl && dbPath !== ':memory:') filesDir = path.join(path.dirname(path.resolve(dbPath)), 'files');
  const removeTempFiles = () => (tempFilesDir ? fs.promises.rm(tempFilesDir, { recursive: true, force: true }) : undefined);
  try {
    if (!filesDir) filesDir = tempFilesDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'studyconnect-files-'));
    files = await openFiles({ store, filesDir, maxFileBytes: limits.maxFileBytes, logger });
    if (seedDemo) {
      const result = await runSeed(store, { baseTime: seedBaseTime, logger });
      logger.info(`demo data: ${result}`);
    }
    // A single process owns presence; with Redis, other processes may have users online.
    if (!redisUrl) await store.resetPresence();
    if (redisUrl) redis = await connectRedisAdapter(redisUrl, logger);
  } catch (error) {
    await store.close();
    await removeTempFiles();
    throw error;
  }

  let closing = false;
  const app = createApp({ store, jwtSecret, jwtExpiresIn, frontendUrl, logger, files, maxFileBytes: limits.maxFileBytes });
  const httpServer = http.createServer(app);
  // Expect: 100-continue (curl asks it for large bodies): POST /api/files answers it itself once
  // the token and Content-Length are checked, so a refused file is never sent. Every other
  // request gets the 100 at once, as Node does without this listener.
  httpServer.on('checkContinue', (req, res) => {
    if (req.method === 'POST' && req.url.split('?')[0] === '/api/files') {
      req.continueLater = true;
      // Any answer before the 100 (a 401 for a bad token) closes the connection: the body the
      // client then does not send must not be waited for, nor taken for the next request.
      res.setHeader('Connection', 'close');
    } else res.writeContinue();
    app(req, res);
  });
  const io = new Server(httpServer, {
    cors: { origin: frontendUrl, methods: ['GET', 'POST'], credentials: true },
    maxHttpBufferSize: limits.maxPacketBytes,
  });
  if (redis) io.adapter(redis.adapter);
  // Names this process in the presence rows of its sockets (new at every start: a restarted
  // process must not adopt the rows of the one that died).
  const nodeId = crypto.randomUUID();
  const broadcastsDelivered = redis ? redis.broadcastsDelivered : null;
  const sockets = setupSocket(io, { store, jwtSecret, logger, isClosing: () => closing, nodeId, limits, broadcastsDelivered });
  const settlePresence = presenceSettler({ io, store, broadcastsDelivered, logger });

  // The heartbeat, and the sweep of processes that stopped beating without disconnecting their
  // sockets (killed, crashed, the machine lost): their users would otherwise stay online forever.
  let beating = null;
  const beat = async () => {
    try {
      await store.nodeBeat(nodeId);
      const gone = await store.sweepDeadNodes(Date.now() - presenceNodeTimeoutMs, (userId) => {
        io.emit('user:status', { userId, status: 'offline' });
      });
      if (gone.length > 0) logger.info(`presence: swept the sockets of a stopped process; offline: ${gone.join(', ')}`);
      await Promise.all(gone.map((userId) => settlePresence(userId, 'offline')));
    } catch (error) {
      logger.error('presence: heartbeat failed:', error);
    }
  };
  // Never two beats at once (a slow database); close() waits for the one running.
  const tick = () => {
    if (!beating) beating = beat().finally(() => { beating = null; });
  };
  tick();
  const heartbeat = setInterval(tick, Math.max(100, Math.floor(presenceNodeTimeoutMs / 3)));
  heartbeat.unref();

  try {
    await listen(httpServer, port, host);
  } catch (error) {
    clearInterval(heartbeat);
    await beating;
    io.close();
    if (redis) await redis.close();
    await store.close();
    await removeTempFiles();
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
      clearInterval(heartbeat);
      await beating;
      try {
        await store.nodeGone(nodeId);
      } catch (error) {
        logger.error('presence: could not remove this process from the node table:', error);
      }
      const force = setTimeout(() => httpServer.closeAllConnections(), 2000);
      await new Promise((resolve) => {
        io.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      clearTimeout(force);
      if (redis) await redis.close();
      await store.close();
      await removeTempFiles();
    })();
    return closed;
  };

  return { app, httpServer, io, store, filesDir, port: actualPort, host, url: `http://${urlHost}:${actualPort}`, close };
}

module.exports = { createServer, createLogger, SILENT_LOGGER, DEFAULT_DB_PATH };
