'use strict';

// Artillery processor of load.yml: stamps every message with its send time, and measures
// send-to-receive latency on every socket that receives it (the sender's room, itself included).
// Raw samples ([sent at, latency] pairs) stay in memory and are written to $LOAD_OUT when
// artillery exits, so summarize.js can merge the samples of several artillery processes into
// exact percentiles over the steady part of the run.

const fs = require('node:fs');

const samples = [];
const sends = []; // [send time, room id] pairs, to count what the steady part should deliver
const joined = []; // the room of every virtual user that got connected
const counts = { sent: 0, received: 0, foreign: 0, connectErrors: 0 };
let firstSend = null;
let lastReceive = null;

/** After the connect step: listens for the room's messages on this virtual user's socket. */
function listen(context, ee, next) {
  const socket = context.sockets[''];
  joined.push(Number(context.vars.roomId));
  socket.on('message:received', (m) => {
    const match = typeof m?.text === 'string' && /^load (\d+) /.exec(m.text);
    if (!match) {
      counts.foreign += 1;
      return;
    }
    const now = Date.now();
    const sentAt = Number(match[1]);
    const ms = now - sentAt;
    samples.push(sentAt, ms); // pairs: run.sh keeps the ones sent after the ramp
    counts.received += 1;
    lastReceive = now;
    ee.emit('histogram', 'send_to_receive_ms', ms);
  });
  socket.on('connect_error', () => {
    counts.connectErrors += 1;
  });
  next();
}

/** Before each message:send: the text carries the send time (ms since the epoch). */
function stamp(context, ee, next) {
  const now = Date.now();
  if (firstSend == null) firstSend = now;
  context.vars.text = `load ${now} from ${context.vars.userId}`;
  counts.sent += 1;
  sends.push(now, Number(context.vars.roomId));
  ee.emit('counter', 'load.sent', 1);
  next();
}

process.on('exit', () => {
  if (!process.env.LOAD_OUT) return;
  fs.writeFileSync(process.env.LOAD_OUT, JSON.stringify({ counts, firstSend, lastReceive, joined, sends, samples }));
});

module.exports = { listen, stamp };
