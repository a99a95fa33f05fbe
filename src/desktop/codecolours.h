#pragma once

#include "math/codehighlighter.h"

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQuickTextDocument>

class CodeSyntaxHighlighter;

/// Syntax colours for a code block shown in a read-only plain-text TextEdit:
///
///     TextEdit { id: code; textFormat: TextEdit.PlainText; readOnly: true; text: block.source
///                CodeColours { document: code.textDocument; language: block.language
///                              keywordColor: Theme.codeKeyword; ... } }
///
/// The text stays the code as typed (tabs kept, selectable, copied as is); only character
/// formats change, from highlight.js's ranges (CodeHighlighter, off the GUI thread). Until they
/// come, and for a language highlight.js does not know, the code is one colour.
class CodeColours : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QQuickTextDocument *document READ document WRITE setDocument NOTIFY documentChanged)
    /// The fence's language ("python", "cpp", "js"); empty: no colours.
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    /// Keywords and the like (def, class, return, #include).
    Q_PROPERTY(QColor keywordColor MEMBER m_keywordColor NOTIFY coloursChanged)
    Q_PROPERTY(QColor stringColor MEMBER m_stringColor NOTIFY coloursChanged)
    Q_PROPERTY(QColor commentColor MEMBER m_commentColor NOTIFY coloursChanged)
    /// Numbers and literals (42, true, None).
    Q_PROPERTY(QColor numberColor MEMBER m_numberColor NOTIFY coloursChanged)
    /// Names being defined: functions, classes.
    Q_PROPERTY(QColor titleColor MEMBER m_titleColor NOTIFY coloursChanged)
    /// Types and built-ins (int, print, std).
    Q_PROPERTY(QColor typeColor MEMBER m_typeColor NOTIFY coloursChanged)
    /// Whether the colours are applied (false until highlight.js answered, or without a language).
    Q_PROPERTY(bool coloured READ coloured NOTIFY colouredChanged)

public:
    /// What a highlight.js scope is drawn as.
    enum class Category
    {
        Plain,
        Keyword,
        String,
        Comment,
        Number,
        Title,
        Type,
    };

    explicit CodeColours(QObject *parent = nullptr);
    ~CodeColours() override;

    QQuickTextDocument *document() const { return m_document; }
    void setDocument(QQuickTextDocument *document);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    bool coloured() const { return m_coloured; }

    static Category categoryOf(const QString &scope);
    QColor colourOf(Category category) const;

    /// The app's one highlighter (its engine loads on the first code block, frees when idle).
    static CodeHighlighter *highlighter();

Q_SIGNALS:
    void documentChanged();
    void languageChanged();
    void coloursChanged();
    void colouredChanged();

private:
    friend class CodeSyntaxHighlighter;
    void request();
    void apply(const CodeHighlight &result);

    QPointer<QQuickTextDocument> m_document;
    QPointer<CodeSyntaxHighlighter> m_highlighter;
    QString m_language;
    /// The code the colours are for (the document's text when they were asked).
    QString m_code;
    QString m_pendingKey;
    QList<CodeToken> m_tokens;
    bool m_coloured = false;
    QColor m_keywordColor = QColor(0xa6, 0x26, 0xa4);
    QColor m_stringColor = QColor(0x50, 0xa1, 0x4f);
    QColor m_commentColor = QColor(0x6a, 0x73, 0x7d);
    QColor m_numberColor = QColor(0x98, 0x68, 0x01);
    QColor m_titleColor = QColor(0x40, 0x78, 0xf2);
    QColor m_typeColor = QColor(0xc1, 0x84, 0x01);
};
