'use strict';

/**
 * The SQLite store (the embedded default): the synchronous core of ./db.js behind the async store
 * interface of ../index.js. Each method runs its statement (or transaction) at once and resolves
 * with the result, so the behaviour is the core's exactly; only the calling convention changes.
 */

const { openDatabase } = require('./db');
const { ftsMatch } = require('../../search');

// Every method of the store interface (src/store/index.js documents them).
const METHODS = [
  'close', 'getMeta', 'setMeta', 'insertDemo', 'query', 'resolveMentions',
  'findUserById', 'findUserByEmail', 'listUsers', 'roomMembers',
  'presenceOf', 'setPresence', 'resetPresence', 'socketConnected', 'socketDisconnected',
  'nodeBeat', 'nodeGone', 'sweepDeadNodes',
  'findRoom', 'listRooms', 'addMember', 'removeMember', 'isMember', 'roomHasMessage', 'dmHasMessage', 'markRead',
  'createMessage', 'roomMessages', 'threadMessages', 'createDirectMessage', 'directMessages', 'search',
  'messageRow', 'messageView', 'quoteOf', 'editMessage', 'deleteMessage',
  'reactionsOf', 'addReaction', 'removeReaction', 'resolveThread', 'pin', 'unpin', 'pinIds', 'pinnedMessages',
  'conversations', 'createFile', 'findFile', 'filesOwnedBy', 'canSeeFile',
];

function openSqliteStore(dbPath) {
  const core = openDatabase(dbPath);
  const store = { kind: 'sqlite', raw: core.raw };
  for (const name of METHODS) {
    if (typeof core[name] !== 'function') throw new Error(`SQLite store: missing method ${name}`);
    // async: a throw becomes a rejection, as with the PostgreSQL store.
    store[name] = async (...args) => core[name](...args);
  }
  // The interface searches for words (search.js searchWords); the core takes an FTS5 expression.
  store.search = async (me, { words, ...rest }) => core.search(me, { match: ftsMatch(words), ...rest });
  return store;
}

module.exports = { openSqliteStore, METHODS };
