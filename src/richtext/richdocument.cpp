#include "richdocument.h"

#include "linkdetector.h"
#include "mathspans.h"

#include <QUrl>

#include <md4c.h>

namespace {

using MathSpans::Token;

QString escaped(QStringView text)
{
    return text.toString().toHtmlEscaped();
}

/// The character an entity stands for, or the entity as typed when it is not one we know.
QString decodeEntity(const QString &entity)
{
    static const QList<std::pair<QStringView, QStringView>> named = {
        { u"&amp;", u"&" },
        { u"&lt;", u"<" },
        { u"&gt;", u">" },
        { u"&quot;", u"\"" },
        { u"&apos;", u"'" },
        { u"&nbsp;", u"\u00a0" },
        { u"&copy;", u"\u00a9" },
        { u"&ndash;", u"\u2013" },
        { u"&mdash;", u"\u2014" },
        { u"&hellip;", u"\u2026" },
    };
    for (const auto &[name, value] : named) {
        if (entity == name)
            return value.toString();
    }
    if (entity.startsWith(u"&#") && entity.endsWith(u';')) {
        const bool hex = entity.size() > 3 && (entity.at(2) == u'x' || entity.at(2) == u'X');
        bool ok = false;
        const uint code = QStringView(entity)
                              .sliced(hex ? 3 : 2, entity.size() - (hex ? 4 : 3))
                              .toUInt(&ok, hex ? 16 : 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return QStringLiteral("\uFFFD");
        const char32_t ucs4 = code;
        return QString::fromUcs4(&ucs4, 1);
    }
    return entity;
}

/// Walks md4c's callbacks and builds the blocks.
class Builder
{
public:
    Builder(const MathSpans::Protected &protectedText, const RichTextLimits &limits)
        : m_protected(protectedText)
        , m_limits(limits)
    { }

    RichDocument take()
    {
        finishText();
        flushOverflow();
        return std::move(m_document);
    }

    int enterBlock(MD_BLOCKTYPE type, void *detail)
    {
        if (overflowing()) {
            overflowBreak();
            return 0;
        }
        if (type != MD_BLOCK_DOC)
            finishText();
        switch (type) {
        case MD_BLOCK_DOC:
            break;
        case MD_BLOCK_QUOTE:
            emitPendingMarker();
            ++m_quoteLevel;
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL: {
            emitPendingMarker();
            List list;
            if (type == MD_BLOCK_OL) {
                const auto *ol = static_cast<const MD_BLOCK_OL_DETAIL *>(detail);
                list.ordered = true;
                list.next = ol->start;
                list.delimiter = QChar::fromLatin1(ol->mark_delimiter);
            }
            m_lists.append(list);
            break;
        }
        case MD_BLOCK_LI: {
            emitPendingMarker();
            if (m_lists.isEmpty())
                break;
            List &list = m_lists.last();
            static const QStringList bullets = { QStringLiteral("•"), QStringLiteral("◦"),
                QStringLiteral("▪") };
            m_marker = list.ordered ? QString::number(list.next++) + list.delimiter
                                    : bullets.at((m_lists.size() - 1) % bullets.size());
            m_markerPending = true;
            break;
        }
        case MD_BLOCK_HR: {
            emitPendingMarker();
            RichBlock rule = newBlock(RichBlock::Rule);
            rule.plainText = QStringLiteral("―――");
            addBlock(std::move(rule));
            break;
        }
        case MD_BLOCK_H:
            emitPendingMarker();
            startText(RichBlock::Heading);
            m_text.headingLevel = int(static_cast<const MD_BLOCK_H_DETAIL *>(detail)->level);
            break;
        case MD_BLOCK_CODE: {
            emitPendingMarker();
            const auto *code = static_cast<const MD_BLOCK_CODE_DETAIL *>(detail);
            m_inCodeBlock = true;
            m_code.clear();
            m_codeLanguage = MathSpans::restore(attribute(code->lang), m_protected);
            break;
        }
        case MD_BLOCK_P:
        case MD_BLOCK_HTML: // never with MD_FLAG_NOHTML; drawn as text if it ever came
            startParagraph();
            break;
        default: // tables are not enabled
            break;
        }
        return 0;
    }

    int leaveBlock(MD_BLOCKTYPE type, void *)
    {
        if (overflowing())
            return 0;
        switch (type) {
        case MD_BLOCK_QUOTE:
            finishText();
            --m_quoteLevel;
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            finishText();
            if (!m_lists.isEmpty())
                m_lists.removeLast();
            break;
        case MD_BLOCK_LI:
            finishText();
            emitPendingMarker();
            break;
        case MD_BLOCK_CODE: {
            m_inCodeBlock = false;
            QString code = MathSpans::restore(QString::fromUtf8(m_code), m_protected);
            if (code.endsWith(u'\n'))
                code.chop(1);
            RichBlock block = newBlock(RichBlock::CodeBlock);
            block.language = m_codeLanguage;
            block.source = code;
            block.plainText = code;
            addBlock(std::move(block));
            break;
        }
        case MD_BLOCK_H:
        case MD_BLOCK_P:
        case MD_BLOCK_HTML:
            finishText();
            break;
        default:
            break;
        }
        return 0;
    }

    int enterSpan(MD_SPANTYPE type, void *detail)
    {
        if (overflowing())
            return 0;
        ensureText();
        flushNormal();
        if (m_imageDepth > 0) {
            if (type == MD_SPAN_IMG)
                ++m_imageDepth;
            return 0; // an image's alt text is plain
        }
        switch (type) {
        case MD_SPAN_EM:
            appendHtml(u"<i>");
            ++m_openSpans;
            break;
        case MD_SPAN_STRONG:
            appendHtml(u"<b>");
            ++m_openSpans;
            break;
        case MD_SPAN_DEL:
            appendHtml(u"<s>");
            ++m_openSpans;
            break;
        case MD_SPAN_CODE:
            m_inCodeSpan = true;
            m_code.clear();
            break;
        case MD_SPAN_A: {
            const auto *a = static_cast<const MD_SPAN_A_DETAIL *>(detail);
            const QUrl url = safeUrl(MathSpans::restore(attribute(a->href), m_protected));
            m_linkStack.append(url.isValid());
            if (url.isValid()) {
                appendHtml(u"<a href=\"" + escaped(QString::fromUtf8(url.toEncoded())) + u"\">");
                ++m_linkDepth;
            }
            break;
        }
        case MD_SPAN_IMG:
            // An image is its alt text, plain: its URL is never loaded nor made a link.
            ++m_imageDepth;
            break;
        default:
            break;
        }
        return 0;
    }

    int leaveSpan(MD_SPANTYPE type, void *)
    {
        if (overflowing())
            return 0;
        flushNormal();
        if (m_imageDepth > 0) {
            if (type == MD_SPAN_IMG)
                --m_imageDepth;
            return 0;
        }
        switch (type) {
        case MD_SPAN_EM:
            appendHtml(u"</i>");
            --m_openSpans;
            break;
        case MD_SPAN_STRONG:
            appendHtml(u"</b>");
            --m_openSpans;
            break;
        case MD_SPAN_DEL:
            appendHtml(u"</s>");
            --m_openSpans;
            break;
        case MD_SPAN_CODE: {
            m_inCodeSpan = false;
            const QString code = MathSpans::restore(QString::fromUtf8(m_code), m_protected);
            appendHtml(u"<code>" + escaped(code) + u"</code>");
            m_text.plainText += code;
            break;
        }
        case MD_SPAN_A:
            if (!m_linkStack.isEmpty() && m_linkStack.takeLast()) {
                appendHtml(u"</a>");
                --m_linkDepth;
            }
            break;
        default:
            break;
        }
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size)
    {
        if (overflowing()) {
            overflowText(type, QByteArray::fromRawData(text, qsizetype(size)));
            return 0;
        }
        if (m_inCodeBlock || m_inCodeSpan) {
            if (type == MD_TEXT_NULLCHAR)
                m_code.append("\xEF\xBF\xBD");
            else
                m_code.append(text, qsizetype(size));
            return 0;
        }
        ensureText();
        if (type == MD_TEXT_NORMAL || type == MD_TEXT_HTML || type == MD_TEXT_LATEXMATH) {
            m_normal.append(text, qsizetype(size));
            return 0;
        }
        flushNormal();
        switch (type) {
        case MD_TEXT_NULLCHAR:
            appendPlain(u"\uFFFD");
            break;
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR: // a line break typed in a chat stays one
            if (m_imageDepth > 0) {
                appendPlain(u" ");
            } else if (m_skipLeadingBreak && isEmpty(m_text)) {
                m_skipLeadingBreak = false; // the line break after a display formula
            } else {
                appendHtml(u"<br>");
                m_text.plainText += u'\n';
            }
            break;
        case MD_TEXT_ENTITY:
            appendPlain(decodeEntity(QString::fromUtf8(text, qsizetype(size))));
            break;
        default:
            break;
        }
        return 0;
    }

private:
    struct List
    {
        bool ordered = false;
        unsigned next = 1;
        QChar delimiter = u'.';
    };

    /// An attribute (a link's target, a code block's language) with its entities decoded.
    static QString attribute(const MD_ATTRIBUTE &attr)
    {
        QString result;
        for (int i = 0; attr.substr_offsets && attr.substr_offsets[i] < attr.size; ++i) {
            const MD_OFFSET start = attr.substr_offsets[i];
            const QString piece =
                QString::fromUtf8(attr.text + start, qsizetype(attr.substr_offsets[i + 1] - start));
            switch (attr.substr_types[i]) {
            case MD_TEXT_ENTITY:
                result += decodeEntity(piece);
                break;
            case MD_TEXT_NULLCHAR:
                result += u'\uFFFD';
                break;
            default:
                result += piece;
                break;
            }
        }
        return result;
    }

    /// `text` as a link target when it is an absolute http(s) URL with a host, else invalid.
    static QUrl safeUrl(const QString &text)
    {
        const QUrl url(text.trimmed(), QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != u"http" && scheme != u"https"))
            return {};
        return url;
    }

    static bool isEmpty(const RichBlock &block)
    {
        return block.htmlParts.size() == 1 && block.htmlParts.first().isEmpty();
    }

    bool overflowing() const { return m_overflow; }

    int depth(int value) const { return qBound(0, value, m_limits.maxDepth); }

    RichBlock newBlock(RichBlock::Kind kind) const
    {
        RichBlock block;
        block.kind = kind;
        block.listDepth = depth(int(m_lists.size()));
        block.quoteLevel = depth(m_quoteLevel);
        return block;
    }

    void addBlock(RichBlock block)
    {
        if (m_overflow)
            return;
        if (m_document.blocks.size() >= m_limits.maxBlocks - 1) {
            // The last block there is room for takes the rest of the message as plain text.
            m_overflow = true;
            m_document.limited = true;
            m_overflowText = block.plainText;
            return;
        }
        m_document.blocks.append(std::move(block));
    }

    /// A list item whose first block is not a paragraph (a nested list, code) gets its marker
    /// on a line of its own.
    void emitPendingMarker()
    {
        if (!m_markerPending)
            return;
        m_markerPending = false;
        RichBlock item = newBlock(RichBlock::ListItem);
        item.marker = m_marker;
        item.plainText = m_marker;
        addBlock(std::move(item));
    }

    void startParagraph()
    {
        if (m_markerPending) {
            startText(RichBlock::ListItem);
            m_text.marker = m_marker;
            m_markerPending = false;
        } else {
            startText(m_quoteLevel > 0 ? RichBlock::Quote : RichBlock::Paragraph);
        }
    }

    void startText(RichBlock::Kind kind)
    {
        finishText();
        m_text = newBlock(kind);
        m_inText = true;
    }

    /// Tight list items have no paragraph: their text opens one.
    void ensureText()
    {
        if (!m_inText)
            startParagraph();
    }

    void finishText()
    {
        if (!m_inText)
            return;
        flushNormal();
        m_inText = false;
        m_skipLeadingBreak = false;
        m_openSpans = 0;
        if (isEmpty(m_text) && m_text.kind != RichBlock::ListItem
            && m_text.kind != RichBlock::Heading)
            return; // what is left of a paragraph after a display formula
        if (m_text.kind == RichBlock::ListItem)
            m_text.plainText = m_text.marker + u' ' + m_text.plainText;
        addBlock(std::move(m_text));
        m_text = {};
    }

    template<typename Html>
    void appendHtml(const Html &html)
    {
        m_text.htmlParts.last() += html;
    }

    void appendPlain(QStringView text)
    {
        if (m_skipLeadingBreak && isEmpty(m_text)) {
            text = text.trimmed(); // the space after a display formula inside a line
            if (text.isEmpty())
                return;
        }
        appendHtml(escaped(text));
        m_text.plainText += text;
    }

    /// Turns the normal text gathered so far into html: placeholders become formulas, links
    /// or their source; text is escaped.
    void flushNormal()
    {
        if (m_normal.isEmpty())
            return;
        const QString text = QString::fromUtf8(m_normal);
        m_normal.clear();
        if (!m_protected.active) {
            appendTextWithLinks(text);
            return;
        }
        qsizetype runStart = 0;
        for (qsizetype i = 0; i <= text.size(); ++i) {
            if (i < text.size() && !MathSpans::isPlaceholder(text.at(i)))
                continue;
            if (i > runStart)
                appendPlain(QStringView(text).sliced(runStart, i - runStart));
            runStart = i + 1;
            if (i == text.size())
                break;
            const qsizetype index = text.at(i).unicode() - MathSpans::firstPlaceholder;
            if (index >= m_protected.tokens.size()) {
                appendPlain(QStringView(text).sliced(i, 1));
                continue;
            }
            appendToken(m_protected.tokens.at(index));
        }
    }

    void appendTextWithLinks(const QString &text)
    {
        if (m_linkDepth > 0 || m_imageDepth > 0) {
            appendPlain(text);
            return;
        }
        qsizetype done = 0;
        for (const LinkDetector::Link &link : LinkDetector::find(text)) {
            appendPlain(QStringView(text).sliced(done, link.start - done));
            appendLink(link.url, text.mid(link.start, link.length));
            done = link.end();
        }
        appendPlain(QStringView(text).sliced(done));
    }

    void appendLink(const QUrl &url, const QString &text)
    {
        appendHtml(u"<a href=\"" + escaped(QString::fromUtf8(url.toEncoded())) + u"\">"
            + escaped(text) + u"</a>");
        m_text.plainText += text;
    }

    void appendToken(const Token &token)
    {
        switch (token.type) {
        case Token::Literal:
            appendPlain(token.source);
            return;
        case Token::Link:
            if (m_linkDepth > 0 || m_imageDepth > 0)
                appendPlain(token.source);
            else
                appendLink(token.url, token.source);
            return;
        case Token::DisplayMath:
            // A formula on its own between paragraphs' text becomes a block of its own, unless
            // it sits inside emphasis or a link, which cannot be split.
            if (m_imageDepth == 0 && m_linkDepth == 0 && m_openSpans == 0
                && m_text.kind != RichBlock::Heading) {
                splitForDisplayMath(token);
                return;
            }
            [[fallthrough]];
        case Token::InlineMath:
            if (m_imageDepth > 0) {
                appendPlain(token.source);
                return;
            }
            m_text.mathSpans.append({ token.tex, token.source, token.type == Token::DisplayMath });
            m_text.htmlParts.append(QString());
            m_text.plainText += token.source;
            return;
        }
    }

    void splitForDisplayMath(const Token &token)
    {
        const RichBlock::Kind kind = m_text.kind;
        // The text before the formula, without the line break that led to it.
        QString &last = m_text.htmlParts.last();
        while (last.endsWith(u' '))
            last.chop(1);
        if (last.endsWith(u"<br>"))
            last.chop(4);
        while (m_text.plainText.endsWith(u' ') || m_text.plainText.endsWith(u'\n'))
            m_text.plainText.chop(1);
        finishText();
        RichBlock math = newBlock(RichBlock::DisplayMath);
        math.source = token.tex;
        // "$$x$$" or "\[x\]": the delimiters are two characters each.
        math.plainText = token.source.first(2) + token.tex + token.source.last(2);
        addBlock(std::move(math));
        // The text after it continues the same item or quote, as a plain paragraph of it.
        m_text = newBlock(kind == RichBlock::ListItem ? RichBlock::Paragraph : kind);
        m_inText = true;
        m_skipLeadingBreak = true;
    }

    // Overflow: everything after the block limit, as plain text in one paragraph.
    void overflowBreak()
    {
        if (!m_overflowText.isEmpty() && !m_overflowText.endsWith(u'\n'))
            m_overflowText += u'\n';
    }

    void overflowText(MD_TEXTTYPE type, const QByteArray &bytes)
    {
        if (m_overflowText.size() > m_limits.maxOverflowCharacters)
            return;
        if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR)
            m_overflowText += u'\n';
        else if (type == MD_TEXT_NULLCHAR)
            m_overflowText += u'\uFFFD';
        else
            m_overflowText += MathSpans::restore(QString::fromUtf8(bytes), m_protected);
    }

    void flushOverflow()
    {
        if (!m_overflow)
            return;
        QString text = m_overflowText.trimmed();
        if (text.size() > m_limits.maxOverflowCharacters) {
            text.truncate(m_limits.maxOverflowCharacters);
            text += u'…';
        }
        RichBlock block;
        block.plainText = text;
        block.htmlParts = { escaped(text).replace(u'\n', QStringLiteral("<br>")) };
        m_document.blocks.append(std::move(block));
    }

    const MathSpans::Protected &m_protected;
    const RichTextLimits &m_limits;
    RichDocument m_document;

    int m_quoteLevel = 0;
    QList<List> m_lists;
    QString m_marker;
    bool m_markerPending = false;

    bool m_inText = false;
    RichBlock m_text;
    QByteArray m_normal;
    bool m_skipLeadingBreak = false;

    bool m_inCodeBlock = false;
    bool m_inCodeSpan = false;
    QByteArray m_code;
    QString m_codeLanguage;

    QList<bool> m_linkStack;
    int m_linkDepth = 0;
    int m_openSpans = 0; // <b>, <i> and <s> open in the current block
    int m_imageDepth = 0;

    bool m_overflow = false;
    QString m_overflowText;
};

} // namespace

QString RichBlock::html() const
{
    return htmlWithMath([](const MathSpan &span) { return escaped(span.source); });
}

QString RichBlock::htmlWithMath(const std::function<QString(const MathSpan &)> &render) const
{
    QString result = htmlParts.value(0);
    for (qsizetype i = 0; i < mathSpans.size(); ++i)
        result += render(mathSpans.at(i)) + htmlParts.value(i + 1);
    return result;
}

RichDocument RichDocument::parse(const QString &source, const RichTextLimits &limits)
{
    const MathSpans::Protected protectedText = MathSpans::protect(source);
    const QByteArray utf8 = protectedText.text.toUtf8();
    Builder builder(protectedText, limits);

    MD_PARSER parser = {};
    parser.flags = MD_FLAG_STRIKETHROUGH | MD_FLAG_NOHTML;
    parser.enter_block = [](MD_BLOCKTYPE type, void *detail, void *self) {
        return static_cast<Builder *>(self)->enterBlock(type, detail);
    };
    parser.leave_block = [](MD_BLOCKTYPE type, void *detail, void *self) {
        return static_cast<Builder *>(self)->leaveBlock(type, detail);
    };
    parser.enter_span = [](MD_SPANTYPE type, void *detail, void *self) {
        return static_cast<Builder *>(self)->enterSpan(type, detail);
    };
    parser.leave_span = [](MD_SPANTYPE type, void *detail, void *self) {
        return static_cast<Builder *>(self)->leaveSpan(type, detail);
    };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self) {
        return static_cast<Builder *>(self)->text(type, text, size);
    };
    md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &builder);
    return builder.take();
}

QString RichDocument::plainText() const
{
    QStringList lines;
    for (const RichBlock &block : blocks)
        lines.append(block.plainText);
    return lines.join(u'\n');
}
