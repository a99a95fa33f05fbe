'use strict';

/**
 * Mentions (feature `mentions`, docs/PROTOCOL.md "Mentions"). A message text names a user with
 * the token `<@ID>` (ID: 1 to 15 decimal digits). The text is stored as it came; the server keeps
 * beside it who the message mentions, so a client can count mentions apart from unread messages
 * and notify about them even in a muted conversation.
 *
 * Who counts: a user who exists, who is not the sender, and in a room a member of the room (in a
 * DM only the recipient). At most MAX_MENTIONS distinct users per message, the first ones named;
 * further tokens stay plain text.
 */

const { MAX_MENTIONS } = require('./constants');

// Linear: no nested quantifiers, so a text made only of tokens (or of "<@<@<@…") costs one pass.
const TOKEN_RE = /<@([0-9]{1,15})>/g;

/**
 * The distinct ids the tokens of `text` name, in order of first appearance. Not capped: whether
 * a token counts is decided afterwards, and the cap applies to those that count. Fifteen digits
 * stay below 2^53, so every id is exact.
 */
function tokenIds(text) {
  const ids = new Set();
  for (const match of text.matchAll(TOKEN_RE)) ids.add(Number(match[1]));
  return [...ids];
}

/** The ids a message text names that could count: every token but the sender's own. */
const mentionCandidates = (text, senderId) => tokenIds(text).filter((id) => id !== senderId);

/**
 * The users a message mentions, from its candidates and the set of those that count (the DM's
 * recipient, or the room's members among the candidates): in order, at most MAX_MENTIONS.
 */
const pickMentions = (candidates, counted) => candidates.filter((id) => counted.has(id)).slice(0, MAX_MENTIONS);

module.exports = { tokenIds, mentionCandidates, pickMentions, TOKEN_RE };
