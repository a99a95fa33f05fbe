'use strict';

/**
 * GET and HEAD /api/files/:id: the file's bytes from the blob store, streamed, to the uploader
 * and to whoever can see a message carrying the file. One byte range at a time (Range: bytes=…,
 * with If-Range), enough to resume a download.
 */

const fs = require('node:fs');
const { HttpError } = require('../http-error');
const { FILE_ERRORS, MAX_FILE_ID_LENGTH } = require('../constants');
const { isInlineType } = require('./sniff');
const { contentDisposition } = require('./names');

const FILE_ID_RE = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_FILE_ID_LENGTH}}$`);

/**
 * The one range of `Range` within a file of `size` bytes: { start, end } (inclusive), 'none'
 * when the header is absent or not one we serve (several ranges, another unit, malformed: the
 * whole file is sent, as RFC 9110 allows), or 'unsatisfiable'.
 */
function parseRange(header, size) {
  if (typeof header !== 'string') return 'none';
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match || (match[1] === '' && match[2] === '')) return 'none';
  if (match[1] === '') {
    // bytes=-n: the last n bytes.
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  if (match[2] !== '' && Number(match[2]) < start) return 'none'; // invalid: ignored
  if (start >= size) return 'unsatisfiable';
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return { start, end };
}

function downloadRoute({ store, blobs, logger }) {
  return async (req, res) => {
    const id = req.params.id;
    if (!FILE_ID_RE.test(id)) throw new HttpError(404, FILE_ERRORS.UNKNOWN_FILE);
    const file = await store.findFile(id);
    if (!file) throw new HttpError(404, FILE_ERRORS.UNKNOWN_FILE);
    if (!await store.canSeeFile(id, req.userRow.id)) throw new HttpError(403, FILE_ERRORS.FORBIDDEN);

    // Opened before the headers go: a blob missing from the disk is an error answer, not a cut body.
    let handle;
    try {
      handle = await fs.promises.open(blobs.blobPath(file.sha256), 'r');
    } catch (error) {
      logger.error(`file ${id}: its content ${file.sha256} cannot be read:`, error);
      throw new HttpError(500, 'Internal server error');
    }
    try {
      const size = file.size;
      const etag = `"${file.sha256}"`;
      const mimeType = file.mime_type;
      res.set({
        'Content-Type': mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : mimeType,
        'Accept-Ranges': 'bytes',
        ETag: etag,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, max-age=31536000, immutable',
        'Content-Disposition': contentDisposition(file.name, isInlineType(mimeType)),
      });

      const noneMatch = req.get('if-none-match');
      if (noneMatch && noneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) {
        await handle.close();
        res.status(304).end();
        return;
      }

      // If-Range: the range only when the client's copy is this content (a strong ETag match;
      // a date or another tag means "send it all").
      const ifRange = req.get('if-range');
      let range = ifRange !== undefined && ifRange.trim() !== etag ? 'none' : parseRange(req.get('range'), size);
      if (range === 'unsatisfiable') {
        await handle.close();
        res.set('Content-Range', `bytes */${size}`);
        res.status(416).json({ error: FILE_ERRORS.RANGE_NOT_SATISFIABLE });
        return;
      }
      if (range === 'none') range = null;
      const start = range ? range.start : 0;
      const end = range ? range.end : size - 1;
      res.status(range ? 206 : 200);
      if (range) res.set('Content-Range', `bytes ${start}-${end}/${size}`);
      res.set('Content-Length', String(end - start + 1));

      if (req.method === 'HEAD' || size === 0) {
        await handle.close();
        res.end();
        return;
      }
      const stream = handle.createReadStream({ start, end, autoClose: true });
      stream.on('error', (error) => {
        logger.error(`file ${id}: reading its content failed:`, error);
        res.destroy(error); // the length is promised: a cut connection, never a short body that looks complete
      });
      res.on('close', () => stream.destroy());
      stream.pipe(res);
    } catch (error) {
      await handle.close().catch(() => {});
      throw error;
    }
  };
}

module.exports = { downloadRoute, parseRange, FILE_ID_RE };
