'use strict';

// Attachments on message:send and dm:send, and who may fetch a file: the uploader, the members of
// a room with a message carrying it, the two users of a DM carrying it.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  startServer, studyGroup, request, waitFor, receivedOf, http, query, tokenFor, USERS, ROOMS,
} = require('../testlib/helpers');
const { uploaded, download, png } = require('../testlib/files');
const { ERRORS } = require('../src/constants');

const chem = ROOMS.chemistry; // members: Ada, Grace, Linus; Alan is not one

describe('files: attachments and who may fetch a file', () => {
  let server;
  let ada;
  let grace;
  let linus;
  let alan;
  const token = (name) => tokenFor(USERS[name]);
  const status = async (name, id) => (await download(server, token(name), id, {}, 'HEAD')).status;
  const file = (name = 'notes.txt', content = `content of ${name} ${Math.random()}`) =>
    uploaded(server, token('ada'), { name, content: Buffer.from(content) });
  const meta = ({ id, name, size, mimeType, width, height }) =>
    (width !== undefined ? { id, name, size, mimeType, width, height } : { id, name, size, mimeType });

  before(async () => {
    server = await startServer();
    ({ ada, grace, linus, alan } = await studyGroup(server, chem));
  });
  after(() => server.close());

  it('before it is sent, only the uploader may fetch a file (403 for the others)', async () => {
    const f = await file();
    assert.equal(await status('ada', f.id), 200);
    for (const name of ['grace', 'linus', 'alan']) {
      const res = await download(server, token(name), f.id);
      assert.equal(res.status, 403, name);
      assert.deepEqual(res.json, { error: 'You may not see this file' });
    }
  });

  it('sent to a room: the message carries the metadata live, and the members may fetch it; others may not', async () => {
    const photo = await uploaded(server, token('ada'), { name: 'worked problem.png', content: png(40, 30) });
    const doc = await file('lecture.txt');
    const atGrace = waitFor(grace, 'message:received', (m) => m.text === 'see attached');
    const atAda = waitFor(ada, 'message:received', (m) => m.text === 'see attached');
    const ack = await request(ada, 'message:send', { roomId: chem, text: 'see attached', attachments: [photo.id, doc.id] });
    assert.equal(ack.ok, true);
    const expected = [meta(photo), meta(doc)];
    assert.deepEqual(expected[0], { id: photo.id, name: 'worked problem.png', size: photo.size, mimeType: 'image/png', width: 40, height: 30 });
    for (const event of [await atGrace, await atAda]) {
      assert.equal(event.id, ack.id);
      assert.deepEqual(event.attachments, expected);
    }
    assert.equal(await status('grace', photo.id), 200);
    assert.equal(await status('linus', doc.id), 200);
    assert.equal(await status('alan', photo.id), 403, 'not a member of the room');
    // A member who leaves loses it with the history; joining again gives it back.
    assert.equal((await request(linus, 'room:leave', chem)).ok, true);
    assert.equal(await status('linus', doc.id), 403);
    assert.equal((await request(linus, 'room:join', chem)).ok, true);
    assert.equal(await status('linus', doc.id), 200);
  });

  it('sent as a DM: the sender and the recipient may fetch it, a third user may not; the text may be empty', async () => {
    const f = await file('for alan.txt');
    const atAlan = waitFor(alan, 'dm:received', (m) => m.attachments && m.attachments[0].id === f.id);
    const echo = waitFor(ada, 'dm:received', (m) => m.attachments && m.attachments[0].id === f.id);
    const ack = await request(ada, 'dm:send', { recipientId: USERS.alan, text: '', attachments: [f.id] });
    assert.equal(ack.ok, true);
    const got = await atAlan;
    assert.equal(got.text, '');
    assert.deepEqual(got.attachments, [meta(f)]);
    assert.equal((await echo).recipientId, USERS.alan);
    assert.deepEqual((await echo).attachments, [meta(f)]);
    assert.equal(await status('alan', f.id), 200);
    assert.equal(await status('grace', f.id), 403);
    assert.equal(await status('linus', f.id), 403);
    const history = (await http(server, 'GET', `/api/dms/${USERS.ada}`, { token: token('alan') })).json;
    assert.deepEqual(history.find((m) => m.id === ack.id).attachments, [meta(f)]);
  });

  it('history pages, thread pages, pins and search carry the attachments; messages without any have no field', async () => {
    const f = await file('quokka.txt');
    const root = await request(ada, 'message:send', { roomId: chem, text: 'quokka facts', attachments: [f.id] });
    const plain = await request(ada, 'message:send', { roomId: chem, text: 'no files here' });
    const g = await uploaded(server, token('grace'), { name: 'reply.png', content: png(2, 2) });
    const reply = await request(grace, 'message:send', { roomId: chem, text: 'quokka reply', threadId: root.id, attachments: [g.id] });
    assert.equal(reply.ok, true);

    const page = (await http(server, 'GET', `/api/rooms/${chem}/messages`, { token: token('linus') })).json;
    assert.deepEqual(page.find((m) => m.id === root.id).attachments, [meta(f)]);
    assert.equal('attachments' in page.find((m) => m.id === plain.id), false);
    const thread = (await http(server, 'GET', `/api/rooms/${chem}/threads/${root.id}`, { token: token('linus') })).json;
    assert.deepEqual(thread.find((m) => m.id === reply.id).attachments, [meta(g)]);
    assert.equal(await status('linus', g.id), 200, 'a file in a thread reply: the room decides');

    assert.equal((await request(grace, 'message:pin', { roomId: chem, messageId: root.id })).ok, true);
    const pins = (await http(server, 'GET', `/api/rooms/${chem}/pins`, { token: token('ada') })).json;
    assert.deepEqual(pins.find((m) => m.id === root.id).attachments, [meta(f)]);

    const dmFile = await file('quokka dm.txt');
    const dm = await request(ada, 'dm:send', { recipientId: USERS.grace, text: 'a quokka for you', attachments: [dmFile.id] });
    const found = (await http(server, 'GET', '/api/search?q=quokka', { token: token('grace') })).json;
    assert.deepEqual(found.find((r) => r.kind === 'room' && r.id === root.id).attachments, [meta(f)]);
    assert.deepEqual(found.find((r) => r.kind === 'room' && r.id === reply.id).attachments, [meta(g)]);
    assert.deepEqual(found.find((r) => r.kind === 'dm' && r.id === dm.id).attachments, [meta(dmFile)]);
  });

  it('keeps the order sent, collapses duplicates, and takes up to 10', async () => {
    const files = [];
    for (let i = 0; i < 10; i += 1) files.push(await file(`f${i}.txt`));
    const [a, b, c] = files;
    const got = waitFor(linus, 'message:received', (m) => m.text === 'dupes');
    assert.equal((await request(ada, 'message:send', { roomId: chem, text: 'dupes', attachments: [c.id, a.id, c.id, b.id, a.id] })).ok, true);
    assert.deepEqual((await got).attachments.map((x) => x.id), [c.id, a.id, b.id]);
    const ten = await request(ada, 'message:send', { roomId: chem, text: 'ten', attachments: files.map((x) => x.id) });
    assert.equal(ten.ok, true);
    const [row] = await query(server, "SELECT COUNT(*) AS n FROM message_attachments WHERE kind = 'room' AND message_id = ?", ten.id);
    assert.equal(Number(row.n), 10);
  });

  it('refuses attachments that are not an array of at most 10 file ids, and stores nothing', async () => {
    const f = await file();
    const eleven = Array.from({ length: 11 }, () => f.id);
    const [before] = await query(server, 'SELECT COUNT(*) AS n FROM messages');
    const bad = ['abc', f.id, {}, 5, true, [5], [null], [''], ['bad id!'], ['a'.repeat(65)], [[f.id]], [{ id: f.id }], eleven];
    for (const attachments of bad) {
      const room = await request(ada, 'message:send', { roomId: chem, text: 'x', attachments });
      assert.deepEqual(room, { ok: false, error: ERRORS.ATTACHMENTS_INVALID }, JSON.stringify(attachments));
      const dm = await request(ada, 'dm:send', { recipientId: USERS.grace, text: 'x', attachments });
      assert.deepEqual(dm, { ok: false, error: ERRORS.ATTACHMENTS_INVALID }, JSON.stringify(attachments));
    }
    assert.equal(ERRORS.ATTACHMENTS_INVALID, 'attachments must be an array of at most 10 file ids');
    const [afterwards] = await query(server, 'SELECT COUNT(*) AS n FROM messages');
    assert.equal(Number(afterwards.n), Number(before.n));
  });

  it('an empty text needs an attachment; the text is still checked', async () => {
    const f = await file();
    for (const data of [{ text: '' }, { text: '', attachments: [] }, { text: '   ', attachments: null }]) {
      assert.deepEqual(await request(ada, 'message:send', { roomId: chem, ...data }), { ok: false, error: ERRORS.TEXT_INVALID });
      assert.deepEqual(await request(ada, 'dm:send', { recipientId: USERS.grace, ...data }), { ok: false, error: ERRORS.TEXT_INVALID });
    }
    for (const text of [undefined, null, 5, 'x'.repeat(4001)]) {
      const res = await request(ada, 'message:send', { roomId: chem, text, attachments: [f.id] });
      assert.deepEqual(res, { ok: false, error: ERRORS.TEXT_INVALID }, String(text).slice(0, 10));
    }
    assert.equal((await request(ada, 'message:send', { roomId: chem, text: '', attachments: [f.id] })).ok, true);
  });

  it("refuses someone else's file and an unknown id, even one the sender may see", async () => {
    const own = await file();
    const graces = await uploaded(server, token('grace'), { name: 'grace.txt', content: Buffer.from('grace') });
    // Ada may see it (sent to the room) but did not upload it.
    assert.equal((await request(grace, 'message:send', { roomId: chem, text: 'mine', attachments: [graces.id] })).ok, true);
    assert.equal(await status('ada', graces.id), 200);
    const [before] = await query(server, 'SELECT COUNT(*) AS n FROM message_attachments');
    for (const attachments of [[graces.id], [own.id, graces.id], ['AAAAAAAAAAAAAAAAAAAAAAAA']]) {
      assert.deepEqual(await request(ada, 'message:send', { roomId: chem, text: 'x', attachments }), { ok: false, error: ERRORS.ATTACHMENT_NOT_OWN });
      assert.deepEqual(await request(ada, 'dm:send', { recipientId: USERS.alan, text: 'x', attachments }), { ok: false, error: ERRORS.ATTACHMENT_NOT_OWN });
    }
    assert.equal(ERRORS.ATTACHMENT_NOT_OWN, 'An attachment is not a file you uploaded');
    const [afterwards] = await query(server, 'SELECT COUNT(*) AS n FROM message_attachments');
    assert.equal(Number(afterwards.n), Number(before.n));
    assert.equal(await status('alan', graces.id), 403);
  });

  it('a resend with the same clientId stores nothing twice and announces nothing twice', async () => {
    const [a, b] = [await file('a.txt'), await file('b.txt')];
    const send = { roomId: chem, text: 'idempotent files', clientId: 'files-resend-1', attachments: [a.id, b.id] };
    const first = await request(ada, 'message:send', send);
    const again = await request(ada, 'message:send', send);
    assert.equal(first.duplicate, false);
    assert.deepEqual({ id: again.id, duplicate: again.duplicate }, { id: first.id, duplicate: true });
    const dmSend = { recipientId: USERS.linus, text: '', clientId: 'files-resend-2', attachments: [a.id] };
    const dmFirst = await request(ada, 'dm:send', dmSend);
    const dmAgain = await request(ada, 'dm:send', dmSend);
    assert.deepEqual([dmAgain.id, dmAgain.duplicate], [dmFirst.id, true]);
    const rows = await query(server, 'SELECT kind, message_id, file_id FROM message_attachments WHERE message_id IN (?, ?) ORDER BY kind, position',
      first.id, dmFirst.id);
    assert.deepEqual(rows.filter((r) => (r.kind === 'room' ? r.message_id === first.id : r.message_id === dmFirst.id)).map((r) => [r.kind, r.file_id]),
      [['dm', a.id], ['room', a.id], ['room', b.id]]);
    await request(ada, 'message:send', { roomId: chem, text: 'resend barrier' });
    assert.equal(receivedOf(grace, 'message:received').filter(([, m]) => m.text === 'idempotent files').length, 1);
  });

  it('deleting a message takes its attachments and the access they gave; the uploader keeps the file', async () => {
    const f = await file('to delete.txt');
    const ack = await request(ada, 'message:send', { roomId: chem, text: 'soon gone', attachments: [f.id] });
    assert.equal(await status('grace', f.id), 200);
    assert.equal((await request(ada, 'message:delete', { kind: 'room', id: ack.id })).ok, true);
    assert.equal(await status('grace', f.id), 403);
    assert.equal(await status('ada', f.id), 200);
    const page = (await http(server, 'GET', `/api/rooms/${chem}/messages`, { token: token('grace') })).json;
    const deleted = page.find((m) => m.id === ack.id);
    assert.equal(deleted.deleted, true);
    assert.equal('attachments' in deleted, false);
  });

  it('logged no server errors', () => assert.deepEqual(server.logger.errors, []));
});
