// A fake Engine.IO server that speaks long-polling correctly until it sends one malformed
// payload, chosen by GARBAGE:
//   open-garbage   the handshake response is not a payload at all
//   empty-packet   "4…" then an empty packet between two separators
//   bad-type       a packet whose type is not 0-6 or b
//   bad-base64     a binary packet that is not base64
//   invalid-utf8   bytes that are not UTF-8
//   trailing-sep   a payload that ends with a separator
// Configured by PORT. Every other request is answered as a real server would.
'use strict';

const http = require('node:http');

const garbage = {
  'empty-packet': Buffer.from('42["tick",1]\x1e\x1e42["tick",2]'),
  'bad-type': Buffer.from('42["tick",1]\x1e9what'),
  'bad-base64': Buffer.from('b*AEC\x1e42["tick",1]'),
  'invalid-utf8': Buffer.from([0x34, 0x32, 0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]),
  'trailing-sep': Buffer.from('42["tick",1]\x1e'),
};
const mode = process.env.GARBAGE || 'bad-type';
const open = '0{"sid":"fake-sid","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}';
let polls = 0;

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const send = (body) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8' });
    res.end(body);
  };
  if (req.method === 'POST') {
    req.resume();
    req.on('end', () => send('ok'));
    return;
  }
  if (!url.searchParams.get('sid')) {
    send(mode === 'open-garbage' ? Buffer.from('<html>not engine.io</html>') : open);
    return;
  }
  polls += 1;
  // The first poll answers the CONNECT, the second carries the garbage.
  if (polls === 1) send('40{"sid":"fake-socket"}');
  else send(garbage[mode] || garbage['bad-type']);
});

server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(`malformed polling server listening on ${server.address().port}`);
});
