'use strict';

/** Limits and error strings shared by the socket layer, the REST API, the tests and docs/PROTOCOL.md. */

const MAX_TEXT_LENGTH = 4000; // UTF-16 code units (JavaScript String#length, QString::size)
const MAX_CLIENT_ID_LENGTH = 64;
const PAGE_LIMIT_DEFAULT = 50;
const PAGE_LIMIT_MAX = 100;
const MAX_SEARCH_QUERY_LENGTH = 500; // UTF-16 code units, as MAX_TEXT_LENGTH
const MAX_REACTION_EMOJI = 20; // distinct emoji per message
const MAX_EMOJI_LENGTH = 32; // UTF-16 code units; the longest ZWJ and tag sequences stay well below
const MAX_PINS = 50; // pinned messages per room
const QUOTE_LENGTH = 200; // UTF-16 code units of the original that replyTo.text carries
const MAX_MENTIONS = 20; // distinct users a message mentions; further <@id> tokens stay plain text
const MAX_ATTACHMENTS = 10; // files one message carries
const MAX_FILE_ID_LENGTH = 64; // file ids are [A-Za-z0-9_-]; the server makes 24 characters

const AUTH_ERRORS = Object.freeze({
  NO_TOKEN: 'Authentication error: Token not provided',
  USER_NOT_FOUND: 'Authentication error: User not found',
  PREFIX: 'Authentication error: ',
});

// Error strings of the ack callbacks ({ ok: false, error }). Part of the protocol: see docs/PROTOCOL.md.
const ERRORS = Object.freeze({
  PAYLOAD_NOT_OBJECT: 'Payload must be an object',
  INVALID_ROOM_ID: 'roomId must be a positive integer (number or decimal string)',
  UNKNOWN_ROOM: 'Unknown room',
  NOT_JOINED: 'Join the room before sending',
  TEXT_INVALID: `Text must be a non-empty string of at most ${MAX_TEXT_LENGTH} characters`,
  CLIENT_ID_INVALID: `clientId must be a non-empty string of at most ${MAX_CLIENT_ID_LENGTH} characters`,
  INVALID_RECIPIENT_ID: 'recipientId must be a positive integer (number or decimal string)',
  UNKNOWN_RECIPIENT: 'Unknown recipient',
  DM_TO_SELF: 'Cannot send a direct message to yourself',
  TYPING_TARGET: 'Typing notice needs either roomId or recipientId',
  READ_TARGET: 'Read marker needs either roomId or userId',
  INVALID_USER_ID: 'userId must be a positive integer (number or decimal string)',
  UNKNOWN_USER: 'Unknown user',
  READ_SELF: 'There is no direct conversation with yourself',
  INVALID_MESSAGE_ID: 'messageId must be a positive integer (number or decimal string)',
  NOT_MEMBER: 'Not a member of the room',
  UNKNOWN_MESSAGE: 'Unknown message in this conversation',
  REPLY_TO_INVALID: 'replyTo must be a positive integer message id (number or decimal string)',
  UNKNOWN_REPLY_TO: 'replyTo is not a message of this conversation',
  THREAD_ID_INVALID: 'threadId must be a positive integer message id (number or decimal string)',
  UNKNOWN_THREAD: 'threadId is not a message of this room',
  THREAD_MISMATCH: 'replyTo must be the root or a reply of the thread the message goes to',
  DM_NO_THREADS: 'Direct messages have no threads',
  KIND_INVALID: "kind must be 'room' or 'dm'",
  ID_INVALID: 'id must be a positive integer (number or decimal string)',
  EDIT_FORBIDDEN: 'Only the author may edit a message',
  DELETE_FORBIDDEN: 'Only the author, or a tutor in a room, may delete a message',
  MESSAGE_DELETED: 'The message was deleted',
  EMOJI_INVALID: `emoji must be a single emoji of at most ${MAX_EMOJI_LENGTH} characters`,
  TOO_MANY_REACTIONS: `A message has at most ${MAX_REACTION_EMOJI} different reactions`,
  RESOLVED_INVALID: 'resolved must be true or false',
  RESOLVE_FORBIDDEN: "Only the thread's author or a tutor may resolve it",
  PIN_FORBIDDEN: 'Only tutors may pin messages',
  TOO_MANY_PINS: `A room has at most ${MAX_PINS} pinned messages`,
  RATE_LIMITED: 'Sending too fast: wait a moment and send again',
  ROOM_FULL: 'The room is full',
  ATTACHMENTS_INVALID: `attachments must be an array of at most ${MAX_ATTACHMENTS} file ids`,
  ATTACHMENT_NOT_OWN: 'An attachment is not a file you uploaded',
  INTERNAL: 'Internal server error',
});

// connect_error messages that are no authentication failure (the token is fine: a client must not
// sign out, only retry later). docs/PROTOCOL.md "Limits".
const CONNECT_ERRORS = Object.freeze({
  TOO_MANY_CONNECTIONS: 'Too many connections for this user: close another window or device first',
});

// Error strings of REST query parameters (400 { error }). Part of the protocol: see docs/PROTOCOL.md.
const QUERY_ERRORS = Object.freeze({
  BEFORE_INVALID: 'before must be a positive integer message id',
  AFTER_INVALID: 'after must be a positive integer message id',
  AFTER_NOT_BEFORE: 'after must be smaller than before (there is nothing strictly between them otherwise)',
  LIMIT_INVALID: `limit must be an integer between 1 and ${PAGE_LIMIT_MAX}`,
  SEARCH_QUERY_INVALID: `q must be a string of at most ${MAX_SEARCH_QUERY_LENGTH} characters`,
  SEARCH_TARGET: 'Search either one room (roomId) or one DM conversation (userId), not both',
});

/** "25 MB", "1.5 MB", "512 KB", "100 bytes": a size limit as the 413 answer names it (MB = 2^20 bytes). */
function formatLimit(bytes) {
  const trim = (n) => String(Number(n.toFixed(1)));
  if (bytes >= 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

// Error strings of the file routes (docs/PROTOCOL.md "Files").
const FILE_ERRORS = Object.freeze({
  NOT_MULTIPART: 'The upload must be multipart/form-data with a part named "file"',
  NO_FILE_PART: 'The upload has no part named "file" with a file name',
  MALFORMED: 'The multipart body is malformed or incomplete',
  TOO_LARGE: (maxBytes) => `The file is larger than ${formatLimit(maxBytes)}`,
  NO_SPACE: 'The server has no room for the file',
  UNKNOWN_FILE: 'Unknown file',
  FORBIDDEN: 'You may not see this file',
  RANGE_NOT_SATISFIABLE: 'The requested range is outside the file',
});

// What GET /api/server announces: the additions this backend implements (docs/PROTOCOL.md,
// "Capabilities"). A client shows a feature only when it is announced.
const FEATURES = Object.freeze([
  'acks', // ack callbacks { ok, ... } on every client event
  'clientId', // idempotent sends by clientId
  'history', // GET /api/rooms/:id/messages and GET /api/dms/:userId
  'roomList', // GET /api/rooms
  'dmList', // GET /api/dms
  'userList', // GET /api/users
  'typing', // typing:start / typing:stop / typing:update
  'membership', // real membership: joined, room:leave ends it, newMember
  'readState', // conversation:read, lastReadId and unreadCount
  'historyAfter', // ?after= on the history routes: catching up from the newest stored id
  'search', // GET /api/search: full-text search over the rooms and DMs the user may read
  'replies', // replyTo on message:send / dm:send, quoted in every message shape
  'threads', // threadId on message:send, GET /api/rooms/:id/threads/:rootId, thread:resolve
  'edit', // message:edit -> message:updated, editedAt
  'delete', // message:delete -> message:deleted, deleted messages in history
  'reactions', // reaction:add / reaction:remove -> message:reactions, reactions in history
  'pins', // message:pin / message:unpin -> room:pins, GET /api/rooms/:id/pins, pinnedCount
  'mentions', // <@id> tokens: mentions in message shapes and message:updated, mentionCount
  'roomMembers', // GET /api/rooms/:id/members (what a client completes mentions from)
  'files', // POST /api/files, GET /api/files/:id, attachments on message:send / dm:send
]);

module.exports = {
  FEATURES,
  MAX_TEXT_LENGTH,
  MAX_CLIENT_ID_LENGTH,
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  MAX_SEARCH_QUERY_LENGTH,
  MAX_REACTION_EMOJI,
  MAX_EMOJI_LENGTH,
  MAX_PINS,
  QUOTE_LENGTH,
  MAX_MENTIONS,
  MAX_ATTACHMENTS,
  MAX_FILE_ID_LENGTH,
  formatLimit,
  FILE_ERRORS,
  AUTH_ERRORS,
  CONNECT_ERRORS,
  QUERY_ERRORS,
  ERRORS,
};
