// Node side of the transport latency benchmark: socket.io-client over one transport, the same
// events one after the other as bench_socketio_latency.cpp, timed until each ack.
//   node latency-peer.js --url=http://127.0.0.1:PORT --transport=polling [--count=2000] [--warmup=200]
'use strict';

const { io } = require('socket.io-client');

const arg = (name, fallback) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
};
const url = arg('url');
const transport = arg('transport', 'websocket');
const count = Number(arg('count', 2000));
const warmup = Number(arg('warmup', 200));

const message = {
  roomId: 2,
  text: "Does anyone have the notes from Tuesday's lecture on eigenvalues?",
  clientId: '3f2b8c1e-9d4a-4f67-8a21-5c0e7b9d1a42',
};
const socket = io(url, { transports: [transport], upgrade: false, reconnection: false });
const rtts = [];
let sent = 0;
let cpuStart;

function next() {
  if (sent === warmup) cpuStart = process.cpuUsage();
  if (sent === warmup + count) {
    const cpu = process.cpuUsage(cpuStart);
    rtts.sort((a, b) => a - b);
    const pct = (p) => rtts[Math.min(rtts.length - 1, Math.floor(p * rtts.length))];
    console.log(JSON.stringify({
      runtime: `Node ${process.version}, socket.io-client ${require('socket.io-client/package.json').version}`,
      transport,
      count,
      p50Us: pct(0.5),
      p99Us: pct(0.99),
      meanUs: rtts.reduce((a, b) => a + b, 0) / rtts.length,
      cpuUsPerMessage: (cpu.user + cpu.system) / count,
    }));
    socket.close();
    return;
  }
  sent += 1;
  const start = process.hrtime.bigint();
  socket.emit('echo', message, () => {
    const us = Number(process.hrtime.bigint() - start) / 1e3;
    if (sent > warmup) rtts.push(us);
    next();
  });
}

socket.on('connect', next);
socket.on('connect_error', (error) => {
  console.error(`connect error: ${error.message}`);
  process.exit(1);
});
