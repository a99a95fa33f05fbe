'use strict';

// Merges what the artillery processes of one run measured (processor.js's $LOAD_OUT files and
// artillery's JSON reports) into one line of figures, over the steady part of the run: messages
// sent after the ramp (all connections made) plus a settling margin.
//
//   node summarize.js LABEL STEADY_FROM_MS STEADY_TO_MS SERVER_CPU_S SERVER_RSS_MB out-1.json … -- report-1.json …

const fs = require('node:fs');

const [label, steadyFromText, steadyToText, cpuText, rssText, ...files] = process.argv.slice(2);
const sep = files.indexOf('--');
const outs = files.slice(0, sep).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const reports = files.slice(sep + 1).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const steadyFrom = Number(steadyFromText);
const steadyTo = Number(steadyToText);
const steady = (t) => t >= steadyFrom && t < steadyTo;

const latencies = [];
let firstSent = Infinity;
let lastSent = 0;
for (const o of outs) {
  for (let i = 0; i < o.samples.length; i += 2) {
    const sentAt = o.samples[i];
    if (!steady(sentAt)) continue;
    latencies.push(o.samples[i + 1]);
    firstSent = Math.min(firstSent, sentAt);
    lastSent = Math.max(lastSent, sentAt);
  }
}
latencies.sort((a, b) => a - b);
const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN);
const sum = (f) => outs.reduce((n, o) => n + f(o), 0);
const sent = sum((o) => o.counts.sent);
const received = sum((o) => o.counts.received);
const errors = {};
let created = 0;
let completed = 0;
for (const r of reports) {
  const a = r.aggregate;
  created += a.scenariosCreated;
  completed += a.scenariosCompleted;
  for (const [code, n] of Object.entries(a.errors || {})) errors[code] = (errors[code] || 0) + n;
}
const windowS = Math.max(1, (lastSent - firstSent) / 1000);
const roomSize = Number(process.env.ROOM_SIZE);
// Who is in each room: the virtual users that got connected (a user whose connection timed out
// neither sends nor receives), from both artillery processes.
const members = new Map();
for (const o of outs) for (const roomId of o.joined) members.set(roomId, (members.get(roomId) || 0) + 1);
let steadySends = 0;
let expected = 0;
for (const o of outs) {
  for (let i = 0; i < o.sends.length; i += 2) {
    if (!steady(o.sends[i])) continue;
    steadySends += 1;
    expected += members.get(o.sends[i + 1]) || 0;
  }
}
const result = {
  label,
  sockets: created,
  completed,
  sent,
  received,
  roomSize,
  steadySends,
  steadyDeliveries: latencies.length,
  // Every message goes to every member of its room, the sender included; what did not arrive
  // (by the end of the run) counts as lost.
  connected: [...members.values()].reduce((a, b) => a + b, 0),
  steadyLost: expected - latencies.length,
  deliveriesPerSecond: Math.round(latencies.length / windowS),
  messagesPerSecond: Math.round(steadySends / windowS),
  p50: pct(50),
  p95: pct(95),
  p99: pct(99),
  max: latencies.at(-1),
  errors,
  serverCpuSeconds: Number(cpuText),
  serverRssMb: Number(rssText),
};
console.log(JSON.stringify(result));
