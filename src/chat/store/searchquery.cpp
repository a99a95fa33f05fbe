#include "searchquery.h"

namespace SearchQuery {

QStringList words(const QString &text, int maxWords)
{
    QStringList result;
    QString current;
    auto finish = [&] {
        if (!current.isEmpty() && result.size() < maxWords)
            result.append(current);
        current.clear();
    };
    for (const QChar ch : text) {
        // Combining marks belong to the word (a decomposed "é"); FTS5 folds them away.
        if (ch.isLetterOrNumber() || ch.isMark() || ch.isSurrogate())
            current.append(ch);
        else
            finish();
    }
    finish();
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

QString fold(const QString &word)
{
    const QString decomposed = word.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar ch : decomposed) {
        if (!ch.isMark())
            folded.append(ch);
    }
    return folded.toCaseFolded();
}

QString highlight(const QString &text, const QString &query)
{
    QStringList terms = words(query);
    for (QString &term : terms)
        term = fold(term);
    auto matches = [&terms](const QString &word) {
        const QString folded = fold(word);
        for (const QString &term : std::as_const(terms)) {
            if (term.size() > 1 ? folded.startsWith(term) : folded == term)
                return true;
        }
        return false;
    };
    QString result;
    result.reserve(text.size() + 16);
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar ch = text.at(i);
        if (!(ch.isLetterOrNumber() || ch.isMark() || ch.isSurrogate())) {
            result.append(ch);
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size()
            && (text.at(end).isLetterOrNumber() || text.at(end).isMark()
                || text.at(end).isSurrogate()))
            ++end;
        const QString word = text.mid(i, end - i);
        if (matches(word))
            result += kMatchStart + word + kMatchEnd;
        else
            result += word;
        i = end;
    }
    return result;
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

} // namespace SearchQuery
