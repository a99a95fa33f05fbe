// What the demo scripts (demo-study.js, demo-files.js) share: the demo users as socket.io clients
// of a running demo backend on 127.0.0.1, signed with its JWT secret as the server itself would.
'use strict';

const path = require('node:path');
const modules = path.join(__dirname, '..', 'server', 'node_modules');
const { io } = require(path.join(modules, 'socket.io-client'));
const jwt = require(path.join(modules, 'jsonwebtoken'));

const USERS = Object.freeze({ ADA: 1, ALAN: 2, GRACE: 3, LINUS: 4 });
const CALCULUS = 1;

/** The demo backend on `port`: its URL, tokens for its users, and users connected as sockets. */
function demoBackend(port, secret) {
  const url = `http://127.0.0.1:${port}`;
  const token = (id) => jwt.sign({ id }, secret, { expiresIn: 600 });
  const connect = (id) => new Promise((resolve, reject) => {
    const socket = io(url, { auth: { token: token(id) }, transports: ['websocket'] });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
  return { url, token, connect };
}

/** Emits with an ack and insists on { ok: true }. */
async function ask(socket, event, payload) {
  const ack = await socket.timeout(5000).emitWithAck(event, payload);
  if (!ack || ack.ok !== true) throw new Error(`${event} refused: ${JSON.stringify(ack)}`);
  return ack;
}

/** PORT and JWT_SECRET from the command line, or the usage line and exit 2. */
function demoArguments(script) {
  const [port, secret] = process.argv.slice(2);
  if (!port || !secret) {
    console.error(`usage: node scripts/${script} PORT JWT_SECRET`);
    process.exit(2);
  }
  return demoBackend(port, secret);
}

module.exports = { USERS, CALCULUS, ask, demoArguments };
