'use strict';
// Deterministic corpus of Socket.IO frames as a StudyConnect client receives them, shared by the
// C++ and the Node benchmark: the same seed always gives the same file.
//
// File format: one packet per line, each line a JSON array [text, base64 attachment...], so that
// text with newlines and binary attachments survive. The frames are produced by socket.io-parser's
// own Encoder, exactly as the server would send them.

const fs = require('fs');
const { Encoder, PacketType } = require('socket.io-parser');

function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const WORDS = (
    'the of and to in is that for it as was with be by on not he this are or his from at which ' +
    'but have an they you were her she there been one all we their has would when if so no what ' +
    'exam lecture notes chapter assignment deadline tomorrow library group project question ' +
    'answer thanks please meeting room slides homework lab report derivative integral matrix ' +
    'theorem proof essay draft review quiz midterm final grade course module tutorial session'
).split(' ');
const FLAVOUR = ['café', 'naïve', 'Zürich', 'Ελλάδα', '東京', 'מבחן', 'résumé', '😀', '👍', '🎉',
    '📚', 'ça va?'];
const NAMES = ['Alice Martin', 'Bao Nguyen', 'Chloé Dubois', 'Dmitri Ivanov', 'Emeka Obi',
    'Fatima Zahra', 'Grace Lee', 'Hiro Tanaka', 'Inès García', 'Jonas Müller', 'Kofi Mensah',
    'Lucía Pérez'];
const STATUSES = ['online', 'away', 'offline'];

function makeGenerator(seed) {
    const random = mulberry32(seed);
    const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
    const pick = (list) => list[int(0, list.length - 1)];
    let clock = Date.UTC(2026, 0, 5, 8, 0, 0);
    const timestamp = () => new Date((clock += int(50, 90000))).toISOString();

    function text(length) {
        let out = '';
        while (out.length < length) {
            const r = random();
            let word = r < 0.04 ? pick(FLAVOUR) : pick(WORDS);
            if (r > 0.985) word = '"' + word + '"';
            else if (r > 0.975) word += '\n';
            else if (r > 0.96) word += ',';
            out += (out && !out.endsWith('\n') ? ' ' : '') + word;
        }
        return out;
    }
    // Message lengths skewed towards short chat lines, up to 2,000 characters.
    const messageLength = () => Math.min(2000, Math.max(20, Math.floor(20 + 1980 * random() ** 2.5)));

    let messageId = 100000;
    let ackId = 1;
    return function next() {
        const r = random();
        if (r < 0.55) {
            return { type: PacketType.EVENT, nsp: '/', data: ['message:received', {
                id: ++messageId, roomId: int(1, 40), senderId: int(1, 500), senderName: pick(NAMES),
                content: text(messageLength()), createdAt: timestamp(), attachments: [] }] };
        }
        if (r < 0.65) {
            return { type: PacketType.EVENT, nsp: '/', data: ['dm:received', {
                id: ++messageId, conversationId: int(1, 900), senderId: int(1, 500),
                recipientId: int(1, 500), content: text(messageLength()), createdAt: timestamp(),
                read: false }] };
        }
        if (r < 0.80) {
            return { type: PacketType.ACK, nsp: '/', id: ackId++, data: [{
                ok: true, id: ++messageId, createdAt: timestamp() }] };
        }
        if (r < 0.92) {
            return { type: PacketType.EVENT, nsp: '/', data: ['user:status', {
                userId: int(1, 500), status: pick(STATUSES) }] };
        }
        if (r < 0.99) {
            return { type: PacketType.EVENT, nsp: '/', data: ['room:userJoined', {
                roomId: int(1, 40), user: { id: int(1, 500), displayName: pick(NAMES),
                    avatarUrl: null, joinedAt: timestamp() }, memberCount: int(2, 300) }] };
        }
        const size = int(256, 16384);
        const bytes = Buffer.alloc(size);
        for (let i = 0; i < size; ++i) bytes[i] = int(0, 255);
        return { type: PacketType.EVENT, nsp: '/', data: ['file:chunk', {
            transferId: int(1, 1e6), index: int(0, 50), last: random() < 0.2, chunk: bytes }] };
    };
}

function generate(count, seed) {
    const next = makeGenerator(seed);
    const encoder = new Encoder();
    const lines = [];
    for (let i = 0; i < count; ++i) {
        const frames = encoder.encode(next());
        lines.push(JSON.stringify(frames.map((f, j) => (j === 0 ? f : Buffer.from(f).toString('base64')))));
    }
    return lines.join('\n') + '\n';
}

// Reads the file back as [{ text, attachments: [Buffer] }].
function load(path) {
    return fs.readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => {
        const [text, ...attachments] = JSON.parse(line);
        return { text, attachments: attachments.map((b) => Buffer.from(b, 'base64')) };
    });
}

// The reference packet of the brief's measurements: a 717-character message:received frame.
function singleMessage() {
    const content = 'x'.repeat(1);
    const packet = { type: PacketType.EVENT, nsp: '/', data: ['message:received', {
        id: 4242, roomId: 7, senderId: 3, senderName: 'Chloé Dubois', content,
        createdAt: '2026-01-05T10:11:12.345Z', attachments: [] }] };
    const base = new Encoder().encode(packet)[0].length - content.length;
    packet.data[1].content = makeGeneratorText(717 - base);
    // Escapes make the frame longer than its text: trim until it is 717 characters at most.
    let frame = new Encoder().encode(packet)[0];
    while (frame.length > 717) {
        packet.data[1].content = packet.data[1].content.slice(0, -1);
        frame = new Encoder().encode(packet)[0];
    }
    return frame;
}

function makeGeneratorText(length) {
    let out = 'Reminder: the "group project" draft is due tomorrow.\nPlease review chapter 4 ';
    const random = mulberry32(7);
    while (out.length < length) out += WORDS[Math.floor(random() * WORDS.length)] + ' ';
    return out.slice(0, length);
}

module.exports = { generate, load, singleMessage };

if (require.main === module) {
    const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
    const out = args.out || 'corpus.ndjson';
    const count = Number(args.count || 10000);
    const seed = Number(args.seed || 20260105);
    fs.writeFileSync(out, generate(count, seed));
    fs.writeFileSync(out.replace(/\.ndjson$/, '') + '.single.txt', singleMessage());
    console.error(`wrote ${count} packets (seed ${seed}) to ${out}`);
}
