#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

/// A TeX formula inside a text block.
struct MathSpan
{
    Q_GADGET
    Q_PROPERTY(QString tex MEMBER tex CONSTANT)
    Q_PROPERTY(QString source MEMBER source CONSTANT)
    Q_PROPERTY(bool display MEMBER display CONSTANT)

public:
    /// The TeX between the delimiters, trimmed: what a renderer draws.
    QString tex;
    /// The text as typed, delimiters included ("$x^2$"): what is shown until the picture is
    /// ready, and the formula's accessible name.
    QString source;
    /// $$…$$ or \[…\] inside a line (only when it could not be a block of its own).
    bool display = false;

    bool operator==(const MathSpan &) const = default;
};

/// One block of a message, drawn by one delegate.
///
/// Text blocks (Paragraph, Heading, Quote, ListItem) carry `html` in a subset of QML's
/// Text.StyledText that can load nothing: every character of the message is escaped, and the
/// only tags are <b>, <i>, <s>, <code>, <br> and <a href="http(s)://…">. There is never an <img>.
struct RichBlock
{
    Q_GADGET
    Q_PROPERTY(Kind kind MEMBER kind CONSTANT)
    Q_PROPERTY(int headingLevel MEMBER headingLevel CONSTANT)
    Q_PROPERTY(int listDepth MEMBER listDepth CONSTANT)
    Q_PROPERTY(int quoteLevel MEMBER quoteLevel CONSTANT)
    Q_PROPERTY(QString marker MEMBER marker CONSTANT)
    Q_PROPERTY(QString language MEMBER language CONSTANT)
    Q_PROPERTY(QString source MEMBER source CONSTANT)
    Q_PROPERTY(QString html READ html CONSTANT)
    Q_PROPERTY(QString plainText MEMBER plainText CONSTANT)

public:
    enum Kind
    {
        Paragraph, ///< text; also a list item's second paragraph (indented by listDepth)
        Heading, ///< text drawn as a bold paragraph of modest size; headingLevel 1–6
        CodeBlock, ///< `source` is the exact code, tabs kept; `language` from the info string
        Quote, ///< a paragraph inside quotes (quoteLevel ≥ 1)
        ListItem, ///< a list item's first paragraph, after `marker` ("•", "3.")
        Rule, ///< a thematic break
        DisplayMath, ///< `source` is the TeX of a formula on its own lines
    };
    Q_ENUM(Kind)

    Kind kind = Paragraph;
    int headingLevel = 0;
    /// Nesting of lists around the block (0 outside lists), capped.
    int listDepth = 0;
    /// Nesting of quotes around the block (0 outside quotes), capped; any kind can be quoted.
    int quoteLevel = 0;
    /// A list item's marker: "•", "◦" or "▪" by depth, or the number and its delimiter.
    QString marker;
    /// CodeBlock: the first word of the fence's info string ("python"), or empty.
    QString language;
    /// CodeBlock: the code as typed. DisplayMath: the TeX between the delimiters.
    QString source;
    /// The html pieces around the inline formulas: always mathSpans.size() + 1 of them.
    QStringList htmlParts = { QString() };
    QList<MathSpan> mathSpans;
    /// The block's text without markup: link texts, formulas and code as typed.
    QString plainText;

    /// The html with each formula shown as its escaped source ("$x^2$").
    QString html() const;
    /// The html with each formula replaced by what `render` returns for it (already html).
    QString htmlWithMath(const std::function<QString(const MathSpan &)> &render) const;

    bool operator==(const RichBlock &) const = default;
};

/// Caps that keep hostile messages cheap. Parsing is linear in the message's length (md4c and
/// the math pass are), and these bound what the views get.
struct RichTextLimits
{
    /// Beyond this many blocks the rest of the message is one plain paragraph.
    int maxBlocks = 200;
    /// Deeper lists and quotes are drawn at this depth.
    int maxDepth = 8;
    /// The plain paragraph that takes the rest is cut after this many characters.
    int maxOverflowCharacters = 16 * 1024;
};

/// A message's source text as blocks. The source itself is what is sent and stored; the CLI,
/// notifications and the store keep it (issue 12); `plainText()` is for accessible names.
struct RichDocument
{
    QList<RichBlock> blocks;
    /// True when maxBlocks was reached: the last block holds the rest as plain text, maybe cut.
    bool limited = false;

    /// Markdown (CommonMark, strikethrough, no raw HTML, no images) with TeX math.
    static RichDocument parse(const QString &source, const RichTextLimits &limits = {});

    /// False when `source` cannot hold Markdown or math, so that a view may show it as plain text
    /// (one paragraph, line breaks kept, links found by LinkDetector) without parsing it: no
    /// character that starts inline markup or math (* ~ ` $ \ [, or _ not inside a word) and no
    /// line that starts a block
    /// (#, >, -, +, =, "1." or "1)", a tab or four spaces). One pass over the text, no allocation;
    /// a false positive only costs a parse. Entities ("&amp;") are left out: they show as typed.
    static bool needsRendering(QStringView source);

    /// The blocks' plain texts, one per line, list items after their marker, code as typed.
    QString plainText() const;
};

Q_DECLARE_METATYPE(MathSpan)
Q_DECLARE_METATYPE(RichBlock)
