'use strict';

// Study conversations: message:edit and message:delete, in rooms and DMs.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  roomBarrier, query, startServer, connectAs, waitFor, request, receivedOf, http, tokenFor, assertIso, assertPublicUser, USERS, ROOMS, studyGroup,
} = require('../testlib/helpers');
const { ERRORS, MAX_TEXT_LENGTH } = require('../src/constants');

const chem = ROOMS.chemistry; // members: ada, grace (tutor), linus; alan is not one

describe('message:edit and message:delete', () => {
  let server;
  let ada;
  let ada2; // ada's second device, in no room
  let grace;
  let linus;
  let alan;
  before(async () => {
    server = await startServer();
    ({ ada, grace, linus, alan } = await studyGroup(server, chem));
    ada2 = await connectAs(server, 'ada');
  });
  after(() => server.close());

  it('the author edits a room message: message:updated goes to the room, history and search follow', async () => {
    const sent = await request(ada, 'message:send', { roomId: chem, text: 'Esters smell of bananna', clientId: 'e1' });
    const updated = waitFor(linus, 'message:updated');
    const ack = await request(ada, 'message:edit', { kind: 'room', id: sent.id, text: 'Esters smell of banana (isoamyl acetate)' });
    const u = await updated;
    assert.deepEqual(Object.keys(u).sort(), ['editedAt', 'id', 'kind', 'mentions', 'roomId', 'text']);
    assert.deepEqual(u, {
      kind: 'room', id: sent.id, roomId: chem, text: 'Esters smell of banana (isoamyl acetate)', editedAt: u.editedAt, mentions: [],
    });
    assertIso(u.editedAt);
    assert.deepEqual(ack, { ok: true, id: sent.id, editedAt: u.editedAt });
    const history = (await http(server, 'GET', `/api/rooms/${chem}/messages?limit=1`, { token: tokenFor(USERS.grace) })).json;
    assert.deepEqual(history[0], {
      id: sent.id, roomId: chem, sender: history[0].sender, text: u.text, createdAt: sent.createdAt, clientId: 'e1', editedAt: u.editedAt,
    });
    const search = (q) => http(server, 'GET', `/api/search?q=${q}`, { token: tokenFor(USERS.ada) }).then((r) => r.json);
    assert.deepEqual(await search('bananna'), [], 'the old text is gone from the index');
    const found = await search('isoamyl');
    assert.equal(found.length, 1);
    assert.equal(found[0].editedAt, u.editedAt);
    // The same text again: acked with the stored editedAt, nothing announced.
    assert.deepEqual(await request(ada, 'message:edit', { kind: 'room', id: String(sent.id), text: u.text }), ack);
    await roomBarrier(grace, chem, [linus, grace, ada]);
    assert.equal(receivedOf(linus, 'message:updated').length, 1);
    assert.deepEqual(receivedOf(alan, 'message:updated'), [], 'a non-member receives nothing');
    assert.deepEqual(receivedOf(ada2, 'message:updated'), [], 'a socket that is not in the room receives nothing');
  });

  it('message:edit refusals: payload, kind, id, text, unknown, not the author, DM of others, not a member, deleted', async () => {
    const mine = await request(ada, 'message:send', { roomId: chem, text: 'mine' });
    const graces = await request(grace, 'message:send', { roomId: chem, text: 'grace\'s' });
    const othersDm = await request(grace, 'dm:send', { recipientId: USERS.linus, text: 'between grace and linus' });
    const toAda = await request(grace, 'dm:send', { recipientId: USERS.ada, text: 'to ada' });
    const cases = [
      ['x', ERRORS.PAYLOAD_NOT_OBJECT],
      [[mine.id], ERRORS.PAYLOAD_NOT_OBJECT],
      [{ id: mine.id, text: 'x' }, ERRORS.KIND_INVALID],
      [{ kind: 'thread', id: mine.id, text: 'x' }, ERRORS.KIND_INVALID],
      [{ kind: 'room', text: 'x' }, ERRORS.ID_INVALID],
      [{ kind: 'room', id: 'abc', text: 'x' }, ERRORS.ID_INVALID],
      [{ kind: 'room', id: -4, text: 'x' }, ERRORS.ID_INVALID],
      [{ kind: 'room', id: mine.id }, ERRORS.TEXT_INVALID],
      [{ kind: 'room', id: mine.id, text: 5 }, ERRORS.TEXT_INVALID],
      [{ kind: 'room', id: mine.id, text: '   ' }, ERRORS.TEXT_INVALID],
      [{ kind: 'room', id: mine.id, text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }, ERRORS.TEXT_INVALID],
      [{ kind: 'room', id: 999999, text: 'x' }, ERRORS.UNKNOWN_MESSAGE],
      [{ kind: 'room', id: graces.id, text: 'x' }, ERRORS.EDIT_FORBIDDEN],
      [{ kind: 'dm', id: othersDm.id, text: 'x' }, ERRORS.UNKNOWN_MESSAGE],
      [{ kind: 'dm', id: toAda.id, text: 'x' }, ERRORS.EDIT_FORBIDDEN],
      [{ kind: 'dm', id: 999999, text: 'x' }, ERRORS.UNKNOWN_MESSAGE],
    ];
    for (const [payload, error] of cases) {
      assert.deepEqual(await request(ada, 'message:edit', payload), { ok: false, error }, JSON.stringify(payload).slice(0, 80));
    }
    assert.deepEqual(await request(alan, 'message:edit', { kind: 'room', id: graces.id, text: 'x' }), { ok: false, error: ERRORS.NOT_MEMBER });
    // Even a tutor edits only her own messages.
    assert.deepEqual(await request(grace, 'message:edit', { kind: 'room', id: mine.id, text: 'x' }), { ok: false, error: ERRORS.EDIT_FORBIDDEN });
    await request(ada, 'message:delete', { kind: 'room', id: mine.id });
    assert.deepEqual(await request(ada, 'message:edit', { kind: 'room', id: mine.id, text: 'x' }), { ok: false, error: ERRORS.MESSAGE_DELETED });
    const history = (await http(server, 'GET', `/api/rooms/${chem}/messages?limit=5`, { token: tokenFor(USERS.ada) })).json;
    assert.equal(history.find((m) => m.id === graces.id).text, 'grace\'s', 'nothing was changed');
    assert.equal((await http(server, 'GET', `/api/dms/${USERS.ada}?limit=1`, { token: tokenFor(USERS.grace) })).json[0].text, 'to ada');
  });

  it('a DM edit goes to every socket of both users, and to nobody else', async () => {
    const sent = await request(ada, 'dm:send', { recipientId: USERS.alan, text: 'see you at 3' });
    const events = [ada, ada2, alan].map((s) => waitFor(s, 'message:updated', (u) => u.id === sent.id));
    const ack = await request(ada, 'message:edit', { kind: 'dm', id: sent.id, text: 'see you at 4' });
    const got = await Promise.all(events);
    for (const u of got) {
      assert.deepEqual(u, {
        kind: 'dm', id: sent.id, senderId: USERS.ada, recipientId: USERS.alan, text: 'see you at 4', editedAt: ack.editedAt, mentions: [],
      });
    }
    const dms = (await http(server, 'GET', `/api/dms/${USERS.ada}?limit=1`, { token: tokenFor(USERS.alan) })).json;
    assert.equal(dms[0].editedAt, ack.editedAt);
    assert.equal(dms[0].text, 'see you at 4');
    await roomBarrier(ada, chem, [grace, linus]);
    assert.deepEqual(receivedOf(grace, 'message:updated').filter(([, u]) => u.kind === 'dm'), []);
    assert.deepEqual(receivedOf(linus, 'message:updated').filter(([, u]) => u.kind === 'dm'), []);
  });

  it('the author deletes: message:deleted to the room; history keeps { id, roomId, sender, createdAt, deleted, deletedAt }; search drops it', async () => {
    const sent = await request(linus, 'message:send', { roomId: chem, text: 'wrong answer: quokka', clientId: 'd1' });
    const deleted = waitFor(ada, 'message:deleted');
    const ack = await request(linus, 'message:delete', { kind: 'room', id: sent.id });
    const d = await deleted;
    assert.deepEqual(d, { kind: 'room', id: sent.id, roomId: chem, deletedAt: d.deletedAt });
    assertIso(d.deletedAt);
    assert.deepEqual(ack, { ok: true, id: sent.id, deletedAt: d.deletedAt });
    const history = (await http(server, 'GET', `/api/rooms/${chem}/messages?limit=1`, { token: tokenFor(USERS.ada) })).json;
    assert.deepEqual(Object.keys(history[0]).sort(), ['createdAt', 'deleted', 'deletedAt', 'id', 'roomId', 'sender']);
    assert.equal(history[0].deleted, true);
    assert.equal(history[0].deletedAt, d.deletedAt);
    assertPublicUser(history[0].sender, USERS.linus);
    assert.deepEqual((await http(server, 'GET', '/api/search?q=quokka', { token: tokenFor(USERS.ada) })).json, []);
    const [stored] = await query(server, 'SELECT text FROM messages WHERE id = ?', sent.id);
    assert.equal(stored.text, '', 'the text is removed on the server');
    // Deleting again: the first deletion's time, nothing announced.
    assert.deepEqual(await request(linus, 'message:delete', { kind: 'room', id: sent.id }), ack);
    await roomBarrier(grace, chem, [ada, grace, linus]);
    assert.equal(receivedOf(ada, 'message:deleted').filter(([, x]) => x.id === sent.id).length, 1);
    assert.deepEqual(receivedOf(alan, 'message:deleted'), []);
    // A clientId retry still answers with the (deleted) message's id, and stores nothing.
    const retry = await request(linus, 'message:send', { roomId: chem, text: 'wrong answer: quokka', clientId: 'd1' });
    assert.equal(retry.duplicate, true);
    assert.equal(retry.id, sent.id);
  });

  it('a tutor deletes a student\'s room message; a student may not delete others\' messages; DMs only by their author', async () => {
    const student = await request(ada, 'message:send', { roomId: chem, text: 'off topic' });
    assert.deepEqual(await request(linus, 'message:delete', { kind: 'room', id: student.id }), { ok: false, error: ERRORS.DELETE_FORBIDDEN });
    assert.deepEqual(await request(alan, 'message:delete', { kind: 'room', id: student.id }), { ok: false, error: ERRORS.NOT_MEMBER });
    const deleted = waitFor(linus, 'message:deleted', (d) => d.id === student.id);
    assert.equal((await request(grace, 'message:delete', { kind: 'room', id: student.id })).ok, true);
    await deleted;

    const toGrace = await request(ada, 'dm:send', { recipientId: USERS.grace, text: 'a DM to the tutor' });
    assert.deepEqual(await request(grace, 'message:delete', { kind: 'dm', id: toGrace.id }), { ok: false, error: ERRORS.DELETE_FORBIDDEN },
      'a tutor has no say over DMs');
    assert.deepEqual(await request(linus, 'message:delete', { kind: 'dm', id: toGrace.id }), { ok: false, error: ERRORS.UNKNOWN_MESSAGE },
      'a DM between two others');
    for (const [payload, error] of [
      [null, ERRORS.PAYLOAD_NOT_OBJECT],
      [{ kind: 'DM', id: toGrace.id }, ERRORS.KIND_INVALID],
      [{ kind: 'dm', id: 1.5 }, ERRORS.ID_INVALID],
      [{ kind: 'dm', id: 999999 }, ERRORS.UNKNOWN_MESSAGE],
    ]) assert.deepEqual(await request(ada, 'message:delete', payload), { ok: false, error });

    const events = [ada, ada2, grace].map((s) => waitFor(s, 'message:deleted', (d) => d.id === toGrace.id));
    const ack = await request(ada, 'message:delete', { kind: 'dm', id: toGrace.id });
    for (const d of await Promise.all(events)) {
      assert.deepEqual(d, { kind: 'dm', id: toGrace.id, senderId: USERS.ada, recipientId: USERS.grace, deletedAt: ack.deletedAt });
    }
    const dms = (await http(server, 'GET', `/api/dms/${USERS.ada}?limit=1`, { token: tokenFor(USERS.grace) })).json;
    assert.deepEqual(Object.keys(dms[0]).sort(), ['createdAt', 'deleted', 'deletedAt', 'id', 'recipientId', 'sender']);
    const list = (await http(server, 'GET', '/api/dms', { token: tokenFor(USERS.grace) })).json;
    assert.equal(list.find((c) => c.user.id === USERS.ada).lastMessage.deleted, true);
    assert.deepEqual(receivedOf(linus, 'message:deleted').filter(([, d]) => d.kind === 'dm'), []);
  });

  it('a deleted thread reply still counts, and its thread still lists it as deleted', async () => {
    const root = await request(ada, 'message:send', { roomId: chem, text: 'thread root' });
    const reply = await request(linus, 'message:send', { roomId: chem, text: 'thread reply', threadId: root.id });
    const deleted = waitFor(ada, 'message:deleted', (d) => d.id === reply.id);
    await request(linus, 'message:delete', { kind: 'room', id: reply.id });
    assert.deepEqual(await deleted, { kind: 'room', id: reply.id, roomId: chem, threadId: root.id, deletedAt: (await deleted).deletedAt });
    const thread = (await http(server, 'GET', `/api/rooms/${chem}/threads/${root.id}`, { token: tokenFor(USERS.ada) })).json;
    assert.equal(thread[0].deleted, true);
    assert.equal(thread[0].threadId, root.id);
    assert.deepEqual(server.logger.errors, []);
  });
});
