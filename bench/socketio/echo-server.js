// The server of the transport latency benchmark: plain socket.io 4.8 with both transports, an
// ack for every "echo" carrying its arguments back. PORT from the environment.
'use strict';

const http = require('node:http');
const { Server } = require('socket.io');

const httpServer = http.createServer();
const io = new Server(httpServer, { transports: ['polling', 'websocket'] });
io.on('connection', (socket) => {
  socket.on('echo', (...args) => {
    const ack = args.pop();
    ack(...args);
  });
});
httpServer.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(`echo server listening on ${httpServer.address().port}`);
});
