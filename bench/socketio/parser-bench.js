'use strict';
// Node side of the codec benchmark: socket.io-parser decoding the shared corpus (strings, as
// engine.io hands them over) and encoding the decoded packets.
//
//   node parser-bench.js --corpus=build/bench/socketio-corpus.ndjson [--passes=5] [--reps=7]
// Prints one JSON line with the rates.

const fs = require('fs');
const { Decoder, Encoder } = require('socket.io-parser');
const { load } = require('./corpus.js');

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const corpus = load(args.corpus);
const passes = Number(args.passes || 5);
const reps = Number(args.reps || 7);
const single = fs.readFileSync(args.corpus.replace(/\.ndjson$/, '') + '.single.txt', 'utf8');
const singleCount = Number(args.single || 200000);

const bytesPerPass = corpus.reduce((sum, p) => sum + Buffer.byteLength(p.text, 'utf8')
    + p.attachments.reduce((s, a) => s + a.length, 0), 0);

function best(fn) {
    fn(); // warm-up (JIT)
    let bestNs = Infinity;
    for (let r = 0; r < reps; ++r) {
        const start = process.hrtime.bigint();
        fn();
        bestNs = Math.min(bestNs, Number(process.hrtime.bigint() - start));
    }
    return bestNs / 1e9;
}

// Decode: every frame through one Decoder, as a socket.io-client Manager does. Each packet is
// handed to the listener and dropped, as a handler would; the C++ side does the same.
const decoder = new Decoder();
let decodedCount = 0;
let keep = null;
decoder.on('decoded', (packet) => {
    ++decodedCount;
    if (keep) keep.push(packet);
});
const decodeAll = () => {
    for (const packet of corpus) {
        decoder.add(packet.text);
        for (const attachment of packet.attachments) decoder.add(attachment);
    }
};
const decodeSeconds = best(() => {
    for (let pass = 0; pass < passes; ++pass) decodeAll();
});
keep = [];
decodeAll();
const decoded = keep;
keep = null;
if (decoded.length !== corpus.length) throw new Error(`decoded ${decoded.length} of ${corpus.length}`);

// Encode: the decoded packets (binary ones carry Buffers again) back to frames.
const packets = decoded;
const encoder = new Encoder();
let sink = 0;
const encodeSeconds = best(() => {
    for (let pass = 0; pass < passes; ++pass) {
        for (const packet of packets) sink += encoder.encode(packet).length;
    }
});

// The brief's reference: one 717-character message:received frame, decoded again and again.
let singleDecoded = 0;
const singleDecoder = new Decoder();
singleDecoder.on('decoded', () => ++singleDecoded);
const singleSeconds = best(() => {
    for (let i = 0; i < singleCount; ++i) singleDecoder.add(single);
});

const rate = (count, bytes, seconds) => ({
    packetsPerSec: count / seconds, mbPerSec: bytes / seconds / 1e6, seconds });
const count = corpus.length * passes;
console.log(JSON.stringify({
    side: 'node', runtime: `node ${process.version}`,
    parser: `socket.io-parser ${JSON.parse(fs.readFileSync(require('path').join(__dirname, 'node_modules/socket.io-parser/package.json'))).version}`,
    packets: corpus.length, bytesPerPass, passes, reps, sink: sink > 0,
    decode: rate(count, bytesPerPass * passes, decodeSeconds),
    encode: rate(count, bytesPerPass * passes, encodeSeconds),
    single: { length: single.length, packetsPerSec: singleCount / singleSeconds, checked: singleDecoded > 0 },
}));
