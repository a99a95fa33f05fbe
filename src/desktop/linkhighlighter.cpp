#include "linkhighlighter.h"

#include "richtext/linkdetector.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <QTextDocument>

class LinkSyntaxHighlighter : public QSyntaxHighlighter
{
public:
    LinkSyntaxHighlighter(QTextDocument *document, LinkHighlighter *owner)
        : QSyntaxHighlighter(document)
        , m_owner(owner)
    { }

protected:
    void highlightBlock(const QString &text) override
    {
        QTextCharFormat format;
        format.setForeground(m_owner->linkColor());
        format.setFontUnderline(true);
        for (const auto &link : LinkDetector::find(text))
            setFormat(int(link.start), int(link.length), format);
    }

private:
    LinkHighlighter *m_owner;
};

LinkHighlighter::LinkHighlighter(QObject *parent)
    : QObject(parent)
{ }

LinkHighlighter::~LinkHighlighter()
{
    delete m_highlighter;
}

void LinkHighlighter::setDocument(QQuickTextDocument *document)
{
    if (m_document == document)
        return;
    delete m_highlighter;
    m_document = document;
    if (document && document->textDocument()) {
        QTextDocument *textDocument = document->textDocument();
        m_highlighter = new LinkSyntaxHighlighter(textDocument, this);
        const auto count = [this, textDocument] {
            setLinkCount(int(LinkDetector::find(textDocument->toPlainText()).size()));
        };
        connect(textDocument, &QTextDocument::contentsChanged, m_highlighter, count);
        count();
    }
    Q_EMIT documentChanged();
}

void LinkHighlighter::setLinkColor(const QColor &color)
{
    if (m_linkColor == color)
        return;
    m_linkColor = color;
    if (m_highlighter)
        m_highlighter->rehighlight();
    Q_EMIT linkColorChanged();
}

void LinkHighlighter::setLinkCount(int count)
{
    if (m_linkCount == count)
        return;
    m_linkCount = count;
    Q_EMIT linkCountChanged();
}
