'use strict';

/**
 * The mentions table of the SQLite store (feature `mentions`, docs/PROTOCOL.md "Mentions"; the
 * token rules are in src/mentions.js): its statements, the backfill and the migration to schema 5.
 */

const { mentionCandidates, pickMentions } = require('../../mentions');
const { groupMentions } = require('../shape');

// Schema version 5. One row per (message, mentioned user); kind says which table message_id is
// in, as for reactions. The rowid keeps the order of appearance in the text. mentions_user serves
// mentionCount: a user's mentions above a read marker, without scanning the conversation.
const SCHEMA = `
CREATE TABLE mentions (
  kind       TEXT NOT NULL CHECK (kind IN ('room', 'dm')),
  message_id INTEGER NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (kind, message_id, user_id)
);
CREATE INDEX mentions_user ON mentions (user_id, kind, message_id);
`;

/** The mention statements of one database (the mentions table must exist). */
function mentionStore(db) {
  const st = {
    users: db.prepare('SELECT id FROM users WHERE id IN (SELECT value FROM json_each(?))'),
    members: db.prepare('SELECT user_id AS id FROM room_members WHERE room_id = ? AND user_id IN (SELECT value FROM json_each(?))'),
    insert: db.prepare('INSERT OR IGNORE INTO mentions (kind, message_id, user_id) VALUES (?, ?, ?)'),
    clear: db.prepare('DELETE FROM mentions WHERE kind = ? AND message_id = ?'),
    of: db.prepare(`
      SELECT message_id, user_id FROM mentions
      WHERE kind = ? AND message_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`),
  };

  /**
   * The users a message mentions: kind 'room' with roomId, or 'dm' with recipientId. One query
   * for all the candidates, so a text full of tokens costs no more than a page of history.
   */
  const resolve = ({ kind, text, senderId, roomId, recipientId }) => {
    const candidates = mentionCandidates(text, senderId);
    if (candidates.length === 0) return [];
    let counted;
    if (kind === 'dm') counted = new Set([recipientId]);
    else counted = new Set(st.members.all(roomId, JSON.stringify(candidates)).map((r) => r.id));
    return pickMentions(candidates, counted);
  };

  /** Replaces the stored mentions of a message (an edit recomputes them; [] clears them). */
  const set = (kind, messageId, userIds) => {
    st.clear.run(kind, messageId);
    for (const userId of userIds) st.insert.run(kind, messageId, userId);
  };

  /** Map messageId -> [userId, …] (order of appearance) for the messages that mention anyone. */
  const forMessages = (kind, ids) => (ids.length === 0 ? new Map() : groupMentions(st.of.all(kind, JSON.stringify(ids))));

  return { resolve, set, forMessages };
}

/**
 * Stores the mentions of the messages already in the database (schema upgrade, demo seed), from
 * their text. Room messages count the room's members as they are now: past memberships are not
 * kept. Deleted messages have no text and mention nobody. Only texts holding "<@" are parsed.
 */
function backfillMentions(db) {
  const mentions = mentionStore(db);
  const rooms = db.prepare("SELECT id, room_id, sender_id, text FROM messages WHERE deleted_at IS NULL AND instr(text, '<@') > 0");
  for (const m of rooms.all()) {
    mentions.set('room', m.id, mentions.resolve({ kind: 'room', text: m.text, senderId: m.sender_id, roomId: m.room_id }));
  }
  const dms = db.prepare("SELECT id, sender_id, recipient_id, text FROM direct_messages WHERE deleted_at IS NULL AND instr(text, '<@') > 0");
  for (const d of dms.all()) {
    mentions.set('dm', d.id, mentions.resolve({ kind: 'dm', text: d.text, senderId: d.sender_id, recipientId: d.recipient_id }));
  }
}

/** Migration 4 -> 5: the mentions table, filled from the existing texts. */
function migrateMentions(db) {
  db.exec(SCHEMA);
  backfillMentions(db);
}

module.exports = { mentionStore, backfillMentions, migrateMentions };
