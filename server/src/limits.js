'use strict';

/**
 * Limits against abuse (issue 16): how fast one socket may send, how many sockets one user may
 * hold, how many members a room may have, how large one packet may be. Each one has a default
 * and an environment variable (server/README.md, docs/PROTOCOL.md "Limits").
 */

const DEFAULT_LIMITS = Object.freeze({
  // Token bucket per socket over the sending events (SENT_EVENTS): `sendBurst` at once, then
  // `sendPerSecond` sustained. A person typing never comes near it, nor does a client flushing
  // the outbox it filled while offline; a script flooding a room does.
  sendBurst: 100,
  sendPerSecond: 10,
  // Across all processes (counted from the presence rows). Enough for a laptop, a phone and a
  // few stale tabs; not enough for one account to hold thousands of sockets.
  maxConnectionsPerUser: 20,
  maxRoomMembers: 1000,
  // socket.io's maxHttpBufferSize (its default, kept): a larger packet closes the connection.
  maxPacketBytes: 1e6,
  // POST /api/files: the largest file taken (25 MiB; announced in GET /api/server).
  maxFileBytes: 25 * 1024 * 1024,
});

// The events that store and broadcast what a user wrote: each one costs a token.
const SENT_EVENTS = Object.freeze(['message:send', 'dm:send', 'message:edit']);

const ENV = Object.freeze({
  sendBurst: 'SEND_RATE_BURST',
  sendPerSecond: 'SEND_RATE_PER_SECOND',
  maxConnectionsPerUser: 'MAX_CONNECTIONS_PER_USER',
  maxRoomMembers: 'MAX_ROOM_MEMBERS',
  maxPacketBytes: 'MAX_PACKET_BYTES',
  maxFileBytes: 'MAX_FILE_BYTES',
});

/** The limits from the environment; throws Error with a message naming the bad variable. */
function limitsFromEnv(env) {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, name] of Object.entries(ENV)) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    // sendPerSecond may be fractional (0.5 = one message every two seconds); the others are counts.
    const re = key === 'sendPerSecond' ? /^[0-9]{1,6}(\.[0-9]{1,3})?$/ : /^[0-9]{1,9}$/;
    const value = Number(text);
    if (!re.test(text) || !(value > 0)) throw new Error(`${name} must be a positive number (got ${JSON.stringify(text)})`);
    limits[key] = value;
  }
  return limits;
}

/**
 * A token bucket: holds at most `burst` tokens, refills `perSecond` tokens a second, and each
 * take() spends one. take() is false when the bucket is empty (the caller refuses).
 */
function tokenBucket(burst, perSecond, now = () => performance.now()) {
  let tokens = burst;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) * perSecond) / 1000);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

module.exports = { DEFAULT_LIMITS, SENT_EVENTS, ENV: ENV, limitsFromEnv, tokenBucket };
