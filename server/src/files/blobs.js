'use strict';

/**
 * The content-addressed blob store: every file's bytes once, at <filesDir>/<aa>/<sha256> (aa: the
 * first two hex digits, so no folder holds more than a 256th of the files). Uploads are written
 * to <filesDir>/tmp/ (the same file system, so moving one into place is a rename) and renamed
 * into place once complete and hashed: a blob is never seen half-written, and two uploads of the
 * same content end as one blob.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const STALE_TEMP_MS = 24 * 3600 * 1000;
const SHA256_RE = /^[0-9a-f]{64}$/;

// The disk is full or the user's quota is used up: 507 Insufficient Storage, not a server bug.
const isNoSpace = (error) => Boolean(error) && (error.code === 'ENOSPC' || error.code === 'EDQUOT');

function blobStore(filesDir) {
  const root = path.resolve(filesDir);
  const tmpDir = path.join(root, 'tmp');

  const blobPath = (sha256) => {
    if (!SHA256_RE.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256);
  };

  return {
    root,
    tmpDir,
    blobPath,

    /**
     * Creates the folders, and removes the temporary files of uploads that ended over a day ago
     * without cleaning up (a process killed mid-upload). Younger ones may belong to another
     * process sharing the folder.
     */
    async open() {
      await fs.promises.mkdir(tmpDir, { recursive: true });
      const deadline = Date.now() - STALE_TEMP_MS;
      for (const name of await fs.promises.readdir(tmpDir)) {
        const file = path.join(tmpDir, name);
        const stat = await fs.promises.stat(file).catch(() => null);
        if (stat && stat.mtimeMs < deadline) await fs.promises.rm(file, { force: true }).catch(() => {});
      }
    },

    /** A fresh temporary path for one upload. */
    tempPath: () => path.join(tmpDir, `${process.pid}-${crypto.randomBytes(12).toString('hex')}.part`),

    /**
     * Moves a complete temporary file into place as the blob of `sha256`. When the blob is
     * already there (the same content uploaded before) the temporary file just goes.
     */
    async commit(tempPath, sha256, size) {
      const target = blobPath(sha256);
      try {
        const existing = await fs.promises.stat(target);
        if (existing.size === size) {
          await fs.promises.rm(tempPath, { force: true });
          return target;
        }
      } catch (error) {
        if (error.code !== 'ENOENT') throw error;
      }
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      // Atomic, and harmless when a concurrent upload of the same bytes renamed first: the
      // content is the same.
      await fs.promises.rename(tempPath, target);
      return target;
    },

    /** Removes a temporary file; never throws (it may not exist yet). */
    discard: (tempPath) => fs.promises.rm(tempPath, { force: true }).catch(() => {}),
  };
}

module.exports = { blobStore, isNoSpace };
