'use strict';

const jwt = require('jsonwebtoken');
const { publicUser } = require('./db');
const { parseId, isPlainObject } = require('./ids');
const { isSingleEmoji } = require('./emoji');
const {
  AUTH_ERRORS, ERRORS, MAX_TEXT_LENGTH, MAX_CLIENT_ID_LENGTH, MAX_REACTION_EMOJI, MAX_PINS,
} = require('./constants');

/** A refusal caused by the client's payload: its message is sent back in the ack. */
class ClientError extends Error {}

const FETCH_SOCKETS_TIMEOUT_MS = 4000;

const refuse = (message) => {
  throw new ClientError(message);
};

function validText(text) {
  return typeof text === 'string' && text.length <= MAX_TEXT_LENGTH && text.trim().length > 0;
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
function authenticate(store, jwtSecret, token) {
  if (!token) throw new Error(AUTH_ERRORS.NO_TOKEN);
  let decoded;
  try {
    decoded = jwt.verify(token, jwtSecret, { algorithms: ['HS256'] });
  } catch (error) {
    throw new Error(AUTH_ERRORS.PREFIX + error.message);
  }
  const id = decoded && typeof decoded === 'object' ? parseId(decoded.id) : null;
  const row = id != null ? store.findUserById(id) : undefined;
  if (!row) throw new Error(AUTH_ERRORS.USER_NOT_FOUND);
  return row;
}

/**
 * The socket layer: the seed's event contract plus compatible additions (acks, clientId, typing,
 * membership, read state, validation, and the study conversations: replies, threads, edit,
 * delete, reactions, pins, mentions). See docs/PROTOCOL.md.
 */
function setupSocket(io, { store, jwtSecret, logger, isClosing }) {
  const pending = new Set(); // running handler promises, awaited on shutdown

  io.use((socket, next) => {
    try {
      const row = authenticate(store, jwtSecret, socket.handshake.auth && socket.handshake.auth.token);
      socket.user = publicUser(row);
      socket.data.userId = row.id;
      next();
    } catch (error) {
      // Same prefix as the seed for every failure, including an unexpected database error.
      const msg = error.message.startsWith(AUTH_ERRORS.PREFIX) ? error.message : AUTH_ERRORS.PREFIX + error.message;
      next(new Error(msg));
    }
  });

  /** Registers a handler that never throws: errors are logged and answered on the ack, if any. */
  function handle(socket, event, handler) {
    socket.on(event, (...args) => {
      const ack = args.length > 0 && typeof args[args.length - 1] === 'function' ? args.pop() : null;
      const reply = (response) => {
        if (ack) ack(response);
      };
      const run = (async () => {
        try {
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
      })();
      pending.add(run);
      run.finally(() => pending.delete(run));
    });
  }

  function roomFrom(rawRoomId) {
    const roomId = parseId(rawRoomId);
    if (roomId == null) refuse(ERRORS.INVALID_ROOM_ID);
    if (!store.findRoom(roomId)) refuse(ERRORS.UNKNOWN_ROOM);
    return { roomId, channel: `room:${roomId}` };
  }

  function recipientFrom(rawRecipientId, selfId) {
    const recipientId = parseId(rawRecipientId);
    if (recipientId == null) refuse(ERRORS.INVALID_RECIPIENT_ID);
    if (!store.findUserById(recipientId)) refuse(ERRORS.UNKNOWN_RECIPIENT);
    if (recipientId === selfId) refuse(ERRORS.DM_TO_SELF);
    return recipientId;
  }

  io.on('connection', (socket) => {
    const user = socket.user;
    if (isClosing()) {
      socket.disconnect(true);
      return;
    }
    logger.info(`User connected: ${user.id} (socket ${socket.id})`);
    socket.join(`user:${user.id}`);

    // --- rooms (seed contract: the payload is the plain room id) ---
    const self = `user:${user.id}`;

    handle(socket, 'room:join', (rawRoomId) => {
      const { roomId, channel } = roomFrom(rawRoomId);
      const already = socket.rooms.has(channel);
      socket.join(channel);
      const { newMember } = store.addMember(roomId, user.id);
      if (!already || newMember) {
        logger.debug(`${user.id} joined room ${roomId}${newMember ? ' (new member)' : ''}`);
        const event = { roomId: rawRoomId, user, newMember };
        // A new membership also reaches the user's other sockets (another device), in the room or not.
        (newMember ? socket.to([channel, self]) : socket.to(channel)).emit('room:userJoined', event);
      }
      return { roomId: rawRoomId, newMember };
    });

    handle(socket, 'room:leave', (rawRoomId) => {
      const { roomId, channel } = roomFrom(rawRoomId);
      const { wasMember } = store.removeMember(roomId, user.id);
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
    handle(socket, 'conversation:read', (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const hasRoom = data.roomId !== undefined && data.roomId !== null;
      const hasUser = data.userId !== undefined && data.userId !== null;
      if (hasRoom === hasUser) refuse(ERRORS.READ_TARGET);
      let target;
      if (hasRoom) {
        const { roomId } = roomFrom(data.roomId);
        target = { kind: 'room', conversationId: roomId };
      } else {
        const otherId = parseId(data.userId);
        if (otherId == null) refuse(ERRORS.INVALID_USER_ID);
        if (!store.findUserById(otherId)) refuse(ERRORS.UNKNOWN_USER);
        if (otherId === user.id) refuse(ERRORS.READ_SELF);
        target = { kind: 'dm', conversationId: otherId };
      }
      const messageId = parseId(data.messageId);
      if (messageId == null) refuse(ERRORS.INVALID_MESSAGE_ID);
      if (target.kind === 'room') {
        if (!store.isMember(target.conversationId, user.id)) refuse(ERRORS.NOT_MEMBER);
        if (!store.roomHasMessage(target.conversationId, messageId)) refuse(ERRORS.UNKNOWN_MESSAGE);
      } else if (!store.dmHasMessage(user.id, target.conversationId, messageId)) {
        refuse(ERRORS.UNKNOWN_MESSAGE);
      }

      const { lastReadId, advanced } = store.markRead({ userId: user.id, ...target, messageId });
      if (advanced) {
        // The user's other sockets (another device) clear their badge; this one has the ack.
        const event = hasRoom ? { roomId: data.roomId, lastReadId } : { userId: data.userId, lastReadId };
        socket.to(self).emit('conversation:read', event);
      }
      return { lastReadId };
    });

    // --- room messages ---
    handle(socket, 'message:send', (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const { roomId, channel } = roomFrom(data.roomId);
      if (!validText(data.text)) refuse(ERRORS.TEXT_INVALID);
      const clientId = validClientId(data.clientId);
      const replyTo = optionalId(data.replyTo, ERRORS.REPLY_TO_INVALID);
      const rawThreadId = optionalId(data.threadId, ERRORS.THREAD_ID_INVALID);
      if (!socket.rooms.has(channel)) refuse(ERRORS.NOT_JOINED);

      // A thread is named by its root: a threadId of a reply in a thread means that thread, and
      // replying to a message that is in a thread puts the reply into that thread too.
      let threadId = null;
      if (rawThreadId != null) {
        const row = store.messageRow('room', rawThreadId);
        if (!row || row.room_id !== roomId) refuse(ERRORS.UNKNOWN_THREAD);
        threadId = row.thread_id ?? row.id;
      }
      if (replyTo != null) {
        const row = store.messageRow('room', replyTo);
        if (!row || row.room_id !== roomId) refuse(ERRORS.UNKNOWN_REPLY_TO);
        if (threadId == null) threadId = row.thread_id;
        else if (row.id !== threadId && row.thread_id !== threadId) refuse(ERRORS.THREAD_MISMATCH);
      }

      const { message, duplicate, thread } = store.createMessage({
        roomId, senderId: user.id, text: data.text, clientId, replyTo, threadId,
      });
      if (!duplicate) {
        const payload = { id: message.id, roomId: data.roomId, sender: user, text: message.text, createdAt: message.createdAt };
        if (clientId != null) payload.clientId = clientId;
        if (message.replyTo) payload.replyTo = message.replyTo;
        if (message.threadId != null) payload.threadId = message.threadId;
        if (message.mentions) payload.mentions = message.mentions;
        io.to(channel).emit('message:received', payload);
        if (thread) io.to(channel).emit('thread:updated', { roomId, threadId: message.threadId, ...thread });
      }
      const ack = { id: message.id, createdAt: message.createdAt, duplicate };
      if (message.threadId != null) ack.threadId = message.threadId;
      return ack;
    });

    // --- threads (our addition) ---
    handle(socket, 'thread:resolve', (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const threadId = parseId(data.threadId);
      if (threadId == null) refuse(ERRORS.THREAD_ID_INVALID);
      if (typeof data.resolved !== 'boolean') refuse(ERRORS.RESOLVED_INVALID);
      const row = store.messageRow('room', threadId);
      // Only a root names a thread here: resolving is about the whole thread, never one reply.
      if (!row || row.thread_id != null) refuse(ERRORS.UNKNOWN_THREAD);
      if (!store.isMember(row.room_id, user.id)) refuse(ERRORS.NOT_MEMBER);
      if (row.sender_id !== user.id && !isTutor(user)) refuse(ERRORS.RESOLVE_FORBIDDEN);
      const { changed, thread } = store.resolveThread(threadId, data.resolved);
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
    function visibleMessage(kind, id) {
      const row = store.messageRow(kind, id);
      if (kind === 'room') {
        if (!row) refuse(ERRORS.UNKNOWN_MESSAGE);
        if (!store.isMember(row.room_id, user.id)) refuse(ERRORS.NOT_MEMBER);
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

    handle(socket, 'message:edit', (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const kind = kindFrom(data.kind);
      const id = parseId(data.id);
      if (id == null) refuse(ERRORS.ID_INVALID);
      if (!validText(data.text)) refuse(ERRORS.TEXT_INVALID);
      const row = visibleMessage(kind, id);
      if (row.sender_id !== user.id) refuse(ERRORS.EDIT_FORBIDDEN);
      if (row.deleted_at != null) refuse(ERRORS.MESSAGE_DELETED);
      // The same text again changes nothing: no new editedAt, no broadcast (a retry is harmless).
      if (row.text === data.text) {
        return { id, editedAt: row.edited_at != null ? new Date(row.edited_at).toISOString() : null };
      }
      const { editedAt, mentions } = store.editMessage(kind, id, data.text);
      const { channels, where } = audienceOf(kind, row);
      // mentions always, [] included: a client replaces what it had (an edit may remove them all).
      io.to(channels).emit('message:updated', { kind, id, ...where, text: data.text, editedAt, mentions });
      return { id, editedAt };
    });

    handle(socket, 'message:delete', (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const kind = kindFrom(data.kind);
      const id = parseId(data.id);
      if (id == null) refuse(ERRORS.ID_INVALID);
      const row = visibleMessage(kind, id);
      if (row.sender_id !== user.id && !(kind === 'room' && isTutor(user))) refuse(ERRORS.DELETE_FORBIDDEN);
      // Deleting twice is acked with the first deletion's time and announces nothing.
      if (row.deleted_at != null) return { id, deletedAt: new Date(row.deleted_at).toISOString() };
      const { deletedAt, unpinned } = store.deleteMessage(kind, id);
      const { channels, where } = audienceOf(kind, row);
      io.to(channels).emit('message:deleted', { kind, id, ...where, deletedAt });
      if (unpinned) io.to(channels).emit('room:pins', { roomId: row.room_id, pins: store.pinIds(row.room_id) });
      return { id, deletedAt };
    });

    const reaction = (add) => (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const kind = kindFrom(data.kind);
      const id = parseId(data.messageId);
      if (id == null) refuse(ERRORS.INVALID_MESSAGE_ID);
      if (!isSingleEmoji(data.emoji)) refuse(ERRORS.EMOJI_INVALID);
      const row = visibleMessage(kind, id);
      if (row.deleted_at != null) refuse(ERRORS.MESSAGE_DELETED);
      const result = add
        ? store.addReaction(kind, id, user.id, data.emoji, MAX_REACTION_EMOJI)
        : store.removeReaction(kind, id, user.id, data.emoji);
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
    const pin = (add) => (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const { roomId, channel } = roomFrom(data.roomId);
      const messageId = parseId(data.messageId);
      if (messageId == null) refuse(ERRORS.INVALID_MESSAGE_ID);
      if (!isTutor(user)) refuse(ERRORS.PIN_FORBIDDEN);
      if (!store.isMember(roomId, user.id)) refuse(ERRORS.NOT_MEMBER);
      const row = store.messageRow('room', messageId);
      if (!row || row.room_id !== roomId) refuse(ERRORS.UNKNOWN_MESSAGE);
      if (add && row.deleted_at != null) refuse(ERRORS.MESSAGE_DELETED);
      const result = add ? store.pin(roomId, messageId, user.id, MAX_PINS) : store.unpin(roomId, messageId);
      if (result.tooMany) refuse(ERRORS.TOO_MANY_PINS);
      if (result.changed) io.to(channel).emit('room:pins', { roomId, pins: result.pins });
      return { roomId, pins: result.pins };
    };
    handle(socket, 'message:pin', pin(true));
    handle(socket, 'message:unpin', pin(false));

    // --- direct messages ---
    handle(socket, 'dm:send', (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const recipientId = recipientFrom(data.recipientId, user.id);
      if (!validText(data.text)) refuse(ERRORS.TEXT_INVALID);
      const clientId = validClientId(data.clientId);
      const replyTo = optionalId(data.replyTo, ERRORS.REPLY_TO_INVALID);
      if (data.threadId !== undefined && data.threadId !== null) refuse(ERRORS.DM_NO_THREADS);
      if (replyTo != null) {
        const row = store.messageRow('dm', replyTo);
        const inConversation = row && ((row.sender_id === user.id && row.recipient_id === recipientId)
          || (row.sender_id === recipientId && row.recipient_id === user.id));
        if (!inConversation) refuse(ERRORS.UNKNOWN_REPLY_TO);
      }

      const { dm, duplicate } = store.createDirectMessage({
        senderId: user.id, recipientId, text: data.text, clientId, replyTo,
      });
      if (!duplicate) {
        const payload = { id: dm.id, sender: user, text: data.text, createdAt: dm.createdAt };
        if (clientId != null) payload.clientId = clientId;
        if (dm.replyTo) payload.replyTo = dm.replyTo;
        if (dm.mentions) payload.mentions = dm.mentions;
        io.to(`user:${recipientId}`).emit('dm:received', payload);
        // Seed behaviour: the echo goes to the sending socket only, with recipientId added.
        socket.emit('dm:received', { ...payload, recipientId: data.recipientId });
      }
      return { id: dm.id, createdAt: dm.createdAt, duplicate };
    });

    // --- typing notices (our addition) ---
    const typing = (isTyping) => (data) => {
      if (!isPlainObject(data)) refuse(ERRORS.PAYLOAD_NOT_OBJECT);
      const hasRoom = data.roomId !== undefined && data.roomId !== null;
      const hasRecipient = data.recipientId !== undefined && data.recipientId !== null;
      if (hasRoom === hasRecipient) refuse(ERRORS.TYPING_TARGET);
      if (hasRoom) {
        const { channel } = roomFrom(data.roomId);
        if (!socket.rooms.has(channel)) refuse(ERRORS.NOT_JOINED);
        socket.to(channel).emit('typing:update', { roomId: data.roomId, userId: user.id, user, typing: isTyping });
      } else {
        const recipientId = recipientFrom(data.recipientId, user.id);
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

    // --- presence (seed: online on every connect; ours: offline only when the last socket leaves) ---
    try {
      store.setPresence(user.id, 'online');
    } catch (error) {
      logger.error(`presence: could not store online status of user ${user.id}:`, error);
    }
    socket.broadcast.emit('user:status', { userId: user.id, status: 'online' });

    socket.on('disconnect', (reason) => {
      const run = (async () => {
        logger.info(`User disconnected: ${user.id} (socket ${socket.id}, ${reason})`);
        // The socket has already left its rooms here, so this counts the user's other sockets,
        // on every process when the Redis adapter is in use.
        let remaining;
        try {
          // Bounded: with Redis down the adapter's request could otherwise wait for a reconnect.
          let timer;
          const timeout = new Promise((resolve, reject) => {
            timer = setTimeout(() => reject(new Error('timed out')), FETCH_SOCKETS_TIMEOUT_MS);
          });
          try {
            remaining = (await Promise.race([io.in(`user:${user.id}`).fetchSockets(), timeout])).length;
          } finally {
            clearTimeout(timer);
          }
        } catch (error) {
          logger.warn(`presence: could not count sockets of user ${user.id} on other servers (${error.message}); counting local ones`);
          remaining = io.of('/').adapter.rooms.get(`user:${user.id}`)?.size ?? 0;
        }
        if (remaining > 0) {
          logger.debug(`presence: user ${user.id} still connected on ${remaining} socket(s)`);
          return;
        }
        store.setPresence(user.id, 'offline');
        io.emit('user:status', { userId: user.id, status: 'offline' });
        logger.debug(`presence: user ${user.id} is offline`);
      })().catch((error) => logger.error(`disconnect handler failed for user ${user.id}:`, error));
      pending.add(run);
      run.finally(() => pending.delete(run));
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
