// A reverse proxy in front of the fixture server that behaves like a network without WebSocket:
// it forwards plain HTTP requests and answers 403 to every `Upgrade: websocket`, as nginx does
// without the Upgrade headers or a corporate proxy that filters them. Configured by environment:
//   PORT, TARGET_PORT (the fixture server on 127.0.0.1),
//   CUT_POLLS=n, CUT_AFTER_MS (cut the first n long-polls still open after that long with a
//   504, as a proxy with a short read timeout does).
// GET /__stats answers {"webSocketsRefused": n, "probesRefused": n, "requests": n, "pollsCut": n}:
// a WebSocket opened first has no sid, an upgrade probe has one.
'use strict';

const http = require('node:http');

const targetPort = Number(process.env.TARGET_PORT);
let cutsLeft = Number(process.env.CUT_POLLS || 0);
const cutAfter = Number(process.env.CUT_AFTER_MS || 500);
const stats = { webSocketsRefused: 0, probesRefused: 0, requests: 0, pollsCut: 0 };

const server = http.createServer((req, res) => {
  if (req.url === '/__stats') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(stats));
    return;
  }
  stats.requests += 1;
  const upstream = http.request(
    { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers },
    (upstreamRes) => {
      if (res.headersSent || res.writableEnded) return;
      res.writeHead(upstreamRes.statusCode, upstreamRes.headers);
      upstreamRes.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  const isPoll = req.method === 'GET' && req.url.includes('sid=');
  if (isPoll && cutsLeft > 0) {
    const timer = setTimeout(() => {
      if (res.headersSent || cutsLeft <= 0) return;
      cutsLeft -= 1;
      stats.pollsCut += 1;
      upstream.destroy();
      res.writeHead(504, { 'Content-Type': 'text/plain' });
      res.end('Gateway Timeout');
    }, cutAfter);
    res.on('close', () => clearTimeout(timer));
  }
  req.pipe(upstream);
});

server.on('upgrade', (req, socket) => {
  if (req.url.includes('sid=')) stats.probesRefused += 1;
  else stats.webSocketsRefused += 1;
  socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
});

server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(`no-websocket proxy listening on ${server.address().port}`);
});
