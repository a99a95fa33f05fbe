'use strict';

/**
 * The files of the SQLite store (feature `files`, docs/PROTOCOL.md "Files"): the uploaded files'
 * metadata, which messages carry which files, and the migration to schema 7. The bytes are in
 * the blob store (src/files/blobs.js), named by sha256.
 */

const { groupAttachments } = require('../shape');

// Schema version 7.
// - files: one row per upload (the same bytes uploaded twice are two rows, one blob). The id is
//   random and opaque, so knowing one file's id says nothing about another's.
// - message_attachments: the files a message carries, in order (position); kind says which table
//   message_id is in, as for reactions. The unique (kind, message_id, file_id) keeps a file once
//   per message; message_attachments_file answers "who may see this file" from the file's side.
const SCHEMA = `
CREATE TABLE files (
  id          TEXT PRIMARY KEY,
  sha256      TEXT NOT NULL,
  name        TEXT NOT NULL,
  size        INTEGER NOT NULL,
  mime_type   TEXT NOT NULL,
  width       INTEGER,
  height      INTEGER,
  uploader_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL
);
CREATE INDEX files_uploader ON files (uploader_id);
CREATE INDEX files_sha256 ON files (sha256);
CREATE TABLE message_attachments (
  kind       TEXT NOT NULL CHECK (kind IN ('room', 'dm')),
  message_id INTEGER NOT NULL,
  file_id    TEXT NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  PRIMARY KEY (kind, message_id, position),
  UNIQUE (kind, message_id, file_id)
);
CREATE INDEX message_attachments_file ON message_attachments (file_id);
`;

/** The file statements of one database (schema 7). */
function fileStore(db) {
  const st = {
    insert: db.prepare(`
      INSERT INTO files (id, sha256, name, size, mime_type, width, height, uploader_id, created_at)
      VALUES (@id, @sha256, @name, @size, @mimeType, @width, @height, @uploaderId, @atMs)`),
    byId: db.prepare('SELECT * FROM files WHERE id = ?'),
    ownedBy: db.prepare('SELECT id FROM files WHERE uploader_id = ? AND id IN (SELECT value FROM json_each(?))'),
    // The uploader; a member of a room with a message carrying it; the two users of a DM carrying it.
    canSee: db.prepare(`
      SELECT 1 FROM files f WHERE f.id = @file AND (
        f.uploader_id = @me
        OR EXISTS (SELECT 1 FROM message_attachments a
          JOIN messages m ON m.id = a.message_id
          JOIN room_members rm ON rm.room_id = m.room_id AND rm.user_id = @me
          WHERE a.file_id = @file AND a.kind = 'room')
        OR EXISTS (SELECT 1 FROM message_attachments a
          JOIN direct_messages d ON d.id = a.message_id
          WHERE a.file_id = @file AND a.kind = 'dm' AND (d.sender_id = @me OR d.recipient_id = @me)))`),
    attach: db.prepare('INSERT INTO message_attachments (kind, message_id, file_id, position) VALUES (?, ?, ?, ?)'),
    detach: db.prepare('DELETE FROM message_attachments WHERE kind = ? AND message_id = ?'),
    of: db.prepare(`
      SELECT a.message_id, f.* FROM message_attachments a JOIN files f ON f.id = a.file_id
      WHERE a.kind = ? AND a.message_id IN (SELECT value FROM json_each(?)) ORDER BY a.message_id, a.position`),
  };

  /** Map messageId -> [attachment, …] in the order sent, for the messages that carry any. */
  const forMessages = (kind, ids) => (ids.length === 0 ? new Map() : groupAttachments(st.of.all(kind, JSON.stringify(ids))));

  return {
    /** Records an uploaded file; returns its row. */
    create: ({ id, sha256, name, size, mimeType, width = null, height = null, uploaderId, atMs = Date.now() }) => {
      st.insert.run({ id, sha256, name, size, mimeType, width, height, uploaderId, atMs });
      return st.byId.get(id);
    },
    find: (id) => st.byId.get(id),
    /** The ids among `ids` that `userId` uploaded. */
    ownedBy: (userId, ids) => (ids.length === 0 ? [] : st.ownedBy.all(userId, JSON.stringify(ids)).map((r) => r.id)),
    canSee: (fileId, userId) => st.canSee.get({ file: fileId, me: userId }) !== undefined,
    /** Attaches the files (ids, already checked and without duplicates) to a new message, in order. */
    attach: (kind, messageId, fileIds) => fileIds.forEach((fileId, position) => st.attach.run(kind, messageId, fileId, position)),
    /** A deleted message carries no files any more (nor lets anyone fetch them). */
    detach: (kind, messageId) => st.detach.run(kind, messageId),
    forMessages,
  };
}

/** Migration 6 -> 7: the files tables. */
function migrateFiles(db) {
  db.exec(SCHEMA);
}

module.exports = { fileStore, migrateFiles };
