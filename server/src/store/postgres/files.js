'use strict';

/**
 * The files of the PostgreSQL store: the same tables and semantics as the SQLite store's
 * (src/store/sqlite/files.js says why they are as they are). `r` is a runner { q(sql, params) }:
 * the pool, or a transaction's client.
 */

const { groupAttachments } = require('../shape');

// Migration 1 -> 2 (./schema.js).
const FILES_SCHEMA = `
CREATE TABLE files (
  id          TEXT PRIMARY KEY,
  sha256      TEXT NOT NULL,
  name        TEXT NOT NULL,
  size        BIGINT NOT NULL,
  mime_type   TEXT NOT NULL,
  width       INTEGER,
  height      INTEGER,
  uploader_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  BIGINT NOT NULL
);
CREATE INDEX files_uploader ON files (uploader_id);
CREATE INDEX files_sha256 ON files (sha256);
CREATE TABLE message_attachments (
  kind       TEXT NOT NULL CHECK (kind IN ('room', 'dm')),
  message_id BIGINT NOT NULL,
  file_id    TEXT NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  PRIMARY KEY (kind, message_id, position),
  UNIQUE (kind, message_id, file_id)
);
CREATE INDEX message_attachments_file ON message_attachments (file_id);
`;

/** Map messageId -> [attachment, …] in the order sent, for the messages that carry any. */
async function attachmentsFor(r, kind, ids) {
  if (ids.length === 0) return new Map();
  return groupAttachments(await r.q(`
    SELECT a.message_id, f.* FROM message_attachments a JOIN files f ON f.id = a.file_id
    WHERE a.kind = $1 AND a.message_id = ANY($2::bigint[]) ORDER BY a.message_id, a.position`, [kind, ids]));
}

/** Attaches the files (ids, already checked and without duplicates) to a new message, in order. */
async function attachFiles(r, kind, messageId, fileIds) {
  if (fileIds.length === 0) return;
  await r.q(`INSERT INTO message_attachments (kind, message_id, file_id, position)
    SELECT $1, $2, t.f, t.o - 1 FROM unnest($3::text[]) WITH ORDINALITY AS t(f, o)`, [kind, messageId, fileIds]);
}

const detachFiles = (r, kind, messageId) => r.q('DELETE FROM message_attachments WHERE kind = $1 AND message_id = $2', [kind, messageId]);

/** The store methods of the files (src/store/index.js). */
function fileQueries(db) {
  return {
    createFile: async ({ id, sha256, name, size, mimeType, width = null, height = null, uploaderId, atMs = Date.now() }) =>
      (await db.q(`INSERT INTO files (id, sha256, name, size, mime_type, width, height, uploader_id, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`, [id, sha256, name, size, mimeType, width, height, uploaderId, atMs]))[0],
    findFile: async (id) => (await db.q('SELECT * FROM files WHERE id = $1', [id]))[0],
    filesOwnedBy: async (userId, ids) => (ids.length === 0 ? [] : (await db.q(
      'SELECT id FROM files WHERE uploader_id = $1 AND id = ANY($2::text[])', [userId, ids])).map((r) => r.id)),
    canSeeFile: async (fileId, userId) => (await db.q(`
      SELECT 1 FROM files f WHERE f.id = $1 AND (
        f.uploader_id = $2
        OR EXISTS (SELECT 1 FROM message_attachments a
          JOIN messages m ON m.id = a.message_id
          JOIN room_members rm ON rm.room_id = m.room_id AND rm.user_id = $2
          WHERE a.file_id = $1 AND a.kind = 'room')
        OR EXISTS (SELECT 1 FROM message_attachments a
          JOIN direct_messages d ON d.id = a.message_id
          WHERE a.file_id = $1 AND a.kind = 'dm' AND (d.sender_id = $2 OR d.recipient_id = $2)))`, [fileId, userId])).length > 0,
  };
}

module.exports = { FILES_SCHEMA, attachmentsFor, attachFiles, detachFiles, fileQueries };
