#pragma once

#include <QList>
#include <QString>
#include <QUrl>

/// Sets aside, before Markdown sees the text, what Markdown must not touch: TeX math spans (so
/// that their backslashes and underscores survive) and bare http(s) links (so that an underscore
/// in a URL never becomes emphasis). Each is replaced by one placeholder character from the
/// private use area; the renderer turns placeholders back into math, links, or, inside code,
/// the exact source text they stand for.
namespace MathSpans {

struct Token
{
    enum Type
    {
        Literal, ///< a private-use character that was already in the source, kept as it is
        InlineMath, ///< $…$ or \(…\)
        DisplayMath, ///< $$…$$ or \[…\]
        Link, ///< a bare http(s) URL found by LinkDetector
    };
    Type type = Literal;
    /// The exact source text the placeholder replaced, delimiters included.
    QString source;
    /// For math: the TeX between the delimiters, without surrounding white space.
    QString tex;
    /// For links: the URL.
    QUrl url;
};

struct Protected
{
    /// The source with every token replaced by its placeholder.
    QString text;
    QList<Token> tokens;
    /// False when the source held too many private-use characters to tell them from
    /// placeholders: nothing was replaced and `text` is the source.
    bool active = true;
};

/// The first placeholder character; token i is `QChar(firstPlaceholder + i)`.
inline constexpr char16_t firstPlaceholder = 0xE000;
/// At most this many tokens per message; math and links beyond it stay plain text.
inline constexpr int maxTokens = 4096;

inline bool isPlaceholder(QChar c)
{
    return c.unicode() >= firstPlaceholder && c.unicode() < firstPlaceholder + maxTokens;
}

/// Math rules (as Pandoc's): an opening `$` is not followed by white space, a closing `$` is not
/// preceded by white space nor followed by a digit, so "$5 and $10" is no math; `\$` is a dollar;
/// `$$…$$` and `\[…\]` are display math, `\(…\)` inline; no span crosses a blank line or
/// contains a backtick; nothing in a code span or fenced code block is math or a link.
/// Runs in time linear in the length of the source.
Protected protect(const QString &source);

/// `text` with every placeholder replaced by the source it stands for.
QString restore(QStringView text, const Protected &protectedText);

} // namespace MathSpans
