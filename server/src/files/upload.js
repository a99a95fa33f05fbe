'use strict';

/**
 * POST /api/files: one multipart part named "file", streamed through busboy to a temporary file
 * while it is hashed (SHA-256), sniffed (its first bytes) and checked for text, then renamed into
 * the blob store and recorded. Never held whole in memory: a chunk at a time, with backpressure
 * from the disk. Every way out but success removes the temporary file.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const { Transform } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const busboy = require('busboy');
const { HttpError } = require('../http-error');
const { FILE_ERRORS } = require('../constants');
const { sniff, textChecker, HEAD_BYTES } = require('./sniff');
const { cleanName } = require('./names');
const { isNoSpace } = require('./blobs');
const { fileFromRow } = require('../store/shape');

// A Content-Length this much above the limit cannot be the limit's file: the multipart framing
// (boundaries, the part's headers) of one file is far smaller. Checked before reading anything.
const MULTIPART_SLACK = 64 * 1024;
// After refusing a body, how long its sender may go on sending (drained and dropped) before the
// connection is cut: enough for the refusal to be read, not enough to stream gigabytes.
const DRAIN_MS = 2000;

/** The client went away mid-upload: nothing to answer. */
class UploadAborted extends Error {}

const newFileId = () => crypto.randomBytes(18).toString('base64url'); // 24 characters of [A-Za-z0-9_-]

/**
 * Reads the multipart body into a temporary file. Resolves with { tempPath, sha256, size, head,
 * isText, filename }; rejects with an HttpError (or UploadAborted), the temporary file removed.
 */
function receive(req, { blobs, maxFileBytes }) {
  return new Promise((resolve, reject) => {
    let parser;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8', // filename="…" in UTF-8, as browsers and Qt send it
        preservePath: true, // the name as sent: cleanName removes the separators (the documented rule)
        limits: { files: 5, fileSize: maxFileBytes + 1, fields: 20, fieldSize: 64 * 1024, parts: 25, headerPairs: 32 },
      });
    } catch {
      // No boundary, or not multipart at all.
      reject(new HttpError(400, FILE_ERRORS.NOT_MULTIPART));
      return;
    }

    let settled = false;
    let upload = null; // { tempPath, source (busboy's file stream), out (the temporary file), written (promise of the result) }

    const removeTemp = async () => {
      if (!upload) return;
      // The file stream may be left unfinished by busboy (a refused part is skipped, not
      // ended), so the pipeline is torn down from its other end: the file on disk.
      upload.out.destroy();
      upload.source.resume();
      await upload.written.catch(() => {}); // the write stream closed: nothing writes to the path any more
      await blobs.discard(upload.tempPath);
    };
    const fail = (error) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      removeTemp().finally(() => reject(error));
    };

    parser.on('file', (name, source, info) => {
      if (name !== 'file' || upload || settled) {
        source.resume(); // another part: read past it
        return;
      }
      const tempPath = blobs.tempPath();
      const hash = crypto.createHash('sha256');
      const text = textChecker();
      const head = [];
      let headBytes = 0;
      let size = 0;
      const tap = new Transform({
        transform(chunk, encoding, done) {
          hash.update(chunk);
          text.push(chunk);
          if (headBytes < HEAD_BYTES) {
            const part = chunk.subarray(0, HEAD_BYTES - headBytes);
            head.push(part);
            headBytes += part.length;
          }
          size += chunk.length;
          done(null, chunk);
        },
      });
      const out = fs.createWriteStream(tempPath, { flags: 'wx' });
      const closed = new Promise((done) => out.once('close', done));
      // While streaming: busboy stops at the limit and marks the part truncated.
      source.once('limit', () => fail(new HttpError(413, FILE_ERRORS.TOO_LARGE(maxFileBytes))));
      const written = pipeline(source, tap, out)
        .finally(() => closed)
        .then(() => ({
          tempPath, sha256: hash.digest('hex'), size, head: Buffer.concat(head), isText: text.done(), filename: info.filename,
        }));
      upload = { tempPath, source, out, written };
      written.catch((error) => {
        if (isNoSpace(error)) fail(new HttpError(507, FILE_ERRORS.NO_SPACE));
        else if (!settled) fail(error.code && error.syscall ? error : new HttpError(400, FILE_ERRORS.MALFORMED));
      });
    });

    parser.on('error', () => fail(new HttpError(400, FILE_ERRORS.MALFORMED)));
    parser.on('close', () => {
      if (settled) return;
      if (!upload) {
        fail(new HttpError(400, FILE_ERRORS.NO_FILE_PART));
        return;
      }
      upload.written.then((result) => {
        if (settled) return;
        if (upload.source.truncated) {
          fail(new HttpError(413, FILE_ERRORS.TOO_LARGE(maxFileBytes)));
          return;
        }
        settled = true;
        resolve(result);
      }, () => {}); // a failure is handled above
    });

    // The client went away before the whole body arrived.
    req.on('close', () => {
      if (!req.complete) fail(new UploadAborted('the client closed the connection mid-upload'));
    });
    req.on('error', () => fail(new UploadAborted('the upload connection failed')));
    req.pipe(parser);
  });
}

/**
 * Answers a refusal while the body may still be arriving: the connection closes after the answer
 * (nothing more is read from it), and is cut if the client keeps sending.
 */
function refuse(req, res, status, message) {
  if (res.headersSent || res.destroyed) return;
  res.set('Connection', 'close');
  res.status(status).json({ error: message });
  res.once('finish', () => {
    if (req.complete) return;
    req.resume(); // drain what is in flight, so the client can read the answer
    setTimeout(() => req.destroy(), DRAIN_MS).unref();
  });
}

function uploadRoute({ store, blobs, maxFileBytes, logger }) {
  return async (req, res) => {
    if (!/^multipart\/form-data\b/i.test(req.get('content-type') || '')) {
      refuse(req, res, 400, FILE_ERRORS.NOT_MULTIPART);
      return;
    }
    const declared = req.get('content-length');
    if (declared !== undefined && Number(declared) > maxFileBytes + MULTIPART_SLACK) {
      refuse(req, res, 413, FILE_ERRORS.TOO_LARGE(maxFileBytes));
      return;
    }

    // The client waits for this before it sends the body (server.js, checkContinue).
    if (req.continueLater) {
      res.removeHeader('Connection');
      res.writeContinue();
    }
    let received;
    try {
      received = await receive(req, { blobs, maxFileBytes });
    } catch (error) {
      if (error instanceof UploadAborted) {
        logger.debug(`upload by user ${req.userRow.id} aborted: ${error.message}`);
        return;
      }
      if (error instanceof HttpError) {
        refuse(req, res, error.status, error.message);
        return;
      }
      throw error;
    }

    const { tempPath, sha256, size, head, isText, filename } = received;
    try {
      await blobs.commit(tempPath, sha256, size);
    } catch (error) {
      await blobs.discard(tempPath);
      if (isNoSpace(error)) throw new HttpError(507, FILE_ERRORS.NO_SPACE);
      throw error;
    }
    const { mimeType, width = null, height = null } = sniff(head, { isText });
    const row = await store.createFile({
      id: newFileId(), sha256, name: cleanName(filename), size, mimeType, width, height, uploaderId: req.userRow.id,
    });
    logger.debug(`user ${req.userRow.id} uploaded file ${row.id} (${size} bytes, ${mimeType})`);
    res.status(201).json(fileFromRow(row));
  };
}

module.exports = { uploadRoute, MULTIPART_SLACK };
