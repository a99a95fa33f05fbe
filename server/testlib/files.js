'use strict';

// Helpers of the file tests: multipart bodies built by hand (so a test controls every byte,
// Content-Length and chunking), raw HTTP requests, and small valid images.

const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { WAIT_MS } = require('./helpers');

/**
 * A multipart/form-data body: parts [{ name, filename?, filenameStar?, type?, content (Buffer | string) }].
 * Returns { body, contentType, boundary }.
 */
function multipart(parts, boundary = `----studyconnect${crypto.randomBytes(8).toString('hex')}`) {
  const chunks = [];
  for (const part of parts) {
    let disposition = `form-data; name="${part.name}"`;
    if (part.filename !== undefined) disposition += `; filename="${part.filename}"`;
    // RFC 5987: any character, control characters too, percent-encoded.
    if (part.filenameStar !== undefined) disposition += `; filename*=UTF-8''${encodeURIComponent(part.filenameStar)}`;
    let head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n`;
    if (part.type) head += `Content-Type: ${part.type}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`, 'utf8'), Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}`, boundary };
}

/**
 * One raw HTTP request. `body`: a Buffer sent with its Content-Length (or with `contentLength`
 * claimed instead), or `chunks` sent with chunked transfer encoding. Resolves with
 * { status, headers, body (Buffer), json } once the response is complete; the request is not
 * waited for (a server may answer before reading it all).
 */
function rawRequest(server, method, urlPath, { token, headers = {}, body, chunks, contentLength } = {}) {
  return new Promise((resolve, reject) => {
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    if (body !== undefined) h['content-length'] = String(contentLength ?? body.length);
    const req = http.request(`${server.url}${urlPath}`, { method, headers: h, timeout: WAIT_MS * 3 });
    req.on('timeout', () => req.destroy(new Error(`${method} ${urlPath} timed out`)));
    req.on('error', (error) => {
      // The server may close the connection after answering while the body still goes out.
      if (!req.answered) reject(error);
    });
    req.on('response', (res) => {
      req.answered = true;
      const got = [];
      res.on('data', (c) => got.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const data = Buffer.concat(got);
        let json;
        try {
          json = JSON.parse(data.toString('utf8'));
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, headers: res.headers, body: data, json });
      });
    });
    if (chunks) {
      (async () => {
        for (const chunk of chunks) {
          if (req.answered || req.destroyed) return;
          if (!req.write(chunk)) await new Promise((done) => { req.once('drain', done); req.once('close', done); });
        }
        if (!req.answered && !req.destroyed) req.end();
      })();
    } else if (body !== undefined && contentLength === undefined) req.end(body);
    else if (body !== undefined) req.write(body); // claims more than it sends: left open
    else req.end();
  });
}

/**
 * POST /api/files with `Expect: 100-continue`: the body goes only after the server's 100.
 * Resolves with { status, json, continued } (continued: whether the server asked for the body).
 */
function uploadExpectingContinue(server, token, content) {
  const { body, contentType } = multipart([{ name: 'file', filename: 'expect.bin', content }]);
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': contentType, 'content-length': String(body.length), expect: '100-continue' };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = http.request(`${server.url}/api/files`, { method: 'POST', headers, timeout: WAIT_MS });
    let continued = false;
    req.on('continue', () => {
      continued = true;
      req.end(body);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => (req.answered ? undefined : reject(error)));
    req.on('response', (res) => {
      req.answered = true;
      const got = [];
      res.on('data', (c) => got.push(c));
      res.on('end', () => {
        if (!continued) req.destroy(); // the body is never sent
        resolve({ status: res.statusCode, headers: res.headers, json: JSON.parse(Buffer.concat(got).toString()), continued });
      });
    });
    req.flushHeaders();
  });
}

/** Uploads `content` as the part "file"; resolves as rawRequest. */
function upload(server, token, { name = 'file.bin', encodedName, content, type = 'application/octet-stream' } = {}) {
  const part = encodedName !== undefined ? { filenameStar: encodedName } : { filename: name };
  const { body, contentType } = multipart([{ name: 'file', ...part, type, content }]);
  return rawRequest(server, 'POST', '/api/files', { token, body, headers: { 'content-type': contentType } });
}

/** Uploads and asserts 201; resolves with the file object. */
async function uploaded(server, token, options) {
  const res = await upload(server, token, options);
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${res.body.toString()}`);
  return res.json;
}

const download = (server, token, id, headers = {}, method = 'GET') =>
  rawRequest(server, method, `/api/files/${encodeURIComponent(id)}`, { token, headers });

/** The temporary files of uploads in progress (should be none once every upload has ended). */
const tempFiles = (server) => fs.readdirSync(path.join(server.filesDir, 'tmp'));

/** The blobs stored (sha256 names), over all the two-digit folders. */
function blobs(server) {
  const out = [];
  for (const dir of fs.readdirSync(server.filesDir)) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    out.push(...fs.readdirSync(path.join(server.filesDir, dir)));
  }
  return out.sort();
}

/** Polls `check` until it returns true (or fails after WAIT_MS). */
async function eventually(check, what) {
  const deadline = Date.now() + WAIT_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// --- small valid images, built byte by byte ---

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k += 1) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function pngChunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A real (decodable) PNG of width x height, RGBA, all one colour. */
function png(width, height) {
  const zlib = require('node:zlib');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 4, 0x7f)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The headers of a baseline JPEG of width x height, after an APP1 segment of `exifBytes`. */
function jpeg(width, height, exifBytes = 0) {
  const parts = [Buffer.from([0xff, 0xd8])];
  parts.push(Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  if (exifBytes > 0) {
    const app1 = Buffer.alloc(4 + exifBytes, 0x20);
    app1.writeUInt16BE(0xffe1, 0);
    app1.writeUInt16BE(exifBytes + 2, 2);
    parts.push(app1);
  }
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  parts.push(sof, Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

function gif(width, height) {
  const b = Buffer.from('GIF89a\0\0\0\0\x80\x00\x00\xff\xff\xff\x00\x00\x00,\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;', 'latin1');
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  return b;
}

function webp(width, height) {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(22, 4);
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

function bmp(width, height) {
  const b = Buffer.alloc(58);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(58, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(-height, 22); // top-down
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  return b;
}

/** A ZIP whose first local entry is `firstName` (stored), then `content`: enough for sniffing. */
function zip(firstName, content = '') {
  const name = Buffer.from(firstName, 'latin1');
  const data = Buffer.from(content, 'latin1');
  const head = Buffer.alloc(30);
  head.writeUInt32LE(0x04034b50, 0);
  head.writeUInt16LE(10, 4);
  head.writeUInt16LE(0, 8); // stored
  head.writeUInt32LE(data.length, 18);
  head.writeUInt32LE(data.length, 22);
  head.writeUInt16LE(name.length, 26);
  return Buffer.concat([head, name, data]);
}

module.exports = {
  multipart, rawRequest, upload, uploadExpectingContinue, uploaded, download, tempFiles, blobs, eventually, png, jpeg, gif, webp, bmp, zip,
};
