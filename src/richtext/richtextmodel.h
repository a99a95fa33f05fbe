#pragma once

#include "richdocument.h"

#include <QAbstractListModel>

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

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1, ///< RichBlock::Kind: which delegate draws the row
        HtmlRole, ///< StyledText html of a text block, formulas shown as their source
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

    explicit RichTextModel(QObject *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    int count() const { return int(m_document.blocks.size()); }
    QString plainText() const { return m_document.plainText(); }
    bool limited() const { return m_document.limited; }
    const RichDocument &document() const { return m_document; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void textChanged();

private:
    QString m_text;
    RichDocument m_document;
};
