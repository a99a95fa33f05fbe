#include "searchquery.h"

#include <algorithm>

namespace SearchQuery {

namespace {

/// The code point at `i` and how many UTF-16 units it takes.
char32_t codePointAt(const QString &text, qsizetype i, qsizetype *length)
{
    const QChar ch = text.at(i);
    if (ch.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        *length = 2;
        return QChar::surrogateToUcs4(ch, text.at(i + 1));
    }
    *length = 1;
    return ch.unicode();
}

/// Where the word starting at `start` ends; `start` when none starts there. As the server reads
/// words: a letter or digit, then letters, digits and combining marks (a decomposed "é"; FTS5
/// folds them away). Code points, not UTF-16 units: "𝑥" is a letter, "🙂" is not.
qsizetype wordEnd(const QString &text, qsizetype start)
{
    qsizetype length = 0;
    if (!QChar::isLetterOrNumber(codePointAt(text, start, &length)))
        return start;
    qsizetype i = start + length;
    while (i < text.size()) {
        const char32_t next = codePointAt(text, i, &length);
        if (!QChar::isLetterOrNumber(next) && !QChar::isMark(next))
            break;
        i += length;
    }
    return i;
}

/// Lower case without diacritics, as FTS5's unicode61 tokenizer with remove_diacritics compares.
QString folded(const QString &word)
{
    const QString decomposed = word.normalized(QString::NormalizationForm_KD);
    QString result;
    result.reserve(decomposed.size());
    for (const QChar ch : decomposed) {
        if (!ch.isMark())
            result.append(ch);
    }
    return result.toCaseFolded();
}

} // namespace

QStringList words(const QString &text, int maxWords)
{
    QStringList result;
    qsizetype i = 0;
    while (i < text.size() && result.size() < maxWords) {
        const qsizetype end = wordEnd(text, i);
        if (end == i) {
            qsizetype length = 0;
            codePointAt(text, i, &length);
            i += length;
            continue;
        }
        result.append(text.mid(i, end - i));
        i = end;
    }
    return result;
}

QString matchExpression(const QString &text)
{
    QStringList terms;
    for (const QString &word : words(text)) {
        QString quoted = word;
        quoted.replace(u'"', QLatin1String("\"\"")); // none after words(), kept for safety
        terms.append(
            u'"' + quoted + (word.size() > 1 ? QLatin1String("\"*") : QLatin1String("\"")));
    }
    return terms.join(u' ');
}

QString styledExcerpt(const QString &highlighted, int width)
{
    QString flat = highlighted;
    flat.replace(u'\n', u' ');
    const qsizetype first = flat.indexOf(kMatchStart);
    qsizetype start = 0;
    if (first > width / 3) {
        start = first - width / 3;
        // Start at a word.
        const qsizetype space = flat.indexOf(u' ', start);
        if (space >= 0 && space < first)
            start = space + 1;
    }
    QString result;
    if (start > 0)
        result += QStringLiteral("…");
    bool inMatch = false;
    int shown = 0;
    QString run;
    auto flushRun = [&] {
        if (run.isEmpty())
            return;
        const QString escaped = run.toHtmlEscaped();
        result += inMatch ? QStringLiteral("<b>") + escaped + QStringLiteral("</b>") : escaped;
        run.clear();
    };
    qsizetype i = start;
    for (; i < flat.size(); ++i) {
        const QChar ch = flat.at(i);
        if (ch == kMatchStart || ch == kMatchEnd) {
            flushRun();
            inMatch = ch == kMatchStart;
            continue;
        }
        if (shown >= width && !inMatch)
            break;
        run.append(ch);
        ++shown;
    }
    flushRun();
    if (i < flat.size())
        result += QStringLiteral("…");
    return result;
}

QString highlight(const QString &text, const QString &query)
{
    QStringList needles;
    for (const QString &word : words(query))
        needles.append(folded(word));
    QString clean = text;
    clean.remove(kMatchStart);
    clean.remove(kMatchEnd);
    QString result;
    result.reserve(clean.size() + 8);
    qsizetype i = 0;
    while (i < clean.size()) {
        const qsizetype end = wordEnd(clean, i);
        if (end == i) {
            qsizetype length = 0;
            codePointAt(clean, i, &length);
            result.append(QStringView(clean).mid(i, length));
            i += length;
            continue;
        }
        const QString word = clean.mid(i, end - i);
        const QString foldedWord = folded(word);
        const bool matches =
            std::any_of(needles.cbegin(), needles.cend(), [&foldedWord](const QString &needle) {
                // As matchExpression(): a one-character word is matched whole.
                return needle.size() > 1 ? foldedWord.startsWith(needle) : foldedWord == needle;
            });
        if (matches)
            result += kMatchStart + word + kMatchEnd;
        else
            result += word;
        i = end;
    }
    return result;
}

QString excerptFor(const QString &text, const QString &query, int width)
{
    return styledExcerpt(highlight(text, query), width);
}

} // namespace SearchQuery
