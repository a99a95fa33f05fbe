#include "richtextmodel.h"

RichTextModel::RichTextModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void RichTextModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    beginResetModel();
    m_text = text;
    m_document = RichDocument::parse(text);
    endResetModel();
    Q_EMIT textChanged();
}

int RichTextModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant RichTextModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RichBlock &block = m_document.blocks.at(index.row());
    switch (role) {
    case KindRole:
        return QVariant::fromValue(block.kind);
    case Qt::DisplayRole:
    case HtmlRole:
        return block.html();
    case PlainTextRole:
        return block.plainText;
    case HeadingLevelRole:
        return block.headingLevel;
    case ListDepthRole:
        return block.listDepth;
    case QuoteLevelRole:
        return block.quoteLevel;
    case MarkerRole:
        return block.marker;
    case LanguageRole:
        return block.language;
    case SourceRole:
        return block.source;
    case MathSourcesRole: {
        QStringList sources;
        for (const MathSpan &span : block.mathSpans)
            sources.append(span.tex);
        return sources;
    }
    case BlockRole:
        return QVariant::fromValue(block);
    default:
        return {};
    }
}

QHash<int, QByteArray> RichTextModel::roleNames() const
{
    return {
        { KindRole, "kind" },
        { HtmlRole, "html" },
        { PlainTextRole, "plainText" },
        { HeadingLevelRole, "headingLevel" },
        { ListDepthRole, "listDepth" },
        { QuoteLevelRole, "quoteLevel" },
        { MarkerRole, "marker" },
        { LanguageRole, "language" },
        { SourceRole, "source" },
        { MathSourcesRole, "mathSources" },
        { BlockRole, "block" },
    };
}
