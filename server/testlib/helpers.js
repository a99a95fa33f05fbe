'use strict';

// Test helpers (kept outside test/ so that `node --test test/` does not run this file as a test).

const assert = require('node:assert/strict');
const jwt = require('jsonwebtoken');
const { io: ioc } = require('socket.io-client');
const { createServer } = require('../src/server');
const { serverStoreOptions } = require('./stores');

const SECRET = 'test-secret-do-not-use-in-production';
const BASE_TIME = '2025-03-10T12:00:00.000Z';
const USERS = { ada: 1, alan: 2, grace: 3, linus: 4 };
const ROOMS = { calculus: 1, chemistry: 2, algorithms: 3, lounge: 4 };
const WAIT_MS = 4000;

/** A logger that stays quiet but remembers errors, so tests can assert that none happened. */
function recordingLogger() {
  const errors = [];
  const noop = () => {};
  return { errors, debug: noop, info: noop, warn: noop, error: (...args) => errors.push(args) };
}

/**
 * Starts a server in-process on a fresh store: SQLite in memory, or with TEST_POSTGRES_URL a new
 * PostgreSQL database (testlib/stores.js), dropped on close. An explicit dbPath or databaseUrl
 * in `options` wins (tests of a SQLite file stay SQLite).
 */
async function startServer(options = {}) {
  const logger = recordingLogger();
  const explicit = options.dbPath !== undefined || options.databaseUrl !== undefined;
  const fresh = explicit ? { options: {}, drop: async () => {} } : await serverStoreOptions();
  const server = await createServer({
    port: 0,
    ...fresh.options,
    jwtSecret: SECRET,
    seedDemo: true,
    seedBaseTime: BASE_TIME,
    logger,
    ...options,
  });
  server.logger = logger;
  server.clients = [];
  const close = server.close;
  server.close = async () => {
    for (const c of server.clients) c.disconnect();
    await close();
    await fresh.drop();
  };
  return server;
}

const tokenFor = (id, options = {}, secret = SECRET) => jwt.sign({ id }, secret, { expiresIn: '1h', ...options });

/** Connects a socket.io client; resolves once connected, rejects with the connect_error. */
function connect(server, token, options = {}) {
  const url = typeof server === 'string' ? server : server.url;
  const socket = ioc(url, {
    auth: token === undefined ? undefined : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: WAIT_MS,
    ...options,
  });
  if (server.clients) server.clients.push(socket);
  socket.received = []; // every event, in order: [event, payload]
  socket.onAny((event, payload) => socket.received.push([event, payload]));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error('timed out connecting'));
    }, WAIT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(error);
    });
  });
}

const connectAs = (server, name, options) => connect(server, tokenFor(USERS[name]), options);

/** Resolves with the next `event` payload matching `filter`; register it before causing the event. */
function waitFor(socket, event, filter = () => true, timeoutMs = WAIT_MS) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${event}`));
    }, timeoutMs);
    function listener(payload) {
      if (!filter(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    }
    socket.on(event, listener);
  });
}

/** Emits with an ack and resolves with the ack's answer (fails after a timeout). */
const request = (socket, event, ...args) => socket.timeout(WAIT_MS).emitWithAck(event, ...args);

/** Runs one SQL statement on the server's store (`?` placeholders, either store); resolves to its rows. */
const query = (server, sql, ...params) => server.store.query(sql, params);

/** Events of the given names a socket received so far. */
const receivedOf = (socket, ...events) => socket.received.filter(([e]) => events.includes(e));

/** Resolves when the socket is disconnected. */
function closed(socket) {
  if (!socket.connected) return Promise.resolve();
  return new Promise((resolve) => socket.once('disconnect', () => resolve()));
}

async function http(server, method, path, { token, body, headers = {}, raw } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  let payload;
  if (raw !== undefined) payload = raw;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['content-type'] = 'application/json';
  }
  const res = await fetch(server.url + path, { method, headers: h, body: payload, signal: AbortSignal.timeout(WAIT_MS) });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
function assertIso(value) {
  assert.match(value, ISO_RE);
  assert.equal(new Date(value).toISOString(), value);
}

function assertPublicUser(user, id) {
  assert.deepEqual(Object.keys(user).sort(), ['avatar', 'firstName', 'id', 'lastName', 'role']);
  if (id !== undefined) assert.equal(user.id, id);
}

/** Removes what schema version 7 added (files and attachments), so a test can make a database of version 6. */
function dropFilesSchema(db) {
  db.exec('DROP TABLE message_attachments; DROP TABLE files;');
}

/** Removes what schema version 6 added (presence per socket), so a test can make a database of version 5. */
function dropPresenceSchema(db) {
  db.exec('DROP TABLE presence_sockets; DROP TABLE presence_nodes;');
}

/**
 * Removes what schema version 5 added (mentions), so a test can turn a database made by this
 * server into one of version 4.
 */
function dropMentionsSchema(db) {
  db.exec('DROP TABLE mentions');
}

/**
 * Removes what schema version 4 added (study conversations), so a test can turn a database made
 * by this server into one of version 3.
 */
function dropStudySchema(db) {
  db.exec('DROP TABLE room_pins; DROP TABLE reactions; DROP INDEX messages_room_main; DROP INDEX messages_thread;');
  for (const column of ['reply_to', 'thread_id', 'edited_at', 'deleted_at', 'thread_reply_count', 'thread_last_reply_at', 'thread_resolved']) {
    db.exec(`ALTER TABLE messages DROP COLUMN ${column}`);
  }
  for (const column of ['reply_to', 'edited_at', 'deleted_at']) db.exec(`ALTER TABLE direct_messages DROP COLUMN ${column}`);
}

/**
 * Removes what schema version 3 added (the search indexes and their triggers), so a test can turn
 * a database made by this server into one of an older release.
 */
function dropSearchSchema(db) {
  for (const table of ['messages', 'direct_messages']) {
    for (const op of ['insert', 'delete', 'update']) db.exec(`DROP TRIGGER ${table}_fts_${op}`);
    db.exec(`DROP TABLE ${table}_fts`);
  }
}

/**
 * Sends text to the room and waits until every socket in `receivers` has it: whatever the room
 * sent them before has arrived (socket.io keeps the order per socket).
 */
async function roomBarrier(sender, roomId, receivers, text = `barrier ${Math.random()}`) {
  const got = receivers.map((s) => waitFor(s, 'message:received', (m) => m.text === text));
  await request(sender, 'message:send', { roomId, text });
  await Promise.all(got);
}

/**
 * The study tests' cast: Ada, Grace (tutor) and Linus connected and members of `roomId`, Alan
 * connected but not a member.
 */
async function studyGroup(server, roomId) {
  const [ada, grace, linus, alan] = await Promise.all(
    ['ada', 'grace', 'linus', 'alan'].map((name) => connectAs(server, name)));
  for (const s of [ada, grace, linus]) await request(s, 'room:join', roomId);
  return { ada, grace, linus, alan };
}

module.exports = {
  roomBarrier,
  studyGroup,
  SECRET,
  BASE_TIME,
  USERS,
  ROOMS,
  WAIT_MS,
  startServer,
  query,
  tokenFor,
  connect,
  connectAs,
  waitFor,
  request,
  receivedOf,
  closed,
  http,
  assertIso,
  assertPublicUser,
  recordingLogger,
  dropSearchSchema,
  dropStudySchema,
  dropMentionsSchema,
  dropPresenceSchema,
  dropFilesSchema,
};
