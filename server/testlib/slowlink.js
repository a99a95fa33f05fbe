'use strict';

// A TCP proxy that delivers every chunk `delayMs` late, in order, both ways: a process behind it
// talks to Redis over a slow network link, so its broadcasts reach the other processes late.

const net = require('node:net');

/** Forwards `from` to `to`, each chunk `delayMs` after it came, never reordered. */
function forwardLate(from, to, delayMs) {
  let queue = Promise.resolve();
  from.on('data', (chunk) => {
    queue = queue
      .then(() => new Promise((resolve) => setTimeout(resolve, delayMs)))
      .then(() => {
        if (!to.destroyed) to.write(chunk);
      });
  });
  from.on('close', () => queue.then(() => to.destroy()));
  from.on('error', () => {});
}

/** Listens on a free local port; resolves to { url, close() } with the URL's scheme kept. */
async function startSlowLink(targetUrl, delayMs) {
  const target = new URL(targetUrl);
  const connections = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    connections.add(client).add(upstream);
    forwardLate(client, upstream, delayMs);
    forwardLate(upstream, client, delayMs);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(server.address().port);
  return {
    url: url.toString().replace(/\/$/, ''),
    close: () => {
      for (const socket of connections) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

module.exports = { startSlowLink };
