#!/usr/bin/env node
// Adds study conversations to a running demo backend, through the protocol as other students
// would: in Calculus I, a question with a thread, a resolved question, a reply quoting Ada's
// newest message with a mention of her, reactions and a pin by the tutor.
// Usage: node scripts/demo-study.js PORT JWT_SECRET   (used by scripts/screenshots.sh)
'use strict';

const { USERS, CALCULUS, ask, demoArguments } = require('./demo-client');

const { url, token, connect } = demoArguments('demo-study.js');
const { ADA, ALAN, GRACE, LINUS } = USERS;

(async () => {
  const [alan, grace, linus] = await Promise.all([ALAN, GRACE, LINUS].map(connect));
  for (const socket of [alan, grace, linus]) await ask(socket, 'room:join', CALCULUS);
  const history = await fetch(`${url}/api/rooms/${CALCULUS}/messages?limit=50`, {
    headers: { authorization: `Bearer ${token(ADA)}` },
  }).then((r) => r.json());
  const adas = history.find((m) => m.sender.id === ADA);

  const question = await ask(alan, 'message:send', {
    roomId: CALCULUS, text: 'Is the integral of 1/x really ln|x| + C on both sides of 0?' });
  await ask(grace, 'message:send', { roomId: CALCULUS, threadId: question.id,
    text: 'Yes, but the constant can differ on each side: they are two separate intervals.' });
  await ask(linus, 'message:send', { roomId: CALCULUS, threadId: question.id,
    text: 'That is why the textbook writes C₁ and C₂ in the footnote.' });
  await ask(alan, 'reaction:add', { kind: 'room', messageId: question.id, emoji: '🤔' });

  const finalQuestion = await ask(linus, 'message:send', {
    roomId: CALCULUS, text: 'Which sections are on the final?' });
  await ask(grace, 'message:send', { roomId: CALCULUS, threadId: finalQuestion.id,
    text: 'Chapters 2 to 5, and the integration techniques of chapter 7.' });
  await ask(grace, 'thread:resolve', { threadId: finalQuestion.id, resolved: true });

  if (adas) {
    const reply = await ask(grace, 'message:send', { roomId: CALCULUS, replyTo: adas.id,
      text: `Good summary <@${ADA}>, I will add it to the study sheet.` });
    await ask(alan, 'reaction:add', { kind: 'room', messageId: reply.id, emoji: '👍' });
    await ask(linus, 'reaction:add', { kind: 'room', messageId: reply.id, emoji: '👍' });
    await ask(linus, 'reaction:add', { kind: 'room', messageId: reply.id, emoji: '🎉' });
    await ask(grace, 'message:pin', { roomId: CALCULUS, messageId: adas.id });
  }
  for (const socket of [alan, grace, linus]) socket.close();
})().catch((error) => {
  console.error(`demo-study: ${error.message}`);
  process.exit(1);
});
