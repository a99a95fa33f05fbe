#pragma once

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQuickTextDocument>

class LinkSyntaxHighlighter;

/// Colours and underlines the http(s) links of a plain-text TextEdit without making it rich text:
///
///     TextEdit { id: body; textFormat: TextEdit.PlainText; readOnly: true
///                LinkHighlighter { document: body.textDocument; linkColor: palette.link } }
///
/// The text stays plain; only the character formats of the link ranges change.
class LinkHighlighter : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QQuickTextDocument *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(QColor linkColor READ linkColor WRITE setLinkColor NOTIFY linkColorChanged)
    /// How many links the document has, after the last highlighting pass.
    Q_PROPERTY(int linkCount READ linkCount NOTIFY linkCountChanged)

public:
    explicit LinkHighlighter(QObject *parent = nullptr);
    ~LinkHighlighter() override;

    QQuickTextDocument *document() const { return m_document; }
    void setDocument(QQuickTextDocument *document);
    QColor linkColor() const { return m_linkColor; }
    void setLinkColor(const QColor &color);
    int linkCount() const { return m_linkCount; }

Q_SIGNALS:
    void documentChanged();
    void linkColorChanged();
    void linkCountChanged();

private:
    friend class LinkSyntaxHighlighter;
    void setLinkCount(int count);

    QPointer<QQuickTextDocument> m_document;
    QPointer<LinkSyntaxHighlighter> m_highlighter;
    QColor m_linkColor = QColor(0x1a, 0x73, 0xe8);
    int m_linkCount = 0;
};
