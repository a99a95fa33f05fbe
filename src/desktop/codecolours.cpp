#include "codecolours.h"

#include "logging.h"

#include <QCoreApplication>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QTextCharFormat>
#include <QTextDocument>

/// Applies the tokens that fall in each line of the document (token positions are positions in
/// the code, which is the document's plain text).
class CodeSyntaxHighlighter : public QSyntaxHighlighter
{
public:
    CodeSyntaxHighlighter(QTextDocument *document, CodeColours *owner)
        : QSyntaxHighlighter(document)
        , m_owner(owner)
    { }

protected:
    void highlightBlock(const QString &text) override
    {
        const int blockStart = currentBlock().position();
        const int blockEnd = blockStart + int(text.size());
        // Tokens come in order of start, an inner range after the one around it: applied in
        // order, the innermost scope wins.
        for (const CodeToken &token : std::as_const(m_owner->m_tokens)) {
            if (token.start >= blockEnd)
                break;
            const int start = qMax(token.start, blockStart);
            const int end = qMin(token.start + token.length, blockEnd);
            if (end <= start)
                continue;
            const CodeColours::Category category = CodeColours::categoryOf(token.scope);
            if (category == CodeColours::Category::Plain)
                continue;
            QTextCharFormat format;
            format.setForeground(m_owner->colourOf(category));
            if (category == CodeColours::Category::Comment)
                format.setFontItalic(true);
            setFormat(start - blockStart, end - start, format);
        }
    }

private:
    CodeColours *m_owner;
};

CodeColours::CodeColours(QObject *parent)
    : QObject(parent)
{
    connect(highlighter(), &CodeHighlighter::highlighted, this,
        [this](const QString &key, const CodeHighlight &result) {
            if (key == m_pendingKey)
                apply(result);
        });
    connect(highlighter(), &CodeHighlighter::failed, this,
        [this](const QString &key, const QString &reason) {
            if (key != m_pendingKey)
                return;
            // The code stays readable in one colour; a timeout is the machine's, not the user's.
            qCDebug(lcDesktop) << "code block not coloured:" << reason;
            m_pendingKey.clear();
        });
    connect(this, &CodeColours::coloursChanged, this, [this] {
        if (m_highlighter && m_coloured)
            m_highlighter->rehighlight();
    });
}

CodeColours::~CodeColours()
{
    delete m_highlighter;
}

CodeHighlighter *CodeColours::highlighter()
{
    static CodeHighlighter *shared = new CodeHighlighter(QCoreApplication::instance());
    return shared;
}

void CodeColours::setDocument(QQuickTextDocument *document)
{
    if (m_document == document)
        return;
    delete m_highlighter;
    m_document = document;
    if (document && document->textDocument()) {
        m_highlighter = new CodeSyntaxHighlighter(document->textDocument(), this);
        // A TextEdit given new code (a delegate reused, an edit) asks again. Applying colours
        // signals a change too (formats): the text then is the same, and nothing is asked.
        connect(document->textDocument(), &QTextDocument::contentsChanged, this, [this] {
            if (m_document && m_document->textDocument()->toPlainText() != m_code)
                request();
        });
    }
    Q_EMIT documentChanged();
    request();
}

void CodeColours::setLanguage(const QString &language)
{
    if (m_language == language)
        return;
    m_language = language;
    Q_EMIT languageChanged();
    request();
}

void CodeColours::request()
{
    const QString code = m_document && m_document->textDocument()
        ? m_document->textDocument()->toPlainText()
        : QString();
    m_code = code;
    m_pendingKey.clear();
    if (!m_tokens.isEmpty() || m_coloured) {
        m_tokens.clear();
        if (m_highlighter)
            m_highlighter->rehighlight();
        if (m_coloured) {
            m_coloured = false;
            Q_EMIT colouredChanged();
        }
    }
    if (code.isEmpty() || m_language.isEmpty() || !m_highlighter)
        return;
    m_pendingKey = highlighter()->request(code, m_language);
}

void CodeColours::apply(const CodeHighlight &result)
{
    m_pendingKey.clear();
    if (result.tokens.isEmpty())
        return;
    m_tokens = result.tokens;
    if (m_highlighter)
        m_highlighter->rehighlight();
    m_coloured = true;
    Q_EMIT colouredChanged();
}

CodeColours::Category CodeColours::categoryOf(const QString &scope)
{
    // highlight.js 11 scopes
    // (https://highlightjs.readthedocs.io/en/latest/css-classes-reference.html); a sub-scope
    // ("title.function", "meta.keyword") takes its first part's colour.
    const QStringView base = QStringView(scope).left(scope.indexOf(u'.'));
    if (base == u"keyword" || base == u"meta" || base == u"selector-tag")
        return Category::Keyword;
    if (base == u"string" || base == u"regexp" || base == u"char" || base == u"symbol")
        return Category::String;
    if (base == u"comment" || base == u"doctag" || base == u"quote")
        return Category::Comment;
    if (base == u"number" || base == u"literal")
        return Category::Number;
    if (base == u"title" || base == u"section" || base == u"name")
        return Category::Title;
    if (base == u"type" || base == u"built_in" || base == u"class" || base == u"attr"
        || base == u"attribute" || base == u"variable")
        return Category::Type;
    return Category::Plain;
}

QColor CodeColours::colourOf(Category category) const
{
    switch (category) {
    case Category::Keyword:
        return m_keywordColor;
    case Category::String:
        return m_stringColor;
    case Category::Comment:
        return m_commentColor;
    case Category::Number:
        return m_numberColor;
    case Category::Title:
        return m_titleColor;
    case Category::Type:
        return m_typeColor;
    case Category::Plain:
        break;
    }
    return QColor();
}
