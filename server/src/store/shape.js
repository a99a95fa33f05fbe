'use strict';

/**
 * What the stores share: turning database rows (the same column names in SQLite and PostgreSQL)
 * into the protocol's shapes. Pure functions, no database; each store does its own queries.
 */

const { QUOTE_LENGTH } = require('../constants');

const iso = (ms) => new Date(ms).toISOString();

function publicUser(row) {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    avatar: row.avatar ?? null,
  };
}

/** A user as GET /api/users lists them: the public user with presence. */
const userWithPresence = (row) => ({
  ...publicUser(row),
  status: row.status ?? 'offline',
  lastActivity: row.last_activity != null ? iso(row.last_activity) : null,
});

const byName = new Intl.Collator('en', { sensitivity: 'base' });

/** A room's members as GET /api/rooms/:id/members lists them, sorted as a completion list shows them. */
const membersFromRows = (rows) =>
  rows.map((r) => ({ ...userWithPresence(r), online: r.status === 'online' }))
    .sort((a, b) => byName.compare(a.firstName, b.firstName) || byName.compare(a.lastName, b.lastName) || a.id - b.id);

/** The quote of a reply, from the quoted message's row joined with its sender (null text once deleted). */
function quoteFromRow(row) {
  let text = null;
  if (row.deleted_at == null) {
    text = row.text.slice(0, QUOTE_LENGTH);
    // Never cut a surrogate pair in half: the quote stays valid UTF-16.
    if (text.length === QUOTE_LENGTH && /[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  }
  return { id: row.id, sender: publicUser({ ...row, id: row.sender_id }), text };
}

const threadSummary = (row) => ({
  replyCount: row.thread_reply_count,
  lastReplyAt: row.thread_last_reply_at != null ? iso(row.thread_last_reply_at) : null,
  resolved: row.thread_resolved === 1,
});

/**
 * The optional fields of the study additions; absent when unused, so seed-shaped data keeps its
 * shape. `quoteOf(kind, id)` gives the quote of a reply (each store finds it its own way).
 */
function studyFields(kind, row, out, quoteOf) {
  if (row.thread_id != null) out.threadId = row.thread_id;
  if (row.thread_reply_count > 0 || row.thread_resolved === 1) out.thread = threadSummary(row);
  if (row.deleted_at != null) {
    out.deleted = true;
    out.deletedAt = iso(row.deleted_at);
    return out;
  }
  if (row.reply_to != null) out.replyTo = quoteOf(kind, row.reply_to);
  if (row.edited_at != null) out.editedAt = iso(row.edited_at);
  return out;
}

// A deleted message keeps id, conversation, sender and createdAt; text and clientId go.
function messageFromRow(row, quoteOf) {
  const out = { id: row.id, roomId: row.room_id, sender: publicUser({ ...row, id: row.sender_id }) };
  if (row.deleted_at == null) out.text = row.text;
  out.createdAt = iso(row.created_at);
  if (row.client_id != null && row.deleted_at == null) out.clientId = row.client_id;
  return studyFields('room', row, out, quoteOf);
}

function dmFromRow(row, quoteOf) {
  const out = { id: row.id, sender: publicUser({ ...row, id: row.sender_id }), recipientId: row.recipient_id };
  if (row.deleted_at == null) out.text = row.text;
  out.createdAt = iso(row.created_at);
  if (row.client_id != null && row.deleted_at == null) out.clientId = row.client_id;
  return studyFields('dm', row, out, quoteOf);
}

/**
 * Map messageId -> [{ emoji, count, userIds }] from reaction rows { message_id, emoji, user_id }
 * in the order they were given (order of first use).
 */
function groupReactions(rows) {
  const byMessage = new Map();
  for (const r of rows) {
    let emojis = byMessage.get(r.message_id);
    if (!emojis) byMessage.set(r.message_id, (emojis = new Map()));
    let entry = emojis.get(r.emoji);
    if (!entry) emojis.set(r.emoji, (entry = { emoji: r.emoji, count: 0, userIds: [] }));
    entry.count += 1;
    entry.userIds.push(r.user_id);
  }
  return new Map([...byMessage].map(([id, emojis]) => [id, [...emojis.values()]]));
}

/** Map messageId -> [userId, …] from mention rows { message_id, user_id } in stored order. */
function groupMentions(rows) {
  const map = new Map();
  for (const r of rows) {
    if (!map.has(r.message_id)) map.set(r.message_id, []);
    map.get(r.message_id).push(r.user_id);
  }
  return map;
}

/** A file's metadata as a message carries it: { id, name, size, mimeType, width?, height? } (size only for images). */
function attachmentFromRow(row) {
  const out = { id: row.id, name: row.name, size: row.size, mimeType: row.mime_type };
  if (row.width != null && row.height != null) {
    out.width = row.width;
    out.height = row.height;
  }
  return out;
}

/** The file object of POST /api/files: the attachment shape with createdAt. */
const fileFromRow = (row) => ({ ...attachmentFromRow(row), createdAt: iso(row.created_at) });

/**
 * Map messageId -> [attachment, …] from rows of message_attachments joined with files
 * ({ message_id, id, name, size, mime_type, width, height }) in the order given (position).
 */
function groupAttachments(rows) {
  const map = new Map();
  for (const r of rows) {
    if (!map.has(r.message_id)) map.set(r.message_id, []);
    map.get(r.message_id).push(attachmentFromRow(r));
  }
  return map;
}

/**
 * Adds `reactions`, `mentions` and `attachments` (maps from groupReactions / groupMentions /
 * groupAttachments) to the messages that have any.
 */
function decorateWith(messages, reactions, mentioned, attachments = new Map()) {
  for (const m of messages) {
    if (reactions.has(m.id)) m.reactions = reactions.get(m.id);
    if (mentioned.has(m.id)) m.mentions = mentioned.get(m.id);
    if (attachments.has(m.id)) m.attachments = attachments.get(m.id);
  }
  return messages;
}

/** A room of GET /api/rooms from the list query's row and its last message (already shaped, or null). */
const roomFromRow = (r, lastMessage) => {
  let last = null;
  if (lastMessage) {
    last = { id: lastMessage.id, text: lastMessage.text ?? '', sender: lastMessage.sender, createdAt: lastMessage.createdAt };
    if (lastMessage.deleted) last.deleted = true;
  }
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    memberCount: r.member_count,
    pinnedCount: r.pinned_count,
    lastMessage: last,
    joined: r.joined === 1,
    lastReadId: r.last_read_id ?? null,
    unreadCount: r.unread_count,
    mentionCount: r.mention_count,
  };
};

/** A conversation of GET /api/dms from the list query's row and the other user's row and status. */
const conversationFromRow = (r, userRow, status) => ({
  user: { ...publicUser(userRow), status: status ?? 'offline' },
  lastMessage: {
    id: r.id,
    text: r.text,
    senderId: r.sender_id,
    createdAt: iso(r.created_at),
    ...(r.deleted_at != null && { deleted: true }),
  },
  lastReadId: r.last_read_id ?? null,
  unreadCount: r.unread_count,
  mentionCount: r.mention_count,
});

/** Search hits of both kinds { rank (lower is better), at, result }, merged by rank, ties newest first. */
const mergeRanked = (hits, limit) =>
  hits.sort((a, b) => a.rank - b.rank || b.at - a.at || b.result.id - a.result.id).slice(0, limit).map((h) => h.result);

module.exports = {
  iso,
  publicUser,
  userWithPresence,
  membersFromRows,
  quoteFromRow,
  threadSummary,
  messageFromRow,
  dmFromRow,
  groupReactions,
  groupMentions,
  attachmentFromRow,
  fileFromRow,
  groupAttachments,
  decorateWith,
  roomFromRow,
  conversationFromRow,
  mergeRanked,
};
