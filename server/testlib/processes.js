'use strict';

// Child-process helpers for the CLI and the two-process (Redis) tests.

const { spawn, spawnSync } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

const SERVER_DIR = path.join(__dirname, '..');
const INDEX = path.join(SERVER_DIR, 'src', 'index.js');

/** A free TCP port on 127.0.0.1 (for programs that cannot take port 0, like redis-server). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Spawns a process and records its output. `proc.waitForLine(regex)` resolves with the match of
 * the first output line (stdout or stderr, past or future) that matches; `proc.exited` resolves
 * with { code, signal }.
 */
function startProcess(command, args, { env = {}, cwd = SERVER_DIR } = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const proc = { child, lines: [], stdout: '', stderr: '' };
  const waiters = new Set();
  const feed = (stream, name) => {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      proc[name] += chunk;
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        proc.lines.push(line);
        for (const w of [...waiters]) w(line);
      }
    });
  };
  feed(child.stdout, 'stdout');
  feed(child.stderr, 'stderr');
  proc.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  proc.running = () => child.exitCode === null && child.signalCode === null;

  proc.waitForLine = (regex, timeoutMs = 10000, from = 0) =>
    new Promise((resolve, reject) => {
      for (const line of proc.lines.slice(from)) {
        const m = regex.exec(line);
        if (m) return resolve(m);
      }
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${regex} in the output of ${command}:\n${proc.stdout}${proc.stderr}`));
      }, timeoutMs);
      const check = (line) => {
        const m = regex.exec(line);
        if (!m) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(m);
      };
      waiters.add(check);
      proc.exited.then(({ code, signal }) => {
        if (!waiters.has(check)) return;
        clearTimeout(timer);
        waiters.delete(check);
        reject(new Error(`${command} exited (code ${code}, signal ${signal}) before printing ${regex}:\n${proc.stdout}${proc.stderr}`));
      });
    });

  /** Sends a signal (default SIGTERM), escalates to SIGKILL after timeoutMs, resolves with the exit. */
  proc.stop = async (signal = 'SIGTERM', timeoutMs = 5000) => {
    if (!proc.running()) return proc.exited;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const result = await proc.exited;
    clearTimeout(timer);
    return result;
  };
  return proc;
}

/** Starts `node src/index.js` with the given environment; resolves once it printed its listening line. */
async function startBackend(env, { timeoutMs = 15000 } = {}) {
  const proc = startProcess(process.execPath, [INDEX], { env: { PORT: '0', HOST: '127.0.0.1', ...env } });
  const m = await proc.waitForLine(/^StudyConnect backend listening on (http:\/\/[^\s]+:(\d+))/, timeoutMs);
  proc.url = m[1];
  proc.port = Number(m[2]);
  return proc;
}

/** True when a redis-server binary can be run. */
function redisAvailable() {
  const r = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

/** Starts a throw-away redis-server (no persistence) on a free port. */
async function startRedis() {
  const port = await freePort();
  const proc = startProcess('redis-server', [
    '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes',
  ]);
  await proc.waitForLine(/Ready to accept connections/, 10000);
  proc.url = `redis://127.0.0.1:${port}`;
  return proc;
}

module.exports = { SERVER_DIR, INDEX, freePort, startProcess, startBackend, startRedis, redisAvailable };
