// A plain socket.io 4.8 server for the protocol library's integration tests. It knows nothing of
// StudyConnect: each event exercises one protocol feature. Configured by environment:
//   PORT, PING_INTERVAL, PING_TIMEOUT (ms), MAX_PAYLOAD (bytes), RECOVERY=1,
//   TLS_CERT / TLS_KEY (PEM files: serve https/wss),
//   TRANSPORTS (comma-separated, default "websocket"; "polling,websocket" offers the upgrade).
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const { Server } = require('socket.io');

const port = Number(process.env.PORT || 0);
const options = {
  pingInterval: Number(process.env.PING_INTERVAL || 25000),
  pingTimeout: Number(process.env.PING_TIMEOUT || 20000),
  maxHttpBufferSize: Number(process.env.MAX_PAYLOAD || 1e6),
  transports: (process.env.TRANSPORTS || 'websocket').split(','),
};
if (process.env.RECOVERY === '1') {
  options.connectionStateRecovery = { maxDisconnectionDuration: 60000, skipMiddlewares: true };
}

const httpServer = process.env.TLS_CERT
  ? https.createServer({ cert: fs.readFileSync(process.env.TLS_CERT), key: fs.readFileSync(process.env.TLS_KEY) })
  : http.createServer();
const io = new Server(httpServer, options);

// What "record" events this process received, in arrival order.
const records = [];
let connectAttempts = 0;

io.use((socket, next) => {
  connectAttempts += 1;
  const token = socket.handshake.auth && socket.handshake.auth.token;
  if (typeof token !== 'string' || !token.startsWith('good')) {
    const error = new Error('Authentication error: bad token');
    error.data = { code: 'BAD_TOKEN' };
    return next(error);
  }
  next();
});

io.on('connection', (socket) => {
  socket.join('all');
  socket.emit('welcome', { recovered: socket.recovered, attempts: connectAttempts });

  socket.on('echo', (...args) => {
    const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    if (ack) ack(...args);
    else socket.emit('echo', ...args);
  });
  socket.on('record', (value) => records.push(value));
  socket.on('records', (ack) => ack(records));
  socket.on('never-ack', () => {});
  socket.on('slow-ack', (ack) => setTimeout(() => ack('late'), 3000));
  socket.on('ask-client', (question) => {
    socket.timeout(5000).emit('question', question, (err, answer) => {
      socket.emit('answer-was', err ? { error: err.message } : answer);
    });
  });
  socket.on('binary-info', (ack) => {
    // Reports what the server received, so the test can check bytes arrived intact.
    ack(Buffer.from([0, 1, 2, 253, 254, 255]), { nested: [Buffer.from('second')] });
  });
  socket.on('binary-check', (...args) => {
    const ack = args.pop();
    ack(args.map((a) => (Buffer.isBuffer(a) ? { bytes: [...a] } : a)));
  });
  socket.on('server-disconnect', () => socket.disconnect(true));
  socket.on('drop-transport', () => {
    socket.conn.close();
    // Emitted while the client is away: recovery must replay it.
    setTimeout(() => io.to('all').emit('tick', 'while-away'), 100);
  });
  socket.on('tick-now', (value) => io.to('all').emit('tick', value));
  socket.on('send-garbage', () => socket.conn.sendPacket('message', '2{"not":"an array"}'));
  socket.on('payload-limit', (ack) => ack(options.maxHttpBufferSize));
  socket.on('transport', (ack) => ack(socket.conn.transport.name));
  // Answers with the length and a checksum instead of echoing, for large messages.
  socket.on('measure', (text, ack) => {
    let sum = 0;
    for (let i = 0; i < text.length; i += 1) sum = (sum * 31 + text.charCodeAt(i)) % 1000000007;
    ack({ length: text.length, sum });
  });
  socket.on('big', (length, ack) => ack('é'.repeat(length)));
});

// A second namespace multiplexed over the same connection, with its own middleware.
const admin = io.of('/admin');
admin.use((socket, next) => (socket.handshake.auth.role === 'admin' ? next() : next(new Error('admins only'))));
admin.on('connection', (socket) => {
  socket.on('echo', (...args) => {
    const ack = args.pop();
    ack('admin', ...args);
  });
});

httpServer.listen(port, '127.0.0.1', () => {
  console.log(`fixture listening on ${httpServer.address().port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    io.close();
    process.exit(0);
  });
}
