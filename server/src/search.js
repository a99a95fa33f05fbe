'use strict';

/**
 * Turns what a user typed into an FTS5 MATCH expression. The input is never FTS5 syntax: it is
 * split into words, and each word becomes a quoted prefix term, so operators and punctuation
 * (", *, NEAR(, -, OR, ^, :, parentheses) are dropped or searched as plain words and can never
 * make MATCH fail. Terms are ANDed (FTS5's implicit AND between terms).
 *
 * A word is a letter or digit followed by letters, digits and combining marks: a mark belongs to
 * the word it follows (a decomposed "Mu\u0308ller" stays one word, as FTS5's unicode61
 * tokenizer sees it), and a mark on its own is no word.
 *
 * Returns null when the input has no word (the caller answers with no results).
 */
function toMatchQuery(input) {
  const words = input.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu);
  if (!words) return null;
  // The same word twice adds nothing to an AND, only work (the tokenizer folds case anyway).
  const unique = [...new Map(words.map((w) => [w.toLowerCase(), w])).values()];
  // Doubling a double quote is how FTS5 escapes it inside a string; after the split there are
  // none, but the quoting must not depend on that.
  return unique.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');
}

module.exports = { toMatchQuery };
