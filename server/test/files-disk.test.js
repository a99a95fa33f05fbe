'use strict';

// Files and the disk: a full disk (a real ENOSPC from a 1 MB tmpfs), uploads the client abandons,
// downloads the client abandons, and where the files go (FILES_DIR, next to the SQLite file).

const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, tokenFor, SECRET, USERS } = require('../testlib/helpers');
const { startBackend } = require('../testlib/processes');
const { backendStoreEnv } = require('../testlib/stores');
const {
  multipart, upload, uploaded, download, tempFiles, blobs, eventually,
} = require('../testlib/files');

describe('files: a full disk', () => {
  const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'studyconnect-full-'));
  let skip = null;
  let server;

  before(async () => {
    if (process.getuid?.() !== 0) {
      skip = 'needs root: the test mounts a 1 MB tmpfs to fill for real (run the suite as root to include it)';
      return;
    }
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { encoding: 'utf8' });
    if (mounted.status !== 0) {
      skip = `could not mount a tmpfs (no CAP_SYS_ADMIN in this container?): ${(mounted.stderr || mounted.error?.message || '').trim()}`;
      return;
    }
    server = await startServer({ filesDir: mountPoint, limits: { maxFileBytes: 8 * 1024 * 1024 } });
  });
  after(async () => {
    if (server) await server.close();
    if (!skip) spawnSync('umount', [mountPoint]);
    fs.rmSync(mountPoint, { recursive: true, force: true });
  });

  it('answers 507 when the disk fills during the upload, removes the partial file, and works again once there is room', async (t) => {
    if (skip) return t.skip(skip);
    const ada = tokenFor(USERS.ada);
    const res = await upload(server, ada, { name: 'too big for the disk.bin', content: crypto.randomBytes(2 * 1024 * 1024) });
    assert.equal(res.status, 507);
    assert.deepEqual(res.json, { error: 'The server has no room for the file' });
    assert.deepEqual(tempFiles(server), []);
    assert.deepEqual(blobs(server), []);
    // The space the partial file took is free again: a file of half the disk fits.
    const half = crypto.randomBytes(512 * 1024);
    const file = await uploaded(server, ada, { name: 'fits.bin', content: half });
    assert.ok((await download(server, ada, file.id)).body.equals(half));
    // And the disk is full again for a second one of that size: 507 once more, nothing left over.
    const again = await upload(server, ada, { content: crypto.randomBytes(600 * 1024) });
    assert.equal(again.status, 507);
    assert.deepEqual(tempFiles(server), []);
    assert.deepEqual(server.logger.errors, []);
  });
});

describe('files: abandoned transfers', () => {
  let server;
  const ada = tokenFor(USERS.ada);
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  /** Starts an upload, sends `sent` bytes of a `total`-byte file, waits for its temporary file, then cuts the connection. */
  async function abandon({ total, sent, chunked }) {
    const { body, contentType } = multipart([{ name: 'file', filename: 'abandoned.bin', content: crypto.randomBytes(total) }]);
    const headers = { authorization: `Bearer ${ada}`, 'content-type': contentType };
    if (!chunked) headers['content-length'] = String(body.length);
    const req = http.request(`${server.url}/api/files`, { method: 'POST', headers });
    req.on('error', () => {}); // we cut it
    req.write(body.subarray(0, sent));
    await eventually(() => tempFiles(server).length === 1, 'the upload has its temporary file');
    req.destroy();
    await eventually(() => tempFiles(server).length === 0, 'the temporary file is removed');
  }

  it('an upload cut mid-body (Content-Length) leaves no temporary file', async () => {
    await abandon({ total: 2 * 1024 * 1024, sent: 300 * 1024, chunked: false });
  });

  it('a chunked upload cut mid-body leaves no temporary file', async () => {
    await abandon({ total: 2 * 1024 * 1024, sent: 300 * 1024, chunked: true });
  });

  it('a download the client abandons is no error, and the server goes on', async () => {
    const content = crypto.randomBytes(8 * 1024 * 1024);
    const file = await uploaded(server, ada, { name: 'big.bin', content });
    await new Promise((resolve, reject) => {
      const req = http.get(`${server.url}/api/files/${file.id}`, { headers: { authorization: `Bearer ${ada}` } }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (error) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    });
    assert.ok((await download(server, ada, file.id, { range: 'bytes=-10' })).body.equals(content.subarray(-10)));
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});

describe('files: where they are kept (src/index.js)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyconnect-filesdir-'));
  const procs = [];
  after(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const uploadTo = async (url, content) => {
    const res = await upload({ url }, tokenFor(USERS.ada), { name: 'kept.txt', content });
    return res;
  };
  const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

  it('FILES_DIR names the folder (with either store); MAX_FILE_BYTES the limit, announced in /api/server', async () => {
    const store = await backendStoreEnv(dir);
    try {
      const filesDir = path.join(dir, 'elsewhere');
      const proc = await startBackend({ ...store.env, JWT_SECRET: SECRET, SEED_DEMO: '1', FILES_DIR: filesDir, MAX_FILE_BYTES: '1000' });
      procs.push(proc);
      const content = Buffer.from('kept in FILES_DIR');
      assert.equal((await uploadTo(proc.url, content)).status, 201);
      assert.ok(fs.existsSync(path.join(filesDir, sha256(content).slice(0, 2), sha256(content))));
      const tooBig = await uploadTo(proc.url, Buffer.alloc(1001, 0x61));
      assert.equal(tooBig.status, 413);
      assert.deepEqual(tooBig.json, { error: 'The file is larger than 1000 bytes' });
      const info = await (await fetch(`${proc.url}/api/server`)).json();
      assert.deepEqual(info.limits, { maxFileBytes: 1000, maxAttachments: 10 });
      assert.ok(info.features.includes('files'));
      await proc.stop();
    } finally {
      await store.drop();
    }
  });

  it('without FILES_DIR, SQLite keeps them in "files" next to the database file', async () => {
    const dbPath = path.join(dir, 'db', 'studyconnect.db');
    const proc = await startBackend({ DB_PATH: dbPath, DATABASE_URL: '', JWT_SECRET: SECRET, SEED_DEMO: '1', FILES_DIR: '' });
    procs.push(proc);
    const content = Buffer.from('kept next to the database');
    assert.equal((await uploadTo(proc.url, content)).status, 201);
    assert.ok(fs.existsSync(path.join(dir, 'db', 'files', sha256(content).slice(0, 2), sha256(content))));
    await proc.stop();
  });

  it('refuses a MAX_FILE_BYTES that is no positive number', async () => {
    const { startProcess, INDEX } = require('../testlib/processes');
    const proc = startProcess(process.execPath, [INDEX], {
      env: { PORT: '0', JWT_SECRET: 's', DB_PATH: ':memory:', MAX_FILE_BYTES: '25MB', LOG_LEVEL: 'warn' },
    });
    assert.equal((await proc.exited).code, 1);
    assert.match(proc.stderr, /MAX_FILE_BYTES must be a positive number \(got "25MB"\)/);
  });
});
