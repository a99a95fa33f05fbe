'use strict';

// POST /api/files and GET/HEAD /api/files/:id: the round trip, sniffing, names, limits, bad
// requests, ranges and concurrent uploads. Authorisation and attachments: files-attachments.test.js;
// a full disk and aborted uploads: files-disk.test.js.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, tokenFor, assertIso, USERS } = require('../testlib/helpers');
const {
  multipart, rawRequest, upload, uploadExpectingContinue, uploaded, download, tempFiles, blobs, png, jpeg,
} = require('../testlib/files');

const LIMIT = 64 * 1024; // small, so the limit tests stay fast
const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

describe('files: upload and download', () => {
  let server;
  let ada;
  before(async () => {
    server = await startServer({ limits: { maxFileBytes: LIMIT } });
    ada = tokenFor(USERS.ada);
  });
  after(() => server.close());

  it('answers 201 with the file object, and the download gives the same bytes back', async () => {
    const content = crypto.randomBytes(50_000);
    const res = await upload(server, ada, { name: 'data.bin', content });
    assert.equal(res.status, 201);
    const file = res.json;
    assert.deepEqual(Object.keys(file).sort(), ['createdAt', 'id', 'mimeType', 'name', 'size']);
    assert.match(file.id, /^[A-Za-z0-9_-]{1,64}$/);
    assert.equal(file.name, 'data.bin');
    assert.equal(file.size, content.length);
    assert.equal(file.mimeType, 'application/octet-stream');
    assertIso(file.createdAt);

    const got = await download(server, ada, file.id);
    assert.equal(got.status, 200);
    assert.ok(got.body.equals(content), 'the same bytes');
    assert.equal(got.headers['content-length'], String(content.length));
    assert.equal(got.headers['content-type'], 'application/octet-stream');
    assert.equal(got.headers['accept-ranges'], 'bytes');
    assert.equal(got.headers.etag, `"${sha256(content)}"`);
    assert.equal(got.headers['x-content-type-options'], 'nosniff');
    assert.equal(got.headers['content-security-policy'], "default-src 'none'; sandbox");
    assert.equal(got.headers['cache-control'], 'private, max-age=31536000, immutable');
    assert.equal(got.headers['content-disposition'], 'attachment; filename="data.bin"; filename*=UTF-8\'\'data.bin');
    // Stored under its hash.
    assert.ok(fs.existsSync(path.join(server.filesDir, sha256(content).slice(0, 2), sha256(content))));
    assert.deepEqual(tempFiles(server), []);
  });

  it('HEAD gives the headers without the body', async () => {
    const content = Buffer.from('head me');
    const file = await uploaded(server, ada, { name: 'h.txt', content });
    const res = await download(server, ada, file.id, {}, 'HEAD');
    assert.equal(res.status, 200);
    assert.equal(res.body.length, 0);
    assert.equal(res.headers['content-length'], String(content.length));
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(res.headers.etag, `"${sha256(content)}"`);
  });

  it('an empty file is a file', async () => {
    const file = await uploaded(server, ada, { name: 'empty.txt', content: Buffer.alloc(0) });
    assert.equal(file.size, 0);
    const res = await download(server, ada, file.id);
    assert.equal(res.status, 200);
    assert.equal(res.body.length, 0);
    assert.equal(res.headers['content-length'], '0');
  });

  it('sniffs the type from the bytes: a PNG named .txt and claimed text/plain is an image with its size', async () => {
    const image = png(7, 5);
    const file = await uploaded(server, ada, { name: 'homework.txt', content: image, type: 'text/plain' });
    assert.equal(file.mimeType, 'image/png');
    assert.equal(file.width, 7);
    assert.equal(file.height, 5);
    const res = await download(server, ada, file.id);
    assert.equal(res.headers['content-type'], 'image/png');
    assert.equal(res.headers['content-disposition'], 'inline');
    assert.ok(res.body.equals(image));
    const photo = await uploaded(server, ada, { name: 'photo', content: jpeg(800, 600), type: 'application/pdf' });
    assert.deepEqual([photo.mimeType, photo.width, photo.height], ['image/jpeg', 800, 600]);
  });

  it('HTML claimed as image/png is text, served as an attachment, never inline', async () => {
    const html = Buffer.from('<!doctype html><html><script>fetch("/api/auth/me")</script></html>');
    const file = await uploaded(server, ada, { name: 'cat.png', content: html, type: 'image/png' });
    assert.equal(file.mimeType, 'text/plain');
    assert.equal(file.width, undefined);
    const res = await download(server, ada, file.id);
    assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
    assert.match(res.headers['content-disposition'], /^attachment; filename="cat.png"/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['content-security-policy'], "default-src 'none'; sandbox");
  });

  it('binary that is nothing known is application/octet-stream; invalid UTF-8 is no text', async () => {
    const file = await uploaded(server, ada, { name: 'x.txt', content: Buffer.from([0x68, 0x69, 0xc3, 0x28]), type: 'text/plain' });
    assert.equal(file.mimeType, 'application/octet-stream');
  });

  it('cleans the name: path separators and control characters go, empty becomes "file", UTF-8 is kept', async () => {
    const cases = [
      ['../../etc/passwd', '....etcpasswd'],
      ['C:\\fakepath\\notes.pdf', 'C:fakepathnotes.pdf'],
      ['', 'file'],
      ['..', 'file'],
      ['Übung 3 – Lösung.pdf', 'Übung 3 – Lösung.pdf'],
    ];
    for (const [sent, stored] of cases) {
      const file = await uploaded(server, ada, { name: sent, content: Buffer.from('x') });
      assert.equal(file.name, stored, JSON.stringify(sent));
    }
    // Control characters cannot stand in a header as they are; filename* carries them encoded.
    const encoded = [
      ['tab\there\u0007\u0000.txt', 'tabhere.txt'],
      ['sub/dir\\name\r\n.txt', 'subdirname.txt'],
      ['evil\u202etxt.exe', 'eviltxt.exe'],
      ['\u0001\u0002', 'file'],
    ];
    for (const [sent, stored] of encoded) {
      const file = await uploaded(server, ada, { encodedName: sent, content: Buffer.from('x') });
      assert.equal(file.name, stored, JSON.stringify(sent));
    }
    const file = await uploaded(server, ada, { name: 'Übung 3 – Lösung.pdf', content: Buffer.from('%PDF-1.4\n') });
    assert.equal(file.mimeType, 'application/pdf');
    const res = await download(server, ada, file.id, {}, 'HEAD');
    assert.equal(res.headers['content-disposition'],
      'attachment; filename="_bung 3 _ L_sung.pdf"; filename*=UTF-8\'\'%C3%9Cbung%203%20%E2%80%93%20L%C3%B6sung.pdf');
  });

  it('the same content uploaded twice is two files and one blob', async () => {
    const content = crypto.randomBytes(1000);
    const before = blobs(server).length;
    const a = await uploaded(server, ada, { name: 'a.bin', content });
    const b = await uploaded(server, tokenFor(USERS.grace), { name: 'b.bin', content });
    assert.notEqual(a.id, b.id);
    assert.equal(blobs(server).length, before + 1);
    assert.ok((await download(server, tokenFor(USERS.grace), b.id)).body.equals(content));
  });

  it('answers 401 without or with a bad token, for upload and download', async () => {
    const file = await uploaded(server, ada, { name: 'secret.txt', content: Buffer.from('secret') });
    for (const token of [undefined, 'not-a-jwt', tokenFor(USERS.ada, {}, 'another-secret')]) {
      const up = await upload(server, token, { content: Buffer.from('x') });
      assert.equal(up.status, 401);
      assert.match(up.json.error, /^Authentication error: /);
      const down = await download(server, token, file.id);
      assert.equal(down.status, 401);
      assert.equal(down.headers['www-authenticate'], 'Bearer');
      assert.doesNotMatch(down.body.toString(), /secret/);
    }
  });

  it('answers 404 for an unknown id and for an id that cannot be one', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAAAA', 'a'.repeat(65), 'has space', '../etc', 'dot.dot']) {
      const res = await download(server, ada, id);
      assert.equal(res.status, 404, id);
      assert.deepEqual(res.json, { error: 'Unknown file' });
    }
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});

describe('files: bad uploads', () => {
  let server;
  let ada;
  before(async () => {
    server = await startServer({ limits: { maxFileBytes: LIMIT } });
    ada = tokenFor(USERS.ada);
  });
  after(() => server.close());

  const post = (options) => rawRequest(server, 'POST', '/api/files', { token: ada, ...options });

  it('answers 400 for a body that is not multipart', async () => {
    for (const type of [undefined, 'application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
      const res = await post({ body: Buffer.from('{"file": 1}'), headers: type ? { 'content-type': type } : {} });
      assert.equal(res.status, 400, String(type));
      assert.deepEqual(res.json, { error: 'The upload must be multipart/form-data with a part named "file"' });
    }
    const noBoundary = await post({ body: Buffer.from('x'), headers: { 'content-type': 'multipart/form-data' } });
    assert.equal(noBoundary.status, 400);
    assert.deepEqual(noBoundary.json, { error: 'The upload must be multipart/form-data with a part named "file"' });
  });

  it('answers 400 when there is no file part named "file"', async () => {
    const cases = [
      [{ name: 'other', filename: 'a.txt', content: 'a' }],
      [{ name: 'file', content: 'a field, not a file' }],
      [],
    ];
    for (const parts of cases) {
      const { body, contentType } = multipart(parts);
      const res = await post({ body, headers: { 'content-type': contentType } });
      assert.equal(res.status, 400, JSON.stringify(parts));
      assert.deepEqual(res.json, { error: 'The upload has no part named "file" with a file name' });
    }
    // Other parts around the file are read past.
    const { body, contentType } = multipart([
      { name: 'note', content: 'hello' },
      { name: 'other', filename: 'skip.txt', content: 'skip' },
      { name: 'file', filename: 'keep.txt', content: 'keep' },
    ]);
    const res = await post({ body, headers: { 'content-type': contentType } });
    assert.equal(res.status, 201);
    assert.equal(res.json.name, 'keep.txt');
    assert.equal(res.json.size, 4);
  });

  it('answers 400 for a malformed or cut multipart body, and keeps no temporary file', async () => {
    const { body, contentType } = multipart([{ name: 'file', filename: 'a.bin', content: crypto.randomBytes(5000) }]);
    const cut = body.subarray(0, body.length - 100); // no closing boundary
    for (const bad of [cut, Buffer.from('garbage without any boundary')]) {
      const res = await post({ body: bad, headers: { 'content-type': contentType } });
      assert.equal(res.status, 400);
      assert.equal(typeof res.json.error, 'string');
    }
    assert.deepEqual(tempFiles(server), []);
  });

  it('takes a file of exactly the limit', async () => {
    const content = crypto.randomBytes(LIMIT);
    const file = await uploaded(server, ada, { content });
    assert.equal(file.size, LIMIT);
    assert.ok((await download(server, ada, file.id)).body.equals(content));
  });

  it('answers 413 from Content-Length before reading the body', async () => {
    const { body, contentType } = multipart([{ name: 'file', filename: 'big.bin', content: Buffer.alloc(1000) }]);
    // Claims 100 times the limit, sends 1 KB and waits: the answer comes anyway.
    const res = await post({ body, contentLength: LIMIT * 100, headers: { 'content-type': contentType } });
    assert.equal(res.status, 413);
    assert.deepEqual(res.json, { error: 'The file is larger than 64 KB' });
    assert.equal(res.headers.connection, 'close');
    assert.deepEqual(tempFiles(server), []);
  });

  it('with Expect: 100-continue, a file over the limit or a bad token is refused before the body is sent', async () => {
    const tooBig = await uploadExpectingContinue(server, ada, crypto.randomBytes(LIMIT * 3));
    assert.deepEqual([tooBig.status, tooBig.continued], [413, false]);
    assert.deepEqual(tooBig.json, { error: 'The file is larger than 64 KB' });
    const noToken = await uploadExpectingContinue(server, 'not-a-jwt', Buffer.from('x'));
    assert.deepEqual([noToken.status, noToken.continued], [401, false]);
    assert.equal(noToken.headers.connection, 'close');
    const fine = await uploadExpectingContinue(server, ada, Buffer.from('asked first'));
    assert.deepEqual([fine.status, fine.continued], [201, true]);
    assert.equal(fine.json.size, 11);
    assert.deepEqual(tempFiles(server), []);
  });

  it('answers 413 while streaming: one byte over the limit with an honest Content-Length', async () => {
    const res = await upload(server, ada, { content: crypto.randomBytes(LIMIT + 1) });
    assert.equal(res.status, 413);
    assert.deepEqual(res.json, { error: 'The file is larger than 64 KB' });
    assert.deepEqual(tempFiles(server), []);
  });

  it('answers 413 while streaming a chunked upload without Content-Length, and removes the temporary file', async () => {
    const { body, contentType } = multipart([{ name: 'file', filename: 'endless.bin', content: crypto.randomBytes(LIMIT * 4) }]);
    const chunks = [];
    for (let i = 0; i < body.length; i += 4096) chunks.push(body.subarray(i, i + 4096));
    const res = await post({ chunks, headers: { 'content-type': contentType } });
    assert.equal(res.status, 413);
    assert.deepEqual(res.json, { error: 'The file is larger than 64 KB' });
    assert.deepEqual(tempFiles(server), []);
    // The server is fine afterwards.
    assert.equal((await upload(server, ada, { content: Buffer.from('after') })).status, 201);
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});

describe('files: ranges', () => {
  let server;
  let ada;
  let file;
  const content = crypto.randomBytes(1000);
  before(async () => {
    server = await startServer();
    ada = tokenFor(USERS.ada);
    file = await uploaded(server, ada, { name: 'r.bin', content });
  });
  after(() => server.close());

  it('answers 206 with the bytes of bytes=a-b, and of an open range', async () => {
    const res = await download(server, ada, file.id, { range: 'bytes=10-19' });
    assert.equal(res.status, 206);
    assert.equal(res.headers['content-range'], 'bytes 10-19/1000');
    assert.equal(res.headers['content-length'], '10');
    assert.ok(res.body.equals(content.subarray(10, 20)));
    const open = await download(server, ada, file.id, { range: 'bytes=990-' });
    assert.equal(open.status, 206);
    assert.equal(open.headers['content-range'], 'bytes 990-999/1000');
    assert.ok(open.body.equals(content.subarray(990)));
    const past = await download(server, ada, file.id, { range: 'bytes=995-5000' });
    assert.equal(past.headers['content-range'], 'bytes 995-999/1000');
    assert.ok(past.body.equals(content.subarray(995)));
  });

  it('answers 206 with the last n bytes of a suffix range', async () => {
    const res = await download(server, ada, file.id, { range: 'bytes=-100' });
    assert.equal(res.status, 206);
    assert.equal(res.headers['content-range'], 'bytes 900-999/1000');
    assert.ok(res.body.equals(content.subarray(900)));
  });

  it('answers 416 with the size for a range outside the file', async () => {
    for (const range of ['bytes=1000-', 'bytes=5000-6000', 'bytes=-0']) {
      const res = await download(server, ada, file.id, { range });
      assert.equal(res.status, 416, range);
      assert.equal(res.headers['content-range'], 'bytes */1000');
      assert.deepEqual(res.json, { error: 'The requested range is outside the file' });
    }
  });

  it('honours If-Range: the range for the matching ETag, the whole file otherwise', async () => {
    const etag = `"${sha256(content)}"`;
    const same = await download(server, ada, file.id, { range: 'bytes=500-', 'if-range': etag });
    assert.equal(same.status, 206);
    assert.ok(same.body.equals(content.subarray(500)));
    for (const other of ['"0000"', 'Wed, 21 Oct 2015 07:28:00 GMT', `W/${etag}`]) {
      const res = await download(server, ada, file.id, { range: 'bytes=500-', 'if-range': other });
      assert.equal(res.status, 200, other);
      assert.ok(res.body.equals(content));
    }
  });

  it('sends the whole file for a Range it does not serve (several ranges, another unit, malformed)', async () => {
    for (const range of ['bytes=0-1,5-6', 'items=0-5', 'bytes=9-3', 'nonsense']) {
      const res = await download(server, ada, file.id, { range });
      assert.equal(res.status, 200, range);
      assert.ok(res.body.equals(content));
    }
  });

  it('HEAD with a range gives the range headers without a body', async () => {
    const res = await download(server, ada, file.id, { range: 'bytes=0-99' }, 'HEAD');
    assert.equal(res.status, 206);
    assert.equal(res.headers['content-length'], '100');
    assert.equal(res.body.length, 0);
  });

  it('answers 304 to If-None-Match with the ETag', async () => {
    const res = await download(server, ada, file.id, { 'if-none-match': `"${sha256(content)}"` });
    assert.equal(res.status, 304);
    assert.equal(res.body.length, 0);
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});

describe('files: concurrent uploads', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('8 uploads at once, distinct and identical contents: every one stored, each content once', async () => {
    const distinct = Array.from({ length: 4 }, () => crypto.randomBytes(300_000));
    const shared = crypto.randomBytes(300_000);
    const contents = [...distinct, shared, shared, shared, shared];
    const tokens = contents.map((_, i) => tokenFor([USERS.ada, USERS.grace][i % 2]));
    const results = await Promise.all(contents.map((content, i) => upload(server, tokens[i], { name: `f${i}.bin`, content })));
    assert.deepEqual(results.map((r) => r.status), Array(8).fill(201));
    const ids = results.map((r) => r.json.id);
    assert.equal(new Set(ids).size, 8, 'eight files');
    assert.deepEqual(blobs(server), [...new Set(contents.map(sha256))].sort(), 'five blobs');
    assert.deepEqual(tempFiles(server), []);
    const back = await Promise.all(ids.map((id, i) => download(server, tokens[i], id)));
    back.forEach((res, i) => assert.ok(res.body.equals(contents[i]), `file ${i}`));
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});
