#include "linkdetector.h"

#include <QRegularExpression>

namespace LinkDetector {

namespace {

const QRegularExpression &candidatePattern()
{
    // A scheme, then anything up to white space or a character that never belongs in a URL typed
    // in a chat (angle brackets, quotes, backslash, braces, pipe, caret, backtick).
    static const QRegularExpression pattern(
        QStringLiteral(R"((?<![\w.+-])https?://[^\s<>"'`\\{}|^]+)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

/// Drops what a sentence puts after a link: "see https://a.b/c." is "https://a.b/c".
qsizetype trimmedLength(QStringView candidate)
{
    qsizetype length = candidate.size();
    while (length > 0) {
        const QChar last = candidate.at(length - 1);
        if (QStringView(u".,:;!?*").contains(last)) {
            --length;
            continue;
        }
        const auto unbalanced = [&](QChar open, QChar close) {
            if (last != close)
                return false;
            const QStringView body = candidate.first(length);
            return body.count(open) < body.count(close);
        };
        if (unbalanced(u'(', u')') || unbalanced(u'[', u']')) {
            --length;
            continue;
        }
        break;
    }
    return length;
}

} // namespace

QList<Link> find(const QString &text)
{
    QList<Link> links;
    if (!text.contains(u"://"))
        return links; // the common case, without running the expression
    auto it = candidatePattern().globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const qsizetype length = trimmedLength(match.capturedView());
        if (length <= 0)
            continue;
        const QString candidate = text.mid(match.capturedStart(), length);
        const QUrl url(candidate, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != u"http" && scheme != u"https"))
            continue;
        links.append({ match.capturedStart(), length, url });
    }
    return links;
}

QUrl linkAt(const QString &text, qsizetype position)
{
    if (position < 0 || position >= text.size())
        return {};
    for (const Link &link : find(text)) {
        if (position >= link.start && position < link.end())
            return link.url;
    }
    return {};
}

} // namespace LinkDetector
