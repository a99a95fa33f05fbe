'use strict';

const express = require('express');
const bcrypt = require('bcryptjs');
const jwt = require('jsonwebtoken');
const { publicUser } = require('./store/shape');
const { parseId, isPlainObject } = require('./ids');
const { authenticate } = require('./socket');
const { searchWords } = require('./search');
const { HttpError } = require('./http-error');
const {
  PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, MAX_SEARCH_QUERY_LENGTH, MAX_ATTACHMENTS, FEATURES, ERRORS, QUERY_ERRORS,
} = require('./constants');
const { version: VERSION } = require('../package.json');

// Compared against when the email is unknown, so both failures take about as long.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', 10);


const selfUser = (row) => ({ ...publicUser(row), email: row.email });

/**
 * Parses ?before=&after=&limit= ; throws HttpError 400 on bad values. A repeated parameter arrives
 * as an array (the simple query parser), which parseId refuses.
 */
function paging(query, { allowAfter = true } = {}) {
  const out = { limit: PAGE_LIMIT_DEFAULT };
  if (query.before !== undefined) {
    const before = parseId(query.before);
    if (before == null) throw new HttpError(400, QUERY_ERRORS.BEFORE_INVALID);
    out.before = before;
  }
  if (allowAfter && query.after !== undefined) {
    const after = parseId(query.after);
    if (after == null) throw new HttpError(400, QUERY_ERRORS.AFTER_INVALID);
    // An empty range is a client bug (a swapped pair), not a request for an empty page.
    if (out.before !== undefined && after >= out.before) throw new HttpError(400, QUERY_ERRORS.AFTER_NOT_BEFORE);
    out.after = after;
  }
  if (query.limit !== undefined) {
    const limit = parseId(query.limit);
    if (limit == null || limit > PAGE_LIMIT_MAX) throw new HttpError(400, QUERY_ERRORS.LIMIT_INVALID);
    out.limit = limit;
  }
  return out;
}

/**
 * The Express app. `files` (src/files/index.js openFiles) mounts the file routes; `maxFileBytes`
 * is announced in GET /api/server.
 */
function createApp({ store, jwtSecret, jwtExpiresIn, frontendUrl, logger, files, maxFileBytes }) {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  // CORS: the same single origin socket.io allows (FRONTEND_URL).
  app.use((req, res, next) => {
    res.set('Access-Control-Allow-Origin', frontendUrl);
    res.set('Vary', 'Origin');
    res.set('Access-Control-Allow-Credentials', 'true');
    if (req.method === 'OPTIONS') {
      res.set('Access-Control-Allow-Methods', 'GET, HEAD, POST, OPTIONS');
      res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.set('Access-Control-Max-Age', '600');
      return res.status(204).end();
    }
    return next();
  });

  app.get('/healthz', (req, res) => res.json({ ok: true }));

  // Capabilities, without a token: a client asks before signing in which additions to use.
  app.get('/api/server', (req, res) => res.json({
    version: VERSION,
    features: FEATURES,
    limits: { maxFileBytes, maxAttachments: MAX_ATTACHMENTS },
  }));

  app.post('/api/auth/login', express.json({ limit: '16kb' }), async (req, res) => {
    const body = req.body;
    if (!isPlainObject(body)) throw new HttpError(400, 'Request body must be a JSON object with email and password');
    const { email, password } = body;
    if (typeof email !== 'string' || typeof password !== 'string' || email.trim() === '' || password === '') {
      throw new HttpError(400, 'email and password must be non-empty strings');
    }
    const row = await store.findUserByEmail(email.trim());
    const ok = await bcrypt.compare(password, row ? row.password_hash : DUMMY_HASH);
    if (!row || !ok) throw new HttpError(401, 'Invalid email or password');
    const token = jwt.sign({ id: row.id }, jwtSecret, { expiresIn: jwtExpiresIn, algorithm: 'HS256' });
    res.json({ token, user: selfUser(row) });
  });

  // Everything else under /api needs a valid bearer token.
  const requireAuth = async (req, res, next) => {
    const header = req.get('authorization') || '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    try {
      req.userRow = await authenticate(store, jwtSecret, match ? match[1] : null);
    } catch (error) {
      res.set('WWW-Authenticate', 'Bearer');
      throw new HttpError(401, error.message);
    }
    next();
  };

  const api = express.Router();
  api.use(requireAuth);

  api.get('/auth/me', async (req, res) => res.json(selfUser(req.userRow)));

  api.get('/rooms', async (req, res) => res.json(await store.listRooms(req.userRow.id)));

  api.get('/rooms/:id/messages', async (req, res) => {
    const roomId = parseId(req.params.id);
    if (roomId == null) throw new HttpError(400, 'Room id must be a positive integer');
    const page = paging(req.query);
    if (!await store.findRoom(roomId)) throw new HttpError(404, 'Unknown room');
    res.json(await store.roomMessages(roomId, page));
  });

  // A thread's replies, paged like the history; the root is in the main timeline.
  api.get('/rooms/:id/threads/:rootId', async (req, res) => {
    const roomId = parseId(req.params.id);
    if (roomId == null) throw new HttpError(400, 'Room id must be a positive integer');
    const rootId = parseId(req.params.rootId);
    if (rootId == null) throw new HttpError(400, ERRORS.THREAD_ID_INVALID);
    const page = paging(req.query);
    if (!await store.findRoom(roomId)) throw new HttpError(404, ERRORS.UNKNOWN_ROOM);
    const root = await store.messageRow('room', rootId);
    // A reply in a thread is no root: its thread is found under the root's id.
    if (!root || root.room_id !== roomId || root.thread_id != null) throw new HttpError(404, ERRORS.UNKNOWN_THREAD);
    res.json(await store.threadMessages(rootId, page));
  });

  api.get('/rooms/:id/pins', async (req, res) => {
    const roomId = parseId(req.params.id);
    if (roomId == null) throw new HttpError(400, 'Room id must be a positive integer');
    if (!await store.findRoom(roomId)) throw new HttpError(404, ERRORS.UNKNOWN_ROOM);
    res.json(await store.pinnedMessages(roomId));
  });

  // The members with presence, for the member list and @-completion. Members only, as search:
  // who is in a room is the room's business.
  api.get('/rooms/:id/members', async (req, res) => {
    const roomId = parseId(req.params.id);
    if (roomId == null) throw new HttpError(400, 'Room id must be a positive integer');
    if (!await store.findRoom(roomId)) throw new HttpError(404, ERRORS.UNKNOWN_ROOM);
    if (!await store.isMember(roomId, req.userRow.id)) throw new HttpError(403, ERRORS.NOT_MEMBER);
    res.json(await store.roomMembers(roomId));
  });

  api.get('/users', async (req, res) => res.json(await store.listUsers()));

  api.get('/dms', async (req, res) => res.json(await store.conversations(req.userRow.id)));

  api.get('/dms/:userId', async (req, res) => {
    const otherId = parseId(req.params.userId);
    if (otherId == null) throw new HttpError(400, 'User id must be a positive integer');
    const page = paging(req.query);
    if (!await store.findUserById(otherId)) throw new HttpError(404, 'Unknown user');
    res.json(await store.directMessages(req.userRow.id, otherId, page));
  });

  api.get('/search', async (req, res) => {
    const me = req.userRow.id;
    const { q } = req.query;
    if (typeof q !== 'string' || q.length > MAX_SEARCH_QUERY_LENGTH) throw new HttpError(400, QUERY_ERRORS.SEARCH_QUERY_INVALID);
    let roomId = null;
    let otherId = null;
    if (req.query.roomId !== undefined) {
      roomId = parseId(req.query.roomId);
      if (roomId == null) throw new HttpError(400, ERRORS.INVALID_ROOM_ID);
    }
    if (req.query.userId !== undefined) {
      otherId = parseId(req.query.userId);
      if (otherId == null) throw new HttpError(400, ERRORS.INVALID_USER_ID);
    }
    if (roomId != null && otherId != null) throw new HttpError(400, QUERY_ERRORS.SEARCH_TARGET);
    // `before` narrows a search, it does not page through ranked results: no `after` here.
    const { before, limit } = paging(req.query, { allowAfter: false });
    if (roomId != null) {
      if (!await store.findRoom(roomId)) throw new HttpError(404, ERRORS.UNKNOWN_ROOM);
      // Unlike the history route, search answers only from rooms the caller is a member of.
      if (!await store.isMember(roomId, me)) throw new HttpError(403, ERRORS.NOT_MEMBER);
    }
    if (otherId != null && !await store.findUserById(otherId)) throw new HttpError(404, ERRORS.UNKNOWN_USER);
    const words = searchWords(q);
    if (words == null) return res.json([]); // nothing to search for, e.g. only punctuation
    return res.json(await store.search(me, { words, roomId, otherId, before, limit }));
  });

  files.mount(api);

  app.use('/api', api);

  app.use((req, res) => res.status(404).json({ error: 'Not found' }));

  // Errors are always JSON and never include a stack trace.
  // eslint-disable-next-line no-unused-vars
  app.use((err, req, res, next) => {
    if (err instanceof HttpError) return res.status(err.status).json({ error: err.message });
    if (err && err.type === 'entity.parse.failed') return res.status(400).json({ error: 'Malformed JSON body' });
    if (err && err.type === 'entity.too.large') return res.status(413).json({ error: 'Request body too large' });
    if (err && typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
      return res.status(err.status).json({ error: err.expose && err.message ? err.message : 'Bad request' });
    }
    logger.error(`${req.method} ${req.path} failed:`, err);
    return res.status(500).json({ error: 'Internal server error' });
  });

  return app;
}

module.exports = { createApp, paging, HttpError };
