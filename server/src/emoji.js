'use strict';

const { MAX_EMOJI_LENGTH } = require('./constants');

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

// One emoji: a flag (two regional indicators), a keycap (digit, # or * with the keycap mark), a
// subdivision flag (black flag and tag characters), or a pictographic emoji with optional
// skin-tone modifier or variation selector, joined to more of them by ZWJs (families, "woman
// technologist"). A bare digit or letter is \p{Emoji} too, which is why the pictographic
// properties are used instead. A lone regional indicator has Emoji_Presentation but is half a flag.
const PICTO = '(?!\\p{Regional_Indicator})(?:\\p{Extended_Pictographic}|\\p{Emoji_Presentation})(?:\\p{Emoji_Modifier}|\\uFE0F)?';
const EMOJI_RE = new RegExp(
  '^(?:' +
    '\\p{Regional_Indicator}{2}' +
    '|[0-9#*]\\uFE0F?\\u20E3' +
    '|\\u{1F3F4}[\\u{E0020}-\\u{E007E}]+\\u{E007F}' +
    `|${PICTO}(?:\\u200D${PICTO})*` +
  ')$',
  'u',
);

/** True when `value` is a string holding exactly one emoji (one grapheme cluster of emoji). */
function isSingleEmoji(value) {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_EMOJI_LENGTH) return false;
  const segments = segmenter.segment(value)[Symbol.iterator]();
  segments.next();
  if (!segments.next().done) return false; // more than one grapheme cluster
  return EMOJI_RE.test(value);
}

module.exports = { isSingleEmoji };
