'use strict';

// Study conversations: reactions (rooms and DMs) and pins (rooms, tutors only).

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  roomBarrier, startServer, connectAs, waitFor, request, receivedOf, http, tokenFor, USERS, ROOMS, studyGroup } = require('../testlib/helpers');
const { isSingleEmoji } = require('../src/emoji');
const { ERRORS, MAX_REACTION_EMOJI, MAX_PINS, MAX_EMOJI_LENGTH } = require('../src/constants');

const chem = ROOMS.chemistry; // members: ada, grace (tutor), linus; alan is not one

describe('emoji validation', () => {
  it('accepts one emoji: plain, with variation selector or skin tone, ZWJ sequences, flags, keycaps', () => {
    for (const e of ['👍', '❤️', '❤', '😀', '👍🏽', '👩‍💻', '👨‍👩‍👧‍👦', '🇩🇪', '1️⃣', '#⃣', '🏴󠁧󠁢󠁥󠁮󠁧󠁿']) assert.ok(isSingleEmoji(e), e);
  });
  it('refuses text, several emoji, half a flag, and what is no string', () => {
    for (const e of ['a', 'ab', '1', ' 👍', '👍 ', '👍👍', '👍a', '', '🇩', '\u200D', '\u20E3', 'é', ':+1:', 5, null, ['👍']]) {
      assert.ok(!isSingleEmoji(e), JSON.stringify(e));
    }
    assert.ok(!isSingleEmoji('👍'.repeat(MAX_EMOJI_LENGTH)));
  });
});

describe('reactions', () => {
  let server;
  let ada;
  let ada2;
  let grace;
  let linus;
  let alan;
  before(async () => {
    server = await startServer();
    ({ ada, grace, linus, alan } = await studyGroup(server, chem));
    ada2 = await connectAs(server, 'ada');
  });
  after(() => server.close());

  it('reaction:add / reaction:remove broadcast message:reactions to the room; idempotent per user; history carries reactions', async () => {
    const sent = await request(linus, 'message:send', { roomId: chem, text: 'Titration done!' });
    let got = waitFor(linus, 'message:reactions');
    const ack = await request(ada, 'reaction:add', { kind: 'room', messageId: sent.id, emoji: '👍' });
    let r = await got;
    assert.deepEqual(r, { kind: 'room', id: sent.id, roomId: chem, reactions: [{ emoji: '👍', count: 1, userIds: [USERS.ada] }] });
    assert.deepEqual(ack, { ok: true, id: sent.id, reactions: r.reactions });
    got = waitFor(linus, 'message:reactions');
    await request(grace, 'reaction:add', { kind: 'room', messageId: String(sent.id), emoji: '👍' });
    await request(grace, 'reaction:add', { kind: 'room', messageId: sent.id, emoji: '🎉' });
    r = await got;
    assert.deepEqual(r.reactions, [{ emoji: '👍', count: 2, userIds: [USERS.ada, USERS.grace] }]);
    // The same reaction again: acked with the current list, nothing announced.
    const again = await request(ada, 'reaction:add', { kind: 'room', messageId: sent.id, emoji: '👍' });
    const expected = [{ emoji: '👍', count: 2, userIds: [USERS.ada, USERS.grace] }, { emoji: '🎉', count: 1, userIds: [USERS.grace] }];
    assert.deepEqual(again, { ok: true, id: sent.id, reactions: expected });
    const history = (await http(server, 'GET', `/api/rooms/${chem}/messages?limit=1`, { token: tokenFor(USERS.alan) })).json;
    assert.deepEqual(history[0].reactions, expected);
    const removed = waitFor(linus, 'message:reactions', (x) => x.reactions.length === 1);
    await request(grace, 'reaction:remove', { kind: 'room', messageId: sent.id, emoji: '🎉' });
    assert.deepEqual((await removed).reactions, [expected[0]]);
    // Removing what is not there is acked and not announced.
    assert.deepEqual(await request(grace, 'reaction:remove', { kind: 'room', messageId: sent.id, emoji: '🎉' }),
      { ok: true, id: sent.id, reactions: [expected[0]] });
    await roomBarrier(ada, chem, [ada, grace, linus]);
    assert.equal(receivedOf(linus, 'message:reactions').length, 4);
    assert.deepEqual(receivedOf(alan, 'message:reactions'), [], 'a non-member receives nothing');
    assert.deepEqual(receivedOf(ada2, 'message:reactions'), [], 'a socket not in the room receives nothing');
    // Without reactions there is no reactions field.
    const plain = (await http(server, 'GET', `/api/rooms/${chem}/messages?limit=1`, { token: tokenFor(USERS.ada) })).json[0];
    assert.equal(plain.reactions, undefined);
  });

  it('refusals: payload, kind, messageId, emoji, unknown, DM of others, not a member, deleted', async () => {
    const sent = await request(linus, 'message:send', { roomId: chem, text: 'react to me' });
    const othersDm = await request(grace, 'dm:send', { recipientId: USERS.linus, text: 'private' });
    const cases = [
      [undefined, ERRORS.PAYLOAD_NOT_OBJECT],
      [{ messageId: sent.id, emoji: '👍' }, ERRORS.KIND_INVALID],
      [{ kind: 'room', emoji: '👍' }, ERRORS.INVALID_MESSAGE_ID],
      [{ kind: 'room', messageId: '1x', emoji: '👍' }, ERRORS.INVALID_MESSAGE_ID],
      [{ kind: 'room', messageId: sent.id }, ERRORS.EMOJI_INVALID],
      [{ kind: 'room', messageId: sent.id, emoji: 'a' }, ERRORS.EMOJI_INVALID],
      [{ kind: 'room', messageId: sent.id, emoji: 'ab' }, ERRORS.EMOJI_INVALID],
      [{ kind: 'room', messageId: sent.id, emoji: '👍👍' }, ERRORS.EMOJI_INVALID],
      [{ kind: 'room', messageId: sent.id, emoji: '😀'.repeat(40) }, ERRORS.EMOJI_INVALID],
      [{ kind: 'room', messageId: sent.id, emoji: 128077 }, ERRORS.EMOJI_INVALID],
      [{ kind: 'room', messageId: 999999, emoji: '👍' }, ERRORS.UNKNOWN_MESSAGE],
      [{ kind: 'dm', messageId: othersDm.id, emoji: '👍' }, ERRORS.UNKNOWN_MESSAGE],
    ];
    for (const event of ['reaction:add', 'reaction:remove']) {
      for (const [payload, error] of cases) {
        assert.deepEqual(await request(ada, event, payload), { ok: false, error }, `${event} ${JSON.stringify(payload)}`);
      }
    }
    assert.deepEqual(await request(alan, 'reaction:add', { kind: 'room', messageId: sent.id, emoji: '👍' }), { ok: false, error: ERRORS.NOT_MEMBER });
    await request(ada, 'reaction:add', { kind: 'room', messageId: sent.id, emoji: '👍' });
    await request(linus, 'message:delete', { kind: 'room', id: sent.id });
    assert.deepEqual(await request(ada, 'reaction:add', { kind: 'room', messageId: sent.id, emoji: '👍' }), { ok: false, error: ERRORS.MESSAGE_DELETED });
    const history = (await http(server, 'GET', `/api/rooms/${chem}/messages?limit=1`, { token: tokenFor(USERS.ada) })).json;
    assert.equal(history[0].reactions, undefined, 'a deleted message loses its reactions');
  });

  it(`at most ${MAX_REACTION_EMOJI} distinct emoji per message; more people may still use one that is there`, async () => {
    const sent = await request(linus, 'message:send', { roomId: chem, text: 'many reactions' });
    const emoji = [...'😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙😚🙂🤗🤩'];
    for (const e of emoji.slice(0, MAX_REACTION_EMOJI)) {
      assert.equal((await request(ada, 'reaction:add', { kind: 'room', messageId: sent.id, emoji: e })).ok, true, e);
    }
    assert.deepEqual(await request(grace, 'reaction:add', { kind: 'room', messageId: sent.id, emoji: emoji[MAX_REACTION_EMOJI] }),
      { ok: false, error: ERRORS.TOO_MANY_REACTIONS });
    const ack = await request(grace, 'reaction:add', { kind: 'room', messageId: sent.id, emoji: emoji[0] });
    assert.deepEqual(ack.reactions[0], { emoji: emoji[0], count: 2, userIds: [USERS.ada, USERS.grace] });
    assert.equal(ack.reactions.length, MAX_REACTION_EMOJI);
  });

  it('DM reactions go to every socket of both users and nobody else; GET /api/dms/:userId carries them', async () => {
    const sent = await request(alan, 'dm:send', { recipientId: USERS.ada, text: 'passed the exam!' });
    const events = [ada, ada2, alan].map((s) => waitFor(s, 'message:reactions', (x) => x.id === sent.id));
    await request(ada, 'reaction:add', { kind: 'dm', messageId: sent.id, emoji: '🎉' });
    for (const r of await Promise.all(events)) {
      assert.deepEqual(r, {
        kind: 'dm', id: sent.id, senderId: USERS.alan, recipientId: USERS.ada, reactions: [{ emoji: '🎉', count: 1, userIds: [USERS.ada] }],
      });
    }
    const dms = (await http(server, 'GET', `/api/dms/${USERS.ada}?limit=1`, { token: tokenFor(USERS.alan) })).json;
    assert.deepEqual(dms[0].reactions, [{ emoji: '🎉', count: 1, userIds: [USERS.ada] }]);
    await roomBarrier(ada, chem, [grace, linus]);
    assert.deepEqual(receivedOf(grace, 'message:reactions').filter(([, x]) => x.kind === 'dm'), []);
    assert.deepEqual(server.logger.errors, []);
  });
});

describe('pins', () => {
  let server;
  let ada;
  let grace;
  let linus;
  let alan;
  before(async () => {
    server = await startServer();
    ({ ada, grace, linus, alan } = await studyGroup(server, chem));
  });
  after(() => server.close());

  it('a tutor pins and unpins: room:pins to the room, GET /api/rooms/:id/pins and pinnedCount follow; idempotent', async () => {
    const a = await request(ada, 'message:send', { roomId: chem, text: 'Exam: Friday 9am, room B' });
    const b = await request(linus, 'message:send', { roomId: chem, text: 'Formula sheet allowed' });
    let got = waitFor(ada, 'room:pins');
    const ack = await request(grace, 'message:pin', { roomId: String(chem), messageId: a.id });
    assert.deepEqual(await got, { roomId: chem, pins: [a.id] });
    assert.deepEqual(ack, { ok: true, roomId: chem, pins: [a.id] });
    got = waitFor(ada, 'room:pins');
    await request(grace, 'message:pin', { roomId: chem, messageId: b.id });
    assert.deepEqual(await got, { roomId: chem, pins: [a.id, b.id] });
    assert.deepEqual(await request(grace, 'message:pin', { roomId: chem, messageId: b.id }), { ok: true, roomId: chem, pins: [a.id, b.id] });
    const pins = (await http(server, 'GET', `/api/rooms/${chem}/pins`, { token: tokenFor(USERS.alan) })).json;
    assert.deepEqual(pins.map((m) => [m.id, m.text]), [[a.id, 'Exam: Friday 9am, room B'], [b.id, 'Formula sheet allowed']]);
    const rooms = (await http(server, 'GET', '/api/rooms', { token: tokenFor(USERS.ada) })).json;
    assert.deepEqual(rooms.map((r) => r.pinnedCount), [0, 2, 0, 0]);
    got = waitFor(linus, 'room:pins');
    assert.deepEqual(await request(grace, 'message:unpin', { roomId: chem, messageId: a.id }), { ok: true, roomId: chem, pins: [b.id] });
    assert.deepEqual(await got, { roomId: chem, pins: [b.id] });
    assert.deepEqual(await request(grace, 'message:unpin', { roomId: chem, messageId: a.id }), { ok: true, roomId: chem, pins: [b.id] });
    await roomBarrier(grace, chem, [ada, grace, linus]);
    assert.equal(receivedOf(linus, 'room:pins').length, 3);
    assert.deepEqual(receivedOf(alan, 'room:pins'), [], 'a non-member receives nothing');
  });

  it('refusals: payload, roomId, messageId, not a tutor, not a member, message of another room, deleted', async () => {
    const sent = await request(ada, 'message:send', { roomId: chem, text: 'pin me?' });
    const calc = (await http(server, 'GET', `/api/rooms/${ROOMS.calculus}/messages?limit=1`, { token: tokenFor(USERS.ada) })).json[0];
    for (const event of ['message:pin', 'message:unpin']) {
      for (const [who, payload, error] of [
        [grace, 7, ERRORS.PAYLOAD_NOT_OBJECT],
        [grace, { messageId: sent.id }, ERRORS.INVALID_ROOM_ID],
        [grace, { roomId: 999, messageId: sent.id }, ERRORS.UNKNOWN_ROOM],
        [grace, { roomId: chem, messageId: 'x' }, ERRORS.INVALID_MESSAGE_ID],
        [ada, { roomId: chem, messageId: sent.id }, ERRORS.PIN_FORBIDDEN],
        [grace, { roomId: chem, messageId: calc.id }, ERRORS.UNKNOWN_MESSAGE],
        [grace, { roomId: chem, messageId: 999999 }, ERRORS.UNKNOWN_MESSAGE],
      ]) assert.deepEqual(await request(who, event, payload), { ok: false, error }, `${event} ${JSON.stringify(payload)}`);
    }
    // A tutor who is no member of the room: grace leaves Algorithms.
    await request(grace, 'room:leave', ROOMS.algorithms);
    const algo = (await http(server, 'GET', `/api/rooms/${ROOMS.algorithms}/messages?limit=1`, { token: tokenFor(USERS.ada) })).json[0];
    assert.deepEqual(await request(grace, 'message:pin', { roomId: ROOMS.algorithms, messageId: algo.id }), { ok: false, error: ERRORS.NOT_MEMBER });
    await request(ada, 'message:delete', { kind: 'room', id: sent.id });
    assert.deepEqual(await request(grace, 'message:pin', { roomId: chem, messageId: sent.id }), { ok: false, error: ERRORS.MESSAGE_DELETED });
  });

  it('deleting a pinned message unpins it (room:pins), and a room has at most 50 pins', async () => {
    const sent = await request(linus, 'message:send', { roomId: chem, text: 'pinned, then deleted' });
    await request(grace, 'message:pin', { roomId: chem, messageId: sent.id });
    const before = await server.store.pinIds(chem);
    const got = waitFor(ada, 'room:pins', (p) => !p.pins.includes(sent.id));
    await request(linus, 'message:delete', { kind: 'room', id: sent.id });
    assert.deepEqual((await got).pins, before.filter((id) => id !== sent.id));

    await request(ada, 'room:join', ROOMS.calculus);
    const ids = (await http(server, 'GET', `/api/rooms/${ROOMS.calculus}/messages?limit=100`, { token: tokenFor(USERS.ada) })).json.map((m) => m.id);
    for (let i = 0; ids.length <= MAX_PINS; i += 1) ids.push((await request(ada, 'message:send', { roomId: ROOMS.calculus, text: `n${i}` })).id);
    await request(grace, 'room:join', ROOMS.calculus);
    for (const id of ids.slice(0, MAX_PINS)) assert.equal((await server.store.pin(ROOMS.calculus, id, USERS.grace, MAX_PINS)).changed, true);
    assert.deepEqual(await request(grace, 'message:pin', { roomId: ROOMS.calculus, messageId: ids[MAX_PINS] }), { ok: false, error: ERRORS.TOO_MANY_PINS });
    assert.equal((await http(server, 'GET', `/api/rooms/${ROOMS.calculus}/pins`, { token: tokenFor(USERS.ada) })).json.length, MAX_PINS);
    assert.equal((await http(server, 'GET', '/api/rooms/999/pins', { token: tokenFor(USERS.ada) })).status, 404);
    assert.equal((await http(server, 'GET', '/api/rooms/x/pins', { token: tokenFor(USERS.ada) })).status, 400);
    assert.deepEqual(server.logger.errors, []);
  });
});
