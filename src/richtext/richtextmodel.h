#pragma once

#include "richdocument.h"

#include <QAbstractListModel>
#include <QColor>

/// A message's blocks for a view: set `text` to the message's source, and a ListView (or a
/// Repeater in a Column) draws one row per block with a DelegateChooser on `kind`.
/// Registered with QML by the module that uses it.
class RichTextModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(int count READ count NOTIFY textChanged)
    Q_PROPERTY(QString plainText READ plainText NOTIFY textChanged)
    Q_PROPERTY(bool limited READ limited NOTIFY textChanged)
    /// True while a long message is parsed on a worker thread: the rows are then one plain
    /// paragraph with the start of the text, and are replaced when the parse is done.
    Q_PROPERTY(bool parsing READ parsing NOTIFY parsingChanged)
    /// The colour of inline formulas in `html` (their TeX source until a renderer draws them);
    /// invalid: the text's colour.
    Q_PROPERTY(QColor mathColor READ mathColor WRITE setMathColor NOTIFY mathColorChanged)
    /// The colour of inline code in `html` (StyledText draws <code> in the text's font).
    Q_PROPERTY(QColor codeColor READ codeColor WRITE setCodeColor NOTIFY codeColorChanged)

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1, ///< RichBlock::Kind: which delegate draws the row
        HtmlRole, ///< StyledText html of a text block, formulas shown as their source (mathColor)
        PlainTextRole, ///< the block without markup: its accessible name
        HeadingLevelRole, ///< 1–6 for a Heading, else 0
        ListDepthRole, ///< lists around the block (indentation), 0 outside lists
        QuoteLevelRole, ///< quotes around the block (bars to draw), 0 outside quotes
        MarkerRole, ///< a ListItem's marker: "•", "◦", "▪" or "3."
        LanguageRole, ///< a CodeBlock's language from its info string, or ""
        SourceRole, ///< a CodeBlock's exact code, or a DisplayMath block's TeX
        MathSourcesRole, ///< QStringList: the TeX of each formula inside a text block, in order
        BlockRole, ///< the whole RichBlock gadget
    };
    Q_ENUM(Role)

    /// Longer sources are parsed off the GUI thread. Parsing is linear, about 0.2 ms per KiB in
    /// a Debug build: the reference backend's 4,000 characters stay well under a frame, and a
    /// hostile 1 MB message from another server never holds the GUI thread.
    static constexpr qsizetype SyncParseLimit = 16 * 1024;
    /// What the placeholder paragraph shows of a long message while it is parsed.
    static constexpr qsizetype PlaceholderCharacters = 2000;

    explicit RichTextModel(QObject *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    int count() const { return int(m_document.blocks.size()); }
    QString plainText() const { return m_document.plainText(); }
    bool limited() const { return m_document.limited; }
    bool parsing() const { return m_parsing; }
    const RichDocument &document() const { return m_document; }
    QColor mathColor() const { return m_mathColor; }
    void setMathColor(const QColor &color);
    QColor codeColor() const { return m_codeColor; }
    void setCodeColor(const QColor &color);

    /// A block's html as the views draw it: inline formulas and code in their colours.
    QString styledHtml(const RichBlock &block) const;
    /// What stands for an inline formula in the html until MathText has its picture: the escaped
    /// source in mathColor.
    QString inlineMathHtml(const MathSpan &span) const;
    /// A block's html with each inline formula as `renderMath` gives it and inline code in
    /// `codeColor` (none when invalid): shared with MathText, which draws the formulas.
    static QString styledHtml(const RichBlock &block,
        const std::function<QString(const MathSpan &)> &renderMath, const QColor &codeColor);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void textChanged();
    void parsingChanged();
    void mathColorChanged();
    void codeColorChanged();

private:
    QString m_text;
    RichDocument m_document;
    QColor m_mathColor;
    QColor m_codeColor;
    bool m_parsing = false;
    /// Which setText() a parse on a worker thread belongs to: an older one's result is dropped.
    quint64 m_generation = 0;

    void setDocument(RichDocument document);
    void setParsing(bool parsing);

    void htmlChanged();
};
