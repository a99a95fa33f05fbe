'use strict';

/** Limits and error strings shared by the socket layer, the REST API, the tests and docs/PROTOCOL.md. */

const MAX_TEXT_LENGTH = 4000; // UTF-16 code units (JavaScript String#length, QString::size)
const MAX_CLIENT_ID_LENGTH = 64;
const MAX_HTTP_BUFFER_SIZE = 1e6; // socket.io default, kept explicit
const PAGE_LIMIT_DEFAULT = 50;
const PAGE_LIMIT_MAX = 100;
const MAX_SEARCH_QUERY_LENGTH = 500; // UTF-16 code units, as MAX_TEXT_LENGTH

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
  INTERNAL: 'Internal server error',
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
]);

module.exports = {
  FEATURES,
  MAX_TEXT_LENGTH,
  MAX_CLIENT_ID_LENGTH,
  MAX_HTTP_BUFFER_SIZE,
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  MAX_SEARCH_QUERY_LENGTH,
  AUTH_ERRORS,
  QUERY_ERRORS,
  ERRORS,
};
