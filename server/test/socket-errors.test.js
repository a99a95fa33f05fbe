'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, connectAs, request, waitFor, USERS, ROOMS } = require('../testlib/helpers');

describe('internal errors in handlers', () => {
  let server;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('a failing database write is logged, acked as Internal server error, not broadcast, and the server keeps serving', async () => {
    const ada = await connectAs(server, 'ada');
    const alan = await connectAs(server, 'alan');
    await request(ada, 'room:join', ROOMS.calculus);
    await request(alan, 'room:join', ROOMS.calculus);
    const { createMessage, createDirectMessage } = server.store;
    server.store.createMessage = () => {
      throw new Error('SQLITE_FULL: database or disk is full (simulated)');
    };
    server.store.createDirectMessage = server.store.createMessage;
    try {
      assert.deepEqual(await request(ada, 'message:send', { roomId: ROOMS.calculus, text: 'lost' }), {
        ok: false,
        error: 'Internal server error',
      });
      assert.deepEqual(await request(ada, 'dm:send', { recipientId: USERS.alan, text: 'lost' }), {
        ok: false,
        error: 'Internal server error',
      });
      ada.emit('message:send', { roomId: ROOMS.calculus, text: 'lost, no ack' }); // must not crash either
      // Events on one connection are handled in order: once this is acked, the one above was handled.
      assert.equal((await request(ada, 'message:send', { roomId: ROOMS.calculus, text: 'lost 3' })).ok, false);
    } finally {
      server.store.createMessage = createMessage;
      server.store.createDirectMessage = createDirectMessage;
    }
    const got = waitFor(alan, 'message:received', (m) => m.text === 'works again');
    await request(ada, 'message:send', { roomId: ROOMS.calculus, text: 'works again' });
    await got;
    assert.equal(alan.received.filter(([e, m]) => e === 'message:received' && m.text.startsWith('lost')).length, 0);
    assert.equal(server.logger.errors.length, 4);
    assert.match(String(server.logger.errors[0][0]), /message:send handler failed for user 1/);
    ada.disconnect();
    alan.disconnect();
  });
});
