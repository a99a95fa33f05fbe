'use strict';

const jwt = require('jsonwebtoken');
const { publicUser } = require('./store/shape');
const { parseId, isPlainObject } = require('./ids');
const { isSingleEmoji } = require('./emoji');
const { SENT_EVENTS, tokenBucket } = require('./limits');
const { presenceSettler } = require('./presence');
const { parseAttachments, allUploadedBy } = require('./attachments');
const {
  AUTH_ERRORS, CONNECT_ERRORS, ERRORS, MAX_TEXT_LENGTH, MAX_CLIENT_ID_LENGTH, MAX_REACTION_EMOJI, MAX_PINS,
} = require('./constants');

/** A refusal caused by the client's payload: its message is sent back in the ack. */
class ClientError extends Error {}

// Attempts at removing a disconnected socket's presence row (with 0.5, 1, 2, 4 s between them).
const FORGET_ATTEMPTS = 5;

const refuse = (message) => {
  throw new ClientError(message);
};

function validText(text) {
  return typeof text === 'string' && text.length <= MAX_TEXT_LENGTH && text.trim().length > 0;
}

/**
 * The file ids of a send's `attachments`, or the refusal. With at least one attachment the text
 * may be empty (a photo without a caption), but it is still a string of at most MAX_TEXT_LENGTH.
 */
function textAndAttachments(data) {
  const attachments = parseAttachments(data.attachments);
  if (attachments == null) refuse(ERRORS.ATTACHMENTS_INVALID);
  const captionOnly = attachments.length > 0 && typeof data.text === 'string' && data.text.length <= MAX_TEXT_LENGTH;
  if (!captionOnly && !validText(data.text)) refuse(ERRORS.TEXT_INVALID);
  return attachments;
}

/** undefined/null = no clientId; otherwise a non-empty string of at most 64 characters. */
function validClientId(clientId) {
  if (clientId === undefined || clientId === null) return null;
  if (typeof clientId !== 'string' || clientId.length === 0 || clientId.length > MAX_CLIENT_ID_LENGTH) {
    refuse(ERRORS.CLIENT_ID_INVALID);
  }
  return clientId;
}

/** undefined/null = not given; otherwise a valid id, or the refusal `error`. */
function optionalId(value, error) {
  if (value === undefined || value === null) return null;
  const id = parseId(value);
  if (id == null) refuse(error);
  return id;
}

const isTutor = (user) => user.role === 'tutor';

/** Verifies a token and returns the public user, or throws Error with the protocol's message. */
async function authenticate(store, jwtSecret, token) {
  if (!token) throw new Error(AUTH_ERRORS.NO_TOKEN);
  let decoded;
  try {
    decoded = jwt.verify(token, jwtSecret, { algorithms: ['HS256'] });
  } catch (error) {
    throw new Error(AUTH_ERRORS.PREFIX + error.message);
  }
  const id = decoded && typeof decoded === 'object' ? parseId(decoded.id) : null;
  const row = id != null ? await store.findUserById(id) : undefined;
  if (!row) throw new Error(AUTH_ERRORS.USER_NOT_FOUND);
  return row;
}

/**
 * The socket layer: the seed's event contract plus compatible additions (acks, clientId, typing,
 * membership, read state, validation, and the study conversations: replies, threads, edit,
 * delete, reactions, pins, mentions). See docs/PROTOCOL.md.
 */
function setupSocket(io, { store, jwtSecret, logger, isClosing, nodeId, limits, broadcastsDelivered = null }) {
  const settlePresence = presenceSettler({ io, store, broadcastsDelivered, logger });
  const pending = new Set(); // running handler promises, awaited on shutdown

  io.use(async (socket, next) => {
    try {
      const row = await authenticate(store, jwtSecret, socket.handshake.auth && socket.handshake.auth.token);
      socket.user = publicUser(row);
      socket.data.userId = row.id;
      next();
    } catch (error) {
      // Same prefix as the seed for every failure, including an unexpected database error.
      const msg = error.message.startsWith(AUTH_ERRORS.PREFIX) ? error.message : AUTH_ERRORS.PREFIX + error.message;
      next(new Error(msg));
    }
  });

  // Presence, and the connection limit, in a second middleware: this refusal must not carry the
  // authentication prefix (the token is fine, and a client must not sign the user out over it).
  // Each socket has its own presence row, stored here, before the client is told it is connected:
  // once a client sees 'connect', every process counts that socket. The offline decision is
  // taken from those rows inside the write that removes one (socketDisconnected), so a socket
  // that connects anywhere while another one's disconnect is being handled can never be
  // overwritten by a stale "offline" (issue 16). The limit is checked in the same transaction.
  // user:status goes out inside the transaction, so one user's announcements leave in the order
  // of the writes; the new socket is not connected yet, so io.emit reaches only the others (the
  // seed's socket.broadcast.emit).
  io.use(async (socket, next) => {
    const userId = socket.data.userId;
    let result;
    try {
      result = await store.socketConnected(userId, socket.id, nodeId, limits.maxConnectionsPerUser, () => {
        io.emit('user:status', { userId, status: 'online' });
      });
    } catch (error) {
      logger.error(`presence: could not store the connection of user ${userId}:`, error);
      next(new Error(ERRORS.INTERNAL));
      return;
    }
    if (result.refused) {
      logger.info(`user ${userId} refused: already ${result.count} connections`);
      next(new Error(CONNECT_ERRORS.TOO_MANY_CONNECTIONS));
      return;
    }
    // Another process may have announced "offline" just before this write, and its message may
    // reach clients after ours: settle makes "online" the last word (presence.js).
    track(settlePresence(userId, 'online').catch((error) => logger.error(`presence: could not settle user ${userId}:`, error)));
    // A client gone while this ran never gets a 'connection', so never a 'disconnect': its row
    // is removed here instead.
    socket.conn.once('close', () => {
      if (!socket.data.connected) track(forget(socket, userId, 'closed before connecting'));
    });
    next();
  });

  /** Removes the socket's presence row; the user goes offline when it was their last. */
  async function forget(socket, userId, reason) {
    // Retried: a row left behind would show the user online for as long as this process lives
    // (the sweep only removes the rows of dead processes), and a busy database (a pool exhausted
    // by a storm of disconnects) is worth waiting for. Not while shutting down: the store closes.
    for (let attempt = 1; ; attempt += 1) {
      try {
        const { remaining } = await store.socketDisconnected(userId, socket.id, () => {
          io.emit('user:status', { userId, status: 'offline' });
        });
        if (remaining > 0) logger.debug(`presence: user ${userId} still connected on ${remaining} socket(s)`);
        else {
          logger.debug(`presence: user ${userId} has no socket left: announced offline`);
          await settleOffline(userId);
        }
        return;
      } catch (error) {
        if (attempt >= FORGET_ATTEMPTS || isClosing()) {
          logger.error(`presence: could not remove the socket of user ${userId} (${reason}):`, error);
          return;
        }
        logger.warn(`presence: removing the socket of user ${userId} failed (${error.message}); retrying`);
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    }
  }

  /** After announcing "offline": a socket connected on another process meanwhile wins (presence.js). */
  async function settleOffline(userId) {
    try {
      if (await settlePresence(userId, 'offline') === 'offline') logger.debug(`presence: user ${userId} is offline`);
      else logger.debug(`presence: user ${userId} is online again on another process (announced again)`);
    } catch (error) {
      logger.error(`presence: could not settle user ${userId}:`, error);
    }
  }

  /**
   * Runs `work` after everything queued before on this socket. A socket's events are handled one
   * after the other, in the order they came, as when every handler was synchronous: a client
   * may send room:join and then message:send without waiting for the first ack.
   */
  function enqueue(socket, work) {
    const run = track(socket.data.queue.then(work));
    socket.data.queue = run.catch(() => {});
    return run;
  }

  /** Keeps the promise in `pending` until it settles (shutdown waits for it). */
  function track(run) {
    pending.add(run);
    run.then(() => pending.delete(run), () => pending.delete(run));
    return run;
  }

  /** Registers a handler that never throws: errors are logged and answered on the ack, if any. */
  function handle(socket, event, handler) {
    const limited = SENT_EVENTS.includes(event);
    socket.on(event, (...args) => {
      const ack = args.length > 0 && typeof args[args.length - 1] === 'function' ? args.pop() : null;
      const reply = (response) => {
        if (ack) ack(response);
      };
      // The token is taken when the event arrives, not when its turn comes: the rate is the
      // client's. Taken for every event of the kind, valid or not: a flood of invalid payloads
      // costs the server too.
      const allowed = !limited || socket.data.sendBucket.take();
      enqueue(socket, async () => {
        try {
          if (!allowed) refuse(ERRORS.RATE_LIMITED);
          const result = await handler(args[0]);
          reply({ ok: true, ...result });
        } catch (error) {
          if (error instanceof ClientError) {
            logger.debug(`${event} from user ${socket.user.id} refused: ${error.message}`);
            reply({ ok: false, error: error.message });
          } else {
            logger.error(`${event} handler failed for user ${socket.user.id}:`, error);
            reply({ ok: false, error: ERRORS.INTERNAL });
          }
        }
      });
    });
  }

  async function roomFrom(rawRoomId) {
    const roomId = parseId(rawRoomId);
    if (roomId == null) refuse(ERRORS.INVALID_ROOM_ID);
    if (!await store.findRoom(roomId)) refuse(ERRORS.UNKNOWN_ROOM);
    return { roomId, channel: `room:${roomId}` };
  }

  async function recipientFrom(rawRecipientId, selfId) {
    const recipientId = parseId(rawRecipientId);
    if (recipientId == null) refuse(ERRORS.INVALID_RECIPIENT_ID);
    if (!await store.findUserById(recipientId)) refuse(ERRORS.UNKNOWN_RECIPIENT);
    if (recipientId === selfId) refuse(ERRORS.DM_TO_SELF);
    return recipientId;
  }

  io.on('connection', (socket) => {
    const user = socket.user;
    if (isClosing()) {
      // Its presence row goes with the connection ('close' above: it never counted as connected).
      socket.disconnect(true);
      return;
    }
    logger.info(`User connected: ${user.id} (socket ${socket.id})`);
    socket.data.sendBucket = tokenBucket(limits.sendBurst, limits.sendPerSecond);
    socket.data.queue = Promise.resolve();
    socket.data.connected = true;
    socket.join(`user:${user.id}`);

    // --- rooms (seed contract: the payload is the plain room id) ---
    const self = `user:${user.id}`;

    handle(socket, 'room:join', async (rawRoomId) => {
      const { roomId, channel } = await roomFrom(rawRoomId);
      const { newMember, full } = await store.addMember(roomId, user.id, limits.maxRoomMembers);
      if (full) refuse(ERRORS.ROOM_FULL);
      const already = socket.rooms.has(channel);
      socket.join(channel);
      if (!already || newMember) {
        logger.debug(`${user.id} joined room ${roomId}${newMember ? ' (new member)' : ''}`);
        const event = { roomId: rawRoomId, user, newMember };
        // A new membership also reaches the user's other sockets (another device), in the room or not.
        (newMember ? socket.to([channel, self]) : socket.to(channel)).emit('room:userJoined', event);
      }
      return { roomId: rawRoomId, newMember };
    });

    handle(socket, 'room:leave', async (rawRoomId) => {
      const { roomId, channel } = await roomFrom(rawRoomId);
      const { wasMember } = await store.removeMember(roomId, user.id);
      if (wasMember) {
        logger.debug(`${user.id} left room ${roomId}`);
        // To the others in the room and to the user's other sockets (another device), once each.
        socket.to([channel, self]).emit('room:userLeft', { roomId: rawRoomId, userId: user.id });
      }
      // The membership has ended: every socket of the user, on every process, leaves the channel.
      socket.leave(channel);
      io.in(self).socketsLeave(channel);
      return { roomId: rawRoomId };
    });

    // --- read state (our addition) ---
    handle(socket, 'conversation:read', async (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const hasRoom = data.roomId !== undefined && data.roomId !== null;
      const hasUser = data.userId !== undefined && data.userId !== null;
      if (hasRoom === hasUser) refuse(ERRORS.READ_TARGET);
      let target;
      if (hasRoom) {
        const { roomId } = await roomFrom(data.roomId);
        target = { kind: 'room', conversationId: roomId };
      } else {
        const otherId = parseId(data.userId);
        if (otherId == null) refuse(ERRORS.INVALID_USER_ID);
        if (!await store.findUserById(otherId)) refuse(ERRORS.UNKNOWN_USER);
        if (otherId === user.id) refuse(ERRORS.READ_SELF);
        target = { kind: 'dm', conversationId: otherId };
      }
      const messageId = parseId(data.messageId);
      if (messageId == null) refuse(ERRORS.INVALID_MESSAGE_ID);
      if (target.kind === 'room') {
        if (!await store.isMember(target.conversationId, user.id)) refuse(ERRORS.NOT_MEMBER);
        if (!await store.roomHasMessage(target.conversationId, messageId)) refuse(ERRORS.UNKNOWN_MESSAGE);
      } else if (!await store.dmHasMessage(user.id, target.conversationId, messageId)) {
        refuse(ERRORS.UNKNOWN_MESSAGE);
      }

      const { lastReadId, advanced } = await store.markRead({ userId: user.id, ...target, messageId });
      if (advanced) {
        // The user's other sockets (another device) clear their badge; this one has the ack.
        const event = hasRoom ? { roomId: data.roomId, lastReadId } : { userId: data.userId, lastReadId };
        socket.to(self).emit('conversation:read', event);
      }
      return { lastReadId };
    });

    // --- room messages ---
    handle(socket, 'message:send', async (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const { roomId, channel } = await roomFrom(data.roomId);
      const attachments = textAndAttachments(data);
      const clientId = validClientId(data.clientId);
      const replyTo = optionalId(data.replyTo, ERRORS.REPLY_TO_INVALID);
      const rawThreadId = optionalId(data.threadId, ERRORS.THREAD_ID_INVALID);
      if (!socket.rooms.has(channel)) refuse(ERRORS.NOT_JOINED);
      if (!await allUploadedBy(store, user.id, attachments)) refuse(ERRORS.ATTACHMENT_NOT_OWN);

      // A thread is named by its root: a threadId of a reply in a thread means that thread, and
      // replying to a message that is in a thread puts the reply into that thread too.
      let threadId = null;
      if (rawThreadId != null) {
        const row = await store.messageRow('room', rawThreadId);
        if (!row || row.room_id !== roomId) refuse(ERRORS.UNKNOWN_THREAD);
        threadId = row.thread_id ?? row.id;
      }
      if (replyTo != null) {
        const row = await store.messageRow('room', replyTo);
        if (!row || row.room_id !== roomId) refuse(ERRORS.UNKNOWN_REPLY_TO);
        if (threadId == null) threadId = row.thread_id;
        else if (row.id !== threadId && row.thread_id !== threadId) refuse(ERRORS.THREAD_MISMATCH);
      }

      const { message, duplicate, thread } = await store.createMessage({
        roomId, senderId: user.id, text: data.text, clientId, replyTo, threadId, attachments,
      });
      if (!duplicate) {
        const payload = { id: message.id, roomId: data.roomId, sender: user, text: message.text, createdAt: message.createdAt };
        if (clientId != null) payload.clientId = clientId;
        if (message.replyTo) payload.replyTo = message.replyTo;
        if (message.threadId != null) payload.threadId = message.threadId;
        if (message.mentions) payload.mentions = message.mentions;
        if (message.attachments) payload.attachments = message.attachments;
        io.to(channel).emit('message:received', payload);
        if (thread) io.to(channel).emit('thread:updated', { roomId, threadId: message.threadId, ...thread });
      }
      const ack = { id: message.id, createdAt: message.createdAt, duplicate };
      if (message.threadId != null) ack.threadId = message.threadId;
      return ack;
    });

    // --- threads (our addition) ---
    handle(socket, 'thread:resolve', async (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const threadId = parseId(data.threadId);
      if (threadId == null) refuse(ERRORS.THREAD_ID_INVALID);
      if (typeof data.resolved !== 'boolean') refuse(ERRORS.RESOLVED_INVALID);
      const row = await store.messageRow('room', threadId);
      // Only a root names a thread here: resolving is about the whole thread, never one reply.
      if (!row || row.thread_id != null) refuse(ERRORS.UNKNOWN_THREAD);
      if (!await store.isMember(row.room_id, user.id)) refuse(ERRORS.NOT_MEMBER);
      if (row.sender_id !== user.id && !isTutor(user)) refuse(ERRORS.RESOLVE_FORBIDDEN);
      const { changed, thread } = await store.resolveThread(threadId, data.resolved);
      const event = { roomId: row.room_id, threadId, ...thread };
      if (changed) io.to(`room:${row.room_id}`).emit('thread:updated', event);
      return event;
    });

    // --- edit, delete, reactions (our addition): one message, named by { kind, id } ---

    /** kind 'room' | 'dm', or the refusal. */
    function kindFrom(value) {
      if (value !== 'room' && value !== 'dm') refuse(ERRORS.KIND_INVALID);
      return value;
    }

    /**
     * The stored row of a message the user may see: a message of a room the user is a member
     * of, or a DM the user sent or received. A DM between two others is "unknown", so its
     * existence does not leak.
     */
    async function visibleMessage(kind, id) {
      const row = await store.messageRow(kind, id);
      if (kind === 'room') {
        if (!row) refuse(ERRORS.UNKNOWN_MESSAGE);
        if (!await store.isMember(row.room_id, user.id)) refuse(ERRORS.NOT_MEMBER);
      } else if (!row || (row.sender_id !== user.id && row.recipient_id !== user.id)) {
        refuse(ERRORS.UNKNOWN_MESSAGE);
      }
      return row;
    }

    /** Where a message's changes go (the room, or both users of a DM) and the ids that name it. */
    function audienceOf(kind, row) {
      if (kind === 'room') {
        const where = { roomId: row.room_id };
        if (row.thread_id != null) where.threadId = row.thread_id;
        return { channels: [`room:${row.room_id}`], where };
      }
      return {
        channels: [`user:${row.sender_id}`, `user:${row.recipient_id}`],
        where: { senderId: row.sender_id, recipientId: row.recipient_id },
      };
    }

    handle(socket, 'message:edit', async (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const kind = kindFrom(data.kind);
      const id = parseId(data.id);
      if (id == null) refuse(ERRORS.ID_INVALID);
      if (!validText(data.text)) refuse(ERRORS.TEXT_INVALID);
      const row = await visibleMessage(kind, id);
      if (row.sender_id !== user.id) refuse(ERRORS.EDIT_FORBIDDEN);
      if (row.deleted_at != null) refuse(ERRORS.MESSAGE_DELETED);
      // The same text again changes nothing: no new editedAt, no broadcast (a retry is harmless).
      if (row.text === data.text) {
        return { id, editedAt: row.edited_at != null ? new Date(row.edited_at).toISOString() : null };
      }
      const { editedAt, mentions } = await store.editMessage(kind, id, data.text);
      const { channels, where } = audienceOf(kind, row);
      // mentions always, [] included: a client replaces what it had (an edit may remove them all).
      io.to(channels).emit('message:updated', { kind, id, ...where, text: data.text, editedAt, mentions });
      return { id, editedAt };
    });

    handle(socket, 'message:delete', async (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const kind = kindFrom(data.kind);
      const id = parseId(data.id);
      if (id == null) refuse(ERRORS.ID_INVALID);
      const row = await visibleMessage(kind, id);
      if (row.sender_id !== user.id && !(kind === 'room' && isTutor(user))) refuse(ERRORS.DELETE_FORBIDDEN);
      // Deleting twice is acked with the first deletion's time and announces nothing.
      if (row.deleted_at != null) return { id, deletedAt: new Date(row.deleted_at).toISOString() };
      const { deletedAt, unpinned } = await store.deleteMessage(kind, id);
      const { channels, where } = audienceOf(kind, row);
      io.to(channels).emit('message:deleted', { kind, id, ...where, deletedAt });
      if (unpinned) io.to(channels).emit('room:pins', { roomId: row.room_id, pins: await store.pinIds(row.room_id) });
      return { id, deletedAt };
    });

    const reaction = (add) => async (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const kind = kindFrom(data.kind);
      const id = parseId(data.messageId);
      if (id == null) refuse(ERRORS.INVALID_MESSAGE_ID);
      if (!isSingleEmoji(data.emoji)) refuse(ERRORS.EMOJI_INVALID);
      const row = await visibleMessage(kind, id);
      if (row.deleted_at != null) refuse(ERRORS.MESSAGE_DELETED);
      const result = add
        ? await store.addReaction(kind, id, user.id, data.emoji, MAX_REACTION_EMOJI)
        : await store.removeReaction(kind, id, user.id, data.emoji);
      if (result.tooMany) refuse(ERRORS.TOO_MANY_REACTIONS);
      // Adding a reaction the user already gave (or removing one they did not) is acked, not announced.
      if (result.changed) {
        const { channels, where } = audienceOf(kind, row);
        io.to(channels).emit('message:reactions', { kind, id, ...where, reactions: result.reactions });
      }
      return { id, reactions: result.reactions };
    };
    handle(socket, 'reaction:add', reaction(true));
    handle(socket, 'reaction:remove', reaction(false));

    // --- pins (our addition): tutors pin messages of their rooms ---
    const pin = (add) => async (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const { roomId, channel } = await roomFrom(data.roomId);
      const messageId = parseId(data.messageId);
      if (messageId == null) refuse(ERRORS.INVALID_MESSAGE_ID);
      if (!isTutor(user)) refuse(ERRORS.PIN_FORBIDDEN);
      if (!await store.isMember(roomId, user.id)) refuse(ERRORS.NOT_MEMBER);
      const row = await store.messageRow('room', messageId);
      if (!row || row.room_id !== roomId) refuse(ERRORS.UNKNOWN_MESSAGE);
      if (add && row.deleted_at != null) refuse(ERRORS.MESSAGE_DELETED);
      const result = add ? await store.pin(roomId, messageId, user.id, MAX_PINS) : await store.unpin(roomId, messageId);
      if (result.tooMany) refuse(ERRORS.TOO_MANY_PINS);
      if (result.changed) io.to(channel).emit('room:pins', { roomId, pins: result.pins });
      return { roomId, pins: result.pins };
    };
    handle(socket, 'message:pin', pin(true));
    handle(socket, 'message:unpin', pin(false));

    // --- direct messages ---
    handle(socket, 'dm:send', async (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const recipientId = await recipientFrom(data.recipientId, user.id);
      const attachments = textAndAttachments(data);
      const clientId = validClientId(data.clientId);
      const replyTo = optionalId(data.replyTo, ERRORS.REPLY_TO_INVALID);
      if (data.threadId !== undefined && data.threadId !== null) refuse(ERRORS.DM_NO_THREADS);
      if (replyTo != null) {
        const row = await store.messageRow('dm', replyTo);
        const inConversation = row && ((row.sender_id === user.id && row.recipient_id === recipientId)
          || (row.sender_id === recipientId && row.recipient_id === user.id));
        if (!inConversation) refuse(ERRORS.UNKNOWN_REPLY_TO);
      }
      if (!await allUploadedBy(store, user.id, attachments)) refuse(ERRORS.ATTACHMENT_NOT_OWN);

      const { dm, duplicate } = await store.createDirectMessage({
        senderId: user.id, recipientId, text: data.text, clientId, replyTo, attachments,
      });
      if (!duplicate) {
        const payload = { id: dm.id, sender: user, text: data.text, createdAt: dm.createdAt };
        if (clientId != null) payload.clientId = clientId;
        if (dm.replyTo) payload.replyTo = dm.replyTo;
        if (dm.mentions) payload.mentions = dm.mentions;
        if (dm.attachments) payload.attachments = dm.attachments;
        io.to(`user:${recipientId}`).emit('dm:received', payload);
        // Seed behaviour: the echo goes to the sending socket only, with recipientId added.
        socket.emit('dm:received', { ...payload, recipientId: data.recipientId });
      }
      return { id: dm.id, createdAt: dm.createdAt, duplicate };
    });

    // --- typing notices (our addition) ---
    const typing = (isTyping) => async (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const hasRoom = data.roomId !== undefined && data.roomId !== null;
      const hasRecipient = data.recipientId !== undefined && data.recipientId !== null;
      if (hasRoom === hasRecipient) refuse(ERRORS.TYPING_TARGET);
      if (hasRoom) {
        const { channel } = await roomFrom(data.roomId);
        if (!socket.rooms.has(channel)) refuse(ERRORS.NOT_JOINED);
        socket.to(channel).emit('typing:update', { roomId: data.roomId, userId: user.id, user, typing: isTyping });
      } else {
        const recipientId = await recipientFrom(data.recipientId, user.id);
        io.to(`user:${recipientId}`).emit('typing:update', {
          recipientId: data.recipientId,
          userId: user.id,
          user,
          typing: isTyping,
        });
      }
      return {};
    };
    handle(socket, 'typing:start', typing(true));
    handle(socket, 'typing:stop', typing(false));

    // --- presence: stored and announced by the middleware above; the socket's events come first ---
    socket.on('disconnect', (reason) => {
      logger.info(`User disconnected: ${user.id} (socket ${socket.id}, ${reason})`);
      enqueue(socket, () => forget(socket, user.id, reason));
    });
  });

  return {
    /** Resolves when every running handler (including disconnect/presence work) has finished. */
    drain: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

module.exports = { setupSocket, authenticate, ClientError };
