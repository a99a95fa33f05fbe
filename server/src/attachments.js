'use strict';

/**
 * `attachments` on message:send and dm:send (feature `files`): at most MAX_ATTACHMENTS file ids,
 * each a file the sender uploaded; a file named twice is attached once, where it first appears.
 */

const { MAX_ATTACHMENTS } = require('./constants');
const { FILE_ID_RE } = require('./files/download');

/**
 * The file ids of a payload's `attachments` (undefined or null: none), in order and without
 * duplicates; null when the value is not an array of at most MAX_ATTACHMENTS file ids.
 */
function parseAttachments(value) {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_ATTACHMENTS) return null;
  if (!value.every((id) => typeof id === 'string' && FILE_ID_RE.test(id))) return null;
  return [...new Set(value)];
}

/** Whether every one of `ids` was uploaded by `userId` (an unknown id is no file of theirs either). */
async function allUploadedBy(store, userId, ids) {
  if (ids.length === 0) return true;
  return (await store.filesOwnedBy(userId, ids)).length === ids.length;
}

module.exports = { parseAttachments, allUploadedBy };
