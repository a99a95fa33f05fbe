#include "mathspans.h"

#include "linkdetector.h"

#include <algorithm>
#include <functional>

namespace MathSpans {

namespace {

/// The next position at or after `from` where a predicate holds, for queries whose `from` never
/// decreases: a found position is reused until passed, so all queries together scan the text
/// once. That keeps hostile input ("$a $a $a …" over a megabyte) linear.
class NextFinder
{
public:
    using Predicate = std::function<bool(qsizetype)>;
    NextFinder(qsizetype size, Predicate predicate)
        : m_size(size)
        , m_predicate(std::move(predicate))
    { }

    qsizetype next(qsizetype from)
    {
        if (from >= m_size)
            return m_size;
        if (m_found >= from && m_from <= from)
            return m_found;
        m_from = from;
        m_found = from;
        while (m_found < m_size && !m_predicate(m_found))
            ++m_found;
        return m_found;
    }

private:
    qsizetype m_size;
    Predicate m_predicate;
    qsizetype m_from = -1;
    qsizetype m_found = -1;
};

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

/// `tex` without up to `depth` quote marks (and the blanks around them) at the start of each
/// line after the first.
QString withoutQuoteMarks(const QString &tex, qsizetype depth)
{
    QStringList lines = tex.split(u'\n');
    for (qsizetype l = 1; l < lines.size(); ++l) {
        QString &line = lines[l];
        qsizetype p = 0;
        for (qsizetype marks = 0; p < line.size(); ++p) {
            if (line.at(p) == u'>' && marks < depth)
                ++marks;
            else if (!isBlank(line.at(p)))
                break;
        }
        line.remove(0, p);
    }
    return lines.join(u'\n');
}

} // namespace

Protected protect(const QString &source)
{
    Protected result;
    const qsizetype n = source.size();
    const QChar *s = source.constData();
    const auto at = [&](qsizetype i) { return i >= 0 && i < n ? s[i] : QChar(); };

    qsizetype literals = 0;
    for (qsizetype i = 0; i < n; ++i)
        literals += isPlaceholder(s[i]) ? 1 : 0;
    if (literals > maxTokens / 2) {
        result.text = source;
        result.active = false;
        return result;
    }
    qsizetype budget = maxTokens - literals; // for math and links; literals are always kept

    NextFinder paragraphEnd(n, [&](qsizetype j) {
        if (s[j] != u'\n')
            return false;
        qsizetype k = j + 1;
        while (k < n && isBlank(s[k]))
            ++k;
        return k >= n || s[k] == u'\n';
    });
    NextFinder backtick(n, [&](qsizetype j) { return s[j] == u'`'; });
    NextFinder inlineCloser(n, [&](qsizetype j) {
        if (s[j] != u'$' || j == 0)
            return false;
        const QChar before = s[j - 1];
        const QChar after = at(j + 1);
        return !before.isSpace() && before != u'\\' && before != u'$' && !after.isDigit()
            && after != u'$';
    });
    NextFinder displayCloser(
        n, [&](qsizetype j) { return s[j] == u'$' && at(j + 1) == u'$' && at(j - 1) != u'\\'; });
    NextFinder parenCloser(n, [&](qsizetype j) { return s[j] == u'\\' && at(j + 1) == u')'; });
    NextFinder bracketCloser(n, [&](qsizetype j) { return s[j] == u'\\' && at(j + 1) == u']'; });
    // A code span closes with a run of exactly as many backticks as opened it. Runs longer than
    // this are left to Markdown (what is inside them is restored as source anyway).
    constexpr int maxTickRun = 16;
    const auto tickRun = [&](qsizetype j) {
        qsizetype k = j;
        while (k < n && s[k] == u'`')
            ++k;
        return k - j;
    };
    std::vector<NextFinder> tickClosers;
    for (int k = 1; k <= maxTickRun; ++k) {
        tickClosers.emplace_back(n,
            [&, k](qsizetype j) { return s[j] == u'`' && at(j - 1) != u'`' && tickRun(j) == k; });
    }

    const QList<LinkDetector::Link> links = LinkDetector::find(source);
    qsizetype nextLink = 0;

    QString &out = result.text;
    out.reserve(n);
    const auto add = [&](Token::Type type, qsizetype start, qsizetype end, QString tex = {},
                         QUrl url = {}) {
        out.append(QChar(char16_t(firstPlaceholder + result.tokens.size())));
        result.tokens.append({ type, source.mid(start, end - start), tex.trimmed(), url });
    };

    bool lineStart = true;
    QChar fenceChar;
    qsizetype fenceLength = 0;
    qsizetype fenceIndent = -1;
    qsizetype quoteDepth = 0;
    qsizetype quoteDepthKnownUntil = 0;
    qsizetype i = 0;
    while (i < n) {
        if (lineStart) {
            lineStart = false;
            // Fenced code blocks, also in quotes and list items: "> - ```python".
            qsizetype p = i;
            while (p < n && (isBlank(s[p]) || s[p] == u'>'))
                ++p;
            if (p + 1 < n && QStringView(u"-+*").contains(s[p]) && isBlank(s[p + 1])) {
                p += 2;
            } else {
                qsizetype d = p;
                while (d < n && d - p < 9 && s[d].isDigit())
                    ++d;
                if (d > p && d + 1 < n && (s[d] == u'.' || s[d] == u')') && isBlank(s[d + 1]))
                    p = d + 2;
            }
            while (p < n && isBlank(s[p]))
                ++p;
            qsizetype run = 0;
            if (p < n && (s[p] == u'`' || s[p] == u'~')) {
                while (p + run < n && s[p + run] == s[p])
                    ++run;
            }
            const bool fenceLine = run >= 3;
            if (fenceLength > 0 && !(fenceLine && s[p] == fenceChar && run >= fenceLength)
                && fenceIndent >= 0 && budget > 0) {
                // A line of a fenced block outside quotes and lists is one literal from after the
                // fence's indentation: md4c would give its leading tabs back as spaces.
                qsizetype start = i;
                while (start < n && start - i < fenceIndent && s[start] == u' ')
                    ++start;
                qsizetype end = start;
                while (end < n && s[end] != u'\n')
                    ++end;
                out.append(QStringView(source).sliced(i, start - i));
                if (end > start) {
                    --budget;
                    add(Token::Literal, start, end);
                }
                i = end;
                continue;
            }
            if (fenceLength > 0 || fenceLine) {
                if (fenceLength == 0) {
                    fenceChar = s[p];
                    fenceLength = run;
                    // Only spaces before the fence: no quote or list around it.
                    const bool bare = std::all_of(s + i, s + p, [](QChar c) { return c == u' '; });
                    fenceIndent = bare ? p - i : -1;
                } else if (fenceLine && s[p] == fenceChar && run >= fenceLength) {
                    fenceLength = 0;
                }
                // The whole line is code (or a fence): copied, with any private-use character
                // still made a literal token.
                while (i < n && s[i] != u'\n') {
                    if (isPlaceholder(s[i]))
                        add(Token::Literal, i, i + 1);
                    else
                        out.append(s[i]);
                    ++i;
                }
                continue;
            }
        }

        const QChar c = s[i];
        if (c == u'\n') {
            out.append(c);
            lineStart = true;
            ++i;
            continue;
        }
        if (isPlaceholder(c)) {
            add(Token::Literal, i, i + 1);
            ++i;
            continue;
        }

        while (nextLink < links.size() && links.at(nextLink).start < i)
            ++nextLink;
        if (nextLink < links.size() && links.at(nextLink).start == i) {
            const LinkDetector::Link &link = links.at(nextLink);
            // A link's destination "[text](http://…)" and an autolink "<http://…>" are
            // Markdown's; they never become links unless http(s) either.
            const bool destination = at(i - 1) == u'(' && at(i - 2) == u']';
            const bool autolink = at(i - 1) == u'<';
            // A URL as a link's text ends at the "]" that closes the text.
            qsizetype length = link.length;
            QUrl url = link.url;
            if (const qsizetype bracket = QStringView(source).sliced(i, length).indexOf(u']');
                bracket >= 0) {
                length = bracket;
                while (length > 0 && QStringView(u".,:;!?*").contains(s[i + length - 1]))
                    --length;
                url = QUrl(source.mid(i, length), QUrl::StrictMode);
                if (!url.isValid() || url.host().isEmpty())
                    length = 0;
            }
            if (!destination && !autolink && length > 0 && budget > 0) {
                --budget;
                add(Token::Link, i, i + length, {}, url);
                i += length;
                continue;
            }
        }

        const qsizetype paragraphLimit = paragraphEnd.next(i);
        if (i >= quoteDepthKnownUntil) {
            // The quotes around this line: a formula over several lines in a quote has "> "
            // at the start of its later lines, which is not TeX.
            qsizetype lineBegin = i;
            while (lineBegin > 0 && s[lineBegin - 1] != u'\n')
                --lineBegin;
            quoteDepth = 0;
            for (qsizetype p = lineBegin; p < n && (isBlank(s[p]) || s[p] == u'>'); ++p)
                quoteDepth += s[p] == u'>' ? 1 : 0;
            quoteDepthKnownUntil = source.indexOf(u'\n', i);
            if (quoteDepthKnownUntil < 0)
                quoteDepthKnownUntil = n;
        }
        // A math span: between its delimiters, within the paragraph, without backticks.
        const auto tryMath = [&](qsizetype openLength, qsizetype closer, qsizetype closeLength,
                                 Token::Type type) {
            const qsizetype contentStart = i + openLength;
            if (budget <= 0 || closer >= paragraphLimit || closer <= contentStart
                || backtick.next(i) < closer)
                return false;
            QString tex = source.mid(contentStart, closer - contentStart);
            if (quoteDepth > 0 && tex.contains(u'\n'))
                tex = withoutQuoteMarks(tex, quoteDepth);
            if (tex.trimmed().isEmpty())
                return false;
            --budget;
            add(type, i, closer + closeLength, tex);
            i = closer + closeLength;
            return true;
        };

        if (c == u'\\') {
            const QChar next = at(i + 1);
            if (next == u'(' && tryMath(2, parenCloser.next(i + 2), 2, Token::InlineMath))
                continue;
            if (next == u'[' && tryMath(2, bracketCloser.next(i + 2), 2, Token::DisplayMath))
                continue;
            // An escaped character (\$ is a dollar) is left to Markdown, and never opens math.
            out.append(c);
            ++i;
            if (i < n && next != u'\n' && !isPlaceholder(next)) {
                out.append(next);
                ++i;
            }
            continue;
        }
        if (c == u'`') {
            const qsizetype run = tickRun(i);
            qsizetype end = i + run;
            if (run <= maxTickRun) {
                const qsizetype closer = tickClosers[run - 1].next(i + run);
                if (closer < paragraphLimit)
                    end = closer + run;
            }
            // A code span, copied as it is (private-use characters still become literals).
            for (; i < end; ++i) {
                if (isPlaceholder(s[i]))
                    add(Token::Literal, i, i + 1);
                else
                    out.append(s[i]);
                if (s[i] == u'\n')
                    lineStart = false; // a code span's line break never starts a fence
            }
            continue;
        }
        if (c == u'$') {
            if (at(i + 1) == u'$') {
                if (tryMath(2, displayCloser.next(i + 2), 2, Token::DisplayMath))
                    continue;
                out.append(QStringView(u"$$"));
                i += 2;
                continue;
            }
            if (i + 1 < n && !s[i + 1].isSpace()
                && tryMath(1, inlineCloser.next(i + 1), 1, Token::InlineMath))
                continue;
        }
        out.append(c);
        ++i;
    }
    return result;
}

QString restore(QStringView text, const Protected &protectedText)
{
    if (!protectedText.active)
        return text.toString();
    QString result;
    result.reserve(text.size());
    for (const QChar c : text) {
        const qsizetype index = c.unicode() - firstPlaceholder;
        if (isPlaceholder(c) && index < protectedText.tokens.size())
            result.append(protectedText.tokens.at(index).source);
        else
            result.append(c);
    }
    return result;
}

} // namespace MathSpans
