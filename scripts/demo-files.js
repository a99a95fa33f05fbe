#!/usr/bin/env node
// Adds files to a running demo backend, through the protocol as other students would: in
// Calculus I, Grace shares a photo of a worked problem and Alan the lecture's notes as a PDF
// (scripts/demo-files/). Needs a backend that announces "files".
// Usage: node scripts/demo-files.js PORT JWT_SECRET   (used by scripts/screenshots.sh)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { USERS, CALCULUS, ask, demoArguments } = require('./demo-client');

const { url, token, connect } = demoArguments('demo-files.js');
const { ALAN, GRACE } = USERS;

/** POST /api/files as `userId`: the file object ({id, name, size, ...}). */
async function upload(userId, file) {
  const form = new FormData();
  const bytes = fs.readFileSync(path.join(__dirname, 'demo-files', file));
  form.append('file', new Blob([bytes]), file);
  const response = await fetch(`${url}/api/files`, {
    method: 'POST', headers: { authorization: `Bearer ${token(userId)}` }, body: form });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`upload of ${file}: ${response.status} ${body.error}`);
  return body;
}

(async () => {
  const [alan, grace] = await Promise.all([ALAN, GRACE].map(connect));
  for (const socket of [alan, grace]) await ask(socket, 'room:join', CALCULUS);
  const photo = await upload(GRACE, 'worked-problem-3b.png');
  await ask(grace, 'message:send', { roomId: CALCULUS, attachments: [photo.id],
    text: 'My worked solution for 3b, in case it helps with the squeeze theorem one.' });
  const notes = await upload(ALAN, 'lecture-4-integration.pdf');
  await ask(alan, 'message:send', { roomId: CALCULUS, attachments: [notes.id],
    text: 'Notes from lecture 4.' });
  for (const socket of [alan, grace]) socket.close();
})().catch((error) => {
  console.error(`demo-files: ${error.message}`);
  process.exit(1);
});
