#include "texttools.h"

#include "logging.h"
#include "richtext/linkdetector.h"
#include "richtext/richdocument.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QStringList>

TextTools::TextTools(QObject *parent)
    : QObject(parent)
{ }

QUrl TextTools::linkAt(const QString &text, int position) const
{
    return LinkDetector::linkAt(text, position);
}

bool TextTools::hasLinks(const QString &text) const
{
    return !LinkDetector::find(text).isEmpty();
}

namespace {

/// The first letter or digit of `word`, upper-cased, keeping a surrogate pair together.
QString firstLetter(const QString &word)
{
    for (qsizetype i = 0; i < word.size(); ++i) {
        const bool pair = word.at(i).isHighSurrogate() && i + 1 < word.size();
        const char32_t code =
            pair ? QChar::surrogateToUcs4(word.at(i), word.at(i + 1)) : word.at(i).unicode();
        if (QChar::isLetterOrNumber(code))
            return QString::fromUcs4(&code, 1).toUpper();
        if (pair)
            ++i;
    }
    return {};
}

} // namespace

QString TextTools::initials(const QString &name) const
{
    // The first letters of the first and the last word: "Ada King Lovelace" -> "AL".
    const QStringList words = name.simplified().split(u' ', Qt::SkipEmptyParts);
    QString result;
    if (!words.isEmpty())
        result = firstLetter(words.first());
    if (words.size() > 1)
        result += firstLetter(words.last());
    return result.isEmpty() ? QStringLiteral("?") : result;
}

QColor TextTools::avatarColor(const QString &name) const
{
    // FNV-1a over the UTF-16 code units: stable across runs and platforms (qHash is seeded).
    quint32 hash = 2166136261u;
    for (const QChar c : name) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    const int hue = int(hash % 360);
    return QColor::fromHsl(hue, 140, 105);
}

bool TextTools::needsRichText(const QString &text) const
{
    return RichDocument::needsRendering(text);
}

QString TextTools::fixedFontFamily() const
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
}

bool TextTools::openLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https")) {
        qCWarning(lcDesktop) << "refusing to open a link that is not http(s)";
        return false;
    }
    if (QDesktopServices::openUrl(url))
        return true;
    qCWarning(lcDesktop) << "no application opened a link";
    Q_EMIT linkOpenFailed(url);
    return false;
}

void TextTools::copyText(const QString &text) const
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

QVariantMap TextTools::mentionQueryAt(const QString &text, int cursor) const
{
    if (cursor < 0 || cursor > text.size())
        return {};
    // Mentions are short: look back at most 32 characters for the "@".
    constexpr int kLongestPrefix = 32;
    for (int at = cursor - 1; at >= 0 && cursor - at <= kLongestPrefix + 1; --at) {
        const QChar c = text.at(at);
        if (c == u'@') {
            // The "@" starts a word: "mail@example" is no mention.
            if (at > 0 && !text.at(at - 1).isSpace() && text.at(at - 1) != u'(')
                return {};
            return { { QStringLiteral("start"), at },
                { QStringLiteral("prefix"), text.mid(at + 1, cursor - at - 1) } };
        }
        const bool partOfName = c.isLetterOrNumber() || c.isMark() || c.isSurrogate() || c == u'-'
            || c == u'_' || c == u'.';
        if (!partOfName)
            return {};
    }
    return {};
}
