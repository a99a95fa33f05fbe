#pragma once

#include <QString>
#include <QStringList>

/// What a user typed into the search field, made safe for SQLite FTS5, and the excerpt shown
/// for a hit. The query is never handed to MATCH as syntax: `"`, `*`, `NEAR(`, `-`, `OR` are
/// just characters, so nothing a user types can fail or widen the search.
namespace SearchQuery {

/// The words of `text` (letters and digits), at most `maxWords`.
QStringList words(const QString &text, int maxWords = 16);

/// An FTS5 MATCH expression: every word as a quoted prefix term, all of them required
/// ("deriv chain" → `"deriv"* "chain"*`). A one-character word is matched whole: as a prefix it
/// would match most of the store while the user has typed a single letter. Empty when the text
/// has no word.
QString matchExpression(const QString &text);

/// The markers FTS5's highlight() puts around matched words (private-use characters).
inline constexpr QChar kMatchStart { 0xE000 };
inline constexpr QChar kMatchEnd { 0xE001 };

/// A one-line excerpt of a highlighted text around its first match, at most about `width`
/// characters, as Qt StyledText: the untrusted text HTML-escaped, the matches in <b>.
QString styledExcerpt(const QString &highlighted, int width = 120);

/// `text` with every word that starts with one of the words of `query` (a one-character word:
/// that is the word) between kMatchStart and kMatchEnd, the way FTS5's highlight() marks the
/// store's matches: case and diacritics do not count ("cafe" marks "Café"). Marker characters
/// already in `text` are dropped first, so a message cannot fake a match.
QString highlight(const QString &text, const QString &query);

/// styledExcerpt(highlight(text, query), width): the excerpt of a text found elsewhere (the
/// server's search has no snippets), looking the same as the store's.
QString excerptFor(const QString &text, const QString &query, int width = 120);

} // namespace SearchQuery
