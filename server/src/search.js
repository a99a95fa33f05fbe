'use strict';

/**
 * What a user typed, turned into a search for either store. The input is never query syntax: it
 * is split into words, and each word is searched as a prefix, all of them ANDed. So operators and
 * punctuation (", *, NEAR(, -, OR, ^, :, &, |, !, parentheses) are dropped or searched as plain
 * words and can never make a query fail.
 *
 * A word is a letter or digit followed by letters, digits and combining marks: a mark belongs to
 * the word it follows (a decomposed "Mu\u0308ller" stays one word, as FTS5's unicode61
 * tokenizer sees it), and a mark on its own is no word.
 */

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** The distinct words of the input (first spelling kept), or null when it has none. */
function searchWords(input) {
  const words = input.match(WORD_RE);
  if (!words) return null;
  // The same word twice adds nothing to an AND, only work (both stores fold case anyway).
  return [...new Map(words.map((w) => [w.toLowerCase(), w])).values()];
}

/** SQLite: the FTS5 MATCH expression of the words, each a quoted prefix term. */
function ftsMatch(words) {
  // Doubling a double quote is how FTS5 escapes it inside a string; after the split there are
  // none, but the quoting must not depend on that.
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');
}

/** SQLite: the FTS5 expression for what the user typed, or null when it has no word. */
function toMatchQuery(input) {
  const words = searchWords(input);
  return words ? ftsMatch(words) : null;
}

/**
 * PostgreSQL: a word as the index stores it. Case and diacritics are folded here, in JavaScript,
 * for the texts and the queries alike (as FTS5's remove_diacritics does), so the database needs
 * no unaccent extension and its locale does not matter: "cafe" finds "Café".
 */
const foldWord = (word) => word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/** PostgreSQL: the text to index (to_tsvector('simple', …)): its words, folded, space-separated. */
function foldForIndex(text) {
  const words = text.match(WORD_RE);
  return words ? words.map(foldWord).join(' ') : '';
}

/**
 * PostgreSQL: the tsquery text for the words (to_tsquery('simple', …)): each folded word a
 * quoted prefix lexeme, ANDed. A folded word holds only letters and digits; quotes and
 * backslashes would be doubled all the same.
 */
function tsQuery(words) {
  const lexemes = [...new Set(words.map(foldWord).filter((w) => w.length > 0))];
  if (lexemes.length === 0) return null;
  return lexemes.map((w) => `'${w.replaceAll('\\', '\\\\').replaceAll("'", "''")}':*`).join(' & ');
}

module.exports = { searchWords, ftsMatch, toMatchQuery, foldWord, foldForIndex, tsQuery };
